"""forbidden: wording that must not be in the document (wrong when found)."""

from __future__ import annotations

from ...facts import TenderFacts
from ...nlp.view import NlpView
from ..schema import Rule
from .base import Outcome, operative_matches


def check(rule: Rule, view: NlpView, facts: TenderFacts) -> Outcome:
    affirmed, _ = operative_matches(rule, view)
    if affirmed:
        return Outcome("wrong", affirmed)
    return Outcome("present")
