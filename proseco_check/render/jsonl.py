"""JSON Lines: one object per finding, the document path first, then the finding's
fields in the order of the JSON report; an unreadable document is one {"path", "error"}
line. Handy for jq, grep and log pipelines."""

from __future__ import annotations

import json

from proseco_check.model.report import Report


def render_jsonl(report: Report, **_: object) -> str:
    lines = []
    for doc in report.documents:
        for finding in doc.findings:
            data = {"path": doc.path, **finding.model_dump(mode="json", exclude_none=False)}
            lines.append(json.dumps(data, ensure_ascii=False))
    for err in report.errors:
        lines.append(json.dumps({"path": err.path, "error": err.error}, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
