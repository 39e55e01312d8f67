"""Config (proseco.yaml, [tool.proseco-check]), suppressions (sidecar file and Word
comments) and baselines, end to end in a test repository built in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from proseco_check.cli.app import app
from proseco_check.errors import UsageError
from proseco_check.pipeline.policy.config import glob_match, load_config
from proseco_check.pipeline.policy.select import RuleKey, selector_matches

SMALL_TENDER = """\
# Disciplinare di gara

Procedura aperta per l'affidamento in appalto di servizi di pulizia degli edifici comunali.

La stazione appaltante indice una gara con procedura aperta sulla piattaforma telematica.
Gli operatori economici presentano l'offerta entro il termine indicato nel bando.

Il contratto collettivo applicabile al personale impiegato nell'appalto è il CCNL Multiservizi.
"""
CCNL_SENTENCE = SMALL_TENDER.splitlines()[-1]


def invoke(*args: str | Path) -> Any:
    env: dict[str, str | None] = {"NO_COLOR": "1", "GITHUB_ACTIONS": None,
                                  "GITHUB_STEP_SUMMARY": None}
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


def check_json(*args: str | Path) -> tuple[int, dict[str, Any], str]:
    result = invoke("check", *args, "--format", "json")
    assert result.exit_code in (0, 1, 3), result.output
    return result.exit_code, json.loads(result.stdout), result.stderr


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def results(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in doc["findings"] if f["status"] in ("missing", "wrong")]


def counting(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in results(doc) if not f["suppressed"] and not f["baselined"]]


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from a folder with no config, so only the upward search from the path counts."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


# ------------------------------------------------------------------ the whole flow


def test_repository_flow(tmp_path: Path, elsewhere: Path, monkeypatch: pytest.MonkeyPatch
                         ) -> None:
    """Config discovered at the repository root (the working folder), a suppression with a reason
    applied, an expired one and an unused one reported, a baseline written then
    honoured, and only a new problem failing the build afterwards."""
    repo = tmp_path / "repo"
    servizi = write(repo / "tenders" / "servizi" / "bando.md", SMALL_TENDER)
    lavori = write(repo / "tenders" / "lavori" / "bando_lavori.md", SMALL_TENDER)

    # What the tender gets with no config at all.
    _, plain, _ = check_json(repo / "tenders", "--no-config")
    first = plain["documents"][1]
    assert first["path"].endswith("servizi/bando.md")
    problems = results(first)
    assert len(problems) >= 3, "the small tender should miss several clauses"
    suppressed_rule, expired_rule, downgraded = (problems[0]["rule"], problems[1]["rule"],
                                                 problems[2])

    write(repo / "proseco.yaml", yaml.safe_dump({
        "fail-on": "warning",
        "severity": {downgraded["name"]: "info"},
        "facts": {"pnrr": False},
        "overrides": [{"files": "tenders/lavori/*.md", "facts": {"contract_type": "works"}}],
    }, sort_keys=False))
    write(repo / "proseco-suppressions.yaml", yaml.safe_dump({"suppressions": [
        {"rule": suppressed_rule, "files": "tenders/servizi/*.md",
         "reason": "clause in the capitolato, checked separately", "author": "Avv. Rossi",
         "expires": "2999-01-31"},
        {"rule": expired_rule, "files": "**/bando.md", "reason": "temporary waiver",
         "author": "Avv. Verdi", "expires": "2020-01-31"},
        {"rule": suppressed_rule, "fingerprint": "0000000000000000",
         "reason": "left over", "author": "Avv. Neri"},
    ]}, sort_keys=False))
    monkeypatch.chdir(repo)  # CI runs from the repository root

    code, report, stderr = check_json(repo / "tenders")
    lavori_doc, servizi_doc = report["documents"]
    assert lavori_doc["path"] == str(lavori) and servizi_doc["path"] == str(servizi)
    # config: facts (global and per path) and the severity override
    assert servizi_doc["facts"]["pnrr"] == {"value": False, "source": "user", "evidence": []}
    assert lavori_doc["facts"]["contract_type"]["value"] == "works"
    assert servizi_doc["facts"]["contract_type"]["value"] == "services"
    by_rule = {f["rule"]: f for f in servizi_doc["findings"]}
    assert by_rule[downgraded["rule"]]["severity"] == "info"
    # the suppression with a reason: kept, marked, not counted
    hit = by_rule[suppressed_rule]
    assert hit["status"] in ("missing", "wrong") and hit["suppressed"] is True
    assert hit["suppression"] == {"reason": "clause in the capitolato, checked separately",
                                  "author": "Avv. Rossi", "expires": "2999-01-31",
                                  "kind": "external"}
    assert servizi_doc["suppressed"] == 1
    # the expired one no longer applies and is reported, as is the unused one
    assert by_rule[expired_rule]["suppressed"] is False
    # in the report's language: the tenders are Italian, so is the interface
    notices = report["notices"]
    assert any("n. 2 " in n and expired_rule in n and "scaduta il 31 gennaio 2020" in n
               and "contano di nuovo" in n for n in notices), notices
    assert any("n. 3 " in n and "non corrisponde ad alcun rilievo mancante o errato" in n
               for n in notices)
    assert not any("n. 1 " in n for n in notices)
    assert "scaduta il 31 gennaio 2020" in stderr  # machine formats put notices on stderr too
    english = invoke("check", repo / "tenders", "--format", "json", "--ui-lang", "en")
    assert any("#2" in n and "expired on 31 January 2020 (its findings count again)" in n
               for n in json.loads(english.stdout)["notices"])
    assert code == 1

    # write a baseline: exit 0, every current result recorded
    baseline = repo / "proseco-baseline.json"
    written = invoke("check", repo / "tenders", "--write-baseline", baseline,
                     "--format", "json")
    assert written.exit_code == 0, written.output
    entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    recorded = {(e["path"], e["rule"]) for e in entries}
    assert ("tenders/servizi/bando.md", expired_rule) in recorded  # relative to the file
    assert len(entries) == sum(len(results(d)) for d in report["documents"])

    # honour it: nothing counts, the report says how many were baselined
    code, honoured, _ = check_json(repo / "tenders", "--baseline", baseline)
    assert code == 0
    assert honoured["baseline"] == str(baseline)
    for doc in honoured["documents"]:
        assert counting(doc) == []
        assert doc["baselined"] == len([f for f in results(doc) if not f["suppressed"]])
        assert doc["baselined"] > 0
    table = invoke("check", repo / "tenders", "--baseline", baseline, "--ui-lang", "en")
    assert table.exit_code == 0 and "baselined" in table.stdout

    # a new problem: only it counts
    write(servizi, SMALL_TENDER.replace(CCNL_SENTENCE, "Il personale è inquadrato secondo "
                                        "le norme vigenti."))
    code, after, _ = check_json(repo / "tenders", "--baseline", baseline)
    new = counting(after["documents"][1])
    old_keys = {(e["rule"], e["fingerprint"]) for e in entries}
    assert new and all((f["rule"], f["fingerprint"]) not in old_keys for f in new)
    assert "IT-11-CCNL" in {f["rule"] for f in new}
    assert code == 1
    assert any("rilievi in baseline non si trovano più" in n or
               "rilievo in baseline non si trova più" in n for n in after["notices"])

    # and the diff of the two versions says the same
    old_version = write(repo / "v1" / "bando.md", SMALL_TENDER)
    diff = invoke("diff", old_version, servizi, "--format", "json")
    data = json.loads(diff.stdout)
    assert "IT-11-CCNL" in {e["rule"] for e in data["introduced"]}
    assert diff.exit_code == 1

    shown = invoke("config", "show", repo / "tenders")
    assert shown.exit_code == 0
    assert shown.stdout.startswith(f"# proseco-check effective config from {repo / 'proseco.yaml'}")
    effective = yaml.safe_load(shown.stdout)
    assert effective["fail-on"] == "warning"
    assert effective["overrides"][0]["files"] == ["tenders/lavori/*.md"]


# ------------------------------------------------------------------ discovery


def test_discovery_only_at_the_repository_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    """Config files next to or above the checked documents do not count (changed by
    issue 17: they used to, nearest first); the git top-level of the working folder does,
    and the working folder when it is not in a repository."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(repo / "pyproject.toml",
          "[project]\nname = 'x'\n\n[tool.proseco-check]\nfail-on = 'warning'\n")
    write(repo / "a" / "proseco.yaml", "fail-on: never\n")  # planted next to a document
    doc = write(repo / "a" / "bando.md", SMALL_TENDER)
    monkeypatch.chdir(repo / "a")
    loaded = load_config(paths=[doc])
    assert loaded.source == repo / "pyproject.toml"
    assert loaded.config.fail_on == "warning"
    assert "[tool.proseco-check]" in loaded.label()
    assert load_config(paths=[doc], explicit=repo / "a" / "proseco.yaml"
                       ).config.fail_on == "never"
    assert load_config(paths=[doc], use_files=False).source is None
    outside = tmp_path / "z"
    outside.mkdir()
    monkeypatch.chdir(outside)
    assert load_config(paths=[doc]).source is None


