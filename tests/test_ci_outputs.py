"""CI outputs: SARIF (validated against the official SARIF 2.1.0 schema), JUnit XML
(parsed with junitparser), JSON (validated against the published docs/schema), JSON Lines,
GitHub workflow commands and the Markdown scorecard; several formats from one run; atomic
writes that never touch an input; batch runs with --jobs; the version diff.

The expensive part, checking documents, happens once per module (`report`): the
renderers are pure functions of that Report.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from junitparser import Error, Failure, JUnitXml, Skipped
from typer.testing import CliRunner

from proseco_check.cli.app import app
from proseco_check.model.evidence import quote_fingerprint
from proseco_check.model.report import Report
from proseco_check.output_files import write_atomic
from proseco_check.pipeline import run as runner
from proseco_check.pipeline.check import check_paths
from proseco_check.pipeline.policy.baseline import load_baseline
from proseco_check.pipeline.policy.suppressions import load_suppressions
from proseco_check.pipeline.run import Options, Policy
from proseco_check.render import RENDERERS
from proseco_check.render.common import start_line
from proseco_check.render.github import CAP

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
DATA = Path(__file__).resolve().parent / "data"
CARENTE_DOCX = SAMPLES / "it_disciplinare_carente.docx"
CARENTE_PDF = SAMPLES / "it_disciplinare_carente.pdf"
CONFORME_DOCX = SAMPLES / "it_disciplinare_conforme.docx"
FR_CCAP = SAMPLES / "fr_ccap_clause_insertion.docx"

SMALL_TENDER = """\
# Disciplinare di gara

Procedura aperta per l'affidamento in appalto di servizi di pulizia degli edifici comunali.

La stazione appaltante indice una gara con procedura aperta sulla piattaforma telematica.
Gli operatori economici presentano l'offerta entro il termine indicato nel bando.

