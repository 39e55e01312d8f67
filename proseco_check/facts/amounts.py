"""Amounts: the estimated value of the procurement and its labour costs, in euros.

Buyers write amounts in many ways: "€ 622.080,00", "622.080,00 euro", "EUR 1,2 milioni",
"1,2 millions d'euros", "2 079 176,66 EUR", a table cell "Importo a base di gara
190.239,79" with no currency at all. An amount belongs to the keyword before it unless
another label stands between them ("importo a base di gara ... comprende i costi della
manodopera pari a € X": X is the labour cost). Thresholds ("superiore a 250 milioni di
euro") and amounts in another currency (CHF, GBP, ARS) are never a value in euros.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from proseco_check.clauses.patterns import compile_pattern, search
from proseco_check.facts.common import lexicon, make_fact, patterns
from proseco_check.model.facts import Fact
from proseco_check.nlp.blanks import BLANK
from proseco_check.nlp.entities import parse_number
from proseco_check.nlp.view import NlpView, Sentence

# (TED prints "144 000.00": a space between thousands, a decimal point)
_NUM = (r"\d{1,3}(?:[.\s\u202f'’]\d{3})+(?:,\d{1,2})?|\d{1,3}(?:[\s\u202f]\d{3})+\.\d{2}(?!\d)"
        r"|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:[.,]\d{1,2})?")
_SCALE = (r"(?P<{}>mln|milion[ei]|millions?|millones?|miljoen|millionen|mio\.?|mrd|miliardi|"
          r"milliards?|billion|bn\b|k€|mila\b|mil\b|m(?=\s?€)|m\b)")
_S1, _S2 = _SCALE.format("s1"), _SCALE.format("s2")
_EUR = r"(?:€|eur(?:o|os)?\b)"
_OTHER = r"(?:CHF|GBP|£|ARS|USD|US\$|\$|fr\.|pesos?\b)"
MONEY = re.compile(
    rf"(?P<pre>{_EUR}|{_OTHER})\s*(?P<n1>{_NUM})(?:\s*{_S1})?"
    rf"|(?P<n2>{_NUM})\s*(?:{_S2}\s*(?:d[ie]\s*|d'|de\s*)?)?(?P<post>{_EUR}|{_OTHER})",
    re.IGNORECASE)
# A bare amount with cents ("190.239,79"): money only right after a value keyword.
BARE = re.compile(r"(?<![\d.,])(?P<n>\d{1,3}(?:[.\s]\d{3})+,\d{2}|\d{1,3}(?:,\d{3})+\.\d{2}"
                  r"|\d{1,3}(?:\s\d{3})+\.\d{2})"
                  r"(?![\d.,])")
# Comparisons make a threshold, not the value of this contract.
THRESHOLD_WORDS = (
    "superiore|inferiore|pari o superiore|non inferiore|oltre|fino a|almeno|minimo|soglia",
    "sup[ée]rieur|inf[ée]rieur|au-dessus|en dessous|jusqu.a|exc[eè]d\\w*|d[ée]pass\\w*|"
    "au moins( [ée]gale?)?|seuil",
    "superior|inferior|hasta|m[áa]s de|menos de|como m[íi]nimo|umbral",
    "boven|onder|meer dan|ten minste|drempel",
    "[üu]ber|unter|bis zu|mindestens|schwellenwert",
    "above|below|exceed\\w*|up to|less than|more than|at least|threshold",
)
THRESHOLD = re.compile(rf"({'|'.join(THRESHOLD_WORDS)})\s*(a|al|à|de|di|dei|del|than|van)?\s*\W{{0,3}}$",
                       re.IGNORECASE)
LOOKAHEAD = 220


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    value: float
    euro: bool


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    w = word.lower()
    if w.startswith("milliard") or w.startswith("miliard") or w.startswith("mrd"):
        return 1e9
    if w in ("mila", "mil", "k€"):
        return 1e3
    if w in ("billion", "bn"):
        return 1e9
    return 1e6  # mln, milioni, millions, millones, miljoen, Millionen, Mio., M€, m


def find_amounts(text: str, bare: bool = False) -> list[Amount]:
    """Amounts written in `text`; with `bare`, numbers with cents and no currency too."""
    found: list[Amount] = []
    for m in MONEY.finditer(text):
        number = parse_number(m.group("n1") or m.group("n2"))
        if number is None:
            continue
        currency = (m.group("pre") or m.group("post") or "").lower()
        euro = currency.startswith(("€", "eur"))
        found.append(Amount(m.start(), m.end(), number * _scale(m.group("s1") or m.group("s2")), euro))
    if bare:
        taken = [(a.start, a.end) for a in found]
        for m in BARE.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            number = parse_number(m.group("n"))
            if number is not None:
                found.append(Amount(m.start(), m.end(), number, True))
    return sorted(found, key=lambda a: a.start)


def _other_label(view: NlpView, kind: str, text: str) -> bool:
    """Does `text` (between a keyword and an amount) name a different amount?"""
    others = lexicon()["amount_labels_other"].get(kind, {}).get(view.language, [])
    return any(re.search(p, text, re.IGNORECASE) for p in others)


# Per-lot amounts under a value label ("Perceel 1: … Perceel 2: … Totaal: …"): the
# value of the procedure is the total, when one is written.
LOT_LABEL = re.compile(r"\b(lot(to|e|s)?|perce(el|len)|los(e)?)\s*(n[.°º]?\s*)?\d+\s*[:.)-]?\s*$",
                       re.IGNORECASE)
TOTAL_LABEL = re.compile(r"\b(totaal|total|totale|complessiv[oa]|gesamt(summe|betrag|wert)?|"
                         r"insgesamt|tous lots confondus)\b[^\d€;]{0,50}", re.IGNORECASE)
# A caption ("Tabella 1 - Importo dell'appalto / Voce / Servizio a canone 1.221.600,00 /
# … / Importo complessivo 1.248.000,00"): the first amount is a row's, the total is the
# value. A label that runs into its amount ("Importo: € X", "è di € X") is not a caption.
CAPTION_GAP = 25


def _lots_total(text: str, end: int) -> float | None:
    """The total written after per-lot amounts or a table's rows, if any."""
    for total in TOTAL_LABEL.finditer(text, end, end + 2 * LOOKAHEAD):
        amounts = find_amounts(text[total.end():total.end() + 30], bare=True)
        if amounts and amounts[0].start == 0 and amounts[0].euro:
            return amounts[0].value
    return None


