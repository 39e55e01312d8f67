"""CPV codes (Regulation (EC) 2195/2002 as amended by 213/2008) and the contract type
their division gives.

A code is taken only where the text says it is one: the word CPV (or the vocabulary's
name) in the sentence or in the table header just above it, or the written form
"NNNNNNNN-D". It must also be well formed: a division of the 2008 vocabulary, and the
hierarchy the code encodes (division, group, class, category, subcategories: once a
level is 0 every deeper one is 0). A tax number, VAT or SIRET number next to its label
is never a CPV code.

The check digit is kept as written but not recomputed: the formula in the CPV guide does
not reproduce the check digits the Regulation itself publishes (e.g. 33190000-8,
45000000-7, 71221000-3), so a check would reject real codes.
"""

from __future__ import annotations

import re

from proseco_check.facts.common import make_fact
from proseco_check.model.facts import Fact
from proseco_check.nlp.view import NlpView, Sentence

# The 45 divisions of the CPV 2008 main vocabulary.
DIVISIONS = frozenset({
    "03", "09", "14", "15", "16", "18", "19", "22", "24", "30", "31", "32", "33", "34", "35",
    "37", "38", "39", "41", "42", "43", "44", "45", "48", "50", "51", "55", "60", "63", "64",
    "65", "66", "70", "71", "72", "73", "75", "76", "77", "79", "80", "85", "90", "92", "98",
})
CODE = re.compile(r"(?<![\d./-])(?P<code>\d{8})(?:\s?-\s?(?P<check>\d))?(?![\d/])")
LABEL = re.compile(r"\bcpv\b|vocabolario comune|common procurement vocabulary|vocabulaire commun"
                   r"|vocabulario com[uú]n|gemeenschappelijke woordenlijst|gemeinsame[sn]? vokabular",
                   re.IGNORECASE)
MAIN = re.compile(r"(?i:principal|\bmain\b|hauptteil|hauptgegenstand|hoofd|voornaamste)|\(P\)|\sP\s")
# Labels of numbers that are not CPV codes, right before the number.
NOT_CPV = re.compile(
    r"(p\.?\s?iva|partita iva|c\.?\s?f\.?|codice fiscale|cod\.? fisc\.?|siret|siren|tva|vat|"
    r"n\.?i\.?f\.?|c\.?i\.?f\.?|kvk|btw|ust-?idnr|steuer|ondernemingsnummer|bce|kbo|cuit|iban|"
    r"tel\.?|t[ée]l[ée]phone|fax|prot\.?|protocollo|cig|cup|ausa|n[°º]|num[ée]ro|nr\.?)"
    r"[\s:.#]*$", re.IGNORECASE)
HEADER_REACH = 6
EIGHT_DIGITS = re.compile(r"\d{8}")


def well_formed(code: str) -> bool:
    """A division of the vocabulary and a clean hierarchy (no digit after a 0 level)."""
    if len(code) != 8 or not code.isdigit() or code[:2] not in DIVISIONS:
        return False
    tail = code[2:]
    return "0" not in tail.rstrip("0")


def contract_type_of(code: str) -> str | None:
    """CPV divisions: 45 works; 03-44 and 48 supplies; 50-98 services."""
    if len(code) < 2 or not code[:2].isdigit():
        return None
    division = int(code[:2])
    if division == 45:
        return "works"
    if 3 <= division <= 44 or division == 48:
        return "supplies"
    if 50 <= division <= 98:
        return "services"
    return None


def _labelled(view: NlpView, sentence: Sentence) -> bool:
    if LABEL.search(sentence.folded):
        return True
    earlier = view.sentences[max(0, sentence.index - HEADER_REACH):sentence.index]
    return any(LABEL.search(s.folded) and s.block_index >= sentence.block_index - HEADER_REACH
               for s in earlier)


def codes_in(view: NlpView, sentence: Sentence) -> list[tuple[str, bool]]:
    """(code, main) for the CPV codes written in a sentence."""
    found: list[tuple[str, bool]] = []
    text = sentence.folded
    labelled: bool | None = None
    for m in CODE.finditer(text):
        code = m.group("code")
        if not well_formed(code) or NOT_CPV.search(text[max(0, m.start() - 25):m.start()]):
            continue
        if not m.group("check"):
            labelled = _labelled(view, sentence) if labelled is None else labelled
            if not labelled:
                continue
        found.append((code, bool(MAIN.search(text[max(0, m.start() - 60):m.end() + 4]))))
    return found


def cpv_facts(view: NlpView) -> tuple[Fact, Fact]:
    """All CPV codes in order, and the main one: the code labelled main, else the first."""
    codes: list[str] = []
    where: list[Sentence] = []
    main: tuple[str, Sentence] | None = None
    for sentence in view.sentences:
        if not EIGHT_DIGITS.search(sentence.folded):
            continue
        for code, is_main in codes_in(view, sentence):
            if is_main and main is None:
                main = (code, sentence)
            if code not in codes:
                codes.append(code)
                where.append(sentence)
    if not codes:
        return Fact(), Fact()
    first = main or (codes[0], where[0])
    return make_fact(codes, where), make_fact(first[0], [first[1]])
