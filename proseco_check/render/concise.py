"""`--format concise`: one line per result that counts, like `ruff check --output-format
concise`, for pre-commit hooks, editors' problem matchers and grep:

    path:page:paragraph: RULE status message

`page` is the physical page (PDF; DOCX as Word last rendered it), `paragraph` the
paragraph index for a DOCX, else the line: in the file where the paragraph starts (text,
Markdown) or on the page (PDF); `-` when unknown (a missing clause points at the whole
document). One summary line closes the output (not with --quiet). Text from the
document or a pack goes through `escape.concise_line`.
"""

from __future__ import annotations

from proseco_check.model.i18n import t
from proseco_check.model.report import DocumentResult, Finding, Report
from proseco_check.render.common import counted
from proseco_check.render.escape import concise_line
from proseco_check.sanitize import break_commands

_BOLD, _RED, _YELLOW, _CYAN, _DIM, _RESET = ("\x1b[1m", "\x1b[31m", "\x1b[33m", "\x1b[36m",
                                             "\x1b[2m", "\x1b[0m")
_STATUS_COLOR = {"wrong": _RED, "missing": _YELLOW}


def position(finding: Finding) -> tuple[str, str]:
    """(page, paragraph) as printed: numbers, or '-' when unknown."""
    loc = finding.location
    if loc is None:
        return "-", "-"
    page = str(loc.page) if loc.page is not None else "-"
    second = loc.paragraph if loc.paragraph is not None else loc.line
    return page, str(second) if second is not None else "-"


def concise_lines(doc: DocumentResult, color: bool = False) -> list[str]:
    lines = []
    for finding in counted(doc):
        # In a procedure (check --procedure) a quote's own file is the position's file.
        located = finding.location.file if finding.location is not None else None
        path = concise_line(located or doc.path)
        page, paragraph = position(finding)
        rule, status = concise_line(finding.rule), finding.status
        message = concise_line(finding.message)
        if color:
            lines.append(f"{_BOLD}{path}{_RESET}{_CYAN}:{_RESET}{page}{_CYAN}:{_RESET}"
                         f"{paragraph}{_CYAN}:{_RESET} {_BOLD}{_RED}{rule}{_RESET} "
                         f"{_STATUS_COLOR.get(status, '')}{status}{_RESET} {message}")
        else:
            # The joined line again: a file named ":" would otherwise start it with "::".
            lines.append(break_commands(f"{path}:{page}:{paragraph}: {rule} {status} {message}"))
    return lines


def summary(report: Report, lang: str) -> str:
    results = sum(len(counted(d)) for d in report.judged())
    accepted = sum(d.suppressed + d.baselined for d in report.judged())
    text = t("concise.summary", lang, n=results, docs=len(report.judged()))
    if accepted:
        text += t("concise.accepted", lang, n=accepted)
    if report.errors:
        text += t("concise.unreadable", lang, n=len(report.errors))
    return text


def render_concise(report: Report, color: bool = False, ui_lang: str = "en",
                   quiet: bool = False, **_: object) -> str:
    """The result lines, then the summary line (not with --quiet, as in Ruff)."""
    lines = [line for doc in report.judged() for line in concise_lines(doc, color)]
    if quiet:
        return "".join(f"{line}\n" for line in lines)
    tail = summary(report, ui_lang)
    lines.append(f"{_DIM}{tail}{_RESET}" if color else tail)
    return "\n".join(lines) + "\n"
