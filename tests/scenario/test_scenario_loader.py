"""Loading scenarios: each kind of bad input gives one ScenarioError naming file, line, field."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from summitry.errors import ScenarioError
from summitry.scenario import MAX_BYTES, load_scenario, load_scenario_text
from summitry.scenario.yaml_source import parse

Writer = Callable[[str, str | bytes], Path]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def load_error(path: Path | str) -> ScenarioError:
    with pytest.raises(ScenarioError) as info:
        load_scenario(str(path))
    error = info.value
    assert "\n" not in str(error), "an error must fit on one line"
    assert str(path) in str(error)
    return error


def _agenda_indexes() -> dict[str, int]:
    """Where the cases below find their agenda items in the bundled quantum-summit."""
    agenda = load_scenario("quantum-summit").agenda
    return {
        "iran_probe": next(i for i, a in enumerate(agenda) if getattr(a, "target", "") == "Iran"),
        "reframe": next(i for i, a in enumerate(agenda) if a.phase == "reframe"),
        "naive": next(i for i, a in enumerate(agenda) if a.phase == "naive_questions"),
        "seven": next(i for i, a in enumerate(agenda) if getattr(a, "responses", 0) == 7),
    }


AT = _agenda_indexes()


def replaced(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# (case name, old text, new text, field, message fragments, needle whose line is reported)
CASES = [
    ("unknown-field", "  role: International", "  rol: International", "moderator.rol",
     ["unknown field 'rol'", "Did you mean 'role'?", "allowed fields here: name, role"],
     "  rol: International"),
    ("missing-field", "    tone: Urgently practical\n", "", "delegations[5].tone",
     ["missing required field 'tone'"], "  - name: Ukraine"),
    ("wrong-type", "    interests:\n      - territorial integrity and sovereignty\n"
     "      - international law and legitimacy\n      - protection of smaller nations\n"
     "      - credible monitoring of borders\n"
     "      - agriculture, environment and displaced people\n",
     "    interests: territorial integrity\n", "delegations[5].interests",
     ["should be a list", "'territorial integrity'"], "    interests: territorial integrity"),
    ("answer-naming-no-option", "answers: {access: cooperative, priority: confidence}",
     "answers: {access: cooperativ, priority: confidence}", "delegations[5].answers.access",
     ["'cooperativ', which is not an option", "cooperative, allied, sovereign"],
     "{access: cooperativ,"),
    ("answer-naming-no-question", "answers: {access: cooperative, priority: confidence}",
     "answers: {acess: cooperative, priority: confidence}", "delegations[5].answers.acess",
     ["'acess', which the lesson does not ask", "access, priority"], "answers: {acess"),
    ("relation-naming-no-delegation", "{United States: 0.7, China: -0.3, Russia: -0.9",
     "{United States: 0.7, Chnia: -0.3, Russia: -0.9", "delegations[5].relations.Chnia",
     ["relation with 'Chnia', which is not a delegation", "China"], "Chnia: -0.3"),
    ("relation-out-of-range", "Mexico: 0.5}", "Mexico: 1.5}", "delegations[0].relations.Mexico",
     ["1.5 is out of range", "-1 (rivals) to +1 (allies)"], "Mexico: 1.5}"),
    ("agenda-target-not-a-delegation", "    target: Iran", "    target: Iraq",
     f"agenda[{AT['iran_probe']}].target",
     ["names 'Iraq', which is not a delegation", "United States"], "    target: Iraq"),
    ("reframe-by-not-a-delegation", "    by: Mexico", "    by: Mexicoo",
     f"agenda[{AT['reframe']}].by",
     ["names 'Mexicoo'"], "    by: Mexicoo"),
    ("duplicate-delegation-name", "  - name: Mexico", "  - name: Iran", "delegations[6].name",
     ["duplicate delegation name 'Iran'"], "  - name: Iran\n    tone: Bridging"),
    ("duplicate-question-id", "    - id: priority", "    - id: access", "lesson.questions[1].id",
     ["duplicate question id 'access'"], "    - id: access\n      text: What"),
    ("duplicate-option-id", "{id: allied, text: Sharing", "{id: sovereign, text: Sharing",
     "lesson.questions[0].options[2].id", ["duplicate option id 'sovereign'"],
     "{id: sovereign, text: National"),
    ("moderator-is-a-delegation", "  name: Dr. Chen", "  name: Mexico", "moderator.name",
     ["moderator 'Mexico' is also a delegation"], "  name: Mexico\n  role"),
    ("unknown-phase", "  - phase: naive_questions", "  - phase: naive_question",
     f"agenda[{AT['naive']}]",
     ["unknown phase 'naive_question'", "Did you mean 'naive_questions'?"],
     "  - phase: naive_question"),
    ("bad-integer", "    responses: 7", "    responses: many", f"agenda[{AT['seven']}].responses",
     ["should be a whole number", "'many'"], "    responses: many"),
    ("empty-text", "    tone: Urgently practical", "    tone: ''", "delegations[5].tone",
     ["must not be empty"], "    tone: ''"),
    ("bad-identifier", "    - id: cbm", "    - id: c b m", "lesson.concepts[0].id",
     ["'c b m' is not a valid id", "letters, digits"], "    - id: c b m"),
    ("duplicate-yaml-key", "  role: International mediator and educator",
     "  role: International mediator and educator\n  role: Teacher", "moderator.role",
     ["the key 'role' appears twice"], "  role: Teacher"),
]


@pytest.mark.parametrize(("case", "old", "new", "field", "fragments", "needle"), CASES,
                         ids=[c[0] for c in CASES])
def test_invalid_scenarios_name_file_line_field_and_fix(
    write: Writer, quantum_text: str, case: str, old: str, new: str, field: str,
    fragments: list[str], needle: str,
) -> None:
    text = replaced(quantum_text, old, new)
    path = write(f"{case}.yaml", text)
    error = load_error(path)
    assert error.path == str(path)
    assert error.field == field
    assert error.line == line_of(text, needle)
    message = str(error)
    assert message.startswith(f"{path}:{error.line}: field '{field}': ")
    for fragment in fragments:
        assert fragment in message
    assert error.hint or "Did you mean" in message or "unique" in message


def test_empty_delegations(write: Writer, quantum_text: str) -> None:
    start, end = quantum_text.index("delegations:"), quantum_text.index("agenda:")
    text = quantum_text[:start] + "delegations: []\n\n" + quantum_text[end:]
    error = load_error(write("empty-delegations.yaml", text))
    assert error.field == "delegations" and error.line == line_of(text, "delegations: []")
    assert "needs at least 2 items, has 0" in str(error)


def test_yaml_syntax_error_has_its_line(write: Writer, quantum_text: str) -> None:
    text = replaced(quantum_text, "  topic: Quantum", "  topic: [Quantum")
    error = load_error(write("syntax.yaml", text))
    opened = line_of(text, "  topic: [Quantum")
    # the parser notices the unclosed bracket on the next line, and says where it opened
    assert error.line == opened + 1
    assert f"flow sequence that starts at line {opened}" in str(error)
    assert "invalid YAML" in str(error) and error.hint


@pytest.mark.parametrize(("content", "fragment"), [
    ("- title: a list\n- of things\n", "top level must be a mapping of fields, not a list"),
    ("just a sentence\n", "top level must be a mapping of fields, not a single text value"),
    ("42\n", "not a number"),
])
def test_top_level_must_be_a_mapping(write: Writer, content: str, fragment: str) -> None:
    error = load_error(write("top.yaml", content))
    assert fragment in str(error) and error.line == 1
    assert "title, premise, lesson" in str(error)


def test_a_mapping_of_nonsense_reports_the_first_problem_and_counts_the_rest(write: Writer) -> None:
    error = load_error(write("nonsense.yaml", "titel: Hello\n"))
    assert "unknown field 'titel'. Did you mean 'title'?" in str(error)
    assert "(and 6 more problems)" in str(error)


@pytest.mark.parametrize(("content", "fragment"), [
    ("", "is empty"),
    ("   \n\n", "is empty"),
    ("# only a comment\n", "only comments or blanks"),
])
def test_empty_files(write: Writer, content: str, fragment: str) -> None:
    error = load_error(write("empty.yaml", content))
    assert fragment in str(error) and "quantum-summit" in (error.hint or "")


def test_a_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        chunk = b"# padding padding padding padding padding padding padding padding\n" * 16384
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(chunk)
    started = time.perf_counter()
    error = load_error(path)
    assert time.perf_counter() - started < 1.0
    assert "MB; scenario files are limited to 5 MB" in str(error)


def test_text_over_the_size_limit_is_refused() -> None:
    with pytest.raises(ScenarioError, match="limited to 5 MB"):
        load_scenario_text("a: " + "x" * MAX_BYTES, "big.yaml")


def test_binary_data(write: Writer) -> None:
    error = load_error(write("binary.yaml", bytes(range(256)) * 64))
    assert "binary data" in str(error) and "UTF-8" in (error.hint or "")


def test_utf16_is_refused_as_binary(write: Writer, quantum_text: str) -> None:
    error = load_error(write("utf16.yaml", quantum_text.encode("utf-16")))
    assert "binary data" in str(error)


def test_non_utf8_text_names_the_line(write: Writer, quantum_text: str) -> None:
    data = quantum_text.encode().replace(b"  name: Dr. Chen", "  name: Dr. Chén".encode("latin-1"))
    error = load_error(write("latin1.yaml", data))
    assert "not UTF-8" in str(error) and "0xe9" in str(error)
    assert error.line == line_of(quantum_text, "  name: Dr. Chen")


def test_a_byte_order_mark_is_accepted(write: Writer, quantum_text: str) -> None:
    path = write("bom.yaml", b"\xef\xbb\xbf" + quantum_text.encode())
    assert load_scenario(str(path)).moderator.name == "Dr. Chen"


def test_control_characters(write: Writer, quantum_text: str) -> None:
    text = replaced(quantum_text, "  name: Dr. Chen", "  name: Dr.\x07Chen")
    error = load_error(write("ctrl.yaml", text))
    assert "#x0007" in str(error) and error.line == line_of(text, "  name: Dr.")


def test_a_directory(tmp_path: Path) -> None:
    error = load_error(tmp_path)
    assert "is a directory" in str(error)


def test_a_missing_file(tmp_path: Path) -> None:
    error = load_error(tmp_path / "nowhere.yaml")
    assert "no such file" in str(error) and "quantum-summit" in (error.hint or "")


@pytest.mark.parametrize("name", ["x" * 5000, "bad\x00name.yaml"])
def test_impossible_file_names(name: str) -> None:
    with pytest.raises(ScenarioError) as info:
        load_scenario(name)
    assert "cannot be used as a file name" in str(info.value) and "\n" not in str(info.value)


def test_an_unknown_bundled_name_suggests_the_closest() -> None:
    error = load_error("quantum-sumit")
    assert "Did you mean 'quantum-summit'?" in str(error)
    for name in ("quantum-summit", "nile-basin", "arctic-council"):
        assert name in (error.hint or "")


def test_a_billion_laughs_is_refused_quickly(write: Writer) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    text = "\n".join(lines) + "\n"
    started = time.perf_counter()
    error = load_error(write("bomb.yaml", text))
    assert time.perf_counter() - started < 1.0
    assert "anchors and aliases expand to more than" in str(error)
    assert error.line is not None and error.line <= len(lines)


def test_a_recursive_alias(write: Writer) -> None:
    error = load_error(write("recursive.yaml", "title: &t [1, *t]\n"))
    assert "refers to a value that contains it" in str(error) and error.line == 1


def test_an_undefined_alias(write: Writer) -> None:
    error = load_error(write("undefined.yaml", "title: x\npremise: *nothing\n"))
    assert "'*nothing' names no anchor" in str(error) and error.line == 2


@pytest.mark.parametrize("content", [
    "a: " + "[" * 5000 + "]" * 5000 + "\n",
    "- " * 3000 + "x\n",
    "a:\n" + "".join("  " * i + "b:\n" for i in range(1, 200)),
])
def test_deep_nesting_is_refused(write: Writer, content: str) -> None:
    error = load_error(write("deep.yaml", content))
    assert "nested more than" in str(error)


def test_two_documents(write: Writer, quantum_text: str) -> None:
    error = load_error(write("two.yaml", quantum_text + "---\ntitle: again\n"))
    assert "another document" in str(error) and "one YAML document" in (error.hint or "")


def test_python_tags_are_not_executed(write: Writer, quantum_text: str, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = replaced(quantum_text, "  topic: Quantum computing and its governance",
                    f"  topic: !!python/object/apply:os.system ['touch {marker}']")
    error = load_error(write("tag.yaml", text))
    assert not marker.exists()
    assert "tag" in str(error) and error.line == line_of(text, "  topic: !!python")


def test_markup_like_keys_are_reported_verbatim(write: Writer, quantum_text: str) -> None:
    text = replaced(quantum_text, "    tone: Urgently practical",
                    "    tone: Urgently practical\n    '[/bold] :smile:': x")
    error = load_error(write("markup.yaml", text))
    assert "unknown field '[/bold] :smile:'" in str(error)
    assert error.field == 'delegations[5]["[/bold] :smile:"]'


def test_load_scenario_text_uses_the_label(quantum_text: str) -> None:
    assert load_scenario_text(quantum_text, "inline").title.startswith("International Quantum")
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(replaced(quantum_text, "    by: Mexico", "    by: Atlantis"), "inline")
    assert str(info.value).startswith("inline:")
    with pytest.raises(ScenarioError) as info:
        load_scenario_text("title: [")
    assert str(info.value).startswith("<scenario>:")


def test_yaml_12_scalars_keep_norway_and_dates_as_text() -> None:
    data = parse("a: NO\nb: yes\nc: 2024-01-01\nd: true\ne: 1.5\nf: ~\ng: =\n", "x").data
    assert data == {"a": "NO", "b": "yes", "c": "2024-01-01", "d": True, "e": 1.5, "f": None,
                    "g": "="}


def test_anchors_aliases_and_merge_keys_still_work(write: Writer, quantum_text: str) -> None:
    text = replaced(quantum_text, "answers: {access: cooperative, priority: safeguards}",
                    "answers: &us_answers {access: cooperative, priority: safeguards}")
    text = replaced(text, "answers: {access: sovereign, priority: safeguards}",
                    "answers: *us_answers")
    text = replaced(text, "        - id: us-verification\n          on: verification",
                    "        - &first\n          id: us-verification\n          on: verification")
    text = replaced(text, "        - id: us-allied-sharing",
                    "        - <<: *first\n          id: us-merged\n          claim: A merged point.\n"
                    "        - id: us-allied-sharing")
    scenario = load_scenario(write("anchors.yaml", text))
    assert scenario.delegation("Russia").answers == scenario.delegation("United States").answers
    merged = scenario.units()["us-merged"]
    assert (merged.on, merged.claim, merged.support) == (
        "verification", "A merged point.", scenario.units()["us-verification"].support)


def test_a_valid_file_loads(write: Writer, quantum_text: str) -> None:
    scenario = load_scenario(write("copy.yaml", quantum_text))
    assert [d.name for d in scenario.delegations][:2] == ["United States", "China"]
