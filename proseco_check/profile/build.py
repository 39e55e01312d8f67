"""The social-procurement profile: which elements of a fixed vocabulary the document
contains (with evidence), its reserved status and the eForms codes that follow. Elements
are read from clause verdicts (data/profile.yaml maps each element to its clauses)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from proseco_check.clauses.judge import ClauseJudge
from proseco_check.model.evidence import Evidence
from proseco_check.model.facts import TenderFacts
from proseco_check.model.report import Profile, ProfileElement
from proseco_check.model.vocab import ELEMENTS
from proseco_check.yaml_io import safe_load

MAX_ELEMENT_EVIDENCE = 3
# Up to this many sentences a text without procurement words is a pasted clause, still
# profiled; a longer one is a document of another kind.
PROFILED_SNIPPET = 30
# eForms BT-775 social-objective codes implied by each element (legal-rules.md §3.2).
BT775 = {
    "labour-agreement": "work-cond", "employment-stability": "work-cond",
    "hiring-quotas": "gen-eq", "disadvantaged-employment": "opp",
    "gender-equality-certification": "gen-eq", "ethical-supply-chain": "hum-right",
    "accessibility": "acc-all",
}


@lru_cache(maxsize=1)
def element_clauses() -> dict[str, list[str]]:
    """Element id -> the clause ids that are evidence of it."""
    text = resources.files("proseco_check.data").joinpath("profile.yaml").read_text("utf-8")
    mapping: dict[str, list[str]] = safe_load(text)
    unknown = set(mapping) - set(ELEMENTS)
    if unknown:
        raise ValueError(f"data/profile.yaml names unknown elements: {sorted(unknown)}")
    return mapping


def clause_elements() -> dict[str, str]:
    """Clause id -> the element it alone is evidence of: a rule reading that clause
    measures the element (recall per rule). A clause among several evidence of an
    element (a social award criterion, besides gender points) measures nothing alone."""
    return {clauses[0]: element for element, clauses in element_clauses().items()
            if len(clauses) == 1}


def build_profile(judge: ClauseJudge, facts: TenderFacts) -> Profile:
    kind = facts.facts.get("document_kind")
    if kind is not None and kind.value == "non-procurement" and (
            kind.evidence or len(judge.view.sentences) >= PROFILED_SNIPPET):
        # A job competition's CCNL or a grant call's disadvantaged applicants are not the
        # social clauses of a contract: a document titled as no tender, or a whole
        # document without the language of procurement (a school gym's rules), has no
        # profile. A short text merely lacking procurement words (a pasted clause) keeps
        # its profile.
        return Profile(reserved="none", elements=[], eforms=_eforms([], "none"))
    elements: list[ProfileElement] = []
    for element in ELEMENTS:
        matches, values = [], {}
        for clause_id in element_clauses().get(element, []):
            verdict = judge.verdict_or_unjudged(clause_id)
            matches.extend(verdict.affirmed)
            values.update(verdict.values)
        if not matches:
            continue
        ordered = sorted({m.sentence.index: m for m in matches}.values(),
                         key=lambda m: m.sentence.index)
        elements.append(ProfileElement(
            id=element, values=values,
            evidence=[Evidence.of(m.sentence) for m in ordered[:MAX_ELEMENT_EVIDENCE]]))
    reserved = str(facts.value("reserved") or "none")
    return Profile(reserved=reserved, elements=elements, eforms=_eforms(elements, reserved))


def _eforms(elements: list[ProfileElement], reserved: str) -> dict[str, list[str]]:
    ids = [e.id for e in elements]
    bt775 = sorted({BT775[i] for i in ids if i in BT775})
    if "social-award-criteria" in ids and not bt775:
        bt775 = ["other"]
    social = bool(bt775) or reserved != "none"
    bt71 = {"res-ws": ["res-ws"], "res-pub-ser": ["res-pub-ser"], "none": ["none"]}.get(
        reserved, [])
    return {
        "BT-06": ["soc-obj"] if social else ["none"],
        "BT-71": bt71,
        "BT-736": ["yes"] if reserved == "res-ws" else ["no"],
        "BT-775": bt775,
    }