def test_discovery_falls_back_to_the_working_folder(tmp_path: Path, elsewhere: Path) -> None:
    write(elsewhere / "proseco.yaml", "ignore: [info]\n")
    doc = write(tmp_path / "docs" / "bando.md", SMALL_TENDER)
    assert load_config(paths=[doc]).source == elsewhere / "proseco.yaml"


def test_config_fail_on_and_cli_override(tmp_path: Path, elsewhere: Path) -> None:
    doc = write(tmp_path / "t" / "bando.md", SMALL_TENDER)
    write(elsewhere / "proseco.yaml", "fail-on: never\n")
    assert invoke("check", doc).exit_code == 0
    assert invoke("check", doc, "--fail-on", "error").exit_code == 1
    assert invoke("check", doc, "--no-config").exit_code == 1


def test_select_and_ignore_by_category_severity_and_glob(tmp_path: Path, elsewhere: Path
                                                         ) -> None:
    doc = write(tmp_path / "t" / "bando.md", SMALL_TENDER)
    config = write(tmp_path / "cfg.yaml", "select: [social-clauses]\nignore: [warning, 'IT-11-*']\n")
    _, report, _ = check_json(doc, "--config", config)
    findings = report["documents"][0]["findings"]
    assert findings
    assert {f["category"] for f in findings} == {"social-clauses"}
    assert "warning" not in {f["severity"] for f in findings}
    assert not any(f["rule"].startswith("IT-11-") for f in findings)
    assert selector_matches("IT-ALLII3-*", RuleKey("IT-ALLII3-WOMEN30", "hiring-quota-women-30",
                                                   "social-clauses", "error"))
    assert selector_matches("hiring-quota-*", RuleKey("X", "hiring-quota-women-30", "c", "error"))
    assert not selector_matches("IT-11", RuleKey("IT-11-CCNL", "ccnl-named", "social-clauses",
                                                 "error"))


