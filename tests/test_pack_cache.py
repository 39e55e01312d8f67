"""The per-user cache of validated packs: JSON only, in a folder of the user's own
(0700), keyed by the pack's bytes; a cached pack equals a freshly validated one."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from proseco_check.clauses import model_cache
from proseco_check.engine.loader import builtin_pack_dir, load_pack, pack_files
from proseco_check.engine.schema import Pack
from proseco_check.errors import PackError


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PROSECO_CACHE_DIR", str(folder))
    monkeypatch.delenv("PROSECO_NO_PACK_CACHE", raising=False)
    return folder


def test_cached_builtin_packs_equal_freshly_validated_ones(cache: Path) -> None:
    for path in pack_files(builtin_pack_dir()):
        fresh = load_pack(path)  # validated in full, then stored
        entry = cache / f"{model_cache.key_for(path)}.json"
        assert entry.is_file()
        again = load_pack(path)  # read back from the cache
        assert again == fresh and again is not fresh
        assert again.model_fields_set == fresh.model_fields_set
        assert again.model_dump_json() == fresh.model_dump_json()


def test_cache_folder_is_private_and_holds_json_only(cache: Path) -> None:
    load_pack(pack_files(builtin_pack_dir())[0])
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    entries = list(cache.iterdir())
    assert entries and all(e.suffix == ".json" for e in entries)
    json.loads(entries[0].read_text(encoding="utf-8"))  # plain data


def test_an_edited_pack_is_validated_again(cache: Path, tmp_path: Path) -> None:
    source = pack_files(builtin_pack_dir())[0]
    copy = tmp_path / "pack.yaml"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    load_pack(copy)
    copy.write_text(source.read_text(encoding="utf-8").replace("any:", "any: ['(']\n    xany:", 1),
                    encoding="utf-8")
    with pytest.raises(PackError):
        load_pack(copy)


def test_a_cache_folder_others_can_write_is_not_used(cache: Path) -> None:
    cache.mkdir(mode=0o700)
    os.chmod(cache, 0o777)
    assert model_cache.cache_dir() is None
    load_pack(pack_files(builtin_pack_dir())[0])
    assert list(cache.iterdir()) == []


def test_a_tampered_entry_with_another_key_is_ignored(cache: Path) -> None:
    path = pack_files(builtin_pack_dir())[0]
    fresh = load_pack(path)
    entry = cache / f"{model_cache.key_for(path)}.json"
    stored = json.loads(entry.read_text(encoding="utf-8"))
    stored["key"] = "0" * 64
    entry.write_text(json.dumps(stored), encoding="utf-8")
    assert model_cache.load_model(model_cache.key_for(path), Pack) is None
    assert load_pack(path) == fresh


def test_cache_can_be_turned_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROSECO_NO_PACK_CACHE", "1")
    load_pack(pack_files(builtin_pack_dir())[0])
    assert not cache.exists()


def test_only_regular_files_are_hashed(tmp_path: Path) -> None:
    fifo = tmp_path / "pack.yaml"
    os.mkfifo(fifo)
    assert model_cache.key_for(fifo) is None
    assert model_cache.key_for(tmp_path) is None


def test_required_literals_are_kept_between_runs(cache: Path, monkeypatch: pytest.MonkeyPatch
                                                 ) -> None:
    from proseco_check.clauses import literals_cache, prefilter

    sources = [r"clausol[ae] social[ei]", r"(a|b)+", r"\bCCNL\b"]
    computed = {s: prefilter._required_literals(s) for s in sources}
    # A first run finds the literals and stores them.
    monkeypatch.setattr(prefilter, "_known", {})
    monkeypatch.setattr(prefilter, "_learned", 0)
    monkeypatch.setattr(literals_cache, "_stored", 0)
    for source in sources:
        prefilter.required_literals(source)
    literals_cache.remember()
    entry = cache / f"{model_cache.key_for_purpose('required-literals')}.json"
    assert json.loads(entry.read_text())["pack"]["literals"][r"\bCCNL\b"] == [["ccnl"]]
    # A later run reads them back instead of parsing the expressions again.
    monkeypatch.setattr(prefilter, "_known", {})
    monkeypatch.setattr(prefilter, "_learned", 0)
    monkeypatch.setattr(literals_cache, "_recalled", False)
    literals_cache.recall()
    monkeypatch.setattr(prefilter, "_required_literals",
                        lambda source: pytest.fail(f"parsed again: {source}"))
    assert {s: prefilter.required_literals(s) for s in sources} == computed
    assert prefilter.known_literals()[1] == 0


def test_a_tampered_literals_entry_is_ignored(cache: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    from proseco_check.clauses import literals_cache, prefilter

    model_cache.cache_dir()
    entry = cache / f"{model_cache.key_for_purpose('required-literals')}.json"
    entry.write_text(json.dumps({"key": "another", "pack": {"literals": {"x": [["zzz"]]}}}))
    os.chmod(entry, 0o600)
    monkeypatch.setattr(prefilter, "_known", {})
    monkeypatch.setattr(literals_cache, "_recalled", False)
    literals_cache.recall()
    assert prefilter.known_literals()[0] == {}