# A closed parenthesis between a label and its amount qualifies the label ("Valore
# stimato (fatturato generato per tutta la durata, IVA esclusa): € X"): its words name no
# other amount and make no caption.
_ASIDE = re.compile(r"\([^()]*\)")


def amount_after(view: NlpView, kind: str, text: str, end: int, following: str = ""
                 ) -> float | None:
    """The first euro amount after a keyword ending at `end`, unless a threshold word or
    another amount's label stands before it; after per-lot amounts, their total, which
    may stand in the `following` sentences (a list of lots, one line each)."""
    window = text[end:end + LOOKAHEAD]
    asides = [m.span() for m in _ASIDE.finditer(window)]
    for amount in find_amounts(window, bare=True):
        if not amount.euro and any(a < amount.start < b for a, b in asides):
            continue  # "Valore stimato (art. 14 del codice): € 172.800,00": a citation
        before = _ASIDE.sub(" ", text[end:end + amount.start])
        if _other_label(view, kind, before):
            return None
        if kind == "value" and (LOT_LABEL.search(before)
                                or len(before.strip(" :-–€()")) > CAPTION_GAP):
            total = _lots_total(f"{text} {following}", end + amount.end)
            if total is not None:
                return total
        if THRESHOLD.search(text[max(0, end + amount.start - 40):end + amount.start]):
            continue
        rest = text[end + amount.end:end + amount.end + 40]
        if LINK_AFTER.match(rest) and _other_label(view, kind, rest):
            continue  # "€ 12.000,00 per oneri della sicurezza": that label's amount
        if amount.euro and amount.value >= 1000:
            return amount.value
        if not amount.euro:
            return None
    return None


# An amount right before the keyword belongs to it when only a linking word stands
# between ("di cui € 360.362,44 per costi della manodopera").
# The linking word is required: in a table the amount right before a label is the
# previous row's ("Lavori € 516.830,00 Costi della manodopera € 204.370,00").
LINK_BEFORE = re.compile(r"^\s*(per|quali|come|a titolo di|relativi (a|ai|alle)|pour|au titre (des?|du)|"
                         r"for|para|en concepto de|voor|f[üu]r)\s*(i|gli|le|la|il|les|the|los|las|de)?\s*$",
                         re.IGNORECASE)
LINK_AFTER = re.compile(r"\s*(per|quali|relativ\w+ a\w*|pour|au titre d\w*|for|para|en concepto de|"
                        r"voor|f[üu]r)\b", re.IGNORECASE)
# A keyword after a percentage names the base of a share, not an amount of its own.
SHARE_OF = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|per ?cento|pour ?cent|por ?ciento|procent|prozent|"
                      r"percent)\s*(?:del(?:la|lo|l')?|dell'|of(?: the)?|du|de la|de l'|des|de|"
                      r"van (?:de|het)|des|der|vom)?\s*$", re.IGNORECASE)
_OPEN_END = re.compile(r"[^.;:!?]\s*$")


def amount_before(text: str, start: int) -> float | None:
    amounts = [a for a in find_amounts(text[max(0, start - 60):start]) if a.euro]
    if amounts and LINK_BEFORE.match(text[max(0, start - 60) + amounts[-1].end:start]):
        return amounts[-1].value if amounts[-1].value >= 1000 else None
    return None


# A negation cue of an earlier table row ("Oneri (non ribassabili) € 21.300,00 Totale
# importo € 742.500,00") does not reach past that row's amount.
_CUE = re.compile(r"\b(non|not|no|pas|ne|niet|geen|nicht|kein\w*|sin|senza|sans|without|ohne|zonder)\b",
                  re.IGNORECASE)


