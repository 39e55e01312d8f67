"""Rich terminal scorecard: facts panel, a row per category, findings by severity."""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..result import DocumentResult, Report
from .common import counted, suppression_note

_STATUS_STYLE = {"wrong": "bold red", "missing": "red", "present": "green",
                 "not_applicable": "dim", "skipped": "yellow"}
_SEV_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}
_LABELS = {
    "it": {"facts": "Fatti della gara", "category": "Categoria", "present": "presenti",
           "missing": "mancanti", "wrong": "errate", "na": "n/a", "score": "punteggio",
           "findings": "Rilievi", "profile": "Profilo sociale", "fix": "Clausola modello",
           "none": "nessuno", "overall": "Punteggio complessivo", "summary": "Riepilogo",
           "document": "Documento", "suppressed": "soppressi", "baselined": "in baseline",
           "unreadable": "illeggibile"},
    "en": {"facts": "Tender facts", "category": "Category", "present": "present",
           "missing": "missing", "wrong": "wrong", "na": "n/a", "score": "score",
           "findings": "Findings", "profile": "Social profile", "fix": "Model clause",
           "none": "none", "overall": "Overall score", "summary": "Summary",
           "document": "Document", "suppressed": "suppressed", "baselined": "baselined",
           "unreadable": "unreadable"},
}


def _facts_panel(doc: DocumentResult, lab: dict[str, str]) -> Panel:
    table = Table.grid(padding=(0, 2))
    for name, fact in doc.facts.items():
        if fact.value is None:
            continue
        value = ", ".join(fact.value) if isinstance(fact.value, list) else str(fact.value)
        where = fact.evidence[0].where() if fact.evidence else fact.source
        table.add_row(Text(name, style="bold"), Text(value[:60]), Text(where, style="dim"))
    title = f"{lab['facts']} · {doc.language} · nlp {doc.nlp_mode} · packs {', '.join(doc.packs)}"
    return Panel(table, title=title, title_align="left")


def _profile_table(doc: DocumentResult, lab: dict[str, str]) -> Table:
    table = Table(title=lab["profile"], title_justify="left", show_header=False, box=None)
    table.add_row(Text("reserved", style="bold"), doc.profile.reserved)
    for element in doc.profile.elements:
        values = ", ".join(f"{k}={v:g}" for k, v in element.values.items())
        where = element.evidence[0].where() if element.evidence else ""
        table.add_row(Text(element.id, style="bold green"), values, Text(where, style="dim"))
    codes = "; ".join(f"{k}: {', '.join(v) or '-'}" for k, v in doc.profile.eforms.items())
    table.add_row(Text("eForms", style="bold"), codes)
    return table


def _score_table(doc: DocumentResult, lab: dict[str, str]) -> Table:
    table = Table(show_lines=False)
    for column in (lab["category"], lab["present"], lab["missing"], lab["wrong"], lab["na"],
                   lab["score"]):
        table.add_column(column, justify="left" if column == lab["category"] else "right")
    for row in doc.score.categories:
        table.add_row(row.category, str(row.present), str(row.missing), str(row.wrong),
                      str(row.not_applicable + row.skipped),
                      "-" if row.score is None else f"{row.score:.0f}")
    overall = "-" if doc.score.overall is None else f"{doc.score.overall:.0f}/100"
    accepted = ", ".join(f"{n} {lab[k]}" for k, n in (("suppressed", doc.suppressed),
                                                      ("baselined", doc.baselined)) if n)
    table.caption = f"{lab['overall']}: {overall}" + (f" ({accepted})" if accepted else "")
    return table


def _summary_table(report: Report, lab: dict[str, str]) -> Table:
    table = Table(title=lab["summary"], title_justify="left")
    for column in (lab["document"], lab["score"], lab["wrong"], lab["missing"],
                   lab["suppressed"], lab["baselined"]):
        table.add_column(column, justify="left" if column == lab["document"] else "right")
    for doc in report.documents:
        live = counted(doc)
        table.add_row(doc.path, "-" if doc.score.overall is None else f"{doc.score.overall:.0f}",
                      str(sum(1 for f in live if f.status == "wrong")),
                      str(sum(1 for f in live if f.status == "missing")),
                      str(doc.suppressed), str(doc.baselined))
    for err in report.errors:
        table.add_row(Text(err.path, style="red"), Text(lab["unreadable"], style="red"),
                      "", "", "", "")
    return table


def _findings(doc: DocumentResult, lab: dict[str, str], verbose: bool) -> Group:
    parts: list[Text | Panel] = [Text(lab["findings"], style="bold underline")]
    for f in doc.findings:
        if f.status in ("not_applicable", "skipped") and not verbose:
            continue
        head = Text()
        head.append(f"{f.status.upper():<8}", style=_STATUS_STYLE[f.status])
        head.append(f" {f.severity:<7}", style=_SEV_STYLE[f.severity])
        head.append(f" {f.rule} ", style="bold")
        head.append(f"({f.name}) {f.title}")
        note = suppression_note(f)
        if note:
            head.append(f"  [{note}]", style="dim")
        parts.append(head)
        parts.append(Text(f"    {f.message}"))
        refs = "; ".join(f"{r.law}" + (f" art. {r.article}" if r.article else "")
                         + (f" c. {r.comma}" if r.comma else "") for r in f.references)
        parts.append(Text(f"    ⚖ {refs}", style="dim"))
        for ev in f.evidence[:2]:
            parts.append(Text(f"    ↳ {ev.where()}: «{ev.text[:200]}»", style="italic"))
        if f.fix:
            parts.append(Text(f"    ✎ {lab['fix']}: {f.fix[:400]}", style="cyan"))
    return Group(*parts)


def render_table(report: Report, ui_lang: str = "en", verbose: bool = False,
                 color: bool = False, width: int = 110) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width,
                      highlight=False)
    for doc in report.documents:
        lab = _LABELS.get(ui_lang if ui_lang in _LABELS else "en")
        console.rule(Text(doc.path, style="bold"))
        console.print(_facts_panel(doc, lab))
        for notice in doc.notices:
            console.print(Text(f"! {notice}", style="yellow"))
        console.print(_profile_table(doc, lab))
        console.print(_score_table(doc, lab))
        console.print(_findings(doc, lab, verbose))
    lab = _LABELS.get(ui_lang if ui_lang in _LABELS else "en")
    if len(report.documents) + len(report.errors) > 1:
        console.print(_summary_table(report, lab))
    for notice in report.notices:
        console.print(Text(f"! {notice}", style="yellow"))
    # Unreadable files are reported on stderr by the CLI, one line each.
    return buffer.getvalue()
