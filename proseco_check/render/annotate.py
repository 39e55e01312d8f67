"""Annotated copy: the tender as DOCX with each finding as a Word comment anchored on
the paragraph it quotes, and a first comment with the scorecard. For a PDF (or text)
input the copy is a DOCX of the extracted text with the same comments. The input file
is never touched; the output is written to a temporary file and renamed into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import docx
from docx.text.paragraph import Paragraph

from proseco_check.errors import UsageError
from proseco_check.model.document import Document
from proseco_check.model.i18n import category_label, severity_word, status_word, t
from proseco_check.model.report import DocumentResult, Finding
from proseco_check.readers import read_document
from proseco_check.readers.docx import paragraph_elements
from proseco_check.render.common import law_label, score_text
from proseco_check.render.files import write_error
from proseco_check.sanitize import xml_text

AUTHOR = "proseco-check"
INITIALS = "PC"


def _comment_text(finding: Finding, lang: str) -> str:
    refs = "; ".join(law_label(r) for r in finding.references)
    parts = [f"[{status_word(finding.status, lang).upper()}] {finding.rule} "
             f"({severity_word(finding.severity, lang)}): {finding.message}",
             f"{t('label.law', lang)}: {refs}"]
    if finding.fix:
        parts.append(f"{t('label.fix', lang)}: {finding.fix}")
    return xml_text("\n".join(parts))


def _scorecard_text(result: DocumentResult, lang: str) -> str:
    rows = [f"{t('annotate.score', lang)}: {score_text(result.score.overall)}"]
    for row in result.score.categories:
        rows.append(t("annotate.row", lang, category=category_label(row.category, lang),
                      present=row.present, missing=row.missing, wrong=row.wrong,
                      score=score_text(row.score, out_of=False)))
    return xml_text("\n".join(rows))


def _anchor_runs(paragraph: Paragraph) -> list:
    runs = [run for run in paragraph.runs if run.text.strip()]
    return runs or [paragraph.add_run("")]


def _text_copy(document: Document) -> tuple[docx.document.Document, dict[int, Paragraph]]:
    """A DOCX of the extracted text, remembering which paragraph each block became."""
    out = docx.Document()
    by_paragraph: dict[int, Paragraph] = {}
    for block in document.body():
        text = xml_text(block.text)
        if block.kind == "heading":
            paragraph = out.add_heading(text, level=min(block.level or 1, 9))
        else:
            paragraph = out.add_paragraph(text)
        if block.location.paragraph is not None:
            by_paragraph[block.location.paragraph] = paragraph
    return out, by_paragraph


def annotate(input_path: Path, result: DocumentResult, output: Path, lang: str = "it",
             password: str | None = None, document: Document | None = None) -> int:
    """Write the annotated copy; returns the number of comments added. `document` is the
    document as read for the check (same limits, OCR, symlink policy): read again only
    when it is not given."""
    if output.resolve() == input_path.resolve():
        raise UsageError(t("annotate.overwrite", lang, path=output))
    if output.suffix.lower() != ".docx":
        raise UsageError(t("annotate.docx", lang, path=output))
    if document is None:
        document = read_document(input_path, password=password)
    if document.format == "docx":
        out = docx.Document(str(input_path))
        elements = paragraph_elements(out)
        paragraphs = {i + 1: Paragraph(el, out.part) for i, el in enumerate(elements)}
    else:
        out, paragraphs = _text_copy(document)
    if not paragraphs:
        raise UsageError(t("annotate.empty", lang, path=input_path))
    first = paragraphs[min(paragraphs)]
    out.add_comment(_anchor_runs(first), text=_scorecard_text(result, lang), author=AUTHOR,
                    initials=INITIALS)
    count = 1
    for finding in result.findings:
        if finding.status not in ("missing", "wrong") or finding.suppressed \
                or finding.baselined:
            continue
        where = finding.location.paragraph if finding.location else None
        target = paragraphs.get(where) if where is not None else None
        out.add_comment(_anchor_runs(target or first), text=_comment_text(finding, lang),
                        author=AUTHOR, initials=INITIALS)
        count += 1
    save_atomically(out, output)
    return count


def save_atomically(document: docx.document.Document, output: Path) -> None:
    """Save through a temporary file and a rename; a failure is one UsageError line
    naming the file and the reason."""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".proseco-", suffix=".docx",
                                             dir=output.parent)
    except OSError as exc:
        raise write_error(output, exc) from None
    os.close(handle)
    try:
        document.save(temporary)
        os.replace(temporary, output)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise write_error(output, exc) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
