"""The clause bank (tests/clause_bank): its files are well formed and name real clauses,
`clauses bank` scores the two halves apart, and the development half, the one patterns
may be written against, does not slip back."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import invoke_cli as invoke

from proseco_check.clauses.bank import HALVES, half_total, score_bank, score_file
from proseco_check.clauses.vocabulary import builtin_vocabulary, vocabulary

BANK = Path(__file__).resolve().parent / "clause_bank"
FILES = sorted(BANK.glob("*/*.yaml"))
QUOTA_KEYS = {"youth_pct", "women_pct"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_bank_file_is_well_formed(path: Path) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    clause = vocabulary().get(data["clause"])
    assert clause is not None, f"{path}: unknown clause {data['clause']!r}"
    assert data["clause"] == path.stem and data["lang"] == path.parent.name
    assert data["lang"] in clause.patterns, f"{path}: the clause has no {data['lang']} patterns"
    texts = [e["text"] for e in data["positives"] + data["traps"]]
    assert len(texts) == len(set(texts)), f"{path}: the same text twice"
    assert all(e.get("source") for e in data["positives"] + data["traps"])
    assert all(e.get("why") for e in data["traps"]), f"{path}: a trap without its why"
    for entry in data["positives"]:
        assert set(entry.get("expect") or {}) <= QUOTA_KEYS


def test_every_clause_and_pattern_language_has_a_bank_file() -> None:
    """The bank covers the whole vocabulary: a clause with patterns in a language and no
    formulations in that language would have figures nobody measured."""
    have = {(p.stem, p.parent.name) for p in FILES}
    need = {(c.id, lang) for c in builtin_vocabulary().values() for lang in c.patterns}
    assert sorted(need - have) == []


def test_bank_has_fifteen_formulations_and_traps_per_file() -> None:
    short = [f"{p.parent.name}/{p.stem}" for p in FILES
             if len((d := yaml.safe_load(p.read_text("utf-8")))["positives"]) < 15
             or len(d["traps"]) < 15]
    assert short == []


def test_score_file_splits_even_and_odd_entries(tmp_path: Path) -> None:
    bank = tmp_path / "it" / "hiring-quota.yaml"
    bank.parent.mkdir()
    bank.write_text(yaml.safe_dump({"clause": "hiring-quota", "lang": "it", "positives": [
        {"text": "L'operatore riserva il 30 per cento delle assunzioni necessarie "
                 "all'occupazione giovanile e femminile.", "source": "art. 47 DL 77/2021",
         "expect": {"youth_pct": 30, "women_pct": 30}},
        {"text": "Il servizio di mensa è affidato per tre anni.", "source": "made up"},
    ], "traps": [{"text": "Il servizio di pulizia comprende gli uffici.", "source": "made up",
                  "why": "nothing about hiring"}]}, allow_unicode=True), "utf-8")
    dev, held = score_file(bank)
    assert (dev.half, held.half) == HALVES
    assert (dev.true_pos, dev.wrong_values, dev.true_neg) == (1, 0, 1)
    assert (held.false_neg, held.recall) == (1, 0.0)
    assert held.misses == ["missed: Il servizio di mensa è affidato per tre anni."]


def test_development_half_does_not_slip_back() -> None:
    """Patterns are written against the development half, so it must stay high; the
    held-out half is the measure of generalisation and has no floor here on purpose."""
    dev = half_total(score_bank(BANK), "dev")
    assert dev.recall is not None and dev.precision is not None
    # Measured 1.00 / 1.00 when this floor was set, 0.97 / 0.99 once the whole vocabulary
    # was covered (2026-12-01); new entries written blind may lower
    # recall a little until their patterns are written, never precision much.
    assert dev.recall >= 0.90 and dev.precision >= 0.95, (dev.recall, dev.precision)


def test_bank_command_prints_both_halves() -> None:
    result = invoke("clauses", "bank", str(BANK))
    assert result.exit_code == 0
    assert "total dev" in result.output and "total held-out" in result.output
