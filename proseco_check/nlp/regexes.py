"""Compiling and searching the regular expressions that packs hold, under a timeout.

Packs are written by third parties, so their expressions are compiled with the `regex`
module and every search is given a timeout: a catastrophic pattern fails its rule
(PatternTimeout), it does not hang the run. It lives with the NLP layer, below the
clause matcher: the NLP view uses it for section patterns, clauses/ for everything else.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Sequence
from functools import lru_cache

import regex

from proseco_check.nlp.fold import fold

REGEX_TIMEOUT_S = 0.25
FLAGS = regex.IGNORECASE | regex.UNICODE | regex.V0


class PatternTimeout(Exception):
    pass


@lru_cache(maxsize=4096)
def compile_pattern(source: str) -> regex.Pattern[str]:
    return regex.compile(fold(source), FLAGS)


@lru_cache(maxsize=4096)
def compile_multiline(source: str) -> regex.Pattern[str]:
    """For text with one sentence per line. On a single line (a sentence never holds a
    newline) it matches exactly what compile_pattern's pattern matches."""
    return regex.compile(fold(source), FLAGS | regex.MULTILINE)


@lru_cache(maxsize=2048)
def compile_all(sources: tuple[str, ...]) -> tuple[regex.Pattern[str], ...]:
    """The patterns of one clause, built once however many sentences they are tried on."""
    return tuple(compile_multiline(s) for s in sources)


def search(pattern: regex.Pattern[str], text: str) -> regex.Match[str] | None:
    try:
        return pattern.search(text, timeout=REGEX_TIMEOUT_S)
    except TimeoutError:
        raise PatternTimeout(pattern.pattern) from None


def first(patterns: Sequence[regex.Pattern[str]], text: str) -> regex.Match[str] | None:
    """The first pattern's match, else the second's, ...; None when none matches."""
    for pattern in patterns:
        found = search(pattern, text)
        if found:
            return found
    return None


def lines_matching(pattern: regex.Pattern[str], joined: str, starts: list[int],
                   budget: float, label: str | None = None) -> list[int]:
    """Indices of the lines of `joined` (one line starts at each of `starts`) where a
    match of the MULTILINE `pattern` starts: exactly the lines an overlapped scan would
    name, found with one search per matching line, resumed at the next line's start.
    The whole scan shares one time budget; PatternTimeout names `label` (the source)."""
    label = pattern.pattern if label is None else label
    deadline = time.monotonic() + budget
    found: list[int] = []
    pos = 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise PatternTimeout(label)
        try:
            m = pattern.search(joined, pos, timeout=remaining)
        except TimeoutError:
            raise PatternTimeout(label) from None
        if m is None:
            return found
        line = bisect.bisect_right(starts, m.start()) - 1
        found.append(line)
        if line + 1 >= len(starts):
            return found
        pos = starts[line + 1]
