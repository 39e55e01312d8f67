"""Verdicts -> scorecard. A category's score is the severity-weighted share of its
applicable rules that pass; not-applicable, skipped and "elsewhere" rules (a clause
expected in another document of the tender, pipeline/placement.py) do not count, and
"elsewhere" ones count in no coverage either: this document cannot tell.

Honest scores: every score carries its coverage (rules assessed / rules that apply), and
there is no overall score (null, "not assessable") for a document that is not a
procurement document, for a jurisdiction outside the packs (only good practice ran), or
when fewer than MIN_ASSESSED rules could give a verdict: a 100/100 on two rules, or on a
text saying "ciao", would tell a buyer something the tool does not know."""

from __future__ import annotations

from proseco_check.model.facts import TenderFacts
from proseco_check.model.report import CategoryScore, Finding, Score
from proseco_check.model.vocab import CATEGORIES

WEIGHTS = {"error": 3, "warning": 2, "info": 1}


MIN_ASSESSED = 5
OUTSIDE_PACKS = ("ch", "other")


def not_assessable(facts: TenderFacts | None, assessed: int) -> str | None:
    """Why a document gets no overall score, or None."""
    if facts is not None and facts.value("is_tender") is False:
        return "non-procurement"
    if facts is not None and facts.value("jurisdiction") in OUTSIDE_PACKS:
        return "outside-packs"
    if assessed < MIN_ASSESSED:
        return "too-few-rules"
    return None


def score(findings: list[Finding], facts: TenderFacts | None = None) -> Score:
    rows: list[CategoryScore] = []
    total_weight = total_pass = 0
    for category in CATEGORIES:
        row = CategoryScore(category=category)
        weight = passed = 0
        for f in findings:
            if f.category != category:
                continue
            setattr(row, f.status, getattr(row, f.status) + 1)
            if f.status in ("present", "missing", "wrong"):
                weight += WEIGHTS[f.severity]
                passed += WEIGHTS[f.severity] if f.status == "present" else 0
        row.score = round(100 * passed / weight, 1) if weight else None
        row.assessed = row.present + row.missing + row.wrong
        row.applicable = row.assessed + row.skipped
        total_weight += weight
        total_pass += passed
        rows.append(row)
    assessed = sum(r.assessed for r in rows)
    reason = not_assessable(facts, assessed)
    overall = round(100 * total_pass / total_weight, 1) if total_weight and not reason else None
    return Score(overall=overall, categories=rows, assessed=assessed,
                 applicable=sum(r.applicable for r in rows), not_assessable=reason)
