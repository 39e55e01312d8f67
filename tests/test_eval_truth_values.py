"""A truth file may state hiring quotas by their values, by `true` (present, values not
given) or by `false`/null (none): `eval` reads all four, never with a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from proseco_check.cli.app import app

QUOTAS = ("Disciplinare di gara. L'aggiudicatario assicura una quota pari al 30 per cento "
          "delle assunzioni necessarie all'esecuzione del contratto all'occupazione giovanile "
          "e all'occupazione femminile (art. 57 del D.Lgs. 36/2023).\n")
NONE = "Disciplinare di gara. Il servizio di pulizia dura 24 mesi.\n"


@pytest.mark.parametrize(("text", "stated", "agrees"), [
    (QUOTAS, "{women: 30, youth: 30}", True),
    (QUOTAS, "true", True),
    (NONE, "false", True),
    (NONE, "null", True),
    (NONE, "true", False),
])
def test_quotas_stated_by_values_true_false_or_null(tmp_path: Path, text: str, stated: str,
                                                     agrees: bool) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "it_disciplinare.txt").write_text(text, encoding="utf-8")
    (tmp_path / "truth.yaml").write_text(
        f"docs:\n  it_disciplinare.txt:\n    hiring_quotas: {stated}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "docs"), "--truth",
                                      str(tmp_path / "truth.yaml")])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert ("DISAGREE it_disciplinare.txt hiring_quotas:" in result.output) is not agrees
