"""Social-procurement profile on small Italian texts: traps that a keyword matcher falls
into, hiring-quota values, the gender certification's context and the eForms codes."""

from __future__ import annotations

import pytest
from conftest import profile_ids

from proseco_check.clauses.judge import ClauseJudge
from proseco_check.facts.registry import extract_facts
from proseco_check.model.document import Block, Document, Location
from proseco_check.model.report import Profile
from proseco_check.model.vocab import ELEMENTS
from proseco_check.nlp import build_view
from proseco_check.profile.build import build_profile


def profile(*paragraphs: str, facts: dict[str, str] | None = None) -> Profile:
    blocks = [Block(kind="paragraph", text=p, location=Location(paragraph=i))
              for i, p in enumerate(paragraphs, start=1)]
    view = build_view(Document(path="<test>", format="text", blocks=blocks), lang="it",
                      allow_trained=False)
    return build_profile(ClauseJudge(view), extract_facts(view, facts or {}))


def ids(p: Profile) -> list[str]:
    return [e.id for e in p.elements]


def element(p: Profile, element_id: str):
    found = [e for e in p.elements if e.id == element_id]
    assert found, f"{element_id} not in {ids(p)}"
    return found[0]


# ------------------------------------------------------------------ traps


def test_wheelchair_lift_is_not_disadvantaged_employment() -> None:
    trap = profile("Il veicolo è dotato di pedana sollevatrice per disabili in carrozzella per il "
                   "trasporto degli utenti.")
    assert "disadvantaged-employment" not in ids(trap)
    real = profile("L'appaltatore si impegna all'inserimento lavorativo di persone svantaggiate "
                   "nel servizio.")
    assert "disadvantaged-employment" in ids(real)
    assert element(real, "disadvantaged-employment").evidence[0].paragraph == 1


def test_reserved_area_and_confidentiality_are_not_a_reservation() -> None:
    trap = profile("Le offerte sono caricate nell'area riservata della piattaforma telematica.",
                   "La documentazione è accessibile nella medesima area riservata.",
                   "Gli operatori economici sono tenuti alla riservatezza delle informazioni.")
    assert trap.reserved == "none"
    assert trap.eforms["BT-71"] == ["none"]
    assert trap.eforms["BT-736"] == ["no"]
    real = profile("La procedura è riservata, ai sensi dell'art. 61 del D.Lgs. 36/2023, alle "
                   "cooperative sociali che hanno per scopo l'integrazione sociale e "
                   "professionale di persone svantaggiate.")
    assert real.reserved == "res-ws"


def test_reservation_negated_is_not_reserved() -> None:
    p = profile("La partecipazione non è riservata alle cooperative sociali di cui all'art. 61.")
    assert p.reserved == "none"


def test_ilo_stenosis_is_not_ethical_supply_chain() -> None:
    trap = profile("Il servizio comprende la diagnosi della STENOSI DELL'ILO polmonare mediante "
                   "TAC.")
    assert "ethical-supply-chain" not in ids(trap)
    real = profile("I prodotti sono realizzati nel rispetto delle convenzioni fondamentali "
                   "dell'OIL lungo tutta la filiera.")
    assert "ethical-supply-chain" in ids(real)
    assert real.eforms["BT-775"] == ["hum-right"]


# ------------------------------------------------------------------ hiring quotas

QUOTAS = ("L'operatore economico si impegna a riservare una quota delle assunzioni necessarie "
          "sia all'occupazione giovanile, per una quota di 30 %, sia a quella femminile, per una "
          "quota di 20%.")


def test_hiring_quotas_youth_value() -> None:
    assert element(profile(QUOTAS), "hiring-quotas").values["youth_pct"] == 30.0


def test_hiring_quotas_each_group_gets_its_own_value() -> None:
    assert element(profile(QUOTAS), "hiring-quotas").values == {"youth_pct": 30.0,
                                                                "women_pct": 20.0}


