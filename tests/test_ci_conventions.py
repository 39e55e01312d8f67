"""CI the way Ruff and Semgrep users expect (issue 18): --select/--ignore/--extend-select
merged with the config as Ruff merges them, `--format concise`, `--statistics`,
`--format gitlab` (validated against GitLab's own schema), `--color` with NO_COLOR and
FORCE_COLOR, `--exit-zero`, the format registry, text from documents escaped in the new
formats; and the CI recipes run locally: the GitHub Action (action.yml) installed from a
copy of the checkout into a fresh virtual environment and its shell steps run as GitHub
runs them, with the inputs of the example workflow; the GitLab CI template's commands.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from proseco_check.cli.app import app
from proseco_check.model.evidence import Evidence
from proseco_check.model.report import (
    DocumentError,
    DocumentResult,
    Finding,
    Profile,
    Report,
    Score,
)
from proseco_check.pipeline.policy.select import RuleKey, Selection, is_selected
from proseco_check.render import FORMAT_NAMES, FORMATS, RENDERERS
from proseco_check.render.concise import render_concise
from proseco_check.render.gitlab import render_gitlab
from proseco_check.render.statistics import render_statistics

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
GITLAB_SCHEMA = json.loads((DATA / "gitlab-codeclimate.json").read_text(encoding="utf-8"))
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}
CONCISE_LINE = re.compile(r"^(?P<path>.+):(?P<page>\d+|-):(?P<par>\d+|-): (?P<rule>[A-Z0-9-]+) "
                          r"(?P<status>missing|wrong) (?P<message>\S.*)$")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def invoke(*args: str | Path, env: dict[str, str | None] | None = None) -> Any:
    environment: dict[str, str | None] = {
        "NO_COLOR": None, "FORCE_COLOR": None, "GITHUB_ACTIONS": None,
        "GITHUB_STEP_SUMMARY": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8"}
    environment.update(env or {})
    return CliRunner().invoke(app, [str(a) for a in args], env=environment)


def findings_of(doc: Path, *args: str | Path) -> list[dict[str, Any]]:
    result = invoke("check", doc, "--format", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)["documents"][0]["findings"]


def counting(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in findings if f["status"] in ("missing", "wrong")
            and not f["suppressed"] and not f["baselined"]]


# ------------------------------------------------------------------ a hostile report


def hostile_report(path: str = "tenders/bando.docx") -> Report:
    """Findings whose message and quote carry what a document can smuggle in: terminal
    escapes, a forged second line, a bidi override, quotes and backslashes."""
    quote = Evidence(text="x", page=3, paragraph=12)

    def finding(rule: str, status: str, message: str, **extra: Any) -> Finding:
        return Finding(rule=rule, name=rule.lower(), title=f"Title {rule}",
                       category="social-clauses", status=status, severity="error",
                       message=message, references=[], fingerprint="f" + rule[-4:].lower(),
                       **extra)

    findings = [
        finding("IT-11-CCNL", "wrong", 'CCNL "\x1b[31mFAKE\x1b[0m" \\ named\n'
                "tenders/x.docx:1:1: IT-99-FORGED wrong forged\r\n::error::injected",
                location=quote),
        finding("IT-57-CLAUSOLA", "missing", "clause \u202egnissim\u202c missing\ttoo"),
        finding("IT-61-REF", "missing", "suppressed", suppressed=True),
        finding("IT-108-OEPV", "present", "fine"),
    ]
    doc = DocumentResult(path=path, language="it", nlp_mode="blank", packs=["it"], facts={},
                         profile=Profile(reserved="none", elements=[], eforms={}),
                         findings=findings, score=Score(overall=None, categories=[]),
                         suppressed=1)
    return Report(tool={"name": "proseco-check", "version": "0"}, documents=[doc])


def test_concise_escapes_document_text() -> None:
    out = render_concise(hostile_report(), ui_lang="en")
    lines = out.splitlines()
    assert lines == [
        'tenders/bando.docx:3:12: IT-11-CCNL wrong CCNL "[31mFAKE[0m" \\ named '
        "tenders/x.docx:1:1: IT-99-FORGED wrong forged : :error: :injected",
        "tenders/bando.docx:-:-: IT-57-CLAUSOLA missing clause gnissim missing too",
        "Results to fix: 2 · documents checked: 1 · suppressed or baselined: 1",
    ]
    assert "\x1b" not in out and "\u202e" not in out and "\r" not in out


def test_gitlab_escapes_document_text_and_validates() -> None:
    issues = json.loads(render_gitlab(hostile_report()))
    assert [i["check_name"] for i in issues] == ["IT-11-CCNL", "IT-57-CLAUSOLA"]
    for issue in issues:
        jsonschema.Draft7Validator(GITLAB_SCHEMA).validate(issue)
        assert not re.search(r"[\x00-\x1f\x7f\u202a-\u202e]", issue["description"])
    assert issues[0]["description"].startswith('IT-11-CCNL wrong: CCNL "[31mFAKE[0m" \\ named')
    assert issues[0]["location"] == {"path": "tenders/bando.docx", "lines": {"begin": 12}}
    assert issues[1]["location"]["lines"] == {"begin": 1}  # a missing clause: the document


def test_gitlab_reports_an_unreadable_document() -> None:
    report = hostile_report()
    report.errors = [DocumentError(path="tenders/scan.pdf",
                                   error="tenders/scan.pdf: not a PDF\n::error::x")]
    issue = json.loads(render_gitlab(report))[-1]
    jsonschema.Draft7Validator(GITLAB_SCHEMA).validate(issue)
    assert issue["check_name"] == "unreadable-document" and issue["severity"] == "critical"
    assert issue["description"] == "unreadable-document: tenders/scan.pdf: not a PDF : :error: :x"
    assert issue["location"] == {"path": "tenders/scan.pdf", "lines": {"begin": 1}}


def test_gitlab_fingerprints_are_unique_across_documents() -> None:
    """GitLab keys issues by fingerprint: the same result in two documents (same rule,
    same quoted words) must stay two issues."""
    one, two = hostile_report("a/bando.docx"), hostile_report("b/bando.docx")
    both = Report(tool=one.tool, documents=[*one.documents, *two.documents])
    issues = json.loads(render_gitlab(both))
    assert len(issues) == 4
    assert len({i["fingerprint"] for i in issues}) == 4
    assert all(re.fullmatch(r"[0-9a-f]{32}", i["fingerprint"]) for i in issues)


# ------------------------------------------------------------------ the format registry


def test_every_registered_format_has_a_renderer_option_and_help() -> None:
    assert FORMAT_NAMES == ("table", "concise", "html", "json", "jsonl", "sarif", "junit",
                            "github", "gitlab", "markdown")
    assert list(RENDERERS) == list(FORMAT_NAMES)
    help_text = ANSI.sub("", invoke("check", "--help", env={"COLUMNS": "200"}).stdout)
    for fmt in FORMATS:
        assert callable(RENDERERS[fmt.name])
        assert f"--output-{fmt.name}" in help_text
    assert "table, concise, html, json, jsonl, sarif, junit, github, gitlab or markdown" in \
        " ".join(help_text.split()).replace("│ ", "")


def test_config_output_format_is_the_default_format(tmp_path: Path, small_tender: Path) -> None:
    config = tmp_path / "proseco.yaml"
    config.write_text("output-format: concise\n", encoding="utf-8")
    result = invoke("check", small_tender, "--config", config)
    assert result.exit_code == 1
    assert all(CONCISE_LINE.match(line) for line in result.stdout.splitlines()[:-1])
    explicit = invoke("check", small_tender, "--config", config, "--format", "jsonl")
    assert json.loads(explicit.stdout.splitlines()[0])["path"]
    config.write_text("output-format: concise-ish\n", encoding="utf-8")
    bad = invoke("check", small_tender, "--config", config)
    assert bad.exit_code == 2
    assert bad.stderr.strip() == (
        f"proseco-check: {config}: key 'output-format': --format takes table, concise, html, "
        "json, jsonl, sarif, junit, github, gitlab or markdown, not 'concise-ish'; did you "
        "mean 'concise'?")


# ------------------------------------------------------------------ concise and statistics


def test_concise_is_one_line_per_counted_result(small_tender: Path) -> None:
    expected = counting(findings_of(small_tender))
    result = invoke("check", small_tender, "--format", "concise")
    assert result.exit_code == 1
    *lines, summary = result.stdout.splitlines()
    # An Italian document: the interface speaks Italian unless --ui-lang says otherwise.
    assert summary == f"Risultati da sistemare: {len(expected)} · documenti controllati: 1"
    parsed = [CONCISE_LINE.match(line) for line in lines]
    assert all(parsed), lines
    assert [(m["rule"], m["status"]) for m in parsed if m] == \
        [(f["rule"], f["status"]) for f in expected]
    assert {m["path"] for m in parsed if m} == {str(small_tender)}
    quiet = invoke("check", small_tender, "--format", "concise", "-q")
    assert quiet.exit_code == 1 and quiet.stdout.splitlines() == lines  # no summary line
    english = invoke("check", small_tender, "--format", "concise", "--ui-lang", "en")
    assert english.stdout.splitlines()[-1] == \
        f"Results to fix: {len(expected)} · documents checked: 1"


def test_concise_on_a_docx_gives_page_and_paragraph(checked_sample: Any) -> None:
    report = checked_sample("it_disciplinare_carente.docx").report
    lines = render_concise(report).splitlines()[:-1]
    wrong = [CONCISE_LINE.match(line) for line in lines if " wrong " in line]
    assert wrong and all(m and m["par"] != "-" for m in wrong)
    quoted = next(f for f in report.documents[0].findings if f.status == "wrong")
    assert quoted.location is not None
    assert f":{quoted.location.paragraph}: {quoted.rule} wrong " in "\n".join(lines)


def test_statistics_counts_per_rule_and_status(small_tender: Path) -> None:
    expected = counting(findings_of(small_tender))
    result = invoke("check", small_tender, "--statistics")
    assert result.exit_code == 1
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert sorted((r[1].strip(), r[2].strip(), int(r[0])) for r in rows) == sorted(
        (f["rule"], f["status"], 1) for f in expected)
    as_json = json.loads(invoke("check", small_tender, "--statistics", "--format", "json").stdout)
    assert {(r["rule"], r["status"], r["count"]) for r in as_json} == {
        (f["rule"], f["status"], 1) for f in expected}
    assert set(as_json[0]) == {"count", "rule", "name", "status", "severity", "title"}


def test_statistics_adds_up_over_documents(checked_sample: Any) -> None:
    one = checked_sample("it_disciplinare_carente.docx").report
    two = Report(tool=one.tool, documents=[*one.documents, *one.documents])
    rows = json.loads(render_statistics(two, as_json=True))
    assert rows and all(r["count"] == 2 for r in rows)
    assert [r["count"] for r in rows] == sorted((r["count"] for r in rows), reverse=True)


# ------------------------------------------------------------------ selection


def test_select_glob_and_ignore_one_rule(small_tender: Path) -> None:
    everything = findings_of(small_tender)
    it11 = {f["rule"] for f in everything if f["rule"].startswith("IT-11-")}
    assert "IT-11-EQUIV" in it11 and len(it11) >= 2
    kept = findings_of(small_tender, "--select", "IT-11-*", "--ignore", "IT-11-EQUIV")
    assert {f["rule"] for f in kept} == it11 - {"IT-11-EQUIV"}


def test_selectors_take_comma_lists_categories_and_severities(small_tender: Path) -> None:
    kept = findings_of(small_tender, "--select", "social-clauses,eu-law", "--ignore", "info")
    assert kept and {f["category"] for f in kept} <= {"social-clauses", "eu-law"}
    assert "info" not in {f["severity"] for f in kept}
    extended = findings_of(small_tender, "--select", "IT-11-CCNL", "--extend-select",
                           "IT-11-EQUIV")
    assert sorted(f["rule"] for f in extended) == ["IT-11-CCNL", "IT-11-EQUIV"]


def test_command_line_merges_with_the_config_like_ruff(tmp_path: Path, small_tender: Path
                                                       ) -> None:
    """Ruff's documented example: config `select = [E, F]`, `ignore = [F401]`;
    `--select F401` checks F401 only, `--extend-select B` checks E, F and B but F401."""
    config = tmp_path / "proseco.yaml"
    config.write_text("select: [social-clauses]\nignore: [IT-11-EQUIV]\n", encoding="utf-8")
    base = findings_of(small_tender, "--config", config)
    assert {f["category"] for f in base} == {"social-clauses"}
    assert "IT-11-EQUIV" not in {f["rule"] for f in base}
    replaced = findings_of(small_tender, "--config", config, "--select", "IT-11-EQUIV")
    assert [f["rule"] for f in replaced] == ["IT-11-EQUIV"]
    extended = findings_of(small_tender, "--config", config, "--extend-select", "eu-law")
    assert {f["category"] for f in extended} == {"social-clauses", "eu-law"}
    assert "IT-11-EQUIV" not in {f["rule"] for f in extended}
    ignored = findings_of(small_tender, "--config", config, "--ignore", "IT-11-CCNL")
    assert {f["rule"] for f in ignored} == {f["rule"] for f in base} - {"IT-11-CCNL"}


def test_specificity_inside_one_layer() -> None:
    ccnl = RuleKey("IT-11-CCNL", "ccnl-named", "social-clauses", "warning")
    subc = RuleKey("IT-11-SUBC", "subcontract", "social-clauses", "error")
    other = RuleKey("EU-20-REF", "reserved-ref", "eu-law", "error")

    def kept(*layers: Selection) -> set[str]:
        return {k.rule for k in (ccnl, subc, other) if is_selected(list(layers), k)}

    assert kept() == {"IT-11-CCNL", "IT-11-SUBC", "EU-20-REF"}  # nothing selected: all
    assert kept(Selection(select=("ALL",), ignore=("IT-*",))) == {"EU-20-REF"}
    # a longer glob beats a shorter one; an exact id beats a glob; ignore wins ties
    assert kept(Selection(ignore=("IT-*",), extend_select=("IT-11-*",))) == kept()
    assert kept(Selection(select=("IT-11-*",), ignore=("IT-11-SUBC",))) == {"IT-11-CCNL"}
    assert kept(Selection(select=("IT-11-*",), ignore=("IT-11-*",))) == set()
    # categories and severities cut across ids: their ignores win over globs ...
    assert kept(Selection(select=("IT-11-*",), ignore=("warning",))) == {"IT-11-SUBC"}
    # ... but not over a rule named exactly
    assert kept(Selection(ignore=("warning",), extend_select=("IT-11-CCNL",))) == kept()
    # a later layer with select replaces; without select it adds and removes
    config = Selection(select=("social-clauses",), ignore=("IT-11-CCNL",))
    assert kept(config) == {"IT-11-SUBC"}
    assert kept(config, Selection(select=("IT-11-CCNL",))) == {"IT-11-CCNL"}
    assert kept(config, Selection(extend_select=("eu-law",))) == {"IT-11-SUBC", "EU-20-REF"}
    assert kept(config, Selection(), Selection(ignore=("IT-11-SUBC",))) == set()


def test_config_show_prints_the_merged_selection(tmp_path: Path) -> None:
    config = tmp_path / "proseco.yaml"
    config.write_text("select: [social-clauses]\nignore: [IT-11-EQUIV]\n", encoding="utf-8")
    result = invoke("config", "show", "--config", config, "--select", "IT-11-*",
                    "--ignore", "IT-11-SUBC")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "#   --select IT-11-*" in lines and "#   --ignore IT-11-SUBC" in lines
    summary = next(line for line in lines if line.startswith("# rules checked:"))
    assert re.match(r"# rules checked: 3 of \d+ ", summary)  # IT-11-CCNL, -EQUIV, -DURC
    listed = [line.split()[1] for line in lines[lines.index(summary) + 1:]]
    assert sorted(listed) == ["IT-11-CCNL", "IT-11-DURC", "IT-11-EQUIV"]  # --select replaced the ignore


def test_unknown_selector_is_a_usage_error(small_tender: Path) -> None:
    result = invoke("check", small_tender, "--select", "IT-11-CNL")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "proseco-check: --select: 'IT-11-CNL' is not a rule id, name, category or severity "
        "of the loaded packs (see 'proseco-check rules list'); did you mean 'IT-11-CCNL'?")
    category = invoke("check", small_tender, "--ignore", "social-clause")
    assert category.exit_code == 2
    assert category.stderr.strip().endswith("did you mean 'social-clauses'?")


# ------------------------------------------------------------------ colour and exit codes


@pytest.mark.parametrize(("args", "env", "coloured"), [
    (["--color", "always"], {}, True),
    (["--color", "always"], {"NO_COLOR": "1"}, True),  # the flag beats the environment
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    ([], {}, False),  # auto, output piped
    ([], {"FORCE_COLOR": "1"}, True),
    ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),  # NO_COLOR wins
    ([], {"FORCE_COLOR": ""}, False),  # set but empty: not set
])
def test_color_modes(small_tender: Path, args: list[str], env: dict[str, str],
                     coloured: bool) -> None:
    result = invoke("check", small_tender, "--format", "concise", *args, env=env)
    assert result.exit_code == 1
    assert bool(ANSI.search(result.stdout)) is coloured
    if coloured:
        plain = invoke("check", small_tender, "--format", "concise").stdout
        assert ANSI.sub("", result.stdout) == plain


def test_color_always_colours_the_table_when_piped(small_tender: Path) -> None:
    assert ANSI.search(invoke("check", small_tender, "--color", "always").stdout)
    assert not ANSI.search(invoke("check", small_tender).stdout)
    bad = invoke("check", small_tender, "--color", "yes")
    assert bad.exit_code == 2
    assert bad.stderr.strip() == "proseco-check: --color takes auto, always or never, not 'yes'"


def test_exit_zero_is_fail_on_never(small_tender: Path, tmp_path: Path) -> None:
    assert invoke("check", small_tender, "--format", "concise").exit_code == 1
    assert invoke("check", small_tender, "--format", "concise", "--exit-zero").exit_code == 0
    assert invoke("check", small_tender, "--exit-zero", "--fail-on", "never").exit_code == 0
    clash = invoke("check", small_tender, "--exit-zero", "--fail-on", "warning")
    assert clash.exit_code == 2
    assert clash.stderr.strip() == ("proseco-check: --exit-zero means --fail-on never: it "
                                    "cannot be used with --fail-on warning")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    assert invoke("check", broken, "--exit-zero").exit_code == 3  # unreadable stays 3


def test_pre_commit_hook_prints_concise_lines(small_tender: Path, repo_root: Path) -> None:
    hooks = yaml.safe_load((repo_root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    entry = hooks[0]["entry"].split()
    assert entry[:2] == ["proseco-check", "check"] and "--format" in entry
    result = invoke(*entry[1:], small_tender)  # pre-commit appends the staged file names
    assert result.exit_code == 1
    *lines, _summary = result.stdout.splitlines()
    assert lines and all(CONCISE_LINE.match(line) for line in lines)


# ------------------------------------------------------------------ the CI recipes, run locally

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
WORKFLOW_TEXT = (REPO / "docs" / "ci" / "github-actions.yml").read_text(encoding="utf-8")
WORKFLOW = yaml.safe_load(WORKFLOW_TEXT)
GITLAB = yaml.safe_load((REPO / "docs" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
# What GitHub runs for `shell: bash` (docs: "Workflow syntax", jobs.<id>.steps[*].shell).
GITHUB_BASH = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"]


def _expressions(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [e for v in value.values() for e in _expressions(v)]
    if isinstance(value, list):
        return [e for v in value for e in _expressions(v)]
    return EXPRESSION.findall(value) if isinstance(value, str) else []


def test_action_yml_is_a_valid_composite_action() -> None:
    assert set(ACTION) <= {"name", "description", "author", "branding", "inputs", "outputs",
                           "runs"}
    assert ACTION["name"] and ACTION["description"]
    assert ACTION["runs"]["using"] == "composite"
    for name, spec in ACTION["inputs"].items():
        assert re.fullmatch(r"[a-z][a-z-]*", name) and spec["description"]
        assert isinstance(spec.get("default", ""), str) and spec.get("required") is False
    steps = ACTION["runs"]["steps"]
    ids: list[str] = []
    for step in steps:
        assert ("uses" in step) != ("run" in step), step
        if "run" in step:
            assert step["shell"] == "bash"  # composite run steps must name their shell
            assert "${{" not in step["run"]  # inputs reach scripts as env, never as code
        else:
            assert re.fullmatch(r"[\w-]+/[\w./-]+@v\d+", step["uses"])
        for expression in _expressions({k: v for k, v in step.items() if k != "run"}):
            refs = re.findall(r"(inputs|steps)\.([\w-]+)(?:\.outputs\.([\w-]+))?", expression)
            assert refs, expression
            for kind, name, _output in refs:
                assert name in (ACTION["inputs"] if kind == "inputs" else ids), expression
        ids += [step["id"]] if "id" in step else []
    check = next(s for s in steps if s.get("id") == "check")
    for name, spec in ACTION["outputs"].items():
        assert spec["value"] == f"${{{{ steps.check.outputs.{name} }}}}"
        assert f'echo "{name}=' in check["run"]
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["uses"] == "github/codeql-action/upload-sarif@v3"
    assert upload["with"]["sarif_file"] == "${{ steps.check.outputs.sarif-file }}"
    assert "!cancelled()" in upload["if"] and "inputs.upload-sarif == 'true'" in upload["if"]
    assert "--output-sarif" in check["run"] and "--format github" in check["run"]
    assert steps[-1]["run"] == 'exit "${EXIT_CODE:-2}"'


def test_example_workflow_uses_the_action_and_is_the_repositorys_own() -> None:
    assert (REPO / ".github" / "workflows" / "proseco-check.yml").read_text(
        encoding="utf-8") == WORKFLOW_TEXT
    steps = WORKFLOW["jobs"]["tenders"]["steps"]
    assert steps[0]["uses"] == "actions/checkout@v4"
    step = next(s for s in steps if s.get("uses") == "./")
    assert set(step["with"]) <= set(ACTION["inputs"])
    assert WORKFLOW["permissions"]["security-events"] == "write"
    for expression in _expressions(steps):
        if expression.startswith("steps."):
            assert re.fullmatch(rf"steps\.{step['id']}\.outputs\.([\w-]+)", expression)
            assert expression.rsplit(".", 1)[1] in ACTION["outputs"]


def test_ci_docs_never_install_a_package_no_index_serves() -> None:
    for path in [REPO / "README.md", *sorted((REPO / "docs" / "ci").iterdir())]:
        text = path.read_text(encoding="utf-8")
        # `pip install proseco-check` (from an index); `pip install "proseco-check @ git+…"`
        # and `pip install .` are fine.
        assert not re.search(r"pip install(?:\s+-\S+)*\s+['\"]?proseco-check\b(?!\s*@)",
                             text), path


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What a clean clone holds: the tracked and new (not ignored) files, copied."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs a git checkout")
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode().split("\0")
    target = tmp_path_factory.mktemp("clone") / "proseco-check"
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def runner_bin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment standing for the runner's Python. It sees this test
    environment's packages (pip and the dependencies: nothing is downloaded but the build
    backend); proseco-check itself is installed into it by the recipes under test."""
    venv = tmp_path_factory.mktemp("runner") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = next(venv.glob("lib/python3*/site-packages"))
    (site / "test-environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\n",
                                               encoding="utf-8")
    return venv / "bin"


