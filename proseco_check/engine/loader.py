"""Find, read and validate rule packs. YAML is read with the safe loader (no object
tags, so a pack can never run code) and validated by engine.schema."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from proseco_check.clauses import model_cache
from proseco_check.clauses.vocabulary import add_clause_dir, vocabulary
from proseco_check.engine.placeholders import brace_problem
from proseco_check.engine.schema import RULE_TYPES, NumericRule, Pack
from proseco_check.errors import PackError
from proseco_check.model.vocab import EU_MEMBER_STATES
from proseco_check.spelling import did_you_mean
from proseco_check.yaml_io import YamlFileError, read_yaml_file

MAX_PACK_BYTES = 5 * 1024 * 1024


def builtin_pack_dir() -> Path:
    """Packs ship inside the wheel (proseco_check/rules); in a checkout they are the
    repository's rules/ folder."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise PackError(here / "rules", "the built-in rule packs are missing from this install")


def _format_error(path: Path, raw: Any, exc: ValidationError) -> PackError:
    first = exc.errors()[0]
    loc = list(first["loc"])
    rule_id = None
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rules = raw.get("rules") if isinstance(raw, dict) else None
        if isinstance(rules, list) and loc[1] < len(rules) and isinstance(rules[loc[1]], dict):
            rule_id = str(rules[loc[1]].get("id", f"#{loc[1] + 1}"))
        loc = loc[2:]
        if loc and loc[0] in RULE_TYPES:  # the tag of the rule type's model, not a field
            loc = loc[1:]
    field = ".".join(str(part) for part in loc) or ("(rule)" if rule_id else "(pack)")
    message = first["msg"].removeprefix("Value error, ")
    more = len(exc.errors()) - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return PackError(path, f"field '{field}': {message}{suffix}", rule=rule_id)


def load_pack(path: Path) -> Pack:
    if (path.parent / "clauses").is_dir():
        add_clause_dir(path.parent / "clauses")
    key = model_cache.key_for(path)
    cached = model_cache.load_model(key, Pack)
    if cached is not None:
        _check_clause_refs(path, cached)
        return cached
    try:
        raw = read_yaml_file(path, "the pack", max_bytes=MAX_PACK_BYTES)
    except YamlFileError as exc:
        raise PackError(path, str(exc)) from None
    if not isinstance(raw, dict):
        raise PackError(path, "a pack is a mapping with 'pack' and 'rules'")
    try:
        pack = Pack.model_validate(raw)
    except ValidationError as exc:
        raise _format_error(path, raw, exc) from None
    _check_model_clauses(path, pack)
    _check_clause_refs(path, pack)
    model_cache.store(key, pack)
    return pack


def _check_clause_refs(path: Path, pack: Pack) -> None:
    """Every clause a rule names exists, and the values a numeric check reads are ones
    the clause names."""
    known = vocabulary()
    for rule in pack.rules:
        for field, clause_id in (("clause", rule.clause), ("alternative", rule.alternative),
                                 ("applies_if_found", rule.applies_if_found)):
            if clause_id is not None and clause_id not in known:
                hint = did_you_mean(clause_id, known)
                raise PackError(path, f"field '{field}': no clause '{clause_id}' in the "
                                "vocabulary (clauses/*.yaml, or a clauses/ folder beside the "
                                f"pack){hint}", rule=rule.id)
        named = rule.check.named if isinstance(rule, NumericRule) else []
        unknown = [n for n in named if n not in known[rule.clause].values]
        if unknown:
            raise PackError(path, f"field 'check.named': the clause '{rule.clause}' names no "
                            f"value {', '.join(unknown)}", rule=rule.id)


def _check_model_clauses(path: Path, pack: Pack) -> None:
    """Model clauses are filled by `{name}` only: any other brace is a pack error."""
    for rule in pack.rules:
        if rule.fix is None:
            continue
        for lang, text in rule.fix.model_dump().items():
            problem = brace_problem(text) if text else None
            if problem:
                raise PackError(path, f"field 'fix.{lang}': {problem}", rule=rule.id)


def pack_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.yaml") if not p.name.startswith("_"))


@lru_cache(maxsize=4)
def builtin_packs() -> tuple[Pack, ...]:
    return tuple(load_pack(p) for p in pack_files(builtin_pack_dir()))


def builtin_ids() -> set[str]:
    return {p.pack.id for p in builtin_packs()}


def resolve_packs(names: list[str] | None) -> list[Pack]:
    """Pack ids of the built-in packs, or paths to pack files or folders. A built-in id
    wins over a folder or file of the same name; packs with no rule at all are an error
    (a run that checks nothing must not pass)."""
    if not names:
        return list(builtin_packs())
    packs = _resolve_named(names)
    if not any(p.rules for p in packs):
        raise PackError(Path(names[0]), "no rules to run: the packs given hold no rule "
                        f"(built-in packs: {', '.join(sorted(p.pack.id for p in builtin_packs()))})")
    return packs


def _resolve_named(names: list[str]) -> list[Pack]:
    by_id = {p.pack.id: p for p in builtin_packs()}
    packs: list[Pack] = []
    for name in names:
        if name in by_id:
            packs.append(by_id[name])
            continue
        path = Path(name)
        if path.is_dir():
            files = pack_files(path)
            if not files:
                raise PackError(path, "the folder holds no pack (*.yaml) file")
            packs.extend(load_pack(p) for p in files)
        elif path.exists():  # a FIFO or device is refused by load_pack, with the reason
            packs.append(load_pack(path))
        else:
            raise PackError(path, f"no built-in pack '{name}' and no such file "
                            f"(built-in: {', '.join(sorted(by_id))})")
    ids = [p.pack.id for p in packs]
    rule_ids = [r.id for p in packs for r in p.rules]
    for rid in set(rule_ids):
        if rule_ids.count(rid) > 1:
            raise PackError(Path(names[0]), f"rule id {rid} is defined by more than one pack "
                            f"({', '.join(ids)})")
    return packs


# Which packs apply to a jurisdiction when the user names none. A national pack applies
# to its own jurisdiction only; the EU pack to the member states (and to "eu", a tender
# under the directive with no national law identified). Switzerland ("ch") and
# jurisdictions outside the packs ("other") get neither: only packs for "all".
EU_MEMBERS = {*EU_MEMBER_STATES, "eu"}
OUTSIDE_PACKS = {"ch", "other"}


def packs_for(packs: list[Pack], jurisdiction: str | None) -> list[Pack]:
    selected = []
    for pack in packs:
        j = pack.pack.jurisdiction
        if j == "all" or (jurisdiction not in OUTSIDE_PACKS and (
                j == jurisdiction or (j == "eu" and jurisdiction in EU_MEMBERS))):
            selected.append(pack)
    return selected
