"""Evaluation beyond the profile: the accuracy of each fact against a facts truth file,
the precision and recall of rule verdicts where the truth says a clause is present or
absent, and the development/evaluation split of a corpus.

Facts truth (tests/data/facts_truth.yaml): `docs: {file: {fact: value}}`. A fact left out
is not judged; a fact written as null means the document states none, and the tool must
find none. Amounts agree within 1 %; CPV codes compare on their 8 digits.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from proseco_check.errors import UsageError
from proseco_check.model.report import DocumentResult
from proseco_check.pipeline.evaluation import (
    TRUTH_ELEMENTS,
    EvalReport,
    compare,
    format_report,
    load_truth,
    recall_table,
    rule_recall,
)
from proseco_check.yaml_io import YamlFileError, read_yaml_file

AMOUNT_TOLERANCE = 0.01
HALVES = ("dev", "eval")


class FactScore(BaseModel):
    fact: str
    right: int = 0
    wrong: int = 0

    @property
    def accuracy(self) -> float | None:
        total = self.right + self.wrong
        return self.right / total if total else None


class FactMiss(BaseModel):
    document: str
    fact: str
    expected: Any
    predicted: Any


class VerdictScore(BaseModel):
    """Rule verdicts (present or wrong = found; missing) against the truth's elements."""

    tp: int = 0  # found, and the clause is there
    fp: int = 0  # found, and it is not
    fn: int = 0  # missing, but it is there
    tn: int = 0  # missing, and it is not
    # "elsewhere" (not expected in this kind of document): apart from the four above;
    # one where the clause is in fact there is a miss the status hides.
    elsewhere_there: int = 0
    elsewhere_absent: int = 0

    @staticmethod
    def ratio(a: int, b: int) -> float | None:
        return a / (a + b) if a + b else None

    def present_precision(self) -> float | None:
        return self.ratio(self.tp, self.fp)

    def present_recall(self) -> float | None:
        return self.ratio(self.tp, self.fn)

    def missing_precision(self) -> float | None:
        return self.ratio(self.tn, self.fn)

    def missing_recall(self) -> float | None:
        return self.ratio(self.tn, self.fp)


class FactReport(BaseModel):
    facts: list[FactScore]
    misses: list[FactMiss] = Field(default_factory=list)
    documents: int = 0

    def total(self) -> FactScore:
        return FactScore(fact="all", right=sum(f.right for f in self.facts),
                         wrong=sum(f.wrong for f in self.facts))


def _read(path: Path, what: str) -> Any:
    try:
        return read_yaml_file(path, f"the {what}", max_bytes=16 * 1024 * 1024)
    except YamlFileError as exc:
        raise UsageError(f"{path}: cannot read the {what} ({exc})") from None


def load_facts_truth(path: Path) -> dict[str, dict[str, Any]]:
    data = _read(path, "facts truth file")
    if not isinstance(data, dict) or not isinstance(data.get("docs"), dict):
        raise UsageError(f"{path}: a facts truth file has a 'docs' mapping")
    return {name: facts or {} for name, facts in data["docs"].items()}


def load_split(path: Path) -> dict[str, list[str]]:
    """The fixed development/evaluation halves: `dev: [files]`, `eval: [files]`."""
    data = _read(path, "corpus split")
    if not isinstance(data, dict) or any(not isinstance(data.get(h), list) for h in HALVES):
        raise UsageError(f"{path}: a corpus split has 'dev' and 'eval' lists of files")
    overlap = set(data["dev"]) & set(data["eval"])
    if overlap:
        raise UsageError(f"{path}: in both halves: {', '.join(sorted(overlap))}")
    return {h: [str(n) for n in data[h]] for h in HALVES}


def same_value(fact: str, expected: Any, got: Any) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        try:
            value = float(got)
        except (TypeError, ValueError):
            return False
        return abs(value - float(expected)) <= AMOUNT_TOLERANCE * max(abs(float(expected)), 1.0)
    if fact.startswith("cpv"):
        return str(got).split("-")[0] == str(expected).split("-")[0]
    return bool(str(got) == str(expected))


def compare_facts(results: dict[str, DocumentResult], truth: dict[str, dict[str, Any]]
                  ) -> FactReport:
    names = sorted({f for facts in truth.values() for f in facts})
    scores = {f: FactScore(fact=f) for f in names}
    report = FactReport(facts=list(scores.values()))
    for doc_name, expected in sorted(truth.items()):
        doc = results.get(doc_name)
        if doc is None:
            continue
        report.documents += 1
        for fact, value in expected.items():
            got = doc.facts[fact].value if fact in doc.facts else None
            if same_value(fact, value, got):
                scores[fact].right += 1
            else:
                scores[fact].wrong += 1
                report.misses.append(FactMiss(document=doc_name, fact=fact, expected=value,
                                              predicted=got))
    return report


