"""Measure the clause vocabulary on a clause bank (tests/clause_bank/<lang>/<clause>.yaml):
real-world formulations that must be found (positives) and near misses that must not
(traps). Each file is split in two halves by position: the even entries are the
development half that patterns may be written against, the odd ones are held out, so
a figure on the held-out half says how the patterns generalise."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from proseco_check.clauses.judge import judge
from proseco_check.clauses.selftest import example_view
from proseco_check.clauses.vocabulary import vocabulary
from proseco_check.yaml_io import read_yaml_file

HALVES = ("dev", "held-out")


@dataclass
class BankScore:
    clause: str
    lang: str
    half: str
    true_pos: int = 0
    false_neg: int = 0
    false_pos: int = 0
    true_neg: int = 0
    wrong_values: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        found = self.true_pos + self.false_neg
        return self.true_pos / found if found else None

    @property
    def precision(self) -> float | None:
        said = self.true_pos + self.false_pos
        return self.true_pos / said if said else None


def _half(index: int) -> str:
    return HALVES[index % 2]


def score_file(path: Path) -> list[BankScore]:
    """One bank file, scored per half; a clause the vocabulary lacks scores nothing."""
    data = read_yaml_file(path, "the clause bank file")
    clause = vocabulary().get(str(data.get("clause")))
    lang = str(data.get("lang"))
    if clause is None or lang not in clause.patterns:
        return []
    scores = {h: BankScore(clause.id, lang, h) for h in HALVES}
    for i, entry in enumerate(data.get("positives") or []):
        score = scores[_half(i)]
        verdict = judge(example_view(entry["text"], lang), clause)
        if not verdict.present:
            score.false_neg += 1
            score.misses.append("missed: " + entry["text"])
            continue
        score.true_pos += 1
        expected = entry.get("expect") or {}
        if any(verdict.values.get(k) != float(v) for k, v in expected.items()):
            score.wrong_values += 1
            score.misses.append(f"values {verdict.values} != {expected}: " + entry["text"])
    for i, entry in enumerate(data.get("traps") or []):
        score = scores[_half(i)]
        if judge(example_view(entry["text"], lang), clause).present:
            score.false_pos += 1
            score.misses.append("trap matched: " + entry["text"])
        else:
            score.true_neg += 1
    return list(scores.values())


def score_bank(root: Path) -> list[BankScore]:
    return [s for path in sorted(root.glob("*/*.yaml")) for s in score_file(path)]


def half_total(scores: list[BankScore], half: str) -> BankScore:
    """Every clause and language of one half, summed."""
    total = BankScore("all", "all", half)
    for s in (s for s in scores if s.half == half):
        total.true_pos += s.true_pos
        total.false_neg += s.false_neg
        total.false_pos += s.false_pos
        total.true_neg += s.true_neg
        total.wrong_values += s.wrong_values
    return total


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.2f}"


def format_bank(scores: list[BankScore]) -> str:
    """A table: clause, language, then recall/precision on each half, and totals."""
    rows = ["clause                         lang  dev R  dev P  held R held P  values"]
    keyed = {(s.clause, s.lang, s.half): s for s in scores}
    for clause, lang in sorted({(s.clause, s.lang) for s in scores}):
        dev, held = keyed[clause, lang, "dev"], keyed[clause, lang, "held-out"]
        rows.append(f"{clause:<30} {lang:<4} {_fmt(dev.recall)}  {_fmt(dev.precision)}  "
                    f"{_fmt(held.recall)}  {_fmt(held.precision)}  "
                    f"{dev.wrong_values + held.wrong_values}")
    for half in HALVES:
        total = half_total(scores, half)
        rows.append(f"total {half:<9}: recall {_fmt(total.recall)}, precision "
                    f"{_fmt(total.precision)}, wrong values {total.wrong_values}")
    return "\n".join(rows) + "\n"
