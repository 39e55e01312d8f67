#!/usr/bin/env python3
"""Build the sample tender documents in ``samples/`` from Markdown sources.

Each source in ``scripts/sample_sources/`` is written in a small Markdown subset:

* ``#``, ``##``, ``###`` headings;
* paragraphs (consecutive non-blank lines are joined with a space);
* ``- `` bullet items (a line indented by two spaces continues the item above);
* pipe tables (header row, ``|---|`` separator row, body rows);
* ``<!-- ... -->`` comments, which are dropped.

There is no inline markup: ``*``, ``_`` and backticks are printed as they are.

Every sample becomes a DOCX (python-docx) and/or a PDF (fpdf2). The output is byte-for-byte
reproducible for given versions of python-docx and fpdf2: dates are fixed, the DOCX zip is
rewritten with fixed timestamps, and fpdf2 derives the PDF file id from the content.

Usage::

    python scripts/build_samples.py            # rebuild everything in samples/
    python scripts/build_samples.py --check    # exit 1 if samples/ differs from a fresh build
    python scripts/build_samples.py --verify   # read samples/ back, compare with the sources
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as WordParagraph
from fpdf import FPDF
from fpdf.fonts import FontFace

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "scripts" / "sample_sources"
OUTPUT_DIR = ROOT / "samples"

BUILD_DATE = datetime(2025, 1, 15, 9, 0, 0, tzinfo=UTC)
AUTHOR = "proseco-check samples"
CREATOR = "proseco-check scripts/build_samples.py"
DESCRIPTION = "Fictitious sample tender document for testing proseco-check"

FOOTERS = {
    "it": "Pagina {page} di {pages}",
    "en": "Page {page} of {pages}",
    "fr": "Page {page} sur {pages}",
    "es": "Página {page} de {pages}",
    "nl": "Pagina {page} van {pages}",
}


@dataclass(frozen=True)
class Sample:
    stem: str  # source is SOURCE_DIR/<stem>.md, outputs are OUTPUT_DIR/<stem>.<format>
    lang: str  # BCP 47 tag; its first two letters choose the footer wording
    header: str  # running header printed on every page
    formats: tuple[str, ...]

    @property
    def footer(self) -> str:
        return FOOTERS[self.lang[:2]]


SAMPLES: tuple[Sample, ...] = (
    Sample(
        "it_disciplinare_conforme",
        "it-IT",
        "Comune di Borgo San Vitale - Disciplinare di gara - Manutenzione del verde pubblico",
        ("docx", "pdf"),
    ),
    Sample(
        "it_disciplinare_carente",
        "it-IT",
        "Comune di Borgo San Vitale - Disciplinare di gara - Manutenzione del verde pubblico",
        ("docx", "pdf"),
    ),
    Sample(
        "en_reserved_contract_notice",
        "en-IE",
        "Kilbarrow County Council - Request for Tenders KCC/RFT/2025/014",
        ("pdf",),
    ),
    Sample(
        "fr_ccap_clause_insertion",
        "fr-FR",
        "Commune de Saint-Aubin-des-Prés - CCAP - Rénovation du gymnase des Tilleuls",
        ("docx",),
    ),
    Sample(
        "fr_ccap_services_conforme",
        "fr-FR",
        "Communauté d'agglomération des Coteaux de la Brenne - CCAP - Nettoyage des locaux",
        ("docx",),
    ),
    Sample(
        "fr_ccap_services_carente",
        "fr-FR",
        "Communauté d'agglomération des Coteaux de la Brenne - CCAP - Nettoyage des locaux",
        ("docx",),
    ),
    Sample(
        "es_pcap_limpieza_conforme",
        "es-ES",
        "Ayuntamiento de Villanueva del Sotillo - PCAP - Servicio de limpieza",
        ("pdf",),
    ),
    Sample(
        "es_pcap_limpieza_carente",
        "es-ES",
        "Ayuntamiento de Villanueva del Sotillo - PCAP - Servicio de limpieza",
        ("pdf",),
    ),
    Sample(
        "nl_leidraad_groen_conforme",
        "nl-NL",
        "Gemeente Wijkerveen - Aanbestedingsleidraad - Groenonderhoud openbare ruimte",
        ("docx",),
    ),
    Sample(
        "nl_leidraad_groen_carente",
        "nl-NL",
        "Gemeente Wijkerveen - Aanbestedingsleidraad - Groenonderhoud openbare ruimte",
        ("docx",),
    ),
)


# --------------------------------------------------------------------------- Markdown subset


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Paragraph | BulletList | Table

HEADING_RE = re.compile(r"^(#{1,3})\s+(.+?)\s*#*\s*$")
SEPARATOR_RE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def _starts_block(line: str) -> bool:
    return bool(HEADING_RE.match(line)) or line.startswith(("- ", "|"))


def _cells(line: str) -> tuple[str, ...]:
    return tuple(cell.strip() for cell in line.strip().strip("|").split("|"))


def _table(lines: list[str]) -> Table:
    if len(lines) < 2 or not SEPARATOR_RE.match(lines[1].strip()):
        raise ValueError(f"table without a |---| separator row: {lines[0]!r}")
    header = _cells(lines[0])
    rows = tuple(_cells(line) for line in lines[2:])
    for row in rows:
        if len(row) != len(header):
            raise ValueError(f"table row has {len(row)} cells, header has {len(header)}: {row}")
    return Table(header, rows)


def parse_markdown(text: str) -> list[Block]:
    """Parse the Markdown subset described in the module docstring into blocks."""
    lines = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL).splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            i += 1
        elif match := HEADING_RE.match(line):
            blocks.append(Heading(len(match[1]), match[2]))
            i += 1
        elif line.startswith("|"):
            start = i
            while i < len(lines) and lines[i].startswith("|"):
                i += 1
            blocks.append(_table(lines[start:i]))
        elif line.startswith("- "):
            items: list[str] = []
            while i < len(lines) and lines[i].strip():
                if lines[i].startswith("- "):
                    items.append(lines[i][2:].strip())
                elif lines[i].startswith("  "):
                    items[-1] += " " + lines[i].strip()
                else:
                    break
                i += 1
            blocks.append(BulletList(tuple(items)))
        else:
            words: list[str] = []
            while i < len(lines) and lines[i].strip() and not _starts_block(lines[i]):
                words.append(lines[i].strip())
                i += 1
            blocks.append(Paragraph(" ".join(words)))
    return blocks


def column_weights(table: Table) -> tuple[int, ...]:
    """Relative column widths: longest cell per column, clamped so no column gets too thin."""
    columns = zip(table.header, *table.rows, strict=True)
    return tuple(min(max(max(len(cell) for cell in column), 6), 60) for column in columns)


def _is_numeric_column(table: Table, index: int) -> bool:
    return all(re.fullmatch(r"[\d.,\s%€+-]+", row[index]) for row in table.rows)


def block_texts(blocks: list[Block]) -> Iterator[str]:
    """The running text of headings, paragraphs and bullet items, in document order."""
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            yield block.text
        elif isinstance(block, BulletList):
            yield from block.items


# --------------------------------------------------------------------------- DOCX


def _set_document_language(document: WordDocument, lang: str) -> None:
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    lang_element = rpr.find(qn("w:rPr")).find(qn("w:lang"))
    lang_element.set(qn("w:val"), lang)


def _add_field(paragraph: WordParagraph, instruction: str, placeholder: str) -> None:
    """Append a Word field (PAGE, NUMPAGES) that Word and LibreOffice update when rendering."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _docx_table(document: WordDocument, table: Table) -> None:
    grid = document.add_table(rows=1 + len(table.rows), cols=len(table.header))
    grid.style = "Table Grid"
    grid.autofit = False
    weights = column_weights(table)
    widths = [Mm(170 * weight / sum(weights)) for weight in weights]
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width  # the grid widths, which LibreOffice reads
    numeric = [_is_numeric_column(table, i) for i in range(len(table.header))]
    for row_index, row in enumerate((table.header, *table.rows)):
        row_properties = grid.rows[row_index]._tr.get_or_add_trPr()
        row_properties.append(OxmlElement("w:cantSplit"))
        if row_index == 0:
            row_properties.append(OxmlElement("w:tblHeader"))  # repeat on each page
        for col, text in enumerate(row):
            cell = grid.cell(row_index, col)
            cell.width = widths[col]
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            if numeric[col] and row_index > 0:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.add_run(text).bold = row_index == 0
    document.add_paragraph()


