"""Tender facts on short documents: contract type (text and CPV), buyer level, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from proseco_check.engine.conditions import Condition
from proseco_check.facts.cpv import contract_type_of as cpv_contract_type
from proseco_check.facts.registry import extract_facts
from proseco_check.model.document import Block, Document, Location
from proseco_check.nlp import build_view


def _facts(*paragraphs: str, lang: str = "it"):
    blocks = [Block(kind="paragraph", text=p, location=Location(paragraph=i + 1))
              for i, p in enumerate(paragraphs)]
    view = build_view(Document(path="<t>", format="text", blocks=blocks), lang=lang,
                      allow_trained=False, needs=frozenset())
    return extract_facts(view)


@pytest.mark.parametrize(("code", "kind"), [("45454000", "works"), ("33190000", "supplies"),
                                            ("48000000", "supplies"), ("71221000", "services"),
                                            ("01000000", None)])
def test_cpv_division_gives_the_contract_type(code: str, kind: str | None) -> None:
    assert cpv_contract_type(code) == kind


def test_cpv_decides_when_the_text_does_not() -> None:
    facts = _facts("Oggetto: protesi per endoscopia in conto deposito.",
                   "CPV principale: 33190000-8.")
    assert facts.value("contract_type") == "supplies"
    assert facts.facts["contract_type"].source == "derived"


def test_the_italian_word_sia_is_not_the_acronym_sia() -> None:
    facts = _facts("Appalto di fornitura di arredi scolastici, sia per le aule sia per i "
                   "laboratori, CPV 39160000-1.")
    assert facts.value("contract_type") == "supplies"


def test_a_ministry_named_in_a_decree_is_not_the_buyer() -> None:
    text = ["Stazione appaltante: Comune di Borgo, Piazza del Municipio 1.",
            *(f"Paragrafo {i} del disciplinare di gara." for i in range(10)),
            "Si applicano i criteri del decreto del Ministero dell'Ambiente del 23 giugno 2022."]
    assert _facts(*text).value("buyer_level") == "sub-central"
    assert _facts("Stazione appaltante: Ministero della Giustizia, via Arenula 70.",
                  ).value("buyer_level") == "central"


def test_unquoted_yaml_dates_in_conditions_compare_as_iso_text() -> None:
    condition = Condition({"procedure_launch_date": {"gte": dt.date(2026, 8, 22)}})
    assert condition.evaluate({"procedure_launch_date": "2026-09-01"}) is True
    assert condition.evaluate({"procedure_launch_date": "2026-08-21"}) is False


def test_thresholds_follow_the_launch_date_not_today() -> None:
    from proseco_check.facts.reference_data import eu_threshold

    assert eu_threshold("services", "sub-central", dt.date(2025, 6, 1)) == 221000
    assert eu_threshold("services", "sub-central", dt.date(2026, 6, 1)) == 216000
    assert eu_threshold("works", "central", None) == 5404000  # unknown: latest period


def test_no_launch_date_says_which_threshold_period_was_assumed() -> None:
    facts = _facts("Appalto di servizi di pulizia degli uffici comunali.",
                   "Valore stimato dell'appalto: euro 218.000,00 IVA esclusa.")
    fact = facts.facts["eu_threshold_eur"]
    assert fact.value == 216000 and fact.source == "default"
    assert "2026-01-01" in fact.evidence[0].text and "assumed" in fact.evidence[0].text
    assert facts.value("above_eu_threshold") is True


def test_every_fact_has_one_unit_a_type_and_a_label() -> None:
    """The registry gives exactly the facts of FACT_TYPES (one text unit each; is_tender
    is also derived again when the user names the kind), each needs only facts given
    before it, and each has its catalogue label (model/messages.py, fact.<name>)."""
    from proseco_check.facts.registry import DERIVED, UNITS
    from proseco_check.model.facts import FACT_TYPES
    from proseco_check.model.i18n import MESSAGES

    given: list[str] = []
    for unit in UNITS:
        assert all(n in given for n in unit.needs), (unit.gives, unit.needs)
        given.extend(unit.gives)
    assert sorted(given) == sorted(set(given))  # one text unit per fact
    for derived in DERIVED:
        assert all(n in given for n in derived.needs), (derived.gives, derived.needs)
        given.append(derived.gives)
    assert set(given) == set(FACT_TYPES)
    assert [n for n in FACT_TYPES if f"fact.{n}" not in MESSAGES] == []
