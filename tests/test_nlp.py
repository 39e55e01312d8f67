"""NLP layer: legal sentence splitting, citations, numbers and typed values, negation,
template text and language detection."""

from __future__ import annotations

import re

import pytest

from proseco_check.model.document import Block, Document, Location
from proseco_check.nlp import NlpView, Sentence, build_view
from proseco_check.nlp.entities import Citation, find_citations, find_values, parse_number
from proseco_check.nlp.fold import fold
from proseco_check.nlp.langdetect import detect_language


def make_view(*paragraphs: str, lang: str | None = "it") -> NlpView:
    blocks = [Block(kind="paragraph", text=p, location=Location(paragraph=i))
              for i, p in enumerate(paragraphs, start=1)]
    return build_view(Document(path="<test>", format="text", blocks=blocks), lang=lang,
                      allow_trained=False)


def sentences(text: str, lang: str = "it") -> list[str]:
    return [s.text.strip() for s in make_view(text, lang=lang).sentences]


def sentence_with(view: NlpView, needle: str) -> tuple[Sentence, int, int]:
    for s in view.sentences:
        m = re.search(re.escape(needle), s.text)
        if m:
            return s, m.start(), m.end()
    raise AssertionError(f"{needle!r} not in {[s.text for s in view.sentences]}")


