"""How the plain-text reader groups the lines that buyers lay out by hand: a sentence
broken by a blank line, title blocks framed by rules, page footers, form answers, table
rows whose label wraps inside brackets or whose value is a word, and titles with their
citation in brackets."""

from __future__ import annotations

from pathlib import Path

import pytest

from proseco_check.model.document import Block
from proseco_check.readers.text import read_text


def _blocks(text: str) -> list[Block]:
    return read_text(Path("t.txt"), text.encode(), markdown=False).blocks


def _texts(text: str) -> list[str]:
    return [b.text for b in _blocks(text)]


def test_a_sentence_cut_before_the_name_it_introduces_runs_on_past_the_blank_line() -> None:
    texts = _texts("   Die Beschäftigten werden mindestens nach dem\n\n"
                   '       "Tarifvertrag für das Gebäudereinigerhandwerk" entlohnt.\n')
    assert texts == ['Die Beschäftigten werden mindestens nach dem "Tarifvertrag für das '
                     'Gebäudereinigerhandwerk" entlohnt.']


def test_a_sentence_that_ends_keeps_its_blank_line() -> None:
    assert len(_texts("Il servizio dura tre anni.\n\nIl prezzo è fisso.\n")) == 2


def test_a_rule_of_equals_signs_frames_the_title_block() -> None:
    blocks = _blocks("Direction des achats\n" + "=" * 60 + "\n"
                     "          RÈGLEMENT DE LA CONSULTATION\n" + "=" * 60 + "\n"
                     "Article 1 - Objet du marché et durée de la mission confiée.\n")
    assert [(b.kind, b.text) for b in blocks][:2] == [
        ("paragraph", "Direction des achats"), ("heading", "RÈGLEMENT DE LA CONSULTATION")]


def test_a_rule_under_a_table_header_keeps_the_table() -> None:
    texts = _texts("Criterio              Punti\n" + "=" * 30 + "\n"
                   "Prezzo                30\nQualità               70\n")
    assert "| Prezzo | 30 |" in texts


def test_a_footer_far_right_ends_the_paragraph_and_is_dropped() -> None:
    texts = _texts("La garanzia è pari al 2 per cento dell'importo.\n"
                   + " " * 40 + "Disciplinare – pag. 3\n"
                   "Art. 4 – DURATA\nTrentasei mesi dall'avvio del servizio.\n")
    assert texts[0] == "La garanzia è pari al 2 per cento dell'importo."
    assert not any("pag. 3" in t for t in texts)


def test_a_line_of_boxes_answers_the_question_above_it() -> None:
    texts = _texts("I.6  Marché réservé (article 15 de la loi) :\n"
                   "       [ ] oui     [X] non\n"
                   "     Toute entreprise peut soumissionner.\n"
                   "I.7  Critères d'attribution :\n"
                   "       │ 1. Prix                 │ 60 points │\n"
                   "       │ 2. Qualité              │ 40 points │\n")
    assert texts[0].startswith("I.6 Marché réservé (article 15 de la loi) : [ ] oui [X] non "
                               "Toute entreprise peut soumissionner.")


def test_a_label_cut_inside_its_brackets_goes_on_in_the_row_that_holds_its_value() -> None:
    texts = _texts("| Voce                                   | Importo     |\n"
                   "| Valore stimato complessivo             | 480.000,00  |\n"
                   "| di cui costi della manodopera (art. 41,|             |\n"
                   "|   comma 14, del Codice)                | 190.000,00  |\n")
    assert "| Valore stimato complessivo | 480.000,00 |" in texts
    assert "| di cui costi della manodopera (art. 41, comma 14, del Codice) | 190.000,00 |" in texts


@pytest.mark.parametrize(("text", "rows"), [
    # a leader row whose value is a word is a row of its own
    ("    Term .................................... 36 months\n"
     "    Extension ............................... none\n"
     "    Estimated value ......................... €118,000 excluding VAT\n",
     ["| Extension | none |", "| Estimated value | €118,000 excluding VAT |"]),
    # a short leader one column off still leads to its value
    ("   Importo annuo a base d'asta ........ 52.000,00 €\n"
     "   Valore stimato (36 mesi + rinnovo) .. 190.000,00 €\n"
     "   Durata ............................. 36 mesi dalla stipula\n",
     ["| Valore stimato (36 mesi + rinnovo) | 190.000,00 € |", "| Durata | 36 mesi dalla stipula |"]),
])
def test_leader_rows_are_rows_of_their_own(text: str, rows: list[str]) -> None:
    texts = _texts(text)
    assert all(row in texts for row in rows), texts


