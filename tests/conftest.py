"""Shared fixtures.

Expensive things happen once per session: the spaCy pipelines are cached by
`build_pipeline`, and each sample file is checked at most once (lazily, the first time a
test asks for it) through `checked_sample`. Tests that need the CLI on a sample reuse that
cached Report instead of checking the file again (see `cli_with_report` in test_cli.py).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import CliRunner

from proseco_check.cli.app import app
from proseco_check.model.facts import TenderFacts
from proseco_check.model.report import DocumentResult, Finding, Report
from proseco_check.pipeline.check import check_paths
from proseco_check.pipeline.run import Options

if TYPE_CHECKING:  # spaCy loads with the view
    from proseco_check.nlp.view import NlpView

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = REPO_ROOT / "samples"
SAMPLE_FILES = (
    "en_reserved_contract_notice.pdf",
    "es_pcap_limpieza_carente.pdf",
    "es_pcap_limpieza_conforme.pdf",
    "fr_ccap_clause_insertion.docx",
    "fr_ccap_services_carente.docx",
    "fr_ccap_services_conforme.docx",
    "it_disciplinare_carente.docx",
    "it_disciplinare_carente.pdf",
    "it_disciplinare_conforme.docx",
    "it_disciplinare_conforme.pdf",
    "nl_leidraad_groen_carente.docx",
    "nl_leidraad_groen_conforme.docx",
)

# A short Italian call for tenders used by the CLI tests that need a real (fast) check:
# a services contract that names its CCNL but has no clausola sociale (an error rule).
SMALL_TENDER_IT = """\
# Disciplinare di gara

Procedura aperta per l'affidamento in appalto di servizi di pulizia degli edifici comunali.

La stazione appaltante indice una gara con procedura aperta sulla piattaforma telematica.
Gli operatori economici presentano l'offerta entro il termine indicato nel bando.

Il contratto collettivo applicabile al personale impiegato nell'appalto è il CCNL Multiservizi.
"""


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    assert SAMPLES_DIR.is_dir(), f"samples folder missing: {SAMPLES_DIR}"
    return SAMPLES_DIR


# ------------------------------------------------------------------ samples, checked once


@dataclass(frozen=True)
class FileState:
    sha256: str
    size: int
    mtime_ns: int


def file_state(path: Path) -> FileState:
    stat = path.stat()
    return FileState(hashlib.sha256(path.read_bytes()).hexdigest(), stat.st_size,
                     stat.st_mtime_ns)


@dataclass(frozen=True)
class SampleRun:
    path: Path
    report: Report
    before: FileState
    after: FileState

    @property
    def document(self) -> DocumentResult:
        assert not self.report.errors, self.report.errors
        assert len(self.report.documents) == 1
        return self.report.documents[0]

    def statuses(self) -> dict[str, str]:
        return {f.rule: f.status for f in self.document.findings}

    def finding(self, rule: str) -> Finding:
        matches = [f for f in self.document.findings if f.rule == rule]
        assert matches, f"{rule} not evaluated on {self.path.name}: {self.statuses()}"
        return matches[0]


@pytest.fixture(scope="session")
def checked_sample(samples_dir: Path) -> Callable[[str], SampleRun]:
    """`checked_sample("it_disciplinare_conforme.pdf")`: the Report of
    `runner.check_paths` on that sample, computed the first time and cached."""
    cache: dict[str, SampleRun] = {}

    def get(name: str) -> SampleRun:
        if name not in cache:
            path = samples_dir / name
            assert path.is_file(), f"sample missing: {path}"
            before = file_state(path)
            report = check_paths([path], Options())
            cache[name] = SampleRun(path, report, before, file_state(path))
        return cache[name]

    return get


# ------------------------------------------------------------------ running the CLI


@dataclass(frozen=True)
class CliResult:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None = None


@pytest.fixture
def run_cli() -> Callable[..., CliResult]:
    """Run `proseco-check ARGS...` in-process with typer's CliRunner."""

    def run(*args: str | Path) -> CliResult:
        runner = CliRunner()
        result = runner.invoke(app, [str(a) for a in args], env={"NO_COLOR": "1"})
        exception = result.exception if not isinstance(result.exception, SystemExit) else None
        return CliResult(result.exit_code, result.stdout, result.stderr, exception)

    return run


