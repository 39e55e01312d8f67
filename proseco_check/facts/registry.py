"""The facts, one unit each: which fact (or facts) it gives, what it needs first, and
how it is read from the text or derived from other facts. A fact's type and allowed
values are in model/facts.py (FACT_TYPES), its label is the catalogue key
`fact.<name>`; tests/test_facts.py checks the three agree.

`extract_facts` runs the text units (UNITS) in order, each after the facts it needs,
applies the user's `--fact` values, then runs the derived units (DERIVED), so a derivation sees the user's
values (`--fact contract_type=works` changes the EU threshold); a user value always wins.
To add a fact: its type in FACT_TYPES, its label, and a unit here (CONTRIBUTING.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from proseco_check.clauses.judge import ClauseJudge
from proseco_check.facts import extract as x
from proseco_check.facts.amounts import estimated_value, labour_cost
from proseco_check.facts.common import lexicon, make_fact, operative
from proseco_check.facts.cpv import cpv_facts
from proseco_check.facts.duration import duration
from proseco_check.facts.jurisdiction import jurisdiction
from proseco_check.facts.kind import document_kind, is_tender
from proseco_check.facts.reference_data import eu_threshold, in_cpv_list, threshold_period
from proseco_check.model.evidence import Evidence
from proseco_check.model.facts import FACT_TYPES, Fact, TenderFacts
from proseco_check.nlp.view import NlpView


@dataclass
class FactContext:
    """What a unit reads: the document, its clause verdicts and the facts so far."""

    view: NlpView
    judge: ClauseJudge
    facts: dict[str, Fact]


@dataclass(frozen=True)
class FactUnit:
    """A fact (or facts) read from the text."""

    gives: tuple[str, ...]
    run: Callable[[FactContext], tuple[Fact, ...]]
    needs: tuple[str, ...] = ()


@dataclass(frozen=True)
class DerivedFact:
    """A fact computed from other facts only, after the user's --fact values (and, for
    a procedure, from the facts merged from its documents)."""

    gives: str
    derive: Callable[[dict[str, Fact]], Fact]
    needs: tuple[str, ...] = ()


def _one(read: Callable[[FactContext], Fact]) -> Callable[[FactContext], tuple[Fact, ...]]:
    return lambda ctx: (read(ctx),)


def _stated(entry: str, negatable: bool = True, quotes: int = 3
            ) -> Callable[[FactContext], Fact]:
    """A yes/no fact: true where the lexicon entry is affirmed in the text, with up to
    `quotes` of its sentences as evidence."""
    def read(ctx: FactContext) -> Fact:
        found = operative(ctx.view, lexicon()[entry], negatable=negatable)
        return make_fact(bool(found), found[:quotes])
    return read


def _social_clause(ctx: FactContext) -> Fact:
    social = x.affirmed(ctx.judge, "social-execution-clause")
    return make_fact(bool(social), social)


def _intellectual(ctx: FactContext) -> Fact:
    intellectual = operative(ctx.view, lexicon()["intellectual_service"])
    return make_fact((bool(intellectual) and ctx.facts["contract_type"].value == "services")
                     or str(ctx.facts["cpv_main"].value or "").startswith("71"), intellectual)


def _without_installation(ctx: FactContext) -> Fact:
    installation = operative(ctx.view, lexicon()["installation"])
    return make_fact(ctx.facts["contract_type"].value == "supplies" and not installation,
                     installation)


def _labour_intensive(ctx: FactContext) -> Fact:
    """Stated as labour-intensive, or labour costs at least half the estimated value."""
    stated = operative(ctx.view, lexicon()["labour_intensive"])
    labour = ctx.facts["labour_cost_eur"]
    value = ctx.facts["estimated_value_eur"].value
    ratio = (labour.value / value) if isinstance(labour.value, float) \
        and isinstance(value, float) else 0.0
    if stated:
        return make_fact(True, stated)
    return Fact(value=True, source="derived", evidence=labour.evidence) if ratio >= 0.5 \
        else make_fact(False)


def _is_tender_again(facts: dict[str, Fact]) -> Fact:
    """A kind the user gave decides, over what the text suggested."""
    kind = facts["document_kind"]
    if kind.source == "user":
        return Fact(value=kind.value != "non-procurement", source="derived")
    return facts["is_tender"]


def _eu_threshold(facts: dict[str, Fact]) -> Fact:
    """The thresholds in force when the procedure was launched, never today's: with no
    launch date the latest period is assumed, and the fact's evidence says which."""
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
    return Fact(value=threshold, evidence=[basis] if threshold else [],
                source=("derived" if on else "default") if threshold else "none")