def _env(runner: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "NO_COLOR", "FORCE_COLOR")}
    env.update(PATH=f"{runner}:/usr/local/bin:/usr/bin:/bin", LANG="C.UTF-8", **extra)
    return env


def _installed_from(runner: Path) -> str:
    code = "import proseco_check; print(proseco_check.__file__)"
    return subprocess.run([str(runner / "python"), "-c", code], capture_output=True,
                          text=True, check=True, cwd=runner).stdout.strip()


@pytest.fixture(scope="module")
def action_installed(checkout: Path, runner_bin: Path) -> Path:
    """The action's setup: actions/setup-python (the runner venv stands for it), then its
    install step run verbatim, from the checkout copy as $GITHUB_ACTION_PATH."""
    setup, install = ACTION["runs"]["steps"][:2]
    assert setup["uses"] == "actions/setup-python@v5"
    assert setup["with"]["python-version"] == "${{ inputs.python-version }}"
    assert "$GITHUB_ACTION_PATH" in install["run"]
    done = subprocess.run([*GITHUB_BASH, install["run"]], cwd=checkout, text=True,
                          capture_output=True, timeout=600,
                          env=_env(runner_bin, GITHUB_ACTION_PATH=str(checkout)))
    assert done.returncode == 0, done.stderr
    assert (runner_bin / "proseco-check").is_file()
    assert _installed_from(runner_bin).startswith(str(runner_bin.parent))  # not the checkout
    return runner_bin