def test_glob_match() -> None:
    assert glob_match("*.docx", "tenders/2026/bando.docx")  # no slash: the file name
    assert glob_match("tenders/*.docx", "tenders/bando.docx")
    assert not glob_match("tenders/*.docx", "tenders/2026/bando.docx")
    assert glob_match("tenders/**/*.docx", "tenders/2026/x/bando.docx")
    assert glob_match("tenders/**/*.docx", "tenders/bando.docx")
    assert glob_match("**/bando.md", "bando.md")
    assert glob_match("./tenders/bando?.pdf", "tenders/bando1.pdf")
    assert not glob_match("tenders/*.pdf", "other/tenders/x.pdf")


# ------------------------------------------------------------------ invalid configs: exit 2


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("colour: red\n", "unknown key 'colour'"),
        ("overrides:\n  - files: '*.md'\n    factz: {}\n", "unknown key 'overrides[0].factz'"),
        ("fail-on: sometimes\n", "key 'fail-on'"),
        ("fail_on: never\n", "unknown key 'fail_on'"),
        ("severity: {IT-11-CCNL: fatal}\n", "key 'severity.IT-11-CCNL'"),
        ("ignore: [NOPE-99]\n", "key 'ignore': 'NOPE-99' is not"),
        ("severity: {social-clauses: info}\n", "key 'severity': 'social-clauses'"),
        ("facts: {pnrr: maybe}\n", "key 'facts.pnrr'"),
        ("facts: {colour: red}\n", "unknown fact 'colour'"),
        ("packs: [no-such-pack]\n", "key 'packs': no-such-pack"),
        ("- a list\n", "must be a mapping"),
        ("fail-on: [\n", "YAML error"),
    ],
)
def test_invalid_config_exits_2_naming_the_file_and_key(tmp_path: Path, elsewhere: Path,
                                                        text: str, needle: str) -> None:
    doc = write(tmp_path / "t" / "bando.md", SMALL_TENDER)
    config = write(elsewhere / "proseco.yaml", text)
    for result in (invoke("check", doc), invoke("config", "show", doc)):
        assert result.exit_code == 2, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("proseco-check: ")
        assert needle in lines[0]
        assert lines[0].startswith(f"proseco-check: {config}: ")
        assert "Traceback" not in result.output and result.stdout == ""