# ------------------------------------------------------------------ sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Si applica il D.Lgs. Correttivo n. 209/2024 al presente appalto. Il contratto è di "
         "servizi.",
         ["Si applica il D.Lgs. Correttivo n. 209/2024 al presente appalto.",
          "Il contratto è di servizi."]),
        ("Si veda l'art. Unico della legge regionale. Il contratto è di servizi.",
         ["Si veda l'art. Unico della legge regionale.", "Il contratto è di servizi."]),
        ("Si applica il Codice e s.m.i. Come modificato nel 2024. Il contratto è di servizi.",
         ["Si applica il Codice e s.m.i. Come modificato nel 2024.",
          "Il contratto è di servizi."]),
        ("Si veda la lett. A) del paragrafo 3. Il contratto è di servizi.",
         ["Si veda la lett. A) del paragrafo 3.", "Il contratto è di servizi."]),
        ("Lo prevede il D.P.R. Unico sulla sicurezza. Fine del periodo.",
         ["Lo prevede il D.P.R. Unico sulla sicurezza.", "Fine del periodo."]),
    ],
)
def test_sentences_do_not_break_after_legal_abbreviations(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentences_break_at_semicolon_and_full_stop() -> None:
    assert sentences("Ai sensi dell'art. 61 del Codice; il contratto è riservato. Altra frase.") == [
        "Ai sensi dell'art. 61 del Codice;", "il contratto è riservato.", "Altra frase."]


def test_numbered_items_run_together_are_sentences_of_their_own() -> None:
    """Plain-text tenders join numbered items into one paragraph; an item number before
    a capitalised word opens a sentence, a number before a lower-case word does not."""
    assert sentences("7.1 Il prezzo pesa 30 punti. 7.2 Le offerte anomale sono verificate. "
                     "Importo 36/2023. e s.m.i. 3 offerte pervenute.") == [
        "7.1 Il prezzo pesa 30 punti.", "7.2 Le offerte anomale sono verificate.",
        "Importo 36/2023. e s.m.i. 3 offerte pervenute."]


def test_a_bulleted_item_after_a_semicolon_is_a_sentence() -> None:
    """Plain-text lists join their items into one paragraph; "; - che" opens an item
    (its blank template neighbour must not swallow it)."""
    assert sentences("- che la gara fu aggiudicata con ribasso del ........ %; - che l'importo "
                     "era pari a € 100.000,00; • che il contratto dura un anno.") == [
        "- che la gara fu aggiudicata con ribasso del ........ %;",
        "- che l'importo era pari a € 100.000,00;", "• che il contratto dura un anno."]


def test_a_list_in_brackets_is_one_sentence() -> None:
    assert sentences("Le riserve (operatori con il 30% di svantaggiati; cooperative sociali) "
                     "non si applicano. Seconda frase; terza.") == [
        "Le riserve (operatori con il 30% di svantaggiati; cooperative sociali) non si "
        "applicano.", "Seconda frase;", "terza."]


def test_english_sentences_keep_art_abbreviation() -> None:
    assert sentences("This is reserved under Art. 20 of the Directive. The contract runs.",
                     lang="en") == ["This is reserved under Art. 20 of the Directive.",
                                    "The contract runs."]


def test_sentence_carries_block_location_and_folded_text() -> None:
    view = make_view("Primo paragrafo.", "Parità di genere e priorità.")
    last = view.sentences[-1]
    assert last.block_index == 1
    assert last.location.paragraph == 2
    assert last.folded == "Parita di genere e priorita."
    assert len(last.folded) == len(last.text)


def test_fold_keeps_length() -> None:
    assert fold("Parità è più") == "Parita e piu"
    assert fold("ascii only") == "ascii only"


# ------------------------------------------------------------------ citations


@pytest.mark.parametrize(
    ("text", "law", "article", "comma", "letter"),
    [
        ("art. 61, comma 2, del D.Lgs. 36/2023", "it:dlgs-36-2023", "61", "2", None),
        ("art. 108 c.7 D.Lgs n.36/2023", "it:dlgs-36-2023", "108", "7", None),
        ("Article 20 of Directive 2014/24/EU", "eu:dir-2014-24", "20", None, None),
        ("art. 20 della direttiva 2014/24/UE", "eu:dir-2014-24", "20", None, None),
        ("art. 5, comma 1, lett. b) del D.Lgs. 50/2016", "it:dlgs-50-2016", "5", "1", "b"),
        ("articolo 46-bis del D.Lgs. 198/2006", "it:dlgs-198-2006", "46-bis", None, None),
        ("art. 11, comma 2, del Codice", "it:dlgs-36-2023", "11", "2", None),
    ],
)
def test_find_citations_article_with_law(text: str, law: str, article: str, comma: str | None,
                                         letter: str | None) -> None:
    citations = find_citations(text)
    assert len(citations) == 1, citations
    c = citations[0]
    assert (c.law, c.article, c.comma, c.letter) == (law, article, comma, letter)
    assert (c.start, c.end) == (0, len(text))


@pytest.mark.parametrize(
    ("text", "law"),
    [
        ("L. 381/1991", "it:l-381-1991"),
        ("ai sensi della legge 8 novembre 1991, n. 381", "it:l-381-1991"),
        ("L. n. 68/1999", "it:l-68-1999"),
        ("D.L. 77/2021", "it:dl-77-2021"),
        ("decreto legislativo 31 marzo 2023, n. 36", "it:dlgs-36-2023"),
    ],
)
def test_find_citations_bare_law(text: str, law: str) -> None:
    assert [(c.law, c.article) for c in find_citations(text)] == [(law, None)]


def test_find_citations_law_not_shared_across_an_intervening_article() -> None:
    # The law after "art. 57" belongs to art. 57, not to art. 11.
    cits = find_citations("art. 11 e art. 57 del D.Lgs. 36/2023")
    assert [(c.article, c.law) for c in cits] == [("11", None), ("57", "it:dlgs-36-2023")]


def test_find_citations_law_too_far_is_not_attached() -> None:
    text = "art. 3 " + "del regolamento interno della stazione appaltante e delle sue " * 2 \
        + "norme, D.Lgs. 36/2023"
    cits = find_citations(text)
    assert cits[0] == Citation(0, 6, None, "3")
    assert cits[1].law == "it:dlgs-36-2023" and cits[1].article is None


def test_view_sentence_citations_are_relative_to_the_sentence() -> None:
    view = make_view("Primo periodo. Il servizio è riservato ai sensi dell'art. 61 del D.Lgs. "
                     "36/2023 alle cooperative.")
    s, start, _ = sentence_with(view, "art. 61")
    assert [(c.law, c.article) for c in s.citations] == [("it:dlgs-36-2023", "61")]
    assert s.citations[0].start == start


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("622.080,00", 622080.0),
        ("1,554,800.00", 1554800.0),
        ("180 000", 180000.0),
        ("180\u202f000", 180000.0),
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("180.000", 180000.0),
        ("1.000.000", 1000000.0),
        ("30", 30.0),
        ("trenta", 30.0),
        ("0,5", 0.5),
    ],
)
def test_parse_number(raw: str, value: float) -> None:
    assert parse_number(raw) == value


@pytest.mark.parametrize("raw", ["", "abc", "12a", "1-2"])
def test_parse_number_rejects_non_numbers(raw: str) -> None:
    assert parse_number(raw) is None


# ------------------------------------------------------------------ typed values


