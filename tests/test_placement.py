"""Issue 13: a clause missing from a document of a kind where it does not belong is
"elsewhere" ("non in questo documento; atteso nel disciplinare"), never "missing": it
does not fail the run and counts neither in the score nor in its coverage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from proseco_check.cli.app import app
from proseco_check.model.facts import FACT_TYPES, Fact, TenderFacts
from proseco_check.model.report import Finding
from proseco_check.model.sections import SECTION_DOCUMENTS, belongs_in, expected_kinds, rule_section
from proseco_check.model.vocab import FAILING_STATUSES
from proseco_check.pipeline.placement import place_findings
from proseco_check.pipeline.policy.exit_code import fails
from proseco_check.pipeline.score import score


def finding(name: str, status: str = "missing", category: str = "social-clauses"
            ) -> Finding:
    """A finding as the engine makes it: its usual section from the rule's name."""
    return Finding(rule=f"T-{name}", name=name, title="t", category=category, status=status,
                   severity="error", message="Il bando non contiene la clausola",
                   references=[], fingerprint=name, section=rule_section(name, category))


def kind(value: str | None) -> dict[str, Fact]:
    return {"document_kind": Fact(value=value, source="text")}


def test_award_criteria_missing_from_a_capitolato_are_expected_in_the_disciplinare() -> None:
    [placed] = place_findings([finding("award-criteria", category="eu-law")],
                              kind("capitolato"), "it", "it")
    assert placed.status == "elsewhere"
    assert placed.message == "non in questo documento; atteso nel disciplinare"
    assert placed.detail["expected_in"] == ["disciplinare"]
    assert placed.detail["missing_message"] == "Il bando non contiene la clausola"
    [english] = place_findings([finding("award-criteria", category="eu-law")],
                               kind("capitolato"), "it", "en")
    assert english.message == "not in this document; expected in the tender specifications"


@pytest.mark.parametrize(("name", "doc_kind", "lang", "where"), [
    ("clausola-sociale", "form", "it", ["bando", "disciplinare"]),
    ("clausola-sociale", "rc", "fr", ["ccap", "cctp"]),
    ("clausola-sociale", "notice", "es", ["pcap", "ppt"]),
    ("reserved-statement", "ccap", "fr", ["notice", "rc"]),
    ("reserved-statement", "form", "it", ["bando", "disciplinare"]),
    ("ccnl-named", "notice", "nl", ["disciplinare", "capitolato"]),
])
def test_the_message_names_the_documents_of_the_same_national_practice(
        name: str, doc_kind: str, lang: str, where: list[str]) -> None:
    [placed] = place_findings([finding(name)], kind(doc_kind), lang, "en")
    assert placed.status == "elsewhere"
    assert placed.detail["expected_in"] == where


@pytest.mark.parametrize(("name", "doc_kind"), [
    ("award-criteria", "disciplinare"),      # where award criteria belong
    ("clausola-sociale", "capitolato"),       # where the social clause belongs
    ("clausola-sociale", "disciplinare"),     # the bando-tipo states it there too
    ("clausola-sociale", "bando"),            # art. 57 c.1: "i bandi ... devono contenere"
    ("ccnl-named", "bando"),                  # art. 11 c.2: "nei bandi ... indicano"
    ("reserved-statement", "bando"),          # art. 61 c.3: the bando states it
    ("lots-division", "form"),                # a general rule belongs anywhere
])
def test_a_clause_missing_where_it_belongs_stays_missing(name: str, doc_kind: str) -> None:
    [placed] = place_findings([finding(name)], kind(doc_kind), "it", "it")
    assert placed.status == "missing"


@pytest.mark.parametrize("value", [None, "non-procurement"])
def test_an_unknown_kind_changes_nothing(value: str | None) -> None:
    [placed] = place_findings([finding("award-criteria")], kind(value), "it", "it")
    assert placed.status == "missing"


def test_only_missing_moves() -> None:
    found = [finding("award-criteria", status) for status in ("present", "wrong",
                                                               "not_applicable")]
    placed = place_findings(found, kind("form"), "it", "it")
    assert [f.status for f in placed] == ["present", "wrong", "not_applicable"]


