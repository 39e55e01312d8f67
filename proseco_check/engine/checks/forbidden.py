"""forbidden: wording that must not be in the document (wrong when found)."""

from __future__ import annotations

from proseco_check.engine.checks.base import Outcome, operative_matches
from proseco_check.engine.schema import Rule
from proseco_check.model.facts import TenderFacts
from proseco_check.nlp.view import NlpView


def check(rule: Rule, view: NlpView, facts: TenderFacts) -> Outcome:
    affirmed, _ = operative_matches(rule, view)
    if affirmed:
        return Outcome("wrong", affirmed)
    return Outcome("present")
