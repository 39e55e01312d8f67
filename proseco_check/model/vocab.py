"""The fixed vocabulary of social-procurement elements the profile reports. Rules may
name the element they are evidence of, which lets an evaluation measure their recall."""

from __future__ import annotations

from typing import Literal

ElementId = Literal[
    "labour-agreement", "employment-stability", "hiring-quotas", "disadvantaged-employment",
    "social-award-criteria", "gender-equality-certification", "ethical-supply-chain",
    "accessibility",
]
ELEMENTS: tuple[str, ...] = ElementId.__args__
