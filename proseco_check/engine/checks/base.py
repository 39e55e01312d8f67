from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from proseco_check.clauses.patterns import ClauseMatch, match_any
from proseco_check.engine.schema import Rule
from proseco_check.model.evidence import Evidence
from proseco_check.model.vocab import Status
from proseco_check.nlp.view import NlpView


@dataclass
class Outcome:
    status: Status
    # The clause matches behind the verdict; their offsets centre the quoted evidence.
    matches: list[ClauseMatch] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)
    # Evidence that is not a sentence match, e.g. the evidence of a fact.
    extra_evidence: list[Evidence] = field(default_factory=list)


def operative_matches(rule: Rule, view: NlpView) -> tuple[list[ClauseMatch], list[ClauseMatch]]:
    """(affirmed, negated) matches of the rule's patterns in the document's language."""
    patterns = rule.patterns.get(view.language, [])  # type: ignore[call-overload]
    matches = match_any(view, patterns)
    return [m for m in matches if not m.negated], [m for m in matches if m.negated]


def alternative_matches(rule: Rule, view: NlpView) -> list[ClauseMatch]:
    patterns = rule.alternatives.get(view.language, [])  # type: ignore[call-overload]
    return [m for m in match_any(view, patterns) if not m.negated]