def test_a_notices_numbered_items_are_blocks_of_their_own() -> None:
    texts = _texts("  II.2.3) Luogo di esecuzione : territorio comunale\n"
                   "  II.2.5) Criteri di aggiudicazione\n"
                   "          Qualità - Progetto tecnico / Ponderazione : 70\n"
                   "  II.2.7) Durata del contratto : 24 mesi\n")
    assert texts[0] == "II.2.3) Luogo di esecuzione : territorio comunale"
    assert texts[1].startswith("II.2.5) Criteri di aggiudicazione Qualità")


@pytest.mark.parametrize(("line", "kind"), [
    ("SEZIONE V - CRITERI DI AGGIUDICAZIONE (art. 108, comma 1)", "heading"),
    ("PLIEGO DE CONDICIONES PARA LA ENAJENACIÓN, MEDIANTE SUBASTA, DEL", "paragraph"),
])
def test_a_title_is_told_by_its_own_words(line: str, kind: str) -> None:
    assert _blocks(f"{line}\nAPROVECHAMIENTO FORESTAL 2027\n\nTesto.\n")[0].kind == kind


@pytest.mark.parametrize("border", ["+----+------------------+--------+",
                                    "┌────┬──────────────────┬────────┐"])
def test_a_numbered_title_over_a_drawn_table_titles_it(border: str) -> None:
    blocks = _blocks("4.   Gunningscriteria\n     " + border + "\n"
                     "     | nr | criterium        | punten |\n"
                     "     | 1  | Prijs             |   60   |\n"
                     "     | 2  | Inzet werkzoekenden |  40  |\n")
    assert blocks[0].kind == "heading" and blocks[0].text == "4. Gunningscriteria"
    assert all(b.location.section == "4. Gunningscriteria" for b in blocks)
    assert "Gunningscriteria" not in " ".join(b.text for b in blocks[1:])


@pytest.mark.parametrize(("line", "kind"), [
    ("CUARTO. Reserva y subrogación.", "heading"),
    ("PRIMERA. Objeto.", "heading"),
    ("PRIMERA. El contratista se obliga a prestar el servicio.", "paragraph"),
    ("SEGUNDO.- Que conoce el pliego de cláusulas administrativas.", "paragraph"),
])
def test_a_clause_numbered_by_an_ordinal_word_has_a_title_of_its_own(line: str,
                                                                     kind: str) -> None:
    assert _blocks(f"{line}\n   El contratista prestará el servicio.\n")[0].kind == kind


def test_a_numbered_title_closed_by_its_citation_titles_the_indented_body() -> None:
    blocks = _blocks("7. Condición especial de ejecución de carácter social (art. 202 LCSP)\n"
                     "    El adjudicatario contratará a dos personas en riesgo de exclusión.\n")
    assert blocks[0].kind == "heading"
    assert blocks[-1].location.section == ("7. Condición especial de ejecución de carácter "
                                           "social (art. 202 LCSP)")


@pytest.mark.parametrize(("title", "body"), [
    # a form's section over the sentence it opens with an article
    ("D. Erklärung zu Arbeitsbedingungen in der Herstellung",
     "   Der Bieter erklärt, dass die Schränke nach den ILO-Kernarbeitsnormen hergestellt\n"
     "   wurden.\n"),
    ("4. Il servizio di trasporto degli alunni con disabilità",
     "   Il servizio è svolto con mezzi attrezzati.\n"),
    # a title in capitals after its article's number, with a colon of its own (a body run
    # into it with the code of 74ba8b8: "Article" lowered the share of capitals)
    # a title in capitals with a note in brackets (a paragraph with the code of 96de87c)
    ("B - PARTIE RÉSERVÉE AU POUVOIR ADJUDICATEUR (à remplir par le service)",
     "  Forme du marché : [X] marché ordinaire [ ] accord-cadre\n"),
    ("Article 3 - MARCHÉ RÉSERVÉ : EXAMEN ET DÉCISION",
     "  La commune a examiné la possibilité de réserver le marché aux structures\n"
     "  d'insertion par l'activité économique.\n"),
])
def test_a_section_title_over_the_sentence_it_opens(title: str, body: str) -> None:
    blocks = _blocks(f"{title}\n{body}")
    assert (blocks[0].kind, blocks[0].text) == ("heading", title)
    assert blocks[1].location.section == title