def verdicts(results: dict[str, DocumentResult], truth: dict[str, dict[str, Any]],
             rule_elements: dict[str, str]) -> VerdictScore:
    """Each verdict of a rule that names a profile element, where the truth says whether
    the element is in the document (truth.yaml keys, TRUTH_ELEMENTS)."""
    key_of = {element: key for key, element in TRUTH_ELEMENTS.items() if element}
    score = VerdictScore()
    for name, doc in results.items():
        expected = truth.get(name)
        if expected is None:
            continue
        for finding in doc.findings:
            element = rule_elements.get(finding.rule)
            key = key_of.get(element or "")
            if key is None or expected.get(key) is None or finding.status not in (
                    "present", "wrong", "missing", "elsewhere"):
                continue
            if finding.status == "elsewhere":
                if expected[key]:
                    score.elsewhere_there += 1
                else:
                    score.elsewhere_absent += 1
                continue
            found, there = finding.status != "missing", bool(expected[key])
            if found and there:
                score.tp += 1
            elif found:
                score.fp += 1
            elif there:
                score.fn += 1
            else:
                score.tn += 1
    return score


def _pct(x: float | None) -> str:
    return "  -  " if x is None else f"{x:5.2f}"


def format_verdicts(v: VerdictScore) -> str:
    return (f"rule verdicts: tp {v.tp} fp {v.fp} fn {v.fn} tn {v.tn}; present precision "
            f"{_pct(v.present_precision())} recall {_pct(v.present_recall())}; missing "
            f"precision {_pct(v.missing_precision())} recall {_pct(v.missing_recall())}; "
            f"elsewhere {v.elsewhere_there + v.elsewhere_absent} (clause there in "
            f"{v.elsewhere_there})")


def format_facts(report: FactReport, title: str) -> str:
    lines = [f"facts ({title}): {report.documents} documents",
             f"  {'fact':<22} {'right':>5} {'wrong':>5}  accuracy"]
    for f in [*report.facts, report.total()]:
        lines.append(f"  {f.fact:<22} {f.right:>5} {f.wrong:>5}  {_pct(f.accuracy)}")
    for miss in report.misses:
        lines.append(f"  FACT {miss.document} {miss.fact}: expected {miss.expected}, "
                     f"got {miss.predicted}")
    return "\n".join(lines)


def _recall_file(path: Path, report: EvalReport, corpus: str) -> None:
    import json

    from proseco_check.output_files import write_atomic

    table = recall_table(report, corpus)
    write_atomic(path, json.dumps(table, indent=2, sort_keys=True) + "\n")


def run_eval(directory: Path, truth: Path | None, facts_truth: Path | None,
             split: Path | None, write_recall: Path | None) -> str:
    """Check the labelled documents of `directory` and compare them with the truth
    files, for the whole folder or for each half of a split. With a split, the recall
    file is measured on the development half."""
    from proseco_check.engine.loader import builtin_packs
    from proseco_check.pipeline.run import Options, check_document
    from proseco_check.profile.build import clause_elements

    expected = load_truth(truth) if truth else {}
    expected_facts = load_facts_truth(facts_truth) if facts_truth else {}
    labelled = sorted({*expected, *expected_facts})
    halves = load_split(split) if split else {"all": labelled}
    results = {n: check_document(directory / n, Options()) for n in labelled
               if (directory / n).is_file()}
    # A rule measures an element when it reads one of the element's clauses.
    by_clause = clause_elements()
    elements: dict[str, str] = {r.id: by_clause[r.clause] for p in builtin_packs()
                                for r in p.rules if r.clause in by_clause}
    sections: list[str] = []
    for half, names in halves.items():
        part = {n: results[n] for n in names if n in results}
        if expected:
            report = compare(part, {n: expected[n] for n in names if n in expected})
            report.rules = rule_recall(part, expected, elements)
            sections.append(f"== {half}: profile elements ==\n{format_report(report)}\n"
                            + format_verdicts(verdicts(part, expected, elements)))
            if write_recall is not None and half in ("all", "dev"):
                _recall_file(write_recall, report, directory.name)
        if expected_facts:
            facts = compare_facts(part, {n: expected_facts[n] for n in names
                                         if n in expected_facts})
            sections.append(f"== {half}: facts ==\n{format_facts(facts, half)}")
    return "\n".join(sections)
