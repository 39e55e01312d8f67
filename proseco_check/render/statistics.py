"""`check --statistics`: how many results each rule produced, like `ruff --statistics`.

One row per rule and status, most frequent first: count, rule id, status, title. Only
results that count (missing or wrong, neither suppressed nor baselined). With
`--format json` the same rows as a JSON array.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from proseco_check.model.report import Report
from proseco_check.render.common import counted
from proseco_check.render.escape import concise_line


def statistics(report: Report) -> list[dict[str, Any]]:
    counts: Counter[tuple[str, str]] = Counter()
    info: dict[str, tuple[str, str, str]] = {}
    for doc in report.judged():
        for finding in counted(doc):
            counts[finding.rule, finding.status] += 1
            info.setdefault(finding.rule, (finding.name, finding.title, finding.severity))
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [{"count": n, "rule": rule, "name": info[rule][0], "status": status,
             "severity": info[rule][2], "title": info[rule][1]}
            for (rule, status), n in rows]


def render_statistics(report: Report, as_json: bool = False, color: bool = False) -> str:
    rows = statistics(report)
    if as_json:
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if not rows:
        return ""
    count_w = max(len(str(r["count"])) for r in rows)
    rule_w = max(len(r["rule"]) for r in rows)
    status_w = max(len(r["status"]) for r in rows)
    lines = []
    for r in rows:
        rule = r["rule"].ljust(rule_w)
        if color:
            rule = f"\x1b[1;31m{rule}\x1b[0m"
        lines.append(f"{str(r['count']).rjust(count_w)}\t{rule}\t"
                     f"{r['status'].ljust(status_w)}\t{concise_line(r['title'])}")
    return "\n".join(lines) + "\n"
