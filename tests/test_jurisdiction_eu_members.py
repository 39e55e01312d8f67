"""Jurisdiction of EU members without a national pack (Austria, Malta and the others):
read from their laws, identifiers and places, they get the EU pack and never the pack of
the country whose language they share; one stray mention of them does not move a German
or an Irish tender."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from proseco_check.cli.app import app
from proseco_check.engine.loader import EU_MEMBERS, builtin_packs, packs_for
from proseco_check.facts.registry import extract_facts
from proseco_check.model.document import Block, Document, Location
from proseco_check.model.facts import FACT_TYPES
from proseco_check.model.vocab import EU_MEMBER_STATES, JURISDICTIONS
from proseco_check.nlp import build_view


def _jurisdiction(*paragraphs: str, lang: str | None = None) -> str | None:
    blocks = [Block(kind="paragraph", text=p, location=Location(paragraph=i + 1))
              for i, p in enumerate(paragraphs)]
    view = build_view(Document(path="<t>", format="text", blocks=blocks), lang=lang,
                      allow_trained=False, needs=frozenset())
    value = extract_facts(view).value("jurisdiction")
    assert value is None or isinstance(value, str)
    return value


def _packs(country: str) -> set[str]:
    return {p.pack.id for p in packs_for(list(builtin_packs()), country)}


AUSTRIAN = (
    "Auftraggeberin: Marktgemeinde Beispielsdorf, Land Niederösterreich.",
    "Offenes Verfahren im Unterschwellenbereich gemäß § 43 BVergG 2018.",
    "Es gilt das Bestbieterprinzip; die Arbeitnehmer sind nach dem Kollektivvertrag zu "
    "entlohnen.",
)
MALTESE = (
    "Contracting authority: Department of Contracts, Notre Dame Ravelin, Floriana, Malta.",
    "This tender is issued under the Public Procurement Regulations (S.L. 601.03).",
    "Tenders shall be submitted through the electronic Public Procurement System (ePPS).",
)


@pytest.mark.parametrize(("paragraphs", "lang", "country"), [
    (AUSTRIAN, "de", "at"),
    (("Die Vergabe erfolgt nach dem Bundesvergabegesetz Konzessionen 2018.",
      "Bieterin: Muster Bau GmbH, FN 123456a, UID ATU12345678, 8010 Graz."), "de", "at"),
    (("Republik Österreich, vertreten durch die Bundesbeschaffung GmbH (BBG).",
      "Die Bekanntmachung erfolgt auf auftrag.at und im Amtsblatt zur Wiener Zeitung."),
     "de", "at"),
    (MALTESE, "en", "mt"),
    (("Objections are heard by the Public Contracts Review Board.",
      "The Director of Contracts, Valletta, Malta. VAT No. MT12345678."), "en", "mt"),
    (("Procedure under Legal Notice 352 of 2016 (Public Procurement Regulations).",
      "Works at two schools in Gozo; tenders on etenders.gov.mt."), "en", "mt"),
])
def test_austria_and_malta_are_read_from_their_law_and_places(
        paragraphs: tuple[str, ...], lang: str, country: str) -> None:
    assert _jurisdiction(*paragraphs, lang=lang) == country


@pytest.mark.parametrize(("paragraphs", "lang", "country"), [
    # A German tender naming Austria once stays German, with or without German law.
    (("Der Auftrag wird nach § 119 GWB und der VgV vergeben.",
      "Referenzen aus Deutschland oder Österreich werden anerkannt."), "de", "de"),
    (("Auftraggeber: Stadtwerke Musterstadt.",
      "Ein Bieter aus Österreich kann die Unterlagen anfordern."), "de", "de"),
    # An Irish tender with a Maltese supplier stays Irish.
    (("Contracting authority: Health Service Executive, Dublin, Ireland.",
      "This procurement is conducted under S.I. No. 284 of 2016.",
      "Incumbent supplier: Solar Ltd, Triq il-Kbira, Birkirkara BKR 1234, Malta, "
      "VAT MT12345678."), "en", "ie"),
    # And the other way round: an Austrian tender naming a German bidder stays Austrian,
    # a Maltese one with an Irish or a British supplier stays Maltese.
    ((*AUSTRIAN, "Referenz: Brückensanierung in München, Deutschland."), "de", "at"),
    ((*MALTESE, "Previous contractor: Green Energy Ltd, Cork, Ireland (tax clearance "
      "certificate on file)."), "en", "mt"),
    ((*MALTESE, "Prices in euro; a supplier from the United Kingdom quotes in GBP."),
     "en", "mt"),
    # The thin entries of the other member states do not move a pack country's tender.
    (("Contrato sujeto a la Ley 9/2017 de Contratos del Sector Público (LCSP).",
      "Se admiten referencias de obras ejecutadas en Portugal."), "es", "es"),
    (("Procedura aperta ai sensi del D.Lgs. 36/2023.",
      "Il fornitore uscente ha sede in Polonia; macchinari prodotti in Polska."), "it", "it"),
])
def test_one_stray_mention_does_not_move_a_tender(
        paragraphs: tuple[str, ...], lang: str, country: str) -> None:
    assert _jurisdiction(*paragraphs, lang=lang) == country


@pytest.mark.parametrize(("paragraphs", "lang", "country"), [
    (("Concurso público nos termos do Código dos Contratos Públicos, Portugal.",), None, "pt"),
    (("Postępowanie zgodnie z ustawą Prawo zamówień publicznych, Polska.",), None, "pl"),
    (("Veřejná zakázka podle zákona o zadávání veřejných zakázek, Česká republika.",),
     None, "cz"),
    (("Zákazka podľa zákona o verejnom obstarávaní, Slovenská republika.",), None, "sk"),
    (("Upphandlingen genomförs enligt lagen om offentlig upphandling, Sverige.",),
     None, "se"),
    (("Udbuddet gennemføres efter udbudsloven, Danmark.",), None, "dk"),
    (("Hankinta toteutetaan lain julkisista hankinnoista mukaisesti (1397/2016), Suomi.",),
     None, "fi"),
    (("Procedura se desfășoară conform Legii nr. 98/2016, România.",), None, "ro"),
    (("A közbeszerzésekről szóló 2015. évi CXLIII. törvény szerint, Magyarország.",),
     None, "hu"),
    (("Postopek po Zakonu o javnem naročanju (ZJN-3), Slovenija.",), None, "si"),
    (("Postupak prema Zakonu o javnoj nabavi, Republika Hrvatska.",), None, "hr"),
    (("Процедура по Закона за обществените поръчки, Република България.",), None, "bg"),
    (("Pirkimas vykdomas pagal Viešųjų pirkimų įstatymą, Lietuva.",), None, "lt"),
    (("Iepirkums saskaņā ar Publisko iepirkumu likumu, Latvija.",), None, "lv"),
    (("Hange korraldatakse riigihangete seaduse alusel, Eesti.",), None, "ee"),
    (("Διαγωνισμός σύμφωνα με τον ν. 4412/2016, Ελληνική Δημοκρατία.",), None, "gr"),
    (("Tender under Law 73(I)/2016, Republic of Cyprus.",), "en", "cy"),
])
def test_other_member_states_by_law_and_name(paragraphs: tuple[str, ...],
                                             lang: str | None, country: str) -> None:
    assert _jurisdiction(*paragraphs, lang=lang) == country


@pytest.mark.parametrize("country", EU_MEMBER_STATES)
def test_every_member_state_gets_the_eu_pack_and_no_other_national_pack(country: str) -> None:
    assert country in JURISDICTIONS
    assert country in FACT_TYPES["jurisdiction"][1]
    assert country in EU_MEMBERS
    national = {pid for pid in _packs(country) if pid not in ("eu", "good-practice")}
    assert "eu" in _packs(country)
    assert national <= {country}


def test_an_austrian_tender_is_checked_under_the_eu_pack_not_the_german_one(
        tmp_path: Path) -> None:
    tender = tmp_path / "ausschreibung.txt"
    tender.write_text("\n\n".join(AUSTRIAN), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tender), "--format", "json"])
    report = json.loads(result.stdout)
    document = report["documents"][0]
    assert document["facts"]["jurisdiction"]["value"] == "at"
    assert "eu" in document["packs"] and "de" not in document["packs"]
    assert not [f for f in document["findings"] if f["rule"].startswith("DE-")]


def test_luxembourg_labour_terms_outweigh_a_code_du_travail_shared_with_france() -> None:
    # Luxembourg has its own Code du travail; its minimum wage and employment agency are
    # its own words.
    assert _jurisdiction(
        "Procédure ouverte - loi modifiée du 8 avril 2018 sur les marchés publics.",
        "Le soumissionnaire rémunère son personnel au moins au niveau du salaire social "
        "minimum, conformément au Code du travail.",
        "Au moins deux demandeurs d'emploi inscrits auprès de l'ADEM sont recrutés.",
        lang="fr") == "lu"


def test_a_luxembourg_postcode_and_labour_law_name_the_country() -> None:
    assert _jurisdiction(
        "Administration communale, L-9999 Brëllendall.",
        "Procédure ouverte - Livre Ier de la loi modifiée du 8 avril 2018 sur les marchés "
        "publics",
        "Le soumissionnaire respecte la législation luxembourgeoise du travail.",
        "Apprentis préparant un DAP ou un CCP sous contrat d'apprentissage.", lang="fr") == "lu"
    # a French article written with a hyphen is no postcode
    assert _jurisdiction("Marché réservé en application de l'article L-2113-12 du code de la "
                         "commande publique.", lang="fr") == "fr"


def test_english_names_no_country_so_one_national_sign_decides() -> None:
    # "eu" is English's default, not a country the language points to: a single sign of
    # the UK or Ireland outweighs it, and a text without any stays "eu".
    assert _jurisdiction("The Parish Council's grant of GBP 300 towards the marquee is a gift.",
                         lang="en") == "uk"
    assert _jurisdiction("The Council considers that TUPE 2006 will apply to the orchard "
                         "keeper.", lang="en") == "uk"
    assert _jurisdiction("Employees transfer under the European Communities (Protection of "
                         "Employees on Transfer of Undertakings) Regulations 2003.",
                         lang="en") == "ie"
    assert _jurisdiction("The supplier delivers forty kites to the museum.", lang="en") == "eu"


def test_a_three_digit_code_du_travail_article_is_luxembourgs() -> None:
    # Luxembourg numbers its Code du travail with three digits (L. 127-1, the transfer of
    # an undertaking); France with four (L. 1224-1), which stays French.
    assert _jurisdiction(
        "Le marché est passé conformément à la loi du 8 avril 2018 sur les marchés publics.",
        "Le nouveau titulaire reprend les deux agents affectés au service, en application des "
        "articles L. 127-1 et suivants du Code du travail.", lang="fr") == "lu"
    assert _jurisdiction(
        "Le nouveau titulaire reprend les deux agents affectés au service, en application de "
        "l'article L. 1224-1 du Code du travail.", lang="fr") == "fr"


def test_the_belgian_general_rules_and_joint_committees_name_belgium() -> None:
    assert _jurisdiction(
        "De opdrachtnemer past de loonschalen toe van het paritair comité waaronder hij "
        "ressorteert.",
        "De straffen van art. 45 KB 14 januari 2013 zijn van toepassing.", lang="nl") == "be"
