"""The contract's duration written the ways buyers write it: numbered items run together
in one sentence, labels with letters ("B.4 Durata:"), number words; the term named in
passing before it is stated, and ages, are not a duration. Sentences of my own."""

from __future__ import annotations

import pytest
from conftest import facts_of


@pytest.mark.parametrize(("lang", "text", "months"), [
    ("it", "Appalto del servizio di sfalcio. 4. IMPORTO E DURATA 4.1 Valore stimato "
           "dell'appalto: € 310.000,00. 4.2 Durata: 30 mesi dalla consegna del servizio.", 30),
    ("it", "Appalto del servizio di portierato. C.3 Durata: 12 mesi dall'avvio.", 12),
    ("fr", "Marché de services de gardiennage. B.2 Durée : 18 mois à compter de la "
           "notification.", 18),
    ("es", "Contrato de servicios de mantenimiento. F. Duración: 36 meses desde la firma.", 36),
    ("nl", "Opdracht voor schoonmaakdiensten. 3.1 Waarde: € 200.000,- excl. btw. 3.2 "
           "Looptijd: drie jaar, zonder verlengingsopties.", 36),
    ("de", "Auftrag für Gebäudereinigung. 2.3 Ausführungszeitraum: 9 Monate ab Zuschlag.", 9),
    ("de", "Rahmenvertrag für Winterdienst. Die Vertragslaufzeit beträgt vier Jahre.", 48),
    ("en", "Contract for catering services. The agreement will be for a fixed term of 48 "
           "months from the start date.", 48),
    ("fr", "Marché de maintenance. Le marché est conclu pour une durée de quatre ans.", 48),
    # The term stated after the amount, without naming the contract.
    ("it", "Avviso esplorativo per il servizio di portineria. Importo presunto: € 60.000,00 "
           "oltre IVA, per una durata di 18 mesi.", 18),
    ("it", "Affidamento del servizio di trasporto scolastico della durata di 24 mesi.", 24),
    # "Tempo di esecuzione" as the term of a works contract.
    ("it", "Appalto di lavori di rifacimento della copertura. 3.2 Tempo di esecuzione: 9 "
           "mesi naturali e consecutivi dal verbale di consegna.", 9),
    # An option after the term is not the term; a lettered-and-numbered label ("A3").
    ("it", "Appalto del servizio di custodia. 1.3 Durata: 36 mesi dalla data di avvio del "
           "servizio, con opzione di proroga tecnica di 6 mesi.", 36),
    ("en", "Fleet maintenance contract. A3  Term: 48 months from 1 May 2027, with an option "
           "to extend by up to 24 months.", 48),
    ("fr", "Marché de restauration scolaire. Le marché est conclu pour vingt-quatre (24) mois "
           "à compter du 1er septembre 2027.", 24),
    ("it", "Fornitura di attrezzature sportive. La fornitura comprende, per un periodo di 12 "
           "mesi dalla stipula, le seguenti voci.", 12),
    # VAT beside a cue ("ohne MwSt.", "IVA esclusa") denies nothing: the term after it holds.
    ("de", "Dienstleistungsauftrag Spülservice. 2.1.3 Geschätzter Wert ohne MwSt.: 142.000,00 "
           "EUR 2.1.4 Laufzeit: 36 Monate 2.1.5 Verfahrensart: Offenes Verfahren", 36),
    ("it", "Servizio di screening. Importo a base di gara: € 96.800,00 IVA esclusa – Durata: "
           "24 mesi (due anni scolastici)", 24),
    # "Plazo:" and an ordinal clause number ("3.ª Duración.").
    ("es", "Pliego de prescripciones técnicas del servicio de campamentos. 1.3 Plazo: 24 meses, "
           "comprensivos de las campañas de verano.", 24),
    ("es", "Contrato de servicios de campamentos. // 3.ª Duración. 24 meses desde la "
           "formalización, con posible prórroga por 12 meses.", 24),
    # A call-off form's field, a table row.
    ("en", "Call-off order form for occupational health services. // Call-Off Initial Period "
           "....... 36 months", 36),
    ("en", "Invitation to tender for street furniture. // | Term | 36 months, optional "
           "extension of 12 months |", 36),
    # A table closed by a border of "'" and "-", and the term under it.
    ("it", "Servizio di manutenzione del verde. // .--------------.--------------. // "
           "| Importo a base di gara | € 139.800,00 | // '--------------'--------------' // "
           "Durata: 24 (ventiquattro) mesi dalla consegna.", 24),
    # A capitalised label inside a run of fields; "d'une durée de"; "Duur:"; a cell label.
    ("fr", "Avis de marché. Valeur estimée : 164 000,00 € HT Durée : 12 mois à compter de la "
           "notification, reconductible trois fois.", 12),
    ("fr", "Cahier spécial des charges. I.3 Nature : accord-cadre avec un seul participant, "
           "d'une durée de 36 mois.", 36),
    ("nl", "Bestek voor catering. // Duur: 36 maanden vanaf de sluiting van de opdracht.", 36),
    ("nl", "Aanbestedingsleidraad verkeersregelaars. De opdracht is een raamovereenkomst voor "
           "de duur van 36 maanden.", 36),
    ("es", "Pliego de cláusulas administrativas. // | A.5 Plazo | 24 meses; prórroga de 24 meses |",
     24),
    ("en", "Request for tenders for solar panels. The contract will run for 18 months from the "
           "date of signature.", 18),
    ("en", "Request for tenders for mobile phones. 1.4 Contract: a single-supplier framework "
           "agreement for 36 months, with an option to extend.", 36),
    ("en", "Invitation to tender for e-cargo bikes. 1.1 The Council invites tenders for a single "
           "supplier contract for 48 months, with an option to extend by 12 months.", 48),
    # a TED notice: the unit before the number
    ("de", "Auftragsbekanntmachung. // II.2.7) Laufzeit des Vertrags: Laufzeit in Monaten: 48 // "
           "Dieser Auftrag kann verlängert werden: ja, einmal um 12 Monate.", 48),
    # a TED notice's estimated duration; a term up to the end of a guarantee; a form's field
    # whose guarantee is said to lie outside the term
    ("de", "Auftragsbekanntmachung. // 5.1.3 Geschätzte Dauer: 36 Monate // 5.1.4 Verlängerung: "
           "Höchstzahl der Verlängerungen: 1", 36),
    ("fr", "Cahier des clauses administratives particulières. // 3.1 Le marché court de sa "
           "notification à la fin de la garantie de parfait achèvement, soit une durée de 14 mois.",
     14),
    ("it", "Capitolato speciale. // 3.1 Il contratto ha durata di 8 mesi, comprensiva del periodo "
           "di garanzia iniziale.", 8),
    ("fr", "Acte d'engagement. // Durée du marché : six (6) mois (la période de garantie de "
           "l'article 9 du CCAP n'est pas comprise).", 6),
    # paragraphs numbered in brackets are sentences of their own
    ("de", "Vertragsentwurf. § 2 Vertragslaufzeit (1) Der Vertrag beginnt am 1. April 2028 und "
           "hat eine Laufzeit von 60 Monaten. (2) Die Vergütung beträgt ........ EUR.", 60),
])

