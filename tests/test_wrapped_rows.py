"""Rows of drawn tables whose text wraps after the row's number or weight, and labels
with a bracketed citation: the reading and the verdicts they lead to."""

from __future__ import annotations

from pathlib import Path

import pytest

from proseco_check.clauses.judge import judge
from proseco_check.clauses.vocabulary import clause
from proseco_check.nlp import build_view
from proseco_check.readers.text import read_text


def _rows(text: str) -> list[str]:
    return [b.text for b in read_text(Path("t.txt"), text.encode(), markdown=False).blocks]


def _affirmed(text: str, lang: str, clause_id: str) -> list[str]:
    doc = read_text(Path("t.txt"), text.encode(), markdown=False)
    view = build_view(doc, lang=lang, allow_trained=False, needs=frozenset())
    return [m.sentence.text for m in judge(view, clause(clause_id)).affirmed]


PCAP_GRID = """| N.º | Criterio                                       | Forma    | Puntos |
|-----|------------------------------------------------|----------|--------|
| 1   | Precio                                         | fórmula  |   60   |
| 2   | Calidad del empleo: porcentaje de la plantilla | fórmula  |   12   |
|     | adscrita con contrato indefinido               |          |        |
| 3   | Horas de formación en prevención de riesgos    | fórmula  |    8   |
|     | para el personal adscrito                      |          |        |
"""


def test_a_phrase_wrapped_after_the_number_stays_in_its_row() -> None:
    rows = _rows(PCAP_GRID)
    assert ("| 2 | Calidad del empleo: porcentaje de la plantilla adscrita con contrato "
            "indefinido | fórmula | 12 |") in rows
    assert ("| 3 | Horas de formación en prevención de riesgos para el personal adscrito "
            "| fórmula | 8 |") in rows


@pytest.mark.parametrize("sub_row", ["2.1 méthodologie     (20 %)", "b) moyens humains    (25 %)"])
def test_a_numbered_or_lettered_sub_row_is_not_wrapped_text(sub_row: str) -> None:
    rows = _rows("| N° | Critère                      | Pondération |\n"
                 "| 2  | Valeur technique             |    45 %     |\n"
                 f"|    | {sub_row}  |             |\n")
    assert "| 2 | Valeur technique | 45 % |" in rows
    assert any(r.startswith("|  | " + sub_row.split()[0]) for r in rows)


def test_the_wrapped_row_is_read_whole_by_the_award_criterion() -> None:
    found = _affirmed(PCAP_GRID, "es", "social-award-criterion")
    assert any("contrato indefinido" in text for text in found)


@pytest.mark.parametrize(("lang", "row"), [
    ("fr", "| Performances en matière d'insertion professionnelle des | 10 % |\n"
           "|    publics en difficulté (parcours, tutorat)            |      |\n"),
    ("en", "| Social value: apprenticeships and work placements for | 10 % |\n"
           "|      young people not in employment or training      |      |\n\n"
           "Part 3 is a pass/fail requirement and is not scored.\n"),
])
def test_a_weighted_row_followed_by_other_text_keeps_its_weight(lang: str, row: str) -> None:
    """The row ends with its weight ("| 10 % |"); the window that joins it with the next
    sentence must not hide that end, and a "not scored" about another part is not its."""
    assert _affirmed(row, lang, "social-award-criterion")


def test_a_label_with_a_bracketed_citation_is_still_a_label() -> None:
    """"| G | Contrato reservado (D.A. 4.ª y D.A. 48.ª LCSP) | No |": the citation
    is no part of the label's words, so the answer "No" denies the reservation."""
    grid = ("| A | Objeto                                      | Ayuda a domicilio |\n"
            "| G | Contrato reservado (D.A. 4.ª y D.A. 48.ª LCSP) | No              |\n")
    doc = read_text(Path("t.txt"), grid.encode(), markdown=False)
    view = build_view(doc, lang="es", allow_trained=False, needs=frozenset())
    verdict = judge(view, clause("reservation-statement"))
    assert not verdict.affirmed
    assert verdict.negated


