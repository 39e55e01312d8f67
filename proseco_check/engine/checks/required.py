"""required: the clause must be in the document (present), else it is missing."""

from __future__ import annotations

from proseco_check.clauses.judge import ClauseJudge
from proseco_check.engine.checks.base import Outcome, alternative_matches, operative_matches
from proseco_check.engine.schema import Rule
from proseco_check.model.facts import TenderFacts


def check(rule: Rule, judge: ClauseJudge, facts: TenderFacts) -> Outcome:
    affirmed, negated = operative_matches(rule, judge)
    if affirmed:
        return Outcome("present", affirmed)
    if alternatives := alternative_matches(rule, judge):
        return Outcome("present", alternatives, {"alternative": True})
    # An explicit "no" is shown as the evidence of the missing clause.
    return Outcome("missing", negated,
                   {"explicitly_absent": bool(negated)})
