"""Plain text and Markdown: paragraphs are separated by blank lines."""

from __future__ import annotations

import re
from pathlib import Path

from proseco_check.errors import InputError
from proseco_check.model.document import Block, Document, Location
from proseco_check.readers.budget import check_text_budget
from proseco_check.readers.normalize import join_lines, normalize_text
from proseco_check.readers.sections import SectionTracker

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def decode(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM), then UTF-16 with BOM, then Windows-1252 (never fails:
    a damaged UTF-16 file, e.g. one with an odd number of bytes, keeps what decodes)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _checked_text(path: Path, data: bytes, max_chars: int | None) -> str:
    """The decoded text, refused when it is binary or over the text budget."""
    text = decode(path, data)
    if "\x00" in text:
        raise InputError(path, "input.binary")
    if max_chars is not None:
        check_text_budget(path, len(text), max_chars)
    return text


def read_text(path: Path, data: bytes, markdown: bool, max_chars: int | None = None
              ) -> Document:
    text = _checked_text(path, data, max_chars)
    blocks: list[Block] = []
    sections = SectionTracker()
    pending: list[str] = []
    start_line = 0
    table_no = 0
    row_no = 0

    def flush() -> None:
        nonlocal pending
        if pending:
            joined = join_lines(pending)
            if joined:
                blocks.append(Block(kind="paragraph", text=joined,
                                    location=Location(line=start_line, section=sections.path())))
        pending = []

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        heading = _MD_HEADING.match(line) if markdown else None
        if heading:
            flush()
            title = normalize_text(heading.group(2))
            level = len(heading.group(1))
            sections.enter(title, level)
            blocks.append(Block(kind="heading", text=title, level=level,
                                location=Location(line=number, section=sections.path())))
            row_no = 0
            continue
        if markdown and line.lstrip().startswith("|"):
            flush()
            if _MD_TABLE_RULE.match(line.strip()):
                continue
            if row_no == 0:
                table_no += 1
            row_no += 1
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            for col, cell in enumerate(cells, start=1):
                if cell:
                    blocks.append(Block(kind="table_cell", text=normalize_text(cell),
                                        location=Location(line=number, table=table_no,
                                                          row=row_no, col=col,
                                                          section=sections.path())))
            continue
        row_no = 0
        if not line.strip():
            flush()
            continue
        if markdown and re.match(r"^\s*([-*+]|\d+\.)\s+", line):
            flush()
            line = re.sub(r"^\s*[-*+]\s+", "- ", line)
        if not pending:
            start_line = number
        pending.append(line)
    flush()
    for n, block in enumerate(blocks, start=1):
        block.location.paragraph = n
    return Document(path=str(path), format="markdown" if markdown else "text", blocks=blocks)
