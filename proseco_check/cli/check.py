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

from proseco_check.bounded import DEFAULT_MAX_CHARS
from proseco_check.cli.common import (
    Color,
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
    width,
)
from proseco_check.errors import EXIT_INPUT, EXIT_USAGE, ProsecoError, UsageError
from proseco_check.model.i18n import resolve_ui_lang, t
from proseco_check.render import FORMATS, formats_help
from proseco_check.sanitize import sanitize_report

if TYPE_CHECKING:
    from proseco_check.model.report import Report
    from proseco_check.model.rule_info import RuleInfo
    from proseco_check.pipeline.policy.config import LoadedConfig
    from proseco_check.pipeline.run import Options

SELECTORS = "rule ids or names, globs (IT-108-*), categories, severities or ALL, " \
            "comma-separated or repeated"


def _opt(*names: str, help: str, **kw: Any) -> Any:
    return typer.Option(*names, help=help, show_default=kw.pop("show_default", False), **kw)


def _out(fmt: str, what: str) -> Any:
    return Annotated[Path | None, _opt(f"--output-{fmt}", metavar="FILE",
                                       help=f"Also write the {fmt} report ({what}) to FILE "
                                       "(atomically).")]


@dataclass
class CheckOptions:
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to check.")]
    pack: Annotated[list[str] | None, _opt(
        "--pack", help="Pack id or path (repeatable); default: packs for the jurisdiction.")] = None
    output_format: Annotated[str | None, _opt(
        "--format", help=f"{formats_help()} (default: the config's output-format; else "
        "github under GitHub Actions; else table).")] = None
    select: Annotated[list[str] | None, _opt(
        "--select", metavar="SELECTORS", help=f"Check only these rules: {SELECTORS}. "
        "Replaces the config's select and ignore (as in Ruff).")] = None
    extend_select: Annotated[list[str] | None, _opt(
        "--extend-select", metavar="SELECTORS",
        help="Add these rules to the selection (same selectors).")] = None
    ignore: Annotated[list[str] | None, _opt(
        "--ignore", metavar="SELECTORS",
        help="Do not check these rules (same selectors), on top of the config.")] = None
    fail_on: Annotated[str | None, _opt(
        "--fail-on", help="Exit 1 when a missing/wrong finding reaches: error, warning, info, "
        "never (default: the config's fail-on, else error).")] = None
    exit_zero: Annotated[bool, _opt(
        "--exit-zero", help="Exit 0 even when findings reach --fail-on (the same as "
        "--fail-on never); unreadable inputs still exit 3.")] = False
    statistics: Annotated[bool, _opt(
        "--statistics", help="Print the number of results per rule and status instead of "
        "the report (JSON with --format json).")] = False
    color: Color = "auto"
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
        "each finding as a Word comment; a PDF becomes a DOCX of its text. With "
        "--procedure: a folder, one copy per document.")] = None
    procedure: Annotated[bool, _opt(
        "--procedure", help="Judge the documents of each folder (and the files named) as "
        "one tender: facts merged, each clause looked for in every document; the exit code "
        "and the report follow the procedures (JSON: a 'procedures' list).")] = False
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
    # hostile (issue 17): the text budget of one document.
    max_chars: Annotated[int, _opt(
        "--max-chars", help="Most characters of text in one document; a longer one is "
        "refused with a message (the others are still checked).", show_default=True)
    ] = DEFAULT_MAX_CHARS
    show_passes: Annotated[bool, _opt(
        "--show-passes", help="Also list the rules met and not applicable (table format; "
        "--verbose lists them too).")] = False
    timeout: Annotated[float, _opt(
        "--timeout", metavar="SECONDS", min=0, show_default=True,
        help="Time budget of each document: past it that file is reported as an error "
        "(exit 3) and the others are checked; 0: no limit.")] = 300
    # Filled while running, not options.
    msg_lang: str = field(default="en", metadata={"cli": False})
    # --output-FORMAT FILE, one option per format of the registry (render/__init__.py).
    output_files: dict[str, Path] = field(default_factory=dict, metadata={"cli": False})

    def outputs(self) -> dict[str, Path]:
        return dict(self.output_files)

    def threshold(self, configured: str) -> str:
        return "never" if self.exit_zero else self.fail_on or configured


