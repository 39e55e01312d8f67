"""`diff` on a terminal: the score per category before and after, then the results
fixed, introduced and unchanged, every word from the catalogue in the interface
language, fitted to the terminal's width."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from proseco_check.model.diff import DiffEntry, DiffReport, UnchangedEntry
from proseco_check.model.i18n import category_label, severity_word, t
from proseco_check.render.common import score_text


def render_diff_table(diff: DiffReport, lang: str = "en", color: bool = False,
                      width: int = 100) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color,
                      width=max(40, width), highlight=False, emoji=False)
    console.rule(Text(f"{diff.old.path} → {diff.new.path}", style="bold"), align="left")
    scores = Table(show_lines=False)
    scores.add_column(t("col.category", lang), justify="left")
    for key in ("diff.old", "diff.new", "demo.change"):
        scores.add_column(t(key, lang), justify="right")
    for change in diff.score:
        delta = "–" if change.delta is None else f"{change.delta:+.0f}"
        style = "green" if (change.delta or 0) > 0 else "red" if (change.delta or 0) < 0 else ""
        scores.add_row(category_label(change.category, lang),
                       score_text(change.old, out_of=False), score_text(change.new, out_of=False),
                       Text(delta, style=style))
    console.print(scores)
    sections: list[tuple[str, str, list[DiffEntry]]] = [
        ("diff.fixed", "green", diff.fixed), ("diff.introduced", "red", diff.introduced),
        ("diff.unchanged", "yellow", list(diff.unchanged))]
    for key, style, entries in sections:
        console.print(Text(t(key, lang, n=len(entries)), style=f"bold {style}"))
        for entry in entries:
            line = Text(f"  {t('badge.' + entry.status, lang).upper():<14} "
                        f"{severity_word(entry.severity, lang):<7} ")
            line.append(entry.rule, style="bold")
            line.append(f" {entry.title}")
            if isinstance(entry, UnchangedEntry) and entry.moved:
                line.append(f"  {t('diff.moved', lang)}", style="dim")
            console.print(line)
    return "".join(line.rstrip(" ") + "\n" for line in buffer.getvalue().splitlines())
