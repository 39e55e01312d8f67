"""End to end: the samples' verdicts (samples/README.md), exit codes, JSON output,
determinism, fact overrides, folder expansion and read-only inputs.

Each sample is checked once per session (`checked_sample` in conftest.py). CLI tests that
need a sample's result run the real CLI with `runner.check_paths` replaced by the cached
Report; tests that need a real pipeline run use small documents written to tmp_path.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLE_FILES, cli_command, file_state, subprocess_env

from proseco_check.engine.loader import builtin_packs
from proseco_check.errors import InputError
from proseco_check.pipeline import check as pipeline_check
from proseco_check.pipeline import run as runner
from proseco_check.pipeline.run import expand_paths

CONFORME = ("it_disciplinare_conforme.pdf", "it_disciplinare_conforme.docx")
CARENTE = ("it_disciplinare_carente.pdf", "it_disciplinare_carente.docx")
EN_NOTICE = "en_reserved_contract_notice.pdf"
# An Italian tender runs the EU, Italian and good-practice packs.
IT_PACKS = ["eu", "good-practice", "it"]
ALL_EU_IT_RULES = {r.id for p in builtin_packs() if p.pack.id in IT_PACKS for r in p.rules}
FR_CCAP = "fr_ccap_clause_insertion.docx"


@pytest.fixture
def cli_with_report(monkeypatch: pytest.MonkeyPatch, checked_sample, run_cli):
    """Run `proseco-check check SAMPLE ARGS...` in-process, the check itself answered by
    the session's cached Report of that sample. Returns (result, [options passed])."""

    def run(sample: str, *args: str):
        cached = checked_sample(sample)
        seen: list[runner.Options] = []

        def fake_check_paths(paths: list[Path], options: runner.Options):
            assert [Path(p) for p in paths] == [cached.path]
            seen.append(options)
            return cached.report

        monkeypatch.setattr(pipeline_check, "check_paths", fake_check_paths)
        return run_cli("check", cached.path, *args), seen

    return run


# ------------------------------------------------------------------ sample verdicts

# samples/README.md, "What a checker should find".
CARENTE_EXPECTED = {
    "IT-11-CCNL": "missing",  # "il CCNL applicato dall'operatore economico": no CCNL named
    "IT-57-CLAUSOLA": "missing",  # only a template leftover under the heading (trap)
    "IT-61-REF": "missing",  # "appalto riservato alle cooperative sociali", no article
    "EU-20-REF": "missing",
    "EU-20-30PCT": "wrong",  # "almeno il 20 per cento dei lavoratori"
    "IT-ALLII3-YOUTH30": "wrong",  # 15 per cento, no reason given
    "IT-ALLII3-WOMEN30": "missing",
    "IT-108-PARITA": "missing",  # the 5 points went to "Migliorie"
    "IT-108-OEPV": "present",  # OEPV 70/30
}
CONFORME_EXPECTED = {
    "IT-11-CCNL": "present",  # "CCNL per i dipendenti delle cooperative sociali"
    "IT-57-CLAUSOLA": "present",
    "IT-61-REF": "present",
    "EU-20-REF": "present",
    "EU-20-30PCT": "present",
    "IT-ALLII3-YOUTH30": "present",
    "IT-ALLII3-WOMEN30": "present",
    "IT-108-PARITA": "present",  # criterion 6, 5 points
    "IT-108-OEPV": "present",
    "IT-BANDO-RISERVATA": "present",  # "Partecipazione riservata: SI"
}


@pytest.mark.parametrize("sample", CARENTE)
@pytest.mark.parametrize("rule", sorted(CARENTE_EXPECTED))
def test_carente_verdicts(checked_sample, sample: str, rule: str) -> None:
    assert checked_sample(sample).finding(rule).status == CARENTE_EXPECTED[rule]


@pytest.mark.parametrize("sample", CONFORME)
@pytest.mark.parametrize("rule", sorted(CONFORME_EXPECTED))
def test_conforme_verdicts(checked_sample, sample: str, rule: str) -> None:
    assert checked_sample(sample).finding(rule).status == CONFORME_EXPECTED[rule]


@pytest.mark.parametrize("sample", CONFORME)
def test_conforme_names_its_ccnl(checked_sample, sample: str) -> None:
    finding = checked_sample(sample).finding("IT-11-CCNL")
    assert finding.status == "present"
    assert "CCNL per i dipendenti delle cooperative sociali" in finding.evidence[0].text


