"""Batch runs: a per-document time budget (--timeout) that ends that file with a one-line
error while the others are checked, in this process and in forked workers; pipelines
built before the workers fork; biggest files first; results in input order."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from proseco_check.cli.app import app
from proseco_check.engine.loader import builtin_packs
from proseco_check.model.report import DocumentError
from proseco_check.nlp.pipeline import build_pipeline
from proseco_check.pipeline import prefork
from proseco_check.pipeline import run as runner
from proseco_check.pipeline.batch import run_batch, time_budget
from proseco_check.pipeline.check import check_paths
from proseco_check.pipeline.run import Options
from tests.conftest import SMALL_TENDER_IT

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _tenders(tmp_path: Path, *names: str) -> list[Path]:
    files = []
    for name in names:
        path = tmp_path / name
        path.write_text(SMALL_TENDER_IT, encoding="utf-8")
        files.append(path)
    return files


@pytest.fixture()
def hanging(monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents whose name holds 'hang' never finish (forked workers inherit this)."""
    real = runner.analyse_document

    def analyse(path: Path, options: Options, packs: Any = None) -> Any:
        if "hang" in path.name:
            while True:
                time.sleep(0.05)
        return real(path, options, packs)

    monkeypatch.setattr(runner, "analyse_document", analyse)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_past_its_budget_is_an_error_and_the_others_go_on(
        tmp_path: Path, hanging: None, jobs: int) -> None:
    files = _tenders(tmp_path, "a.md", "b_hang.md", "c.md")
    report = check_paths(files, Options(jobs=jobs, timeout=1.0))
    assert [Path(d.path).name for d in report.documents] == ["a.md", "c.md"]
    # Said where it happened (in a worker, before any language was known), then again in
    # the report's: the tenders are Italian.
    assert [e.error for e in report.errors] == [
        f"{files[1]}: non verificato: ha superato il tempo massimo di 1 s per documento "
        "(aumentarlo con --timeout); gli altri file sono stati verificati"]
    english = check_paths(files[1:2], Options(jobs=jobs, timeout=1.0, ui_lang="en"))
    assert [e.error for e in english.errors] == [
        f"{files[1]}: not checked: it took longer than the time budget of 1 s per document "
        "(raise it with --timeout); the other files were checked"]


def test_timeout_on_the_command_line_exits_3_with_one_line(tmp_path: Path, hanging: None) -> None:
    files = _tenders(tmp_path, "ok.md", "slow_hang.md")
    result = CliRunner().invoke(app, ["check", "--format", "json", "--fail-on", "never",
                                      "--no-config", "--timeout", "0.5", *map(str, files)])
    assert result.exit_code == 3
    assert result.stderr.strip() == (
        f"proseco-check: {files[1]}: non verificato: ha superato il tempo massimo di 0,5 s per "
        "documento (aumentarlo con --timeout); gli altri file sono stati verificati")
    data = json.loads(result.stdout)
    assert [Path(d["path"]).name for d in data["documents"]] == ["ok.md"]
    assert len(data["errors"]) == 1


def test_a_negative_timeout_is_a_usage_error(tmp_path: Path) -> None:
    files = _tenders(tmp_path, "ok.md")
    result = CliRunner().invoke(app, ["check", "--timeout", "-1", str(files[0])])
    assert result.exit_code == 2
    assert "--timeout" in result.output


def test_the_default_budget_is_five_minutes_and_zero_means_none() -> None:
    assert Options().timeout == 300
    with time_budget(0):
        time.sleep(0.01)  # no alarm armed
    with time_budget(None):
        pass


def test_budget_is_disarmed_after_a_document(tmp_path: Path) -> None:
    """The alarm of one document never fires during the next one or after the run."""
    files = _tenders(tmp_path, "a.md", "b.md")
    outcomes = run_batch(files, [Options(timeout=0.8)] * 2)
    assert not any(isinstance(o, DocumentError) for o in outcomes)
    time.sleep(1.0)  # an armed timer would raise here


def test_largest_files_are_submitted_first(tmp_path: Path) -> None:
    small, big, middle = (tmp_path / n for n in ("s.md", "b.md", "m.md"))
    small.write_text("x" * 10)
    big.write_text("x" * 1000)
    middle.write_text("x" * 100)
    assert prefork.largest_first([small, big, middle, tmp_path / "gone.md"]) == [1, 2, 0, 3]


def test_languages_are_guessed_from_the_first_pages() -> None:
    files = [SAMPLES / "it_disciplinare_carente.pdf", SAMPLES / "fr_ccap_services_carente.docx",
             SAMPLES / "es_pcap_limpieza_carente.pdf"]
    assert prefork.languages(files, [Options()] * 3) == {"it", "fr", "es"}
    assert prefork.languages(files[:1], [Options(lang="nl")]) == {"nl"}
    assert prefork.sample_text(SAMPLES / "missing.pdf") == ""


def test_warm_up_builds_the_pipelines_before_the_fork() -> None:
    """The pipeline a worker will ask for is already in the (inherited) cache."""
    build_pipeline.cache_clear()
    prefork.warm_up([SAMPLES / "nl_leidraad_groen_carente.docx"], [Options()], None)
    info = build_pipeline.cache_info()
    assert info.currsize == 1
    lemmas = any("LEMMA" in r.needs for p in builtin_packs() for r in p.rules)
    build_pipeline("nl", True, lemmas=lemmas)  # as build_view calls it
    assert build_pipeline.cache_info().hits == info.hits + 1


def _drain(schedule: prefork.Schedule, workers: int) -> list[list[int]]:
    """The files each worker takes, the workers asking in turn."""
    built: list[set[str]] = [set() for _ in range(workers)]
    taken: list[list[int]] = [[] for _ in range(workers)]
    asking = list(range(workers))
    while asking:
        for w in list(asking):
            i = schedule.next_for(built[w])
            if i is None:
                asking.remove(w)
            else:
                taken[w].append(i)
    return taken


def test_each_language_goes_to_one_worker_unless_it_is_most_of_the_work(tmp_path: Path) -> None:
    files = []
    for n, size in enumerate([50, 40, 30, 20, 10]):
        files.append(tmp_path / f"{n}.md")
        files[-1].write_text("x" * size)
    # Mixed: no language over half the work, so none is built before the fork and each
    # worker keeps to the languages it started, biggest file first.
    mixed = prefork.Schedule(files, ["it", "fr", "fr", "it", "es"], jobs=2)
    assert mixed.shared == set()
    assert _drain(mixed, 2) == [[0, 3, 4], [1, 2]]
    # One language holds most of the work: built once in the parent, shared by both.
    mostly = prefork.Schedule(files, ["it", "it", "it", "fr", "it"], jobs=2)
    assert mostly.shared == {"it"}
    assert sorted(i for taken in _drain(mostly, 2) for i in taken) == [0, 1, 2, 3, 4]
