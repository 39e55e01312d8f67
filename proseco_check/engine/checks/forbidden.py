"""forbidden: wording that must not be in the document (wrong when found)."""

from __future__ import annotations

from proseco_check.clauses.judge import ClauseJudge
from proseco_check.engine.checks.base import Outcome, operative_matches
from proseco_check.engine.schema import Rule
from proseco_check.model.facts import TenderFacts


def check(rule: Rule, judge: ClauseJudge, facts: TenderFacts) -> Outcome:
    affirmed, _ = operative_matches(rule, judge)
    if affirmed:
        return Outcome("wrong", affirmed)
    return Outcome("present")
