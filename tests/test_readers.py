"""Readers: text clean-up, PDF / DOCX / text / Markdown models, content sniffing and the
one-line errors for files we cannot read. Every document is generated in tmp_path."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from fpdf import FPDF

from proseco_check.errors import EXIT_INPUT, InputError
from proseco_check.model.document import Document
from proseco_check.readers import read_document, sniff
from proseco_check.readers.furniture import furniture_key, is_page_number, repeated_keys
from proseco_check.readers.normalize import join_lines, normalize_text

# ------------------------------------------------------------------ normalize_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("qualiﬁcazione", "qualificazione"),  # ligature fi
        ("ﬂusso ﬁnanziario", "flusso finanziario"),  # ligatures fl, fi
        ("parteci\u00adpazione", "partecipazione"),  # soft hyphen
        ("la parteci-\npazione alla gara", "la partecipazione alla gara"),
        ("nonchØ", "nonché"),
        ("perchØ il servizio", "perché il servizio"),
        ("Il servizio Ł svolto", "Il servizio è svolto"),
        ("Ł", "è"),
        ("art.\u00a061", "art. 61"),  # no-break space
        ("l\u2019operatore", "l'operatore"),  # typographic apostrophe
        ("\u201cCCNL\u201d", '"CCNL"'),
        ("a  \t b", "a b"),
    ],
)
def test_normalize_text_repairs(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_normalize_text_mends_hyphenated_word_and_keeps_other_newlines() -> None:
    assert normalize_text("parteci-\npazione") == "partecipazione"
    # A dash before a capitalised line (a list, a law citation) is not a broken word.
    assert normalize_text("D.Lgs. 36/2023 -\nArt. 5") == "D.Lgs. 36/2023 -\nArt. 5"
    assert normalize_text("prima riga\nseconda riga") == "prima riga\nseconda riga"


def test_normalize_text_leaves_legitimate_letters_alone() -> None:
    # "Ø" not after a lowercase letter and "Ł" inside an upper-case word are real letters.
    assert normalize_text("ØRESUND") == "ØRESUND"
    assert normalize_text("ŁÓDŹ") == "ŁÓDŹ"


def test_join_lines_mends_hyphen_and_joins_with_space() -> None:
    assert join_lines(["la parteci-", "pazione alla", "gara"]) == "la partecipazione alla gara"


def test_normalize_text_mends_hyphen_before_trailing_space() -> None:
    assert normalize_text("parteci- \npazione") == "partecipazione"


# ------------------------------------------------------------------ furniture helpers


def test_furniture_key_ignores_digits_and_case() -> None:
    assert furniture_key("Pagina 3 di 25") == furniture_key("pagina  4 di 25")
    assert furniture_key("Pagina 3 di 25") != furniture_key("Sezione 3")


@pytest.mark.parametrize("text", ["12", "- 12 -", "12/40", "Pag. 3 di 10", "Page 2 of 9"])
def test_is_page_number_true(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["Art. 12", "Offerta tecnica 70", "2023 - Comune"])
def test_is_page_number_false(text: str) -> None:
    assert not is_page_number(text)


def test_repeated_keys_needs_two_pages_and_half_of_them() -> None:
    assert repeated_keys([["Comune di X"]]) == set()
    pages = [["Comune di X", "unico"], ["Comune di X"], ["Comune di X"], ["altro"]]
    assert repeated_keys(pages) == {"comune di x"}


# ------------------------------------------------------------------ PDF

HEADER = "Comune di Testville - Disciplinare di gara"
TOPICS = ("OGGETTO DELL'APPALTO", "REQUISITI DI PARTECIPAZIONE", "CRITERI DI AGGIUDICAZIONE")
BODIES = (
    "L'appalto ha per oggetto la manutenzione del verde pubblico comunale per ventiquattro "
    "mesi, con interventi programmati e su chiamata in tutte le aree indicate nel capitolato.",
    "Possono partecipare gli operatori economici iscritti al registro delle imprese per "
    "attività coerenti con l'oggetto, in possesso dei requisiti generali previsti dalla legge.",
    "L'appalto è aggiudicato con il criterio dell'offerta economicamente più vantaggiosa, "
    "individuata sulla base del miglior rapporto qualità prezzo fissato nel disciplinare.",
)


class _TenderPdf(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, HEADER, new_x="LMARGIN", new_y="NEXT")

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, f"Pagina {self.page_no()} di {{nb}}", align="C")


def make_pdf(path: Path, pages: int = 3) -> Path:
    """A multi-page PDF: a running header, a 'Pagina N di M' footer, a bold heading and a
    body paragraph of distinct text on each page."""
    pdf = _TenderPdf()
    pdf.set_top_margin(12)
    pdf.alias_nb_pages()
    for i in range(pages):
        pdf.add_page()
        pdf.ln(25)
        pdf.set_font("Helvetica", style="B", size=14)
        pdf.cell(0, 10, f"{i + 1}. {TOPICS[i % len(TOPICS)]}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, BODIES[i % len(BODIES)])
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def pdf_document(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = make_pdf(tmp_path_factory.mktemp("pdf") / "disciplinare.pdf")
    return read_document(path)


def test_pdf_running_header_and_footer_are_furniture(pdf_document: Document) -> None:
    headers = [b for b in pdf_document.blocks if HEADER in b.text]
    assert [b.kind for b in headers] == ["header"], "one header block for the whole document"
    footers = [b for b in pdf_document.blocks if b.text.startswith("Pagina")]
    assert footers and all(b.kind == "footer" for b in footers)
    body_text = pdf_document.text()
    assert HEADER not in body_text
    assert "Pagina" not in body_text
    assert all(b.kind not in ("header", "footer") for b in pdf_document.body())


def test_pdf_body_paragraphs_with_page_numbers(pdf_document: Document) -> None:
    assert pdf_document.format == "pdf"
    assert pdf_document.page_count == 3
    assert pdf_document.pages_without_text == []
    paragraphs = [b for b in pdf_document.blocks if b.kind == "paragraph"]
    assert len(paragraphs) == 3
    for page, (block, body) in enumerate(zip(paragraphs, BODIES, strict=True), start=1):
        assert block.text == body  # the wrapped lines are joined back into one paragraph
        assert block.location.page == page


def test_pdf_bbox_is_inside_the_page(pdf_document: Document) -> None:
    width, height = 595.3, 841.9  # A4 in points
    header_bottom = next(b for b in pdf_document.blocks if b.kind == "header").location.bbox[3]
    for block in pdf_document.blocks:
        assert block.location.bbox is not None
        x0, top, x1, bottom = block.location.bbox
        assert 0 <= x0 < x1 <= width
        assert 0 <= top < bottom <= height
        if block.kind == "paragraph":
            assert top > header_bottom  # origin is the top-left corner


def test_pdf_headings_give_the_section_path(pdf_document: Document) -> None:
    headings = [b for b in pdf_document.blocks if b.kind == "heading"]
    assert [b.text for b in headings] == [f"{i}. {t}" for i, t in enumerate(TOPICS, start=1)]
    paragraph_2 = [b for b in pdf_document.blocks if b.kind == "paragraph"][1]
    assert paragraph_2.location.section == "2. REQUISITI DI PARTECIPAZIONE"


def test_pdf_paragraph_numbers_are_in_reading_order(pdf_document: Document) -> None:
    numbers = [b.location.paragraph for b in pdf_document.blocks]
    assert numbers == list(range(1, len(numbers) + 1))


def test_pdf_without_text_layer_asks_for_ocr(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 50, 50)
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(InputError, match="OCR"):
        read_document(tmp_path / "scan.pdf")


def _encrypted_pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 6, "Documento cifrato: la stazione appaltante indice una procedura aperta.")
    pdf.set_encryption(owner_password="owner-pw", user_password="segreta")
    pdf.output(str(path))
    return path


def test_encrypted_pdf_needs_password(tmp_path: Path) -> None:
    path = _encrypted_pdf(tmp_path / "cifrato.pdf")
    with pytest.raises(InputError, match="--password") as info:
        read_document(path)
    assert str(path) in info.value.one_line()
    with pytest.raises(InputError, match="password is wrong"):
        read_document(path, password="sbagliata")
    document = read_document(path, password="segreta")
    assert "procedura aperta" in document.text()


# ------------------------------------------------------------------ DOCX


@pytest.fixture(scope="module")
def docx_document(tmp_path_factory: pytest.TempPathFactory) -> Document:
    d = docx.Document()
    d.core_properties.title = "Disciplinare di prova"
    d.sections[0].header.paragraphs[0].text = "Comune di Testville"
    d.sections[0].footer.paragraphs[0].text = "Documento di gara - uso pubblico"
    d.add_heading("Disciplinare di gara", level=1)
    d.add_paragraph("Premessa generale del documento di gara.")
    d.add_heading("Requisiti", level=2)
    d.add_paragraph("Gli operatori devono possedere i requisiti.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Criterio"
    table.cell(0, 1).text = "Punti"
    table.cell(1, 0).text = "Parità di genere"
    table.cell(1, 1).text = "5"
    d.add_heading("Clausola sociale", level=3)
    d.add_paragraph("")  # empty paragraphs count in the numbering but give no block
    d.add_paragraph("Testo della clausola.")
    d.add_heading("Aggiudicazione", level=2)
    tracked = d.add_paragraph()
    run = tracked.add_run("Testo inserito con le revisioni attive.")
    ins = OxmlElement("w:ins")
    ins.set(qn("w:id"), "1")
    ins.set(qn("w:author"), "RUP")
    run._r.addprevious(ins)
    ins.append(run._r)
    path = tmp_path_factory.mktemp("docx") / "disciplinare.docx"
    d.save(str(path))
    return read_document(path)


def _block(document: Document, text: str):
    found = [b for b in document.blocks if b.text == text]
    assert len(found) == 1, [b.text for b in document.blocks]
    return found[0]


def test_docx_headings_and_section_path(docx_document: Document) -> None:
    assert docx_document.format == "docx"
    assert docx_document.title == "Disciplinare di prova"
    h1 = _block(docx_document, "Disciplinare di gara")
    assert (h1.kind, h1.level) == ("heading", 1)
    h3 = _block(docx_document, "Clausola sociale")
    assert (h3.kind, h3.level) == ("heading", 3)
    clause = _block(docx_document, "Testo della clausola.")
    assert clause.kind == "paragraph"
    assert clause.location.section == "Disciplinare di gara > Requisiti > Clausola sociale"
    # A level-2 heading closes the level-3 section.
    tracked = _block(docx_document, "Testo inserito con le revisioni attive.")
    assert tracked.location.section == "Disciplinare di gara > Aggiudicazione"


def test_docx_paragraph_index_counts_every_paragraph(docx_document: Document) -> None:
    assert _block(docx_document, "Disciplinare di gara").location.paragraph == 1
    assert _block(docx_document, "Premessa generale del documento di gara.").location.paragraph == 2
    # 4 table cells (paragraphs 5-8), heading 9, the empty paragraph 10, then the clause.
    assert _block(docx_document, "Testo della clausola.").location.paragraph == 11


def test_docx_table_cells(docx_document: Document) -> None:
    cells = [b for b in docx_document.blocks if b.kind == "table_cell"]
    got = [(b.text, b.location.table, b.location.row, b.location.col) for b in cells]
    assert got == [("Criterio", 1, 1, 1), ("Punti", 1, 1, 2), ("Parità di genere", 1, 2, 1),
                   ("5", 1, 2, 2)]
    assert all(b.location.section == "Disciplinare di gara > Requisiti" for b in cells)


def test_docx_header_footer_are_furniture(docx_document: Document) -> None:
    assert _block(docx_document, "Comune di Testville").kind == "header"
    assert _block(docx_document, "Documento di gara - uso pubblico").kind == "footer"
    assert "Comune di Testville" not in docx_document.text()


def test_docx_text_in_tracked_insertion_is_read(docx_document: Document) -> None:
    assert _block(docx_document, "Testo inserito con le revisioni attive.").kind == "paragraph"


# ------------------------------------------------------------------ text and Markdown

MARKDOWN = """\
# Disciplinare

