"""Trainer mode and small comforts: `demo` (the two Italian samples side by side),
`explain` with the matched words highlighted, `check --annotate`, `--quiet`, `--verbose`
(rules and timings; JSON `timings` only then), colour only on a terminal and never with
NO_COLOR, shell completion and `--version`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from typer.testing import CliRunner

from proseco_check import __version__
from proseco_check.cli import common as cli
from proseco_check.cli.app import app
from proseco_check.engine.loader import builtin_packs
from proseco_check.model.report import Report
from proseco_check.pipeline import check as pipeline_check
from proseco_check.render.highlight import bracketed, matched_spans
from proseco_check.render.trainer import render_explain

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CARENTE = "it_disciplinare_carente.docx"
RULES = {r.id: r for p in builtin_packs() for r in p.rules}


def invoke(*args: str | Path, **env: str | None) -> Any:
    environment: dict[str, str | None] = {"NO_COLOR": "1", "LC_ALL": None,
                                          "LC_MESSAGES": None, "LANG": "C.UTF-8",
                                          "GITHUB_ACTIONS": None}
    environment.update(env)
    return CliRunner().invoke(app, [str(a) for a in args], env=environment)


@pytest.fixture
def cached(monkeypatch: pytest.MonkeyPatch, checked_sample: Callable[[str], Any]) -> Report:
    report = checked_sample(CARENTE).report
    monkeypatch.setattr(pipeline_check, "check_paths", lambda paths, options: report)
    return report


# ------------------------------------------------------------------ explain


def test_good_examples_of_required_rules_have_matched_words() -> None:
    """A good example passes a `required` rule, so some pattern matches words in it."""
    empty = [(r.id, i) for r in RULES.values() if r.type == "required"
             for i, ex in enumerate(r.examples.good, 1) if not matched_spans(r, ex.text, ex.lang)]
    assert empty == []


def test_spans_point_into_the_original_text() -> None:
    rule = RULES["IT-57-CLAUSOLA"]
    text = "È prevista la CLAUSOLA SOCIALE di riassorbimento del personale già impiegato."
    spans = matched_spans(rule, text, "it")
    assert spans and all(0 <= s < e <= len(text) for s, e in spans)
    marked = bracketed(text, spans)
    assert marked.replace("«", "").replace("»", "") == text
    assert "«" in marked and "CLAUSOLA SOCIALE" in "".join(text[s:e] for s, e in spans).upper()


def test_explain_plain_marks_matches_with_brackets() -> None:
    result = invoke("explain", "IT-11-CCNL", "--ui-lang", "it")
    assert result.exit_code == 0
    out = result.stdout
    assert "\x1b[" not in out
    assert "GOOD: formulazioni corrette" in out and "BAD: formulazioni da evitare" in out
    good = out[out.index("GOOD:"):out.index("BAD:")]
    assert good.count("«") >= len(RULES["IT-11-CCNL"].examples.good)
    assert "Clausola modello:" in out and "gravità errore" in out


def test_explain_on_a_terminal_uses_styles_not_brackets() -> None:
    text = render_explain(RULES["IT-11-CCNL"], "en", color=True)
    assert "\x1b[" in text and "«" not in text
    assert "GOOD: compliant wording" in re.sub(r"\x1b\[[0-9;]*m", "", text)


# ------------------------------------------------------------------ demo


def test_demo_shows_the_score_change_per_category() -> None:
    result = invoke("demo")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Demo: lo stesso disciplinare" in out
    assert "it_disciplinare_carente.docx" in out and "it_disciplinare_conforme.docx" in out
    for label in ("Complessivo", "Clausole sociali", "Contratti riservati", "Diritto UE",
                  "Normativa nazionale"):
        assert label in out
    overall = next(line for line in out.splitlines() if "Complessivo" in line)
    delta = re.search(r"([+-]\d+)\s*│\s*$", overall)
    assert delta is not None and int(delta.group(1)) > 0, overall
    fixed = re.search(r"Corretti nella versione conforme \((\d+)\)", out)
    assert fixed is not None and int(fixed.group(1)) >= 5
    for rule in ("IT-11-CCNL", "IT-57-CLAUSOLA", "EU-20-30PCT"):
        assert rule in out


def test_demo_in_english_and_without_samples(tmp_path: Path) -> None:
    missing = invoke("demo", "--samples", tmp_path)
    assert missing.exit_code == 2
    assert len(missing.stderr.strip().splitlines()) == 1 and "--samples" in missing.stderr
    assert invoke("demo", "--ui-lang", "xx").exit_code == 2


# ------------------------------------------------------------------ check --annotate


def _comments(path: Path) -> dict[str, str]:
    """comment text -> text of the paragraph it is anchored on."""
    document = docx.Document(str(path))
    texts = {str(c.comment_id): c.text for c in document.comments}
    out = {}
    for start in document.element.body.iter(qn("w:commentRangeStart")):
        paragraph = start.getparent()
        while paragraph is not None and paragraph.tag != qn("w:p"):
            paragraph = paragraph.getparent()
        out[texts[start.get(qn("w:id"))]] = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
    return out


def test_check_annotate_writes_comments_on_the_quoted_paragraphs(cached: Report,
                                                                  tmp_path: Path) -> None:
    doc = cached.documents[0]
    source = Path(doc.path)
    before = source.read_bytes()
    out = tmp_path / "annotato.docx"
    result = invoke("check", source, "--annotate", out, "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    assert source.read_bytes() == before
    comments = _comments(out)
    live = [f for f in doc.findings if f.counts()]
    assert len(comments) == len(live) + 1
    assert any(text.startswith("Punteggio proseco-check") for text in comments)
    wrong = next(f for f in live if f.status == "wrong" and f.evidence)
    comment = next(c for c in comments if c.startswith(f"[ERRATO] {wrong.rule} "))
    assert " ".join(wrong.evidence[0].text.split())[:40] in " ".join(comments[comment].split())
    assert f"({len(comments)} commenti)" in result.stderr


@pytest.mark.parametrize(("target", "needle"), [
    ("input", "input document"), ("copy.pdf", ".docx"), ("folder", "one document")])
def test_check_annotate_refusals(cached: Report, tmp_path: Path, target: str,
                                 needle: str) -> None:
    source = Path(cached.documents[0].path)
    if target == "folder":
        result = invoke("check", SAMPLES, "--annotate", tmp_path / "out.docx")
    else:
        output = source if target == "input" else tmp_path / target
        result = invoke("check", source, "--annotate", output)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and result.stdout == ""


# ------------------------------------------------------------------ quiet, verbose, colour


def test_quiet_prints_only_the_summary_line(cached: Report) -> None:
    doc = cached.documents[0]
    result = invoke("check", doc.path, "--quiet", "--fail-on", "never")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{doc.path}: punteggio ")
    assert result.stderr == ""
    assert invoke("check", doc.path, "-q", "-v").exit_code == 2


def test_verbose_shows_rules_and_timings(cached: Report) -> None:
    doc = cached.documents[0]
    result = invoke("check", doc.path, "--verbose", "--fail-on", "never", "--ui-lang", "en")
    out = result.stdout
    assert re.search(r"Rules: \d+ evaluated, \d+ not applicable, \d+ skipped", out)
    assert re.search(r"Timings: read [\d.]+ s · nlp [\d.]+ s · facts [\d.]+ s · rules [\d.]+ s"
                     r" · profile [\d.]+ s", out)
    assert "NOT APPLICABLE" in out  # the rules that did not run, with why


def test_json_timings_only_with_verbose(cached: Report) -> None:
    doc = cached.documents[0]
    plain = json.loads(invoke("check", doc.path, "--format", "json", "--fail-on", "never").stdout)
    assert "timings" not in plain["documents"][0]
    verbose = json.loads(invoke("check", doc.path, "--format", "json", "--verbose",
                                "--fail-on", "never").stdout)
    timings = verbose["documents"][0]["timings"]
    assert list(timings) == ["read", "nlp", "facts", "rules", "profile"]
    assert list(verbose["documents"][0])[-1] == "timings"


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty:
        def __init__(self, tty: bool) -> None:
            self.tty = tty

        def isatty(self) -> bool:
            return self.tty

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(cli.sys, "stdout", Tty(True))
    assert cli.use_color()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli.use_color()
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr(cli.sys, "stdout", Tty(False))
    assert not cli.use_color()


def test_version_and_shell_completion() -> None:
    assert invoke("--version").stdout == f"proseco-check {__version__}\n"
    help_text = invoke("--help").stdout
    for option in ("--install-completion", "--show-completion", "--version"):
        assert option in help_text
    for command in ("check", "suggest", "demo", "explain"):
        assert command in help_text
    check_help = invoke("check", "--help").stdout
    for option in ("--quiet", "--verbose", "--annotate", "--output-html", "--ui-lang"):
        assert option in check_help
