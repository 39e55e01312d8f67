"""A document that says it is no procurement is non-procurement whatever it calls itself
(facts/kind.py `_declared_not_procurement`), and the third sector's co-design notices
(art. 55 D.Lgs. 117/2017) are no procurement; a procurement that denies only a
reservation ("not a procurement reserved to ...") or opens a market survey ("non
costituisce procedura di gara") stays procurement. Six languages."""

from __future__ import annotations

import pytest
from conftest import facts_of

from proseco_check.model.facts import TenderFacts


def _facts(*paragraphs: str, lang: str) -> TenderFacts:
    return facts_of(" // ".join(paragraphs), lang)


DECLARED = [
    ("en", ("Guidance for Applicants", "This is a grant programme, not a procurement. No "
            "public contract is awarded.")),
    ("it", ("Disciplinare dell'avviso", "Non si tratta di una procedura di affidamento di un "
            "contratto pubblico: le risorse sono erogate come contributo.")),
    ("it", ("AVVISO PUBBLICO DI ISTRUTTORIA DI CO-PROGETTAZIONE", "ai sensi dell'art. 55 del "
            "D.Lgs. 117/2017 per il centro diurno.")),
    ("fr", ("Règlement", "Le présent appel ne constitue pas un marché public au sens du code de "
            "la commande publique.")),
    ("es", ("Bases", "La presente convocatoria no constituye un contrato público.")),
    ("de", ("Leitfaden", "Es handelt sich um keinen öffentlichen Auftrag im Sinne des GWB.")),
    ("nl", ("Reglement", "Deze oproep is geen overheidsopdracht.")),
    ("it", ("MODELLO DI PATTO DI INTEGRITA'", "Il presente documento è un modello generale. Non "
            "avvia alcuna procedura di affidamento e viene allegato agli atti delle procedure.")),
    ("en", ("LOCHAN BRAE HOUSING ASSOCIATION LIMITED", "ANNUAL PROCUREMENT REPORT 2025/26",
            "We are aware of modern slavery risks in the supply of uniforms.")),
    # the procurement law said not to apply, and nothing bought, in a text full of
    # procurement words
    ("nl", ("Marktreglement", "De inschrijving voor standplaatsen staat open; de gunning volgt "
            "de gunningscriteria en de inschrijver met de hoogste score krijgt de plaats. De "
            "Aanbestedingswet 2012 is niet van toepassing; de gemeente koopt geen diensten in.")),
    ("fr", ("Règlement du concours", "Les candidats déposent leur offre avant la date limite; "
            "le jury classe les offres selon les critères d'attribution (qualité 60 %, prix "
            "40 %). Le code de la commande publique ne s'applique pas à ce concours.")),
    ("fr", ("RÈGLEMENT D'AFFOUAGE", "Le présent règlement organise le partage du bois entre "
            "les habitants. Il ne constitue ni un marché public ni une concession au sens du "
            "code de la commande publique. Les candidats au lot déposent leur offre.")),
    ("fr", ("Règlement du concours des balcons fleuris", "Les candidatures sont notées par un "
            "jury selon des critères d'attribution; la Ville n'achète aucune prestation.")),
    ("es", ("Bases del certamen", "Los licitadores presentarán su oferta en sobre cerrado; la "
            "adjudicación se hará según los criterios de adjudicación. La LCSP no es de "
            "aplicación a las presentes bases.")),
    ("nl", ("INSCHRIJVINGSVOORWAARDEN VERHUUR VAN HET VISRECHT", "De gemeente verhuurt het "
            "visrecht bij wege van inschrijving. Dit is een verhuur van een zakelijk "
            "gebruiksrecht en GEEN overheidsopdracht in de zin van de Aanbestedingswet 2012; "
            "de gunning volgt de gunningscriteria.")),
    ("de", ("Richtlinie Standplatzvergabe", "Die Bieter reichen ihr Angebot bis zur "
            "Angebotsfrist ein; der Zuschlag folgt den Zuschlagskriterien. Das Vergaberecht "
            "findet keine Anwendung.")),
    # an organisation's report on its year
    ("it", ("COOPERATIVA SOCIALE IL TELAIO", "BILANCIO SOCIALE 2025", "Il 64 % del fatturato "
            "deriva da contratti pubblici.")),
    # a council's resolution on procurement policy
    ("it", ("VERBALE DI DELIBERAZIONE DELLA GIUNTA COMUNALE N. 163", "OGGETTO: APPROVAZIONE "
            "DELLE LINEE DI INDIRIZZO PER GLI ACQUISTI PUBBLICI SOCIALMENTE RESPONSABILI")),
    # "neither ... nor", the law named with a bracket, and nothing bought
    ("de", ("Bedingungen der Verpachtung", "Die Bieter geben ihr Gebot bis zur Frist ab. Es "
            "handelt sich weder um einen öffentlichen Auftrag noch um eine Konzession.")),
    ("de", ("Pachtbedingungen", "Die Bieter geben ihr Angebot ab; der Zuschlag geht an das "
            "höchste Gebot. Die Stadt kauft damit keine Bau- oder Dienstleistungen.")),
    ("en", ("Terms of Sale", "Bidders submit their tender by the deadline. This sale is neither a "
            "public contract nor a concession.")),
    ("es", ("Bases del certamen", "Las presentes bases no constituyen una licitación ni un "
            "contrato; no les es de aplicación la Ley 9/2017, de Contratos del Sector Público.")),
    ("fr", ("Règlement", "Les candidats déposent leur dossier avant la date limite. Le présent "
            "règlement n'est ni un marché public ni une concession.")),
    # a letting: the authority receives rent, buys nothing, and the law does not apply
    ("en", ("INVITATION TO TENDER - LEASE OF GRAZING RIGHTS", "Tenders are invited for a "
            "five-year lease; the highest rent is accepted. The Council is not buying any "
            "services; the Procurement Reform (Scotland) Act 2014 and the Public Contracts "
            "(Scotland) Regulations 2015 do not apply.")),
    # a participatory budget: residents propose and vote, with "criteria" and "projects"
    ("fr", ("RÈGLEMENT DU BUDGET PARTICIPATIF 2027", "Les habitants déposent leurs projets; "
            "les critères de recevabilité et le vote désignent les lauréats.")),
    # a prize competition under a bando's title that says it is no tender, and a German
    # "Ausschreibung" that awards no contract and runs no procedure
    ("it", ("BANDO DEL CONCORSO \"IL BALCONE FIORITO\"", "Il presente bando regola un concorso a "
            "premi. Non è una gara d'appalto e non dà luogo ad alcun contratto pubblico.")),
    ("de", ("AUSSCHREIBUNG Fotowettbewerb", "Die Teilnehmer reichen ihr Angebot bis zur Frist "
            "ein. Es wird kein Auftrag vergeben und kein Vergabeverfahren nach dem GWB "
            "durchgeführt.")),
]
STILL_PROCUREMENT = [
    # a clarification note names no document kind but speaks the language of procurement
    ("nl", ("NOTA VAN INLICHTINGEN 1", "Europese openbare aanbesteding Post en koeriersdiensten. "
            "Deze nota van inlichtingen maakt deel uit van de aanbestedingsdocumenten en gaat "
            "voor op de aanbestedingsleidraad; de opdrachtnemer levert een SROI-plan."), True),
    ("en", ("INVITATION TO TENDER", "for gully cleansing. This is not a procurement reserved to "
            "supported employment providers under section 32 of the Procurement Act 2023."),
     True),
    # one provision of the law said not to apply, not the law
    ("de", ("BEKANNTMACHUNG", "Offenes Verfahren. Der Auftrag ist nicht Werkstätten für "
            "behinderte Menschen vorbehalten (§ 118 GWB findet keine Anwendung)."), True),
    ("es", ("PLIEGO DE PRESCRIPCIONES TÉCNICAS", "No existe personal que subrogar: el "
            "artículo 130 de la LCSP no resulta aplicable."), True),
    ("nl", ("AANBESTEDINGSLEIDRAAD", "Europese openbare aanbesteding. Artikel 2.82 van de "
            "Aanbestedingswet 2012 is niet van toepassing."), True),
    ("it", ("AVVISO DI INDAGINE DI MERCATO", "per l'affidamento del servizio di pulizia. Il "
            "presente avviso non costituisce procedura di gara."), True),
    # a cancellation clause: no contract if no bid is economic
    ("de", ("AUFFORDERUNG ZUR ANGEBOTSABGABE", "Offenes Verfahren nach VgV für die Reinigung. "
            "Ist kein Angebot wirtschaftlich, so wird kein Auftrag vergeben."), True),
]


@pytest.mark.parametrize(("lang", "paragraphs"), DECLARED)
def test_a_declared_non_procurement(lang: str, paragraphs: tuple[str, ...]) -> None:
    facts = _facts(*paragraphs, lang=lang)
    assert facts.value("document_kind") == "non-procurement"
    assert facts.value("is_tender") is False


@pytest.mark.parametrize(("lang", "paragraphs", "tender"), STILL_PROCUREMENT)
def test_a_denied_reservation_is_still_procurement(lang: str, paragraphs: tuple[str, ...],
                                                   tender: bool) -> None:
    facts = _facts(*paragraphs, lang=lang)
    assert facts.value("document_kind") != "non-procurement"
    assert facts.value("is_tender") is tender
