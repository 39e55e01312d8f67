"""Plain-text layout: section titles, tables laid out in columns, and the header row as
the context of every row (patterns read "points" there)."""

from __future__ import annotations

from pathlib import Path

from proseco_check.readers.text import read_text

GRID = """Art. 9 – Criterio di aggiudicazione
Offerta economicamente più vantaggiosa, con i seguenti punteggi:

  Criterio                                                      Punti
  A. Qualità dei materiali                                         25
  D. Impegno ad assunzioni giovanili e femminili ulteriori         10
     rispetto alle quote di cui all'art. 7.3
  E. Progetto di inserimento lavorativo: percorsi di
     formazione e tutoraggio delle persone svantaggiate            15
     - numero di persone inserite oltre il minimo                 (10)
  F. Offerta economica                                             50
"""


def _blocks(text: str) -> list[tuple[str, str, str | None]]:
    doc = read_text(Path("t.txt"), text.encode(), markdown=False)
    return [(b.kind, b.text, b.header) for b in doc.blocks]


def test_numbered_title_opens_a_section_and_rows_are_blocks() -> None:
    blocks = _blocks(GRID)
    assert blocks[0][:2] == ("heading", "Art. 9 - Criterio di aggiudicazione")  # dash normalised
    assert blocks[1][1].startswith("Offerta economicamente più vantaggiosa")
    rows = [text for kind, text, _ in blocks[2:]]
    assert rows == [
        "| Criterio | Punti |",
        "| A. Qualità dei materiali | 25 |",
        "| D. Impegno ad assunzioni giovanili e femminili ulteriori rispetto alle quote di "
        "cui all'art. 7.3 | 10 |",
        "| E. Progetto di inserimento lavorativo: percorsi di formazione e tutoraggio delle "
        "persone svantaggiate | 15 |",
        "| - numero di persone inserite oltre il minimo | (10) |",
        "| F. Offerta economica | 50 |",
    ]
    assert {header for _, _, header in blocks[3:]} == {"| Criterio | Punti |"}
    assert blocks[2][2] is None  # the header row has no header


def test_prose_around_a_table_stays_prose() -> None:
    text = ("2.2 Quadro economico dell'appalto:\n"
            "   - lavori a corpo soggetti a ribasso        € 2.292.566,31\n"
            "   - costi della manodopera (non ribassabili) € 1.023.864,14 x\n"
            "   - oneri per la sicurezza                   €    96.450,00\n"
            "2.3 Categoria prevalente OG1.\n")
    blocks = _blocks(text)
    assert blocks[0] == ("paragraph", "2.2 Quadro economico dell'appalto:", None)
    assert blocks[-1][1] == "2.3 Categoria prevalente OG1."
    # a first row with figures is no header
    assert all(header is None for _, _, header in blocks)


def test_an_item_with_a_value_is_no_title() -> None:
    blocks = _blocks("5.1 Preis: Gewichtung 70\n5.2 Qualität: Gewichtung 30\n")
    assert [kind for kind, _, _ in blocks] == ["paragraph"]
    blocks = _blocks("3. Progetto di inserimento lavorativo: percorsi di\n   formazione\n")
    assert [kind for kind, _, _ in blocks] == ["paragraph"]


def test_a_short_title_over_an_indented_body_is_a_title() -> None:
    """"A.8 Personalübernahme" over an indented sentence titles it; a title whose words
    wrap on ("5.3 Übernahme des" / "Personals ...") or end on a connective does not."""
    blocks = _blocks("A.8 Personalübernahme\n    Die Leistung wurde bisher im Haus erbracht.\n"
                     "    Eine Übernahme von Personal ist nicht vorgesehen.\n")
    assert blocks[0][:2] == ("heading", "A.8 Personalübernahme")
    assert [kind for kind, _, _ in blocks[1:]] == ["paragraph"]
    # a bare number set off by two spaces, as German documents number their sections
    blocks = _blocks("2  Vorbehaltene Aufträge\n   Von der Möglichkeit wird kein Gebrauch "
                     "gemacht.\n")
    assert blocks[0][:2] == ("heading", "2 Vorbehaltene Aufträge")
    # a title over a box-drawn table
    blocks = _blocks("6  Zuschlagskriterien\n   ┌──────────┬──────┐\n   │ Preis    │ 70 % │\n"
                     "   │ Qualität │ 30 % │\n   └──────────┴──────┘\n")
    assert blocks[0][:2] == ("heading", "6 Zuschlagskriterien")
    for text in ("5.3 Übernahme des\n    Personals des bisherigen Auftragnehmers.\n",
                 "4.1 Il personale di\n    Servizio resta in carico al Comune.\n",
                 "4.2 The contractor shall engage all\n    Staff listed in Annex B.\n"):
        assert [kind for kind, _, _ in _blocks(text)] == ["paragraph"], text


