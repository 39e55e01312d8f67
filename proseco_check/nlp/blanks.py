"""Blanks left to fill in a model form or a draft ("codice ……", "______"), and those that
do not make a sentence a form: the blank of a reference number, code or date, of a discount
offered after the buyer's statement, a dot leader before the value it leads to, and the
options left unticked beside a ticked one ("[X] Sí [ ] No"). Shared by the view (a
sentence's template flag) and the clause matcher (its `exclude` and `none` expressions); no
spaCy here, so the matcher can import it at no cost."""

from __future__ import annotations

import re
from functools import lru_cache

from proseco_check.typed_marks import (
    BOX,
    EMPTY_BOX,
    EMPTY_BOX_GLYPH,
    TICKED_BOX_GLYPHS,
    is_ticked,
)

# Every placeholder holds one of these: most sentences skip the regexes.
PLACEHOLDER_NEEDS = ("……", ".....", "____", "[")
# A blank to fill in, wherever it stands ("€ ........", "____", "……").
BLANK = re.compile(r"\.{4,}|_{3,}|…{2,}")
# The blank of a reference number, code or date ("con determina n. ........ l'affidamento
# è stato riservato ...", "Beschluss Nr. ____", "verbale del RUP del ........", "CIG
# .........."): a draft's premise or title left to number or date, whose clause is stated
# all the same.
_NUMBER_BLANK = re.compile(r"\b(?:n[°º]?|nr|num|prot|rep|del|in data|dated|vom|cig|cup|cui|smartcig"
                           r"|expediente|kenmerk|aktenzeichen|az)\.?:?\s{0,2}(?:\.{3,}|…+|_{3,})",
                           re.IGNORECASE)
# A count to fill in, not a reference: "lavoratori totali n. ......, di cui svantaggiati
# n. ......" asks the declarant for figures, so the sentence stays a form.
_COUNT_BEFORE = re.compile(r"\b(?:lavorator\w*|dipendent\w*|addett\w*|unit[aà]|persone|totali|svantaggiat\w*"
                           r"|disabili|employees|workers|staff|salari[ée]s|trabajadores|empleados"
                           r"|besch[äa]ftigte\w*|werknemers|personeel)\W{0,3}$", re.IGNORECASE)
# The date or number of the decision a draft's premise cites, with "de/du/van" ("por
# Resolución de ...... se aprobó el expediente", "par délibération du ......"): after
# other nouns the same blank is a value to fill ("importe de ......").
_DECISION_BLANK = re.compile(r"\b(?:resoluci[oó]n|acuerdo|orden|decreto|d[ée]cret|arr[êe]t[ée]"
                             r"|d[ée]lib[ée]ration|d[ée]cision|determina(?:zione)?|delibera(?:zione)?"
                             r"|decisione|beschluss|besluit|bescheid|decision|resolution)"
                             r"\s+(?:de|du|van|of)\s{1,2}(?:\.{3,}|…+|_{3,})", re.IGNORECASE)
# The blank of the discount a bidder offers ("ribasso offerto ........ %") is its offer,
# not the buyer's statement beside it ("aggiudicato con il criterio del minor prezzo"); a
# share the bidder declares ("Percentage of disabled employees: ........ %") is a form's.
# The figure written out in words beside it ("(in lettere ........ per cento)") is the
# same offer.
_DISCOUNT_BLANK = re.compile(r"\b(?:ribass|rabais|descuento|baja|korting|nachlass|abschlag"
                             r"|discount)\w*(?: \w+){0,3}\s*:?\s*(?:\.{3,}|…+|_{3,})\s{0,2}%"
                             r"(?:\s{0,2}\(?(?:in lettere|en (?:toutes )?lettres|en letras|in worten"
                             r"|in words|voluit|uitgeschreven)\s*:?\s*(?:\.{3,}|…+|_{3,})\s*"
                             r"(?:per ?cento|pour ?cent|por ?ciento|prozent|procent|per ?cent)?\s*\)?)?",
                             re.IGNORECASE)
