"""The real-document corpus (../shared/corpus/real/): profile vs truth.yaml.

Skipped when the folder is absent. Prints per-element precision and recall; fails
below the agreement the core pipeline must keep (90 %), on any false `reserved` or
`ethical-supply-chain`, and on inexact quota values."""

from __future__ import annotations

from pathlib import Path

import pytest

from proseco_check.engine.loader import builtin_packs
from proseco_check.model.report import Finding
from proseco_check.pipeline.evaluation import compare, format_report, load_truth
from proseco_check.pipeline.run import Options, check_document
from proseco_check.profile.build import element_clauses

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


def _saw_clause(finding: Finding) -> bool | None:
    """Whether a rule found its clause; None where it did not look (not applicable,
    skipped). A numeric rule whose clause states no number still found the clause; a
    rule passed by its lawful alternative did not."""
    if finding.status in ("not_applicable", "skipped"):
        return None
    if finding.detail.get("value_not_stated"):
        return True
    return finding.status in ("present", "wrong") and not finding.detail.get("alternative")


def test_profile_elements_and_rules_agree_on_every_document(corpus_eval) -> None:
    """A profile element and the rules reading one of its clauses never disagree: the
    clause is judged once per document and both read that verdict (issue 12)."""
    _, results = corpus_eval
    assert len(results) == len([p for p in CORPUS.iterdir() if p.suffix in (".pdf", ".docx")])
    clause_of = {r.id: r.clause for p in builtin_packs() for r in p.rules}
    disagreements = []
    checked = 0
    for name, result in results.items():
        present = {e.id for e in result.profile.elements}
        for finding in result.findings:
            saw = _saw_clause(finding)
            for element, clauses in element_clauses().items():
                if saw is None or clause_of[finding.rule] not in clauses:
                    continue
                checked += 1
                # The rule found the clause: the element is there. The element's only
                # clause is there: the rule found it.
                if (saw and element not in present) or \
                        (not saw and element in present and clauses == [clause_of[finding.rule]]):
                    disagreements.append((name, finding.rule, finding.status, element))
    assert checked > 0
    assert not disagreements, disagreements
