"""Fact classes that synthetic_elements4 showed missing, each written from how buyers put
the fact in every pack language, not from that set's wording: sponsorship and patronage
calls and the use of public land or premises are no procurement; a term stated under a
heading that names it, or after "period of execution"; a value in the total row of a
table whose header names the estimate, or after "totale a base di gara"."""

from __future__ import annotations

import pytest

from proseco_check.facts.registry import extract_facts
from proseco_check.model.document import Block, Document, Location
from proseco_check.nlp import build_view


def _facts(*paragraphs: str | tuple[str, str], lang: str | None = None):
    """Paragraphs, or (kind, text) pairs for headings."""
    blocks = []
    for i, p in enumerate(paragraphs):
        kind, text = p if isinstance(p, tuple) else ("paragraph", p)
        blocks.append(Block(kind=kind, text=text, location=Location(paragraph=i + 1)))
    view = build_view(Document(path="<t>", format="text", blocks=blocks), lang=lang,
                      allow_trained=False, needs=frozenset())
    return extract_facts(view)


@pytest.mark.parametrize(("lang", "paragraphs"), [
    # sponsorship and patronage, in the six languages
    ("it", ("AVVISO PUBBLICO", "per la ricerca di sponsor per la manutenzione delle aiuole "
            "comunali", "Il Comune non paga alcun corrispettivo.")),
    ("it", ("AVVISO PUBBLICO PER LA RACCOLTA DI PROPOSTE DI SPONSORIZZAZIONE DEGLI EVENTI "
            "ESTIVI", "Le proposte sono presentate entro il 30 aprile.")),
    ("fr", ("APPEL À MÉCÈNES ET PARTENAIRES", "La Ville recherche des entreprises pour "
            "soutenir la restauration de l'église par du mécénat de compétences.")),
    ("fr", ("CONVENTION DE PARRAINAGE", "pour le festival de musique 2026")),
    ("es", ("CONVOCATORIA PÚBLICA DE PATROCINIO", "para las fiestas patronales de 2026")),
    ("es", ("ANUNCIO", "Búsqueda de patrocinadores para la carrera popular de San Silvestre.")),
    ("nl", ("OPROEP", "Sponsorwerving voor de kerstmarkt en de schaatsbaan op de Grote Markt.")),
    ("de", ("ÖFFENTLICHE AUSSCHREIBUNG", "Sponsorensuche für das Stadtfest 2026")),
    ("de", ("Sponsoring-Aufruf der Stadt", "Werbeflächen auf den Kreisverkehren gegen Pflege.")),
    ("en", ("SPONSORSHIP OPPORTUNITY", "Roundabout sponsorship in the borough: your name on "
            "our roundabouts in return for their upkeep.")),
    # the use of public land or premises
    ("fr", ("APPEL À MANIFESTATION D'INTÉRÊT", "en vue de l'occupation temporaire du domaine "
            "public pour un kiosque de restauration")),
    ("it", ("AVVISO PUBBLICO", "per la concessione di suolo pubblico per l'installazione di "
            "dehors stagionali")),
    ("it", ("BANDO", "per la concessione in uso dei locali comunali del centro sportivo")),
    ("es", ("ANUNCIO", "Licitación para la ocupación temporal del dominio público con quioscos "
            "de temporada en el paseo marítimo")),
    ("de", ("BEKANNTMACHUNG", "Vergabe von Sondernutzungserlaubnissen für Verkaufsstände auf "
            "dem Weihnachtsmarkt")),
    ("nl", ("AANKONDIGING", "Terrasvergunning op het Marktplein: selectie van de uitbaters")),
    ("en", ("INVITATION", "Licence to occupy the kiosk in Victoria Park for summer trading")),
])
def test_sponsorship_and_use_of_public_land_are_no_procurement(
        lang: str, paragraphs: tuple[str, ...]) -> None:
    facts = _facts(*paragraphs, lang=lang)
    assert facts.value("document_kind") == "non-procurement"
    assert facts.value("is_tender") is False


