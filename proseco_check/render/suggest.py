"""Model clauses a tender lacks, grouped by where they belong: `proseco-check suggest`.

A clause is the model clause (`fix`) of a missing or wrong finding that still counts
(not suppressed, not baselined), already in the document's language with its
placeholders filled from the tender's facts by the rule engine; unknown placeholders
stay visible as {name} for the buyer to complete.

Grouping, kept simple on purpose:
- a *wrong* finding quotes the defective text, so its clause belongs in the section of
  that quote: group (category, section of the first evidence);
- a *missing* finding has no quote, so it belongs to its category, in a group "to add";
- groups follow the scoring order of categories; inside a category the "to add" group
  comes first, then the sections in the order they appear in the document.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.text import Text

from proseco_check.errors import UsageError
from proseco_check.model.i18n import category_label, t
from proseco_check.model.report import DocumentResult, Finding
from proseco_check.model.vocab import CATEGORIES
from proseco_check.render.common import law_label, where
from proseco_check.sanitize import xml_text

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


@dataclass
class ClauseGroup:
    category: str
    section: str | None
    findings: list[Finding] = field(default_factory=list)

    def heading(self, lang: str) -> str:
        category = category_label(self.category, lang)
        if self.section is None:
            return t("suggest.group_to_add", lang, category=category)
        return t("suggest.group_section", lang, category=category, section=self.section)


def placeholders(text: str) -> list[str]:
    """The {names} still to complete, in order, once each."""
    return list(dict.fromkeys(PLACEHOLDER.findall(text)))


def fill(doc: DocumentResult, values: dict[str, str]) -> DocumentResult:
    """A copy of the result with placeholders the facts do not know filled
    (`suggest --fill ccnl_name=Multiservizi`): text the buyer supplies, as written."""
    if not values:
        return doc
    doc = doc.model_copy(deep=True)
    for finding in doc.findings:
        if finding.fix:
            for name, value in values.items():
                finding.fix = finding.fix.replace("{" + name + "}", value)
    return doc


def _order(finding: Finding) -> tuple[int, int]:
    location = finding.location
    if location is None:
        return (0, 0)
    return (location.page or 0, location.paragraph or location.line or 0)


def group_clauses(doc: DocumentResult) -> list[ClauseGroup]:
    wanted = [f for f in doc.findings if f.counts() and f.fix]
    groups: dict[tuple[str, str | None], ClauseGroup] = {}
    for finding in sorted(wanted, key=_order):
        section = finding.location.section if finding.status == "wrong" and \
            finding.location is not None else None
        key = (finding.category, section or None)
        groups.setdefault(key, ClauseGroup(finding.category, section or None)).findings \
            .append(finding)
    rank = {c: i for i, c in enumerate(CATEGORIES)}
    ordered = sorted(groups.values(), key=lambda g: (rank.get(g.category, len(rank)),
                                                     g.category, g.section is not None))
    return ordered


def render_text(doc: DocumentResult, groups: list[ClauseGroup], lang: str,
                color: bool = False, width: int = 100) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width,
                      highlight=False)
    name = Path(doc.path).name
    if not groups:
        console.print(t("suggest.none", lang, name=name))
        return buffer.getvalue()
    count = sum(len(g.findings) for g in groups)
    console.print(Text(t("suggest.title", lang, name=name), style="bold"))
    console.print(Text(t("suggest.count", lang, n=count, groups=len(groups)), style="dim"))
    for group in groups:
        console.print()
        console.print(Text(f"■ {group.heading(lang)}", style="bold underline"))
        for finding in group.findings:
            console.print()
            console.print(Text(f"{finding.rule} — {finding.title}", style="bold"))
            console.print(Text("⚖ " + "; ".join(law_label(r) for r in finding.references),
                               style="dim"))
            if finding.status == "wrong" and finding.location is not None:
                console.print(Text(t("suggest.replaces", lang, quote=finding.location.text[:160])
                                   + f" ({where(finding.location, lang)})", style="italic"))
            clause = Text(finding.fix or "")
            clause.highlight_regex(PLACEHOLDER, "bold yellow")
            console.print(clause)
            todo = placeholders(finding.fix or "")
            if todo:
                console.print(Text(f"{t('label.to_complete', lang)}: {', '.join(todo)}",
                                   style="yellow"))
    return buffer.getvalue()


def write_docx(doc: DocumentResult, groups: list[ClauseGroup], lang: str, output: Path) -> int:
    """The clauses as a Word document, a heading per group; returns how many."""
    import docx

    from proseco_check.output_files import save_atomically

    if output.suffix.lower() != ".docx":
        raise UsageError(t("cli.docx_only", lang, option="--output", path=output))
    x = xml_text  # every string that reaches the DOCX: XML 1.0 characters only
    out = docx.Document()
    out.add_heading(x(t("suggest.title", lang, name=Path(doc.path).name)), level=0)
    out.add_paragraph(x(t("suggest.intro", lang)))
    count = 0
    for group in groups:
        out.add_heading(x(group.heading(lang)), level=1)
        for finding in group.findings:
            out.add_heading(x(f"{finding.title} ({finding.rule})"), level=2)
            refs = "; ".join(law_label(r) for r in finding.references)
            note = out.add_paragraph()
            note.add_run(x(f"{t('label.law', lang)}: {refs}")).italic = True
            if finding.status == "wrong" and finding.location is not None:
                out.add_paragraph(x(t("suggest.replaces", lang, quote=finding.location.text))
                                  ).runs[0].italic = True
            paragraph = out.add_paragraph()
            text, last = x(finding.fix or ""), 0
            for match in PLACEHOLDER.finditer(text):
                paragraph.add_run(text[last:match.start()])
                paragraph.add_run(match.group(0)).bold = True
                last = match.end()
            paragraph.add_run(text[last:])
            count += 1
    if not groups:
        out.add_paragraph(x(t("suggest.none", lang, name=Path(doc.path).name)))
    save_atomically(out, output)
    return count
