"""The style sheet and the one tiny script of the HTML report, inlined into every file:
the report needs no network and loads no external asset. No user-facing words here (the
labels come from the catalogue, the copy button reads its own from data attributes)."""

from __future__ import annotations

CSS = """
:root { --ink: #1d2430; --muted: #5b6472; --line: #d8dde4; --bg: #f6f7f9; --card: #fff;
  --ok: #1f8a4c; --mid: #c98a00; --bad: #c0392b; --na: #9aa3ad; --accent: #1c5fa8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
  "Liberation Sans", Arial, sans-serif; color: var(--ink); background: var(--bg); }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
header.top { border-bottom: 3px solid var(--accent); margin-bottom: 16px; }
header.top h1 { margin: 0 0 4px; font-size: 26px; }
header.top p { margin: 0 0 12px; color: var(--muted); }
h2 { font-size: 21px; margin: 0; word-break: break-all; }
h3 { font-size: 17px; margin: 20px 0 8px; border-bottom: 1px solid var(--line); }
section, article.document { background: var(--card); border: 1px solid var(--line);
  border-radius: 8px; padding: 16px 20px; margin: 0 0 18px; }
article.document > section { border: 0; padding: 0; margin: 0 0 12px; }
.doc-head { display: flex; justify-content: space-between; align-items: center; gap: 16px; }
.meta { color: var(--muted); font-size: 13px; margin: 4px 0 0; }
.overall { font-size: 34px; font-weight: 700; padding: 6px 16px; border-radius: 8px;
  color: #fff; white-space: nowrap; }
.overall.s-ok { background: var(--ok); } .overall.s-mid { background: var(--mid); }
.overall.s-bad { background: var(--bad); } .overall.s-na { background: var(--na); }
.chart { width: 100%; max-width: 760px; height: auto; display: block; margin: 6px 0 10px; }
.chart text { font: 13px system-ui, Arial, sans-serif; fill: var(--ink); }
.chart .value { font-weight: 700; }
.chart .track { fill: #eceff3; } .chart .b-ok { fill: var(--ok); }
.chart .b-mid { fill: var(--mid); } .chart .b-bad { fill: var(--bad); }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th { background: #eef1f5; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font: 12.5px ui-monospace, "DejaVu Sans Mono", monospace; background: #eef1f5;
  padding: 1px 4px; border-radius: 3px; }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--mid);
  border-radius: 6px; padding: 10px 14px; margin: 0 0 14px; background: #fff; }
.finding.st-wrong { border-left-color: var(--bad); }
.finding.st-missing { border-left-color: var(--mid); }
.finding header { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.badge { font-size: 12px; font-weight: 700; text-transform: uppercase; padding: 1px 7px;
  border-radius: 10px; color: #fff; background: var(--na); }
.badge.st-wrong { background: var(--bad); } .badge.st-missing { background: var(--mid); }
.badge.st-present { background: var(--ok); } .badge.st-elsewhere { background: #4a6d8c; }
.quiet { color: var(--muted); font-size: 12.5px; margin-left: auto; }
.counts { margin: 4px 0 0; font-weight: 600; }
nav.contents { margin: 8px 0 12px; } nav.contents h3 { margin-top: 8px; }
nav.contents ol { margin: 0; padding-left: 22px; columns: 2 420px; column-gap: 24px; }
nav.contents li { margin: 2px 0; break-inside: avoid; font-size: 14px; }
nav.contents a { color: var(--ink); text-decoration: none; }
nav.contents a:hover { text-decoration: underline; }
nav.contents .badge { font-size: 10.5px; }
form.filters { display: flex; gap: 12px; flex-wrap: wrap; margin: 6px 0 14px;
  padding: 8px 10px; background: #eef1f5; border-radius: 6px; font-size: 14px; }
form.filters select { font: inherit; padding: 2px 6px; }
[hidden] { display: none !important; }
.finding p { margin: 6px 0; }
.label { color: var(--muted); font-weight: 600; }
blockquote { margin: 6px 0; padding: 6px 12px; border-left: 3px solid var(--line);
  background: #f8f9fb; font-style: italic; }
blockquote cite { display: block; font-style: normal; font-size: 12px; color: var(--muted); }
.clause { border: 1px solid #b9d3ee; background: #f2f8ff; border-radius: 6px;
  padding: 8px 12px; margin: 8px 0; }
.clause-head { display: flex; justify-content: space-between; align-items: center; }
.clause-text { margin: 4px 0 0; white-space: pre-wrap; }
.ph { background: #fff2b3; border-radius: 3px; padding: 0 2px; font-weight: 600; }
button.copy { font: inherit; font-size: 13px; padding: 2px 12px; border-radius: 4px;
  border: 1px solid var(--accent); background: #fff; color: var(--accent); cursor: pointer; }
button.copy:hover { background: var(--accent); color: #fff; }
.examples { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin-top: 8px; }
.examples > div { border-radius: 6px; padding: 6px 10px; }
.examples .good { background: #eef8f1; border: 1px solid #b7e0c4; }
.examples .bad { background: #fdf0ee; border: 1px solid #f0c2bb; }
.examples h4 { margin: 0 0 4px; font-size: 14px; }
.examples .good h4 { color: var(--ok); } .examples .bad h4 { color: var(--bad); }
.examples blockquote { background: transparent; border-left-color: rgba(0,0,0,.15); }
mark { background: #ffe066; color: inherit; padding: 0 1px; border-radius: 2px; }
details > summary { cursor: pointer; font-weight: 600; margin: 8px 0; }
.notice { color: #7a5400; background: #fff7e0; border-radius: 4px; padding: 4px 10px; }
.muted { color: var(--muted); }
footer { color: var(--muted); font-size: 12px; text-align: center; margin: 12px 0 24px; }
@media (max-width: 760px) { .examples { grid-template-columns: 1fr; } }
@page { size: A4; margin: 14mm; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  section, article.document { border: 0; padding: 0; }
  article.document + article.document { break-before: page; }
  .chart, .examples > div, blockquote { break-inside: avoid; }
  .examples { grid-template-columns: 1fr 1fr; }
  .finding > header, h3 { break-after: avoid; }
  .facts table { table-layout: fixed; }
  .facts th:nth-child(1) { width: 30%; } .facts th:nth-child(2) { width: 15%; }
  .facts th:nth-child(3) { width: 11%; } .facts th:nth-child(4) { width: 44%; }
  .facts code { word-break: break-all; }
  blockquote { font-size: 9pt; padding: 3px 8px; }
  h2, h3 { break-after: avoid; }
  button.copy, form.filters { display: none; }
  .finding[hidden], nav.contents li[hidden] { display: block !important; }
  nav.contents ol { columns: 1; }
  .overall, .badge, .chart, mark, .ph { -webkit-print-color-adjust: exact;
    print-color-adjust: exact; }
  a { color: inherit; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 8pt;
    color: var(--muted); word-break: break-all; }
}
"""

