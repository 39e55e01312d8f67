"""Honest scores (issue 13): every score stands beside its coverage, and a document the
tool cannot judge gets no overall score: not a procurement document, a jurisdiction
outside the packs, or fewer than MIN_ASSESSED rules that could give a verdict."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from proseco_check.cli.app import app
from proseco_check.model.facts import Fact, TenderFacts
from proseco_check.model.report import Finding
from proseco_check.pipeline.score import MIN_ASSESSED, score

SYNTHETIC = Path(__file__).parent / "data" / "synthetic"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def check_json(path: Path) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json", "--no-config"],
                                env={"NO_COLOR": "1", "GITHUB_ACTIONS": None})
    return result.exit_code, json.loads(result.stdout)["documents"][0]


def finding(status: str, category: str = "social-clauses") -> Finding:
    return Finding(rule="T-1", name="t", title="t", category=category, status=status,
                   severity="error", message="m", references=[], fingerprint="f")


@pytest.mark.parametrize(("name", "reason"), [
    ("it_due_parole.txt", "non-procurement"),
    ("en_erasmus_call.txt", "non-procurement"),
    ("en_land_rights_notice.txt", "non-procurement"),
    ("it_concorso_pubblico.txt", "non-procurement"),
    ("ch_vaud_aimp_gardiennage.txt", "outside-packs"),
    ("ar_pliego_bases_condiciones.txt", "outside-packs"),
])
def test_documents_the_tool_cannot_judge_get_no_score(name: str, reason: str) -> None:
    code, doc = check_json(SYNTHETIC / name)
    assert doc["score"]["overall"] is None
    assert doc["score"]["not_assessable"] == reason
    assert code == 0  # documented: a document that cannot be judged never fails the run
    assert any("not assessable" in n or "non valutabile" in n for n in doc["notices"])


def test_a_real_tender_is_scored_with_its_coverage() -> None:
    code, doc = check_json(SAMPLES / "it_disciplinare_carente.docx")
    assert code == 1
    assert doc["score"]["overall"] is not None and doc["score"]["not_assessable"] is None
    assert doc["score"]["assessed"] >= MIN_ASSESSED
    assert doc["score"]["applicable"] >= doc["score"]["assessed"]
    for row in doc["score"]["categories"]:
        assert row["assessed"] == row["present"] + row["missing"] + row["wrong"]


def test_too_few_rules_assessed_is_not_a_score() -> None:
    facts = TenderFacts(facts={"is_tender": Fact(value=True, source="text")})
    few = score([finding("present")] * (MIN_ASSESSED - 1), facts)
    assert few.overall is None and few.not_assessable == "too-few-rules"
    enough = score([finding("present")] * MIN_ASSESSED, facts)
    assert enough.overall == 100.0 and enough.not_assessable is None
    assert enough.assessed == MIN_ASSESSED


def test_the_table_shows_coverage_and_not_assessable_in_italian() -> None:
    result = CliRunner().invoke(app, ["check", str(SYNTHETIC / "it_due_parole.txt"),
                                      "--ui-lang", "it", "--no-config"],
                                env={"NO_COLOR": "1", "COLUMNS": "100"})
    assert "punteggio non valutabile (" in result.stdout
    assert "regole valutate su" in result.stdout
    assert "100/100" not in result.stdout
