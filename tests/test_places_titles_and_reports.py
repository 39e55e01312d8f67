"""Traps found by blind sets 23-26, written here in other words: places and seats
reserved for people, another contract that was reserved, a topic's title alone, the staff
who accompany disabled users, an audit report or a supplier guide about procurement, and
works bought under a grant scheme."""

from __future__ import annotations

import pytest
from conftest import facts_of, profile_ids, view_of

from proseco_check.clauses.judge import ClauseJudge


@pytest.mark.parametrize("lang, text", [
    ("it", "Il primo pontile (ormeggi da 1 a 8) è riservato alle persone con disabilità e "
           "ai loro accompagnatori."),
    ("fr", "Le premier ponton (anneaux 1 à 8) est réservé aux personnes handicapées."),
    ("en", "The first pontoon (berths 1-8) is reserved for disabled people and carers."),
    ("es", "El primer pantalán (amarres 1 a 8) está reservado a las personas con discapacidad."),
    ("nl", "De eerste steiger (ligplaatsen 1-8) is voorbehouden aan personen met een beperking."),
    ("de", "Der erste Steg (Liegeplätze 1-8) ist vorbehalten für Menschen mit Behinderung."),
    ("it", "La pulizia dei servizi igienici è stata oggetto di un altro appalto, riservato alle "
           "cooperative sociali di tipo B ai sensi dell'art. 61."),
    ("fr", "Le nettoyage des vitres relève d'un marché distinct (n° 2024-07), réservé aux "
           "entreprises adaptées en application de l'article L. 2113-12."),
    ("en", "Grounds maintenance was let under a separate contract, reserved for supported "
           "businesses under regulation 20."),
])
def test_places_for_people_and_other_contracts_are_not_this_reservation(lang: str,
                                                                          text: str) -> None:
    assert facts_of(text, lang).value("reserved") in (None, "none")


def test_a_topic_title_alone_is_no_supply_chain_clause() -> None:
    title_then_nothing = ("7.2 Child labour. Bidders confirm they comply with the law of "
                          "their country; nothing further is asked of suppliers.")
    title_then_duty = ("7.2 Child labour. The Supplier shall ensure that no child labour is "
                       "used at any factory producing the goods and shall allow audits.")
    judged = ClauseJudge(view_of(title_then_nothing, lang="en"))
    assert not judged.verdict("ethical-supply-chain").present
    judged = ClauseJudge(view_of(title_then_duty, lang="en"))
    assert judged.verdict("ethical-supply-chain").present


def test_staff_who_accompany_disabled_users_are_not_an_inclusion_commitment() -> None:
    text = ("Il gestore impiega nei giorni festivi almeno un addetto formato alla "
            "accompagnamento di persone con disabilità visiva durante le visite.")
    assert "disadvantaged-employment" not in profile_ids("it", text)


def test_german_social_conditions_not_set_are_denied() -> None:
    text = ("Besondere soziale Ausführungsbedingungen (etwa die Beschäftigung von "
            "Langzeitarbeitslosen) werden nicht gestellt.")
    assert "disadvantaged-employment" not in profile_ids("de", text)


@pytest.mark.parametrize("lang, title", [
    ("nl", "Evaluatierapport // Sociaal inkopen in de gemeente 2022-2024 // De "
           "aanbestedende dienst paste in twaalf Europese aanbestedingen social return toe; "
           "de inschrijvers kregen punten bij de gunning op de beste prijs-kwaliteitverhouding "
           "en de opdrachtnemer rapporteerde via de PSO."),
    ("en", "Audit report // Social value in council contracts, 2024-2025 // The contracting "
           "authority applied a 10 % social value weighting in most invitations to tender; "
           "tenderers were scored and each contract was awarded to the most economically "
           "advantageous tender under the Public Contracts Regulations 2015."),
    ("en", "Guide for suppliers // How the district buys // Contracts above the threshold "
           "are advertised as invitations to tender; tenderers are scored and the contract is "
           "awarded to the most economically advantageous tender under the Public Contracts "
           "Regulations 2015."),
])
def test_reports_and_guides_about_procurement_are_no_tender(lang: str, title: str) -> None:
    assert facts_of(title, lang).value("document_kind") == "non-procurement"


