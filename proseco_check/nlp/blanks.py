"""Blanks left to fill in a model form or a draft ("codice ……", "______"), and those that
do not make a sentence a form: the blank of a reference number or date. Shared by the
view (a sentence's template flag) and the clause matcher (its `none` expressions); no
spaCy here, so the matcher can import it at no cost."""

from __future__ import annotations

import re

# Every placeholder holds one of these: most sentences skip the regexes.
PLACEHOLDER_NEEDS = ("……", ".....", "____", "[")
# A blank to fill in, wherever it stands ("€ ........", "____", "……").
BLANK = re.compile(r"\.{4,}|_{3,}|…{2,}")
# The blank of a reference number or date ("con determina n. ........ l'affidamento è
# stato riservato ...", "Beschluss Nr. ____", "verbale del RUP del ........"): a draft
# contract's premise left to number or date, whose clause is stated all the same.
_NUMBER_BLANK = re.compile(r"\b(?:n[°º]?|nr|num|prot|rep|del|in data|dated|vom)\.?\s{0,2}"
                           r"(?:\.{3,}|…+|_{3,})", re.IGNORECASE)


def without_reference_blanks(text: str) -> str:
    """The text with the blanks of reference numbers and dates taken out."""
    if not any(need in text for need in PLACEHOLDER_NEEDS):
        return text
    return _NUMBER_BLANK.sub(" ", text)