def test_invalid_pyproject_table_names_it(tmp_path: Path, elsewhere: Path) -> None:
    write(elsewhere / "pyproject.toml", "[tool.proseco-check]\nselct = ['IT-11-CCNL']\n")
    doc = write(tmp_path / "bando.md", SMALL_TENDER)
    result = invoke("check", doc)
    assert result.exit_code == 2
    assert "pyproject.toml [tool.proseco-check]: unknown key 'selct'" in result.stderr


def test_missing_config_file_exits_2(tmp_path: Path, elsewhere: Path) -> None:
    doc = write(tmp_path / "bando.md", SMALL_TENDER)
    result = invoke("check", doc, "--config", tmp_path / "nope.yaml")
    assert result.exit_code == 2 and "no such config file" in result.stderr
    with pytest.raises(UsageError, match="no such config file"):
        load_config(explicit=tmp_path / "nope.yaml")


def test_config_show_defaults(elsewhere: Path) -> None:
    result = invoke("config", "show")
    assert result.exit_code == 0
    assert "no config file found" in result.stdout
    assert yaml.safe_load(result.stdout) == {"packs": [], "select": [], "extend-select": [], "ignore": [],
                                             "severity": {}, "fail-on": "error", "facts": {},
                                             "overrides": [],
                                             "waivers": {"enabled": False, "authors": []}}


# ------------------------------------------------------------------ suppression files


@pytest.mark.parametrize(
    ("entry", "needle"),
    [
        ({"rule": "IT-11-CCNL", "files": "*.md", "author": "A"},
         "entry 1 (rule IT-11-CCNL): missing key 'reason' (every suppression needs"),
        ({"rule": "IT-11-CCNL", "files": "*.md", "reason": "r"}, "missing key 'author'"),
        ({"rule": "IT-11-CCNL", "files": "*.md", "reason": "  ", "author": "A"},
         "key 'reason': must not be blank"),
        ({"rule": "IT-11-CCNL", "reason": "r", "author": "A"}, "give 'fingerprint' or 'files'"),
        ({"rule": "IT-11-CCNL", "files": "*.md", "reason": "r", "author": "A",
          "expires": "soon"}, "key 'expires'"),
        ({"rule": "IT-11-CCNL", "files": "*.md", "reason": "r", "author": "A", "why": "x"},
         "unknown key 'why'"),
        ({"rule": "NOPE-1", "files": "*.md", "reason": "r", "author": "A"},
         "rule 'NOPE-1' is not a rule id or name"),
    ],
)
def test_invalid_suppressions_exit_2(tmp_path: Path, elsewhere: Path, entry: dict[str, Any],
                                     needle: str) -> None:
    doc = write(tmp_path / "bando.md", SMALL_TENDER)
    sup = write(tmp_path / "sup.yaml", yaml.safe_dump({"suppressions": [entry]}))
    result = invoke("check", doc, "--suppressions", sup)
    assert result.exit_code == 2, result.output
    line = result.stderr.strip()
    assert line.startswith(f"proseco-check: {sup}: ") and needle in line, line


