"""The one place that turns a report into an exit code (documented in the README;
CI scripts depend on it)."""

from __future__ import annotations

from proseco_check.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK
from proseco_check.model.report import Finding, Report
from proseco_check.model.vocab import FAILING_STATUSES, SEVERITY_RANK


def fails(findings: list[Finding], fail_on: str) -> bool:
    """Whether any missing/wrong finding reaches the --fail-on severity."""
    if fail_on == "never":
        return False
    threshold = SEVERITY_RANK[fail_on]
    return any(f.status in FAILING_STATUSES and SEVERITY_RANK[f.severity] >= threshold
               for f in findings)


def exit_code(report: Report, fail_on: str, baseline_written: bool = False) -> int:
    """3 when an input could not be read; 0 when a baseline was just written (it accepts
    today's findings); 1 when a counted finding reaches `fail_on`; else 0."""
    if report.errors:
        return EXIT_INPUT
    if baseline_written:
        return EXIT_OK
    counted = [f for doc in report.documents for f in doc.findings if f.counts()]
    return EXIT_FINDINGS if fails(counted, fail_on) else EXIT_OK
