"""Write the JSON Schema of `proseco-check check --format json` to docs/schema/.

The schema is generated from the pydantic Report model, so it cannot drift from the
code: run this script after changing proseco_check/result.py (tests/test_ci_outputs.py
fails while the committed file differs from a fresh export).

    python scripts/export_schema.py           # rewrite docs/schema/report.schema.json
    python scripts/export_schema.py --check   # exit 1 if the committed file is stale
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SCHEMA_PATH = REPO / "docs" / "schema" / "report.schema.json"


def _all_keys_required(node: Any) -> None:
    """The JSON output writes every key, None included (exclude_none=False): say so, so
    that a key dropped by mistake fails validation."""
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            node["required"] = list(node["properties"])
        for value in node.values():
            _all_keys_required(value)
    elif isinstance(node, list):
        for value in node:
            _all_keys_required(value)


def report_schema() -> dict[str, Any]:
    from proseco_check.model.report import SCHEMA_VERSION, Report

    generated = Report.model_json_schema(mode="serialization")
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "proseco-check report",
        "description": "The output of `proseco-check check --format json`, schema_version "
                       f"{SCHEMA_VERSION}. Generated from proseco_check.model.report.Report by "
                       "scripts/export_schema.py: do not edit by hand.",
    }
    schema.update({k: v for k, v in generated.items() if k not in ("title", "description")})
    _all_keys_required(schema)
    return schema


def schema_text() -> str:
    return json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if the committed schema differs from a fresh export")
    args = parser.parse_args(argv)
    text = schema_text()
    if args.check:
        current = SCHEMA_PATH.read_text(encoding="utf-8") if SCHEMA_PATH.is_file() else ""
        if current != text:
            print(f"{SCHEMA_PATH.relative_to(REPO)} is stale: run python scripts/export_schema.py",
                  file=sys.stderr)
            return 1
        print(f"{SCHEMA_PATH.relative_to(REPO)} is up to date")
        return 0
    SCHEMA_PATH.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {SCHEMA_PATH.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
