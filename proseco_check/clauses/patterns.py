"""Clause patterns: the one matching mechanism shared by rules and the profile.

A pattern is matched sentence by sentence on accent-folded text, case-insensitively:
`any` anchors the match, every group in `all` must also match in the same sentence
(or within `window` following sentences, or in the header row of the sentence's table),
and nothing in `none` may match. A table row whose header row holds an anchor matches
when the row itself holds every `all` group ("Quota minima delle nuove assunzioni" over
"Donne | 40 per cento"). Matches in
optional template text are dropped; negated matches ("non è riservata") are kept
apart, because an explicit "no" is evidence too.

Regular expressions come from packs that third parties write, so they are compiled
with the `regex` module and searched with a timeout (nlp/regexes.py): a catastrophic
pattern fails the rule, it does not hang the run; section patterns too.

Speed: an anchor is first looked for as the literals every match of it must hold
(clauses/candidates.py with clauses/prefilter.py, plain substring search); only the
sentences holding them are searched, and the result is exactly what one scan of the
whole document per anchor gave.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile
from typing import TYPE_CHECKING

import regex
from pydantic import BaseModel, Field, field_validator

from proseco_check.clauses.candidates import Candidate, first_found, sentences_to_try
from proseco_check.clauses.contents import contents_entry
from proseco_check.nlp.blanks import without_inert_blanks
from proseco_check.nlp.entities import lowered
from proseco_check.nlp.fold import fold
from proseco_check.nlp.legal import law_title_end
from proseco_check.nlp.regexes import (
    REGEX_TIMEOUT_S,
    PatternTimeout,
    compile_multiline,
    compile_pattern,
    search,
)
from proseco_check.nlp.scope_words import without_concessive
from proseco_check.typed_marks import in_aside, title_share

if TYPE_CHECKING:
    from proseco_check.nlp.view import NlpView, Sentence

__all__ = ["REGEX_TIMEOUT_S", "ClauseMatch", "ClausePattern", "PatternTimeout",
           "compile_pattern", "match_any", "match_pattern", "search"]
# Set while a cached model (a pack or a clause whose exact bytes passed full validation)
# is read back: check_regex then compiles nothing; expressions compile when first used.
_TRUSTING: ContextVar[bool] = ContextVar("proseco_trusting", default=False)


@contextmanager
def trusting() -> Iterator[None]:
    """Validate models read back from the validated-model cache without compiling their
    expressions again."""
    token = _TRUSTING.set(True)
    try:
        yield
    finally:
        _TRUSTING.reset(token)


class ClausePattern(BaseModel):
    model_config = {"extra": "forbid"}

    any: list[str] = Field(min_length=1)
    all: list[list[str]] = Field(default_factory=list)
    none: list[str] = Field(default_factory=list)
    window: int = Field(default=0, ge=0, le=5)
    negatable: bool = True
    section: str | None = None
    # Sections where the clause does not count (e.g. an award-criteria table naming a
    # social criterion is not a social execution clause).
    not_section: str | None = None

    @field_validator("any", "none")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        for source in value:
            check_regex(source)
        return value

    @field_validator("all")
    @classmethod
    def _groups_compile(cls, value: list[list[str]]) -> list[list[str]]:
        for group in value:
            for source in group:
                check_regex(source)
        return value


def check_regex(source: str) -> None:
    if _TRUSTING.get():
        return
    try:  # MULTILINE does not change what compiles; the matcher reuses this compilation
        compile_multiline(source)
    except regex.error as exc:
        raise ValueError(f"invalid regular expression {source!r}: {exc}") from None


@dataclass(frozen=True)
class ClauseMatch:
    sentence: Sentence
    start: int
    end: int
    negated: bool

    @property
    def text(self) -> str:
        return self.sentence.text.strip()


def _is_title(text: str) -> bool:
    return title_share(text) > 0.8


def _header_rows(view: NlpView, pattern: ClausePattern, candidates: dict[int, Candidate]
                 ) -> dict[int, Candidate]:
    """Table rows whose header row holds an anchor ("| Categoria | Quota minima delle
    nuove assunzioni |") and that hold every `all` group themselves ("| Donne | 40 per
    cento |"): the header says what each row is. Only patterns with `all` groups, so
    that the row itself always says something specific."""
    rows: dict[int, Candidate] = {}
    if not pattern.all:
        return rows
    for header, indices in view.table_rows().items():
        # (a header a `none` expression reads is no grid of this clause: a staff list)
        if first_found(pattern.any, header, memo=view.searches) is None or \
                first_found(pattern.none, header, memo=view.searches) is not None:
            continue
        for i in indices:
            folded = view.sentences[i].folded
            if i not in candidates and all(first_found(g, folded, memo=view.searches)
                                           for g in pattern.all):
                rows[i] = ((), None)
    return rows


# A "sentence" longer than this is no sentence (a page of text with no full stop): its
# `all` and `none` groups are read near the anchor, not over the whole text, so that a
# megabyte costs in proportion to its size. Real sentences are far shorter.
LONG_SENTENCE = 20_000
LOCAL_REACH = 5_000


def _local(folded: str, span: tuple[int, int]) -> str:
    if len(folded) <= LONG_SENTENCE:
        return folded
    return folded[max(0, span[0] - LOCAL_REACH):span[1] + LOCAL_REACH]


# Where an item of a list run into one sentence starts ("...: (a) the Contractor shall
# recruit ...; (b) ... placements to pupils"): after a colon or semicolon, an item letter,
# number or roman numeral closed by ")".
_ITEM_START = regex.compile(
    r"[;:]\s+(?:(?:and|or|et|ou|e|o|y|und|oder|en|of)\s+)?\(?(?:[a-z]|\d{1,2}|[ivx]{1,4})\)\s",
    regex.IGNORECASE)


@lru_cache(maxsize=256)
def _item_starts(folded: str) -> tuple[int, ...]:
    """Where each item of a list run into the sentence starts (once per sentence: every
    pattern with a `none` list asks)."""
    if len(folded) > LONG_SENTENCE:
        return ()
    return tuple(m.start() for m in _ITEM_START.finditer(folded))


def _own_item(folded: str, span: tuple[int, int]) -> str:
    """The lead-in and the anchor's own item, when the sentence is such a list: a sibling
    item's words (its users, its "may") say nothing about the anchor's item."""
    starts = _item_starts(folded)
    before = [s for s in starts if s <= span[0]]
    if len(starts) < 2 or not before:
        return folded
    end = next((s for s in starts if s >= span[1]), len(folded))
    return folded[:starts[0]] + folded[before[-1]:end]


def _holds(view: NlpView, pattern: ClausePattern, i: int, span: tuple[int, int]) -> bool:
    """Whether the `all` groups hold for the anchor at `span` of sentence i and no `none`
    expression does, in the sentence and the `window` sentences after it. `all` also
    reads the table's header row or caption; `none` reads only the lead-in and the
    anchor's own item of a list run into one sentence."""
    sentence = view.sentences[i]
    scope = lines = _local(sentence.folded, span)
    if pattern.window:
        # (text left for the bidder to fill in states nothing: it is no context)
        # the next section's title (in capitals: PDF "headings" in mixed case are mostly
        # bold rows) is no context; a grid row ends with its own cells:
        # the next row is another criterion, whose users or weight say nothing of this one's
        row = sentence.folded.startswith("|")
        following = [s.folded for s in takewhile(
            lambda s: not (s.block.kind == "heading" and _is_title(s.text))
            and not (row and s.folded.startswith("|")),
            view.sentences[i + 1:i + 1 + pattern.window])
            if s.block_index - sentence.block_index <= pattern.window and not s.template]
        # `all` reads one sentence a line, so that "$" still ends the anchor's own
        # ("| 20 % |"); `none` reads them as one text ("a page limit, and no weight").
        lines, scope = "\n".join([scope, *following]), " ".join([scope, *following])
    # the header row says "points" for the whole grid; a grid without one has a caption
    header = fold(sentence.block.header) if sentence.block.header else (
        view.caption(sentence) if pattern.all and sentence.folded.startswith("|") else None)
    context = f"{lines}\n{header}" if pattern.all and header else lines
    low = sentence.lowered_folded() if context is sentence.folded else lowered(context)
    if any(first_found(group, context, low, view.searches) is None
           for group in pattern.all):
        return False
    if not pattern.none:
        return True
    own = _own_item(sentence.folded, span)
    if own is not sentence.folded:  # (a short sentence: `scope` opens with it whole)
        scope = own + scope[len(sentence.folded):]
    low = low and (low[:len(scope)] if lines is scope else lowered(scope))
    # blanks that leave nothing to fill (a reference number, an unticked option) make no
    # sentence a form, as for the template flag; a concessive clause says nothing against
    # the main one ("... avec reprise de leur ancienneté, même si la CCT n° 32bis ne
    # s'applique pas")
    cleared = without_concessive(without_inert_blanks(scope))
    if cleared != scope:  # (a cached result may be an equal, earlier string)
        scope, low = cleared, low and lowered(cleared)
    return first_found(pattern.none, scope, low, view.searches) is None


def match_pattern(view: NlpView, pattern: ClausePattern) -> list[ClauseMatch]:
    """All operative matches of one pattern (template text excluded), negated or not.
    Section patterns run under the regex timeout like every other expression."""
    matches: list[ClauseMatch] = []
    candidates = sentences_to_try(view, pattern.any)
    candidates.update(_header_rows(view, pattern, candidates))
    if not candidates:  # nothing to compile: most patterns of a pack match nowhere
        return matches
    section = compile_pattern(pattern.section) if pattern.section else None
    excluded = compile_pattern(pattern.not_section) if pattern.not_section else None
    anchors = pattern.any
    sentences = view.sentences
    for i, (which, known) in sorted(candidates.items()):
        sentence = sentences[i]
        # A section title ("CLAUSOLA SOCIALE") is not a clause, but its bracketed aside
        # may state one. Mixed-case "headings" in PDFs are usually bold table rows (award
        # criteria) and do count.
        title = sentence.block.kind == "heading" and _is_title(sentence.text)
        if title and "(" not in sentence.text:
            continue
        if contents_entry(view, sentence):
            continue
        if which == ():  # a table row whose header holds the anchor: the row is the match
            span = (0, len(sentence.folded))
        else:
            tried = anchors if which is None else [anchors[j] for j in which]
            anchor = known if known is not None else first_found(tried, sentence.folded,
                                                                 memo=view.searches)
            if anchor is None:
                continue
            span = anchor.span()
            # a cited law's title in brackets names a topic: the sentence's own words
            # after it decide ("l'article 15 de la loi du 17 juin 2016 (entreprises de
            # travail adapté, ...) n'est pas appliqué")
            if (after := law_title_end(sentence.folded, *span)) is not None:
                if (anchor := first_found(tried, sentence.folded[after:])) is None:
                    continue
                span = (after + anchor.start(), after + anchor.end())
        if title and not in_aside(sentence.folded, *span):
            continue
        if section is not None and not view.in_section(sentence, section):
            continue
        if excluded is not None and view.in_section(sentence, excluded):
            continue
        if not _holds(view, pattern, i, span):
            continue
        start, end = span
        if sentence.in_template_at(start, end):
            continue
        negated = pattern.negatable and sentence.negated_at(start, end)
        matches.append(ClauseMatch(sentence, start, end, negated))
    return matches


def match_any(view: NlpView, patterns: list[ClausePattern]) -> list[ClauseMatch]:
    """Matches of several patterns, one per sentence, in document order."""
    # Each sentence's match, and whether its pattern lets negation reach it: one that
    # reads negation itself ("negatable: false": "no procede de proveedores vinculados a
    # trabajo forzoso") is never denied by another pattern's match.
    seen: dict[int, tuple[ClauseMatch, bool]] = {}
    for pattern in patterns:
        for m in match_pattern(view, pattern):
            index = m.sentence.index
            if index not in seen:
                seen[index] = (m, pattern.negatable)
                continue
            current = seen[index]
            if current[0].negated == m.negated:
                continue
            denied, other = (current, (m, pattern.negatable))
            if m.negated:
                denied, other = other, denied
            reaches = other[1] and _denial_reaches(denied[0], other[0])
            seen[index] = denied if reaches else other
    return [seen[k][0] for k in sorted(seen)]


def _denial_reaches(denied: ClauseMatch, other: ClauseMatch) -> bool:
    """Another pattern's match later in the same phrase as a denied one is denied with
    it: "Non è previsto l'assorbimento di addetti di un precedente appaltatore" states no
    take-over, though "precedente appaltatore" stands far from the "non"; so does a match
    inside the denied one."""
    if other.start < denied.start:
        return False
    return other.start <= denied.end or other.sentence.continues_from(denied.end, other.start)