@pytest.mark.parametrize("pair", [CONFORME, CARENTE], ids=["conforme", "carente"])
def test_pdf_and_docx_of_the_same_source_agree(checked_sample, pair: tuple[str, str]) -> None:
    pdf, docx = (checked_sample(name) for name in pair)
    assert pdf.statuses() == docx.statuses()
    assert set(pdf.statuses()) == ALL_EU_IT_RULES
    assert pdf.document.packs == docx.document.packs == IT_PACKS
    assert [e.id for e in pdf.document.profile.elements] == [
        e.id for e in docx.document.profile.elements]
    pdf_facts = {k: f.value for k, f in pdf.document.facts.items()}
    docx_facts = {k: f.value for k, f in docx.document.facts.items()}
    assert pdf_facts == docx_facts


@pytest.mark.parametrize("sample", CARENTE)
def test_carente_wrong_findings_quote_the_defective_clause(checked_sample, sample: str) -> None:
    run = checked_sample(sample)
    pct = run.finding("EU-20-30PCT")
    assert pct.detail["values"] == [20.0]
    assert "20 per cento" in pct.evidence[0].text
    assert "SOGGETTI AMMESSI" in (pct.evidence[0].section or "")
    youth = run.finding("IT-ALLII3-YOUTH30")
    assert youth.detail["values"] == [15.0]
    assert "15 per cento" in youth.evidence[0].text
    assert youth.fix and "30 per cento" in youth.fix
    # The clausola sociale is missing: the template leftover is not quoted as if present.
    assert run.finding("IT-57-CLAUSOLA").evidence == []


def test_evidence_locations_follow_the_format(checked_sample) -> None:
    pdf = checked_sample("it_disciplinare_carente.pdf").finding("EU-20-30PCT").evidence[0]
    assert pdf.page is not None and 1 <= pdf.page <= 3
    assert pdf.bbox is not None
    docx = checked_sample("it_disciplinare_carente.docx").finding("EU-20-30PCT").evidence[0]
    assert docx.paragraph is not None and docx.bbox is None


@pytest.mark.parametrize("sample", CONFORME + CARENTE)
def test_italian_sample_facts(checked_sample, sample: str) -> None:
    doc = checked_sample(sample).document
    facts = {k: f.value for k, f in doc.facts.items()}
    assert doc.language == "it"
    assert facts["is_tender"] is True
    assert facts["jurisdiction"] == "it"
    assert facts["contract_type"] == "services"
    assert facts["estimated_value_eur"] == 180000.0
    assert facts["labour_cost_eur"] == 117000.0
    assert facts["duration_months"] == 24.0
    assert facts["cpv_main"] == "77310000"
    assert facts["award_method"] == "best_price_quality"
    assert facts["reserved"] == "res-ws"
    # Only the compliant call has the line "Partecipazione riservata: SI".
    assert facts["reserved_declared"] == ("reserved" if sample in CONFORME else None)
    for name in ("contract_type", "estimated_value_eur", "reserved", "duration_months"):
        assert doc.facts[name].source == "text" and doc.facts[name].evidence, name


@pytest.mark.parametrize("sample", CONFORME)
def test_conforme_profile(checked_sample, sample: str) -> None:
    profile = checked_sample(sample).document.profile
    elements = {e.id: e for e in profile.elements}
    assert elements["hiring-quotas"].values == {"youth_pct": 30.0, "women_pct": 30.0}
    assert {"employment-stability", "disadvantaged-employment", "social-award-criteria",
            "gender-equality-certification"} <= set(elements)
    assert profile.reserved == "res-ws"
    assert profile.eforms["BT-71"] == ["res-ws"] and profile.eforms["BT-736"] == ["yes"]


@pytest.mark.parametrize("sample", CARENTE)
def test_carente_profile(checked_sample, sample: str) -> None:
    profile = checked_sample(sample).document.profile
    elements = {e.id: e for e in profile.elements}
    assert elements["hiring-quotas"].values == {"youth_pct": 15.0}
    # Traps: the CAM paragraph under "CLAUSOLA SOCIALE" and the template leftover.
    assert "employment-stability" not in elements
    assert "gender-equality-certification" not in elements


def test_en_notice_reserved_under_article_20(checked_sample) -> None:
    run = checked_sample(EN_NOTICE)
    doc = run.document
    assert doc.language == "en"
    assert doc.packs == ["eu", "good-practice"]  # Italian clauses are not evaluated at all
    assert not any(f.rule.startswith("IT-") for f in doc.findings)
    assert doc.facts["reserved"].value == "res-ws"
    assert doc.facts["reserved_declared"].value == "reserved"  # "Reserved contract: Yes"
    assert run.finding("EU-20-REF").status == "present"
    assert "social-award-criteria" in [e.id for e in doc.profile.elements]


