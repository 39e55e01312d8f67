"""The comparison of two versions of a tender (`proseco-check diff`): results fixed,
introduced and unchanged, and how each score moved. Computed by pipeline/diff.py,
printed by render/diff.py."""

from __future__ import annotations

from pydantic import BaseModel, Field

from proseco_check.model.report import SCHEMA_VERSION


class DiffEntry(BaseModel):
    rule: str
    name: str
    title: str
    category: str
    status: str
    severity: str
    fingerprint: str
    where: str | None = None
    evidence: str | None = None
    suppressed: bool = False


class UnchangedEntry(DiffEntry):
    new_fingerprint: str
    moved: bool = False  # same rule and status, different quoted words


class ScoreChange(BaseModel):
    category: str
    old: float | None
    new: float | None
    delta: float | None


class DocumentRef(BaseModel):
    path: str
    score: float | None
    results: int


class DiffReport(BaseModel):
    schema_version: str = SCHEMA_VERSION
    old: DocumentRef
    new: DocumentRef
    score: list[ScoreChange]
    fixed: list[DiffEntry] = Field(default_factory=list)
    introduced: list[DiffEntry] = Field(default_factory=list)
    unchanged: list[UnchangedEntry] = Field(default_factory=list)