def test_a_continuation_under_an_empty_first_cell_stays_in_its_row() -> None:
    """"|   | Empresa» (Real Decreto 1615/2009) ... |   |" opens with a capital, but under
    an empty number cell and without an enumerator it goes on with the row above."""
    rows = _rows("| N.º | Criterio                                        | Puntos |\n"
                 "| 5   | Estar en posesión del distintivo «Igualdad en la | 5      |\n"
                 "|     | Empresa» (Real Decreto 1615/2009) o equivalente  |        |\n")
    assert any("Igualdad en la Empresa\" (Real Decreto 1615/2009)" in r for r in rows)


FORM = """T.1 - CERTIFICAZIONE DELLA PARITÀ DI GENERE (4 punti - on/off)
      [ ] di essere in possesso della certificazione UNI/PdR 125:2022 n. ..........
      [ ] di non essere in possesso della certificazione
"""


def test_each_check_box_option_is_an_item_of_its_own() -> None:
    """The question and each option are read apart: joined, the title with its points
    was blank-filled template text like the options under it."""
    assert _rows(FORM) == ["T.1 - CERTIFICAZIONE DELLA PARITÀ DI GENERE (4 punti - on/off)",
                           "[ ] di essere in possesso della certificazione UNI/PdR 125:2022 "
                           "n. ..........",
                           "[ ] di non essere in possesso della certificazione"]
    assert _affirmed(FORM, "it", "gender-certification-points")


def test_the_answer_under_a_question_with_a_colon_stays_with_it() -> None:
    text = ("Il presente affidamento è riservato ai sensi dell'art. 61 del Codice:\n"
            "☐ SÌ   ☒ NO\n")
    assert len(_rows(text)) == 1
    assert not _affirmed(text, "it", "reservation-statement")


def test_a_yes_no_line_under_a_title_in_capitals_answers_it() -> None:
    text = ("3. MARCHÉ RÉSERVÉ (article 15 de la loi du 17 juin 2016)\n"
            "   [ ] oui    [X] non\n")
    assert len(_rows(text)) == 1
    assert not _affirmed(text, "fr", "reservation-statement")


def test_a_contents_title_lists_entries_only_until_its_list_ends() -> None:
    """Under "Inhaltsübersicht" the lines that end on a page are entries; the articles
    after the list are not, though their section title was not read as a heading."""
    text = ("Inhaltsübersicht\n"
            "  A.3 Tariftreue ............................................. 2\n"
            "  A.4 Übernahme des Personals ................................ 2\n\n"
            "A.3 Tariftreue (§ 4 LTTG)\n"
            "  (1) Es gilt der folgende Tarifvertrag:\n\n"
            "      | Tarifvertrag                                  | Stand      |\n"
            "      |-----------------------------------------------|------------|\n"
            "      | Bezirkstarifvertrag über Mindestentgelte im   | 01.03.2026 |\n"
            "      | rheinland-pfälzischen Nahverkehr              |            |\n")
    found = _affirmed(text, "de", "collective-agreement-named")
    assert any("Bezirkstarifvertrag" in f for f in found)
    assert not any("Tariftreue | 2" in f for f in found)


@pytest.mark.parametrize("text", [
    "Intro.\n\nA7   Supply chain and conduct\nA7.1 The Supplier shall comply with the Act.\n",
    "Intro.\n\nA5. Staff and employment matters\nA5.1 The Council does not outsource it.\n",
    "Intro.\n\nAbschnitt 5: Zuschlagskriterien\n 5.1  Der Zuschlag erfolgt auf das Angebot.\n",
])
def test_a_numbered_title_over_its_first_item_is_a_heading(text: str) -> None:
    """The next line's number extends the title's ("A7" -> "A7.1"), however wide the gap
    after the title's number or deep the item's indent."""
    blocks = read_text(Path("t.txt"), text.encode(), markdown=False).blocks
    assert [b.kind for b in blocks] == ["paragraph", "heading", "paragraph"]


def test_a_row_of_columns_over_a_sub_item_stays_a_row() -> None:
    """A number, a criterion and its weight in columns is a row, whatever follows it."""
    text = "Intro.\n\n1   Preis                 70\n1.1 Formel: linear.\n"
    kinds = [b.kind for b in read_text(Path("t.txt"), text.encode(), markdown=False).blocks]
    assert "heading" not in kinds


