"""Escapers for the `concise` and `gitlab` formats, built on the one sanitiser
(proseco_check/sanitize.py): text from a document or a third-party pack is never written
raw. `concise_line` is one terminal line with no control, bidi or zero-width characters
and no `::` (a line starting `::` is a command to the GitHub runner); `gitlab_text` is the
same, cut to the length GitLab shows."""

from __future__ import annotations

from proseco_check.sanitize import break_commands, one_line


def concise_line(text: str) -> str:
    """`text` as one safe terminal line: no controls, no bidi tricks, single spaces."""
    return break_commands(" ".join(one_line(text).split()))


def gitlab_text(text: str, limit: int = 2000) -> str:
    """`text` for a GitLab Code Quality field: one line, at most `limit` characters."""
    clean = concise_line(text)
    return clean if len(clean) <= limit else clean[:limit - 1].rstrip() + "…"