def test_a_declaration_of_no_procurement_procedure() -> None:
    text = ("Notice to local businesses // This note does not create any procurement "
            "procedure; contracts are advertised separately and awarded to tenderers.")
    assert facts_of(text, "en").value("document_kind") == "non-procurement"


def test_works_bought_under_a_grant_scheme_are_procurement() -> None:
    text = ("INVITATION TO TENDER // Framework Agreement for Roof Repair Works to Dwellings "
            "under the Home Energy Grant Scheme // The contracting authority invites "
            "tenders from economic operators; the contract is awarded to the most "
            "economically advantageous tender.")
    assert facts_of(text, "en").value("document_kind") != "non-procurement"


@pytest.mark.parametrize("lang, text, kind", [
    # the share of disabled workers that qualifies the admitted operators is no definition
    ("fr", "En application de l'article 15 de la loi du 17 juin 2016, le présent marché est "
           "réservé aux entreprises de travail adapté dont au moins 30 % des travailleurs "
           "sont des personnes handicapées.", "res-ws"),
    ("fr", "Conformément à l'article L. 2113-12, seules peuvent se porter candidates les "
           "entreprises adaptées et les ESAT.", "res-ws"),
    ("es", "Participación: limitada a las entidades de la D.A. 48.ª de la LCSP.", "res-pub-ser"),
])
def test_reservations_in_other_words(lang: str, text: str, kind: str) -> None:
    assert facts_of(text, lang).value("reserved") == kind


def test_a_reservation_route_not_taken_is_no_inclusion_commitment() -> None:
    text = ("El contrato no se acoge a la disposición adicional cuarta (centros especiales de "
            "empleo y empresas de inserción).")
    assert "disadvantaged-employment" not in profile_ids("es", text)


def test_a_label_said_not_to_be_scored_earns_no_points() -> None:
    text = ("Criterios de adjudicación: el distintivo de Igualdad en la Empresa (DIE) y las "
            "medidas de conciliación no serán objeto de puntuación en este procedimiento.")
    assert "gender-equality-certification" not in profile_ids("es", text)


def test_forced_labour_indicators_are_not_staff_retention() -> None:
    text = ("Where an audit finds the retention of identity papers or recruitment fees "
            "charged to affected workers, the Supplier shall repay them within 30 days.")
    assert "employment-stability" not in profile_ids("en", text)


@pytest.mark.parametrize("lang, text", [
    ("it", "CIG 0000000000 - Importo a base di gara: € 52.300,00 - Durata: 24 mesi"),
    ("it", "Il valore dell'appalto è stimato in € 96.000,00 per 24 mesi, IVA esclusa."),
    ("es", "C. Presupuesto ..... 40.000,00 euros D. Duración .......... 24 meses desde la "
           "firma."),
])
def test_a_term_after_another_label_or_an_amount(lang: str, text: str) -> None:
    assert facts_of(text, lang).value("duration_months") == 24


@pytest.mark.parametrize("lang, text", [
    ("de", "PRESSEMITTEILUNG Nr. 7/2027 // Die Stadtwerke haben im offenen Verfahren nach "
           "der VgV den öffentlichen Auftrag für die Reinigung vergeben: Der Zuschlag ging an "
           "das wirtschaftlichste Angebot von drei Bietern, die Vergabeunterlagen und die "
           "Leistungsbeschreibung stehen auf der Vergabeplattform."),
    ("en", "PRESS RELEASE // The contracting authority has awarded its grounds maintenance "
           "contract after an open procedure under the Public Contracts Regulations 2015: "
           "six tenderers answered the invitation to tender and the most economically "
           "advantageous tender won."),
    ("de", "Informationen für Unternehmen // Diese Mitteilung ist keine Ausschreibung. Das "
           "offene Verfahren nach der VgV folgt im Frühjahr; Bieter erhalten dann die "
           "Vergabeunterlagen, der Zuschlag geht an das wirtschaftlichste Angebot."),
])
def test_press_releases_and_newsletters_are_no_tender(lang: str, text: str) -> None:
    assert facts_of(text, lang).value("document_kind") == "non-procurement"


