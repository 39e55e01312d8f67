"""The one sanitiser for everything that leaves the tool.

Documents and file names come from third parties and end up in terminals, CI logs, job
summaries, XML and Word files. Two layers:

1. `clean_text` removes control characters (C0 except tab and newline, DEL, C1, so ESC
   and every terminal escape sequence) and bidirectional overrides; readers apply it to
   document text when they read it, and `sanitize_report` applies it (through
   `display_name` for paths) to every string of a Report before any renderer sees it.
2. One escaper per format: GitHub workflow commands, Markdown, XML 1.0 (JUnit, DOCX)
   and URLs (http and https only). HTML uses `html.escape` plus `safe_url`.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

# C0 controls but tab (\t) and newline (\n), DEL, C1 controls (ESC is \x1b, CSI \x9b),
# and the bidirectional embeddings, overrides and isolates ("Trojan source").
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Controls that separate words (vertical tab, form feed, file/group/record/unit
# separators, NEL) become a space, so removing them does not glue two words.
_SPACING_CONTROL = re.compile(r"[\x0b\x0c\x1c-\x1f\x85]")
# A carriage return is a line break to a terminal: in text it becomes a newline.
_CRLF = re.compile(r"\r\n?")
_LINE_BREAKS = re.compile(r"[\t\n\r\u0085\u2028\u2029]+")
# Characters XML 1.0 cannot hold at all (after _CONTROL: surrogates, U+FFFE, U+FFFF).
_NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

T = TypeVar("T")


# Lone surrogates (a file name with bytes that are not UTF-8) cannot be printed at all.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


# Every character one of the four substitutions below changes: most texts have none.
_CLEANABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Text without control characters; newlines and tabs kept, CR folded into LF, lone
    surrogates shown as U+FFFD."""
    if not _CLEANABLE.search(text):
        return text
    text = _SURROGATE.sub("\ufffd", _CRLF.sub("\n", text))
    return _CONTROL.sub("", _SPACING_CONTROL.sub(" ", text))


def one_line(text: str) -> str:
    """Clean text on one line: every kind of line break becomes a space."""
    return _LINE_BREAKS.sub(" ", clean_text(text)).strip()


_DOUBLE_COLON = re.compile(r":(?=:)")


def break_commands(text: str) -> str:
    """Every `::` broken into `: :` (a line starting `::` is a command to the GitHub
    runner, and a renderer that wraps long text may start a line anywhere)."""
    return _DOUBLE_COLON.sub(": ", text)


def display_name(path: object) -> str:
    """A file name as it may be printed: one line, no control characters, no `::`."""
    return break_commands(one_line(str(path)))


def message_line(text: object) -> str:
    """A one-line message for stderr or a log (it names files): same rules as a name."""
    return display_name(text)


# ------------------------------------------------------------------ the Report


def multiline_text(text: str) -> str:
    """Clean text that may keep its line breaks (a model clause); no `::`."""
    return break_commands(clean_text(text))


def single_line_text(text: str) -> str:
    """Clean text on one line, no `::`."""
    return break_commands(one_line(text))


# Fields of the Report whose text may span lines; every other string is made one line.
_MULTILINE_FIELDS = frozenset({"fix", "message"})
_NAME_FIELDS = frozenset({"path", "baseline", "config"})


def _clean_string(value: str, field: str) -> str:
    if field in _NAME_FIELDS:
        return display_name(value)
    if field in _MULTILINE_FIELDS:
        return multiline_text(value)
    return single_line_text(value)


def _clean_value(value: Any, field: str) -> Any:
    if isinstance(value, str):
        return _clean_string(value, field)
    if _is_model(value):
        _clean_model(value)
        return value
    if isinstance(value, list):
        return [_clean_value(v, field) for v in value]
    if isinstance(value, tuple):
        return tuple(_clean_value(v, field) for v in value)
    if isinstance(value, dict):
        return {(single_line_text(k) if isinstance(k, str) else k): _clean_value(v, field)
                for k, v in value.items()}
    return value


def _is_model(value: object) -> bool:
    """A pydantic model (pydantic is not imported here: `--help` stays fast)."""
    return hasattr(type(value), "model_fields") and hasattr(value, "model_copy")


def _clean_model(model: Any) -> None:
    for name in type(model).model_fields:
        value = getattr(model, name)
        cleaned = _clean_value(value, name)
        if cleaned is not value:
            object.__setattr__(model, name, cleaned)


def sanitize_report(report: T) -> T:
    """A deep copy of a Report (or any model) whose every string is clean: no control
    characters, one line except model clauses and messages, no line starting `::`, and
    file names printable (`display_name`). Private attributes (timings) are kept."""
    if not _is_model(report):
        return report
    copy = report.model_copy(deep=True)  # type: ignore[attr-defined]
    _clean_model(copy)
    return copy  # type: ignore[no-any-return]


# ------------------------------------------------------------------ per format


def github_data(text: str) -> str:
    """The message of a workflow command: %, CR and LF escaped as the runner expects,
    and `::` broken so no command can be smuggled in."""
    text = clean_text(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return break_commands(text)


def github_property(text: str) -> str:
    """A property value (file=, title=): also `:` and `,` escaped."""
    return clean_text(text).replace("%", "%25").replace("\r", "%0D").replace(
        "\n", "%0A").replace(":", "%3A").replace(",", "%2C")


_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#!~|{}])")


def markdown_text(text: str) -> str:
    """Untrusted text inside Markdown: one line, raw HTML shown as text (`<` `>` `&` as
    entities), Markdown punctuation (emphasis, links, images, code, table pipes) escaped
    with a backslash. Bare `javascript:` text cannot become a link without `[]()` or `<>`."""
    text = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def markdown_code(text: str) -> str:
    """A code span that holds any text: a fence of backticks longer than any run inside,
    padded when the text starts or ends with a backtick; pipes escaped for tables."""
    text = one_line(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text else ""
    return f"{fence}{pad}{text.replace('|', chr(92) + '|')}{pad}{fence}"


def xml_text(text: str) -> str:
    """Text that XML 1.0 can hold (JUnit, DOCX): control characters and the code points
    XML forbids removed. Escaping of < & > is the XML writer's job."""
    return _NOT_XML.sub("", clean_text(text))


def safe_url(url: str | None) -> str | None:
    """Only http(s) links leave a report: a pack written by a third party must not put a
    javascript:, data: or file: link in front of a reader."""
    if not url:
        return None
    url = url.strip()
    if _CONTROL.search(url) or _SURROGATE.search(url) or any(c.isspace() or c in "<>\"'`\\" for c in url):
        return None
    if url.lower().startswith(("https://", "http://")):
        return url
    return None
