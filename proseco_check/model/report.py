"""The one result model: every renderer formats it, none of them judges."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, PrivateAttr

from proseco_check.model.evidence import Evidence
from proseco_check.model.facts import Fact
from proseco_check.model.i18n import number, t
from proseco_check.model.rule_info import RuleInfo, SectionKind
from proseco_check.model.vocab import Severity, Status

# 1.2: findings' references carry the letter of the article (lett. b), which packs set.
# 1.3: the "elsewhere" status, each finding's usual `section` and, with --procedure, a
# top-level "procedures" list.
SCHEMA_VERSION = "1.3"


class ReferenceOut(BaseModel):
    law: str
    article: str | None = None
    comma: str | None = None
    letter: str | None = None
    version: str | None = None
    url: str | None = None


class Suppression(BaseModel):
    """Why a finding no longer counts: a sidecar entry (external) or a waiver written in
    the document itself (inSource, a Word comment)."""

    reason: str
    author: str
    expires: str | None = None
    kind: Literal["external", "inSource"] = "external"


class Finding(BaseModel):
    rule: str
    name: str
    title: str
    category: str
    status: Status
    severity: Severity
    message: str
    references: list[ReferenceOut]
    location: Evidence | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    fix: str | None = None
    fingerprint: str
    detail: dict[str, Any] = Field(default_factory=dict)
    # Added for CI use; a suppressed or baselined finding keeps its status but counts
    # neither for the exit code nor for the score.
    suppressed: bool = False
    suppression: Suppression | None = None
    baselined: bool = False
    # How sure the rule is (verified, partly, memory) and the source and law version
    # that level rests on. Added in 1.1, last so that older keys keep their order.
    evidence_level: Literal["verified", "partly", "memory"] | None = None
    evidence_source: str | None = None
    # Where the clause usually lives in a tender (award, participation, execution...):
    # the section a missing clause's comment goes on, and the documents it belongs in.
    section: SectionKind = "general"

    def counts(self) -> bool:
        """A result (missing or wrong) that is neither suppressed nor baselined."""
        return self.status in ("missing", "wrong") and not self.suppressed and not self.baselined


class ProfileElement(BaseModel):
    id: str
    values: dict[str, Any] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)


class Profile(BaseModel):
    reserved: str
    elements: list[ProfileElement]
    eforms: dict[str, list[str]]


class CategoryScore(BaseModel):
    category: str
    present: int = 0
    missing: int = 0
    wrong: int = 0
    not_applicable: int = 0
    skipped: int = 0
    score: float | None = None
    # Coverage: rules that gave a verdict (present, missing, wrong) out of the rules that
    # apply (those plus the skipped ones). A score stands beside its coverage.
    assessed: int = 0
    applicable: int = 0
    # Clauses expected in another document of the tender (status "elsewhere", added in
    # 1.2): neither assessed nor applicable here, so they move neither score nor coverage.
    elsewhere: int = 0


class Score(BaseModel):
    overall: float | None
    categories: list[CategoryScore]
    assessed: int = 0
    applicable: int = 0
    # Why there is no overall score ("non-procurement", "outside-packs",
    # "too-few-rules"); None when the document was scored.
    not_assessable: str | None = None


class DocumentResult(BaseModel):
    path: str
    language: str
    nlp_mode: str
    packs: list[str]
    facts: dict[str, Fact]
    profile: Profile
    findings: list[Finding]
    notices: list[str] = Field(default_factory=list)
    score: Score
    suppressed: int = 0
    baselined: int = 0
    # Seconds per stage (read, nlp, facts, rules, profile). Private: not part of the JSON
    # report or its schema; `--verbose` shows it (and adds it to JSON as `timings`).
    _timings: dict[str, float] = PrivateAttr(default_factory=dict)

    @property
    def timings(self) -> dict[str, float]:
        return self._timings

    def set_timings(self, timings: dict[str, float]) -> None:
        self._timings = dict(timings)


class ProcedureResult(DocumentResult):
    """The documents of one tender judged as one (check --procedure): facts merged with
    their provenance (Fact.file), each clause looked for across the documents (evidence
    names its file, Evidence.file), one profile, findings and score. `path` is the folder
    (or the files' common folder); `documents` the files, most authoritative first."""

    documents: list[str] = Field(default_factory=list)


class DocumentError(BaseModel):
    path: str
    error: str
    # The catalogue key and values of `error` (model/messages_input.py). Private: not part
    # of the JSON report; kept so that `localize` can say the error again in the report's
    # interface language, known only once every document has been read.
    _key: str | None = PrivateAttr(default=None)
    _values: dict[str, object] = PrivateAttr(default_factory=dict)

    @classmethod
    def of(cls, path: str | Path, key: str, lang: str, /, **values: object) -> DocumentError:
        """The error `key` of the document at `path`, said in `lang`."""
        error = cls(path=str(path), error="")
        error._key, error._values = key, dict(values)
        error.localize(lang)
        return error

    def localize(self, lang: str) -> None:
        """Say the error in `lang` (an error not built from the catalogue is kept)."""
        if self._key is not None:
            problem = t(self._key, lang, **{k: number(v, lang) for k, v in self._values.items()})
            self.error = " ".join(f"{self.path}: {problem}".split())


class Report(BaseModel):
    schema_version: str = SCHEMA_VERSION
    tool: dict[str, str]
    documents: list[DocumentResult]
    errors: list[DocumentError] = Field(default_factory=list)
    # check --procedure (added in 1.3): each tender judged as one; then the exit code and
    # every renderer but JSON follow the procedures, and `documents` holds each file
    # judged alone. Absent from the JSON of a run without --procedure.
    procedures: list[ProcedureResult] = Field(
        default_factory=list, exclude_if=lambda v: not v,
        json_schema_extra={"x-optional": True})
    # Run-wide notices: expired or unused suppressions, the baseline in use.
    notices: list[str] = Field(default_factory=list)
    baseline: str | None = None
    # The config file the policy came from (None: built-in defaults, no config file).
    config: str | None = None
    # What the renderers print about each rule a finding names (titles, examples with
    # their highlight spans, model clauses), filled by engine/describe.py. Not part of
    # the JSON report.
    rules: dict[str, RuleInfo] = Field(default_factory=dict, exclude=True)

    def judged(self) -> list[DocumentResult]:
        """What the run judged: the procedures with --procedure, else the documents."""
        return list(self.procedures) or list(self.documents)


# Why a rule could not be evaluated (Finding.detail keys): the check is incomplete.
UNEVALUATED = ("pattern_timeout",)


def unevaluated(finding: Finding) -> bool:
    """A rule that was skipped because it could not run, not because it did not apply."""
    return finding.status == "skipped" and any(k in finding.detail for k in UNEVALUATED)
