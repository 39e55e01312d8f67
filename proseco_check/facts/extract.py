"""Tender facts: what kind of tender this is, each value with its evidence.

Rules decide whether they apply from these facts (`applies_when`), so every fact says
where it came from: the text (with quotes), the user (`--fact`), or nothing found.
"""

from __future__ import annotations

import datetime as dt

from proseco_check.clauses.patterns import compile_pattern, match_any, search
from proseco_check.errors import UsageError
from proseco_check.facts.amounts import estimated_value, labour_cost
from proseco_check.facts.common import lexicon, lexicon_pattern, make_fact, operative, patterns
from proseco_check.facts.cpv import contract_type_of, cpv_facts
from proseco_check.facts.dates import find_dates
from proseco_check.facts.jurisdiction import jurisdiction
from proseco_check.facts.kind import document_kind, is_tender
from proseco_check.facts.reference_data import eu_threshold, in_cpv_list, threshold_period
from proseco_check.model.evidence import Evidence
from proseco_check.model.facts import FACT_TYPES, Fact, FactValue, TenderFacts
from proseco_check.model.i18n import canonical_value
from proseco_check.nlp.entities import DURATION_RE, parse_number, unit_months
from proseco_check.nlp.fold import fold
from proseco_check.nlp.view import NlpView, Sentence

# Kept under their old names for the modules and tests that import them from here.
_fact = make_fact
_operative = operative
_patterns = patterns
cpv_contract_type = contract_type_of
__all__ = ["coerce_fact", "cpv_contract_type", "extract_facts", "find_dates", "lexicon"]

# Weight of the main CPV code's division in the contract-type vote: as strong as a few
# explicit mentions, because the code is chosen for exactly this classification.
CPV_VOTE = 6
BUYER_SENTENCES = 60
LETTERHEAD_SENTENCES = 6
EARLY_SENTENCES = 60


def _contract_type(view: NlpView, cpv_main: Fact) -> Fact:
    """A vote: the object of the contract and the title weigh most, the main CPV code's
    division as much as a few mentions. Titles of general conditions ("CCAG fournitures
    courantes et services") and mentions in other contexts ("lavori di reprise") weigh
    little; the lexicon's `none` patterns drop them."""
    scores: dict[str, float] = {}
    evidence: dict[str, list[Sentence]] = {}
    objects = lexicon()["contract_object"].get(view.language, [])
    for kind, entry in lexicon()["contract_type"].items():
        sentences = operative(view, entry)
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


def _award_method(view: NlpView) -> Fact:
    """The stated criterion: an explicit "criterio di aggiudicazione: X" wins; otherwise
    the route mentioned more often (a code quotes both routes)."""
    found = {k: operative(view, e) for k, e in lexicon()["award"].items()}
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


# Number words the NLP layer does not know, and "quarantotto (48) mesi".
_WORDS = {"otto": 8, "diciotto": 18, "quarantotto": 48, "ventiquattro": 24, "sei": 6,
          "nove": 9, "huit": 8, "dix-huit": 18, "vingt-quatre": 24, "six": 6, "ocho": 8,
          "seis": 6, "doce": 12, "dieciocho": 18, "veinticuatro": 24, "cuatro": 4,
          "acht": 8, "zes": 6, "twaalf": 12, "achttien": 18, "vierentwintig": 24,
          "sechs": 6, "zwolf": 12, "achtzehn": 18, "vierundzwanzig": 24, "eight": 8,
          "eighteen": 18, "twenty-four": 24, "nine": 9}
_UNIT = (r"(?P<unit>mesi|months?|mois|meses|maanden|monate[n]?|anni|years?|ans|a[nñ]os|"
         r"jaar|jahre[n]?|giorni|days?|jours|d[íi]as|dagen|tage[n]?)\b")
_WORD_OR_PAREN = (rf"\b(?P<word>{'|'.join(sorted(_WORDS, key=len, reverse=True))})\s*"
                  rf"(?:\(\s*(?P<digits>\d{{1,3}})\s*\)\s*)?{_UNIT}"
                  rf"|\b[a-zà-ÿ]+\s*\(\s*(?P<paren>\d{{1,3}})\s*\)\s*{_UNIT.replace('unit', 'unit2')}")
