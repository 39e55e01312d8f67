"""Byte-identical output: the JSON report of every sample and every shared-corpus
document must equal its golden file in tests/golden/ (speed work must not change a byte).

When a change is MEANT to alter reports (rules, facts, wording), regenerate with
    make golden        (= .venv/bin/python scripts/golden.py --update)
and review `git diff tests/golden` before committing.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "golden.py"
_spec = importlib.util.spec_from_file_location("golden_script", _SCRIPT)
assert _spec is not None and _spec.loader is not None
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)

REGENERATE = "if the change is intended, run `make golden` and review `git diff tests/golden`"


def _params(paths: list[Path]) -> list[object]:
    return [pytest.param(p, id=p.name) for p in paths]


@pytest.mark.parametrize("path", _params(golden.sample_documents()))
def test_sample_report_is_unchanged(path: Path) -> None:
    diff = golden.differences(path)
    assert not diff, f"the JSON report of {path.name} changed; {REGENERATE}\n{diff}"


@pytest.mark.skipif(not golden.corpus_documents(), reason="shared corpus absent")
@pytest.mark.parametrize("path", _params(golden.corpus_documents()))
def test_corpus_report_is_unchanged(path: Path) -> None:
    diff = golden.differences(path)
    assert not diff, f"the JSON report of {path.name} changed; {REGENERATE}\n{diff}"


def test_every_sample_has_a_golden_file() -> None:
    names = {golden.golden_name(p) for p in golden.sample_documents()}
    assert names, "no samples found"
    missing = sorted(n for n in names if not (golden.GOLDEN_DIR / n).exists())
    assert not missing, f"no golden file for {missing}; run `make golden`"


def test_a_changed_report_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison can fail: a golden file with one byte changed differs."""
    sample = golden.sample_documents()[0]
    altered = tmp_path / golden.golden_name(sample)
    altered.write_text(golden.golden_path(sample).read_text(encoding="utf-8").replace(
        '"language": "', '"language": "x', 1), encoding="utf-8")
    monkeypatch.setattr(golden, "GOLDEN_DIR", tmp_path)
    diff = golden.differences(sample)
    assert '-      "language": "x' in diff and '+      "language": "' in diff