def test_suppressions_file_next_to_the_config_is_found(
        tmp_path: Path, elsewhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = write(tmp_path / "repo" / "docs" / "bando.md", SMALL_TENDER)
    monkeypatch.chdir(tmp_path / "repo")
    write(tmp_path / "repo" / "proseco.yaml", "fail-on: error\n")
    write(tmp_path / "repo" / "proseco-suppressions.yaml", yaml.safe_dump({"suppressions": [
        {"rule": "IT-11-CCNL", "files": "docs/*.md", "reason": "r", "author": "A"}]}))
    _, report, _ = check_json(doc)
    # IT-11-CCNL is present in this tender: the entry is in scope but unused.
    assert any("soppressione n. 1 " in n and "non corrisponde" in n for n in report["notices"])


def test_missing_baseline_exits_2(tmp_path: Path, elsewhere: Path) -> None:
    doc = write(tmp_path / "bando.md", SMALL_TENDER)
    result = invoke("check", doc, "--baseline", tmp_path / "none.json")
    assert result.exit_code == 2 and "--write-baseline" in result.stderr
    write(tmp_path / "bad.json", "{\"x\": 1}")
    assert invoke("check", doc, "--baseline", tmp_path / "bad.json").exit_code == 2


# ------------------------------------------------------------------ Word comments


def _docx_with_comments(path: Path, comments: list[tuple[str, str]]) -> Path:
    import docx

    document = docx.Document()
    paragraphs = [p for p in SMALL_TENDER.split("\n\n") if p.strip()]
    document.add_heading(paragraphs[0].lstrip("# "), level=1)
    anchors = [document.add_paragraph(" ".join(p.split())) for p in paragraphs[1:]]
    for n, (author, text) in enumerate(comments):
        document.add_comment(anchors[n % len(anchors)].runs, text=text, author=author,
                             initials="XX")
    document.save(str(path))
    return path


def test_word_comment_waivers(tmp_path: Path, elsewhere: Path) -> None:
    plain = _docx_with_comments(tmp_path / "plain.docx", [])
    _, before, _ = check_json(plain)
    problems = results(before["documents"][0])
    assert len(problems) >= 2
    waived, other = problems[0], problems[1]
    doc = _docx_with_comments(tmp_path / "bando.docx", [
        ("Avv. Rossi", f"proseco: ignore {waived['rule']} — clausola nel capitolato"),
        ("Avv. Gialli", f"Proseco: ignore {other['name']}"),  # no reason: not honoured
        ("Avv. Blu", "proseco: ignore NOPE-1 - reason"),
        ("Avv. Rosa", "Please check the CCNL here."),  # an ordinary comment
        ("Ing. Verdi", f"proseco: ignore {other['rule']} — not a named author"),
    ])
    # Off by default (issue 17): the document cannot waive its own findings.
    code, off, _ = check_json(doc, "--ui-lang", "en")
    assert code == 1 and off["documents"][0]["suppressed"] == 0
    assert any("4 'proseco: ignore' Word comments not honoured: in-document waivers are "
               "off" in n for n in off["documents"][0]["notices"])
    write(elsewhere / "proseco.yaml", yaml.safe_dump({"waivers": {
        "enabled": True, "authors": ["Avv. Rossi", "avv.  gialli", "Avv. Blu"]}}))
    _, report, _ = check_json(doc, "--ui-lang", "en")
    result = report["documents"][0]
    by_rule = {f["rule"]: f for f in result["findings"]}
    assert by_rule[waived["rule"]]["suppressed"] is True
    assert by_rule[waived["rule"]]["suppression"] == {
        "reason": "clausola nel capitolato", "author": "Avv. Rossi", "expires": None,
        "kind": "inSource"}
    assert by_rule[other["rule"]]["suppressed"] is False
    notices = " | ".join(result["notices"])
    assert "needs a reason" in notices and "NOPE-1" in notices and "no such rule" in notices
    assert (f"'{other['rule']}' by Ing. Verdi: not an author named in waivers.authors of "
            f"{elsewhere / 'proseco.yaml'}; ignored") in notices
    sarif = json.loads(invoke("check", doc, "--format", "sarif").stdout)
    suppressed = [r for r in sarif["runs"][0]["results"] if r.get("suppressions")]
    assert [r["ruleId"] for r in suppressed] == [waived["rule"]]
    assert suppressed[0]["suppressions"][0]["kind"] == "inSource"
    assert suppressed[0]["suppressions"][0]["justification"] == "clausola nel capitolato"
