"""Command line: options in, pipeline call, renderer out. Heavy imports (spaCy) happen
inside the commands so that `--help` stays fast."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from proseco_check import __version__
from proseco_check.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, EXIT_USAGE, ProsecoError, UsageError
from proseco_check.model.i18n import UI_LANGS, resolve_ui_lang, t

if TYPE_CHECKING:
    from proseco_check.pipeline.policy.config import LoadedConfig
    from proseco_check.pipeline.run import Policy

app = typer.Typer(add_completion=True, no_args_is_help=True,
                  help="Check public-tender documents for social-procurement clauses.")
rules_app = typer.Typer(no_args_is_help=True, help="List, show, validate and test rule packs.")
app.add_typer(rules_app, name="rules")
config_app = typer.Typer(no_args_is_help=True, help="Show the effective configuration.")
app.add_typer(config_app, name="config")


def _fail(exc: ProsecoError) -> None:
    typer.echo(f"proseco-check: {exc.one_line()}", err=True)
    raise typer.Exit(exc.exit_code)


def _parse_facts(pairs: list[str]) -> dict[str, str]:
    from proseco_check.facts.extract import coerce_fact

    facts: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise UsageError(f"--fact takes name=value, not '{pair}'")
        coerce_fact(name.strip(), value)  # validate now, before reading any document
        facts[name.strip()] = value
    return facts


def _parse_fills(pairs: list[str], lang: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(t("cli.bad_fill", lang, value=pair))
        values[name.strip().strip("{}")] = value
    return values


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


FORMATS = ("table", "html", "json", "jsonl", "sarif", "junit", "github", "markdown")
FAIL_ON = ("error", "warning", "info", "never")
STEP_SUMMARY_LIMIT = 1024 * 1024 - 1024  # GitHub refuses job summaries over 1 MiB
DOC_LANGS = ("it", "en", "fr", "es", "nl", "de")


def _output_option(fmt: str) -> object:
    return Annotated[Path | None, typer.Option(
        f"--output-{fmt}", metavar="FILE", show_default=False,
        help=f"Also write the {fmt} report to FILE (atomically).")]


OutTable = _output_option("table")
OutHtml = _output_option("html")
OutJson = _output_option("json")
OutJsonl = _output_option("jsonl")
OutSarif = _output_option("sarif")
OutJunit = _output_option("junit")
OutGithub = _output_option("github")
OutMarkdown = _output_option("markdown")
UiLang = Annotated[str | None, typer.Option(
    "--ui-lang", help="Language of the interface: it or en (default: the document's "
    "language, it -> it, else en; without a document the system locale).",
    show_default=False)]


def _cli_lang(ui_lang: str | None) -> str:
    """The language of one-line messages before any document is read."""
    return resolve_ui_lang(ui_lang if ui_lang in UI_LANGS else None)


def _use_color() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _width() -> int:
    return shutil.get_terminal_size((110, 24)).columns if sys.stdout.isatty() else 110


def _pick_format(output_format: str | None, lang: str) -> str:
    """--format as given; else `github` under GitHub Actions; else the table."""
    if output_format is None:
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "table"
    if output_format not in FORMATS:
        choices = f"{', '.join(FORMATS[:-1])} {t('word.or', lang)} {FORMATS[-1]}"
        raise UsageError(t("cli.bad_format", lang, choices=choices, value=output_format))
    return output_format


def _check_common(lang: str, fail_on: str | None = None, doc_lang: str | None = None,
                  ui_lang: str | None = None, jobs: int = 1) -> None:
    """The usage errors check, diff and suggest share (exit 2, one line)."""
    if fail_on is not None and fail_on not in FAIL_ON:
        raise UsageError(t("cli.bad_fail_on", lang, value=fail_on))
    if doc_lang is not None and doc_lang not in DOC_LANGS:
        raise UsageError(t("cli.bad_lang", lang, value=doc_lang))
    if ui_lang is not None and ui_lang not in UI_LANGS:
        raise UsageError(t("cli.bad_ui_lang", lang, value=ui_lang))
    if jobs < 1:
        raise UsageError(t("cli.bad_jobs", lang))


def _check_output_paths(paths: list[Path], outputs: dict[str, Path], lang: str = "en") -> None:
    """Refuse (exit 2) to write a report over an input document or twice to one file."""
    from proseco_check.pipeline.run import expand_paths

    inputs = {p.resolve() for p in paths} | {p.resolve() for p in expand_paths(paths)}
    seen: dict[Path, str] = {}
    for option, target in outputs.items():
        resolved = target.resolve()
        if resolved in inputs:
            raise UsageError(t("cli.is_input", lang, option=option, path=target))
        if resolved.is_dir():
            raise UsageError(t("cli.is_folder", lang, option=option, path=target))
        if resolved in seen:
            raise UsageError(t("cli.same_file", lang, option=option, path=target,
                               other=seen[resolved]))
        seen[resolved] = option


def _single_docx_target(option: str, target: Path, paths: list[Path], lang: str) -> Path:
    """--annotate and suggest --output: one input document, a .docx to write."""
    from proseco_check.pipeline.run import expand_paths

    files = expand_paths(paths)
    if len(files) != 1:
        raise UsageError(t("cli.one_document", lang, option=option, n=len(files)))
    if target.suffix.lower() != ".docx":
        raise UsageError(t("cli.docx_only", lang, option=option, path=target))
    return files[0]


def _append_step_summary(markdown: str, lang: str = "en") -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    data = markdown.encode("utf-8")
    if len(data) > STEP_SUMMARY_LIMIT:
        data = data[:STEP_SUMMARY_LIMIT].decode("utf-8", "ignore").encode("utf-8") + (
            "\n\n… (truncated: GitHub job summaries are limited to 1 MiB; see the SARIF or "
            "JSON report)\n").encode()
    try:
        with open(target, "ab") as handle:
            handle.write(data)
    except OSError as exc:
        _say(t("cli.step_summary", lang, path=target, problem=exc.strerror or exc))


def _say(message: str) -> None:
    typer.echo(f"proseco-check: {message}", err=True)


def _policy(config: Path | None, no_config: bool, paths: list[Path],
            suppressions: Path | None = None, baseline: Path | None = None
            ) -> tuple[LoadedConfig, Policy]:
    from proseco_check.pipeline.policy.baseline import load_baseline
    from proseco_check.pipeline.policy.config import load_config
    from proseco_check.pipeline.policy.suppressions import find_suppressions, load_suppressions
    from proseco_check.pipeline.run import Policy

    loaded = load_config(config, paths, use_files=not no_config)
    found = find_suppressions(suppressions, loaded.root if loaded.source else None)
    return loaded, Policy(config=loaded,
                          suppressions=load_suppressions(found) if found else None,
                          baseline=load_baseline(baseline) if baseline else None)


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to check.")],
    pack: Annotated[list[str] | None, typer.Option(
        "--pack", help="Pack id or path (repeatable); default: packs for the jurisdiction.")] = None,
    output_format: Annotated[str | None, typer.Option(
        "--format", help="table, html, json, jsonl, sarif, junit, github or markdown "
        "(default: table; github under GitHub Actions).", show_default=False)] = None,
    fail_on: Annotated[str | None, typer.Option(
        help="Exit 1 when a missing/wrong finding reaches: error, warning, info, never "
        "(default: the config's fail-on, else error).", show_default=False)] = None,
    fact: Annotated[list[str] | None, typer.Option(
        "--fact", help="Override a tender fact: name=value (repeatable).")] = None,
    lang: Annotated[str | None, typer.Option(help="Document language (default: detected).")
                    ] = None,
    ui_lang: UiLang = None,
    password: Annotated[str | None, typer.Option(help="Password of an encrypted PDF.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Largest input file accepted, in MB.")] = 100,
    max_pages: Annotated[int, typer.Option(help="Most PDF pages accepted.")] = 2000,
    blank: Annotated[bool, typer.Option(
        "--blank", help="Use the blank rule-based pipeline even if a trained one is installed.")
    ] = False,
    ocr: Annotated[bool, typer.Option(
        "--ocr", help="OCR scanned PDF pages with an installed ocrmypdf before checking.")
    ] = False,
    recall: Annotated[Path | None, typer.Option(
        "--recall", help="Recall file from 'eval --write-recall': shown next to each missing "
        "verdict, so 'certainly missing' can be told from 'not found'.")] = None,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Also show not-applicable and skipped rules and why, and the "
        "time each stage took (JSON: a `timings` key per document).")] = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Only one summary line per document (table format) and errors; "
        "no notices.")] = False,
    annotate: Annotated[Path | None, typer.Option(
        "--annotate", metavar="OUT.docx", help="Write a copy of the (single) document with "
        "each finding as a Word comment; a PDF becomes a DOCX of its text.",
        show_default=False)] = None,
    config: Annotated[Path | None, typer.Option(
        "--config", metavar="FILE", help="Config file (proseco.yaml or pyproject.toml); "
        "default: searched upward from the first path, then the working folder.")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore config files.")
                         ] = False,
    suppressions: Annotated[Path | None, typer.Option(
        "--suppressions", metavar="FILE", help="Suppressions file (default: "
        "proseco-suppressions.yaml next to the config).")] = None,
    baseline: Annotated[Path | None, typer.Option(
        "--baseline", metavar="FILE", help="Findings in this baseline do not count.")] = None,
    write_baseline: Annotated[Path | None, typer.Option(
        "--write-baseline", metavar="FILE",
        help="Write the current missing/wrong findings to a baseline file (and exit 0).")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Documents checked in parallel.")
                    ] = 1,
    output_table: OutTable = None,
    output_html: OutHtml = None,
    output_json: OutJson = None,
    output_jsonl: OutJsonl = None,
    output_sarif: OutSarif = None,
    output_junit: OutJunit = None,
    output_github: OutGithub = None,
    output_markdown: OutMarkdown = None,
) -> None:
    """Check tender documents and print a compliance scorecard.

    Several formats can be written to files in the same run with --output-FORMAT FILE.
    Exit codes: 0 clean, 1 findings reach --fail-on, 2 usage or config error, 3 an input
    could not be read.
    """
    files = {"table": output_table, "html": output_html, "json": output_json,
             "jsonl": output_jsonl, "sarif": output_sarif, "junit": output_junit,
             "github": output_github, "markdown": output_markdown}
    outputs = {name: path for name, path in files.items() if path is not None}
    msg_lang = _cli_lang(ui_lang)
    try:
        shown_format = _pick_format(output_format, msg_lang)
        _check_common(msg_lang, fail_on, lang, ui_lang, jobs)
        if quiet and verbose:
            raise UsageError(t("cli.quiet_verbose", msg_lang))
        if max_bytes < 1 or max_pages < 1:
            raise UsageError(t("cli.bad_limits", msg_lang))
        from proseco_check.pipeline.run import Options, check_paths
        from proseco_check.render import RENDERERS

        loaded, policy = _policy(config, no_config, paths, suppressions, baseline)
        threshold = fail_on or loaded.config.fail_on
        targets = {f"--output-{name}": path for name, path in outputs.items()}
        if write_baseline is not None:
            targets["--write-baseline"] = write_baseline
        if annotate is not None:
            _single_docx_target("--annotate", annotate, paths, msg_lang)
            targets["--annotate"] = annotate
        if targets:
            _check_output_paths(paths, targets, msg_lang)
        options = Options(packs=pack or loaded.checked_packs(),
                          facts=_parse_facts(fact or []), lang=lang,
                          ui_lang=ui_lang, password=password, allow_trained=not blank,
                          max_bytes=max_bytes * 1024 * 1024, max_pages=max_pages, jobs=jobs,
                          progress=sys.stderr.isatty() and not quiet, policy=policy,
                          recall=load_recall(recall) if recall else None, ocr=ocr)
        report = check_paths(paths, options)
        shown_lang = resolve_ui_lang(ui_lang, report.documents[0].language
                                     if report.documents else None)
        render = {"ui_lang": shown_lang, "verbose": verbose, "packs": options.packs}
        if quiet and shown_format == "table":
            from proseco_check.render.table import render_quiet

            text = render_quiet(report, ui_lang=shown_lang)
        else:
            text = RENDERERS[shown_format](report, color=_use_color(), **render)
        from proseco_check.render.files import write_atomic

        for name, path in outputs.items():
            write_atomic(path, RENDERERS[name](report, color=False, **render))
        written = None
        if write_baseline is not None:
            from proseco_check.pipeline.policy.baseline import write_baseline as save_baseline

            written = save_baseline(report, write_baseline)
        comments = None
        if annotate is not None and report.documents:
            from proseco_check.render.annotate import annotate as write_annotated

            document = report.documents[0]
            comments = write_annotated(Path(document.path), document, annotate,
                                       lang=shown_lang, password=password)
    except ProsecoError as exc:
        _fail(exc)
        return
    sys.stdout.write(text)
    if shown_format == "github":
        _append_step_summary(RENDERERS["markdown"](report, ui_lang=shown_lang), shown_lang)
    if shown_format not in ("table", "markdown", "github", "html") and not quiet:
        for notice in report.notices:
            _say(t("cli.notice", shown_lang, text=notice))
    for err in report.errors:
        _say(err.error)
    if written is not None and not quiet:
        _say(t("cli.baseline_written", shown_lang, n=written, path=write_baseline))
    if comments is not None and not quiet:
        _say(t("cli.annotated", shown_lang, path=annotate, n=comments))
    if report.errors:
        raise typer.Exit(EXIT_INPUT)
    if written is not None:
        raise typer.Exit(EXIT_OK)  # writing a baseline accepts today's findings
    from proseco_check.pipeline.score import fails

    if any(fails([f for f in doc.findings if f.counts()], threshold)
           for doc in report.documents):
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


@app.command()
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
    msg_lang = _cli_lang(ui_lang)
    try:
        _check_common(msg_lang, doc_lang=lang, ui_lang=ui_lang)
        if output is not None:
            _single_docx_target("--output", output, [path], msg_lang)
            _check_output_paths([path], {"--output": output}, msg_lang)
        elif path.is_dir():
            raise UsageError(t("cli.not_folder", msg_lang, command="suggest", path=path))
        from proseco_check.pipeline.run import Options, check_paths
        from proseco_check.render.suggest import fill, group_clauses, render_text, write_docx

        fills = _parse_fills(fill_values or [], msg_lang)

        loaded, policy = _policy(config, no_config, [path])
        options = Options(packs=pack or loaded.checked_packs(), facts=_parse_facts(fact or []),
                          lang=lang, ui_lang=ui_lang, password=password, policy=policy)
        report = check_paths([path], options)
        if report.errors:
            for err in report.errors:
                _say(err.error)
            raise typer.Exit(EXIT_INPUT)
        doc = report.documents[0]
        shown_lang = resolve_ui_lang(ui_lang, doc.language)
        doc = fill(doc, fills)
        groups = group_clauses(doc)
        if output is None:
            sys.stdout.write(render_text(doc, groups, shown_lang, color=_use_color(),
                                         width=_width()))
            raise typer.Exit(EXIT_OK)
        count = write_docx(doc, groups, shown_lang, output)
    except ProsecoError as exc:
        _fail(exc)
        return
    _say(t("cli.clauses_written", shown_lang, n=count, path=output))
    raise typer.Exit(EXIT_OK)


DEMO_SAMPLES = ("it_disciplinare_carente.docx", "it_disciplinare_conforme.docx")


def _relative(path: Path) -> Path:
    """The path as a user would type it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


