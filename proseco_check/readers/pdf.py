"""PDF reader on pypdfium2: text, line boxes, font size and weight, page by page.

pypdfium2 (installed with pdfplumber) is the text path: on the real corpus it decodes
fonts that pdfminer/pdfplumber print as "(cid:NN)", and it is about forty times faster.
Each page is closed as soon as it is read, so memory stays flat on long documents.
"""

from __future__ import annotations

import ctypes
import itertools
import os
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from proseco_check.errors import InputError
from proseco_check.model.document import Block, Document, Location
from proseco_check.readers.budget import DEFAULT_MAX_CHARS, MAX_PAGE_CHARS, check_text_budget
from proseco_check.readers.furniture import MARGIN_SHARE, is_page_number, repeated_keys
from proseco_check.readers.furniture import furniture_key as _key
from proseco_check.readers.normalize import join_lines, normalize_text
from proseco_check.readers.sections import SectionTracker
from proseco_check.sanitize import single_line_text

_ITEM = re.compile(r"^(\d{1,2}[.)]|[a-z][.)]|[ivx]{1,4}\))\s")


@dataclass
class _Line:
    page: int
    index: int
    text: str
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom; origin top-left
    size: float
    bold: bool
    page_height: float
    furniture: str | None = None  # "header" / "footer" once classified
    heading: bool = False  # set by _paragraphs, once per line


def _open(path: Path, password: str | None) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            if password:
                raise InputError(path, "input.pdf_password_wrong") from None
            raise InputError(path, "input.pdf_encrypted") from None
        raise InputError(path, "input.pdf_damaged") from None


