"""`applies_when` and `expect`: small conditions over tender facts, written in YAML.

    applies_when:
      jurisdiction: it                     # equals
      contract_type: [works, services]     # one of
      estimated_value_eur: {lt: 216000}    # comparison: lt, lte, gt, gte, ne, not_in
      any: [{pnrr: true}, {reserved: res-ws}]   # at least one sub-condition

A fact that is unknown (None) makes the condition 'unknown', and the rule reports that
it could not decide instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from typing import Any

from pydantic import RootModel, model_validator

from proseco_check.model.facts import FACT_TYPES

_OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "lt": operator.lt, "lte": operator.le, "gt": operator.gt, "gte": operator.ge,
    "eq": operator.eq, "ne": operator.ne,
    "in": lambda value, options: _member(value, options),
    "not_in": lambda value, options: not _member(value, options),
}
_OPS = set(_OPERATORS)


class Condition(RootModel[dict[str, Any]]):
    root: dict[str, Any] = {}

    @model_validator(mode="before")
    @classmethod
    def _dates_as_text(cls, data: Any) -> Any:
        """YAML turns an unquoted 2026-08-22 into a date; date facts are ISO strings, so
        compare like with like instead of failing silently."""
        return _iso_dates(data)

    @model_validator(mode="after")
    def _shape(self) -> Condition:
        for key, spec in self.root.items():
            if key in ("any", "all"):
                if not isinstance(spec, list) or not all(isinstance(s, dict) for s in spec):
                    raise ValueError(f"'{key}' takes a list of conditions")
                for sub in spec:
                    Condition(sub)
                continue
            if key not in FACT_TYPES:
                raise ValueError(f"unknown fact '{key}' (known: {', '.join(FACT_TYPES)})")
            if isinstance(spec, dict) and not set(spec) <= _OPS:
                raise ValueError(f"unknown operator in {spec} (use {', '.join(sorted(_OPS))})")
        return self

    def evaluate(self, facts: dict[str, Any]) -> bool | None:
        """True, False, or None when an unknown fact decides the outcome."""
        unknown = False
        for key, spec in self.root.items():
            if key == "any":
                results = [Condition(sub).evaluate(facts) for sub in spec]
                if any(r is True for r in results):
                    continue
                if any(r is None for r in results):
                    unknown = True
                    continue
                return False
            if key == "all":
                for sub in spec:
                    result = Condition(sub).evaluate(facts)
                    if result is False:
                        return False
                    unknown = unknown or result is None
                continue
            result = _test(facts.get(key), spec)
            if result is False:
                return False
            unknown = unknown or result is None
        return None if unknown else True

    def facts_used(self) -> list[str]:
        names: list[str] = []
        for key, spec in self.root.items():
            if key in ("any", "all"):
                for sub in spec:
                    names += Condition(sub).facts_used()
            else:
                names.append(key)
        return names


def _iso_dates(data: Any) -> Any:
    if isinstance(data, dt.date):
        return data.isoformat()
    if isinstance(data, dict):
        return {k: _iso_dates(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_iso_dates(v) for v in data]
    return data


def _test(value: Any, spec: Any) -> bool | None:
    if value is None:
        return None
    if isinstance(spec, list):
        return _member(value, spec)
    if isinstance(spec, dict):
        try:
            return all(_OPERATORS[op](value, expected) for op, expected in spec.items())
        except TypeError:  # comparing a number with text: the condition cannot hold
            return False
    return bool(value == spec)


def _member(value: Any, options: list[Any]) -> bool:
    """Membership; for a list fact (cpv_codes) any element counts."""
    if isinstance(value, list):
        return any(v in options for v in value)
    return value in options
