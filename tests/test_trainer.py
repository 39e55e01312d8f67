"""Trainer mode and small comforts: `demo` (the two Italian samples side by side),
`explain` with the matched words highlighted, `check --annotate`, `--quiet`, `--verbose`
(rules and timings; JSON `timings` only then), colour only on a terminal and never with
NO_COLOR, shell completion and `--version`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import invoke_cli as invoke
from docx_helpers import comment_anchors

from proseco_check import __version__
from proseco_check.cli import common as cli
from proseco_check.engine.describe import describe_rule, matched_spans
from proseco_check.engine.loader import builtin_packs
from proseco_check.model.report import Report
from proseco_check.render.highlight import bracketed, changed_spans
from proseco_check.render.trainer import render_explain

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CARENTE = "it_disciplinare_carente.docx"
RULES = {r.id: r for p in builtin_packs() for r in p.rules}






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
    assert "Formulazioni corrette" in out and "Formulazioni da evitare" in out
    good = out[out.index("Formulazioni corrette"):out.index("Formulazioni da evitare")]
    italian = [e for e in RULES["IT-11-CCNL"].examples.good if e.lang == "it"]
    assert good.count("«") >= len(italian) + 1  # the heading says «» once
    assert "Clausola modello:" in out and "gravità errore" in out
    assert "GOOD" not in out and "BAD" not in out


def test_explain_on_a_terminal_uses_styles_not_brackets() -> None:
    text = render_explain(describe_rule(RULES["IT-11-CCNL"]), "en", color=True)
    assert "\x1b[" in text and "«" not in text
    assert "Compliant wording" in re.sub(r"\x1b\[[0-9;]*m", "", text)


def test_a_cached_rule_description_is_not_reused_when_its_clause_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The highlights come from the clause's patterns, which live in clauses/, not in
    the rule: editing a clause must invalidate the cached description of its rules."""
    from proseco_check.clauses.patterns import ClausePattern
    from proseco_check.clauses.schema import Clause
    from proseco_check.clauses.vocabulary import clause as clause_by_id
    from proseco_check.engine import describe

    monkeypatch.setenv("PROSECO_CACHE_DIR", str(tmp_path))
    rule = RULES["IT-11-CCNL"]
    before = describe_rule(rule)
    assert any(ex.spans for ex in before.good)
    assert describe_rule(rule) == before  # served from the cache now

    def edited(clause_id: str) -> Clause:
        original = clause_by_id(clause_id)
        never = ClausePattern(any=["zzz-never-matches"])
        return original.model_copy(update={"patterns": {"it": [never]}})

    monkeypatch.setattr(describe, "clause_by_id", edited)
    monkeypatch.setattr("proseco_check.engine.describe.matched_spans",
                        lambda *_args, **_kw: [])
    after = describe_rule(rule)
    assert not any(ex.spans for ex in after.good)


@pytest.mark.parametrize(("text", "whole"), [
    ("almeno il 30 per cento dei lavoratori", "30 per cento"),
    ("si applica la deroga motivata", "deroga"),
])
def test_highlights_cover_whole_words_and_numbers(text: str, whole: str) -> None:
    """Never '3«0 per cento»' nor '«derog»a': a span starts and ends on word boundaries."""
    rule = RULES["IT-ALLII3-DEROGA"] if "deroga" in whole else RULES["EU-20-30PCT"]
    spans = matched_spans(rule, text, "it")
    assert spans
    for start, end in spans:
        assert start == 0 or not text[start - 1].isalnum(), bracketed(text, spans)
        assert end == len(text) or not text[end].isalnum(), bracketed(text, spans)
    assert any(whole in text[s:e] for s, e in spans), bracketed(text, spans)


def test_changed_words_between_two_wordings_are_whole() -> None:
    old = "almeno il 20 per cento dei lavoratori"
    new = "almeno il 30 per cento dei lavoratori svantaggiati"
    old_spans, new_spans = changed_spans(old, new)
    assert [old[s:e] for s, e in old_spans] == ["20"]
    assert [new[s:e] for s, e in new_spans] == ["30", "svantaggiati"]


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


def test_check_annotate_writes_comments_on_the_quoted_paragraphs(cached: Report,
                                                                  tmp_path: Path) -> None:
    doc = cached.documents[0]
    source = Path(doc.path)
    before = source.read_bytes()
    out = tmp_path / "annotato.docx"
    result = invoke("check", source, "--annotate", out, "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    assert source.read_bytes() == before
    comments = comment_anchors(out)
    live = [f for f in doc.findings if f.counts()]
    assert len(comments) == len(live) + 1
    assert any(text.startswith("Punteggio proseco-check") for text in comments)
    wrong = next(f for f in live if f.status == "wrong" and f.evidence)
    comment = next(c for c in comments if c.startswith(f"[DA CORREGGERE] {wrong.rule} "))
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
    assert "RULES MET" not in out and " OK " in out  # passes listed with --verbose


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


def test_demo_puts_the_flawed_wording_beside_the_fixed_one() -> None:
    result = invoke("demo", COLUMNS="100")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Prima e dopo: il testo carente accanto a quello conforme" in out
    assert "Perché non va:" in out and "(nessuna clausola: manca del tutto)" in out
    # the changed numbers are marked whole, in both columns
    assert "«20»" in out and "«30»" in out and "«15»" in out
    assert not re.search(r"\d«\d|\d»\d", out)
    assert max(len(line) for line in out.splitlines()) <= 100


def test_demo_runs_from_an_installed_wheel(tmp_path: Path) -> None:
    """The wheel carries the two samples; unpacked alone (no checkout on the path), its
    `demo` finds them with importlib.resources."""
    import subprocess
    import sys
    import zipfile

    repo = SAMPLES.parent
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                            str(tmp_path / "dist"), str(repo)], capture_output=True, text=True,
                           timeout=300, check=False)
    if built.returncode != 0:
        pytest.skip(f"cannot build the wheel here: {built.stderr.strip()[-200:]}")
    wheel = next((tmp_path / "dist").glob("proseco_check-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "proseco_check/samples/it_disciplinare_carente.docx" in names
        assert "proseco_check/samples/it_disciplinare_conforme.docx" in names
        archive.extractall(tmp_path / "site")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"PYTHONPATH": str(tmp_path / "site"), "NO_COLOR": "1", "LANG": "C.UTF-8",
           "PATH": "/usr/bin:/bin", "COLUMNS": "100"}
    done = subprocess.run([sys.executable, "-c", "import proseco_check.cli.trainer as t; "
                           "print(t.samples_folder())"], capture_output=True, text=True,
                          cwd=elsewhere, env=env, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-1000:]
    assert done.stdout.strip().startswith(str(tmp_path / "site")), done.stdout
    demo = subprocess.run([sys.executable, "-m", "proseco_check", "demo"], capture_output=True,
                          text=True, cwd=elsewhere, env=env, timeout=300, check=False)
    assert demo.returncode == 0, demo.stderr[-1000:]
    assert "Corretti nella versione conforme" in demo.stdout
