"""The HTML report: one self-contained file (no network, no external asset), the
scorecard with a bar per category, facts and findings with their evidence, legal
references linked, model clauses with a copy button, good and bad examples side by side,
a print style; and the same file opened in a real headless Chromium: a screenshot that
is not blank, a DOM that shows the scorecard, a printout without the buttons.

The browser tests use /usr/bin/chromium (or `chromium` on PATH) and skip cleanly when it
is absent; this file installs nothing (`make browser` installs the Debian package)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PIL import Image
from typer.testing import CliRunner

from proseco_check.cli.app import app
from proseco_check.engine.describe import describe_report
from proseco_check.model.report import DocumentResult, Report
from proseco_check.pipeline import check as pipeline_check
from proseco_check.render import RENDERERS
from proseco_check.render.common import score_text

SAMPLE = "it_disciplinare_carente.docx"


def chromium_path() -> str | None:
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


needs_chromium = pytest.mark.skipif(chromium_path() is None,
                                    reason="chromium is not installed (make browser)")


@pytest.fixture(scope="module")
def carente(checked_sample: Callable[[str], Any]) -> Report:
    return checked_sample(SAMPLE).report


@pytest.fixture(scope="module")
def page(carente: Report) -> str:
    return RENDERERS["html"](describe_report(carente), ui_lang="it")


@pytest.fixture(scope="module")
def document(carente: Report) -> DocumentResult:
    return carente.documents[0]


class Collector(HTMLParser):
    """Tags with their attributes, ids, and unclosed elements (void ones excepted)."""

    VOID: ClassVar[set[str]] = {"meta", "br", "img", "input", "link", "hr", "rect", "path", "circle", "line"}

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()


@pytest.fixture(scope="module")
def parsed(page: str) -> Collector:
    collector = Collector()
    collector.feed(page)
    collector.close()
    return collector


# ------------------------------------------------------------------ the file itself


def test_well_formed_with_unique_ids(parsed: Collector) -> None:
    assert parsed.errors == [] and parsed.stack == []
    ids = [a["id"] for _, a in parsed.tags if a.get("id")]
    assert len(ids) == len(set(ids))


def test_self_contained(page: str, parsed: Collector) -> None:
    """Nothing is fetched: no external style, script, image, font or frame."""
    assert not [t for t, a in parsed.tags if t in ("link", "img", "iframe", "object", "embed")]
    assert not [a for t, a in parsed.tags if t == "script" and a.get("src")]
    assert "@import" not in page and "url(" not in page
    # The only web addresses are the links to the official texts of the law.
    links = {a["href"] for t, a in parsed.tags if t == "a" and a.get("href", "").startswith("http")}
    addresses = set(re.findall(r"https?://[^\s\"'<>)]+", page))
    assert addresses <= {html.unescape(link) for link in links} | {
        html.escape(link) for link in links} | links


def test_scorecard_chart_per_category(page: str, document: DocumentResult) -> None:
    chart = re.search(r'<svg class="chart".*?</svg>', page, re.S)
    assert chart is not None
    svg = chart.group(0)
    scored = [c for c in document.score.categories if c.score is not None]
    tracks = svg.count('class="track"')
    bars = len(re.findall(r'class="b-(ok|mid|bad)"', svg))
    assert tracks == len(document.score.categories) + 1  # the overall row first
    assert bars == len(scored) + (document.score.overall is not None)
    assert "Punteggio per categoria" in page and "Clausole sociali" in svg
    assert score_text(document.score.overall) in page


def test_facts_with_evidence(page: str, document: DocumentResult) -> None:
    fact = document.facts["contract_type"]
    assert "Tipo di appalto" in page and "<code>contract_type</code>" in page
    assert html.escape(fact.evidence[0].text) in page


def test_findings_with_evidence_location_law_clause_and_examples(
        page: str, document: DocumentResult, carente: Report) -> None:
    live = [f for f in document.findings if f.counts()]
    assert live
    assert page.count('class="finding st-') == len(live)
    for finding in live:
        block = re.search(rf'<article class="finding st-[a-z]+" id="f1-\d+" '
                          rf'data-status="[a-z]+" data-category="[a-z-]+"><header>.*?'
                          rf"<code>{re.escape(finding.rule)}</code>.*?</article>", page, re.S)
        assert block is not None, finding.rule
        text = block.group(0)
        assert "Posizione:" in text
        for ref in finding.references:
            if ref.url:
                assert f'href="{html.escape(ref.url)}"' in text, finding.rule
        if finding.evidence:
            assert html.escape(finding.evidence[0].text) in text
        if finding.fix:
            assert 'class="copy"' in text and 'class="clause-text"' in text
        # How sure the rule is, with its source (issue 14.3).
        assert finding.evidence_level and finding.evidence_source
        assert "Affidabilità della regola:" in text
        assert html.escape(finding.evidence_source) in text
        info = carente.rules.get(finding.rule)
        if info is not None and info.examples("good", "it"):
            assert '<div class="examples"><div class="good">' in text
            assert '<div class="bad">' in text
    assert "<mark>" in page  # matched words in the examples


def test_copy_buttons_point_at_their_clause(parsed: Collector) -> None:
    ids = {a["id"] for _, a in parsed.tags if a.get("id")}
    buttons = [a for t, a in parsed.tags if t == "button"]
    assert buttons and all(a.get("data-target") in ids for a in buttons)
    assert all(a.get("data-label") == "Copia" for a in buttons)


def test_prints_well(page: str) -> None:
    style = re.search(r"<style>(.*?)</style>", page, re.S)
    assert style is not None and "@media print" in style.group(1)
    assert "button.copy, form.filters { display: none; }" in style.group(1)
    assert "break-inside: avoid" in style.group(1)


def test_english_and_unsafe_links(document: DocumentResult) -> None:
    doc = document.model_copy(deep=True)
    target = next(f for f in doc.findings if f.counts() and f.references)
    target.references[0].url = "javascript:alert(1)"
    page = RENDERERS["html"](Report(tool={"name": "proseco-check", "version": "x"},
                                    documents=[doc]), ui_lang="en")
    assert "javascript:" not in page
    assert "Scorecard by category" in page and '<html lang="en">' in page


# ------------------------------------------------------------------ the command line


def _invoke(monkeypatch: pytest.MonkeyPatch, report: Report, *args: str | Path) -> Any:
    monkeypatch.setattr(pipeline_check, "check_paths", lambda paths, options: report)
    return CliRunner().invoke(app, [str(a) for a in args], env={"NO_COLOR": "1"})


def test_format_html_and_output_html(monkeypatch: pytest.MonkeyPatch, carente: Report,
                                     tmp_path: Path) -> None:
    path = carente.documents[0].path
    out = tmp_path / "report.html"
    result = _invoke(monkeypatch, carente, "check", path, "--format", "html",
                     "--output-html", out, "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert out.read_text(encoding="utf-8") == result.stdout
    refused = _invoke(monkeypatch, carente, "check", path, "--output-html", path)
    assert refused.exit_code == 2 and "input document" in refused.stderr


# ------------------------------------------------------------------ in a real browser


def _chromium(*args: str, profile: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    browser = chromium_path()
    assert browser is not None
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                          check=False)


@pytest.fixture(scope="module")
def report_file(page: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(page, encoding="utf-8")
    return path


def _rgb(image: Image.Image) -> list[tuple[int, int, int]]:
    data = image.convert("RGB").tobytes()
    return [(data[i], data[i + 1], data[i + 2]) for i in range(0, len(data), 3)]


@needs_chromium
def test_screenshot_shows_the_scorecard(report_file: Path, tmp_path: Path,
                                        document: DocumentResult) -> None:
    shot = tmp_path / "report.png"
    done = _chromium(f"--screenshot={shot}", "--window-size=1280,6000",
                     report_file.as_uri(), profile=tmp_path / "profile")
    assert shot.is_file() and shot.stat().st_size > 10_000, done.stderr[-2000:]
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 6000)
    pixels = _rgb(image)
    background = max(set(pixels[:5000]), key=pixels[:5000].count)
    drawn = sum(1 for p in pixels if p != background) / len(pixels)
    assert drawn > 0.05, f"almost blank: {drawn:.1%} of the pixels differ from the background"
    assert len(image.getcolors(maxcolors=1_000_000) or []) > 50  # text, bars, badges
    # The first screen shows what to fix: the overall score (red below 50) and the red
    # badges of the results; the score bars (green from 80) follow the results.
    top = _rgb(image.crop((0, 0, 1280, 1000)))
    scores = [document.score.overall, *(c.score for c in document.score.categories)]
    reds = sum(1 for r, g, b in top if r > 170 and g < 90 and b < 80)
    greens = sum(1 for r, g, b in pixels if g > 110 and r < 60 and b < 100)
    if any(s is not None and s < 50 for s in scores):
        assert reds > 2000, reds
    if any(s is not None and s >= 80 for s in scores):
        assert greens > 2000, greens


@needs_chromium
def test_dom_contains_the_scorecard(report_file: Path, tmp_path: Path,
                                    document: DocumentResult) -> None:
    done = _chromium("--dump-dom", report_file.as_uri(), profile=tmp_path / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert 'id="scorecard-1"' in dom and "Punteggio per categoria" in dom
    scorecard = re.search(r'<section class="scorecard" id="scorecard-1">.*?</section>', dom,
                          re.S)
    assert scorecard is not None
    for label in ("Clausole sociali", "Contratti riservati", "Diritto UE",
                  "Normativa nazionale", "Complessivo"):
        assert label in scorecard.group(0)
    assert score_text(document.score.overall) in dom
    assert dom.count('class="copy"') >= 1


@needs_chromium
def test_printout_has_the_scorecard_and_no_buttons(report_file: Path, tmp_path: Path) -> None:
    import pypdfium2

    pdf = tmp_path / "report.pdf"
    done = _chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", report_file.as_uri(),
                     profile=tmp_path / "profile")
    assert pdf.is_file() and pdf.stat().st_size > 10_000, done.stderr[-2000:]
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        text = " ".join(page.get_textpage().get_text_range() for page in document)
        pages = len(document)
    finally:
        document.close()
    assert pages > 1
    assert "Punteggio per categoria" in text and "Clausola modello" in text
    assert "Copia" not in text  # the copy buttons are not printed
    assert "<https://www.normattiva.it" in text  # link targets are printed after the links


# ------------------------------------------------------------------ action first, in a browser


def test_findings_come_first_with_contents_and_filters(page: str, carente: Report) -> None:
    """Results before the scorecard and the facts; a contents list linking each result;
    filters by status and category; the facts folded; examples in Italian only."""
    assert page.index('class="results"') < page.index('class="scorecard"') \
        < page.index('<details class="facts">')
    contents = re.search(r'<nav class="contents".*?</nav>', page, re.S)
    assert contents is not None
    links = re.findall(r'href="#(f1-\d+)"', contents.group(0))
    live = [f for f in carente.documents[0].findings if f.counts()]
    assert len(links) == len(live) and all(f'id="{link}"' in page for link in links)
    assert '<select name="status">' in page and '<select name="category">' in page
    assert "<details class=\"facts\"><summary>Fatti della gara (" in page
    langs = set(re.findall(r'<blockquote data-lang="([a-z]+)">', page))
    assert langs == {"it"}
    assert "{" not in visible(page)  # placeholders explained, not left as {name}
    for word in ("Manca", "Da correggere"):
        assert f">{word}</span>" in page


def visible(page: str) -> str:
    page = re.sub(r"<(style|script)>.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@needs_chromium
def test_filters_in_the_browser(report_file: Path, tmp_path: Path, carente: Report) -> None:
    """Opened as report.html#status=missing, the wrong results are hidden by the script."""
    done = _chromium("--dump-dom", report_file.as_uri() + "#status=missing",
                     profile=tmp_path / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    articles = re.findall(r'<article class="finding st-([a-z]+)"[^>]*?( hidden="")?>', dom)
    assert articles
    assert all(bool(hidden) == (status == "wrong") for status, hidden in articles), articles
    assert any(status == "wrong" for status, _ in articles)
