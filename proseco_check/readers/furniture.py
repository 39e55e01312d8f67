"""Running headers and footers: lines repeated near the top or bottom of most pages."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_DIGITS = re.compile(r"\d+")
MARGIN_SHARE = 0.12  # top and bottom 12 % of the page height

# A page number set far to the right of a line, as a page header prints it ("2. WORKFORCE
# MATTERS          Page 2 of 4"): furniture, which would hide the title beside it. Only
# "N of M": a contents line ends with a bare page number ("pag. 12"), and stays one.
PAGE_MARK = re.compile(
    r"\s{3,}(?:page|pagina|página|seite|blz\.|blad|p[aá]g\.|p\.|foglio|feuille|hoja|blatt|sheet)"
    r"\s*\d{1,4}"
    r"\s*(?:of|di|de|von|van|sur|/)\s*\d{1,4}\s*$", re.IGNORECASE)

# A page's footer or header alone on its line, set far to the right (thirty spaces, then
# "Disciplinare – pag. 1"): furniture, and the end of the paragraph above it. A contents
# line ends with a page number too, but starts at the margin.
FOOTER_LINE = re.compile(r"^\s{30,}\S.{0,60}?\b(?:p[aá]g\.?|page|pagina|página|seite|blz\.|p\.|"
                         r"foglio|feuille|hoja|blatt|sheet)\s*\d{1,4}"
                         r"(?:\s*(?:of|di|de|von|van|sur|/)\s*\d{1,4})?$"
                         r"|^\s{20,}[-–—]\s*\d{1,4}\s*[-–—]$", re.IGNORECASE)  # or "- 2 -" centred


def furniture_key(text: str, page: int | None = None) -> str:
    """The text with its page number folded: same key for "Pag. 3 di 25" on page 3 and
    "Pag. 4 di 25" on page 4. Other digits are kept, so "Articolo 5" and "Articolo 6"
    at the top of two pages stay different lines of the body."""
    text = " ".join(text.lower().split())
    if page is None:
        return _DIGITS.sub("#", text)

    def fold(match: re.Match[str]) -> str:
        return "#" if abs(int(match.group()) - page) <= 2 else match.group()

    return _DIGITS.sub(fold, text)


def repeated_keys(pages: Sequence[Sequence[str]], min_share: float = 0.5) -> set[str]:
    """Keys of margin lines that recur on at least `min_share` of the pages (2 at least).
    `pages[i]` are the margin lines of physical page i + 1."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for number, page_lines in enumerate(pages, start=1):
        counts.update({furniture_key(t, number) for t in page_lines if t.strip()})
    needed = max(2, round(len(pages) * min_share))
    return {key for key, n in counts.items() if n >= needed}


def is_page_number(text: str) -> bool:
    """A bare page number ("12", "- 12 -", "12/40") in the margin is furniture on any page."""
    return bool(re.fullmatch(r"[\s\-–]*(pag\.?|page|pagina|p\.)?\s*\d+(\s*(/|di|de|of|sur|a)\s*\d+)?[\s\-–]*",
                             text.lower()))
