"""One self-contained HTML file for buyers and trainers: per document the scorecard with
a bar per category (inline SVG), the tender facts with their evidence, the results with
evidence, location, legal references linked to the official texts, the model clause with
a copy button, and the rule's good and bad examples side by side (matched words marked).

No network, no external asset: CSS and a few lines of script are inlined
(html_assets.py); it prints on A4 (@media print). Every word comes from the catalogue.
Like every renderer it formats the Report and decides nothing; the examples are looked up
by rule id in the loaded packs (rules.py).
"""

from __future__ import annotations

import html
import re

from proseco_check.model.i18n import category_label, fact_label, fact_value, severity_word, status_word, t
from proseco_check.model.report import DocumentResult, Finding, Report
from proseco_check.render.common import (
    counted,
    law_label,
    results,
    safe_url,
    score_text,
    suppression_note,
    where,
)
from proseco_check.render.highlight import html_marked, matched_spans
from proseco_check.render.html_assets import CSS, SCRIPT
from proseco_check.render.rules import examples_for, rule_by_id
from proseco_check.render.table import STAGES

_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
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
                   f"{esc(score_text(value, out_of=False) if value is not None else 'n/a')}"
                   "</text>")
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
    return (f'<section class="facts"><h3>{esc(t("label.facts", lang))}</h3>'
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            "</section>")


def _references(finding: Finding, lang: str) -> str:
    items = []
    for ref in finding.references:
        label = esc(law_label(ref))
        url = safe_url(ref.url)
        link = f'<a href="{esc(url)}" rel="noopener noreferrer">{label}</a>' if url else label
        version = f" ({esc(t('label.text_of', lang, version=ref.version))})" if ref.version \
            else ""
        items.append(link + version)
    return "; ".join(items)


def _clause(finding: Finding, lang: str, anchor: str) -> str:
    if not finding.fix:
        return ""
    text = _PLACEHOLDER.sub(lambda m: f'<span class="ph">{m.group(0)}</span>',
                            esc(finding.fix))
    label, done = esc(t("html.copy", lang)), esc(t("html.copied", lang))
    return (f'<div class="clause"><div class="clause-head"><span class="label">'
            f'{esc(t("label.fix", lang))}</span><button class="copy" type="button" '
            f'data-target="{anchor}" data-label="{label}" data-done="{done}">{label}</button>'
            f'</div><p class="clause-text" id="{anchor}">{text}</p></div>')


def _examples(finding: Finding, lang: str, doc_lang: str, packs: list[str] | None) -> str:
    good, bad = examples_for(finding.rule, doc_lang, packs)
    rule = rule_by_id(finding.rule, packs)
    if rule is None or not (good or bad):
        return f'<p class="muted">{esc(t("html.no_examples", lang))}</p>'

    def column(kind: str, examples: list) -> str:
        quotes = "".join(
            f"<blockquote>{html_marked(ex.text, matched_spans(rule, ex.text, ex.lang))}"
            f"<cite>{esc(ex.lang)}</cite></blockquote>" for ex in examples)
        return f'<div class="{kind}"><h4>{esc(t("html." + kind, lang))}</h4>{quotes}</div>'

    return f'<div class="examples">{column("good", good)}{column("bad", bad)}</div>'


def _finding(finding: Finding, lang: str, doc: DocumentResult, anchor: str,
             packs: list[str] | None) -> str:
    status, sev = finding.status, finding.severity
    parts = [f'<article class="finding st-{esc(status)}" id="{anchor}">',
             f'<header><span class="badge st-{esc(status)}">{esc(status_word(status, lang))}'
             f'</span><span class="badge sev-{esc(sev)}">{esc(severity_word(sev, lang))}</span>'
             f"<code>{esc(finding.rule)}</code><strong>{esc(finding.title)}</strong></header>",
             f'<p class="message">{esc(finding.message)}</p>']
    note = suppression_note(finding, lang)
    if note:
        parts.append(f'<p class="muted">{esc(note)}</p>')
    if finding.references:
        parts.append(f'<p><span class="label">{esc(t("label.law", lang))}:</span> '
                     f"{_references(finding, lang)}</p>")
    section = f" · {esc(finding.location.section)}" if finding.location and \
        finding.location.section else ""
    parts.append(f'<p><span class="label">{esc(t("label.where", lang))}:</span> '
                 f"{esc(where(finding.location, lang))}{section}</p>")
    for ev in finding.evidence:
        parts.append(f"<blockquote>{esc(ev.text)}<cite>{esc(where(ev, lang))}</cite>"
                     "</blockquote>")
    if status in ("missing", "wrong"):
        parts.append(_clause(finding, lang, f"{anchor}-clause"))
        parts.append(_examples(finding, lang, doc.language, packs))
    parts.append("</article>")
    return "".join(parts)