def test_the_header_row_gives_a_grid_row_its_points() -> None:
    """"Assunzioni giovanili ... | 10 |" says "points" only in the header."""
    from proseco_check.clauses.judge import judge
    from proseco_check.clauses.vocabulary import clause
    from proseco_check.nlp import build_view

    # No award heading, and a row that does not open as a proposal ("D. Impegno ...",
    # read as a grid row by its shape alone): only the header row says "Punti".
    table = ("  Criterio                                                      Punti\n"
             "  Qualità dei materiali                                            25\n"
             "  Assunzioni giovanili e femminili ulteriori rispetto             10\n"
             "     alle quote minime\n"
             "  Offerta economica                                                65\n")
    doc = read_text(Path("t.txt"), table.encode(), markdown=False)
    view = build_view(doc, lang="it", allow_trained=False, needs=frozenset())
    found = judge(view, clause("social-award-criterion")).affirmed
    assert any("Assunzioni giovanili" in m.sentence.text for m in found)
    without = doc.model_copy(deep=True)
    for block in without.blocks:
        block.header = None
    view = build_view(without, lang="it", allow_trained=False, needs=frozenset())
    found = judge(view, clause("social-award-criterion")).affirmed
    assert not any("Assunzioni giovanili" in m.sentence.text for m in found)


def test_docx_cells_below_the_first_row_carry_the_header(tmp_path: Path) -> None:
    import docx

    from proseco_check.readers.docx import read_docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate([("Criterio", "Punti"), ("Qualità", "70"), ("Prezzo", "30")]):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    path = tmp_path / "grid.docx"
    document.save(str(path))
    cells = [(b.text, b.header) for b in read_docx(path).blocks if b.kind == "table_cell"]
    assert cells == [("Criterio", None), ("Punti", None), ("Qualità", "Criterio | Punti"),
                     ("70", "Criterio | Punti"), ("Prezzo", "Criterio | Punti"),
                     ("30", "Criterio | Punti")]


QUOTAS = """IV.3) Pari opportunità. L'aggiudicatario si obbliga a riservare le assunzioni
necessarie per l'esecuzione del contratto nelle seguenti misure minime:

  Categoria                                   Quota minima delle nuove assunzioni
  ------------------------------------------  -----------------------------------
  Giovani di età inferiore a 36 anni          30 per cento
  Donne                                       40 per cento (quaranta)
"""


def test_rule_lines_of_a_table_are_no_rows() -> None:
    rows = [text for _, text, _ in _blocks(QUOTAS)[1:]]
    assert rows == ["| Categoria | Quota minima delle nuove assunzioni |",
                    "| Giovani di età inferiore a 36 anni | 30 per cento |",
                    "| Donne | 40 per cento (quaranta) |"]
    assert _blocks("Titolo\n\n  -----   -----\n  =====   =====\n")[1:] == []


def test_a_header_holding_the_anchor_makes_each_row_a_match() -> None:
    """"Quota minima delle nuove assunzioni" is said once, in the header; each row names
    its group and its share. A header without the `all` words in the row matches none."""
    from proseco_check.clauses.judge import judge
    from proseco_check.clauses.vocabulary import clause
    from proseco_check.nlp import build_view

    table = QUOTAS.split("\n\n", 1)[1]
    view = build_view(read_text(Path("t.txt"), table.encode(), markdown=False), lang="it",
                      allow_trained=False, needs=frozenset())
    verdict = judge(view, clause("hiring-quota"))
    assert verdict.values == {"youth_pct": 30.0, "women_pct": 40.0}
    other = table.replace("Giovani di età inferiore a 36 anni", "Addetti alla portineria") \
        .replace("Donne", "Addetti alle pulizie")
    view = build_view(read_text(Path("t.txt"), other.encode(), markdown=False), lang="it",
                      allow_trained=False, needs=frozenset())
    assert not judge(view, clause("hiring-quota")).affirmed


def test_markdown_cells_below_the_first_row_carry_the_header() -> None:
    text = "| Criterio | Punti |\n|---|---|\n| Qualità | 70 |\n\n| A |\n|---|\n| b |\n"
    doc = read_text(Path("t.md"), text.encode(), markdown=True)
    assert [(b.text, b.header) for b in doc.blocks] == [
        ("Criterio", None), ("Punti", None), ("Qualità", "Criterio | Punti"),
        ("70", "Criterio | Punti"), ("A", None), ("b", "A")]


