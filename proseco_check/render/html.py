"""One self-contained HTML file for buyers and trainers, action first: per document the
overall score and what to fix, a contents list of the results and filters by status and
category, then each result (plain-word badge, where, the quote, the law linked to the
official text, the model clause with a copy button, the rule's good and bad wording in
the document's language only), then the accepted and the other rules, the scorecard
with a bar per category (inline SVG) and the tender facts, folded.

No network, no external asset: CSS and a few lines of script are inlined
(html_assets.py); it prints on A4 (@media print). Every word comes from the catalogue.
Like every renderer it formats the Report and decides nothing; what it says about a
rule comes from `Report.rules` (engine/describe.py).
"""

from __future__ import annotations

import html
import re

from proseco_check.model.i18n import (
    category_label,
    fact_label,
    fact_value,
    format_date,
    placeholders_explained,
    severity_word,
    t,
)
from proseco_check.model.report import DocumentResult, Finding, Report
from proseco_check.model.rule_info import ExampleInfo, RuleInfo
from proseco_check.render.common import (
    absent,
    by_legal_weight,
    counted,
    law_label,
    results,
    safe_url,
    said,
    score_text,
    suppression_note,
    where,
)
from proseco_check.render.highlight import html_marked
from proseco_check.render.html_assets import CSS, SCRIPT
from proseco_check.render.table import STAGES

_PLACEHOLDER = re.compile(r"\[[^\[\]]+\]")
BAR_X, BAR_W, ROW_H = 200, 440, 30


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def score_class(value: float | None) -> str:
    if value is None:
        return "s-na"
    return "s-ok" if value >= 80 else "s-mid" if value >= 50 else "s-bad"


def chart(doc: DocumentResult, lang: str) -> str:
    """Horizontal bars, one per category, the overall score first; n/a without a bar."""
    rows = [(t("category.overall", lang), doc.score.overall, True)]
    rows += [(category_label(c.category, lang), c.score, False) for c in doc.score.categories]
    height = ROW_H * len(rows) + 10
    title = esc(t("html.chart", lang))
    out = [f'<svg class="chart" role="img" aria-label="{title}" viewBox="0 0 700 {height}" '
           f'width="700" height="{height}">',
           f"<title>{title}</title>"]
    for i, (label, value, overall) in enumerate(rows):
        y = 5 + i * ROW_H
        weight = ' font-weight="700"' if overall else ""
        out.append(f'<text x="0" y="{y + 19}"{weight}>{esc(label)}</text>')
        out.append(f'<rect class="track" x="{BAR_X}" y="{y + 4}" width="{BAR_W}" height="20" '
                   'rx="3"/>')
        if value is not None:
            width = round(BAR_W * max(0.0, min(value, 100.0)) / 100, 1)
            css = "b-" + score_class(value)[2:]
            out.append(f'<rect class="{css}" x="{BAR_X}" y="{y + 4}" width="{width}" '
                       'height="20" rx="3"/>')
        out.append(f'<text class="value" x="{BAR_X + BAR_W + 10}" y="{y + 19}">'
                   f"{esc(score_text(value, out_of=False))}</text>")
    out.append("</svg>")
    return "".join(out)


