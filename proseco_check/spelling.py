""""Did you mean": the nearest known names to a mistyped one (option values, pack ids,
rule ids, config keys), compared without case, accents or the -/_ difference."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

from proseco_check.model.i18n import t


def fold(text: str) -> str:
    """Lower case, accents removed, '_' read as '-': 'Parità_X' -> 'parita-x'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("_", "-")


def closest(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """Up to `n` candidates near `word`, best first, never `word` itself: those spelled
    alike (difflib ratio at least 0.6 and within 0.1 of the best one), else those that
    start with it (at least two letters typed)."""
    by_fold: dict[str, str] = {}
    for candidate in candidates:
        if candidate != word:
            by_fold.setdefault(fold(candidate), candidate)
    key = fold(word)
    scored = sorted(((difflib.SequenceMatcher(None, key, k).ratio(), k) for k in by_fold),
                    key=lambda item: (-item[0], item[1]))
    best = scored[0][0] if scored else 0.0
    found = [k for ratio, k in scored if ratio >= 0.6 and ratio >= best - 0.1]
    if not found and len(key) >= 2:
        found = sorted(k for k in by_fold if k.startswith(key))
    return [by_fold[k] for k in found[:n]]


def did_you_mean(word: str, candidates: Iterable[str], lang: str = "en") -> str:
    """'; did you mean 'html'?' or '' when nothing is near: appended to an error."""
    near = closest(word, candidates)
    if not near:
        return ""
    quoted = [f"'{c}'" for c in near]
    options = quoted[0] if len(quoted) == 1 else \
        f"{', '.join(quoted[:-1])} {t('word.or', lang)} {quoted[-1]}"
    return "; " + t("cli.did_you_mean", lang, options=options)
