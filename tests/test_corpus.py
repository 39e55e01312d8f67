"""The real-document corpus (../shared/corpus/real/): profile vs truth.yaml.

Skipped when the folder is absent. Prints per-element precision and recall; fails
below the agreement the core pipeline must keep (90 %), on any false `reserved` or
`ethical-supply-chain`, and on inexact quota values."""

from __future__ import annotations

from pathlib import Path

import pytest

from proseco_check.pipeline.evaluation import compare, format_report, load_truth
from proseco_check.pipeline.run import Options, check_document

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
pytestmark = pytest.mark.skipif(not (CORPUS / "truth.yaml").is_file(),
                                reason="real corpus not present beside the repository")


@pytest.fixture(scope="module")
def corpus_eval():
    truth = load_truth(CORPUS / "truth.yaml")
    results = {name: check_document(CORPUS / name, Options()) for name in truth
               if (CORPUS / name).is_file()}
    return compare(results, truth), results


def test_every_corpus_document_is_checked(corpus_eval) -> None:
    report, results = corpus_eval
    assert not report.missing_documents
    assert report.documents == 16
    for doc in results.values():
        assert doc.findings, doc.path


def test_profile_agrees_with_truth(corpus_eval) -> None:
    report, _ = corpus_eval
    print("\n" + format_report(report))
    total = report.total()
    assert total.agreement is not None and total.agreement >= 0.90
    by_element = {e.element: e for e in report.elements}
    assert by_element["reserved"].fp == 0, "false reserved"
    assert by_element["ethical_supply_chain"].fp == 0, "false ethical-supply-chain"
    assert report.quota_values_exact == report.quota_values_total


def test_traps_do_not_fire(corpus_eval) -> None:
    _, results = corpus_eval
    platform = results["it_regole_piattaforma_telematica_suam_regione_marche.docx"]
    assert platform.profile.reserved == "none"
    assert [e.id for e in platform.profile.elements] == []
    ted = results["it_avviso_ted_eforms_protesi_endoscopia_mauriziano_2025.pdf"]
    assert ted.profile.eforms["BT-71"] == ["none"]
    assert ted.facts["reserved_declared"].value == "none"