def _score_table(doc: DocumentResult, lang: str) -> str:
    head = "".join(f'<th class="num">{esc(t(k, lang))}</th>' for k in (
        "col.present", "col.missing", "col.wrong", "col.na", "col.score"))
    rows = []
    for row in doc.score.categories:
        cells = (row.present, row.missing, row.wrong, row.not_applicable + row.skipped,
                 score_text(row.score, out_of=False))
        rows.append(f"<tr><td>{esc(category_label(row.category, lang))}</td>"
                    + "".join(f'<td class="num">{esc(c)}</td>' for c in cells) + "</tr>")
    return (f"<table><thead><tr><th>{esc(t('col.category', lang))}</th>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _facts(doc: DocumentResult, lang: str) -> str:
    rows = []
    for name, fact in doc.facts.items():
        if fact.value is None:
            continue
        quotes = "".join(f"<blockquote>{esc(ev.text)}<cite>{esc(where(ev, lang))}</cite>"
                         "</blockquote>" for ev in fact.evidence[:1])
        rows.append(f"<tr><td>{esc(fact_label(name, lang))} <code>{esc(name)}</code></td>"
                    f"<td>{esc(fact_value(fact.value, lang))}</td>"
                    f"<td>{esc(t('source.' + fact.source, lang))}</td><td>{quotes}</td></tr>")
    head = "".join(f"<th>{esc(t(k, lang))}</th>" for k in (
        "col.fact", "col.value", "col.source", "label.evidence"))
    return (f'<details class="facts"><summary>{esc(t("html.facts_folded", lang, n=len(rows)))}'
            f"</summary><table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"
            "</table></details>")


def _references(finding: Finding, lang: str) -> str:
    items = []
    for ref in finding.references:
        label = esc(law_label(ref, lang))
        url = safe_url(ref.url)
        link = f'<a href="{esc(url)}" rel="noopener noreferrer">{label}</a>' if url else label
        version = f" ({esc(t('label.text_of', lang, version=format_date(ref.version, lang)))})" \
            if ref.version else ""
        items.append(link + version)
    return "; ".join(items)


def _clause(finding: Finding, lang: str, anchor: str) -> str:
    if not finding.fix:
        return ""
    text = _PLACEHOLDER.sub(lambda m: f'<span class="ph">{m.group(0)}</span>',
                            esc(placeholders_explained(finding.fix, lang)))
    label, done = esc(t("html.copy", lang)), esc(t("html.copied", lang))
    return (f'<div class="clause"><div class="clause-head"><span class="label">'
            f'{esc(t("label.fix", lang))}</span><button class="copy" type="button" '
            f'data-target="{anchor}" data-label="{label}" data-done="{done}">{label}</button>'
            f'</div><p class="clause-text" id="{anchor}">{text}</p></div>')


def _examples(info: RuleInfo | None, lang: str, doc_lang: str) -> str:
    """The rule's good and bad wording in the document's language only."""
    good = info.examples("good", doc_lang)[:2] if info else []
    bad = info.examples("bad", doc_lang)[:2] if info else []
    if not (good or bad):
        return f'<p class="muted">{esc(t("html.no_examples", lang))}</p>'

    def column(kind: str, examples: list[ExampleInfo]) -> str:
        quotes = "".join(f'<blockquote data-lang="{esc(ex.lang)}">'
                         f"{html_marked(ex.text, ex.spans)}</blockquote>" for ex in examples)
        return f'<div class="{kind}"><h4>{esc(t("html." + kind, lang))}</h4>{quotes}</div>'

    return f'<div class="examples">{column("good", good)}{column("bad", bad)}</div>'


def _finding(finding: Finding, lang: str, doc: DocumentResult, anchor: str,
             info: RuleInfo | None) -> str:
    status, sev = finding.status, finding.severity
    parts = [f'<article class="finding st-{esc(status)}" id="{anchor}" '
             f'data-status="{esc(status)}" data-category="{esc(finding.category)}">',
             f'<header><span class="badge st-{esc(status)}">{esc(t("badge." + status, lang))}'
             f"</span><code>{esc(finding.rule)}</code>"
             f"<strong>{esc(said(finding.title, doc, lang))}</strong>"
             f'<span class="quiet sev-{esc(sev)}">'
             f'{esc(t("label.severity", lang, severity=severity_word(sev, lang)))} · '
             f"{esc(category_label(finding.category, lang))}</span></header>",
             f'<p class="message">{esc(said(finding.message, doc, lang))}</p>']
    note = suppression_note(finding, lang)
    if note:
        parts.append(f'<p class="muted">{esc(note)}</p>')
    place = where(finding.location, lang, section=True) if finding.location \
        else absent(info, lang)
    parts.append(f'<p><span class="label">{esc(t("label.where", lang))}:</span> '
                 f"{esc(place)}</p>")
    for ev in finding.evidence:
        parts.append(f"<blockquote>{esc(ev.text)}<cite>{esc(where(ev, lang))}</cite>"
                     "</blockquote>")
    if finding.references:
        parts.append(f'<p><span class="label">{esc(t("label.law", lang))}:</span> '
                     f"{_references(finding, lang)}</p>")
    if finding.evidence_level:
        # How sure the rule is of the law it encodes, and on what source (issue 14).
        source = f" — {esc(finding.evidence_source)}" if finding.evidence_source else ""
        parts.append(f'<p class="certainty"><span class="label">'
                     f'{esc(t("label.certainty", lang))}:</span> '
                     f'{esc(t("evidence." + finding.evidence_level, lang))}{source}</p>')
    if status in ("missing", "wrong"):
        parts.append(_clause(finding, lang, f"{anchor}-clause"))
        parts.append(_examples(info, lang, doc.language))
    parts.append("</article>")
    return "".join(parts)


def _contents(live: list[Finding], index: int, doc: DocumentResult, lang: str) -> str:
    items = "".join(
        f'<li data-status="{esc(f.status)}" data-category="{esc(f.category)}">'
        f'<a href="#f{index}-{n}"><span class="badge st-{esc(f.status)}">'
        f'{esc(t("badge." + f.status, lang))}</span> <code>{esc(f.rule)}</code> '
        f"{esc(said(f.title, doc, lang))}</a></li>" for n, f in enumerate(live, 1))
    return (f'<nav class="contents" aria-label="{esc(t("html.contents", lang))}">'
            f'<h3>{esc(t("html.contents", lang))}</h3><ol>{items}</ol></nav>')


def _filters(live: list[Finding], index: int, lang: str) -> str:
    statuses = sorted({f.status for f in live})
    categories = sorted({f.category for f in live})
    status_options = "".join(f'<option value="{esc(s)}">{esc(t("badge." + s, lang))}</option>'
                             for s in statuses)
    category_options = "".join(f'<option value="{esc(c)}">{esc(category_label(c, lang))}'
                               "</option>" for c in categories)
    return (f'<form class="filters" data-doc="{index}"><label>{esc(t("html.filter", lang))} '
            f'<select name="status"><option value="">{esc(t("html.all", lang))}</option>'
            f"{status_options}</select></label> <label>"
            f'<select name="category"><option value="">{esc(t("html.all_categories", lang))}'
            f"</option>{category_options}</select></label></form>")


def _other_rules(doc: DocumentResult, lang: str) -> str:
    others = [f for f in doc.findings if f.status not in ("missing", "wrong")]
    if not others:
        return ""
    rows = "".join(
        f'<tr><td><span class="badge st-{esc(f.status)}">{esc(t("badge." + f.status, lang))}'
        f"</span></td><td><code>{esc(f.rule)}</code></td><td>{esc(said(f.title, doc, lang))}"
        f"</td><td>{esc(said(f.message, doc, lang))}</td></tr>" for f in others)
    return (f'<details class="others"><summary>{esc(t("html.passed", lang, n=len(others)))}'
            f"</summary><table><tbody>{rows}</tbody></table></details>")


def _timings(doc: DocumentResult, lang: str) -> str:
    if not doc.timings:
        return ""
    stages = " · ".join(f"{esc(t('stage.' + s, lang))} {doc.timings[s]:.2f} s"
                        for s in STAGES if s in doc.timings)
    return f'<p class="meta">{esc(t("verbose.timings", lang))}: {stages}</p>'


def _head(doc: DocumentResult, index: int, lang: str, live: list[Finding]) -> str:
    overall = doc.score.overall
    nlp = t(f"nlp.{doc.nlp_mode}", lang) if doc.nlp_mode in ("blank", "trained") \
        else doc.nlp_mode
    meta = t("label.meta", lang, lang=doc.language, nlp=nlp, packs=", ".join(doc.packs))
    counts = " · ".join((t("count.wrong", lang, n=sum(f.status == "wrong" for f in live)),
                         t("count.missing", lang, n=sum(f.status == "missing" for f in live))))
    return (f'<div class="doc-head"><div><h2>{esc(doc.path)}</h2><p class="meta">{esc(meta)}'
            f'</p><p class="counts">{esc(counts)}</p></div><div class="overall '
            f'{score_class(overall)}" title="{esc(t("label.overall", lang))}">'
            f"{esc(score_text(overall))}</div></div>")


def _document(doc: DocumentResult, index: int, lang: str, verbose: bool,
              rules: dict[str, RuleInfo]) -> str:
    live = by_legal_weight(counted(doc))
    parts = [f'<article class="document" id="doc-{index}">', _head(doc, index, lang, live)]
    for notice in doc.notices:
        parts.append(f'<p class="notice">{esc(notice)}</p>')
    parts.append(f'<section class="results" id="results-{index}">'
                 f'<h3>{esc(t("html.results", lang, n=len(live)))}</h3>')
    if live:
        parts += [_contents(live, index, doc, lang), _filters(live, index, lang)]
    parts += [_finding(f, lang, doc, f"f{index}-{n}", rules.get(f.rule))
              for n, f in enumerate(live, 1)]
    accepted = [f for f in results(doc) if not f.counts()]
    if accepted:
        parts.append(f"<details><summary>{esc(t('html.accepted', lang, n=len(accepted)))}"
                     "</summary>")
        parts += [_finding(f, lang, doc, f"a{index}-{n}", rules.get(f.rule))
                  for n, f in enumerate(accepted, 1)]
        parts.append("</details>")
    parts.append(_other_rules(doc, lang))
    parts.append("</section>")
    parts.append(f'<section class="scorecard" id="scorecard-{index}">'
                 f'<h3>{esc(t("html.scorecard", lang))}</h3>{chart(doc, lang)}'
                 f"{_score_table(doc, lang)}</section>")
    parts.append(_facts(doc, lang))
    if verbose:
        parts.append(_timings(doc, lang))
    parts.append("</article>")
    return "".join(parts)


def _summary(report: Report, lang: str) -> str:
    head = "".join(f'<th class="num">{esc(t(k, lang))}</th>' for k in (
        "col.score", "col.wrong", "col.missing", "col.suppressed", "col.baselined"))
    rows = []
    for i, doc in enumerate(report.judged(), 1):
        live = counted(doc)
        cells = (score_text(doc.score.overall), sum(1 for f in live if f.status == "wrong"),
                 sum(1 for f in live if f.status == "missing"), doc.suppressed, doc.baselined)
        rows.append(f'<tr><td><a href="#doc-{i}">{esc(doc.path)}</a></td>'
                    + "".join(f'<td class="num">{esc(c)}</td>' for c in cells) + "</tr>")
    for err in report.errors:
        rows.append(f"<tr><td>{esc(err.path)}</td><td colspan=\"5\">"
                    f"{esc(t('label.unreadable', lang))}: {esc(err.error)}</td></tr>")
    return (f'<section class="summary"><h3>{esc(t("html.documents", lang))}</h3><table>'
            f"<thead><tr><th>{esc(t('col.document', lang))}</th>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></section>")


def render_html(report: Report, ui_lang: str = "en", verbose: bool = False,
                **_: object) -> str:
    lang = ui_lang
    tool, version = report.tool.get("name", "proseco-check"), report.tool.get("version", "")
    names = ", ".join(d.path.rsplit("/", 1)[-1] for d in report.judged()) or tool
    body = [f'<header class="top"><h1>{esc(t("html.title", lang))}</h1>'
            f"<p>{esc(tool)} {esc(version)} · {esc(names)}</p></header>"]
    if len(report.judged()) + len(report.errors) > 1 or report.errors:
        body.append(_summary(report, lang))
    if report.notices:
        body.append(f'<section class="notices"><h3>{esc(t("html.notices", lang))}</h3>'
                    + "".join(f'<p class="notice">{esc(n)}</p>' for n in report.notices)
                    + "</section>")
    body += [_document(doc, i, lang, verbose, report.rules)
             for i, doc in enumerate(report.judged(), 1)]
    footer = t("html.footer", lang, tool=tool, version=version)
    if report.config:
        footer += " · " + t("label.config", lang, path=report.config)
    return ("<!DOCTYPE html>\n"
            f'<html lang="{esc(lang)}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(tool)} · {esc(names)}</title><style>{CSS}</style></head>"
            f"<body><main>{''.join(body)}<footer>{esc(footer)}</footer></main>"
            f"<script>{SCRIPT}</script></body></html>\n")
