"""Tender facts: the name, type and allowed values of each fact, and a fact's value with
where it came from. Rules decide whether they apply from these (`applies_when`)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from proseco_check.model.evidence import Evidence
from proseco_check.model.vocab import JURISDICTIONS

FactValue = str | float | bool | list[str] | None

# name -> (type, allowed values). The order is the order of the report.
FACT_TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    # What the document is: a notice, a bando, the rules of the procedure (disciplinare,
    # RC, PCAP), the specifications (capitolato, CCAP, CCTP, PPT), a form, the contract,
    # or no procurement document at all. `is_tender` is derived: any kind but the last.
    "document_kind": ("str", ("notice", "bando", "disciplinare", "capitolato", "rc", "ccap",
                              "cctp", "pcap", "ppt", "form", "contract", "non-procurement")),
    "is_tender": ("bool", ()),
    "eforms_notice": ("bool", ()),
    # model/vocab.py: the member states, uk, eu, and ch (Switzerland) and other (outside
    # the EU and the UK), which get neither a national pack nor the EU pack.
    "jurisdiction": ("str", JURISDICTIONS),
    "contract_type": ("str", ("works", "services", "supplies", "concession")),
    "estimated_value_eur": ("float", ()),
    "buyer_level": ("str", ("central", "sub-central")),
    "eu_threshold_eur": ("float", ()),
    "above_eu_threshold": ("bool", ()),
    "labour_cost_eur": ("float", ()),
    "award_method": ("str", ("lowest_price", "best_price_quality")),
    "reserved": ("str", ("none", "res-ws", "res-pub-ser", "it-l381-convention")),
    "reserved_declared": ("str", ("none", "reserved")),
    "pnrr": ("bool", ()),
    # An operative social execution clause: French insertion clause, Dutch SROI, Spanish
    # special execution condition of a social kind, UK social value commitments.
    "social_clause": ("bool", ()),
    "cpv_codes": ("list", ()),
    "cpv_main": ("str", ()),
    "cpv_art77": ("bool", ()),
    "duration_months": ("float", ()),
    # When the procedure was launched (notice dispatch/publication), an ISO date string
    # ("2026-09-14"): conditions compare it as text, e.g. {gte: "2026-08-22"}.
    "procedure_launch_date": ("date", ()),
    "intellectual_service": ("bool", ()),
    "supplies_without_installation": ("bool", ()),
    "labour_intensive": ("bool", ()),
}


class Fact(BaseModel):
    value: FactValue = None
    # text: found in the document; user: --fact; derived: computed from other facts and
    # reference data; default: an assumption stated in the report; none: not found.
    source: Literal["text", "user", "derived", "default", "none"] = "none"
    evidence: list[Evidence] = Field(default_factory=list)
    # The document of a procedure the value was taken from (check --procedure); absent
    # from the JSON of a single document.
    file: str | None = Field(default=None, exclude_if=lambda v: v is None,
                             json_schema_extra={"x-optional": True})


class TenderFacts(BaseModel):
    facts: dict[str, Fact]

    def value(self, name: str) -> FactValue:
        fact = self.facts.get(name)
        return fact.value if fact else None

    def values(self) -> dict[str, FactValue]:
        return {k: f.value for k, f in self.facts.items()}
