"""required: the clause must be in the document (present), else it is missing."""

from __future__ import annotations

from typing import Literal

from proseco_check.clauses.judge import ClauseJudge
from proseco_check.engine.checks.base import Outcome, alternative_matches, operative_matches
from proseco_check.engine.rule_base import RuleBase
from proseco_check.model.facts import TenderFacts


class RequiredRule(RuleBase):
    type: Literal["required"]
    MESSAGES = ("missing",)


def check(rule: RequiredRule, judge: ClauseJudge, facts: TenderFacts) -> Outcome:
    affirmed, negated = operative_matches(rule, judge)
    if affirmed:
        return Outcome("present", affirmed)
    if alternatives := alternative_matches(rule, judge):
        return Outcome("present", alternatives, {"alternative": True})
    # An explicit "no" is shown as the evidence of the missing clause.
    return Outcome("missing", negated,
                   {"explicitly_absent": bool(negated)})
