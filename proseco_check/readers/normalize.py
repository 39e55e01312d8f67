"""Text clean-up applied by every reader before NLP sees the text."""

from __future__ import annotations

import re
import unicodedata

from proseco_check.sanitize import clean_text

# Characters NFKC leaves alone but that break matching.
_REPLACEMENTS = {
    "\u00ad": "",  # soft hyphen
    "\u00a0": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\u2009": " ",
    "\u200b": "",
    "\ufeff": "",
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\uf0b7": "-",  # private-use bullet from Symbol fonts
    "\u2022": "-",
}
# Replaced one by one with str.replace (C speed; translate() with a dict looks up every
# character in Python): no replacement holds a character replaced, so the order of the
# replacements changes nothing and the result is what one translate() gives.
_REPLACE = tuple(_REPLACEMENTS.items())
# Runs of blanks that become one space: two or more, or one that is not a space already
# (a lone space, most of them, is left alone instead of being replaced by itself).
_SPACES = re.compile(r"[ \t\r\f\v]{2,}|[\t\r\f\v]")
# A word split over two lines: "parteci-" + "pazione". Only when the next line starts
# lowercase, so "D.Lgs. 36/2023 -" and list dashes survive.
_HYPHEN_BREAK = re.compile(r"(\w)-\n(?=[a-zà-ÿ])")

# Some PDF fonts map accented vowels to Polish/Nordic glyphs ("Ł" for "è", "Ø" for "é").
# Repair only where the pattern is unmistakable: a standalone "Ł" (Italian "è") or a
# word ending in "Ø" ("nonchØ", "perchØ"), which no Italian or French word has.
_BROKEN_E_GRAVE = re.compile(r"(?<![\w])Ł(?![\w])|(?<=[a-zà-ÿ])Ł")
_BROKEN_E_ACUTE = re.compile(r"(?<=[a-zà-ÿ])Ø")


def repair_font_encoding(text: str) -> str:
    if "Ł" not in text and "Ø" not in text:
        return text
    text = _BROKEN_E_GRAVE.sub("è", text)
    text = _BROKEN_E_ACUTE.sub("é", text)
    return text


def normalize_text(text: str) -> str:
    """NFKC (folds ligatures such as 'ﬁ'), typographic quotes and dashes, broken fonts,
    words hyphenated across lines, runs of spaces. Control characters (ESC and terminal
    sequences, C1) are removed here, when the text is read. Newlines are kept."""
    text = unicodedata.normalize("NFKC", clean_text(text))
    if not text.isascii():
        for char, replacement in _REPLACE:
            if char in text:
                text = text.replace(char, replacement)
    text = repair_font_encoding(text)
    # _SPACES never matches a newline: one substitution over the text, then each line.
    text = _SPACES.sub(" ", text)
    if "\n" in text:
        text = "\n".join(line.strip() for line in text.split("\n"))
        if "-\n" in text:  # what every _HYPHEN_BREAK match holds
            text = _HYPHEN_BREAK.sub(r"\1", text)
    return text.strip()


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph, mending words hyphenated at the line end."""
    return normalize_text("\n".join(lines)).replace("\n", " ")
