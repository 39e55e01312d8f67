"""A buyer declining to reserve, in wording no list holds (proseco_check/nlp/declined.py).

Each denial below is phrased with a verb the reservation clause's own lists do not name
("non trova applicazione", "kommt ... nicht zum Tragen", "ziet af van", "ha descartado"):
the clause is denied by the shape of the sentence: its words as the subject of a negated
predicate, the object of a verb of refusal or of consideration, or an infinitive (a
German clause-final participle) under a negated verb. Each reservation below has a
negation or a consideration that belongs to something else (a relative clause, a second
predicate, a bracket, an insert, a purpose, a threshold) and stays a reservation. With
the code of commit 31e77da, fifteen of the twenty-two first denials read as
reservations; with that of 9282e69, all six considered ones, with that of
bb3ce75 the next three, with that of 8e2876a the three after them, and with that of
a3f102d the possibilities examined and the laws' titles below."""

from __future__ import annotations

from pathlib import Path

import pytest

from proseco_check.clauses.judge import ClauseJudge, judge
from proseco_check.clauses.selftest import example_view
from proseco_check.clauses.vocabulary import clause
from proseco_check.nlp.declined import declined
from proseco_check.nlp.legal import law_title_end
from proseco_check.nlp.view import build_view
from proseco_check.readers import read_document

