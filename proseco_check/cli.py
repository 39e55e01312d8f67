"""Command line: options in, pipeline call, renderer out. Heavy imports (spaCy) happen
inside the commands so that `--help` stays fast."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, EXIT_USAGE, ProsecoError, UsageError

app = typer.Typer(add_completion=True, no_args_is_help=True,
                  help="Check public-tender documents for social-procurement clauses.")
rules_app = typer.Typer(no_args_is_help=True, help="List, show, validate and test rule packs.")
app.add_typer(rules_app, name="rules")


def _fail(exc: ProsecoError) -> None:
    typer.echo(f"proseco-check: {exc.one_line()}", err=True)
    raise typer.Exit(exc.exit_code)


def _parse_facts(pairs: list[str]) -> dict[str, str]:
    from .facts import coerce_fact

    facts: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise UsageError(f"--fact takes name=value, not '{pair}'")
        coerce_fact(name.strip(), value)  # validate now, before reading any document
        facts[name.strip()] = value
    return facts


def _version(value: bool) -> None:
    if value:
        typer.echo(f"proseco-check {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    pass


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to check.")],
    pack: Annotated[list[str] | None, typer.Option(
        "--pack", help="Pack id or path (repeatable); default: packs for the jurisdiction.")] = None,
    output_format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    fail_on: Annotated[str, typer.Option(
        help="Exit 1 when a missing/wrong finding reaches: error, warning, info, never.")
    ] = "error",
    fact: Annotated[list[str] | None, typer.Option(
        "--fact", help="Override a tender fact: name=value (repeatable).")] = None,
    lang: Annotated[str | None, typer.Option(help="Document language (default: detected).")
                    ] = None,
    ui_lang: Annotated[str | None, typer.Option(help="Language of messages: it or en.")] = None,
    password: Annotated[str | None, typer.Option(help="Password of an encrypted PDF.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Largest input file accepted, in MB.")] = 100,
    max_pages: Annotated[int, typer.Option(help="Most PDF pages accepted.")] = 2000,
    blank: Annotated[bool, typer.Option(
        "--blank", help="Use the blank rule-based pipeline even if a trained one is installed.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v",
                                          help="Also show not-applicable and skipped rules.")
                       ] = False,
) -> None:
    """Check tender documents and print a compliance scorecard."""
    try:
        if output_format not in ("table", "json"):
            raise UsageError(f"--format takes table or json, not '{output_format}'")
        if fail_on not in ("error", "warning", "info", "never"):
            raise UsageError(f"--fail-on takes error, warning, info or never, not '{fail_on}'")
        if lang is not None and lang not in ("it", "en", "fr", "es", "nl", "de"):
            raise UsageError(f"--lang takes it, en, fr, es, nl or de, not '{lang}'")
        if ui_lang is not None and ui_lang not in ("it", "en"):
            raise UsageError(f"--ui-lang takes it or en, not '{ui_lang}'")
        from .render import RENDERERS
        from .runner import Options, check_paths
        from .scoring import fails

        if max_bytes < 1 or max_pages < 1:
            raise UsageError("--max-bytes and --max-pages take a positive number")
        options = Options(packs=pack or None, facts=_parse_facts(fact or []), lang=lang,
                          ui_lang=ui_lang, password=password, allow_trained=not blank,
                          max_bytes=max_bytes * 1024 * 1024, max_pages=max_pages)
        report = check_paths(paths, options)
    except ProsecoError as exc:
        _fail(exc)
        return
    shown_lang = ui_lang or (report.documents[0].language if report.documents else "en")
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    text = RENDERERS[output_format](report, ui_lang=shown_lang if shown_lang in ("it", "en")
                                    else "en", verbose=verbose, color=color)
    sys.stdout.write(text)
    for err in report.errors:
        typer.echo(f"proseco-check: {err.error}", err=True)
    if report.errors:
        raise typer.Exit(EXIT_INPUT)
    if any(fails(doc.findings, fail_on) for doc in report.documents):
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


@rules_app.command("list")
def rules_list(
    pack: Annotated[list[str] | None, typer.Option("--pack")] = None,
    category: Annotated[str | None, typer.Option()] = None,
    severity: Annotated[str | None, typer.Option()] = None,
) -> None:
    """List rules: id, name, severity, category, evidence level, title."""
    from .engine.loader import resolve_packs

    try:
        packs = resolve_packs(pack)
    except ProsecoError as exc:
        _fail(exc)
        return
    for p in packs:
        for r in p.rules:
            if (category and r.category != category) or (severity and r.severity != severity):
                continue
            typer.echo(f"{r.id:<24} {r.name:<34} {r.severity:<8} {r.category:<19} "
                       f"{r.evidence:<9} {r.title.en}")


@rules_app.command("show")
def rules_show(rule_id: str) -> None:
    """Show one rule as YAML."""
    explain(rule_id, raw=True)


@rules_app.command("validate")
def rules_validate(paths: list[Path]) -> None:
    """Validate rule-pack files or folders; precise errors, exit 2 when invalid."""
    from .engine.loader import load_pack, pack_files

    try:
        for path in paths:
            for file in (pack_files(path) if path.is_dir() else [path]):
                loaded = load_pack(file)
                typer.echo(f"{file}: ok ({len(loaded.rules)} rules, pack {loaded.pack.id} "
                           f"{loaded.pack.version})")
    except ProsecoError as exc:
        _fail(exc)


@rules_app.command("test")
def rules_test(
    paths: Annotated[list[Path] | None, typer.Argument(help="Pack files or folders.")] = None,
) -> None:
    """Run every rule's good and bad examples; exit 1 on any failure."""
    from .engine.loader import resolve_packs
    from .engine.selftest import test_pack

    try:
        packs = resolve_packs([str(p) for p in paths] if paths else None)
    except ProsecoError as exc:
        _fail(exc)
        return
    failures = passed = 0
    for p in packs:
        for result in test_pack(p):
            if result.ok:
                passed += 1
                continue
            failures += 1
            typer.echo(f"FAIL {result.rule} {result.kind} example {result.index}: got "
                       f"{result.status}: {result.text[:120]!r}")
    typer.echo(f"rules test: {passed} passed, {failures} failed")
    raise typer.Exit(EXIT_FINDINGS if failures else EXIT_OK)


