"""Project configuration: `proseco.yaml` or `[tool.proseco-check]` in pyproject.toml.

Found at the repository root only (the git top-level of the working folder, else the
working folder), never next to or above the checked documents: documents come from third
parties, and a `proseco.yaml` they bring must not set the policy that judges them.
`--config FILE` overrides the search. Relative pack paths and `files` globs are read
relative to the folder of the file they come from. Unknown keys are errors (exit 2):
a setting that silently does not apply is worse than none.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from proseco_check.bounded import BoundedReadError, read_bounded
from proseco_check.engine.schema import Rule
from proseco_check.errors import UsageError
from proseco_check.model.vocab import CATEGORIES, Severity
from proseco_check.pipeline.policy.globs import glob_match
from proseco_check.pipeline.policy.select import (
    RuleKey,
    Selection,
    SelectionSummary,
    is_selected,
    names_something,
)
from proseco_check.spelling import did_you_mean
from proseco_check.yaml_io import YamlFileError, decode_text, read_yaml_file

CONFIG_NAMES = ("proseco.yaml", "proseco.yml")
PYPROJECT = "pyproject.toml"
PYPROJECT_TABLE = "proseco-check"
FailOn = Literal["error", "warning", "info", "never"]
FactInput = str | bool | int | float | list[str]
SEVERITIES: tuple[str, ...] = get_args(Severity)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=False)


class PathOverride(_Strict):
    """Settings for the documents whose path matches `files` (a glob or a list of globs)."""

    files: list[str] = Field(min_length=1)
    facts: dict[str, FactInput] = Field(default_factory=dict)
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)

    @field_validator("files", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


class Waivers(_Strict):
    """In-document waivers (`proseco: ignore RULE — reason` Word comments): off unless
    the repository enables them and names the authors whose comments count."""

    enabled: bool = False
    authors: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _named(self) -> Waivers:
        if self.enabled and not [a for a in self.authors if a.strip()]:
            raise ValueError("name the authors whose Word comments may waive findings "
                             "(waivers.authors: [\"Avv. Rossi\"])")
        return self

    def counts(self, author: str) -> bool:
        wanted = " ".join(author.split()).casefold()
        return self.enabled and any(" ".join(a.split()).casefold() == wanted
                                    for a in self.authors)


class Config(_Strict):
    packs: list[str] = Field(default_factory=list)
    select: list[str] = Field(default_factory=list)
    extend_select: list[str] = Field(default_factory=list, alias="extend-select")
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    output_format: str | None = Field(None, alias="output-format")
    fail_on: FailOn = Field("error", alias="fail-on")
    facts: dict[str, FactInput] = Field(default_factory=dict)
    overrides: list[PathOverride] = Field(default_factory=list)
    waivers: Waivers = Field(default_factory=Waivers)


@dataclass
class LoadedConfig:
    """A validated config, where it came from, and the folder its relative paths use."""

    config: Config = field(default_factory=lambda: Config.model_validate({}))
    source: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    # --select/--extend-select/--ignore: applied after the config's own selection.
    cli: Selection = field(default_factory=Selection)

    def label(self) -> str:
        if self.source is None:
            return "(defaults: no config file found)"
        if self.source.name == PYPROJECT:
            return f"{self.source} [tool.{PYPROJECT_TABLE}]"
        return str(self.source)

    def pack_names(self) -> list[str]:
        """Pack ids as given; pack paths made relative to the config's folder. A built-in
        pack id stays an id even when a folder of that name sits beside the config."""
        from proseco_check.engine.loader import builtin_ids

        builtin = builtin_ids() if self.config.packs else set()
        names = []
        for name in self.config.packs:
            if name in builtin:
                names.append(name)
                continue
            candidate = self.root / name
            names.append(str(candidate) if ("/" in name or name.endswith((".yaml", ".yml"))
                                            or candidate.exists()) else name)
        return names

    def checked_packs(self) -> list[str] | None:
        """The config's packs, loaded once to check them: an error names the config."""
        names = self.pack_names()
        if not names:
            return None
        from proseco_check.engine.loader import builtin_packs, resolve_packs
        from proseco_check.errors import PackError

        try:
            resolve_packs(names)
        except PackError as exc:
            ids = [p.pack.id for p in builtin_packs()]
            bad = next((n for n in names if n not in ids and not Path(n).exists()), "")
            hint = did_you_mean(bad, ids) if bad else ""
            raise UsageError(f"{self.label()}: key 'packs': {exc.one_line()}{hint}") from None
        return names

    def relative(self, path: str | Path) -> str:
        return relative_to(path, self.root)

    def overrides_for(self, path: str | Path) -> list[PathOverride]:
        rel = self.relative(path)
        return [o for o in self.config.overrides if any(glob_match(g, rel) for g in o.files)]

    def facts_for(self, path: str | Path) -> dict[str, str]:
        """Config facts for one document: global ones, then the matching overrides'."""
        facts = {name: fact_text(value) for name, value in self.config.facts.items()}
        for override in self.overrides_for(path):
            facts.update({name: fact_text(value) for name, value in override.facts.items()})
        return facts

    def severities_for(self, path: str | Path) -> dict[str, Severity]:
        severities = dict(self.config.severity)
        for override in self.overrides_for(path):
            severities.update(override.severity)
        return severities

    def layers_for(self, path: str | Path | None = None) -> list[Selection]:
        """The selection layers for one document: config, command line, then the
        ignores of the overrides matching its path (see select.py)."""
        config = Selection(select=tuple(self.config.select) or None,
                           extend_select=tuple(self.config.extend_select),
                           ignore=tuple(self.config.ignore))
        per_path = [] if path is None else [i for o in self.overrides_for(path) for i in o.ignore]
        return [config, self.cli, Selection(ignore=tuple(per_path))]

    def selects(self, key: RuleKey, path: str | Path | None = None) -> bool:
        return is_selected(self.layers_for(path), key)

    def show(self, rules: list[Rule] | None = None) -> str:
        """The effective config as YAML, the file it came from as a comment; with the
        loaded rules, the command-line selection and the rules it all keeps, as comments."""
        data = self.config.model_dump(mode="json", by_alias=True, exclude_none=True)
        body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        text = f"# proseco-check effective config from {self.label()}\n{body}"
        if not self.cli.is_empty():
            text += "# command line (after the config: --select replaces the selection, " \
                    "--extend-select adds, --ignore removes):\n"
            for option, values in (("--select", self.cli.select or ()),
                                   ("--extend-select", self.cli.extend_select),
                                   ("--ignore", self.cli.ignore)):
                text += "".join(f"#   {option} {v}\n" for v in values)
        if rules is not None:
            severities = self.config.severity
            keys = [RuleKey(r.id, r.name, r.category,
                            severities.get(r.id) or severities.get(r.name) or r.severity)
                    for r in rules]
            text += SelectionSummary([k for k in keys if self.selects(k)], len(keys)).comment()
        return text


