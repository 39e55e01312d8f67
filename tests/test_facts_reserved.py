"""The reserved fact never reports a reservation that is not there: a false reservation
tells ordinary firms they may not bid. Sentences that say a reservation's words but
reserve nothing (the `exclude` list of the clause reservation-statement) do not count, in
every pack language; true reservations, written in several ways, stay."""

from __future__ import annotations

import pytest

from proseco_check.facts.registry import extract_facts
from proseco_check.model.document import Block, Document, Location
from proseco_check.nlp import build_view


def _reserved(text: str, lang: str) -> object:
    blocks = [Block(kind="paragraph", text=p, location=Location(paragraph=i + 1))
              for i, p in enumerate(text.split(" // "))]
    view = build_view(Document(path="<t>", format="text", blocks=blocks), lang=lang,
                      allow_trained=False, needs=frozenset())
    return extract_facts(view).value("reserved")


# Classes: a form field or instruction that applies only if the notice reserves the
# contract; the winning firm or concessionaire reserving hours, hires or jobs (an
# execution clause); a field answered no, even with the legal basis between label and
# answer; "not reserved"; the reservation not used or said not to apply (a concession
# citing the article in passing); the law's yearly quotas described; reserved contracts
# awarded in the past (a report).
NOT_RESERVED = [
    # the contractor's own convention with a type-B co-operative, a way of performing
    ("it", "Condizione di esecuzione: il concessionario impiega almeno due persone svantaggiate "
           "ai sensi dell'art. 4 della L. 381/1991, direttamente o tramite convenzione con una "
           "cooperativa sociale di tipo B iscritta all'albo regionale."),
    # a walkway reserved to disabled users
    ("it", "Non sono valutate misure per gli utenti delle spiagge, ad esempio la passerella "
           "riservata alle persone con disabilità."),
    ('fr',
     "Appel d'offres ouvert pour le nettoyage des bâtiments communaux. C3 – Marché réservé. "
     "Rubrique à remplir seulement si l'avis indique que le marché est réservé aux entreprises"
     " adaptées en application de l'article L. 2113-12."),
    ('fr',
     'Marché public de travaux de voirie. Le titulaire réserve aux personnes handicapées ou '
     "défavorisées éloignées de l'emploi un nombre d'heures d'insertion égal à 5 % des heures "
     'travaillées.'),
    ('it',
     "Appalto di servizi di manutenzione del verde. L'appaltatore riserva a persone "
     "svantaggiate una quota pari al 30% delle nuove assunzioni necessarie per l'esecuzione "
     'del contratto.'),
    ('es',
     'Contrato de servicios de limpieza. El adjudicatario reservará a personas con '
     'discapacidad o en riesgo de exclusión, procedentes de centros especiales de empleo, el '
     '10 % de las nuevas contrataciones.'),
    ('en',
     'Contract for grounds maintenance. The contractor shall reserve at least 20 '
     'apprenticeship places for disadvantaged people and people with disabilities.'),
    ('es',
     'Contrato de servicios de limpieza. Contrato reservado: No. Disposición adicional cuarta '
     'de la Ley 9/2017: no aplica.'),
    ('es',
     'Contrato de servicios de limpieza. Contrato reservado (disposición adicional cuarta '
     'LCSP, centros especiales de empleo): No.'),
    ('it',
     'Appalto di servizi di pulizia. Appalto riservato (art. 61 D.Lgs. 36/2023, operatori '
     "economici per l'integrazione di persone svantaggiate): NO."),
    ('en',
     'Tender for cleaning services. Reserved contract (Regulation 20 PCR 2015, supported '
     'employment providers): No.'),
    ('fr',
     "Marché de nettoyage. Le présent marché n'est pas réservé aux entreprises adaptées ni aux"
     " ESAT au sens de l'article L. 2113-12."),
    ('it',
     'Appalto di servizi di pulizia. Il presente appalto non è riservato alle cooperative '
     'sociali di tipo B di cui alla legge 381/1991.'),
    ('en',
     'Tender for cleaning services. This contract is not reserved to supported businesses '
     'under Regulation 20 of the Public Contracts Regulations 2015.'),
    ('es',
     'Contrato de servicios de limpieza. Este contrato no está reservado a centros especiales '
     'de empleo de iniciativa social (disposición adicional cuarta).'),
    ('de',
     'Ausschreibung Gebäudereinigung. Der Auftrag ist nicht Werkstätten für behinderte '
     'Menschen nach § 118 GWB vorbehalten.'),
    ('nl',
     'Aanbesteding schoonmaak. Deze opdracht is niet voorbehouden aan sociale werkplaatsen in '
     'de zin van artikel 2.82 Aanbestedingswet.'),
    ('it',
     'Concessione del servizio di gestione del centro sportivo comunale. Alla concessione non '
     "si applicano le disposizioni sugli appalti riservati di cui all'art. 61 del D.Lgs. "
     '36/2023 e alle cooperative sociali.'),
    ('es',
     'Contrato de concesión de servicios del polideportivo. Conforme a la disposición '
     'adicional cuarta de la LCSP, el órgano de contratación fija anualmente los porcentajes '
     'mínimos de reserva a centros especiales de empleo.'),
    ('it',
     "DGUE Parte II. L'operatore economico è un laboratorio protetto, un'impresa sociale o "
     "prevede l'esecuzione del contratto nel contesto di programmi di lavoro protetti (art. "
     "61)? [ ] Sì [ ] No. Se l'appalto è riservato indicare la percentuale di lavoratori con "
     'disabilità.'),
    ('en',
     'ESPD Part II. In case the procurement is reserved: is the economic operator a sheltered '
     'workshop, a social business or will it provide for the performance of the contract in '
     'the context of sheltered employment programmes? Yes / No'),
    ('fr',
     "DUME. Uniquement si le marché est réservé : l'opérateur économique est-il un atelier "
     'protégé, une entreprise sociale ? Oui Non'),
    ('de',
     'EEE Teil II. Nur wenn der Auftrag vorbehalten ist: Handelt es sich bei dem '
     'Wirtschaftsteilnehmer um eine geschützte Werkstatt oder ein Sozialunternehmen? Ja Nein'),
    ('es',
     'DEUC. Únicamente en caso de contrato reservado: el operador económico ¿es un taller '
     'protegido o una empresa social? Sí No'),
    ('fr',
     'Clause sociale. Le titulaire réserve 5 % des heures travaillées à des personnes '
     "éloignées de l'emploi, travailleurs handicapés ou bénéficiaires du RSA, orientées par "
     "une structure d'insertion par l'activité économique."),
    ('it',
     'Clausola sociale. Il 30% delle nuove assunzioni è riservato a persone svantaggiate o con'
     ' disabilità ai sensi della legge 381/1991.'),
    ('en',
     'Social value. 10 apprenticeships will be reserved for disadvantaged people and people '
     'with disabilities living in the borough.'),
    ('fr',
     "Concession de service public de la piscine. La présente concession n'entre pas dans le "
     'champ des marchés réservés prévus aux articles L. 2113-12 et L. 2113-13 au profit des '
     'entreprises adaptées.'),
    ('en',
     'Concession for leisure centre operation. This concession is not a reserved contract '
     'under Regulation 20 and supported businesses, like any operator, may bid.'),
    ('es',
     'Concesión de servicios de cafetería. Este contrato de concesión no se acoge a la reserva'
     ' prevista en la disposición adicional cuarta para centros especiales de empleo.'),
    ('de',
     'Konzession für den Betrieb des Freibads. Eine Vergabe nach § 118 GWB an Werkstätten für '
     'behinderte Menschen ist nicht vorgesehen; die Konzession ist keine vorbehaltene Vergabe.'),
    ('nl',
     'Concessie voor het beheer van de sporthal. Voor deze concessie wordt geen gebruik '
     'gemaakt van de mogelijkheid van een voorbehouden opdracht aan sociale werkplaatsen '
     '(artikel 2.82 Aanbestedingswet).'),
    ('it',
     "Bando per servizio di pulizia. Appalto riservato ai sensi dell'art. 61 del D.Lgs. "
     '36/2023 alle cooperative sociali: NO.'),
    ('it',
     'Relazione annuale. Nel 2024 il Comune ha affidato tre appalti riservati a cooperative '
     'sociali di tipo B per la manutenzione del verde.'),
    ('en',
     'Annual report. In 2024 the council awarded three contracts reserved for supported '
     'businesses employing disabled or disadvantaged workers.'),
    ('fr',
     'Concession de la plage. Le concessionnaire réserve 10 % des emplois saisonniers aux '
     "travailleurs handicapés et aux personnes éloignées de l'emploi."),
    ('it',
     'Concessione del bar. Il concessionario riserva il 20% dei posti di lavoro stagionali a '
     'persone con disabilità o svantaggiate.'),
]

