"""Fast paths of the readers and of folding give exactly what the plain code gave: folding
through the non-ASCII runs only, text normalisation by str.replace, character boxes and
fonts read with buffers made once per page."""

from __future__ import annotations

import ctypes
import re
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from hypothesis import given, settings
from hypothesis import strategies as st

from proseco_check.nlp.fold import _TABLE, fold
from proseco_check.nlp.view import _ALL_OPENERS, _first_opener_end
from proseco_check.readers import normalize
from proseco_check.readers.pdf import _CharInfo
from proseco_check.sanitize import clean_text

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
_PIECES = ["a", "B", " ", "  ", "\t", "\r", "\f", "\v", "\n", "-\n", "-", "Ł", "Ø", "à", "é",
           "ﬁ", "\u3000", "\x85", "\u2028", "\x0b", "\x1c", "ü", "İ", "\U0001d400",
           *normalize._REPLACEMENTS]
texts = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)),
                 max_size=30).map("".join)

_SPACES = re.compile(r"[ \t\r\f\v]+")
_TRANSLATE = str.maketrans(normalize._REPLACEMENTS)


def _reference_normalize(text: str) -> str:
    """normalize_text as it was written first: one translate(), every run of blanks
    replaced, every line stripped, hyphen breaks mended over the whole text."""
    text = unicodedata.normalize("NFKC", clean_text(text))
    text = normalize.repair_font_encoding(text.translate(_TRANSLATE))
    text = "\n".join(line.strip() for line in _SPACES.sub(" ", text).split("\n"))
    return normalize._HYPHEN_BREAK.sub(r"\1", text).strip()


@settings(max_examples=500, deadline=None)
@given(texts)
def test_normalize_text_equals_the_plain_version(text: str) -> None:
    assert normalize.normalize_text(text) == _reference_normalize(text)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_fold_equals_translate_of_the_whole_text(text: str) -> None:
    assert fold(text) == text.translate(_TABLE)
    assert len(fold(text)) == len(text)


def test_char_info_equals_pypdfium2s_helpers() -> None:
    """Boxes, sizes and boldness of the first character of every line of a sample."""
    pdf = pdfium.PdfDocument(str(SAMPLES / "it_disciplinare_carente.pdf"))
    checked = 0
    try:
        for page_no in range(min(3, len(pdf))):
            page = pdf[page_no]
            textpage = page.get_textpage()
            info = _CharInfo(textpage)
            for index in range(textpage.count_chars()):
                assert info.box(index) == textpage.get_charbox(index)
                size, bold = info.font(index)
                assert size == pdfium_c.FPDFText_GetFontSize(textpage.raw, index)
                weight = pdfium_c.FPDFText_GetFontWeight(textpage.raw, index)
                buffer = ctypes.create_string_buffer(128)
                flags = ctypes.c_int(0)
                pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buffer, 128, flags)
                assert bold == (weight >= 600 or b"bold" in buffer.value.lower())
                checked += 1
            textpage.close()
            page.close()
    finally:
        pdf.close()
    assert checked > 100


_OPENER_PIECES = st.sampled_from([*_ALL_OPENERS, *(o.upper() for o in _ALL_OPENERS),
                                  "a", " ", "(", "[", "Σ", "σ", "İ", "é", "(se", "ΑΣ"])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_OPENER_PIECES, st.text(max_size=3)), max_size=10).map("".join))
def test_first_opener_end_answers_what_each_lowered_prefix_answers(text: str) -> None:
    """A sentence lowers its text once to find its template openers; each match used to
    lower the text before it."""
    end = _first_opener_end(text)
    for start in range(len(text) + 1):
        before = text[:start].lower()
        expected = any(opener in before for opener in _ALL_OPENERS)
        assert (expected if end < 0 else end <= start) == expected


def test_a_primed_tokenizer_gives_the_tokens_of_a_cold_one() -> None:
    """A block over PRIME_FROM characters is tokenized in pieces first, to fill spaCy's
    cache; the Doc of the whole block must hold the tokens a fresh tokenizer gives it,
    special cases included (abbreviations, "EE. UU." with its space, "(art." split)."""
    import random

    from proseco_check.nlp.pipeline import build_pipeline
    from proseco_check.nlp.view import PRIME_FROM, _prime_tokenizer

    rng = random.Random(3)
    words = ["art.", "(art.", "D.Lgs.", "36/2023,", "s.m.i.", "EE.", "UU.", "EE. UU.", "l.",
             "clausola", "sociale;", "(CCNL)", "€ 1.000,00.", "30%", "\n", "  ", "e-mail",
             "n.", "l'art.", "«quota»", "pag.", "Sig.", "p.es.", "ecc.)", "vs.", "l’offerta"]
    text = " ".join(rng.choice(words) for _ in range(PRIME_FROM // 3))
    assert len(text) > PRIME_FROM
    for lang in ("it", "es"):
        cold, _ = build_pipeline.__wrapped__(lang, False, lemmas=False)
        primed, _ = build_pipeline.__wrapped__(lang, False, lemmas=False)
        _prime_tokenizer(primed, text)
        expected = [(t.text, t.whitespace_, t.idx) for t in cold.make_doc(text)]
        assert [(t.text, t.whitespace_, t.idx) for t in primed.make_doc(text)] == expected