def values(text: str, kind: str) -> list[tuple[float | str, str]]:
    return [(v.value, text[v.start:v.end]) for v in find_values(text) if v.kind == kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("almeno il 30 per cento dei lavoratori", [(30.0, "30 per cento")]),
        ("almeno il 30% dei lavoratori", [(30.0, "30%")]),
        ("il trenta per cento delle assunzioni", [(30.0, "trenta per cento")]),
        ("una quota del 12,5 % delle assunzioni", [(12.5, "12,5 %")]),
        ("at least 30 per cent of the employees", [(30.0, "30 per cent")]),
        ("un aumento del 150% dei costi", []),  # not a share
    ],
)
def test_find_values_percent(text: str, expected: list[tuple[float, str]]) -> None:
    assert values(text, "percent") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("la metà delle assunzioni è destinata alle donne", [(50.0, "metà")]),
        ("un quart des embauches concerne des jeunes", [(25.0, "un quart")]),
        ("una quinta parte de las contrataciones", [(20.0, "una quinta parte")]),
        ("de helft van de nieuwe medewerkers", [(50.0, "helft")]),
        ("die Hälfte der Neueinstellungen", [(50.0, "Hälfte")]),
        ("one third of the new jobs", [(33.3, "one third")]),
        ("three in ten new hires", [(30.0, "three in ten")]),
        ("no fewer than one in four recruits", [(25.0, "one in four")]),
        ("una quota pari alla metà di esse", [(50.0, "metà")]),
        ("2 in 10 days", []),
        ("tres de cada diez contrataciones", [(30.0, "tres de cada diez")]),
        ("el 12 por 100 de las contrataciones", [(12.0, "12 por 100")]),
        ("forty-five per cent of new hires", [(45.0, "forty-five per cent")]),
        ("cuarenta y cinco por ciento", [(45.0, "cuarenta y cinco por ciento")]),
        # Fractions that are no shares: a third party, a trusted third party, a goal.
        ("a third party certifies the data", []),
        ("un tiers de confiance", []),
        ("een derde partij", []),
        ("la meta del proyecto", []),
        ("on behalf of the buyer", []),
    ],
)
def test_find_values_shares_in_words(text: str, expected: list[tuple[float, str]]) -> None:
    assert values(text, "percent") == expected


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("importo a base di gara € 622.080,00 oltre IVA", 622080.0),
        ("importo di 1.554.800,00 euro", 1554800.0),
        ("estimated value EUR 420,000 excluding VAT", 420000.0),
        ("€ 180.000,00 (euro centottantamila/00)", 180000.0),
    ],
)
def test_find_values_money(text: str, amount: float) -> None:
    assert [v for v, _ in values(text, "money")] == [amount]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("durata di 24 mesi", 24.0),
        ("durata di tre anni", 36.0),
        ("durata di 36 (trentasei) mesi", 36.0),
        ("durata di 90 giorni", 3.0),
        ("a term of 24 months", 24.0),
        ("for three years", 36.0),
    ],
)
def test_find_values_duration_in_months(text: str, months: float) -> None:
    assert [v for v, _ in values(text, "duration")] == [months]


def test_find_values_duration_with_four_digits() -> None:
    assert [v for v, _ in values("durata di 1095 giorni naturali e consecutivi",
                                 "duration")] == [36.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CPV 77310000-6 servizi di manutenzione del verde", ["77310000"]),
        ("codice CPV: 77310000", ["77310000"]),
        ("protocollo 77310000 del registro", []),  # eight digits, no check digit, no "CPV"
    ],
)
def test_find_values_cpv(text: str, expected: list[str]) -> None:
    assert [v for v, _ in values(text, "cpv")] == expected


def test_view_sentence_values_are_relative_to_the_sentence() -> None:
    view = make_view("Primo periodo. Almeno il 30 per cento dei lavoratori è svantaggiato.")
    s, _, _ = sentence_with(view, "30 per cento")
    (value,) = [v for v in s.values if v.kind == "percent"]
    assert s.text[value.start:value.end] == "30 per cento"


# ------------------------------------------------------------------ negation


@pytest.mark.parametrize(
    ("text", "needle", "negated"),
    [
        ("La partecipazione non è riservata.", "riservata", True),
        ("Nessuna clausola sociale è prevista nel presente appalto.", "clausola sociale", True),
        ("Partecipazione riservata: NO", "riservata", True),
        ("Partecipazione riservata: SI", "riservata", False),
        ("Quota non inferiore al 30 per cento delle assunzioni.", "30 per cento", False),
        ("I costi della manodopera non soggetti a ribasso sono pari a euro 117.000,00.",
         "costi della manodopera", False),
        ("La partecipazione è riservata alle cooperative sociali.", "riservata", False),
    ],
)
def test_negation_it(text: str, needle: str, negated: bool) -> None:
    s, start, end = sentence_with(make_view(text), needle)
    assert s.negated_at(start, end) is negated


