"""The rule-pack schema. A pack is data: YAML validated by these models, whose errors
name the file, the rule id and the field (see loader.py). A rule is one of the rule
types, told apart by `type`; each type's model lives beside its check, in
engine/checks/<type>.py, like Vale's one struct per rule type."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import Field, TypeAdapter, model_validator

from proseco_check.engine.checks.consistency import ConsistencyRule
from proseco_check.engine.checks.forbidden import ForbiddenRule
from proseco_check.engine.checks.numeric import NumericCheck, NumericRule
from proseco_check.engine.checks.required import RequiredRule
from proseco_check.engine.rule_base import Example, Examples, Messages, Reference, RuleBase, Strict, Texts

__all__ = ["ConsistencyRule", "Example", "Examples", "ForbiddenRule", "Messages",
           "NumericCheck", "NumericRule", "Pack", "PackInfo", "Reference", "RequiredRule",
           "Rule", "RuleBase", "RuleType", "Texts", "parse_rule"]

Rule = Annotated[RequiredRule | ForbiddenRule | NumericRule | ConsistencyRule,
                 Field(discriminator="type")]
RuleType = Literal["required", "forbidden", "numeric", "consistency"]
RULE_TYPES: tuple[str, ...] = get_args(RuleType)
_RULE_ADAPTER: TypeAdapter[Rule] = TypeAdapter(Rule)


def parse_rule(data: object) -> Rule:
    """One rule from its YAML mapping, of the type its `type` names."""
    return _RULE_ADAPTER.validate_python(data)


class PackInfo(Strict):
    id: str
    name: str
    version: str
    jurisdiction: str
    law_version: str
    law_date: dt.date
    description: str | None = None


class Pack(Strict):
    pack: PackInfo
    rules: list[Rule]

    @model_validator(mode="after")
    def _unique(self) -> Pack:
        seen: set[str] = set()
        for rule in self.rules:
            for key in (rule.id, rule.name):
                if key in seen:
                    raise ValueError(f"duplicate rule id or name '{key}'")
                seen.add(key)
        return self