# Nor does a cue reach past the end of the clause or list item it stands in ("no se
# prevén modificaciones) F. Costes salariales: X"): lines a splitter ran together.
_CLAUSE_END = re.compile(r"[;)]|\.\s+(?:[A-Za-z]|\d+(?:\.\d+)*)[.)]\s")


def _negated(sentence: Sentence, text: str, span: tuple[int, int]) -> bool:
    if span[1] > len(text) or not sentence.negated_at(*span):
        return False
    window = text[max(0, span[0] - 80):span[0]]
    cues = list(_CUE.finditer(window))
    if cues and _CLAUSE_END.search(window[cues[-1].end():]):
        return False
    amounts = find_amounts(window, bare=True)
    return not amounts or bool(_CUE.search(window[amounts[-1].end:]))


# In a model form or a draft contract the amounts that are written are still the buyer's
# ("sull'importo a base di gara di € 436.000,00", beside "L'importo contrattuale è pari a
# € ........"); only a keyword whose amount is left blank has none.
def _blank_first(text: str, end: int) -> bool:
    """A blank stands after the keyword ending at `end` before any amount."""
    window = text[end:end + LOOKAHEAD]
    blank = BLANK.search(window)
    if blank is None:
        return False
    amounts = find_amounts(window, bare=True)
    return not amounts or blank.start() < amounts[0].start


def _value_in(view: NlpView, kind: str, sentence: Sentence, joined: str,
              spans: list[tuple[int, int]], following: str) -> float | None:
    """The amount of the first of the keyword's occurrences in the sentence that has one
    ("Presupuesto, valor estimado y financiación … Valor estimado: X": the heading first)."""
    text = sentence.folded
    for span in spans:
        if span[0] >= len(text) or _negated(sentence, text, span):
            continue
        if sentence.template and _blank_first(joined, span[1]):
            continue  # a form's field to fill in: "Importo a base di gara: € ........"
        if SHARE_OF.search(text[max(0, span[0] - 40):span[0]]):
            continue  # "garanzia pari al 2% del valore complessivo": a share of it
        value = amount_before(text, span[0]) if kind == "labour" else None
        if value is None:
            value = amount_after(view, kind, joined, span[1], following)
        if value is not None:
            return value
    return None




# A table whose header row names the value ("Lot | Désignation | Montant estimé HT",
# "Los | Geschätzter Wert"): the value of the procedure is its total row.
TABLE_ROWS = 30


def _is_row(text: str) -> bool:
    return text.lstrip().startswith("|")


def _table_total(sentences: list[Sentence], header: int) -> tuple[float | None, list[Sentence]]:
    """The euro amount of the total row of the table under a header row, if any."""
    for row in sentences[header + 1:header + 1 + TABLE_ROWS]:
        if not _is_row(row.folded):
            break
        cells = [c.strip() for c in row.folded.strip().strip("|").split("|") if c.strip()]
        if cells and TOTAL_LABEL.match(cells[0]) and len(cells) > 1:
            amounts = find_amounts(cells[-1], bare=True)
            if amounts and amounts[0].euro:
                return amounts[0].value, [row]
    return None, []


def _value_of(view: NlpView, kind: str, tiers: list[dict[str, Any]]) -> Fact:
    """The first amount after a keyword of the first tier that gives one. A label cut
    from its value by a line break ("... - Importo" / "complessivo Euro 1.554.800,00")
    is read across the two sentences."""
    sentences = view.sentences
    for tier in tiers:
        sources = [p.any[0] for p in patterns(tier, view.language)]
        if not sources:
            continue
        anchor = compile_pattern("|".join(f"(?:{s})" for s in sources))
        for i, sentence in enumerate(sentences):
            text, nxt = sentence.folded, sentences[i + 1] if i + 1 < len(sentences) else None
            joined = text
            if nxt is not None and _OPEN_END.search(text):
                joined = text + " " + nxt.folded[:200]
            if not search(anchor, joined):
                continue
            spans = sorted((m.start(), m.end()) for m in anchor.finditer(joined))
            value, used = (_table_total(sentences, i) if kind == "value" and _is_row(text)
                           else (None, []))
            if value is None:
                following = " ".join(s.folded for s in sentences[i + 1 + (joined != text):i + 6])
                value = _value_in(view, kind, sentence, joined, spans, following[:2 * LOOKAHEAD])
                used = [nxt] if nxt is not None and joined != text else []
            if value is not None:
                return make_fact(value, [sentence, *used])
    return Fact()


def estimated_value(view: NlpView) -> Fact:
    """The estimated value of the whole procedure: a value the document calls estimated
    (total, all lots) first, else its base amount."""
    lex = lexicon()
    return _value_of(view, "value", [lex["estimated_value"], lex["base_amount"]])


def labour_cost(view: NlpView) -> Fact:
    """Labour costs (art. 41(13)-(14) D.Lgs. 36/2023 and the like), never the safety
    costs ("oneri/costi della sicurezza") written next to them."""
    return _value_of(view, "labour", [lexicon()["labour_cost"]])

