"""Property: any malformed scenario makes `summitry scenarios validate` fail with one clear line.

Each example mutates a valid bundled scenario (a missing required field, an unknown field, a
wrong type, a bad option, relation or agenda target, a duplicate name, a value out of range,
an unknown phase, too few delegations) or breaks the file itself (random bytes, truncated or
syntactically broken YAML, another encoding). The CLI, called in-process through the real
entry point function, must exit non-zero and print exactly one line naming the file, with no
traceback; where the YAML is well formed, that line also names the field and its line.
"""

from __future__ import annotations

import atexit
import contextlib
import copy
import io
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitry.cli import main
from summitry.scenario import PHASE_NAMES, bundled_scenarios
from summitry.scenario.yaml_source import ScenarioLoader

Data = dict[str, Any]
Draw = Callable[..., Any]

BASES: dict[str, Data] = {
    b.name: yaml.load(b.path.read_text(encoding="utf-8"), Loader=ScenarioLoader) for b in bundled_scenarios()
}
REQUIRED = {
    "": ["title", "premise", "lesson", "moderator", "delegations", "agenda"],
    "lesson": ["topic", "summary", "questions"],
    "concept": ["id", "name", "summary"],
    "question": ["id", "text", "options"],
    "option": ["id", "text"],
    "fact": ["claim", "correction"],
    "moderator": ["name"],
    "delegation": ["name", "tone", "summary", "interests", "position"],
    "reasons": ["question", "text"],
    "arguments": ["on", "claim"],
    "rebuttals": ["against", "text"],
    "concessions": ["on", "text"],
    "probe": ["phase", "target", "question"],
    "edge_case": ["phase", "scenario"],
    "reframe": ["phase", "by"],
    "synthesis": ["phase", "question"],
}
WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
                max_size=24)
_dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_dumper, sort_keys=False, allow_unicode=True,
                     width=1_000_000)


BASE_TEXTS = {name: dump(data) for name, data in BASES.items()}


def names_of(data: Data) -> list[str]:
    return [d["name"] for d in data["delegations"]]


# --- mutations of the data (the YAML stays well formed) ---------------------------------------


def delete_required(data: Data, draw: Draw) -> None:
    places: list[tuple[dict[str, Any], str]] = [(data, k) for k in REQUIRED[""]]
    lesson = data["lesson"]
    places += [(lesson, k) for k in REQUIRED["lesson"]]
    places += [(c, k) for c in lesson["concepts"] for k in REQUIRED["concept"]]
    places += [(q, k) for q in lesson["questions"] for k in REQUIRED["question"]]
    options = [o for q in lesson["questions"] for o in q["options"]]
    places += [(o, k) for o in options for k in REQUIRED["option"]]
    places += [(f, k) for f in lesson["facts"] for k in REQUIRED["fact"]]
    places += [(data["moderator"], "name")]
    for d in data["delegations"]:
        places += [(d, k) for k in REQUIRED["delegation"]]
        for kind in ("reasons", "arguments", "rebuttals", "concessions"):
            places += [(u, k) for u in d["position"][kind] for k in REQUIRED[kind]]
    for item in data["agenda"]:
        places += [(item, k) for k in REQUIRED.get(item["phase"], ["phase"])]
    mapping, key = draw(st.sampled_from(places))
    del mapping[key]


