"""The fast paths of the value and citation parsers find exactly what the plain scans
find: lower-cased prefilters, law aliases tried only where one may start, and citations
paired with their law by bisection (linear in the text instead of quadratic)."""

from __future__ import annotations

import re
import sys

import numpy
from hypothesis import given, settings
from hypothesis import strategies as st

from proseco_check.nlp import entities as E

_CASE_SENSITIVE_LETTERS = re.compile("[a-z]", re.IGNORECASE)
# Fragments that make the generated texts full of near-misses and real citations.
_FRAGMENTS = [
    "art. 5", "Art. 61, comma 2, ", "artt. 3 e 4 ", "del D.Lgs. 36/2023", "d. lgs 50/2016",
    "D.L. 77/2021", "decreto-legge 31 maggio 2021, n. 77", "L. 68/99", "legge n. 381/1991",
    "Codice dei contratti", "codice", "CODE DE LA COMMANDE PUBLIQUE", "ccp", "Ley 9/2017",
    "LCSP", "Aanbestedingswet 2012", "GWB", "VgV", "SGB IX", "Procurement Act 2023",
    "Public Services (Social Value) Act", "Arrêté royal du 18 avril 2017", "wet van 17 juni 2016",
    "direttiva 2014/24/UE", "Directive (EU) 2014/23", " ", "\n", ", ", "€ 1.000,00", "30 %",
    "trenta per cento", "24 mesi", "CPV 45000000-7", "İ", "ı", "ſ", "\u212a", "x", "dl", "d l.",
    "l.", "ll.", "2023", "/", "procent", "EUR", "due anni",
]


def _reference_laws(text: str) -> list[tuple[int, int, str]]:
    """The scan without the fast path: the whole alternation over the whole text."""
    found = []
    for m in E._LAW_ANY.finditer(text):
        group = next(name for name, value in m.groupdict().items() if value is not None)
        found.append((m.start(), m.end(), E._LAW_KEYS[int(group[3:])]))
    return found


def _reference_citations(text: str) -> list[E.Citation]:
    """The pairing before it was linear: every article against every law."""
    laws = _reference_laws(text)
    citations, used = [], set()
    for m in E._ARTICLE.finditer(text):
        article = re.sub(r"\s+", "", m.group("article")).lower()
        law_key, end = None, m.end()
        for i, (ls, le, key) in enumerate(laws):
            if 0 <= ls - m.end() <= E.LAW_WINDOW and not re.search(r"\bart", text[m.end():ls], re.I):
                law_key, end = key, le
                used.add(i)
                break
        citations.append(E.Citation(m.start(), end, law_key, article, m.group("comma"),
                                    m.group("letter")))
    citations += [E.Citation(ls, le, key) for i, (ls, le, key) in enumerate(laws) if i not in used]
    return sorted(citations, key=lambda c: (c.start, c.end))


def _reference_values(text: str) -> list[E.Value]:
    """find_values with its prefilters defeated: a text with a case trap takes the plain
    path, and the trap is far from any value so the results are comparable."""
    return [E.Value(v.start, v.end, v.kind, v.value)
            for v in E.find_values(text + " " * 200 + "ı") if v.start < len(text)]


