"""gitignore-like globs for config overrides and suppressions, matched in linear time.

Matching simulates the pattern as an automaton, one step per character of the path: a
backtracking regex of a pattern like `**/**/**/*a*a*a` takes exponential time on a long
path, and suppression files may come from anyone who can open a merge request.
"""

from __future__ import annotations

from functools import lru_cache

# Glob tokens.
_LIT, _ONE, _STAR, _ANY, _DIRS = range(5)


@lru_cache(maxsize=256)
def _glob_tokens(pattern: str) -> tuple[tuple[int, str], ...]:
    tokens: list[tuple[int, str]] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            tokens.append((_DIRS, ""))  # zero or more folders
            i += 3
        elif pattern.startswith("**", i):
            tokens.append((_ANY, ""))  # anything, across folders
            i += 2
        elif pattern[i] == "*":
            tokens.append((_STAR, ""))  # anything within a folder
            i += 1
        elif pattern[i] == "?":
            tokens.append((_ONE, ""))
            i += 1
        else:
            tokens.append((_LIT, pattern[i]))
            i += 1
    return tuple(tokens)


def _closure(states: set[int], tokens: tuple[tuple[int, str], ...]) -> set[int]:
    """States are 2*i (before token i) and 2*i+1 (inside the folders of a `**/`)."""
    todo = list(states)
    while todo:
        state = todo.pop()
        i = state // 2
        if state % 2 == 0 and i < len(tokens) and tokens[i][0] in (_STAR, _ANY, _DIRS) \
                and 2 * (i + 1) not in states:
            states.add(2 * (i + 1))
            todo.append(2 * (i + 1))
    return states


def _glob_step(states: set[int], char: str, tokens: tuple[tuple[int, str], ...]) -> set[int]:
    after: set[int] = set()
    for state in states:
        i, inside = divmod(state, 2)
        if inside or (i < len(tokens) and tokens[i][0] == _DIRS):
            after.add(2 * i + 1)
            if char == "/":
                after.add(2 * (i + 1))
            continue
        if i >= len(tokens):
            continue
        kind, literal = tokens[i]
        if (kind == _LIT and char == literal) or (kind == _ONE and char != "/"):
            after.add(2 * (i + 1))
        elif (kind == _STAR and char != "/") or kind == _ANY:
            after.add(2 * i)
    return _closure(after, tokens)


def _glob_full_match(pattern: str, text: str) -> bool:
    tokens = _glob_tokens(pattern)
    states = _closure({0}, tokens)
    for char in text:
        states = _glob_step(states, char, tokens)
        if not states:
            return False
    return 2 * len(tokens) in states


def glob_match(pattern: str, relpath: str) -> bool:
    """gitignore-like: `*` stays within a folder, `**` crosses folders, and a pattern
    without a slash matches the file name in any folder."""
    pattern = pattern.strip().removeprefix("./")
    if "/" not in pattern:
        return _glob_full_match(pattern, relpath.rsplit("/", 1)[-1])
    return _glob_full_match(pattern.lstrip("/"), relpath)
