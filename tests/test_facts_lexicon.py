"""The fact lexicon (data/facts.yaml, document_kind.yaml, jurisdiction.yaml) ships with the
tool and its patterns are built without compiling them (facts/common.py); here every
expression in it is validated as a pack's would be."""

from __future__ import annotations

from typing import Any

from proseco_check.clauses.patterns import ClausePattern
from proseco_check.facts.common import lexicon


def _patterns(node: Any) -> list[ClausePattern]:
    """Every plain expression (as a one-anchor pattern) and full pattern under a node."""
    if isinstance(node, str):
        return [ClausePattern(any=[node])]
    if isinstance(node, list):
        return [p for item in node for p in _patterns(item)]
    if isinstance(node, dict):
        if "any" in node:
            return [ClausePattern(**node)]
        return [p for value in node.values() for p in _patterns(value)]
    return []


def test_every_lexicon_expression_compiles() -> None:
    found = _patterns({k: v for k, v in lexicon().items()
                       if k not in ("language_jurisdiction",)})
    assert len(found) > 100
