"""Measured recall: eval --write-recall computes it per rule; check --recall shows it
next to a missing verdict."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from proseco_check.cli.app import app
from proseco_check.pipeline.evaluation import EvalReport, recall_table, rule_recall
from proseco_check.pipeline.run import Options, check_document

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def test_rule_recall_counts_found_and_missed_only_where_truth_has_the_element() -> None:
    conforme = check_document(SAMPLES / "it_disciplinare_conforme.pdf", Options())
    carente = check_document(SAMPLES / "it_disciplinare_carente.pdf", Options())
    results = {"a.pdf": conforme, "b.pdf": carente, "c.pdf": carente}
    truth = {"a.pdf": {"labour_agreement": True}, "b.pdf": {"labour_agreement": True},
             "c.pdf": {"labour_agreement": False}}
    recalls = rule_recall(results, truth, {"IT-11-CCNL": "labour-agreement"})
    assert [(r.rule, r.found, r.missed) for r in recalls] == [("IT-11-CCNL", 1, 1)]
    assert recalls[0].recall == 0.5
    table = recall_table(EvalReport(elements=[], disagreements=[], rules=recalls, documents=3),
                         "corpus")
    assert table["rules"]["IT-11-CCNL"] == {"element": "labour-agreement", "found": 1,
                                            "missed": 1, "recall": 0.5}


def test_check_shows_measured_recall_next_to_missing(tmp_path: Path) -> None:
    recall = tmp_path / "recall.json"
    recall.write_text(json.dumps({"corpus": "x", "documents": 4, "rules": {
        "IT-11-CCNL": {"element": "labour-agreement", "found": 3, "missed": 1,
                       "recall": 0.75}}}), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(SAMPLES / "it_disciplinare_carente.pdf"),
                                      "--recall", str(recall), "--format", "json",
                                      "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    findings = {f["rule"]: f for f in json.loads(result.stdout)["documents"][0]["findings"]}
    ccnl = findings["IT-11-CCNL"]
    assert ccnl["status"] == "missing"
    assert ccnl["detail"]["measured_recall"]["recall"] == 0.75
    assert "3 documenti su 4" in ccnl["message"] and "0.75" in ccnl["message"]
    assert "measured_recall" not in findings["EU-20-30PCT"]["detail"]  # wrong, not missing


def test_a_bad_recall_file_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "recall.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(SAMPLES / "it_disciplinare_carente.pdf"),
                                      "--recall", str(bad)])
    assert result.exit_code == 2
    assert "recall.json" in result.stderr