def test_a_field_list_is_one_block_per_field() -> None:
    """Joined, one field's value would be read with the next field's words ("laagste
    prijs ... Social Return: niet van toepassing" negated the award criterion)."""
    text = (" Raming (indicatief): € 184.750 exclusief btw\n"
            " Gunningscriterium: laagste prijs (de opdracht wordt gegund aan de inschrijver met\n"
            " de laagste totale inschrijfsom)\n"
            " Voorbehouden opdracht (artikel 2.82 Aanbestedingswet 2012): nee\n")
    assert [t for _, t, _ in _blocks(text)] == [
        "Raming (indicatief): € 184.750 exclusief btw",
        "Gunningscriterium: laagste prijs (de opdracht wordt gegund aan de inschrijver met de "
        "laagste totale inschrijfsom)",
        "Voorbehouden opdracht (artikel 2.82 Aanbestedingswet 2012): nee"]
    # prose with one colon stays one paragraph, and so does a wrapped "D.Lgs. 36/2023: ..."
    prose = ("Il contratto è regolato dal Codice dei contratti pubblici e dal\n"
             "D.Lgs. 36/2023: nota bene la disciplina transitoria.\n")
    assert len(_blocks(prose)) == 1


def test_a_dot_leader_before_the_points_is_a_column() -> None:
    """"B.6 Certificazione ... ........ 4" is a row of an award grid; its dots are no blank
    to fill in (blanks exclude a clause as template text). Dots before words are."""
    text = ("   B.5 Assunzioni oltre la quota minima, di donne o di giovani ........ 6\n"
            "   B.6 Certificazione della parità di genere (UNI/PdR 125:2022) ....... 4 punti\n")
    assert [t for _, t, _ in _blocks(text)] == [
        "| B.5 Assunzioni oltre la quota minima, di donne o di giovani | 6 |",
        "| B.6 Certificazione della parità di genere (UNI/PdR 125:2022) | 4 punti |"]
    form = "Nome .................... Cognome ....................\nFirma ..........\n"
    assert [t for _, t, _ in _blocks(form)] == [
        "Nome .................... Cognome .................... Firma .........."]


def test_box_drawn_tables_read_like_pipe_tables() -> None:
    text = ("┌──────────────────────┬────────────────────────┐\n"
            "│ F. Procedimiento     │ Abierto                │\n"
            "├──────────────────────┼────────────────────────┤\n"
            "│ G. Contrato reservado│ NO (DA 4ª LCSP)        │\n"
            "└──────────────────────┴────────────────────────┘\n")
    assert [t for _, t, _ in _blocks(text)] == ["| F. Procedimiento | Abierto |",
                                                 "| G. Contrato reservado | NO (DA 4a LCSP) |"]


def test_a_marked_heading_names_a_topic_and_states_no_clause() -> None:
    """"2.3 Transfer of undertakings" over a body that denies the transfer: the heading
    is no clause, the denial decides."""
    from proseco_check.clauses.judge import judge
    from proseco_check.clauses.vocabulary import clause
    from proseco_check.nlp import build_view

    text = ("2. STAFF\n\n2.3 Transfer of undertakings\nThe services are delivered by the "
            "Council's own crews. The Council does not expect that the TUPE Regulations "
            "will apply to this contract.\n")
    view = build_view(read_text(Path("t.txt"), text.encode(), markdown=False), lang="en",
                      allow_trained=False, needs=frozenset())
    assert view.sentences[1].block.kind == "heading"
    assert not judge(view, clause("employment-stability")).affirmed


def test_a_dot_leader_before_a_value_is_a_column() -> None:
    text = ("  D. Valor estimado ................. 214.500,00 € (dos años iniciales)\n"
            "  E. Duración ....................... DOS (2) AÑOS, prorrogable\n")
    assert [t for _, t, _ in _blocks(text)] == [
        "| D. Valor estimado | 214.500,00 € (dos años iniciales) |",
        "| E. Duración | DOS (2) AÑOS, prorrogable |"]


def test_a_dot_leader_shortened_to_its_column_is_a_leader() -> None:
    text = ("  F. Lotes ............... No\n"
            "  G. Contrato reservado .. No (disposición adicional cuarta no aplicada)\n"
            "  H. Garantía definitiva . 5 % del presupuesto base\n")
    rows = [t for _, t, _ in _blocks(text)]
    assert "| G. Contrato reservado | No (disposición adicional cuarta no aplicada) |" in rows
    assert "| H. Garantía definitiva | 5 % del presupuesto base |" in rows
    # a short run of dots in prose is no leader
    assert _blocks("Vedi art. 3 .. e art. 4.\n")[0][1] == "Vedi art. 3 .. e art. 4."


