"""A per-user cache of validated models (packs, clauses, rule descriptions): validating
the built-in packs compiles hundreds of regular expressions on every run; a pack whose
bytes were validated before is read back from JSON instead, and its expressions are
compiled only when a rule uses them. It lives with the clauses, the lowest layer whose
models it keeps, so that clauses/ and engine/ both use it without a cycle.

Safety: the cache holds JSON (data, never a pickle: nothing in it can run code) in a
folder of the current user's, created 0700; a folder or entry owned by someone else, or
writable by others, or a symlink, is not used. An entry is keyed by the SHA-256 of the
pack file's bytes, the tool, pydantic and Python versions, and the source of the modules
that define and validate packs; it is written only after that exact content passed full
validation, and only valid packs are cached (errors are recomputed every time). Any
trouble with the cache falls back to a normal load. PROSECO_NO_PACK_CACHE=1 turns it
off; PROSECO_CACHE_DIR moves it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import pydantic

from proseco_check import __version__
from proseco_check.clauses.patterns import trusting

# What the cache holds: packs, and the clauses of the vocabulary (clauses/*.yaml).
Model = TypeVar("Model", bound=pydantic.BaseModel)

_CACHED_BYTES = 5 * 1024 * 1024
_FORMAT = 1
# Entries kept (the oldest go first): edited packs leave their old versions behind.
MAX_ENTRIES = 1000
# Packages whose source decides what a valid pack is and how it is read back, and how a
# rule is described (engine/describe.py matches examples on folded text: nlp/fold.py).
_MODEL_PACKAGES = ("engine", "clauses", "model", "nlp")


def cache_dir() -> Path | None:
    """The cache folder, created 0700 when missing; None when caching is off or the
    folder is not safely the current user's."""
    if os.environ.get("PROSECO_NO_PACK_CACHE") or not hasattr(os, "getuid"):
        return None
    base = os.environ.get("PROSECO_CACHE_DIR")
    if base:
        folder = Path(base)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        folder = Path(xdg if xdg else Path.home() / ".cache") / "proseco-check" / "packs"
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        info = folder.lstat()
    except (OSError, RuntimeError):
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None
    return folder


@lru_cache(maxsize=1)
def _fingerprint() -> str:
    digest = hashlib.sha256(f"{_FORMAT}|{__version__}|{pydantic.VERSION}|{sys.version}".encode())
    root = Path(__file__).resolve().parent.parent
    for package in _MODEL_PACKAGES:
        for source in sorted((root / package).rglob("*.py")):
            digest.update(source.relative_to(root).as_posix().encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()


def key_for(path: Path) -> str | None:
    """The cache key of a pack file (None: do not cache it). Reads regular files only,
    and no more than the pack size cap."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _CACHED_BYTES:
            return None
        data = os.read(fd, _CACHED_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    if len(data) > _CACHED_BYTES:
        return None
    return hashlib.sha256(_fingerprint().encode() + b"\0" + data).hexdigest()


def key_for_model(model: pydantic.BaseModel, purpose: str) -> str:
    """The cache key of something computed from a validated model alone (a rule's
    description): its JSON, what it is for, and the same versions as a pack's key."""
    data = model.model_dump_json().encode()
    return hashlib.sha256(_fingerprint().encode() + b"\0" + purpose.encode() + b"\0"
                          + data).hexdigest()


def key_for_purpose(purpose: str) -> str:
    """The cache key of something computed by this code alone, whatever the input (the
    required literals of expressions): what it is for, and the same versions as a pack's
    key."""
    return hashlib.sha256(_fingerprint().encode() + b"\0" + purpose.encode()).hexdigest()


def _entry(folder: Path, key: str) -> Path:
    return folder / f"{key}.json"


def load_model(key: str | None, model: type[Model]) -> Model | None:
    """The cached model (a pack, a clause) for this key, or None."""
    folder = cache_dir() if key else None
    if folder is None or key is None:
        return None
    try:
        fd = os.open(_entry(folder, key), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if (not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid()
                or info.st_mode & 0o022 or info.st_size > 4 * _CACHED_BYTES):
            os.close(fd)
            return None
        with os.fdopen(fd, "rb") as handle:
            stored = json.loads(handle.read())
        if not isinstance(stored, dict) or stored.get("key") != key:
            return None
        with trusting():
            return model.model_validate(stored["pack"])
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None


def store(key: str | None, pack: pydantic.BaseModel) -> None:
    """Remember a pack (or a clause) that has just passed full validation (atomically;
    never fails)."""
    folder = cache_dir() if key else None
    if folder is None or key is None:
        return
    payload = json.dumps({"key": key, "pack": pack.model_dump(mode="json", exclude_unset=True)},
                         ensure_ascii=False)
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(payload)
        os.replace(temp, _entry(folder, key))
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return
    _prune(folder)


def _prune(folder: Path) -> None:
    with contextlib.suppress(OSError):
        entries = list(folder.glob("*.json"))
        if len(entries) <= MAX_ENTRIES:
            return
        entries.sort(key=lambda p: p.stat().st_mtime)
        for old in entries[: len(entries) - MAX_ENTRIES]:
            old.unlink()
