"""Clause verdicts for one document: each clause is judged once, and facts, the profile
and the rules all read the same verdict, so they cannot disagree about a clause."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from proseco_check.clauses.candidates import first_found, may_hold
from proseco_check.clauses.patterns import (
    ClauseMatch,
    PatternTimeout,
    compile_pattern,
    match_any,
    search,
)
from proseco_check.clauses.prefilter import required_literals
from proseco_check.clauses.schema import Clause, ClauseContext
from proseco_check.clauses.vocabulary import clause as clause_by_id
from proseco_check.nlp.blanks import without_inert_blanks
from proseco_check.nlp.entities import value_for
from proseco_check.nlp.fold import fold
from proseco_check.nlp.legal import NOT_THIS_CONTRACT, OUTSIDE_CONTRACT, REFERRED_ELSEWHERE
from proseco_check.typed_marks import in_aside

if TYPE_CHECKING:  # spaCy loads with the view: commands without NLP need not
    from proseco_check.nlp.view import NlpView, Sentence


@dataclass
class ClauseVerdict:
    """What the document says about one clause: the operative (affirmed) matches, the
    negated ones ("non è riservato") and the named values it states."""

    clause: str
    affirmed: list[ClauseMatch] = field(default_factory=list)
    negated: list[ClauseMatch] = field(default_factory=list)
    values: dict[str, float] = field(default_factory=dict)
    # Every statement of each named value, in document order, with where it was read:
    # the match whose sentence states it, at the number.
    stated: dict[str, list[tuple[float, ClauseMatch]]] = field(default_factory=dict)
    # The document's language has no patterns for this clause: it cannot be judged.
    unjudged: bool = False

    @property
    def present(self) -> bool:
        return bool(self.affirmed)


class ClauseJudge:
    """Judges clauses on one NLP view, each at most once."""

    def __init__(self, view: NlpView) -> None:
        self.view = view
        self._verdicts: dict[str, ClauseVerdict] = {}
        # A clause whose expressions ran out of time stays timed out for this document:
        # every rule reading it is skipped without paying the timeout again.
        self._timeouts: dict[str, PatternTimeout] = {}
        # Sentence index -> whether it says it lies outside the contract, asked once.
        self._outside: dict[int, bool] = {}

    def verdict(self, clause_id: str) -> ClauseVerdict:
        if clause_id in self._timeouts:
            raise self._timeouts[clause_id]
        if clause_id not in self._verdicts:
            try:
                self._verdicts[clause_id] = judge(self.view, clause_by_id(clause_id),
                                                  self.verdict, self._outside)
            except PatternTimeout as exc:
                self._timeouts[clause_id] = exc
                raise
        return self._verdicts[clause_id]

    def verdict_or_unjudged(self, clause_id: str) -> ClauseVerdict:
        """The verdict, or an unjudged one when the clause's expressions ran out of time
        (a busy machine, a catastrophic pattern): facts and the profile go on without the
        clause, and the document says so (timed_out)."""
        try:
            return self.verdict(clause_id)
        except PatternTimeout:
            return ClauseVerdict(clause_id, unjudged=True)

    def timed_out(self) -> list[str]:
        """The clauses whose expressions ran out of time on this document."""
        return sorted(self._timeouts)

    def judged(self) -> dict[str, ClauseVerdict]:
        return dict(self._verdicts)


def judge(view: NlpView, clause: Clause,
          verdict_of: Callable[[str], ClauseVerdict] | None = None,
          outside_of: dict[int, bool] | None = None) -> ClauseVerdict:
    """The clause's verdict; `verdict_of` gives the verdicts of the clauses it lies
    `outside` (a ClauseJudge's, judged once; by default judged here), `outside_of`
    remembers which sentences lie outside the contract."""
    patterns = clause.patterns.get(view.language)  # type: ignore[call-overload]
    if not patterns:
        return ClauseVerdict(clause.id, unjudged=True)
    matches = [m for m in match_any(view, patterns)
               if not excluded(clause, view.language, m.sentence)
               and not _referred_elsewhere(m.sentence)
               and (clause.in_headings or not (_structural_heading(view, m)
                                               or _run_in_title(view, m)))]
    if clause.outside and matches:
        other = verdict_of or (lambda clause_id: judge(view, clause_by_id(clause_id)))
        taken = {m.sentence.index for clause_id in clause.outside
                 for m in (*other(clause_id).affirmed, *other(clause_id).negated)}
        matches = [m for m in matches if m.sentence.index not in taken]
    # what is said to lie outside this contract is denied here, and shown as such
    matches = [ClauseMatch(m.sentence, m.start, m.end, True)
               if not m.negated and (_outside_contract(view, m.sentence, outside_of)
                                     or _section_denies(m.sentence)
                                     or (clause.declinable and _declined(view, clause, m)))
               else m for m in matches]
    if clause.context is not None:
        matches = [m for m in matches if _in_context(view, m, clause.context)]
    verdict = ClauseVerdict(clause.id, affirmed=[m for m in matches if not m.negated],
                            negated=[m for m in matches if m.negated])
    if clause.values:
        _read_values(verdict, clause)
        if clause.require_values and not verdict.values:
            verdict.affirmed = []
    return verdict


# A section title run into its first sentence ("Reserva del contrato El órgano de
# contratación ... NO reserva este contrato"): at most five words (after a section
# number, "A.3" too), perhaps with its legal basis in brackets ("Reserva del contrato
# (disposición adicional cuarta LCSP): Se examinó ..."), followed by a capitalised
# word, which opens the sentence proper.
_RUN_IN_TITLE = re.compile(
    r"^\W*(?:(?:[A-Z]\.?)?[\dIVX]+(?:\.\d+)*[.)]?\s+)?(?:\S+\s+){0,4}?\S+\s+"
    r"(?:\([^()]{1,80}\)\W{0,2}\s+)?(?=[A-ZÀ-Ý])")


def _declined(view: NlpView, clause: Clause, match: ClauseMatch) -> bool:
    """The clause's decision stated as not taken (nlp/declined.py). When the match is a
    title's word run into the sentence, the sentence's own words decide: the decision's
    next occurrence, declined or negated. (A cited law's title in brackets is passed over
    where the match is found: clauses/patterns.py.)"""
    sentence = match.sentence
    if sentence.declined_at(match.start, match.end):
        return True
    title = _RUN_IN_TITLE.match(sentence.text)
    if title is None or match.end > title.end():
        return False
    anchors = [a for p in clause.patterns.get(view.language, []) for a in p.any]  # type: ignore[call-overload]
    after = sentence.folded[title.end():]
    found = first_found(anchors, after, memo=view.searches)
    if found is None:
        return False
    start, end = title.end() + found.start(), title.end() + found.end()
    return sentence.negated_at(start, end) or sentence.declined_at(start, end)


# Words one of which each document REFERRED_ELSEWHERE names holds.
_OTHER_DOCUMENT_WORDS = ("pcap", "pliego", "ccap", "cahier", "consultation", "disciplinare",
                         "capitolato", "bando", "leidraad", "inkoopvoorwaarden", "bestek")


def _referred_elsewhere(sentence: Sentence) -> bool:
    """The sentence leaves the clause's content to another document of the procedure: the
    clause is that document's, not this one's (`--procedure` reads them together)."""
    return _refers_elsewhere(sentence.lowered_folded() or sentence.folded.lower())


@lru_cache(maxsize=512)
def _refers_elsewhere(low: str) -> bool:
    """(once per sentence: every clause matched in it asks)"""
    return (any(word in low for word in _OTHER_DOCUMENT_WORDS)
            and REFERRED_ELSEWHERE.search(low) is not None)


def _structural_heading(view: NlpView, match: ClauseMatch) -> bool:
    """A heading the file marks as one ("2.3 Transfer of undertakings" in plain text, a
    Heading style in DOCX) names a topic and states no clause: its body does, negated or
    not; what its bracketed aside says is stated. PDF "headings" are guessed from bold
    type and are often award-table rows."""
    sentence = match.sentence
    return (sentence.block.kind == "heading" and view.document.format != "pdf"
            and not in_aside(sentence.folded, match.start, match.end))


# A run-in title: a label of at most four words, numbered or not, alone in its sentence
# and followed by its text in the same paragraph ("IV.3) Personale uscente. L'appalto è
# di nuova istituzione ...", "Subrogación. No procede."), that the match nearly covers:
# the text after it says whether the clause holds, as under a heading.
_ENUMERATOR = re.compile(
    r"^\s*(?:(?:art(?:icle|icolo|iculo|ikel)?\.?|§)\s*)?(?:[ivxlc]+|\d+|[a-z])"
    r"(?:[.)]\d*)*\)?\s*[-–.:)]?\s+", re.IGNORECASE)
_TITLE_WORDS = 4
# How much of the title the match must cover ("Personal des bisherigen | Auftragnehmers").
_TITLE_COVERED = 0.6


def _run_in_title(view: NlpView, match: ClauseMatch) -> bool:
    sentence = match.sentence
    text = sentence.folded.rstrip()
    if len(text) > 80 or any(c in text for c in "|:?;"):
        return False
    following = view.sentences[sentence.index + 1:sentence.index + 2]
    if not following or following[0].block_index != sentence.block_index:
        return False
    lead = _ENUMERATOR.match(text)
    body_start = lead.end() if lead else 0
    body = text[body_start:].rstrip(" .")
    if not body or len(body.split()) > _TITLE_WORDS or any(c.isdigit() for c in body):
        return False
    covered = min(match.end, body_start + len(body)) - max(match.start, body_start)
    return covered >= _TITLE_COVERED * len(body)


# A heading that declares what stands under it not applicable ("5. Sociale aspecten die
# niet van toepassing zijn", "Clausole sociali non applicabili"): a clause there is denied.
_NOT_APPLICABLE_SECTION = re.compile(
    r"(?:niet van toepassing|niet aan de orde|non applicabil\w*|non pertinent\w*"
    r"|non applicables?|ne s.appliqu\w* pas|sans objet|not applicable|do(?:es)? not apply"
    r"|no aplicables?|no (?:son |es )?de aplicacion|nicht anwendbar|keine anwendung)[^>]*$",
    re.IGNORECASE)


def _section_denies(sentence: Sentence) -> bool:
    section = sentence.location.section
    return section is not None and _NOT_APPLICABLE_SECTION.search(fold(section)) is not None


def _outside_contract(view: NlpView, sentence: Sentence,
                      known: dict[int, bool] | None = None) -> bool:
    """The sentence confines itself to other contracts, or one of the next two sentences
    of the block says that this is not part of the contract (a cemetery rule for
    headstones the framework does not buy)."""
    known = {} if known is None else known
    if sentence.index not in known:
        following = view.sentences[sentence.index + 1:sentence.index + 3]
        known[sentence.index] = _says_outside(sentence, NOT_THIS_CONTRACT) or any(
            s.block_index == sentence.block_index and _says_outside(s, OUTSIDE_CONTRACT)
            for s in following)
    return known[sentence.index]


# Words one of which each phrase of OUTSIDE_CONTRACT and NOT_THIS_CONTRACT holds: most
# sentences are ruled out by a substring test, not a regex scan.
_OUTSIDE_WORDS = ("contrat", "contract", "marche", "auftrag", "vertrag", "vereinbarung",
                  "vergabe", "ausschreibung", "leistung", "appalto", "affidamento",
                  "accord", "acuerdo", "agreement", "opdracht", "overeenkomst", "procurement",
                  "framework")


def _says_outside(sentence: Sentence, phrase: re.Pattern[str]) -> bool:
    return _phrase_outside(sentence.lowered_folded() or sentence.folded.lower(), phrase)


@lru_cache(maxsize=512)
def _phrase_outside(low: str, phrase: re.Pattern[str]) -> bool:
    """(once per sentence and phrase: every clause matched in the sentence asks)"""
    return any(word in low for word in _OUTSIDE_WORDS) and phrase.search(low) is not None


def excluded(clause: Clause, language: str, sentence: Sentence) -> bool:
    """The sentence is of a kind the clause never counts in this language (`exclude`).
    An expression whose required literals the sentence lacks is not searched."""
    low = sentence.lowered_folded()
    # the options a form leaves unticked say nothing ("[X] marché réservé [ ] non réservé")
    text = without_inert_blanks(sentence.folded)
    return any((low is None or may_hold(low, required_literals(source)))
               and search(compile_pattern(source), text)
               for source in clause.exclude.get(language, ()))  # type: ignore[call-overload]


def _in_context(view: NlpView, match: ClauseMatch, context: ClauseContext) -> bool:
    """The match's sentence or the next ones (PDF table rows are cut into several
    blocks), or the header row of its table ("| Elemento | Punti | Barrare |"), say one of
    the context words, or it sits in a matching section."""
    sentence = match.sentence
    following = view.sentences[sentence.index + 1:sentence.index + 1 + context.following]
    nearby = [sentence.folded] + [s.folded for s in following
                                  if s.block_index - sentence.block_index <= context.following]
    if sentence.block.header:
        nearby.append(fold(sentence.block.header))
    if any(search(compile_pattern(source), text) for text in nearby for source in context.any):
        return True
    return context.section is not None and view.in_section(sentence,
                                                           compile_pattern(context.section))


def _read_values(verdict: ClauseVerdict, clause: Clause) -> None:
    """Each named value in every affirmed sentence that states one: the number of its
    kind nearest to its `near` words (or to the match). `values` keeps the first (the
    profile shows it); `stated` keeps them all, so a rule checks each one (a recital
    of the legal 30 % does not hide a 10 % commitment further on)."""
    for name, spec in clause.values.items():
        for match in verdict.affirmed:
            numbers = [v for v in match.sentence.values if v.kind == spec.kind]
            if not numbers:
                continue
            position: int | None = match.start
            if spec.near is not None:
                hit = search(compile_pattern(spec.near), match.sentence.folded)
                position = hit.start() if hit else None
            if position is None:
                continue
            nearest = value_for(numbers, position, match.sentence.folded)
            if nearest is None:
                continue
            at = ClauseMatch(match.sentence, nearest.start, nearest.end, match.negated)
            verdict.stated.setdefault(name, []).append((float(nearest.value), at))
            verdict.values.setdefault(name, float(nearest.value))
