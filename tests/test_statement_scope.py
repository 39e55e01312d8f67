"""What a clause match reads around itself, and what states or denies it: a dot leader
before a stated value, the next section's title and the next grid row, a title's
bracketed aside, criteria denied as a whole, a pointer to another document's article,
denials after the match, and the words of a document's title."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_negation_scope import negated

from proseco_check.clauses.judge import judge
from proseco_check.clauses.vocabulary import clause
from proseco_check.facts.duration import duration
from proseco_check.facts.kind import document_kind
from proseco_check.nlp import build_view
from proseco_check.nlp.blanks import without_inert_blanks
from proseco_check.nlp.legal import REFERRED_ELSEWHERE
from proseco_check.nlp.view import NlpView
from proseco_check.readers.text import read_text


def _view(text: str, lang: str) -> NlpView:
    doc = read_text(Path("t.txt"), text.encode(), markdown=False)
    return build_view(doc, lang=lang, allow_trained=False, needs=frozenset())


def _affirmed(text: str, lang: str, clause_id: str) -> list[str]:
    return [m.sentence.text for m in judge(_view(text, lang), clause(clause_id)).affirmed]


@pytest.mark.parametrize(("text", "cleared"), [
    ("E. Duración ........... dos (2) años", True),
    ("Prórroga ....................... una, de doce meses", True),
    ("Importo a base di gara ........ € 120.000,00", True),
    ("Cláusula 2. Presupuesto ........ 2", False),   # a contents entry's page
    ("Importo ........ € .........", False),         # a blank to fill
    ("nato a .......... il ..........", False),
])
def test_a_dot_leader_before_a_stated_value_is_no_blank(text: str, cleared: bool) -> None:
    assert ("...." not in without_inert_blanks(text)) is cleared


def test_a_duration_after_a_dot_leader_is_read() -> None:
    view = _view("CUADRO RESUMEN\n\n| E. Duración ........... dos (2) años; prórroga de un año |\n",
                 "es")
    assert duration(view).value == 24


def test_the_next_sections_title_is_no_context_of_the_last_sentence() -> None:
    text = ("IV.3) Pari opportunità. L'aggiudicatario riserva il 30 % delle assunzioni "
            "a giovani e donne.\n\nSEZIONE V - CRITERI DI AGGIUDICAZIONE (art. 108, comma 1, del "
            "codice)\n\n"
            "| Criterio | Punti |\n| Prezzo | 30 |\n")
    assert not _affirmed(text, "it", "social-award-criterion")


def test_the_next_grid_row_is_no_context_of_a_row() -> None:
    text = ("Criteri di valutazione:\n\n| N. | Criterio | Punti max |\n"
            "| A.1 | Misure di conciliazione vita-lavoro per il personale addetto | 10 |\n"
            "| A.2 | Collaborazione con le famiglie degli utenti | 10 |\n")
    assert _affirmed(text, "it", "social-award-criterion")


def test_what_a_titles_bracketed_aside_says_is_stated() -> None:
    text = ("SECTION 3  AWARD CRITERIA (Most Economically Advantageous Tender)\n"
            "  A. Price ................................  400\n")
    assert _affirmed(text, "en", "award-best-price-quality")


@pytest.mark.parametrize(("lang", "text", "needle"), [
    ("it", "Non sono previsti criteri premiali legati alla certificazione della parità di "
           "genere.", "certificazione"),
    ("en", "There are no award criteria relating to the supplier's apprenticeship scheme.",
     "apprenticeship"),
])
def test_criteria_denied_deny_what_they_would_reward(lang: str, text: str, needle: str) -> None:
    assert negated(text, needle, lang)


@pytest.mark.parametrize("text", [
    "les engagements du titulaire relatifs a l'insertion sont fixes exclusivement a "
    "l'article 9 du ccap",
    "gli obblighi occupazionali sono disciplinati all'art. 7 del disciplinare",
    "las condiciones especiales se regulan en la clausula 20 del pcap",
    "voor ketenverantwoordelijkheid geldt uitsluitend wat is bepaald in artikel 9 van de "
    "algemene inkoopvoorwaarden",
])
def test_a_pointer_to_another_documents_article_refers_the_clause_there(text: str) -> None:
    assert REFERRED_ELSEWHERE.search(text)


@pytest.mark.parametrize(("lang", "text", "clause_id"), [
    ("es", "La relación del personal a subrogar no se incorpora al pliego, al tratarse de un "
           "servicio nuevo.", "employment-stability"),
    ("nl", "Social return is geen gunningscriterium en levert geen korting op.",
     "social-award-criterion"),
    ("fr", "Le présent CCTP n'impose ni convention collective déterminée ni reprise de "
           "personnel, ces questions relevant du CCAP.", "employment-stability"),
])
def test_a_denial_after_the_match_denies_it(lang: str, text: str, clause_id: str) -> None:
    assert not _affirmed(text, lang, clause_id)


@pytest.mark.parametrize(("title", "kind"), [
    ("ANEXO II DEL PCAP — DECLARACIÓN RESPONSABLE Y PROPOSICIÓN ECONÓMICA", "form"),
    ("PLIEGO DE CONDICIONES PARA LA ENAJENACIÓN MEDIANTE SUBASTA DE LA PARCELA R-2",
     "non-procurement"),
    ("MINOR WORKS CONTRACT - PARTICULAR CONDITIONS", "contract"),
    ("SERVICES CONTRACT: UPKEEP OF THE SKATE PARKS", "contract"),
    ("BORRADOR DE DOCUMENTO DE FORMALIZACIÓN DEL CONTRATO DE SERVICIOS", "contract"),
])
def test_the_title_says_what_the_document_is(title: str, kind: str) -> None:
    view = _view(f"{title}\n\nEl licitador presenta su oferta conforme a la licitación del "
                 "contrato de servicios y a los criterios de adjudicación.\n", "es")
    assert document_kind(view).value == kind


def test_a_summary_item_answered_no_in_its_own_cell_denies_its_label() -> None:
    row = ("| F. Plazo .......... doce (12) meses G. Prórroga .......... un año "
           "H. Contrato reservado D.A. 4.ª LCSP | NO |\n")
    verdict = judge(_view(row, "es"), clause("reservation-statement"))
    assert verdict.negated and not verdict.affirmed