def test_a_title_whose_words_wrap_onto_an_article_is_not_cut() -> None:
    blocks = _blocks("3. Die Reinigung der Räume erfolgt werktäglich durch die\n"
                     "   Beschäftigten des Auftragnehmers.\n")
    assert blocks[0].kind == "paragraph"


def test_prose_less_indented_than_a_grid_ends_it_and_a_second_grid_is_read() -> None:
    texts = _texts("     N°  Critère                                  Pondération\n"
                   "     1   Prix ....................................    60 %\n"
                   "     2   Stagiaires demandeurs d'emploi accueillis     40 %\n"
                   "   Critère 2 : l'offre sans stagiaire obtient 0 point.\n"
                   "   III.2 Le titulaire indique les sites de production :\n"
                   "     | Étape       | Site      | Pays   |\n"
                   "     | Émaillerie  | ......... | ...... |\n")
    assert "| 2 | Stagiaires demandeurs d'emploi accueillis | 40 % |" in texts
    assert "Critère 2 : l'offre sans stagiaire obtient 0 point." in " ".join(texts)
    assert not any("Critère 2" in t and t.startswith("|") for t in texts)
    assert "| Étape | Site | Pays |" in texts


def test_a_paragraph_of_thousands_of_small_grids_is_read_in_one_pass() -> None:
    """One paragraph (no blank line) alternating two-row grids and a prose line: every
    grid is read, with no recursion per grid (3,000 of them once raised RecursionError)."""
    text = "".join(f"     a{i}    b{i}\n     c{i}    d{i}\nx{i} prose line here.\n"
                   for i in range(3000))
    texts = _texts(text)
    assert "| a2999 | b2999 |" in texts and "| c0 | d0 |" in texts
    assert sum(t.startswith("| a") for t in texts) == 3000


def test_a_title_longer_for_its_citation_titles_a_lettered_list() -> None:
    blocks = _blocks("I.3 Critères d'attribution\n    Prix : 70 points.\n\n"
                     "I.4 Clause sociale d'exécution (article 87 de l'arrêté royal du 14 janvier 2013)\n"
                     "    a) Pendant l'exécution, l'adjudicataire forme un stagiaire.\n"
                     "    b) Sanction : 25 EUR par heure.\n")
    assert (blocks[2].kind, blocks[2].text) == (
        "heading", "I.4 Clause sociale d'exécution (article 87 de l'arrêté royal du 14 janvier "
        "2013)")
    assert blocks[3].location.section == blocks[2].text


def test_a_title_whose_bracket_closes_on_the_next_line_is_one_heading() -> None:
    blocks = _blocks("II. CRITÈRES D'ATTRIBUTION\nPrix : 60 points.\n\n"
                     "III. CLAUSE SOCIALE (condition d'exécution - article 87 de l'A.R. du 18 avril\n"
                     "2017 et article 44 du RGE)\n"
                     "III.1 Pendant l'exécution, l'adjudicataire forme un demandeur d'emploi.\n")
    heading = next(b for b in blocks if b.text.startswith("III. CLAUSE"))
    assert heading.kind == "heading" and heading.text.endswith("du RGE)")
    body = next(b for b in blocks if b.text.startswith("III.1"))
    assert body.location.section == heading.text[:79] + "…"


def test_a_sentence_with_a_bracket_over_two_lines_is_no_title() -> None:
    blocks = _blocks("3. Le titulaire applique les pénalités (voir l'article 12\n"
                     "du CCAP et son annexe) dès le premier retard constaté.\n")
    assert [b.kind for b in blocks] == ["paragraph"]



def test_a_notices_next_run_in_item_ends_the_section_above_it() -> None:
    blocks = _blocks("6. Criterios de adjudicación (art. 145 LCSP):\n"
                     "    | 1 | Precio | 60 |\n    | 2 | Plan de trabajo | 40 |\n\n"
                     "7. Condiciones especiales de ejecución (art. 202 LCSP).\n"
                     "   Una de las dos personas del equipo estará en proceso de inserción.\n\n"
                     "8. Subrogación de personal: no procede.\n")
    assert blocks[0].kind == "heading"
    assert [b.location.section for b in blocks[-2:]] == [None, None]




