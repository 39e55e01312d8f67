"""Shared by the renderers: which findings are results, where they point, how the
document is named in a URI. Formatting helpers only: every verdict comes from the Report."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import quote

from proseco_check.model.document import Location
from proseco_check.model.evidence import Evidence
from proseco_check.model.i18n import as_document_kind, format_date, legal_name, t
from proseco_check.model.report import DocumentResult, Finding, ReferenceOut, Score
from proseco_check.sanitize import safe_url

__all__ = ["safe_url"]  # re-exported: the one URL check lives in sanitize
from proseco_check.model.rule_info import RuleInfo
from proseco_check.model.vocab import CATEGORIES, SEVERITY_RANK

RESULT_STATUSES = ("missing", "wrong")
# Not judged in this document: JUnit reports them as skipped tests, with their message.
SKIP_STATUSES = ("not_applicable", "skipped", "elsewhere")
# Legal weight of a category, heaviest first: EU law, national law, reservations, then
# the social clauses that rest on them.
CATEGORY_WEIGHT = ("eu-law", "national-law", "reserved-contracts", "social-clauses")


def by_legal_weight(findings: list[Finding]) -> list[Finding]:
    """What to fix first: severity, then category, a wrong clause before a missing one."""
    def key(f: Finding) -> tuple[int, int, int, str]:
        category = CATEGORY_WEIGHT.index(f.category) if f.category in CATEGORY_WEIGHT \
            else len(CATEGORIES)
        return (-SEVERITY_RANK.get(f.severity, 0), category, f.status != "wrong", f.rule)

    return sorted(findings, key=key)


def absent(info: RuleInfo | None, lang: str) -> str:
    """Where a missing clause goes: the kind of section it belongs in."""
    if info is None or info.section == "general":
        return t("label.absent", lang)
    return t("label.belongs", lang, section=t(f"section.{info.section}", lang))


def document_kind(doc: DocumentResult) -> str | None:
    """The `document_kind` fact (bando, disciplinare, capitolato…) when known."""
    fact = doc.facts.get("document_kind")
    return fact.value if fact is not None and isinstance(fact.value, str) else None


def said(text: str, doc: DocumentResult, lang: str) -> str:
    """A rule's message or title as the document kind has it ("il disciplinare")."""
    return as_document_kind(text, document_kind(doc), lang)


def results(doc: DocumentResult) -> list[Finding]:
    """Findings with status missing or wrong, counted or not."""
    return [f for f in doc.findings if f.status in RESULT_STATUSES]


def elsewhere(doc: DocumentResult) -> list[Finding]:
    """Clauses expected in another document of the tender (status elsewhere)."""
    return [f for f in doc.findings if f.status == "elsewhere"]


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
    head = law_label(ref, lang)
    return head + (f" ({t('label.text_of', lang, version=ref.version)})" if ref.version else "")


def law_label(ref: ReferenceOut, lang: str = "en") -> str:
    """'art. 11 c. 2 D.Lgs. 36/2023', 'art. 94 c. 5 lett. a D.Lgs. 36/2023'; EU names in
    the reader's language ('art. 20 Direttiva 2014/24/UE', 'considerando 97')."""
    article = legal_name(ref.article or "", lang)
    parts = [f"art. {article}" if article[:1].isdigit() else article,
             f"c. {ref.comma}" if ref.comma else "", f"lett. {ref.letter}" if ref.letter else ""]
    head = " ".join(p for p in parts if p)
    return f"{head} {legal_name(ref.law, lang)}".strip()


def section_path(section: str | None) -> str | None:
    """The last two headings of a section path: 'DISCIPLINARE > 9. REQUISITI' ->
    '9. REQUISITI'; 'A > B > C' -> 'B › C'."""
    if not section:
        return None
    parts = [p.strip() for p in section.split(">") if p.strip()]
    return " › ".join(parts[-2:]) if parts else None


def where(location: Location | None, lang: str = "en", section: bool = False) -> str:
    """Where a quote stands in the interface language: 'p. 13, par. 4', 'tabella 2 r3
    c1'; with `section`, the heading path first ('sezione «9. Requisiti», par. 29').
    A DOCX without saved pagination has no page: never a false 'p. 1'."""
    if location is None:
        return t("label.not_found", lang)
    # In a procedure (check --procedure) a quote names its file first.
    parts: list[str] = [location.file.rsplit("/", 1)[-1]] if location.file else []
    heading = section_path(location.section) if section else None
    if heading:
        parts.append(t("loc.section", lang, section=heading))
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
        until = t("note.until", lang, date=format_date(s.expires, lang)) if s.expires else ""
        key = "note.in_source" if s.kind == "inSource" else "note.external"
        return t(key, lang, author=s.author, until=until, reason=s.reason)
    if finding.baselined:
        return t("note.baselined", lang)
    return ""


def score_text(value: float | None, out_of: bool = True) -> str:
    if value is None:
        return "–"
    return f"{value:.0f}/100" if out_of else f"{value:.0f}"


def overall_text(score: Score, lang: str = "en") -> str:
    """The overall score with its coverage: '33/100 (24 of 30 rules assessed)'; or
    'not assessable' when the document could not be judged."""
    coverage = t("score.coverage", lang, assessed=score.assessed, applicable=score.applicable)
    if score.overall is None:
        return f"{t('score.not_assessable', lang)} ({coverage})"
    return f"{score_text(score.overall)} ({coverage})"


def counted(doc: DocumentResult) -> list[Finding]:
    return [f for f in doc.findings if f.counts()]
