"""`outside`: a clause whose sentences belong to another clause's kind. An award criterion
scoring the hiring of disadvantaged people is a social award criterion; only the clause
that makes such hiring binding is the disadvantaged-inclusion commitment."""

from __future__ import annotations

import pytest
from conftest import view_of

from proseco_check.clauses.judge import ClauseJudge, ClauseVerdict, judge
from proseco_check.clauses.schema import Clause
from proseco_check.clauses.vocabulary import clause, register_clause
from proseco_check.errors import PackError
from tests.clause_helpers import clause_data

AWARD_ROW = ("Criterio 3: compromiso de contratar para el servicio a personas desempleadas "
             "de larga duración, 1 punto por persona hasta un máximo de 8 puntos.")
BINDING = ("Los compromisos ofertados en el criterio 3 tendrán el carácter de condición "
           "especial de ejecución: las personas contratadas acreditarán su situación de "
           "exclusión social mediante informe de la entidad que las deriva.")


def test_an_award_criterion_is_not_a_hiring_commitment() -> None:
    view = view_of(AWARD_ROW, lang="es")
    judged = ClauseJudge(view)
    assert judged.verdict("social-award-criterion").present
    assert not judged.verdict("disadvantaged-inclusion").present
    # without the other clause's verdict the same row would count
    assert "social-award-criterion" in clause("disadvantaged-inclusion").outside
    assert judge(view, clause("disadvantaged-inclusion"), ClauseVerdict).present


def test_the_sentence_making_the_offer_binding_is_the_commitment() -> None:
    view = view_of(AWARD_ROW, BINDING, lang="es")
    verdict = ClauseJudge(view).verdict("disadvantaged-inclusion")
    assert [m.sentence.text for m in verdict.affirmed] == [BINDING]


def test_judge_without_a_clause_judge_applies_outside_too() -> None:
    # the clause bank and `clauses test` judge one clause at a time
    assert not judge(view_of(AWARD_ROW, lang="es"), clause("disadvantaged-inclusion")).present


def test_outside_names_a_known_clause() -> None:
    data = clause_data({"en": [{"any": ["widget"]}]}, outside=["no-such-clause"])
    with pytest.raises(PackError, match="no clause 'no-such-clause'"):
        register_clause(Clause.model_validate(data))


def test_outside_may_chain_but_never_cycle() -> None:
    # disadvantaged-inclusion lies outside social-award-criterion, which lies outside the
    # reservation: a chain, each verdict judged once
    chained = clause_data({"en": [{"any": ["widget"]}]}, outside=["disadvantaged-inclusion"])
    register_clause(Clause.model_validate(chained))
    first = Clause.model_validate({**clause_data({"en": [{"any": ["gadget"]}]}),
                                   "id": "test-cycle-a", "outside": ["test-cycle-b"]})
    second = Clause.model_validate({**clause_data({"en": [{"any": ["gizmo"]}]}),
                                    "id": "test-cycle-b", "outside": ["test-cycle-a"]})
    with pytest.raises(PackError, match="a cycle"):
        register_clause(first, siblings={"test-cycle-b": second})
