"""Typed values found in text: legal citations, money, percentages, durations, CPV codes.

The parsers are pure functions over strings (easy to test and fuzz); the spaCy component
in pipeline.py turns their matches into spans on the Doc.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

from proseco_check.nlp.shares import find_shares
from proseco_check.yaml_io import safe_load


# ---------------------------------------------------------------- laws and citations
def _laws() -> dict[str, dict[str, Any]]:
    """data/laws.yaml: each law's key, how texts name it and where its names start."""
    text = resources.files("proseco_check.data").joinpath("laws.yaml").read_text("utf-8")
    laws: dict[str, dict[str, Any]] = safe_load(text)["laws"]
    return laws


LAWS = _laws()
LAW_ALIASES: list[tuple[str, str]] = [(key, law["names"]) for key, law in LAWS.items()]
# One alternation, one scan per text: the group that matched names the law.
_LAW_KEYS = [key for key, _ in LAW_ALIASES]
_LAW_ANY = re.compile("|".join(f"(?P<law{i}>{rx})" for i, (_, rx) in enumerate(LAW_ALIASES)),
                      re.IGNORECASE)
_ARTICLE = re.compile(
    r"\b(?:art(?:icolo|icle|ículo|ikel|t)?\.?|artt\.|arts\.|§)\s*"
    r"(?P<article>\d{1,3}(?:[-\s]?(?:bis|ter|quater))?|[lrd]\.?\s?\d{4}-\d{1,3})"
    r"(?:\s*[,(]?\s*(?:comma|co\.|c\.|paragrafo|par\.|paragraph|para\.|alinéa|al\.|lid|"
    r"apartado|abs\.)\s*(?P<comma>\d{1,2}(?:-?bis)?))?"
    r"(?:\s*,?\s*(?:lett(?:era)?\.?|letter|lit\.)\s*(?P<letter>[a-z]{1,2})\)?)?",
    re.IGNORECASE,
)
# How far after an article a law may be named and still be the article's law.
LAW_WINDOW = 60
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Citation:
    start: int
    end: int
    law: str | None
    article: str | None = None
    comma: str | None = None
    letter: str | None = None


def _literal_first(start: str) -> str:
    """A start written "\\bl\\." as "l(?<!\\w.)\\.": the same positions (no word character
    before the letter), but opening with a literal, so that the scan skips every position
    whose character opens no start instead of testing the boundary there."""
    if len(start) > 3 and start.startswith("\\b") and start[2].isalpha() and start[2].isascii():
        return f"{start[2]}(?<!\\w.){start[3:]}"
    return start


# Where a law's name may start, on lower-cased text: every name begins with one of its
# law's `starts` (a superset is fine, a miss is not; tests/test_nlp.py reads every law's
# examples, tests/test_nlp_speed.py compares with the full scan). A text with none of
# them is not scanned; otherwise the long alternation is tried only at these positions.
_LAW_STARTS = re.compile("|".join(dict.fromkeys(
    _literal_first(start) for law in LAWS.values() for start in law["starts"])))
# Characters that `re.IGNORECASE` equates with an ASCII letter although str.lower() does
# not turn them into it (or changes the text's length): with one of them in a text, the
# lower-cased shortcuts below are not exact, so the plain case-insensitive scan runs.
_CASE_TRAPS = re.compile("[\u0130\u0131\u017f\u212a]")


def lowered(text: str) -> str | None:
    """text.lower() when it keeps every offset and every case-insensitive match."""
    if _CASE_TRAPS.search(text):
        return None
    low = text.lower()
    return low if len(low) == len(text) else None


