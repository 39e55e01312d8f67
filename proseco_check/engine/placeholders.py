"""Model clauses carry `{name}` placeholders, filled from the tender's facts.

Filling is a regular-expression substitution of `{name}` only, never `str.format`: a
pack written by a third party must not reach format specs (`{x:>1999999999}` allocates
gigabytes) or attribute lookups (`{x.__class__}` prints Python internals). Any other
brace is refused when the pack is loaded (`rules validate` says which field).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def fill(template: str, values: Mapping[str, str]) -> str:
    """Each known `{name}` replaced by its value (inserted as is, never re-read); unknown
    ones kept visible so the buyer sees what to complete."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def brace_problem(text: str) -> str | None:
    """Why a model clause's braces are not all `{name}` placeholders, or None."""
    rest = PLACEHOLDER.sub("", text)
    position = min((i for i in (rest.find("{"), rest.find("}")) if i >= 0), default=-1)
    if position < 0:
        return None
    snippet = rest[position:position + 24]
    return (f"only {{name}} placeholders (letters, digits, _) may use braces; found "
            f"'{snippet}'")