class _PageTooLarge(Exception):
    """A page holding more text or objects than a page of a tender can: a catalogue key
    (model/messages_input.py) and its values."""

    def __init__(self, key: str, /, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


# Text objects on one page: a page of a tender, even a dense table, has a few thousand;
# more is built to make extraction slow. (Drawings may hold many more paths: those are
# bounded by the memory their page takes, below.)
MAX_PAGE_TEXT_OBJECTS = 100_000
# Memory taken by loading one page's content. Extracting its text takes about twelve
# times as much (a page with ten million characters: 110 MB to load, 1.5 GB to extract),
# so a page whose content alone takes more is refused before extraction. Real tenders
# stay far below (the largest page of the shared corpus: 2.5 MB).
MAX_PAGE_LOAD_BYTES = 64 * 1024 * 1024


def _resident_bytes() -> int:
    """This process's resident memory (Linux); 0 where it cannot be read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _page_lines(pdf: pdfium.PdfDocument, page_no: int, chars_left: int
                ) -> tuple[list[_Line], bool, int]:
    """Lines of one page, whether the page looks scanned (images, no text), and how many
    characters its text has. Raises _PageTooLarge before extracting a page over budget."""
    before = _resident_bytes()
    page = pdf[page_no]
    try:
        grown = _resident_bytes() - before if before else 0
        _check_page_size(page, page_no + 1, grown)
        _width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            count = textpage.count_chars()
            if count > min(MAX_PAGE_CHARS, chars_left):
                key = ("input.page_chars" if count > MAX_PAGE_CHARS
                       else "input.page_chars_left")
                raise _PageTooLarge(key, page=page_no + 1, count=count)
            text = textpage.get_text_range()
            lines: list[_Line] = []
            chars = _CharInfo(textpage)
            pos = 0
            for index, raw in enumerate(text.split("\r\n")):
                start = pos
                pos += len(raw) + 2
                stripped = raw.strip()
                if not stripped:
                    continue
                first = start + (len(raw) - len(raw.lstrip()))
                end = start + len(raw.rstrip()) - 1
                x0, _, _, top = chars.box(first)
                _, bottom, x1, _ = chars.box(end)
                size, bold = chars.font(first)
                lines.append(
                    _Line(page_no + 1, index, stripped,
                          (round(x0, 1), round(height - top, 1), round(x1, 1),
                           round(height - bottom, 1)),
                          round(size, 1), bold, height)
                )
            scanned = not lines and _has_images(page)
            return lines, scanned, count
        finally:
            textpage.close()
    finally:
        page.close()


class _CharInfo:
    """Box and font of characters of one text page, through pdfium's C calls with buffers
    made once per page (the helpers of pypdfium2 make new ones for every character)."""

    def __init__(self, textpage: pdfium.PdfTextPage) -> None:
        self.raw = textpage.raw
        self.edges = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top
        self.refs = [ctypes.byref(edge) for edge in self.edges]
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int(0)

    def box(self, index: int) -> tuple[float, float, float, float]:
        """Left, bottom, right, top, as PdfTextPage.get_charbox gives them."""
        left, right, bottom, top = self.refs
        if not pdfium_c.FPDFText_GetCharBox(self.raw, index, left, right, bottom, top):
            raise pdfium.PdfiumError("Failed to get charbox.")
        edges = self.edges
        return edges[0].value, edges[2].value, edges[1].value, edges[3].value

    def font(self, index: int) -> tuple[float, bool]:
        """Font size, and bold: a weight of 600 or more, or "bold" in the font's name (the
        name is read only for lighter weights)."""
        size = pdfium_c.FPDFText_GetFontSize(self.raw, index)
        if pdfium_c.FPDFText_GetFontWeight(self.raw, index) >= 600:
            return size, True
        # The name is written only when it fits (its length, with the NUL, is returned):
        # otherwise the buffer would still hold the previous character's font name.
        length = pdfium_c.FPDFText_GetFontInfo(self.raw, index, self.name, 128, self.flags)
        return size, 0 < length <= 128 and b"bold" in self.name.value.lower()


def _check_page_size(page: pdfium.PdfPage, number: int, grown: int) -> None:
    """Refuse, before its text is extracted, a page with too many text objects or whose
    content alone took more memory than a page of a tender can."""
    objects = pdfium_c.FPDFPage_CountObjects(page.raw)
    if objects > MAX_PAGE_TEXT_OBJECTS:
        texts = sum(1 for i in range(objects) if pdfium_c.FPDFPageObj_GetType(
            pdfium_c.FPDFPage_GetObject(page.raw, i)) == pdfium_c.FPDF_PAGEOBJ_TEXT)
        if texts > MAX_PAGE_TEXT_OBJECTS:
            raise _PageTooLarge("input.page_objects", page=number, count=texts,
                                limit=MAX_PAGE_TEXT_OBJECTS)
    if grown > MAX_PAGE_LOAD_BYTES:
        raise _PageTooLarge("input.page_memory", page=number, size=grown // 2**20,
                            limit=MAX_PAGE_LOAD_BYTES // 2**20)


def _has_images(page: pdfium.PdfPage) -> bool:
    return any(obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects())


def _mark_furniture(pages: list[list[_Line]]) -> None:
    def margin(lines: list[_Line], top: bool) -> list[_Line]:
        return [
            ln for ln in lines
            if (ln.bbox[1] < ln.page_height * MARGIN_SHARE if top
                else ln.bbox[3] > ln.page_height * (1 - MARGIN_SHARE))
        ]

    for top, kind in ((True, "header"), (False, "footer")):
        repeated = repeated_keys([[ln.text for ln in margin(p, top)] for p in pages])
        for page_lines in pages:
            for ln in margin(page_lines, top):
                if _key(ln.text, ln.page) in repeated or is_page_number(ln.text):
                    ln.furniture = kind


def _line_pitch(lines: list[_Line]) -> float:
    """Typical distance between the tops of consecutive lines of body text."""
    deltas = [
        round(b.bbox[1] - a.bbox[1], 1) for a, b in itertools.pairwise(lines)
        if a.page == b.page and 0 < b.bbox[1] - a.bbox[1] < 40
    ]
    return statistics.median(deltas) if deltas else 14.0


def _paragraphs(lines: list[_Line], body_size: float) -> list[list[_Line]]:
    """Group consecutive lines into paragraphs: same page and flow, a normal line pitch,
    and the previous line not a short one closed by a full stop or colon."""
    pitch = _line_pitch(lines)
    right_edge: dict[int, float] = {}
    for ln in lines:
        right_edge[ln.page] = max(right_edge.get(ln.page, 0.0), ln.bbox[2])
    groups: list[list[_Line]] = []
    headings = [_looks_like_heading(ln, body_size) for ln in lines]  # once per line
    for ln, heading in zip(lines, headings, strict=True):
        ln.heading = heading
    for i, ln in enumerate(lines):
        heading = headings[i]
        if groups:
            prev = groups[-1][-1]  # always lines[i - 1]
            prev_heading = headings[i - 1]
            delta = ln.bbox[1] - prev.bbox[1]
            short_end = (prev.text.endswith((".", ":", ";"))
                         and prev.bbox[2] < 0.85 * right_edge[prev.page])
            same_flow = (
                prev.page == ln.page and prev.furniture == ln.furniture
                and 0 < delta <= 1.4 * pitch and heading == prev_heading
                and not short_end and not _starts_item(ln.text)
            )
            if same_flow:
                groups[-1].append(ln)
                continue
        groups.append([ln])
    return groups


def _starts_item(text: str) -> bool:
    """A new list item or numbered point starts a new paragraph."""
    head = text[:6]
    return head[:1] in "-•▪" or bool(_ITEM.match(head + " "))


def _looks_like_heading(ln: _Line, body_size: float) -> bool:
    text = ln.text
    if len(text) > 140 or (text.endswith((",", ";", ":")) and not text.isupper()):
        return False
    larger = ln.size >= body_size * 1.15
    if not larger and not ln.bold and len(text) >= 90:
        return False  # what the letters are changes nothing below: most body lines
    letters = "".join(filter(str.isalpha, text))
    if len(letters) < 3:
        return False
    upper = sum(map(str.isupper, letters)) / len(letters) > 0.85
    return larger or (ln.bold and (upper or len(text) < 90)) or (upper and len(text) < 90)


def _read_pages(pdf: pdfium.PdfDocument, path: Path, max_chars: int
                ) -> tuple[list[list[_Line]], list[int], dict[int, str]]:
    """Lines of every page, the pages without text, the printed page labels; refused as
    soon as a page or the running total is over the text budget."""
    pages: list[list[_Line]] = []
    scanned: list[int] = []
    labels: dict[int, str] = {}
    chars = 0
    for page_no in range(len(pdf)):
        try:
            lines, is_scan, count = _page_lines(pdf, page_no, max_chars - chars)
        except _PageTooLarge as exc:
            raise InputError(path, exc.key, **exc.values) from None
        except pdfium.PdfiumError:
            # A damaged page object: keep the other pages, report this one as having
            # no readable text (rules must not call a clause missing because of it).
            lines, is_scan, count = [], True, 0
        chars += count
        check_text_budget(path, chars, max_chars)
        pages.append(lines)
        if is_scan or not lines:
            scanned.append(page_no + 1)
        label = single_line_text((pdf.get_page_label(page_no) or "")[:40]
                                 if hasattr(pdf, "get_page_label") else "")
        if label and label != str(page_no + 1):
            labels[page_no + 1] = label
    return pages, scanned, labels


def read_pdf(path: Path, password: str | None = None, max_pages: int | None = None,
             max_chars: int = DEFAULT_MAX_CHARS) -> Document:
    pdf = _open(path, password)
    try:
        page_count = len(pdf)
        if max_pages is not None and page_count > max_pages:
            raise InputError(path, "input.pdf_pages", pages=page_count, limit=max_pages)
        pages, scanned, labels = _read_pages(pdf, path, max_chars)
    finally:
        pdf.close()

    _mark_furniture(pages)
    all_lines = [ln for p in pages for ln in p]
    sizes = [ln.size for ln in all_lines if ln.furniture is None and ln.size > 0]
    body_size = statistics.median(sizes) if sizes else 10.0
    blocks: list[Block] = []
    sections = SectionTracker()
    furniture_seen: set[str] = set()
    for group in _paragraphs(all_lines, body_size):
        first = group[0]
        text = join_lines([ln.text for ln in group])
        if not text:
            continue
        bbox = (
            min(ln.bbox[0] for ln in group), first.bbox[1],
            max(ln.bbox[2] for ln in group), group[-1].bbox[3],
        )
        location = Location(page=first.page, page_label=labels.get(first.page),
                            line=first.index + 1, bbox=bbox)
        if first.furniture:
            # A running header is one fact about the document, not one per page.
            if _key(text, first.page) in furniture_seen:
                continue
            furniture_seen.add(_key(text, first.page))
            blocks.append(Block(kind=first.furniture, text=text, location=location))  # type: ignore[arg-type]
            continue
        if first.heading and len(text) <= 200:
            level = 1 if first.size >= body_size * 1.3 else 2
            sections.enter(normalize_text(text), level)
            location.section = sections.path()
            blocks.append(Block(kind="heading", text=text, location=location, level=level))
            continue
        location.section = sections.path()
        blocks.append(Block(kind="paragraph", text=text, location=location))
    for n, block in enumerate(blocks):
        block.location.paragraph = n + 1
    return Document(path=str(path), format="pdf", blocks=blocks, page_count=page_count,
                    pages_without_text=scanned)