@app.command()
def explain(rule_id: str, raw: bool = False,
            ui_lang: Annotated[str, typer.Option(help="it or en")] = "it") -> None:
    """Explain a rule: why, the law, good and bad examples, the model clause."""
    import yaml

    from .engine.loader import builtin_packs

    rules = {r.id: r for p in builtin_packs() for r in p.rules}
    rules.update({r.name: r for p in builtin_packs() for r in p.rules})
    rule = rules.get(rule_id)
    if rule is None:
        typer.echo(f"proseco-check: no rule '{rule_id}' (see 'proseco-check rules list')",
                   err=True)
        raise typer.Exit(EXIT_USAGE)
    if raw:
        typer.echo(yaml.safe_dump(rule.model_dump(mode="json", exclude_none=True),
                                  allow_unicode=True, sort_keys=False))
        return
    lang = ui_lang if ui_lang in ("it", "en") else "en"
    typer.echo(f"{rule.id} ({rule.name}) — {rule.title.get(lang)}")
    typer.echo(f"severity {rule.severity}, evidence {rule.evidence}, category {rule.category}")
    for ref in rule.references:
        typer.echo(f"  ⚖ {ref.label()} (text of {ref.version})" + (f" {ref.url}" if ref.url else ""))
    if rule.message.missing:
        typer.echo(f"\n{rule.message.missing.get(lang)}")
    if rule.message.wrong:
        typer.echo(f"{rule.message.wrong.get(lang)}")
    for kind, examples in (("GOOD", rule.examples.good), ("BAD", rule.examples.bad)):
        typer.echo(f"\n{kind}:")
        for ex in examples:
            typer.echo(f"  [{ex.lang}] {ex.text}")
    if rule.fix:
        typer.echo(f"\nModel clause:\n  {rule.fix.get(lang)}")


@app.command("eval")
def eval_command(
    directory: Path,
    truth: Annotated[Path, typer.Option("--truth", help="Ground-truth YAML (docs: {file: {...}}).")],
) -> None:
    """Compare the profile with a ground-truth file: precision, recall, F1 per element."""
    from .evaluation import compare, format_report, load_truth
    from .runner import Options, check_document

    try:
        expected = load_truth(truth)
        results = {}
        for name in expected:
            if (directory / name).is_file():
                results[name] = check_document(directory / name, Options())
    except ProsecoError as exc:
        _fail(exc)
        return
    typer.echo(format_report(compare(results, expected)))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
