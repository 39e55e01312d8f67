"""Verdicts -> scorecard. A category's score is the severity-weighted share of its
applicable rules that pass; not-applicable and skipped rules do not count."""

from __future__ import annotations

from proseco_check.model.report import CategoryScore, Finding, Score
from proseco_check.model.vocab import CATEGORIES

WEIGHTS = {"error": 3, "warning": 2, "info": 1}


def score(findings: list[Finding]) -> Score:
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
        total_weight += weight
        total_pass += passed
        rows.append(row)
    overall = round(100 * total_pass / total_weight, 1) if total_weight else None
    return Score(overall=overall, categories=rows)
