"""Turning pydantic validation errors into one clear :class:`ScenarioError`.

Pydantic reports where a value failed as a ``loc`` path (``('delegations', 2, 'relations',
'Chnia')``). This module walks that path through the YAML node tree to find the line, writes
the path as a field (``delegations[2].relations.Chnia``), rewrites the message for a person
who edits YAML by hand, and adds the fix: the allowed fields, the valid options, the range.
"""

from __future__ import annotations

import math
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from yaml import nodes

from summitry.errors import ScenarioError, did_you_mean
from summitry.phase import PHASE_NAMES
from summitry.scenario.model import Scenario
from summitry.scenario.yaml_source import join_field, one_line

Loc = tuple[str | int, ...]


def diagnose(exc: ValidationError, root: nodes.Node | None, label: str) -> ScenarioError:
    """The first problem in file order, as one ScenarioError (with a count of the others)."""
    found = sorted(
        (_one(error, root) for error in exc.errors()),
        key=lambda p: (p.line if p.line is not None else math.inf, p.rank),
    )
    first, more = found[0], len(found) - 1
    message = first.message
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''})"
    return ScenarioError(message, path=label, line=first.line, field=first.field, hint=first.hint)


@dataclass(frozen=True)
class _Problem:
    line: int | None
    rank: int
    message: str
    hint: str | None
    field: str | None


def _one(error: Any, root: nodes.Node | None) -> _Problem:
    loc = _extend(tuple(error["loc"]), error)
    message, hint, lookup = _explain(error, loc)
    rank = {"extra_forbidden": 0, "missing": 2}.get(error["type"], 1)
    return _Problem(line_of(root, lookup), rank, message, hint, field_path(loc) or None)


def _extend(loc: Loc, error: Any) -> Loc:
    """A model validator's error sits at the model; its LocatedValueError says where inside."""
    inner = (error.get("ctx") or {}).get("error")
    return loc + tuple(getattr(inner, "loc", ()))


def _explain(error: Any, loc: Loc) -> tuple[str, str | None, Loc]:
    """Message, fix and the loc whose YAML line to report."""
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    name = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        allowed = allowed_fields(loc[:-1])
        hint = f"allowed fields here: {', '.join(allowed)}" if allowed else "remove it"
        return f"unknown field '{name}'{_maybe(str(name), allowed)}", hint, loc + ("[key]",)
    if kind == "missing":
        return f"missing required field '{name}'", f"add '{name}:' here", loc
    if kind == "union_tag_invalid":
        tag = str(ctx.get("tag", ""))
        return (f"unknown phase '{one_line(tag, 40)}'{_maybe(tag, PHASE_NAMES)}",
                f"use one of: {', '.join(PHASE_NAMES)}", loc + ("phase",))
    if kind == "union_tag_not_found":
        return ("agenda item has no 'phase'",
                f"start it with 'phase:' and one of: {', '.join(PHASE_NAMES)}", loc)
    if kind == "value_error":
        return _split(str(ctx.get("error", error["msg"]))) + (loc,)
    return _explain_value(kind, value, ctx, loc, error["msg"]) + (loc,)


def _explain_value(kind: str, value: Any, ctx: dict[str, Any], loc: Loc,
                   msg: str) -> tuple[str, str | None]:
    got = describe(value)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        allowed = allowed_fields(loc)
        return (f"should be a mapping of 'key: value' lines, not {got}",
                f"fields here: {', '.join(allowed)}" if allowed else None)
    if kind == "list_type":
        return (f"should be a list, not {got}",
                "write one item per line, each starting with '- ', or [a, b] on one line")
    if kind == "string_type":
        return f"should be text, not {got}", "write it as a single text value; quote it if needed"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"should be a whole number, not {got}", "write a number such as 3, without quotes"
    if kind in ("float_type", "float_parsing", "finite_number"):
        return f"should be a number, not {got}", _range_hint(loc) or "write a number such as 0.5"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{got} is out of range", _range_hint(loc) or _bounds(kind, ctx)
    if kind == "string_too_short":
        return "must not be empty", "write some text, or remove the field if it is optional"
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return (f"needs at least {least} item{'s' if least != 1 else ''}, "
                f"has {ctx.get('actual_length', 0)}", "add the missing items")
    if kind == "too_long":
        most = ctx.get("max_length")
        return f"has {ctx.get('actual_length')} items, at most {most} allowed", "remove some"
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters", "shorten it"
    if kind == "invalid_key":
        return f"keys must be text, not {got}", "quote the key, or remove it"
    if kind == "string_pattern_mismatch":
        return (f"{got} is not a valid id",
                "use only letters, digits, '-' and '_', e.g. 'cbm' or 'allied'")
    return f"{one_line(msg, 120)} (got {got})", "see 'summitry scenarios schema' for the format"