def test_en_notice_30_percent_workers_present(checked_sample) -> None:
    # "at least 30 % of the employees"; the 15 % weight of an award criterion about
    # disadvantaged employees is not the eligibility share.
    finding = checked_sample(EN_NOTICE).finding("EU-20-30PCT")
    assert finding.status == "present"
    assert finding.detail["values"] == [30.0]
    assert "at least 30 %" in finding.evidence[0].text


def test_fr_ccap_not_reserved_despite_the_word(checked_sample) -> None:
    run = checked_sample(FR_CCAP)
    doc = run.document
    assert doc.language == "fr"
    assert doc.facts["jurisdiction"].value == "fr"
    assert doc.facts["contract_type"].value == "works"
    assert doc.facts["reserved"].value == "none"  # trap: "réservé", "réserver"
    assert doc.facts["reserved_declared"].value == "none"  # "Marché réservé : non"
    assert run.finding("EU-20-REF").status == "not_applicable"
    assert run.finding("EU-20-30PCT").status == "not_applicable"
    assert doc.profile.eforms["BT-71"] == ["none"]
    assert "disadvantaged-employment" in [e.id for e in doc.profile.elements]


@pytest.mark.parametrize("sample", CONFORME + CARENTE)
def test_checking_leaves_the_input_untouched(checked_sample, sample: str) -> None:
    run = checked_sample(sample)
    assert run.after == run.before
    assert file_state(run.path) == run.before


# ------------------------------------------------------------------ exit codes


def test_exit_1_for_carente_by_default(cli_with_report) -> None:
    result, _ = cli_with_report("it_disciplinare_carente.pdf")
    assert result.exit_code == 1, result.stderr
    # An Italian document gets Italian status words (i18n.py: status.missing).
    assert " MANCA " in result.stdout and "IT-57-CLAUSOLA" in result.stdout


@pytest.mark.parametrize(("fail_on", "code"), [("never", 0), ("error", 1), ("warning", 1),
                                                ("info", 1)])
def test_fail_on_thresholds_for_carente(cli_with_report, fail_on: str, code: int) -> None:
    result, _ = cli_with_report("it_disciplinare_carente.docx", "--fail-on", fail_on)
    assert result.exit_code == code


