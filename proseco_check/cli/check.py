"""`check`: documents in, scorecard out, exit code from the policy.

The options are one dataclass, `CheckOptions`: each field is a command-line option with
its help beside it, and `check` is built from it, so adding an option is adding a field.
"""

from __future__ import annotations

import dataclasses
import inspect
import sys
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from proseco_check.cli.common import (
    UiLang,
    append_step_summary,
    check_common,
    check_output_paths,
    cli_lang,
    fail,
    load_policy,
    load_recall,
    parse_facts,
    pick_format,
    say,
    single_docx_target,
    use_color,
)
from proseco_check.errors import ProsecoError, UsageError
from proseco_check.model.i18n import resolve_ui_lang, t

if TYPE_CHECKING:
    from proseco_check.model.report import Report
    from proseco_check.pipeline.run import Options

OUTPUT_FORMATS = ("table", "html", "json", "jsonl", "sarif", "junit", "github", "markdown")


def _opt(*names: str, help: str, **kw: Any) -> Any:
    return typer.Option(*names, help=help, show_default=kw.pop("show_default", False), **kw)


def _out(fmt: str) -> Any:
    return Annotated[Path | None, _opt(f"--output-{fmt}", metavar="FILE",
                                       help=f"Also write the {fmt} report to FILE (atomically).")]


@dataclass
class CheckOptions:
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to check.")]
    pack: Annotated[list[str] | None, _opt(
        "--pack", help="Pack id or path (repeatable); default: packs for the jurisdiction.")] = None
    output_format: Annotated[str | None, _opt(
        "--format", help="table, html, json, jsonl, sarif, junit, github or markdown "
        "(default: table; github under GitHub Actions).")] = None
    fail_on: Annotated[str | None, _opt(
        "--fail-on", help="Exit 1 when a missing/wrong finding reaches: error, warning, info, "
        "never (default: the config's fail-on, else error).")] = None
    fact: Annotated[list[str] | None, _opt(
        "--fact", help="Override a tender fact: name=value (repeatable).")] = None
    lang: Annotated[str | None, _opt("--lang", help="Document language (default: detected).")] = None
    ui_lang: UiLang = None
    password: Annotated[str | None, _opt("--password", help="Password of an encrypted PDF.")] = None
    max_bytes: Annotated[int, _opt("--max-bytes", help="Largest input file accepted, in MB.",
                                   show_default=True)] = 100
    max_pages: Annotated[int, _opt("--max-pages", help="Most PDF pages accepted.",
                                   show_default=True)] = 2000
    blank: Annotated[bool, _opt(
        "--blank", help="Use the blank rule-based pipeline even if a trained one is installed.")] = False
    ocr: Annotated[bool, _opt(
        "--ocr", help="OCR scanned PDF pages with an installed ocrmypdf before checking.")] = False
    recall: Annotated[Path | None, _opt(
        "--recall", help="Recall file from 'eval --write-recall': shown next to each missing "
        "verdict, so 'certainly missing' can be told from 'not found'.")] = None
    verbose: Annotated[bool, _opt(
        "--verbose", "-v", help="Also show not-applicable and skipped rules and why, and the "
        "time each stage took (JSON: a `timings` key per document).")] = False
    quiet: Annotated[bool, _opt(
        "--quiet", "-q", help="Only one summary line per document (table format) and errors; "
        "no notices.")] = False
    annotate: Annotated[Path | None, _opt(
        "--annotate", metavar="OUT.docx", help="Write a copy of the (single) document with "
        "each finding as a Word comment; a PDF becomes a DOCX of its text.")] = None
    config: Annotated[Path | None, _opt(
        "--config", metavar="FILE", help="Config file (proseco.yaml or pyproject.toml); "
        "default: searched upward from the first path, then the working folder.")] = None
    no_config: Annotated[bool, _opt("--no-config", help="Ignore config files.")] = False
    suppressions: Annotated[Path | None, _opt(
        "--suppressions", metavar="FILE", help="Suppressions file (default: "
        "proseco-suppressions.yaml next to the config).")] = None
    baseline: Annotated[Path | None, _opt(
        "--baseline", metavar="FILE", help="Findings in this baseline do not count.")] = None
    write_baseline: Annotated[Path | None, _opt(
        "--write-baseline", metavar="FILE",
        help="Write the current missing/wrong findings to a baseline file (and exit 0).")] = None
    jobs: Annotated[int, _opt("--jobs", "-j", help="Documents checked in parallel.",
                              show_default=True)] = 1
    timeout: Annotated[float, _opt(
        "--timeout", metavar="SECONDS", min=0, show_default=True,
        help="Time budget of each document: past it that file is reported as an error "
        "(exit 3) and the others are checked; 0: no limit.")] = 300
    output_table: _out("table") = None  # type: ignore[valid-type]
    output_html: _out("html") = None  # type: ignore[valid-type]
    output_json: _out("json") = None  # type: ignore[valid-type]
    output_jsonl: _out("jsonl") = None  # type: ignore[valid-type]
    output_sarif: _out("sarif") = None  # type: ignore[valid-type]
    output_junit: _out("junit") = None  # type: ignore[valid-type]
    output_github: _out("github") = None  # type: ignore[valid-type]
    output_markdown: _out("markdown") = None  # type: ignore[valid-type]
    # Filled while running, not options.
    msg_lang: str = field(default="en", metadata={"cli": False})

    def outputs(self) -> dict[str, Path]:
        return {fmt: path for fmt in OUTPUT_FORMATS
                if (path := getattr(self, f"output_{fmt}")) is not None}


