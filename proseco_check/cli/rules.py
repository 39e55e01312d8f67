"""`rules list|show|validate|test`: the packs themselves."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from proseco_check.cli.common import (
    UiLang,
    check_choice,
    check_common,
    cli_lang,
    fail,
    tally_examples,
)
from proseco_check.cli.trainer import explain
from proseco_check.errors import ProsecoError
from proseco_check.model.vocab import CATEGORIES, SEVERITIES


def rules_list(
    pack: Annotated[list[str] | None, typer.Option("--pack")] = None,
    category: Annotated[str | None, typer.Option()] = None,
    severity: Annotated[str | None, typer.Option()] = None,
    ui_lang: UiLang = None,
) -> None:
    """List rules: id, severity, category, title (in the interface language)."""
    from proseco_check.engine.loader import resolve_packs
    from proseco_check.model.i18n import category_label, severity_word

    lang = cli_lang(ui_lang)
    try:
        lang = cli_lang(None)
        check_common(lang, packs=pack)
        check_choice("--category", category, CATEGORIES, lang)
        check_choice("--severity", severity, SEVERITIES, lang)
        packs = resolve_packs(pack)
    except ProsecoError as exc:
        fail(exc)
        return
    for p in packs:
        for r in p.rules:
            if (category and r.category != category) or (severity and r.severity != severity):
                continue
            typer.echo(f"{r.id:<24} {severity_word(r.severity, lang):<8} "
                       f"{category_label(r.category, lang):<20} {r.title.get(lang)}")


def rules_show(rule_id: str) -> None:
    """Show one rule as YAML."""
    explain([rule_id], raw=True)


def rules_validate(paths: list[Path]) -> None:
    """Validate rule-pack files or folders; precise errors, exit 2 when invalid."""
    from proseco_check.engine.loader import load_pack, pack_files

    try:
        for path in paths:
            for file in (pack_files(path) if path.is_dir() else [path]):
                loaded = load_pack(file)
                typer.echo(f"{file}: ok ({len(loaded.rules)} rules, pack {loaded.pack.id} "
                           f"{loaded.pack.version})")
    except ProsecoError as exc:
        fail(exc)


def rules_test(
    paths: Annotated[list[Path] | None, typer.Argument(help="Pack files or folders.")] = None,
) -> None:
    """Run every rule's good and bad examples; exit 1 on any failure."""
    from proseco_check.engine.loader import resolve_packs
    from proseco_check.engine.selftest import test_pack

    try:
        packs = resolve_packs([str(p) for p in paths] if paths else None)
    except ProsecoError as exc:
        fail(exc)
        return
    tally_examples("rules test", (
        (result.ok, f"FAIL {result.rule} {result.kind} example {result.index}: got "
                    f"{result.status}: {result.text[:120]!r}")
        for pack in packs for result in test_pack(pack)))