# Copy buttons, and every <details> opened before printing. No library, no network.
SCRIPT = """
document.addEventListener('click', function (event) {
  var button = event.target.closest('button.copy');
  if (!button) { return; }
  var source = document.getElementById(button.getAttribute('data-target'));
  if (!source) { return; }
  var text = source.innerText;
  function done() {
    button.textContent = button.getAttribute('data-done');
    setTimeout(function () { button.textContent = button.getAttribute('data-label'); }, 1500);
  }
  function fallback() {
    var range = document.createRange();
    range.selectNodeContents(source);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try { document.execCommand('copy'); done(); } catch (error) { }
  }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, fallback);
  } else { fallback(); }
});
function applyFilters(form) {
  var doc = document.getElementById('doc-' + form.getAttribute('data-doc'));
  var status = form.elements.status.value, category = form.elements.category.value;
  doc.querySelectorAll('.results > .finding, nav.contents li').forEach(function (item) {
    var shown = (!status || item.getAttribute('data-status') === status) &&
      (!category || item.getAttribute('data-category') === category);
    item.hidden = !shown;
  });
}
document.querySelectorAll('form.filters').forEach(function (form) {
  form.addEventListener('change', function () { applyFilters(form); });
  // A link can open the report filtered: report.html#status=missing&category=eu-law
  var wanted = new URLSearchParams(window.location.hash.slice(1));
  ['status', 'category'].forEach(function (name) {
    var value = wanted.get(name);
    if (value && form.elements[name].querySelector('option[value="' + value + '"]')) {
      form.elements[name].value = value;
    }
  });
  applyFilters(form);
});
window.addEventListener('beforeprint', function () {
  document.querySelectorAll('details').forEach(function (d) { d.open = true; });
});
"""
