"""Clause patterns: the one matching mechanism shared by rules and the profile.

A pattern is matched sentence by sentence on accent-folded text, case-insensitively:
`any` anchors the match, every group in `all` must also match in the same sentence
(or within `window` following sentences), and nothing in `none` may match. Matches in
optional template text are dropped; negated matches ("non è riservata") are kept
apart, because an explicit "no" is evidence too.

Regular expressions come from packs that third parties write, so they are compiled
with the `regex` module and searched with a timeout (clauses/regexes.py): a catastrophic
pattern fails the rule, it does not hang the run; section patterns too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex
from pydantic import BaseModel, Field, ValidationInfo, field_validator

from proseco_check.clauses.regexes import (
    REGEX_TIMEOUT_S,
    PatternTimeout,
    compile_all,
    compile_multiline,
    compile_pattern,
    first,
    lines_matching,
    search,
)

if TYPE_CHECKING:
    from proseco_check.nlp.view import NlpView, Sentence

__all__ = ["REGEX_TIMEOUT_S", "ClauseMatch", "ClausePattern", "PatternTimeout", "compile_pattern",
           "match_any", "match_pattern", "search"]
# Validation context of packs read back from the pack cache: their expressions compiled
# when the cached copy was made, so they are compiled again only when a rule uses them.
TRUSTED = "validated_before"


class ClausePattern(BaseModel):
    model_config = {"extra": "forbid"}

    any: list[str] = Field(min_length=1)
    all: list[list[str]] = Field(default_factory=list)
    none: list[str] = Field(default_factory=list)
    window: int = Field(default=0, ge=0, le=5)
    negatable: bool = True
    section: str | None = None
    # Sections where the clause does not count (e.g. an award-criteria table naming a
    # social criterion is not a social execution clause).
    not_section: str | None = None

    @field_validator("any", "none")
    @classmethod
    def _compiles(cls, value: list[str], info: ValidationInfo) -> list[str]:
        if not _trusted(info):
            for source in value:
                _check_regex(source)
        return value

    @field_validator("all")
    @classmethod
    def _groups_compile(cls, value: list[list[str]], info: ValidationInfo) -> list[list[str]]:
        if not _trusted(info):
            for group in value:
                for source in group:
                    _check_regex(source)
        return value


def _trusted(info: ValidationInfo) -> bool:
    return isinstance(info.context, dict) and bool(info.context.get(TRUSTED))


def _check_regex(source: str) -> None:
    try:
        compile_pattern(source)
    except regex.error as exc:
        raise ValueError(f"invalid regular expression {source!r}: {exc}") from None


@dataclass(frozen=True)
class ClauseMatch:
    sentence: Sentence
    start: int
    end: int
    negated: bool

    @property
    def text(self) -> str:
        return self.sentence.text.strip()


def _is_title(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _candidates(view: NlpView, sources: list[str]) -> list[int]:
    """Indices of the sentences where an anchor may match, found with one scan of the
    whole document per regex instead of one search per sentence (one sentence a line)."""
    joined, starts = view.joined_folded()
    budget = max(REGEX_TIMEOUT_S, len(joined) / 200_000)
    found: set[int] = set()
    for source in sources:
        found.update(lines_matching(compile_multiline(source), joined, starts, budget, source))
    return sorted(found)


def match_pattern(view: NlpView, pattern: ClausePattern) -> list[ClauseMatch]:
    """All operative matches of one pattern (template text excluded), negated or not.
    Section patterns run under the regex timeout like every other expression."""
    matches: list[ClauseMatch] = []
    section = compile_pattern(pattern.section) if pattern.section else None
    excluded = compile_pattern(pattern.not_section) if pattern.not_section else None
    anchors = compile_all(tuple(pattern.any))
    groups = [compile_all(tuple(group)) for group in pattern.all]
    unless = compile_all(tuple(pattern.none))
    sentences = view.sentences
    for i in _candidates(view, pattern.any):
        sentence = sentences[i]
        # A section title ("CLAUSOLA SOCIALE") is not a clause. Mixed-case "headings" in
        # PDFs are usually bold table rows (award criteria) and do count.
        if sentence.block.kind == "heading" and _is_title(sentence.text):
            continue
        anchor = first(anchors, sentence.folded)
        if anchor is None:
            continue
        if section is not None and not view.in_section(sentence, section):
            continue
        if excluded is not None and view.in_section(sentence, excluded):
            continue
        scope = sentence.folded
        if pattern.window:
            following = sentences[i + 1:i + 1 + pattern.window]
            scope = " ".join([scope, *(s.folded for s in following
                                       if s.block_index - sentence.block_index <= pattern.window)])
        if any(first(group, scope) is None for group in groups):
            continue
        if unless and first(unless, scope) is not None:
            continue
        start, end = anchor.span()
        if sentence.in_template_at(start, end):
            continue
        negated = pattern.negatable and sentence.negated_at(start, end)
        matches.append(ClauseMatch(sentence, start, end, negated))
    return matches


def match_any(view: NlpView, patterns: list[ClausePattern]) -> list[ClauseMatch]:
    """Matches of several patterns, one per sentence, in document order."""
    seen: dict[int, ClauseMatch] = {}
    for pattern in patterns:
        for m in match_pattern(view, pattern):
            current = seen.get(m.sentence.index)
            if current is None or (current.negated and not m.negated):
                seen[m.sentence.index] = m
    return [seen[k] for k in sorted(seen)]
