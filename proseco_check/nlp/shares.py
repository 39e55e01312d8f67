"""Shares written in words, read as percentages: "la metà delle assunzioni", "un quart des
embauches", "una cuarta parte de las contrataciones", "one in four new hires", "12 por 100".
Quotas and reserved-workforce shares are often drafted so; a share that is not read as a
value drops the clause that needs one (hiring quotas, 30 % / 50 % of workers)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from proseco_check.nlp.fold import fold
from proseco_check.yaml_io import safe_load

# A fraction counts only before "of ..." in its language: "un tiers de confiance", "een
# derde partij" and "a third party" are no shares.
_OF = (r"\s+(?:de[il]?|di|dell[aeo']?|degli|des|du|de\s+la|de\s+los|de\s+las|van|der|"
       r"of|the)\b")
_FRACTIONS: dict[float, str] = {
    50.0: r"metà|moiti[eé]|mitad|helft|h[aä]lfte|(?:one\s+)?half",
    25.0: r"un\s+quarto|un\s+quart|una\s+cuarta\s+parte|la\s+cuarta\s+parte|een\s+kwart|"
          r"ein\s+viertel|(?:a|one)\s+quarter",
    20.0: r"un\s+quinto|un\s+cinqui[eè]me|una\s+quinta\s+parte|la\s+quinta\s+parte|"
          r"een\s+vijfde|ein\s+f[uü]nftel|(?:a|one)\s+fifth",
    40.0: r"due\s+quinti|deux\s+cinqui[eè]mes|dos\s+quintas\s+partes|twee\s+vijfde|"
          r"zwei\s+f[uü]nftel|two\s+fifths",
    75.0: r"tre\s+quarti|trois\s+quarts|tres\s+cuartas\s+partes|driekwart|drie\s+kwart|"
          r"drei\s+viertel|three\s+quarters",
    # A third satisfies a 30 % floor; it is stated as 33.3, never rounded up to a quota.
    33.3: r"un\s+terzo|un\s+tiers(?!\s+de\s+confiance)|un\s+tercio|la\s+tercera\s+parte|een\s+derde|"
          r"ein\s+drittel|(?:a|one)\s+third",
}
_FRACTION_RE = re.compile(
    "|".join(rf"(?P<f{i}>\b(?:{words}))(?={_OF})" for i, words in enumerate(_FRACTIONS.values())),
    re.IGNORECASE)
_FRACTION_VALUES = list(_FRACTIONS)

@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """Number words of every pack language, accent-folded (data/number_words.yaml)."""
    text = resources.files("proseco_check.data").joinpath("number_words.yaml").read_text("utf-8")
    words: dict[str, int] = safe_load(text)["number_words"]
    return words


# "tre su dieci", "trois sur dix", "tres de cada diez", "one in four", "drie op de tien".
_DENOMINATORS = {"dieci": 10, "dix": 10, "diez": 10, "ten": 10, "tien": 10, "zehn": 10,
                 "10": 10, "cinque": 5, "cinq": 5, "cinco": 5, "five": 5, "vijf": 5,
                 "funf": 5, "quattro": 4, "quatre": 4, "cuatro": 4, "four": 4, "vier": 4,
                 "tre": 3, "trois": 3, "tres": 3, "three": 3, "drie": 3, "drei": 3}


@lru_cache(maxsize=1)
def _n_in_m() -> re.Pattern[str]:
    """Built on first use: the counts come from the data file, and commands without a
    document never need them."""
    counts = sorted((w for w, n in number_words().items() if 1 <= n <= 9 and " " not in w),
                    key=len, reverse=True)
    return re.compile(
        rf"\b(?P<n>\d|{'|'.join(map(re.escape, counts))})\s+"
        r"(?:su|sur|de\s+cada|in|out\s+of|op\s+de|von)\s+"
        rf"(?P<d>{'|'.join(sorted(_DENOMINATORS, key=len, reverse=True))})\b"
        # "2 in 10 days" is a time, not a share.
        r"(?!\s+(?:giorn|days?|jours?|d[ií]as|dagen|tage|mes[ei]|months?|mois|maand|monat|"
        r"ann[io]|years?|ans?\b|a[nñ]os|jaar|jahr|or[ae]\b|hours?|heures?|horas|uur|stunde))",
        re.IGNORECASE)


# "12 por 100": the Spanish legal way of writing a percentage.
_POR_CIEN_RE = re.compile(r"\b(?P<n>\d{1,3}(?:[.,]\d+)?)\s*por\s+100\b(?![.,]?\d)", re.IGNORECASE)
# Cheap tests before the expressions (a fraction's noun; a connector before a
# denominator): the full alternations cost twenty times more to scan a block.
_FRACTION_HINT = re.compile(r"met[àa]|moiti|mitad|helft|h[aä]lfte|half|quart|cuart|kwart|"
                            r"viertel|quint|cinqui|vijfde|f[uü]nftel|fifth|terz|tiers|terc|"
                            r"derde|drittel|third")
_IN_TEN_HINT = re.compile(
    r"\s(?:su|sur|cada|in|of|de|von)\s+"
    rf"(?:{'|'.join(sorted(_DENOMINATORS, key=len, reverse=True))})\b")


def find_shares(low: str) -> Iterator[tuple[int, int, float]]:
    """(start, end, percent) of each share written in words in lower-cased text."""
    fractions = _FRACTION_RE.finditer(low) if _FRACTION_HINT.search(low) else ()
    for m in fractions:
        index = int(next(name for name, text in m.groupdict().items() if text)[1:])
        yield m.start(), m.end(), _FRACTION_VALUES[index]
    # Counts and denominators are read on the folded text ("fünf" is "funf" in the
    # table); folding keeps every offset.
    folded = fold(low)
    folded = folded if _IN_TEN_HINT.search(folded) else ""
    for m in _n_in_m().finditer(folded):
        n, d = m.group("n"), _DENOMINATORS[m.group("d")]
        count = int(n) if n.isdigit() else number_words()[n]
        if count < d:
            yield m.start(), m.end(), round(100.0 * count / d, 1)
    for m in _POR_CIEN_RE.finditer(low) if "por" in low else ():
        yield m.start(), m.end(), float(m.group("n").replace(",", "."))
