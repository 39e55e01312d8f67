"""Reference data kept as YAML under data/: EU thresholds by period and CPV lists."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib import resources
from typing import Any

from proseco_check.yaml_io import safe_load


@lru_cache(maxsize=4)
def _load(name: str) -> Any:
    return safe_load(resources.files("proseco_check.data").joinpath(name).read_text("utf-8"))


def threshold_period(on: dt.date | None) -> dict[str, Any]:
    """The thresholds in force on a date (the procedure's launch date, never today's);
    the latest period when the date is unknown or no period covers it."""
    periods = _load("thresholds.yaml")["periods"]
    for period in periods if on is not None else []:
        if period["valid_from"] <= on <= period["valid_to"]:
            return dict(period)
    return dict(max(periods, key=lambda p: p["valid_from"]))


def eu_threshold(contract_type: str | None, buyer_level: str, on: dt.date | None
                 ) -> float | None:
    """The Directive 2014/24/EU threshold for a contract of this type and buyer at the
    launch date `on` (None: the latest period)."""
    period = threshold_period(on)
    if contract_type == "works":
        return float(period["public_works"])
    if contract_type == "concession":
        return float(period["concessions"])
    if contract_type in ("services", "supplies"):
        key = ("public_supplies_services_central" if buyer_level == "central"
               else "public_supplies_services_subcentral")
        return float(period[key])
    return None


def in_cpv_list(code: str, list_name: str) -> bool:
    entries: list[str] = _load("cpv_lists.yaml")[list_name]["codes"]
    stem = code.split("-")[0]
    return any(stem.startswith(e[:-1]) if e.endswith("*") else stem == e for e in entries)
