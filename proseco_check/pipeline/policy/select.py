"""Which rules are checked: `select`, `extend-select` and `ignore`, merged the way Ruff
merges them.

A selector is a rule id or name (globs allowed: `IT-108-*`), a category
(`social-clauses`), a severity (`info`) or `ALL`. Selections come in layers, applied in
order: the config file, then the command line, then the per-path `overrides[].ignore`.

Within a layer, when several selectors match a rule: an exact rule id or name decides
over everything else; then an ignored category or severity removes the rule (they cut
across rule ids: `select: [IT-11-*]` with `ignore: [warning]` keeps the IT-11 rules that
are not warnings); then among globs the more specific one (more literal characters, `ALL`
least) decides, as in Ruff (`ignore: [IT-*]` with `extend-select: [IT-11-*]` keeps
IT-11); at equal weight ignore wins. A layer with `select` replaces the selection made so
far; a layer without it only adds (`extend-select`) and removes (`ignore`). So, as with
Ruff, `--select` on the command line replaces the config's `select` and `ignore`, while
`--extend-select` and `--ignore` work on top of them. When nothing is selected anywhere,
every rule is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatchcase

from proseco_check.errors import UsageError
from proseco_check.model.i18n import t
from proseco_check.model.vocab import CATEGORIES, SEVERITIES
from proseco_check.spelling import did_you_mean

ALL = "ALL"
_GLOB_CHARS = "*?["


@dataclass(frozen=True)
class Selection:
    """One layer: `select` None when the layer does not set it."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def selectors(self) -> list[str]:
        return [*(self.select or ()), *self.extend_select, *self.ignore]

    def is_empty(self) -> bool:
        return self.select is None and not self.extend_select and not self.ignore


@dataclass(frozen=True)
class RuleKey:
    """What a selector can match: the rule's id, name, category and (effective) severity."""

    rule: str
    name: str
    category: str
    severity: str


def split_selectors(values: list[str] | None) -> tuple[str, ...]:
    """Repeatable options that also take comma-separated lists: `--select A,B --select C`."""
    return tuple(part.strip() for value in values or [] for part in value.split(",")
                 if part.strip())


def selector_matches(selector: str, key: RuleKey) -> bool:
    if selector == ALL or selector in (key.category, key.severity):
        return True
    return fnmatchcase(key.rule, selector) or fnmatchcase(key.name, selector)


def is_attribute(selector: str) -> bool:
    return selector in SEVERITIES or selector in CATEGORIES


def specificity(selector: str) -> tuple[int, int]:
    """How specific a rule-id selector is: ALL, then globs by their literal characters,
    then exact ids and names."""
    if selector == ALL:
        return (0, 0)
    if any(c in selector for c in _GLOB_CHARS):
        return (1, sum(c not in _GLOB_CHARS for c in selector))
    return (2, 0)


def _layer_verdict(layer: Selection, key: RuleKey) -> bool | None:
    """True/False as the layer decides for this rule, None when no selector matches."""
    ops = [(s, True) for s in (*(layer.select or ()), *layer.extend_select)
           if selector_matches(s, key)]
    ops += [(s, False) for s in layer.ignore if selector_matches(s, key)]
    if not ops:
        return None
    exact = [keep for s, keep in ops if specificity(s)[0] == 2 and not is_attribute(s)]
    if exact:
        return all(exact)
    if any(not keep and is_attribute(s) for s, keep in ops):
        return False
    by_rule = [(specificity(s), not keep) for s, keep in ops if not is_attribute(s)]
    if by_rule:
        return not max(by_rule)[1]
    return True


def is_selected(layers: list[Selection], key: RuleKey) -> bool:
    selected = True
    for layer in layers:
        verdict = _layer_verdict(layer, key)
        if layer.select is not None:
            selected = bool(verdict)
        elif verdict is not None:
            selected = verdict
    return selected


def names_something(selector: str, keys: list[RuleKey], by_rule: bool = False) -> bool:
    """Whether the selector names a loaded rule (or, unless by_rule, a category,
    a severity or ALL)."""
    if not by_rule and (selector == ALL or selector in SEVERITIES or selector in CATEGORIES):
        return True
    return any(fnmatchcase(k.rule, selector) or fnmatchcase(k.name, selector) for k in keys)


@dataclass
class SelectionSummary:
    """The rules a merged selection keeps, for `config show`."""

    kept: list[RuleKey] = field(default_factory=list)
    total: int = 0

    def comment(self) -> str:
        lines = [f"# rules checked: {len(self.kept)} of {self.total} (by each rule's severity "
                 "after the `severity` overrides; `overrides` may drop more per file)"]
        width = max((len(k.rule) for k in self.kept), default=0)
        lines += [f"#   {k.rule.ljust(width)}  {k.name}" for k in self.kept]
        return "\n".join(lines) + "\n"


def check_cli_selection(selection: Selection, keys: list[RuleKey], lang: str) -> None:
    """--select/--extend-select/--ignore: each selector must name something (exit 2 with
    the nearest names otherwise), as a typo would silently select nothing."""
    names = [k.rule for k in keys] + [k.name for k in keys]
    for option, values in (("--select", selection.select or ()),
                           ("--extend-select", selection.extend_select),
                           ("--ignore", selection.ignore)):
        for value in values:
            if not names_something(value, keys):
                raise UsageError(t("cli.bad_selector", lang, option=option, value=value)
                                 + did_you_mean(value, [*names, ALL, *CATEGORIES, *SEVERITIES],
                                                lang))
