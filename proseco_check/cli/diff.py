"""`diff`: two versions of a tender, results fixed and introduced."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from proseco_check.cli.common import (
    Color,
    check_common,
    cli_lang,
    fail,
    load_policy,
    parse_facts,
    say,
    use_color,
    width,
)
from proseco_check.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, ProsecoError, UsageError
from proseco_check.model.i18n import t
from proseco_check.sanitize import sanitize_report
from proseco_check.spelling import did_you_mean


def diff_command(
    old: Annotated[Path, typer.Argument(help="The earlier version (draft, template).")],
    new: Annotated[Path, typer.Argument(help="The later version (published tender).")],
    output_format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    pack: Annotated[list[str] | None, typer.Option("--pack")] = None,
    fact: Annotated[list[str] | None, typer.Option("--fact")] = None,
    lang: Annotated[str | None, typer.Option()] = None,
    ui_lang: Annotated[str | None, typer.Option()] = None,
    fail_on: Annotated[str | None, typer.Option(
        help="Exit 1 when an introduced result reaches: error, warning, info, never.",
        show_default=False)] = None,
    config: Annotated[Path | None, typer.Option("--config", metavar="FILE")] = None,
    no_config: Annotated[bool, typer.Option("--no-config")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j")] = 1,
    color: Color = "auto",
) -> None:
    """Compare two versions of a tender: results fixed, introduced, unchanged; score change."""
    try:
        msg_lang = cli_lang(ui_lang)
        if output_format not in ("table", "json"):
            choices = f"table {t('word.or', msg_lang)} json"
            raise UsageError(t("cli.bad_format", msg_lang, choices=choices, value=output_format)
                             + did_you_mean(output_format, ("table", "json"), msg_lang))
        check_common(msg_lang, fail_on, lang, ui_lang, jobs, color, pack)
        for path in (old, new):
            if path.is_dir():
                raise UsageError(t("diff.folders", msg_lang, path=path))
        from proseco_check.pipeline.check import check_paths
        from proseco_check.pipeline.diff import diff_documents, render_diff_json
        from proseco_check.pipeline.policy.exit_code import fails
        from proseco_check.pipeline.run import Options

        loaded, policy = load_policy(config, no_config, [old])
        threshold = fail_on or loaded.config.fail_on
        options = Options(packs=pack or loaded.checked_packs(),
                          facts=parse_facts(fact or []), lang=lang, ui_lang=ui_lang,
                          jobs=jobs, progress=sys.stderr.isatty(), policy=policy)
        report = sanitize_report(check_paths([old, new], options))
    except ProsecoError as exc:
        fail(exc, cli_lang(ui_lang))
        return
    for err in report.errors:
        say(err.error)
    if report.errors:
        raise typer.Exit(EXIT_INPUT)
    before, after = report.documents
    result = diff_documents(before, after)
    if output_format == "json":
        sys.stdout.write(render_diff_json(result))
    else:
        from proseco_check.model.i18n import resolve_ui_lang
        from proseco_check.render.diff import render_diff_table

        shown = resolve_ui_lang(ui_lang, before.language)
        sys.stdout.write(render_diff_table(result, shown, color=use_color(color), width=width()))
    introduced = {(e.rule, e.fingerprint) for e in result.introduced}
    new_results = [f for f in after.findings
                   if f.counts() and (f.rule, f.fingerprint) in introduced]
    raise typer.Exit(EXIT_FINDINGS if fails(new_results, threshold) else EXIT_OK)


