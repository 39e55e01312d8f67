"""Negation scope on the tokens of one block: does a cue reach a clause match?

spaCy runs blank (no parser), so scope is read from token rules bounded by clause
boundaries. A bare cue reaches NEGATION_WINDOW tokens; a negated noun of obligation or a
negated verb of provision or expectation with its complement ("n'emporte aucune
obligation, pour le titulaire, de reprendre le personnel", "does not expect that the TUPE
Regulations will apply") carries the negation over its whole complement. Negative concord
is one negation ("n'est pas", "non comporta alcun"); two negations affirm ("non può non
applicare"). A concessive clause ("même si la CCT ne s'applique pas") denies nothing of
the main one. Run-in labels whose value denies are read by nlp/labels.py. Word lists
live in nlp/scope_words.py (scope) and nlp/legal.py (cues)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from proseco_check.nlp.legal import NEGATION_CONCORD
from proseco_check.nlp.scope_words import (
    AFFIRMATIONS,
    LIST_DISJUNCTIONS,
    NEGATION_BOUNDARIES,
    NEGATION_COMPLEMENT_OPENERS,
    NEGATION_GOVERNOR_NOUNS,
    NEGATION_GOVERNOR_VERBS,
    NEGATION_INSERT_OPENERS,
    NEGATION_INVERTERS,
    RELATIVE_POSSESSIVES,
    SUBORDINATE_OPENERS,
)

# How many tokens before a match a bare negation cue still negates it.
NEGATION_WINDOW = 6
# How far a negated governor's complement reaches, and how close its cue must stand.
GOVERNED_WINDOW = 12
GOVERNOR_GAP = 3
# Longest phrase between two commas, and bracketed aside, a cue reaches across.
INSERT_MAX = 6
BRACKET_MAX = 40
# French "ne" agrees with a preceding "aucun" ("Aucune clause n'est prévue").
_NE = frozenset({"ne", "n'", "n’"})
# Where a list item or table cell ends: no cue reaches across.
_ITEM_MARKS = frozenset({";", "•", "▪", "|", "·", "●", "◦"})


@dataclass(frozen=True)
class Lexicon:
    concord: frozenset[str]
    nouns: frozenset[str]
    verbs: frozenset[str]
    openers: frozenset[str]
    inverters: frozenset[str]
    boundaries: frozenset[str]
    inserts: frozenset[str]
    affirmations: frozenset[str]
    subordinate: frozenset[str]
    disjunctions: frozenset[str]
    verb_second: bool  # German and Dutch put the finite verb before "nicht"/"niet"


@lru_cache(maxsize=16)
def lexicon(lang: str) -> Lexicon:
    empty: frozenset[str] = frozenset()
    return Lexicon(
        concord=NEGATION_CONCORD.get(lang, empty),
        nouns=NEGATION_GOVERNOR_NOUNS.get(lang, empty),
        verbs=NEGATION_GOVERNOR_VERBS.get(lang, empty),
        openers=NEGATION_COMPLEMENT_OPENERS.get(lang, empty),
        inverters=NEGATION_INVERTERS.get(lang, empty),
        boundaries=NEGATION_BOUNDARIES.get(lang, empty) | _ITEM_MARKS,
        inserts=NEGATION_INSERT_OPENERS.get(lang, empty),
        affirmations=AFFIRMATIONS.get(lang, empty),
        subordinate=SUBORDINATE_OPENERS.get(lang, empty),
        disjunctions=LIST_DISJUNCTIONS.get(lang, empty),
        verb_second=lang in ("de", "nl"),
    )


def negated_before(doc: Doc, lo: int, start: int, end: int, lang: str) -> bool:
    """An odd number of negations reaches the match doc[start:end] from its clause (cues
    inside the match count too); `lo` is where the sentence starts."""
    lex = lexicon(lang)
    starts: frozenset[int] = doc.user_data["negation_starts"]
    found = _reaching(doc, lo, start, end, starts, lex)
    # A pattern that spans a gap reads the cue in it as part of what it relates ("tre
    # anni ..., senza opzione di rinnovo"; "target ..., non consente ... l'inserimento").
    inside = [i for i in range(start, end) if i in starts]
    # Across a colon the match holds two statements, each denied on its own: "non
    # comporta subentro: non opera personale del precedente fornitore" denies twice.
    colon = next((k for k in range(end - 1, start - 1, -1) if doc[k].text == ":"), None)
    if colon is not None and any(i > colon for i in inside):
        # (the first clause after the colon: "riassorbimento: non prevista, trattandosi di
        # fornitura senza personale" denies once; the aside's "senza" is its own)
        stop = next((k for k in range(colon + 1, end) if doc[k].text in (",", ";")), end)
        after = [i for i in inside if colon < i < stop]
        found.extend(i for i in inside if i < colon)
        return negations(doc, found, lex) % 2 == 1 or negations(doc, after, lex) % 2 == 1
    found.extend(inside)
    return negations(doc, found, lex) % 2 == 1


def continues(doc: Doc, a: int, b: int, lang: str) -> bool:
    """Tokens doc[a:b] go on with the phrase before them, so a denial of that phrase
    denies what follows ("Non è previsto l'assorbimento di addetti | di un | precedente
    appaltatore"): a short run with no punctuation, clause boundary, inverter or cue."""
    if b - a > GOVERNED_WINDOW:
        return False
    lex = lexicon(lang)
    starts: frozenset[int] = doc.user_data["negation_starts"]
    return not any(t.is_punct or _is_boundary(doc, t.i, lex) or t.lower_ in lex.inverters
                   or t.lower_ in lex.subordinate or t.i in starts for t in doc[a:b])


def _reaching(doc: Doc, lo: int, start: int, end: int, starts: frozenset[int], lex: Lexicon
              ) -> list[int]:
    """The cues before `start` that reach it, in text order: walk back over the clause,
    skipping bracketed asides, one comma insert and the commas of a list the match is an
    item of, stopping at a boundary or an inverter; keep the cues near the match, and
    those that negate a governor whose complement holds the match (never across a colon:
    "non intende valutare la qualità: il prezzo più basso")."""
    cues: list[tuple[int, int]] = []  # (token, tokens walked)
    governors: list[int] = []
    walked, inserted, colon, i = 0, False, False, start - 1
    listing = _list_goes_on(doc, end, lex)
    while i >= lo and walked < GOVERNED_WINDOW:
        low = doc[i].lower_
        if low in (")", "]"):
            opened = _bracket_open(doc, i, lo)
            if opened is not None:
                i = opened - 1
                continue
        if low == ",":
            if _opens_complement(doc, i, lo, lex) or listing:
                i -= 1
                continue
            opened = None if inserted else _insert_open(doc, i, lo, starts, lex)
            if opened is None:
                break
            inserted, i = True, opened - 1
            continue
        if _is_boundary(doc, i, lex) or low in lex.inverters:
            break
        colon = colon or low == ":"
        listing = listing or low in lex.disjunctions
        walked += 1
        if i in starts:
            cues.append((i, walked))
        if not colon and _governs(doc, i, lex):
            governors.append(i)
        i -= 1
    return sorted(c for c, w in cues
                  if w <= NEGATION_WINDOW or negates_governor(doc, c, governors, lex))


def negates_governor(doc: Doc, cue: int, governors: list[int], lex: Lexicon) -> bool:
    """The cue stands just before a governor ("does not expect", "aucune obligation"),
    or in German and Dutch just after its verb ("erwartet nicht, dass", "voorziet niet
    in"); not after a noun ("l'obbligo di non ridurre" is an obligation)."""
    return any(0 < g - cue <= GOVERNOR_GAP or (
        lex.verb_second and 0 < cue - g <= GOVERNOR_GAP and doc[g].lower_ in lex.verbs)
        for g in governors)


def _opens_complement(doc: Doc, comma: int, lo: int, lex: Lexicon) -> bool:
    """German and Dutch set a verb's complement off by a comma: "ist nicht verpflichtet,
    das Personal ... zu übernehmen", "erwartet nicht, dass ..."; every language sets off
    a possessive relative clause ("keinen Auftragnehmer, dessen Personal")."""
    if _next(doc, comma) in RELATIVE_POSSESSIVES:
        # "Es gibt keinen bisherigen Auftragnehmer, dessen Personal zu übernehmen wäre":
        # the relative clause belongs to the denied noun
        return True
    if "," not in lex.openers:
        return False
    before = doc[comma - 1].lower_ if comma > lo else ""
    return before in lex.verbs or _next(doc, comma) in lex.openers


def _is_boundary(doc: Doc, i: int, lex: Lexicon) -> bool:
    """A word that opens a clause no cue reaches; not the Italian "e'" that plain text
    writes for "è" ("Non vi e' personale da riassorbire")."""
    if doc[i].lower_ not in lex.boundaries:
        return False
    following = doc[i + 1] if i + 1 < len(doc) else None
    return following is None or following.text not in ("'", "’") or (
        following.idx != doc[i].idx + len(doc[i].text))


def _list_goes_on(doc: Doc, end: int, lex: Lexicon) -> bool:
    """A comma or a disjunction follows the match within a few tokens, before any other
    punctuation or boundary: the match is an item of a list ("opleiding, tewerkstelling
    van kansengroepen of arbeidsnormen")."""
    for t in doc[end:end + INSERT_MAX]:
        if t.lower_ in lex.disjunctions or t.text == ",":
            return t.lower_ in lex.disjunctions or _disjunction_after(doc, t.i, lex)
        if t.is_punct or t.lower_ in lex.boundaries:
            return False
    return False


def _disjunction_after(doc: Doc, comma: int, lex: Lexicon) -> bool:
    return any(t.lower_ in lex.disjunctions for t in doc[comma + 1:comma + 1 + INSERT_MAX])


def _next(doc: Doc, i: int) -> str:
    return doc[i + 1].lower_ if i + 1 < len(doc) else ""


def _governs(doc: Doc, i: int, lex: Lexicon) -> bool:
    """A noun of obligation always takes a complement; a verb only when one opens right
    after it ("expect that", "tenuto ad", "prévu de"), not a plain object ("non prevede
    penali per ... la clausola sociale")."""
    low = doc[i].lower_
    return low in lex.nouns or (low in lex.verbs and _next(doc, i) in lex.openers)


def _bracket_open(doc: Doc, close: int, lo: int) -> int | None:
    depth = 0
    for j in range(close, max(lo, close - BRACKET_MAX) - 1, -1):
        text = doc[j].text
        if text in (")", "]"):
            depth += 1
        elif text in ("(", "["):
            depth -= 1
            if depth == 0:
                return j
    return None


def _insert_open(doc: Doc, comma: int, lo: int, starts: frozenset[int], lex: Lexicon
                 ) -> int | None:
    """The opening comma of ", pour le titulaire," before this one: a short phrase with
    no cue, boundary or governor, that starts like an aside or is followed by the
    complement it interrupts ("obligation, ..., de reprendre")."""
    for j in range(comma - 1, max(lo, comma - INSERT_MAX - 1) - 1, -1):
        if doc[j].text != ",":
            continue
        inside = range(j + 1, comma)
        if not inside or any(k in starts or doc[k].lower_ in lex.boundaries
                             or _governs(doc, k, lex) for k in inside):
            return None
        if doc[j + 1].lower_ in lex.inserts or _next(doc, comma) in lex.openers:
            return j
        return None
    return None


def negations(doc: Doc, cues: list[int], lex: Lexicon) -> int:
    """How many negations the cues make: a concord word joins the negation before it,
    and so does a French "ne" after "aucun"; anything else starts a new one."""
    count, has_ne = 0, True
    for i in cues:
        low = doc[i].lower_
        if count and low in lex.concord:
            continue
        if count and low in _NE and not has_ne:
            has_ne = True
            continue
        count += 1
        has_ne = low in _NE
    return count
