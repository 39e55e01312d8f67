"""Renderers format a Report; they never decide a verdict.

`FORMATS` is the one list of output formats: `check --format`, its `--output-FORMAT`
options, their help and the usage errors are all derived from it. A renderer module is
imported only when its format is used, so `--help` stays fast; `RENDERERS` maps a format
name to its render function (`RENDERERS["sarif"](report, color=False, ui_lang="it")`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from proseco_check.model.report import Report

Renderer = Callable[..., str]


@dataclass(frozen=True)
class Format:
    """One output format: its name, where its renderer lives, what it is for."""

    name: str
    target: str  # "module:function" under proseco_check.render
    help: str

    def renderer(self) -> Renderer:
        module, _, function = self.target.partition(":")
        renderer: Renderer = getattr(importlib.import_module(f"proseco_check.render.{module}"),
                                     function)
        return renderer


FORMATS: tuple[Format, ...] = (
    Format("table", "table:render_table", "people at a terminal (default)"),
    Format("concise", "concise:render_concise",
           "one line per result: path:page:paragraph: RULE status message"),
    Format("html", "html:render_html", "a report to open in a browser"),
    Format("json", "json_out:render_json", "the whole report (docs/schema/report.schema.json)"),
    Format("jsonl", "jsonl:render_jsonl", "one JSON object per finding"),
    Format("sarif", "sarif:render_sarif", "SARIF 2.1.0 for code scanning"),
    Format("junit", "junit:render_junit", "JUnit XML for CI test reports"),
    Format("github", "github:render_github", "GitHub Actions workflow commands"),
    Format("gitlab", "gitlab:render_gitlab", "GitLab Code Quality report"),
    Format("markdown", "markdown:render_markdown", "merge-request comments, job summaries"),
)
FORMAT_NAMES: tuple[str, ...] = tuple(f.name for f in FORMATS)


class _Renderers(Mapping[str, Renderer]):
    """Format name -> render function, imported on first use."""

    def __init__(self) -> None:
        self._formats = {f.name: f for f in FORMATS}
        self._loaded: dict[str, Renderer] = {}

    def __getitem__(self, name: str) -> Renderer:
        if name not in self._loaded:
            self._loaded[name] = self._formats[name].renderer()
        return self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._formats)

    def __len__(self) -> int:
        return len(self._formats)


RENDERERS: Mapping[str, Renderer] = _Renderers()


def render(name: str, report: Report, **options: object) -> str:
    return RENDERERS[name](report, **options)


def formats_help() -> str:
    """'table, concise, … or markdown' for --format's help."""
    return f"{', '.join(FORMAT_NAMES[:-1])} or {FORMAT_NAMES[-1]}"


__all__ = ["FORMATS", "FORMAT_NAMES", "RENDERERS", "Format", "formats_help", "render"]