def build_docx(blocks: list[Block], sample: Sample, title: str) -> bytes:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    _set_document_language(document, sample.lang)
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"  # the template's body theme font is Cambria
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.08

    header = section.header.paragraphs[0]
    header.text = sample.header
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for part in re.split(r"(\{page\}|\{pages\})", sample.footer):
        if part == "{page}":
            _add_field(footer, "PAGE", "1")
        elif part == "{pages}":
            _add_field(footer, "NUMPAGES", "1")
        elif part:
            footer.add_run(part)

    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=block.level)
        elif isinstance(block, Paragraph):
            document.add_paragraph(block.text).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif isinstance(block, BulletList):
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        else:
            _docx_table(document, block)

    properties = document.core_properties
    properties.author = properties.last_modified_by = AUTHOR
    properties.title = title
    properties.comments = DESCRIPTION
    properties.language = sample.lang
    properties.created = properties.modified = properties.last_printed = BUILD_DATE
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _reproducible_zip(buffer.getvalue())


def _reproducible_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps and attributes (python-docx stamps 'now')."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=BUILD_DATE.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, source.read(member))
    return output.getvalue()


# --------------------------------------------------------------------------- PDF

# fpdf2's core fonts (Helvetica here) carry no Unicode cmap, only a single-byte encoding. We
# use Windows-1252 (the PDF's WinAnsiEncoding), which covers all Italian and French letters
# plus € ’ “ ” – — … œ and •, so pdfplumber extracts them unchanged. Characters outside it
# are replaced by PDF_REPLACEMENTS; anything else is an error rather than a silent "?".
PDF_ENCODING = "windows-1252"
PDF_REPLACEMENTS = {
    "\u2009": " ",  # thin space
    "\u202f": " ",  # narrow no-break space (French typography before : ; ! ?)
    "\u2011": "-",  # non-breaking hyphen
    "\u2212": "-",  # minus sign
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2192": "->",
}


