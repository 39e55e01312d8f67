"""Evidence: a quoted sentence and where it stands. Shared by facts, profile and rules."""

from __future__ import annotations

from .document import Location
from .nlp.view import Sentence

MAX_QUOTE = 320


class Evidence(Location):
    """A quote and the location it was taken from."""

    text: str

    @classmethod
    def of(cls, sentence: Sentence) -> Evidence:
        text = " ".join(sentence.text.split())
        if len(text) > MAX_QUOTE:
            text = text[: MAX_QUOTE - 1] + "…"
        return cls(text=text, **sentence.location.model_dump())

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