def _evaluate(text: str, inputs: dict[str, str], outputs: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        kind, _, name = match.group(1).partition(".")
        if kind == "inputs":
            return inputs[name]
        assert kind == "steps" and ".outputs." in name, match.group(0)
        return outputs.get(name.rsplit(".", 1)[1], "")

    return EXPRESSION.sub(value, text)


def run_action(workspace: Path, runner: Path, given: dict[str, str], tmp_path: Path
               ) -> dict[str, Any]:
    """The action's steps after the setup, as GitHub runs them: the check step with its
    env, the upload step's arguments, the final exit step. Returns what they produced."""
    inputs = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    inputs.update(given)
    summary, output = tmp_path / "summary.md", tmp_path / "output.txt"
    summary.write_text("earlier step\n", encoding="utf-8")
    output.write_text("", encoding="utf-8")
    base = _env(runner, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary),
                GITHUB_OUTPUT=str(output), GITHUB_WORKSPACE=str(workspace),
                GITHUB_ACTION_PATH=str(workspace))
    check, upload, final = ACTION["runs"]["steps"][2:]
    env = {**base, **{k: _evaluate(v, inputs, {}) for k, v in check["env"].items()}}
    ran = subprocess.run([*GITHUB_BASH, check["run"]], cwd=workspace, env=env, text=True,
                         capture_output=True, timeout=600)
    assert ran.returncode == 0, ran.stderr  # the check step itself never fails the job
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    sarif = _evaluate(upload["with"]["sarif_file"], inputs, outputs)
    final_env = {**base, **{k: _evaluate(v, inputs, outputs) for k, v in final["env"].items()}}
    code = subprocess.run([*GITHUB_BASH, final["run"]], env=final_env).returncode
    return {"outputs": outputs, "stdout": ran.stdout, "stderr": ran.stderr, "code": code,
            "sarif": workspace / sarif if sarif else None,
            "summary": summary.read_text(encoding="utf-8")}


