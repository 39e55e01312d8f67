"""numeric: a number stated near the clause (or a fact) must be within bounds.

"almeno il 20 per cento dei lavoratori svantaggiati" is wrong, not merely present: the
value nearest to each clause match is compared with min/max."""

from __future__ import annotations

from proseco_check.clauses.patterns import ClauseMatch
from proseco_check.engine.checks.base import Outcome, alternative_matches, operative_matches
from proseco_check.engine.schema import NumericCheck, Rule
from proseco_check.model.facts import TenderFacts
from proseco_check.model.vocab import Status
from proseco_check.nlp.entities import value_for
from proseco_check.nlp.view import NlpView


def _within(value: float, bounds: NumericCheck) -> bool:
    return (bounds.min is None or value >= bounds.min) and (bounds.max is None or value <= bounds.max)


def check(rule: Rule, view: NlpView, facts: TenderFacts) -> Outcome:
    bounds = rule.check
    assert bounds is not None  # guaranteed by the schema
    if bounds.fact:
        value = facts.value(bounds.fact)
        if value is None:
            return Outcome("not_applicable", detail={"unknown_fact": bounds.fact})
        status: Status = "present" if _within(float(value), bounds) else "wrong"  # type: ignore[arg-type]
        return Outcome(status, detail={"value": value, "fact": bounds.fact},
                       extra_evidence=list(facts.facts[bounds.fact].evidence))
    affirmed, _ = operative_matches(rule, view)
    alternatives = alternative_matches(rule, view)
    if not affirmed:
        if alternatives:
            return Outcome("present", alternatives, {"alternative": True})
        return Outcome("missing")
    good: list[ClauseMatch] = []
    bad: list[ClauseMatch] = []
    values: list[float] = []
    for match in affirmed:
        candidates = [v for v in match.sentence.values if v.kind == bounds.value]
        if not candidates:
            continue
        nearest = value_for(candidates, match.start)
        assert nearest is not None  # candidates is not empty
        values.append(float(nearest.value))
        # Quote the evidence around the number that decided the verdict.
        at_value = ClauseMatch(match.sentence, nearest.start, nearest.end, match.negated)
        (good if _within(float(nearest.value), bounds) else bad).append(at_value)
    if bad and not alternatives:
        return Outcome("wrong", bad, {"values": values})
    if bad:
        return Outcome("present", alternatives,
                       {"values": values, "alternative": True})
    if good:
        return Outcome("present", good, {"values": values})
    # The clause is there but states no number: the threshold is not stated.
    return Outcome("missing", affirmed, {"value_not_stated": True})
