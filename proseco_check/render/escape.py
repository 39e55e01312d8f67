"""Escapers for the `concise` and `gitlab` formats (cli's formats).

Text in a finding can come from the checked document (quotes, section titles, values the
message repeats) or from a third-party rule pack, so a renderer never writes it raw:

- `concise_line`: one terminal line. Control characters (ESC starts a terminal escape
  sequence, CR/LF would forge another result line), bidirectional overrides (which make a
  terminal show text in another order than it is) and zero-width characters become a
  space; runs of white space become one space.
- `gitlab_text`: the same clean-up for the GitLab Code Quality report; the JSON encoder
  then escapes quotes and backslashes, and GitLab shows the text as plain text.

The escapers for GitHub workflow commands, Markdown, JUnit and SARIF live with those
renderers; these are named for their formats so the two sets can be merged.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, line and paragraph separators, zero-width characters, bidi
# embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), BOM.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e"
                     "\u2060-\u2069\ufeff]")
_SPACES = re.compile(r"\s+")


def concise_line(text: str) -> str:
    """`text` as one safe terminal line: no controls, no bidi tricks, single spaces."""
    return _SPACES.sub(" ", _UNSAFE.sub(" ", text)).strip()


def gitlab_text(text: str, limit: int = 2000) -> str:
    """`text` for a GitLab Code Quality field: one line, at most `limit` characters."""
    clean = concise_line(text)
    return clean if len(clean) <= limit else clean[:limit - 1].rstrip() + "…"
