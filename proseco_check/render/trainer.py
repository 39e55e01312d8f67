"""Trainer mode: `explain` (a rule, its law, its good and bad wording with the words its
patterns match highlighted, the model clause) and `demo` (the flawed and the compliant
Italian sample: the score change per category, then the flawed wording beside the fixed
one with the changed words and numbers highlighted, and why the flawed one fails).
Rich styles on a terminal; plain text with the highlighted words in «» otherwise. What
is said about a rule comes from a RuleInfo (engine/describe.py): no pack is read here."""

from __future__ import annotations

import io

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from proseco_check.model.diff import DiffEntry, DiffReport
from proseco_check.model.i18n import (
    category_label,
    format_date,
    placeholders_explained,
    severity_word,
    t,
)
from proseco_check.model.report import DocumentResult, Finding, ReferenceOut
from proseco_check.model.rule_info import ExampleInfo, RuleInfo
from proseco_check.render.common import law_label, said, score_text
from proseco_check.render.highlight import Span, bracketed, changed_spans, rich_text

_MARK = {"good": "bold black on green3", "bad": "bold black on orange1"}
DEMO_PAIRS = 8  # before/after pairs shown; the rest are one command away


def _console(buffer: io.StringIO, color: bool, width: int) -> Console:
    return Console(file=buffer, force_terminal=color, no_color=not color, width=max(40, width),
                   highlight=False, emoji=False)


def _marked(text: str, spans: list[Span], style: str, color: bool) -> Text:
    return rich_text(text, spans, style) if color else Text(bracketed(text, spans))


def _stripped(buffer: io.StringIO) -> str:
    return "".join(line.rstrip(" ") + "\n" for line in buffer.getvalue().splitlines())


def _examples(out: Console, info: RuleInfo, kind: str, lang: str, color: bool) -> None:
    # The interface language's wording only; the others are named (explain --ui-lang en).
    examples: list[ExampleInfo] = info.examples(kind, lang)  # type: ignore[arg-type]
    out.print()
    head = Text(t(f"explain.{kind}", lang), style="bold green" if kind == "good"
                else "bold red")
    if not color:
        head.append(f" ({t('explain.matched', lang)})")
    out.print(head)
    for example in examples:
        line = Text("• ")
        line.append_text(_marked(example.text, example.spans, _MARK[kind], color))
        out.print(Padding(line, (0, 0, 0, 2)))
        if example.note and lang == "en":  # pack authors write their notes in English
            out.print(Padding(Text(example.note, style="dim"), (0, 0, 0, 4)))
    others = sorted({e.lang for e in (info.good + info.bad)} - {e.lang for e in examples})
    if kind == "bad" and others:
        out.print(Text(t("explain.ellipsis", lang, langs=", ".join(others)), style="dim"))


def render_explain(info: RuleInfo, lang: str, color: bool = False, width: int = 100) -> str:
    buffer = io.StringIO()
    out = _console(buffer, color, width)
    out.print(Text(f"{info.id} — {info.title_in(lang)}", style="bold"))
    out.print(t("explain.meta", lang, severity=severity_word(info.severity, lang),
                evidence=t(f"evidence.{info.evidence}", lang),
                category=category_label(info.category, lang)))
    if lang == "en":  # the sources are English citations (legal-audit); JSON carries them
        out.print(Text(f"  ⓘ {t(f'evidence.{info.evidence}', lang)}: {info.evidence_source}",
                       style="dim"))
    out.print(t("explain.section", lang, section=t(f"section.{info.section}", lang)))
    for ref in info.references:
        label = law_label(ReferenceOut(law=ref.law, article=ref.article, comma=ref.comma,
                                       letter=ref.letter), lang)
        version = t("label.text_of", lang, version=format_date(ref.version, lang))
        out.print(Padding(Text(f"⚖ {label} ({version})" + (f" {ref.url}" if ref.url else ""),
                               style="dim"), (0, 0, 0, 2)))
    for status in ("missing", "wrong"):
        if status in info.messages:
            out.print()
            out.print(info.message_in(status, lang))
    _examples(out, info, "good", lang, color)
    _examples(out, info, "bad", lang, color)
    if info.fix:
        out.print()
        out.print(Text(f"{t('label.fix', lang)}:", style="bold"))
        out.print(Padding(Text(placeholders_explained(info.fix_in(lang), lang), style="cyan"),
                          (0, 0, 0, 2)))
    for jurisdiction, texts in info.fix_by_jurisdiction.items():
        out.print(Text(f"{t('label.fix', lang)} [{jurisdiction}]:", style="bold"))
        out.print(Padding(Text(placeholders_explained(info.text(texts, lang), lang),
                               style="cyan"), (0, 0, 0, 2)))
    return _stripped(buffer)


def _bar(value: float | None, cells: int = 10) -> str:
    if value is None:
        return "·" * cells
    full = round(max(0.0, min(value, 100.0)) / 100 * cells)
    return "█" * full + "░" * (cells - full)


