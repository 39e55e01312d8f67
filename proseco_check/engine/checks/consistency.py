"""consistency: when the text says one thing, the facts must agree (e.g. a reservation
clause in the text while the notice declares "Partecipazione riservata: NO")."""

from __future__ import annotations

from proseco_check.clauses.judge import ClauseJudge
from proseco_check.engine.checks.base import Outcome, operative_matches
from proseco_check.engine.schema import Rule
from proseco_check.model.facts import TenderFacts


def check(rule: Rule, judge: ClauseJudge, facts: TenderFacts) -> Outcome:
    assert rule.expect is not None  # guaranteed by the schema
    affirmed, _ = operative_matches(rule, judge)
    if not affirmed:
        return Outcome("not_applicable", detail={"nothing_to_compare": True})
    verdict = rule.expect.evaluate(facts.values())
    if verdict is None:
        return Outcome("not_applicable", affirmed,
                       {"unknown_fact": rule.expect.facts_used()})
    return Outcome("present" if verdict else "wrong", affirmed)
