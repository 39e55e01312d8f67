"""Benchmark inputs, built from the samples' Markdown sources: ordinary tenders (PDF,
DOCX) of any length, and pathological inputs each with the same text in ordinary form.

The pathological PDFs are written by hand (a few lines of PDF syntax): fpdf cannot put
megabytes of text on one page or 200,000 text objects on a few pages in reasonable time.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "scripts" / "sample_sources").glob("it_*.md"))


def source_paragraphs() -> list[str]:
    paragraphs: list[str] = []
    for src in SOURCES:
        for para in src.read_text(encoding="utf-8").split("\n\n"):
            text = " ".join(line.strip("#|- ") for line in para.splitlines()).strip()
            if text and not text.startswith("<!--"):
                paragraphs.append(text)
    return paragraphs


def build_pdf(path: Path, pages: int) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_font("Helvetica", size=10)
    paragraphs = source_paragraphs()
    pdf.add_page()
    i = 0
    while True:
        text = paragraphs[i % len(paragraphs)].encode("cp1252", "replace").decode("cp1252")
        pdf.multi_cell(0, 5, text)
        pdf.ln(2)
        i += 1
        if pdf.page >= pages and pdf.get_y() > 250:
            break
    pdf.output(str(path))


def build_docx(path: Path, pages: int) -> None:
    import docx

    document = docx.Document()
    paragraphs = source_paragraphs()
    # About 10 paragraphs of this prose fill an A4 page.
    for i in range(pages * 10):
        if i % 40 == 0:
            document.add_heading(f"Articolo {i // 40 + 1}", level=1)
        document.add_paragraph(paragraphs[i % len(paragraphs)])
    document.save(str(path))


# ---------------------------------------------------------------- real disciplinari

# The shared corpus, beside the project (never copied into it): when present, the
# benchmark also measures what issue 16 measured, real Italian disciplinari. The samples'
# prose above is denser in social clauses than any real tender (every paragraph is one)
# and repeats a few dozen paragraphs; real text is neither.
REAL_CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def real_disciplinari() -> list[Path]:
    return sorted(REAL_CORPUS.glob("it_disciplinare*.pdf")) if REAL_CORPUS.is_dir() else []


def build_real_pdf(path: Path, pages: int) -> bool:
    """The first `pages` pages of the real Italian disciplinari, in file order, as one
    PDF; False when the corpus is absent or too short."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    taken = 0
    for source in real_disciplinari():
        document = pdfium.PdfDocument(source)
        count = min(len(document), pages - taken)
        out.import_pages(document, list(range(count)))
        taken += count
        if taken >= pages:
            out.save(str(path))
            return True
    return False


_XML_UNSAFE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def build_real_docx(path: Path, pdf: Path, pages: int) -> None:
    """A DOCX of the real PDF's text: its lines joined into paragraphs that end where a
    line ends with a full stop, colon or semicolon, and a heading every 40 paragraphs,
    as build_docx lays out the samples' prose. Control characters (not allowed in XML)
    are dropped."""
    import docx
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(pdf)
    texts: list[str] = []
    paragraph: list[str] = []
    for i in range(len(source)):
        page = source[i]
        textpage = page.get_textpage()
        raw = textpage.get_text_range()
        textpage.close()
        page.close()
        for line in _XML_UNSAFE.sub("", raw).splitlines():
            if line.strip():
                paragraph.append(line.strip())
            if paragraph and line.rstrip().endswith((".", ":", ";")):
                texts.append(" ".join(paragraph))
                paragraph = []
    document = docx.Document()
    for i, text in enumerate(texts):
        if i % 40 == 0:
            document.add_heading(f"Articolo {i // 40 + 1}", level=1)
        document.add_paragraph(text)
    document.save(str(path))


# ---------------------------------------------------------------- hand-written PDFs


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def write_raw_pdf(path: Path, pages: list[list[tuple[float, float, float, str]]]) -> None:
    """A PDF whose pages hold the given text objects (x, y, font size, text), each its
    own BT ... ET, in Helvetica."""
    objects: list[bytes] = []
    kids = []
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, then page i: 4 + 2i, its content: 5 + 2i.
    for i, items in enumerate(pages):
        stream = b"".join(b"BT /F1 %.2f Tf %.2f %.2f Td (%s) Tj ET\n" % (size, x, y, _escape(t))
                          for x, y, size, t in items)
        kids.append(f"{4 + 2 * i} 0 R")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>"
                       .encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    head = [b"<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {n_pages} >>".encode(),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
            b"/Encoding /WinAnsiEncoding >>"]
    body = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(head + objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    body += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1, xref)
    path.write_bytes(bytes(body))


