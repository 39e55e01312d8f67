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
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

MIN_LITERAL = 3
# Sets checked per expression: the first finds the lines, the others confirm them.
MAX_SETS = 3
# Syntax the `regex` module reads differently from `re` without `re` failing on it:
# fuzzy or other braces that `re` takes as text; POSIX classes are checked by
# _posix_class_in_set (a set that only starts with a colon, "[:]", reads the same).
_AMBIGUOUS = re.compile(r"\{(?!\d*(?:,\d*)?\})")
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}


Literals = tuple[tuple[str, ...], ...] | None
# Literals found so far, by expression (clauses/literals_cache.py keeps them between runs:
# parsing the few hundred expressions a document needs is a fifth of a second). Bounded,
# so that a stream of user-written expressions cannot grow it without end.
MAX_KNOWN = 20_000
_known: dict[str, Literals] = {}
_learned = 0


def required_literals(source: str) -> Literals:
    """Sets of lower-case ASCII strings such that every match of the expression holds one
    string of each set (compared with the lower-cased text), the most selective set
    first; None when no useful first set is known."""
    global _learned
    try:
        return _known[source]
    except KeyError:
        pass
    found = _required_literals(source)
    if len(_known) < MAX_KNOWN:
        _known[source] = found
        _learned += 1
    return found


def known_literals() -> tuple[dict[str, Literals], int]:
    """Every expression's literals found or primed so far, and how many were found (not
    primed) in this process."""
    return _known, _learned


def prime_literals(found: dict[str, Literals]) -> None:
    """Take literals computed by an earlier run (of this exact code: the cache's key)."""
    for source, literals in found.items():
        if len(_known) >= MAX_KNOWN:
            break
        _known.setdefault(source, literals)


def _required_literals(source: str) -> Literals:
    if _AMBIGUOUS.search(source) or ("[:" in source and _posix_class_in_set(source)):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            parsed = sre_parse.parse(source, re.IGNORECASE)
    except (re.error, Warning, RecursionError, OverflowError, ValueError):
        return None
    needs = sorted((n for n in _sequence(list(parsed)) if n), key=_selectivity, reverse=True)
    if not needs or min(len(s) for s in needs[0]) < MIN_LITERAL:
        return None
    return tuple(tuple(sorted(n)) for n in needs[:MAX_SETS])


def _posix_class_in_set(source: str) -> bool:
    """Whether a "[:" stands inside a character set, where `regex` may read a POSIX class
    ("[a[:digit:]]") that `re` reads as characters. A "[" that opens a set, as in "[:]"
    or "[:|-]", is the same set for both. Escapes are skipped; a "]" right after the
    opening "[" or "[^" is a member, as both modules read it."""
    in_set = False
    first = -1
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_set:
            if char == "[" and source.startswith(":", i + 1):
                return True
            if char == "]" and i != first:
                in_set = False
        elif char == "[":
            in_set = True
            first = i + 2 if source.startswith("^", i + 1) else i + 1
        i += 1
    return False


def _selectivity(need: frozenset[str]) -> tuple[int, int]:
    """Longer shortest literal first, then fewer literals."""
    return min(map(len, need)), -len(need)


def _sequence(items: list[tuple[Any, Any]]) -> list[frozenset[str]]:
    """Every set a match of this sequence must hold one string of."""
    needs: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is sre.LITERAL:
            ch = chr(av).lower()
            if ch.isascii():
                run += ch
                continue
        if run:
            needs.append(frozenset([run]))
            run = ""
        needs.extend(_item(op, av))
    if run:
        needs.append(frozenset([run]))
    return needs


def _best(needs: list[frozenset[str]]) -> frozenset[str] | None:
    return max(needs, key=_selectivity) if needs else None


def _item(op: Any, av: Any) -> list[frozenset[str]]:
    if op is sre.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op in _REPEATS:
        low, _high, body = av
        return _sequence(list(body)) if low >= 1 else []
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            best = _best(_sequence(list(branch)))
            if best is None:
                return []
            union |= best
        return [frozenset(union)]
    return []