GRID_FORM = """ai fini dell'attribuzione dei punteggi tabellari:

+------+------------------------------------------------------+-------+---------+
| Rif. | Elemento                                             | Punti | Barrare |
+------+------------------------------------------------------+-------+---------+
| T.1  | Certificazione del sistema di gestione per la parità | 5     | [ ] SÌ  |
|      | di genere UNI/PdR 125:2022, in corso di validità     |       | [ ] NO  |
+------+------------------------------------------------------+-------+---------+
"""


def test_a_row_with_boxes_to_tick_in_its_own_cell_is_operative() -> None:
    """The wrapped line under a box to tick continues its row; the boxes are the bidder's
    answer, the element and its points the buyer's, and the header says "Punti"."""
    rows = _rows(GRID_FORM)
    assert any(r.startswith("| T.1 |") and "UNI/PdR 125:2022" in r for r in rows)
    assert _affirmed(GRID_FORM, "it", "gender-certification-points")


def test_a_dot_leader_before_points_and_their_figure_is_a_column() -> None:
    text = ("Offerta economicamente più vantaggiosa:\n"
            "   A. Progetto di inserimento lavorativo ............ punti 25\n"
            "   B. Organizzazione delle consegne ................. punti 35\n")
    assert "| A. Progetto di inserimento lavorativo | punti 25 |" in _rows(text)


def test_a_grid_without_a_header_row_is_read_with_its_caption() -> None:
    """The caption says what the figures are: without it a bare "| 15 |" is no weight."""
    text = ("La ripartizione indicativa dei punteggi tecnici è la seguente:\n\n"
            "| C.1 | Piano degli interventi                        | 35 |\n"
            "| C.3 | Inserimento lavorativo di persone svantaggiate   | 15 |\n")
    assert _affirmed(text, "it", "social-award-criterion")
    assert not _affirmed(text.replace("dei punteggi", "delle attività"), "it",
                         "social-award-criterion")


def test_a_summary_row_with_a_two_space_gap_is_a_row_and_its_wrapped_value_stays() -> None:
    """Among dot-leader rows, a label long enough to leave only two spaces before its
    value is a row too; the value's wrapped line stays in the value's cell."""
    text = ("CUADRO RESUMEN\n"
            "  H. Lotes ........................ No (justificación en la memoria)\n"
            "  I. Contrato reservado (D.A. 4.ª)  No. El contrato no se reserva a centros\n"
            "                                    especiales de empleo.\n")
    assert ("| I. Contrato reservado (D.A. 4.a) | No. El contrato no se reserva a centros "
            "especiales de empleo. |") in _rows(text)
    assert not _affirmed(text, "es", "reservation-statement")


def test_a_framed_box_of_label_leader_value_lines_is_a_two_column_table() -> None:
    box = ("┌────────────────────────────────────────────────────────┐\n"
           "│ Opdracht ........... tweemaal per jaar reinigen van    │\n"
           "│                      1.180 ondergrondse containers     │\n"
           "│ Raming ............. € 286.000 excl. btw               │\n"
           "│ Looptijd ........... 36 maanden, geen verlenging       │\n"
           "│ Naam ........ Voornaam ........                        │\n"
           "└────────────────────────────────────────────────────────┘\n")
    assert _rows(box) == [
        "| Opdracht | tweemaal per jaar reinigen van 1.180 ondergrondse containers |",
        "| Raming | € 286.000 excl. btw |",
        "| Looptijd | 36 maanden, geen verlenging |",
        "| Naam ........ Voornaam ........ |",  # a form's blanks stay one cell
    ]


@pytest.mark.parametrize("row", [
    "| Reserved contract | No. The call is not limited to sheltered workshops or social "
    "economic operators. |\n",
    "| Reserved contract | No - section 32 of the Procurement Act 2023 (supported employment "
    "providers) has not been applied to this contract |\n",
])
def test_a_rows_answer_no_before_its_explanation_denies_the_label(row: str) -> None:
    assert not _affirmed(row, "en", "reservation-statement")


def test_the_entries_under_a_gliederung_state_no_clause() -> None:
    text = ("Gliederung\n"
            "  3  Entgelt des eingesetzten Personals ......................... 2\n"
            "  4  Personal des Vorauftragnehmers ............................. 2\n\n"
            "1  Leistung\n  Die Kartierung umfasst zwölf Flussabschnitte.\n")
    assert _affirmed(text, "de", "employment-stability") == []
