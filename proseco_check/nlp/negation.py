"""Negation scope on the tokens of one block: does a cue reach a clause match?

spaCy runs blank (no parser), so scope is read from token rules bounded by clause
boundaries. A bare cue reaches NEGATION_WINDOW tokens; a negated noun of obligation or a
negated verb of provision or expectation with its complement ("n'emporte aucune
obligation, pour le titulaire, de reprendre le personnel", "does not expect that the TUPE
Regulations will apply") carries the negation over its whole complement. Negative concord
is one negation ("n'est pas", "non comporta alcun"); two negations affirm ("non può non
applicare"). A run-in label ("Staff transfer: none", "5.3 Reprise du personnel. Le marché
n'emporte aucune obligation ...") is negated when its value denies and affirms nothing.
Word lists live in nlp/legal.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from proseco_check.nlp.fold import fold
from proseco_check.nlp.legal import (
    AFFIRMATIONS,
    AUXILIARY_AFFIRMATIONS,
    GIVEN_PHRASES,
    LABEL_PREFIXES,
    NEGATION_BOUNDARIES,
    NEGATION_COMPLEMENT_OPENERS,
    NEGATION_CONCORD,
    NEGATION_GOVERNOR_NOUNS,
    NEGATION_GOVERNOR_VERBS,
    NEGATION_INSERT_OPENERS,
    NEGATION_INVERTERS,
    NOT_APPLICABLE_AFTER,
    NOT_REQUIRED_AFTER,
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
# Longest run-in label (words), and its value (tokens, over ';'-joined sentences).
LABEL_MAX = 6
VALUE_MAX = 120
# French "ne" agrees with a preceding "aucun" ("Aucune clause n'est prévue").
_NE = frozenset({"ne", "n'", "n’"})
# A table row's cell bar ends its label as a colon does ("| Contrato reservado | NO |").
_LABEL_ENDS = frozenset({":", "–", "—", "|"})
# A denial in a label's value that names no word of the label still speaks of it when it
# denies that rules apply ("Staff transfer: ... does not expect TUPE to apply").
_APPLICATION = re.compile(r"\b(appl|aplic|toepass|anwend)", re.IGNORECASE)
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
        verb_second=lang in ("de", "nl"),
    )


def negated_before(doc: Doc, lo: int, start: int, end: int, lang: str) -> bool:
    """An odd number of negations reaches the match doc[start:end] from its clause (cues
    inside the match count too); `lo` is where the sentence starts."""
    lex = lexicon(lang)
    starts: frozenset[int] = doc.user_data["negation_starts"]
    found = _reaching(doc, lo, start, starts, lex)
    # A pattern that spans a gap reads the cue in it as part of what it relates ("tre
    # anni ..., senza opzione di rinnovo"; "target ..., non consente ... l'inserimento").
    found.extend(i for i in range(start, end) if i in starts)
    return _negations(doc, found, lex) % 2 == 1


def continues(doc: Doc, a: int, b: int, lang: str) -> bool:
    """Tokens doc[a:b] go on with the phrase before them, so a denial of that phrase
    denies what follows ("Non è previsto l'assorbimento di addetti | di un | precedente
    appaltatore"): a short run with no punctuation, clause boundary, inverter or cue."""
    if b - a > GOVERNED_WINDOW:
        return False
    lex = lexicon(lang)
    starts: frozenset[int] = doc.user_data["negation_starts"]
    return not any(t.is_punct or t.lower_ in lex.boundaries or t.lower_ in lex.inverters
                   or t.lower_ in lex.subordinate or t.i in starts for t in doc[a:b])


def _reaching(doc: Doc, lo: int, start: int, starts: frozenset[int], lex: Lexicon) -> list[int]:
    """The cues before `start` that reach it, in text order: walk back over the clause,
    skipping bracketed asides and one comma insert, stopping at a boundary or an
    inverter; keep the cues near the match, and those that negate a governor whose
    complement holds the match (never across a colon: "non intende valutare la qualità:
    il prezzo più basso")."""
    cues: list[tuple[int, int]] = []  # (token, tokens walked)
    governors: list[int] = []
    walked, inserted, colon, i = 0, False, False, start - 1
    while i >= lo and walked < GOVERNED_WINDOW:
        low = doc[i].lower_
        if low in (")", "]"):
            opened = _bracket_open(doc, i, lo)
            if opened is not None:
                i = opened - 1
                continue
        if low == ",":
            if _opens_complement(doc, i, lo, lex):
                i -= 1
                continue
            opened = None if inserted else _insert_open(doc, i, lo, starts, lex)
            if opened is None:
                break
            inserted, i = True, opened - 1
            continue
        if low in lex.boundaries or low in lex.inverters:
            break
        colon = colon or low == ":"
        walked += 1
        if i in starts:
            cues.append((i, walked))
        if not colon and _governs(doc, i, lex):
            governors.append(i)
        i -= 1
    return sorted(c for c, w in cues
                  if w <= NEGATION_WINDOW or _negates_governor(doc, c, governors, lex))


def _negates_governor(doc: Doc, cue: int, governors: list[int], lex: Lexicon) -> bool:
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


def _negations(doc: Doc, cues: list[int], lex: Lexicon) -> int:
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


def label_denied(doc: Doc, lo: int, hi: int, start: int, end: int, lang: str) -> bool:
    """The match sits in a run-in label (sentence doc[lo:hi]) whose value denies and
    affirms nothing: "Staff transfer: none", "Transfer of undertakings: the Authority
    does not expect ... to apply", "5.3 Reprise du personnel. Le marché n'emporte aucune
    obligation ...". A value part without any cue that states a duty affirms it."""
    found = _label_value(doc, lo, hi, start, end)
    if found is None:
        return False
    label, value = found
    lex = lexicon(lang)
    starts: frozenset[int] = doc.user_data["negation_starts"]
    topic = _stems(doc, *label)
    # The first clause of the value that says something decides: a figure or a duty
    # before any cue affirms ("Vertragslaufzeit: 24 Monate ab 1. August 2026. Eine
    # Verlängerung ist nicht vorgesehen"), a denial denies; a neutral clause ("the
    # service is delivered by the Council's own team as a pilot;") passes on.
    for a, b in _parts(doc, *value, lex):
        cues = [i for i in range(a, b) if i in starts]
        before = cues[0] if cues else b
        if any(_figure(doc, k) or (_affirms(doc[k].lower_, lex, topic, doc, a, b)
                                   and not _given(doc, k))
               for k in range(a, before)):
            return False
        if cues and _denies(doc, a, b, cues, lex, topic):
            return True
    return False


def _affirms(low: str, lex: Lexicon, topic: set[str], doc: Doc, a: int, b: int) -> bool:
    """A word of duty affirms the label; an auxiliary only in a clause about its subject."""
    if low not in lex.affirmations:
        return False
    return low not in AUXILIARY_AFFIRMATIONS or bool(topic & _stems(doc, a, b))


def _figure(doc: Doc, k: int) -> bool:
    """A figure that answers a label ("24 Monate", "30 %"), not a year in a law's name
    ("the ... Regulations 2003 are not expected to apply")."""
    text = doc[k].text
    return doc[k].like_num and not (len(text) == 4 and text.isdigit()
                                     and 1900 <= int(text) <= 2100)


def _given(doc: Doc, k: int) -> bool:
    """doc[k] is part of a phrase meaning "given": "compte tenu", "tenuto conto"."""
    low = doc[k].lower_
    before = doc[k - 1].lower_ if k > 0 else ""
    after = doc[k + 1].lower_ if k + 1 < len(doc) else ""
    return (before, low) in GIVEN_PHRASES or (low, after) in GIVEN_PHRASES


def _stems(doc: Doc, first: int, last: int) -> set[str]:
    """Word beginnings, to tell whether a denial speaks of the label's subject
    ("Reprise du personnel" ... "de reprendre le personnel")."""
    return {fold(t.lower_)[:5] for t in doc[first:last] if t.is_alpha and len(t) >= 4}


Range = tuple[int, int]


def _label_value(doc: Doc, lo: int, hi: int, start: int, end: int) -> tuple[Range, Range] | None:
    """The label's tokens and its value's, or None when the match is no label."""
    body = lo
    while body < start and _prefix(doc[body].lower_, doc[body].like_num, doc[body].is_punct):
        body += 1
    # In a table row the label is the match's own cell: "| G | Contrato reservado | No |".
    bars = [i for i in range(body, start) if doc[i].text == "|"]
    if bars:
        body = bars[-1] + 1
    for k in _label_tail(doc, body, end, hi):
        if doc[k].text in _LABEL_ENDS:
            if not _plain_label(doc, body, k) or k + 1 >= hi:
                return None
            if doc[k].text == "|" and _cells_after(doc, k + 1, hi) > 1:
                # "| Informe trimestral | No presentado en plazo | 300 € |": the next cell
                # is another column (the breach), not the label's answer.
                return None
            return (body, k), (k + 1, _continued(doc, hi))
    # A numbered run-in heading that is a sentence of its own: "5.3 Reprise du personnel."
    if body == lo or hi >= len(doc) or doc[hi - 1].text not in (".", ":"):
        return None
    if not _plain_label(doc, body, hi - 1) or any(t.like_num or t.text in _LABEL_ENDS
                                                  for t in doc[body:hi - 1]):
        return None
    return (body, hi - 1), (hi, _continued(doc, _sentence_end(doc, hi)))


def _cells_after(doc: Doc, first: int, hi: int) -> int:
    """How many filled cells the row has from doc[first] on."""
    cells, filled = 0, False
    for t in doc[first:hi]:
        if t.text == "|":
            cells, filled = cells + filled, False
        elif not t.is_space:
            filled = True
    return cells + filled


def _label_tail(doc: Doc, body: int, end: int, hi: int) -> list[int]:
    """The tokens after the match where the label may still end: LABEL_MAX + 4 tokens
    from its start, not counting a bracketed citation ("Contrato reservado (DA 4.a) |")."""
    tail: list[int] = []
    counted, depth = end - body, 0
    for k in range(end, hi):
        text = doc[k].text
        depth += (text == "(") - (text == ")")
        if depth <= 0 and text != ")":
            counted += 1
        if counted > LABEL_MAX + 4:
            break
        tail.append(k)
    return tail


def _plain_label(doc: Doc, first: int, last: int) -> bool:
    """A few words naming a subject, with no cue and no word that states or governs a
    duty ("Il personale deve essere assorbito:" is a sentence, not a label)."""
    lex = lexicon(doc.lang_)
    starts: frozenset[int] = doc.user_data["negation_starts"]
    words = [t for t in doc[first:last] if not t.is_punct]
    return len(words) <= LABEL_MAX and not any(
        t.i in starts or t.lower_ in lex.affirmations or t.lower_ in lex.verbs for t in words)


def _prefix(low: str, number: bool, punct: bool) -> bool:
    """Numbering before a label: "5.3", "Art. 7 –", "a)", "§ 4"."""
    return number or punct or low in LABEL_PREFIXES or (
        len(low) <= 4 and low.rstrip(".)").isdigit())


def _sentence_end(doc: Doc, start: int) -> int:
    for i in range(start + 1, min(len(doc), start + VALUE_MAX)):
        if doc[i].is_sent_start:
            return i
    return min(len(doc), start + VALUE_MAX)


def _continued(doc: Doc, end: int) -> int:
    """On to the end of the label's block (its list item or paragraph): "k) Übernahme von
    Personal: Die Wäsche wird bisher im Haus gewaschen; ... Eine Übernahme durch den
    Auftragnehmer ist nicht vorgesehen." The first part that says something decides."""
    return min(len(doc), end + VALUE_MAX)


def _parts(doc: Doc, first: int, last: int, lex: Lexicon) -> list[tuple[int, int]]:
    """The value's clauses: split at sentence starts and clause boundaries."""
    parts, a = [], first
    for i in range(first, last):
        cut = doc[i].lower_ in lex.boundaries
        if cut or (i > first and doc[i].is_sent_start):
            if i > a:
                parts.append((a, i))
            a = i + 1 if cut else i
    if last > a:
        parts.append((a, last))
    return parts


def _unbracketed_words(doc: Doc, a: int, b: int) -> list[int]:
    """The value's words outside brackets: a bracket cites or qualifies the answer."""
    words: list[int] = []
    depth = 0
    for k in range(a, b):
        text = doc[k].text
        depth += (text == "(") - (text == ")")
        if depth <= 0 and not doc[k].is_punct:
            words.append(k)
    return words


def _denies(doc: Doc, a: int, b: int, cues: list[int], lex: Lexicon, topic: set[str]) -> bool:
    """An odd negation that opens the value ("none", "non prevista"), or that speaks of
    the label's subject (a word of it, or rules that apply) and governs a word of
    obligation or provision ("does not expect the TUPE Regulations to apply") or says
    "not applicable" / "not required": "4.2 Lowest price. The Authority does not intend
    to assess quality" denies something else."""
    if _negations(doc, cues, lex) % 2 == 0:
        return False
    words = _unbracketed_words(doc, a, b)
    if words and words[0] in cues and len(words) <= 4:
        # "none", "non prevista", "not applicable", "NO (disposición adicional cuarta)"
        return True
    # Not a cue inside a relative or conditional clause ("a tender that does not meet
    # its obligations is rejected").
    main = next((k for k in range(a, b) if doc[k].lower_ in lex.subordinate), b)
    if not topic & _stems(doc, a, b) and not _APPLICATION.search(doc[a:b].text):
        return False
    governors = [g for g in range(a, b) if doc[g].lower_ in lex.nouns or doc[g].lower_ in lex.verbs]
    if any(_negates_governor(doc, c, governors, lex) for c in cues if c < main):
        return True
    text = fold(doc[a:main].text)
    return bool(NOT_APPLICABLE_AFTER.search(text) or NOT_REQUIRED_AFTER.search(text))