@pytest.mark.parametrize(("lang", "paragraphs", "kind"), [
    # a service of finding sponsors, bought by the buyer, is procurement
    ("it", ("BANDO DI GARA", "per l'affidamento del servizio di ricerca sponsor e di gestione "
            "della comunicazione"), "bando"),
    # legal representation ("patrocinio legale") is a service the buyer buys
    ("it", ("AVVISO PUBBLICO", "per l'affidamento del patrocinio legale dell'Ente nel giudizio "
            "n. 123/2025"), "notice"),
    # a procurement title with the occupation of public land only in its conditions
    ("fr", ("RÈGLEMENT DE LA CONSULTATION", "Marché de travaux de voirie. Le présent règlement "
            "de la consultation fixe les règles de la procédure."), "rc"),
])
def test_procurement_near_sponsorship_words_stays_procurement(
        lang: str, paragraphs: tuple[str, ...], kind: str) -> None:
    assert _facts(*paragraphs, lang=lang).value("document_kind") == kind


@pytest.mark.parametrize(("lang", "paragraphs", "months"), [
    # a heading that is only the label, in capitals or not, the term in the next sentence
    ("it", (("heading", "3. TERMINE DI ESECUZIONE"),
            "Otto (8) mesi, pari a 240 giorni naturali e consecutivi, dalla consegna."), 8.0),
    ("it", (("heading", "Art. 4 - Termini di esecuzione"),
            "La fornitura è completata entro cinque (5) mesi dall'avvio."), 5.0),
    ("nl", (("heading", "1.7 Uitvoeringstermijn"),
            "De levering wordt uitgevoerd binnen een termijn van zes (6) maanden."), 6.0),
    ("fr", (("heading", "ARTICLE 5 - DURÉE DU MARCHÉ"),
            "Le marché est conclu pour une période initiale de douze mois."), 12.0),
    ("de", (("heading", "Ausführungsfrist"),
            "Die Arbeiten sind innerhalb von vier Monaten nach Auftragserteilung auszuführen."),
     4.0),
    ("es", (("heading", "PLAZO DE EJECUCIÓN"),
            "El contrato se ejecutará en un plazo de nueve meses desde la formalización."), 9.0),
    # the label excludes the sentence: an option, a guarantee
    ("it", (("heading", "DURATA"),
            "Opzione di proroga per ulteriori 6 mesi alle stesse condizioni."), None),
    # "period of execution", "completion period", "time for completion"
    ("en", ("The period of execution is eight (8) months from the order to start works.",),
     8.0),
    ("en", ("The completion period shall be ten months from the date of commencement.",),
     10.0),
    # weeks and working days
    ("en", ("The contract has an initial term of 26 weeks.",), 6.0),
    ("it", ("Il tempo utile per l'esecuzione dei lavori è di 240 giorni lavorativi.",), 11.06),
    ("nl", ("Uitvoeringstermijn: 130 werkdagen na de startdatum.",), 5.99),
])
def test_duration_under_a_heading_in_words_weeks_or_working_days(
        lang: str, paragraphs: tuple[str | tuple[str, str], ...], months: float | None) -> None:
    assert _facts(*paragraphs, lang=lang).value("duration_months") == months


@pytest.mark.parametrize(("lang", "paragraphs", "value"), [
    # the total row of a table whose header names the estimate
    ("fr", ("| Lot | Désignation | Montant estimé HT |", "| 1 | Secteur Nord | 480 000 € |",
            "| 2 | Secteur Sud | 420 000 € |", "| Total | 900 000 € |"), 900000.0),
    ("de", ("| Los | Leistung | Geschätzter Auftragswert |", "| 1 | Reinigung | 120.000,00 € |",
            "| 2 | Winterdienst | 80.000,00 € |", "| Gesamt | 200.000,00 € |"), 200000.0),
    ("nl", ("| Perceel | Omschrijving | Geraamde waarde |", "| 1 | Banken | € 150.000,00 |",
            "| Totaal | € 150.000,00 |"), 150000.0),
    # "totale a base di gara", the currency in the column header only
    ("it", ("| Voce | Euro |", "| Lavori soggetti a ribasso | 1.345.147,89 |",
            "| Oneri della sicurezza | 41.602,51 |", "| Totale a base di gara | 1.386.750,40 |"),
     1386750.4),
])
def test_value_in_a_table_total(lang: str, paragraphs: tuple[str, ...],
                                value: float | None) -> None:
    assert _facts(*paragraphs, lang=lang).value("estimated_value_eur") == value
