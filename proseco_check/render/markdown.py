"""A Markdown scorecard for a merge-request comment or a GitHub job summary: a summary
table across documents, then per document the category scores and the results (missing
or wrong), suppressed and baselined ones listed apart with their reasons."""

from __future__ import annotations

from proseco_check.model.i18n import category_label, severity_word, t
from proseco_check.model.report import DocumentResult, Finding, Report
from proseco_check.render.common import (
    counted,
    elsewhere,
    overall_text,
    reference_label,
    results,
    score_text,
    start_line,
    suppression_note,
)
from proseco_check.render.common import where as where_text
from proseco_check.sanitize import markdown_code, markdown_text

_ICON = {"wrong": "❌", "missing": "⚠️"}
MAX_RESULTS = 50  # per document; a comment must stay readable


def cell(text: object) -> str:
    """Untrusted text made inert: one line, raw HTML shown as text, Markdown punctuation
    (emphasis, links, images, code spans, table pipes) escaped."""
    return markdown_text(str(text))


def code(text: object) -> str:
    """A file name or rule id as a code span that no backtick inside can close."""
    return markdown_code(str(text))


def _header(lang: str, *keys: str) -> str:
    return "| " + " | ".join(t(k, lang) for k in keys) + " |"


def summary_table(report: Report, lang: str = "en") -> list[str]:
    lines = [_header(lang, "col.document", "col.score", "col.wrong", "col.missing",
                     "col.suppressed", "col.baselined"),
             "|---|---:|---:|---:|---:|---:|"]
    for doc in report.judged():
        live = counted(doc)
        lines.append(f"| {code(doc.path)} | {score_text(doc.score.overall)} | "
                     f"{sum(1 for f in live if f.status == 'wrong')} | "
                     f"{sum(1 for f in live if f.status == 'missing')} | "
                     f"{doc.suppressed} | {doc.baselined} |")
    for err in report.errors:
        lines.append(f"| {code(err.path)} | {t('label.unreadable', lang)} | | | | |")
    return lines


def _where(finding: Finding, lang: str) -> str:
    if finding.location is None:
        return t("label.not_found", lang)
    line = start_line(finding.location)
    return where_text(finding.location, lang) + (
        f" ({t('md.line', lang, n=line)})" if line and finding.location.page is not None
        and finding.location.line else "")


def _finding(finding: Finding, lang: str) -> list[str]:
    refs = "; ".join(reference_label(r, lang) for r in finding.references)
    lines = [f"- {_ICON.get(finding.status, '')} **{t('badge.' + finding.status, lang)}** · "
             f"{severity_word(finding.severity, lang)} · "
             f"{code(finding.rule)} ({cell(finding.name)}) — {cell(finding.title)}",
             f"  - {cell(finding.message)}"]
    if refs:
        lines.append(f"  - ⚖ {cell(refs)}")
    lines.append(f"  - 📍 {cell(_where(finding, lang))}")
    if finding.location is not None:
        lines.append(f"  - > {cell(finding.location.text)}")
    if finding.fix:
        lines += [f"  <details><summary>{t('label.fix', lang)}</summary>", "",
                  f"  {cell(finding.fix)}", "", "  </details>"]
    return lines


def _document(doc: DocumentResult, lang: str) -> list[str]:
    lines = [f"### {code(doc.path)} — {overall_text(doc.score, lang)}", "",
             cell(t("label.meta", lang, lang=doc.language, nlp=doc.nlp_mode,
                    packs=", ".join(doc.packs))), "",
             _header(lang, "col.category", "col.present", "col.missing", "col.wrong",
                     "col.na", "col.score"),
             "|---|---:|---:|---:|---:|---:|"]
    for row in doc.score.categories:
        lines.append(f"| {category_label(row.category, lang)} | {row.present} | {row.missing} | "
                     f"{row.wrong} | {row.not_applicable + row.skipped} | "
                     f"{score_text(row.score, out_of=False)} |")
    lines.append("")
    live = counted(doc)
    if live:
        lines.append(f"**{t('md.results', lang, n=len(live))}**")
        lines.append("")
        for finding in live[:MAX_RESULTS]:
            lines.extend(_finding(finding, lang))
        if len(live) > MAX_RESULTS:
            lines.append(f"- {t('md.more', lang, n=len(live) - MAX_RESULTS)}")
        lines.append("")
    else:
        lines += [t("md.clean", lang), ""]
    accepted = [f for f in results(doc) if not f.counts()]
    if accepted:
        summary = t("md.accepted", lang, suppressed=doc.suppressed, baselined=doc.baselined)
        lines.append(f"<details><summary>{summary}</summary>")
        lines.append("")
        for finding in accepted:
            lines.append(f"- {code(finding.rule)} {t('badge.' + finding.status, lang)} — "
                         f"{cell(suppression_note(finding, lang))}")
        lines += ["", "</details>", ""]
    moved = elsewhere(doc)
    if moved:
        lines.append(f"<details><summary>{t('table.elsewhere', lang)} ({len(moved)})</summary>")
        lines.append("")
        lines += [f"- {code(f.rule)} {t('badge.elsewhere', lang)} — {cell(f.message)}"
                  for f in moved]
        lines += ["", "</details>", ""]
    for notice in doc.notices:
        lines.append(f"> ℹ️ {cell(notice)}")
    if doc.notices:
        lines.append("")
    return lines


def render_markdown(report: Report, ui_lang: str = "en", **_: object) -> str:
    lines = [f"## {t('md.title', ui_lang)}", ""]
    lines += summary_table(report, ui_lang)
    lines.append("")
    for err in report.errors:
        lines.append(f"> ❗ {cell(err.error)}")
    if report.errors:
        lines.append("")
    for notice in report.notices:
        lines.append(f"> ℹ️ {cell(notice)}")
    if report.notices:
        lines.append("")
    for doc in report.judged():
        lines.extend(_document(doc, ui_lang))
    tool = report.tool
    lines.append(f"<sub>{tool.get('name', 'proseco-check')} {tool.get('version', '')}"
                 + (f" · config {code(report.config)}" if report.config else "")
                 + (f" · baseline {code(report.baseline)}" if report.baseline else "")
                 + "</sub>")
    return "\n".join(lines) + "\n"
