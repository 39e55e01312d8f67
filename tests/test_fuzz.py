"""Property-based fuzzing: readers, the pack loader and the value/citation parsers must
either succeed or raise our one-line errors; never another exception, never a hang.

FUZZ_EXAMPLES scales the number of generated inputs (CI default keeps the suite fast;
a long run: FUZZ_EXAMPLES=3000 pytest tests/test_fuzz.py)."""

from __future__ import annotations

import contextlib
import io
import os
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proseco_check.engine.loader import load_pack
from proseco_check.engine.placeholders import PLACEHOLDER, brace_problem, fill
from proseco_check.errors import InputError, PackError
from proseco_check.model.report import DocumentError
from proseco_check.nlp.entities import find_citations, find_values, parse_number
from proseco_check.pipeline.policy.globs import _glob_full_match as glob_full_match
from proseco_check.readers import read_document
from proseco_check.render import RENDERERS
from proseco_check.render.github import command as github_command
from proseco_check.sanitize import (
    clean_text,
    display_name,
    markdown_code,
    markdown_text,
    multiline_text,
    one_line,
    safe_url,
    sanitize_report,
    single_line_text,
    xml_text,
)
from proseco_check.yaml_io import YamlFileError, load_untrusted

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _mutate(data: bytes, flips: list[tuple[int, int]], cut: int | None) -> bytes:
    buffer = bytearray(data)
    for position, value in flips:
        buffer[position % len(buffer)] = value
    if cut is not None:
        buffer = buffer[: max(1, cut % len(buffer))]
    return bytes(buffer)


def _read(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    try:
        read_document(path)
    except InputError as exc:
        line = exc.one_line()
        assert "\n" not in line and name in line


mutations = st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), max_size=20)


@FUZZ
@given(flips=mutations, cut=st.none() | st.integers(0, 10**7))
def test_mutated_pdf_never_crashes(tmp_path: Path, flips, cut) -> None:
    original = (SAMPLES / "it_disciplinare_carente.pdf").read_bytes()
    _read(tmp_path, "fuzz.pdf", _mutate(original, flips, cut))


@FUZZ
@given(flips=mutations, cut=st.none() | st.integers(0, 10**7))
def test_mutated_docx_never_crashes(tmp_path: Path, flips, cut) -> None:
    original = (SAMPLES / "it_disciplinare_carente.docx").read_bytes()
    _read(tmp_path, "fuzz.docx", _mutate(original, flips, cut))


@FUZZ
@given(xml=st.text(max_size=400))
def test_docx_with_arbitrary_document_xml(tmp_path: Path, xml: str) -> None:
    source = zipfile.ZipFile(SAMPLES / "it_disciplinare_carente.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = xml.encode("utf-8", "surrogatepass")
            target.writestr(item, data)
    _read(tmp_path, "xml.docx", out.getvalue())


@FUZZ
@given(data=st.binary(min_size=1, max_size=2000))
def test_arbitrary_bytes_as_text_or_markdown(tmp_path: Path, data: bytes) -> None:
    _read(tmp_path, "fuzz.txt", data)
    _read(tmp_path, "fuzz.md", data)


@FUZZ
@given(text=st.text(max_size=300))
def test_parsers_never_raise(text: str) -> None:
    for value in find_values(text):
        assert 0 <= value.start <= value.end <= len(text)
    for citation in find_citations(text):
        assert 0 <= citation.start <= citation.end <= len(text)
    parse_number(text)


yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=30))
yaml_values = st.recursive(yaml_scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(st.text(max_size=12), children, max_size=4)),
    max_leaves=20)


@FUZZ
@given(doc=st.dictionaries(st.sampled_from(["pack", "rules", "x"]), yaml_values, max_size=3))
def test_arbitrary_yaml_packs_give_pack_errors(tmp_path: Path, doc) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    with pytest.raises(PackError):
        load_pack(path)


@FUZZ
@given(text=st.text(max_size=500))
def test_arbitrary_text_as_a_pack(tmp_path: Path, text: str) -> None:
    path = tmp_path / "raw.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        load_pack(path)
    except PackError as exc:
        assert "raw.yaml" in exc.one_line()


# ------------------------------------------------------------------ hostile inputs (issue 17)

# Text an attacker controls: control characters, escape sequences, workflow commands,
# Markdown and HTML, lone surrogates and the code points XML forbids.
hostile_text = st.lists(st.one_of(
    st.characters(), st.sampled_from(["\x1b", "\x9b", "\r", "\n", "::", "%", "`", "<", ">",
                                      "|", "[", "]", "(", ")", "javascript:", "\ufffe",
                                      "\ud800", "{", "}", "::error::", "&"])),
    max_size=40).map("".join)
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@FUZZ
@given(text=hostile_text)
def test_sanitiser_removes_every_control_character(text: str) -> None:
    for cleaned in (clean_text(text), one_line(text), display_name(text),
                    single_line_text(text), multiline_text(text)):
        assert not _FORBIDDEN.search(cleaned.replace("\n", "").replace("\t", ""))
    for line_only in (one_line(text), display_name(text), single_line_text(text)):
        assert "\n" not in line_only and "\r" not in line_only
    assert "::" not in display_name(text) and "::" not in multiline_text(text)


