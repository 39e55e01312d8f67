"""The message catalogue: every user-facing string of the interface, in Italian and English.

`t(key, lang, **values)` returns the message in that language with its {placeholders}
filled; with `n=1` it takes the singular `key.one` when there is one ("1 mancante", "2
mancanti"). The catalogue is kept in four files (messages.py: reports;
messages_cli.py: the command line; messages_ci.py: the CI conventions and "did you
mean"; messages_input.py: why an input could not be read, and the policy's notices),
merged here. Keys are dotted: `status.missing`, `table.facts`,
`html.copy`. The Italian uses the
words Italian buyers use (bando, disciplinare, capitolato, CCNL, clausola sociale,
contratto riservato, stazione appaltante). tests/test_i18n.py fails when a key lacks one of
the two languages, when the two disagree on their placeholders, or when the code asks
for a key that is not here.

Which language the interface speaks (`resolve_ui_lang`): `--ui-lang` when given; else the
document's language when there is a document (Italian gives Italian, any other language
English, so a report depends on its inputs and flags only); else the system locale
(LC_ALL, LC_MESSAGES, LANG); else the caller's fallback.

The CI formats (SARIF, JUnit, GitHub workflow commands, JSON) keep their English protocol
text; the messages of the findings they carry are already in the interface language.
"""

from __future__ import annotations

import os
import re
from typing import Any

from proseco_check.model.messages import REPORT_MESSAGES
from proseco_check.model.messages_ci import CI_MESSAGES
from proseco_check.model.messages_cli import CLI_MESSAGES
from proseco_check.model.messages_input import INPUT_MESSAGES
from proseco_check.model.vocab import UI_LANGS

MESSAGES: dict[str, dict[str, str]] = {**REPORT_MESSAGES, **CLI_MESSAGES, **CI_MESSAGES,
                                       **INPUT_MESSAGES}


def t(key: str, lang: str, /, **values: Any) -> str:
    """The message `key` in `lang` (English when `lang` is not an interface language),
    placeholders filled from `values`. An unknown key comes back as itself: a missing
    message must not break a report (tests catch it before a release)."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    if values.get("n") == 1 and f"{key}.one" in MESSAGES:  # "1 mancante", "2 mancanti"
        entry = MESSAGES[f"{key}.one"]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def t_or(key: str, lang: str, default: str, /, **values: Any) -> str:
    """Like `t`, but `default` for a key the catalogue does not have (a category, a fact
    or a value added by a rule pack before it was translated)."""
    return t(key, lang, **values) if key in MESSAGES else default


def status_word(status: str, lang: str) -> str:
    return t_or(f"status.{status}", lang, status)


def severity_word(severity: str, lang: str) -> str:
    return t_or(f"severity.{severity}", lang, severity)


def category_label(category: str, lang: str) -> str:
    return t_or(f"category.{category}", lang, category)


def fact_label(name: str, lang: str) -> str:
    return t_or(f"fact.{name}", lang, name)


def fact_value(value: object, lang: str) -> str:
    """A fact's value for people: booleans and known codes translated, lists joined,
    money with Italian or English separators."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return t("label.yes" if value else "label.no", lang)
    if isinstance(value, list):
        return ", ".join(fact_value(v, lang) for v in value)
    if isinstance(value, float):
        text = f"{value:,.2f}" if value != int(value) else f"{value:,.0f}"
        return text.replace(",", "_").replace(".", ",").replace("_", ".") if lang == "it" \
            else text
    return t_or(f"value.{value}", lang, str(value))


def number(value: object, lang: str) -> str:
    """A count or a size in the reader's notation: 1,000,000 and 1.5 in English,
    1.000.000 and 1,5 in Italian (one decimal); anything else as it is."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".") if lang == "it" else text


def locale_lang(environ: dict[str, str] | None = None) -> str | None:
    """it or en from LC_ALL, LC_MESSAGES or LANG (the first one set), else None."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            code = value.split(".")[0].split("_")[0].lower()
            return code if code in UI_LANGS else None
    return None


def resolve_ui_lang(explicit: str | None = None, document: str | None = None,
                    fallback: str = "en") -> str:
    """--ui-lang; else the document's language (it -> it, any other -> en); else the
    system locale; else `fallback`."""
    if explicit in UI_LANGS:
        return explicit
    if document:
        return "it" if document == "it" else "en"
    return locale_lang() or fallback