# ------------------------------------------------------------------ paths and globs


def relative_to(path: str | Path, root: Path) -> str:
    """The path relative to root in POSIX form, or the absolute path when outside it."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(root.resolve()).as_posix()
    except ValueError:
        return absolute.as_posix()


# ------------------------------------------------------------------ rule selectors


def check_selectors(loaded: LoadedConfig, rules: list[Rule]) -> None:
    """Every selector and severity key must name something that exists: a typo in a
    config would otherwise silently select nothing."""
    where = loaded.label()
    rule_keys = [RuleKey(r.id, r.name, r.category, r.severity) for r in rules]
    names = [r.id for r in rules] + [r.name for r in rules]
    keys: list[tuple[str, str]] = []
    keys += [("select", s) for s in loaded.config.select]
    keys += [("extend-select", s) for s in loaded.config.extend_select]
    keys += [("ignore", s) for s in loaded.config.ignore]
    keys += [("severity", s) for s in loaded.config.severity]
    for n, override in enumerate(loaded.config.overrides):
        keys += [(f"overrides[{n}].ignore", s) for s in override.ignore]
        keys += [(f"overrides[{n}].severity", s) for s in override.severity]
    for key, selector in keys:
        by_rule = key.endswith("severity")
        if not names_something(selector, rule_keys, by_rule=by_rule):
            kinds = "a rule id or name" if by_rule else "a rule id, name, category or severity"
            choices = names if by_rule else [*names, *selector_words()]
            raise UsageError(f"{where}: key '{key}': '{selector}' is not {kinds} of the "
                             "loaded packs (see 'proseco-check rules list')"
                             f"{did_you_mean(selector, choices)}")


def selector_words() -> list[str]:
    """The selectors that are not rule names: ALL, the categories, the severities."""
    return ["ALL", *CATEGORIES, *SEVERITIES]


# ------------------------------------------------------------------ loading


def fact_text(value: FactInput) -> str:
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _key_path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _validate(raw: Any, where: str) -> Config:
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise UsageError(f"{where}: the config must be a mapping of keys to values")
    try:
        config = Config.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = _key_path(tuple(first["loc"]))
        if first["type"] == "extra_forbidden":
            model = PathOverride if first["loc"][0] == "overrides" else Config
            known = _known_keys(model)
            hint = did_you_mean(str(first["loc"][-1]), known)
            raise UsageError(f"{where}: unknown key '{key}'{hint} (known keys: "
                             f"{', '.join(known)})") from None
        message = first["msg"].removeprefix("Value error, ")
        raise UsageError(f"{where}: key '{key}': {message}") from None
    from proseco_check.facts.extract import coerce_fact

    for scope, facts in [("facts", config.facts)] + [
            (f"overrides[{n}].facts", o.facts) for n, o in enumerate(config.overrides)]:
        for name, value in facts.items():
            try:
                coerce_fact(name, fact_text(value))
            except UsageError as exc:
                raise UsageError(f"{where}: key '{scope}.{name}': {exc.one_line()}") from None
    return config


def _known_keys(model: type[BaseModel] = Config) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


MAX_CONFIG_BYTES = 1024 * 1024


def _read_yaml(path: Path) -> Any:
    try:
        return read_yaml_file(path, "the config")
    except YamlFileError as exc:
        raise UsageError(f"{path}: {exc}") from None


def _pyproject_table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(decode_text(read_bounded(path, MAX_CONFIG_BYTES, "the file"),
                                         "the file"))
    except (BoundedReadError, YamlFileError) as exc:
        raise UsageError(f"{path}: {exc}") from None
    except RecursionError:
        raise UsageError(f"{path}: TOML error: nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: TOML error: {exc}") from None
    table = data.get("tool", {}).get(PYPROJECT_TABLE)
    if table is not None and not isinstance(table, dict):
        raise UsageError(f"{path}: [tool.{PYPROJECT_TABLE}] must be a table")
    return table


def load_file(path: Path) -> LoadedConfig:
    if not path.exists():
        raise UsageError(f"{path}: no such config file")
    if path.name == PYPROJECT:
        table = _pyproject_table(path)
        if table is None:
            raise UsageError(f"{path}: no [tool.{PYPROJECT_TABLE}] table in this file")
        config = _validate(table, f"{path} [tool.{PYPROJECT_TABLE}]")
    else:
        config = _validate(_read_yaml(path), str(path))
    return LoadedConfig(config=config, source=path, root=path.resolve().parent)


def repository_root(start: Path | None = None) -> Path:
    """The git top-level holding the working folder (a folder with `.git`), else the
    working folder itself."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        if (directory / ".git").exists():
            return directory
    return here


def find_config(root: Path) -> Path | None:
    """proseco.yaml (or .yml), or pyproject.toml with a [tool.proseco-check] table, in
    the root folder itself: never searched in the checked folders."""
    for name in CONFIG_NAMES:
        if (root / name).exists():
            return root / name
    pyproject = root / PYPROJECT
    if pyproject.exists() and _pyproject_table(pyproject) is not None:
        return pyproject
    return None


def load_config(explicit: Path | None = None, paths: list[Path] | None = None,
                use_files: bool = True) -> LoadedConfig:
    """--config FILE, else the config at the repository root, else the defaults. The
    checked `paths` play no part: a config inside them is not the repository's."""
    if explicit is not None:
        return load_file(explicit)
    root = repository_root()
    if not use_files:
        return LoadedConfig(root=root)
    found = find_config(root)
    return load_file(found) if found is not None else LoadedConfig(root=root)
