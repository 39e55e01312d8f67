"""Negation scope beyond the cue's window (proseco_check/nlp/negation.py): a negated noun
of obligation or verb of expectation over its complement, post-posed denials, run-in
labels with a negative value, negative concord and double negation, and the words that
stop a negation (inverters, boundaries). Both directions, six languages."""

from __future__ import annotations

import re

import pytest

from proseco_check.model.document import Block, Document, Location
from proseco_check.nlp import build_view


def negated(text: str, needle: str, lang: str) -> bool:
    blocks = [Block(kind="paragraph", text=text, location=Location(paragraph=1))]
    view = build_view(Document(path="<test>", format="text", blocks=blocks), lang=lang,
                      allow_trained=False)
    for sentence in view.sentences:
        m = re.search(re.escape(needle), sentence.text)
        if m:
            return sentence.negated_at(m.start(), m.end())
    raise AssertionError(f"{needle!r} not in {[s.text for s in view.sentences]}")


# A negative quantifier or a negated verb governs a noun of obligation whose complement is
# the match, however far (an aside between commas, a bracket).
GOVERNED = [
    # plain text's "e'" for "è" is a verb, not the conjunction that ends a clause
    ("it", "Non vi e' personale da riassorbire.", "personale da riassorbire"),
    # points denied deny what they would score
    ("it", "Nessun punteggio è attribuito a elementi relativi all'occupazione o alla "
           "certificazione di genere.", "certificazione di genere"),
    # a noun of condition or clause governs like one of obligation
    ("fr", "Le présent contrat ne comporte aucune condition d'exécution relative à "
           "l'insertion professionnelle.", "insertion professionnelle"),
    ("it", "Il contratto non prevede alcuna condizione di esecuzione relativa all'inserimento "
           "lavorativo.", "inserimento lavorativo"),
    ("en", "The contract contains no condition of performance relating to the employment of "
           "long-term unemployed people.", "long-term unemployed"),
    # the items of a list the denial governs, up to the disjunction
    ("nl", "Het bestek legt geen verplichting op inzake opleiding, tewerkstelling van "
           "kansengroepen of arbeidsnormen.", "tewerkstelling van kansengroepen"),
    ("nl", "Het bestek legt geen verplichting op inzake opleiding, arbeidsnormen of "
           "tewerkstelling van kansengroepen.", "tewerkstelling van kansengroepen"),
    ("en", "The contract imposes no requirement regarding training, the employment of "
           "disadvantaged people, apprenticeships or wages.", "disadvantaged people"),
    ("de", "Der Vertrag enthält keine Vorgaben zu Ausbildung, Beschäftigung von "
           "Langzeitarbeitslosen oder Tariflöhnen.", "Langzeitarbeitslosen"),
    # a possessive relative clause belongs to the denied noun
    ("de", "Es gibt keinen bisherigen Auftragnehmer, dessen Personal zu übernehmen wäre.",
     "Personal zu übernehmen"),
    ("nl", "Door de verplichte overname is er geen ruimte voor extra instroom van kandidaten met "
           "een afstand tot de arbeidsmarkt.", "afstand tot de arbeidsmarkt"),
    ("fr", "Le présent marché n'emporte aucune obligation, pour le titulaire, de reprendre le "
           "personnel affecté par le titulaire sortant ;", "reprendre le personnel"),
    ("fr", "Il n'existe aucune obligation à la charge du nouveau titulaire de reprendre les "
           "salariés de l'entreprise sortante.", "reprendre les salariés"),
    ("fr", "Il n'est pas prévu de clause sociale.", "clause sociale"),
    ("it", "Il presente appalto non comporta alcun obbligo di assorbimento del personale "
           "impiegato dal gestore uscente.", "personale impiegato"),
    ("it", "Il subentro avviene senza obbligo di riassorbimento del personale.",
     "riassorbimento del personale"),
    ("it", "L'aggiudicatario non è in alcun modo tenuto ad assorbire, anche parzialmente, il "
           "personale del precedente affidatario.", "personale del precedente"),
    ("es", "No existe obligación de subrogación del personal.", "subrogación del personal"),
    ("es", "No existe, para el adjudicatario, ninguna obligación de subrogarse en los contratos "
           "de trabajo del personal actual.", "contratos de trabajo"),
    ("es", "No procede la subrogación del personal.", "subrogación del personal"),
    ("nl", "Er is geen verplichting tot overname van personeel.", "overname van personeel"),
    ("nl", "Voor de opdrachtnemer bestaat geen enkele verplichting om het personeel van de "
           "huidige dienstverlener over te nemen.", "personeel van de huidige"),
    ("de", "Es besteht keinerlei Verpflichtung zur Übernahme des beim bisherigen "
           "Auftragnehmer beschäftigten Personals.", "Übernahme des beim"),
    ("de", "Der Auftragnehmer ist nicht verpflichtet, das Personal des bisherigen "
           "Auftragnehmers zu übernehmen.", "Personal des bisherigen"),
    ("en", "There is no obligation to take on staff of the incumbent.", "take on staff"),
    ("en", "There is no requirement on the successful supplier, whether under this contract "
           "or otherwise, to engage the existing staff.", "engage the existing staff"),
]
# A negated verb of expectation or provision governs a clause or infinitive.
EXPECTED = [
    ("en", "The contracting authority does not expect that the European Communities "
           "(Protection of Employees on Transfer of Undertakings) Regulations 2003 will "
           "apply to this contract.", "Regulations 2003"),
    ("en", "The Council does not anticipate that any employees of the current provider will "
           "transfer to the new supplier.", "employees of the current provider"),
    ("de", "Der Auftraggeber erwartet nicht, dass Beschäftigte des bisherigen Auftragnehmers "
           "auf den neuen Auftragnehmer übergehen.", "Beschäftigte des bisherigen"),
    ("nl", "De aanbestedende dienst verwacht niet dat medewerkers van de huidige "
           "opdrachtnemer overgaan naar de nieuwe opdrachtnemer.", "medewerkers van de huidige"),
    ("it", "La stazione appaltante non ritiene che il personale attualmente impiegato debba "
           "essere riassorbito dal nuovo affidatario.", "personale attualmente impiegato"),
    ("es", "El órgano de contratación no prevé que los trabajadores de la empresa saliente "
           "deban ser subrogados.", "trabajadores de la empresa saliente"),
]
# The clause named first, denied by a predicate after it in the same clause.
DENIED_AFTER = [
    ("it", "La clausola di stabilità occupazionale non trova qui applicazione.",
     "stabilità occupazionale"),
    ("de", "Die Arbeiten wurden bisher vom Bauhof erledigt, § 613a BGB ist nicht berührt.",
     "§ 613a BGB"),
    ("de", "Die Leistung wird erstmals vergeben; ein Betriebsübergang nach dem AVRAG ist "
           "ausgeschlossen.", "Betriebsübergang"),
    ("de", "Der Rufbus ist ein neuer Dienst; eine Übernahme von Personal kommt daher nicht "
           "in Frage.", "Übernahme von Personal"),
    # "weder ... noch" after the subject, and before it
    ("de", "Eine Übernahme von Personal ist weder vorgesehen noch möglich.",
     "Übernahme von Personal"),
    ("de", "Es ist weder eine Übernahme des Personals vorgesehen noch eine Tariftreue.",
     "Übernahme des Personals"),
    ("de", "(1) Ein vorbehaltener Auftrag nach § 118 GWB liegt nicht vor.", "vorbehaltener"),
    ("nl", "De opdracht bestaat uit werk voor de zittende brugwachters; voor aanvullende "
           "leer-werkplekken is in de centrale geen ruimte.", "leer-werkplekken"),
    # a label whose value denies in the complement of a verb of view
    ("en", "4.2 Staff transfer: the Partnership considers that TUPE does not apply on award, "
           "as the current arrangements are spot purchases.", "Staff transfer"),
    # ... or of a copula
    ("en", "C4 Transfer of staff: the Council's position is that TUPE will not apply, as the "
           "work is new.", "Transfer of staff"),
    # German puts "nicht" at the end: "... enthält dieser Auftrag nicht"
    ("de", "7.3 Vorgaben zu Tarifverträgen der Lieferanten oder zur Übernahme von Personal "
           "enthält dieser Auftrag nicht.", "Übernahme von Personal"),
    # "ni" alone denies what follows it ("nor"), as "né" does in Italian
    ("es", "Esta cláusula no establece obligaciones sobre el convenio colectivo aplicable al "
           "personal del adjudicatario en España, ni exige subrogación de personal alguna.",
     "subrogación de personal"),
    # a bracketed citation between the subject and its denial
    ("en", "TUPE (S.I. No. 131 of 2003) does not apply.", "TUPE"),
    ("fr", "Le marché n'entraîne aucun transfert de personnel et l'article L. 1224-1 du code du "
           "travail n'a pas vocation à s'appliquer.", "L. 1224-1"),
    ("it", "Ai sensi dell'art. 57, comma 1, del Codice la stazione appaltante non inserisce la "
           "clausola sociale di riassorbimento.", "art. 57"),
    ("de", "Ein Tarifvertrag für den öffentlichen Personennahverkehr ist nicht anzuwenden.",
     "Tarifvertrag"),
    ("fr", "L'exigence de l'art. 12 al. 2 AIMP relative aux conventions fondamentales de l'OIT "
           "pour les prestations fournies à l'étranger n'a pas de portée pratique pour ce "
           "marché.", "conventions fondamentales de l'OIT"),
    ("de", "Die Reinigungskräfte des bisherigen Auftragnehmers haben keinen Anspruch auf "
           "Übernahme.", "Reinigungskräfte des bisherigen"),
    ("nl", "De Internationale Sociale Voorwaarden worden daarom niet in de overeenkomst "
           "opgenomen.", "Internationale Sociale Voorwaarden"),
    ("it", "Per la presente procedura la certificazione UNI/PdR 125:2022 non è richiesta.",
     "certificazione UNI/PdR"),
    ("nl", "Social Return wordt bij deze opdracht niet als verplichting opgelegd.",
     "Social Return"),
    ("en", "The Council is of the view that the Transfer of Undertakings (Protection of "
           "Employment) Regulations do not apply to this contract.", "Transfer of Undertakings"),
    ("nl", "Van overgang van onderneming is geen sprake.", "overgang van onderneming"),
    # The option not taken up, the denial after the subject ("is dit niet").
    ("de", "Von der Möglichkeit, die Teilnahme nach § 118 GWB auf Werkstätten für Menschen mit "
           "Behinderungen zu beschränken, macht die Vergabestelle keinen Gebrauch.",
     "§ 118 GWB"),
    ("en", "The Council does not exercise the option under regulation 20 to reserve this "
           "contract to sheltered workshops.", "sheltered workshops"),
    ("nl", "Een voorbehouden opdracht (artikel 2.82) is dit niet.", "voorbehouden opdracht"),
    ("de", "Ein vorbehaltener Auftrag nach § 118 GWB ist dies nicht.", "vorbehaltener Auftrag"),
    ("de", "Eine Verpflichtung zur Übernahme des Personals besteht nicht.",
     "Übernahme des Personals"),
    ("de", "Eine Personalübernahme ist bei diesem Auftrag nicht vorgesehen.",
     "Personalübernahme"),
    ("en", "TUPE is not expected to apply to this contract.", "TUPE"),
    ("en", "A staff transfer is not required under this contract.", "staff transfer"),
    ("it", "Il riassorbimento del personale uscente, per la natura del servizio, non è "
           "previsto.", "riassorbimento del personale"),
    ("fr", "La reprise du personnel n'est pas exigée dans le cadre du présent marché.",
     "reprise du personnel"),
    ("es", "La subrogación del personal no es obligatoria en este contrato.",
     "subrogación del personal"),
    ("nl", "Overname van personeel is bij deze opdracht niet vereist.", "Overname van personeel"),
]
# A run-in label whose value denies.
LABELS = [
    # a bracket that explains the answer holds a cue of its own
    ("es", "| G. Contrato reservado | No (disposición adicional cuarta LCSP no aplicada) |",
     "reservado"),
    # a label numbered with a letter and a digit ("D2")
    ("en", "D2 TUPE. The work is new; the Council does not consider that the TUPE Regulations "
           "2006 apply.", "TUPE"),
    # a year in a law's name is no figure that answers the label
    ("en", "5.2 Transfer of undertakings. This is a new requirement; the European Communities "
           "(Protection of Employees on Transfer of Undertakings) Regulations 2003 are not "
           "expected to apply.", "Transfer of undertakings"),
    # a table row's key column before the label's cell, a citation inside the label
    ("es", "| G | Contrato reservado (DA 4.a) | No |", "reservado"),
    ("nl", "Deze opdracht is géén voorbehouden opdracht in de zin van artikel 2.82.",
     "voorbehouden opdracht"),
    # "compte tenu" means "given": no duty that affirms the label
    ("fr", "6.3 Clause d'insertion : compte tenu du délai d'exécution très court et du "
           "caractère technique des lots, le présent marché ne comporte pas d'action "
           "d'insertion.", "Clause d'insertion"),
    # An auxiliary in a clause about something else affirms nothing; the block's later
    # denial of the label's subject decides.
    ("de", "k) Übernahme von Personal: Die Wäsche wird bisher in der hauseigenen Wäscherei "
           "gewaschen; deren Beschäftigte werden weiterbeschäftigt. Eine Übernahme durch den "
           "Auftragnehmer ist nicht vorgesehen.", "Übernahme von Personal"),
    ("en", "Staff transfer: none.", "Staff transfer"),
    ("en", "5.3 Transfer of undertakings: the Contracting Authority does not expect that the "
           "TUPE Regulations will apply to this contract.", "Transfer of undertakings"),
    ("en", "3.5 Staff transfer: the service is currently delivered by the Council's own team "
           "as a pilot; no employees are assigned to it and the Council does not expect the "
           "TUPE Regulations to apply.", "Staff transfer"),
    ("fr", "5.3 Reprise du personnel. Le présent marché n'emporte aucune obligation de "
           "reprendre le personnel du titulaire sortant.", "Reprise du personnel"),
    ("it", "Art. 9 – Clausola sociale: non prevista.", "Clausola sociale"),
    ("es", "Subrogación del personal: no procede.", "Subrogación del personal"),
    ("nl", "Personeelsovername: de opdrachtgever verwacht niet dat personeel overgaat.",
     "Personeelsovername"),
]


