"""The rule language is published as JSON Schema (docs/schema/pack.schema.json,
clause.schema.json) for editors, like Semgrep's: the committed files are current, and every
shipped pack and clause file validates against them and names them on its first line."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import jsonschema
import pytest

from proseco_check.yaml_io import read_yaml_file

REPO = Path(__file__).resolve().parents[1]
SCHEMAS = REPO / "docs" / "schema"


def _exporter():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("export_schema", REPO / "scripts" / "export_schema.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_schemas_are_current() -> None:
    for path, text in _exporter().schema_texts().items():
        assert path.read_text(encoding="utf-8") == text, \
            f"{path.name} is stale: run python scripts/export_schema.py"


@pytest.mark.parametrize(("folder", "schema"), [("rules", "pack"), ("clauses", "clause")])
def test_every_shipped_file_validates_and_names_its_schema(folder: str, schema: str) -> None:
    validator = jsonschema.Draft202012Validator(
        json.loads((SCHEMAS / f"{schema}.schema.json").read_text(encoding="utf-8")))
    files = sorted((REPO / folder).glob("*.yaml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../docs/schema/{schema}.schema.json", path
        data = json.loads(json.dumps(read_yaml_file(path, "the file"), default=str))
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, (path.name, errors[:3])


def test_the_schema_rejects_what_the_loader_rejects() -> None:
    validator = jsonschema.Draft202012Validator(
        json.loads((SCHEMAS / "pack.schema.json").read_text(encoding="utf-8")))
    assert list(validator.iter_errors({"pack": {}, "rules": [{"id": "X-1", "colour": "blue"}]}))