def all_mappings(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found += all_mappings(value)
    elif isinstance(node, list):
        for value in node:
            found += all_mappings(value)
    return found


def add_unknown_field(data: Data, draw: Draw) -> None:
    mapping = draw(st.sampled_from(all_mappings(data)))
    key = draw(WORDS.filter(lambda k: k not in mapping))
    mapping[key] = {"unexpected": True}


def parent_slots(node: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) pair in the tree."""
    slots: list[tuple[Any, Any]] = []
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        slots.append((node, key))
        if isinstance(value, dict | list):
            slots += parent_slots(value)
    return slots


def wrong_type(data: Data, draw: Draw) -> None:
    container, key = draw(st.sampled_from(parent_slots(data)))
    value = container[key]
    if isinstance(value, list):
        container[key] = draw(WORDS)
    elif isinstance(value, dict):
        container[key] = [draw(WORDS), draw(WORDS)]
    else:
        container[key] = {"nested": [value]} if draw(st.booleans()) else [value, value]


def bad_option(data: Data, draw: Draw) -> None:
    delegation = draw(st.sampled_from(data["delegations"]))
    question = draw(st.sampled_from(data["lesson"]["questions"]))
    options = {o["id"] for o in question["options"]}
    delegation.setdefault("answers", {})[question["id"]] = draw(WORDS.filter(
        lambda w: w not in options))


def bad_relation(data: Data, draw: Draw) -> None:
    delegation = draw(st.sampled_from(data["delegations"]))
    names = names_of(data)
    other = draw(WORDS.filter(lambda w: w not in names or w == delegation["name"]))
    delegation.setdefault("relations", {})[other] = draw(st.floats(-1, 1))


def bad_target(data: Data, draw: Draw) -> None:
    names = names_of(data)
    items = [i for i in data["agenda"] if "target" in i or "by" in i]
    item = draw(st.sampled_from(items))
    field = "target" if "target" in item else "by"
    item[field] = draw(WORDS.filter(lambda w: w.strip() not in names))


def duplicate(data: Data, draw: Draw) -> None:
    lesson, delegations = data["lesson"], data["delegations"]
    kind = draw(st.sampled_from(["delegation", "question", "option", "concept", "moderator"]))
    if kind == "delegation":
        i, j = draw(st.lists(st.integers(0, len(delegations) - 1), min_size=2, max_size=2,
                             unique=True))
        delegations[j]["name"] = delegations[i]["name"]
    elif kind == "question":
        lesson["questions"][1]["id"] = lesson["questions"][0]["id"]
    elif kind == "option":
        options = draw(st.sampled_from(lesson["questions"]))["options"]
        options[-1]["id"] = options[0]["id"]
    elif kind == "concept":
        lesson["concepts"][-1]["id"] = lesson["concepts"][0]["id"]
    else:
        data["moderator"]["name"] = draw(st.sampled_from(names_of(data)))


def out_of_range(data: Data, draw: Draw) -> None:
    if draw(st.booleans()):
        delegation = draw(st.sampled_from(data["delegations"]))
        other = draw(st.sampled_from(sorted(delegation["relations"])))
        size = draw(st.floats(1.01, 1e6))
        delegation["relations"][other] = size if draw(st.booleans()) else -size
    else:
        items = [i for i in data["agenda"] if "responses" in i or "turns" in i]
        item = draw(st.sampled_from(items))
        field = "responses" if "responses" in item else "turns"
        item[field] = draw(st.integers(-1000, -1) | st.integers(1000, 10**6))


def unknown_phase(data: Data, draw: Draw) -> None:
    item = draw(st.sampled_from(data["agenda"]))
    item["phase"] = draw(WORDS.filter(lambda w: w not in PHASE_NAMES))


def too_few_delegations(data: Data, draw: Draw) -> None:
    keep = draw(st.integers(0, 1))
    data["delegations"] = data["delegations"][:keep]


STRUCTURAL = [delete_required, add_unknown_field, wrong_type, bad_option, bad_relation,
              bad_target, duplicate, out_of_range, unknown_phase, too_few_delegations]


# --- mutations of the file (the YAML or the bytes are broken) ---------------------------------


def random_bytes(text: str, draw: Draw) -> bytes:
    return draw(st.binary(max_size=4096))


def truncated(text: str, draw: Draw) -> bytes:
    end = text.index("\nagenda:")  # cutting before the agenda always leaves it missing
    return text[: draw(st.integers(0, end))].encode()


def broken_syntax(text: str, draw: Draw) -> bytes:
    lines = text.split("\n")
    at = draw(st.integers(0, len(lines)))
    lines.insert(at, draw(st.sampled_from(["]]]", "{{[", "\t]", "  - ]: [", "*undefined"])))
    return "\n".join(lines).encode()


def bad_encoding(text: str, draw: Draw) -> bytes:
    data = text.encode()
    if draw(st.booleans()):
        return text.encode(draw(st.sampled_from(["utf-16", "utf-32"])))
    at = draw(st.integers(0, len(data)))
    return data[:at] + draw(st.sampled_from([b"\xff", b"\xc3\x28", b"\x80abc", b"\xed\xa0\x80"])) \
        + data[at:]


def not_a_mapping(text: str, draw: Draw) -> bytes:
    return dump(draw(st.sampled_from([["a", "b"], "just words", 42, [{"title": "x"}]]))).encode()


BROKEN = [random_bytes, truncated, broken_syntax, bad_encoding, not_a_mapping]

WORKDIR = Path(tempfile.mkdtemp(prefix="summitry-malformed-"))
atexit.register(shutil.rmtree, WORKDIR, ignore_errors=True)


def validate(path: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["summitry", "scenarios", "validate", str(path)]
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.argv = argv
    return code, out.getvalue(), err.getvalue()


@pytest.mark.slow
@settings(max_examples=1000, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data(), base=st.sampled_from(sorted(BASES)))
def test_malformed_scenarios_fail_with_one_clear_line(data: st.DataObject, base: str) -> None:
    structural = data.draw(st.booleans(), label="structural")
    if structural:
        scenario = copy.deepcopy(BASES[base])
        mutate = data.draw(st.sampled_from(STRUCTURAL), label="mutation")
        mutate(scenario, data.draw)
        content = dump(scenario).encode()
    else:
        breaker = data.draw(st.sampled_from(BROKEN), label="breakage")
        content = breaker(BASE_TEXTS[base], data.draw)
    path = WORKDIR / f"{base}-malformed.yaml"
    path.write_bytes(content)

    code, out, err = validate(path)

    assert code != 0, "a malformed scenario must not validate"
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"error: {path}"), lines[0]
    if structural:  # well-formed YAML: the message names the line and the field
        assert re.match(rf"error: {re.escape(str(path))}:\d+: field '.+': \S", lines[0]), lines[0]