Il contratto collettivo applicabile al personale impiegato nell'appalto è il CCNL Multiservizi.
"""


def invoke(*args: str | Path, env: dict[str, str | None] | None = None) -> Any:
    """Run the CLI in-process (the spaCy pipeline stays cached between runs)."""
    environment: dict[str, str | None] = {"NO_COLOR": "1", "GITHUB_ACTIONS": None,
                                          "GITHUB_STEP_SUMMARY": None}
    environment.update(env or {})
    return CliRunner().invoke(app, [str(a) for a in args], env=environment)


@pytest.fixture
def small_tender(tmp_path: Path) -> Path:
    path = tmp_path / "bando.md"
    path.write_text(SMALL_TENDER, encoding="utf-8")
    return path


# ------------------------------------------------------------------ one rich report


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """Four documents and one unreadable file, with a sidecar suppression on the DOCX
    and a baseline entry on the PDF: every kind of finding the renderers must format."""
    folder = tmp_path_factory.mktemp("policy")
    broken = folder / "broken.pdf"
    broken.write_bytes(b"this is not a PDF at all")
    suppressions = folder / "proseco-suppressions.yaml"
    suppressions.write_text(
        "suppressions:\n"
        "  - rule: EU-20-30PCT\n"
        "    files: '*.docx'\n"
        "    reason: the 20 % share is fixed by the regional law for this pilot\n"
        "    author: Avv. Bianchi\n"
        "    expires: 2999-12-31\n", encoding="utf-8")
    baseline = folder / "baseline.json"
    baseline.write_text(json.dumps({"schema_version": "1.0", "findings": [
        {"path": CARENTE_PDF.resolve().as_posix(), "rule": "IT-11-CCNL",
         "fingerprint": quote_fingerprint("IT-11-CCNL", [], "missing")}]}), encoding="utf-8")
    policy = Policy(suppressions=load_suppressions(suppressions),
                    baseline=load_baseline(baseline))
    return check_paths([CARENTE_DOCX, CARENTE_PDF, CONFORME_DOCX, FR_CCAP, broken],
                       Options(policy=policy))


def _results(report: Report) -> list[tuple[str, str]]:
    return [(doc.path, f.rule) for doc in report.documents for f in doc.findings
            if f.status in ("missing", "wrong")]


def test_report_has_every_kind_of_finding(report: Report) -> None:
    carente_docx, carente_pdf = report.documents[0], report.documents[1]
    suppressed = [f for f in carente_docx.findings if f.suppressed]
    assert [f.rule for f in suppressed] == ["EU-20-30PCT"]
    assert suppressed[0].status == "wrong"  # keeps its status
    assert suppressed[0].suppression is not None
    assert suppressed[0].suppression.kind == "external"
    assert suppressed[0].suppression.author == "Avv. Bianchi"
    assert carente_docx.suppressed == 1
    assert [f.rule for f in carente_pdf.findings if f.baselined] == ["IT-11-CCNL"]
    assert carente_pdf.baselined == 1
    assert report.baseline is not None
    statuses = {f.status for d in report.documents for f in d.findings}
    assert {"present", "missing", "wrong", "not_applicable"} <= statuses
    assert [e.path for e in report.errors] == [str(report.errors[0].path)]
    assert report.errors[0].path.endswith("broken.pdf")


def test_suppressed_and_baselined_findings_leave_the_score(report: Report) -> None:
    docx, pdf = report.documents[0], report.documents[1]
    docx_counts = {row.category: row for row in docx.score.categories}
    pdf_counts = {row.category: row for row in pdf.score.categories}
    # The same source: the DOCX lost its suppressed 'wrong', the PDF its baselined 'missing'.
    assert sum(r.wrong for r in docx_counts.values()) == sum(r.wrong for r in pdf_counts.values()) - 1
    assert sum(r.missing for r in pdf_counts.values()) == sum(
        r.missing for r in docx_counts.values()) - 1


# ------------------------------------------------------------------ SARIF


@pytest.fixture(scope="module")
def sarif(report: Report) -> dict[str, Any]:
    return json.loads(RENDERERS["sarif"](report))


def test_sarif_is_valid_against_the_official_schema(sarif: dict[str, Any]) -> None:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    validator = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(sarif), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    assert sarif["version"] == "2.1.0"


def test_sarif_schema_validation_catches_a_broken_log(sarif: dict[str, Any]) -> None:
    """The validator is not vacuous: a result without a message is rejected."""
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    broken = json.loads(json.dumps(sarif))
    del broken["runs"][0]["results"][0]["message"]
    broken["runs"][0]["results"][1]["level"] = "fatal"
    assert len(list(jsonschema.Draft4Validator(schema).iter_errors(broken))) == 2


def test_sarif_rules_carry_help_with_legal_references(sarif: dict[str, Any],
                                                      report: Report) -> None:
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted({f.rule for d in report.documents for f in d.findings})
    by_id = {r["id"]: r for r in rules}
    ccnl = by_id["IT-11-CCNL"]
    assert ccnl["name"] == "ccnl-named"
    assert ccnl["shortDescription"]["text"]
    assert "D.Lgs. 36/2023" in ccnl["help"]["text"] and "art. 11" in ccnl["help"]["text"]
    assert ccnl["properties"]["category"] and ccnl["properties"]["severity"] == "error"
    assert ccnl["properties"]["references"][0]["law"]
    # How sure the rule is, and on what source (issue 14).
    assert ccnl["properties"]["evidence"] == "verified"
    assert "art. 11" in ccnl["properties"]["evidenceSource"]


def test_sarif_results_are_the_missing_and_wrong_findings(sarif: dict[str, Any],
                                                          report: Report) -> None:
    run = sarif["runs"][0]
    results = run["results"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    assert [(u, r["ruleId"]) for u, r in zip(uris, results, strict=True)] == [
        (_uri(p), rule) for p, rule in _results(report)]
    rules = run["tool"]["driver"]["rules"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        assert result["partialFingerprints"]["prosecoFingerprint/v1"]
        assert result["properties"]["status"] in ("missing", "wrong")


def _uri(path: str) -> str:
    return Path(path).as_uri() if Path(path).is_absolute() else Path(path).as_posix()


def _result(sarif: dict[str, Any], uri_end: str, rule: str) -> dict[str, Any]:
    for result in sarif["runs"][0]["results"]:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        if uri.endswith(uri_end) and result["ruleId"] == rule:
            return result
    raise AssertionError(f"no result {rule} on {uri_end}")


def test_sarif_regions_snippets_and_properties(sarif: dict[str, Any], report: Report) -> None:
    docx = _result(sarif, "carente.docx", "IT-ALLII3-YOUTH30")
    finding = next(f for f in report.documents[0].findings if f.rule == "IT-ALLII3-YOUTH30")
    assert finding.location is not None and finding.location.paragraph
    region = docx["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == finding.location.paragraph  # DOCX: paragraph index
    assert region["snippet"]["text"] == finding.location.text
    assert docx["properties"]["section"] == finding.location.section
    assert docx["partialFingerprints"]["prosecoFingerprint/v1"] == finding.fingerprint

    pdf = _result(sarif, "carente.pdf", "IT-ALLII3-YOUTH30")
    pdf_finding = next(f for f in report.documents[1].findings if f.rule == "IT-ALLII3-YOUTH30")
    assert pdf_finding.location is not None
    assert pdf["locations"][0]["physicalLocation"]["region"]["startLine"] == \
        pdf_finding.location.line  # PDF: line on the page
    assert pdf["properties"]["page"] == pdf_finding.location.page
    assert len(pdf["properties"]["bbox"]) == 4

    missing = _result(sarif, "carente.docx", "IT-57-CLAUSOLA")
    assert "region" not in missing["locations"][0]["physicalLocation"]  # nothing to quote


def test_sarif_suppressions_and_baseline_state(sarif: dict[str, Any]) -> None:
    suppressed = _result(sarif, "carente.docx", "EU-20-30PCT")
    assert suppressed["suppressions"] == [{
        "kind": "external", "status": "accepted",
        "justification": "the 20 % share is fixed by the regional law for this pilot",
        "properties": {"author": "Avv. Bianchi", "expires": "2999-12-31"}}]
    assert _result(sarif, "carente.pdf", "IT-11-CCNL")["baselineState"] == "unchanged"
    assert _result(sarif, "carente.pdf", "IT-57-CLAUSOLA")["baselineState"] == "new"
    assert "suppressions" not in _result(sarif, "carente.pdf", "EU-20-30PCT")


def test_sarif_reports_the_unreadable_file(sarif: dict[str, Any]) -> None:
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    errors = [n for n in invocation["toolExecutionNotifications"] if n["level"] == "error"]
    assert len(errors) == 1 and "broken.pdf" in errors[0]["message"]["text"]


# ------------------------------------------------------------------ JUnit


def test_junit_one_case_per_rule_and_document(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "junit.xml"
    path.write_text(RENDERERS["junit"](report), encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    suites = list(xml)
    assert [s.name for s in suites] == [d.path for d in report.documents] + [
        e.path for e in report.errors]
    for suite, doc in zip(suites, report.documents, strict=False):
        cases = list(suite)
        assert len(cases) == len(doc.findings) == suite.tests
        by_rule = {case.name.split(" ")[0]: case for case in cases}
        for finding in doc.findings:
            kinds = {type(r) for r in by_rule[finding.rule].result}
            if finding.status in ("missing", "wrong") and finding.counts():
                assert kinds == {Failure}, finding.rule
            elif finding.status == "present":
                assert kinds == set(), finding.rule  # passed
            else:  # not applicable, skipped, suppressed, baselined
                assert kinds == {Skipped}, finding.rule
        assert suite.failures == sum(1 for f in doc.findings if f.counts())
    unreadable = suites[-1]
    assert unreadable.errors == 1
    assert {type(r) for case in unreadable for r in case.result} == {Error}
    assert xml.failures == sum(1 for d in report.documents for f in d.findings if f.counts())


def test_junit_failure_text_names_the_law_and_the_quote(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "junit.xml"
    path.write_text(RENDERERS["junit"](report), encoding="utf-8")
    suite = next(iter(JUnitXml.fromfile(str(path))))
    case = next(c for c in suite if c.name.startswith("IT-ALLII3-YOUTH30"))
    failure = case.result[0]
    assert failure.type == "wrong/error"
    assert "law:" in failure.text and "15 per cento" in failure.text


# ------------------------------------------------------------------ JSON and its schema


def _export_schema_module() -> Any:
    spec = importlib.util.spec_from_file_location("export_schema",
                                                  REPO / "scripts" / "export_schema.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_published_schema_is_up_to_date() -> None:
    committed = (REPO / "docs" / "schema" / "report.schema.json").read_text(encoding="utf-8")
    assert committed == _export_schema_module().schema_text(), \
        "docs/schema/report.schema.json is stale: run python scripts/export_schema.py"


def test_json_output_is_valid_against_the_published_schema(report: Report) -> None:
    schema = json.loads((REPO / "docs" / "schema" / "report.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(RENDERERS["json"](report))
    validator = jsonschema.Draft202012Validator(schema)
    errors = list(validator.iter_errors(data))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    # The schema is strict enough to catch a dropped key or a bad status.
    del data["documents"][0]["findings"][0]["fingerprint"]
    data["documents"][0]["findings"][1]["status"] = "fine"
    assert len(list(validator.iter_errors(data))) == 2


def test_json_keeps_its_keys_in_order_and_adds_the_new_ones_last(report: Report) -> None:
    data = json.loads(RENDERERS["json"](report))
    assert list(data) == ["schema_version", "tool", "documents", "errors", "notices", "baseline",
                          "config"]
    doc = data["documents"][0]
    assert list(doc) == ["path", "language", "nlp_mode", "packs", "facts", "profile",
                         "findings", "notices", "score", "suppressed", "baselined"]
    assert list(doc["findings"][0]) == [
        "rule", "name", "title", "category", "status", "severity", "message", "references",
        "location", "evidence", "fix", "fingerprint", "detail", "suppressed", "suppression",
        "baselined", "evidence_level", "evidence_source", "section"]


def test_jsonl_one_object_per_finding(report: Report) -> None:
    lines = RENDERERS["jsonl"](report).splitlines()
    objects = [json.loads(line) for line in lines]
    findings = [o for o in objects if "rule" in o]
    assert len(findings) == sum(len(d.findings) for d in report.documents)
    assert all(next(iter(o)) == "path" for o in objects)
    assert [(o["path"], o["rule"]) for o in findings if o["status"] in ("missing", "wrong")] \
        == _results(report)
    errors = [o for o in objects if "error" in o]
    assert len(errors) == 1 and errors[0]["path"].endswith("broken.pdf")


# ------------------------------------------------------------------ GitHub and Markdown


def test_github_annotations(report: Report) -> None:
    out = RENDERERS["github"](report).splitlines()
    commands = [line for line in out if line.startswith("::")]
    kinds = [line[2:].split(" ", 1)[0].split("::", 1)[0] for line in commands]
    for kind in ("error", "warning", "notice"):
        assert kinds.count(kind) <= CAP
    counted = sum(1 for d in report.documents for f in d.findings if f.counts())
    assert counted + len(report.errors) > CAP  # so the cap note must be there
    assert any("more annotation" in line for line in commands if line.startswith("::notice"))
    first = commands[0]
    assert first.startswith("::error file=") and ",title=" in first
    # Suppressed and baselined findings are not annotated.
    assert not any("EU-20-30PCT" in c and "carente.docx" in c for c in commands)
    assert not any("IT-11-CCNL" in c and "carente.pdf" in c for c in commands)
    youth = next(c for c in commands if "IT-ALLII3-YOUTH30" in c and "carente.docx" in c)
    finding = next(f for f in report.documents[0].findings if f.rule == "IT-ALLII3-YOUTH30")
    assert f",line={start_line(finding.location)}," in youth
    assert "30 %25" in youth  # '%' is escaped in workflow commands


def test_markdown_scorecard(report: Report) -> None:
    md = RENDERERS["markdown"](report)
    assert md.startswith("## proseco-check")
    assert "| Document | Score | Wrong | Missing | Suppressed | Baselined |" in md
    for doc in report.documents:
        assert f"### `{doc.path}`" in md
    assert "| `" + report.errors[0].path + "` | unreadable |" in md
    assert "Accepted: 1 suppressed, 0 baselined" in md
    assert "suppressed by Avv. Bianchi, until 31 December 2999" in md
    assert "<details><summary>Model clause</summary>" in md


def test_table_shows_suppressions_and_a_summary(report: Report) -> None:
    text = RENDERERS["table"](report, ui_lang="en", verbose=False, color=False, width=200,
                              show_passes=True)
    assert "suppressed by Avv. Bianchi" in text and " — baselined" in text
    assert "Summary" in text and "unreadable" in text


# ------------------------------------------------------------------ the CLI, several outputs


def test_several_formats_from_one_run(small_tender: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    result = invoke("check", small_tender, "--format", "jsonl",
                    "--output-sarif", out / "r.sarif", "--output-json", out / "r.json",
                    "--output-junit", out / "r.xml", "--output-markdown", out / "r.md",
                    "--output-github", out / "r.gh", "--output-table", out / "r.txt",
                    "--output-jsonl", out / "r.jsonl")
    assert result.exit_code == 1, result.output  # the small tender misses an error rule
    stdout_lines = result.stdout.splitlines()
    assert stdout_lines and all(json.loads(line)["path"] for line in stdout_lines)
    assert (out / "r.jsonl").read_text(encoding="utf-8") == result.stdout
    json_report = json.loads((out / "r.json").read_text(encoding="utf-8"))
    sarif_log = json.loads((out / "r.sarif").read_text(encoding="utf-8"))
    assert len(sarif_log["runs"][0]["results"]) == sum(
        1 for f in json_report["documents"][0]["findings"] if f["status"] in ("missing", "wrong"))
    assert JUnitXml.fromfile(str(out / "r.xml")).tests == len(json_report["documents"][0]["findings"])
    assert (out / "r.md").read_text(encoding="utf-8").startswith("## proseco-check")
    assert (out / "r.gh").read_text(encoding="utf-8").startswith("::")
    assert "\x1b[" not in (out / "r.txt").read_text(encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["r.sarif", "r.json", "r.xml", "r.md", "r.gh", "r.txt", "r.jsonl"])  # no temp files


def test_refuses_to_write_over_an_input(small_tender: Path) -> None:
    before = small_tender.read_bytes()
    result = invoke("check", small_tender, "--output-json", small_tender)
    assert result.exit_code == 2
    assert "input document" in result.stderr and "Traceback" not in result.output
    assert small_tender.read_bytes() == before
    folder_input = invoke("check", small_tender.parent, "--output-sarif", small_tender)
    assert folder_input.exit_code == 2
    assert small_tender.read_bytes() == before


def test_refuses_two_outputs_to_one_file(small_tender: Path, tmp_path: Path) -> None:
    result = invoke("check", small_tender, "--output-json", tmp_path / "r",
                    "--output-sarif", tmp_path / "r")
    assert result.exit_code == 2 and "the same file" in result.stderr


def test_unknown_format_is_a_usage_error(small_tender: Path) -> None:
    result = invoke("check", small_tender, "--format", "xml")
    assert result.exit_code == 2
    # The list comes from the format registry (proseco_check/render/__init__.py).
    assert result.stderr.strip() == ("proseco-check: --format takes table, concise, html, "
                                     "json, jsonl, sarif, junit, github, gitlab or markdown, "
                                     "not 'xml'")


def test_github_format_is_automatic_under_actions(small_tender: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("previous step\n", encoding="utf-8")
    result = invoke("check", small_tender,
                    env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("previous step\n")  # appended, not replaced
    assert "## proseco-check" in text
    explicit = invoke("check", small_tender, "--format", "json",
                      env={"GITHUB_ACTIONS": "true"})
    assert json.loads(explicit.stdout)["documents"]


def test_write_atomic_replaces_and_keeps_a_normal_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    write_atomic(target, "first\n")
    write_atomic(target, "second\n")
    assert target.read_text(encoding="utf-8") == "second\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


# ------------------------------------------------------------------ batch runs


def _findings(report: Report) -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    return [(d.path, [(f.rule, f.status, f.severity, f.fingerprint) for f in d.findings])
            for d in report.documents]


def test_jobs_2_gives_the_same_findings_as_jobs_1() -> None:
    serial = check_paths([SAMPLES], Options(jobs=1))
    parallel = check_paths([SAMPLES], Options(jobs=2))
    assert len(serial.documents) == 12 and not serial.errors
    assert _findings(parallel) == _findings(serial)
    assert [d.path for d in parallel.documents] == sorted(d.path for d in serial.documents)
    assert RENDERERS["json"](parallel) == RENDERERS["json"](serial)


def test_a_crashing_worker_is_that_files_error(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker process that dies (here: os._exit on one file) costs that file only."""
    files = []
    for name in ("a.md", "b_crash.md", "c.md"):
        path = tmp_path / name
        path.write_text(SMALL_TENDER, encoding="utf-8")
        files.append(path)
    parent = os.getpid()
    real = runner.analyse_document

    def crashing(path: Path, options: Options, packs: Any = None) -> Any:
        if "crash" in path.name and os.getpid() != parent:
            os._exit(13)
        return real(path, options, packs)

    monkeypatch.setattr(runner, "analyse_document", crashing)  # forked workers inherit it
    report = check_paths(files, Options(jobs=2))
    assert [Path(d.path).name for d in report.documents] == ["a.md", "c.md"]
    assert len(report.errors) == 1
    assert report.errors[0].path.endswith("b_crash.md")
    # in the report's language, the Italian tenders': said again after the batch
    assert "il processo che verificava questo file si è interrotto" in report.errors[0].error


