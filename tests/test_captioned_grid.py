"""A grid without a header row is read under the line that introduces it, when that line
ends with a colon (nlp/view.py `table_rows`): "Quote sulle assunzioni:" over "| donne |
20 % |" says what each row is, as a header row would. A line that ends otherwise
introduces nothing."""

from __future__ import annotations

from conftest import view_of

from proseco_check.clauses.judge import ClauseJudge


def test_rows_under_a_caption_that_names_the_quotas_state_them() -> None:
    view = view_of("5.1 Quote sulle assunzioni necessarie per l'esecuzione:",
                   "| giovani sotto i 36 anni | 30 % |", "| donne | 20 % |", lang="it")
    verdict = ClauseJudge(view).verdict("hiring-quota")
    assert verdict.present
    assert verdict.values == {"youth_pct": 30.0, "women_pct": 20.0}


def test_rows_under_a_sentence_that_ends_are_not_captioned() -> None:
    view = view_of("Le assunzioni sono comunicate al RUP ogni semestre.",
                   "| giovani sotto i 36 anni | 30 % |", "| donne | 20 % |", lang="it")
    assert not ClauseJudge(view).verdict("hiring-quota").present
