"""Catalogue entries of the CI conventions (selectors, concise, statistics, colour) and of
"did you mean": merged into `i18n.MESSAGES`, kept apart so the command-line work and the
interface wording can change the catalogue without touching the same lines."""

from __future__ import annotations

CI_MESSAGES: dict[str, dict[str, str]] = {
    "cli.did_you_mean": {"it": "forse intendevi {options}?", "en": "did you mean {options}?"},
    "cli.bad_color": {"it": "--color accetta auto, always o never, non '{value}'",
                      "en": "--color takes auto, always or never, not '{value}'"},
    "cli.bad_choice": {"it": "{option} accetta {choices}, non '{value}'",
                       "en": "{option} takes {choices}, not '{value}'"},
    "cli.exit_zero_fail_on": {
        "it": "--exit-zero equivale a --fail-on never: non si usa con --fail-on {value}",
        "en": "--exit-zero means --fail-on never: it cannot be used with --fail-on {value}"},
    "cli.bad_selector": {
        "it": "{option}: '{value}' non è un id o nome di regola, una categoria o una gravità "
              "dei pacchetti caricati (vedi 'proseco-check rules list')",
        "en": "{option}: '{value}' is not a rule id, name, category or severity of the "
              "loaded packs (see 'proseco-check rules list')"},
    "cli.no_pack": {
        "it": "--pack: nessun pacchetto '{value}' tra quelli inclusi e nessun file con questo "
              "nome (inclusi: {known})",
        "en": "--pack: no built-in pack '{value}' and no such file (built-in: {known})"},
    "concise.summary": {
        "it": "Risultati da sistemare: {n} · documenti controllati: {docs}",
        "en": "Results to fix: {n} · documents checked: {docs}"},
    "concise.accepted": {"it": " · soppressi o in baseline: {n}",
                         "en": " · suppressed or baselined: {n}"},
    "concise.unreadable": {"it": " · illeggibili: {n}", "en": " · unreadable: {n}"},
    "explain.matches": {
        "it": "Regole che corrispondono a '{query}' ({n}):",
        "en": "Rules matching '{query}' ({n}):"},
    "explain.more": {
        "it": "Dettagli di una regola: proseco-check explain ID",
        "en": "Details of one rule: proseco-check explain ID"},
}
