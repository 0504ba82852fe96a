"""Reading scenario YAML safely, keeping the node tree so errors can name lines.

A scenario file is untrusted text. Before anything is built from it, this module refuses
what would hurt: files over :data:`MAX_BYTES`, binary or non-UTF-8 data, nesting deeper
than :data:`MAX_DEPTH`, and anchors/aliases that would expand past :data:`MAX_NODES`
("billion laughs") or refer to themselves. It parses with a resolver that reads YAML 1.2
style scalars (only ``true``/``false`` are booleans, dates stay text), so ``NO`` (Norway)
or ``2024-01-01`` arrive as the text the author wrote.

Every problem becomes a :class:`~summitry.errors.ScenarioError` naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml import events, nodes

from summitry.errors import ScenarioError
from summitry.scenario.bundled import bundled_names

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 200_000

_BOOL_TAG = "tag:yaml.org,2002:bool"
_DROPPED_TAGS = {_BOOL_TAG, "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value"}
_SYNTAX_HINT = (
    "fix the YAML at that line: check the indentation, and quote text that holds ': ' or ' #'"
)

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ScenarioLoader(_Base):
    """A safe loader whose implicit scalars follow YAML 1.2 (no yes/no booleans, no dates)."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED_TAGS]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


ScenarioLoader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass(frozen=True)
class YamlDocument:
    """The composed node tree (for line numbers) and the plain data built from it."""

    root: nodes.Node | None
    data: Any


def read_text(path: Path, label: str) -> str:
    """Read a scenario file as text, refusing directories, huge files and binary data."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ScenarioError("no such file", path=label, hint=_missing_hint()) from None
    except OSError as exc:
        raise ScenarioError(f"cannot read the file ({exc.strerror})", path=label) from exc
    except ValueError as exc:  # a NUL byte in the name
        raise ScenarioError(f"cannot be used as a file name ({exc})", path=repr(label)[1:-1],
                            hint="give the path to a .yaml file") from exc
    if path.is_dir():
        raise ScenarioError(
            "is a directory, not a scenario file", path=label, hint="name a .yaml file inside it"
        )
    if not path.is_file():
        raise ScenarioError("is not a regular file", path=label, hint="name a .yaml file")
    if info.st_size > MAX_BYTES:
        raise ScenarioError(
            f"is {_size(info.st_size)}; {_limit_text()}", path=label,
            hint="a scenario is a few dozen KB of YAML; check that this is the right file")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ScenarioError(f"cannot read the file ({exc.strerror})", path=label) from exc
    return decode(data, label)


def decode(data: bytes, label: str) -> str:
    """Decode UTF-8 (a BOM is allowed); binary data and other encodings get a clear error."""
    if len(data) > MAX_BYTES:
        raise ScenarioError(f"is more than {_size(MAX_BYTES)}; {_limit_text()}", path=label)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ScenarioError("looks like binary data (it contains NUL bytes), not YAML text",
                            path=label, line=line, hint="save the scenario as UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ScenarioError(f"is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be decoded)",
                            path=label, line=line, hint="save the scenario as UTF-8") from None


def parse(text: str, label: str) -> YamlDocument:
    """Parse one YAML document into its node tree and data, with every guard applied."""
    if len(text) > MAX_BYTES:
        raise ScenarioError(f"is more than {_size(MAX_BYTES)}; {_limit_text()}", path=label)
    try:
        _check_shape(text, label)
        loader = ScenarioLoader(text)
        try:
            root = loader.get_single_node()
            if root is not None:  # before construction, which folds merge keys into mappings
                _check_duplicate_keys(root, label)
            data = None if root is None else loader.construct_document(root)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        if "nesting depth" in str(exc):  # PyYAML 6.0.4 and later have a nesting limit of their own
            raise ScenarioError(f"is nested more than {MAX_DEPTH} levels deep", path=label,
                                hint="flatten the structure") from None
        raise _syntax_error(exc, text, label) from exc
    except RecursionError:
        raise ScenarioError(f"is nested more than {MAX_DEPTH} levels deep", path=label) from None
    return YamlDocument(root, data)


def _check_shape(text: str, label: str) -> None:
    """One streaming pass over the parser's events: depth, alias expansion and self-reference."""
    sizes: dict[str, int] = {}
    open_anchors: list[str | None] = []
    counts: list[int] = []
    expanded = 0
    for event in yaml.parse(text, Loader=ScenarioLoader):
        if isinstance(event, events.CollectionStartEvent):
            if len(counts) >= MAX_DEPTH:
                raise ScenarioError(f"is nested more than {MAX_DEPTH} levels deep", path=label,
                                    line=_line(event), hint="flatten the structure")
            open_anchors.append(event.anchor)
            counts.append(1)
            expanded += 1
            continue
        if isinstance(event, events.CollectionEndEvent):
            anchor, grow = open_anchors.pop(), counts.pop()
            if anchor:
                sizes[anchor] = grow
        elif isinstance(event, events.ScalarEvent):
            grow = 1
            expanded += 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, events.AliasEvent):
            grow = _alias_size(event, sizes, open_anchors, label)
            expanded += grow
        else:
            continue
        if counts:
            counts[-1] += grow
        if expanded > MAX_NODES:
            raise ScenarioError(
                f"anchors and aliases expand to more than {MAX_NODES:,} values", path=label,
                line=_line(event), hint="write the values out, or use far fewer aliases")