@pytest.mark.parametrize("lang, text, kind", [
    # an accent written as an apostrophe ("e'" for "è") still denies
    ("it", "L'affidamento NON e' riservato ai sensi dell'art. 61 del Codice.", "none"),
    ("it", "La sala polivalente e' riservata, il sabato, alle attivita' delle associazioni di "
           "persone con disabilita'.", None),
    ("it", "Ai sensi dell'art. 61 del D.Lgs. 36/2023 sono ammessi a presentare offerta "
           "unicamente le cooperative sociali di tipo B e i loro consorzi.", "res-ws"),
    ("nl", "Dit perceel staat uitsluitend open voor sociale werkplaatsen (artikel 2.82 "
           "Aanbestedingswet 2012).", "res-ws"),
])
def test_reservations_stated_and_denied(lang: str, text: str, kind: str | None) -> None:
    assert facts_of(text, lang).value("reserved") in ((kind,) if kind else (None, "none"))


def test_a_rule_said_to_be_outside_the_contract_states_no_clause() -> None:
    outside = ("Headstones placed in the cemetery must be made without child labour within "
               "the meaning of ILO Convention No. 182. This rule applies to plot holders. "
               "Headstones are outside the scope of this framework.")
    inside = ("The Supplier shall ensure that the headstones are made without child labour "
              "within the meaning of ILO Convention No. 182 and shall allow factory audits.")
    assert "ethical-supply-chain" not in profile_ids("en", outside)
    assert "ethical-supply-chain" in profile_ids("en", inside)


@pytest.mark.parametrize("lang, text, element", [
    ("de", "Zuschlagskriterien: Das Prädikat TOTAL E-QUALITY wird erfragt, hat aber keinen "
           "Einfluss auf die Wertung der Angebote.", "gender-equality-certification"),
    ("fr", "Le cas échéant, l'application éventuelle de l'article L. 1224-1 du code du "
           "travail aux salariés du prestataire sortant relève de la seule loi.",
     "employment-stability"),
])
def test_no_bearing_on_the_award_and_the_law_s_own_effect(lang: str, text: str,
                                                          element: str) -> None:
    assert element not in profile_ids(lang, text)


def test_a_guide_for_other_contracts_and_items_not_scored() -> None:
    text = ("La guía de compra ética del ayuntamiento, que exige los convenios fundamentales "
            "de la OIT en la fabricación, se aplica a los contratos de uniformes y no a este "
            "contrato.")
    assert "ethical-supply-chain" not in profile_ids("es", text)
    text = ("Criterios: la memoria de responsabilidad social y el plan de igualdad se "
            "presentan en el sobre 1 y no se puntúan (0 puntos).")
    assert "social-award-criteria" not in profile_ids("es", text)


@pytest.mark.parametrize("lang, text", [
    ("fr", "SCHÉMA DE PROMOTION DES ACHATS SOCIALEMENT ET ÉCOLOGIQUEMENT RESPONSABLES "
           "2027-2030 // Délibération n° 12 // Le conseil adopte les objectifs "
           "d'achat : marchés réservés aux ESAT, clauses d'insertion dans les marchés publics "
           "de travaux, critères d'attribution sociaux dans les appels d'offres ; pour le "
           "pouvoir adjudicateur, les candidats et soumissionnaires "
           "remettent leurs offres selon le règlement de la consultation, en procédure "
           "adaptée ou en procédure ouverte, et le titulaire est l'offre la mieux-disante."),
    ("en", "Corporate Procurement Plan 2027-2029 // The contracting authority will "
           "consider reserving contracts for supported businesses and will include social "
           "clauses in its invitations to tender under the Public Procurement Regulations; "
           "tenderers are scored and contracts awarded to the most economically "
           "advantageous tender."),
])
def test_purchasing_plans_are_no_tender(lang: str, text: str) -> None:
    assert facts_of(text, lang).value("document_kind") == "non-procurement"


def test_a_bestek_named_after_the_buyer_on_the_same_line_is_a_specification() -> None:
    """The title block runs into one sentence; "BESTEK" in capitals still names it."""
    text = ("GEMEENTE ZUIDHOVEN – Autonoom Gemeentebedrijf Sport BESTEK nr. S/2027/05 Concessie "
            "van diensten voor de uitbating van de cafetaria van het sportcentrum // "
            "De concessiehouder baat de cafetaria uit tijdens de openingsuren.")
    assert facts_of(text, "nl").value("document_kind") == "capitolato"
