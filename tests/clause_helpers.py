"""Clauses for tests that build rules in memory or in a temporary pack: rules name a
clause of the vocabulary, so a test rule's wording becomes a small clause first."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import yaml

from proseco_check.clauses.schema import Clause
from proseco_check.clauses.vocabulary import register_clause

_EXAMPLE = {"it": "Testo di esempio del test.", "en": "An example text for the test.",
            "fr": "Un texte d'exemple du test.", "es": "Un texto de ejemplo.",
            "nl": "Een voorbeeldtekst voor de test.", "de": "Ein Beispieltext im Test."}


def clause_data(patterns: dict[str, list[dict[str, Any]]], **extra: Any) -> dict[str, Any]:
    """A valid clause with these patterns; its id depends on its content only."""
    body = {"patterns": patterns, **extra}
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:12]
    examples = [{"lang": lang, "text": _EXAMPLE[lang]} for lang in patterns]
    return {"id": f"test-{digest}", "title": {"it": "Clausola di prova", "en": "Test clause"},
            **body, "examples": {"good": examples, "bad": examples}}


def inline_clause(patterns: dict[str, list[dict[str, Any]]], **extra: Any) -> str:
    """Register a clause with these patterns in this process; return its id."""
    clause = Clause.model_validate(clause_data(patterns, **extra))
    register_clause(clause)
    return clause.id


def write_clause(pack_dir: Path, patterns: dict[str, list[dict[str, Any]]], **extra: Any
                 ) -> str:
    """Write a clause file into `pack_dir/clauses/`, where a user pack's clauses live."""
    data = clause_data(patterns, **extra)
    folder = pack_dir / "clauses"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{data['id']}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                               encoding="utf-8")
    return str(data["id"])


def write_clause_file(pack_dir: Path, clause: Clause) -> None:
    folder = pack_dir / "clauses"
    folder.mkdir(parents=True, exist_ok=True)
    data = clause.model_dump(mode="json", exclude_defaults=True)
    (folder / f"{clause.id}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                              encoding="utf-8")


def with_clauses(rule: dict[str, Any]) -> dict[str, Any]:
    """Tests write a rule's wording inline (`patterns`, `alternatives`, `applies_if_found`)
    so that each test reads on its own; this registers that wording as clauses and names
    them, as a pack does. A `clause` given explicitly is kept."""
    out = dict(rule)
    for inline, field in (("patterns", "clause"), ("alternatives", "alternative"),
                          ("applies_if_found", "applies_if_found")):
        value = out.pop(inline, None) if inline != "applies_if_found" else out.get(inline)
        if isinstance(value, dict) and not (field != inline and field in out):
            out[field] = inline_clause(value)
    return out
