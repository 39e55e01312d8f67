"""Tender facts: what kind of tender this is, each value with its evidence.

Rules decide whether they apply from these facts (`applies_when`), so every fact says
where it came from: the text (with quotes), the user (`--fact`), or nothing found.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Any

from proseco_check.clauses.patterns import ClausePattern, compile_pattern, match_any, search
from proseco_check.errors import UsageError
from proseco_check.facts.reference_data import eu_threshold, in_cpv_list, threshold_period
from proseco_check.model.evidence import Evidence
from proseco_check.model.facts import FACT_TYPES, Fact, FactValue, TenderFacts
from proseco_check.model.i18n import canonical_value
from proseco_check.nlp.fold import fold
from proseco_check.nlp.view import NlpView, Sentence
from proseco_check.yaml_io import safe_load


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    text = resources.files("proseco_check.data").joinpath("facts.yaml").read_text("utf-8")
    return safe_load(text)


def _patterns(entry: dict[str, Any] | None, lang: str, negatable: bool = True
              ) -> list[ClausePattern]:
    """A lexicon entry per language: plain regex strings or full clause patterns."""
    if not entry:
        return []
    items = entry.get(lang) or []
    out: list[ClausePattern] = []
    for item in items:
        out.append(ClausePattern(**item) if isinstance(item, dict)
                   else ClausePattern(any=[item], negatable=negatable))
    return out


def _operative(view: NlpView, entry: dict[str, Any] | None, negatable: bool = True
               ) -> list[Sentence]:
    """Sentences where the entry matches, outside templates and not negated. Entries that
    are themselves a negative statement ("riservata: NO") pass negatable=False."""
    patterns = _patterns(entry, view.language, negatable)
    return [m.sentence for m in match_any(view, patterns) if not m.negated]


def _fact(value: FactValue, sentences: list[Sentence] | None = None, limit: int = 3) -> Fact:
    """A fact from the text. False without evidence means 'not found': source none."""
    evidence = [Evidence.of(s) for s in (sentences or [])[:limit]]
    found = value is not None and not (value is False and not evidence)
    return Fact(value=value, source="text" if found else "none", evidence=evidence)


def _is_tender(view: NlpView) -> Fact:
    lex = lexicon()["tender_vocabulary"].get(view.language, [])
    hits: list[Sentence] = []
    kinds = 0
    for source in lex:
        found = [m.sentence for m in match_any(view, [ClausePattern(any=[source], negatable=False)])]
        if found:
            kinds += 1
            hits.append(found[0])
    return _fact(kinds >= 3, hits)


# Weight of the main CPV code's division in the contract-type vote: as strong as a few
# explicit mentions, because the code is chosen for exactly this classification.
CPV_VOTE = 6
BUYER_SENTENCES = 60
LETTERHEAD_SENTENCES = 6


def cpv_contract_type(code: str) -> str | None:
    """CPV divisions: 45 works; 03-44 and 48 supplies; 50-98 services."""
    if len(code) < 2 or not code[:2].isdigit():
        return None
    division = int(code[:2])
    if division == 45:
        return "works"
    if 3 <= division <= 44 or division == 48:
        return "supplies"
    if 50 <= division <= 98:
        return "services"
    return None


def _contract_type(view: NlpView, cpv_main: Fact) -> Fact:
    scores: Counter[str] = Counter()
    evidence: dict[str, list[Sentence]] = {}
    for kind, entry in lexicon()["contract_type"].items():
        sentences = _operative(view, entry)
        # Early sentences (title, object of the contract) weigh more than later mentions.
        scores[kind] = sum(3 if s.index < 60 else 1 for s in sentences)
        evidence[kind] = sentences
    from_cpv = cpv_contract_type(str(cpv_main.value)) if cpv_main.value else None
    if from_cpv:
        scores[from_cpv] += CPV_VOTE
    if not scores or scores.most_common(1)[0][1] == 0:
        return Fact()
    best = scores.most_common(1)[0][0]
    if not evidence.get(best) and best == from_cpv:
        return Fact(value=best, source="derived", evidence=cpv_main.evidence)
    return _fact(best, evidence[best])


def _money_near(view: NlpView, entry: dict[str, Any]) -> tuple[float | None, list[Sentence]]:
    """The amount nearest after the keyword ("importo a base di gara € X, di cui € Y per
    costi della manodopera": X for the value, Y for the labour cost)."""
    for match in match_any(view, _patterns(entry, view.language)):
        if match.negated:
            continue
        amounts = [v for v in match.sentence.values
                   if v.kind == "money" and float(v.value) >= 1000]
        if amounts:
            nearest = min(amounts, key=lambda v: abs(v.start - match.end)
                          + (0 if v.start >= match.start else 40))
            return float(nearest.value), [match.sentence]
    return None, []


def _award_method(view: NlpView) -> Fact:
    found = {k: _operative(view, e) for k, e in lexicon()["award"].items()}
    bpq, low = found["best_price_quality"], found["lowest_price"]
    if not bpq and not low:
        return Fact()
    # Both are often mentioned (the code lists both routes); the stated criterion is the
    # one repeated more, and a price-quality points table tips it.
    best = "best_price_quality" if len(bpq) >= len(low) else "lowest_price"
    return _fact(best, found[best])


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
    yes = [m.sentence for m in match_any(view, [ClausePattern(any=sources, negatable=False)])]
    if yes:
        return _fact("reserved", yes)
    if no:
        return _fact("none", no)
    return Fact()


def _duration(view: NlpView) -> Fact:
    for sentence in _operative(view, lexicon()["duration"]):
        durations = [v for v in sentence.values if v.kind == "duration" and float(v.value) >= 1]
        if durations:
            return _fact(float(durations[0].value), [sentence])
    return Fact()


def _cpv(view: NlpView) -> tuple[Fact, Fact]:
    codes: list[str] = []
    sentences: list[Sentence] = []
    for sentence in view.sentences:
        for v in sentence.values:
            if v.kind == "cpv" and str(v.value) not in codes:
                codes.append(str(v.value))
                sentences.append(sentence)
    if not codes:
        return Fact(), Fact()
    return _fact(codes, sentences), _fact(codes[0], sentences[:1])


# How much each kind of evidence counts towards a jurisdiction. A law cited is the
# strongest; a national signal (journal, register, platform) counts less; the document's
# language is weak evidence (French is also spoken in Belgium, English everywhere), so
# one stray foreign signal does not move a document, but a foreign law or two signals do.
CITATION_WEIGHT = 2.0
SIGNAL_WEIGHT = 1.0
LANGUAGE_WEIGHT = 1.5


def _jurisdiction(view: NlpView) -> Fact:
    """Laws cited, plus national signals (official journals, registers, addresses,
    platforms: facts.yaml `jurisdiction_signals`), plus the language as a tie-breaker."""
    scores: Counter[str] = Counter()
    where: dict[str, Sentence] = {}
    for sentence in view.sentences:
        for c in sentence.citations:
            if c.law and not c.law.startswith("eu:"):
                country = c.law.split(":")[0]
                scores[country] += CITATION_WEIGHT
                where.setdefault(country, sentence)
    for country, sources in lexicon()["jurisdiction_signals"].items():
        hits = [m.sentence for m in match_any(view, [ClausePattern(any=sources,
                                                                   negatable=False)])]
        if hits:
            scores[country] += SIGNAL_WEIGHT * len(hits)
            where.setdefault(country, hits[0])
    fallback = lexicon()["language_jurisdiction"].get(view.language)
    if not scores:
        return Fact(value=fallback, source="text" if fallback else "none")
    if fallback:
        scores[fallback] += LANGUAGE_WEIGHT
    best = max(scores, key=lambda k: (scores[k], k == fallback))
    if best not in where:
        return Fact(value=best, source="text")
    return _fact(best, [where[best]])


_MONTHS = {
    **dict.fromkeys(("january", "janvier", "januari", "januar", "enero", "gennaio"), 1),
    **dict.fromkeys(("february", "fevrier", "februari", "februar", "febrero", "febbraio"), 2),
    **dict.fromkeys(("march", "mars", "maart", "marz", "maerz", "marzo"), 3),
    **dict.fromkeys(("april", "avril", "abril", "aprile"), 4),
    **dict.fromkeys(("may", "mai", "mei", "mayo", "maggio"), 5),
    **dict.fromkeys(("june", "juin", "juni", "junio", "giugno"), 6),
    **dict.fromkeys(("july", "juillet", "juli", "julio", "luglio"), 7),
    **dict.fromkeys(("august", "aout", "augustus", "agosto"), 8),
    **dict.fromkeys(("september", "septembre", "septiembre", "setiembre", "settembre"), 9),
    **dict.fromkeys(("october", "octobre", "oktober", "octubre", "ottobre"), 10),
    **dict.fromkeys(("november", "novembre", "noviembre"), 11),
    **dict.fromkeys(("december", "decembre", "dezember", "diciembre", "dicembre"), 12),
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_RES = (
    ("ymd", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("dmy", re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")),
    ("dMy", re.compile(rf"\b(\d{{1,2}})(?:er|º|°|\.)?\s+(?:de\s+)?({_MONTH_RE})\s+(?:de\s+)?(\d{{4}})\b",
                       re.IGNORECASE)),
    ("Mdy", re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)),
)


def find_dates(text: str) -> list[tuple[int, dt.date]]:
    """(offset, date) of the dates written in `text` (accent-folded): 2026-09-14,
    14/09/2026, 14.09.2026, "14 septembre 2026", "14 de septiembre de 2026",
    "14. September 2026", "September 14, 2026". Day first for numeric dates."""
    found: list[tuple[int, dt.date]] = []
    for kind, rx in _DATE_RES:
        for m in rx.finditer(text):
            a, b, c = m.groups()
            try:
                if kind == "ymd":
                    date = dt.date(int(a), int(b), int(c))
                elif kind == "dmy":
                    date = dt.date(int(c), int(b), int(a))
                elif kind == "dMy":
                    date = dt.date(int(c), _MONTHS[b.lower()], int(a))
                else:
                    date = dt.date(int(c), _MONTHS[a.lower()], int(b))
            except (ValueError, KeyError):
                continue
            found.append((m.start(), date))
    return sorted(found, key=lambda item: item[0])


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
    facts["is_tender"] = _is_tender(view)
    notice = _operative(view, lex["eforms_notice"], negatable=False)
    facts["eforms_notice"] = _fact(bool(notice), notice[:1])
    facts["jurisdiction"] = _jurisdiction(view)
    facts["cpv_codes"], facts["cpv_main"] = _cpv(view)
    facts["contract_type"] = _contract_type(view, facts["cpv_main"])
    value, value_sentences = _money_near(view, lex["estimated_value"])
    facts["estimated_value_eur"] = _fact(value, value_sentences)
    labour, labour_sentences = _money_near(view, lex["labour_cost"])
    facts["labour_cost_eur"] = _fact(labour, labour_sentences)
    facts["award_method"] = _award_method(view)
    facts["reserved"] = _reserved(view)
    facts["reserved_declared"] = _reserved_declared(view)
    pnrr = _operative(view, lex["pnrr"])
    facts["pnrr"] = _fact(bool(pnrr), pnrr)
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
    ratio = (labour / value) if labour and value else 0.0
    facts["labour_intensive"] = _fact(bool(stated) or ratio >= 0.5, stated or labour_sentences)
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
