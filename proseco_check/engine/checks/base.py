from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from proseco_check.clauses.judge import ClauseJudge
from proseco_check.clauses.patterns import ClauseMatch
from proseco_check.engine.rule_base import RuleBase
from proseco_check.model.evidence import Evidence
from proseco_check.model.vocab import Status


@dataclass
class Outcome:
    status: Status
    # The clause matches behind the verdict; their offsets centre the quoted evidence.
    matches: list[ClauseMatch] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)
    # Evidence that is not a sentence match, e.g. the evidence of a fact.
    extra_evidence: list[Evidence] = field(default_factory=list)


def operative_matches(rule: RuleBase, judge: ClauseJudge
                      ) -> tuple[list[ClauseMatch], list[ClauseMatch]]:
    """(affirmed, negated) matches of the rule's clause: the verdict facts and the
    profile read too."""
    verdict = judge.verdict(rule.clause)
    return verdict.affirmed, verdict.negated


def alternative_matches(rule: RuleBase, judge: ClauseJudge) -> list[ClauseMatch]:
    return judge.verdict(rule.alternative).affirmed if rule.alternative else []