texts = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=6)),
                 max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_fast_law_scan_equals_the_plain_scan(text: str) -> None:
    assert E.find_laws(text) == _reference_laws(text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_linear_citations_equal_the_quadratic_pairing(text: str) -> None:
    assert E.find_citations(text) == _reference_citations(text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_value_prefilters_drop_nothing(text: str) -> None:
    assert E.find_values(text) == _reference_values(text)


def test_case_traps_are_all_the_characters_that_defeat_lowering() -> None:
    """Every non-ASCII character that re.IGNORECASE equates with an ASCII letter, or whose
    lower case has another length, is listed as a trap (so lowered() refuses the text)."""
    for code in range(128, sys.maxunicode + 1):
        ch = chr(code)
        if _CASE_SENSITIVE_LETTERS.fullmatch(ch) or len(ch.lower()) != 1:
            assert E.lowered(f"a{ch}b") is None, hex(code)


def test_dense_citations_are_paired_like_ordinary_ones() -> None:
    """One long paragraph of citations pairs each article with its own law."""
    text = " e ".join(f"art. {i % 90 + 1}, comma 2, del D.Lgs. 36/2023" for i in range(3000))
    citations = E.find_citations(text)
    assert len(citations) == 3000
    assert all(c.law == "it:dlgs-36-2023" and c.comma == "2" for c in citations)


def test_a_catastrophic_section_pattern_times_out_instead_of_hanging() -> None:
    """`section:` and `not_section:` run under the regex timeout like the anchors."""
    from proseco_check.clauses.patterns import ClausePattern, PatternTimeout, match_pattern
    from proseco_check.model.document import Block, Document, Location
    from proseco_check.nlp import build_view

    section = "a" * 40 + "!"
    block = Block(kind="paragraph", text="La clausola sociale si applica.",
                  location=Location(paragraph=1, section=section))
    view = build_view(Document(path="<t>", format="text", blocks=[block]), lang="it",
                      allow_trained=False, needs=frozenset())
    for field in ("section", "not_section"):
        pattern = ClausePattern.model_validate({"any": ["clausola"], field: "(a|aa)+b"})
        try:
            match_pattern(view, pattern)
        except PatternTimeout as exc:
            assert "(a|aa)+b" in str(exc)
        else:
            raise AssertionError(f"{field}: the catastrophic pattern did not time out")


# ---------------------------------------------------------------- clause prefilters


def test_required_literals_of_typical_patterns() -> None:
    from proseco_check.clauses.prefilter import required_literals

    assert required_literals(r"clausol[ae] social[ei]") == (("clausol",), (" social",))
    # The parser factors "assu" out of the branch: "giovan" is the most selective literal.
    assert required_literals(r"(assunzion\w*|assumere)[^.;]{0,60}giovan") == (
        ("giovan",), ("assu",), ("mere", "nzion"))
    assert required_literals(r"(assunzion\w*|obblig\w+)") == (("assunzion", "obblig"),)
    assert required_literals(r"art(icolo|\.)? ?61\b") == (("art",), ("61",))
    assert required_literals(r"\bCCNL\b") == (("ccnl",),)
    assert required_literals(r"(a|b)+") is None           # nothing long enough
    assert required_literals(r"x?(?:pari)?") is None       # optional parts require nothing
    assert required_literals(r"[[:alpha:]]abcd") is None   # read otherwise by `regex`
    assert required_literals(r"[a[:digit:]]abcd") is None  # a POSIX class inside a set
    # A set that opens with a colon is a set for both modules.
    assert required_literals(r"\baccessibilita\s*[:]") == (("accessibilita",), (":",))
    assert required_literals(r"(?:abcd){e<=1}") is None    # fuzzy matching
    assert required_literals(r"\p{L}+abcd") is None        # `re` cannot parse it


def test_prefiltered_candidates_equal_the_full_scan() -> None:
    """For every anchor of the built-in packs, on real samples: the sentences the
    prefiltered scan hands on are exactly those the full scan would have let through."""
    from pathlib import Path

    from proseco_check.clauses import candidates as C
    from proseco_check.clauses.vocabulary import vocabulary
    from proseco_check.nlp import build_view
    from proseco_check.nlp import regexes as R
    from proseco_check.nlp.regexes import first as first_match
    from proseco_check.readers import read_document

    samples = Path(__file__).resolve().parent.parent / "samples"
    for name in ("it_disciplinare_conforme.pdf", "fr_ccap_services_carente.docx"):
        view = build_view(read_document(samples / name), allow_trained=False, needs=frozenset())
        lang = view.language
        joined, starts = view.joined_folded()
        for clause in vocabulary().values():
            for pattern in clause.patterns.get(lang, []):  # type: ignore[call-overload]
                full: set[int] = set()
                for source in pattern.any:
                    full.update(R.lines_matching(R.compile_multiline(source), joined,
                                                 starts, 10.0))
                anchors = R.compile_all(tuple(pattern.any))
                expected = {i for i in full
                            if first_match(anchors, view.sentences[i].folded) is not None}
                got = {i for i in C.sentences_to_try(view, pattern.any)
                       if first_match(anchors, view.sentences[i].folded) is not None}
                assert got == expected, (clause.id, pattern.any)


def test_group_and_none_literal_skips_drop_no_match() -> None:
    """An `all` or `none` expression skipped because the sentence lacks its required
    literals never matches that sentence: checked for every such expression of the
    vocabulary on every sentence of two samples, and on mixed-case and accented text."""
    from pathlib import Path

    from proseco_check.clauses import candidates as C
    from proseco_check.clauses import prefilter as P
    from proseco_check.clauses.vocabulary import vocabulary
    from proseco_check.facts.common import lexicon
    from proseco_check.nlp import build_view
    from proseco_check.nlp.entities import lowered
    from proseco_check.readers import read_document

    samples = Path(__file__).resolve().parent.parent / "samples"
    checked = 0
    for name in ("it_disciplinare_conforme.pdf", "fr_ccap_services_carente.docx"):
        view = build_view(read_document(samples / name), allow_trained=False, needs=frozenset())
        texts = [s.folded for s in view.sentences] + ["ASSUNZIONI GIOVANILI 30 %", "Ünïcödé"]
        sources = {src for clause in vocabulary().values()
                   for pattern in clause.patterns.get(view.language, [])  # type: ignore[call-overload]
                   for src in [*pattern.none, *(x for group in pattern.all for x in group)]}
        # the facts lexicon's titles, which facts.common.first_match skips the same way
        kinds = lexicon()
        sources |= {src for entry in kinds["document_kind"].values() for src in entry["title"]}
        sources |= set(kinds["non_procurement"]["title"]) | set(kinds["non_procurement"]["declared"])
        for text in texts:
            low = lowered(text)
            for source in sources:
                if low is not None and not C.may_hold(low, P.required_literals(source)):
                    checked += 1
                    assert C.first_found([source], text) is None, (source, text)
    assert checked > 1000


# ---------------------------------------------------------------- sentences in arrays

_SENTENCE_BITS = [". ", "; ", "! ", "? ", "...", " (a) ", "art. 5 ", "D.Lgs. ", "Il ", "il ",
                  "«", "»", "-", "—", "2023.", "\n", "。", ",", ":", "x", "Zz", " "]


def _spacy_sentence_starts(text: str) -> list[int]:
    import spacy
    from spacy.pipeline import Sentencizer

    from proseco_check.nlp.sentences import _PUNCT_CHARS

    nlp = spacy.blank("it")
    doc = Sentencizer(punct_chars=_PUNCT_CHARS)(nlp.make_doc(text))
    return [t.i for t in doc if t.is_sent_start]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_SENTENCE_BITS), st.text(max_size=4)),
                max_size=40).map("".join))
