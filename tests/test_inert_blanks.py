"""Which blanks make a sentence a form to fill in (proseco_check/nlp/blanks.py): a share or
an amount the bidder declares does; the blank of a reference number or code, and of the
discount a bidder offers, does not: the buyer's statement beside it still holds."""

from __future__ import annotations

import pytest

from proseco_check.model.document import Block, Document, Location
from proseco_check.nlp import build_view


def is_form(text: str, lang: str) -> bool:
    blocks = [Block(kind="paragraph", text=text, location=Location(paragraph=1))]
    view = build_view(Document(path="<test>", format="text", blocks=blocks), lang=lang,
                      allow_trained=False)
    return any(sentence.template for sentence in view.sentences)


@pytest.mark.parametrize(("lang", "text"), [
    ("it", "Procedura aperta per l'affidamento del servizio di gestione del campeggio CIG "
           ".........."),
    ("it", "L'appalto è aggiudicato con il criterio del minor prezzo: ribasso offerto ........ %"),
    ("es", "El contrato se adjudica al precio más bajo, mediante una baja única sobre el "
           "presupuesto: baja ofertada ........ %"),
    ("it", "Con determina n. ........ l'affidamento è stato riservato alle cooperative sociali."),
    # the discount written out in words beside its figure is the same offer
    ("it", "Minor prezzo (art. 108, c. 3), espresso come ribasso unico percentuale: Ribasso "
           "offerto: ............ % (in lettere ................... per cento)"),
    ("fr", "Le marché est attribué au prix le plus bas, exprimé par un rabais unique : rabais "
           "proposé ........ % (en toutes lettres : ........ pour cent)"),
])
def test_a_reference_or_an_offered_discount_leaves_the_statement(lang: str, text: str) -> None:
    assert not is_form(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Percentage of disabled or disadvantaged employees: ........ %"),
    # the offer form's field alone
    ("it", "Ribasso percentuale offerto: .......... %"),
    ("de", "Beschäftigungsquote schwerbehinderter Menschen (Vorjahr): ........ %"),
    ("it", "Il sottoscritto ........ nato a ........ dichiara di applicare il CCNL ........"),
])
def test_a_declared_figure_keeps_the_sentence_a_form(lang: str, text: str) -> None:
    assert is_form(text, lang)
