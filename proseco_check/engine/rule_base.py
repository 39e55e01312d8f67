"""What every rule has, whatever its type: identity, law, applicability, the clause it
judges, messages, model clause and examples. Each rule type adds its own fields in its
module (engine/checks/<type>.py); engine/schema.py joins them in one tagged union."""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar, Literal

from pydantic import BaseModel, Field, ValidationInfo, field_validator

from proseco_check.engine.conditions import Condition
from proseco_check.model.rule_info import SectionKind
from proseco_check.model.sections import rule_section
from proseco_check.model.vocab import Category, EvidenceLevel, Severity

_RULE_ID = re.compile(r"^[A-Z]{2,6}(-[A-Z0-9.]+)+$")
_RULE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Strict(BaseModel):
    model_config = {"extra": "forbid"}


class Reference(Strict):
    law: str
    article: str | None = None
    comma: str | None = None
    letter: str | None = None
    version: dt.date = Field(description="date of the text of the law this rule encodes")
    url: str | None = None

    def label(self) -> str:
        parts = [f"art. {self.article}" if self.article else "", f"c. {self.comma}"
                 if self.comma else "", f"lett. {self.letter}" if self.letter else ""]
        head = ", ".join(p for p in parts if p)
        return f"{head} {self.law}".strip()


class Texts(Strict):
    """A message in each interface language; Italian and English are mandatory."""

    it: str
    en: str
    fr: str | None = None
    es: str | None = None
    nl: str | None = None
    de: str | None = None

    def get(self, lang: str) -> str:
        return getattr(self, lang, None) or self.en


class Messages(Strict):
    missing: Texts | None = None
    wrong: Texts | None = None
    present: Texts


class Example(Strict):
    lang: Literal["it", "en", "fr", "es", "nl", "de"]
    text: str = Field(min_length=20)
    # The heading the text sits under, so clauses with section conditions are tested in
    # the structure a tender gives them.
    section: str | None = None
    facts: dict[str, str | float | bool] = Field(default_factory=dict)
    note: str | None = None


class Examples(Strict):
    good: list[Example] = Field(min_length=2)
    bad: list[Example] = Field(min_length=2)


class RuleBase(Strict):
    # The messages this rule type needs besides `present` (set by each rule type).
    MESSAGES: ClassVar[tuple[str, ...]] = ()

    id: str
    name: str
    title: Texts
    category: Category
    severity: Severity
    evidence: EvidenceLevel
    # The source the evidence level rests on and the law version encoded, in short:
    # "D.Lgs. 36/2023 art. 108 c.7 as amended by DL 51/2023 (legal-audit S5, S8)".
    evidence_source: str = Field(min_length=5)
    references: list[Reference] = Field(min_length=1)
    applies_when: Condition = Field(default_factory=Condition)
    # Subject matter that facts cannot tell (school catering, social services, appalto
    # integrato): the rule applies only when this clause is found somewhere in the
    # document; otherwise it is not applicable.
    applies_if_found: str | None = None
    needs: list[Literal["LEMMA", "POS", "TAG", "MORPH", "DEP"]] = Field(default_factory=list)
    # The clause of the vocabulary (clauses/<id>.yaml) this rule judges: its patterns,
    # context and named values are defined there, once, and read by facts and profile too.
    clause: str
    # Another lawful way to comply, e.g. a reasoned derogation from the hiring quotas:
    # when the clause is missing but this clause is present, the rule passes.
    alternative: str | None = None
    message: Messages
    fix: Texts | None = None
    # A model clause lawful in one jurisdiction (key: the `jurisdiction` fact, e.g. be,
    # fr, lu): chosen before `fix`, whose texts must then be jurisdiction-neutral.
    fix_by_jurisdiction: dict[str, Texts] = Field(default_factory=dict)
    examples: Examples
    # Where the clause usually lives in a tender; by default read from the name, then
    # the category (model/sections.py). It places a missing clause's Word comment and
    # says which kinds of document carry the clause.
    section: SectionKind | None = None

    def usual_section(self) -> SectionKind:
        return self.section or rule_section(self.name, self.category)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _RULE_ID.match(value):
            raise ValueError("ids look like IT-11-CCNL: upper-case prefix and dash-separated parts")
        return value

    @field_validator("clause", "alternative", "applies_if_found")
    @classmethod
    def _clause_id_shape(cls, value: str | None) -> str | None:
        if value is not None and not _RULE_NAME.match(value):
            raise ValueError("clause ids are lower-case words joined by dashes, like "
                             "collective-agreement-named (the file clauses/<id>.yaml)")
        return value

    def clause_ids(self) -> list[str]:
        """The clauses this rule reads: its own, its lawful alternative, its subject."""
        return [c for c in (self.clause, self.alternative, self.applies_if_found) if c]

    @field_validator("name")
    @classmethod
    def _name_shape(cls, value: str) -> str:
        if not _RULE_NAME.match(value):
            raise ValueError("names are lower-case words joined by dashes, like ccnl-named")
        return value

    # Cross-field checks are field validators (fields are validated in order), so that
    # an error names the field to fix, not the whole rule.
    @field_validator("evidence")
    @classmethod
    def _error_needs_evidence(cls, value: str, info: ValidationInfo) -> str:
        if value == "memory" and info.data.get("severity") == "error":
            raise ValueError("a rule resting on memory alone ([M]) cannot be an error: "
                             "make it a warning or verify the source")
        return value

    @field_validator("message")
    @classmethod
    def _messages_for_type(cls, value: Messages) -> Messages:
        for needed in cls.MESSAGES:
            if getattr(value, needed) is None:
                raise ValueError(f"this rule type needs message.{needed}")
        return value