def check(**values: Any) -> None:
    """Check tender documents and print a compliance scorecard.

    Several formats can be written to files in the same run with --output-FORMAT FILE.
    Exit codes: 0 clean, 1 findings reach --fail-on, 2 usage or config error, 3 an input
    could not be read.
    """
    files = {f.name: path for f in FORMATS if (path := values.pop(f"output_{f.name}")) is not None}
    opts = CheckOptions(**values, output_files=files)
    opts.msg_lang = cli_lang(opts.ui_lang)
    try:
        _validate(opts)
        from proseco_check.pipeline.prefork import loading

        with loading():  # spaCy and the packs: no collection while they load
            options, loaded = _pipeline_options(opts)
        shown_format = pick_format(opts.output_format, opts.msg_lang,
                                   loaded.config.output_format, loaded.label())
        threshold = opts.threshold(loaded.config.fail_on)
        from proseco_check.pipeline.check import check_paths

        report = check_paths(opts.paths, options)
        shown = sanitize_report(report)
        shown_lang = resolve_ui_lang(opts.ui_lang, report.documents[0].language
                                     if report.documents else None)
        text = _render(shown, opts, shown_format, shown_lang, options.packs)
    except ProsecoError as exc:
        fail(exc, opts.msg_lang)
        return
    # The report goes to stdout first: an output file that cannot be written is one line
    # on stderr afterwards, and the results are not lost.
    sys.stdout.write(text)
    failed = _write_outputs(shown, opts, shown_lang, options.packs)
    written, comments = _write_side_outputs(report, opts, shown_lang, options, failed)
    _tell(shown, opts, shown_format, shown_lang, written, comments)
    for problem in failed:
        say(problem)
    from proseco_check.pipeline.policy.exit_code import exit_code

    code = exit_code(report, threshold, baseline_written=written is not None)
    raise typer.Exit(code if not failed or code == EXIT_INPUT else EXIT_USAGE)


def _signature() -> inspect.Signature:
    """Typer reads the command's options from its signature: build it from the fields,
    then one --output-FORMAT option per format of the registry."""
    hints = typing.get_type_hints(CheckOptions, include_extras=True)
    keyword = inspect.Parameter.KEYWORD_ONLY
    fields = [inspect.Parameter(f.name, keyword, annotation=hints[f.name],
                                default=inspect.Parameter.empty
                                if f.default is dataclasses.MISSING else f.default)
              for f in dataclasses.fields(CheckOptions) if f.metadata.get("cli", True)]
    outputs = [inspect.Parameter(f"output_{f.name}", keyword, annotation=_out(f.name, f.help),
                                 default=None) for f in FORMATS]
    return inspect.Signature(fields + outputs)


check.__signature__ = _signature()  # type: ignore[attr-defined]
check.__annotations__ = {p.name: p.annotation for p in _signature().parameters.values()}


def _validate(opts: CheckOptions) -> None:
    """Usage errors (exit 2) before any document is read."""
    if opts.output_format is not None:
        pick_format(opts.output_format, opts.msg_lang)
    check_common(opts.msg_lang, opts.fail_on, opts.lang, opts.ui_lang, opts.jobs, opts.color,
                 opts.pack)
    if opts.exit_zero and opts.fail_on not in (None, "never"):
        raise UsageError(t("cli.exit_zero_fail_on", opts.msg_lang, value=opts.fail_on))
    if opts.quiet and opts.verbose:
        raise UsageError(t("cli.quiet_verbose", opts.msg_lang))
    if opts.max_bytes < 1 or opts.max_pages < 1 or opts.max_chars < 1:
        raise UsageError(t("cli.bad_limits", opts.msg_lang))
    targets = {f"--output-{name}": path for name, path in opts.outputs().items()}
    if opts.write_baseline is not None:
        targets["--write-baseline"] = opts.write_baseline
    if opts.annotate is not None and opts.procedure:
        if opts.annotate.suffix.lower() == ".docx" or opts.annotate.is_file():
            raise UsageError(t("cli.procedure_annotate", opts.msg_lang, path=opts.annotate))
    elif opts.annotate is not None:
        single_docx_target("--annotate", opts.annotate, opts.paths, opts.msg_lang)
        targets["--annotate"] = opts.annotate
    if targets:
        check_output_paths(opts.paths, targets, opts.msg_lang)


def _pipeline_options(opts: CheckOptions) -> tuple[Options, LoadedConfig]:
    """The pipeline's options, from the flags and the config; the config."""
    from proseco_check.engine.loader import resolve_packs
    from proseco_check.pipeline.policy.select import (
        RuleKey,
        Selection,
        check_cli_selection,
        split_selectors,
    )
    from proseco_check.pipeline.run import Options

    loaded, policy = load_policy(opts.config, opts.no_config, opts.paths, opts.suppressions,
                                 opts.baseline)
    loaded.cli = Selection(select=split_selectors(opts.select) or None,
                           extend_select=split_selectors(opts.extend_select),
                           ignore=split_selectors(opts.ignore))
    packs = opts.pack or loaded.checked_packs()
    if not loaded.cli.is_empty():
        keys = [RuleKey(r.id, r.name, r.category, r.severity)
                for p in resolve_packs(packs) for r in p.rules]
        check_cli_selection(loaded.cli, keys, opts.msg_lang)
    options = Options(packs=packs,
                      facts=parse_facts(opts.fact or []), lang=opts.lang,
                      ui_lang=opts.ui_lang, password=opts.password,
                      allow_trained=not opts.blank, max_bytes=opts.max_bytes * 1024 * 1024,
                      max_pages=opts.max_pages, jobs=opts.jobs,
                      progress=sys.stderr.isatty() and not opts.quiet, policy=policy,
                      recall=load_recall(opts.recall) if opts.recall else None, ocr=opts.ocr,
                      max_chars=opts.max_chars, timeout=opts.timeout,
                      documents={} if opts.annotate is not None or opts.procedure else None,
                      procedure=opts.procedure)
    return options, loaded