def find_laws(text: str, low: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, law key) of every law named in the text, as one left-to-right scan
    of the alternation of all aliases would find them."""
    found: list[tuple[int, int, str]] = []
    low = low if low is not None else lowered(text)
    first = _LAW_STARTS.search(low) if low is not None else None
    if low is not None and first is None:
        return found
    if low is None or first is None:
        matches = list(_LAW_ANY.finditer(text))
    else:
        matches = []
        candidate: re.Match[str] | None = first
        while candidate is not None:
            m = _LAW_ANY.match(text, candidate.start())
            if m is not None:
                matches.append(m)
            resume = m.end() if m is not None else candidate.start() + 1
            candidate = _LAW_STARTS.search(low, resume)
    for m in matches:
        group = next(name for name, value in m.groupdict().items() if value is not None)
        found.append((m.start(), m.end(), _LAW_KEYS[int(group[3:])]))
    return found


_ART_WORD = re.compile(r"\bart", re.IGNORECASE)
# Where an _ARTICLE match may start, on lower-cased text: each of its forms opens with
# "art" or "§" (no other character matches them case-insensitively; see lowered()).
_ARTICLE_START = re.compile("art|§")


def _articles(text: str, low: str | None) -> Iterator[re.Match[str]]:
    """_ARTICLE.finditer(text), with the long pattern tried only where "art" or "§"
    starts (a third of the scan's time on the bench's real disciplinari)."""
    if low is None:
        yield from _ARTICLE.finditer(text)
        return
    candidate = _ARTICLE_START.search(low)
    while candidate is not None:
        m = _ARTICLE.match(text, candidate.start())
        if m is not None:
            yield m
            candidate = _ARTICLE_START.search(low, m.end())
        else:
            candidate = _ARTICLE_START.search(low, candidate.start() + 1)


def find_citations(text: str, low: str | None = None) -> list[Citation]:
    """Articles with their law ("art. 61, comma 2, del D.Lgs. 36/2023") and bare laws.

    Linear in the text: laws come sorted by position, so each article looks only at the
    laws that start within LAW_WINDOW characters after it (found by bisection)."""
    low = low if low is not None else lowered(text)
    laws = find_laws(text, low)
    law_starts = [ls for ls, _, _ in laws]
    citations: list[Citation] = []
    used_laws: set[int] = set()
    for m in _articles(text, low):
        article = _SPACES.sub("", m.group("article")).lower()
        law_key = None
        end = art_end = m.end()
        for i in range(bisect.bisect_left(law_starts, art_end), len(laws)):
            ls, le, key = laws[i]
            if ls - art_end > LAW_WINDOW:
                break
            if not _ART_WORD.search(text[art_end:ls]):  # slice: \b as at a start
                law_key, end = key, le
                used_laws.add(i)
                break
        citations.append(Citation(m.start(), end, law_key, article, m.group("comma"),
                                  m.group("letter")))
    for i, (ls, le, key) in enumerate(laws):
        if i not in used_laws:
            citations.append(Citation(ls, le, key))
    return sorted(citations, key=lambda c: (c.start, c.end))


# ---------------------------------------------------------------- numbers
_NUMBER_WORDS = {
    "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7,
    "otto": 8, "nove": 9, "dieci": 10, "dodici": 12, "quindici": 15, "venti": 20,
    "ventiquattro": 24, "trenta": 30, "trentasei": 36, "quaranta": 40, "cinquanta": 50,
    "sessanta": 60, "settanta": 70,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10, "twelve": 12,
    "twenty": 20, "thirty": 30, "fifty": 50, "seventy": 70,
    "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "douze": 12, "trente": 30,
    "cinquante": 50, "dos": 2, "tres": 3, "treinta": 30, "drie": 3, "dertig": 30,
    "drei": 3, "dreißig": 30,
    # Percentages written out in quotas ("quince por ciento", "vingt pour cent").
    "venticinque": 25, "fifteen": 15, "twenty-five": 25, "forty": 40, "sixty": 60,
    "dix": 10, "quinze": 15, "vingt": 20, "vingt-cinq": 25, "quarante": 40,
    "diez": 10, "quince": 15, "veinte": 20, "veinticinco": 25, "cuarenta": 40,
    "cincuenta": 50, "tien": 10, "vijftien": 15, "twintig": 20, "veertig": 40,
    "vijftig": 50, "zehn": 10, "fünfzehn": 15, "zwanzig": 20, "vierzig": 40, "fünfzig": 50,
    "trentacinque": 35, "quarantacinque": 45, "cinquantacinque": 55,
}
# Tens and units joined ("forty-five", "quarante-cinq", "cuarenta y cinco"): without them
# "forty-five per cent" read as 5 %.
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
         "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "et-un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
          "sept": 7, "huit": 8, "neuf": 9, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4,
          "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9}
_COMPOUND = (rf"(?:{'|'.join(_TENS)})(?:-|\s+y\s+)"
             rf"(?:{'|'.join(sorted(_UNITS, key=len, reverse=True))})\b")
# (a space between thousands may come with a decimal point, as TED prints "144 000.00")
_NUMBER = (r"\d{1,3}(?:[.\u202f']\d{3})+(?:,\d+)?|\d{1,3}(?:[\s\u202f]\d{3})+(?:,\d+|\.\d{1,2}(?!\d))?"
           r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?")


def parse_number(raw: str) -> float | None:
    """'622.080,00' -> 622080.0; '1,554,800.00' -> 1554800.0; '30' -> 30.0; 'trenta' -> 30."""
    s = raw.strip().lower().replace("\u202f", " ")
    if s in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[s])
    tens, _, unit = re.sub(r"\s+y\s+", "-", s).partition("-")
    if tens in _TENS and unit in _UNITS:
        return float(_TENS[tens] + _UNITS[unit])
    s = s.replace(" ", "").replace("'", "")
    if not s or not re.fullmatch(r"[\d.,]+", s):
        return None
    if "," in s and "." in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        s = s.replace(thousands, "").replace(decimal, ".")
    elif "," in s:
        head, _, tail = s.rpartition(",")
        s = s.replace(",", "") if len(tail) == 3 and s.count(",") >= 1 and len(head) <= 3 \
            and "," not in head else s.replace(",", ".") if s.count(",") == 1 else s.replace(",", "")
    elif s.count(".") >= 1:
        parts = s.split(".")
        if all(len(p) == 3 for p in parts[1:]) and len(parts[0]) <= 3 and (
                len(parts) > 2 or len(parts[1]) == 3):
            s = s.replace(".", "")
    try:
        return float(s)
    except ValueError:
        return None


_WORDNUM = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
PERCENT_RE = re.compile(
    rf"(?P<num>{_NUMBER}|\b{_COMPOUND}|(?<![\w-])(?:{_WORDNUM}))"
    # the figure spelled out in brackets between number and sign: "30 (trenta) per cento"
    r"\s*(?:\(\s*(?:[a-zà-ÿ]+|\d{1,4})\s*\)\s*)?(?:%|per\s*cento\b|percento\b|pour\s*cent\b|"
    rf"por\s*ciento\b|procent\b|prozent\b|per\s*cent\b|percent\b)",
    re.IGNORECASE,
)
MONEY_RE = re.compile(
    rf"(?:€|eur(?:o|os)?\b|euro\b)\s*(?P<num1>{_NUMBER})(?![\d/])"
    rf"|(?P<num2>{_NUMBER})\s*(?:€|eur(?:o|os)?\b)",
    re.IGNORECASE,
)
_DURATION_UNITS = (r"mesi|mese|months?|mois|meses?|maanden|monate[n]?|anni|anno|years?|ans?|"
                   r"années?|años?|jaar|jahre?n?|giorni|days?|jours?|días?|dagen|tage[n]?")
DURATION_RE = re.compile(
    rf"(?P<num>\b\d{{1,4}}|\b{_COMPOUND}|(?<![\w-])(?:{_WORDNUM}))\s*(?:\(\s*(?:[a-zà-ÿ]+|\d{{1,4}})\s*\)\s*)?"
    rf"(?P<unit>{_DURATION_UNITS})\b",
    re.IGNORECASE,
)
# Every duration ends with a unit and a word boundary: a lower-cased text without one (most
# blocks) is not scanned by the long alternation of numbers and number words.
_DURATION_UNIT_LOW = re.compile(rf"(?:{_DURATION_UNITS})\b")
# For lower-cased text (see lowered()): the same matches, several times faster.
_DURATION_LOW = re.compile(DURATION_RE.pattern)
_PERCENT_LOW = re.compile(PERCENT_RE.pattern)
_MONEY_LOW = re.compile(MONEY_RE.pattern)
CPV_RE = re.compile(r"\b(?P<code>\d{8})(?:\s*-\s*(?P<check>\d))?\b")
_UNIT_MONTHS = {"mes": 1, "mon": 1, "moi": 1, "maa": 1, "ann": 12, "ann\u00e9": 12, "yea": 12,
                "an": 12, "a\u00f1o": 12, "jaa": 12, "jah": 12, "gio": 1 / 30, "day": 1 / 30,
                "jou": 1 / 30, "d\u00eda": 1 / 30, "dia": 1 / 30, "dag": 1 / 30, "tag": 1 / 30}


def unit_months(unit: str) -> float:
    u = unit.lower()
    for prefix in sorted(_UNIT_MONTHS, key=len, reverse=True):
        if u.startswith(prefix):
            return _UNIT_MONTHS[prefix]
    return 1.0


@dataclass(frozen=True)
class Value:
    start: int
    end: int
    kind: str  # percent | money | duration | cpv
    value: float | str


def _may_hold(text: str, low: str | None, literals: tuple[str, ...]) -> bool:
    """False only when no match of a regex needing one of `literals` can exist."""
    if low is None:
        return True
    return any(lit in low for lit in literals)


# Each regex needs one of these (lower case) in the text: exact prefilters.
_PERCENT_NEEDS = ("%", "cent", "ciento", "procent", "prozent")
# Sharper, for lower-cased text: every percentage ends with one of these words ("cent"
# alone is in "centrale", "docenti", "recente"...).
_PERCENT_SIGN_LOW = re.compile(r"%|per\s*cent|pour\s*cent|por\s*ciento|procent|prozent")
_MONEY_NEEDS = ("€", "eur")


def find_values(text: str, low: str | None = None) -> list[Value]:
    values: list[Value] = []
    low = low if low is not None else lowered(text)
    percent = (() if not _may_hold(text, low, _PERCENT_NEEDS) or (
                   low is not None and not _PERCENT_SIGN_LOW.search(low)) else
               _PERCENT_LOW.finditer(low) if low is not None else PERCENT_RE.finditer(text))
    for m in percent:
        number = parse_number(m.group("num"))
        if number is not None and 0 <= number <= 100:
            values.append(Value(m.start(), m.end(), "percent", number))
    if low is not None:
        values.extend(Value(start, end, "percent", share)
                      for start, end, share in find_shares(low))
    money = (() if not _may_hold(text, low, _MONEY_NEEDS) else
             _MONEY_LOW.finditer(low) if low is not None else MONEY_RE.finditer(text))
    for m in money:
        number = parse_number(m.group("num1") or m.group("num2"))
        if number is not None:
            values.append(Value(m.start(), m.end(), "money", number))
    durations = (() if low is not None and not _DURATION_UNIT_LOW.search(low) else
                 _DURATION_LOW.finditer(low) if low is not None else DURATION_RE.finditer(text))
    for m in durations:
        number = parse_number(m.group("num"))
        if number is not None:
            months = round(number * unit_months(m.group("unit")), 2)
            values.append(Value(m.start(), m.end(), "duration", months))
    for m in CPV_RE.finditer(text):
        code = m.group("code")
        if m.group("check") or re.search(r"cpv", text[max(0, m.start() - 40):m.start()], re.I):
            values.append(Value(m.start(), m.end(), "cpv", code))
    return sorted(values, key=lambda v: (v.start, v.kind))


# How far after a keyword a number still belongs to it ("giovanile, per una quota di 30 %").
FOLLOWING_WINDOW = 80


# A second share opens after the keyword: "... all'occupazione femminile e una quota
# pari almeno al 30 % a giovani", "... des femmes, et une part de 20 % ...".
_NEXT_SHARE = re.compile(
    r"\b(e|ed|et|y|and|en|und|mentre|while|tandis que|mientras)\b[^%\d]{0,30}?"
    r"\b(una |la |une |a |the |de |het |een |ein\w* |die )?(quota|percentuale|part|share|"
    r"porcentaje|cuota|aandeel|percentage|anteil|quote)\b|;")


def value_for(values: list[Value], position: int, text: str | None = None) -> Value | None:
    """The value that belongs to a keyword at `position`: the first one after it within
    FOLLOWING_WINDOW characters, else the closest one before it. Legal prose states the
    figure after the thing it measures, but lists share one figure stated first ("una
    quota del 30 per cento ... sia giovanile sia femminile"). With the `text`, a figure
    after the keyword that belongs to a second share opened in between is not its own."""
    after = [v for v in values if 0 <= v.start - position <= FOLLOWING_WINDOW]
    if after and text is not None and any(v.start < position for v in values):
        first = min(after, key=lambda v: v.start)
        if _NEXT_SHARE.search(text, position, first.start):
            after = []
    if after:
        return min(after, key=lambda v: v.start)
    before = [v for v in values if v.start < position]
    if before:
        return max(before, key=lambda v: v.start)
    return min(values, key=lambda v: abs(v.start - position)) if values else None