def check(**values: Any) -> None:
    """Check tender documents and print a compliance scorecard.

    Several formats can be written to files in the same run with --output-FORMAT FILE.
    Exit codes: 0 clean, 1 findings reach --fail-on, 2 usage or config error, 3 an input
    could not be read.
    """
    opts = CheckOptions(**values)
    opts.msg_lang = cli_lang(opts.ui_lang)
    try:
        shown_format = _validate(opts)
        options, threshold = _pipeline_options(opts)
        from proseco_check.pipeline.check import check_paths

        report = check_paths(opts.paths, options)
        shown_lang = resolve_ui_lang(opts.ui_lang, report.documents[0].language
                                     if report.documents else None)
        text = _render(report, opts, shown_format, shown_lang, options.packs)
        written, comments = _write_side_outputs(report, opts, shown_lang)
    except ProsecoError as exc:
        fail(exc)
        return
    sys.stdout.write(text)
    _tell(report, opts, shown_format, shown_lang, written, comments)
    from proseco_check.pipeline.policy.exit_code import exit_code

    raise typer.Exit(exit_code(report, threshold, baseline_written=written is not None))


def _signature() -> inspect.Signature:
    """Typer reads the command's options from its signature: build it from the fields."""
    hints = typing.get_type_hints(CheckOptions, include_extras=True)
    return inspect.Signature([
        inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, annotation=hints[f.name],
                          default=inspect.Parameter.empty if f.default is dataclasses.MISSING
                          else f.default)
        for f in dataclasses.fields(CheckOptions) if f.metadata.get("cli", True)])


check.__signature__ = _signature()  # type: ignore[attr-defined]
check.__annotations__ = {p.name: p.annotation for p in _signature().parameters.values()}


def _validate(opts: CheckOptions) -> str:
    """Usage errors (exit 2) before any document is read; the format to print."""
    shown_format = pick_format(opts.output_format, opts.msg_lang)
    check_common(opts.msg_lang, opts.fail_on, opts.lang, opts.ui_lang, opts.jobs)
    if opts.quiet and opts.verbose:
        raise UsageError(t("cli.quiet_verbose", opts.msg_lang))
    if opts.max_bytes < 1 or opts.max_pages < 1:
        raise UsageError(t("cli.bad_limits", opts.msg_lang))
    targets = {f"--output-{name}": path for name, path in opts.outputs().items()}
    if opts.write_baseline is not None:
        targets["--write-baseline"] = opts.write_baseline
    if opts.annotate is not None:
        single_docx_target("--annotate", opts.annotate, opts.paths, opts.msg_lang)
        targets["--annotate"] = opts.annotate
    if targets:
        check_output_paths(opts.paths, targets, opts.msg_lang)
    return shown_format


def _pipeline_options(opts: CheckOptions) -> tuple[Options, str]:
    """The pipeline's options and the --fail-on threshold, from the flags and the config."""
    from proseco_check.pipeline.run import Options

    loaded, policy = load_policy(opts.config, opts.no_config, opts.paths, opts.suppressions,
                                 opts.baseline)
    options = Options(packs=opts.pack or loaded.checked_packs(),
                      facts=parse_facts(opts.fact or []), lang=opts.lang,
                      ui_lang=opts.ui_lang, password=opts.password,
                      allow_trained=not opts.blank, max_bytes=opts.max_bytes * 1024 * 1024,
                      max_pages=opts.max_pages, jobs=opts.jobs,
                      progress=sys.stderr.isatty() and not opts.quiet, policy=policy,
                      recall=load_recall(opts.recall) if opts.recall else None, ocr=opts.ocr,
                      timeout=opts.timeout)
    return options, opts.fail_on or loaded.config.fail_on


def _render(report: Report, opts: CheckOptions, shown_format: str, shown_lang: str,
            packs: list[str] | None) -> str:
    """The report in the printed format; the --output-FORMAT files are written here too."""
    from proseco_check.render import RENDERERS
    from proseco_check.render.files import write_atomic

    render = {"ui_lang": shown_lang, "verbose": opts.verbose, "packs": packs}
    for name, path in opts.outputs().items():
        write_atomic(path, RENDERERS[name](report, color=False, **render))
    if opts.quiet and shown_format == "table":
        from proseco_check.render.table import render_quiet

        return render_quiet(report, ui_lang=shown_lang)
    return RENDERERS[shown_format](report, color=use_color(), **render)


def _write_side_outputs(report: Report, opts: CheckOptions, shown_lang: str
                        ) -> tuple[int | None, int | None]:
    """The baseline and the annotated copy, when asked: (findings written, comments)."""
    written = comments = None
    if opts.write_baseline is not None:
        from proseco_check.pipeline.policy.baseline import write_baseline

        written = write_baseline(report, opts.write_baseline)
    if opts.annotate is not None and report.documents:
        from proseco_check.render.annotate import annotate

        document = report.documents[0]
        comments = annotate(Path(document.path), document, opts.annotate, lang=shown_lang,
                            password=opts.password)
    return written, comments


def _tell(report: Report, opts: CheckOptions, shown_format: str, shown_lang: str,
          written: int | None, comments: int | None) -> None:
    """What goes to stderr: the job summary, notices, unreadable inputs, files written."""
    if shown_format == "github":
        from proseco_check.render import RENDERERS

        append_step_summary(RENDERERS["markdown"](report, ui_lang=shown_lang), shown_lang)
    if shown_format not in ("table", "markdown", "github", "html") and not opts.quiet:
        for notice in report.notices:
            say(t("cli.notice", shown_lang, text=notice))
    for err in report.errors:
        say(err.error)
    if written is not None and not opts.quiet:
        say(t("cli.baseline_written", shown_lang, n=written, path=opts.write_baseline))
    if comments is not None and not opts.quiet:
        say(t("cli.annotated", shown_lang, path=opts.annotate, n=comments))
