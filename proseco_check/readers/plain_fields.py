"""Plain-text paragraphs read as lists: a field list ("Durée du marché : 36 mois"), a form's
check-box options, a notice's numbered items ("II.2.5) Critères d'attribution"). Each
item is a block of its own, so that one item's words are never read with the next's."""

from __future__ import annotations

import re

from proseco_check.readers.plain_tables import indent
from proseco_check.typed_marks import BOX, CITATION_ASIDE, SQUARE_GLYPHS, title_share

# A numbered section title: "7.", "5.2", "I.8", "Art. 9 –", "Articolo 12", "Abschnitt 5:".
SECTION_NUMBER = re.compile(
    r"^((\d{1,2}|[IVX]{1,5}|[A-Z])([.)]|(\.\d{1,2}){1,3}[.)]?)|\d{1,2}(?=\s{2}|\t)|(art(icolo|icle|ículo|ikel)?\.?"
    r"|abschnitt|chapitre|capitolo|cap[íi]tulo|hoofdstuk|section|titre|titolo|t[íi]tulo"
    r"|cl[áa]usula|clausola)"
    r"\s+[\dIVX]+[.:]?(\s*[–—-])?)\s+\S", re.IGNORECASE)
# A notice's item numbers: "II.2.5)", "IV.1.1)", "3.1.2)", "VI.3)".
_ITEM_NUMBER = re.compile(r"^(?:[IVX]{1,5}|\d{1,2})(?:\.\d{1,2}){1,3}\)\s+\S")


# "Gunningscriterium: laagste prijs", "Durata: 36 mesi", "Durée du marché : 36 mois": a
# short capitalised label and a colon (after one space, as French sets it) open a line of
# a field list.
FIELD = re.compile(r"^\s*[A-ZÀ-Ý](?:[^:.;!?]|\.(?=\S)){0,60}?(?<!\s)\s?:\s+\S")


# A check box, ticked or not; a line that opens with one is an option of a form ("[ ] di
# essere in possesso").
CHECKBOX = re.compile(rf"{BOX.pattern}|[{SQUARE_GLYPHS}]")


def capital_title(line: str) -> bool:
    """A short title in capitals, its citation in brackets aside ("3. MARCHÉ RÉSERVÉ
    (article 15 de la loi du 17 juin 2016)"): the boxes under it answer it."""
    words = [w for w in CITATION_ASIDE.sub(" ", line).split() if any(c.isalpha() for c in w)]
    return 0 < len(words) <= 6 and title_share(line) > 0.8


def short_answer(line: str) -> bool:
    """A line of boxes and a word or two each ("[ ] oui    [X] non")."""
    return len(CHECKBOX.sub(" ", line).split()) <= 3


def fields(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """A paragraph of two or more "Label: value" lines as one item per label, and of
    check-box lines as one item per option (but the first after a colon), each with the
    lines it wraps onto; any other paragraph whole. Joined, one field's value would be
    read with the next field's words ("laagste prijs ... Social Return: niet van
    toepassing"), and a form's question with all its answers ("T.1 Certificazione della
    parità di genere (4 punti) [ ] di essere ... [ ] di non essere ..."). A notice's
    numbered items at the indent of the first ("II.2.3) Lieu d'exécution : ..." over
    "II.2.5) Critères d'attribution") are one item each too."""
    starts = [i for i, (_, line) in enumerate(lines)
              if (m := FIELD.match(line)) and len(line[:m.end()].split()) <= 7]
    # (an option right under a question or label that ends in a colon, or a yes/no line
    # under a title in capitals, is its answer: "è riservato ai sensi dell'art. 61:" over
    # "☐ SÌ ☒ NO" stays one item)
    boxes = [i for i, (_, line) in enumerate(lines)
             if i and CHECKBOX.match(line.lstrip())
             and not lines[i - 1][1].rstrip().endswith(":")
             and not (capital_title(lines[i - 1][1]) and short_answer(line))]
    numbered = [i for i, (_, line) in enumerate(lines) if _ITEM_NUMBER.match(line.lstrip())]
    items = [i for i in numbered if indent(lines[i][1]) == indent(lines[numbered[0]][1])]
    cuts = sorted({0, *boxes, *(starts if len(starts) >= 2 else []),
                   *(items if len(items) >= 2 else [])})
    if len(cuts) < 2:
        return [lines]
    return [lines[a:b] for a, b in zip(cuts, [*cuts[1:], len(lines)], strict=True)]


