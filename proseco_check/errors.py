"""Errors that end a run with a one-line message and a documented exit code."""

from __future__ import annotations

from pathlib import Path

from proseco_check.model.i18n import number, t

# Exit codes, documented in the README: keep them stable, CI scripts depend on them.
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3


class ProsecoError(Exception):
    """Base class: carries the exit code the CLI must return."""

    exit_code = EXIT_USAGE

    def one_line(self, lang: str = "en") -> str:
        """The message on one line. Errors whose text is built before the interface
        language is known (InputError) say it in `lang`; the others already speak it."""
        return " ".join(str(self).split())


class InputError(ProsecoError):
    """A document cannot be read: the message names the file and what to do. The problem
    is a catalogue key (model/messages_input.py) and its values, so the line is said in
    the interface language when it is printed; `str()` is the English line."""

    exit_code = EXIT_INPUT

    def __init__(self, path: str | Path, key: str, /, **values: object) -> None:
        self.path = str(path)
        self.key = key
        self.values = values
        super().__init__(f"{self.path}: {self.problem()}")

    def problem(self, lang: str = "en") -> str:
        """What is wrong, in `lang`; counts and sizes in that language's notation."""
        return t(self.key, lang, **{k: number(v, lang) for k, v in self.values.items()})

    def one_line(self, lang: str = "en") -> str:
        return " ".join(f"{self.path}: {self.problem(lang)}".split())


class PackError(ProsecoError):
    """A rule pack is invalid: the message names the file, the rule and the field."""

    exit_code = EXIT_USAGE

    def __init__(self, path: str | Path, problem: str, rule: str | None = None) -> None:
        self.path = str(path)
        self.rule = rule
        where = f"{self.path}" + (f" [rule {rule}]" if rule else "")
        super().__init__(f"{where}: {problem}")


class UsageError(ProsecoError):
    exit_code = EXIT_USAGE