RESERVED = [
    ('es',
     "En cumplimiento del acuerdo autonómico que fija los porcentajes mínimos de reserva, "
     "el lote 3 queda reservado a empresas de inserción y centros especiales de empleo de "
     "iniciativa social."),
    ('es',
     "De conformidad con la disposición adicional cuarta de la LCSP y con el acuerdo de "
     "fijación de porcentajes mínimos de reserva del ayuntamiento, el lote 1 se reserva a "
     "centros especiales de empleo de iniciativa social y a empresas de inserción."),
    ('fr',
     'Marché de nettoyage. Le lot 2 est réservé aux entreprises adaptées et aux établissements'
     " et services d'aide par le travail (ESAT) en application de l'article L. 2113-12 du code"
     ' de la commande publique.'),
    ('it',
     "Appalto di servizi di pulizia. L'appalto è riservato agli operatori economici e alle "
     "cooperative sociali il cui scopo principale è l'integrazione sociale e professionale "
     "delle persone con disabilità o svantaggiate, ai sensi dell'art. 61 del D.Lgs. 36/2023."),
    ('es',
     'Contrato de servicios de limpieza. Contrato reservado a centros especiales de empleo de '
     'iniciativa social, de conformidad con la disposición adicional cuarta de la LCSP.'),
    ('en',
     'Tender for cleaning services. Participation in this procurement is reserved to supported'
     ' businesses whose main aim is the social and professional integration of disabled or '
     'disadvantaged persons (Regulation 20 PCR 2015).'),
    ('de',
     'Ausschreibung Gebäudereinigung. Der Auftrag ist Werkstätten für behinderte Menschen und '
     'Inklusionsbetrieben nach § 118 GWB vorbehalten.'),
    ('nl',
     'Aanbesteding schoonmaak. Deze opdracht is voorbehouden aan sociale werkplaatsen in de '
     'zin van artikel 2.82 Aanbestedingswet.'),
    ('es',
     'Contrato de servicios de limpieza. Contrato reservado: Sí. Reservado a centros '
     'especiales de empleo de iniciativa social (disposición adicional cuarta).'),
    ('es',
     'Contrato de servicios de jardinería. El lote 2 se reserva a empresas de inserción y '
     'centros especiales de empleo de iniciativa social en los que al menos el 30 % de los '
     'puestos de trabajo estén ocupados por personas con discapacidad (disposición adicional '
     'cuarta LCSP).'),
    ('en',
     'Lot 3 is reserved for supported businesses where at least 30% of the employees are '
     'disabled or disadvantaged workers, in accordance with Regulation 20 of the Public '
     'Contracts Regulations 2015.'),
    ('it',
     "Ai sensi dell'art. 61, comma 1, del D.Lgs. 36/2023 la partecipazione è riservata agli "
     "operatori economici il cui scopo principale è l'integrazione sociale e professionale "
     'delle persone con disabilità, purché almeno il 30 per cento dei lavoratori sia composto '
     'da persone svantaggiate.'),
    ('fr',
     "Le marché est réservé, en application de l'article L. 2113-13, aux structures "
     "d'insertion par l'activité économique, lorsque leurs salariés en insertion exécutent au "
     'moins 50 % des heures de travail.'),
    ('de',
     'Der Auftrag ist nach § 118 GWB Werkstätten für behinderte Menschen und '
     'Inklusionsbetrieben vorbehalten, wenn mindestens 30 Prozent der Beschäftigten Menschen '
     'mit Behinderungen sind.'),
    ('nl',
     'Deze opdracht is voorbehouden aan sociale werkplaatsen (artikel 2.82 Aanbestedingswet) '
     'waarvan ten minste 30% van de werknemers personen met een arbeidsbeperking zijn.'),
    ('it',
     'Lotto 2 riservato (art. 61 D.Lgs. 36/2023): SI, riservato alle cooperative sociali di '
     'tipo B.'),
]


@pytest.mark.parametrize(("lang", "text"), NOT_RESERVED)
def test_sentences_that_reserve_nothing_give_no_reservation(lang: str, text: str) -> None:
    assert _reserved(text, lang) == "none"


@pytest.mark.parametrize(("lang", "text"), RESERVED)
def test_true_reservations_stay(lang: str, text: str) -> None:
    assert _reserved(text, lang) == "res-ws"
