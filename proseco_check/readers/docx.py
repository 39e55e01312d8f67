"""DOCX reader on python-docx: body paragraphs and tables in document order.

We walk the body XML ourselves instead of `Document.paragraphs` because that misses
text inside tracked insertions (w:ins) and content controls (w:sdt), both common in
templates saved by public buyers' document systems.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from proseco_check.errors import InputError
from proseco_check.model.document import Block, Document, Location
from proseco_check.readers.budget import DEFAULT_MAX_CHARS, check_text_budget
from proseco_check.readers.docx_package import read_package
from proseco_check.readers.normalize import normalize_text
from proseco_check.readers.sections import SectionTracker
from proseco_check.sanitize import single_line_text

if TYPE_CHECKING:
    import docx.document

_HEADING_PREFIXES = ("heading", "titolo", "titre", "título", "kop", "überschrift", "title")
# Limits against ZIP bombs. python-docx unpacks every part into memory, so the total is
# capped as well as each part; the sizes are the ones the archive declares, which zipfile
# enforces while unpacking (a part longer than declared is a damaged archive).
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_PARTS = 10_000
MAX_RATIO = 200  # for parts over RATIO_FROM bytes: real XML compresses 5-30 times
RATIO_FROM = 1024 * 1024
# Tags in Clark notation, built once: docx.oxml.ns.qn() would import python-docx, which
# an ordinary DOCX is read without (readers/docx_package.py).

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def qn(tag: str) -> str:
    """"w:p" -> "{...wordprocessingml/2006/main}p", as docx.oxml.ns.qn gives it."""
    prefix, name = tag.split(":")
    assert prefix == "w", tag
    return _W + name


_W_P, _W_TBL, _W_T, _W_TAB = qn("w:p"), qn("w:tbl"), qn("w:t"), qn("w:tab")
_W_BR, _W_CR, _W_TYPE = qn("w:br"), qn("w:cr"), qn("w:type")
_W_CONTAINERS = (qn("w:sdt"), qn("w:customXml"), qn("w:ins"))
_W_SDT_CONTENT, _W_RENDERED_BREAK = qn("w:sdtContent"), qn("w:lastRenderedPageBreak")
_W_PPR, _W_OUTLINE, _W_PSTYLE, _W_VAL = qn("w:pPr"), qn("w:outlineLvl"), qn("w:pStyle"), qn("w:val")
_W_TR, _W_TC = qn("w:tr"), qn("w:tc")


def check_zip(path: Path) -> None:
    """Refuse an archive that is not a DOCX or unpacks beyond the caps."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_PARTS:
                raise InputError(path, "input.docx_parts", count=len(infos), limit=MAX_PARTS)
            if "word/document.xml" not in {info.filename for info in infos}:
                raise InputError(path, "input.docx_no_body")
            total = 0
            for info in infos:
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > MAX_PART_BYTES or (
                        info.file_size > RATIO_FROM and ratio > MAX_RATIO):
                    raise InputError(path, "input.docx_part", part=info.filename,
                                     size=info.file_size / 2**20)
            if total > MAX_TOTAL_BYTES:
                raise InputError(path, "input.docx_total", size=total / 2**20,
                                 limit=MAX_TOTAL_BYTES // 2**20)
    except zipfile.BadZipFile:
        raise InputError(path, "input.docx_damaged") from None


def _text(element: etree._Element) -> str:
    parts: list[str] = []
    for node in element.iter(_W_T, _W_TAB, _W_BR, _W_CR):
        if node.tag == _W_T:
            parts.append(node.text or "")
        else:
            parts.append("\t" if node.tag == _W_TAB else "\n")
    return "".join(parts)


def _page_breaks(element: etree._Element) -> int:
    rendered = len(list(element.iter(_W_RENDERED_BREAK)))
    explicit = sum(1 for br in element.iter(_W_BR) if br.get(_W_TYPE) == "page")
    return rendered + explicit


class _DocxWalker:
    def __init__(self, styles: dict[str, tuple[str, int | None]]) -> None:
        self.styles = styles
        self.blocks: list[Block] = []
        self.sections = SectionTracker()
        self.paragraph = 0
        self.page = 1
        self.tables = 0
        # w:p elements in reading order: Location.paragraph N is elements[N - 1]. The
        # annotator uses this to anchor comments on the paragraph a finding quotes.
        self.elements: list[etree._Element] = []

    def heading_level(self, p: etree._Element) -> int | None:
        ppr = p.find(_W_PPR)
        if ppr is None:
            return None
        outline = ppr.find(_W_OUTLINE)
        if outline is not None and outline.get(_W_VAL, "").isdigit():
            level = int(outline.get(_W_VAL)) + 1
            return level if level <= 6 else None
        style = ppr.find(_W_PSTYLE)
        if style is None:
            return None
        return self.styles.get(style.get(_W_VAL, ""), ("", None))[1]

    def walk(self, container: etree._Element, cell: tuple[int, int, int] | None = None) -> None:
        for child in container:
            tag = child.tag
            if tag == _W_P:
                self.add_paragraph(child, cell)
            elif tag == _W_TBL:
                self.add_table(child)
            elif tag in _W_CONTAINERS:
                content = child.find(_W_SDT_CONTENT)
                self.walk(content if content is not None else child, cell)

    def add_paragraph(self, p: etree._Element, cell: tuple[int, int, int] | None) -> None:
        self.paragraph += 1
        self.elements.append(p)
        page = self.page
        self.page += _page_breaks(p)
        text = normalize_text(_text(p)).replace("\n", " ")
        if not text:
            return
        level = None if cell else self.heading_level(p)
        if level is not None:
            self.sections.enter(text, level)
        location = Location(paragraph=self.paragraph, page=page, section=self.sections.path())
        if cell:
            location.table, location.row, location.col = cell
            self.blocks.append(Block(kind="table_cell", text=text, location=location))
        elif level is not None:
            self.blocks.append(Block(kind="heading", text=text, location=location, level=level))
        else:
            self.blocks.append(Block(kind="paragraph", text=text, location=location))

    def add_table(self, tbl: etree._Element) -> None:
        self.tables += 1
        table_no = self.tables
        # Direct rows only: nested tables are reached through walk(tc).
        header: str | None = None
        for r, row in enumerate(tbl.findall(_W_TR), start=1):
            first = len(self.blocks)
            for c, tc in enumerate(row.findall(_W_TC), start=1):
                self.walk(tc, (table_no, r, c))
            own = [b for b in self.blocks[first:] if b.location.table == table_no]
            if r == 1:
                header = " | ".join(b.text for b in own) or None
            else:
                for block in own:  # the header row is the context of every cell below
                    block.header = header


def _style_levels(document: docx.document.Document) -> dict[str, tuple[str, int | None]]:
    return _style_levels_of((style.style_id, style.name) for style in document.styles)


def _style_levels_of(styles: Iterable[tuple[str | None, str | None]]
                     ) -> dict[str, tuple[str, int | None]]:
    """style id -> (name, heading level), from each style's id and name."""
    levels: dict[str, tuple[str, int | None]] = {}
    for style_id, style_name in styles:
        name = (style_name or "").strip()
        level: int | None = None
        lowered = name.lower()
        if lowered.startswith(_HEADING_PREFIXES):
            digits = "".join(ch for ch in lowered if ch.isdigit())
            level = int(digits) if digits else 1
        levels[style_id] = (name, level)  # type: ignore[index]  # a style may lack an id
    return levels


def paragraph_elements(document: docx.document.Document) -> list[etree._Element]:
    """The body's w:p elements in the order the reader numbers paragraphs."""
    walker = _DocxWalker(_style_levels(document))
    walker.walk(document.element.body)
    return walker.elements


def read_docx(path: Path, max_chars: int = DEFAULT_MAX_CHARS) -> Document:
    check_zip(path)
    package = read_package(path)
    if package is None:  # not an ordinary package: python-docx reads it, or says why not
        return _read_with_python_docx(path, max_chars)
    walker = _DocxWalker(_style_levels_of(package.styles))
    walker.walk(package.body)
    check_text_budget(path, sum(len(b.text) for b in walker.blocks), max_chars)
    return _document(path, walker, package.furniture, package.title)


def _read_with_python_docx(path: Path, max_chars: int) -> Document:
    import docx  # only for a package read_package does not read (0.03 s to import)

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many types for damaged parts
        raise InputError(path, "input.docx_unparsable", error=type(exc).__name__) from None
    walker = _DocxWalker(_style_levels(document))
    walker.walk(document.element.body)
    check_text_budget(path, sum(len(b.text) for b in walker.blocks), max_chars)
    parts: list[tuple[str, etree._Element]] = []
    for section in document.sections:
        for kind, defined in (
            ("header", (section.header, section.first_page_header, section.even_page_header)),
            ("footer", (section.footer, section.first_page_footer, section.even_page_footer)),
        ):
            for part in defined:
                # Sections builds a new Section on every access: the test is always true,
                # and a part linked to the previous section's is never read.
                if part.is_linked_to_previous and section is not document.sections[0]:
                    continue
                parts.append((kind, part._element))
    return _document(path, walker, parts, document.core_properties.title or "")


def _document(path: Path, walker: _DocxWalker, parts: list[tuple[str, etree._Element]],
              title: str) -> Document:
    """The Document: running headers and footers (each text once per kind), then the body."""
    furniture: list[Block] = []
    seen: set[tuple[str, str]] = set()
    for kind, element in parts:
        for p in element.iter(_W_P):
            text = normalize_text(_text(p)).replace("\n", " ")
            if text and (kind, text) not in seen:
                seen.add((kind, text))
                furniture.append(Block(kind=kind, text=text, location=Location()))  # type: ignore[arg-type]
    if walker.page == 1:  # Word saved no pagination: no page, not a false "p. 1"
        for block in walker.blocks:
            block.location.page = None
    return Document(path=str(path), format="docx", blocks=furniture + walker.blocks,
                    page_count=walker.page if walker.page > 1 else None,
                    title=single_line_text(title) or None)
