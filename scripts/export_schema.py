"""Write the JSON Schemas to docs/schema/: the report of `check --format json`
(report.schema.json), the rule-pack language (pack.schema.json) and the clause
vocabulary (clause.schema.json), the last two for editors (the packs and clause files
name them in a `yaml-language-server: $schema=` first line, as Semgrep publishes its rule
schema).

The schemas are generated from the pydantic models, so they cannot drift from the code:
run this script after changing proseco_check/model/report.py, engine/schema.py or
clauses/schema.py (tests fail while a committed file differs from a fresh export).

    python scripts/export_schema.py           # rewrite docs/schema/*.schema.json
    python scripts/export_schema.py --check   # exit 1 if a committed file is stale
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
            # Keys written only in some runs (x-optional: Evidence.file, Fact.file and
            # the procedures of check --procedure) are not required.
            node["required"] = [k for k, v in node["properties"].items()
                                if not (isinstance(v, dict) and v.get("x-optional"))]
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


def data_schema(kind: str) -> dict[str, Any]:
    """The schema of a file people write: a rule pack or a clause of the vocabulary."""
    if kind == "pack":
        from proseco_check.engine.schema import Pack as model
        title = "proseco-check rule pack (rules/*.yaml)"
    else:
        from proseco_check.clauses.schema import Clause as model  # type: ignore[assignment]
        title = "proseco-check clause (clauses/*.yaml)"
    generated = model.model_json_schema(mode="validation")
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema", "title": title,
        "description": f"Generated from {model.__module__}.{model.__name__} by "
                       "scripts/export_schema.py: do not edit by hand. Field docs: "
                       "docs/rule-language.md.",
    }
    schema.update({k: v for k, v in generated.items() if k not in ("title", "description")})
    return schema


def schema_texts() -> dict[Path, str]:
    """Each schema file and its fresh text."""
    schemas = {"report": report_schema(), "pack": data_schema("pack"),
               "clause": data_schema("clause")}
    return {SCHEMA_PATH.parent / f"{name}.schema.json":
            json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
            for name, schema in schemas.items()}


def schema_text() -> str:
    return schema_texts()[SCHEMA_PATH]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if the committed schema differs from a fresh export")
    args = parser.parse_args(argv)
    stale = 0
    for path, text in schema_texts().items():
        name = path.relative_to(REPO)
        if args.check:
            current = path.read_text(encoding="utf-8") if path.is_file() else ""
            if current != text:
                print(f"{name} is stale: run python scripts/export_schema.py", file=sys.stderr)
                stale += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {name}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
