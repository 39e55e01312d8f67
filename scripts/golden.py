"""Golden JSON reports: the exact output of `check --format json` for every sample and
every shared-corpus document, so a speed change that alters a single byte is caught.

    python scripts/golden.py --update          # rewrite tests/golden/*.json
    python scripts/golden.py --check           # compare, list the documents that differ
    python scripts/golden.py --update NAME...  # only the documents whose file name matches

tests/test_golden.py runs the comparison. When a change of rules, facts or wording is
meant to change the reports, regenerate the goldens with `--update` (or `make golden`)
and review the diff with `git diff tests/golden`.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DIR = ROOT / "tests" / "golden"
SAMPLES_DIR = ROOT / "samples"
CORPUS_DIR = Path(os.environ.get("PROSECO_CORPUS", "/work/shared/corpus/real"))
_SUFFIXES = {".pdf", ".docx", ".txt", ".md"}
# The exact command line of every golden report (besides the path).
CHECK_ARGS = ["check", "--format", "json", "--fail-on", "never", "--no-config"]


def _documents(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in _SUFFIXES and p.stem.upper() != "README")


def sample_documents() -> list[Path]:
    return _documents(SAMPLES_DIR)


def corpus_documents() -> list[Path]:
    return _documents(CORPUS_DIR)


def golden_name(path: Path) -> str:
    kind = "samples" if path.parent == SAMPLES_DIR else "corpus"
    return f"{kind}__{path.name}.json"


def golden_path(path: Path) -> Path:
    return GOLDEN_DIR / golden_name(path)


def display_path(path: Path) -> str:
    """Samples by their path from the repository root, so the report does not depend on
    where the checkout lives; corpus documents by their absolute path."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


@contextmanager
def _in_root() -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(previous)


def report_json(path: Path) -> str:
    """The JSON report of one document, as the command line prints it."""
    from typer.testing import CliRunner

    from proseco_check.cli.app import app

    with _in_root():
        result = CliRunner().invoke(app, [*CHECK_ARGS, display_path(path)])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise RuntimeError(f"{path}: {type(result.exception).__name__}: {result.exception}")
    return result.stdout


def differences(path: Path) -> str:
    """'' when the report matches its golden file, else a short unified diff."""
    golden = golden_path(path)
    if not golden.exists():
        return f"{golden} is missing"
    expected = golden.read_text(encoding="utf-8")
    actual = report_json(path)
    if actual == expected:
        return ""
    diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                str(golden), f"now: {display_path(path)}", lineterm="", n=2)
    return "\n".join(list(diff)[:60])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--update", action="store_true", help="rewrite the golden files")
    mode.add_argument("--check", action="store_true", help="compare with the golden files")
    parser.add_argument("names", nargs="*", help="only documents whose file name contains one")
    args = parser.parse_args(argv)
    documents = [p for p in sample_documents() + corpus_documents()
                 if not args.names or any(n in p.name for n in args.names)]
    if not corpus_documents():
        print(f"note: {CORPUS_DIR} is absent; only the samples are covered", file=sys.stderr)
    failed = 0
    for path in documents:
        if args.update:
            GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
            golden_path(path).write_text(report_json(path), encoding="utf-8")
            print(f"wrote {golden_path(path).relative_to(ROOT)}")
            continue
        diff = differences(path)
        if diff:
            failed += 1
            print(f"DIFFERS {display_path(path)}\n{diff}\n")
        else:
            print(f"same    {display_path(path)}")
    if args.check:
        print(f"{len(documents) - failed} of {len(documents)} reports match their golden file")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
