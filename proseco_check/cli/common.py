"""What the commands share: option types, usage checks, output targets, the project's
policy, one-line errors. Heavy imports (spaCy) stay inside functions so `--help` is fast."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from proseco_check.errors import EXIT_FINDINGS, EXIT_OK, ProsecoError, UsageError
from proseco_check.model.i18n import resolve_ui_lang, t
from proseco_check.model.vocab import UI_LANGS
from proseco_check.render import FORMAT_NAMES
from proseco_check.sanitize import message_line
from proseco_check.spelling import did_you_mean

if TYPE_CHECKING:
    from proseco_check.pipeline.policy.config import LoadedConfig
    from proseco_check.pipeline.run import Policy


def fail(exc: ProsecoError, lang: str | None = None) -> None:
    """The error on one line, in `lang` (else the locale's language), and its exit code."""
    typer.echo(f"proseco-check: {message_line(exc.one_line(lang or cli_lang(None)))}",
               err=True)
    raise typer.Exit(exc.exit_code)


def parse_facts(pairs: list[str]) -> dict[str, str]:
    from proseco_check.facts.extract import coerce_fact

    facts: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise UsageError(t("cli.bad_fact", cli_lang(None), value=pair))
        coerce_fact(name.strip(), value)  # validate now, before reading any document
        facts[name.strip()] = value
    return facts


def parse_fills(pairs: list[str], lang: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(t("cli.bad_fill", lang, value=pair))
        values[name.strip().strip("{}")] = value
    return values


FORMATS = FORMAT_NAMES  # the registry in proseco_check/render/__init__.py
FAIL_ON = ("error", "warning", "info", "never")
COLOR_MODES = ("auto", "always", "never")
STEP_SUMMARY_LIMIT = 1024 * 1024 - 1024  # GitHub refuses job summaries over 1 MiB
DOC_LANGS = ("it", "en", "fr", "es", "nl", "de")


UiLang = Annotated[str | None, typer.Option(
    "--ui-lang", help="Language of the interface: it or en (default: the document's "
    "language, it -> it, else en; without a document the system locale).",
    show_default=False)]


Color = Annotated[str, typer.Option(
    "--color", metavar="WHEN", help="Colour: auto, always or never (auto: on a terminal; "
    "NO_COLOR turns it off, FORCE_COLOR on; always colours piped output too).")]


def cli_lang(ui_lang: str | None) -> str:
    """The language of one-line messages before any document is read."""
    return resolve_ui_lang(ui_lang if ui_lang in UI_LANGS else None)


def use_color(mode: str = "auto") -> bool:
    """--color: `always` and `never` as said; `auto` colours a terminal, never when
    NO_COLOR is set and not empty (no-color.org, which wins), always when FORCE_COLOR is
    set and not empty (force-color.org), even when the output is piped."""
    if mode != "auto":
        return mode == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def check_color(mode: str, lang: str) -> None:
    if mode not in COLOR_MODES:
        raise UsageError(t("cli.bad_color", lang, value=mode) + did_you_mean(mode, COLOR_MODES,
                                                                             lang))


def width() -> int:
    """The terminal's width; COLUMNS when set (also when the output is piped), else 100."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100


def pick_format(output_format: str | None, lang: str, configured: str | None = None,
                config_label: str = "") -> str:
    """--format as given; else the config's `output-format`; else `github` under GitHub
    Actions; else the table. A format nobody knows is a usage error that names the nearest."""
    choices = f"{', '.join(FORMATS[:-1])} {t('word.or', lang)} {FORMATS[-1]}"
    if output_format is None and configured is not None:
        if configured not in FORMATS:
            raise UsageError(f"{config_label}: key 'output-format': "
                             + t("cli.bad_format", lang, choices=choices, value=configured)
                             + did_you_mean(configured, FORMATS, lang))
        return configured
    if output_format is None:
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "table"
    if output_format not in FORMATS:
        raise UsageError(t("cli.bad_format", lang, choices=choices, value=output_format)
                         + did_you_mean(output_format, FORMATS, lang))
    return output_format


def check_common(lang: str, fail_on: str | None = None, doc_lang: str | None = None,
                  ui_lang: str | None = None, jobs: int = 1, color: str = "auto",
                  packs: list[str] | None = None) -> None:
    """The usage errors check, diff and suggest share (exit 2, one line)."""
    if fail_on is not None and fail_on not in FAIL_ON:
        raise UsageError(t("cli.bad_fail_on", lang, value=fail_on)
                         + did_you_mean(fail_on, FAIL_ON, lang))
    if doc_lang is not None and doc_lang not in DOC_LANGS:
        raise UsageError(t("cli.bad_lang", lang, value=doc_lang)
                         + did_you_mean(doc_lang, DOC_LANGS, lang))
    if ui_lang is not None and ui_lang not in UI_LANGS:
        raise UsageError(t("cli.bad_ui_lang", lang, value=ui_lang)
                         + did_you_mean(ui_lang, UI_LANGS, lang))
    if jobs < 1:
        raise UsageError(t("cli.bad_jobs", lang))
    check_color(color, lang)
    check_pack_names(packs or [], lang)


def check_choice(option: str, value: str | None, choices: tuple[str, ...], lang: str) -> None:
    """A closed set of values: a usage error naming them and the nearest one."""
    if value is None or value in choices:
        return
    listed = f"{', '.join(choices[:-1])} {t('word.or', lang)} {choices[-1]}"
    raise UsageError(t("cli.bad_choice", lang, option=option, choices=listed, value=value)
                     + did_you_mean(value, choices, lang))


def check_pack_names(names: list[str], lang: str) -> None:
    """--pack: a built-in pack id or an existing file or folder; else the nearest ids."""
    if not names:
        return
    from proseco_check.engine.loader import builtin_packs

    ids = sorted(p.pack.id for p in builtin_packs())
    for name in names:
        if name not in ids and not Path(name).exists():
            raise UsageError(t("cli.no_pack", lang, value=name, known=", ".join(ids))
                             + did_you_mean(name, ids, lang))


def check_output_paths(paths: list[Path], outputs: dict[str, Path], lang: str = "en") -> None:
    """Refuse (exit 2) to write a report over an input document or twice to one file."""
    from proseco_check.pipeline.run import expand_paths

    inputs = {p.resolve() for p in paths} | {p.resolve() for p in expand_paths(paths)}
    seen: dict[Path, str] = {}
    for option, target in outputs.items():
        resolved = target.resolve()
        if resolved in inputs:
            raise UsageError(t("cli.is_input", lang, option=option, path=target))
        if _is_folder(resolved):
            raise UsageError(t("cli.is_folder", lang, option=option, path=target))
        if resolved in seen:
            raise UsageError(t("cli.same_file", lang, option=option, path=target,
                               other=seen[resolved]))
        seen[resolved] = option


def _is_folder(path: Path) -> bool:
    """is_dir() that does not raise on a name too long: writing it fails later, in one
    line, after the report is printed."""
    try:
        return path.is_dir()
    except OSError:
        return False


def single_docx_target(option: str, target: Path, paths: list[Path], lang: str) -> Path:
    """--annotate and suggest --output: one input document, a .docx to write."""
    from proseco_check.pipeline.run import expand_paths

    files = expand_paths(paths)
    if len(files) != 1:
        raise UsageError(t("cli.one_document", lang, option=option, n=len(files)))
    if target.suffix.lower() != ".docx":
        raise UsageError(t("cli.docx_only", lang, option=option, path=target))
    return files[0]


def append_step_summary(markdown: str, lang: str = "en") -> None:
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
        say(t("cli.step_summary", lang, path=target, problem=exc.strerror or exc))


def say(message: str) -> None:
    typer.echo(f"proseco-check: {message_line(message)}", err=True)


def load_policy(config: Path | None, no_config: bool, paths: list[Path],
            suppressions: Path | None = None, baseline: Path | None = None
            ) -> tuple[LoadedConfig, Policy]:
    from proseco_check.pipeline.policy.baseline import load_baseline
    from proseco_check.pipeline.policy.config import load_config
    from proseco_check.pipeline.policy.suppressions import find_suppressions, load_suppressions
    from proseco_check.pipeline.run import Policy

    loaded = load_config(config, paths, use_files=not no_config)
    found = find_suppressions(suppressions, loaded.root)
    return loaded, Policy(config=loaded,
                          suppressions=load_suppressions(found) if found else None,
                          baseline=load_baseline(baseline) if baseline else None)


def load_recall(path: Path) -> dict[str, dict[str, float | int | str | None]]:
    """The rules table of an 'eval --write-recall' file."""
    from proseco_check.pipeline.policy.baseline import read_json

    data = read_json(path, "the recall file")
    rules = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(rules, dict):
        raise UsageError(f"{path}: not a recall file written by 'proseco-check eval "
                         "--write-recall' (no 'rules' table)")
    return rules




def tally_examples(command: str, outcomes: Iterable[tuple[bool, str]]) -> None:
    """Print each failed example's line and the totals of `clauses test` / `rules test`,
    then exit 1 on any failure: both self-tests report the same way."""
    passed = failed = 0
    for ok, failure_line in outcomes:
        if ok:
            passed += 1
            continue
        failed += 1
        typer.echo(failure_line)
    typer.echo(f"{command}: {passed} passed, {failed} failed")
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)
