"""Offline language detection among the languages we have packs for.

We count function words from spaCy's own stop-word lists, weighting each word by how
few of the candidate languages share it. Tender prose is long and full of function
words, so this is reliable on a few hundred words and needs no model download.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path

import spacy

SUPPORTED = ("it", "en", "fr", "es", "nl", "de")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SAMPLE_CHARS = 30_000


def _stop_words(lang: str) -> set[str]:
    """spaCy's stop-word list, loaded from its file alone: importing the language package
    would also compile its tokenizer exceptions (seconds for French)."""
    path = Path(spacy.__file__).parent / "lang" / lang / "stop_words.py"
    spec = spec_from_file_location(f"_proseco_stop_words_{lang}", path)
    assert spec is not None and spec.loader is not None
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return {w for w in module.STOP_WORDS if len(w) > 1}


@lru_cache(maxsize=1)
def _weights() -> dict[str, dict[str, float]]:
    stops = {lang: _stop_words(lang) for lang in SUPPORTED}
    shared = Counter(w for words in stops.values() for w in words)
    return {lang: {w: 1.0 / shared[w] for w in words} for lang, words in stops.items()}


def detect_language(text: str, default: str = "it") -> tuple[str, float]:
    """(language, confidence 0-1). Falls back to `default` on too little text."""
    words = [w.lower() for w in _WORD.findall(text[:SAMPLE_CHARS])]
    if len(words) < 5:
        return default, 0.0
    weights = _weights()
    counts = Counter(words)
    scores = {
        lang: sum(n * table.get(w, 0.0) for w, n in counts.items())
        for lang, table in weights.items()
    }
    best = max(scores, key=lambda lang: scores[lang])
    total = sum(scores.values())
    if scores[best] == 0:
        return default, 0.0
    return best, round(scores[best] / total, 3)
