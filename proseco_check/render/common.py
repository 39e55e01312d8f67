"""Shared by the renderers: which findings are results, where they point, how the
document is named in a URI. Formatting helpers only: every verdict comes from the Report."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import quote

from proseco_check.model.document import Location
from proseco_check.model.evidence import Evidence
from proseco_check.model.i18n import t
from proseco_check.model.report import DocumentResult, Finding, ReferenceOut
from proseco_check.sanitize import safe_url

__all__ = ["safe_url"]  # re-exported: the one URL check lives in sanitize

RESULT_STATUSES = ("missing", "wrong")
PASS_STATUSES = ("present",)
SKIP_STATUSES = ("not_applicable", "skipped")


def results(doc: DocumentResult) -> list[Finding]:
    """Findings with status missing or wrong, counted or not."""
    return [f for f in doc.findings if f.status in RESULT_STATUSES]


def start_line(location: Evidence | None) -> int | None:
    """The line a CI tool can point at: the line on the page for a PDF, the line in the
    file for text and Markdown, the paragraph index for a DOCX; None for a missing clause."""
    if location is None:
        return None
    for value in (location.line, location.paragraph):
        if value is not None and value >= 1:
            return value
    return None


def location_properties(location: Evidence | None) -> dict[str, object]:
    """page, page_label, section, table/row/col and bbox, the ones that are known."""
    if location is None:
        return {}
    data = location.model_dump(mode="json", exclude={"text", "line", "paragraph"})
    return {k: v for k, v in data.items() if v is not None}


def reference_label(ref: ReferenceOut, lang: str = "en") -> str:
    head = law_label(ref)
    return head + (f" ({t('label.text_of', lang, version=ref.version)})" if ref.version else "")


def law_label(ref: ReferenceOut) -> str:
    """'art. 11 c. 2 D.Lgs. 36/2023': the words of the law, the same in both languages."""
    article = ref.article or ""
    parts = [f"art. {article}" if article[:1].isdigit() else article,
             f"c. {ref.comma}" if ref.comma else ""]
    head = " ".join(p for p in parts if p)
    return f"{head} {ref.law}".strip()


def where(location: Location | None, lang: str = "en") -> str:
    """Evidence.where() in the interface language: 'p. 13, par. 4' / 'tabella 2 r3 c1'."""
    if location is None:
        return t("label.not_found", lang)
    parts: list[str] = []
    if location.page is not None:
        parts.append(t("loc.page", lang, page=location.page)
                     + (f" ({location.page_label})" if location.page_label else ""))
    if location.table is not None:
        parts.append(t("loc.table", lang, table=location.table, row=location.row,
                       col=location.col))
    elif location.paragraph is not None:
        parts.append(t("loc.paragraph", lang, n=location.paragraph))
    if location.line is not None and location.page is None:
        parts.append(t("loc.line", lang, n=location.line))
    return ", ".join(parts) or "-"


def document_uri(path: str) -> str:
    """A relative path stays relative (POSIX, percent-encoded); an absolute one becomes a
    file:// URI."""
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(PurePosixPath(*candidate.parts).as_posix(), safe="/-._~")


def suppression_note(finding: Finding, lang: str = "en") -> str:
    if finding.suppressed and finding.suppression:
        s = finding.suppression
        until = t("note.until", lang, date=s.expires) if s.expires else ""
        key = "note.in_source" if s.kind == "inSource" else "note.external"
        return t(key, lang, author=s.author, until=until, reason=s.reason)
    if finding.baselined:
        return t("note.baselined", lang)
    return ""


def score_text(value: float | None, out_of: bool = True) -> str:
    if value is None:
        return "–"
    return f"{value:.0f}/100" if out_of else f"{value:.0f}"


def counted(doc: DocumentResult) -> list[Finding]:
    return [f for f in doc.findings if f.counts()]
