"""Readers of the tender facts that have no module of their own (contract type, award
method, reservation, launch date, buyer level) and `--fact` values; the units
that run them, in order, are in registry.py.

Rules decide whether they apply from these facts (`applies_when`), so every fact says
where it came from: the text (with quotes), the user (`--fact`), or nothing found.
"""

from __future__ import annotations

import re

from proseco_check.clauses.judge import ClauseJudge, excluded
from proseco_check.clauses.patterns import compile_pattern, match_any, search
from proseco_check.clauses.vocabulary import clause as clause_by_id
from proseco_check.errors import UsageError
from proseco_check.facts.common import lexicon, lexicon_pattern, make_fact, operative, patterns
from proseco_check.facts.cpv import contract_type_of
from proseco_check.facts.dates import find_dates
from proseco_check.model.evidence import Evidence
from proseco_check.model.facts import FACT_TYPES, Fact, FactValue
from proseco_check.model.i18n import canonical_value
from proseco_check.nlp.fold import fold
from proseco_check.nlp.view import NlpView, Sentence

__all__ = ["affirmed", "award_method", "buyer_level", "coerce_fact", "contract_type",
           "launch_date", "reserved", "reserved_declared"]

# Weight of the main CPV code's division in the contract-type vote: as strong as a few
# explicit mentions, because the code is chosen for exactly this classification.
CPV_VOTE = 6
BUYER_SENTENCES = 60
LETTERHEAD_SENTENCES = 6
EARLY_SENTENCES = 60
# A supplementary CPV code's label ("CPV supplementare: 45212212-5 (Lavori di costruzione
# di piscine)") names an accessory part, not the contract's object: it casts no vote.
_SUPPLEMENTARY_CPV = re.compile(
    r"\bcpv\b[^.;]{0,30}\b(supplementar|aggiuntiv|secondar|complementar|additional|"
    r"supplementary|aanvullend|zusatzlich|erganzend|adicional)|\b(supplementar\w*|aggiuntiv\w*|"
    r"secondar\w*|complementar\w*|additional|supplementary|aanvullende|zusatzliche?|"
    r"erganzende?|adicional\w*)\s+(\w+\s+)?(codici?|codes?|codigos?)?\s*cpv\b")


def contract_type(view: NlpView, cpv_main: Fact) -> Fact:
    """A vote: the object of the contract and the title weigh most, the main CPV code's
    division as much as a few mentions. Titles of general conditions ("CCAG fournitures
    courantes et services") and mentions in other contexts ("lavori di reprise") weigh
    little; the lexicon's `none` patterns drop them."""
    scores: dict[str, float] = {}
    evidence: dict[str, list[Sentence]] = {}
    objects = lexicon()["contract_object"].get(view.language, [])
    for kind, entry in lexicon()["contract_type"].items():
        sentences = [s for s in operative(view, entry)
                     if not _SUPPLEMENTARY_CPV.search(s.folded.lower())]
        scores[kind] = sum(
            (4 if any(search(compile_pattern(o), s.folded) for o in objects) else
             3 if s.index < EARLY_SENTENCES else 1) for s in sentences)
        evidence[kind] = sentences
    from_cpv = contract_type_of(str(cpv_main.value)) if cpv_main.value else None
    if from_cpv:
        scores[from_cpv] = scores.get(from_cpv, 0) + CPV_VOTE
    if not scores or max(scores.values()) == 0:
        return Fact()
    best = max(scores, key=lambda k: scores[k])
    if not evidence.get(best) and best == from_cpv:
        return Fact(value=best, source="derived", evidence=cpv_main.evidence)
    return make_fact(best, evidence[best])


# The clauses of the vocabulary (clauses/*.yaml) that facts read: each clause is defined
# once, and the facts, the profile and the rules read the same verdict (ClauseJudge).
AWARD_CLAUSES = {"best_price_quality": "award-best-price-quality",
                 "lowest_price": "award-lowest-price"}
RESERVATION_CLAUSE = "reservation-statement"


def affirmed(judge: ClauseJudge, clause_id: str) -> list[Sentence]:
    """The sentences where the clause is affirmed, in document order, each once."""
    by_index = {m.sentence.index: m.sentence
                for m in judge.verdict_or_unjudged(clause_id).affirmed}
    return [by_index[i] for i in sorted(by_index)]


def award_method(view: NlpView, judge: ClauseJudge) -> Fact:
    """The stated criterion: an explicit "criterio di aggiudicazione: X" wins; otherwise
    the route mentioned more often (a code quotes both routes)."""
    found = {k: affirmed(judge, c) for k, c in AWARD_CLAUSES.items()}
    bpq, low = found["best_price_quality"], found["lowest_price"]
    if not bpq and not low:
        return Fact()
    stated = lexicon()["award_stated"].get(view.language, [])
    for kind in ("lowest_price", "best_price_quality"):
        explicit = [s for s in found[kind]
                    if any(search(compile_pattern(p), s.folded) for p in stated)]
        other = "best_price_quality" if kind == "lowest_price" else "lowest_price"
        if explicit and not any(any(search(compile_pattern(p), s.folded) for p in stated)
                                for s in found[other]):
            return make_fact(kind, explicit)
    best = "best_price_quality" if len(bpq) >= len(low) else "lowest_price"
    return make_fact(best, found[best])