def test_array_sentencizer_equals_spacys(text: str) -> None:
    import spacy

    from proseco_check.nlp.sentences import _PUNCT_CHARS, _sentencizer

    nlp = spacy.blank("it")
    doc = nlp.make_doc(text)
    ids = numpy.array([nlp.vocab.strings.add(c) for c in _PUNCT_CHARS], dtype="uint64")
    starts = [int(i) for i in _sentencizer(doc, ids)] if len(doc) else []
    assert starts == _spacy_sentence_starts(text)
    assert [t.i for t in doc if t.is_sent_start] == starts
    assert all(t.is_sent_start is not None for t in doc)


def test_legal_sentences_written_at_once_equal_token_by_token() -> None:
    """The starts undone after abbreviations ("art. 5", "D.Lgs. 36/2023") are the ones the
    token-by-token assignment gave, in a long paragraph."""
    from spacy.pipeline import Sentencizer

    from proseco_check.nlp.legal import ABBREVIATIONS
    from proseco_check.nlp.pipeline import build_pipeline
    from proseco_check.nlp.sentences import _PUNCT_CHARS

    text = " ".join(["Ai sensi dell'art. 5 del D.Lgs. 36/2023. e s.m.i. si applica la L. 68/99.",
                     "Il concorrente (a) presenta l'offerta; b) allega i documenti.",
                     "L'appalto è riservato. lo stesso vale per i lotti! Sì? ecc."] * 200)
    nlp, _mode = build_pipeline("it", False, lemmas=False)
    doc = nlp.get_pipe("legal_sentences")(nlp.make_doc(text))
    reference = Sentencizer(punct_chars=_PUNCT_CHARS)(nlp.make_doc(text))
    abbreviations = {a.rstrip(".") for a in ABBREVIATIONS["it"]}
    for token in list(reference)[1:]:
        if not token.is_sent_start:
            continue
        prev = reference[token.i - 1]
        if prev.text == ";":
            continue
        word = (reference[token.i - 2].lower_ if prev.text == "." and token.i > 1
                else prev.lower_).rstrip(".")
        if (word in abbreviations or (len(word) == 1 and word.isalpha())
                or not (token.is_title or token.is_upper or token.text[:1] in "(«\"[-")):
            token.is_sent_start = False
    assert [t.is_sent_start for t in doc] == [t.is_sent_start for t in reference]
    assert sum(1 for t in doc if t.is_sent_start) > 200


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab è-'.:\n", max_size=12), min_size=1, max_size=8),
       st.text(alphabet="ab è-'.:", min_size=1, max_size=4))
def test_word_index_finds_the_lines_a_scan_finds(parts: list[str], literal: str) -> None:
    """The lines holding a literal, from the word index, are the lines a search of the
    whole text finds (literals without word characters are searched in full)."""
    from proseco_check.clauses import prefilter

    lines = " ".join(parts).split("\n")
    low = "\n".join(lines)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    expected = frozenset(i for i, line in enumerate(lines) if literal in line)
    assert prefilter._lines_with(low, starts, literal) == expected
