"""Required literals of a regular expression: strings one of which every match holds.

"clausol[ae] social[ei]" cannot match a sentence without "clausol", so a document is
searched for that word first (str.find, hundreds of MB/s) and the expression runs only
on the sentences that have it. The literals come from Python's own regex parser; an
expression it does not parse exactly like the `regex` module, or one without a literal
of at least MIN_LITERAL characters, gets None: it is scanned in full as before.
"""

from __future__ import annotations

import bisect
import re
import warnings
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

MIN_LITERAL = 3
# Syntax the `regex` module reads differently from `re` without `re` failing on it:
# POSIX classes ([[:alpha:]]) and fuzzy or other braces that `re` takes as text.
_AMBIGUOUS = re.compile(r"\[:|\{(?!\d*(?:,\d*)?\})")
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}
Need = frozenset[str] | None


@lru_cache(maxsize=4096)
def required_literals(source: str) -> tuple[str, ...] | None:
    """Lower-case ASCII strings, one of which is in the text of every match (compared
    with the lower-cased text); None when no useful set is known."""
    if _AMBIGUOUS.search(source):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            parsed = sre_parse.parse(source, re.IGNORECASE)
    except (re.error, Warning, RecursionError, OverflowError, ValueError):
        return None
    need = _sequence(list(parsed))
    if not need or min(len(s) for s in need) < MIN_LITERAL:
        return None
    return tuple(sorted(need))


def _better(a: Need, b: Need) -> Need:
    """The more selective of two requirements (longer shortest literal, then fewer)."""
    if not a:
        return b
    if not b:
        return a
    key_a, key_b = (min(map(len, a)), -len(a)), (min(map(len, b)), -len(b))
    return a if key_a >= key_b else b


def _sequence(items: list[tuple[Any, Any]]) -> Need:
    best: Need = None
    run = ""
    for op, av in items:
        if op is sre.LITERAL:
            ch = chr(av).lower()
            if ch.isascii():
                run += ch
                continue
        if run:
            best = _better(best, frozenset([run]))
            run = ""
        best = _better(best, _item(op, av))
    if run:
        best = _better(best, frozenset([run]))
    return best


def _item(op: Any, av: Any) -> Need:
    if op is sre.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op in _REPEATS:
        low, _high, body = av
        return _sequence(list(body)) if low >= 1 else None
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            need = _sequence(list(branch))
            if not need:
                return None
            union |= need
        return frozenset(union)
    return None


def lines_holding(low: str, starts: list[int], literals: tuple[str, ...]) -> set[int]:
    """Indices of the lines of `low` (one starts at each of `starts`) that contain one
    of the literals."""
    found: set[int] = set()
    last = len(starts) - 1
    for literal in literals:
        pos = low.find(literal)
        while pos != -1:
            line = bisect.bisect_right(starts, pos) - 1
            found.add(line)
            if line >= last:
                break
            pos = low.find(literal, starts[line + 1])
    return found
