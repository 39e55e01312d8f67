"""forbidden: wording that must not be in the document (wrong when found)."""

from __future__ import annotations

from typing import Literal

from proseco_check.clauses.judge import ClauseJudge
from proseco_check.engine.checks.base import Outcome, operative_matches
from proseco_check.engine.rule_base import RuleBase
from proseco_check.model.facts import TenderFacts


class ForbiddenRule(RuleBase):
    type: Literal["forbidden"]
    MESSAGES = ("wrong",)


def check(rule: ForbiddenRule, judge: ClauseJudge, facts: TenderFacts) -> Outcome:
    affirmed, _ = operative_matches(rule, judge)
    if affirmed:
        return Outcome("wrong", affirmed)
    return Outcome("present")
