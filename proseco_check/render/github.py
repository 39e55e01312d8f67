"""GitHub Actions workflow commands: an annotation per result that counts.

GitHub shows at most 10 annotations of each type (error, warning, notice) per step and
drops the rest silently, so we emit at most that many and say how many more there are;
the CLI also appends the Markdown scorecard to $GITHUB_STEP_SUMMARY, which has them all.
"""

from __future__ import annotations

from proseco_check.model.report import Finding, Report
from proseco_check.render.common import counted, start_line
from proseco_check.sanitize import github_data, github_property

TYPES = {"error": "error", "warning": "warning", "info": "notice"}
CAP = 10  # annotations of one type shown per step


_data = github_data
_prop = github_property


def command(kind: str, message: str, file: str | None = None, line: int | None = None,
            title: str | None = None) -> str:
    props = []
    if file:
        props.append(f"file={_prop(file)}")
    if line is not None:
        props.append(f"line={line}")
    if title:
        props.append(f"title={_prop(title)}")
    return f"::{kind}{' ' + ','.join(props) if props else ''}::{_data(message)}"


def _annotation(path: str, finding: Finding) -> tuple[str, str]:
    kind = TYPES[finding.severity]
    where = f" [{finding.location.where()}]" if finding.location is not None else ""
    message = f"{finding.status}: {finding.message}{where}"
    return kind, command(kind, message, file=path, line=start_line(finding.location),
                         title=f"{finding.rule} {finding.title}")


def render_github(report: Report, **_: object) -> str:
    by_kind: dict[str, list[str]] = {"error": [], "warning": [], "notice": []}
    for err in report.errors:
        by_kind["error"].append(command("error", err.error, file=err.path,
                                        title="proseco-check: unreadable document"))
    for doc in report.judged():
        for finding in counted(doc):
            kind, line = _annotation(doc.path, finding)
            by_kind[kind].append(line)
        # Document notices (pages without text, rules that could not be evaluated, waiver
        # comments not honoured) are part of the result: never silently dropped.
        by_kind["notice"] += [command("notice", n, file=doc.path, title="proseco-check")
                              for n in doc.notices]
    run_notes = [command("notice", n, title="proseco-check") for n in report.notices]
    hidden = sum(max(0, len(v) - CAP) for k, v in by_kind.items() if k != "notice")
    notices = by_kind["notice"] + run_notes
    room = CAP - 1 if hidden or len(notices) > CAP else CAP
    hidden += max(0, len(notices) - room)
    out = by_kind["error"][:CAP] + by_kind["warning"][:CAP] + notices[:room]
    if hidden:
        out.append(command("notice", f"{hidden} more annotation(s) not shown: GitHub shows "
                           f"{CAP} of each type per step. The job summary lists every result.",
                           title="proseco-check"))
    total = sum(len(counted(d)) for d in report.judged())
    accepted = sum(d.suppressed + d.baselined for d in report.judged())
    out.append(f"proseco-check: {len(report.judged())} document(s), {total} result(s) "
               f"counting, {accepted} suppressed or baselined, {len(report.errors)} unreadable")
    return "\n".join(out) + "\n"
