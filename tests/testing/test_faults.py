"""The fault-injecting server, spoken to with a plain HTTP client."""

from __future__ import annotations

import json
import time

import httpx
import pytest

from summitry.testing import Fault, FaultServer, ScriptedModel


def post(server: FaultServer, path: str, body: dict, **options) -> httpx.Response:
    return httpx.post(server.url + path, json={"model": server.model, **body}, timeout=5,
                      **options)


def test_lists_its_model_and_answers_from_its_responder() -> None:
    with FaultServer(ScriptedModel(["Hello, Dr. Chen."]), model="tiny") as server:
        models = httpx.get(server.url + "/models").json()
        assert [m["id"] for m in models["data"]] == ["tiny"]
        answer = post(server, "/completions", {"prompt": "x", "max_tokens": 5}).json()
        assert answer["choices"][0]["text"] == "Hello, Dr. Chen."
        assert answer["usage"]["completion_tokens"] == 3
        assert server.completion_requests[0].body["prompt"] == "x"


def test_echoes_by_default_and_speaks_chat() -> None:
    with FaultServer() as server:
        answer = post(server, "/chat/completions",
                      {"messages": [{"role": "user", "content": "Ping"}]}).json()
        assert answer["choices"][0]["message"] == {"role": "assistant",
                                                   "content": "Echo: user: Ping"}


def test_streams_server_sent_events_ending_in_done() -> None:
    with FaultServer(ScriptedModel(["a b c"])) as server:
        body = post(server, "/completions", {"prompt": "x", "stream": True}).text
    events = [line[len("data: "):] for line in body.splitlines() if line.startswith("data: ")]
    assert events[-1] == "[DONE]"
    chunks = [json.loads(e) for e in events[:-1]]
    assert "".join(c["choices"][0]["text"] for c in chunks) == "a b c"
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"


def test_faults_are_served_in_order_then_normal_answers() -> None:
    with FaultServer(faults=[Fault.rate_limit(4), Fault.error(503)]) as server:
        server.enqueue(Fault.unauthorized(), Fault.ok("fixed"))
        first = post(server, "/completions", {"prompt": "x"})
        assert (first.status_code, first.headers["Retry-After"]) == (429, "4")
        assert post(server, "/completions", {"prompt": "x"}).status_code == 503
        assert post(server, "/completions", {"prompt": "x"}).status_code == 401
        fixed = post(server, "/completions", {"prompt": "x"}).json()
        assert fixed["choices"][0]["text"] == "fixed"
        assert post(server, "/completions", {"prompt": "x"}).status_code == 200
        assert server.pending == 0


def test_garbage_cut_and_disconnect() -> None:
    faults = [Fault.garbage(), Fault.cut_stream(1), Fault.disconnect()]
    with FaultServer(ScriptedModel(default="one two three"), faults=faults) as server:
        garbage = post(server, "/completions", {"prompt": "x"})
        with pytest.raises(json.JSONDecodeError):
            garbage.json()
        cut = post(server, "/completions", {"prompt": "x", "stream": True}).text
        assert "[DONE]" not in cut and cut.count("data: ") == 1
        with pytest.raises(httpx.RemoteProtocolError):
            post(server, "/completions", {"prompt": "x"})


def test_unknown_model_route_and_bad_body() -> None:
    with FaultServer() as server:
        assert httpx.post(server.url + "/completions", json={"model": "other", "prompt": "x"}
                          ).status_code == 404
        assert post(server, "/embeddings", {"input": "x"}).status_code == 404
        assert post(server, "/completions", {"n": 0, "prompt": "x"}).status_code == 400


def test_stopping_releases_a_delayed_request_quickly() -> None:
    server = FaultServer(faults=[Fault.delay(30)]).start()
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(server.url + "/completions", json={"model": server.model, "prompt": "x"},
                   timeout=0.3)
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 5