_MONTHS = {
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def format_date(iso: str | None, lang: str) -> str:
    """'2014-02-26' -> '26 febbraio 2014' / '26 February 2014'; other text unchanged."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    if not match or not 1 <= int(match.group(2)) <= 12:
        return iso or ""
    year, month, day = (int(g) for g in match.groups())
    return f"{day} {_MONTHS.get(lang, _MONTHS['en'])[month - 1]} {year}"


# The document kinds the facts engine tells apart -> the noun used in messages.
_KIND_NOUNS = {
    "it": {"notice": "bando", "bando": "bando", "disciplinare": "disciplinare",
           "capitolato": "capitolato", "rc": "disciplinare", "ccap": "capitolato",
           "cctp": "capitolato tecnico", "pcap": "capitolato", "ppt": "capitolato tecnico",
           "form": "modulo", "contract": "contratto"},
    "en": {"notice": "notice", "bando": "notice", "disciplinare": "tender specifications",
           "capitolato": "specifications", "rc": "tender rules", "ccap": "specifications",
           "cctp": "technical specifications", "pcap": "specifications",
           "ppt": "technical specifications", "form": "form", "contract": "contract"},
}
_DEFAULT_NOUN = {"it": "documento", "en": "document"}
# "il bando", "del bando", "nel bando": every Italian noun above is masculine and starts
# with a consonant, so the article stays as it is.
_BANDO = re.compile(r"\b(il|del|nel|al|dal|sul|dello) bando\b", re.IGNORECASE)


def document_noun(kind: str | None, lang: str) -> str:
    """'disciplinare', 'capitolato', 'bando'; 'documento' when the kind is unknown."""
    nouns = _KIND_NOUNS.get(lang, _KIND_NOUNS["en"])
    return nouns.get(kind or "", _DEFAULT_NOUN.get(lang, "document"))


def as_document_kind(text: str, kind: str | None, lang: str) -> str:
    """A rule's Italian message says "il bando": say what the document is ("il
    disciplinare", "il capitolato"), or "il documento" when its kind is unknown."""
    if lang != "it" or kind == "notice" or kind == "bando":
        return text
    noun = document_noun(kind, lang)
    return _BANDO.sub(lambda m: f"{m.group(1)} {noun}", text)


# Legal names in the packs are written in English; Italian readers see Italian ones.
_LEGAL_IT = (
    (re.compile(r"\bDirective (\d{4}/\d+)/EU\b"), r"Direttiva \1/UE"),
    (re.compile(r"\bDirective \(EU\) (\d{4}/\d+)"), r"Direttiva (UE) \1"),
    (re.compile(r"\bImplementing Regulation \(EU\)"), "Regolamento di esecuzione (UE)"),
    (re.compile(r"\bCommission notice\b"), "Comunicazione della Commissione"),
    (re.compile(r"\bAnnex\b"), "allegato"),
    (re.compile(r"Buying Social \(2nd ed\.\)"), "Acquisti sociali (2ª ed.)"),
    (re.compile(r"(\d|\w-\w+) and (\d|\w+-\w)"), r"\1 e \2"),
    # The guide's chapter topics, in English in the packs: the number is enough.
    (re.compile(r"^([\d.\-]+(?: e [\d.]+)?) \([a-z ,]+\)$"), r"\1"),
    (re.compile(r"^recital\b"), "considerando"),
    (re.compile(r"\bcodelists?\b"), "elenco di codici"),
    (re.compile(r"\brule (BR-)"), r"regola \1"),
    (re.compile(r"^minimum weighting$"), "ponderazione minima"),
    (re.compile(r"^social clauses$"), "clausole sociali"),
    (re.compile(r"^scope$"), "ambito di applicazione"),
    (re.compile(r"^routes$"), "percorsi"),
)


def legal_name(text: str, lang: str) -> str:
    """'Directive 2014/24/EU' -> 'Direttiva 2014/24/UE', 'recital 97' -> 'considerando
    97' for Italian readers; names of national laws stay as enacted."""
    if lang != "it":
        return text
    for pattern, replacement in _LEGAL_IT:
        text = pattern.sub(replacement, text)
    return text


_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def placeholders_explained(text: str, lang: str) -> str:
    """A model clause's unfilled {placeholders} in words: '{penalty_per_mille}' ->
    '[penale per mille: da completare]'."""
    def label(match: re.Match[str]) -> str:
        name = match.group(1)
        what = t_or(f"ph.{name}", lang, name.replace("_", " "))
        return t("ph.todo", lang, what=what)

    return _PLACEHOLDER.sub(label, text)


def canonical_value(text: str, allowed: tuple[str, ...]) -> str:
    """A fact value as the scorecard shows it ('servizi', 'minor prezzo', 'OEPV') -> its
    canonical code ('services', 'lowest_price', 'best_price_quality'); unknown text is
    returned unchanged, for the caller to refuse."""
    if text in allowed:
        return text
    wanted = " ".join(text.lower().split())
    for code in allowed:
        entry = MESSAGES.get(f"value.{code}", {})
        for shown in entry.values():
            words = shown.lower()
            if wanted in (words, words.split(",")[0].strip(), code.replace("_", " ")):
                return code
    return text
