"""Sentence starts for legal prose: spaCy's sentencizer over the token array, then the
splits legal text does not want undone (after "art.", "D.Lgs.", an initial; before a
lower-case word or a number) and the starts it needs added (a numbered item, a bullet,
a paragraph number in brackets). Registered as the `legal_sentences` component."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from typing import Any

import numpy
from spacy.attrs import IS_PUNCT, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from proseco_check.nlp.legal import ABBREVIATIONS


def doc_text(doc: Doc) -> str:
    """The Doc's text: the block's own string when _pipe left it (Doc.text joins every
    token again on each access)."""
    text = doc.user_data.get("text")
    return text if isinstance(text, str) else doc.text


# Sentence-final punctuation; ";" too, because tender clauses are long lists of items.
_PUNCT_CHARS = [".", "!", "?", ";", "。"]
_BULLETS = frozenset({"-", "–", "—", "•", "*", "·", "▪"})


@Language.factory("legal_sentences", default_config={"lang": "it"})
def make_legal_sentences(nlp: Language, name: str, lang: str) -> Callable[[Doc], Doc]:
    """spaCy's sentencizer, then undo the splits legal prose does not want: after an
    abbreviation or an initial ("art. 5", "L. 68/1999"), and before a lower-case word or
    a number ("36/2023. e s.m.i."). Only sentence starts are visited, not every token."""
    abbreviations = {a.rstrip(".") for a in ABBREVIATIONS.get(lang, ())}
    punct_ids = frozenset(nlp.vocab.strings.add(c) for c in _PUNCT_CHARS)

    def legal_sentences(doc: Doc) -> Doc:
        if len(doc) < 2:
            _sentencizer(doc, punct_ids)
            return doc
        starts = _sentencizer(doc, punct_ids, write=False)
        # Written back at once: each Token.is_sent_start assignment walks the whole Doc.
        undone: list[int] = []
        bullets: list[int] = []
        depth: Any = None
        opened = 0  # where the current sentence opens
        for i in starts:
            if i == 0:
                continue
            token, prev = doc[int(i)], doc[int(i) - 1]
            # "- che ...; - che l'importo": in a list of items that each open with a
            # bullet, the next item opens at its bullet; items that complete a lead-in
            # ("siano destinate: • per una quota ...; • per ...") stay with it.
            if (prev.text in _BULLETS and i > 1 and doc[int(i) - 2].text == ";"
                    and doc[opened].text in _BULLETS):
                undone.append(int(i))
                bullets.append(int(i) - 1)
                opened = int(i) - 1
                continue
            if prev.text == ";":
                if depth is None:
                    depth = _paren_depth(doc)
                if depth[int(i) - 1] > 0 and _closes_soon(doc, int(i)):
                    undone.append(int(i))
                else:
                    opened = int(i)
                continue
            # "... läuft 60 Monate. (2) Der geschätzte ...": the item opens at its bracket
            at = int(i) - 1 if prev.text == "(" and _bracketed_item(doc, int(i)) else int(i)
            before = doc[at - 1]
            word = (doc[at - 2].lower_ if before.text == "." and at > 1 else before.lower_
                    ).rstrip(".")
            abbreviation = word in abbreviations or (len(word) == 1 and word.isalpha())
            if at != int(i) and not abbreviation:
                undone.append(int(i))
                bullets.append(at)
                opened = at
                continue
            lower_start = not (token.is_title or token.is_upper or token.text[:1] in "(«\"[-")
            if lower_start and _numbered_item(doc, int(i)):
                lower_start = False
            if abbreviation or lower_start:
                undone.append(int(i))
            else:
                opened = int(i)
        _write_starts(doc, starts, undone, [*bullets, *_items_after_an_initial(doc)])
        return doc

    return legal_sentences


# An annex's letter closing a sentence, then the next numbered item: "... van bijlage B.
# 4.4 Social return is ...". The tokenizer keeps "B." whole, so no full stop is seen.
_ITEM_AFTER_INITIAL = re.compile(r"(?<=\b[A-Z]\. )\d{1,2}\.\d{1,2}\.? (?=[A-ZÀ-Ý])")


def _items_after_an_initial(doc: Doc) -> list[int]:
    """The first tokens of numbered items that follow an initial's full stop."""
    found: list[int] = []
    for m in _ITEM_AFTER_INITIAL.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.start() + len(m.group().split()[0]))
        if span is not None and _numbered_item(doc, span.start):
            found.append(span.start)
    return found


