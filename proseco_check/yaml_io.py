"""Safe YAML loading, with libyaml's C parser when PyYAML was built with it (about ten
times faster on the rule packs). Both loaders build plain data only: no object tags.

Files from outside the package (packs, configs, suppressions) go through
`read_yaml_file`: a regular file under a size cap, and a document whose node graph is
checked before it is built, so aliases cannot expand a small file into gigabytes
("billion laughs"), nor nest it deep enough to exhaust the stack. Timestamps stay
strings there: the schema parses dates, so an impossible date names its key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from proseco_check.bounded import BoundedReadError, read_bounded

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_YAML_BYTES = 1024 * 1024  # configs and suppressions; packs pass their own cap
MAX_NODES = 2_000_000  # nodes once every alias is expanded
MAX_ALIASES = 10_000  # alias uses in one file
MAX_DEPTH = 100  # nesting of mappings and sequences


def safe_load(text: str) -> Any:
    """The package's own data files (trusted, shipped in the wheel)."""
    return yaml.load(text, Loader=_SafeLoader)


class _UntrustedLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """The safe loader, with timestamps kept as text."""


_UntrustedLoader.add_constructor("tag:yaml.org,2002:timestamp",
                                 _UntrustedLoader.construct_yaml_str)


class YamlFileError(ValueError):
    """A YAML file cannot be read or parsed; the message says why, without the path."""


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _check_keys(node: yaml.Node) -> None:
    """Refuse a mapping that names a key twice: YAML keeps the last silently, so a
    truth file's or config's second entry would overwrite the first unseen."""
    if not isinstance(node, yaml.MappingNode):
        return
    seen: set[tuple[str, str]] = set()  # (tag, text): "1" and 1 are two keys
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value != "<<":
            if (key_node.tag, key_node.value) in seen:
                raise YamlFileError(f"duplicate key '{key_node.value}' at line "
                                    f"{key_node.start_mark.line + 1}")
            seen.add((key_node.tag, key_node.value))


def check_graph(root: yaml.Node) -> None:
    """Refuse a node graph that expands beyond MAX_NODES, uses more than MAX_ALIASES
    aliases, nests deeper than MAX_DEPTH or refers to itself, and a mapping with a key
    twice. Linear in the file."""
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    aliases = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    open_nodes: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            children = _children(node)
            size[key] = 1 + sum(size[id(c)] for c in children)
            depth[key] = 1 + max((depth[id(c)] for c in children), default=0)
            open_nodes.discard(key)
            if size[key] > MAX_NODES:
                raise YamlFileError(f"the file expands to more than {MAX_NODES:,} nodes "
                                    "through its aliases: refused")
            if depth[key] > MAX_DEPTH:
                raise YamlFileError(f"the file nests deeper than {MAX_DEPTH} levels: refused")
            continue
        if key in open_nodes:
            raise YamlFileError("an alias refers to the node that contains it: refused")
        if key in size:
            aliases += 1
            if aliases > MAX_ALIASES:
                raise YamlFileError(f"the file uses more than {MAX_ALIASES:,} aliases: refused")
            continue
        _check_keys(node)
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))
        if len(open_nodes) > MAX_DEPTH:
            raise YamlFileError(f"the file nests deeper than {MAX_DEPTH} levels: refused")


def load_untrusted(text: str) -> Any:
    """Parse YAML from outside the package: graph checked, then built."""
    loader = _UntrustedLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        check_graph(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def decode_text(data: bytes, what: str) -> str:
    """UTF-8 (a BOM allowed), or UTF-16 with its BOM; a clear error otherwise."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if len(data) % 2:
            raise YamlFileError(f"{what} starts with a UTF-16 mark but has an odd number of "
                                "bytes (damaged UTF-16)")
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise YamlFileError(f"{what} is damaged UTF-16 text") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise YamlFileError(f"{what} is not UTF-8 text") from None


def read_yaml_file(path: Path, what: str, max_bytes: int = MAX_YAML_BYTES) -> Any:
    """Read and parse one YAML file ("the pack", "the config", ...), turning every
    failure into one YamlFileError sentence that callers wrap in their own error type."""
    try:
        data = read_bounded(path, max_bytes, what)
    except BoundedReadError as exc:
        raise YamlFileError(str(exc)) from None
    text = decode_text(data, what)
    try:
        return load_untrusted(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise YamlFileError(f"YAML error{where}: {problem}") from None
    except RecursionError:
        raise YamlFileError(f"the file nests deeper than {MAX_DEPTH} levels: refused") from None
