"""required: the clause must be in the document (present), else it is missing."""

from __future__ import annotations

from proseco_check.engine.checks.base import Outcome, alternative_matches, operative_matches
from proseco_check.engine.schema import Rule
from proseco_check.model.facts import TenderFacts
from proseco_check.nlp.view import NlpView


def check(rule: Rule, view: NlpView, facts: TenderFacts) -> Outcome:
    affirmed, negated = operative_matches(rule, view)
    if affirmed:
        return Outcome("present", affirmed)
    if alternatives := alternative_matches(rule, view):
        return Outcome("present", alternatives, {"alternative": True})
    # An explicit "no" is shown as the evidence of the missing clause.
    return Outcome("missing", negated,
                   {"explicitly_absent": bool(negated)})