def test_hiring_quotas_one_value_for_both_groups() -> None:
    p = profile("L'operatore si obbliga ad assicurare una quota pari almeno al 30 per cento delle "
                "assunzioni necessarie sia all'occupazione giovanile sia all'occupazione "
                "femminile.")
    assert element(p, "hiring-quotas").values == {"youth_pct": 30.0, "women_pct": 30.0}


def test_hiring_quota_without_a_number_is_not_an_element() -> None:
    p = profile("L'operatore favorisce l'occupazione giovanile e femminile nelle assunzioni.")
    assert "hiring-quotas" not in ids(p)


# ------------------------------------------------------------------ gender certification


def test_gender_certification_for_a_guarantee_reduction_does_not_count() -> None:
    p = profile("L'importo della garanzia provvisoria è ridotto del 10 per cento per gli "
                "operatori in possesso della certificazione della parità di genere.")
    assert "gender-equality-certification" not in ids(p)
    assert "social-award-criteria" not in ids(p)


@pytest.mark.parametrize("text", [
    "Criterio 6: possesso della certificazione della parità di genere UNI/PdR 125:2022, punti 5.",
    "All'offerta tecnica sono attribuiti 5 punti per il possesso della certificazione della "
    "parità di genere.",
])
def test_gender_certification_as_award_criterion_counts(text: str) -> None:
    p = profile(text)
    assert "gender-equality-certification" in ids(p)
    # An award criterion for the certification is a social award criterion too.
    assert "social-award-criteria" in ids(p)
    assert p.eforms["BT-775"] == ["gen-eq"]


def test_gender_certification_in_award_section_counts() -> None:
    blocks = [
        Block(kind="heading", text="CRITERI DI AGGIUDICAZIONE", level=1,
              location=Location(paragraph=1, section="CRITERI DI AGGIUDICAZIONE")),
        Block(kind="paragraph", text="Possesso della certificazione della parità di genere.",
              location=Location(paragraph=2, section="CRITERI DI AGGIUDICAZIONE")),
    ]
    view = build_view(Document(path="<t>", format="text", blocks=blocks), lang="it",
                      allow_trained=False)
    p = build_profile(ClauseJudge(view), extract_facts(view))
    assert "gender-equality-certification" in ids(p)


# ------------------------------------------------------------------ other elements


@pytest.mark.parametrize(
    ("text", "element_id"),
    [
        ("Il contratto collettivo applicabile al personale è il CCNL Multiservizi.",
         "labour-agreement"),
        ("L'aggiudicatario è tenuto al riassorbimento del personale già impiegato "
         "dall'appaltatore uscente.", "employment-stability"),
        ("I locali rispettano la normativa sulle barriere architettoniche.", "accessibility"),
    ],
)
def test_single_elements(text: str, element_id: str) -> None:
    assert ids(profile(text)) == [element_id]


def test_template_clause_is_not_an_element() -> None:
    p = profile("[Eventuale: clausola sociale ai sensi dell'art. 57 del Codice.]")
    assert "employment-stability" not in ids(p)


def test_elements_follow_the_vocabulary_order() -> None:
    p = profile("I locali rispettano la normativa sulle barriere architettoniche.",
                "Criterio 6: certificazione della parità di genere, punti 5.",
                "Il contratto collettivo applicabile al personale è il CCNL Multiservizi.")
    assert ids(p) == [e for e in ELEMENTS if e in ids(p)]
    assert set(ids(p)) == {"labour-agreement", "social-award-criteria",
                           "gender-equality-certification", "accessibility"}


# ------------------------------------------------------------------ eForms


def test_eforms_for_a_plain_document() -> None:
    p = profile("Il servizio è svolto secondo il capitolato.")
    assert p.elements == []
    assert p.eforms == {"BT-06": ["none"], "BT-71": ["none"], "BT-736": ["no"], "BT-775": []}


