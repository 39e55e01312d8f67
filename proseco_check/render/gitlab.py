"""`--format gitlab`: a GitLab Code Quality report (`artifacts:reports:codequality`).

A JSON array of issues in the subset of the Code Climate format GitLab reads:
`description`, `check_name` (the rule id), `fingerprint`, `severity` (info, minor,
major, critical or blocker), `location.path` and `location.lines.begin`. GitLab keys the
issues by fingerprint (a repeated one hides the others) and stops reading at the first
issue its schema rejects, so fingerprints are unique per document and result, and every
issue has a line: the quoted paragraph's, or 1 for a missing clause (the whole document).
Only results that count are reported (suppressed and baselined ones are accepted); a
document that could not be read is one `critical` issue, `unreadable-document`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from proseco_check.model.report import DocumentResult, Finding, Report
from proseco_check.render.common import counted, start_line
from proseco_check.render.escape import gitlab_text

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}
UNREADABLE = "unreadable-document"


def repo_path(path: str) -> str:
    """The path GitLab links to: relative to the working folder (the checkout in CI)
    when inside it, POSIX separators."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return candidate.as_posix()
    return candidate.as_posix().removeprefix("./")


def _issue(doc: DocumentResult, finding: Finding, seen: set[str]) -> dict[str, Any]:
    path = repo_path(doc.path)
    key = f"{path}\0{finding.rule}\0{finding.status}\0{finding.fingerprint}"
    fingerprint = hashlib.md5(key.encode("utf-8"), usedforsecurity=False).hexdigest()
    n = 1
    while fingerprint in seen:  # the same result twice in one document stays two issues
        n += 1
        fingerprint = hashlib.md5(f"{key}\0{n}".encode(), usedforsecurity=False).hexdigest()
    seen.add(fingerprint)
    return {
        "type": "issue",
        "check_name": finding.rule,
        "description": gitlab_text(f"{finding.rule} {finding.status}: {finding.message}"),
        "severity": SEVERITIES[finding.severity],
        "fingerprint": fingerprint,
        "location": {"path": path, "lines": {"begin": start_line(finding.location) or 1}},
    }


def _unreadable(path: str, error: str) -> dict[str, Any]:
    """A document that could not be read is an issue too: nothing in it was checked."""
    where = repo_path(path)
    return {
        "type": "issue",
        "check_name": UNREADABLE,
        "description": gitlab_text(f"{UNREADABLE}: {error}"),
        "severity": "critical",
        "fingerprint": hashlib.md5(f"{where}\0{UNREADABLE}".encode(),
                                   usedforsecurity=False).hexdigest(),
        "location": {"path": where, "lines": {"begin": 1}},
    }


def gitlab_issues(report: Report) -> list[dict[str, Any]]:
    seen: set[str] = set()
    issues = [_issue(doc, f, seen) for doc in report.judged() for f in counted(doc)]
    return issues + [_unreadable(err.path, err.error) for err in report.errors]


def render_gitlab(report: Report, **_: object) -> str:
    return json.dumps(gitlab_issues(report), ensure_ascii=False, indent=2) + "\n"
