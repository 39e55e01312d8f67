"""One module per rule type. Each takes the rule, the NLP view and the facts and returns
an Outcome; the evaluator turns outcomes into findings."""

from __future__ import annotations

from collections.abc import Callable

from proseco_check.engine.checks import consistency, forbidden, numeric, required
from proseco_check.engine.checks.base import Outcome

CHECKS: dict[str, Callable[..., Outcome]] = {
    "required": required.check,
    "forbidden": forbidden.check,
    "numeric": numeric.check,
    "consistency": consistency.check,
}

__all__ = ["CHECKS", "Outcome"]
