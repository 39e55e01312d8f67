"""What a renderer may print about a rule, computed once on the engine side
(engine/describe.py): titles, messages and model clauses per language, legal references,
the good and bad examples with the words the rule's patterns match (whole-word spans),
and the section of a tender where the clause belongs. Renderers read this; they never
load a pack or run a pattern."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Span = tuple[int, int]

# Where a clause usually lives in a tender, so a missing clause's Word comment sits on
# the section the buyer edits (pipeline/annotate.py; titles per language in
# model/sections.py).
SectionKind = Literal["award", "participation", "execution", "social", "reservation",
                      "general"]


class ExampleInfo(BaseModel):
    lang: str
    text: str
    # (start, end) of the matched words in `text`, sorted, non-overlapping, on word
    # boundaries (never "3«0 per cento»").
    spans: list[Span] = Field(default_factory=list)
    note: str | None = None


class ReferenceInfo(BaseModel):
    law: str
    article: str | None = None
    comma: str | None = None
    letter: str | None = None
    version: str | None = None  # ISO date of the text of the law
    url: str | None = None


class RuleInfo(BaseModel):
    id: str
    name: str
    title: dict[str, str]
    category: str
    severity: str
    evidence: str
    # Where the rule's reading of the law comes from (a source, or why it is unverified).
    evidence_source: str = ""
    type: str
    references: list[ReferenceInfo] = Field(default_factory=list)
    # status (missing, wrong, present) -> language -> message
    messages: dict[str, dict[str, str]] = Field(default_factory=dict)
    fix: dict[str, str] = Field(default_factory=dict)
    # Model clauses lawful in one jurisdiction, chosen before the language (fr, be, ...).
    fix_by_jurisdiction: dict[str, dict[str, str]] = Field(default_factory=dict)
    good: list[ExampleInfo] = Field(default_factory=list)
    bad: list[ExampleInfo] = Field(default_factory=list)
    section: SectionKind = "general"

    def text(self, field: dict[str, str], lang: str) -> str:
        return field.get(lang) or field.get("en") or next(iter(field.values()), "")

    def title_in(self, lang: str) -> str:
        return self.text(self.title, lang)

    def message_in(self, status: str, lang: str) -> str:
        return self.text(self.messages.get(status, {}), lang)

    def fix_in(self, lang: str) -> str:
        return self.text(self.fix, lang) if self.fix else ""

    def examples(self, kind: Literal["good", "bad"], lang: str | None = None
                 ) -> list[ExampleInfo]:
        """The examples of one kind; only those in `lang` when it is given (a report
        shows the wording in the document's language, never another one)."""
        examples = self.good if kind == "good" else self.bad
        return [e for e in examples if lang is None or e.lang == lang]
