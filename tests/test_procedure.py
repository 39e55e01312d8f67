"""Issue 13: `check --procedure` judges the documents of one tender as one. A tender
split into bando, disciplinare and capitolato, each clause in one of them: checked file
by file the clauses are "missing" or "elsewhere"; checked as a procedure none of the
clauses present in any document is missing, and each quote names its file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
import jsonschema
import pytest
from typer.testing import CliRunner

from proseco_check.cli.app import app
from proseco_check.model.evidence import Evidence
from proseco_check.model.facts import Fact
from proseco_check.model.report import DocumentResult, Profile, Score
from proseco_check.pipeline.procedure import merge_facts, procedure_groups

BANDO = """\
# Bando di gara

Procedura aperta per l'affidamento del servizio di pulizia degli edifici scolastici
comunali. CIG 9A1B2C3D4E.

La gara è aggiudicata con il criterio dell'offerta economicamente più vantaggiosa sulla
base del miglior rapporto qualità/prezzo.

L'importo complessivo stimato dell'appalto è di euro 480.000,00 oltre IVA. La durata del
contratto è di 36 mesi.

Costituisce causa di esclusione la violazione degli obblighi relativi al diritto al lavoro
delle persone con disabilità previsti dalla legge 12 marzo 1999, n. 68.
"""
DISCIPLINARE = """\
# Disciplinare di gara

Procedura aperta per l'affidamento del servizio di pulizia degli edifici scolastici
comunali.

## Criteri di valutazione dell'offerta

All'offerta tecnica sono attribuiti 70 punti e all'offerta economica 30 punti.

Criterio B.3: al concorrente in possesso della certificazione della parità di genere
UNI/PdR 125:2022 ai sensi dell'art. 46-bis del D.Lgs. 198/2006 sono attribuiti 3 punti.

Nell'offerta economica l'operatore economico indica, a pena di esclusione, i propri costi
della manodopera e gli oneri aziendali per la sicurezza.
"""
CAPITOLATO = """\
# Capitolato speciale d'appalto

Servizio di pulizia degli edifici scolastici comunali.

## Esecuzione del servizio

Il contratto collettivo nazionale applicabile al personale impiegato nell'appalto è il
CCNL Multiservizi, ai sensi dell'art. 11 del D.Lgs. 36/2023.

