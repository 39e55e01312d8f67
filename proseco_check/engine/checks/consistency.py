"""consistency: when the text says one thing, the facts must agree (e.g. a reservation
clause in the text while the notice declares "Partecipazione riservata: NO")."""

from __future__ import annotations

from typing import Literal

from proseco_check.clauses.judge import ClauseJudge
from proseco_check.engine.checks.base import Outcome, operative_matches
from proseco_check.engine.conditions import Condition
from proseco_check.engine.rule_base import RuleBase
from proseco_check.model.facts import TenderFacts


class ConsistencyRule(RuleBase):
    type: Literal["consistency"]
    # When the clause is found, this condition over facts must hold.
    expect: Condition
    MESSAGES = ("wrong",)


def check(rule: ConsistencyRule, judge: ClauseJudge, facts: TenderFacts) -> Outcome:
    affirmed, _ = operative_matches(rule, judge)
    if not affirmed:
        return Outcome("not_applicable", detail={"nothing_to_compare": True})
    verdict = rule.expect.evaluate(facts.values())
    if verdict is None:
        return Outcome("not_applicable", affirmed,
                       {"unknown_fact": rule.expect.facts_used()})
    return Outcome("present" if verdict else "wrong", affirmed)
