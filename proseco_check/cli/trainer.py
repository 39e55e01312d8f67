"""Trainer commands: `demo` (flawed vs compliant sample) and `explain` (one rule)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from proseco_check.cli.common import (
    Color,
    UiLang,
    check_common,
    cli_lang,
    fail,
    say,
    use_color,
    width,
)
from proseco_check.errors import EXIT_INPUT, EXIT_OK, EXIT_USAGE, ProsecoError, UsageError
from proseco_check.model.i18n import resolve_ui_lang, t
from proseco_check.model.vocab import UI_LANGS

if TYPE_CHECKING:
    from proseco_check.engine.schema import Rule

DEMO_SAMPLES = ("it_disciplinare_carente.docx", "it_disciplinare_conforme.docx")


def samples_folder() -> Path:
    """The demo samples: shipped inside the package (an installed wheel), else the
    checkout's samples/ folder (an editable install)."""
    from importlib.resources import files

    shipped = Path(str(files("proseco_check") / "samples"))
    if all((shipped / name).is_file() for name in DEMO_SAMPLES):
        return shipped
    return Path(__file__).resolve().parents[2] / "samples"


def relative(path: Path) -> Path:
    """The path as a user would type it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def demo(
    samples: Annotated[Path | None, typer.Option(
        "--samples", metavar="DIR", help="Folder holding the two Italian samples (default: "
        "the ones shipped with the package).", show_default=False)] = None,
    ui_lang: UiLang = None,
) -> None:
    """Trainer mode: the flawed and the compliant Italian sample, score change per category."""
    from proseco_check.render.trainer import render_demo

    folder = samples or samples_folder()
    shown_lang = resolve_ui_lang(ui_lang if ui_lang in UI_LANGS else None, "it")
    try:
        check_common(shown_lang, ui_lang=ui_lang)
        files = [relative(folder / name) for name in DEMO_SAMPLES]
        if not all(f.is_file() for f in files):
            raise UsageError(t("cli.no_samples", shown_lang, path=folder,
                               names=" + ".join(DEMO_SAMPLES)))
        from proseco_check.pipeline.check import check_paths
        from proseco_check.pipeline.diff import diff_documents
        from proseco_check.pipeline.run import Options

        report = check_paths(files, Options(ui_lang=shown_lang,
                                            progress=sys.stderr.isatty()))
        if report.errors:
            for err in report.errors:
                say(err.error)
            raise typer.Exit(EXIT_INPUT)
    except ProsecoError as exc:
        fail(exc, shown_lang)
        return
    before, after = report.documents
    sys.stdout.write(render_demo(diff_documents(before, after), shown_lang,
                                 color=use_color(), width=width(), before=before, after=after))
    raise typer.Exit(EXIT_OK)


def _rule_or_matches(key: str, rules: list[Rule], lang: str, msg_lang: str) -> Rule:
    """The rule named `key`; else the rules the words find (listed, exit 0); else exit 2
    with the nearest ids and names."""
    from proseco_check.cli.search import find_rule, render_matches, search_rules
    from proseco_check.spelling import did_you_mean

    rule = find_rule(key, rules)
    if rule is not None:
        return rule
    matches = search_rules(key, rules)
    if matches:
        sys.stdout.write(render_matches(matches, lang,
                                        t("explain.matches", lang, query=key, n=len(matches)),
                                        t("explain.more", lang)))
        raise typer.Exit(EXIT_OK)
    names = [r.id for r in rules] + [r.name for r in rules]
    say(t("cli.no_rule", msg_lang, rule=key) + did_you_mean(key, names, msg_lang))
    raise typer.Exit(EXIT_USAGE)


def explain(
    rule_id: Annotated[list[str], typer.Argument(
        help="Rule id (IT-11-CCNL) or name (ccnl-named); other words list the rules whose "
        "id, name, title or messages hold them all (parità di genere).")],
    raw: Annotated[bool, typer.Option("--raw", help="Print the rule as YAML.")] = False,
    ui_lang: UiLang = None,
    color: Color = "auto",
) -> None:
    """Explain a rule: why, the law, good and bad examples, the model clause.

    The words the rule's patterns match in each example are highlighted (in «» when the
    output is not a terminal).
    """
    import yaml

    from proseco_check.engine.describe import describe_rule
    from proseco_check.engine.loader import builtin_packs

    # No document here: --ui-lang, else the system locale, else Italian (the packs are
    # mostly Italian law, and the tool is Italian first).
    lang = resolve_ui_lang(ui_lang if ui_lang in UI_LANGS else None, fallback="it")
    try:
        check_common(cli_lang(ui_lang), ui_lang=ui_lang, color=color)
    except UsageError as exc:
        fail(exc)
    rule = _rule_or_matches(" ".join(rule_id), [r for p in builtin_packs() for r in p.rules],
                            lang, cli_lang(ui_lang))
    if raw:
        typer.echo(yaml.safe_dump(rule.model_dump(mode="json", exclude_none=True),
                                  allow_unicode=True, sort_keys=False))
        return
    from proseco_check.render.trainer import render_explain

    sys.stdout.write(render_explain(describe_rule(rule), lang, color=use_color(color),
                                    width=width()))


