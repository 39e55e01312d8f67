"""The clause vocabulary's schema. A clause is a named piece of tender wording (a named
collective agreement, the reservation statement, a youth hiring quota) with its patterns
in each language, the context it needs, the numbers it carries and its examples.

Facts, profile elements and rules refer to clauses by id, so one clause is spelled once
and judged once per document (see judge.py). The files are `clauses/*.yaml`, one clause
per file; `docs/schema/clause.schema.json` is exported from these models.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from proseco_check.clauses.patterns import ClausePattern, check_regex
from proseco_check.model.vocab import Lang

_CLAUSE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Strict(BaseModel):
    model_config = {"extra": "forbid"}


class ClauseTitle(Strict):
    """What the clause says, for people: Italian and English are mandatory."""

    it: str
    en: str


class ClauseContext(Strict):
    """Where a match counts: one of `any` in the sentence or in the next `following`
    sentences of the same or next blocks, or the sentence sits under a heading matching
    `section`. Example: gender-certification points count in an award table, not in the
    guarantee-reduction paragraph."""

    any: list[str] = Field(min_length=1)
    following: int = Field(default=2, ge=0, le=5)
    section: str | None = None

    @field_validator("any")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        for source in value:
            check_regex(source)
        return value


class ClauseValue(Strict):
    """A number the clause states, named: the value of `kind` nearest to where `near`
    matches in the sentence (e.g. youth_pct: the percentage next to 'giovani')."""

    kind: Literal["percent", "money", "duration"]
    near: str | None = None

    @field_validator("near")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            check_regex(value)
        return value


class ClauseExample(Strict):
    """A sentence as it appears in a tender. `section` puts it under a heading, so that
    clauses with section or context conditions are tested in a real structure."""

    lang: Lang
    text: str = Field(min_length=10)
    section: str | None = None
    values: dict[str, float] = Field(default_factory=dict)
    note: str | None = None


class ClauseExamples(Strict):
    good: list[ClauseExample] = Field(min_length=1)
    bad: list[ClauseExample] = Field(min_length=1)


class Clause(Strict):
    id: str
    title: ClauseTitle
    patterns: dict[Lang, list[ClausePattern]]
    context: ClauseContext | None = None
    values: dict[str, ClauseValue] = Field(default_factory=dict)
    # The clause only counts when it states at least one of its values.
    require_values: bool = False
    # Per language, sentences that never count, whichever pattern matched them: kinds of
    # sentence that say the clause's words and state nothing ("not reserved", a form
    # field to fill in only if the contract is reserved). One list, not one per pattern.
    exclude: dict[Lang, list[str]] = Field(default_factory=dict)
    # A heading may state this clause, not only name its topic ("1.6 Award criteria (most
    # economically advantageous tender)"); other clauses never count in a heading.
    in_headings: bool = False
    # The clause states a decision the buyer may also decline (a reservation): its words
    # as the subject of a negated predicate ("La reserva ... no se ha aplicado"), or after
    # a verb of refusal ("decided against reserving"), deny it whatever the verb
    # (nlp/declined.py).
    declinable: bool = False
    # Clause ids whose sentences, affirmed or denied, are of their kind, never this
    # clause's: an award criterion that scores hiring unemployed people is a social award
    # criterion, not a commitment to hire them; a reservation not made is no commitment to
    # hire either. No cycle: a clause named here never leads back to this one.
    outside: list[str] = Field(default_factory=list)
    examples: ClauseExamples

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _CLAUSE_ID.match(value):
            raise ValueError("clause ids are lower-case words joined by dashes, like "
                             "collective-agreement-named")
        return value

    @field_validator("patterns")
    @classmethod
    def _some_patterns(cls, value: dict[str, list[ClausePattern]]
                       ) -> dict[str, list[ClausePattern]]:
        if not value or not any(value.values()):
            raise ValueError("a clause needs patterns for at least one language")
        return value

    @field_validator("exclude")
    @classmethod
    def _exclusions_compile(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for sources in value.values():
            for source in sources:
                check_regex(source)
        return value

    @model_validator(mode="after")
    def _examples_per_language(self) -> Clause:
        """Every pattern language has at least one good and one bad example."""
        for lang in self.patterns:
            for kind in ("good", "bad"):
                if not any(e.lang == lang for e in getattr(self.examples, kind)):
                    raise ValueError(f"examples: no {kind} example in '{lang}', a language "
                                     "the clause has patterns for")
        if self.require_values and not self.values:
            raise ValueError("require_values needs 'values'")
        return self