def test_exit_0_for_conforme_by_default(cli_with_report) -> None:
    result, _ = cli_with_report("it_disciplinare_conforme.pdf")
    assert result.exit_code == 0


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--format", "xml"], "--format"),
        (["--fail-on", "sometimes"], "--fail-on"),
        (["--lang", "pt"], "--lang"),
        (["--ui-lang", "fr"], "--ui-lang"),
        (["--fact", "colore=rosso"], "unknown fact 'colore'"),
        (["--fact", "pnrr=forse"], "pnrr"),
        (["--fact", "contract_type"], "name=value"),
        (["--fact", "contract_type=banane"], "contract_type"),
        (["--max-bytes", "0"], "--max-bytes"),
        (["--max-pages", "0"], "--max-pages"),
    ],
)
def test_usage_errors_exit_2(run_cli, small_tender: Path, args: list[str], needle: str) -> None:
    result = run_cli("check", small_tender, *args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.exception is None
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("proseco-check: ")
    assert needle in lines[0]
    assert result.stdout == ""


def test_bad_pack_path_exit_2(run_cli, small_tender: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nessun_pack.yaml"
    result = run_cli("check", small_tender, "--pack", missing)
    assert result.exit_code == 2
    assert str(missing) in result.stderr and "no built-in pack" in result.stderr


def test_missing_file_exit_3_subprocess(run_cli_subprocess, tmp_path: Path) -> None:
    missing = tmp_path / "non_esiste.pdf"
    proc = run_cli_subprocess("check", missing)
    assert proc.returncode == 3
    lines = proc.stderr.strip().splitlines()
    assert lines == [f"proseco-check: {missing}: no such file"]
    assert "Traceback" not in proc.stdout + proc.stderr


def test_old_doc_exit_3_subprocess(run_cli_subprocess, tmp_path: Path) -> None:
    doc = tmp_path / "bando vecchio.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)
    proc = run_cli_subprocess("check", doc, "--format", "json")
    assert proc.returncode == 3
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(doc) in lines[0] and ".doc" in lines[0] and ".docx" in lines[0]
    assert "Traceback" not in proc.stdout + proc.stderr
    report = json.loads(proc.stdout)
    assert report["documents"] == []
    assert report["errors"] == [{"path": str(doc), "error": lines[0].removeprefix(
        "proseco-check: ")}]


def test_unreadable_file_among_good_ones_exit_3(run_cli, small_tender: Path,
                                                tmp_path: Path) -> None:
    empty = tmp_path / "vuoto.docx"
    empty.write_bytes(b"")
    result = run_cli("check", small_tender, empty, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 3
    report = json.loads(result.stdout)
    assert [d["path"] for d in report["documents"]] == [str(small_tender)]
    assert [e["path"] for e in report["errors"]] == [str(empty)]
    # in the report's language, the Italian tender's (JSON and stderr alike)
    assert result.stderr.strip() == f"proseco-check: {empty}: il file è vuoto"
    assert report["errors"][0]["error"] == f"{empty}: il file è vuoto"


def test_help_subprocess(run_cli_subprocess) -> None:
    proc = run_cli_subprocess("--help")
    assert proc.returncode == 0, proc.stderr
    for command in ("check", "rules", "explain"):
        assert command in proc.stdout
    proc = run_cli_subprocess("check", "--help")
    assert proc.returncode == 0
    assert "--fail-on" in proc.stdout and "--format" in proc.stdout


def test_version(run_cli) -> None:
    from proseco_check import __version__

    result = run_cli("--version")
    assert (result.exit_code, result.stdout) == (0, f"proseco-check {__version__}\n")


# ------------------------------------------------------------------ JSON


def _keys(obj: dict[str, Any], *required: str) -> None:
    missing = set(required) - set(obj)
    assert not missing, f"missing keys {missing} in {sorted(obj)}"


def test_json_output_shape(cli_with_report) -> None:
    result, _ = cli_with_report("it_disciplinare_conforme.pdf", "--format", "json",
                                "--fail-on", "never")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    _keys(data, "schema_version", "tool", "documents")
    assert data["schema_version"] == "1.3"
    assert data["tool"]["name"] == "proseco-check"
    assert len(data["documents"]) == 1
    doc = data["documents"][0]
    _keys(doc, "path", "language", "nlp_mode", "facts", "profile", "findings", "score")
    assert doc["path"].endswith("it_disciplinare_conforme.pdf")
    assert doc["language"] == "it"
    assert doc["nlp_mode"] == "blank" or doc["nlp_mode"].startswith("trained:")
    contract_type = doc["facts"]["contract_type"]
    assert (contract_type["value"], contract_type["source"]) == ("services", "text")
    assert contract_type["evidence"] and contract_type["evidence"][0]["page"] >= 1
    profile = doc["profile"]
    _keys(profile, "reserved", "elements", "eforms")
    assert profile["elements"], "the compliant sample has social elements"
    for element in profile["elements"]:
        _keys(element, "id", "values", "evidence")
        assert element["evidence"]
        for ev in element["evidence"]:
            _keys(ev, "page", "paragraph", "section", "text")
            assert isinstance(ev["page"], int) and ev["text"]
    assert set(profile["eforms"]) == {"BT-06", "BT-71", "BT-736", "BT-775"}
    assert {f["rule"] for f in doc["findings"]} == ALL_EU_IT_RULES
    for finding in doc["findings"]:
        _keys(finding, "rule", "name", "status", "severity", "message", "references",
              "location", "evidence", "fix")
        assert finding["status"] in ("present", "missing", "wrong", "not_applicable", "skipped")
        assert finding["references"]
        for ref in finding["references"]:
            _keys(ref, "law", "article")
        assert finding["location"] == (finding["evidence"][0] if finding["evidence"] else None)
        if finding["status"] in ("present", "not_applicable"):
            assert finding["fix"] is None
    _keys(doc["score"], "overall", "categories")


def test_json_is_byte_identical_across_runs(small_tender: Path) -> None:
    """Two fresh interpreters with different hash seeds (set order) give the same bytes."""
    args = cli_command(["check", small_tender, "--format", "json"])
    procs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=subprocess_env(PYTHONHASHSEED=seed))
             for seed in ("1", "4242")]
    outputs = [p.communicate(timeout=180) for p in procs]
    for p, (_, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 1, err.decode()  # IT-57-CLAUSOLA (error) is missing
    first, second = (out for out, _ in outputs)
    assert first == second
    data = json.loads(first)
    statuses = {f["rule"]: f["status"] for f in data["documents"][0]["findings"]}
    assert statuses["IT-11-CCNL"] == "present"
    assert statuses["IT-57-CLAUSOLA"] == "missing"


def test_table_output_without_colour(cli_with_report) -> None:
    result, _ = cli_with_report("it_disciplinare_carente.docx", "--fail-on", "never")
    assert result.exit_code == 0
    out = result.stdout
    assert "\x1b[" not in out
    assert "Fatti della gara" in out  # the document is Italian: Italian labels
    for rule in ("EU-20-30PCT", "IT-ALLII3-YOUTH30", "IT-11-CCNL"):
        assert rule in out
    assert "IT-BANDO-RISERVATA" not in out  # not applicable: shown only with --verbose
    verbose, _ = cli_with_report("it_disciplinare_carente.docx", "--fail-on", "never",
                                 "--verbose", "--ui-lang", "en")
    assert "IT-BANDO-RISERVATA" in verbose.stdout and "Tender facts" in verbose.stdout


# ------------------------------------------------------------------ facts from the user


def test_fact_override_has_source_user(run_cli, small_tender: Path) -> None:
    base = json.loads(run_cli("check", small_tender, "--format", "json").stdout)
    assert base["documents"][0]["facts"]["contract_type"]["value"] == "services"
    assert base["documents"][0]["facts"]["contract_type"]["source"] == "text"

    result = run_cli("check", small_tender, "--format", "json", "--fact", "contract_type=works")
    fact = json.loads(result.stdout)["documents"][0]["facts"]["contract_type"]
    assert fact == {"value": "works", "source": "user", "evidence": []}


def test_fact_override_changes_which_rules_apply(run_cli, small_tender: Path) -> None:
    # Art. 11 covers supplies with installation too (legal-audit §1 row 10): say none.
    result = run_cli("check", small_tender, "--format", "json", "--fact",
                     "contract_type=supplies", "--fact", "supplies_without_installation=true")
    statuses = {f["rule"]: f["status"] for f in json.loads(result.stdout)["documents"][0][
        "findings"]}
    assert statuses["IT-11-CCNL"] == "not_applicable"
    assert statuses["IT-57-CLAUSOLA"] == "not_applicable"


def test_fact_options_reach_the_runner(cli_with_report) -> None:
    result, seen = cli_with_report("it_disciplinare_carente.pdf", "--fact", "pnrr=true",
                                   "--fact", "estimated_value_eur=1_000,5", "--fail-on", "never")
    assert result.exit_code == 0
    assert seen[0].facts == {"pnrr": "true", "estimated_value_eur": "1_000,5"}


# ------------------------------------------------------------------ folders


def test_expand_samples_folder_sorted(samples_dir: Path) -> None:
    # samples/README.md describes the samples: it is not a tender.
    assert expand_paths([samples_dir]) == [samples_dir / name for name in sorted(SAMPLE_FILES)]


def test_readme_is_skipped_in_folders_but_checked_when_named(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Gara\n", encoding="utf-8")
    (tmp_path / "bando.md").write_text("# Gara\n", encoding="utf-8")
    assert expand_paths([tmp_path]) == [tmp_path / "bando.md"]
    assert expand_paths([tmp_path / "README.md"]) == [tmp_path / "README.md"]


def test_check_folder_recurses_in_sorted_order(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "gara"
    (folder / "sub").mkdir(parents=True)
    (folder / ".nascosta").mkdir()
    text = "La stazione appaltante indice una gara per l'appalto di servizi di pulizia.\n"
    for name in ("b.md", "a.txt", "sub/c.txt", ".nascosta/d.txt", ".e.txt"):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "note.rtf").write_text("{\\rtf1 ignorato}", encoding="utf-8")
    result = run_cli("check", folder, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    paths = [Path(d["path"]) for d in json.loads(result.stdout)["documents"]]
    assert paths == [folder / "a.txt", folder / "b.md", folder / "sub" / "c.txt"]


def test_empty_folder_is_an_input_error(run_cli, tmp_path: Path) -> None:
    (tmp_path / "vuota").mkdir()
    result = run_cli("check", tmp_path / "vuota")
    assert result.exit_code == 3
    assert "contains no PDF" in result.stderr


@pytest.mark.parametrize("given", ["../docs", ".cache/docs"])
def test_expand_relative_or_dotted_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          given: str) -> None:
    for folder in (tmp_path / "docs", tmp_path / ".cache" / "docs"):
        folder.mkdir(parents=True)
        (folder / "bando.txt").write_text("Testo del bando.\n", encoding="utf-8")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work" if given.startswith("..") else tmp_path)
    try:
        files = expand_paths([Path(given)])
    except InputError as exc:
        pytest.fail(f"expand_paths raised: {exc}")
    assert [p.name for p in files] == ["bando.txt"]


def test_cli_check_leaves_a_small_input_untouched(run_cli, small_tender: Path) -> None:
    before = file_state(small_tender)
    assert run_cli("check", small_tender, "--fail-on", "never").exit_code == 0
    assert file_state(small_tender) == before