def pdf_text(text: str) -> str:
    """Return ``text`` in the characters the PDF core fonts can show (see PDF_REPLACEMENTS)."""
    mapped = text.translate(str.maketrans(PDF_REPLACEMENTS))
    try:
        mapped.encode(PDF_ENCODING)
    except UnicodeEncodeError as error:
        char = mapped[error.start]
        raise ValueError(f"no PDF mapping for {char!r} (U+{ord(char):04X}) in {text!r}") from None
    return mapped


FONT = "helvetica"
BODY_SIZE = 9.5
LINE_HEIGHT = 4.5
HEADING_SIZES = {1: 14, 2: 11, 3: 10}
HEADER_ZONE_MM = 18  # the running header sits above this line
FOOTER_ZONE_MM = 16  # the footer sits below page height minus this
PT_PER_MM = 72 / 25.4


class SamplePDF(FPDF):
    def __init__(self, sample: Sample) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.core_fonts_encoding = PDF_ENCODING
        self.sample = sample
        self.set_margins(left=18, top=HEADER_ZONE_MM + 3, right=18)
        self.set_auto_page_break(auto=True, margin=FOOTER_ZONE_MM + 4)

    def header(self) -> None:
        self.set_y(10)
        self.set_font(FONT, size=8)
        self.set_text_color(80)
        self.cell(0, 5, pdf_text(self.sample.header), align="R")
        self.set_draw_color(150)
        self.line(self.l_margin, 16, self.w - self.r_margin, 16)
        self.set_text_color(0)
        self.set_y(self.t_margin)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.set_text_color(80)
        text = self.sample.footer.format(page=self.page_no(), pages=self.str_alias_nb_pages)
        self.cell(0, 5, pdf_text(text), align="C")
        self.set_text_color(0)


