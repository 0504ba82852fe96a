"""The registry: built-in names, entry points, lazy loading, clear errors."""

from __future__ import annotations

from importlib.metadata import EntryPoint

import pytest

from summitry.backends import registry
from summitry.backends.registry import (
    backend_names,
    get_backend,
    load_backend,
    register_backend,
    unregister_backend,
)
from summitry.errors import BackendError, MissingDependencyError, UnknownBackendError
from summitry.testing import ScriptedModel


@pytest.fixture
def scripted():
    """The shipped fake, registered the way a user's test would register it."""
    register_backend("scripted", ScriptedModel)
    yield
    unregister_backend("scripted")


def test_builtin_names_are_listed_and_the_fake_is_not_one() -> None:
    assert {"local", "openai"} <= set(backend_names())
    assert "scripted" not in backend_names()
    with pytest.raises(UnknownBackendError):
        get_backend("scripted")


def test_the_fake_registers_through_the_real_path(scripted) -> None:
    assert "scripted" in backend_names()


def test_get_backend_builds_with_options(scripted) -> None:
    model = get_backend("scripted", responses=["hello"], name="fake")
    assert isinstance(model, ScriptedModel) and model.name == "fake"


def test_unknown_name_suggests_the_closest() -> None:
    with pytest.raises(UnknownBackendError, match="unknown backend 'opnai'. Did you mean 'openai'"):
        get_backend("opnai")
    with pytest.raises(UnknownBackendError, match="known backends: .*local"):
        get_backend("zzzz")


def test_unknown_option_is_refused_with_the_valid_ones(scripted) -> None:
    with pytest.raises(BackendError, match="no option 'respones'. Did you mean 'responses'"):
        get_backend("scripted", respones=["x"])


def test_third_party_entry_point_is_found_and_loaded(monkeypatch) -> None:
    point = EntryPoint(name="thirdparty", value="summitry.testing.scripted:ScriptedModel",
                       group=registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(registry, "entry_points", lambda group: [point])
    assert "thirdparty" in backend_names()
    assert isinstance(get_backend("thirdparty", default="x"), ScriptedModel)


def test_broken_entry_point_says_what_is_missing(monkeypatch) -> None:
    point = EntryPoint(name="broken", value="no_such_module_anywhere:Model",
                       group=registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(registry, "entry_points", lambda group: [point])
    with pytest.raises(MissingDependencyError, match="broken"):
        load_backend("broken")


def test_registered_targets_load_lazily() -> None:
    register_backend("lazy-missing", "summitry_no_such_module:Model")
    register_backend("factory", lambda **kw: ScriptedModel(name="made", **kw))
    try:
        assert {"lazy-missing", "factory"} <= set(backend_names())
        with pytest.raises(MissingDependencyError, match="summitry_no_such_module"):
            get_backend("lazy-missing")
        assert get_backend("factory").name == "made"
    finally:
        unregister_backend("lazy-missing")
        unregister_backend("factory")
    assert "factory" not in backend_names()


def test_target_naming_a_missing_attribute_is_a_clear_error() -> None:
    register_backend("wrong-attr", "summitry.testing.scripted:NoSuchModel")
    try:
        with pytest.raises(BackendError, match="has no 'NoSuchModel'"):
            get_backend("wrong-attr")
    finally:
        unregister_backend("wrong-attr")