_MONTH_FIRST = (r"(?P<unit>mesi|months?|mois|meses|maanden|monate[n]?|anni|years?|ans|"
                r"a[nñ]os|jaar|jahre[n]?)\s+(?P<num>\d{1,3})\b")


def _durations(text: str) -> list[tuple[int, float]]:
    """(offset, months) of the durations in a sentence: "24 mesi", "trois ans",
    "mesi 36"."""
    import re

    found: list[tuple[int, float]] = []
    for m in DURATION_RE.finditer(text):
        number = parse_number(m.group("num"))
        if number is not None:
            found.append((m.start(), round(number * unit_months(m.group("unit")), 2)))
    for m in re.finditer(_WORD_OR_PAREN, text, re.IGNORECASE):
        raw = m.group("digits") or m.group("paren")
        number = float(raw) if raw else float(_WORDS[m.group("word").lower()])
        unit = m.group("unit") or m.group("unit2")
        found.append((m.start(), round(number * unit_months(unit), 2)))
    for m in re.finditer(_MONTH_FIRST, text, re.IGNORECASE):
        number = parse_number(m.group("num"))
        if number is not None:
            found.append((m.start(), round(number * unit_months(m.group("unit")), 2)))
    return sorted(found)


def _duration(view: NlpView) -> Fact:
    """The contract's duration: a duration written after a label that names the
    contract's term ("durata dell'appalto", "durée du marché", "plazo de ejecución"),
    never the procedure's length, an offer's validity, a payment term or a glossary."""
    for match in match_any(view, patterns(lexicon()["duration"], view.language)):
        if match.negated:
            continue
        sentence = match.sentence
        after = [(pos, months) for pos, months in _durations(sentence.text)
                 if pos >= match.start and months >= 1]
        if after:
            return make_fact(after[0][1], [sentence])
        nxt = view.sentences[sentence.index + 1:sentence.index + 2]
        if nxt and not sentence.folded[match.end:].strip(" :.-\t"):
            first = [(p, m) for p, m in _durations(nxt[0].text) if p < 20 and m >= 1]
            if first:
                return make_fact(first[0][1], [sentence, nxt[0]])
    return Fact()


def _reserved(view: NlpView) -> Fact:
    for kind in ("res-pub-ser", "it-l381-convention", "res-ws"):
        sentences = _operative(view, lexicon()["reserved"][kind])
        if sentences:
            return _fact(kind, sentences)
    declared_no = _operative(view, lexicon()["reserved_declared_no"], negatable=False)
    return Fact(value="none", source="text" if declared_no else "none",
                evidence=[Evidence.of(s) for s in declared_no[:3]])


def _reserved_declared(view: NlpView) -> Fact:
    no = _operative(view, lexicon()["reserved_declared_no"], negatable=False)
    # The "yes" field is recognised in any language: notices quote the form's labels.
    sources = [p for items in lexicon()["reserved_declared_yes"].values() for p in items]
    yes = [m.sentence for m in match_any(view, [lexicon_pattern(tuple(sources),
                                                                negatable=False)])]
    if yes:
        return _fact("reserved", yes)
    if no:
        return _fact("none", no)
    return Fact()


def _launch_date(view: NlpView) -> Fact:
    """The date the procedure was launched: the date written after "date d'envoi du
    présent avis", "fecha de envío del anuncio", "Tag der Absendung" and the like, in the
    same sentence or the next one (forms put the value on the next line)."""
    for match in match_any(view, _patterns(lexicon()["launch_date"], view.language,
                                           negatable=False)):
        sentence = match.sentence
        dates = [d for pos, d in find_dates(sentence.folded) if pos >= match.start]
        if dates:
            return _fact(dates[0].isoformat(), [sentence])
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
            return _fact(first[0][1].isoformat(), [sentence, following[0]])
    return Fact()


