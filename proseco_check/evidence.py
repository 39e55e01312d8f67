"""Evidence: a quoted sentence and where it stands. Shared by facts, profile and rules."""

from __future__ import annotations

from pydantic import BaseModel

from .nlp.view import Sentence

MAX_QUOTE = 320


class Evidence(BaseModel):
    text: str
    page: int | None = None
    page_label: str | None = None
    paragraph: int | None = None
    line: int | None = None
    section: str | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    bbox: tuple[float, float, float, float] | None = None

    @classmethod
    def of(cls, sentence: Sentence) -> Evidence:
        text = " ".join(sentence.text.split())
        if len(text) > MAX_QUOTE:
            text = text[: MAX_QUOTE - 1] + "…"
        loc = sentence.location
        return cls(text=text, page=loc.page, page_label=loc.page_label,
                   paragraph=loc.paragraph, line=loc.line, section=loc.section,
                   table=loc.table, row=loc.row, col=loc.col, bbox=loc.bbox)

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
