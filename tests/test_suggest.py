"""Model clauses: `proseco-check suggest` groups the clauses a tender lacks by where they
belong, in the document's language, placeholders filled from the facts (or --fill) and
the unknown ones left visible; `--output clauses.docx` writes them with a heading per
group, never over the input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from test_i18n import synthetic_document
from typer.testing import CliRunner

from proseco_check.cli.app import app
from proseco_check.engine.evaluate import fill_placeholders
from proseco_check.model.facts import Fact, TenderFacts
from proseco_check.model.report import Report
from proseco_check.pipeline import check as pipeline_check
from proseco_check.render.suggest import fill, group_clauses, placeholders, render_text

SAMPLE = "it_disciplinare_carente.docx"


# ------------------------------------------------------------------ grouping


def test_groups_by_category_and_section_of_the_evidence() -> None:
    groups = group_clauses(synthetic_document())
    assert [(g.category, g.section, [f.rule for f in g.findings]) for g in groups] == [
        ("social-clauses", None, ["IT-57-CLAUSOLA"]),  # missing: to add to its category
        ("social-clauses", "DISCIPLINARE > 6. PARI OPPORTUNITÀ", ["IT-ALLII3-YOUTH30"]),
    ]  # the suppressed IT-61-REF is accepted: no clause for it
    assert groups[0].heading("it") == "Clausole sociali: da aggiungere"
    assert groups[1].heading("en") == "Social clauses: section «DISCIPLINARE > 6. PARI OPPORTUNITÀ»"


def test_placeholders_filled_from_facts_and_the_rest_kept_visible() -> None:
    facts = TenderFacts(facts={"estimated_value_eur": Fact(value=180000.0, source="text"),
                               "duration_months": Fact(value=24.0, source="text")})
    text = fill_placeholders("Importo {estimated_value_eur} euro, {duration_months} mesi, "
                             "CCNL {ccnl_name}.", facts)
    assert text == "Importo 180.000,00 euro, 24 mesi, CCNL {ccnl_name}."
    assert placeholders(text) == ["{ccnl_name}"]


def test_fill_returns_a_copy() -> None:
    doc = synthetic_document()
    filled = fill(doc, {"ccnl_name": "Multiservizi"})
    clause = next(f for f in filled.findings if f.rule == "IT-57-CLAUSOLA")
    assert clause.fix == "Clausola sociale: CCNL Multiservizi."
    assert "{ccnl_name}" in next(f for f in doc.findings if f.rule == "IT-57-CLAUSOLA").fix


def test_text_lists_what_to_complete() -> None:
    text = render_text(synthetic_document(), group_clauses(synthetic_document()), "it")
    assert "Clausole mancanti: bando.docx" in text
    assert "Da completare: {ccnl_name}" in text
    assert "sostituisce il testo: «almeno il 15 per cento delle assunzioni»" in text


# ------------------------------------------------------------------ the command


@pytest.fixture
def cached(monkeypatch: pytest.MonkeyPatch, checked_sample: Callable[[str], Any]
           ) -> Report:
    report = checked_sample(SAMPLE).report
    monkeypatch.setattr(pipeline_check, "check_paths", lambda paths, options: report)
    return report


def invoke(*args: str | Path) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args],
                              env={"NO_COLOR": "1", "LC_ALL": None, "LANG": "C.UTF-8"})


def test_suggest_prints_the_missing_clauses_in_italian(cached: Report) -> None:
    doc = cached.documents[0]
    result = invoke("suggest", doc.path)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("Clausole mancanti: it_disciplinare_carente.docx")
    expected = [f for f in doc.findings if f.counts() and f.fix]
    assert expected
    for finding in expected:
        assert finding.rule in out
    assert "Clausole sociali: da aggiungere" in out
    assert "Clausola sociale (art. 57" in out  # the model clause, in Italian
    assert "{ccnl_name}" in out and "Da completare:" in out
    filled = invoke("suggest", doc.path, "--fill", "ccnl_name=Multiservizi")
    assert "CCNL Multiservizi" in filled.stdout and "{ccnl_name}" not in filled.stdout


def test_suggest_writes_a_docx_with_a_heading_per_group(cached: Report, tmp_path: Path
                                                         ) -> None:
    doc = cached.documents[0]
    source = Path(doc.path)
    before = source.read_bytes()
    out = tmp_path / "clausole.docx"
    result = invoke("suggest", source, "--output", out)
    assert result.exit_code == 0, result.stderr
    assert source.read_bytes() == before
    written = docx.Document(str(out))
    headings = [p.text for p in written.paragraphs if p.style.name == "Heading 1"]
    groups = group_clauses(doc)
    assert headings == [g.heading("it") for g in groups]
    clauses = [p.text for p in written.paragraphs if p.style.name == "Heading 2"]
    assert len(clauses) == sum(len(g.findings) for g in groups)
    body = "\n".join(p.text for p in written.paragraphs)
    for group in groups:
        for finding in group.findings:
            assert finding.fix in body
    assert f"{len(clauses)} clauses" in result.stderr or f"{len(clauses)} clausole" in \
        result.stderr


@pytest.mark.parametrize("target", ["same", "clauses.pdf"])
def test_suggest_refuses_bad_outputs(cached: Report, tmp_path: Path, target: str) -> None:
    source = Path(cached.documents[0].path)
    output = source if target == "same" else tmp_path / target
    result = invoke("suggest", source, "--output", output)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_suggest_refuses_a_folder_and_bad_fill(cached: Report) -> None:
    folder = Path(cached.documents[0].path).parent
    result = invoke("suggest", folder)
    assert result.exit_code == 2 and "not a folder" in result.stderr
    bad = invoke("suggest", cached.documents[0].path, "--fill", "ccnl_name")
    assert bad.exit_code == 2 and "--fill takes name=text" in bad.stderr


def test_suggest_on_a_real_small_tender(tmp_path: Path) -> None:
    """No cache: a real run on a short Italian call that lacks the clausola sociale."""
    from conftest import SMALL_TENDER_IT

    path = tmp_path / "bando.md"
    path.write_text(SMALL_TENDER_IT, encoding="utf-8")
    result = invoke("suggest", path)
    assert result.exit_code == 0, result.stderr
    assert "IT-57-CLAUSOLA" in result.stdout
    assert "Clausola sociale (art. 57" in result.stdout