DENIALS = [
    ("it", "La riserva di cui all'articolo 61 del D.Lgs. 36/2023 a favore delle cooperative sociali "
           'non trova applicazione nella presente procedura.'),
    ("it", "La stazione appaltante rinuncia a riservare l'appalto agli operatori economici di cui "
           "all'art. 61 del Codice."),
    ("en", 'The reservation under section 32 of the Procurement Act 2023 for supported employment '
           'providers is not being used for this contract.'),
    ("en", 'The authority has declined to reserve this contract to supported employment providers '
           'under section 32 of the Procurement Act 2023.'),
    ("fr", "La réservation prévue à l'article L. 2113-12 du code de la commande publique au profit "
           "des entreprises adaptées n'a pas été retenue pour ce marché."),
    ("fr", "L'acheteur renonce à réserver le lot 3 aux structures d'insertion par l'activité économique."),
    ("es", 'La reserva a centros especiales de empleo de la disposición adicional cuarta de la LCSP '
           'no opera en este contrato.'),
    ("es", 'El órgano de contratación ha descartado la reserva del contrato a centros especiales de '
           'empleo de iniciativa social prevista en la disposición adicional cuarta.'),
    ("nl", 'Het voorbehouden van deze opdracht aan sociale werkplaatsen op grond van artikel 2.82 '
           'Aanbestedingswet wordt bij deze aanbesteding niet benut.'),
    ("nl", 'De aanbestedende dienst ziet af van het voorbehouden van de opdracht aan sociale '
           'werkplaatsen (artikel 2.82 Aanbestedingswet).'),
    ("de", 'Ein Vorbehalt zugunsten von Werkstätten für behinderte Menschen nach § 118 GWB kommt bei'
           ' dieser Vergabe nicht zum Tragen.'),
    ("de", 'Der Auftraggeber verzichtet auf einen Vorbehalt nach § 118 GWB zugunsten von '
           'Inklusionsbetrieben.'),
    # the decision as an infinitive under a negated verb of its clause
    ("en", "The Council has not used the power in section 32 of the Procurement Act 2023 to "
           "reserve this contract for supported employment providers."),
    ("it", "L'amministrazione non ha ritenuto di riservare la procedura alle cooperative "
           "sociali di cui all'art. 61 del D.Lgs. 36/2023."),
    ("fr", "L'acheteur n'a pas retenu la possibilité, ouverte par le code de la commande "
           "publique, de réserver le lot 2 aux entreprises adaptées et aux ESAT."),
    # a clause-final participle in a negated German clause
    ("de", "Hinweis: der Auftrag ist keiner Gruppe von Bietern nach § 118 GWB (Werkstätten "
           "für behinderte Menschen) vorbehalten."),
    # the subject names two operators joined by "oder"; the predicate is in the past
    ("de", "Ein Vorbehalt für Werkstätten für behinderte Menschen oder Inklusionsbetriebe nach "
           "§ 118 GWB war bei dieser Vergabe nicht vorgesehen."),
    # a section title run into its sentence: the sentence's own verb decides
    ("es", "Reserva del contrato El Ayuntamiento ha revisado el mercado local y NO reserva "
           "este contrato a centros especiales de empleo ni a empresas de inserción."),
    # a run-in label whose value denies
    ("nl", "Voorbehouden opdracht: de aanbestedende dienst past artikel 2.82 "
           "Aanbestedingswet voor sociale werkplaatsen niet toe."),
    ("fr", "III.1.5) Marché réservé : l'acheteur ne recourt pas à l'article L. 2113-12 du "
           "code de la commande publique (entreprises adaptées)."),
    # considered, examined, studied: not decided
    ("en", "The authority examined section 32 of the Procurement Act 2023 (reserved contracts "
           "for supported employment providers) before this procurement."),
    ("es", "El servicio de contratación analizó si el lote podía reservarse a empresas de "
           "inserción de la Ley 44/2007."),
    # considered as the words' own predicate, or a noun of consideration over them
    ("de", "Ein Vorbehalt nach § 118 GWB für Inklusionsbetriebe wurde untersucht, aber nicht "
           "angeordnet."),
    ("de", "Die Prüfung eines Vorbehalts für Werkstätten für behinderte Menschen wurde "
           "dokumentiert und verworfen."),
    ("es", "La reserva a centros especiales de empleo fue estudiada y descartada."),
    ("fr", "La réservation aux entreprises adaptées a été étudiée, puis écartée."),
    ("fr", "L'examen d'une réservation aux entreprises adaptées figure au dossier."),
    ("it", "L'appalto riservato alle cooperative sociali di tipo B ai sensi dell'art. 61 è stato "
           "valutato dal RUP."),
    # the same verb before the words, across "and" joining two objects, an indirect
    # question ("whether"), or as a run-in label's value
    ("es", "La mesa ha estudiado la posibilidad de reservar el lote a centros especiales de "
           "empleo y a empresas de inserción conforme a la disposición adicional cuarta."),
    ("de", "Der Auftraggeber hat untersucht, ob die Leistung nach § 118 GWB "
           "Inklusionsbetrieben vorbehalten werden könnte."),
    ("nl", "Voorbehouden opdracht: de aanbestedende dienst heeft artikel 2.82 onderzocht en "
           "maakt er geen gebruik van."),
    # what the law permits, an abbreviation before a section sign, two objects joined
    ("en", "Regulation 20 of the Public Contracts Regulations 2015 allows an authority to "
           "reserve a contract for supported businesses."),
    ("de", "Die Stelle hat geprüft, ob die Leistung nach § 118 GWB bzw. § 1 Abs. 3 UVgO "
           "Werkstätten für behinderte Menschen vorbehalten werden kann."),
    ("fr", "Réservation : la possibilité de réserver le lot aux entreprises adaptées et aux "
           "ESAT (art. L. 2113-12 CCP) a été étudiée."),
    # a possibility to reserve, examined (its predicate after a long complement), and a
    # law's title in brackets: neither reserves
    ("it", "La facoltà prevista dall'art. 61 del D.Lgs. 36/2023 di riservare l'appalto alle "
           'cooperative sociali di tipo B e agli operatori economici il cui scopo è '
           "l'integrazione delle persone con disabilità è stata valutata dalla Giunta in sede di"
           ' programmazione.'),
    ("en", 'The option under section 32 of the Procurement Act 2023 to reserve this contract to '
           'supported employment providers, whose workforce includes disabled or disadvantaged '
           "people, was considered by the Council's procurement board."),
    ("fr", 'La faculté de réserver le lot 2 aux entreprises adaptées ou aux établissements et '
           "services d'aide par le travail, dont l'activité correspond à l'objet du marché, a "
           "été étudiée par l'acheteur."),
    ("es", 'La posibilidad de reservar el contrato a centros especiales de empleo de iniciativa '
           'social o a empresas de inserción, cuya actividad guarda relación con el objeto, fue '
           'estudiada por el órgano de contratación.'),
    ("nl", 'De mogelijkheid om deze opdracht op grond van artikel 2.82 Aanbestedingswet aan '
           'sociale werkplaatsen of aan ondernemers die mensen met een arbeidsbeperking in '
           'dienst hebben voor te behouden, is onderzocht.'),
    ("en", 'The possibility of reserving Lot 2 to supported businesses under regulation 20 of '
           'the Public Contracts Regulations 2015 was considered but not taken up.'),
    ("fr", 'Vu la loi du 8 avril 2018 (marchés réservés), le pouvoir adjudicateur a examiné le '
           'marché.'),
    ("it", "Richiamato l'art. 61 del D.Lgs. 36/2023 (contratti riservati), la stazione "
           "appaltante non riserva l'appalto alle cooperative sociali."),
    ("en", 'Regulation 20 of the Public Contracts Regulations 2015 (reserved contracts) has been'
           ' noted; this contract is open to all suppliers, including supported businesses.'),
    # a list of names across commas under "hat geprüft, ob", and what the law would allow
    # under a run-in title numbered with a letter
    ("de", "Die Stadt hat geprüft, ob der Auftrag nach § 118 GWB bzw. § 1 Abs. 3 UVgO Werkstätten "
           "für behinderte Menschen, Inklusionsbetrieben oder ähnlichen Betrieben vorbehalten "
           "werden kann."),
    ("en", "C.4 Reserved contracts - the Board's view Regulation 20 of the Public Contracts "
           "Regulations 2015 would allow this tender to be restricted to supported businesses."),
]

