"""Renderers format a Report; they never decide a verdict."""

from proseco_check.render.github import render_github
from proseco_check.render.html import render_html
from proseco_check.render.json_out import render_json
from proseco_check.render.jsonl import render_jsonl
from proseco_check.render.junit import render_junit
from proseco_check.render.markdown import render_markdown
from proseco_check.render.sarif import render_sarif
from proseco_check.render.table import render_table

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
