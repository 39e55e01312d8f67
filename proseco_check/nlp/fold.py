"""Accent folding that keeps string length, so regex offsets map back to the text."""

from __future__ import annotations

import re
import unicodedata

# Distinct characters remembered at most (a hostile text may hold many).
_MAX_REMEMBERED = 65_536


class _FoldTable(dict[int, int]):
    """str.translate table: a character's code -> the code of the first character of
    its canonical decomposition ('à' -> 'a'), filled as characters are met."""

    def __missing__(self, code: int) -> int:
        folded = code if code < 128 else ord(unicodedata.normalize("NFD", chr(code))[0])
        if len(self) < _MAX_REMEMBERED:
            self[code] = folded
        return folded


_TABLE = _FoldTable()


# Runs of non-ASCII characters: translate() looks every character up in the table (a
# Python-level mapping), so only these runs go through it; ASCII maps to itself.
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _fold_run(match: re.Match[str]) -> str:
    return match.group().translate(_TABLE)


def fold(text: str) -> str:
    """'Parità' -> 'Parita', same length as the input."""
    if text.isascii():
        return text
    return _NON_ASCII.sub(_fold_run, text)
