"""Annotated copies: comments read back with python-docx sit on the paragraphs the
findings quote; the file opens in LibreOffice (converted headless when installed)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from proseco_check.errors import UsageError
from proseco_check.pipeline.annotate import annotate
from proseco_check.pipeline.run import Options, check_document

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _anchored_paragraphs(path: Path) -> dict[str, str]:
    """comment text -> text of the paragraph where its range starts."""
    document = docx.Document(str(path))
    texts = {str(c.comment_id): c.text for c in document.comments}
    anchored: dict[str, str] = {}
    for start in document.element.body.iter(qn("w:commentRangeStart")):
        paragraph = start.getparent()
        while paragraph is not None and paragraph.tag != qn("w:p"):
            paragraph = paragraph.getparent()
        text = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
        anchored[texts[start.get(qn("w:id"))]] = text
    return anchored


@pytest.mark.parametrize("name", ["it_disciplinare_carente.docx", "it_disciplinare_carente.pdf"])
def test_comments_sit_on_the_quoted_paragraphs(tmp_path: Path, name: str) -> None:
    source = SAMPLES / name
    before = source.read_bytes()
    result = check_document(source, Options())
    out = tmp_path / "annotated.docx"
    count = annotate(source, result, out, lang="it")
    assert source.read_bytes() == before
    problems = [f for f in result.findings if f.status in ("missing", "wrong")]
    assert count == len(problems) + 1
    anchored = _anchored_paragraphs(out)
    assert len(anchored) == count
    scorecard = next(text for text in anchored if text.startswith("Punteggio proseco-check"))
    assert scorecard
    checked = 0
    for finding in problems:
        if not finding.evidence:
            continue
        comment = next(t for t in anchored if t.startswith(f"[DA CORREGGERE] {finding.rule} ")
                       or t.startswith(f"[MANCA] {finding.rule} "))
        quote = " ".join(finding.evidence[0].text.split())[:40]
        assert quote in " ".join(anchored[comment].split()), (finding.rule, anchored[comment])
        checked += 1
    assert checked >= 2  # the wrong 20 % share and the wrong 15 % youth quota at least


def test_annotate_refuses_to_overwrite_the_input(tmp_path: Path) -> None:
    source = tmp_path / "bando.docx"
    shutil.copy(SAMPLES / "it_disciplinare_carente.docx", source)
    result = check_document(source, Options())
    with pytest.raises(UsageError):
        annotate(source, result, source)
    with pytest.raises(UsageError):
        annotate(source, result, tmp_path / "copy.pdf")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_annotated_copy_opens_in_libreoffice(tmp_path: Path) -> None:
    source = SAMPLES / "it_disciplinare_carente.docx"
    out = tmp_path / "annotated.docx"
    annotate(source, check_document(source, Options()), out)
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "annotated.pdf").stat().st_size > 1000
