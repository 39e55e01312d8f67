"""Running headers and footers: lines repeated near the top or bottom of most pages."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_DIGITS = re.compile(r"\d+")
MARGIN_SHARE = 0.12  # top and bottom 12 % of the page height


def furniture_key(text: str) -> str:
    """Same key for "Pag. 3 di 25" and "Pag. 4 di 25"."""
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def repeated_keys(pages: Sequence[Sequence[str]], min_share: float = 0.5) -> set[str]:
    """Keys of margin lines that recur on at least `min_share` of the pages (2 at least)."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page_lines in pages:
        counts.update({furniture_key(t) for t in page_lines if t.strip()})
    needed = max(2, round(len(pages) * min_share))
    return {key for key, n in counts.items() if n >= needed}


def is_page_number(text: str) -> bool:
    """A bare page number ("12", "- 12 -", "12/40") in the margin is furniture on any page."""
    return bool(re.fullmatch(r"[\s\-–]*(pag\.?|page|pagina|p\.)?\s*\d+(\s*(/|di|de|of|sur|a)\s*\d+)?[\s\-–]*",
                             text.lower()))
