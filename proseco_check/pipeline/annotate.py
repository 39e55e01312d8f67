"""Annotated copy: the tender as DOCX with each finding as a Word comment anchored on
the paragraph it quotes, and a first comment with the scorecard. For a PDF (or text)
input the copy is a DOCX of the extracted text with the same comments. The input file
is never touched; the output is written to a temporary file and renamed into place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.text.paragraph import Paragraph

from proseco_check.errors import UsageError
from proseco_check.model.document import Document
from proseco_check.model.i18n import category_label, placeholders_explained, severity_word, t
from proseco_check.model.report import DocumentResult, Finding, ProcedureResult
from proseco_check.model.rule_info import RuleInfo
from proseco_check.model.sections import belongs_in, find_section
from proseco_check.output_files import save_atomically
from proseco_check.readers import read_document
from proseco_check.readers.docx import paragraph_elements
from proseco_check.render.common import law_label, said, score_text
from proseco_check.sanitize import xml_text

AUTHOR = "proseco-check"
INITIALS = "PC"


def _comment_text(finding: Finding, result: DocumentResult, lang: str,
                  info: RuleInfo | None, placed: bool) -> str:
    refs = "; ".join(law_label(r, lang) for r in finding.references)
    parts = [f"[{t('badge.' + finding.status, lang).upper()}] {finding.rule} "
             f"({severity_word(finding.severity, lang)}): {said(finding.message, result, lang)}",
             f"{t('label.law', lang)}: {refs}"]
    if finding.status == "missing" and info is not None and info.section != "general":
        what = t(f"section.{info.section}", lang)
        parts.append(t("annotate.belongs" if placed else "annotate.nowhere", lang,
                       section=what, what=what))
    if finding.fix:
        parts.append(f"{t('label.fix', lang)}: {placeholders_explained(finding.fix, lang)}")
    return xml_text("\n".join(parts))


def _scorecard_text(result: DocumentResult, lang: str) -> str:
    rows = [f"{t('annotate.score', lang)}: {score_text(result.score.overall)}"]
    for row in result.score.categories:
        counts = ", ".join((t("count.present", lang, n=row.present),
                            t("count.missing", lang, n=row.missing),
                            t("count.wrong", lang, n=row.wrong)))
        rows.append(t("annotate.row", lang, category=category_label(row.category, lang),
                      counts=counts, score=score_text(row.score, out_of=False)))
    return xml_text("\n".join(rows))


def _anchor_runs(paragraph: Paragraph) -> list[Any]:
    runs = [run for run in paragraph.runs if run.text.strip()]
    return runs or [paragraph.add_run("")]


def _text_copy(document: Document) -> tuple[docx.document.Document, dict[int, Paragraph]]:
    """A DOCX of the extracted text (XML-safe), remembering which paragraph each block
    became (by its paragraph number, else by its position)."""
    out = docx.Document()
    by_paragraph: dict[int, Paragraph] = {}
    for index, block in enumerate(document.body(), 1):
        text = xml_text(block.text)
        if block.kind == "heading":
            paragraph = out.add_heading(text, level=min(block.level or 1, 9))
        else:
            paragraph = out.add_paragraph(text)
        key = block.location.paragraph if block.location.paragraph is not None else index
        by_paragraph[key] = paragraph
        block.location.paragraph = key
    return out, by_paragraph


def _headings(document: Document) -> list[tuple[int, str]]:
    """(paragraph number, title) of each heading, in document order."""
    return [(b.location.paragraph, b.text) for b in document.body()
            if b.kind == "heading" and b.location.paragraph is not None]


def _target(finding: Finding, info: RuleInfo | None, language: str,
            headings: list[tuple[int, str]]) -> int | None:
    """The paragraph a finding's comment goes on: the one it quotes; for a missing
    clause, the heading of the section where it belongs; None for the first heading."""
    location = finding.location
    if location is not None and location.paragraph is not None:
        return location.paragraph
    if location is not None and location.section:
        title = location.section.split(">")[-1].strip()
        for key, text in headings:
            if text.strip() == title:
                return key
    if info is None:
        return None
    return find_section(info.section, language, headings)


def annotate(input_path: Path, result: DocumentResult, output: Path, lang: str = "it",
             password: str | None = None, rules: dict[str, RuleInfo] | None = None,
             document: Document | None = None) -> int:
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
    headings = _headings(document)
    first = paragraphs[headings[0][0]] if headings and headings[0][0] in paragraphs \
        else paragraphs[min(paragraphs)]
    out.add_comment(_anchor_runs(paragraphs[min(paragraphs)]),
                    text=_scorecard_text(result, lang), author=AUTHOR, initials=INITIALS)
    count = 1
    for finding in result.findings:
        if not finding.counts():
            continue
        info = (rules or {}).get(finding.rule)
        key = _target(finding, info, result.language, headings)
        target = paragraphs.get(key) if key is not None else None
        text = _comment_text(finding, result, lang, info, placed=target is not None)
        out.add_comment(_anchor_runs(target or first), text=text, author=AUTHOR,
                        initials=INITIALS)
        count += 1
    save_atomically(out, output)
    return count


def procedure_share(procedure: ProcedureResult, file: str, kinds: dict[str, str | None],
                    rules: dict[str, RuleInfo]) -> DocumentResult:
    """The findings of a procedure that go on one of its files (check --procedure
    --annotate): those quoting it, and each clause found nowhere on the first (most
    authoritative) document whose kind carries it, else on the first document."""
    def home(finding: Finding) -> str:
        info = rules.get(finding.rule)
        section = info.section if info is not None else "general"
        fits = [d for d in procedure.documents
                if (kind := kinds.get(d)) and belongs_in(section, kind)]
        return (fits or procedure.documents or [file])[0]

    mine = [f for f in procedure.findings
            if (f.location.file if f.location is not None and f.location.file
                else home(f)) == file]
    return DocumentResult(**{**procedure.model_dump(exclude={"documents", "findings"}),
                             "path": file, "findings": mine})
