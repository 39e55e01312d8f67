"""The DOCX reader reads an ordinary package with lxml alone (readers/docx_package.py):
its Document must be the one the python-docx path gives, furniture, headings, tables,
sections and title included; and a package it does not mirror falls back to python-docx,
which gives the result or the error."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from proseco_check.errors import InputError
from proseco_check.readers import docx as reader
from proseco_check.readers.docx_package import read_package

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _both(path: Path) -> tuple[dict[str, object], dict[str, object]]:
    return (reader.read_docx(path).model_dump(),
            reader._read_with_python_docx(path, 10**9).model_dump())


def _sections_document(path: Path) -> Path:
    """Three sections: the second with its own first-page and even-page headers and a
    footer, the third linked to it; a custom heading style based on a name; a title."""
    d = docx.Document()
    d.core_properties.title = "Disciplinare\ncon sezioni"
    d.sections[0].header.paragraphs[0].text = "Comune di Testville"
    d.add_heading("Disciplinare di gara", level=1)
    d.add_paragraph("Premessa.")
    second = d.add_section(WD_SECTION.NEW_PAGE)
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Intestazione della sezione due"
    second.different_first_page_header_footer = True
    second.first_page_header.paragraphs[0].text = "Prima pagina"
    second.even_page_header.paragraphs[0].text = "Pagine pari"
    second.footer.is_linked_to_previous = False
    second.footer.paragraphs[0].text = "Pag. 1"
    style = d.styles.add_style("Titolo Clausola", 1)
    d.add_paragraph("Clausola sociale", style=style)
    outlined = d.add_paragraph("Livello di struttura")
    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "2")
    outlined._p.get_or_add_pPr().append(level)
    table = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Criterio", (0, 1): "Punti", (1, 0): "Parità", (1, 1): "5"}.items():
        table.cell(r, c).text = text
    d.add_section(WD_SECTION.NEW_PAGE)
    d.add_paragraph("Testo della terza sezione.")
    d.save(str(path))
    return path


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.docx")))
def test_samples_read_as_python_docx_reads_them(name: str) -> None:
    assert read_package(SAMPLES / name) is not None
    fast, slow = _both(SAMPLES / name)
    assert fast == slow


def test_sections_headers_styles_and_title(tmp_path: Path) -> None:
    path = _sections_document(tmp_path / "sezioni.docx")
    assert read_package(path) is not None
    fast, slow = _both(path)
    assert fast == slow
    kinds = [(b["kind"], b["text"]) for b in fast["blocks"]]  # type: ignore[index]
    assert ("header", "Pagine pari") in kinds and ("footer", "Pag. 1") in kinds
    assert ("heading", "Clausola sociale") in kinds and ("heading", "Livello di struttura") in kinds
    assert fast["title"] == "Disciplinare con sezioni"


def _rewrite(source: Path, target: Path, member: str, old: bytes, new: bytes) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, data.replace(old, new) if info.filename == member else data)
    return target


@pytest.mark.parametrize(("member", "old", "new"), [
    # no core properties: python-docx gives its default title
    ("_rels/.rels", b"metadata/core-properties", b"metadata/other-properties"),
    # a style of no type: python-docx fails on it (an internal error either way)
    ("word/styles.xml", b'w:type="paragraph"', b'w:kind="paragraph"'),
    # a damaged body
    ("word/document.xml", b"<w:body>", b"<w:body"),
])
def test_what_the_lxml_reader_does_not_mirror_is_read_by_python_docx(
        tmp_path: Path, member: str, old: bytes, new: bytes) -> None:
    source = _sections_document(tmp_path / "sezioni.docx")
    path = _rewrite(source, tmp_path / "changed.docx", member, old, new)
    assert read_package(path) is None

    def outcome(read: object) -> object:
        try:
            return read(path).model_dump()  # type: ignore[operator]
        except InputError as exc:
            return exc.key
        except Exception as exc:  # the same failure on both paths
            return type(exc).__name__

    assert outcome(reader.read_docx) == outcome(
        lambda p: reader._read_with_python_docx(p, 10**9))

