"""JSON: the whole result, stable key order, no timestamps (same input, same bytes)."""

from __future__ import annotations

import json

from ..result import Report


def render_json(report: Report, **_: object) -> str:
    data = report.model_dump(mode="json", exclude_none=False)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