@FUZZ
@given(message=hostile_text, file=hostile_text, title=hostile_text)
def test_github_commands_cannot_be_forged(message: str, file: str, title: str) -> None:
    line = github_command("warning", message, file=file or None, line=3, title=title or None)
    assert "\n" not in line and "\r" not in line and "\x1b" not in line
    assert line.startswith("::warning ")
    head, _, data = line.partition("::")[2].partition("::")
    assert "::" not in data
    assert head.count(",") == (1 if file else 0) + (1 if title else 0)


@FUZZ
@given(text=hostile_text)
def test_markdown_text_and_code_spans_are_inert(text: str) -> None:
    inert = markdown_text(text)
    assert "<" not in inert and ">" not in inert and "\n" not in inert
    assert not re.search(r"(?<!\\)[`|\[\]()]", inert.replace("\\\\", ""))
    span = markdown_code(text)
    fence = re.match(r"`+", span).group()
    assert (span.endswith(fence) and fence * 1 not in span[len(fence):-len(fence)]) \
        or len(fence) > max((len(r) for r in re.findall(r"`+", span[len(fence):-len(fence)])),
                            default=0)


@FUZZ
@given(text=hostile_text)
def test_xml_text_always_parses(text: str) -> None:
    safe = xml_text(text)
    ET.fromstring(f"<a b={quoteattr(safe)}>{escape(safe)}</a>")


@FUZZ
@given(url=hostile_text)
def test_only_http_links_leave_a_report(url: str) -> None:
    for candidate in (url, "https://" + url, "javascript:" + url, " JAVASCRIPT:" + url):
        kept = safe_url(candidate)
        assert kept is None or (kept.lower().startswith(("http://", "https://"))
                                and not _FORBIDDEN.search(kept) and " " not in kept)


def _reference_glob(pattern: str) -> re.Pattern[str]:
    """The former backtracking implementation: the meaning the linear matcher keeps."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] in "*?":
            out.append("[^/]*" if pattern[i] == "*" else "[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


@FUZZ
@given(pattern=st.text(alphabet="ab/*?.", max_size=10), path=st.text(alphabet="ab/.", max_size=12))
def test_linear_globs_match_like_the_regex(pattern: str, path: str) -> None:
    assert glob_full_match(pattern, path) == bool(_reference_glob(pattern).match(path))


@FUZZ
@given(template=hostile_text, value=hostile_text)
def test_model_clauses_are_filled_by_name_only(template: str, value: str) -> None:
    filled = fill(template, {"ccnl_name": value, "jurisdiction": "it"})
    assert "__class__" not in filled or "__class__" in template + value
    assert len(filled) <= len(template) + template.count("{") * len(value)
    if brace_problem(template) is None:
        assert "{" not in PLACEHOLDER.sub("", template) and "}" not in PLACEHOLDER.sub("", template)
    else:
        assert "{" in template or "}" in template


@FUZZ
@given(text=st.text(max_size=300), anchors=st.integers(0, 12))
def test_untrusted_yaml_gives_yaml_errors_only(text: str, anchors: int) -> None:
    laughs = "a: &a [x, x]\n" + "".join(
        f"k{n}: &k{n} [{', '.join(['*a' if n == 0 else f'*k{n - 1}'] * 4)}]\n"
        for n in range(anchors))
    for source in (text, laughs, laughs + text):
        with contextlib.suppress(yaml.YAMLError, YamlFileError):
            load_untrusted(source)


@FUZZ
@given(path=hostile_text, message=hostile_text, notice=hostile_text)
def test_every_renderer_is_safe_on_hostile_strings(path: str, message: str, notice: str) -> None:
    from test_i18n import synthetic_report

    report = synthetic_report()
    doc = report.documents[0]
    doc.path = path or "x"
    doc.notices.append(notice)
    for finding in doc.findings:
        finding.message, finding.fix = message, message
    report.errors.append(DocumentError(path=path or "y", error=message))
    shown = sanitize_report(report)
    for fmt, render in RENDERERS.items():
        out = render(shown, ui_lang="en", verbose=True, color=False, packs=None)
        assert not _FORBIDDEN.search(out.replace("\n", "").replace("\t", "").replace("\r", "")), fmt
        assert not any(line.lstrip().startswith("::") for line in out.splitlines()
                       if not re.match(r"::(error|warning|notice) ", line)), fmt
        if fmt == "junit":
            ET.fromstring(out)
