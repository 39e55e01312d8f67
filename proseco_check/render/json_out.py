"""JSON: the whole result, stable key order, no timestamps (same input, same bytes)."""

from __future__ import annotations

import json

from proseco_check.model.report import Report


def render_json(report: Report, verbose: bool = False, **_: object) -> str:
    """With verbose, each document also gets `timings` (seconds per stage), its last key:
    opt-in, so the default output stays byte-identical across runs."""
    data = report.model_dump(mode="json", exclude_none=False)
    if verbose:
        for doc, out in zip(report.documents, data["documents"], strict=True):
            out["timings"] = doc.timings
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