RESERVATIONS = [
    # "und" before a verb opens a second predicate
    ("de", "Los 2 ist nach § 118 GWB Inklusionsbetrieben vorbehalten und wird nicht weiter in "
           "Teillose aufgeteilt."),
    ("es", "Reserva del contrato El presente contrato se reserva a centros especiales de "
           "empleo de iniciativa social conforme a la disposición adicional cuarta."),
    # a label whose value reserves, with a negation in its relative clause
    ("fr", "I.5 Marchés réservés : le marché est réservé aux entreprises de travail adapté "
           "visées à l'article 15 de la loi du 17 juin 2016 qui ne sont pas en faillite."),
    # a negation inside an insert; a consideration followed by the decision
    ("de", "Los 2 ist, da kein anderer Markt besteht, nach § 118 GWB Inklusionsbetrieben "
           "vorbehalten."),
    ("en", "The Council has considered the market and reserved Lot 2 to supported businesses "
           "under regulation 21 of the Public Contracts (Scotland) Regulations 2015."),
    ("fr", "L'acheteur a décidé de réserver le lot 2 aux entreprises adaptées et aux ESAT "
           "(article L. 2113-12 du code de la commande publique), sans allotissement "
           "supplémentaire."),
    # a negation before the infinitive, with a purpose between: the reservation is the aim
    ("es", "El contrato no se divide en lotes para reservarlo íntegramente a centros "
           "especiales de empleo de iniciativa social conforme a la disposición adicional "
           "cuarta."),
    ("en", "The contract is not divided into lots in order to reserve it whole to supported "
           "employment providers under section 32 of the Procurement Act 2023."),
    ("it", 'Il presente appalto è riservato alle cooperative sociali di tipo B di cui alla L. '
           '381/1991 che non abbiano subito condanne.'),
    ("it", "Il lotto 2 è riservato, ai sensi dell'art. 61 del D.Lgs. 36/2023, alle cooperative "
           'sociali e non è suddiviso in sublotti.'),
    ("it", 'La partecipazione è riservata agli operatori economici il cui scopo principale è '
           "l'integrazione sociale e professionale delle persone con disabilità, con almeno il 30 "
           'per cento di lavoratori svantaggiati non inferiore.'),
    ("en", 'Lot 2 is reserved to supported employment providers under section 32 of the Procurement '
           'Act 2023 and will not be divided further.'),
    ("en", 'This contract is reserved to supported businesses whose disabled or disadvantaged '
           'employees are not less than 30% of the workforce.'),
    ("en", 'This contract is reserved to supported employment providers (sub-contracting is not '
           'permitted) under section 32 of the Procurement Act 2023.'),
    ("fr", "Le lot 3 est réservé aux entreprises adaptées et aux ESAT mentionnés à l'article L. "
           '2113-12 du code de la commande publique qui ne sont pas en liquidation.'),
    ("es", 'El lote 2 se reserva a centros especiales de empleo de iniciativa social, conforme a la '
           'disposición adicional cuarta de la LCSP, no pudiendo subcontratarse.'),
    ("es", 'El contrato está reservado a empresas de inserción de la Ley 44/2007 que no estén '
           'incursas en prohibición de contratar.'),
    ("nl", 'Perceel 2 is voorbehouden aan sociale werkplaatsen als bedoeld in artikel 2.82 '
           'Aanbestedingswet die niet failliet zijn.'),
    ("de", 'Der Auftrag ist nach § 118 GWB Werkstätten für behinderte Menschen und '
           'Inklusionsbetrieben vorbehalten; Bietergemeinschaften sind nicht zugelassen.'),
    ("de", 'Die Teilnahme ist Inklusionsbetrieben nach § 118 GWB vorbehalten, deren Beschäftigte zu '
           'mindestens 30 Prozent Menschen mit Behinderungen sind und die nicht insolvent sind.'),
    # a consideration followed by the decision taken
    ("en", "As the 2015 Regulations allow, this contract is reserved to supported businesses "
           "under regulation 20."),
    ("es", "Tras estudiar el mercado, el órgano de contratación reserva el contrato a centros "
           "especiales de empleo y a empresas de inserción conforme a la disposición adicional "
           "cuarta."),
    ("de", "Ein Vorbehalt nach § 118 GWB wurde geprüft und wird angewandt: teilnahmeberechtigt "
           "sind nur Werkstätten für behinderte Menschen."),
    ("en", "A reservation under regulation 20 was considered and applied: only supported "
           "businesses may tender for Lot 1."),
    # a comma that opens a clause, not a list: the consideration stays in its own clause
    ("de", "Der Bedarf wurde geprüft, Los 2 ist nach § 118 GWB Inklusionsbetrieben vorbehalten."),
    # the possibility taken up, or the sentence's own words after a law's title
    ("fr", "La possibilité offerte par l'article L. 2113-12 du code de la commande publique de "
           'réserver le lot 2 aux entreprises adaptées est mise en œuvre pour ce marché.'),
    ("it", "Il Comune si avvale della facoltà di riservare l'appalto alle cooperative sociali di"
           ' tipo B di cui alla L. 381/1991, come valutato dalla Giunta.'),
    ("en", 'The option to reserve this contract to supported employment providers under section '
           '32 of the Procurement Act 2023 was considered and taken up: only such providers may '
           'bid.'),
    ("es", 'La posibilidad de reservar el contrato a centros especiales de empleo de iniciativa '
           'social prevista en la disposición adicional cuarta se aplica al lote 2.'),
    ("fr", 'Conformément à la loi du 8 avril 2018 (marchés réservés), le présent marché est '
           'réservé aux entreprises de travail adapté.'),
    ("it", "Richiamato l'art. 61 del D.Lgs. 36/2023 (contratti riservati), l'appalto è riservato"
           ' alle cooperative sociali di tipo B.'),
    ("en", 'Under regulation 20 of the Public Contracts Regulations 2015 (reserved contracts), '
           'Lot 3 is reserved to supported businesses.'),
    ("it", "Il lotto 2 (riservato alle cooperative sociali di tipo B ai sensi dell'art. 61) "
           'comprende la manutenzione del verde.'),
    ("es", 'El lote 2 (reservado a centros especiales de empleo de iniciativa social conforme a '
           'la disposición adicional cuarta) comprende la limpieza.'),
]


