"""Project commands: `config show` and `eval` (agreement with a truth file)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from proseco_check.cli.common import (
    cli_lang,
    fail,
)
from proseco_check.errors import ProsecoError, UsageError


def config_show(
    path: Annotated[Path | None, typer.Argument(
        help="Search the config from this file or folder (default: the working folder).")
    ] = None,
    config: Annotated[Path | None, typer.Option("--config", metavar="FILE")] = None,
    no_config: Annotated[bool, typer.Option("--no-config")] = False,
    select: Annotated[list[str] | None, typer.Option(
        "--select", metavar="SELECTORS", help="As for check: replaces the config's selection.",
        show_default=False)] = None,
    extend_select: Annotated[list[str] | None, typer.Option(
        "--extend-select", metavar="SELECTORS", help="As for check: adds rules.",
        show_default=False)] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", metavar="SELECTORS", help="As for check: removes rules.",
        show_default=False)] = None,
) -> None:
    """Print the effective configuration as YAML (exit 2 if it is invalid), with the
    command-line selection and the rules that would be checked as comments."""
    from proseco_check.engine.loader import resolve_packs
    from proseco_check.pipeline.policy.config import check_selectors, load_config
    from proseco_check.pipeline.policy.select import (
        RuleKey,
        Selection,
        check_cli_selection,
        split_selectors,
    )

    try:
        loaded = load_config(config, [path] if path else None, use_files=not no_config)
        rules = [r for p in resolve_packs(loaded.checked_packs()) for r in p.rules]
        check_selectors(loaded, rules)
        loaded.cli = Selection(select=split_selectors(select) or None,
                               extend_select=split_selectors(extend_select),
                               ignore=split_selectors(ignore))
        check_cli_selection(loaded.cli, [RuleKey(r.id, r.name, r.category, r.severity)
                                         for r in rules], cli_lang(None))
    except ProsecoError as exc:
        fail(exc)
        return
    typer.echo(loaded.show(rules), nl=False)


def eval_command(
    directory: Path,
    truth: Annotated[Path | None, typer.Option(
        "--truth", help="Ground-truth YAML of the profile elements (docs: {file: {...}}).")
    ] = None,
    write_recall: Annotated[Path | None, typer.Option(
        "--write-recall", help="Write each rule's measured recall (JSON) for 'check --recall'.")
    ] = None,
    facts_truth: Annotated[Path | None, typer.Option(
        "--facts-truth", help="Expected tender facts (docs: {file: {fact: value}}).")
    ] = None,
    split: Annotated[Path | None, typer.Option(
        "--split", help="Development/evaluation halves (dev: [files], eval: [files]): "
                        "report each half apart.")
    ] = None,
) -> None:
    """Compare with ground truth: precision, recall, F1 per profile element, the recall
    of the rules that name an element, per-fact accuracy and rule-verdict precision and
    recall, for the whole folder or for each half of a split."""
    from proseco_check.pipeline.facts_eval import run_eval

    try:
        if truth is None and facts_truth is None:
            raise UsageError("eval needs --truth, --facts-truth or both")
        text = run_eval(directory, truth, facts_truth, split, write_recall)
    except ProsecoError as exc:
        fail(exc)
        return
    typer.echo(text)
