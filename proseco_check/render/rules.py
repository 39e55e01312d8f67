"""The one place a renderer may look at the rule packs: a rule's good and bad examples
and its patterns (to highlight matched words), by rule id. Formatting help only: the
verdicts stay those of the Report."""

from __future__ import annotations

from functools import lru_cache

from proseco_check.engine.loader import resolve_packs
from proseco_check.engine.schema import Example, Rule
from proseco_check.errors import ProsecoError


@lru_cache(maxsize=8)
def _rules(packs: tuple[str, ...]) -> dict[str, Rule]:
    try:
        loaded = resolve_packs(list(packs) or None)
    except ProsecoError:
        loaded = resolve_packs(None)
    found = {r.id: r for p in loaded for r in p.rules}
    if packs:  # rules of the built-in packs stay reachable next to custom ones
        for pack in resolve_packs(None):
            for rule in pack.rules:
                found.setdefault(rule.id, rule)
    return found


def rule_by_id(rule_id: str, packs: list[str] | None = None) -> Rule | None:
    """The rule with this id (or name) in `packs` (default: the built-in packs)."""
    rules = _rules(tuple(packs or ()))
    return rules.get(rule_id) or next((r for r in rules.values() if r.name == rule_id), None)


def examples_for(rule_id: str, lang: str, packs: list[str] | None = None, limit: int = 2
                 ) -> tuple[list[Example], list[Example]]:
    """(good, bad) examples of a rule, those in `lang` first, at most `limit` each."""
    rule = rule_by_id(rule_id, packs)
    if rule is None:
        return [], []

    def pick(examples: list[Example]) -> list[Example]:
        ordered = sorted(examples, key=lambda e: e.lang != lang)
        return ordered[:limit]

    return pick(rule.examples.good), pick(rule.examples.bad)
