"""Which sentences an anchor may match, found fast and exactly: a scan of the whole
document (one sentence a line) for anchors without required literals, and for the rest
only the lines holding their literals (clauses/prefilter.py). The result is what one full
scan per anchor gives; tests/test_nlp_speed.py compares them."""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, TypeAlias

import regex

from proseco_check.clauses.prefilter import lines_holding, required_literals
from proseco_check.nlp.regexes import (
    REGEX_TIMEOUT_S,
    PatternTimeout,
    compile_multiline,
    lines_matching,
    search,
)

if TYPE_CHECKING:
    from proseco_check.nlp.view import NlpView

# A candidate sentence: the anchors that may match it alone (None: any), and the first
# of them that does, when sentences_to_try has already searched it.
Candidate: TypeAlias = "tuple[tuple[int, ...] | None, regex.Match[str] | None]"


# What may make an expression match a sentence alone but not where that sentence stands
# in the joined text (a string boundary seen as a newline, no backtracking into the next
# line): negative lookarounds, \A \Z \z \G \K \X, possessive and atomic forms, fuzzy
# braces, and any group syntax besides (?: (?= (?<= (?P< (?P= (?<name> and case flags.
_JOINED_UNSAFE = regex.compile(
    r"(?<!\\)(?:\\\\)*(?:\\[AZzGKX]|\(\?(?!:|=|<=|P<|P=|<[A-Za-z_]|[-isx]+[:)]))"
    r"|[*+?}]\+|\{(?!\d*(?:,\d*)?\})")


@lru_cache(maxsize=4096)
def _scan_only(source: str) -> bool:
    """An anchor without required literals that can still share the prefiltered path: every
    match it has in a sentence alone starts a match in the joined text, so the lines its
    full scan names include every line where it matches alone."""
    return _JOINED_UNSAFE.search(source) is None


def sentences_to_try(view: NlpView, sources: list[str]) -> dict[int, Candidate]:
    """The sentences where a scan of the whole document (one sentence a line) finds an
    anchor match starting, each with the anchors that may match the sentence alone (None:
    any) and, when known, the first of them that matches it. Lines holding an anchor's
    required literals are examined with the anchors whose literals they hold; an anchor
    without literals is scanned in full, and the lines it names are handed on whole."""
    joined, starts = view.joined_folded()
    budget = max(REGEX_TIMEOUT_S, len(joined) / 200_000)
    literals = [required_literals(source) for source in sources]
    low = view.joined_lowered()
    unknown = [j for j, lits in enumerate(literals) if lits is None]
    scanned: set[int] = set()
    if low is None or not all(_scan_only(sources[j]) for j in unknown):
        unknown = list(range(len(sources)))
    for j in unknown:
        scanned.update(lines_matching(compile_multiline(sources[j]), joined, starts, budget,
                                      sources[j]))
    may_match: dict[int, list[int]] = {}
    if len(unknown) < len(sources):
        for j, lits in enumerate(literals):
            if lits is not None:
                for line in lines_holding(low, starts, lits):  # type: ignore[arg-type]
                    may_match.setdefault(line, []).append(j)
    # Anchors compile (and their scans start) only when a line needs them.
    scans: dict[int, _Scan] = {}

    def scan(j: int) -> _Scan:
        if j not in scans:
            scans[j] = _Scan(compile_multiline(sources[j]), sources[j], joined, budget)
        return scans[j]

    out: dict[int, Candidate] = {}
    for i in sorted(scanned.union(may_match)):
        if i in scanned:  # an anchor's scan starts a match here: all anchors may match
            out[i] = (None, None)
            continue
        which = tuple(sorted([*may_match[i], *unknown]))
        text = view.sentences[i].folded
        found = next(((j, m) for j in which
                      if (m := memo_search(sources[j], text, view.searches)) is not None), None)
        if found is None:
            continue
        first, anchor = found
        # A scan-safe anchor's match in the sentence alone starts one in the joined text
        # (_scan_only): no scan is needed to know it.
        if first not in unknown and _scan_only(sources[first]):
            out[i] = (which, anchor)
            continue
        line_end = starts[i + 1] if i + 1 < len(starts) else len(joined) + 1
        # Anchors found in the line first: their joined-text match is most likely here.
        # The anchors scanned in full start no match in this line.
        order = [*which, *(j for j in range(len(sources)) if j not in which)]
        if any(scan(j).next_start(starts[i]) < line_end for j in order if j not in unknown):
            out[i] = (which, anchor)
    return out


SearchMemo: TypeAlias = "dict[tuple[str, str], regex.Match[str] | None]"


def memo_search(source: str, text: str, memo: SearchMemo | None) -> regex.Match[str] | None:
    """The expression's first match in the text, searched once per pair when a memo (the
    document view's) is given: a match depends on nothing else."""
    if memo is None:
        return search(compile_multiline(source), text)
    key = (source, text)
    if key in memo:
        return memo[key]
    found = memo[key] = search(compile_multiline(source), text)
    return found


def first_found(sources: Sequence[str], text: str, low: str | None = None,
                memo: SearchMemo | None = None) -> regex.Match[str] | None:
    """regexes.first over expressions compiled as they are reached. With `low` (the text
    lower-cased by entities.lowered), an expression whose required literals the text
    lacks is neither compiled nor searched: it cannot match."""
    for source in sources:
        if low is not None and not may_hold(low, required_literals(source)):
            continue
        found = memo_search(source, text, memo)
        if found:
            return found
    return None


def may_hold(low: str, needs: tuple[tuple[str, ...], ...] | None) -> bool:
    """The lower-cased text holds a literal of every set the expression needs."""
    return needs is None or all(any(literal in low for literal in need) for need in needs)


class _Scan:
    """Where the next match of a pattern in the joined text starts, from a position;
    positions asked in increasing order reuse the last search, so all the questions
    together cost at most one scan of the text (under one time budget)."""

    def __init__(self, pattern: regex.Pattern[str], source: str, joined: str,
                 budget: float) -> None:
        self.pattern, self.source, self.joined = pattern, source, joined
        self.deadline = time.monotonic() + budget
        self.asked_from = -1
        self.found_at = -1

    def next_start(self, pos: int) -> float:
        if self.asked_from <= pos <= self.found_at:
            return self.found_at
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise PatternTimeout(self.source)
        try:
            m = self.pattern.search(self.joined, pos, timeout=remaining)
        except TimeoutError:
            raise PatternTimeout(self.source) from None
        self.asked_from = pos
        self.found_at = m.start() if m is not None else len(self.joined) + 1
        return self.found_at