Clausola sociale: ai sensi dell'art. 57 del Codice l'aggiudicatario assorbe
prioritariamente nel proprio organico il personale già impiegato dal gestore uscente.
"""
# rule -> the file that holds its clause
SPREAD = {"IT-94-L68": "bando.md", "IT-108-PARITA": "disciplinare.md",
          "IT-108-COSTI": "disciplinare.md", "EU-67-WEIGHT": "disciplinare.md",
          "IT-11-CCNL": "capitolato.md", "IT-57-CLAUSOLA": "capitolato.md"}


@pytest.fixture(scope="module")
def tender(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("gara")
    for name, text in (("bando.md", BANDO), ("disciplinare.md", DISCIPLINARE),
                       ("capitolato.md", CAPITOLATO)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", *[str(a) for a in args], "--no-config"],
                                env={"NO_COLOR": "1", "GITHUB_ACTIONS": None,
                                     "COLUMNS": "160"})
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def report(tender: Path) -> dict[str, Any]:
    _, out = run(tender, "--procedure", "--format", "json")
    data: dict[str, Any] = json.loads(out)
    return data


def statuses(doc: dict[str, Any]) -> dict[str, str]:
    return {f["rule"]: f["status"] for f in doc["findings"]}


def test_file_by_file_the_spread_clauses_are_missing_or_elsewhere(report: dict[str, Any]
                                                                  ) -> None:
    by_file = {Path(d["path"]).name: statuses(d) for d in report["documents"]}
    assert set(by_file) == {"bando.md", "disciplinare.md", "capitolato.md"}
    for rule, home in SPREAD.items():
        others = [s[rule] for name, s in by_file.items() if name != home and rule in s]
        assert {"missing", "elsewhere"} & set(others), (rule, others)


def test_as_a_procedure_no_clause_present_anywhere_is_missing(report: dict[str, Any]
                                                              ) -> None:
    [procedure] = report["procedures"]
    assert list(procedure)[:2] == ["path", "language"] and "documents" in procedure
    assert [Path(p).name for p in procedure["documents"]] == ["bando.md", "disciplinare.md",
                                                              "capitolato.md"]
    found = statuses(procedure)
    present_somewhere = {f["rule"] for d in report["documents"] for f in d["findings"]
                         if f["status"] == "present"}
    assert {r for r in present_somewhere if found.get(r) == "missing"} == set()
    for rule, home in SPREAD.items():
        finding = next(f for f in procedure["findings"] if f["rule"] == rule)
        assert finding["status"] == "present", rule
        assert Path(finding["location"]["file"]).name == home, rule
    assert "elsewhere" not in found.values()
    assert procedure["score"]["overall"] is not None
    assert report["schema_version"] == "1.3"


def test_the_procedure_json_follows_the_published_schema(report: dict[str, Any]) -> None:
    schema_path = Path(__file__).resolve().parents[1] / "docs" / "schema" / "report.schema.json"
    validator = jsonschema.Draft202012Validator(json.loads(schema_path.read_text("utf-8")))
    assert [e.message for e in validator.iter_errors(report)][:3] == []
    broken = json.loads(json.dumps(report))
    del broken["procedures"][0]["documents"]
    assert list(validator.iter_errors(broken))


def test_facts_merge_from_the_most_authoritative_document_with_their_file(
        report: dict[str, Any]) -> None:
    facts = report["procedures"][0]["facts"]
    assert facts["award_method"]["value"] == "best_price_quality"
    assert Path(facts["award_method"]["file"]).name == "bando.md"
    assert Path(facts["social_clause"]["file"]).name == "capitolato.md"
    assert all(Path(e["file"]).name == "bando.md" for e in facts["award_method"]["evidence"])
    # a single document's JSON has no file keys
    assert "file" not in report["documents"][0]["facts"]["award_method"]


def doc(path: str, kind: str, **facts: Any) -> DocumentResult:
    """A checked document whose facts were read from its text, each with its quote."""
    values = {"document_kind": Fact(value=kind, source="text")}
    values.update({k: Fact(value=v, source="text", evidence=[Evidence(text=f"{k}: {v}")])
                   for k, v in facts.items()})
    return DocumentResult(path=path, language="it", nlp_mode="blank", packs=[],
                          facts=values, profile=Profile(reserved="none", elements=[],
                                                        eforms={}),
                          findings=[], score=Score(overall=None, categories=[]))


def test_a_conflict_keeps_the_authoritative_value_and_says_so() -> None:
    merged, notices = merge_facts([doc("bando.pdf", "bando", duration_months=36.0),
                                   doc("capitolato.pdf", "capitolato", duration_months=24.0,
                                       pnrr=True)], "en")
    assert merged["duration_months"].value == 36.0
    assert merged["duration_months"].file == "bando.pdf"
    assert merged["pnrr"].value is True and merged["pnrr"].file == "capitolato.pdf"
    assert merged["document_kind"].value is None
    assert notices == ["duration_months: bando.pdf says 36.0, capitolato.pdf says 24.0; "
                       "36.0 is kept (bando.pdf is the most authoritative document)"]


def test_folders_and_named_files_make_procedures(tmp_path: Path) -> None:
    one, two = tmp_path / "a", tmp_path / "b"
    one.mkdir()
    two.mkdir()
    files = [one / "x.pdf", one / "y.pdf", two / "z.pdf", two / "w.pdf"]
    groups = procedure_groups([one, two / "z.pdf", two / "w.pdf"], files)
    assert groups == [(str(one), files[:2]), (str(two), files[2:])]


def test_the_exit_code_and_the_table_follow_the_procedure(tender: Path) -> None:
    code, out = run(tender, "--procedure", "--ui-lang", "it")
    assert "procedura di 3 documenti" in out
    assert "bando.md" in out
    assert "--procedure --annotate" in out and "suggest" not in out
    alone, _ = run(tender / "capitolato.md", "--ui-lang", "it", "--fail-on", "never")
    assert alone == 0 and code in (0, 1)


@pytest.mark.parametrize("fmt", ["sarif", "junit", "html"])
def test_sarif_junit_and_html_report_the_procedure(tender: Path, fmt: str) -> None:
    _, out = run(tender, "--procedure", "--format", fmt)
    assert str(tender) in out
    if fmt == "sarif":
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in json.loads(out)["runs"][0]["results"]}
        assert uris and all(u.endswith(".md") for u in uris)


def test_annotate_writes_one_copy_per_document(tender: Path, tmp_path: Path) -> None:
    out = tmp_path / "commenti"
    code, _ = run(tender, "--procedure", "--annotate", out, "--quiet")
    assert code in (0, 1)
    copies = sorted(p.name for p in out.iterdir())
    assert copies == ["bando-commenti.docx", "capitolato-commenti.docx",
                      "disciplinare-commenti.docx"]
    comments = [c.text for name in copies
                for c in docx.Document(str(out / name)).comments]
    assert comments
    bad, _ = run(tender, "--procedure", "--annotate", tmp_path / "uno.docx")
    assert bad == 2


def test_a_fact_found_nowhere_is_not_a_statement_against_one_found() -> None:
    """No installation words in the bando (a value without a quote) does not outweigh
    the capitolato that describes the installation."""
    bando = doc("bando.pdf", "bando")
    bando.facts["supplies_without_installation"] = Fact(value=True, source="text")
    capitolato = doc("capitolato.pdf", "capitolato", supplies_without_installation=False)
    merged, notices = merge_facts([bando, capitolato], "en")
    assert merged["supplies_without_installation"].value is False
    assert merged["supplies_without_installation"].file == "capitolato.pdf"
    assert notices == []


def test_two_files_of_one_name_get_two_annotated_copies() -> None:
    from types import SimpleNamespace

    from proseco_check.cli.check import _copy_name

    procedure = SimpleNamespace(documents=["t/bando.pdf", "t/bando.docx", "t/capitolato.pdf"])
    assert _copy_name(Path("t/bando.pdf"), procedure) == "bando-pdf-commenti.docx"
    assert _copy_name(Path("t/bando.docx"), procedure) == "bando-docx-commenti.docx"
    assert _copy_name(Path("t/capitolato.pdf"), procedure) == "capitolato-commenti.docx"


def test_a_file_named_inside_a_named_folder_counts_once(tmp_path: Path) -> None:
    files = [tmp_path / "bando.txt", tmp_path / "capitolato.txt"]
    groups = procedure_groups([tmp_path, files[0]], files)
    assert groups == [(str(tmp_path), files)]
