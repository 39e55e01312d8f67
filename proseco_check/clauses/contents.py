"""Entries of a table of contents: a title listed there with its page states no clause,
whatever clause its words name ("Inserimento lavorativo ........ pag. 7")."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from proseco_check.readers.sections import CONTENTS_TITLES

if TYPE_CHECKING:
    from proseco_check.nlp.view import NlpView, Sentence


# A table of contents lists the articles' titles with their pages ("Pari opportunità e
# inclusione lavorativa ........ pag. 3", "| Clause sociale | 4 |"): a title there
# states no clause. Outside a contents section only a leader to a page word counts
# ("Inserimento lavorativo ....... 10" may be an award row with its points).
_CONTENTS_SECTION = regex.compile(rf"(^|> )\s*({CONTENTS_TITLES})\s*:?\s*$", regex.IGNORECASE)
# A leader is matched from its first dot only, and taken whole (possessive): a line of
# thousands of dots costs one pass, not one pass per dot.
_LEADER = r"(?<![.…]\s?)(?:(?:\.\s?){4,}+|…{2,}+)"
_PAGE = r"\b(pag(ina)?|pages?|pp?|seite|s|blz|bl)\.?\s*\d{1,3}\b"
_LEADER_TO_PAGE = regex.compile(rf"({_LEADER})\s*{_PAGE}", regex.IGNORECASE)
_CONTENTS_ENTRY = regex.compile(rf"({_LEADER})\s*\d|\d{{1,3}}\s*\|?\s*\.?\s*$")
# A table whose last column is headed "Page" ("| SECTION | PAGE |") lists the contents.
_PAGE_COLUMN = regex.compile(r"\|\s*(pages?|pag\.?|pagina|pagine|seiten?|blz\.?|bladzijde|p\.)"
                             r"\s*\|?\s*$", regex.IGNORECASE)


def contents_entry(view: NlpView, sentence: Sentence) -> bool:
    """The sentence is an entry of a table of contents: a title with its page."""
    folded = sentence.folded
    if ("...." in folded or "…" in folded or ". ." in folded) and _LEADER_TO_PAGE.search(folded):
        return True
    header = sentence.block.header
    if header and _PAGE_COLUMN.search(header) and _CONTENTS_ENTRY.search(folded.rstrip()):
        return True
    if view.contents_entries is None:
        view.contents_entries = _contents_run(view)
    return sentence.index in view.contents_entries


def _contents_run(view: NlpView) -> frozenset[int]:
    """The sentences that open a contents section and end on a page number, up to the
    first that does not: a contents title whose section runs on (the next articles' titles
    not read as headings) does not make every later line ending on a number an entry."""
    entries: set[int] = set()
    current, listing = None, False
    for sentence in view.sentences:
        section = sentence.location.section
        if section != current:
            current = section
            listing = section is not None and view.in_section(sentence, _CONTENTS_SECTION)
        if sentence.block.kind == "heading":
            continue
        listing = listing and _CONTENTS_ENTRY.search(sentence.folded.rstrip()) is not None
        if listing:
            entries.add(sentence.index)
    return frozenset(entries)
