"""The social-procurement profile: which elements of a fixed vocabulary the document
contains (with evidence), its reserved status and the eForms codes that follow."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import regex

from proseco_check.clauses.patterns import ClauseMatch, ClausePattern, compile_pattern, match_any
from proseco_check.model.evidence import Evidence
from proseco_check.model.facts import TenderFacts
from proseco_check.model.report import Profile, ProfileElement
from proseco_check.model.vocab import ELEMENTS
from proseco_check.nlp.entities import value_for
from proseco_check.nlp.view import NlpView
from proseco_check.yaml_io import safe_load

# The gender certification as an award criterion is also a social award criterion, so
# it is detected first.
_DETECTION_ORDER = ("gender-equality-certification",
                    *(e for e in ELEMENTS if e != "gender-equality-certification"))
# eForms BT-775 social-objective codes implied by each element (legal-rules.md §3.2).
BT775 = {
    "labour-agreement": "work-cond", "employment-stability": "work-cond",
    "hiring-quotas": "gen-eq", "disadvantaged-employment": "opp",
    "gender-equality-certification": "gen-eq", "ethical-supply-chain": "hum-right",
    "accessibility": "acc-all",
}
# Award context for the gender certification: a points table, not the guarantee discount.
_AWARD_CONTEXT = compile_pattern(
    r"punt|criteri|premial|offerta tecnica|valutazion|\bmax\b|\bpt\b|\d{1,2}\s*$"
)
_AWARD_SECTION = compile_pattern(r"criteri|offerta tecnica|punteggi|valutazione|aggiudicazione")
_YOUTH = compile_pattern(r"giovan|under ?36|inferiore a (36|trentasei)|jeunes|young|j[óo]venes")
_WOMEN = compile_pattern(r"femminil|donne|femmes|women|mujeres")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, dict[str, list[ClausePattern]]]:
    text = resources.files("proseco_check.data").joinpath("profile.yaml").read_text("utf-8")
    raw: dict[str, Any] = safe_load(text)
    return {
        element: {lang: [ClausePattern(**p) for p in patterns]
                  for lang, patterns in by_lang.items()}
        for element, by_lang in raw.items()
    }


def _matches(view: NlpView, element: str) -> list[ClauseMatch]:
    patterns = _lexicon().get(element, {}).get(view.language, [])
    return [m for m in match_any(view, patterns) if not m.negated]


def _quota_values(matches: list[ClauseMatch]) -> dict[str, float]:
    """women_pct / youth_pct: the percentage nearest each group word of the sentence."""
    values: dict[str, float] = {}
    for m in matches:
        percents = [v for v in m.sentence.values if v.kind == "percent"]
        if not percents:
            continue
        for key, rx in (("youth_pct", _YOUTH), ("women_pct", _WOMEN)):
            if key in values:
                continue
            hit = regex.search(rx, m.sentence.folded)
            value = value_for(percents, hit.start()) if hit else None
            if value is not None:
                values[key] = float(value.value)
    return values


def _award_context(view: NlpView, m: ClauseMatch) -> bool:
    """Points, criteria or an award section around the match; PDF table rows are often cut
    into several blocks, so the next two sentences count too."""
    nearby = [m.sentence] + [s for s in view.sentences[m.sentence.index + 1:m.sentence.index + 3]
                             if s.block_index - m.sentence.block_index <= 2]
    if any(regex.search(_AWARD_CONTEXT, s.folded) for s in nearby):
        return True
    return view.in_section(m.sentence, _AWARD_SECTION)


def build_profile(view: NlpView, facts: TenderFacts) -> Profile:
    by_id: dict[str, ProfileElement] = {}
    found: dict[str, list[ClauseMatch]] = {}
    for element in _DETECTION_ORDER:
        matches = _matches(view, element)
        if element == "gender-equality-certification":
            matches = [m for m in matches if _award_context(view, m)]
        values: dict[str, Any] = {}
        if element == "hiring-quotas":
            values = _quota_values(matches)
            if not values:
                matches = []
        if element == "social-award-criteria":
            matches = matches + found.get("gender-equality-certification", [])
        if not matches:
            continue
        found[element] = matches
        by_id[element] = ProfileElement(
            id=element, values=values,
            evidence=[Evidence.of(m.sentence) for m in matches[:3]],
        )
    elements = [by_id[e] for e in ELEMENTS if e in by_id]
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
