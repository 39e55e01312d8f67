"""The facts, one unit each: which fact (or facts) it gives, what it needs first, and
how it is read from the text or derived from other facts. A fact's type and allowed
values are in model/facts.py (FACT_TYPES), its label is the catalogue key
`fact.<name>`; tests/test_facts.py checks the three agree.

`extract_facts` runs the text units in order (each after the facts it needs), applies
the user's `--fact` values, then runs the derived units, so a derivation sees the user's
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
    gives: tuple[str, ...]
    run: Callable[[FactContext], tuple[Fact, ...]]
    needs: tuple[str, ...] = ()
    # Derived units run after the user's --fact values, from facts only.
    derived: bool = False


def _one(read: Callable[[FactContext], Fact]) -> Callable[[FactContext], tuple[Fact, ...]]:
    return lambda ctx: (read(ctx),)


def _stated(entry: str, negatable: bool = True) -> Callable[[FactContext], Fact]:
    """A yes/no fact: true where the lexicon entry is affirmed in the text."""
    def read(ctx: FactContext) -> Fact:
        found = operative(ctx.view, lexicon()[entry], negatable=negatable)
        return make_fact(bool(found), found[:1] if not negatable else found)
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


def _is_tender_again(ctx: FactContext) -> Fact:
    """A kind the user gave decides, over what the text suggested."""
    kind = ctx.facts["document_kind"]
    if kind.source == "user":
        return Fact(value=kind.value != "non-procurement", source="derived")
    return ctx.facts["is_tender"]


def _eu_threshold(ctx: FactContext) -> Fact:
    """The thresholds in force when the procedure was launched, never today's: with no
    launch date the latest period is assumed, and the fact's evidence says which."""
    launched = ctx.facts["procedure_launch_date"].value
    on = dt.date.fromisoformat(launched) if isinstance(launched, str) else None
    threshold = eu_threshold(ctx.facts["contract_type"].value,  # type: ignore[arg-type]
                             str(ctx.facts["buyer_level"].value), on)
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


def _above_threshold(ctx: FactContext) -> Fact:
    threshold = ctx.facts["eu_threshold_eur"].value
    value = ctx.facts["estimated_value_eur"]
    if isinstance(threshold, int | float) and isinstance(value.value, float):
        return Fact(value=value.value >= threshold, source="derived", evidence=value.evidence)
    return Fact()


def _cpv_art77(ctx: FactContext) -> Fact:
    cpv = ctx.facts["cpv_main"]
    return Fact(value=in_cpv_list(str(cpv.value), "art77_reserved_services"),
                source="derived", evidence=cpv.evidence) if cpv.value else Fact()


UNITS: tuple[FactUnit, ...] = (
    FactUnit(("document_kind",), _one(lambda c: document_kind(c.view))),
    FactUnit(("is_tender",), _one(lambda c: is_tender(c.facts["document_kind"], c.view)),
             needs=("document_kind",)),
    FactUnit(("eforms_notice",), _one(_stated("eforms_notice", negatable=False))),
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
    FactUnit(("duration_months",), _one(lambda c: x.duration(c.view))),
    FactUnit(("procedure_launch_date",), _one(lambda c: x.launch_date(c.view))),
    FactUnit(("social_clause",), _one(_social_clause)),
    FactUnit(("intellectual_service",), _one(_intellectual),
             needs=("contract_type", "cpv_main")),
    FactUnit(("supplies_without_installation",), _one(_without_installation),
             needs=("contract_type",)),
    FactUnit(("labour_intensive",), _one(_labour_intensive),
             needs=("labour_cost_eur", "estimated_value_eur")),
    FactUnit(("buyer_level",), _one(lambda c: x.buyer_level(c.view))),
    FactUnit(("is_tender",), _one(_is_tender_again), needs=("document_kind",), derived=True),
    FactUnit(("eu_threshold_eur",), _one(_eu_threshold), derived=True,
             needs=("procedure_launch_date", "contract_type", "buyer_level")),
    FactUnit(("above_eu_threshold",), _one(_above_threshold), derived=True,
             needs=("eu_threshold_eur", "estimated_value_eur")),
    FactUnit(("cpv_art77",), _one(_cpv_art77), needs=("cpv_main",), derived=True),
)


def extract_facts(view: NlpView, overrides: dict[str, str] | None = None,
                  judge: ClauseJudge | None = None) -> TenderFacts:
    """Every fact of FACT_TYPES. `judge` holds the clause verdicts of this view
    (pipeline/run.py shares it with the rules and the profile); a new one is made when
    none is given."""
    ctx = FactContext(view, judge or ClauseJudge(view), {})
    user = {name: Fact(value=x.coerce_fact(name, raw), source="user")
            for name, raw in (overrides or {}).items()}
    for derived in (False, True):
        for unit in (u for u in UNITS if u.derived is derived):
            ctx.facts.update(zip(unit.gives, unit.run(ctx), strict=True))
        ctx.facts.update(user)  # a user value always wins, and derivations read it
    return TenderFacts(facts={k: ctx.facts.get(k, Fact()) for k in FACT_TYPES})
