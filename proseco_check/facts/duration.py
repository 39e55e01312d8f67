"""The contract's duration, in months: a duration written right after a label that names
the contract's term ("durata dell'appalto", "3.3 Durata:", "durée du marché", "plazo de
ejecución", "Looptijd:", "Ausführungszeitraum:", "for a fixed term of"), never the
procedure's length, an offer's validity, a payment term, a glossary or an age limit.

Tender texts run numbered items together ("3.2 Costi … 3.3 Durata: 24 mesi"), so a label
may stand anywhere in a sentence, and a sentence may name the term in passing ("per tutta
la durata del contratto") before it states it: every label of the sentence is tried, and
the value must follow it closely.
"""

from __future__ import annotations

import re
from functools import lru_cache

from proseco_check.clauses.patterns import ClausePattern, compile_pattern, match_any, search
from proseco_check.facts.common import lexicon, make_fact, patterns
from proseco_check.model.facts import Fact
from proseco_check.nlp.entities import DURATION_RE, parse_number, unit_months
from proseco_check.nlp.fold import fold
from proseco_check.nlp.shares import number_words
from proseco_check.nlp.view import NlpView, Sentence

__all__ = ["duration", "durations"]

# A label's value follows it within this many characters ("Durata: 24 mesi", "avrà una
# durata, decorrente dalla stipula, di 24 mesi"); a number further on belongs to
# something else.
LABEL_WINDOW = 80
_UNIT = (r"(?P<{}>mes[ie]|months?|mois|mes(?:es)?|maand(?:en)?|monate?n?|ann[io]|annees?|"
         r"years?|ans|anos?|jaar|jahre?n?|giorni|days?|jours|dias|dagen|tage[n]?)\b")  # folded
_MONTH_FIRST = re.compile(r"(?P<unit>mesi|months?|mois|meses|maanden|monate[n]?|anni|years?|"
                          r"ans|a[nñ]os|jaar|jahre[n]?)(?:\s*:\s*|\s+)(?P<num>\d{1,3})\b",
                          re.IGNORECASE)
# Weeks, which the shared duration entities do not read ("sedici settimane", "12 weeks").
_WEEKS = re.compile(r"\b(?P<num>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s*(?:\(\s*(?P<digits>\d{1,3})\s*\)\s*)?"
                    r"(?:settimane|weeks?|semaines?|semanas?|weken|wochen?)\b", re.IGNORECASE)
WEEK_MONTHS = 12 / 52
# Working days ("240 giorni lavorativi", "60 jours ouvrés", "90 werkdagen"): about 21.7 a
# month, not 30. The number may come before a compound unit ("werkdagen", "Arbeitstage").
_WORKING = re.compile(r"\s*(?:\(\s*\d{1,4}\s*\)\s*)?(?:giorni|days?|jours|dias|tage)?\s*"
                      r"(?:lavorativ|ouvr|habil|laborabl|working|business)", re.IGNORECASE)
_WORKING_UNIT = re.compile(r"\b(?P<num>\d{1,4})\s*(?:werkdagen|arbeitstage[n]?|werktage[n]?)\b",
                           re.IGNORECASE)