@app.command()
def demo(
    samples: Annotated[Path | None, typer.Option(
        "--samples", metavar="DIR", help="Folder holding the two Italian samples (default: "
        "the checkout's samples/).", show_default=False)] = None,
    ui_lang: UiLang = None,
) -> None:
    """Trainer mode: the flawed and the compliant Italian sample, score change per category."""
    from proseco_check.render.trainer import render_demo

    folder = samples or Path(__file__).resolve().parents[2] / "samples"
    shown_lang = resolve_ui_lang(ui_lang if ui_lang in UI_LANGS else None, "it")
    try:
        _check_common(shown_lang, ui_lang=ui_lang)
        files = [_relative(folder / name) for name in DEMO_SAMPLES]
        if not all(f.is_file() for f in files):
            raise UsageError(t("cli.no_samples", shown_lang, path=folder,
                               names=" + ".join(DEMO_SAMPLES)))
        from proseco_check.pipeline.diff import diff_documents
        from proseco_check.pipeline.run import Options, check_paths

        report = check_paths(files, Options(ui_lang=shown_lang,
                                            progress=sys.stderr.isatty()))
        if report.errors:
            for err in report.errors:
                _say(err.error)
            raise typer.Exit(EXIT_INPUT)
    except ProsecoError as exc:
        _fail(exc)
        return
    before, after = report.documents
    sys.stdout.write(render_demo(diff_documents(before, after), shown_lang,
                                 color=_use_color(), width=_width()))
    raise typer.Exit(EXIT_OK)