Prima riga del
paragrafo sulla parteci-
pazione.

## Criteri

| Criterio | Punti |
|---|---|
| Parità di genere | 5 |
| Inserimento lavorativo | 15 |

Testo dopo la tabella.
"""


def test_markdown_headings_paragraphs_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "bando.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    document = read_document(path)
    assert document.format == "markdown"
    kinds = [(b.kind, b.text) for b in document.blocks]
    assert kinds[:3] == [
        ("heading", "Disciplinare"),
        ("paragraph", "Prima riga del paragrafo sulla partecipazione."),
        ("heading", "Criteri"),
    ]
    assert document.blocks[2].level == 2
    cells = [b for b in document.blocks if b.kind == "table_cell"]
    assert [(b.text, b.location.table, b.location.row, b.location.col) for b in cells] == [
        ("Criterio", 1, 1, 1), ("Punti", 1, 1, 2),
        ("Parità di genere", 1, 2, 1), ("5", 1, 2, 2),
        ("Inserimento lavorativo", 1, 3, 1), ("15", 1, 3, 2),
    ]
    last = document.blocks[-1]
    assert (last.kind, last.text) == ("paragraph", "Testo dopo la tabella.")
    assert last.location.section == "Disciplinare > Criteri"
    assert last.location.line == 14


def test_plain_text_has_no_markdown_headings(tmp_path: Path) -> None:
    path = tmp_path / "bando.txt"
    path.write_text("# Non un titolo\ntesto che segue\n\nSecondo paragrafo.\n", encoding="utf-8")
    document = read_document(path)
    assert document.format == "text"
    assert [(b.kind, b.text, b.location.line) for b in document.blocks] == [
        ("paragraph", "# Non un titolo testo che segue", 1),
        ("paragraph", "Secondo paragrafo.", 4),
    ]


def test_text_falls_back_to_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "vecchio.txt"
    path.write_bytes(b"La stazione appaltante \xe8 il Comune; importo \x80 100.\n")
    assert read_document(path).text() == "La stazione appaltante è il Comune; importo € 100."


@pytest.mark.parametrize(
    "data",
    ["Perché è così.\n".encode("utf-16"), "\ufeffPerché è così.\n".encode()],
    ids=["utf-16-bom", "utf-8-bom"],
)
def test_text_with_byte_order_mark(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    assert read_document(path).text() == "Perché è così."


# ------------------------------------------------------------------ sniffing and errors


def test_pdf_renamed_docx_is_read_as_pdf(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "disciplinare.docx", pages=2)
    document = read_document(path)
    assert document.format == "pdf"
    assert BODIES[0] in document.text()


def test_docx_renamed_pdf_is_read_as_docx(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("La stazione appaltante indice una procedura aperta.")
    path = tmp_path / "bando.pdf"
    d.save(str(path))
    assert read_document(path).format == "docx"


def _expect_input_error(path: Path, *needles: str) -> InputError:
    with pytest.raises(InputError) as info:
        read_document(path)
    message = info.value.one_line()
    assert str(path) in message
    assert "\n" not in message
    for needle in needles:
        assert needle in message, message
    assert info.value.exit_code == EXIT_INPUT
    return info.value


OLE_HEAD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024


@pytest.mark.parametrize("name", ["vecchio.doc", "vecchio_rinominato.docx"])
def test_ole_doc_is_rejected_with_advice(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(OLE_HEAD)
    _expect_input_error(path, ".doc", ".docx")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "vuoto.pdf"
    path.write_bytes(b"")
    _expect_input_error(path, "empty")


def test_missing_file(tmp_path: Path) -> None:
    _expect_input_error(tmp_path / "non_esiste.pdf", "no such file")


def test_folder_is_not_a_document(tmp_path: Path) -> None:
    _expect_input_error(tmp_path, "folder")


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "archivio.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("leggimi.txt", "non sono un documento Word")
    _expect_input_error(path, "not a Word document")


def test_damaged_zip(tmp_path: Path) -> None:
    path = tmp_path / "rotto.docx"
    path.write_bytes(b"PK\x03\x04" + b"garbage" * 50)
    _expect_input_error(path, "damaged")


def test_truncated_pdf(tmp_path: Path) -> None:
    full = make_pdf(tmp_path / "intero.pdf").read_bytes()
    path = tmp_path / "troncato.pdf"
    path.write_bytes(full[: len(full) // 3])
    _expect_input_error(path, "damaged")


def test_pdf_extension_without_pdf_content(tmp_path: Path) -> None:
    path = tmp_path / "falso.pdf"
    path.write_bytes(b"questo non e un PDF " * 20)
    _expect_input_error(path, "PDF")


def test_binary_text_file(tmp_path: Path) -> None:
    path = tmp_path / "binario.txt"
    path.write_bytes(b"abc\x00def" * 10)
    _expect_input_error(path, "binary")


def test_text_file_with_only_blanks(tmp_path: Path) -> None:
    path = tmp_path / "spazi.txt"
    path.write_bytes(b"   \n\n \t \n")
    _expect_input_error(path, "no text")


def test_docx_with_unparsable_xml(tmp_path: Path) -> None:
    path = tmp_path / "rotto.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><<non xml")
    _expect_input_error(path, "could not be parsed")


def test_pdf_over_the_page_limit(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "lungo.pdf", pages=3)
    with pytest.raises(InputError, match=r"3 pages, over the limit of 2 .*--max-pages"):
        read_document(path, max_pages=2)
    assert read_document(path, max_pages=3).page_count == 3


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "grande.txt"
    path.write_bytes(b"La stazione appaltante indice la gara.\n" * 80_000)  # about 3 MB
    with pytest.raises(InputError, match="--max-bytes"):
        read_document(path, max_bytes=2 * 1024 * 1024)
    assert read_document(path, max_bytes=4 * 1024 * 1024).blocks


def test_size_limit_message_shows_a_size_above_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "grande.txt"
    path.write_bytes(b"x" * (3 * 1024 * 1024 // 2))  # 1.5 MB
    with pytest.raises(InputError) as info:
        read_document(path, max_bytes=1024 * 1024)
    found = re.search(r"the file is ([\d.]+) MB, over the limit of ([\d.]+) MB",
                      info.value.one_line())
    assert found, info.value.one_line()
    assert float(found.group(1)) > float(found.group(2))


def test_sniff_rtf_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bando.docx"
    with pytest.raises(InputError, match="RTF"):
        sniff(path, b"{\\rtf1\\ansi hello}")