def _render(report: Report, opts: CheckOptions, shown_format: str, shown_lang: str,
            packs: list[str] | None) -> str:
    """The report in the printed format."""
    from proseco_check.engine.describe import describe_report
    from proseco_check.render import RENDERERS

    describe_report(report, packs)  # what renderers print about each rule
    render = {"ui_lang": shown_lang, "verbose": opts.verbose, "packs": packs,
              "show_passes": opts.show_passes}
    color = use_color(opts.color)
    if opts.statistics:
        from proseco_check.render.statistics import render_statistics

        return render_statistics(report, as_json=shown_format == "json", color=color)
    if opts.quiet and shown_format == "table":
        from proseco_check.render.table import render_quiet

        return render_quiet(report, ui_lang=shown_lang)
    return RENDERERS[shown_format](report, color=color, quiet=opts.quiet, width=width(),
                                  **render)


def _write_outputs(report: Report, opts: CheckOptions, shown_lang: str,
                   packs: list[str] | None) -> list[str]:
    """The --output-FORMAT files; one line per file that could not be written."""
    from proseco_check.output_files import write_atomic
    from proseco_check.render import RENDERERS

    render = {"ui_lang": shown_lang, "verbose": opts.verbose, "packs": packs}
    failed: list[str] = []
    for name, path in opts.outputs().items():
        try:
            write_atomic(path, RENDERERS[name](report, color=False, **render))
        except ProsecoError as exc:
            failed.append(exc.one_line())
    return failed


def _write_side_outputs(report: Report, opts: CheckOptions, shown_lang: str,
                        options: Options, failed: list[str]) -> tuple[int | None, int | None]:
    """The baseline and the annotated copy, when asked: (findings written, comments).
    The copy is made from the document already read, with the same limits and OCR."""
    written = comments = None
    try:
        if opts.write_baseline is not None:
            from proseco_check.pipeline.policy.baseline import write_baseline

            written = write_baseline(report, opts.write_baseline)
    except ProsecoError as exc:
        failed.append(exc.one_line())
    try:
        if opts.annotate is not None and (report.procedures or report.documents):
            from proseco_check.engine.describe import describe_report

            # The rules' sections place each missing clause's comment: without them every
            # comment falls back to the title (the report printed was a described copy).
            rules = describe_report(report, options.packs).rules
        if opts.annotate is not None and report.procedures:
            comments = _annotate_procedures(report, opts.annotate, shown_lang, options, rules)
        elif opts.annotate is not None and report.documents:
            from proseco_check.pipeline.annotate import annotate

            result = report.documents[0]
            comments = annotate(Path(result.path), result, opts.annotate, lang=shown_lang,
                                password=opts.password, rules=rules,
                                document=(options.documents or {}).get(result.path))
    except ProsecoError as exc:
        failed.append(exc.one_line())
    return written, comments


def _annotate_procedures(report: Report, folder: Path, lang: str, options: Options,
                         rules: dict[str, RuleInfo]) -> int:
    """check --procedure --annotate FOLDER: one annotated copy per document of each
    procedure (FOLDER/<name>-commenti.docx), with the procedure's findings that go on it."""
    from proseco_check.pipeline.annotate import annotate, procedure_share

    kinds = {d.path: _kind(d) for d in report.documents}
    comments = 0
    for procedure in report.procedures:
        for file in procedure.documents:
            share = procedure_share(procedure, file, kinds, rules)
            comments += annotate(Path(file), share, folder / _copy_name(Path(file), procedure),
                                 lang=lang, password=options.password, rules=rules,
                                 document=(options.documents or {}).get(file))
    return comments


def _copy_name(file: Path, procedure: Any) -> str:
    """<name>-commenti.docx; with the extension too when two files of the procedure share
    a name (bando.pdf and bando.docx), so neither copy overwrites the other."""
    stems = [Path(f).stem for f in procedure.documents]
    if stems.count(file.stem) > 1:
        return f"{file.stem}-{file.suffix.lstrip('.')}-commenti.docx"
    return f"{file.stem}-commenti.docx"


def _kind(doc: Any) -> str | None:
    fact = doc.facts.get("document_kind")
    return fact.value if fact is not None and isinstance(fact.value, str) else None


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