def test_every_section_kind_belongs_in_a_known_document_kind() -> None:
    kinds = set(FACT_TYPES["document_kind"][1]) - {"non-procurement"}
    for section, where in SECTION_DOCUMENTS.items():
        assert set(where) <= kinds, section
        assert "form" not in where, section
    assert belongs_in("general", "form") and not belongs_in("award", "notice")
    assert expected_kinds("award", "contract", "fr") == ["rc"]


def test_elsewhere_counts_neither_in_the_score_nor_in_coverage_and_never_fails() -> None:
    facts = TenderFacts(facts={"is_tender": Fact(value=True, source="text")})
    present = [finding(f"p{i}", "present") for i in range(5)]
    moved = [finding("x", "elsewhere"), finding("y", "elsewhere")]
    with_moved, without = score(present + moved, facts), score(present, facts)
    assert with_moved.overall == without.overall == 100.0
    assert (with_moved.assessed, with_moved.applicable) == (without.assessed,
                                                           without.applicable)
    row = next(r for r in with_moved.categories if r.category == "social-clauses")
    assert row.elsewhere == 2 and row.missing == 0
    assert "elsewhere" not in FAILING_STATUSES
    assert not fails(moved, "info")


CAPITOLATO = """\
# Capitolato speciale d'appalto

Servizio di pulizia degli edifici comunali. Il presente capitolato disciplina l'esecuzione
del servizio affidato con procedura aperta dalla stazione appaltante.

L'appaltatore esegue il servizio con personale qualificato secondo il cronoprogramma.
"""


def check_json(path: Path, *extra: str) -> tuple[int, dict[str, Any], str]:
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json", "--no-config",
                                      *extra], env={"NO_COLOR": "1", "GITHUB_ACTIONS": None})
    return result.exit_code, json.loads(result.stdout)["documents"][0], result.stdout


def test_a_capitolato_without_exclusion_grounds_is_told_where_they_go(tmp_path: Path) -> None:
    path = tmp_path / "capitolato.md"
    path.write_text(CAPITOLATO, encoding="utf-8")
    _, doc, _ = check_json(path)
    assert doc["facts"]["document_kind"]["value"] == "capitolato"
    by_rule = {f["rule"]: f for f in doc["findings"]}
    # art. 94 exclusion grounds: participation, stated in the bando and the disciplinare
    assert by_rule["IT-94-L68"]["status"] == "elsewhere"
    assert by_rule["IT-94-L68"]["message"] == ("non in questo documento; atteso nel bando o "
                                               "nel disciplinare")
    # the social clause belongs in a capitolato: still missing here
    assert by_rule["IT-57-CLAUSOLA"]["status"] == "missing"
    # the same text called a disciplinare: the exclusion grounds are missing
    _, as_disciplinare, _ = check_json(path, "--fact", "document_kind=disciplinare")
    assert {f["rule"]: f["status"] for f in as_disciplinare["findings"]}[
        "IT-94-L68"] == "missing"


@pytest.mark.parametrize("fmt", ["table", "html", "markdown", "junit", "sarif"])
def test_every_renderer_shows_the_status(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "capitolato.md"
    path.write_text(CAPITOLATO, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--format", fmt, "--no-config",
                                      "--ui-lang", "it", "--show-passes"],
                                env={"NO_COLOR": "1", "GITHUB_ACTIONS": None,
                                     "COLUMNS": "200"})
    wanted = {"table": "ALTRO DOCUMENTO", "html": "Altro documento",
              "markdown": "Altro documento", "junit": "elsewhere: non in questo documento",
              "sarif": '"kind": "informational"'}[fmt]
    assert wanted in result.stdout


def test_a_clause_said_not_to_apply_or_without_its_number_is_missing_here() -> None:
    """Evidence in this document ("non si applica la clausola sociale", a quota with no
    percentage) means the clause is missing here, not expected elsewhere."""
    absent = finding("clausola-sociale")
    absent.detail["explicitly_absent"] = True
    no_value = finding("clausola-sociale")
    no_value.detail["value_not_stated"] = True
    placed = place_findings([absent, no_value], kind("rc"), "fr", "en")
    assert [f.status for f in placed] == ["missing", "missing"]