def test_unreadable_input_exits_3_even_when_others_pass(small_tender: Path, tmp_path: Path
                                                        ) -> None:
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    good = tmp_path / "conforme.md"
    good.write_text(SMALL_TENDER, encoding="utf-8")
    result = invoke("check", small_tender, tmp_path / "old.doc", "--jobs", "2",
                    "--fail-on", "never", "--format", "json")
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert len(data["documents"]) == 1 and len(data["errors"]) == 1
    assert "old.doc" in result.stderr and "Traceback" not in result.output


def test_jobs_must_be_positive(small_tender: Path) -> None:
    assert invoke("check", small_tender, "--jobs", "0").exit_code == 2


# ------------------------------------------------------------------ version diff


@pytest.fixture(scope="module")
def italian_diff() -> dict[str, Any]:
    result = invoke("diff", CARENTE_DOCX, CONFORME_DOCX, "--format", "json", "--no-config")
    data = json.loads(result.stdout)
    introduced_errors = any(e["severity"] == "error" for e in data["introduced"])
    assert result.exit_code == (1 if introduced_errors else 0), result.output
    return data


def test_diff_of_the_italian_samples_fixes_several_findings(italian_diff: dict[str, Any]
                                                             ) -> None:
    fixed = {e["rule"] for e in italian_diff["fixed"]}
    assert {"IT-11-CCNL", "IT-57-CLAUSOLA", "EU-20-30PCT", "IT-ALLII3-WOMEN30"} <= fixed
    assert len(fixed) >= 5
    assert len(italian_diff["introduced"]) < len(fixed)
    overall = italian_diff["score"][0]
    assert overall["category"] == "overall"
    assert overall["new"] > overall["old"] and overall["delta"] == round(
        overall["new"] - overall["old"], 1)
    assert italian_diff["old"]["path"].endswith("carente.docx")