def _valid_sarif(path: Path) -> dict[str, Any]:
    log = json.loads(path.read_text(encoding="utf-8"))
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    return log


def test_example_workflow_runs_as_written(checkout: Path, action_installed: Path,
                                          tmp_path: Path) -> None:
    """The workflow's `uses: ./` step, with its inputs, in a copy of the repository."""
    step = next(s for s in WORKFLOW["jobs"]["tenders"]["steps"] if s.get("uses") == "./")
    result = run_action(checkout, action_installed, step["with"], tmp_path)
    assert result["code"] == 0 == int(result["outputs"]["exit-code"]), result["stderr"]
    assert result["outputs"]["sarif-file"] == "proseco-check.sarif"
    log = _valid_sarif(result["sarif"])
    assert len(log["runs"][0]["properties"]["documents"]) == 4
    assert (checkout / "proseco-junit.xml").is_file()  # from `args`
    assert result["summary"].startswith("earlier step\n")  # appended
    assert "proseco-check" in result["summary"] and "|" in result["summary"]
    assert result["stdout"].startswith("::")  # annotations: workflow commands


def test_action_fails_the_job_on_findings_and_takes_paths_with_spaces(
        checkout: Path, action_installed: Path, tmp_path: Path) -> None:
    spaced = checkout / "gare 2026" / "Disciplinare di gara.docx"
    spaced.parent.mkdir(exist_ok=True)
    shutil.copy2(checkout / "samples" / "it_disciplinare_carente.docx", spaced)
    given = {"paths": "gare 2026/Disciplinare di gara.docx\nsamples/it_*_carente.pdf\n",
             "job-summary": "false", "sarif-file": "out/r.sarif", "args": "--ignore info"}
    (checkout / "out").mkdir(exist_ok=True)
    result = run_action(checkout, action_installed, given, tmp_path)
    assert result["code"] == 1 == int(result["outputs"]["exit-code"]), result["stderr"]
    log = _valid_sarif(result["sarif"])
    documents = [d["path"] for d in log["runs"][0]["properties"]["documents"]]
    assert documents == ["gare 2026/Disciplinare di gara.docx",
                         "samples/it_disciplinare_carente.pdf"]
    assert log["runs"][0]["results"]
    assert all(r["level"] != "note" for r in log["runs"][0]["results"])  # --ignore info
    assert result["summary"] == "earlier step\n"  # job-summary: false