# "… (100 %). 7.2 Ungewöhnlich niedrige Angebote …": a numbered item opens a sentence when
# a capitalised word follows its number; "36/2023. e s.m.i." and "€ 100,00. 3 offerte"
# stay one sentence.
_LETTER_ITEM = re.compile(r"[a-z]")
_ITEM_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]")


def _paren_depth(doc: Doc) -> Any:
    """How many brackets are open at each token: a list in brackets, "(a; b; c)", is
    one sentence, not three."""
    orth = doc.to_array([ORTH])
    opens = (orth == doc.vocab.strings.add("(")).astype("int64")
    closes = (orth == doc.vocab.strings.add(")")).astype("int64")
    return numpy.cumsum(opens - closes)


def _closes_soon(doc: Doc, i: int) -> bool:
    """A ")" follows within 60 tokens: a stray "(" keeps no ";" from splitting a page."""
    return any(t.text == ")" for t in doc[i:i + 60])


def _bracketed_item(doc: Doc, i: int) -> bool:
    """A paragraph number in brackets, "(2) Der ...", "(b) The ...": a number or a letter
    between "(" and ")" and a capitalised word after it."""
    return (i + 2 < len(doc) and doc[i + 1].text == ")"
            and ((doc[i].text.isdigit() and len(doc[i].text) <= 2)
                 or _LETTER_ITEM.fullmatch(doc[i].text) is not None)
            and (doc[i + 2].is_title or doc[i + 2].is_upper))


def _numbered_item(doc: Doc, i: int) -> bool:
    if i + 2 < len(doc) and _LETTER_ITEM.fullmatch(doc[i].text) and doc[i + 1].text == ")":
        # "... del sistema. d) Lugar de ejecución: ...": a lettered item of a list
        return doc[i + 2].is_title or doc[i + 2].is_upper
    if not _ITEM_NUMBER.fullmatch(doc[i].text) or i + 1 >= len(doc):
        return False
    following = doc[i + 1]
    if following.text in (".", ")") and i + 2 < len(doc):
        following = doc[i + 2]
    # (a capital opens the item's title, hyphenated too: "4.3 Niet-nakoming: ...")
    return following.is_title or following.is_upper or following.text[:1].isupper()


def _sentencizer(doc: Doc, punct_ids: Collection[int], write: bool = True) -> list[int]:
    """spaCy's Sentencizer (punct_chars=_PUNCT_CHARS), over the token array instead of a
    walk over Token objects: a token that is neither punctuation nor a sentence-final
    character starts a sentence when such a character stands between it and the previous
    such token; so does the first token. Returns the indices of the starts and, with
    `write`, sets every token's sentence start (1 or -1). A plain loop over the array's
    rows: blocks are short, and a dozen numpy calls per block cost more than the loop."""
    if not len(doc):
        return []
    finals = punct_ids if isinstance(punct_ids, frozenset) else frozenset(
        int(i) for i in punct_ids)
    starts = [0]
    pending = False  # a sentence-final character since the last word
    for i, (orth, punct) in enumerate(doc.to_array([ORTH, IS_PUNCT]).tolist()):
        if orth in finals:
            pending = True
        elif not punct and pending:
            starts.append(i)
            pending = False
    if write:
        _write_starts(doc, starts, (), ())
    return starts


def _write_starts(doc: Doc, starts: list[int], undone: Sequence[int],
                  bullets: Sequence[int]) -> None:
    """Every token's sentence start at once (1 at `starts` and `bullets`, -1 elsewhere and
    at `undone`): each Token.is_sent_start assignment walks the whole Doc. The starts are
    also kept, in order, in user_data["sent_starts"] (view.py reads them instead of the
    array when no later component of the pipeline sets sentence starts)."""
    flags = numpy.full(len(doc), -1, dtype="int64")
    flags[starts] = 1
    if undone:
        flags[list(undone)] = -1
    if bullets:
        flags[list(bullets)] = 1
    doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]
    doc.user_data["sent_starts"] = (sorted(set(starts).difference(undone).union(bullets))
                                    if undone or bullets else starts)
