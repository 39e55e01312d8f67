"""Build the NLP view of a Document: every body block through spaCy, then a flat list of
sentences that carry their location, accent-folded text, values, citations and markers.
Facts, the profile and the rules all read this view, never the raw document."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeVar

import numpy
import regex
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from proseco_check.model.document import Block, Document, Location
from proseco_check.nlp.blanks import PLACEHOLDER_NEEDS, without_inert_blanks
from proseco_check.nlp.declined import declined
from proseco_check.nlp.entities import Citation, Value, lowered
from proseco_check.nlp.fold import fold
from proseco_check.nlp.labels import label_denied
from proseco_check.nlp.langdetect import SUPPORTED, detect_language
from proseco_check.nlp.legal import NOT_APPLICABLE_AFTER, NOT_REQUIRED_AFTER, TEMPLATE_OPENERS
from proseco_check.nlp.negation import continues, negated_before
from proseco_check.nlp.pipeline import build_pipeline
from proseco_check.nlp.regexes import search
from proseco_check.nlp.scope_words import without_concessive
from proseco_check.typed_marks import EMPTY_BOX

# Fill-in placeholders of model forms ("codice ……", "______"): the sentence is a form to
# complete, not an operative clause. A run of dots followed by a figure within a word or
# two is a leader of a filled row ("Progetto tecnico .......... punti 10", "Importo
# .......... € 1.206.700,00"), not a blank.
_FILLED_AFTER = r"(?!\s*(?:[^\W\d_]+\.?\s*|[€$£]\s*){0,2}\d)"
_PLACEHOLDER = re.compile(
    rf"(?<!…)…{{2,}}(?!…){_FILLED_AFTER}|(?<!\.)\.{{5,}}(?!\.){_FILLED_AFTER}"
    r"|_{4,}|\[\s*\]|\bxxx+\b", re.IGNORECASE)


# A table cell that only offers boxes to tick ("| [ ] SÌ [ ] NO |"): the bidder's answer
# in its own cell leaves the row's other cells (an award element and its points) operative.
_BOX_CELL = re.compile(rf"(?<=\|)(?:\s*(?:{EMPTY_BOX.pattern})\s*[^\W\d_|]{{0,3}})+\s*(?=\|)")


def _has_placeholder(text: str) -> bool:
    if not (any(need in text for need in PLACEHOLDER_NEEDS) or "xxx" in text.lower()):
        return False
    if text.startswith("|"):
        text = _BOX_CELL.sub(" ", text)
    return bool(_PLACEHOLDER.search(without_inert_blanks(text)))


BRACKET_CARRY_CHARS = 2500
# How far up a grid's rows reach for the line that introduces it.
CAPTION_ROWS = 30
T = TypeVar("T")
_ALL_OPENERS = tuple({o for openers in TEMPLATE_OPENERS.values() for o in openers
                      if o.startswith(("(", "["))})


_SIGMA_IN_OPENERS = any(sigma in o for o in _ALL_OPENERS for sigma in "σς")


def _first_opener_end(text: str) -> int:
    """Where the earliest-ending template opener ends in the lower-cased text (beyond the
    text: none), asked once per sentence instead of lowering a prefix per match: an
    opener lies in text[:start].lower() exactly when it ends by `start` in text.lower(),
    as long as lowering maps each character to one (the length is kept; the only
    contextual mapping, the final sigma, is in no opener). -1 otherwise."""
    low = text.lower()
    if len(low) != len(text) or _SIGMA_IN_OPENERS:
        return -1
    ends = [found + len(opener) for opener in _ALL_OPENERS
            if (found := low.find(opener)) >= 0]
    return min(ends, default=len(text) + 1)


@dataclass
class Sentence:
    index: int
    block_index: int
    block: Block
    text: str
    folded: str
    span: Span
    template: bool
    citations: list[Citation] = field(default_factory=list)
    values: list[Value] = field(default_factory=list)
    # Where the first template opener ends in the text; -1: lowering changes the text's
    # length (offsets do not match), so each question lowers its own prefix.
    _opener_end: int | None = field(default=None, init=False, repr=False, compare=False)
    # folded.lower() when it keeps offsets, computed once: a sentence of a megabyte is
    # matched by hundreds of patterns
    _low: tuple[str | None] | None = field(default=None, init=False, repr=False, compare=False)

    def lowered_folded(self) -> str | None:
        """lowered(self.folded), once per sentence."""
        if self._low is None:
            self._low = (lowered(self.folded),)
        return self._low[0]

    @property
    def location(self) -> Location:
        return self.block.location

    def negated_at(self, start: int, end: int) -> bool:
        """Is the text between these character offsets negated?

        An odd number of negations reaches it from its clause (nlp/negation.py): a cue up
        to NEGATION_WINDOW tokens before the match or inside it ("La partecipazione non è
        riservata"), a negated noun of obligation or verb of provision over its complement
        ("n'emporte aucune obligation, pour le titulaire, de reprendre le personnel");
        so does a cue right after a colon that follows the match ("Partecipazione
        riservata: NO", "Clauses sociales : Sans"), a "not applicable" or "not required"
        predicate after it in the same clause ("Social Return is bij deze opdracht niet
        van toepassing", "Eine Verpflichtung zur Übernahme des Personals besteht nicht"),
        and a label whose value denies ("Staff transfer: the Council does not expect the
        TUPE Regulations to apply").
        """
        doc = self.span.doc
        base = self.span.start_char
        span = doc.char_span(base + start, base + end, alignment_mode="expand")
        if span is None:
            return False
        lang = doc.lang_
        # Both walks count cues only: negated_before those of the sentence up to the
        # match's end, label_denied those from the sentence on (a label's value may run
        # into the next line). Without any, neither can deny, and most matches have none.
        starts: frozenset[int] = doc.user_data["negation_starts"]
        lo = self.span.start
        if (any(lo <= i < span.end for i in starts)
                and negated_before(doc, lo, span.start, span.end, lang)):
            return True
        cues: frozenset[int] = doc.user_data["negation"]
        after = doc[span.end:min(self.span.end, span.end + 3)]
        if len(after) >= 2 and after[0].text == ":" and after[1].i in cues:
            return True
        main = without_concessive(self.folded)  # "..., même si la CCT ne s'applique pas"
        if (NOT_APPLICABLE_AFTER.match(main, end) is not None
                or NOT_REQUIRED_AFTER.match(main, end) is not None):
            return True
        return (any(i >= lo for i in starts)
                and label_denied(doc, lo, self.span.end, span.start, span.end, lang))

    def declined_at(self, start: int, end: int) -> bool:
        """Are the words between these offsets a decision stated as not taken, whatever
        the verb ("Ein Vorbehalt ... wurde nicht erklärt"; nlp/declined.py)?"""
        return declined(self.folded, self.span.doc.lang_, start, end)

    def continues_from(self, end: int, start: int) -> bool:
        """The text between these character offsets goes on with the phrase that ends at
        `end`, so a denial of that phrase reaches `start` (nlp/negation.py `continues`)."""
        doc = self.span.doc
        base = self.span.start_char
        gap = doc.char_span(base + end, base + start, alignment_mode="contract")
        if gap is None:
            return end >= start
        return continues(doc, gap.start, gap.end, doc.lang_)

    def in_template_at(self, start: int, end: int) -> bool:
        """Template text: the whole sentence, text in brackets, or text after an opener
        such as "(se previsto)" in the same sentence."""
        if self.template:
            return True
        if self._opener_end is None:
            self._opener_end = _first_opener_end(self.text)
        if self._opener_end < 0:
            before = self.text[:start].lower()
            if any(opener in before for opener in _ALL_OPENERS):
                return True
        elif self._opener_end <= start:  # an opener lies wholly before `start`
            return True
        base = self.span.start_char
        return any(t_start < base + end and base + start < t_end
                   for t_start, t_end in self.span.doc.user_data["template"])


@dataclass
class NlpView:
    document: Document
    language: str
    language_confidence: float
    nlp_mode: str
    nlp: Language
    sentences: list[Sentence]
    _joined: tuple[str, list[int]] | None = field(default=None, repr=False)
    _lowered: tuple[str | None] | None = field(default=None, repr=False)
    _section_hits: dict[tuple[str, int, str], bool] = field(default_factory=dict, repr=False)
    _rows: dict[str, list[int]] | None = field(default=None, repr=False)
    # Clause expressions searched in a text (a sentence, its window): many patterns share
    # their anchors and `none` lists, so each pair is searched once (clauses/candidates.py).
    searches: dict[tuple[str, str], regex.Match[str] | None] = field(default_factory=dict,
                                                                     repr=False)
    # Sentences that are entries of a table of contents (clauses/contents.py), once.
    contents_entries: frozenset[int] | None = field(default=None, repr=False)

    def joined_folded(self) -> tuple[str, list[int]]:
        """All folded sentences, one per line, and the offset where each starts."""
        if self._joined is None:
            starts: list[int] = []
            offset = 0
            for s in self.sentences:
                starts.append(offset)
                offset += len(s.folded) + 1
            self._joined = ("\n".join(s.folded for s in self.sentences), starts)
        return self._joined

    def joined_lowered(self) -> str | None:
        """joined_folded() in lower case, when lowering keeps offsets and case-insensitive
        matches (see entities.lowered); None otherwise."""
        if self._lowered is None:
            self._lowered = (lowered(self.joined_folded()[0]),)
        return self._lowered[0]

    def table_rows(self) -> dict[str, list[int]]:
        """The folded header row of each table, with the indices of its rows' sentences; a
        grid without a header row is keyed by the line that introduces it, when that line
        ends with a colon ("5.1 Quote sulle assunzioni necessarie per l'esecuzione:")."""
        if self._rows is None:
            self._rows = {}
            caption: str | None = None
            for s in self.sentences:
                if s.block.header:
                    self._rows.setdefault(fold(s.block.header), []).append(s.index)
                elif not s.folded.startswith("|"):
                    caption = s.folded if s.folded.rstrip().endswith(":") else None
                elif caption is not None:
                    self._rows.setdefault(caption, []).append(s.index)
        return self._rows

    def caption(self, sentence: Sentence) -> str | None:
        """The folded line that introduces a grid without a header row ("3.4 Ripartizione
        dei punteggi:", "Criterio: offerta tecnica 80"): the sentence just before the
        run of rows the sentence belongs to, at most CAPTION_ROWS rows up."""
        j = sentence.index
        while j > 0 and sentence.index - j < CAPTION_ROWS and self.sentences[j].folded.startswith("|"):
            j -= 1
        before = self.sentences[j]
        if j == sentence.index or before.folded.startswith("|") or \
                sentence.block_index - before.block_index > CAPTION_ROWS:
            return None
        return before.folded

    def in_section(self, sentence: Sentence, pattern: regex.Pattern[str]) -> bool:
        """Whether the sentence's section title matches: under the regex timeout (a pack's
        section pattern is untrusted too), once per pattern and title."""
        section = sentence.location.section
        if not section:
            return False
        key = (pattern.pattern, pattern.flags, section)
        hit = self._section_hits.get(key)
        if hit is None:
            hit = self._section_hits[key] = search(pattern, fold(section)) is not None
        return hit


def _sentences(doc: Doc, known: bool = False) -> list[Span]:
    """Sentence spans from the SENT_START array (doc.sents walks every token in Python),
    or, when `known` (no component after legal_sentences sets sentence starts), from the
    starts it kept: the same tokens, without reading the array again."""
    if not len(doc):
        return []
    kept = doc.user_data.get("sent_starts") if known else None
    starts = list(kept) if kept else [  # legal_sentences never undoes the first start
        int(i) for i in numpy.flatnonzero(doc.to_array([SENT_START]) == 1)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    bounds = [*starts, len(doc)]
    # Span(doc, a, b) is doc[a:b] for 0 <= a < b <= len(doc), without the slice's checks
    return [Span(doc, a, b) for a, b in itertools.pairwise(bounds) if b > a]


def _inside_brackets(sent: Span, text: str) -> bool:
    """The whole sentence (bar bullets and punctuation) is inside one bracketed span."""
    template: list[tuple[int, int]] = sent.doc.user_data["template"]
    if not template:
        return False
    core_start = sent.start_char + len(text) - len(text.lstrip(" -•▪*.;:,"))
    core_end = sent.end_char - (len(text) - len(text.rstrip(" .;:,")))
    return any(t_start <= core_start and core_end <= t_end for t_start, t_end in template)


def _in_sentence(items: list[tuple[int, T]], starts: list[int], sent: Span) -> list[T]:
    """The items whose token-aligned start lies in the sentence, in order (bisection on
    the sorted starts: linear however many sentences and items a block holds)."""
    lo = bisect.bisect_left(starts, sent.start_char)
    hi = bisect.bisect_left(starts, sent.end_char, lo)
    return [item for _, item in items[lo:hi]]


def _is_template_block(text: str, openers: tuple[str, ...]) -> bool:
    """`openers`: _block_openers(lang), built once per document."""
    return text.lower().lstrip("-•* ").startswith(openers)


def _block_openers(lang: str) -> tuple[str, ...]:
    return TEMPLATE_OPENERS.get(lang, ()) + TEMPLATE_OPENERS["it"]


def build_view(document: Document, lang: str | None = None, allow_trained: bool = True,
               needs: frozenset[str] | None = None) -> NlpView:
    """`needs` are the annotations the selected rules declare (LEMMA, POS, ...). The
    lookup lemmatizer costs about a second to load its tables, so it runs only when a
    rule needs lemmas; None means run every component."""
    body = [b for b in document.blocks if b.kind not in ("header", "footer")]
    sample = "\n".join(b.text for b in body[:400])
    detected, confidence = detect_language(sample)
    language = lang or detected
    if language not in SUPPORTED:
        language = detected
    nlp, mode = build_pipeline(language, allow_trained,
                               lemmas=needs is None or "LEMMA" in needs)
    sentences: list[Sentence] = []
    brackets = 0
    # Tokens of one block never exceed the model's max length: blocks are paragraphs.
    texts = [b.text[: nlp.max_length] for b in body]
    docs = _pipe(nlp, texts, brackets)
    openers = _block_openers(language)
    for block_index, (block, doc) in enumerate(zip(body, docs, strict=True)):
        block_template = _is_template_block(block.text, openers)
        doc_text = doc.user_data["text"]
        citations: list[tuple[int, Citation]] = doc.user_data["citations"]
        values: list[tuple[int, Value]] = doc.user_data["values"]
        citation_starts = [start for start, _ in citations]
        value_starts = [start for start, _ in values]
        for sent in _sentences(doc, known=mode == "blank"):
            raw = doc_text[sent.start_char:sent.end_char]  # == sent.text, without a token walk
            text = raw.strip()
            if not text:
                continue
            # One sentence per line in joined_folded(): a sentence never holds a newline.
            sent_text = raw.replace("\n", " ")
            rel = sent.start_char
            s = Sentence(
                index=len(sentences), block_index=block_index, block=block, text=sent_text,
                folded=fold(sent_text), span=sent,
                template=block_template or _is_template_block(text, openers)
                or _has_placeholder(text) or _inside_brackets(sent, raw),
            )
            s.citations = [Citation(c.start - rel, c.end - rel, c.law, c.article, c.comma, c.letter)
                           for c in _in_sentence(citations, citation_starts, sent)]
            s.values = [Value(v.start - rel, v.end - rel, v.kind, v.value)
                        for v in _in_sentence(values, value_starts, sent)]
            sentences.append(s)
    return NlpView(document=document, language=language, language_confidence=confidence,
                   nlp_mode=mode, nlp=nlp, sentences=sentences)


def _pipe(nlp: Language, texts: list[str], brackets: int) -> Iterator[Doc]:
    """Run blocks one by one so an open "[" carries into the following blocks: a bracketed
    optional section of an ANAC model often spans several paragraphs. A bracket left open
    for more than BRACKET_CARRY_CHARS is a typo or a stray "[", not a template section."""
    depth = brackets
    carried = 0
    components = [component for _, component in nlp.pipeline]  # a new list on every access
    for text in texts:
        if len(text) > PRIME_FROM:
            _prime_tokenizer(nlp, text)
        doc = nlp.make_doc(text)
        doc.user_data["text"] = text
        doc.user_data["brackets_open_in"] = min(depth, 3)
        for component in components:
            doc = component(doc)
        depth = doc.user_data["brackets_open_out"]
        carried = carried + len(text) if depth else 0
        if carried > BRACKET_CARRY_CHARS:
            depth, carried = 0, 0
        yield doc


# A block longer than this (a page of text with no paragraph break) is tokenized in pieces
# first. spaCy's tokenizer caches the tokens of each whitespace-delimited string across
# Docs, but within one Doc it stops caching once a special case ("art.", "D.Lgs.") has
# occurred (spaCy issue #1250): a megabyte in one block was split by the affix regexes
# string by string, 0.68 s against 0.08 s for the same text in paragraphs.
PRIME_FROM = 20_000
PRIME_PIECE = 1_000


def _prime_tokenizer(nlp: Language, text: str) -> None:
    """Tokenize the text in pieces of about PRIME_PIECE characters, cut after a space, and
    drop the Docs: each piece is a Doc of its own, so its strings enter the tokenizer's
    cache. The cache maps a string to the tokens the tokenizer gives that string alone,
    as it does for strings seen in earlier blocks, so the Doc of the whole text that
    follows is the same; it is built from cached strings (0.16 s in all for 1 MB)."""
    tokenizer = nlp.tokenizer
    start = 0
    while start < len(text):
        end = text.find(" ", start + PRIME_PIECE)
        end = len(text) if end < 0 else end + 1
        tokenizer(text[start:end])
        start = end
