"""Where a missing clause belongs: "missing" in a document of a kind where the clause is
not expected becomes "elsewhere" ("non in questo documento; atteso nel disciplinare").

Each rule's clause has a usual section kind (the rule's `section`, else model/sections.py) and each
section kind the document kinds it belongs in (SECTION_DOCUMENTS). Only a "missing"
verdict moves, and only when the `document_kind` fact is known and names a procurement
document: a clause that is present stays present wherever it is, a wrong one stays
wrong. An "elsewhere" finding never fails the run and counts neither in the score nor in
its coverage (pipeline/score.py): this document cannot tell whether the tender has it;
`check --procedure` looks across the tender's documents."""

from __future__ import annotations

from proseco_check.model.facts import Fact
from proseco_check.model.i18n import document_noun, t
from proseco_check.model.report import Finding
from proseco_check.model.sections import belongs_in, expected_kinds


def known_kind(facts: dict[str, Fact]) -> str | None:
    """The document's kind, when the facts know it and it is a procurement document."""
    fact = facts.get("document_kind")
    value = fact.value if fact is not None else None
    return value if isinstance(value, str) and value != "non-procurement" else None


def expected_places(kinds: list[str], ui_lang: str) -> str:
    """'nel disciplinare o nel capitolato' / 'the tender specifications or the
    specifications' (one noun said once)."""
    nouns = list(dict.fromkeys(document_noun(k, ui_lang) for k in kinds))
    places = [t("elsewhere.place", ui_lang, noun=n) for n in nouns]
    return f" {t('word.or', ui_lang)} ".join(places)


def place_findings(findings: list[Finding], facts: dict[str, Fact], language: str,
                   ui_lang: str) -> list[Finding]:
    """Turn each "missing" whose clause does not belong in this kind of document into
    "elsewhere", naming where it is expected; the rule's own message is kept in
    `detail.missing_message`."""
    kind = known_kind(facts)
    if kind is None:
        return findings
    for finding in findings:
        # A clause said not to apply, or stated without its number, is in this document:
        # it is missing here, not expected elsewhere.
        if finding.status != "missing" or finding.evidence or \
                finding.detail.get("explicitly_absent") or finding.detail.get("value_not_stated"):
            continue
        section = finding.section
        if belongs_in(section, kind):
            continue
        kinds = expected_kinds(section, kind, language)
        finding.status = "elsewhere"
        finding.detail.update({"missing_message": finding.message, "document_kind": kind,
                               "section": section, "expected_in": kinds})
        finding.message = t("elsewhere.message", ui_lang,
                            places=expected_places(kinds, ui_lang))
    return findings