def extract_facts(view: NlpView, overrides: dict[str, str] | None = None) -> TenderFacts:
    lex = lexicon()
    facts: dict[str, Fact] = {}
    facts["document_kind"] = document_kind(view)
    facts["is_tender"] = is_tender(facts["document_kind"], view)
    notice = operative(view, lex["eforms_notice"], negatable=False)
    facts["eforms_notice"] = make_fact(bool(notice), notice[:1])
    facts["jurisdiction"] = jurisdiction(view)
    facts["cpv_codes"], facts["cpv_main"] = cpv_facts(view)
    facts["contract_type"] = _contract_type(view, facts["cpv_main"])
    facts["estimated_value_eur"] = estimated_value(view)
    facts["labour_cost_eur"] = labour_cost(view)
    labour = facts["labour_cost_eur"].value
    value = facts["estimated_value_eur"].value
    labour_sentences = facts["labour_cost_eur"].evidence
    facts["award_method"] = _award_method(view)
    facts["reserved"] = _reserved(view)
    facts["reserved_declared"] = _reserved_declared(view)
    pnrr = operative(view, lex["pnrr"])
    facts["pnrr"] = make_fact(bool(pnrr), pnrr)
    facts["duration_months"] = _duration(view)
    facts["procedure_launch_date"] = _launch_date(view)
    social = _operative(view, lex["social_clause"])
    facts["social_clause"] = _fact(bool(social), social)
    intellectual = _operative(view, lex["intellectual_service"])
    facts["intellectual_service"] = _fact(
        (bool(intellectual) and facts["contract_type"].value == "services")
        or str(facts["cpv_main"].value or "").startswith("71"), intellectual)
    installation = _operative(view, lex["installation"])
    facts["supplies_without_installation"] = _fact(
        facts["contract_type"].value == "supplies" and not installation, installation)
    stated = _operative(view, lex["labour_intensive"])
    ratio = (labour / value) if isinstance(labour, float) and isinstance(value, float) else 0.0
    facts["labour_intensive"] = (make_fact(True, stated) if stated else
                                 Fact(value=True, source="derived", evidence=labour_sentences)
                                 if ratio >= 0.5 else make_fact(False))
    # The buyer is named at the start (letterhead, section I of a notice); a ministry
    # mentioned later (a decree, a guideline) is not the buyer.
    buyer_label = lex["buyer_label"].get(view.language, [])
    central = [s for s in _operative(view, lex["central_buyer"])
               if s.index < LETTERHEAD_SENTENCES
               or (s.index < BUYER_SENTENCES and any(search(compile_pattern(p), s.folded)
                                                     for p in buyer_label))]
    facts["buyer_level"] = (_fact("central", central) if central
                            else Fact(value="sub-central", source="default"))
    for name, raw in (overrides or {}).items():
        facts[name] = Fact(value=coerce_fact(name, raw), source="user")
    _derive(facts)
    for name, raw in (overrides or {}).items():  # a user value always wins
        facts[name] = Fact(value=coerce_fact(name, raw), source="user")
    return TenderFacts(facts={k: facts.get(k, Fact()) for k in FACT_TYPES})


def _derive(facts: dict[str, Fact]) -> None:
    """Facts computed from other facts and reference data (thresholds, CPV lists)."""
    kind = facts["document_kind"]
    if kind.source == "user":
        facts["is_tender"] = Fact(value=kind.value != "non-procurement", source="derived")
    # The thresholds in force when the procedure was launched, never today's: with no
    # launch date the latest period is assumed, and the fact's evidence says which.
    launched = facts["procedure_launch_date"].value
    on = dt.date.fromisoformat(launched) if isinstance(launched, str) else None
    threshold = eu_threshold(facts["contract_type"].value,  # type: ignore[arg-type]
                             str(facts["buyer_level"].value), on)
    period = threshold_period(on)
    label = f"{period['valid_from']}..{period['valid_to']}"
    if on is None:
        basis = Evidence(text=f"no launch date found: EU thresholds of the latest period "
                              f"({label}) assumed; {period['source']}")
    else:
        basis = Evidence(text=f"EU thresholds of the period {label} (launch date {launched}); "
                              f"{period['source']}")
    facts["eu_threshold_eur"] = Fact(
        value=threshold, evidence=[basis] if threshold else [],
        source=("derived" if on else "default") if threshold else "none")
    value = facts["estimated_value_eur"].value
    if threshold is not None and isinstance(value, float):
        facts["above_eu_threshold"] = Fact(value=value >= threshold, source="derived",
                                           evidence=facts["estimated_value_eur"].evidence)
    else:
        facts["above_eu_threshold"] = Fact()
    cpv = facts["cpv_main"].value
    facts["cpv_art77"] = (Fact(value=in_cpv_list(str(cpv), "art77_reserved_services"),
                               source="derived", evidence=facts["cpv_main"].evidence)
                          if cpv else Fact())


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
