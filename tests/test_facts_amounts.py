"""Amounts written the ways buyers write them: table rows (the amount before a label is
the previous row's, a negation of an earlier row does not reach the next), a table's
caption, per-lot amounts and their total, a heading that names the label before the
value, "costo" in the singular, "presunto" and "prévisionnel". Sentences of my own."""

from __future__ import annotations

import pytest
from conftest import facts_of


@pytest.mark.parametrize(("lang", "text", "value", "labour"), [
    ("it", "Appalto di servizi. Ai sensi dell'art. 41 il costo della manodopera stimato "
           "dall'amministrazione è pari a € 812.400,00.", None, 812400),
    ("it", "3) IMPORTO Lavori a misura € 400.000,00 Costi della manodopera (non "
           "ribassabili) € 150.000,00 Oneri della sicurezza (non ribassabili) € 12.000,00 "
           "Totale importo dell'appalto, IVA esclusa € 562.000,00", 562000, 150000),
    ("it", "Tabella 2 - Importo dell'appalto Voce Importo (euro) Servizio di pulizia (24 "
           "mesi) 830.000,00 Oneri per la sicurezza da interferenze 10.000,00 Importo "
           "complessivo a base di gara, IVA esclusa 840.000,00", 840000, None),
    ("it", "Appalto del servizio mensa. L'importo complessivo presunto dell'appalto è di € "
           "980.000,00 oltre IVA.", 980000, None),
    ("fr", "Marché de travaux. Le montant prévisionnel des travaux est de 1 200 000 € HT.",
     1200000, None),
    ("nl", "Aanbesteding schoonmaak. Geraamde waarde Perceel 1: 300.000,00 euro excl. btw "
           "Perceel 2: 90.000,00 euro excl. btw Totaal: 390.000,00 euro excl. btw", 390000, None),
    ("es", "Presupuesto, valor estimado y financiación 3.1 Presupuesto base de licitación: "
           "605.000,00 euros IVA incluido. 3.2 Valor estimado del contrato: 500.000,00 euros "
           "IVA excluido.", 500000, None),
])
def test_amounts_in_tables_captions_lots_and_headings(lang: str, text: str,
                                                      value: float | None,
                                                      labour: float | None) -> None:
    facts = facts_of(text, lang)
    if value is not None:
        assert facts.value("estimated_value_eur") == value
    assert facts.value("labour_cost_eur") == labour


@pytest.mark.parametrize(("lang", "text", "value", "labour"), [
    # An aside in brackets between the label and its amount names no other amount.
    ("it", "Concessione del servizio di ristoro. Valore stimato della concessione (fatturato "
           "complessivo dei ricavi attesi, IVA esclusa): € 2.400.000,00.", 2400000, None),
    ("fr", "Marché de services de nettoyage. Valeur estimée (avance et garantie non "
           "comprises) : 450 000 € HT.", 450000, None),
    # Dot leaders of filled rows are no blanks to fill.
    ("it", "Appalto di lavori stradali. Importo complessivo dell'appalto: € 800.000,00 di cui "
           "lavori ........ € 770.000,00 oneri della sicurezza ........ € 30.000,00 Costo "
           "stimato della manodopera: € 210.000,00.", 800000, 210000),
    # A negation of the previous list item does not reach the next one.
    ("es", "Contrato de servicios de limpieza. E. Valor estimado: 300.000,00 euros (no se "
           "prevén prórrogas) F. Costes salariales del personal: 180.000,00 euros.",
     300000, 180000),
    # The value of a convention or framework agreement named by its document.
    ("it", "Convenzione per il servizio di manutenzione del verde. L'importo complessivo "
           "della convenzione, pari a € 75.000,00 oltre IVA, è finanziato con fondi di "
           "bilancio.", 75000, None),
])
def test_asides_leaders_closed_negations_and_conventions(lang: str, text: str,
                                                         value: float | None,
                                                         labour: float | None) -> None:
    facts = facts_of(text, lang)
    assert facts.value("estimated_value_eur") == value
    assert facts.value("labour_cost_eur") == labour


def test_a_blank_to_fill_is_still_no_amount() -> None:
    facts = facts_of("Modello di offerta. Importo complessivo dell'appalto: € ............ "
                   "(in cifre) e ____________ (in lettere).", "it")
    assert facts.value("estimated_value_eur") is None


