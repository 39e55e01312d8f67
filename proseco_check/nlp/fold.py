"""Accent folding that keeps string length, so regex offsets map back to the text."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0]
    return base if len(base) == 1 else ch


def fold(text: str) -> str:
    """'Parità' -> 'Parita', same length as the input."""
    if text.isascii():
        return text
    return "".join(_fold_char(ch) if not ch.isascii() else ch for ch in text)