WORKING_DAY_MONTHS = 1 / 21.7
# The day unit after a duration's number ("240 (duecentoquaranta) giorni").
_DAY_UNIT = re.compile(r"[\w-]+\s*(?:\(\s*\d{1,4}\s*\)\s*)?(giorni|days?|jours|dias|tage)\b")
_DAY_MONTHS = 1 / 30
# A heading that names the term ("3. TERMINE DI ESECUZIONE", "1.7 Uitvoeringstermijn"):
# the term is the first duration of the section's first sentence, this far in at most.
HEADING_WINDOW = 160
HEADING_WORDS = 8
# An age ("persone di età inferiore ai trentasei anni", "under 25 years of age").
_AGE_BEFORE = re.compile(r"(\beta\b|\bages?\b|\bedad\b|leeftijd|\balter\b|moins de|"
                         r"\bunder\b|jonger dan|menores de|\bj[üu]nger)[^.;]{0,25}$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _word_regex() -> re.Pattern[str]:
    """Number words of every pack language ("vier jaar", "dix-huit mois") and "trenta (30)
    mesi" / "quarantotto (48) mesi"."""
    words = sorted(number_words(), key=len, reverse=True)
    return re.compile(
        rf"\b(?P<word>{'|'.join(re.escape(w) for w in words)})\s*"
        rf"(?:\(\s*(?P<digits>\d{{1,3}})\s*\)\s*)?{_UNIT.format('unit')}"
        rf"|\b[a-z]+\s*\(\s*(?P<paren>\d{{1,3}})\s*\)\s*{_UNIT.format('unit2')}",
        re.IGNORECASE)


def durations(text: str) -> list[tuple[int, float]]:
    """(offset, months) of the durations in `text`: "24 mesi", "trois ans", "vier jaar",
    "mesi 36"; ages are left out. Number words are read on the accent-folded text (the
    same length, so the offsets agree)."""
    found: list[tuple[int, float]] = []
    folded = fold(text)
    for m in DURATION_RE.finditer(text):
        number = parse_number(m.group("num"))
        if number is not None:
            found.append((m.start(), round(number * unit_months(m.group("unit")), 2)))
    words = number_words()
    for m in _word_regex().finditer(folded):
        raw = m.group("digits") or m.group("paren")
        number = float(raw) if raw else float(words[m.group("word").lower()])
        unit = m.group("unit") or m.group("unit2")
        found.append((m.start(), round(number * unit_months(unit), 2)))
    for m in _MONTH_FIRST.finditer(text):
        number = parse_number(m.group("num"))
        if number is not None:
            found.append((m.start(), round(number * unit_months(m.group("unit")), 2)))
    found = _working_days(folded, found) + _weeks(folded)
    return sorted(p for p in found if not _AGE_BEFORE.search(folded[max(0, p[0] - 40):p[0]]))


def _weeks(folded: str) -> list[tuple[int, float]]:
    words = number_words()
    found = []
    for m in _WEEKS.finditer(folded):
        raw = m.group("digits") or m.group("num")
        number = float(raw) if raw.isdigit() else words.get(raw.lower())
        if number is not None:
            found.append((m.start(), round(number * WEEK_MONTHS, 2)))
    return found


def _working_days(folded: str, found: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """Days read as calendar days that the text calls working days are rescaled; a
    number before "werkdagen" or "Arbeitstage" is read here."""
    out = []
    for pos, months in found:
        unit = _DAY_UNIT.match(folded, pos)
        if unit and _WORKING.match(folded, unit.start(1)):
            months = round(months / _DAY_MONTHS * WORKING_DAY_MONTHS, 2)
        out.append((pos, months))
    taken = {pos for pos, _ in out}
    for m in _WORKING_UNIT.finditer(folded):
        if m.start() not in taken:
            out.append((m.start(), round(int(m.group("num")) * WORKING_DAY_MONTHS, 2)))
    return out


def _labelled(sentence: Sentence, sources: list[str], option: str | None) -> float | None:
    """The first duration that closely follows one of the labels in the sentence, unless
    an option or a renewal comes between them ("Durata: opzione di proroga di 6 mesi")."""
    text = sentence.folded
    found = durations(sentence.text)
    starts = sorted((m.start(), m.end()) for source in sources
                    for m in compile_pattern(source).finditer(text))
    for start, end in starts:
        after = [(pos, months) for pos, months in found
                 if pos >= start and pos - end <= LABEL_WINDOW and months >= 1]
        if after and not (option and search(compile_pattern(option), text[end:after[0][0]])):
            return after[0][1]
    return None


def duration(view: NlpView) -> Fact:
    """The contract's duration: the value after a label of the lexicon's `duration`, in
    the same sentence or at the start of the next one (a form's label and value on two
    lines)."""
    found = patterns(lexicon()["duration"], view.language)
    sources = [s for p in found for s in p.any]
    option = lexicon()["duration_option"].get(view.language)
    for match in match_any(view, found):
        if match.negated:
            continue
        sentence = match.sentence
        value = _labelled(sentence, sources, option)
        if value is not None:
            return make_fact(value, [sentence])
        nxt = view.sentences[sentence.index + 1:sentence.index + 2]
        if nxt and not sentence.folded[match.end:].strip(" :.-\t"):
            first = [(p, m) for p, m in durations(nxt[0].text) if p < 20 and m >= 1]
            if first:
                return make_fact(first[0][1], [sentence, nxt[0]])
    term = _under_heading(view, found)
    return term if term.value is not None else _delivery(view)


def _delivery(view: NlpView) -> Fact:
    """The delivery period after its label (the lexicon's `duration_delivery`), for a
    document that states no other term: a supply is performed when it is delivered."""
    found = patterns(lexicon()["duration_delivery"], view.language)
    sources = [s for p in found for s in p.any]
    for match in match_any(view, found):
        value = None if match.negated else _labelled(match.sentence, sources, None)
        if value is not None:
            return make_fact(value, [match.sentence])
    return Fact()


def _under_heading(view: NlpView, found: list[ClausePattern]) -> Fact:
    """A heading that is only a label of the term ("TERMINE DI ESECUZIONE", "Art. 4 -
    Termini di esecuzione", "1.7 Uitvoeringstermijn"), which clause matching skips as a
    section title: the first duration early in the next sentence, unless that sentence
    is one the label excludes (an option, a guarantee, a payment term)."""
    sentences = view.sentences
    for sentence in sentences[:-1]:
        text = sentence.folded
        if len(text.split()) > HEADING_WORDS or text.rstrip().endswith((".", ";", ",")):
            continue
        label = next((p for p in found
                      if any(search(compile_pattern(a), text) for a in p.any)), None)
        nxt = sentences[sentence.index + 1]
        if label is None or nxt.block_index == sentence.block_index or \
                any(search(compile_pattern(n), nxt.folded) for n in label.none):
            continue
        first = [m for p, m in durations(nxt.text) if p < HEADING_WINDOW and m >= 1]
        if first:
            return make_fact(first[0], [sentence, nxt])
    return Fact()
