"""Facts on texts the patterns were not written from: synthetic tenders in six languages
(tests/data/synthetic, truth beside them), document kinds, jurisdictions outside the
packs, amounts, CPV codes, durations, and the eval command's halves."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from proseco_check.cli.app import app
from proseco_check.engine.loader import builtin_packs, packs_for
from proseco_check.facts.amounts import find_amounts
from proseco_check.facts.cpv import well_formed
from proseco_check.facts.registry import extract_facts
from proseco_check.model.document import Block, Document, Location
from proseco_check.nlp import build_view
from proseco_check.pipeline.facts_eval import load_facts_truth, same_value
from proseco_check.pipeline.run import Options, check_document
from proseco_check.readers import read_document

SYNTHETIC = Path(__file__).parent / "data" / "synthetic"
HOLDOUT = Path(__file__).parent / "data" / "synthetic_holdout"
TRUTH = load_facts_truth(SYNTHETIC / "truth.yaml")
BLIND = Path(__file__).parent / "data" / "synthetic_blind"
# Misses measured on the blind set and left as found (a fix would be tuned on it).
KNOWN_MISSES = {"fr_cctp_menuiseries.txt": "a bare 'Délai' heading: the duration is not read"}
CASES = [pytest.param(folder, n, id=n, marks=[pytest.mark.xfail(
             strict=True, reason=KNOWN_MISSES[n])] if n in KNOWN_MISSES else [])
         for folder in (SYNTHETIC, HOLDOUT, BLIND)
         for n in sorted(load_facts_truth(folder / "truth.yaml"))]


def _facts(*paragraphs: str, lang: str | None = None):
    blocks = [Block(kind="paragraph", text=p, location=Location(paragraph=i + 1))
              for i, p in enumerate(paragraphs)]
    view = build_view(Document(path="<t>", format="text", blocks=blocks), lang=lang,
                      allow_trained=False, needs=frozenset())
    return extract_facts(view)


@pytest.mark.parametrize(("folder", "name"), CASES)
def test_synthetic_tender_facts(folder: Path, name: str) -> None:
    view = build_view(read_document(folder / name), allow_trained=False, needs=frozenset())
    facts = extract_facts(view)
    expected = load_facts_truth(folder / "truth.yaml")[name]
    wrong = {fact: (value, facts.value(fact)) for fact, value in expected.items()
             if not same_value(fact, value, facts.value(fact))}
    assert wrong == {}


@pytest.mark.parametrize("folder", [SYNTHETIC, HOLDOUT, BLIND])
def test_every_synthetic_text_has_its_truth(folder: Path) -> None:
    assert {p.name for p in folder.glob("*.txt")} == set(load_facts_truth(folder / "truth.yaml"))


@pytest.mark.parametrize(("jurisdiction", "national"), [("ch", set()), ("other", set()),
                                                        ("be", {"be", "eu"}), ("uk", {"uk"})])
def test_packs_outside_the_eu_and_the_packs(jurisdiction: str, national: set[str]) -> None:
    selected = {p.pack.id for p in packs_for(list(builtin_packs()), jurisdiction)}
    assert selected - {"good-practice"} == national


def test_a_swiss_tender_loads_no_national_pack_and_not_the_eu_pack() -> None:
    result = check_document(SYNTHETIC / "ch_vaud_aimp_gardiennage.txt", Options())
    assert result.facts["jurisdiction"].value == "ch"
    assert not {"eu", "fr", "be"} & set(result.packs)
    assert any("AIMP" in e.text for e in result.facts["jurisdiction"].evidence)


@pytest.mark.parametrize(("text", "kind"), [
    ("DISCIPLINARE DI GARA\n\nProcedura aperta per l'affidamento del servizio.", "disciplinare"),
    ("RÈGLEMENT DE LA CONSULTATION\n\nMarché public de fournitures.", "rc"),
    ("CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES\n\nLe titulaire livre le matériel.", "cctp"),
    ("PLIEGO DE PRESCRIPCIONES TÉCNICAS\n\nEl contratista prestará el servicio.", "ppt"),
    # the candidate's signed offer on the standard form (ATTRI1): a form, as two blind
    # sets label it; a "CONTRAT" with its clauses is a contract
    ("ACTE D'ENGAGEMENT\n\nLe titulaire s'engage à exécuter les prestations.", "form"),
    ("CONTRAT DE PRESTATIONS DE SERVICES\n\nLe présent contrat vaut acte d'engagement.",
     "contract"),
    ("Bekanntmachung\n\nDer Auftraggeber vergibt einen Lieferauftrag.", "notice"),
    ("Leidraad\n\nDe aanbestedende dienst nodigt inschrijvers uit.", "disciplinare"),
    ("DISCIPLINARE DI INCARICO\n\nIl professionista si obbliga a redigere il progetto.",
     "contract"),
    ("Allegato 2 – Modello di dichiarazione sostitutiva\n\nIl sottoscritto dichiara.", "form"),
    # the tenderer's signed declaration appended to an RFT
    ("APPENDIX 4 - TENDERER'S DECLARATION AND RESPONSIBLE SOURCING UNDERTAKING\n\nWe "
     "confirm that the fuel supplied complies with the specification.", "form"),
    # a notice that lists the forms to enclose: the forms' names title nothing
    ("Supplément au Journal officiel de l'Union européenne - Avis de marché\n\nSection III : "
     "Renseignements d'ordre juridique.\n\nPièces à fournir : attestations ; DC1, DC2 ou DUME.",
     "notice"),
    # a draft's title in capitals, run together with the buyer's name above it
    ("AYUNTAMIENTO DE VILLAEJEMPLO (ficticio) BORRADOR DE DOCUMENTO DE FORMALIZACIÓN - ANEXO V "
     "AL PCAP\n\nREUNIDOS de una parte el Alcalde y de otra el representante de la empresa.",
     "contract"),
    # a specification under its schedule's label
    ("SCHEDULE 4 - SPECIFICATION\n\nSupply of lifebuoys for the lakeside.\n\nThe Supplier "
     "delivers the goods within six weeks.", "capitolato"),
    # an offer form under an annex number
    ("ANNEXE B - FORMULAIRE D'OFFRE\n\nMarché public de services : entretien des orgues.\n\n"
     "Le soussigné s'engage à exécuter le marché aux prix indiqués.", "form"),
    # a lease of public land: the qualifier on the title's next line says what is announced
    ("AVVISO DI ASTA PUBBLICA\n\nPER LA CONCESSIONE IN AFFITTO DI TERRENI AGRICOLI (lotti "
     "riservati)\n\nIl presente avviso è pubblicato all'albo.", "non-procurement"),
    ("Raadsvoorstel\n\nKadernota social return: de raad besluit over het inkoopbeleid.",
     "non-procurement"),
    ("AVVISO PUBBLICO\n\nProcedura aperta per l'affidamento del servizio di pulizia.", "notice"),
    # German contracts are compounds of "Vertrag"; "Vertragsbedingungen" is no title
    ("DIENSTLEISTUNGSVERTRAG\n\nzwischen der Stadt und dem Auftragnehmer.", "contract"),
    ("WARTUNGSVERTRAG\n\nDer Auftragnehmer wartet die Anlagen der Stadt.", "contract"),
    # the LCSP's formal name of the signed contract
    ("DOCUMENTO ADMINISTRATIVO DE FORMALIZACIÓN DEL CONTRATO DE SERVICIOS\n\nREUNIDOS de "
     "una parte el Ayuntamiento y de otra la empresa adjudicataria.", "contract"),
])
def test_document_kind_from_the_title(text: str, kind: str) -> None:
    assert _facts(*text.split("\n\n")).value("document_kind") == kind


def test_a_document_named_in_passing_is_not_the_kind() -> None:
    facts = _facts("BANDO DI GARA", "Il servizio è descritto nel capitolato speciale d'appalto "
                   "e le regole di partecipazione nel disciplinare di gara.")
    assert facts.value("document_kind") == "bando"


@pytest.mark.parametrize(("paragraphs", "kind"), [
    # A title in capitals run into the lowercase line below it is still a heading; an
    # earlier step cited "con avviso pubblico" does not make the document a notice.
    (("SCHEMA DI CONTRATTO tra l'Ente e l'impresa aggiudicataria del servizio di pulizia "
      "degli uffici comunali, della biblioteca e delle scuole primarie del territorio.",
      "PREMESSO CHE con avviso pubblico del 3 marzo l'Ente ha indetto la procedura "
      "e che l'impresa è risultata aggiudicataria;"), "contract"),
    (("CAPITOLATO SPECIALE per il servizio di trasporto scolastico degli alunni delle scuole "
      "dei comuni associati della valle, con mezzi attrezzati.", "Come indicato nel bando "
      "di gara, l'appaltatore garantisce il servizio con mezzi propri."), "capitolato"),
    # an annex "to" the tender instructions is not the instructions; its title says what
    # it is
    (("Anlage V-3 zur Aufforderung zur Angebotsabgabe - Vergabe-Nr. FS-2027-02",
      "VERTRAGSENTWURF", "über den Betrieb der Fahrradstation am Hauptbahnhof"), "contract"),
    (("DRAFT SERVICES AGREEMENT", "between the Council and the Contractor"), "contract"),
    (("Anlage V-1 zu den Vergabeunterlagen", "ENTWURF - RAHMENVERTRAG",
      "über die Lieferung von Schnittblumen"), "contract"),
    # two kinds named in one title: the one read first
    (("PROJET DE MARCHÉ VALANT ACTE D'ENGAGEMENT ET CAHIER DES CLAUSES ADMINISTRATIVES "
      "PARTICULIÈRES", "Objet : entretien des stores des écoles"), "contract"),
])
def test_a_capital_title_run_into_its_subtitle(paragraphs: tuple[str, ...], kind: str) -> None:
    assert _facts(*paragraphs).value("document_kind") == kind


@pytest.mark.parametrize("text", [
    "ciao mondo",
    "Avviso pubblico per la concessione di contributi a fondo perduto alle associazioni "
    "sportive. Le domande sono presentate entro il 30 aprile.",
    "Call for proposals: grants for community energy projects. Applications close in May.",
])
def test_non_procurement_is_not_a_tender(text: str) -> None:
    facts = _facts(text)
    assert facts.value("document_kind") == "non-procurement"
    assert facts.value("is_tender") is False


@pytest.mark.parametrize(("text", "value", "euro"), [
    ("€ 622.080,00", 622080.0, True), ("1,2 milioni di euro", 1_200_000.0, True),
    ("2 079 176,66 EUR", 2079176.66, True), ("EUR 1,5 Mio.", 1_500_000.0, True),
    ("CHF 1'200'000", 1_200_000.0, False), ("£450,000", 450000.0, False),
    ("$ 45.000.000,00", 45_000_000.0, False), ("1,2 M€ HT", 1_200_000.0, True),
    ("€1.5m", 1_500_000.0, True), ("1,2 millions d'euros", 1_200_000.0, True),
    ("120 mila euro", 120_000.0, True), ("250 mil euros", 250_000.0, True),
    # a TED notice's figure: spaces between thousands and a decimal point
    ("Wert ohne MwSt.: 1 486 000.00 EUR", 1_486_000.0, True),
])
def test_amounts_in_the_ways_buyers_write_them(text: str, value: float, euro: bool) -> None:
    amount = find_amounts(text)[0]
    assert (amount.value, amount.euro) == (value, euro)


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("it", "Importo a base di gara\n\n190.239,79", 190239.79),  # a table row cut in two
    ("it", "L'importo a base di gara è pari a € 190.239,79 oltre IVA.", 190239.79),
    ("it", "La garanzia provvisoria è pari al 2% del valore complessivo dell'appalto, per un "
           "importo di € 12.441,60.", None),
    ("fr", "Le montant estimé du marché est de 1,5 million d'euros HT.", 1_500_000.0),
    ("nl", "De geraamde waarde van de opdracht bedraagt € 750.000 exclusief btw.", 750000.0),
    ("nl", "Geraamd bedrag: € 96.000,- excl. btw voor de volledige looptijd.", 96000.0),
    ("it", "È richiesto un fatturato non inferiore a € 500.000,00 pari al valore stimato.", None),
    ("it", "1.2 Importo massimo stimato: euro 6.300,00 oltre IVA.", 6300.0),
    ("de", "II.1.5) Geschätzter Gesamtwert: Wert ohne MwSt.: 144 000.00 EUR", 144000.0),
])
def test_estimated_value(lang: str, text: str, value: float | None) -> None:
    assert _facts(*text.split("\n\n"), lang=lang).value("estimated_value_eur") == value


def test_labour_cost_is_not_the_safety_cost() -> None:
    facts = _facts("Importo a base di gara € 300.000,00, di cui € 12.000,00 per oneri della "
                   "sicurezza e € 150.000,00 per costi della manodopera.", lang="it")
    assert facts.value("labour_cost_eur") == 150000.0
    after = _facts("I costi della manodopera sono stimati in € 90.000,00; gli oneri della "
                   "sicurezza in € 3.000,00.", lang="it")
    assert after.value("labour_cost_eur") == 90000.0


@pytest.mark.parametrize(("code", "ok"), [("45261000", True), ("71221000", True),
                                          ("74200000", False), ("12345678", False),
                                          ("45201000", False), ("03000000", True)])
def test_cpv_codes_are_well_formed(code: str, ok: bool) -> None:
    assert well_formed(code) is ok


def test_a_tax_number_is_never_a_cpv_code() -> None:
    facts = _facts("Stazione appaltante: Comune di Borgo, P.IVA 45100000, C.F. 71221000. "
                   "Codice CPV 45261000-4.", lang="it")
    assert facts.value("cpv_codes") == ["45261000"]
    none = _facts("Contratto d'appalto. Partita IVA 33190000, codice fiscale 60130000.",
                  lang="it")
    assert none.value("cpv_main") is None


def test_ccag_title_does_not_type_a_services_contract() -> None:
    facts = _facts("Objet du marché : prestations de gardiennage et de surveillance des sites.",
                   "Pièces contractuelles : le cahier des clauses administratives générales "
                   "applicables aux marchés publics de fournitures courantes et de services.",
                   "Les fournitures de bureau sont à la charge du titulaire.", lang="fr")
    assert facts.value("contract_type") == "services"


@pytest.mark.parametrize(("lang", "text", "months"), [
    ("it", "La durata massima del procedimento è di 9 mesi. La durata dell'appalto è di 36 "
           "mesi.", 36.0),
    ("it", "Le società, per un periodo di cinque anni dalla loro costituzione, documentano i "
           "requisiti.", None),
    ("fr", "Délai de paiement : 30 jours. Durée du marché : 24 mois.", 24.0),
    ("en", "Tenders must remain valid for 90 days. The contract has an initial term of 2 "
           "years.", 24.0),
    ("it", "L'AQ ha una durata di mesi 36 decorrenti dalla sottoscrizione.", 36.0),
    ("en", "We offer to deliver the goods listed below during the contract period of 30 "
           "months at the prices stated.", 30.0),
])
def test_duration_is_the_contract_term(lang: str, text: str, months: float | None) -> None:
    assert _facts(text, lang=lang).value("duration_months") == months


@pytest.mark.parametrize(("lang", "text", "method"), [
    ("fr", "Le marché est attribué au candidat mieux-disant.", "best_price_quality"),
    ("es", "Se adjudicará a la oferta económicamente más ventajosa.", "best_price_quality"),
    ("nl", "Gunningscriterium: beste prijs-kwaliteitverhouding.", "best_price_quality"),
    ("de", "Der Zuschlag wird auf das wirtschaftlichste Angebot erteilt.", "best_price_quality"),
    ("en", "The contract will be awarded on the basis of MEAT.", "best_price_quality"),
    ("it", "Criterio di aggiudicazione: minor prezzo. L'offerta economicamente più "
           "vantaggiosa si applica ai servizi ad alta intensità di manodopera.", "lowest_price"),
    ("fr", "Le jugement des offres se fait au prix le plus bas.", "lowest_price"),
])
def test_award_method_in_every_pack_language(lang: str, text: str, method: str) -> None:
    assert _facts(text, lang=lang).value("award_method") == method


def test_eval_reports_both_halves_and_fact_accuracy(tmp_path: Path) -> None:
    split = tmp_path / "split.yaml"
    names = sorted(TRUTH)
    split.write_text("dev:\n" + "".join(f"  - {n}\n" for n in names[::2])
                     + "eval:\n" + "".join(f"  - {n}\n" for n in names[1::2]), "utf-8")
    result = CliRunner().invoke(app, ["eval", str(SYNTHETIC), "--facts-truth",
                                      str(SYNTHETIC / "truth.yaml"), "--split", str(split)])
    assert result.exit_code == 0, result.output
    assert "== dev: facts ==" in result.output and "== eval: facts ==" in result.output
    assert "document_kind" in result.output and "accuracy" in result.output


def test_eval_rejects_a_split_with_a_document_in_both_halves(tmp_path: Path) -> None:
    split = tmp_path / "split.yaml"
    split.write_text("dev: [a.txt]\neval: [a.txt]\n", "utf-8")
    result = CliRunner().invoke(app, ["eval", str(SYNTHETIC), "--facts-truth",
                                      str(SYNTHETIC / "truth.yaml"), "--split", str(split)])
    assert result.exit_code == 2
    assert f"{split}: in both halves: a.txt" in result.output


def test_eval_needs_a_truth_file() -> None:
    result = CliRunner().invoke(app, ["eval", str(SYNTHETIC)])
    assert result.exit_code == 2
    assert "eval needs --truth, --facts-truth or both" in result.output


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # An English text is an EU tender unless a UK statute or body says otherwise.
    (("Specification for the laundry service of the hospital wards.",
      "The provider shall comply with the Equality Act 2010 in all its dealings."), "uk"),
    (("Invitation to tender for cleaning services at a NHS Trust.",
      "Suppliers confirm that they meet the Modern Slavery Act 2015."), "uk"),
    (("Invitation to tender for the cleaning of community health centres.",
      "The procedure is run under the Procurement Act 2023."), "uk"),
    (("Invitation to tender for the cleaning of offices.",
      "The contracting authority is a public body of a Member State."), "eu"),
])
def test_uk_statutes_and_health_bodies_say_uk(paragraphs: tuple[str, ...],
                                              expected: str) -> None:
    assert _facts(*paragraphs, lang="en").value("jurisdiction") == expected


@pytest.mark.parametrize(("paragraphs", "lang", "country"), [
    (("Contracting authority: Health Service Executive, Dublin, Ireland.",
      "This procurement is conducted under the European Union (Award of Public Authority "
      "Contracts) Regulations 2016 (S.I. No. 284 of 2016)."), "en", "ie"),
    (("Pouvoir adjudicateur : Administration communale, Grand-Duché de Luxembourg.",
      "Le marché est soumis à la loi modifiée du 8 avril 2018 sur les marchés publics."),
     "fr", "lu"),
    (("Pouvoir adjudicateur : Province de Luxembourg, Arlon.",
      "Le marché est passé conformément à la loi du 17 juin 2016 relative aux marchés "
      "publics."), "fr", "be"),
])
def test_eu_members_without_a_national_pack(paragraphs: tuple[str, ...], lang: str,
                                            country: str) -> None:
    """Ireland and Luxembourg are read from their laws and places: the EU pack runs, the
    French one does not (a Belgian 'Province de Luxembourg' stays Belgian)."""
    facts = _facts(*paragraphs, lang=lang)
    assert facts.value("jurisdiction") == country
    selected = {p.pack.id for p in packs_for(list(builtin_packs()), country)}
    assert "eu" in selected and "fr" not in selected


def test_a_supplementary_cpv_label_casts_no_contract_type_vote() -> None:
    facts = _facts("BANDO DI GARA", "Tipo di contratto: concessione di servizi di gestione "
                   "dell'impianto sportivo.",
                   "Codice CPV principale: 92610000-0 (Servizi di gestione di impianti sportivi)",
                   "CPV supplementare: 45212212-5 (Lavori di costruzione di piscine)",
                   "Sono previsti lavori di riqualificazione accessori.")
    assert facts.value("contract_type") == "services"


def test_the_total_of_lots_listed_one_per_line_is_the_value() -> None:
    facts = _facts("I.5 Geraamde waarde", "Perceel 1: 520.000,00 euro excl. btw",
                   "Perceel 2: 120.000,00 euro excl. btw", "Totaal: 640.000,00 euro excl. btw",
                   lang="nl")
    assert facts.value("estimated_value_eur") == 640000


@pytest.mark.parametrize("text", [
    "ÖFFENTLICHE BEKANNTMACHUNG\n\nVerkauf des gemeindeeigenen Grundstücks Flst. Nr. 12 im "
    "Konzeptverfahren.",
    "AVIS\n\nCession d'un terrain communal à bâtir, lot n° 4.",
    "ANUNCIO\n\nEnajenación de parcelas municipales de uso residencial.",
])
def test_a_sale_of_public_property_is_not_procurement(text: str) -> None:
    assert _facts(*text.split("\n\n")).value("document_kind") == "non-procurement"