def _other_rules(doc: DocumentResult, lang: str) -> str:
    others = [f for f in doc.findings if f.status not in ("missing", "wrong")]
    if not others:
        return ""
    rows = "".join(
        f'<tr><td><span class="badge st-{esc(f.status)}">{esc(status_word(f.status, lang))}'
        f"</span></td><td><code>{esc(f.rule)}</code></td><td>{esc(f.title)}</td>"
        f"<td>{esc(f.message)}</td></tr>" for f in others)
    return (f"<details><summary>{esc(t('html.passed', lang, n=len(others)))}</summary>"
            f"<table><tbody>{rows}</tbody></table></details>")


def _timings(doc: DocumentResult, lang: str) -> str:
    if not doc.timings:
        return ""
    stages = " · ".join(f"{esc(t('stage.' + s, lang))} {doc.timings[s]:.2f} s"
                        for s in STAGES if s in doc.timings)
    return f'<p class="meta">{esc(t("verbose.timings", lang))}: {stages}</p>'


def _document(doc: DocumentResult, index: int, lang: str, verbose: bool,
              packs: list[str] | None) -> str:
    overall = doc.score.overall
    meta = t("label.meta", lang, lang=doc.language, nlp=doc.nlp_mode, packs=", ".join(doc.packs))
    parts = [f'<article class="document" id="doc-{index}">',
             f'<div class="doc-head"><div><h2>{esc(doc.path)}</h2><p class="meta">{esc(meta)}'
             f'</p></div><div class="overall {score_class(overall)}" '
             f'title="{esc(t("label.overall", lang))}">{esc(score_text(overall))}</div></div>',
             f'<section class="scorecard" id="scorecard-{index}">'
             f'<h3>{esc(t("html.scorecard", lang))}</h3>{chart(doc, lang)}'
             f"{_score_table(doc, lang)}</section>"]
    for notice in doc.notices:
        parts.append(f'<p class="notice">{esc(notice)}</p>')
    parts.append(_facts(doc, lang))
    live = counted(doc)
    parts.append(f'<section class="results"><h3>{esc(t("html.results", lang, n=len(live)))}'
                 "</h3>")
    parts += [_finding(f, lang, doc, f"f{index}-{n}", packs) for n, f in enumerate(live, 1)]
    accepted = [f for f in results(doc) if not f.counts()]
    if accepted:
        parts.append(f"<details><summary>{esc(t('html.accepted', lang, n=len(accepted)))}"
                     "</summary>")
        parts += [_finding(f, lang, doc, f"a{index}-{n}", packs)
                  for n, f in enumerate(accepted, 1)]
        parts.append("</details>")
    parts.append(_other_rules(doc, lang))
    parts.append("</section>")
    if verbose:
        parts.append(_timings(doc, lang))
    parts.append("</article>")
    return "".join(parts)


def _summary(report: Report, lang: str) -> str:
    head = "".join(f'<th class="num">{esc(t(k, lang))}</th>' for k in (
        "col.score", "col.wrong", "col.missing", "col.suppressed", "col.baselined"))
    rows = []
    for i, doc in enumerate(report.documents, 1):
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
                packs: list[str] | None = None, **_: object) -> str:
    lang = ui_lang
    tool, version = report.tool.get("name", "proseco-check"), report.tool.get("version", "")
    names = ", ".join(d.path.rsplit("/", 1)[-1] for d in report.documents) or tool
    body = [f'<header class="top"><h1>{esc(t("html.title", lang))}</h1>'
            f"<p>{esc(tool)} {esc(version)} · {esc(names)}</p></header>"]
    if len(report.documents) + len(report.errors) > 1 or report.errors:
        body.append(_summary(report, lang))
    if report.notices:
        body.append(f'<section class="notices"><h3>{esc(t("html.notices", lang))}</h3>'
                    + "".join(f'<p class="notice">{esc(n)}</p>' for n in report.notices)
                    + "</section>")
    body += [_document(doc, i, lang, verbose, packs)
             for i, doc in enumerate(report.documents, 1)]
    footer = t("html.footer", lang, tool=tool, version=version)
    if report.config:
        footer += " · " + t("label.config", lang, path=report.config)
    return ("<!DOCTYPE html>\n"
            f'<html lang="{esc(lang)}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(tool)} · {esc(names)}</title><style>{CSS}</style></head>"
            f"<body><main>{''.join(body)}<footer>{esc(footer)}</footer></main>"
            f"<script>{SCRIPT}</script></body></html>\n")