def test_a_contents_title_that_fills_the_line_keeps_its_page_number_apart() -> None:
    long = "   4. Condizioni di esecuzione: contratto collettivo, personale "
    column = len(long)  # where every page number starts

    def entry(title: str, page: int) -> str:
        return f"   {title} ".ljust(column - 1, ".") + f" {page}\n"

    text = ("INDICE\n" + entry("3. Requisiti", 2) + f"{long}2\n"
            + entry("5. Criteri di aggiudicazione", 3))
    rows = [t for _, t, _ in _blocks(text)]
    assert "| 4. Condizioni di esecuzione: contratto collettivo, personale | 2 |" in rows
    # a number closing a sentence of prose stays in it
    assert _blocks("Il termine è fissato in giorni 30\n")[0][1] == "Il termine è fissato in giorni 30"


def test_a_contents_title_right_under_the_title_block_opens_the_contents() -> None:
    text = ("PLIEGO DE CLÁUSULAS ADMINISTRATIVAS PARTICULARES\n"
            "ÍNDICE\n"
            "Cláusula 3. Reserva (D.A. 4.ª) ................................ 2\n")
    blocks = _blocks(text)
    assert ("heading", "ÍNDICE", None) in blocks


def test_a_page_number_at_the_far_right_of_a_title_is_furniture() -> None:
    blocks = _blocks("2. WORKFORCE MATTERS                                         Page 2 of 4\n"
                     "2.1 Transfer of staff. The Council does not expect TUPE to apply.\n"
                     "2.2 Pay. The contractor shall pay the National Living Wage.\n")
    assert blocks[0][:2] == ("heading", "2. WORKFORCE MATTERS")
    assert blocks[1][1].startswith("2.1 Transfer of staff.")
    # a page reference (a contents line, a cross-reference) is kept
    kept = _blocks("Le prestazioni sono descritte a pagina 12 di 40\n\n"
                   "Art. 5 Clausola sociale            pag. 12\n")
    assert kept[0][1] == "Le prestazioni sono descritte a pagina 12 di 40"
    assert kept[1][1].endswith("pag. 12")


def test_a_line_of_underscores_rules_off_a_title_block() -> None:
    blocks = _blocks("Procédure ouverte - loi modifiée du 8 avril 2018 sur les marchés publics\n"
                     "________________________________________________________________\n")
    assert blocks == [("paragraph", "Procédure ouverte - loi modifiée du 8 avril 2018 sur les "
                       "marchés publics", None)]


def test_the_title_under_the_buyers_line_is_the_documents_heading() -> None:
    blocks = _blocks("CITTÀ DI ESEMPIO (ente fittizio) – Settore Lavori Pubblici\n"
                     "DISCIPLINARE DI GARA\n"
                     "Procedura aperta per il servizio di sfalcio\n\n"
                     "Art. 1 – Oggetto\nIl servizio comprende lo sfalcio di 40 aree.\n")
    assert blocks[1][:2] == ("heading", "DISCIPLINARE DI GARA")
    # lines in capitals together stay one title block
    blocks = _blocks("REGIONE DI ESEMPIO\nAZIENDA SANITARIA LOCALE\n\n"
                     "Il presente avviso riguarda la fornitura di guanti.\n")
    assert [b[0] for b in blocks] == ["heading", "paragraph", "paragraph"]


def test_a_spanish_page_mark_with_its_accent_is_furniture() -> None:
    blocks = _blocks("ANUNCIO DE LICITACIÓN                                 pág. 1 de 2\n"
                     "Ayuntamiento de Ejemplo (ficticio)\n\n1. Objeto: suministro de mantas.\n")
    assert blocks[0][:2] == ("heading", "ANUNCIO DE LICITACIÓN")


def test_a_numbered_title_over_its_form_options_is_a_title() -> None:
    blocks = _blocks("B.2 Vorbehalt nach § 23 BVergG 2018\n"
                     "  [ ] Der Auftrag ist sozialökonomischen Betrieben vorbehalten.\n"
                     "  [X] Kein Vorbehalt.\n")
    assert blocks[0][:2] == ("heading", "B.2 Vorbehalt nach § 23 BVergG 2018")


def test_a_gliederung_opens_the_contents() -> None:
    doc = read_text(Path("t.txt"), (b"Gliederung\n  4  Personal des Vorauftragnehmers ....... 2\n"
                                    b"  5  Wertung ............................. 2\n"),
                    markdown=False)
    assert doc.blocks[0].kind == "heading"
    assert all(b.location.section == "Gliederung" for b in doc.blocks[1:])


def test_a_question_over_its_boxes_or_a_scored_row_is_no_title() -> None:
    blocks = _blocks("5. Clausola sociale (riassorbimento del personale):\n"
                     "   ☐ dichiara di accettare la clausola sociale e allega il progetto\n")
    assert blocks[0][0] == "paragraph"
    blocks = _blocks("T.2 - ASSUNZIONE DI PERSONE SVANTAGGIATE (3 punti - on/off)\n"
                     "      [ ] di impegnarsi ad assumere una persona svantaggiata\n")
    assert blocks[0][0] == "paragraph"
