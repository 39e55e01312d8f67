"""The jurisdiction whose law governs a tender, by evidence rather than language.

Each sentence counts once per country, with the weight of its strongest evidence: a law
cited or named (2), a national identifier or currency (1.5: CIG, SIRET, NIF, KvK, BCE, ATU,
UID CHE-, CHF, GBP, ARS), a place, journal, platform or register (1). The document's
language adds a weak hint (1.5), so one stray foreign address does not move a French
tender to Belgium, but a Swiss law or currency named throughout moves a French-language
tender to Switzerland. `ch` and `other` are jurisdictions outside the packs."""

from __future__ import annotations

from collections import defaultdict

from proseco_check.clauses.patterns import match_any
from proseco_check.facts.common import lexicon, lexicon_pattern, make_fact
from proseco_check.model.facts import Fact
from proseco_check.nlp.view import NlpView, Sentence

WEIGHTS = {"law": 2.0, "id": 1.5, "place": 1.0}
LANGUAGE_WEIGHT = 1.5
# Jurisdictions for which no national pack and no EU pack apply.
OUTSIDE_PACKS = ("ch", "other")


def _evidence(view: NlpView) -> dict[str, dict[int, tuple[float, Sentence]]]:
    """country -> sentence index -> (strongest weight, sentence)."""
    found: dict[str, dict[int, tuple[float, Sentence]]] = defaultdict(dict)

    def note(country: str, weight: float, sentence: Sentence) -> None:
        current = found[country].get(sentence.index)
        if current is None or current[0] < weight:
            found[country][sentence.index] = (weight, sentence)

    for sentence in view.sentences:
        for c in sentence.citations:
            if c.law and not c.law.startswith("eu:"):
                note(c.law.split(":")[0], WEIGHTS["law"], sentence)
    for country, kinds in lexicon()["jurisdiction_evidence"].items():
        for kind, sources in kinds.items():
            pattern = lexicon_pattern(tuple(sources), negatable=False)
            for m in match_any(view, [pattern]):
                note(country, WEIGHTS[kind], m.sentence)
    return found


def jurisdiction(view: NlpView) -> Fact:
    found = _evidence(view)
    scores: dict[str, float] = {c: sum(w for w, _ in hits.values())
                                for c, hits in found.items() if hits}
    fallback = lexicon()["language_jurisdiction"].get(view.language)
    if not scores:
        return Fact(value=fallback, source="default" if fallback else "none")
    # English hints at no country ("eu" is its default): any national evidence outweighs it
    if fallback and fallback != "eu":
        scores[fallback] = scores.get(fallback, 0.0) + LANGUAGE_WEIGHT
    best = max(scores, key=lambda k: (scores[k], k == fallback))
    if not found.get(best):
        return Fact(value=best, source="default")
    strongest = sorted(found[best].values(), key=lambda h: (-h[0], h[1].index))
    return make_fact(best, [s for _, s in strongest[:3]])