def test_eforms_for_a_reserved_contract() -> None:
    p = profile("Il servizio è svolto secondo il capitolato.", facts={"reserved": "res-ws"})
    assert p.reserved == "res-ws"
    assert p.eforms == {"BT-06": ["soc-obj"], "BT-71": ["res-ws"], "BT-736": ["yes"],
                        "BT-775": []}


def test_eforms_for_a_public_service_mission_reservation() -> None:
    p = profile("Il servizio è svolto secondo il capitolato.", facts={"reserved": "res-pub-ser"})
    assert p.eforms["BT-71"] == ["res-pub-ser"]
    assert p.eforms["BT-736"] == ["no"]


def test_eforms_social_award_criterion_alone_is_other() -> None:
    p = profile("Criterio 3: progetto di pari opportunità per il personale, punti 15.")
    assert ids(p) == ["social-award-criteria"]
    assert p.eforms["BT-775"] == ["other"]
    assert p.eforms["BT-06"] == ["soc-obj"]


def test_eforms_codes_are_sorted_and_unique() -> None:
    p = profile("Il contratto collettivo applicabile al personale è il CCNL Multiservizi.",
                "L'aggiudicatario è tenuto al riassorbimento del personale già impiegato "
                "dall'appaltatore uscente.",
                "L'appaltatore si impegna all'inserimento lavorativo di persone svantaggiate.")
    assert p.eforms["BT-775"] == ["opp", "work-cond"]


def test_a_document_that_is_no_tender_has_no_profile() -> None:
    """A public competition names the CCNL its winners are hired under and the reserve
    for disabled people: no contract, so no social clause of one."""
    texts = ("BANDO DI CONCORSO PUBBLICO PER ESAMI PER LA COPERTURA DI N. 3 POSTI DI "
             "ISTRUTTORE AMMINISTRATIVO.",
             "I vincitori sono assunti ai sensi del CCNL Funzioni Locali.",
             "Il 30 per cento dei posti è riservato alle persone con disabilità iscritte "
             "negli elenchi del collocamento mirato.")
    assert ids(profile(*texts)) == []
    # The same clauses without the competition's title: a fragment, profiled as before.
    assert "labour-agreement" in ids(profile(*texts[1:]))


def test_a_reservation_alone_is_not_disadvantaged_employment() -> None:
    """A reservation (art. 20 Directive 2014/24/EU) is the reserved element: it admits
    operators whose staff is at least 30 % disabled or disadvantaged, and commits no one
    to employ anybody on this contract. Disadvantaged employment needs the work itself
    done by those workers, or another commitment to employ them (the labelling of blind
    sets 23-34)."""
    reservation = ("Il lotto 2 è riservato, ai sensi dell'art. 61 del d.lgs. 36/2023, agli "
                   "operatori economici il cui scopo principale è l'integrazione sociale e "
                   "professionale delle persone con disabilità o svantaggiate.")
    p = profile(reservation)
    assert p.reserved == "res-ws"
    assert "disadvantaged-employment" not in ids(p)
    done_by = ("Les prestations sont exécutées par des salariés en parcours d'insertion, "
               "encadrés par un encadrant technique.")
    assert "disadvantaged-employment" in profile_ids("fr", done_by)


def test_a_long_document_without_procurement_words_has_no_profile() -> None:
    """A school gym's rules (no title the lexicon knows, no procurement vocabulary) are a
    document of another kind: no reservation from "fasce riservate alle persone con
    disabilità"; a pasted clause of a few sentences keeps its profile."""
    rules = [f"Art. {i} - La palestra è aperta dalle {i + 8} alle {i + 9} per le società "
             f"sportive iscritte all'albo comunale." for i in range(1, 31)]
    rules.append("Per le attività rivolte a persone con disabilità sono riservate due fasce "
                 "settimanali ai sensi dell'art. 61 del d.lgs. 36/2023.")
    assert profile(*rules).elements == []
    assert profile(*rules).reserved == "none"
