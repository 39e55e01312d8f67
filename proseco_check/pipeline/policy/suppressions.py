"""Suppressions: findings that a person has accepted, with a reason and a name.

A tender cannot carry code comments, so suppressions live in a sidecar file
(`proseco-suppressions.yaml` next to the config, or `--suppressions FILE`):

    suppressions:
      - rule: IT-11-CCNL                 # rule id or name
        files: "bandi/2026-*.docx"       # a glob, or `fingerprint: 3f2a...` (or both)
        reason: CCNL named in annex B, which is not checked
        author: Avv. Rossi
        expires: 2026-12-31              # optional

A Word comment whose text starts with `proseco: ignore RULE-ID — reason` is a waiver in
that document (kind inSource), honoured only when the repository's config enables them
and names the comment's author (`waivers: {enabled: true, authors: [...]}`): documents
come from third parties, who must not waive their own findings. A suppressed finding keeps its status; it is
marked and no longer counts for the exit code or the score. Expired entries apply no
more, and they and unused ones are reported as notices.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from proseco_check.errors import UsageError
from proseco_check.model.i18n import format_date, t
from proseco_check.model.report import DocumentResult, Finding, Suppression
from proseco_check.pipeline.policy.config import LoadedConfig, Waivers, relative_to
from proseco_check.pipeline.policy.globs import glob_match
from proseco_check.sanitize import single_line_text
from proseco_check.yaml_io import YamlFileError, read_yaml_file

SUPPRESSIONS_NAME = "proseco-suppressions.yaml"


class SuppressionEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule: str = Field(min_length=1)
    fingerprint: str | None = None
    files: list[str] | None = None
    reason: str = Field(min_length=1)
    author: str = Field(min_length=1)
    expires: dt.date | None = None

    @field_validator("files", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("reason", "author", mode="after")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value.strip()

    @model_validator(mode="after")
    def _scoped(self) -> SuppressionEntry:
        if not self.fingerprint and not self.files:
            raise ValueError("give 'fingerprint' or 'files' (a glob): a suppression must "
                             "say which finding or which documents it covers")
        return self

    def matches(self, finding: Finding, relpath: str) -> bool:
        if self.rule not in (finding.rule, finding.name):
            return False
        if self.fingerprint and self.fingerprint != finding.fingerprint:
            return False
        return not self.files or any(glob_match(g, relpath) for g in self.files)

    def covers_file(self, relpath: str) -> bool:
        return not self.files or any(glob_match(g, relpath) for g in self.files)



@dataclass
class SuppressionFile:
    entries: list[SuppressionEntry]
    source: Path
    root: Path
    used: set[int] = field(default_factory=set)
    expired_hits: set[int] = field(default_factory=set)
    in_scope: set[int] = field(default_factory=set)

    def apply(self, doc: DocumentResult, today: dt.date) -> None:
        relpath = relative_to(doc.path, self.root)
        for n, entry in enumerate(self.entries):
            if entry.covers_file(relpath):
                self.in_scope.add(n)
        for finding in doc.findings:
            if finding.status not in ("missing", "wrong") or finding.suppressed:
                continue
            for n, entry in enumerate(self.entries):
                if not entry.matches(finding, relpath):
                    continue
                if entry.expires is not None and entry.expires < today:
                    self.expired_hits.add(n)
                    continue
                self.used.add(n)
                mark(finding, Suppression(reason=entry.reason, author=entry.author,
                                          expires=entry.expires.isoformat() if entry.expires
                                          else None, kind="external"))
                break

    def notices(self, today: dt.date, lang: str = "en") -> list[str]:
        out: list[str] = []
        for n, entry in enumerate(self.entries):
            label = t("notice.suppression", lang, source=self.source, number=n + 1,
                      rule=entry.rule, author=entry.author)
            if entry.expires is not None and entry.expires < today:
                key = ("notice.suppression_expired_hit" if n in self.expired_hits
                       else "notice.suppression_expired")
                out.append(t(key, lang, label=label,
                             date=format_date(entry.expires.isoformat(), lang)))
            elif n not in self.used and n in self.in_scope:
                out.append(t("notice.suppression_unused", lang, label=label))
        return out


def mark(finding: Finding, suppression: Suppression) -> None:
    finding.suppressed = True
    finding.suppression = suppression


def _format_error(path: Path, number: int, item: Any, exc: ValidationError) -> UsageError:
    first = exc.errors()[0]
    key = ".".join(str(p) for p in first["loc"])
    rule = f" (rule {item.get('rule')})" if isinstance(item, dict) and item.get("rule") else ""
    if first["type"] == "missing":
        problem = f"missing key '{key}'" + (" (every suppression needs a reason and an author)"
                                            if key in ("reason", "author") else "")
    elif first["type"] == "extra_forbidden":
        problem = (f"unknown key '{key}' (known keys: rule, fingerprint, files, reason, "
                   "author, expires)")
    else:
        problem = (f"key '{key}': " if key else "") + first["msg"].removeprefix("Value error, ")
    return UsageError(f"{path}: entry {number}{rule}: {problem}")


def load_suppressions(path: Path) -> SuppressionFile:
    if not path.exists():
        raise UsageError(f"{path}: no such suppressions file")
    try:
        raw = read_yaml_file(path, "the suppressions file")
    except YamlFileError as exc:
        raise UsageError(f"{path}: {exc}") from None
    if isinstance(raw, dict):
        unknown = set(raw) - {"suppressions"}
        if unknown:
            raise UsageError(f"{path}: unknown key '{sorted(unknown)[0]}' (the file holds "
                             "'suppressions:', a list of entries)")
        raw = raw.get("suppressions")
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise UsageError(f"{path}: 'suppressions' must be a list of entries")
    entries: list[SuppressionEntry] = []
    for n, item in enumerate(raw):
        try:
            entries.append(SuppressionEntry.model_validate(item))
        except ValidationError as exc:
            raise _format_error(path, n + 1, item, exc) from None
    return SuppressionFile(entries=entries, source=path, root=path.resolve().parent)


def check_rules(suppressions: SuppressionFile, known: set[str]) -> None:
    for n, entry in enumerate(suppressions.entries):
        if entry.rule not in known:
            raise UsageError(f"{suppressions.source}: entry {n + 1}: rule '{entry.rule}' is "
                             "not a rule id or name of the loaded packs")


# ------------------------------------------------------------------ Word comments

_WAIVER = re.compile(r"^\s*proseco\s*:\s*ignore\s+(?P<rule>[A-Za-z0-9][\w.-]*)"
                     r"(?:\s*(?:—|–|--|-|:)\s*|\s+)?(?P<reason>.*)$", re.IGNORECASE | re.DOTALL)


@dataclass
class Waiver:
    rule: str
    reason: str
    author: str
    comment: int

    def where(self, lang: str) -> str:
        """'Word comment 3 'IT-11-CCNL'', in `lang`."""
        return t("notice.waiver", lang, comment=self.comment, rule=self.rule)


def parse_waiver(text: str) -> tuple[str, str] | None:
    """('RULE', 'reason') for a comment starting `proseco: ignore RULE — reason`."""
    match = _WAIVER.match(text)
    if not match:
        return None
    return match.group("rule"), " ".join(match.group("reason").split())


def read_docx_waivers(path: Path) -> list[Waiver]:
    """Waivers from the Word comments of a DOCX (python-docx 1.2 `Document.comments`)."""
    from proseco_check.readers.docx import check_zip

    try:
        if not zipfile.is_zipfile(path):
            return []
        check_zip(path)  # the same caps as the reader (ZIP bombs)
        if not _relates_comments(path):
            return []  # python-docx would give an empty comments part: skip parsing it all
        import docx

        document = docx.Document(str(path))
        comments = list(document.comments)
    except Exception:  # the reader already reported a damaged file; no waivers then
        return []
    waivers = []
    for comment in comments:
        parsed = parse_waiver(comment.text or "")
        if parsed:
            waivers.append(Waiver(rule=parsed[0], reason=single_line_text(parsed[1]),
                                  author=single_line_text(comment.author or "") or "unknown",
                                  comment=comment.comment_id))
    return waivers


def _relates_comments(path: Path) -> bool:
    """Whether any relationship of the package is of the comments type (python-docx finds
    the comments part only through one)."""
    with zipfile.ZipFile(path) as archive:
        return any(b"relationships/comments" in archive.read(name)
                   for name in archive.namelist() if name.endswith(".rels"))


def waive_from_comments(doc: DocumentResult, config: LoadedConfig | None,
                        known: set[str], lang: str = "en") -> None:
    """Apply a DOCX's waiver comments when the config enables them, from the authors it
    names only; every comment not honoured is a notice (in `lang`), so nothing is
    silently dropped."""
    waivers = read_docx_waivers(Path(doc.path))
    if not waivers:
        return
    settings = config.config.waivers if config is not None else Waivers()
    if not settings.enabled:
        doc.notices.append(t("notice.waivers_off", lang, n=len(waivers)))
        return
    allowed = []
    for waiver in waivers:
        if settings.counts(waiver.author):
            allowed.append(waiver)
        else:
            doc.notices.append(t("notice.waiver_author", lang, where=waiver.where(lang),
                                 author=waiver.author, config=config.label() if config
                                 else t("notice.the_config", lang)))
    apply_waivers(doc, allowed, known, lang)


def apply_waivers(doc: DocumentResult, waivers: list[Waiver], known: set[str],
                  lang: str = "en") -> None:
    for waiver in waivers:
        where = waiver.where(lang)
        if waiver.rule not in known:
            doc.notices.append(t("notice.waiver_no_rule", lang, where=where))
            continue
        if not waiver.reason:
            doc.notices.append(t("notice.waiver_no_reason", lang, where=where))
            continue
        hits = [f for f in doc.findings if waiver.rule in (f.rule, f.name)
                and f.status in ("missing", "wrong") and not f.suppressed]
        for finding in hits:
            mark(finding, Suppression(reason=waiver.reason, author=waiver.author,
                                      kind="inSource"))
        if not hits:
            doc.notices.append(t("notice.waiver_unused", lang, where=where,
                                 author=waiver.author))


def find_suppressions(explicit: Path | None, config_root: Path | None) -> Path | None:
    """--suppressions FILE, else proseco-suppressions.yaml next to the config (or in the
    working folder when there is no config)."""
    if explicit is not None:
        return explicit
    candidate = (config_root or Path.cwd()) / SUPPRESSIONS_NAME
    return candidate if candidate.exists() else None