def _above_threshold(facts: dict[str, Fact]) -> Fact:
    threshold = facts["eu_threshold_eur"].value
    value = facts["estimated_value_eur"]
    if isinstance(threshold, int | float) and isinstance(value.value, float):
        return Fact(value=value.value >= threshold, source="derived", evidence=value.evidence)
    return Fact()


def _cpv_art77(facts: dict[str, Fact]) -> Fact:
    cpv = facts["cpv_main"]
    return Fact(value=in_cpv_list(str(cpv.value), "art77_reserved_services"),
                source="derived", evidence=cpv.evidence) if cpv.value else Fact()


UNITS: tuple[FactUnit, ...] = (
    FactUnit(("document_kind",), _one(lambda c: document_kind(c.view))),
    FactUnit(("is_tender",), _one(lambda c: is_tender(c.facts["document_kind"], c.view)),
             needs=("document_kind",)),
    FactUnit(("eforms_notice",), _one(_stated("eforms_notice", negatable=False, quotes=1))),
    FactUnit(("jurisdiction",), _one(lambda c: jurisdiction(c.view))),
    FactUnit(("cpv_codes", "cpv_main"), lambda c: cpv_facts(c.view)),
    FactUnit(("contract_type",), _one(lambda c: x.contract_type(c.view, c.facts["cpv_main"])),
             needs=("cpv_main",)),
    FactUnit(("estimated_value_eur",), _one(lambda c: estimated_value(c.view))),
    FactUnit(("labour_cost_eur",), _one(lambda c: labour_cost(c.view))),
    FactUnit(("award_method",), _one(lambda c: x.award_method(c.view, c.judge))),
    FactUnit(("reserved",), _one(lambda c: x.reserved(c.view, c.judge))),
    FactUnit(("reserved_declared",), _one(lambda c: x.reserved_declared(c.view))),
    FactUnit(("pnrr",), _one(_stated("pnrr"))),
    FactUnit(("duration_months",), _one(lambda c: duration(c.view))),
    FactUnit(("procedure_launch_date",), _one(lambda c: x.launch_date(c.view))),
    FactUnit(("social_clause",), _one(_social_clause)),
    FactUnit(("intellectual_service",), _one(_intellectual),
             needs=("contract_type", "cpv_main")),
    FactUnit(("supplies_without_installation",), _one(_without_installation),
             needs=("contract_type",)),
    FactUnit(("labour_intensive",), _one(_labour_intensive),
             needs=("labour_cost_eur", "estimated_value_eur")),
    FactUnit(("buyer_level",), _one(lambda c: x.buyer_level(c.view))),
)
DERIVED: tuple[DerivedFact, ...] = (
    DerivedFact("is_tender", _is_tender_again, needs=("document_kind",)),
    DerivedFact("eu_threshold_eur", _eu_threshold,
                needs=("procedure_launch_date", "contract_type", "buyer_level")),
    DerivedFact("above_eu_threshold", _above_threshold,
                needs=("eu_threshold_eur", "estimated_value_eur")),
    DerivedFact("cpv_art77", _cpv_art77, needs=("cpv_main",)),
)


def derive_facts(facts: dict[str, Fact]) -> None:
    """The derived facts, in order, from the facts given (updated in place; a fact not
    given is unknown)."""
    for name in FACT_TYPES:
        facts.setdefault(name, Fact())
    for unit in DERIVED:
        facts[unit.gives] = unit.derive(facts)


def extract_facts(view: NlpView, overrides: dict[str, str] | None = None,
                  judge: ClauseJudge | None = None) -> TenderFacts:
    """Every fact of FACT_TYPES. `judge` holds the clause verdicts of this view
    (pipeline/run.py shares it with the rules and the profile); a new one is made when
    none is given."""
    ctx = FactContext(view, judge or ClauseJudge(view), {})
    user = {name: Fact(value=x.coerce_fact(name, raw), source="user")
            for name, raw in (overrides or {}).items()}
    for unit in UNITS:
        ctx.facts.update(zip(unit.gives, unit.run(ctx), strict=True))
    ctx.facts.update(user)  # a user value always wins, and derivations read it
    derive_facts(ctx.facts)
    ctx.facts.update(user)
    return TenderFacts(facts={k: ctx.facts.get(k, Fact()) for k in FACT_TYPES})