@config_app.command("show")
def config_show(
    path: Annotated[Path | None, typer.Argument(
        help="Search the config from this file or folder (default: the working folder).")
    ] = None,
    config: Annotated[Path | None, typer.Option("--config", metavar="FILE")] = None,
    no_config: Annotated[bool, typer.Option("--no-config")] = False,
) -> None:
    """Print the effective configuration as YAML (exit 2 if it is invalid)."""
    from proseco_check.engine.loader import resolve_packs
    from proseco_check.pipeline.policy.config import check_selectors, load_config

    try:
        loaded = load_config(config, [path] if path else None, use_files=not no_config)
        packs = resolve_packs(loaded.checked_packs())
        check_selectors(loaded, [r for p in packs for r in p.rules])
    except ProsecoError as exc:
        _fail(exc)
        return
    typer.echo(loaded.show(), nl=False)


@app.command("diff")
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
) -> None:
    """Compare two versions of a tender: results fixed, introduced, unchanged; score change."""
    try:
        msg_lang = _cli_lang(ui_lang)
        if output_format not in ("table", "json"):
            choices = f"table {t('word.or', msg_lang)} json"
            raise UsageError(t("cli.bad_format", msg_lang, choices=choices, value=output_format))
        _check_common(msg_lang, fail_on, lang, ui_lang, jobs)
        for path in (old, new):
            if path.is_dir():
                raise UsageError(f"{path}: diff compares two documents, not folders")
        from proseco_check.pipeline.diff import diff_documents, render_diff_json, render_diff_table
        from proseco_check.pipeline.run import Options, check_paths
        from proseco_check.pipeline.score import fails

        loaded, policy = _policy(config, no_config, [old])
        threshold = fail_on or loaded.config.fail_on
        options = Options(packs=pack or loaded.checked_packs(),
                          facts=_parse_facts(fact or []), lang=lang, ui_lang=ui_lang,
                          jobs=jobs, progress=sys.stderr.isatty(), policy=policy)
        report = check_paths([old, new], options)
    except ProsecoError as exc:
        _fail(exc)
        return
    for err in report.errors:
        typer.echo(f"proseco-check: {err.error}", err=True)
    if report.errors:
        raise typer.Exit(EXIT_INPUT)
    before, after = report.documents
    result = diff_documents(before, after)
    if output_format == "json":
        sys.stdout.write(render_diff_json(result))
    else:
        sys.stdout.write(render_diff_table(result, color=_use_color()))
    introduced = {(e.rule, e.fingerprint) for e in result.introduced}
    new_results = [f for f in after.findings
                   if f.counts() and (f.rule, f.fingerprint) in introduced]
    raise typer.Exit(EXIT_FINDINGS if fails(new_results, threshold) else EXIT_OK)