def _pdf_table(pdf: SamplePDF, table: Table) -> None:
    pdf.set_font(FONT, size=BODY_SIZE - 1)
    aligns = tuple(
        "RIGHT" if _is_numeric_column(table, i) else "LEFT" for i in range(len(table.header))
    )
    with pdf.table(
        col_widths=column_weights(table),
        text_align=aligns,
        line_height=LINE_HEIGHT - 0.5,
        padding=1.2,
        headings_style=FontFace(emphasis="BOLD", fill_color=(230, 230, 230)),
    ) as grid:
        for row in (table.header, *table.rows):
            cells = grid.row()
            for text in row:
                cells.cell(pdf_text(text))
    pdf.ln(3)


def build_pdf(blocks: list[Block], sample: Sample, title: str) -> bytes:
    pdf = SamplePDF(sample)
    pdf.set_creation_date(BUILD_DATE)
    pdf.set_title(pdf_text(title))
    pdf.set_author(AUTHOR)
    pdf.set_subject(DESCRIPTION)
    pdf.set_creator(CREATOR)
    pdf.set_lang(sample.lang)
    pdf.add_page()
    for block in blocks:
        if isinstance(block, Heading):
            size = HEADING_SIZES[block.level]
            if pdf.will_page_break(size + 4 * LINE_HEIGHT):  # keep a heading with its text
                pdf.add_page()
            pdf.ln(3 if block.level > 1 else 0)
            pdf.set_font(FONT, style="B", size=size)
            pdf.multi_cell(0, size * 0.5, pdf_text(block.text), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif isinstance(block, Paragraph):
            pdf.set_font(FONT, size=BODY_SIZE)
            pdf.multi_cell(
                0, LINE_HEIGHT, pdf_text(block.text), align="J", new_x="LMARGIN", new_y="NEXT"
            )
            pdf.ln(2)
        elif isinstance(block, BulletList):
            pdf.set_font(FONT, size=BODY_SIZE)
            for item in block.items:
                pdf.set_x(pdf.l_margin + 3)
                pdf.cell(5, LINE_HEIGHT, "•")
                pdf.multi_cell(
                    0, LINE_HEIGHT, pdf_text(item), align="J", new_x="LMARGIN", new_y="NEXT"
                )
                pdf.ln(1)
            pdf.ln(1)
        else:
            _pdf_table(pdf, block)
    return bytes(pdf.output())


# --------------------------------------------------------------------------- build / check


def build(sample: Sample) -> dict[str, bytes]:
    """Return {output file name: content} for one sample."""
    blocks = parse_markdown((SOURCE_DIR / f"{sample.stem}.md").read_text(encoding="utf-8"))
    title = next(block.text for block in blocks if isinstance(block, Heading))
    builders = {"docx": build_docx, "pdf": build_pdf}
    return {f"{sample.stem}.{fmt}": builders[fmt](blocks, sample, title) for fmt in sample.formats}


def build_all() -> dict[str, bytes]:
    outputs: dict[str, bytes] = {}
    for sample in SAMPLES:
        outputs.update(build(sample))
    return outputs


def check(outputs: dict[str, bytes], directory: Path) -> list[str]:
    """Names of the outputs that are missing from, or differ in, ``directory``."""
    return [
        name
        for name, content in outputs.items()
        if not (directory / name).is_file() or (directory / name).read_bytes() != content
    ]


# --------------------------------------------------------------------------- text read-back


def _normalise(text: str) -> str:
    """Collapse whitespace, and join a line broken right after a hyphen ("socio- sanitario")."""
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text)).strip()


