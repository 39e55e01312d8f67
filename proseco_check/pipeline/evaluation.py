"""Compare the profile with a ground-truth file (the format of the real corpus's
truth.yaml) and compute precision, recall and F1 per element."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from proseco_check.errors import UsageError
from proseco_check.model.report import DocumentResult
from proseco_check.yaml_io import YamlFileError, read_yaml_file

# truth.yaml key -> profile element id (None: read from facts/profile directly).
TRUTH_ELEMENTS: dict[str, str | None] = {
    "tender": None,
    "reserved": None,
    "labour_agreement": "labour-agreement",
    "employment_stability": "employment-stability",
    "hiring_quotas": "hiring-quotas",
    "disadvantaged_inclusion": "disadvantaged-employment",
    "social_award_criteria": "social-award-criteria",
    "gender_cert_award": "gender-equality-certification",
    "ethical_supply_chain": "ethical-supply-chain",
}


class Disagreement(BaseModel):
    document: str
    element: str
    expected: Any
    predicted: Any
    evidence: list[str] = Field(default_factory=list)


class ElementScore(BaseModel):
    element: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def judged(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)

    @property
    def agreement(self) -> float | None:
        return (self.tp + self.tn) / self.judged if self.judged else None


class RuleRecall(BaseModel):
    """How often a rule found its clause in labelled documents that contain it."""

    rule: str
    element: str
    found: int = 0
    missed: int = 0

    @property
    def recall(self) -> float | None:
        total = self.found + self.missed
        return self.found / total if total else None


class EvalReport(BaseModel):
    elements: list[ElementScore]
    rules: list[RuleRecall] = Field(default_factory=list)
    disagreements: list[Disagreement]
    quota_values_exact: int = 0
    quota_values_total: int = 0
    documents: int = 0
    missing_documents: list[str] = Field(default_factory=list)

    def total(self) -> ElementScore:
        total = ElementScore(element="all")
        for e in self.elements:
            total.tp += e.tp
            total.fp += e.fp
            total.fn += e.fn
            total.tn += e.tn
        return total


def load_truth(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = read_yaml_file(path, "the truth file", max_bytes=16 * 1024 * 1024)
    except YamlFileError as exc:
        raise UsageError(f"{path}: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("docs"), dict):
        raise UsageError(f"{path}: a truth file has a 'docs' mapping")
    docs: dict[str, dict[str, Any]] = data["docs"]
    return docs


def predicted(doc: DocumentResult, key: str) -> Any:
    if key == "tender":
        return doc.facts["is_tender"].value
    if key == "reserved":
        return doc.profile.reserved != "none"
    element = next((e for e in doc.profile.elements if e.id == TRUTH_ELEMENTS[key]), None)
    if key == "hiring_quotas":
        if element is None:
            return None
        return {"women": element.values.get("women_pct"), "youth": element.values.get("youth_pct")}
    return element is not None


def _evidence(doc: DocumentResult, key: str) -> list[str]:
    element_id = TRUTH_ELEMENTS.get(key)
    for e in doc.profile.elements:
        if e.id == element_id:
            return [f"{ev.where()}: {ev.text[:160]}" for ev in e.evidence]
    if key == "reserved":
        return [f"{ev.where()}: {ev.text[:160]}" for ev in doc.facts["reserved"].evidence]
    return []


def compare(results: dict[str, DocumentResult], truth: dict[str, dict[str, Any]]) -> EvalReport:
    scores = {k: ElementScore(element=k) for k in TRUTH_ELEMENTS}
    report = EvalReport(elements=list(scores.values()), disagreements=[])
    for name, expected_doc in truth.items():
        doc = results.get(name)
        if doc is None:
            report.missing_documents.append(name)
            continue
        report.documents += 1
        for key in TRUTH_ELEMENTS:
            expected = expected_doc.get(key)
            if expected is None and key != "hiring_quotas":
                continue  # not determinable from this document: not judged
            got = predicted(doc, key)
            # (quotas are stated by their values, or by "true"; "false" and null state none)
            exp_bool = bool(expected) if key != "hiring_quotas" else expected not in (None, False)
            got_bool = bool(got) if key != "hiring_quotas" else got is not None
            score = scores[key]
            if exp_bool and got_bool:
                score.tp += 1
            elif got_bool:
                score.fp += 1
            elif exp_bool:
                score.fn += 1
            else:
                score.tn += 1
            # ("hiring_quotas: true" states quotas without their values: nothing to compare)
            if key == "hiring_quotas" and exp_bool and got_bool and isinstance(expected, dict):
                report.quota_values_total += 1
                stated, wanted = got or {}, expected
                exact = all(float(stated.get(g) or -1) == float(wanted.get(g) or -1)
                            for g in ("women", "youth"))
                report.quota_values_exact += int(exact)
                if not exact:
                    report.disagreements.append(Disagreement(
                        document=name, element="hiring_quotas.values", expected=expected,
                        predicted=got, evidence=_evidence(doc, key)))
            if exp_bool != got_bool:
                report.disagreements.append(Disagreement(
                    document=name, element=key, expected=expected, predicted=got,
                    evidence=_evidence(doc, key)))
    return report


def rule_recall(results: dict[str, DocumentResult], truth: dict[str, dict[str, Any]],
                rule_elements: dict[str, str]) -> list[RuleRecall]:
    """For rules that name a profile element: in the documents whose truth says the
    element is present and where the rule applied, how often it found the clause
    (present or wrong) rather than calling it missing."""
    key_of = {element: key for key, element in TRUTH_ELEMENTS.items() if element}
    recalls = {rule: RuleRecall(rule=rule, element=element)
               for rule, element in sorted(rule_elements.items())}
    for name, doc in results.items():
        expected = truth.get(name, {})
        for finding in doc.findings:
            recall = recalls.get(finding.rule)
            if recall is None or not expected.get(key_of.get(recall.element, "")):
                continue
            if finding.status in ("present", "wrong"):
                recall.found += 1
            elif finding.status == "missing":
                recall.missed += 1
    return [r for r in recalls.values() if r.found + r.missed]


def recall_table(report: EvalReport, corpus: str) -> dict[str, Any]:
    """The --write-recall file: what `check --recall` shows next to a missing verdict."""
    return {"corpus": corpus, "documents": report.documents,
            "rules": {r.rule: {"element": r.element, "found": r.found, "missed": r.missed,
                               "recall": None if r.recall is None else round(r.recall, 3)}
                      for r in report.rules}}


def format_report(report: EvalReport) -> str:
    def pct(x: float | None) -> str:
        return "  -  " if x is None else f"{x:5.2f}"

    lines = [f"{'element':<24} {'n':>3} {'tp':>3} {'fp':>3} {'fn':>3} {'tn':>3}  prec   rec    f1   agree"]
    for e in [*report.elements, report.total()]:
        lines.append(f"{e.element:<24} {e.judged:>3} {e.tp:>3} {e.fp:>3} {e.fn:>3} {e.tn:>3}  "
                     f"{pct(e.precision)} {pct(e.recall)} {pct(e.f1)} {pct(e.agreement)}")
    lines.append(f"quota values exact: {report.quota_values_exact}/{report.quota_values_total}")
    for r in report.rules:
        recall = "-" if r.recall is None else f"{r.recall:.2f}"
        lines.append(f"rule {r.rule:<24} {r.element:<30} found {r.found:>2} missed "
                     f"{r.missed:>2} recall {recall}")
    for d in report.disagreements:
        lines.append(f"DISAGREE {d.document} {d.element}: expected {d.expected}, got {d.predicted}")
        lines.extend(f"    {ev}" for ev in d.evidence)
    if report.missing_documents:
        lines.append("not found: " + ", ".join(report.missing_documents))
    return "\n".join(lines)
