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


# Which kinds of document (the `document_kind` fact) a section kind belongs in. A clause
# not found in a document of another kind is not "missing" but "elsewhere": expected in
# another document of the tender (pipeline/placement.py). Decided from the law and from
# how Italian, French and Spanish tenders are split (README, "Not in this document,
# expected elsewhere"):
# - award: the criteria and their weighting belong in the procurement documents
#   (Dir. 2014/24 art. 67(5)); the notice carries them only "where they do not appear
#   in the specifications" (Annex V C.18), and the ANAC bando-tipo puts them in the
#   disciplinare, the French code in the RC (R2152-11), the LCSP in the PCAP (art. 122,
#   145). So a bando or avis without criteria is not defective: expected elsewhere.
# - participation and reservation: conditions for participation and the reservation
#   belong in the call for competition (Annex V C.11 and C.6; art. 20(2) "the call for
#   competition shall make reference to this Article"; D.Lgs. 36/2023 art. 61 c.3,
#   LCSP DA 4a) and in the rules of the procedure (disciplinare, RC, PCAP).
# - execution and social clauses: conditions of performance (art. 70) live in the
#   documents the contract is performed under: capitolato, CCAP/CCTP, PCAP/PPT, the
#   contract. In Italy the law puts them in the call itself: "nei bandi e negli inviti"
#   the buyer names the CCNL (D.Lgs. 36/2023 art. 11 c.2), "i bandi di gara, gli avvisi
#   e gli inviti ... devono contenere specifiche clausole sociali" (art. 57 c.1), and the
#   bando asks for the operators' commitments (art. 102 c.1): the bando and the
#   disciplinare (the bando-tipo's) are expected to carry them.
#   The French RC and a notice are not (art. 70 allows "the call for competition or the
#   procurement documents": a notice without them is not defective).
# - general rules (market rules, lots): any document; never "elsewhere".
# A form or declaration carries none of them (it answers the documents).
SECTION_DOCUMENTS: dict[str, tuple[str, ...]] = {
    "award": ("disciplinare", "rc", "pcap"),
    "participation": ("notice", "bando", "disciplinare", "rc", "pcap"),
    "reservation": ("notice", "bando", "disciplinare", "rc", "pcap"),
    "execution": ("bando", "disciplinare", "pcap", "capitolato", "ccap", "cctp", "ppt",
                  "contract"),
    "social": ("bando", "disciplinare", "pcap", "capitolato", "ccap", "cctp", "ppt",
               "contract"),
}
# The documents of one national practice, in the order a message names them: a French
# RC without the social clause is told "expected in the CCAP", not "in the capitolato".
KIND_FAMILIES: dict[str, tuple[str, ...]] = {
    "it": ("bando", "disciplinare", "capitolato", "contract"),
    "fr": ("notice", "rc", "ccap", "cctp", "contract"),
    "es": ("notice", "pcap", "ppt", "contract"),
    "other": ("notice", "disciplinare", "capitolato", "contract"),
}
_FAMILY_OF_KIND = {"bando": "it", "disciplinare": "it", "capitolato": "it", "rc": "fr",
                   "ccap": "fr", "cctp": "fr", "pcap": "es", "ppt": "es"}
# How many documents a message names at most.
NAMED_KINDS = 2


def belongs_in(section: str, kind: str) -> bool:
    """Whether a clause of this section kind belongs in a document of this kind (a
    general clause, or an unknown section, belongs anywhere)."""
    kinds = SECTION_DOCUMENTS.get(section)
    return kinds is None or kind in kinds


def expected_kinds(section: str, kind: str, lang: str) -> list[str]:
    """Where a clause of this section kind is expected, for a document of `kind` in
    `lang`: the kinds of the same national practice (from the kind, else the language),
    first NAMED_KINDS of them."""
    family = _FAMILY_OF_KIND.get(kind) or (lang if lang in KIND_FAMILIES else "other")
    wanted = SECTION_DOCUMENTS.get(section, ())
    return [k for k in KIND_FAMILIES[family] if k in wanted][:NAMED_KINDS]
