"""The terminal scorecard, action first: what to fix ("Da sistemare", by legal weight,
each with where it is and the clause to paste), then the score per category and the
facts, then the passes (counted; listed with --show-passes or --verbose), and the next
step. It fits the terminal (80 to 200 columns): text wraps, never cuts; a model clause
shortened for the screen ends with "…" and the command that shows it in full. Every word
comes from the message catalogue in the interface language."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from proseco_check.model.i18n import (
    category_label,
    document_noun,
    fact_label,
    fact_value,
    placeholders_explained,
    severity_word,
    t,
)
from proseco_check.model.report import DocumentResult, Finding, ProcedureResult, Report
from proseco_check.model.rule_info import RuleInfo
from proseco_check.render.common import (
    absent,
    by_legal_weight,
    counted,
    document_kind,
    law_label,
    overall_text,
    results,
    said,
    score_text,
    suppression_note,
    where,
)

_BADGE_STYLE = {"wrong": "bold white on red3", "missing": "bold black on orange1",
                "present": "bold black on green3", "not_applicable": "black on grey70",
                "skipped": "black on yellow3", "elsewhere": "black on light_steel_blue"}
STAGES = ("read", "nlp", "facts", "rules", "profile")
CLAUSE_CHARS = 420  # a longer model clause is shortened on screen, with a pointer
INDENT = 4


def badge(status: str, lang: str) -> Text:
    """One badge per verdict, in plain words: 'MANCA', 'DA CORREGGERE', 'OK'."""
    return Text(f" {t(f'badge.{status}', lang).upper()} ", style=_BADGE_STYLE.get(status, ""))


def shorten(text: str, limit: int = CLAUSE_CHARS) -> tuple[str, bool]:
    """Cut at a word boundary with an ellipsis; (text, shortened)."""
    if len(text) <= limit:
        return text, False
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + " …", True


def _indented(renderable: RenderableType, left: int = INDENT) -> Padding:
    return Padding(renderable, (0, 0, 0, left))


def _labelled(label: str, text: str, style: str = "") -> Padding:
    line = Text(f"{label}: ", style="bold")
    line.append(text, style=style)
    return _indented(line)


def _finding(f: Finding, number: int, doc: DocumentResult, lang: str,
             info: RuleInfo | None) -> list[RenderableType]:
    head = Text(f"{number:>2}. ")
    head.append_text(badge(f.status, lang))
    head.append(f" {f.rule}", style="bold")
    # The severity stays apart and quiet, after the verdict.
    meta = f"{t('label.severity', lang, severity=severity_word(f.severity, lang))} · " \
           f"{category_label(f.category, lang)}"
    note = suppression_note(f, lang)
    head.append(f"  {meta}" + (f" · {note}" if note else ""), style="dim")
    parts: list[RenderableType] = [head, _indented(Text(said(f.title, doc, lang), style="bold"))]
    parts.append(_labelled(t("label.why", lang), said(f.message, doc, lang)))
    place = where(f.location, lang, section=True) if f.location else absent(info, lang)
    parts.append(_labelled(t("label.where", lang), place))
    for ev in f.evidence[:1]:
        parts.append(_labelled(t("label.quote", lang), f"«{ev.text}»", "italic"))
    if len(f.evidence) > 1:
        parts.append(_indented(Text(t("label.more_quotes", lang, n=len(f.evidence) - 1),
                                    style="dim")))
    refs = "; ".join(law_label(r, lang) for r in f.references)
    parts.append(_labelled(t("label.law", lang), refs, "dim"))
    if f.fix:
        clause, short = shorten(placeholders_explained(f.fix, lang))
        parts.append(_indented(Text(f"{t('label.fix', lang)}:", style="bold cyan")))
        parts.append(_indented(Text(clause, style="cyan"), INDENT + 2))
        if short:
            parts.append(_indented(Text(t("label.full_text", lang, rule=f.rule), style="dim"),
                                   INDENT + 2))
    return parts


def _todo(doc: DocumentResult, lang: str, rules: dict[str, RuleInfo]
          ) -> list[RenderableType]:
    live = by_legal_weight(counted(doc))
    noun = t("word.the_procedure", lang) if isinstance(doc, ProcedureResult) \
        else f"{t('word.the', lang)} {_noun(doc, lang)}"
    if not live:
        return [Text(t("table.nothing", lang, doc=noun), style="bold green")]
    parts: list[RenderableType] = [
        Text(t("table.todo", lang, n=len(live)).upper(), style="bold underline"),
        Text(t("table.todo_order", lang), style="dim")]
    for number, finding in enumerate(live, 1):
        parts.append(Text())
        parts += _finding(finding, number, doc, lang, rules.get(finding.rule))
    return parts


def _noun(doc: DocumentResult, lang: str) -> str:
    """'disciplinare', 'capitolato'…; 'procedura' for a tender judged as one."""
    if isinstance(doc, ProcedureResult):
        return t("word.procedure", lang)
    return document_noun(document_kind(doc), lang)


def _headline(doc: DocumentResult, lang: str) -> Text:
    live = counted(doc)
    statuses = [f.status for f in doc.findings]
    wrong = sum(1 for f in live if f.status == "wrong")
    missing = sum(1 for f in live if f.status == "missing")
    counts = [t("count.wrong", lang, n=wrong), t("count.missing", lang, n=missing),
              t("count.passed", lang, n=statuses.count("present"))]
    accepted = [t(f"count.{k}", lang, n=n) for k, n in (
        ("elsewhere", statuses.count("elsewhere")), ("suppressed", doc.suppressed),
        ("baselined", doc.baselined)) if n]
    kind = _noun(doc, lang)
    return Text(t("table.headline", lang, kind=kind[:1].upper() + kind[1:],
                  score=overall_text(doc.score, lang), counts=" · ".join(counts + accepted)),
                style="bold")


def _score_table(doc: DocumentResult, lang: str) -> Table:
    table = Table(show_lines=False, expand=False)
    table.add_column(t("col.category", lang), justify="left", overflow="fold")
    for key in ("col.present", "col.missing", "col.wrong", "col.na", "col.score"):
        table.add_column(t(key, lang), justify="right")
    for row in doc.score.categories:
        table.add_row(category_label(row.category, lang), str(row.present), str(row.missing),
                      str(row.wrong), str(row.not_applicable + row.skipped),
                      score_text(row.score, out_of=False))
    table.caption = f"{t('label.overall', lang)}: {overall_text(doc.score, lang)}"
    return table


def _facts(doc: DocumentResult, lang: str) -> RenderableType:
    table = Table.grid(padding=(0, 2))
    table.add_column(overflow="fold")
    table.add_column(overflow="fold")
    table.add_column(overflow="fold", style="dim")
    for name, fact in doc.facts.items():
        if fact.value is None:
            continue
        place = where(fact.evidence[0], lang) if fact.evidence else t(f"source.{fact.source}",
                                                                       lang)
        table.add_row(Text(fact_label(name, lang), style="bold"),
                      Text(fact_value(fact.value, lang)), Text(place))
    meta = t("table.meta", lang, facts=t("label.facts", lang), lang=doc.language,
             nlp=t(f"nlp.{doc.nlp_mode}", lang) if doc.nlp_mode in ("blank", "trained")
             else doc.nlp_mode, packs=", ".join(doc.packs))
    return Group(Text(meta, style="bold"), _indented(table, 2))


def _profile(doc: DocumentResult, lang: str) -> RenderableType:
    table = Table.grid(padding=(0, 2))
    for column in range(3):
        table.add_column(overflow="fold", style="dim" if column == 2 else "")
    table.add_row(Text(t("label.reserved", lang), style="bold"),
                  fact_value(doc.profile.reserved, lang), "")
    for element in doc.profile.elements:
        values = ", ".join(f"{k}={v:g}" for k, v in element.values.items())
        place = where(element.evidence[0], lang) if element.evidence else ""
        table.add_row(Text(t(f"element.{element.id}", lang), style="bold green"), values, place)
    codes = "; ".join(f"{k}: {', '.join(v) or '-'}" for k, v in doc.profile.eforms.items())
    table.add_row(Text("eForms", style="bold"), codes, "")
    return Group(Text(t("label.profile", lang), style="bold"), _indented(table, 2))


def _elsewhere(doc: DocumentResult, lang: str) -> list[RenderableType]:
    """Clauses expected in another document of the tender: always listed, one line each,
    so the buyer knows where to look; they are not results to fix here."""
    found = [f for f in doc.findings if f.status == "elsewhere"]
    if not found:
        return []
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for f in found:
        row = Text(f"{f.rule} ", style="bold")
        row.append(said(f.title, doc, lang))
        row.append(f" — {f.message}", style="dim")
        grid.add_row(badge(f.status, lang), row)
    return [Text(t("table.elsewhere", lang), style="bold"), _indented(grid, 2)]


def _passes(doc: DocumentResult, lang: str, listed: bool) -> list[RenderableType]:
    statuses = [f.status for f in doc.findings]
    counts = [t("count.passed", lang, n=statuses.count("present")),
              t("count.na", lang, n=statuses.count("not_applicable"))]
    if statuses.count("skipped"):
        counts.append(t("count.skipped", lang, n=statuses.count("skipped")))
    line = Text(f"{t('table.passes', lang)}: ", style="bold")
    line.append(" · ".join(counts) + ("" if listed else f" ({t('table.passes_hint', lang)})"),
                style="dim" if not listed else "")
    parts: list[RenderableType] = [line]
    if not listed:
        return parts
    accepted = [f for f in results(doc) if not f.counts()]
    others = accepted + [f for f in doc.findings
                         if f.status not in ("missing", "wrong", "elsewhere")]
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for f in others:
        head = badge(f.status, lang)
        row = Text(f"{f.rule} ", style="bold")
        row.append(said(f.title, doc, lang), style="")
        note = suppression_note(f, lang)
        if f.status in ("not_applicable", "skipped") or note:
            row.append(f" — {note or said(f.message, doc, lang)}", style="dim")
        grid.add_row(head, row)
    parts.append(_indented(grid, 2))
    return parts


def _next_steps(doc: DocumentResult, lang: str) -> list[RenderableType]:
    path = doc.path
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    tool = "proseco-check"
    steps = [("next.suggest", (tool, "suggest", path, "--output", f"{stem}-clausole.docx")),
             ("next.annotate", (tool, "check", path, "--annotate", f"{stem}-commenti.docx")),
             ("next.html", (tool, "check", path, "--output-html", f"{stem}.html"))]
    live = by_legal_weight(counted(doc))
    if isinstance(doc, ProcedureResult):  # suggest takes one document; copies go in a folder
        steps = [("next.annotate", (tool, "check", path, "--procedure --annotate",
                                    f"{stem}-commenti/")),
                 ("next.html", (tool, "check", path, "--procedure --output-html",
                                f"{stem}.html"))]
    elif not live:
        steps = steps[1:]
    if live:
        steps.append(("next.explain", (tool, "explain", live[0].rule, "", "")))
    parts: list[RenderableType] = [Text(t("table.next", lang), style="bold underline")]
    for key, command in steps:
        parts.append(_indented(Text(t(key, lang)), 2))
        parts.append(_indented(Text(" ".join(command), style="bold cyan"), 4))
    return parts


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


def _document(console: Console, doc: DocumentResult, lang: str, verbose: bool,
              show_passes: bool, rules: dict[str, RuleInfo]) -> None:
    console.rule(Text(doc.path, style="bold"), align="left")
    console.print(_headline(doc, lang))
    for notice in doc.notices:
        console.print(Text(f"! {notice}", style="yellow"))
    console.print()
    for part in _todo(doc, lang, rules):
        console.print(part)
    console.print()
    console.print(_score_table(doc, lang))
    console.print(_facts(doc, lang))
    if verbose:
        console.print(_profile(doc, lang))
    console.print()
    for part in _elsewhere(doc, lang) + _passes(doc, lang, verbose or show_passes):
        console.print(part)
    if verbose:
        for line in verbose_lines(doc, lang):
            console.print(Text(line, style="dim"))
    console.print()
    for part in _next_steps(doc, lang):
        console.print(part)


def _summary_table(report: Report, lang: str) -> Table:
    table = Table(title=t("label.summary", lang), title_justify="left")
    table.add_column(t("col.document", lang), justify="left", overflow="fold")
    for key in ("col.score", "col.wrong", "col.missing", "col.suppressed", "col.baselined"):
        table.add_column(t(key, lang), justify="right")
    for doc in report.judged():
        live = counted(doc)
        table.add_row(doc.path, score_text(doc.score.overall, out_of=False),
                      str(sum(1 for f in live if f.status == "wrong")),
                      str(sum(1 for f in live if f.status == "missing")),
                      str(doc.suppressed), str(doc.baselined))
    for err in report.errors:
        table.add_row(Text(err.path, style="red"), Text(t("label.unreadable", lang), style="red"),
                      "", "", "", "")
    return table


def render_table(report: Report, ui_lang: str = "en", verbose: bool = False,
                 color: bool = False, width: int = 100, show_passes: bool = False,
                 **_: object) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color,
                      width=max(40, width), highlight=False, emoji=False)
    for doc in report.judged():
        _document(console, doc, ui_lang, verbose, show_passes, report.rules)
    if len(report.judged()) + len(report.errors) > 1:
        console.print(_summary_table(report, ui_lang))
    for notice in report.notices:
        console.print(Text(f"! {notice}", style="yellow"))
    if report.config:
        console.print(Text(t("label.config", ui_lang, path=report.config), style="dim"))
    # Unreadable files are reported on stderr by the CLI, one line each. Rich pads each
    # line to the full width: trailing blanks go, so a pasted report stays clean.
    return "".join(line.rstrip(" ") + "\n" for line in buffer.getvalue().splitlines())


def render_quiet(report: Report, ui_lang: str = "en", **_: object) -> str:
    """--quiet: one summary line per document (errors go to stderr, as always)."""
    lines = []
    for doc in report.judged():
        live = counted(doc)
        counts = " · ".join((
            t("count.wrong", ui_lang, n=sum(1 for f in live if f.status == "wrong")),
            t("count.missing", ui_lang, n=sum(1 for f in live if f.status == "missing"))))
        lines.append(t("quiet.line", ui_lang, path=doc.path,
                       score=overall_text(doc.score, ui_lang), counts=counts))
    return "".join(line + "\n" for line in lines)
