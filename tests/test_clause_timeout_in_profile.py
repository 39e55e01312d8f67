"""A clause whose expressions run out of time (a busy machine, a catastrophic pattern in a
user's pack) must not end the document: facts and the profile go on without it, the
rules reading it are skipped, and the document's notices name the clause."""

from __future__ import annotations

from pathlib import Path

import pytest

from proseco_check.clauses import judge as judge_module
from proseco_check.clauses.patterns import PatternTimeout
from proseco_check.pipeline.run import Options, analyse_document

TEXT = ("DISCIPLINARE DI GARA\n\n"
        "Art. 1 - Oggetto. Affidamento del servizio di pulizia degli uffici comunali, "
        "CIG B123456789, importo a base di gara euro 120.000,00.\n\n"
        "Art. 2 - Criteri. Offerta economicamente più vantaggiosa: assunzione di giovani e "
        "donne, fino a 10 punti; certificazione della parità di genere, 5 punti.\n\n"
        "Art. 3 - Clausola sociale. L'aggiudicatario assorbe prioritariamente il personale "
        "dell'appaltatore uscente.\n")


def test_a_timed_out_clause_leaves_the_document_checked(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "disciplinare.txt"
    path.write_text(TEXT, encoding="utf-8")
    real_judge = judge_module.judge

    def slow_judge(view, clause, *args, **kwargs):  # type: ignore[no-untyped-def]
        if clause.id == "employment-stability":
            raise PatternTimeout("assorb")
        return real_judge(view, clause, *args, **kwargs)

    monkeypatch.setattr(judge_module, "judge", slow_judge)
    result = analyse_document(path, Options())
    elements = {e.id for e in result.profile.elements}
    assert "employment-stability" not in elements
    assert "social-award-criteria" in elements
    # the notice speaks the document's language (Italian here)
    assert any("employment-stability" in n and "tempo scaduto" in n for n in result.notices)
