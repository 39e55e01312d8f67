"""numeric: a number stated with the clause (or a fact) must be within bounds.

"almeno il 20 per cento dei lavoratori svantaggiati" is wrong, not merely present: the
value nearest to each clause match, or the value the clause names (`named`: youth_pct),
is compared with min/max."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from proseco_check.clauses.judge import ClauseJudge
from proseco_check.clauses.patterns import ClauseMatch
from proseco_check.engine.checks.base import Outcome, alternative_matches, operative_matches
from proseco_check.engine.rule_base import RuleBase, Strict
from proseco_check.model.facts import TenderFacts
from proseco_check.model.vocab import Status
from proseco_check.nlp.entities import value_for


class NumericCheck(Strict):
    value: Literal["percent", "money", "duration"]
    min: float | None = None
    max: float | None = None
    # Where the number comes from: the text near the clause, a value the clause names
    # (clauses/<id>.yaml `values`, e.g. youth_pct), or a tender fact.
    named: list[str] = Field(default_factory=list)
    fact: str | None = None

    @model_validator(mode="after")
    def _bounded(self) -> NumericCheck:
        if self.min is None and self.max is None:
            raise ValueError("a numeric check needs min or max")
        return self


class NumericRule(RuleBase):
    type: Literal["numeric"]
    check: NumericCheck
    MESSAGES = ("missing", "wrong")


def _within(value: float, bounds: NumericCheck) -> bool:
    return (bounds.min is None or value >= bounds.min) and (bounds.max is None or value <= bounds.max)


def _from_fact(bounds: NumericCheck, fact: str, facts: TenderFacts) -> Outcome:
    value = facts.value(fact)
    if value is None:
        return Outcome("not_applicable", detail={"unknown_fact": fact})
    status: Status = "present" if _within(float(value), bounds) else "wrong"  # type: ignore[arg-type]
    return Outcome(status, detail={"value": value, "fact": fact},
                   extra_evidence=list(facts.facts[fact].evidence))


def _stated_values(rule: NumericRule, judge: ClauseJudge, affirmed: list[ClauseMatch]
                   ) -> list[tuple[float, ClauseMatch]]:
    """Each number the check reads, with the match quoted at the number."""
    bounds = rule.check
    if bounds.named:
        verdict = judge.verdict(rule.clause)
        return [stated for name in bounds.named for stated in verdict.stated.get(name, [])]
    stated: list[tuple[float, ClauseMatch]] = []
    for match in affirmed:
        candidates = [v for v in match.sentence.values if v.kind == bounds.value]
        nearest = value_for(candidates, match.start)
        if nearest is not None:
            stated.append((float(nearest.value), ClauseMatch(match.sentence, nearest.start,
                                                             nearest.end, match.negated)))
    return stated


def check(rule: NumericRule, judge: ClauseJudge, facts: TenderFacts) -> Outcome:
    bounds = rule.check
    if bounds.fact:
        return _from_fact(bounds, bounds.fact, facts)
    affirmed, _ = operative_matches(rule, judge)
    alternatives = alternative_matches(rule, judge)
    if not affirmed:
        if alternatives:
            return Outcome("present", alternatives, {"alternative": True})
        return Outcome("missing")
    stated = _stated_values(rule, judge, affirmed)
    values = [value for value, _ in stated]
    good = [match for value, match in stated if _within(value, bounds)]
    bad = [match for value, match in stated if not _within(value, bounds)]
    if bad and not alternatives:
        return Outcome("wrong", bad, {"values": values})
    if bad:
        return Outcome("present", alternatives, {"values": values, "alternative": True})
    if good:
        return Outcome("present", good, {"values": values})
    # The clause is there but states no number: the threshold is not stated.
    return Outcome("missing", affirmed, {"value_not_stated": True})
