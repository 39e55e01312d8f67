"""Rich terminal scorecard: facts panel, a row per category, findings by severity. Every
word comes from the message catalogue (i18n.py) in the interface language."""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from proseco_check.model.i18n import category_label, fact_label, fact_value, severity_word, status_word, t
from proseco_check.model.report import DocumentResult, Report
from proseco_check.render.common import counted, law_label, score_text, suppression_note, where

_STATUS_STYLE = {"wrong": "bold red", "missing": "red", "present": "green",
                 "not_applicable": "dim", "skipped": "yellow"}
_SEV_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}
STAGES = ("read", "nlp", "facts", "rules", "profile")


def _facts_panel(doc: DocumentResult, lang: str) -> Panel:
    table = Table.grid(padding=(0, 2))
    for name, fact in doc.facts.items():
        if fact.value is None:
            continue
        value = fact_value(fact.value, lang)
        value = value if len(value) <= 70 else value[:69] + "…"
        place = where(fact.evidence[0], lang) if fact.evidence else _source(fact.source, lang)
        table.add_row(Text(fact_label(name, lang), style="bold"), Text(value),
                      Text(place, style="dim"))
    title = t("table.meta", lang, facts=t("label.facts", lang), lang=doc.language,
              nlp=doc.nlp_mode, packs=", ".join(doc.packs))
    return Panel(table, title=title, title_align="left")


def _source(source: str, lang: str) -> str:
    return t(f"source.{source}", lang)


def _profile_table(doc: DocumentResult, lang: str) -> Table:
    table = Table(title=t("label.profile", lang), title_justify="left", show_header=False,
                  box=None)
    table.add_row(Text(t("label.reserved", lang), style="bold"),
                  fact_value(doc.profile.reserved, lang))
    for element in doc.profile.elements:
        values = ", ".join(f"{k}={v:g}" for k, v in element.values.items())
        place = where(element.evidence[0], lang) if element.evidence else ""
        table.add_row(Text(element.id, style="bold green"), values, Text(place, style="dim"))
    codes = "; ".join(f"{k}: {', '.join(v) or '-'}" for k, v in doc.profile.eforms.items())
    table.add_row(Text("eForms", style="bold"), codes)
    return table


def _score_table(doc: DocumentResult, lang: str) -> Table:
    table = Table(show_lines=False)
    table.add_column(t("col.category", lang), justify="left")
    for key in ("col.present", "col.missing", "col.wrong", "col.na", "col.score"):
        table.add_column(t(key, lang), justify="right")
    for row in doc.score.categories:
        table.add_row(category_label(row.category, lang), str(row.present), str(row.missing),
                      str(row.wrong), str(row.not_applicable + row.skipped),
                      score_text(row.score, out_of=False))
    accepted = ", ".join(t(f"count.{k}", lang, n=n) for k, n in (
        ("suppressed", doc.suppressed), ("baselined", doc.baselined)) if n)
    table.caption = f"{t('label.overall', lang)}: {score_text(doc.score.overall)}" + (
        f" ({accepted})" if accepted else "")
    return table


def _summary_table(report: Report, lang: str) -> Table:
    table = Table(title=t("label.summary", lang), title_justify="left")
    table.add_column(t("col.document", lang), justify="left")
    for key in ("col.score", "col.wrong", "col.missing", "col.suppressed", "col.baselined"):
        table.add_column(t(key, lang), justify="right")
    for doc in report.documents:
        live = counted(doc)
        table.add_row(doc.path, score_text(doc.score.overall, out_of=False),
                      str(sum(1 for f in live if f.status == "wrong")),
                      str(sum(1 for f in live if f.status == "missing")),
                      str(doc.suppressed), str(doc.baselined))
    for err in report.errors:
        table.add_row(Text(err.path, style="red"), Text(t("label.unreadable", lang), style="red"),
                      "", "", "", "")
    return table


def _findings(doc: DocumentResult, lang: str, verbose: bool) -> Group:
    parts: list[Text | Panel] = [Text(t("label.findings", lang), style="bold underline")]
    for f in doc.findings:
        if f.status in ("not_applicable", "skipped") and not verbose:
            continue
        head = Text()
        head.append(f"{status_word(f.status, lang).upper():<9}", style=_STATUS_STYLE[f.status])
        head.append(f" {severity_word(f.severity, lang):<7}", style=_SEV_STYLE[f.severity])
        head.append(f" {f.rule} ", style="bold")
        head.append(f"({f.name}) {f.title}")
        note = suppression_note(f, lang)
        if note:
            head.append(f"  [{note}]", style="dim")
        parts.append(head)
        parts.append(Text(f"    {f.message}"))
        refs = "; ".join(law_label(r) for r in f.references)
        parts.append(Text(f"    ⚖ {refs}", style="dim"))
        for ev in f.evidence[:2]:
            parts.append(Text(f"    ↳ {where(ev, lang)}: «{ev.text[:200]}»", style="italic"))
        if f.fix:
            parts.append(Text(f"    ✎ {t('label.fix', lang)}: {f.fix[:400]}", style="cyan"))
    return Group(*parts)


def verbose_lines(doc: DocumentResult, lang: str) -> list[str]:
    """Which rules ran, which did not, and how long each stage took."""
    statuses = [f.status for f in doc.findings]
    na, skipped = statuses.count("not_applicable"), statuses.count("skipped")
    lines = [t("verbose.rules", lang, ran=len(statuses) - na - skipped, na=na, skipped=skipped)]
    if doc.timings:
        stages = " · ".join(f"{t(f'stage.{s}', lang)} {doc.timings[s]:.2f} s"
                            for s in STAGES if s in doc.timings)
        lines.append(f"{t('verbose.timings', lang)}: {stages}")
    return lines


def render_table(report: Report, ui_lang: str = "en", verbose: bool = False,
                 color: bool = False, width: int = 110, **_: object) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width,
                      highlight=False)
    lang = ui_lang
    for doc in report.documents:
        console.rule(Text(doc.path, style="bold"))
        console.print(_facts_panel(doc, lang))
        for notice in doc.notices:
            console.print(Text(f"! {notice}", style="yellow"))
        console.print(_profile_table(doc, lang))
        console.print(_score_table(doc, lang))
        console.print(_findings(doc, lang, verbose))
        if verbose:
            for line in verbose_lines(doc, lang):
                console.print(Text(line, style="dim"))
    if len(report.documents) + len(report.errors) > 1:
        console.print(_summary_table(report, lang))
    for notice in report.notices:
        console.print(Text(f"! {notice}", style="yellow"))
    if report.config:
        console.print(Text(t("label.config", lang, path=report.config), style="dim"))
    # Unreadable files are reported on stderr by the CLI, one line each.
    return buffer.getvalue()


def render_quiet(report: Report, ui_lang: str = "en", **_: object) -> str:
    """--quiet: one summary line per document (errors go to stderr, as always)."""
    lines = []
    for doc in report.documents:
        live = counted(doc)
        lines.append(t("quiet.line", ui_lang, path=doc.path, score=score_text(doc.score.overall),
                       wrong=sum(1 for f in live if f.status == "wrong"),
                       missing=sum(1 for f in live if f.status == "missing")))
    return "".join(line + "\n" for line in lines)