def test_a_sheet_number_far_right_ends_the_paragraph_above_it() -> None:
    texts = _texts("Importo stimato: € 16.800,00 – Criterio: minor prezzo\n"
                   + " " * 60 + "foglio 1 di 3\n"
                   "Il/La sottoscritto/a ..........................\n")
    assert texts == ["Importo stimato: € 16.800,00 - Criterio: minor prezzo",
                     "Il/La sottoscritto/a .........................."]




def test_a_bracket_under_a_rows_label_goes_on_with_that_row() -> None:
    texts = _texts("5  AWARD CRITERIA\n"
                   "   │ Criterion                                       │ Weighting │\n"
                   "   │ Fair Work First and community benefits          │     0 %   │\n"
                   "   │   (information only - see 6.2 and 6.3)          │           │\n"
                   "   │ Price                                           │    50 %   │\n")
    assert texts[-2:] == ["| Fair Work First and community benefits (information only - see 6.2 "
                          "and 6.3) | 0 % |", "| Price | 50 % |"]


@pytest.mark.parametrize(("text", "section"), [
    # the first heading after a table of contents closes it
    ("TABLE DES MATIÈRES\n  I.1 Objet ........ 1\n  I.2 Prix ........ 2\n\n"
     "I.1 Objet du marché\n    Entretien des jardins de la Ville.\n", "I.1 Objet du marché"),
    # a list numbered afresh under a title stays in its section
    ("3. Obblighi dell'appaltatore\n1. Personale: impiegato secondo il CCNL.\n\n"
     "4. Orario: dalle 8 alle 12.\n", "3. Obblighi dell'appaltatore"),
    # an item that is a sentence does not end the section
    ("2. Requisiti di partecipazione\nSono ammessi gli operatori iscritti alla CCIAA.\n\n"
     "3. L'operatore economico che intende partecipare alla procedura in forma associata "
     "presenta il modello B.\n", "2. Requisiti di partecipazione"),
    # a numbered clause over a drawn table titles it
    ("ÍNDICE\n  Cláusula 4. Criterios ......... 2\n\n"
     "Cláusula 4. Criterios de adjudicación (art. 145 LCSP)\n┌────┬──────────────┬────────┐\n"
     "│ 1  │ Precio       │   55   │\n└────┴──────────────┴────────┘\n",
     "Cláusula 4. Criterios de adjudicación (art. 145 LCSP)"),
    # a title's citation on the line under it, then a list numbered "1°"
    ("INHOUDSTAFEL\n  I.4 Gunningscriteria ....... 2\n\nI.4 Gunningscriteria\n"
     "     Prijs: 60 punten.\n\nII.1 Sociale uitvoeringsvoorwaarde - opleiding op de werkvloer\n"
     "     (artikel 87 K.B. 14 januari 2013)\n     1° De opdrachtnemer voert opleidingen uit.\n",
     # (a section path holds 80 characters of a title)
     "II.1 Sociale uitvoeringsvoorwaarde - opleiding op de werkvloer (artikel 87 K.B.…"),
    # a centred page number between dashes ends the page, and its paragraph
    ("HOOFDSTUK 4  GUNNING\n4.2 Sociale aspecten worden niet beoordeeld.\n" + " " * 60
     + "- 2 -\nHOOFDSTUK 5  BIJZONDERE UITVOERINGSVOORWAARDEN\n"
     "5.1  Opdrachtnemer zet een medewerker uit de doelgroep in.\n",
     "HOOFDSTUK 5 BIJZONDERE UITVOERINGSVOORWAARDEN"),
])
def test_the_last_paragraph_is_read_under_its_own_section(text: str, section: str) -> None:
    assert _blocks(text)[-1].location.section == section


def test_a_criterion_row_in_capitals_with_its_points_in_brackets_is_no_title() -> None:
    """Its bracket holds a figure: the row's own words, not a note set aside from a title
    (read as a title when every closing bracket is set aside, as tried before this test)."""
    blocks = _blocks("T.1 - CERTIFICAZIONE DELLA PARITÀ DI GENERE (4 punti - on/off)\n"
                     "[ ] di essere in possesso della certificazione UNI/PdR 125:2022\n")
    assert blocks[0].kind == "paragraph"