def test_the_contract_term_is_read(lang: str, text: str, months: int) -> None:
    assert facts_of(text, lang).value("duration_months") == months


@pytest.mark.parametrize(("lang", "text"), [
    # the duration after an option word belongs to the option
    ("it", "Appalto del servizio di custodia. 1.3 Durata: opzione di proroga tecnica di 6 mesi."),
])
def test_an_options_duration_is_not_the_term(lang: str, text: str) -> None:
    assert facts_of(text, lang).value("duration_months") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("it", "Servizio di pulizia. Il contraente mantiene per tutta la durata del contratto un "
           "referente unico e una squadra stabile di operatori qualificati; almeno metà dei "
           "nuovi assunti ha un'età inferiore ai trentasei anni."),
    ("en", "Cleaning services. Throughout the contract term the supplier keeps a named account"
           " manager and a stable team of trained operatives, and at least half of the new "
           "starters are apprentices under 25 years of age."),
    ("nl", "Groenonderhoud. Gedurende de gehele looptijd meldt de opdrachtnemer elk kwartaal "
           "de voortgang van de social return verplichting aan de gemeente, met een overzicht "
           "van personen die langer dan twaalf maanden een uitkering ontvingen."),
    # an optional service's own period is not the contract's
    ("fr", "Cadre de réponse technique. // PSE n°10 - Maintenance matérielle préventive et "
           "curative d'une durée de trois (3) ans."),
])
def test_the_term_named_in_passing_is_not_a_duration(lang: str, text: str) -> None:
    assert facts_of(text, lang).value("duration_months") is None


def test_an_offer_held_for_a_period_is_no_duration() -> None:
    text = ("Servizio di pulizia. L'offerta vincolante resta valida per una durata di 6 mesi "
            "dalla scadenza del termine.")
    assert facts_of(text, "it").value("duration_months") is None


@pytest.mark.parametrize(("lang", "text", "months"), [
    ("es", "Anuncio de licitación. Suministro de uniformes. 6. Plazo de entrega: tres meses "
           "desde la formalización del contrato.", 3),
    ("it", "Bando di gara per la fornitura di arredi. II.4) Termine di consegna: 5 (cinque) mesi "
           "dalla stipula.", 5),
    ("en", "Invitation to tender. Lot 1: supply of field tents. Supply contract, 18 months.", 18),
    ("en", "Contract particulars. Possession date: on notice. Completion: 11 months from "
           "possession.", 11),
])
def test_a_supplys_delivery_period_or_a_forms_summary_is_its_term(lang: str, text: str,
                                                                  months: int) -> None:
    assert facts_of(text, lang).value("duration_months") == months


def test_a_delivery_period_gives_way_to_the_stated_term() -> None:
    text = ("Pliego de cláusulas. 4. Duración: 24 meses desde la formalización. 5. Plazo de "
            "entrega de los primeros equipos: 2 meses.")
    assert facts_of(text, "es").value("duration_months") == 24


def test_a_delivery_within_days_is_no_term() -> None:
    text = "Bando di fornitura. Termine di consegna: 15 giorni dall'ordine."
    assert facts_of(text, "it").value("duration_months") is None


@pytest.mark.parametrize(("lang", "text", "months"), [
    ("it", "Disciplinare. 1.2 Importo stimato: € 92.000,00 (IVA esclusa) per 24 mesi.", 24),
    ("en", "Invitation to tender. Estimated contract value: GBP 120,000 ex VAT over 48 months.",
     48),
    ("es", "Pliego de prescripciones técnicas. 1. Objeto. El servicio de vigilancia de las salas "
           "del museo municipal (seis salas, apertura de martes a domingo) se presta durante 18 "
           "meses.", 18),
    ("de", "Ausschreibungsunterlage. B.1.2 Liefer- und Montagefrist: 4 Monate ab Zuschlag.", 4),
])
def test_terms_stated_beside_the_value_or_the_object(lang: str, text: str, months: int) -> None:
    assert facts_of(text, lang).value("duration_months") == months
