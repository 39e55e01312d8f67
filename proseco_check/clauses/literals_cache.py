"""The required literals of expressions (clauses/prefilter.py), kept between runs in the
per-user cache of validated models (clauses/model_cache.py, with its safety rules).

Finding them means parsing each expression with Python's regex parser: for the few
hundred expressions a long document needs, about a fifth of a second on every run. They
depend only on the expression's text and on the code that finds them, so one entry,
keyed by the tool's source and versions, holds them for every expression seen so far.
A tampered entry could only hide matches from its own user, who owns the 0700 folder.
"""

from __future__ import annotations

import pydantic

from proseco_check.clauses import model_cache
from proseco_check.clauses.prefilter import known_literals, prime_literals

_PURPOSE = "required-literals"


class KnownLiterals(pydantic.BaseModel):
    """Expression source -> its literal sets (None: none known)."""

    literals: dict[str, list[list[str]] | None]


_recalled = False
_stored = 0


def recall() -> None:
    """Prime the prefilter with what earlier runs found (once per process)."""
    global _recalled
    if _recalled:
        return
    _recalled = True
    stored = model_cache.load_model(model_cache.key_for_purpose(_PURPOSE), KnownLiterals)
    if stored is not None:
        prime_literals({source: None if sets is None else tuple(tuple(s) for s in sets)
                        for source, sets in stored.literals.items()})


def remember() -> None:
    """Store what this process found beyond what it recalled (nothing when it found
    nothing new)."""
    global _stored
    found, learned = known_literals()
    if learned == _stored:
        return
    _stored = learned
    entry = KnownLiterals(literals={source: None if sets is None else [list(s) for s in sets]
                                    for source, sets in found.items()})
    model_cache.store(model_cache.key_for_purpose(_PURPOSE), entry)