@pytest.mark.parametrize(("lang", "text", "value"), [
    # The value of a framework agreement is its maximum (art. 5(5) Directive 2014/24).
    ("fr", "Accord-cadre de travaux de signalisation. Montant maximum : 640 000,00 € HT sur "
           "la durée totale de l'accord-cadre.", 640000),
    ("it", "Accordo quadro per la fornitura di pneumatici. Importo massimo dell'accordo "
           "quadro: € 236.000,00 (IVA esclusa).", 236000),
    ("de", "Rahmenvereinbarung über chirurgische Instrumente. Höchstwert der Abrufe über die "
           "gesamte Laufzeit: 690.000 EUR netto.", 690000),
    ("nl", "Overheidsopdracht voor het onderhoud van dienstvoertuigen. Raming: 168.000,00 EUR "
           "excl. btw voor de volledige looptijd.", 168000),
    ("en", "Cleaning of public conveniences. Estimated procurement value: €318,400 (excl. "
           "VAT), for 36 months.", 318400),
])
def test_framework_maxima_and_estimates_named_without_a_space(lang: str, text: str,
                                                              value: float) -> None:
    assert facts_of(text, lang).value("estimated_value_eur") == value


def test_a_cap_on_penalties_is_no_value_of_the_procurement() -> None:
    text = ("Marché de nettoyage des écoles. Le montant maximum des pénalités est plafonné à "
            "5 000 € HT par an.")
    assert facts_of(text, "fr").value("estimated_value_eur") is None


def test_a_draft_contracts_written_amounts_count_beside_its_blanks() -> None:
    """A schema di contratto leaves the price to fill in; the base amount and the labour
    costs it states are the buyer's."""
    facts = facts_of("Schema di contratto. Art. 2 - Importo. L'importo contrattuale è pari a "
                     "€ ................ IVA esclusa, risultante dal ribasso del ........ % "
                     "sull'importo a base di gara di € 436.000,00, di cui costi della manodopera "
                     "stimati in € 251.300,00.", "it")
    assert facts.value("estimated_value_eur") == 436000
    assert facts.value("labour_cost_eur") == 251300


def test_labour_costs_under_a_heading_that_names_the_value_too() -> None:
    """"VALORE, DURATA, COSTI DELLA MANODOPERA" over a grid: the labour costs are their
    own row's amount, not the value's in the row below the heading."""
    facts = facts_of("Avviso. // 4. VALORE, DURATA, COSTI DELLA MANODOPERA // "
                     "| Valore stimato della convenzione (IVA escl.) | € 138.600,00 | // "
                     "| di cui costi della manodopera | € 97.020,00 |", "it")
    assert facts.value("labour_cost_eur") == 97020
    assert facts.value("estimated_value_eur") == 138600


def test_a_label_estimation_names_the_value() -> None:
    facts = facts_of("Cahier spécial des charges. // I.5 Estimation : 412 000 € hors TVA pour les "
                     "deux campagnes.", "fr")
    assert facts.value("estimated_value_eur") == 412000


def test_a_citation_in_brackets_after_the_label_is_no_amount() -> None:
    facts = facts_of("Avviso di preinformazione. 2.6 Valore stimato (art. 14 del codice): "
                     "€ 172.800,00 IVA esclusa.", "it")
    assert facts.value("estimated_value_eur") == 172800


def test_a_german_schaetzwert_is_the_estimated_value() -> None:
    text = ("Aufforderung zur Angebotsabgabe. 1.2 Laufzeit: 12 Monate. Schätzwert: 86.500 EUR "
            "netto.")
    assert facts_of(text, "de").value("estimated_value_eur") == 86500


def test_the_nature_of_the_contract_on_a_form_is_its_type() -> None:
    text = ("Request for tenders. Nature of contract: Services. The signs are painted "
            "by hand on site.")
    assert facts_of(text, "en").value("contract_type") == "services"


def test_a_supply_with_its_installation_is_a_supply() -> None:
    text = "Ausschreibungsunterlage. Lieferung und Montage von 12 Fahrradständern aus Stahl."
    assert facts_of(text, "de").value("contract_type") == "supplies"