def _lines(chars: int, width: int = 95) -> list[str]:
    """Lines of tender prose, about `chars` characters in all."""
    lines: list[str] = []
    total = 0
    for para in source_paragraphs() * 1000:
        words = para.split()
        line = ""
        for word in words:
            if len(line) + len(word) + 1 > width:
                lines.append(line)
                total += len(line)
                line = ""
            line = f"{line} {word}".strip()
        lines.append(line)
        total += len(line)
        if total >= chars:
            return lines
    return lines


def ordinary_pdf(path: Path, lines: list[str]) -> None:
    """The lines at 9 pt, 60 a page, one text object a line."""
    pages = [[(40, 800 - 12.5 * j, 9, line) for j, line in enumerate(lines[i:i + 60])]
             for i in range(0, len(lines), 60)]
    write_raw_pdf(path, pages)


def huge_page_pdf(path: Path, lines: list[str]) -> None:
    """All the lines on one page (at 1 pt, overlapping): megabytes of text on a page."""
    write_raw_pdf(path, [[(10, 830 - (j % 820), 1, line) for j, line in enumerate(lines)]])


def tiny_objects_pdf(path: Path, lines: list[str]) -> None:
    """Every word its own text object, 1,200 to a page in a grid (about 140,000 objects
    for 1 MB of text): the count of objects, not their overlap, is what is measured."""
    words = [w for line in lines for w in line.split()]
    per_page = 1200
    out = []
    for start in range(0, len(words), per_page):
        chunk = words[start:start + per_page]
        out.append([(20 + 34 * (k % 16), 820 - 10.9 * (k // 16), 5, w)
                    for k, w in enumerate(chunk)])
    write_raw_pdf(path, out)


# ---------------------------------------------------------------- pathological text


def prose(chars: int) -> list[str]:
    """Sentences of tender prose, about `chars` characters in all."""
    sentences: list[str] = []
    total = 0
    while total < chars:
        for para in source_paragraphs():
            for sentence in para.replace("; ", ". ").split(". "):
                sentence = sentence.strip().rstrip(".")
                if len(sentence) > 20:
                    sentences.append(sentence + ".")
                    total += len(sentence) + 2
    return sentences


def paragraphs_of(sentences: list[str], per: int = 5) -> str:
    return "\n\n".join(" ".join(sentences[i:i + per]) for i in range(0, len(sentences), per))


def one_paragraph(sentences: list[str]) -> str:
    return " ".join(sentences)


def one_sentence(sentences: list[str]) -> str:
    """The same words with no sentence end: one sentence of the whole text."""
    return " ".join(s.rstrip(".").replace(". ", ", ").replace(";", ",") for s in sentences) + "."


def citations(chars: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    laws = ["del D.Lgs. 36/2023", "della legge n. 68/1999", "del d.lgs. 50/2016",
            "della L. 381/1991", "della direttiva 2014/24/UE", "del D.L. 77/2021"]
    parts: list[str] = []
    total = 0
    while total < chars:
        part = (f"ai sensi dell'art. {rng.randint(1, 229)}, comma {rng.randint(1, 9)}, "
                f"{rng.choice(laws)}")
        parts.append(part)
        total += len(part) + 3
    return parts


def citations_dense(parts: list[str]) -> str:
    """One paragraph made of nothing but citations."""
    return "Disciplinare di gara\n\n" + " e ".join(parts) + ".\n"


def citations_ordinary(parts: list[str]) -> str:
    """The same citations, eight to a paragraph."""
    body = "\n\n".join(" e ".join(parts[i:i + 8]) + "." for i in range(0, len(parts), 8))
    return "Disciplinare di gara\n\n" + body + "\n"



def dot_leaders(ordinary: str, chars: int) -> tuple[str, str]:
    """The ordinary text followed by one paragraph of dot leaders with no page number
    (a contents page gone wrong), and, to compare, by a paragraph of words as long: a
    leader pattern tried from every dot would cost the square of the run."""
    return (f"{ordinary}\n\nIndice {'. ' * (chars // 2)}\n",
            f"{ordinary}\n\nIndice {'parola ' * (chars // 7)}\n")
