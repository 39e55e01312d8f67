"""The award_method and reserved facts read the clause vocabulary's verdicts
(clauses/award-*.yaml, clauses/reservation-statement.yaml): each clause is defined once,
so facts, profile and rules cannot disagree about it. No false "reserved": a candidate
declaration form asking whether the candidate is a sheltered workshop, or a concession
mentioning art. 61 in passing, is not a reserved contract."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import view_of, view_of_sections

from proseco_check.clauses.judge import ClauseJudge
from proseco_check.clauses.vocabulary import clause
from proseco_check.facts.common import lexicon
from proseco_check.facts.extract import AWARD_CLAUSES, RESERVATION_CLAUSE
from proseco_check.facts.registry import extract_facts
from proseco_check.nlp import build_view
from proseco_check.profile.build import build_profile
from proseco_check.readers import read_document

SYNTHETIC = Path(__file__).parent / "data" / "synthetic"


def test_the_facts_lexicon_no_longer_defines_these_clauses() -> None:
    assert "award" not in lexicon()
    assert set(lexicon()["reserved"]) == {"res-pub-ser", "it-l381-convention"}


EXAMPLES = [(fact_value, kind, example.lang, example.text, example.section)
            for fact_value, clause_id in AWARD_CLAUSES.items()
            for kind in ("good", "bad")
            for example in getattr(clause(clause_id).examples, kind)]


@pytest.mark.parametrize(("value", "kind", "lang", "text", "section"), EXAMPLES)
def test_award_method_follows_the_clause_examples(value: str, kind: str, lang: str,
                                                  text: str, section: str | None) -> None:
    # (an example under its heading, as the clause self-test reads it)
    view = view_of_sections(lang, (section, text)) if section else view_of(text, lang=lang)
    got = extract_facts(view).value("award_method")
    assert (got == value) == (kind == "good"), got


RESERVATION = [(kind, e.lang, e.text) for kind in ("good", "bad")
               for e in getattr(clause(RESERVATION_CLAUSE).examples, kind)]


@pytest.mark.parametrize(("kind", "lang", "text"), RESERVATION)
def test_reserved_follows_the_clause_examples(kind: str, lang: str, text: str) -> None:
    got = extract_facts(view_of(text, lang=lang)).value("reserved")
    assert (got != "none") == (kind == "good"), got


def test_the_fact_quotes_the_sentence_the_clause_affirmed() -> None:
    view = view_of("Oggetto: servizio di pulizia.",
                   "L'appalto è aggiudicato con il criterio dell'offerta economicamente più "
                   "vantaggiosa sulla base del miglior rapporto qualità/prezzo.")
    judge = ClauseJudge(view)
    fact = extract_facts(view, judge=judge).facts["award_method"]
    affirmed = judge.verdict(AWARD_CLAUSES["best_price_quality"]).affirmed
    assert fact.value == "best_price_quality"
    assert [e.text for e in fact.evidence] == [m.sentence.text for m in affirmed]


@pytest.mark.parametrize(("lang", "paragraphs"), [
    ("fr", ("DC2 - Déclaration du candidat individuel ou du membre du groupement",
            "F - Le candidat est-il une entreprise adaptée ou un établissement et service "
            "d'aide par le travail (ESAT) au sens de l'article L. 2113-12 ? ☐ Oui ☐ Non",
            "Si le marché est réservé, le candidat indique le pourcentage de travailleurs "
            "handicapés ou défavorisés : ........ %")),
    ("it", ("DGUE - Parte II, Sezione A",
            "Se l'appalto è riservato: l'operatore economico è un laboratorio protetto o "
            "un'impresa sociale? ☐ Sì ☐ No",)),
    ("it", ("Disciplinare della concessione in finanza di progetto per la gestione del "
            "centro sportivo comunale, ai sensi dell'art. 193 del D.Lgs. 36/2023.",
            "Per quanto non espressamente previsto si applicano, in quanto compatibili, gli "
            "articoli 61, 94, 95 e 108 del Codice.",
            "Il concessionario può affidare la pulizia degli impianti a cooperative sociali "
            "di tipo B ai sensi della legge 381/1991.")),
    ("en", ("Blue badge holders may use the parking bays reserved for disabled people "
            "near the main entrance.",)),
    ("de", ("Die reservierten Parkplätze für Menschen mit Behinderung sind freizuhalten.",)),
])
def test_forms_concessions_and_parking_are_not_reserved(lang: str,
                                                        paragraphs: tuple[str, ...]) -> None:
    view = view_of(*paragraphs, lang=lang)
    judge = ClauseJudge(view)
    facts = extract_facts(view, judge=judge)
    assert facts.value("reserved") == "none"
    assert build_profile(judge, facts).reserved == "none"


def test_the_dc2_declaration_form_is_not_reserved() -> None:
    view = build_view(read_document(SYNTHETIC / "fr_dc2_declaration_candidat.txt"),
                      allow_trained=False, needs=frozenset())
    assert extract_facts(view).value("reserved") == "none"


def test_a_stated_public_service_mission_reservation_is_res_pub_ser() -> None:
    facts = extract_facts(view_of(
        "La procedura è riservata, ai sensi dell'art. 77 della direttiva 2014/24/UE, ad "
        "organizzazioni che perseguono una missione di servizio pubblico.", lang="it"))
    assert facts.value("reserved") == "res-pub-ser"
    convention = extract_facts(view_of(
        "Il Comune stipula con la cooperativa sociale la convenzione di cui all'art. 5 "
        "della legge 381/1991 per l'inserimento lavorativo di persone svantaggiate.",
        lang="it"))
    assert convention.value("reserved") == "it-l381-convention"
