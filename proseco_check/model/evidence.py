"""Evidence: a quoted sentence and where it stands. Shared by facts, profile and rules."""

from __future__ import annotations

from typing import Protocol

from proseco_check.model.document import Location

MAX_QUOTE = 320


class Quotable(Protocol):
    """What can be quoted: a sentence of the NLP view, or anything with text and a place."""

    @property
    def text(self) -> str: ...

    @property
    def location(self) -> Location: ...


class Evidence(Location):
    """A quote and the location it was taken from."""

    text: str

    @classmethod
    def of(cls, sentence: Quotable, focus: int | None = None) -> Evidence:
        """Quote the sentence; a long one is cut to a window around `focus`, the offset
        of the words that decided the verdict, so the quote shows them."""
        raw = sentence.text
        if len(" ".join(raw.split())) > MAX_QUOTE:
            start = max(0, min((focus or 0) - MAX_QUOTE // 3, len(raw) - MAX_QUOTE))
            window = raw[start:start + MAX_QUOTE - 2]
            raw = ("…" if start else "") + window + ("…" if start + len(window) < len(raw) else "")
        return cls(text=" ".join(raw.split()), **sentence.location.model_dump())

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
