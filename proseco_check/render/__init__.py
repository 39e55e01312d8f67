"""Renderers format a Report; they never decide a verdict."""

from .json_out import render_json
from .table import render_table

RENDERERS = {"json": render_json, "table": render_table}

__all__ = ["RENDERERS", "render_json", "render_table"]
