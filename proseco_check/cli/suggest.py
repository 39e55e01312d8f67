"""`suggest`: the model clauses a tender lacks, grouped by where they belong."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from proseco_check.cli.common import (
    UiLang,
    check_common,
    check_output_paths,
    cli_lang,
    fail,
    load_policy,
    parse_facts,
    parse_fills,
    say,
    single_docx_target,
    use_color,
    width,
)
from proseco_check.errors import EXIT_INPUT, EXIT_OK, ProsecoError, UsageError
from proseco_check.model.i18n import resolve_ui_lang, t
from proseco_check.sanitize import sanitize_report


def suggest(
    path: Annotated[Path, typer.Argument(help="The tender document.")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE.docx", help="Write the clauses to a Word document "
        "(a heading per group) instead of printing them.", show_default=False)] = None,
    pack: Annotated[list[str] | None, typer.Option("--pack")] = None,
    fact: Annotated[list[str] | None, typer.Option(
        "--fact", help="Give a tender fact: name=value (repeatable); fills placeholders too.")
    ] = None,
    fill_values: Annotated[list[str] | None, typer.Option(
        "--fill", help="Fill a placeholder the facts do not know: name=text (repeatable), "
        "e.g. --fill ccnl_name=Multiservizi.")] = None,
    lang: Annotated[str | None, typer.Option(help="Document language (default: detected).")
                    ] = None,
    ui_lang: UiLang = None,
    password: Annotated[str | None, typer.Option(help="Password of an encrypted PDF.")] = None,
    config: Annotated[Path | None, typer.Option("--config", metavar="FILE")] = None,
    no_config: Annotated[bool, typer.Option("--no-config")] = False,
) -> None:
    """Print the model clauses the tender lacks, grouped by where they belong.

    Clauses are in the document's language, with placeholders filled from the tender's
    facts; the ones not known stay visible as {name}. Exit 0, or 2/3 on errors.
    """
    msg_lang = cli_lang(ui_lang)
    try:
        check_common(msg_lang, doc_lang=lang, ui_lang=ui_lang, packs=pack)
        if output is not None:
            single_docx_target("--output", output, [path], msg_lang)
            check_output_paths([path], {"--output": output}, msg_lang)
        elif path.is_dir():
            raise UsageError(t("cli.not_folder", msg_lang, command="suggest", path=path))
        from proseco_check.pipeline.check import check_paths
        from proseco_check.pipeline.run import Options
        from proseco_check.render.suggest import fill, group_clauses, render_text, write_docx

        fills = parse_fills(fill_values or [], msg_lang)

        loaded, policy = load_policy(config, no_config, [path])
        options = Options(packs=pack or loaded.checked_packs(), facts=parse_facts(fact or []),
                          lang=lang, ui_lang=ui_lang, password=password, policy=policy)
        report = check_paths([path], options)
        if report.errors:
            for err in report.errors:
                say(err.error)
            raise typer.Exit(EXIT_INPUT)
        doc = sanitize_report(report.documents[0])
        shown_lang = resolve_ui_lang(ui_lang, doc.language)
        doc = fill(doc, fills)
        groups = group_clauses(doc)
        if output is None:
            sys.stdout.write(render_text(doc, groups, shown_lang, color=use_color(),
                                         width=width()))
            raise typer.Exit(EXIT_OK)
        count = write_docx(doc, groups, shown_lang, output)
    except ProsecoError as exc:
        fail(exc, msg_lang)
        return
    say(t("cli.clauses_written", shown_lang, n=count, path=output))
    raise typer.Exit(EXIT_OK)