def reserved(view: NlpView, judge: ClauseJudge) -> Fact:
    """Reserved when the reservation clause is affirmed; the lexicon only says which
    reservation a stated one is (a public-service mission, art. 77); an Italian L.
    381/1991 convention is an award route of its own, not a reservation clause."""
    stated = affirmed(judge, RESERVATION_CLAUSE)
    mission = {s.index for s in operative(view, lexicon()["reserved"]["res-pub-ser"])}
    if any(s.index in mission for s in stated):
        return make_fact("res-pub-ser", [s for s in stated if s.index in mission])
    # A convention is named by the lexicon, not the clause; the clause's exclusions (a
    # form field, "not reserved") hold for it too.
    reservation = clause_by_id(RESERVATION_CLAUSE)
    conventions = [s for s in operative(view, lexicon()["reserved"]["it-l381-convention"])
                   if not excluded(reservation, view.language, s)]
    if conventions:
        return make_fact("it-l381-convention", conventions)
    if stated:
        return make_fact("res-ws", stated)
    declared_no = operative(view, lexicon()["reserved_declared_no"], negatable=False)
    return Fact(value="none", source="text" if declared_no else "none",
                evidence=[Evidence.of(s) for s in declared_no[:3]])


def reserved_declared(view: NlpView) -> Fact:
    no = operative(view, lexicon()["reserved_declared_no"], negatable=False)
    # The "yes" field is recognised in any language: notices quote the form's labels.
    sources = [p for items in lexicon()["reserved_declared_yes"].values() for p in items]
    yes = [m.sentence for m in match_any(view, [lexicon_pattern(tuple(sources),
                                                                negatable=False)])]
    if yes:
        return make_fact("reserved", yes)
    if no:
        return make_fact("none", no)
    return Fact()


def launch_date(view: NlpView) -> Fact:
    """The date the procedure was launched: the date written after "date d'envoi du
    présent avis", "fecha de envío del anuncio", "Tag der Absendung" and the like, in the
    same sentence or the next one (forms put the value on the next line)."""
    for match in match_any(view, patterns(lexicon()["launch_date"], view.language,
                                           negatable=False)):
        sentence = match.sentence
        dates = [d for pos, d in find_dates(sentence.folded) if pos >= match.start]
        if dates:
            return make_fact(dates[0].isoformat(), [sentence])
        # A form label with its value on the next line: the label ends the sentence and
        # the next one starts with the date ("… des offres;" followed by prose is not).
        rest = sentence.folded[match.end:].strip(" :.-\t")
        following = view.sentences[sentence.index + 1:sentence.index + 2]
        if rest or not following or following[0].block_index - sentence.block_index > 1:
            continue
        text = following[0].folded
        lead = len(text) - len(text.lstrip(" :-\t"))
        first = find_dates(text)[:1]
        if first and first[0][0] == lead:
            return make_fact(first[0][1].isoformat(), [sentence, following[0]])
    return Fact()


def buyer_level(view: NlpView) -> Fact:
    """Central when a central authority is the buyer: named at the start (letterhead,
    section I of a notice); a ministry mentioned later (a decree, a guideline) is not
    the buyer."""
    lex = lexicon()
    buyer_label = lex["buyer_label"].get(view.language, [])
    central = [s for s in operative(view, lex["central_buyer"])
               if s.index < LETTERHEAD_SENTENCES
               or (s.index < BUYER_SENTENCES and any(search(compile_pattern(p), s.folded)
                                                     for p in buyer_label))]
    return make_fact("central", central) if central else \
        Fact(value="sub-central", source="default")


def coerce_fact(name: str, raw: str) -> FactValue:
    """Turn '--fact name=value' text into the fact's type, or raise a usage error."""
    if name not in FACT_TYPES:
        raise UsageError(f"unknown fact '{name}'; known facts: {', '.join(FACT_TYPES)}")
    kind, allowed = FACT_TYPES[name]
    text = raw.strip()
    if kind == "bool":
        lowered = text.lower()
        if lowered in ("true", "yes", "1", "si", "sì", "oui"):
            return True
        if lowered in ("false", "no", "0", "non"):
            return False
        raise UsageError(f"fact '{name}' takes true or false, not '{raw}'")
    if kind == "float":
        try:
            return float(text.replace("_", "").replace(",", "."))
        except ValueError:
            raise UsageError(f"fact '{name}' takes a number, not '{raw}'") from None
    if kind == "list":
        return [part.strip() for part in text.split(",") if part.strip()]
    if kind == "date":
        dates = find_dates(fold(text))
        if len(dates) != 1 or dates[0][0] != 0:
            raise UsageError(f"fact '{name}' takes a date such as 2026-09-14, not '{raw}'")
        return dates[0][1].isoformat()
    text = canonical_value(text, allowed) if allowed else text  # 'servizi' -> services
    if allowed and text not in allowed:
        raise UsageError(f"fact '{name}' takes one of {', '.join(allowed)}, not '{raw}'")
    return text
