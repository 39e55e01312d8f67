"""Bad and hostile inputs generated here: each gives its exact message and exit code,
never a traceback, and leaves the input untouched."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from fpdf import FPDF

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DOCX = ROOT / "samples" / "it_disciplinare_carente.docx"


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "proseco_check", "check", *map(str, args)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)


def _image_pdf(path: Path, pages: int, text_on: set[int] = frozenset()) -> None:
    """A PDF whose pages are images (a scan), some with a text layer."""
    from PIL import Image

    image = io.BytesIO()
    Image.new("RGB", (400, 500), (235, 235, 235)).save(image, format="PNG")
    pdf = FPDF(format="A4")
    for page in range(1, pages + 1):
        pdf.add_page()
        pdf.image(io.BytesIO(image.getvalue()), x=10, y=10, w=180)
        if page in text_on:
            pdf.set_font("Helvetica", size=11)
            pdf.set_y(250)
            pdf.multi_cell(0, 5, "Il presente disciplinare di gara regola la procedura aperta "
                                 "per l'affidamento del servizio. La stazione appaltante "
                                 "aggiudica l'appalto con il criterio dell'offerta "
                                 "economicamente piu vantaggiosa.")
    pdf.output(str(path))


def _assert_one_line(result: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    for word in words:
        assert word in lines[0], lines[0]


def test_image_only_pdf_asks_for_ocr(tmp_path: Path) -> None:
    scan = tmp_path / "scansione.pdf"
    _image_pdf(scan, 2)
    _assert_one_line(_run(scan), 3, "scansione.pdf", "no text layer", "OCR")


def test_partly_scanned_pdf_names_each_unreadable_page(tmp_path: Path) -> None:
    scan = tmp_path / "misto.pdf"
    _image_pdf(scan, 3, text_on={1})
    result = _run(scan, "--format", "json", "--fail-on", "never", "--ui-lang", "en")
    assert result.returncode == 0, result.stderr
    import json

    doc = json.loads(result.stdout)["documents"][0]
    assert [n for n in doc["notices"] if "no readable text" in n] == [
        "page 2: no readable text (scanned or damaged page); clauses on this page cannot "
        "be checked",
        "page 3: no readable text (scanned or damaged page); clauses on this page cannot "
        "be checked"]
    missing = [f for f in doc["findings"] if f["status"] == "missing"]
    assert missing and all("pages 2, 3 have no readable text" in f["message"] for f in missing)


def test_zip_bomb_docx_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomba.docx"
    with zipfile.ZipFile(SAMPLE_DOCX) as source, zipfile.ZipFile(
            bomb, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item.filename))
        target.writestr("word/media/huge.bin", b"\0" * (210 * 1024 * 1024))
    assert bomb.stat().st_size < 2 * 1024 * 1024  # tiny on disk, huge unpacked
    _assert_one_line(_run(bomb), 3, "bomba.docx", "ZIP bomb")


def test_odt_gets_conversion_advice(tmp_path: Path) -> None:
    odt = tmp_path / "bando.odt"
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    _assert_one_line(_run(odt), 3, "bando.odt", "OpenDocument", ".docx")


def test_unusual_characters_in_file_names(tmp_path: Path) -> None:
    odd = tmp_path / "Bando «città» n°3 – versione 2 (copia).txt"
    odd.write_text("Disciplinare di gara. La stazione appaltante indice una procedura aperta "
                   "per l'appalto di servizi; l'offerta è valutata dal RUP.\n", encoding="utf-8")
    result = _run(odd, "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "riservato.txt"
    locked.write_text("testo", encoding="utf-8")
    locked.chmod(0)
    _assert_one_line(_run(locked), 3, "riservato.txt", "permission denied")


def test_batch_reports_the_bad_file_and_checks_the_others(tmp_path: Path) -> None:
    good = tmp_path / "a_bando.txt"
    good.write_text("Disciplinare di gara: la stazione appaltante indice la procedura aperta "
                    "per l'appalto di servizi; gli operatori economici presentano l'offerta.\n",
                    encoding="utf-8")
    (tmp_path / "b_vuoto.pdf").write_bytes(b"")
    before = good.read_bytes()
    result = _run(tmp_path, "--format", "json", "--fail-on", "never")
    assert result.returncode == 3
    import json

    report = json.loads(result.stdout)
    assert [Path(d["path"]).name for d in report["documents"]] == ["a_bando.txt"]
    assert [Path(e["path"]).name for e in report["errors"]] == ["b_vuoto.pdf"]
    assert good.read_bytes() == before


def test_ocr_without_ocrmypdf_says_how_to_install(tmp_path: Path) -> None:
    scan = tmp_path / "scansione.pdf"
    _image_pdf(scan, 1)
    env = {**os.environ, "PATH": str(tmp_path)}  # no ocrmypdf on this PATH
    result = subprocess.run([sys.executable, "-m", "proseco_check", "check", str(scan), "--ocr"],
                            capture_output=True, text=True, timeout=300, cwd=ROOT, env=env)
    _assert_one_line(result, 3, "scansione.pdf", "--ocr needs ocrmypdf")


@pytest.mark.skipif(not __import__("shutil").which("ocrmypdf"), reason="ocrmypdf not installed")
def test_ocr_reads_a_scanned_page(tmp_path: Path) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1700, 400), "white")
    ImageDraw.Draw(image).text((40, 150), "DISCIPLINARE DI GARA - STAZIONE APPALTANTE",
                               fill="black")
    scan = tmp_path / "scansione.pdf"
    image.save(scan, "PDF", resolution=150)
    before = scan.read_bytes()
    result = _run(scan, "--ocr", "--format", "json", "--fail-on", "never")
    assert result.returncode == 0, result.stderr  # without OCR: exit 3, no text layer
    import json

    doc = json.loads(result.stdout)["documents"][0]
    assert doc["path"] == str(scan)  # reported under the input's name, not the temp copy
    assert scan.read_bytes() == before
