"""The country packs beside the Italian one (fr, es, nl, be, de, uk): their own examples,
language and jurisdiction detection, the launch-date and social-clause facts, the fr/es/nl
samples' verdicts (samples/README.md) and the French documents of the real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from proseco_check.clauses.vocabulary import clause
from proseco_check.engine.conditions import Condition
from proseco_check.engine.loader import builtin_packs, load_pack, packs_for
from proseco_check.engine.selftest import test_pack as run_pack_examples
from proseco_check.errors import UsageError
from proseco_check.facts.dates import find_dates
from proseco_check.facts.extract import coerce_fact
from proseco_check.facts.registry import extract_facts
from proseco_check.model.document import Block, Document, Location
from proseco_check.model.report import DocumentResult
from proseco_check.nlp import build_view
from proseco_check.pipeline.run import Options, check_document

REPO = Path(__file__).resolve().parent.parent
RULES = REPO / "rules"
SAMPLES = REPO / "samples"
CORPUS = REPO.parent / "shared" / "corpus" / "real"

# Pack id -> the document languages its rules must speak.
COUNTRY_PACKS = {"fr": ("fr",), "es": ("es",), "nl": ("nl",), "be": ("fr", "nl"),
                 "de": ("de",), "uk": ("en",)}


# ------------------------------------------------------------------ the packs themselves


@pytest.mark.parametrize("pack_id", sorted(COUNTRY_PACKS))
def test_pack_examples_pass(pack_id: str) -> None:
    pack = load_pack(RULES / f"{pack_id}.yaml")
    assert pack.pack.id == pack.pack.jurisdiction == pack_id
    results = run_pack_examples(pack)
    failed = [f"{r.rule} {r.kind} {r.index}: {r.status}" for r in results if not r.ok]
    assert not failed, failed
    assert len(results) >= 4 * len(pack.rules)


@pytest.mark.parametrize("pack_id", sorted(COUNTRY_PACKS))
def test_pack_rules_speak_the_document_language(pack_id: str) -> None:
    pack = load_pack(RULES / f"{pack_id}.yaml")
    for rule in pack.rules:
        assert rule.applies_when.root.get("jurisdiction") == pack_id, rule.id
        assert rule.evidence != "memory" or rule.severity != "error", rule.id
        for lang in COUNTRY_PACKS[pack_id]:
            assert lang in clause(rule.clause).patterns, (rule.id, lang)
            assert rule.fix is not None and getattr(rule.fix, lang), (rule.id, lang)
            # Good examples in every language of the pack, so each pattern set is exercised.
        example_langs = {e.lang for e in rule.examples.good} | {e.lang for e in rule.examples.bad}
        assert example_langs <= set(COUNTRY_PACKS[pack_id]), rule.id
        for ref in rule.references:
            assert ref.version is not None and ref.article, rule.id


def test_builtin_packs_have_unique_rule_ids() -> None:
    ids = [r.id for p in builtin_packs() for r in p.rules]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("jurisdiction", "expected"), [
    ("fr", {"eu", "fr"}), ("es", {"eu", "es"}), ("nl", {"eu", "nl"}), ("be", {"eu", "be"}),
    ("de", {"de", "eu"}), ("uk", {"uk"}),
])
def test_packs_for_jurisdiction(jurisdiction: str, expected: set[str]) -> None:
    selected = {p.pack.id for p in packs_for(list(builtin_packs()), jurisdiction)}
    national = {p.pack.id for p in builtin_packs() if p.pack.jurisdiction != "all"}
    assert selected & national == expected


# ------------------------------------------------------------------ language and jurisdiction


def _view(text: str, lang: str | None = None):
    blocks = [Block(kind="paragraph", text=p.strip(), location=Location(paragraph=i))
              for i, p in enumerate(text.split("\n\n"), start=1) if p.strip()]
    return build_view(Document(path="<test>", format="text", blocks=blocks), lang=lang,
                      allow_trained=False)


PARAGRAPHS = {
    "it": ("it", "Il presente disciplinare regola la procedura aperta per l'affidamento del "
                 "servizio di pulizia degli uffici comunali, ai sensi del D.Lgs. 36/2023. Gli "
                 "operatori economici presentano l'offerta sulla piattaforma telematica."),
    "fr": ("fr", "Le présent marché public de services est passé selon la procédure d'appel "
                 "d'offres ouvert, en application du code de la commande publique. Les "
                 "candidats remettent leur offre sur le profil d'acheteur avant la date limite."),
    "be-fr": ("fr", "Le présent marché public de services est passé par procédure ouverte en "
                    "application de la loi du 17 juin 2016 relative aux marchés publics et de "
                    "l'arrêté royal du 18 avril 2017. L'avis a été publié au Bulletin des "
                    "Adjudications et les offres sont déposées sur la plateforme électronique."),
    "be-nl": ("nl", "Deze overheidsopdracht voor diensten wordt geplaatst bij openbare procedure "
                    "overeenkomstig de wet van 17 juni 2016 inzake overheidsopdrachten en het "
                    "koninklijk besluit van 18 april 2017. De aankondiging verschijnt in het "
                    "Bulletin der Aanbestedingen en de inschrijvers dienen hun offerte in via "
                    "het platform."),
    "nl": ("nl", "De gemeente besteedt deze opdracht voor diensten Europees aan volgens de "
                 "Aanbestedingswet 2012. De inschrijvers dienen hun inschrijving in via "
                 "TenderNed vóór de uiterste datum van de aanbesteding."),
    "es": ("es", "El órgano de contratación convoca la licitación del contrato de servicios de "
                 "limpieza por procedimiento abierto, de conformidad con la Ley 9/2017, de "
                 "Contratos del Sector Público. Los licitadores presentarán sus ofertas en la "
                 "Plataforma de Contratación del Sector Público."),
    "de": ("de", "Der Auftraggeber vergibt den Dienstleistungsauftrag im offenen Verfahren nach "
                 "der Vergabeverordnung und dem GWB. Die Bieter reichen ihre Angebote "
                 "ausschließlich elektronisch über die Vergabeplattform ein."),
    "uk": ("en", "The Council is procuring this services contract under the Procurement Act "
                 "2023 using the open procedure. The estimated contract value is £450,000 and "
                 "tenders must be submitted through the Find a Tender service."),
    # (no national sign: "eTenders", the Irish platform's name, would be one)
    "eu": ("en", "The contracting authority invites tenders for the provision of cleaning "
                 "services under an open procedure. The estimated value is EUR 300,000 and "
                 "tenders must be submitted through the national e-procurement platform."),
}


@pytest.mark.parametrize("case", sorted(PARAGRAPHS))
def test_language_and_jurisdiction_of_a_paragraph(case: str) -> None:
    lang, text = PARAGRAPHS[case]
    view = _view(text)
    assert view.language == lang
    facts = extract_facts(view)
    assert facts.value("jurisdiction") == case.split("-")[0]
    assert facts.value("is_tender") is True


def test_one_stray_foreign_signal_does_not_move_a_document() -> None:
    view = _view("Le présent marché est passé selon le code de la commande publique. Les "
                 "candidats établis en Belgique produisent des certificats équivalents.")
    assert extract_facts(view).value("jurisdiction") == "fr"


@pytest.mark.parametrize(("lang", "text", "sentences"), [
    ("fr", "Le lot est réservé en application de l'art. L. 2113-12 du CCP. Le titulaire "
           "réserve 500 heures, cf. art. 5 du CCAP.", 2),
    ("es", "Conforme al art. 202 de la LCSP y la D.A. 4ª, se reserva el contrato. Ver apdo. 3 "
           "de la cláusula 5.", 2),
    ("nl", "Op grond van art. 2.82 Aw is perceel 2 voorbehouden, zie o.a. blz. 4. De "
           "inschrijver toont dit aan.", 2),
    ("de", "Die Teilnahme ist nach § 118 Abs. 1 GWB i.V.m. § 1 Abs. 3 UVgO vorbehalten. Der "
           "Auftragnehmer zahlt mindestens den Mindestlohn, vgl. Ziff. 4 der Bedingungen.", 2),
    ("en", "The contract is reserved under s. 32 of the Procurement Act 2023, see para. 4 and "
           "Sch. 2. Tenders are due by noon.", 2),
])
def test_legal_abbreviations_do_not_end_sentences(lang: str, text: str, sentences: int) -> None:
    assert len(_view(text, lang).sentences) == sentences


# ------------------------------------------------------------------ facts


def test_launch_date_is_read_after_its_label() -> None:
    facts = extract_facts(_view("Date d'envoi du présent avis à la publication : 14 septembre "
                                "2026. Date limite de réception des offres : 20 octobre 2026."))
    assert facts.value("procedure_launch_date") == "2026-09-14"
    assert facts.facts["procedure_launch_date"].evidence
    nothing = extract_facts(_view("Date limite de réception des offres : 20 octobre 2026."))
    assert nothing.value("procedure_launch_date") is None
    # A form label with the value on the next line.
    form = extract_facts(_view("Fecha de envío del anuncio:\n\n03/03/2026", "es"))
    assert form.value("procedure_launch_date") == "2026-03-03"
    # A label inside prose, followed by an unrelated date in the next sentence.
    prose = extract_facts(_view("Sono valutati gli atti emessi nei tre anni antecedenti la data "
                                "di pubblicazione del bando di gara;\n\nsono inclusi gli "
                                "inadempimenti di cui al decreto del 7 giugno 2024.", "it"))
    assert prose.value("procedure_launch_date") is None


@pytest.mark.parametrize(("text", "iso"), [
    ("14/09/2026", "2026-09-14"), ("2026-08-22", "2026-08-22"), ("22 août 2026", "2026-08-22"),
    ("3 de marzo de 2026", "2026-03-03"), ("3. März 2026", "2026-03-03"),
    ("2 maart 2026", "2026-03-02"), ("October 1, 2025", "2025-10-01"),
])
def test_launch_date_fact_override(text: str, iso: str) -> None:
    assert coerce_fact("procedure_launch_date", text) == iso


def test_launch_date_fact_rejects_text() -> None:
    with pytest.raises(UsageError):
        coerce_fact("procedure_launch_date", "next week")
    assert find_dates("31/02/2026") == []


def test_iso_dates_compare_as_text() -> None:
    cond = Condition({"procedure_launch_date": {"gte": "2026-08-22"}})
    assert cond.evaluate({"procedure_launch_date": "2026-09-14"}) is True
    assert cond.evaluate({"procedure_launch_date": "2026-08-21"}) is False
    assert cond.evaluate({"procedure_launch_date": None}) is None


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Clauses sociales : Sans. Clauses environnementales : Avec.", False),
    ("fr", "Article 5 - Clause sociale d'insertion", False),
    ("fr", "Le titulaire réserve 1 200 heures d'insertion à des personnes éloignées de "
           "l'emploi.", True),
    ("nl", "Social Return on Investment: niet van toepassing.", False),
    ("nl", "De opdrachtnemer besteedt 5% van de opdrachtwaarde aan Social Return.", True),
    ("es", "Condiciones especiales de ejecución: No procede.", False),
    ("es", "Se establece como condición especial de ejecución de carácter social la "
           "contratación de dos personas desempleadas de larga duración.", True),
])
def test_social_clause_fact(lang: str, text: str, expected: bool) -> None:
    assert extract_facts(_view(text, lang)).value("social_clause") is expected


def test_reserved_in_other_languages() -> None:
    be = extract_facts(_view("Perceel 2 is voorbehouden aan maatwerkbedrijven overeenkomstig "
                             "artikel 15 van de wet van 17 juni 2016.", "nl"))
    assert be.value("reserved") == "res-ws" and be.value("jurisdiction") == "be"
    de = extract_facts(_view("Die Teilnahme ist gemäß § 118 GWB Werkstätten für behinderte "
                             "Menschen vorbehalten.", "de"))
    assert de.value("reserved") == "res-ws"
    uk = extract_facts(_view("This contract is reserved to supported employment providers "
                             "under section 32 of the Procurement Act 2023.", "en"))
    assert uk.value("reserved") == "res-ws" and uk.value("jurisdiction") == "uk"
    mutual = extract_facts(_view("This light touch contract is reserved to public service "
                                 "mutuals under section 33 of the Procurement Act 2023.", "en"))
    assert mutual.value("reserved") == "res-pub-ser"
    declared = extract_facts(_view("Contrato reservado: Sí. El contrato se reserva a empresas "
                                   "de inserción.", "es"))
    assert declared.value("reserved_declared") == "reserved"
    da48 = extract_facts(_view("El contrato se reserva conforme a la disposición adicional "
                               "cuadragésima octava de la LCSP.", "es"))
    assert da48.value("reserved") == "res-pub-ser"
    # "artikel 2.82 Aanbestedingswet" is the Art. 20 reservation, not an "artikel 2.82a".
    nl = extract_facts(_view("Deze opdracht is op grond van artikel 2.82 Aanbestedingswet 2012 "
                             "voorbehouden aan sociale werkplaatsen.", "nl"))
    assert nl.value("reserved") == "res-ws"


# ------------------------------------------------------------------ the samples

# samples/README.md: rule -> expected status, for the compliant and the flawed version.
SAMPLE_VERDICTS = {
    "fr_ccap_services": {
        # A CCAP is not where the reservation's reference belongs (the avis and the RC
        # are): "elsewhere", not "missing" (pipeline/placement.py).
        "FR-R2113-7-REF": ("present", "elsewhere"),
        "FR-R2113-7-50PCT": ("present", "wrong"),
        "FR-L2112-2-SOCIAL": ("present", "missing"),
        "FR-INSERTION-HOURS": ("present", "not_applicable"),
        "FR-INSERTION-MONITOR": ("present", "not_applicable"),
    },
    "es_pcap_limpieza": {
        "ES-DA4-REF": ("present", "missing"),
        "ES-DA4-BENEF": ("present", "missing"),
        "ES-202-MIN1": ("present", "missing"),
        "ES-202-ENFORCE": ("present", "not_applicable"),
        "ES-122-CONVENIO": ("present", "missing"),
        "ES-149-REJECT": ("present", "missing"),
    },
    "nl_leidraad_groen": {
        "NL-282-RES": ("present", "missing"),
        "NL-282-30PCT": ("present", "wrong"),
        "NL-SROI": ("present", "missing"),
        "NL-SROI-PCT": ("present", "not_applicable"),
        "NL-SROI-MONITOR": ("present", "not_applicable"),
        "NL-PSO-EQUIV": ("present", "wrong"),
        "NL-BPKV": ("not_applicable", "missing"),
    },
}
SAMPLE_FILES = {"fr_ccap_services": "docx", "es_pcap_limpieza": "pdf", "nl_leidraad_groen": "docx"}
_checked: dict[str, DocumentResult] = {}


def checked(name: str) -> DocumentResult:
    if name not in _checked:
        path = SAMPLES / name
        assert path.is_file(), f"sample missing: {path} (run scripts/build_samples.py)"
        _checked[name] = check_document(path, Options(allow_trained=False))
    return _checked[name]


def _statuses(doc: DocumentResult) -> dict[str, str]:
    return {f.rule: f.status for f in doc.findings}


@pytest.mark.parametrize("stem", sorted(SAMPLE_VERDICTS))
@pytest.mark.parametrize(("variant", "index"), [("conforme", 0), ("carente", 1)])
def test_sample_verdicts(stem: str, variant: str, index: int) -> None:
    doc = checked(f"{stem}_{variant}.{SAMPLE_FILES[stem]}")
    country = stem[:2]
    assert doc.language == country
    assert doc.facts["jurisdiction"].value == country
    assert country in doc.packs and "eu" in doc.packs
    assert not [p for p in doc.packs if p in COUNTRY_PACKS and p != country]
    statuses = _statuses(doc)
    expected = {rule: verdicts[index] for rule, verdicts in SAMPLE_VERDICTS[stem].items()}
    assert {rule: statuses.get(rule) for rule in expected} == expected


def test_french_samples_facts_and_traps() -> None:
    good = checked("fr_ccap_services_conforme.docx")
    bad = checked("fr_ccap_services_carente.docx")
    for doc in (good, bad):
        assert doc.facts["procedure_launch_date"].value == "2026-09-14"
        assert doc.facts["above_eu_threshold"].value is True
        assert doc.facts["reserved"].value == "res-ws"
    assert good.facts["social_clause"].value is True
    # "Clauses sociales : Sans", the heading over a template: no social clause.
    assert bad.facts["social_clause"].value is False
    social = next(f for f in bad.findings if f.rule == "FR-L2112-2-SOCIAL")
    assert social.detail.get("explicitly_absent") is True
    assert "Sans" in social.evidence[0].text
    pct = next(f for f in bad.findings if f.rule == "FR-R2113-7-50PCT")
    assert pct.detail["values"] == [30.0]
    assert "disadvantaged-employment" in [e.id for e in good.profile.elements]
    # the bad sample states no insertion clause, only a reserved lot: the reservation is
    # the reserved element, not a commitment to employ anyone on the contract
    assert bad.facts["reserved"].value == "res-ws"
    assert "disadvantaged-employment" not in [e.id for e in bad.profile.elements]


def test_dutch_and_spanish_samples_quote_their_defects() -> None:
    nl = checked("nl_leidraad_groen_carente.docx")
    assert nl.facts["award_method"].value == "lowest_price"
    sroi = next(f for f in nl.findings if f.rule == "NL-SROI")
    assert sroi.detail.get("explicitly_absent") is True
    pso = next(f for f in nl.findings if f.rule == "NL-PSO-EQUIV")
    assert "PSO-certificaat" in pso.evidence[0].text
    es = checked("es_pcap_limpieza_carente.pdf")
    assert es.facts["social_clause"].value is False
    cond = next(f for f in es.findings if f.rule == "ES-202-MIN1")
    assert cond.detail.get("explicitly_absent") is True
    good = checked("es_pcap_limpieza_conforme.pdf")
    assert good.facts["reserved_declared"].value == "reserved"
    assert good.profile.eforms["BT-71"] == ["res-ws"]


# ------------------------------------------------------------------ the French real documents

corpus = pytest.mark.skipif(not (CORPUS / "truth.yaml").is_file(),
                            reason="real corpus not present beside the repository")


def _corpus(name: str) -> DocumentResult:
    key = f"corpus:{name}"
    if key not in _checked:
        path = CORPUS / name
        if not path.is_file():
            pytest.skip(f"{name} not in the corpus")
        _checked[key] = check_document(path, Options(allow_trained=False))
    return _checked[key]


@corpus
def test_corpus_insertion_clause_found() -> None:
    doc = _corpus("fr_contrat_france_travail_bornes_irve_010-26_2026.pdf")
    assert doc.facts["jurisdiction"].value == "fr"
    assert "fr" in doc.packs
    assert "disadvantaged-employment" in [e.id for e in doc.profile.elements]
    assert doc.facts["social_clause"].value is True
    assert doc.profile.reserved == "none"  # "entreprise adaptée" about advance payments
    statuses = _statuses(doc)
    assert statuses["FR-INSERTION-HOURS"] == "present"
    assert statuses["FR-INSERTION-MONITOR"] == "present"


@corpus
def test_corpus_clauses_sociales_sans_is_absent() -> None:
    doc = _corpus("fr_ccap_grenoble_inp_machine_prototypage_2026.pdf")
    assert doc.facts["social_clause"].value is False
    assert [e.id for e in doc.profile.elements] == []
    assert doc.profile.reserved == "none"
    assert _statuses(doc)["FR-INSERTION-HOURS"] == "not_applicable"


@corpus
def test_corpus_marche_reserve_non_is_absent() -> None:
    doc = _corpus("fr_boamp_avis_20-101053_transport_dga_2020.pdf")
    assert doc.profile.reserved == "none"
    assert doc.facts["reserved_declared"].value == "none"
    assert doc.profile.eforms["BT-71"] == ["none"]
    assert [e.id for e in doc.profile.elements] == []
    # Dispatched in 2020: the 2026 social execution duty does not apply.
    assert doc.facts["procedure_launch_date"].value == "2020-08-10"
    assert _statuses(doc)["FR-L2112-2-SOCIAL"] == "not_applicable"