def subprocess_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["NO_COLOR"] = "1"
    env.update(extra)
    return env


@pytest.fixture
def run_cli_subprocess() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `python -m proseco_check ARGS...` in a fresh interpreter (real exit codes)."""

    def run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: float = 180) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "proseco_check", *[str(a) for a in args]],
            capture_output=True, text=True, encoding="utf-8", cwd=cwd or REPO_ROOT,
            env=env or subprocess_env(), timeout=timeout, check=False,
        )

    return run


def cli_command(args: Sequence[str | Path]) -> list[str]:
    return [sys.executable, "-m", "proseco_check", *[str(a) for a in args]]


@pytest.fixture
def small_tender(tmp_path: Path) -> Path:
    path = tmp_path / "disciplinare_breve.md"
    path.write_text(SMALL_TENDER_IT, encoding="utf-8")
    return path


def invoke_cli(*args: str | Path, **env: str | None) -> Any:
    """The CLI in-process, with a neutral environment: no colour, no locale, no GitHub
    Actions, no terminal width; `env` overrides (e.g. COLUMNS="100")."""
    environment: dict[str, str | None] = {"NO_COLOR": "1", "LC_ALL": None,
                                          "LC_MESSAGES": None, "LANG": "C.UTF-8",
                                          "GITHUB_ACTIONS": None, "COLUMNS": None}
    environment.update(env)
    return CliRunner().invoke(app, [str(a) for a in args], env=environment)


@pytest.fixture
def cached(monkeypatch: pytest.MonkeyPatch, checked_sample: Callable[[str], SampleRun]
           ) -> Report:
    """The flawed Italian sample's report, returned by every check_paths call of the test."""
    from proseco_check.pipeline import check as pipeline_check

    report = checked_sample("it_disciplinare_carente.docx").report
    monkeypatch.setattr(pipeline_check, "check_paths", lambda paths, options: report)
    return report


def view_of(*paragraphs: str, lang: str | None = None) -> NlpView:
    """The NLP view of a text file made of these paragraphs."""
    from proseco_check.model.document import Block, Document, Location
    from proseco_check.nlp import build_view

    blocks = [Block(kind="paragraph", text=p, location=Location(paragraph=i + 1))
              for i, p in enumerate(paragraphs)]
    return build_view(Document(path="<t>", format="text", blocks=blocks), lang=lang,
                      allow_trained=False, needs=frozenset())


def view_of_sections(lang: str, *rows: tuple[str | None, str]) -> NlpView:
    """The NLP view of paragraphs each under its heading path: (section, text) pairs."""
    from proseco_check.model.document import Block, Document, Location
    from proseco_check.nlp import build_view

    blocks = [Block(kind="paragraph", text=text,
                    location=Location(paragraph=i + 1, section=section))
              for i, (section, text) in enumerate(rows)]
    return build_view(Document(path="<t>", format="text", blocks=blocks), lang=lang,
                      allow_trained=False, needs=frozenset())


def facts_of(text: str, lang: str) -> TenderFacts:
    """The facts of a short text whose paragraphs are separated by " // "."""
    from proseco_check.facts.registry import extract_facts

    return extract_facts(view_of(*text.split(" // "), lang=lang))


def profile_ids(lang: str, text: str, section: str | None = None) -> list[str]:
    """The profile elements of one sentence (under a section heading, if given)."""
    from proseco_check.clauses.judge import ClauseJudge
    from proseco_check.clauses.selftest import example_view
    from proseco_check.facts.registry import extract_facts
    from proseco_check.profile.build import build_profile

    view = example_view(text, lang, section)
    return [e.id for e in build_profile(ClauseJudge(view), extract_facts(view, {})).elements]
