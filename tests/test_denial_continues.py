"""A denial reaches every pattern's match in the phrase it denies (clauses/patterns.py
`match_any`): "Non è previsto l'assorbimento di addetti di un precedente appaltatore"
states no take-over, although a second pattern matches "precedente appaltatore" far from
the "non". A new clause after a boundary, a pattern that reads negation itself, and a
group named with a negation word ("young people not in education, employment or
training") are not denied. Both directions, several languages."""

from __future__ import annotations

import pytest
from conftest import profile_ids

elements = profile_ids


DENIED_PHRASES = [
    ("it", "Il servizio è di nuova istituzione. Non è quindi previsto l'assorbimento di addetti "
           "di un precedente appaltatore."),
    ("it", "Il servizio è nuovo e non vi è pertanto personale di un appaltatore uscente da "
           "riassorbire."),
    ("it", "Non sussiste alcun obbligo di riassorbimento dei lavoratori del gestore uscente "
           "impiegati nel precedente affidamento."),
]
AFFIRMED_PHRASES = [
    # A boundary ("e", ";") starts a new clause that the denial does not reach.
    ("it", "L'aggiudicatario è tenuto ad assorbire il personale dell'appaltatore uscente; non è "
           "previsto alcun periodo di prova."),
    ("it", "Non sono ammesse varianti e l'aggiudicatario assorbe prioritariamente il personale "
           "del precedente appaltatore."),
    ("en", "Targets: four young people not in education, employment or training recruited "
           "for the contract from the local jobcentre and mentored throughout."),
]


@pytest.mark.parametrize(("lang", "text"), DENIED_PHRASES)
def test_a_denial_reaches_the_rest_of_its_phrase(lang: str, text: str) -> None:
    assert "employment-stability" not in elements(lang, text)


@pytest.mark.parametrize(("lang", "text"), AFFIRMED_PHRASES[:2])
def test_a_new_clause_is_not_denied(lang: str, text: str) -> None:
    assert "employment-stability" in elements(lang, text)


def test_a_group_named_with_a_negation_word_is_not_denied() -> None:
    assert "disadvantaged-employment" in elements(*AFFIRMED_PHRASES[2])
