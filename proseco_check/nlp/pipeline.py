"""The spaCy pipeline: a blank language (or a trained one when installed) plus our
rule-based components, registered by name like spaCy's own.

Components, in order:
- legal_sentences (nlp/sentences.py): sentence starts that respect legal abbreviations
  ("D.Lgs.", "art.") and open numbered items;
- lemmatizer: spaCy's lookup lemmatizer with tables from spacy-lookups-data;
- legal_values: citations, money, percentages, durations and CPV codes as spans;
- clause_markers: negation cues and optional-template text on tokens.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from proseco_check.nlp.blanks import unchosen_options
from proseco_check.nlp.entities import Citation, Value, find_citations, find_values, lowered
from proseco_check.nlp.legal import (
    ABBREVIATIONS,
    ALTERNATIVE_OR,
    NEGATION_CONCORD,
    NEGATION_CUES,
    NEGATION_EXCEPTIONS,
    NEGATION_IN_NAMES,
    VAT_WORDS,
)
from proseco_check.nlp.scope_words import (
    NEGATION_INVERTERS,
)
from proseco_check.nlp.sentences import doc_text  # (and registers legal_sentences)

TRAINED_PACKAGES: dict[str, tuple[str, ...]] = {
    "it": ("it_core_news_lg", "it_core_news_md", "it_core_news_sm"),
    "en": ("en_core_web_lg", "en_core_web_md", "en_core_web_sm"),
    "fr": ("fr_core_news_lg", "fr_core_news_md", "fr_core_news_sm"),
    "es": ("es_core_news_lg", "es_core_news_md", "es_core_news_sm"),
    "nl": ("nl_core_news_lg", "nl_core_news_md", "nl_core_news_sm"),
    "de": ("de_core_news_lg", "de_core_news_md", "de_core_news_sm"),
}
# Packages on PyPI that squat these names with a placeholder version: never trust them.
_PLACEHOLDER_VERSION = "999.9.9"


_BRACKETS = re.compile(r"[\[\]]")


@Language.component("legal_values")
def legal_values(doc: Doc) -> Doc:
    """Citations and values as plain lists in doc.user_data, each item (start of its
    token-aligned span, parsed item), in text order: span groups and `_` attributes cost
    more than the parsing."""
    text = doc_text(doc)
    low = lowered(text)
    citations: list[tuple[int, Citation]] = []
    for cit in find_citations(text, low):
        span = doc.char_span(cit.start, cit.end, alignment_mode="expand")
        if span is not None:
            citations.append((span.start_char, cit))
    values: list[tuple[int, Value]] = []
    for val in find_values(text, low):
        span = doc.char_span(val.start, val.end, alignment_mode="expand")
        if span is not None:
            values.append((span.start_char, val))
    doc.user_data["citations"] = citations
    doc.user_data["values"] = values
    return doc


def _denies(doc: Doc, start: int, end: int, lang: str, exceptions: set[str],
            names: list[tuple[str, ...]]) -> bool:
    """Whether the cue doc[start:end] denies: not before a threshold or an exception ("non
    inferiore"), not in a group's name ("not in employment"), not beside VAT ("IVA
    esclusa"), not an alternative ("whether or not TUPE applies"), not the French
    restrictive "ne ... que"."""
    following = doc[end].lower_ if end < len(doc) else ""
    preceding = doc[start - 1].lower_ if start > 0 else ""
    named = any(tuple(t.lower_ for t in doc[end:end + len(n)]) == n for n in names)
    return not (following in exceptions or named or following in VAT_WORDS
                or preceding in VAT_WORDS or preceding in ALTERNATIVE_OR
                or (lang == "fr" and _restrictive(doc, end)))


@Language.factory("clause_markers", default_config={"lang": "it"})
def make_clause_markers(nlp: Language, name: str, lang: str) -> Callable[[Doc], Doc]:
    """In doc.user_data: "negation", the indices of the tokens of cue words (minus false
    friends such as "non inferiore"), "negation_starts", the first token of each cue,
    and "template", the (start, end) characters of token-aligned text inside square
    brackets; a bracket left open by the previous block is carried in through
    user_data["brackets_open_in"] and out through "..._out"."""
    exceptions = set(NEGATION_EXCEPTIONS.get(lang, ())) | NEGATION_INVERTERS.get(lang, set())
    names = [tuple(name.split()) for name in NEGATION_IN_NAMES.get(lang, ())]
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    cues = NEGATION_CUES.get(lang, ())
    # The tokenizer splits some cues on their own ("n'" alone is "n", "'"), never in text.
    matcher.add("NEG", [nlp.make_doc(cue) for cue in cues]
                + [Doc(nlp.vocab, words=[cue]) for cue in cues if " " not in cue])
    # The English tokenizer keeps "No." whole (the abbreviation of "number"): before a
    # capital or a cell's end ("| Reserved contract | No. The call is ... |") it answers no.
    no_dot = nlp.vocab.strings.add("NO_DOT")
    if "no" in cues:
        matcher.add("NO_DOT", [Doc(nlp.vocab, words=["no."])])

    def clause_markers(doc: Doc) -> Doc:
        negation: set[int] = set()
        starts: set[int] = set()
        text = doc_text(doc)
        # the options a form leaves unticked beside a ticked one: template, and no denial
        unchosen = unchosen_options(text)
        for key, start, end in matcher(doc):
            following = doc[end].lower_ if end < len(doc) else ""
            if key == no_dot and not (end < len(doc) and (doc[end].is_title or following == "|")):
                continue
            if _denies(doc, start, end, lang, exceptions, names) and not any(
                    a <= doc[start].idx < b for a, b in unchosen):
                negation.update(range(start, end))
                starts.add(start)
        doc.user_data["negation"] = frozenset(negation)
        doc.user_data["negation_starts"] = frozenset(starts)
        depth = doc.user_data.get("brackets_open_in", 0)
        opened_at = 0 if depth else None
        ranges: list[tuple[int, int]] = []
        for m in _BRACKETS.finditer(text):
            if m.group() == "[":
                if depth == 0:
                    opened_at = m.start()
                depth += 1
            elif depth:
                depth -= 1
                if depth == 0 and opened_at is not None:
                    ranges.append((opened_at, m.end()))
        if depth and opened_at is not None:
            ranges.append((opened_at, len(text)))
        doc.user_data["brackets_open_out"] = depth
        template = [doc.char_span(a, b, alignment_mode="expand") for a, b in ranges + unchosen]
        doc.user_data["template"] = [(span.start_char, span.end_char)
                                     for span in template if span is not None]
        return doc

    return clause_markers


# "ne ... que" restricts ("n'est ouvert qu'aux structures d'insertion"), it does not deny:
# a "ne" with no partner ("pas", "aucun" ...) before a "que" within the clause.
_NE = frozenset({"ne", "n'", "n’"})
_NE_PARTNERS = NEGATION_CONCORD["fr"] | {"plus"}
_QUE = frozenset({"que", "qu'", "qu’"})


def _restrictive(doc: Doc, end: int) -> bool:
    if doc[end - 1].lower_ not in _NE:
        return False
    for token in doc[end:end + 8]:
        low = token.lower_
        if low in _NE_PARTNERS or low in (",", ";", "."):
            return False
        if low in _QUE:
            return True
    return False


def _add_abbreviations(nlp: Language, lang: str) -> None:
    for abbrev in ABBREVIATIONS.get(lang, ()):
        for form in {abbrev, abbrev.capitalize(), abbrev.upper(), _title_parts(abbrev)}:
            if re.fullmatch(r"[^\s]+", form):
                nlp.tokenizer.add_special_case(form, [{"ORTH": form}])  # type: ignore[union-attr]


def _title_parts(abbrev: str) -> str:
    """'d.lgs.' -> 'D.Lgs.' (the usual Italian spelling)."""
    return ".".join(part.capitalize() for part in abbrev.split("."))


def trained_package(lang: str) -> str | None:
    for package in TRAINED_PACKAGES.get(lang, ()):
        if spacy.util.is_package(package):
            try:
                from importlib.metadata import version

                if version(package) == _PLACEHOLDER_VERSION:
                    continue
            except Exception:
                continue
            return package
    return None


@lru_cache(maxsize=8)
def build_pipeline(lang: str, allow_trained: bool = True, lemmas: bool = True
                   ) -> tuple[Language, str]:
    """(nlp, mode) where mode is 'trained:<package>' or 'blank'. The blank pipeline gets
    the lookup lemmatizer only with `lemmas`: loading its tables takes about a second,
    so it is built only when a selected rule declares it needs lemmas."""
    package = trained_package(lang) if allow_trained else None
    if package:
        nlp = spacy.load(package, exclude=["ner"])
        mode = f"trained:{package}"
        if "senter" in nlp.pipe_names:
            nlp.disable_pipe("senter")  # our legal_sentences decides sentence starts
        nlp.add_pipe("legal_sentences", config={"lang": lang}, first=True)
    else:
        nlp = spacy.blank(lang)
        mode = "blank"
        nlp.add_pipe("legal_sentences", config={"lang": lang})
        if lemmas:
            try:
                nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
                logging.getLogger("spacy").setLevel(logging.ERROR)
                nlp.initialize()
            except Exception:  # lemmas are optional: rules that need them are skipped
                if "lemmatizer" in nlp.pipe_names:
                    nlp.remove_pipe("lemmatizer")
    _add_abbreviations(nlp, lang)
    nlp.add_pipe("legal_values")
    nlp.add_pipe("clause_markers", config={"lang": lang})
    nlp.max_length = 2_000_000
    return nlp, mode


def has_annotation(nlp: Language, need: str) -> bool:
    """Whether the pipeline provides an annotation a rule declares it needs."""
    need = need.upper()
    if need == "LEMMA":
        return "lemmatizer" in nlp.pipe_names
    if need in ("POS", "TAG", "MORPH"):
        return any(p in nlp.pipe_names for p in ("tagger", "morphologizer"))
    if need == "DEP":
        return "parser" in nlp.pipe_names
    return True