@pytest.mark.parametrize(("lang", "text", "needle"), GOVERNED + EXPECTED + DENIED_AFTER + LABELS)
def test_negation_reaches_the_clause(lang: str, text: str, needle: str) -> None:
    assert negated(text, needle, lang)


# What must stay positive: another clause, a double negation, an inverter, a cue that
# governs something else, a label whose value affirms.
POSITIVE = [
    ("it", "Il servizio non prevede penali e il nuovo gestore assorbe il personale.",
     "assorbe il personale"),
    ("de", "Ein Betriebsübergang nach § 613a BGB ist nicht ausgeschlossen.", "Betriebsübergang"),
    # a comma before a list ends the clause a denial is in
    ("fr", "Il n'y a pas de reprise du personnel, le titulaire emploie des personnes en "
           "insertion ou des jeunes.", "personnes en insertion"),
    ("en", "No penalty applies to the staff, the contractor shall employ disadvantaged people "
           "or apprentices.", "disadvantaged people"),
    ("de", "Der Auftragnehmer übernimmt das Personal des bisherigen Dienstleisters, dessen "
           "Vertrag nicht verlängert wird.", "Personal des bisherigen"),
    # A later sentence declines another option; "is dit niet" ends no clause here.
    ("de", "Der Auftrag ist nach § 118 GWB Werkstätten für Menschen mit Behinderungen "
           "vorbehalten. Von der Verlängerungsoption wird kein Gebrauch gemacht.", "§ 118 GWB"),
    ("nl", "De opdracht is voorbehouden aan sociale werkplaatsen (artikel 2.82); een "
           "onderaanneming is dit niet toegestaan.", "voorbehouden aan sociale werkplaatsen"),
    # An auxiliary in a clause about the label's subject affirms it.
    ("de", "k) Übernahme von Personal: Das Personal wird vom Auftragnehmer übernommen. Eine "
           "Probezeit ist nicht vorgesehen.", "Übernahme von Personal"),
    ("it", "Non è possibile subappaltare senza autorizzazione; l'aggiudicatario è tenuto ad "
           "assorbire il personale.", "assorbire il personale"),
    ("it", "Non è possibile subappaltare senza autorizzazione e l'aggiudicatario è tenuto ad "
           "assorbire il personale.", "assorbire il personale"),
    ("it", "L'aggiudicatario non può non applicare la clausola sociale.", "clausola sociale"),
    ("fr", "Le titulaire ne peut pas ne pas reprendre le personnel.", "reprendre le personnel"),
    ("es", "El adjudicatario no puede no subrogarse en el personal.", "subrogarse en el personal"),
    ("en", "Without prejudice to the TUPE Regulations, the contractor shall engage the staff.",
     "TUPE"),
    ("fr", "Sans préjudice de la reprise du personnel, le titulaire fournit la liste.",
     "reprise du personnel"),
    ("es", "Sin perjuicio de la subrogación del personal, el adjudicatario presentará un plan.",
     "subrogación del personal"),
    ("it", "Fermo restando l'obbligo di assorbimento del personale, non sono previste ulteriori "
           "clausole.", "assorbimento del personale"),
    ("en", "No less than 30% of the hours shall be worked by disadvantaged people.", "30%"),
    ("en", "The contractor shall employ not less than 30% disadvantaged workers.", "30%"),
    ("it", "Non è ammessa alcuna riduzione della quota del 30 per cento.", "quota del 30"),
    ("it", "Nessuna riduzione della quota del 30 per cento è ammessa.", "quota del 30"),
    ("en", "There is no exception to the TUPE Regulations for this contract.", "TUPE"),
    ("de", "Ohne Ausnahme übernimmt der Auftragnehmer das Personal.", "Personal"),
    ("it", "Il subappalto è ammesso senza limiti per tutte le prestazioni.", "tutte le prestazioni"),
    ("it", "Il servizio non prevede penali e include la clausola sociale.", "clausola sociale"),
    ("it", "Non sono previste penali per la mancata applicazione della clausola sociale.",
     "clausola sociale"),
    ("it", "L'obbligo di non ridurre il personale impiegato resta fermo.", "personale impiegato"),
    ("fr", "Le marché n'est ouvert qu'aux entreprises adaptées.", "entreprises adaptées"),
    ("fr", "Aucune pénalité n'est prévue, car la clause sociale est une condition d'exécution.",
     "clause sociale"),
    ("en", "The Authority does not intend to assess quality: the lowest price wins.",
     "lowest price"),
    ("en", "Bidders are not required to submit a quality proposal as the contract will be "
           "awarded on the lowest price.", "lowest price"),
    ("en", "Light-touch services, which are not required to be advertised in the same way, "
           "are listed in Annex XIV.", "Light-touch services"),
    ("en", "Light-touch services (Annex XIV) are not required to be advertised in the same "
           "way as other services.", "Light-touch services"),
    ("nl", "Sociale werkplaatsen zijn niet verplicht om een keurmerk over te leggen.",
     "Sociale werkplaatsen"),
    ("de", "1.5 Vertragslaufzeit: 24 Monate ab 1. August 2026. Eine Verlängerung ist nicht "
           "vorgesehen.", "Vertragslaufzeit"),
    ("it", "Clausola sociale: l'aggiudicatario è tenuto ad assorbire il personale; non sono "
           "previste penali.", "Clausola sociale"),
    ("nl", "Abnormaal lage inschrijving: een inschrijving die niet voldoet aan de "
           "verplichtingen wordt afgewezen.", "Abnormaal lage inschrijving"),
    ("es", "Presupuesto (IVA excluido; no se prevén modificaciones) F. Costes salariales: "
           "417.950 euros.", "Costes salariales"),
]