def test_negation_en() -> None:
    s, start, end = sentence_with(make_view("The contract is not reserved.", lang="en"),
                                  "reserved")
    assert s.negated_at(start, end)
    s, start, end = sentence_with(make_view("The contract is reserved.", lang="en"), "reserved")
    assert not s.negated_at(start, end)


def test_negation_does_not_cross_coordinated_clause() -> None:
    s, start, end = sentence_with(
        make_view("Il servizio non prevede penali e include la clausola sociale."),
        "clausola sociale")
    assert not s.negated_at(start, end)


# ------------------------------------------------------------------ template text


def test_text_in_brackets_is_template() -> None:
    view = make_view("L'appalto è riservato [alle cooperative sociali di tipo B] del territorio.")
    s, start, end = sentence_with(view, "cooperative sociali")
    assert s.in_template_at(start, end)
    s2, start2, end2 = sentence_with(view, "riservato")
    assert not s2.in_template_at(start2, end2)


def test_bracketed_paragraphs_carry_template_to_the_closing_bracket() -> None:
    view = make_view("[Eventuale: la clausola sociale.", "Secondo paragrafo facoltativo.]",
                     "Testo operativo dopo la parentesi.")
    assert [s.template for s in view.sentences] == [True, True, False]


def test_dot_leaders_before_a_figure_are_a_filled_row_not_a_blank() -> None:
    view = make_view("C.2 Progetto di inserimento lavorativo .......... punti 10",
                     "Offerta economica ............ 30",
                     "Oneri della sicurezza .......... € 38.300,00",
                     "Ribasso percentuale offerto: .......... %",
                     "Il sottoscritto .......... nato a ..........")
    assert [s.template for s in view.sentences] == [False, False, False, True, True]


def test_text_after_se_previsto_is_template() -> None:
    view = make_view("Il fornitore garantisce (se previsto) la clausola sociale per il personale.")
    s, start, end = sentence_with(view, "clausola sociale")
    assert s.in_template_at(start, end)
    assert not s.template  # only what follows the opener
    before = make_view("Il fornitore garantisce la clausola sociale (se previsto) per il personale.")
    s, start, end = sentence_with(before, "clausola sociale")
    assert not s.in_template_at(start, end)


def test_sentence_starting_with_opener_and_placeholders_are_template() -> None:
    view = make_view("(se previsto) L'operatore garantisce la clausola sociale.",
                     "Il codice CIG è ………… e il CCNL è quello edile.",
                     "Il CCNL applicabile è quello edile.")
    assert [s.template for s in view.sentences] == [True, True, False]


def test_the_blank_of_a_reference_number_leaves_the_sentence_operative() -> None:
    view = make_view("Con determina n. ........ l'affidamento è stato riservato alle cooperative "
                     "sociali di tipo B.",
                     "Con determina n. ........ del .......... l'affidamento è stato riservato.",
                     "Il sottoscritto .......... nato a .......... dichiara.",
                     "Gemäß Beschluss Nr. ____ ist der Auftrag vorbehalten.",
                     "Si applica il CCNL multiservizi (verbale del RUP del ........).")
    assert [s.template for s in view.sentences] == [False, False, True, False, False]


# ------------------------------------------------------------------ language


LANGUAGE_SAMPLES = {
    "it": "La stazione appaltante si riserva la facoltà di non procedere all'aggiudicazione se "
          "nessuna offerta risulti conveniente o idonea in relazione all'oggetto del contratto.",
    "en": "The contracting authority reserves the right not to award the contract if no tender "
          "is suitable in relation to the subject matter of the contract.",
    "fr": "Le pouvoir adjudicateur se réserve le droit de ne pas attribuer le marché si aucune "
          "offre ne convient au regard de l'objet du contrat.",
    "es": "El órgano de contratación se reserva el derecho de no adjudicar el contrato si "
          "ninguna oferta resulta adecuada en relación con el objeto del contrato.",
    "nl": "De aanbestedende dienst behoudt zich het recht voor om de opdracht niet te gunnen als "
          "geen enkele inschrijving geschikt is voor het voorwerp van de opdracht.",
    "de": "Der öffentliche Auftraggeber behält sich das Recht vor, den Auftrag nicht zu vergeben, "
          "wenn kein Angebot im Hinblick auf den Gegenstand des Auftrags geeignet ist.",
}


