"""Heading path ("Disciplinare > 9. Requisiti > 9.2 Clausola sociale") while reading."""

from __future__ import annotations

import re

# The titles of a table of contents, in any case: the reader opens a contents section
# under one, and clauses/contents.py knows its entries state no clause.
CONTENTS_TITLES = (r"indice( generale)?|sommario|sommaire|sumario|table des mati[eè]res|[íi]ndice"
                   r"|inhalt\w*|gliederung|inhoud(sopgave|stafel)?|(table of )?contents")

MAX_TITLE = 80
# A section number and its separator ("6. ", "4.2) ").
_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})[.)]?\s")
# A numbered run-in label: a few words, perhaps a bracketed citation, then a colon or a
# full stop ("8. Subrogación de personal: no procede", "7. Condiciones especiales de
# ejecución (art. 202 LCSP). Durante ...").
_RUN_IN = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}[.)]?\s+[^\W\d_][^.:;,()]{0,60}"
                     r"(?:\([^()]{0,60}\))?\s*[.:](?:\s|$)")


class SectionTracker:
    def __init__(self) -> None:
        self._stack: list[tuple[int, str]] = []
        self._contents = False
        self._list_open = False

    def enter(self, title: str, level: int, contents: bool = False) -> None:
        """Open a section; `contents`: a table of contents, which the next heading
        closes whatever its level (its entries are not headings)."""
        if self._contents:
            self._stack.pop()
        self._contents = contents
        self._list_open = False
        while self._stack and self._stack[-1][0] >= level:
            self._stack.pop()
        short = title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1] + "…"
        self._stack.append((level, short))

    def close_by_sibling(self, line: str) -> None:
        """A run-in numbered item that follows the open section in its numbering ("8.
        Subrogación de personal: no procede" after the heading "6. Criterios de
        adjudicación") ends that section: a notice's items are titles run into their text."""
        here = _NUMBER.match(line)
        if here is not None and here.group(1) == "1":
            self._list_open = True  # a list numbered afresh under the title: not its siblings
        item = _RUN_IN.match(line)
        if not self._stack or self._list_open or item is None or here is None:
            return
        label = re.sub(r"\([^()]*\)", "", item.group()[here.end():])
        open_ = _NUMBER.match(self._stack[-1][1])
        if open_ is None or len(label.split()) > 6:
            return
        new, old = here.group(1).split("."), open_.group(1).split(".")
        if len(new) == len(old) and new[:-1] == old[:-1] and int(new[-1]) > int(old[-1]):
            self._stack.pop()
            self._contents = False

    def path(self) -> str | None:
        return " > ".join(title for _, title in self._stack) or None