@rules_app.command("list")
def rules_list(
    pack: Annotated[list[str] | None, typer.Option("--pack")] = None,
    category: Annotated[str | None, typer.Option()] = None,
    severity: Annotated[str | None, typer.Option()] = None,
) -> None:
    """List rules: id, name, severity, category, evidence level, title."""
    from proseco_check.engine.loader import resolve_packs

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
    from proseco_check.engine.loader import load_pack, pack_files

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
    from proseco_check.engine.loader import resolve_packs
    from proseco_check.engine.selftest import test_pack

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
def explain(
    rule_id: Annotated[str, typer.Argument(help="Rule id (IT-11-CCNL) or name (ccnl-named).")],
    raw: Annotated[bool, typer.Option("--raw", help="Print the rule as YAML.")] = False,
    ui_lang: UiLang = None,
) -> None:
    """Explain a rule: why, the law, good and bad examples, the model clause.

    The words the rule's patterns match in each example are highlighted (in «» when the
    output is not a terminal).
    """
    import yaml

    from proseco_check.engine.loader import builtin_packs

    # No document here: --ui-lang, else the system locale, else Italian (the packs are
    # mostly Italian law, and the tool is Italian first).
    lang = resolve_ui_lang(ui_lang if ui_lang in UI_LANGS else None, fallback="it")
    if ui_lang is not None and ui_lang not in UI_LANGS:
        _fail(UsageError(t("cli.bad_ui_lang", _cli_lang(None), value=ui_lang)))
    rules = {r.id: r for p in builtin_packs() for r in p.rules}
    rules.update({r.name: r for p in builtin_packs() for r in p.rules})
    rule = rules.get(rule_id)
    if rule is None:
        _say(t("cli.no_rule", _cli_lang(ui_lang), rule=rule_id))
        raise typer.Exit(EXIT_USAGE)
    if raw:
        typer.echo(yaml.safe_dump(rule.model_dump(mode="json", exclude_none=True),
                                  allow_unicode=True, sort_keys=False))
        return
    from proseco_check.render.trainer import render_explain

    sys.stdout.write(render_explain(rule, lang, color=_use_color(), width=_width()))


