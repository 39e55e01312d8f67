"""Find, read and validate the clause vocabulary: `clauses/*.yaml`, one clause per file,
named after its id. Errors name the file and the field, like the pack loader's."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from proseco_check.clauses.schema import Clause
from proseco_check.errors import PackError
from proseco_check.yaml_io import YamlFileError, read_yaml_file

MAX_CLAUSE_BYTES = 1024 * 1024


def vocabulary_dir() -> Path:
    """The vocabulary ships inside the wheel (proseco_check/clauses/vocabulary); in a
    checkout it is the repository's clauses/ folder."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "vocabulary", here.parent.parent / "clauses"):
        if candidate.is_dir():
            return candidate
    raise PackError(here / "vocabulary", "the clause vocabulary is missing from this install")


def load_clause(path: Path) -> Clause:
    """A clause file, validated; one whose exact bytes were validated before is read back
    from the per-user cache of validated models (clauses/model_cache.py) without compiling
    its expressions again."""
    from proseco_check.clauses import model_cache

    key = model_cache.key_for(path)
    cached = model_cache.load_model(key, Clause)
    if cached is not None and cached.id == path.stem:
        return cached
    clause = _validate(path)
    model_cache.store(key, clause)
    return clause


def _validate(path: Path) -> Clause:
    try:
        if path.stat().st_size > MAX_CLAUSE_BYTES:
            raise PackError(path, "the clause file is larger than 1 MB")
        raw = read_yaml_file(path, "the clause")
    except OSError as exc:
        raise PackError(path, f"cannot read the clause ({exc.strerror or exc})") from None
    except YamlFileError as exc:
        raise PackError(path, str(exc)) from None
    if not isinstance(raw, dict):
        raise PackError(path, "a clause is a mapping with id, title, patterns and examples")
    try:
        clause = Clause.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "(clause)"
        message = first["msg"].removeprefix("Value error, ")
        raise PackError(path, f"field '{field}': {message}") from None
    if clause.id != path.stem:
        raise PackError(path, f"field 'id': the clause '{clause.id}' must live in "
                        f"{clause.id}.yaml")
    return clause


@lru_cache(maxsize=1)
def builtin_vocabulary() -> dict[str, Clause]:
    """Every built-in clause by id."""
    found = {c.id: c for c in (load_clause(p) for p in sorted(vocabulary_dir().glob("*.yaml")))}
    for clause_id, found_clause in found.items():
        _check_outside(found_clause, found, vocabulary_dir() / f"{clause_id}.yaml")
    return found


def _check_outside(checked: Clause, known: dict[str, Clause], path: Path) -> None:
    """`outside` names known clauses, and never leads back to the clause itself, so
    verdicts never wait on each other in a cycle."""
    seen: set[str] = set()
    todo = list(checked.outside)
    while todo:
        other_id = todo.pop()
        if other_id == checked.id:
            raise PackError(path, "field 'outside': the clauses named lead back to "
                            f"'{checked.id}' itself (a cycle)")
        if other_id in seen:
            continue
        seen.add(other_id)
        other = known.get(other_id)
        if other is None:
            raise PackError(path, f"field 'outside': no clause '{other_id}' in the vocabulary")
        todo.extend(other.outside)


# Clauses of user packs: a pack folder may hold a `clauses/` folder beside its packs,
# read once per process when the pack is loaded (see engine.loader.load_pack).
_USER_CLAUSES: dict[str, Clause] = {}
_USER_DIRS: set[Path] = set()


def add_clause_dir(directory: Path) -> None:
    """Read a user pack's clauses; an id the built-in vocabulary has is an error (a
    pack cannot redefine what other packs, facts and the profile read)."""
    directory = directory.resolve()
    if directory in _USER_DIRS or directory == vocabulary_dir().resolve():
        return
    loaded = {path: load_clause(path) for path in sorted(directory.glob("*.yaml"))}
    siblings = {c.id: c for c in loaded.values()}  # `outside` may name a later file's
    for path, found in loaded.items():
        register_clause(found, path, siblings)
    _USER_DIRS.add(directory)


def register_clause(new: Clause, path: Path | None = None,
                    siblings: dict[str, Clause] | None = None) -> None:
    """Add a clause outside the built-in vocabulary (a user pack's, a test's)."""
    where = path or Path(f"{new.id}.yaml")
    _check_outside(new, {**builtin_vocabulary(), **_USER_CLAUSES, **(siblings or {})}, where)
    if new.id in builtin_vocabulary():
        raise PackError(where, f"field 'id': '{new.id}' is a built-in clause; give yours "
                        "another id")
    known = _USER_CLAUSES.get(new.id)
    # Two packs defining one id differently would change each other's verdicts.
    if known is not None and known != new:
        raise PackError(where, f"field 'id': another pack's clauses/ folder defines "
                        f"'{new.id}' differently; give one of them another id")
    _USER_CLAUSES[new.id] = new


def vocabulary() -> dict[str, Clause]:
    """Every clause by id: the built-in vocabulary and the clauses of user packs."""
    return {**builtin_vocabulary(), **_USER_CLAUSES}


def clause(clause_id: str) -> Clause:
    found = builtin_vocabulary().get(clause_id) or _USER_CLAUSES.get(clause_id)
    if found is None:
        raise PackError(vocabulary_dir() / f"{clause_id}.yaml", f"no clause '{clause_id}' in "
                        "the vocabulary")
    return found
