"""Showing the words a rule's patterns match in an example (the spans are computed by
the engine, engine/describe.py, and carried by model.rule_info.ExampleInfo): in «» for a
file or a pipe, styled for a terminal, in <mark> for HTML; and the words that changed
between a flawed and a fixed wording, for the trainer's side-by-side view."""

from __future__ import annotations

import difflib
import html
import re

from rich.text import Text

Span = tuple[int, int]
OPEN, CLOSE = "«", "»"
# Words and numbers, whole: '30 per cento' is three tokens, '1.500,00' one.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|\w+|[^\w\s]")


def bracketed(text: str, spans: list[Span]) -> str:
    """'il «CCNL» applicato': plain text, for a file or a pipe."""
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], OPEN, text[start:end], CLOSE]
        last = end
    out.append(text[last:])
    return "".join(out)


def rich_text(text: str, spans: list[Span], style: str) -> Text:
    """The same text with the matched words styled, for a terminal."""
    styled = Text(text)
    for start, end in spans:
        styled.stylize(style, start, end)
    return styled


def html_marked(text: str, spans: list[Span]) -> str:
    """Escaped HTML with the matched words in <mark>."""
    out, last = [], 0
    for start, end in spans:
        out += [html.escape(text[last:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


def _tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text)]


def changed_spans(old: str, new: str) -> tuple[list[Span], list[Span]]:
    """The spans of whole words and numbers that differ between two wordings: (in the
    old text, in the new text). '20 per cento' vs '30 per cento' marks '20' and '30'."""
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(
        a=[old[s:e].lower() for s, e in old_tokens], b=[new[s:e].lower() for s, e in new_tokens],
        autojunk=False)
    old_spans: list[Span] = []
    new_spans: list[Span] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            old_spans.append((old_tokens[i1][0], old_tokens[i2 - 1][1]))
        if j2 > j1:
            new_spans.append((new_tokens[j1][0], new_tokens[j2 - 1][1]))
    return old_spans, new_spans
