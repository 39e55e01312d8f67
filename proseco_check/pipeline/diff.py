"""Compare two versions of a tender: which results were fixed, which were introduced,
which are unchanged, and how the score moved.

Results (missing or wrong findings) are matched by rule and status first, then, among
several of the same rule and status, by fingerprint. A rule that goes from missing to
wrong is one result fixed and one introduced: the clause was added, but is defective.
"""

from __future__ import annotations

import json

from proseco_check.model.diff import DiffEntry, DiffReport, DocumentRef, ScoreChange, UnchangedEntry
from proseco_check.model.report import DocumentResult, Finding

_SEV_ORDER = {"error": 0, "warning": 1, "info": 2}


def _entry(finding: Finding) -> DiffEntry:
    loc = finding.location
    return DiffEntry(rule=finding.rule, name=finding.name, title=finding.title,
                     category=finding.category, status=finding.status,
                     severity=finding.severity, fingerprint=finding.fingerprint,
                     where=loc.where() if loc else None, evidence=loc.text if loc else None,
                     suppressed=finding.suppressed)


def _delta(old: float | None, new: float | None) -> float | None:
    return None if old is None or new is None else round(new - old, 1)


def _results(doc: DocumentResult) -> list[Finding]:
    return [f for f in doc.findings if f.status in ("missing", "wrong")]


def _order(entry: DiffEntry) -> tuple[int, str]:
    return _SEV_ORDER.get(entry.severity, 3), entry.rule


def diff_documents(old: DocumentResult, new: DocumentResult) -> DiffReport:
    groups_old: dict[tuple[str, str], list[Finding]] = {}
    groups_new: dict[tuple[str, str], list[Finding]] = {}
    for finding in _results(old):
        groups_old.setdefault((finding.rule, finding.status), []).append(finding)
    for finding in _results(new):
        groups_new.setdefault((finding.rule, finding.status), []).append(finding)
    report = DiffReport(
        old=DocumentRef(path=old.path, score=old.score.overall, results=len(_results(old))),
        new=DocumentRef(path=new.path, score=new.score.overall, results=len(_results(new))),
        score=[ScoreChange(category="overall", old=old.score.overall, new=new.score.overall,
                           delta=_delta(old.score.overall, new.score.overall))],
    )
    new_rows = {row.category: row.score for row in new.score.categories}
    for row in old.score.categories:
        report.score.append(ScoreChange(category=row.category, old=row.score,
                                        new=new_rows.get(row.category),
                                        delta=_delta(row.score, new_rows.get(row.category))))
    for key in sorted(set(groups_old) | set(groups_new)):
        before = list(groups_old.get(key, []))
        after = list(groups_new.get(key, []))
        pairs: list[tuple[Finding, Finding]] = []
        for finding in list(before):  # same fingerprint first
            twin = next((f for f in after if f.fingerprint == finding.fingerprint), None)
            if twin is not None:
                pairs.append((finding, twin))
                before.remove(finding)
                after.remove(twin)
        while before and after:  # then the same rule and status, in document order
            pairs.append((before.pop(0), after.pop(0)))
        for was, now in pairs:
            data = _entry(now).model_dump()
            data["fingerprint"] = was.fingerprint
            report.unchanged.append(UnchangedEntry(**data, new_fingerprint=now.fingerprint,
                                                   moved=was.fingerprint != now.fingerprint))
        report.fixed += [_entry(f) for f in before]
        report.introduced += [_entry(f) for f in after]
    report.fixed.sort(key=_order)
    report.introduced.sort(key=_order)
    report.unchanged.sort(key=_order)
    return report


def render_diff_json(diff: DiffReport) -> str:
    return json.dumps(diff.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
