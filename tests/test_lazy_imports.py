"""Commands that need no NLP never import spaCy (issue 16: `rules list` and `explain`
within 2.5x of `--help`): a module of the rule engine or the clause matcher importing
spaCy, even for a word list, would cost every such command half a second."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
from proseco_check.entry import main
sys.argv = ["proseco-check", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print("LOADED:" + ",".join(sorted(m for m in ("spacy", "docx", "pypdfium2") if m in sys.modules)))
"""


@pytest.mark.parametrize("args", [["rules", "list"], ["explain", "IT-11-CCNL"], ["--help"]])
def test_commands_without_nlp_import_no_spacy(args: list[str]) -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                          text=True, timeout=120, check=False)
    loaded = done.stdout.strip().splitlines()[-1]
    assert loaded.startswith("LOADED:"), done.stderr[-2000:]
    assert "spacy" not in loaded, f"{args}: {loaded}"
