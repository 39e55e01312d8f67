"""A Markdown scorecard for a merge-request comment or a GitHub job summary: a summary
table across documents, then per document the category scores and the results (missing
or wrong), suppressed and baselined ones listed apart with their reasons."""

from __future__ import annotations

from ..result import DocumentResult, Finding, Report
from .common import counted, reference_label, results, start_line, suppression_note

_ICON = {"wrong": "❌", "missing": "⚠️"}
MAX_RESULTS = 50  # per document; a comment must stay readable


def cell(text: object) -> str:
    """Text safe in a table cell: one line, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}/100"


def summary_table(report: Report) -> list[str]:
    lines = ["| Document | Score | Wrong | Missing | Suppressed | Baselined |",
             "|---|---:|---:|---:|---:|---:|"]
    for doc in report.documents:
        live = counted(doc)
        lines.append(f"| `{cell(doc.path)}` | {_score(doc.score.overall)} | "
                     f"{sum(1 for f in live if f.status == 'wrong')} | "
                     f"{sum(1 for f in live if f.status == 'missing')} | "
                     f"{doc.suppressed} | {doc.baselined} |")
    for err in report.errors:
        lines.append(f"| `{cell(err.path)}` | unreadable | | | | |")
    return lines


def _where(finding: Finding) -> str:
    if finding.location is None:
        return "not found in the document"
    line = start_line(finding.location)
    return finding.location.where() + (f" (line {line})" if line and finding.location.page
                                       is not None and finding.location.line else "")


def _finding(finding: Finding) -> list[str]:
    refs = "; ".join(reference_label(r) for r in finding.references)
    lines = [f"- {_ICON.get(finding.status, '')} **{finding.status}** · {finding.severity} · "
             f"`{finding.rule}` ({finding.name}) — {cell(finding.title)}",
             f"  - {cell(finding.message)}"]
    if refs:
        lines.append(f"  - ⚖ {cell(refs)}")
    lines.append(f"  - 📍 {cell(_where(finding))}")
    if finding.location is not None:
        lines.append(f"  - > {cell(finding.location.text)}")
    if finding.fix:
        lines += ["  <details><summary>Model clause</summary>", "",
                  f"  {cell(finding.fix)}", "", "  </details>"]
    return lines


def _document(doc: DocumentResult) -> list[str]:
    lines = [f"### `{cell(doc.path)}` — {_score(doc.score.overall)}", "",
             f"Language {doc.language} · NLP {doc.nlp_mode} · packs {', '.join(doc.packs)}", "",
             "| Category | Present | Missing | Wrong | n/a | Score |",
             "|---|---:|---:|---:|---:|---:|"]
    for row in doc.score.categories:
        lines.append(f"| {row.category} | {row.present} | {row.missing} | {row.wrong} | "
                     f"{row.not_applicable + row.skipped} | "
                     f"{'–' if row.score is None else f'{row.score:.0f}'} |")
    lines.append("")
    live = counted(doc)
    if live:
        lines.append(f"**Results ({len(live)})**")
        lines.append("")
        for finding in live[:MAX_RESULTS]:
            lines.extend(_finding(finding))
        if len(live) > MAX_RESULTS:
            lines.append(f"- … and {len(live) - MAX_RESULTS} more (see the JSON or SARIF report)")
        lines.append("")
    else:
        lines += ["No result counts against this document. ✅", ""]
    accepted = [f for f in results(doc) if not f.counts()]
    if accepted:
        lines.append(f"<details><summary>Accepted: {doc.suppressed} suppressed, "
                     f"{doc.baselined} baselined</summary>")
        lines.append("")
        for finding in accepted:
            lines.append(f"- `{finding.rule}` {finding.status} — {cell(suppression_note(finding))}")
        lines += ["", "</details>", ""]
    for notice in doc.notices:
        lines.append(f"> ℹ️ {cell(notice)}")
    if doc.notices:
        lines.append("")
    return lines


def render_markdown(report: Report, **_: object) -> str:
    lines = ["## proseco-check scorecard", ""]
    lines += summary_table(report)
    lines.append("")
    for err in report.errors:
        lines.append(f"> ❗ {cell(err.error)}")
    if report.errors:
        lines.append("")
    for notice in report.notices:
        lines.append(f"> ℹ️ {cell(notice)}")
    if report.notices:
        lines.append("")
    for doc in report.documents:
        lines.extend(_document(doc))
    tool = report.tool
    lines.append(f"<sub>{tool.get('name', 'proseco-check')} {tool.get('version', '')}"
                 + (f" · baseline `{cell(report.baseline)}`" if report.baseline else "")
                 + "</sub>")
    return "\n".join(lines) + "\n"
