"""The document model every reader produces: ordered blocks, each with a location."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

BlockKind = Literal["heading", "paragraph", "table_cell", "header", "footer"]
DocFormat = Literal["pdf", "docx", "text", "markdown"]


class Location(BaseModel):
    """Where a block sits. Fields that a format cannot give stay None.

    PDF: physical `page` (1-based), printed `page_label`, `line` on the page, `bbox`
    (x0, top, x1, bottom in points from the top-left corner). DOCX: `paragraph` in
    document order (table cells included), `table`/`row`/`col`, `page` only as last
    rendered by Word. Text: `line` in the file. All: `section`, the heading path.
    """

    page: int | None = None
    page_label: str | None = None
    line: int | None = None
    paragraph: int | None = None
    section: str | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    # The file the block comes from, set only when several documents are judged as one
    # procedure (check --procedure); absent from the JSON otherwise.
    file: str | None = Field(default=None, exclude_if=lambda v: v is None,
                             json_schema_extra={"x-optional": True})


class Block(BaseModel):
    kind: BlockKind
    text: str
    location: Location
    level: int | None = None  # heading level, 1 = top
    # A table row or cell below the first row: the header row's text ("Criterio | Punti").
    # A row of an award grid names its topic and its points but says "points" only in
    # the header; patterns read the header as the row's context: for `all` groups, and
    # for the anchor when the row itself holds every `all` group.
    header: str | None = None


class Document(BaseModel):
    path: str
    format: DocFormat
    blocks: list[Block]
    page_count: int | None = None
    # Pages with no text layer (scans): rules must not call a clause "missing" there.
    pages_without_text: list[int] = Field(default_factory=list)
    title: str | None = None

    def body(self) -> list[Block]:
        """Blocks that carry the tender's content (running headers/footers excluded)."""
        return [b for b in self.blocks if b.kind not in ("header", "footer")]

    def text(self) -> str:
        return "\n".join(b.text for b in self.body())