def verify_pdf(path: Path, blocks: list[Block], sample: Sample) -> list[str]:
    """Extract ``path`` with pdfplumber and report source text that does not come back."""
    import pdfplumber  # only needed here; it is a runtime dependency of proseco-check

    problems: list[str] = []
    body_text: list[str] = []
    table_rows: set[tuple[str, ...]] = set()
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            page_text = page.extract_text()
            footer = sample.footer.format(page=number, pages=len(pdf.pages))
            for expected in (pdf_text(sample.header), footer):
                if expected not in page_text:
                    problems.append(f"page {number}: running text {expected!r} not found")
            top, bottom = HEADER_ZONE_MM * PT_PER_MM, page.height - FOOTER_ZONE_MM * PT_PER_MM
            body = page.crop((0, top, page.width, bottom))
            for found in body.find_tables():
                table_rows.update(
                    tuple(_normalise(cell or "") for cell in row) for row in found.extract()
                )
                body = body.outside_bbox(found.bbox)
            body_text.append(body.extract_text())
    text = _normalise(" ".join(body_text))
    for expected in block_texts(blocks):
        if _normalise(pdf_text(expected)) not in text:
            problems.append(f"text not extracted: {expected[:70]!r}")
    for block in blocks:
        if isinstance(block, Table):
            for row in (block.header, *block.rows):
                if tuple(_normalise(pdf_text(cell)) for cell in row) not in table_rows:
                    problems.append(f"table row not extracted: {row}")
    return problems


def verify_docx(path: Path, blocks: list[Block], sample: Sample) -> list[str]:
    """Read ``path`` back with python-docx and compare paragraphs, tables and the header."""
    document = Document(str(path))
    problems: list[str] = []
    paragraphs = [p.text for p in document.paragraphs if p.text]
    if paragraphs != list(block_texts(blocks)):
        problems.append("body paragraphs differ from the source")
    expected_tables = [[list(b.header), *map(list, b.rows)] for b in blocks if isinstance(b, Table)]
    found_tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    if found_tables != expected_tables:
        problems.append("tables differ from the source")
    if document.sections[0].header.paragraphs[0].text != sample.header:
        problems.append("running header differs")
    if "NUMPAGES" not in document.sections[0].footer._element.xml:
        problems.append("footer has no page-count field")
    return problems


def verify(directory: Path) -> list[str]:
    verifiers = {"docx": verify_docx, "pdf": verify_pdf}
    problems: list[str] = []
    for sample in SAMPLES:
        blocks = parse_markdown((SOURCE_DIR / f"{sample.stem}.md").read_text(encoding="utf-8"))
        for fmt in sample.formats:
            name = f"{sample.stem}.{fmt}"
            problems += [f"{name}: {p}" for p in verifiers[fmt](directory / name, blocks, sample)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--check", action="store_true", help="exit 1 if samples/ differs from a fresh build"
    )
    group.add_argument(
        "--verify", action="store_true", help="read samples/ back and compare it with the sources"
    )
    args = parser.parse_args(argv)

    if args.verify:
        problems = verify(OUTPUT_DIR)
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"verify: {len(problems)} problem(s)")
        return 1 if problems else 0

    outputs = build_all()
    if args.check:
        stale = check(outputs, OUTPUT_DIR)
        for name in stale:
            print(f"samples/{name} is missing or differs from a fresh build", file=sys.stderr)
        if stale:
            print(
                "run `python scripts/build_samples.py` (built here with python-docx "
                f"{version('python-docx')}, fpdf2 {version('fpdf2')}; other versions "
                "produce different bytes)",
                file=sys.stderr,
            )
            return 1
        print(f"samples/ is up to date ({len(outputs)} files)")
        return 0

    OUTPUT_DIR.mkdir(exist_ok=True)
    for name, content in outputs.items():
        (OUTPUT_DIR / name).write_bytes(content)
        print(f"wrote samples/{name} ({len(content)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
