"""Shared helpers of the fact extractors: the lexicon (data/facts.yaml), its patterns per
language, operative matches, and a fact built from the sentences that show it."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from proseco_check.clauses.candidates import may_hold
from proseco_check.clauses.patterns import (
    ClausePattern,
    compile_pattern,
    match_any,
    search,
    trusting,
)
from proseco_check.clauses.prefilter import required_literals
from proseco_check.model.evidence import Evidence
from proseco_check.model.facts import Fact, FactValue
from proseco_check.nlp.entities import lowered
from proseco_check.nlp.view import NlpView, Sentence
from proseco_check.yaml_io import safe_load


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """facts.yaml plus document_kind.yaml and jurisdiction.yaml, one mapping."""
    data: dict[str, Any] = {}
    for name in ("facts.yaml", "document_kind.yaml", "jurisdiction.yaml"):
        text = resources.files("proseco_check.data").joinpath(name).read_text("utf-8")
        data.update(safe_load(text))
    return data


def patterns(entry: dict[str, Any] | None, lang: str, negatable: bool = True
             ) -> list[ClausePattern]:
    """A lexicon entry per language: plain regex strings or full clause patterns."""
    if not entry:
        return []
    items = entry.get(lang) or []
    out: list[ClausePattern] = []
    for item in items:
        if isinstance(item, dict):
            with trusting():
                out.append(ClausePattern(**item))
        else:
            out.append(lexicon_pattern((item,), negatable))
    return out


@lru_cache(maxsize=4096)
def lexicon_pattern(sources: tuple[str, ...], negatable: bool = True) -> ClausePattern:
    """A pattern of the lexicon's plain expressions, built once per process. The lexicon
    ships with the tool and its expressions are validated by the test suite
    (tests/test_facts_lexicon.py), so here each compiles only when a document may match it."""
    with trusting():
        return ClausePattern(any=list(sources), negatable=negatable)


def operative(view: NlpView, entry: dict[str, Any] | None, negatable: bool = True
              ) -> list[Sentence]:
    """Sentences where the entry matches, outside templates and not negated. Entries that
    are themselves a negative statement ("riservata: NO") pass negatable=False."""
    found = patterns(entry, view.language, negatable)
    return [m.sentence for m in match_any(view, found) if not m.negated]


def make_fact(value: FactValue, sentences: list[Sentence] | None = None, limit: int = 3) -> Fact:
    """A fact from the text. False without evidence means 'not found': source none."""
    evidence = [Evidence.of(s) for s in (sentences or [])[:limit]]
    found = value is not None and not (value is False and not evidence)
    return Fact(value=value, source="text" if found else "none", evidence=evidence)


def first_match(sources: list[str], text: str) -> tuple[int, int] | None:
    """(start, end) of the first of these regexes found in folded `text`. An expression
    whose required literals the text lacks is neither compiled nor searched (exact: it
    cannot match), as in clause matching: most of the lexicon's titles are absent."""
    low = lowered(text)
    for source in sources:
        if low is not None and not may_hold(low, required_literals(source)):
            continue
        found = search(compile_pattern(source), text)
        if found:
            start, end = found.span()
            return int(start), int(end)
    return None
