"""Renderers format a Report; they never decide a verdict."""

from .github import render_github
from .html import render_html
from .json_out import render_json
from .jsonl import render_jsonl
from .junit import render_junit
from .markdown import render_markdown
from .sarif import render_sarif
from .table import render_table

RENDERERS = {
    "table": render_table,
    "json": render_json,
    "jsonl": render_jsonl,
    "sarif": render_sarif,
    "junit": render_junit,
    "github": render_github,
    "markdown": render_markdown,
    "html": render_html,
}

__all__ = ["RENDERERS", "render_github", "render_html", "render_json", "render_jsonl", "render_junit",
           "render_markdown", "render_sarif", "render_table"]