def _entries(out: Console, title: str, style: str, entries: list[DiffEntry],
             lang: str) -> None:
    out.print()
    out.print(Text(title, style=f"bold {style}"))
    for entry in entries:
        line = Text(f"  {t('badge.' + entry.status, lang).upper():<13} "
                    f"{severity_word(entry.severity, lang):<7} ")
        line.append(entry.rule, style="bold")
        line.append(f" {entry.title}")
        out.print(line)


def _scores(out: Console, diff: DiffReport, lang: str) -> None:
    table = Table(show_lines=False)
    table.add_column(t("col.category", lang), justify="left")
    table.add_column(t("demo.flawed", lang), justify="left")
    table.add_column(t("demo.compliant", lang), justify="left")
    table.add_column(t("demo.change", lang), justify="right")
    for change in diff.score:
        delta = "–" if change.delta is None else f"{change.delta:+.0f}"
        style = "green" if (change.delta or 0) > 0 else "red" if (change.delta or 0) < 0 else ""
        label = category_label(change.category, lang)
        table.add_row(Text(label, style="bold" if change.category == "overall" else ""),
                      f"{_bar(change.old)} {score_text(change.old, out_of=False):>3}",
                      f"{_bar(change.new)} {score_text(change.new, out_of=False):>3}",
                      Text(delta, style=style))
    out.print(table)


def _pair(was: Finding, now: Finding | None, doc: DocumentResult, lang: str,
          color: bool) -> Table:
    """The flawed wording beside the fixed one, changed words and numbers highlighted."""
    old = was.evidence[0].text if was.evidence else ""
    new = now.evidence[0].text if now is not None and now.evidence else ""
    old_spans, new_spans = changed_spans(old, new)
    table = Table(show_header=True, expand=True, show_lines=False, padding=(0, 1))
    table.add_column(t("demo.flawed", lang).capitalize(), ratio=1, overflow="fold")
    table.add_column(t("demo.compliant", lang).capitalize(), ratio=1, overflow="fold")
    left = _marked(old, old_spans, _MARK["bad"], color) if old else \
        Text(t("demo.absent", lang), style="italic")
    right = _marked(new, new_spans, _MARK["good"], color) if new else Text("–")
    table.add_row(left, right)
    table.title = f"{was.rule} — {said(was.title, doc, lang)}"
    table.title_justify = "left"
    table.caption = t("demo.why", lang, why=said(was.message, doc, lang))
    table.caption_justify = "left"
    return table


def _side_by_side(out: Console, diff: DiffReport, before: DocumentResult,
                  after: DocumentResult, lang: str, color: bool) -> None:
    fixed = [e.rule for e in diff.fixed]
    if not fixed:
        return
    out.print()
    out.print(Text(t("demo.side_by_side", lang), style="bold"))
    old_by_rule = {f.rule: f for f in before.findings if f.status in ("missing", "wrong")}
    new_by_rule = {f.rule: f for f in after.findings}
    # Wrong wording first: that is where a side-by-side view teaches most.
    ordered = sorted(fixed, key=lambda r: old_by_rule[r].status != "wrong" if r in old_by_rule
                     else True)
    for rule in ordered[:DEMO_PAIRS]:
        if rule in old_by_rule:
            out.print()
            out.print(_pair(old_by_rule[rule], new_by_rule.get(rule), before, lang, color))
    if len(ordered) > DEMO_PAIRS:
        out.print(Text(t("demo.more", lang, n=len(ordered) - DEMO_PAIRS, old=diff.old.path,
                         new=diff.new.path), style="dim"))


def render_demo(diff: DiffReport, lang: str, color: bool = False, width: int = 100,
                before: DocumentResult | None = None, after: DocumentResult | None = None
                ) -> str:
    buffer = io.StringIO()
    out = _console(buffer, color, width)
    out.rule(Text(t("demo.title", lang), style="bold"))
    out.print(Text(f"{t('demo.flawed', lang)}: {diff.old.path}\n"
                   f"{t('demo.compliant', lang)}: {diff.new.path}", style="dim"))
    _scores(out, diff, lang)
    if before is not None and after is not None:
        _side_by_side(out, diff, before, after, lang, color)
    _entries(out, t("demo.fixed", lang, n=len(diff.fixed)), "green", diff.fixed, lang)
    if diff.introduced:
        _entries(out, t("demo.introduced", lang, n=len(diff.introduced)), "red",
                 diff.introduced, lang)
    still: list[DiffEntry] = list(diff.unchanged)
    if still:
        _entries(out, t("demo.still", lang, n=len(still)), "yellow", still, lang)
    example = diff.fixed[0].rule if diff.fixed else "IT-57-CLAUSOLA"
    out.print()
    out.print(Text(t("demo.try", lang, rule=example, path=diff.old.path), style="dim"))
    return _stripped(buffer)
