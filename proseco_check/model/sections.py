"""Where a clause belongs in a tender, as data: which kind of section a rule's clause
usually lives in (from the rule's name, then its category), and how such sections are
titled in each document language. The annotated Word copy anchors a missing clause's
comment on that section; `explain` and the HTML report name it."""

from __future__ import annotations

import re
import unicodedata

from proseco_check.model.rule_info import SectionKind

# First match wins: (section kind, pattern on the rule's name).
RULE_SECTIONS: tuple[tuple[SectionKind, str], ...] = (
    ("general", r"market|lots-"),
    ("award", r"award|criteri|points|price|quality|weight|co-design|qual51|bpkv|oepv"),
    ("reservation", r"reserv|mutual|sheltered|social-coop|ess-|art77|sgb9|pref"),
    ("participation", r"exclusion|eligib|requirement|compliance"),
    ("social", r"clausola|social-clause|reabsorption|quota|hiring|penalt|report|kpi|"
               r"sanction|equal-opportunity|insertion|sroi|return|social-value|supply-chain|"
               r"gender|disability"),
    ("execution", r"ccnl|subcontract|commitment|wage|execution|condition|tutele|convenio|"
                  r"labour-cost|manodopera|abnormal|agreement"),
)
CATEGORY_SECTIONS: dict[str, SectionKind] = {
    "social-clauses": "social", "reserved-contracts": "reservation",
    "eu-law": "general", "national-law": "general",
}

# Section titles, per kind and document language (accent-folded, case-insensitive).
SECTION_TITLES: dict[str, dict[str, str]] = {
    "award": {
        "it": r"criteri\w* di (valutazione|aggiudicazione)|offerta tecnica|punteggi|"
              r"aggiudicazione",
        "en": r"award|evaluation|assessment of tenders",
        "fr": r"criteres? d.attribution|jugement des offres|attribution",
        "es": r"criterios? de (adjudicacion|valoracion)|adjudicacion",
        "nl": r"gunning|beoordeling",
        "de": r"zuschlag|wertung",
    },
    "reservation": {
        "it": r"riserv|soggetti ammessi|requisiti di partecipazione|partecipazione",
        "en": r"reserv|eligib|who may tender|participation",
        "fr": r"reserv|candidat|conditions de participation",
        "es": r"reserv|capacidad|solvencia|requisitos",
        "nl": r"voorbehoud|geschiktheid|deelname",
        "de": r"vorbehalt|eignung|teilnahme",
    },
    "participation": {
        "it": r"requisiti|soggetti ammessi|partecipazione|motivi di esclusione",
        "en": r"eligib|selection|exclusion|requirements|participation",
        "fr": r"candidat|conditions de participation|exclusion|capacit",
        "es": r"solvencia|capacidad|requisitos|prohibiciones",
        "nl": r"geschiktheid|uitsluiting|selectie",
        "de": r"eignung|ausschluss|teilnahme",
    },
    "execution": {
        "it": r"personale|contratto di lavoro|esecuzione|obblighi|condizioni contrattuali",
        "en": r"performance|contract conditions|execution|social clause|obligations",
        "fr": r"execution|clause sociale|insertion|obligations",
        "es": r"ejecucion|condiciones especiales|obligaciones",
        "nl": r"uitvoering|social return|verplichtingen",
        "de": r"ausfuhrung|vertragsbedingungen|pflichten",
    },
    "social": {
        "it": r"clausol\w+ social|condizioni particolari|pari opportunita|inclusione|social",
        "en": r"social",
        "fr": r"social|insertion",
        "es": r"social",
        "nl": r"sociaal|social",
        "de": r"sozial",
    },
}
# When no section of the kind exists: the next kinds to try, then the first heading.
FALLBACK: dict[str, tuple[str, ...]] = {
    "award": ("award",),
    "reservation": ("reservation", "participation"),
    "participation": ("participation", "reservation"),
    "execution": ("execution", "social"),
    "social": ("social", "execution"),
    "general": (),
}


def rule_section(name: str, category: str) -> SectionKind:
    """The kind of section a rule's clause usually lives in."""
    for kind, pattern in RULE_SECTIONS:
        if re.search(pattern, name):
            return kind
    return CATEGORY_SECTIONS.get(category, "general")


def section_pattern(kind: str, lang: str) -> re.Pattern[str] | None:
    """The title pattern of a section kind in a language (every language's when the
    document's has none)."""
    titles = SECTION_TITLES.get(kind)
    if not titles:
        return None
    source = titles.get(lang) or "|".join(titles.values())
    return re.compile(source, re.IGNORECASE)


def fold_title(text: str) -> str:
    """'Esecuzione dell'appalto – Obblighi' without accents, for the title patterns."""
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(c))


def find_section(kind: str, lang: str, headings: list[tuple[int, str]]) -> int | None:
    """The key (paragraph number) of the first heading whose title fits the section kind
    or its fallbacks, in that order; None when none fits."""
    for candidate in FALLBACK.get(kind, ()):
        pattern = section_pattern(candidate, lang)
        if pattern is None:
            continue
        for key, title in headings:
            if pattern.search(fold_title(title)):
                return key
    return None