@pytest.mark.parametrize(("lang", "text", "needle"), POSITIVE)
def test_negation_does_not_reach(lang: str, text: str, needle: str) -> None:
    assert not negated(text, needle, lang)


@pytest.mark.parametrize(("lang", "text", "needle"), [
    ("fr", "Aucune clause sociale n'est prévue.", "clause sociale"),
    ("it", "Non sono previste né la clausola sociale né la riserva.", "clausola sociale"),
    ("es", "No se contempla ninguna cláusula social.", "cláusula social"),
    ("en", "The contract doesn't include a social clause.", "social clause"),
])
def test_negative_concord_is_one_negation(lang: str, text: str, needle: str) -> None:
    assert negated(text, needle, lang)


@pytest.mark.parametrize(("lang", "text", "needle"), [
    ("en", "4.2 Lowest price. The Authority does not intend to assess quality.", "Lowest price"),
    ("en", "Award criterion: lowest price. Quality will not be evaluated.", "Award criterion"),
    ("it", "Art. 7 – Clausola sociale. Non è prevista la revisione dei prezzi.",
     "Clausola sociale"),
    ("en", "Staff transfer: TUPE will apply; the pension provisions do not apply.",
     "Staff transfer"),
])
def test_a_label_stays_when_its_value_denies_something_else(lang: str, text: str,
                                                             needle: str) -> None:
    assert not negated(text, needle, lang)


@pytest.mark.parametrize(("lang", "text", "needle", "expected"), [
    # a table row answers its label: "NO", with a citation in brackets, denies it
    ("es", "| G. Contrato reservado | NO (disposición adicional cuarta LCSP) |", "reservado", True),
    ("it", "| Appalto riservato | No (art. 61 del Codice) |", "riservato", True),
    # a figure answers it too, and affirms
    ("it", "| Quota riservata | 30 per cento |", "riservata", False),
])
def test_a_table_rows_value_answers_its_label(lang: str, text: str, needle: str,
                                             expected: bool) -> None:
    assert negated(text, needle, lang) is expected


def test_a_law_said_not_to_be_relevant_is_denied() -> None:
    """"§ 613a BGB ist nicht einschlägig": the staff-transfer law does not apply here."""
    assert negated("5.2 § 613a BGB ist nicht einschlägig.", "613a BGB", "de")