# The words a statement holds before a discount's blank; fewer, and the sentence is the
# offer form's field itself ("Ribasso percentuale offerto: .......... %").
_STATEMENT_WORDS = 8
# A dot leader between a label and the value stated after it ("E. Duración ..........
# dos (2) años", "Prórroga ........ una, de doce meses", "Importo ........ € 120.000,00"):
# a summary table's row, filled. Its value holds a figure or a time unit before any
# other blank; words alone are a form's next field ("nato a .......... il ..........") and
# a bare number a contents entry's page. The label may end in a bracket ("occupazione
# giovanile (under 36) ...... almeno il 30%"). The next item's number ("CCNL ........ 4.3
# Affidamento ...") is no value: the blank is a form's.
_LEADER_BEFORE_VALUE = re.compile(
    r"(?<=[\w)\]])\s*(?:\.{4,}|…{2,})(?![.…])(?!\s*\d{1,4}\s*$)(?!\s*\d{1,2}(?:\.\d{1,2})+\.?\s+[^\W\d_])"
    r"(?=[^.…_]{0,40}?(?:\d|\b(?:mes[ie]|meses|"
    r"months?|mois|maanden|monate?n?|ann[io]|a[nñ]os?|ans?|years?|jaar|jahre?n?)\b))\s*", re.IGNORECASE)


# A ticked box: beside it, the empty boxes are the options not chosen (unchosen_options),
# not blanks to fill. A bare "no" ticked leaves the sentence a form, as before: a label's
# answer in boxes is not read, so it is not trusted either.
_TICKED_BOX = re.compile(rf"(?:\[\s*[xX✓✔]\s*\]|[{TICKED_BOX_GLYPHS}])"
                         r"(?!\s*(?:no|non|nein|nee|neen|not)\b)", re.IGNORECASE)


def _reference_blank_cleared(match: re.Match[str]) -> str:
    """A reference number's blank cleared; a count's kept ("lavoratori totali n. ......")."""
    before = match.string[max(0, match.start() - 30):match.start()]
    return match.group() if _COUNT_BEFORE.search(before) else " "


@lru_cache(maxsize=512)
def without_inert_blanks(text: str) -> str:
    """The text with the blanks that leave nothing to fill taken out: those of reference
    numbers and dates, dot leaders before a stated value, and the options left unticked
    beside a ticked one."""
    if not any(need in text for need in PLACEHOLDER_NEEDS) and EMPTY_BOX_GLYPH not in text:
        return text
    # (each blank needs dots, an ellipsis or underscores: a long text without them, and
    # the discount's without a "%", skips the scans)
    if "..." in text or "…" in text or "___" in text:
        text = _DECISION_BLANK.sub(" ", _NUMBER_BLANK.sub(_reference_blank_cleared, text))
        if "...." in text or "……" in text:
            text = _LEADER_BEFORE_VALUE.sub(" ", text)
        if "%" in text:
            text = _DISCOUNT_BLANK.sub(
                lambda m: " " if len(m.string[:m.start()].split()) >= _STATEMENT_WORDS
                else m.group(), text)
    if not _TICKED_BOX.search(text):
        return text
    for start, end in unchosen_options(text):  # spaces keep the offsets
        text = text[:start] + " " * (end - start) + text[end:]
    return EMPTY_BOX.sub(" ", text)


# Where an option's words end: punctuation, or a new sentence's capitalised word after
# the option's first word ("[ ] No Conforme a ...").
_OPTION_END = re.compile(r"[.;:!?|]|(?<=\w)\s+(?=[A-ZÀ-Ý][a-zà-ÿ])")
_OPTION_MAX = 80


def unchosen_options(text: str) -> list[tuple[int, int]]:
    """The character ranges of the options left unticked beside a ticked one ("[X] Sí
    [ ] No", "[X] marché réservé aux EA [ ] marché non réservé"): not what the form says,
    so neither their words nor their "no" count. None where nothing is ticked."""
    if "[" not in text and not any(glyph in text for glyph in TICKED_BOX_GLYPHS):
        return []
    boxes = list(BOX.finditer(text))
    if not any(is_ticked(b.group()) for b in boxes):
        return []
    ranges: list[tuple[int, int]] = []
    for box, following in zip(boxes, [*boxes[1:], None], strict=True):
        if not is_ticked(box.group()):
            limit = min(following.start() if following else len(text), box.end() + _OPTION_MAX)
            end = _OPTION_END.search(text, box.end(), limit)
            ranges.append((box.start(), end.start() if end else limit))
    return ranges