def test_action_reports_a_usage_error_as_exit_2(checkout: Path, action_installed: Path,
                                                tmp_path: Path) -> None:
    result = run_action(checkout, action_installed,
                        {"paths": "samples/it_disciplinare_conforme.docx",
                         "fail-on": "eror", "sarif-file": "usage.sarif"}, tmp_path)
    assert result["code"] == 2
    assert "did you mean 'error'?" in result["stderr"]
    assert "sarif-file" not in result["outputs"]  # nothing stale is uploaded


def test_gitlab_template_runs_and_writes_a_valid_code_quality_report(
        checkout: Path, runner_bin: Path) -> None:
    job = GITLAB["proseco-check"]
    env = _env(runner_bin, **{k: str(v) for k, v in job["variables"].items()})
    for line in [*job["before_script"], *job["script"]]:
        done = subprocess.run([*GITHUB_BASH, line], cwd=checkout, env=env, text=True,
                              capture_output=True, timeout=600)
        assert done.returncode == 0, (line, done.stdout[-2000:], done.stderr[-2000:])
    assert _installed_from(runner_bin).startswith(str(runner_bin.parent))
    reports = job["artifacts"]["reports"]
    issues = json.loads((checkout / reports["codequality"]).read_text(encoding="utf-8"))
    assert isinstance(issues, list) and issues
    for issue in issues:
        jsonschema.Draft7Validator(GITLAB_SCHEMA).validate(issue)
        assert issue["severity"] in GITLAB_SEVERITIES
        assert issue["check_name"] and issue["description"]
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert (checkout / issue["location"]["path"]).is_file()
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert (checkout / reports["junit"]).is_file()
    assert all((checkout / p).is_file() for p in job["artifacts"]["paths"])
