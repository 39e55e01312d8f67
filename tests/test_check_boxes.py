"""Check-boxes on forms (proseco_check/nlp/blanks.py): beside a ticked box, the options
left unticked say nothing and their "no" denies nothing; with nothing ticked, or a bare
"no" ticked, the sentence stays a form to fill in and states no clause."""

from __future__ import annotations

import pytest

from proseco_check.clauses.judge import judge
from proseco_check.clauses.selftest import example_view
from proseco_check.clauses.vocabulary import clause
from proseco_check.nlp.blanks import unchosen_options, without_inert_blanks


def options(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in unchosen_options(text)]


def test_the_unticked_options_beside_a_ticked_one() -> None:
    assert options("Contrato reservado: [X] Sí [ ] No Conforme a la disposición") == ["[ ] No"]
    assert options("Nature : [X] fournitures [ ] services [ ] travaux Forme") == [
        "[ ] services", "[ ] travaux"]
    assert options("Marché réservé : ☐ Oui ☒ Non") == ["☐ Oui"]


def test_nothing_is_unchosen_where_nothing_is_ticked() -> None:
    assert options("Contrato reservado: [ ] Sí [ ] No") == []
    assert options("Il contratto è riservato [art. 61] alle cooperative sociali.") == []


def test_blanked_options_keep_the_offsets() -> None:
    text = "Réservation : [X] marché réservé aux EA [ ] marché non réservé"
    cleared = without_inert_blanks(text)
    assert len(cleared) == len(text)
    assert "non" not in cleared and "marché réservé aux EA" in cleared


@pytest.mark.parametrize(("lang", "text", "present"), [
    ("es", "c) Contrato reservado: [X] Sí [ ] No Conforme a la disposición adicional cuarta "
           "de la LCSP, la licitación queda reservada a centros especiales de empleo.", True),
    ("es", "| Contrato reservado (D.A. 4.ª LCSP) | [ ] Sí [X] No |", False),
    ("es", "c) Contrato reservado: [ ] Sí [ ] No", False),
    ("fr", "Marché réservé (article L. 2113-12) : ☐ Oui ☒ Non", False),
    ("fr", "Réservation : [X] marché réservé aux ESAT et aux entreprises adaptées "
           "(L. 2113-12) [ ] marché non réservé", True),
    ("fr", "Réservation : [ ] marché réservé aux ESAT [X] marché non réservé", False),
    # each option in a cell of its own: the options are one answer, the unticked one says
    # nothing, and a citation's "):" closes its bracket
    ("de", "| Vorbehaltene Vergabe (§ 118 GWB, § 1 Abs. 3 UVgO): | [ ] ja | [X] nein |", False),
    ("de", "| Vorbehaltene Vergabe (§ 118 GWB, § 1 Abs. 3 UVgO): | [X] ja | [ ] nein |", True),
    ("nl", "| Voorbehouden opdracht (art. 2.82 Aw 2012): | [ ] ja | [X] nee |", False),
    ("nl", "| Voorbehouden opdracht (art. 2.82 Aw 2012): | [X] ja | [ ] nee |", True),
    ("fr", "| Marché réservé (art. L. 2113-13) : | ☐ oui | ☒ non |", False),
])
def test_a_reservation_on_a_form_follows_the_ticked_box(lang: str, text: str,
                                                        present: bool) -> None:
    verdict = judge(example_view(text, lang), clause("reservation-statement"))
    assert verdict.present is present
