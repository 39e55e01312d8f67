"""Every shipped YAML file must mean the same under libyaml and the pure-Python parser.

`yaml_io` uses libyaml's C loader when PyYAML was built with it; a machine without it
falls back to the Python loader, which is stricter on some plain scalars in flow
sequences (`[☐|\\?, x]`). A file only the C parser accepts would break there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = sorted(
    [*ROOT.glob("clauses/*.yaml"), *ROOT.glob("rules/*.yaml"),
     *ROOT.glob("proseco_check/**/*.yaml")],
)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_and_c_loaders_agree(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    pure = yaml.load(text, Loader=yaml.SafeLoader)
    c_loader = getattr(yaml, "CSafeLoader", None)
    if c_loader is not None:
        assert yaml.load(text, Loader=c_loader) == pure