@pytest.mark.parametrize("lang", sorted(LANGUAGE_SAMPLES))
def test_detect_language(lang: str) -> None:
    detected, confidence = detect_language(LANGUAGE_SAMPLES[lang])
    assert detected == lang
    assert 0.3 < confidence <= 1.0


def test_detect_language_falls_back_on_too_little_text() -> None:
    assert detect_language("CIG 123", default="fr") == ("fr", 0.0)


def test_build_view_detects_language_and_lang_overrides() -> None:
    assert make_view(LANGUAGE_SAMPLES["en"], lang=None).language == "en"
    assert make_view(LANGUAGE_SAMPLES["en"], lang="it").language == "it"
    # make_view asks for allow_trained=False: always the blank rule-based pipeline.
    assert make_view(LANGUAGE_SAMPLES["en"], lang=None).nlp_mode == "blank"


def test_every_law_is_read_from_its_examples() -> None:
    """data/laws.yaml: each example name is found as its law, in a sentence, in upper
    and lower case (the `starts` prefilter must not hide a law its names can match)."""
    from proseco_check.nlp.entities import LAWS, find_laws

    for key, law in LAWS.items():
        assert law["examples"], key
        for name in law["examples"]:
            for text in (f"Si applica {name} al contratto.", f"VISTO {name.upper()};"):
                assert key in [k for _, _, k in find_laws(text)], (key, text)


def test_bulleted_items_that_complete_a_lead_in_stay_with_it() -> None:
    """"siano destinate: • per una quota ... a giovani; • per una quota ... a donne": each
    item completes the lead-in, which says what the shares are of."""
    assert sentences("Le assunzioni sono destinate: • per una quota del 40 per cento, a "
                     "giovani; • per una quota del 30%, a donne.") == [
        "Le assunzioni sono destinate: • per una quota del 40 per cento, a giovani; • per "
        "una quota del 30%, a donne."]


def test_a_percentage_spelled_out_in_brackets_is_read() -> None:
    """"30 (trenta) per cento": the figure in words between the number and the sign."""
    values = find_values("una quota non inferiore al 30 (trenta) per cento per ciascuna")
    assert [(v.kind, v.value) for v in values] == [("percent", 30.0)]


def test_a_lettered_item_before_a_capital_opens_a_sentence() -> None:
    """"... del sistema. d) Lugar de ejecución: ..." is the next item of a list; "lett. a)
    del comma 2" is a citation and "b) la quota" runs on in lower case."""
    assert sentences("Garantía unitaria del sistema. d) Lugar de ejecución: Avenida del "
                     "Deporte.") == ["Garantía unitaria del sistema.",
                                     "d) Lugar de ejecución: Avenida del Deporte."]
    assert len(sentences("Si applica la lett. a) del comma 2. b) la quota è fissata.")) == 1


def test_a_number_with_its_figure_in_brackets_is_read() -> None:
    """"TRES (3) MESES", "trenta (30) per cento": words and figure, either way round."""
    assert [(v.kind, v.value) for v in find_values("Plazo: TRES (3) MESES")] == [("duration", 3.0)]
    assert [(v.kind, v.value) for v in find_values("il trenta (30) per cento")] == [
        ("percent", 30.0)]


def test_an_item_opens_after_an_initial_and_before_a_hyphenated_title() -> None:
    """ "bijlage B. 4.4 Social return": the tokenizer keeps "B." whole, and "Niet-nakoming"
    is no title case for spaCy; both items still open sentences of their own. A lower-case
    word after the number still does not ("lett. b. 3.2 del regolamento")."""
    assert sentences("De boete geldt onverminderd bijlage B. 4.4 Social return is een "
                     "contracteis.", lang="nl") == [
        "De boete geldt onverminderd bijlage B.", "4.4 Social return is een contracteis."]
    assert sentences("De brugwachters tellen niet mee. 4.3 Niet-nakoming: de opdrachtnemer "
                     "betaalt een boete.", lang="nl") == [
        "De brugwachters tellen niet mee.",
        "4.3 Niet-nakoming: de opdrachtnemer betaalt een boete."]
    assert len(sentences("Ai sensi dell'art. 5 lett. B. 3.2 del regolamento.")) == 1
