"""Clause patterns: the one matching mechanism shared by rules and the profile.

A pattern is matched sentence by sentence on accent-folded text, case-insensitively:
`any` anchors the match, every group in `all` must also match in the same sentence
(or within `window` following sentences), and nothing in `none` may match. Matches in
optional template text are dropped; negated matches ("non è riservata") are kept
apart, because an explicit "no" is evidence too.

Regular expressions come from packs that third parties write, so they are compiled
with the `regex` module and searched with a timeout: a catastrophic pattern fails the
rule, it does not hang the run.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

import regex
from pydantic import BaseModel, Field, field_validator

from proseco_check.nlp.fold import fold
from proseco_check.nlp.view import NlpView, Sentence

REGEX_TIMEOUT_S = 0.25
_FLAGS = regex.IGNORECASE | regex.UNICODE | regex.V0


class PatternTimeout(Exception):
    pass


@lru_cache(maxsize=4096)
def compile_pattern(source: str) -> regex.Pattern[str]:
    return regex.compile(fold(source), _FLAGS)


def search(pattern: regex.Pattern[str], text: str) -> regex.Match[str] | None:
    try:
        return pattern.search(text, timeout=REGEX_TIMEOUT_S)
    except TimeoutError:
        raise PatternTimeout(pattern.pattern) from None


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
    def _compiles(cls, value: list[str]) -> list[str]:
        for source in value:
            check_regex(source)
        return value

    @field_validator("all")
    @classmethod
    def _groups_compile(cls, value: list[list[str]]) -> list[list[str]]:
        for group in value:
            for source in group:
                check_regex(source)
        return value


def check_regex(source: str) -> None:
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


def _first(sources: list[str], text: str) -> regex.Match[str] | None:
    for source in sources:
        found = search(compile_pattern(source), text)
        if found:
            return found
    return None


def _is_title(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


@lru_cache(maxsize=4096)
def _compile_multiline(source: str) -> regex.Pattern[str]:
    return regex.compile(fold(source), _FLAGS | regex.MULTILINE)


def _candidates(view: NlpView, sources: list[str]) -> list[int]:
    """Indices of the sentences where an anchor may match, found with one scan of the
    whole document per regex instead of one search per sentence. Overlapped matching
    and one sentence per line keep this a superset of the per-sentence matches."""
    joined, starts = view.joined_folded()
    timeout = max(REGEX_TIMEOUT_S, len(joined) / 200_000)
    found: set[int] = set()
    for source in sources:
        try:
            for m in _compile_multiline(source).finditer(joined, overlapped=True,
                                                          timeout=timeout):
                found.add(bisect.bisect_right(starts, m.start()) - 1)
        except TimeoutError:
            raise PatternTimeout(source) from None
    return sorted(found)


def match_pattern(view: NlpView, pattern: ClausePattern) -> list[ClauseMatch]:
    """All operative matches of one pattern (template text excluded), negated or not."""
    matches: list[ClauseMatch] = []
    section = compile_pattern(pattern.section) if pattern.section else None
    excluded = compile_pattern(pattern.not_section) if pattern.not_section else None
    sentences = view.sentences
    for i in _candidates(view, pattern.any):
        sentence = sentences[i]
        # A section title ("CLAUSOLA SOCIALE") is not a clause. Mixed-case "headings" in
        # PDFs are usually bold table rows (award criteria) and do count.
        if sentence.block.kind == "heading" and _is_title(sentence.text):
            continue
        anchor = _first(pattern.any, sentence.folded)
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
        if any(_first(group, scope) is None for group in pattern.all):
            continue
        if pattern.none and _first(pattern.none, scope) is not None:
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