def test_diff_reversed_introduces_them_and_fails(italian_diff: dict[str, Any]) -> None:
    result = invoke("diff", CONFORME_DOCX, CARENTE_DOCX, "--no-config")
    assert result.exit_code == 1  # introduced error-level results
    assert "Nuovi (" in result.stdout and "Corretti (0)" in result.stdout
    for entry in italian_diff["fixed"]:
        assert entry["rule"] in result.stdout


def test_diff_of_a_document_with_itself_is_all_unchanged() -> None:
    result = invoke("diff", CARENTE_DOCX, CARENTE_DOCX, "--format", "json", "--no-config")
    data = json.loads(result.stdout)
    assert data["fixed"] == [] and data["introduced"] == []
    assert data["unchanged"] and not any(e["moved"] for e in data["unchanged"])
    assert data["score"][0]["delta"] == 0


def test_diff_matches_by_rule_and_status_then_fingerprint(report: Report) -> None:
    from proseco_check.pipeline.diff import diff_documents

    docx, pdf = report.documents[0], report.documents[1]
    result = diff_documents(docx, pdf)  # same source, two formats: the quotes differ a little
    assert result.fixed == [] and result.introduced == []
    assert {e.rule for e in result.unchanged} == {f.rule for f in docx.findings
                                                  if f.status in ("missing", "wrong")}


