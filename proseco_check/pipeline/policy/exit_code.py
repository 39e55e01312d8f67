"""The one place that turns a report into an exit code (documented in the README;
CI scripts depend on it)."""

from __future__ import annotations

from proseco_check.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK
from proseco_check.model.report import Finding, Report, unevaluated
from proseco_check.model.vocab import FAILING_STATUSES, SEVERITY_RANK

NOT_JUDGED = ("non-procurement", "outside-packs")


def fails(findings: list[Finding], fail_on: str) -> bool:
    """Whether any missing/wrong finding reaches the --fail-on severity."""
    if fail_on == "never":
        return False
    threshold = SEVERITY_RANK[fail_on]
    return any(f.status in FAILING_STATUSES and SEVERITY_RANK[f.severity] >= threshold
               for f in findings)


def exit_code(report: Report, fail_on: str, baseline_written: bool = False) -> int:
    """3 when an input could not be read; 0 when a baseline was just written (it accepts
    today's findings); 1 when a counted finding reaches `fail_on`, or when a rule could
    not be evaluated (a regex timeout) and `fail_on` is not never; else 0."""
    if report.errors:
        return EXIT_INPUT
    if baseline_written:
        return EXIT_OK
    findings = [f for doc in report.judged() for f in doc.findings]
    if fail_on != "never" and any(unevaluated(f) for f in findings):
        return EXIT_FINDINGS
    counted = [f for f in findings if f.counts()]
    return EXIT_FINDINGS if fails(counted, fail_on) else EXIT_OK