def reserved(lang: str, text: str) -> bool:
    return judge(example_view(text, lang, None), clause("reservation-statement")).present


@pytest.mark.parametrize(("lang", "text"), DENIALS)
def test_a_declined_reservation_is_no_reservation(lang: str, text: str) -> None:
    assert not reserved(lang, text)


@pytest.mark.parametrize(("lang", "text"), RESERVATIONS)
def test_a_negation_of_something_else_keeps_the_reservation(lang: str, text: str) -> None:
    assert reserved(lang, text)


def test_the_shape_alone_decides() -> None:
    text = "la reserva prevista en la disposicion adicional cuarta no opera en este contrato"
    assert declined(text, "es", 3, 10)
    text = "el contrato esta reservado a centros especiales de empleo que no esten incursos"
    assert not declined(text, "es", 16, 25)
    text = "the contract is reserved to suppliers and shall not be divided into lots"
    assert not declined(text, "en", 16, 24)
    text = "the council decided against reserving the contract"
    assert declined(text, "en", 28, 37)
    assert not declined("the option to reserve has not been exercised", "xx", 14, 21)


def test_a_threshold_denies_nothing() -> None:
    text = "reserved to suppliers whose disabled workers are not less than 30 %"
    assert not declined(text, "en", 0, 8)
    text = "riservata agli operatori con lavoratori svantaggiati in misura non inferiore al 30"
    assert not declined(text, "it", 0, 9)