def test_diff_refuses_folders(tmp_path: Path) -> None:
    result = invoke("diff", tmp_path, CARENTE_DOCX)
    assert result.exit_code == 2 and "not folders" in result.stderr



# ------------------------------------------------------------------ integration files


def test_integration_files_are_valid() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "proseco-check")
    assert hook["entry"].startswith("proseco-check check")
    pattern = re.compile(hook["files"])
    assert all(pattern.search(n) for n in ("a.pdf", "b/c.docx", "d.md", "e.txt"))
    assert not any(pattern.search(n) for n in ("a.doc", "b.docx.bak", "c.odt"))
    workflow = yaml.safe_load((REPO / "docs/ci/github-actions.yml").read_text(encoding="utf-8"))
    # The workflow uses the composite action (action.yml), which writes and uploads SARIF.
    assert any(s.get("uses") == "./" for s in workflow["jobs"]["tenders"]["steps"])
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    steps = action["runs"]["steps"]
    assert any("--output-sarif" in str(s.get("run", "")) for s in steps)
    assert any(str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif")
               for s in steps)
    gitlab = yaml.safe_load((REPO / "docs/ci/gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["proseco-check"]["artifacts"]["reports"]["junit"] == "proseco-junit.xml"
    readme = (REPO / "docs/ci/README.md").read_text(encoding="utf-8")
    for code in ("| 0 |", "| 1 |", "| 2 |", "| 3 |"):
        assert code in readme