def _alias_size(event: events.AliasEvent, sizes: dict[str, int], open_anchors: list[str | None],
                label: str) -> int:
    if event.anchor in open_anchors:
        raise ScenarioError(f"the alias '*{event.anchor}' refers to a value that contains it",
                            path=label, line=_line(event), hint="remove the recursive alias")
    if event.anchor not in sizes:
        raise ScenarioError(f"the alias '*{event.anchor}' names no anchor defined before it",
                            path=label, line=_line(event),
                            hint=f"define '&{event.anchor}' earlier, or write the value out")
    return sizes[event.anchor]


def _check_duplicate_keys(root: nodes.Node, label: str) -> None:
    """YAML keeps the last of two equal keys silently; a scenario author meant something else."""
    seen: set[int] = set()
    stack: list[tuple[nodes.Node, str]] = [(root, "")]
    while stack:
        node, where = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, nodes.SequenceNode):
            stack.extend((child, f"{where}[{i}]") for i, child in enumerate(node.value))
        elif isinstance(node, nodes.MappingNode):
            first_line: dict[str, int] = {}
            for key, value in node.value:
                name = key.value if isinstance(key, nodes.ScalarNode) else None
                if name is not None and name != "<<":
                    if name in first_line:
                        raise ScenarioError(
                            f"the key '{name}' appears twice in one mapping "
                            f"(first at line {first_line[name]})",
                            path=label, line=key.start_mark.line + 1,
                            field=join_field(where, name),
                            hint="keep one of them")
                    first_line[name] = key.start_mark.line + 1
                stack.append((value, join_field(where, name if name is not None else "?")))


def join_field(prefix: str, part: str | int) -> str:
    """Extend a field path: ``a[2]`` and ``b`` make ``a[2].b``."""
    if isinstance(part, int):
        return f"{prefix}[{part}]"
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_\-]*", part):
        part_text = part.replace('"', '\\"')
        return f'{prefix}["{part_text}"]'
    return f"{prefix}.{part}" if prefix else part


def _syntax_error(exc: yaml.YAMLError, text: str, label: str) -> ScenarioError:
    if isinstance(exc, yaml.reader.ReaderError):
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        return ScenarioError(f"contains a character YAML does not allow (#x{exc.character:04x})",
                             path=label, line=line, hint="remove control characters from the text")
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        problem = one_line(exc.problem or "invalid YAML")
        context = f" ({one_line(exc.context)})" if exc.context else ""
        start = exc.context_mark
        if context and start is not None and mark is not None and start.line != mark.line:
            context = f" ({one_line(exc.context or '')} that starts at line {start.line + 1})"
        hint = _SYNTAX_HINT
        if isinstance(exc, yaml.constructor.ConstructorError):
            hint = "remove the '!' tag: scenario files hold plain text, numbers, lists and mappings"
        if "another document" in (exc.problem or ""):
            hint = "a scenario file holds one YAML document; remove the extra '---'"
        return ScenarioError(f"invalid YAML: {problem}{context}", path=label,
                             line=mark.line + 1 if mark else None, hint=hint)
    return ScenarioError(f"invalid YAML: {one_line(str(exc))}", path=label, hint=_SYNTAX_HINT)


def one_line(text: str, limit: int = 160) -> str:
    """Collapse whitespace (newlines included) and cut long text, for one-line messages."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _line(event: events.Event) -> int | None:
    mark = getattr(event, "start_mark", None)
    return mark.line + 1 if mark is not None else None


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


def _limit_text() -> str:
    return f"scenario files are limited to {MAX_BYTES // (1024 * 1024)} MB"


def _missing_hint() -> str:
    return f"check the path, or name a bundled scenario: {', '.join(bundled_names())}"