PLACE_KEPT_FOR_A_USE = """\
COMUNE DI VALFREDDA (ente fittizio)
BANDO DI GARA - PROCEDURA APERTA
Servizio di conduzione dei forni didattici del museo del pane

SEZIONE III - CONDIZIONI DI PARTECIPAZIONE E DI ESECUZIONE
  III.1 Pari opportunità (art. 47 d.l. 77/2021): l'aggiudicatario riserva alle
        assunzioni necessarie per l'esecuzione una quota pari almeno al 30 % a
        favore dell'occupazione giovanile e femminile. Per ogni punto mancante si
        applica una penale dello 0,5 per mille dell'importo contrattuale.
  III.2 L'appalto non è riservato ai sensi dell'art. 61 del Codice.
  III.3 Lo spiazzo delle cataste in fondo al viale dei castagni è riservato
        ai forni di prova; il pubblico (tra cui i gruppi di persone con
        disabilità della comunità alloggio) assiste dal recinto.
"""


def test_a_place_kept_for_a_use_is_no_reservation(tmp_path: Path) -> None:
    """The place is the subject, eight words before "riservato" (read as a reservation
    with the code of a3f102d)."""
    path = tmp_path / "bando.txt"
    path.write_text(PLACE_KEPT_FOR_A_USE, encoding="utf-8")
    verdict = ClauseJudge(build_view(read_document(path))).verdict("reservation-statement")
    assert not verdict.present


@pytest.mark.parametrize(("text", "titled"), [
    ("vu la loi du 8 avril 2018 (marches reserves, article 20) le marche", True),
    ("regulation 20 of the public contracts regulations 2015 (reserved contracts) applies", True),
    ("richiamato l'art. 61 del d.lgs. 36/2023 (contratti riservati), l'appalto", True),
    # an article of the document itself is no law: its bracket describes
    ("le stagiaire vise a l'article iv.3 (tuteur designe, perspectives d'embauche) | 10", False),
    ("lot 2 (reserved to supported businesses) covers the north depot", False),
    ("le quote di cui all'allegato ii.3 (occupazione giovanile e femminile) sono derogate", True),
    ("la loi relative aux marches publics (version consolidee) s'applique", False),
])
def test_a_cited_laws_title_in_brackets(text: str, titled: bool) -> None:
    inside = text.index("(") + 2
    assert (law_title_end(text, inside, inside + 4) is not None) is titled
