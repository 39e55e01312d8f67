"""The closed vocabularies of the product, each defined once: languages, jurisdictions,
rule severities, verdict statuses, categories, evidence levels and profile elements.
Everything else (schema, scoring, renderers, config) imports them from here."""

from __future__ import annotations

from typing import Literal, get_args

Lang = Literal["it", "en", "fr", "es", "nl", "de"]
LANGS: tuple[str, ...] = get_args(Lang)
# Interface languages: the message catalogue (model/i18n.py) speaks these.
UI_LANGS: tuple[str, ...] = ("it", "en")

# The member states of the European Union by their ISO 3166 code (Greece is "gr", as in
# the packs, not the "el" of EU usage). Those without a national pack (Austria, Malta,
# Ireland, Luxembourg...) get the EU pack: engine/loader.py, facts/jurisdiction.py.
EU_MEMBER_STATES: tuple[str, ...] = (
    "at", "be", "bg", "cy", "cz", "de", "dk", "ee", "es", "fi", "fr", "gr", "hr", "hu",
    "ie", "it", "lt", "lu", "lv", "mt", "nl", "pl", "pt", "ro", "se", "si", "sk")
# Every value of the jurisdiction fact: the member states, the UK, "eu" (a tender under
# the directives with no national law identified), Switzerland ("ch") and countries
# outside the packs ("other"); the last two get neither a national pack nor the EU pack.
Jurisdiction = Literal[
    "it", "fr", "es", "nl", "be", "de", "uk", "eu", "gr", "ie", "lu", "at", "mt",
    "pt", "pl", "cz", "sk", "se", "dk", "fi", "ro", "hu", "si", "hr", "bg", "lt", "lv",
    "ee", "cy", "ch", "other"]
JURISDICTIONS: tuple[str, ...] = get_args(Jurisdiction)

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = get_args(Severity)
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}

# "elsewhere": the clause is not in this document, and this kind of document is not where
# it belongs (a capitolato without award criteria, a bando without the social clause):
# expected in another document of the tender (pipeline/placement.py). Never failing.
Status = Literal["present", "missing", "wrong", "not_applicable", "skipped", "elsewhere"]
STATUSES: tuple[str, ...] = get_args(Status)
# Verdicts that count against a document (exit code, score).
FAILING_STATUSES: tuple[str, ...] = ("missing", "wrong")

Category = Literal["social-clauses", "reserved-contracts", "eu-law", "national-law"]
CATEGORIES: tuple[str, ...] = get_args(Category)

# How sure a rule is of the law it encodes: verified against the text, partly, or from
# memory (never enough for an error).
EvidenceLevel = Literal["verified", "partly", "memory"]

# The social-procurement elements the profile reports.
ElementId = Literal[
    "labour-agreement", "employment-stability", "hiring-quotas", "disadvantaged-employment",
    "social-award-criteria", "gender-equality-certification", "ethical-supply-chain",
    "accessibility",
]
ELEMENTS: tuple[str, ...] = get_args(ElementId)