def _maybe(value: str, choices: Iterable[str]) -> str:
    """'. Did you mean 'x'?' when a choice is close, else nothing."""
    close = did_you_mean(value, choices)
    return f".{close}" if close else ""


def _split(text: str) -> tuple[str, str | None]:
    """Model messages read 'what was wrong; how to fix it'."""
    text = one_line(text.removeprefix("Value error, "), 400)
    head, sep, tail = text.rpartition("; ")
    return (head, tail) if sep else (text, None)


def _range_hint(loc: Loc) -> str | None:
    if len(loc) >= 2 and loc[-2] == "relations":
        return "relations run from -1 (rivals) to +1 (allies)"
    return None


def _bounds(kind: str, ctx: dict[str, Any]) -> str:
    words = {"greater_than_equal": ("ge", "at least"), "less_than_equal": ("le", "at most"),
             "greater_than": ("gt", "more than"), "less_than": ("lt", "less than")}
    key, text = words[kind]
    return f"it must be {text} {ctx.get(key)}"


def describe(value: Any) -> str:
    """A short, one-line account of a value the author wrote."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {one_line(value, 40)!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a value of type {type(value).__name__}"


def field_path(loc: Loc) -> str:
    """``('agenda', 3, 'probe', 'target')`` → ``agenda[3].target`` (the union tag left out)."""
    path = ""
    for k, part in enumerate(loc):
        if part == "[key]" or _is_tag(loc, k):
            continue
        path = join_field(path, part)
    return path


def _is_tag(loc: Loc, k: int) -> bool:
    return k == 2 and loc[0] == "agenda" and isinstance(loc[1], int) and loc[k] in PHASE_NAMES


def line_of(root: nodes.Node | None, loc: Loc) -> int | None:
    """The 1-based line of the deepest YAML node that ``loc`` reaches."""
    if root is None:
        return None
    node, key = root, None
    for k, part in enumerate(loc):
        if part == "[key]":
            node = key or node
            break
        if _is_tag(loc, k):
            continue
        step = _step(node, part)
        if step is None:
            break
        key, node = step
    return node.start_mark.line + 1


def _step(node: nodes.Node, part: str | int) -> tuple[nodes.Node | None, nodes.Node] | None:
    if isinstance(node, nodes.SequenceNode) and isinstance(part, int):
        return (None, node.value[part]) if 0 <= part < len(node.value) else None
    if isinstance(node, nodes.MappingNode):
        for key, value in reversed(node.value):
            if isinstance(key, nodes.ScalarNode) and key.value == str(part):
                return key, value
        for key, value in node.value:
            if isinstance(key, nodes.ScalarNode) and key.value == "<<":
                merged = value.value if isinstance(value, nodes.SequenceNode) else [value]
                for source in merged:
                    found = _step(source, part)
                    if found is not None:
                        return found
    return None


def allowed_fields(loc: Loc) -> list[str]:
    """The fields of the model found at ``loc`` (empty when ``loc`` does not reach a model)."""
    tp: Any = Scenario
    for k, part in enumerate(loc):
        tp = _unwrap(tp, loc[k] if _is_tag(loc, k) else None)
        if _is_tag(loc, k):
            continue
        if isinstance(tp, type) and issubclass(tp, BaseModel) and part in tp.model_fields:
            tp = tp.model_fields[str(part)].annotation
        elif typing.get_origin(tp) is list and isinstance(part, int):
            tp = typing.get_args(tp)[0]
        elif typing.get_origin(tp) is dict:
            tp = typing.get_args(tp)[1]
        else:
            return []
    tp = _unwrap(tp, None)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return list(tp.model_fields)
    return []


def _unwrap(tp: Any, tag: str | int | None) -> Any:
    """Strip Annotated and Optional; pick the agenda item class whose phase is ``tag``."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(tp) if a is not type(None)]
            chosen = [m for m in members if tag is not None and _phase_of(m) == tag]
            if chosen or len(members) == 1:
                tp = (chosen or members)[0]
            else:
                return tp
        else:
            return tp


def _phase_of(tp: Any) -> str | None:
    if isinstance(tp, type) and issubclass(tp, BaseModel) and "phase" in tp.model_fields:
        args = typing.get_args(tp.model_fields["phase"].annotation)
        return args[0] if args else None
    return None
