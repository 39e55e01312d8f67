"""Which words of an example a rule's patterns match, for trainers: the spans of the
`any` anchors and `all` groups (and of the lawful `alternatives`) found in the text,
merged. Matching is done on accent-folded text, which keeps its length, so the spans
point into the original text. This only shows words; whether the example passes is the
rule engine's business (`proseco-check rules test`)."""

from __future__ import annotations

import html

import regex
from rich.text import Text

from proseco_check.clauses.patterns import REGEX_TIMEOUT_S, compile_pattern
from proseco_check.engine.schema import Rule
from proseco_check.nlp.fold import fold

Span = tuple[int, int]
OPEN, CLOSE = "«", "»"


def pattern_sources(rule: Rule, lang: str) -> list[str]:
    patterns = [*rule.patterns.get(lang, []), *rule.alternatives.get(lang, [])]  # type: ignore[call-overload]
    sources: list[str] = []
    for pattern in patterns:
        sources.extend(pattern.any)
        for group in pattern.all:
            sources.extend(group)
    return list(dict.fromkeys(sources))


def matched_spans(rule: Rule, text: str, lang: str) -> list[Span]:
    """Non-overlapping (start, end) spans, in order."""
    folded = fold(text)
    spans: list[Span] = []
    for source in pattern_sources(rule, lang):
        try:
            for match in compile_pattern(source).finditer(folded, timeout=REGEX_TIMEOUT_S):
                if match.end() > match.start():
                    spans.append(match.span())
        except (TimeoutError, regex.error):
            continue
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


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
