"""Marks of typed text that the readers and the NLP read alike: check boxes, and titles
in capitals. One definition each, so that a box the reader keeps with its question is a
box the form-blank logic clears, and a title is told by the same measure everywhere
(each caller keeps its own threshold: a title zone is looser than a clause heading)."""

from __future__ import annotations

import re

# A check box as forms type it: "[ ]", "[X]", "[✓]", or one glyph.
EMPTY_BOX_GLYPH = "☐"
TICKED_BOX_GLYPHS = "☒☑"
BOX = re.compile(rf"\[\s*[xX✓✔]?\s*\]|[{EMPTY_BOX_GLYPH}{TICKED_BOX_GLYPHS}]")
EMPTY_BOX = re.compile(rf"\[\s*\]|{EMPTY_BOX_GLYPH}")
# Squares some forms use as boxes and others as bullets: a line opening with one is an
# option of a form, but it is neither ticked nor empty for sure, so only the reader's
# line grouping reads them.
SQUARE_GLYPHS = "□■▢❑⬜"


def is_ticked(box: str) -> bool:
    """"[X]", "[✓]", "☒", "☑"; not "[ ]" or "☐"."""
    return box != EMPTY_BOX_GLYPH and bool(box.strip("[] "))


def capital_share(text: str) -> float:
    """The share of the text's letters in capitals (0 without letters)."""
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


# A title's citation in brackets ("SEZIONE V - CRITERI (art. 108, comma 1)", "MARCHÉ
# RÉSERVÉ (article 15 de la loi du 17 juin 2016)"); other brackets are the title's own
# words ("CERTIFICAZIONE DELLA PARITÀ DI GENERE (4 punti - on/off)").
CITATION_ASIDE = re.compile(
    r"\([^()]*\b(?:art\w*|§|loi|legge|ley|wet|gesetz\w*|d\.?\s?lgs|lcsp|ccp|gwb|vgv|uvgo|"
    r"regulations?|reg|direttiva|directive|directiva|richtlijn|richtlinie|decreto|d[ée]cret|"
    r"decree|code|codice|c[óo]digo)\b[^()]*\)", re.IGNORECASE)


def title_share(text: str) -> float:
    """The share of capitals in a title's own words, its bracketed citations aside."""
    return capital_share(CITATION_ASIDE.sub(" ", text) if "(" in text else text)


# An aside that opens with an article number: the title's legal basis, which states
# nothing of what the section holds ("INFORMACIÓN SOBRE SUBROGACIÓN (art. 130 LCSP)"
# over "No existe contratista saliente").
# ("(art. 108, c. 1 - offerta economicamente più vantaggiosa)" states the method after
# its basis: a dash or a colon opens words of its own)
_BASIS_ASIDE = re.compile(r"\(\s*(?:art\w*\.?|§+|sections?|regulations?|reg\.?)\s*\d"
                          r"(?:(?!\s[-–—]\s)[^():])*\)", re.IGNORECASE)


def enclosing_bracket(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the round bracket holding text[start:end] opens and closes, if one does."""
    opened = text.rfind("(", 0, start)
    closed = text.find(")", end)
    if opened < 0 or opened < text.rfind(")", 0, start) or closed < 0:
        return None
    return opened, closed


def in_aside(text: str, start: int, end: int) -> bool:
    """text[start:end] lies inside a bracketed aside: in a title, what the brackets say
    is stated ("AWARD CRITERIA (Most Economically Advantageous Tender)"), but for a
    bare legal basis."""
    bracket = enclosing_bracket(text, start, end)
    return bracket is not None and _BASIS_ASIDE.match(text, bracket[0]) is None
