"""Property-based fuzzing: readers, the pack loader and the value/citation parsers must
either succeed or raise our one-line errors; never another exception, never a hang.

FUZZ_EXAMPLES scales the number of generated inputs (CI default keeps the suite fast;
a long run: FUZZ_EXAMPLES=3000 pytest tests/test_fuzz.py)."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proseco_check.engine.loader import load_pack
from proseco_check.errors import InputError, PackError
from proseco_check.nlp.entities import find_citations, find_values, parse_number
from proseco_check.readers import read_document

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