# Lines holding each literal, for the text last asked about (the literal's lines are the
# same for every expression that needs it: "del", "per", "social" are needed by dozens).
_lines_of: dict[str, frozenset[int]] = {}
_lines_of_text: list[str] = []
_index_of_text: list[_WordIndex | None] = []
# Past this many candidate lines, a confirming set is checked by its own scan of the text
# (cached like the first set's) instead of line by line.
CONFIRM_BY_SCAN = 64
_WORD = re.compile(r"\w+")


class _WordIndex:
    """The distinct words of a text, one per line of `vocabulary`, each with the lines
    holding it. A literal of word characters lies inside one word wherever it occurs, so
    the lines holding it are those of the words holding it: found by searching the
    vocabulary (a few dozen KB) instead of the whole text (hundreds of KB) per literal."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        words: dict[str, list[int]] = {}
        for i, line in enumerate(lines):
            for word in set(_WORD.findall(line)):
                words.setdefault(word, []).append(i)
        self.holders = list(words.values())
        self.vocabulary = "\n".join(words)
        self.starts: list[int] = []
        offset = 0
        for word in words:
            self.starts.append(offset)
            offset += len(word) + 1

    def _lines_of_part(self, part: str) -> set[int]:
        found: set[int] = set()
        vocabulary, starts, last = self.vocabulary, self.starts, len(self.starts) - 1
        pos = vocabulary.find(part)
        while pos != -1:
            k = bisect.bisect_right(starts, pos) - 1
            found.update(self.holders[k])
            if k >= last:
                break
            pos = vocabulary.find(part, starts[k + 1])
        return found

    def lines_with(self, literal: str) -> frozenset[int] | None:
        """The lines holding the literal; None when it has no word characters or spans
        lines (the text is then searched as a whole)."""
        parts = _WORD.findall(literal)
        if not parts or "\n" in literal:
            return None
        found = self._lines_of_part(max(parts, key=len))
        if parts == [literal]:
            return frozenset(found)
        return frozenset(i for i in found if literal in self.lines[i])


def _index(low: str, starts: list[int]) -> _WordIndex | None:
    """The word index of the text last asked about, when its lines are the sentences."""
    if not _index_of_text:
        lines = low.split("\n")
        _index_of_text.append(_WordIndex(lines) if len(lines) == len(starts) else None)
    return _index_of_text[0]


def _lines_with(low: str, starts: list[int], literal: str) -> frozenset[int]:
    """Indices of the lines where an occurrence of the literal starts."""
    if not _lines_of_text or _lines_of_text[0] is not low:
        _lines_of.clear()
        _index_of_text.clear()
        _lines_of_text[:] = [low]
    cached = _lines_of.get(literal)
    if cached is not None:
        return cached
    index = _index(low, starts)
    indexed = index.lines_with(literal) if index is not None else None
    if indexed is not None:
        _lines_of[literal] = indexed
        return indexed
    found: set[int] = set()
    last = len(starts) - 1
    pos = low.find(literal)
    while pos != -1:
        line = bisect.bisect_right(starts, pos) - 1
        found.add(line)
        if line >= last:
            break
        pos = low.find(literal, starts[line + 1])
    cached = _lines_of[literal] = frozenset(found)
    return cached


def lines_holding(low: str, starts: list[int], needs: tuple[tuple[str, ...], ...]) -> set[int]:
    """Indices of the lines of `low` (one starts at each of `starts`) that hold a string
    of every set in `needs`."""
    found: set[int] = set()
    for literal in needs[0]:
        found |= _lines_with(low, starts, literal)
    last = len(starts) - 1
    end = len(low)
    for need in needs[1:]:
        if not found:
            break
        # A literal without a newline lies within a line exactly when it starts there.
        if len(found) > CONFIRM_BY_SCAN and not any("\n" in lit for lit in need):
            holding: set[int] = set()
            for literal in need:
                holding |= _lines_with(low, starts, literal)
            found &= holding
            continue
        found = {line for line in found
                 if any(lit in low[starts[line]:starts[line + 1] if line < last else end]
                        for lit in need)}
    return found
