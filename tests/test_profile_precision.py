"""Precision of two profile elements on the kinds of sentence that name their words and
commit to nothing, in several languages: disabled or vulnerable people as the users of
the service, a tie-break between equal bids, a reservation not made, the legal quota of
disabled workers, status boxes on forms (disadvantaged employment); a bare Modern
Slavery Act statement, an exclusion ground, a code of ethics, a policy asked for
information only (ethical supply chain). Each trap has a real clause beside it."""

from __future__ import annotations

import pytest
from conftest import profile_ids

elements = profile_ids


DISADVANTAGED_TRAPS = [
    ("es", "Criterios de desempate: se aplicará el artículo 147.2 LCSP, mayor porcentaje de "
           "trabajadores con discapacidad en la plantilla.", None),
    ("es", "a) Mayor porcentaje de trabajadores con discapacidad en la plantilla de cada "
           "empresa.", "5.4 Criterios de desempate"),
    ("en", "The contract is not reserved under regulation 20 to sheltered workshops or economic "
           "operators whose main aim is the social and professional integration of disabled or "
           "disadvantaged persons.", None),
    ("it", "Il personale riceve una formazione di 12 ore sulla relazione con persone con "
           "disabilità intellettiva.", None),
    ("it", "Il servizio consiste in interventi educativi a favore di minori in condizione di "
           "fragilità e di inclusione sociale dei minori nei contesti scolastici.", None),
    ("fr", "Le titulaire assure l'accueil des personnes handicapées au guichet du service "
           "public.", None),
    ("it", "Il concorrente dichiara di aver assolto agli obblighi di assunzione di cui alla legge "
           "12 marzo 1999, n. 68, relativi ai lavoratori con disabilità.", None),
    ("it", "Natura del concorrente: ☒ cooperativa sociale di tipo B con lavoratori svantaggiati "
           "(dato a fini statistici).", None),
]

DISADVANTAGED_CLAUSES = [
    ("es", "El contratista se obliga a contratar para la ejecución a dos personas con "
           "discapacidad."),
    ("en", "The Supplier shall deliver the services with a team in which at least four people "
           "are disabled or disadvantaged employees."),
    ("it", "L'appaltatore assume due persone con disabilità per l'intera durata del contratto."),
    ("fr", "Le titulaire réalise 500 heures d'insertion au profit de personnes éloignées de "
           "l'emploi."),
]


@pytest.mark.parametrize(("lang", "text", "section"), DISADVANTAGED_TRAPS)
def test_disadvantaged_employment_traps(lang: str, text: str, section: str | None) -> None:
    assert "disadvantaged-employment" not in elements(lang, text, section)


@pytest.mark.parametrize(("lang", "text"), DISADVANTAGED_CLAUSES)
def test_disadvantaged_employment_clauses(lang: str, text: str) -> None:
    assert "disadvantaged-employment" in elements(lang, text)


ETHICAL_TRAPS = [
    ("en", "Tenderers with a turnover of £36 million or more must confirm that their modern "
           "slavery statement under section 54 is published."),
    ("en", "The Supplier shall comply with the Modern Slavery Act 2015."),
    ("it", "f) sfruttamento del lavoro minorile e altre forme di tratta di esseri umani definite "
           "con il decreto legislativo 4 marzo 2014, n. 24;"),
    ("it", "L'appaltatore rispetta il codice etico dell'Ente, che si estende ai fornitori e "
           "subappaltatori."),
    ("en", "Bidders may attach their responsible sourcing policy for information only; it will "
           "not be scored."),
]

ETHICAL_CLAUSES = [
    ("en", "The Supplier shall map its supply chains and remedy any modern slavery found, "
           "reporting each year in its slavery and human trafficking statement."),
    ("en", "The Supplier shall comply with the Modern Slavery Act 2015 and shall not use forced "
           "labour in its supply chain."),
    ("it", "L'appaltatore garantisce che nella filiera dei beni forniti non si faccia ricorso a "
           "lavoro minorile."),
]


@pytest.mark.parametrize(("lang", "text"), ETHICAL_TRAPS)
def test_ethical_supply_chain_traps(lang: str, text: str) -> None:
    assert "ethical-supply-chain" not in elements(lang, text)


@pytest.mark.parametrize(("lang", "text"), ETHICAL_CLAUSES)
def test_ethical_supply_chain_clauses(lang: str, text: str) -> None:
    assert "ethical-supply-chain" in elements(lang, text)
