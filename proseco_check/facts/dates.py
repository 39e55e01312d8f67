"""Dates written in tender texts, in every pack language."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    **dict.fromkeys(("january", "janvier", "januari", "januar", "enero", "gennaio"), 1),
    **dict.fromkeys(("february", "fevrier", "februari", "februar", "febrero", "febbraio"), 2),
    **dict.fromkeys(("march", "mars", "maart", "marz", "maerz", "marzo"), 3),
    **dict.fromkeys(("april", "avril", "abril", "aprile"), 4),
    **dict.fromkeys(("may", "mai", "mei", "mayo", "maggio"), 5),
    **dict.fromkeys(("june", "juin", "juni", "junio", "giugno"), 6),
    **dict.fromkeys(("july", "juillet", "juli", "julio", "luglio"), 7),
    **dict.fromkeys(("august", "aout", "augustus", "agosto"), 8),
    **dict.fromkeys(("september", "septembre", "septiembre", "setiembre", "settembre"), 9),
    **dict.fromkeys(("october", "octobre", "oktober", "octubre", "ottobre"), 10),
    **dict.fromkeys(("november", "novembre", "noviembre"), 11),
    **dict.fromkeys(("december", "decembre", "dezember", "diciembre", "dicembre"), 12),
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_RES = (
    ("ymd", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("dmy", re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")),
    ("dMy", re.compile(rf"\b(\d{{1,2}})(?:er|º|°|\.)?\s+(?:de\s+)?({_MONTH_RE})\s+(?:de\s+)?(\d{{4}})\b",
                       re.IGNORECASE)),
    ("Mdy", re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)),
)


def find_dates(text: str) -> list[tuple[int, dt.date]]:
    """(offset, date) of the dates written in `text` (accent-folded): 2026-09-14,
    14/09/2026, 14.09.2026, "14 septembre 2026", "14 de septiembre de 2026",
    "14. September 2026", "September 14, 2026". Day first for numeric dates."""
    found: list[tuple[int, dt.date]] = []
    for kind, rx in _DATE_RES:
        for m in rx.finditer(text):
            a, b, c = m.groups()
            try:
                if kind == "ymd":
                    date = dt.date(int(a), int(b), int(c))
                elif kind == "dmy":
                    date = dt.date(int(c), int(b), int(a))
                elif kind == "dMy":
                    date = dt.date(int(c), _MONTHS[b.lower()], int(a))
                else:
                    date = dt.date(int(c), _MONTHS[a.lower()], int(b))
            except (ValueError, KeyError):
                continue
            found.append((m.start(), date))
    return sorted(found, key=lambda item: item[0])
