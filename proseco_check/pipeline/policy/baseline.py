"""Baselines: accept today's findings, fail only on new ones.

`--write-baseline FILE` records every current missing/wrong finding as (document path,
rule, fingerprint); `--baseline FILE` marks the findings found there as baselined, so
they count neither for the exit code nor for the score. Fingerprints hash the rule, the
status and the quoted words, not page numbers, so a re-paginated tender keeps its
baseline; a long quote is hashed as it was cut before quotes were cut on word
boundaries (`model.evidence.quote_fingerprint`), so baselines written before still
match. Paths are stored relative to the baseline file's folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from proseco_check.bounded import BoundedReadError, read_bounded
from proseco_check.errors import UsageError
from proseco_check.model.i18n import t
from proseco_check.model.report import DocumentResult, Report
from proseco_check.output_files import write_atomic
from proseco_check.pipeline.policy.config import relative_to
from proseco_check.yaml_io import YamlFileError, decode_text

BASELINE_VERSION = "1.0"


def baseline_entries(report: Report, root: Path) -> list[dict[str, str]]:
    entries = [
        {"path": relative_to(doc.path, root), "rule": f.rule, "status": f.status,
         "fingerprint": f.fingerprint}
        for doc in report.judged() for f in doc.findings if f.status in ("missing", "wrong")
    ]
    return sorted(entries, key=lambda e: (e["path"], e["rule"], e["fingerprint"]))


def write_baseline(report: Report, path: Path) -> int:
    entries = baseline_entries(report, path.resolve().parent)
    data = {"schema_version": BASELINE_VERSION, "tool": "proseco-check", "findings": entries}
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return len(entries)


@dataclass
class Baseline:
    source: Path
    keys: set[tuple[str, str, str]]
    matched: set[tuple[str, str, str]] = field(default_factory=set)
    checked: set[str] = field(default_factory=set)

    def apply(self, doc: DocumentResult) -> None:
        relpath = relative_to(doc.path, self.source.resolve().parent)
        self.checked.add(relpath)
        for finding in doc.findings:
            key = (relpath, finding.rule, finding.fingerprint)
            if finding.status in ("missing", "wrong") and not finding.suppressed \
                    and key in self.keys:
                finding.baselined = True
                self.matched.add(key)

    def notices(self, lang: str = "en") -> list[str]:
        gone = [k for k in self.keys if k[0] in self.checked and k not in self.matched]
        if not gone:
            return []
        return [t("notice.baseline_gone", lang, source=self.source, n=len(gone))]


MAX_JSON_BYTES = 64 * 1024 * 1024


def read_json(path: Path, what: str, missing: str = "") -> Any:
    """A JSON input file (baseline, recall): a regular file under a size cap, UTF-8 (or
    UTF-16 with its mark), not nested without bound; every failure one UsageError line
    naming the file."""
    try:
        data = read_bounded(path, MAX_JSON_BYTES, what)
    except BoundedReadError as exc:
        if str(exc) == "no such file" and missing:
            raise UsageError(f"{path}: {missing}") from None
        raise UsageError(f"{path}: {exc}") from None
    try:
        return json.loads(decode_text(data, what))
    except YamlFileError as exc:
        raise UsageError(f"{path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path}: {what} is not valid JSON (line {exc.lineno}: {exc.msg})"
                         ) from None
    except RecursionError:
        raise UsageError(f"{path}: {what} nests its JSON too deeply to be read") from None


def load_baseline(path: Path) -> Baseline:
    data = read_json(path, "the baseline",
                     missing="no such baseline file (create it with --write-baseline)")
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise UsageError(f"{path}: not a baseline file (no 'findings' list)")
    keys: set[tuple[str, str, str]] = set()
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not all(
                isinstance(entry.get(k), str) for k in ("path", "rule", "fingerprint")):
            raise UsageError(f"{path}: entry {n} needs string 'path', 'rule' and 'fingerprint'")
        keys.add((entry["path"], entry["rule"], entry["fingerprint"]))
    return Baseline(source=path, keys=keys)
