"""Trainer mode: `explain` (a rule, its law, its good and bad examples with the words its
patterns match highlighted) and `demo` (the flawed and the compliant Italian sample side
by side, the score change per category). Rich styles on a terminal; plain text with the
matched words in «» otherwise."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..diff import DiffEntry, DiffReport
from ..engine.schema import Rule
from ..i18n import category_label, severity_word, status_word, t
from .common import score_text
from .highlight import bracketed, matched_spans, rich_text

_MARK = {"good": "bold black on green3", "bad": "bold black on orange1"}


def _console(buffer: io.StringIO, color: bool, width: int) -> Console:
    return Console(file=buffer, force_terminal=color, no_color=not color, width=width,
                   highlight=False, soft_wrap=not color)


def render_explain(rule: Rule, lang: str, color: bool = False, width: int = 100) -> str:
    buffer = io.StringIO()
    out = _console(buffer, color, width)
    out.print(Text(f"{rule.id} ({rule.name}) — {rule.title.get(lang)}", style="bold"))
    out.print(t("explain.meta", lang, severity=severity_word(rule.severity, lang),
                evidence=t(f"evidence.{rule.evidence}", lang),
                category=category_label(rule.category, lang)))
    out.print(Text(f"  ⓘ {t(f'evidence.{rule.evidence}', lang)}: {rule.evidence_source}",
                   style="dim"))
    for ref in rule.references:
        version = t("label.text_of", lang, version=ref.version)
        out.print(Text(f"  ⚖ {ref.label()} ({version})" + (f" {ref.url}" if ref.url else ""),
                       style="dim"))
    if rule.message.missing:
        out.print()
        out.print(rule.message.missing.get(lang))
    if rule.message.wrong:
        out.print(rule.message.wrong.get(lang))
    for kind, examples in (("good", rule.examples.good), ("bad", rule.examples.bad)):
        out.print()
        head = Text(t(f"explain.{kind}", lang), style="bold green" if kind == "good"
                    else "bold red")
        if not color:
            head.append(f" ({t('explain.matched', lang)})")
        out.print(head)
        for example in examples:
            spans = matched_spans(rule, example.text, example.lang)
            line = Text(f"  [{example.lang}] ")
            line.append_text(rich_text(example.text, spans, _MARK[kind]) if color
                             else Text(bracketed(example.text, spans)))
            out.print(line)
    if rule.fix:
        out.print()
        out.print(Text(f"{t('label.fix', lang)}:", style="bold"))
        out.print(Text(f"  {rule.fix.get(lang)}", style="cyan"))
    for jurisdiction, texts in rule.fix_by_jurisdiction.items():
        out.print(Text(f"{t('label.fix', lang)} [{jurisdiction}]:", style="bold"))
        out.print(Text(f"  {texts.get(lang)}", style="cyan"))
    return buffer.getvalue()


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
        line = Text(f"  {status_word(entry.status, lang):<9} "
                    f"{severity_word(entry.severity, lang):<7} ")
        line.append(entry.rule, style="bold")
        line.append(f" {entry.title}")
        out.print(line)


def render_demo(diff: DiffReport, lang: str, color: bool = False, width: int = 110) -> str:
    buffer = io.StringIO()
    out = _console(buffer, color, width)
    out.rule(Text(t("demo.title", lang), style="bold"))
    out.print(Text(f"{t('demo.flawed', lang)}: {diff.old.path}\n"
                   f"{t('demo.compliant', lang)}: {diff.new.path}", style="dim"))
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
    return buffer.getvalue()
