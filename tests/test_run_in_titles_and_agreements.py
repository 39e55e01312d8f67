"""Traps found by blind sets 39-42, written here in other words: a short title run into
its paragraph names a topic and states nothing (the paragraph does); a protocol of intent
between a buyer and the unions procures nothing; a reservation worded "limited to",
"restricted to", "se circunscribe"; supply-chain conditions "niet gesteld"."""

from __future__ import annotations

import pytest
from conftest import facts_of, view_of, view_of_sections

from proseco_check.clauses.judge import ClauseJudge


@pytest.mark.parametrize("lang, text", [
    ("es", "7.4 Subrogación. El contrato es de nueva creación y no existe personal que deba "
           "ser subrogado."),
    ("it", "C.2) Personale uscente. Il servizio è oggi svolto in economia da dipendenti "
           "comunali, che restano in servizio presso l'ente."),
    ("en", "4.3 Transfer of staff. The service is new and no employee of an incumbent will "
           "work on it."),
])
def test_a_run_in_title_is_not_the_clause(lang: str, text: str) -> None:
    assert not ClauseJudge(view_of(text, lang=lang)).verdict("employment-stability").present


def test_the_paragraph_after_a_run_in_title_still_counts() -> None:
    text = ("4.3 Transfer of staff. The Contractor shall offer employment to the cleaners "
            "of the outgoing contractor on their current terms under TUPE.")
    found = ClauseJudge(view_of(text, lang="en")).verdict("employment-stability").affirmed
    assert [m.sentence.text[:15] for m in found] == ["The Contractor "]


@pytest.mark.parametrize("lang, title", [
    ("it", "PROTOCOLLO D'INTESA // tra il Comune e le organizzazioni sindacali sulla qualità "
           "del lavoro negli appalti // Le parti concordano che i bandi applicheranno il CCNL "
           "di settore e la clausola sociale; gli appalti saranno aggiudicati all'offerta "
           "economicamente più vantaggiosa."),
    ("fr", "PROTOCOLE D'ACCORD // entre la commune et les syndicats sur les marchés publics // "
           "Les parties conviennent que les marchés comporteront une clause sociale "
           "d'insertion et seront attribués à l'offre économiquement la plus avantageuse."),
    ("en", "Memorandum of Understanding // between the Council and the trade unions on "
           "contracted services // The parties agree that future invitations to tender will "
           "require the Real Living Wage and be awarded on the most economically advantageous "
           "tender."),
])
def test_a_protocol_with_the_unions_procures_nothing(lang: str, title: str) -> None:
    assert facts_of(title, lang).value("document_kind") == "non-procurement"


@pytest.mark.parametrize("lang, text", [
    # a competition limited, restricted or confined to sheltered operators
    ("fr", "L'accès au lot 1 est limité aux établissements et services d'aide par le "
           "travail, en application de l'article L. 2113-12."),
    ("fr", "La présente consultation est restreinte aux structures d'insertion par l'activité "
           "économique (article L. 2113-13)."),
    ("es", "La participación en la licitación se circunscribe a las empresas de inserción "
           "de la Ley 44/2007 (disposición adicional cuarta de la LCSP)."),
    # destined to, or only these may bid
    ("it", "In attuazione dell'art. 61 del Codice, l'affidamento è destinato unicamente alle "
           "cooperative sociali di tipo B."),
    ("es", "De acuerdo con el acuerdo plenario que fija los porcentajes mínimos de reserva, "
           "únicamente podrán licitar los centros especiales de empleo de iniciativa social."),
])
def test_reservations_said_without_the_word_reserved(lang: str, text: str) -> None:
    assert facts_of(text, lang).value("reserved") == "res-ws"


def test_supply_chain_conditions_not_set_are_denied() -> None:
    text = ("Eisen aan de arbeidsomstandigheden in de productieketen (ILO-conventies) worden "
            "bij deze opdracht niet gesteld.")
    assert not ClauseJudge(view_of(text, lang="nl")).verdict("ethical-supply-chain").present


@pytest.mark.parametrize("lang, title", [
    ("it", "NOTA A SENTENZA // Consiglio di Stato, sez. V, sentenza n. 210/2026 // La clausola "
           "sociale del bando non impone l'assunzione di tutto il personale uscente; "
           "l'appalto era aggiudicato all'offerta economicamente più vantaggiosa."),
    ("fr", "Note sous arrêt // CE, 3 mars 2026, Commune de X // Le pouvoir "
           "adjudicateur avait réservé le marché aux entreprises adaptées; le marché public "
           "était attribué à l'offre économiquement la plus avantageuse."),
])
def test_a_case_note_on_a_judgment_is_no_tender(lang: str, title: str) -> None:
    assert facts_of(title, lang).value("document_kind") == "non-procurement"


def test_a_reservation_declined_after_the_article() -> None:
    text = ("Van de mogelijkheid van artikel 2.82 Aanbestedingswet 2012 (voorbehouden "
            "opdrachten) wordt bij deze opdracht geen gebruik gemaakt.")
    assert facts_of(text, "nl").value("reserved") == "none"


def test_standard_terms_that_apply_are_no_supply_chain_clause() -> None:
    text = ("The authority's standard terms and conditions for supplies apply, including the "
            "clause on compliance with the Modern Slavery Act 2015 and the Bribery Act 2010.")
    assert not ClauseJudge(view_of(text, lang="en")).verdict("ethical-supply-chain").present


@pytest.mark.parametrize("lang, text", [
    ("de", "Eine Übernahme des bisherigen Personals kommt bei diesem Auftrag nicht in Betracht."),
    ("nl", "Een verplichting tot overname van het zittende personeel geldt voor deze opdracht "
           "niet."),
])
def test_a_staff_take_over_ruled_out(lang: str, text: str) -> None:
    assert not ClauseJudge(view_of(text, lang=lang)).verdict("employment-stability").present


def test_the_supplier_obeying_the_modern_slavery_act_is_no_supply_chain_clause() -> None:
    text = "Tenderers shall comply with the Modern Slavery Act 2015 where it applies to them."
    assert not ClauseJudge(view_of(text, lang="en")).verdict("ethical-supply-chain").present


def test_a_clause_under_a_not_applicable_heading_is_denied() -> None:
    text = "Overname van personeel en een bepaalde cao zijn hier niet aan de orde."
    view = view_of_sections(
        "nl", ("6. Sociale voorwaarden die niet van toepassing zijn", text))
    assert not ClauseJudge(view).verdict("employment-stability").present


def test_obeying_the_scottish_act_in_its_own_business_is_no_supply_chain_clause() -> None:
    text = ("The Supplier shall comply with the Human Trafficking and Exploitation (Scotland) "
            "Act 2015 within its own organisation and report any offence.")
    assert not ClauseJudge(view_of(text, lang="en")).verdict("ethical-supply-chain").present
