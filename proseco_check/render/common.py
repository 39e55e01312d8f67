"""Shared by the renderers: which findings are results, where they point, how the
document is named in a URI. Formatting helpers only: every verdict comes from the Report."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import quote

from ..evidence import Evidence
from ..result import DocumentResult, Finding, ReferenceOut

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


def reference_label(ref: ReferenceOut) -> str:
    parts = [f"art. {ref.article}" if ref.article else "", f"c. {ref.comma}" if ref.comma else ""]
    head = " ".join(p for p in parts if p)
    return f"{head} {ref.law}".strip() + (f" (text of {ref.version})" if ref.version else "")


def document_uri(path: str) -> str:
    """A relative path stays relative (POSIX, percent-encoded); an absolute one becomes a
    file:// URI."""
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(PurePosixPath(*candidate.parts).as_posix(), safe="/-._~")


def suppression_note(finding: Finding) -> str:
    if finding.suppressed and finding.suppression:
        s = finding.suppression
        until = f", until {s.expires}" if s.expires else ""
        where = "Word comment" if s.kind == "inSource" else "suppressed"
        return f"{where} by {s.author}{until}: {s.reason}"
    if finding.baselined:
        return "baselined"
    return ""


def counted(doc: DocumentResult) -> list[Finding]:
    return [f for f in doc.findings if f.counts()]
