"""`explain WORDS`: find rules by keyword when the argument is not a rule id or name.

Every word must occur (without case or accents: "parita" finds "parità") in the rule's
id, name, title or messages, in Italian or English. Rules whose id, name or title hold
the words come first."""

from __future__ import annotations

from collections.abc import Iterable

from proseco_check.engine.schema import Rule, Texts
from proseco_check.spelling import fold


def _texts(texts: Iterable[Texts | None]) -> str:
    return " ".join(f"{t.it} {t.en}" for t in texts if t is not None)


def find_rule(key: str, rules: list[Rule]) -> Rule | None:
    """The rule with this id or name, compared without case."""
    folded = fold(key)
    return next((r for r in rules if folded in (fold(r.id), fold(r.name))), None)


def search_rules(query: str, rules: list[Rule]) -> list[Rule]:
    words = [fold(w) for w in query.split()]
    if not words:
        return []
    ranked: list[tuple[int, str, Rule]] = []
    for rule in rules:
        head = fold(f"{rule.id} {rule.name} {_texts([rule.title])}")
        body = fold(_texts([rule.message.missing, rule.message.wrong, rule.message.present]))
        if all(w in head for w in words):
            ranked.append((0, rule.id, rule))
        elif all(w in head or w in body for w in words):
            ranked.append((1, rule.id, rule))
    return [rule for _, _, rule in sorted(ranked, key=lambda item: item[:2])]


def render_matches(matches: list[Rule], lang: str, heading: str, hint: str) -> str:
    width = max(len(r.id) for r in matches)
    lines = [heading] + [f"  {r.id.ljust(width)}  {r.title.get(lang)}" for r in matches]
    return "\n".join([*lines, hint]) + "\n"
