"""Evidence: a quoted sentence and where it stands. Shared by facts, profile and rules."""

from __future__ import annotations

import hashlib
import re
from typing import Protocol

from pydantic import PrivateAttr

from proseco_check.model.document import Location

MAX_QUOTE = 320
# A word, or a number whose digit groups are split by one space ("1 000 000", as French
# writes it): a quote is cut between these, never inside one.
_WORD = re.compile(r"\S+(?:\s(?<=\d\s)(?=\d)\S+)*")


class Quotable(Protocol):
    """What can be quoted: a sentence of the NLP view, or anything with text and a place."""

    @property
    def text(self) -> str: ...

    @property
    def location(self) -> Location: ...


def _flat(text: str) -> str:
    return " ".join(text.split())


def _window(raw: str, focus: int | None) -> tuple[int, int]:
    """Where a long sentence is cut: MAX_QUOTE - 2 characters around `focus`."""
    start = max(0, min((focus or 0) - MAX_QUOTE // 3, len(raw) - MAX_QUOTE))
    return start, min(len(raw), start + MAX_QUOTE - 2)


def _character_cut(raw: str, start: int, end: int) -> str:
    """The window as cut before issue 15, at any character: what fingerprints hash."""
    return ("…" if start else "") + raw[start:end] + ("…" if end < len(raw) else "")


def _word_cut(raw: str, start: int, end: int) -> str:
    """The whole words (and numbers) inside the window, with "…" on a side where text was
    left out; a single word longer than the window is cut as it must be."""
    words = [m for m in _WORD.finditer(raw) if m.start() >= start and m.end() <= end]
    if not words:
        return _character_cut(raw, start, end)
    first, last = words[0].start(), words[-1].end()
    return (("… " if raw[:first].strip() else "") + raw[first:last]
            + (" …" if raw[last:].strip() else ""))


class Evidence(Location):
    """A quote and the location it was taken from."""

    text: str
    # The quote as fingerprints hash it (None: `text`). Baselines and suppressions store
    # fingerprints, so a change of how quotes are shown must not change them.
    _basis: str | None = PrivateAttr(default=None)

    @classmethod
    def of(cls, sentence: Quotable, focus: int | None = None) -> Evidence:
        """Quote the sentence; a long one is cut to a window around `focus`, the offset
        of the words that decided the verdict, so the quote shows them. The cut falls
        between words, never inside a word or a number, and "…" marks what was left out."""
        raw = sentence.text
        evidence = cls(text=_flat(raw), **sentence.location.model_dump())
        if len(evidence.text) > MAX_QUOTE:
            start, end = _window(raw, focus)
            evidence.text = _flat(_word_cut(raw, start, end))
            evidence._basis = _flat(_character_cut(raw, start, end))
        return evidence

    @property
    def basis(self) -> str:
        """What the fingerprint hashes: the quote as it was cut before quotes were cut on
        word boundaries (the same text for a quote that was not cut)."""
        return self.text if self._basis is None else self._basis

    def where(self) -> str:
        """Short human location: 'p. 13, § 9 Requisiti' or 'par. 42'."""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"p. {self.page}" + (f" ({self.page_label})" if self.page_label else ""))
        if self.table is not None:
            parts.append(f"table {self.table} r{self.row} c{self.col}")
        elif self.paragraph is not None:
            parts.append(f"par. {self.paragraph}")
        if self.line is not None and self.page is None:
            parts.append(f"line {self.line}")
        return ", ".join(parts) or "-"


def quote_fingerprint(rule_id: str, evidence: list[Evidence], status: str) -> str:
    """A finding's fingerprint, stable across re-pagination and across changes of how
    quotes are shown: the rule, the status and the first quote's words as they were cut
    when baselines began to be written (`Evidence.basis`), never page numbers."""
    quoted = " ".join(" ".join(e.basis.lower().split()) for e in evidence[:1])
    return hashlib.sha256(f"{rule_id}|{status}|{quoted}".encode()).hexdigest()[:16]
