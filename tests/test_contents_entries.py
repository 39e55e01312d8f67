"""A table of contents names the articles with their pages: a title listed there states
no clause, whatever clause its words name (clauses/contents.py)."""

from __future__ import annotations

import pytest
from conftest import view_of_sections as _view

from proseco_check.clauses.judge import ClauseJudge


@pytest.mark.parametrize(("lang", "section", "entry"), [
    ("it", "INDICE", "| 6 | Inserimento lavorativo di persone svantaggiate | 7 |"),
    ("it", None, "6. Inserimento lavorativo di persone svantaggiate ............ pag. 7"),
    ("fr", "SOMMAIRE", "Article 4 - Clause sociale d'insertion des publics éligibles ........ 5"),
    ("nl", None, "5. Social return: inzet van mensen met een afstand tot de arbeidsmarkt .... blz. 9"),
    ("en", "Table of contents", "7. Employment of long-term unemployed people ........ 12"),
])
def test_a_contents_entry_states_no_clause(lang: str, section: str | None, entry: str) -> None:
    assert not ClauseJudge(_view(lang, (section, entry))).verdict("disadvantaged-inclusion").present


def test_the_article_the_entry_lists_still_counts() -> None:
    body = ("L'appaltatore si impegna a impiegare nell'esecuzione del servizio almeno due persone "
            "svantaggiate ai sensi dell'art. 4 della legge 381/1991.")
    view = _view("it", ("INDICE", "| 6 | Inserimento lavorativo | 7 |"),
                 ("ART. 6 - INSERIMENTO LAVORATIVO", body))
    found = ClauseJudge(view).verdict("disadvantaged-inclusion").affirmed
    assert [m.sentence.text for m in found] == [body]


def test_a_leader_to_points_outside_a_contents_section_is_an_award_row() -> None:
    # "....... 10 punti" is a criterion with its points, not a page: only a page word
    # ("pag.", "blz.") makes a leader a contents entry outside a contents section.
    row = "B.3 Inserimento lavorativo di persone svantaggiate nel servizio ....... 10 punti"
    assert ClauseJudge(_view("it", ("CRITERI", row))).verdict("social-award-criterion").present


def test_a_table_with_a_page_column_is_a_table_of_contents() -> None:
    from proseco_check.model.document import Block, Document, Location
    from proseco_check.nlp import build_view

    rows = ["| SECTION | PAGE |", "| 3 Employment of long-term unemployed people | 2 |",
            "| 4 Evaluation | 2 |"]
    blocks = [Block(kind="paragraph", text=row, header=None if i == 0 else rows[0],
                    location=Location(paragraph=i + 1)) for i, row in enumerate(rows)]
    view = build_view(Document(path="<t>", format="text", blocks=blocks), lang="en",
                      allow_trained=False, needs=frozenset())
    assert not ClauseJudge(view).verdict("social-award-criterion").present
