"""Errors that end a run with a one-line message and a documented exit code."""

from __future__ import annotations

from pathlib import Path

# Exit codes, documented in the README: keep them stable, CI scripts depend on them.
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3


class ProsecoError(Exception):
    """Base class: carries the exit code the CLI must return."""

    exit_code = EXIT_USAGE

    def one_line(self) -> str:
        return " ".join(str(self).split())


class InputError(ProsecoError):
    """A document cannot be read: the message names the file and what to do."""

    exit_code = EXIT_INPUT

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


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