@app.command("eval")
def eval_command(
    directory: Path,
    truth: Annotated[Path, typer.Option("--truth", help="Ground-truth YAML (docs: {file: {...}}).")],
    write_recall: Annotated[Path | None, typer.Option(
        "--write-recall", help="Write each rule's measured recall (JSON) for 'check --recall'.")
    ] = None,
) -> None:
    """Compare the profile with a ground-truth file: precision, recall, F1 per element,
    and the recall of the rules that name a profile element."""
    import json

    from proseco_check.engine.loader import builtin_packs
    from proseco_check.pipeline.evaluation import (
        compare,
        format_report,
        load_truth,
        recall_table,
        rule_recall,
    )
    from proseco_check.pipeline.run import Options, check_document
    from proseco_check.render.files import write_atomic

    try:
        expected = load_truth(truth)
        results = {}
        for name in expected:
            if (directory / name).is_file():
                results[name] = check_document(directory / name, Options())
        report = compare(results, expected)
        elements = {r.id: r.element for p in builtin_packs() for r in p.rules if r.element}
        report.rules = rule_recall(results, expected, elements)
        if write_recall is not None:
            table = recall_table(report, directory.name)
            write_atomic(write_recall, json.dumps(table, indent=2, sort_keys=True) + "\n")
    except ProsecoError as exc:
        _fail(exc)
        return
    typer.echo(format_report(report))


def load_recall(path: Path) -> dict[str, dict[str, float | int | str | None]]:
    """The rules table of an 'eval --write-recall' file."""
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        rules = data["rules"]
        if not isinstance(rules, dict):
            raise TypeError
        return rules
    except (OSError, ValueError, KeyError, TypeError):
        raise UsageError(f"{path}: not a recall file written by 'proseco-check eval "
                         "--write-recall'") from None


def main() -> None:
    app()


if __name__ == "__main__":
    main()
