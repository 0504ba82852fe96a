"""The OpenAI-compatible client against the fault-injecting server: answers and every failure."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest

from summitry.backends import CompletionRequest, RetryingModel, ScoreRequest
from summitry.backends.openai import OpenAICompatibleModel, normalize_base_url
from summitry.errors import (
    AuthenticationError,
    BackendError,
    BackendTimeoutError,
    BackendUnavailableError,
    EmptyResponseError,
    ModelNotFoundError,
    RateLimitError,
    ServerError,
)
from summitry.testing import Fault, FaultServer, ScriptedModel

PROMPT = CompletionRequest(prompt="The delegation of Mexico said", max_tokens=20)
CHAT = CompletionRequest(messages=[{"role": "system", "content": "You are Mexico."},
                                   {"role": "user", "content": "Speak."}])


@pytest.fixture
def server():
    with FaultServer(ScriptedModel(default="We support shared challenges.")) as running:
        yield running


def client(server: FaultServer, **options) -> OpenAICompatibleModel:
    options.setdefault("timeout", 2)
    return OpenAICompatibleModel(base_url=server.url, model=server.model, **options)


@pytest.mark.parametrize("stream", [False, True])
def test_completion_and_chat_answers(server, stream) -> None:
    model = client(server, stream=stream)
    done = model.complete(PROMPT)
    assert done.texts == ["We support shared challenges."]
    assert done.finish_reasons == ["stop"]
    assert model.complete(CHAT).text == "We support shared challenges."
    paths = [r.path for r in server.completion_requests]
    assert paths == ["/v1/completions", "/v1/chat/completions"]
    assert server.completion_requests[1].body["messages"][0] == {
        "role": "system", "content": "You are Mexico."}
    assert all(r.body["stream"] is stream for r in server.completion_requests)


def test_usage_comes_from_the_server(server) -> None:
    done = client(server).complete(PROMPT)
    assert done.prompt_tokens == len(PROMPT.prompt.split())
    assert done.completion_tokens == 4


def test_streaming_yields_pieces_in_order(server) -> None:
    pieces = list(client(server).stream(PROMPT))
    assert len(pieces) == 4
    assert "".join(pieces) == "We support shared challenges."


def test_n_candidates_in_one_request(server) -> None:
    server.responder = ScriptedModel(["one", "two", "three"])
    done = client(server).complete(PROMPT.model_copy(update={"n": 3}))
    assert done.texts == ["one", "two", "three"]
    assert len(server.completion_requests) == 1
    assert server.completion_requests[0].body["n"] == 3


def test_n_candidates_from_a_server_that_ignores_n(server) -> None:
    server.responder = lambda request: f"seed {request.seed}"  # one answer whatever n says
    original = server.answers
    server.answers = lambda request, fault: original(request, fault)[:1]
    done = client(server).complete(PROMPT.model_copy(update={"n": 3, "seed": 10}))
    assert done.texts == ["seed 10", "seed 11", "seed 12"]
    assert [r.body["n"] for r in server.completion_requests] == [3, 2, 1]


def test_sampling_options_reach_the_server(server) -> None:
    request = PROMPT.model_copy(update={"temperature": 0.3, "top_p": 0.5, "stop": ["\n"],
                                        "seed": 7, "top_k": 20, "repeat_penalty": 1.1})
    client(server, extra_body={"min_p": 0.05}).complete(request)
    body = server.completion_requests[0].body
    assert (body["temperature"], body["top_p"], body["stop"], body["seed"]) == (0.3, 0.5,
                                                                                ["\n"], 7)
    assert (body["top_k"], body["repeat_penalty"], body["min_p"]) == (20, 1.1, 0.05)
    plain = client(server)
    plain.complete(PROMPT)
    assert "top_k" not in server.completion_requests[1].body


def test_model_is_discovered_when_not_named(server) -> None:
    model = OpenAICompatibleModel(base_url=server.url)
    assert model.model == server.model
    assert model.complete(PROMPT).model == server.model


def test_style_chat_sends_a_prompt_as_a_user_message(server) -> None:
    client(server, style="chat").complete(PROMPT)
    request = server.completion_requests[0]
    assert request.path == "/v1/chat/completions"
    assert request.body["messages"] == [{"role": "user", "content": PROMPT.prompt}]
    with pytest.raises(BackendError, match="style 'completion'"):
        client(server, style="completion").complete(CHAT)


def test_key_is_sent_and_refusal_says_how_to_fix_it(monkeypatch) -> None:
    monkeypatch.delenv("SUMMITRY_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with FaultServer(api_key="sesame") as server:
        with pytest.raises(AuthenticationError, match="401.*SUMMITRY_API_KEY"):
            client(server).complete(PROMPT)
        monkeypatch.setenv("SUMMITRY_API_KEY", "sesame")
        assert client(server).complete(PROMPT).text.startswith("Echo:")
        assert server.requests[-1].headers["Authorization"] == "Bearer sesame"


def test_unknown_model_is_model_not_found(server) -> None:
    model = OpenAICompatibleModel(base_url=server.url, model="no-such-model")
    with pytest.raises(ModelNotFoundError, match="404 for model 'no-such-model'"):
        model.complete(PROMPT)


def test_server_down_asks_whether_it_runs() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    model = OpenAICompatibleModel(base_url=f"http://127.0.0.1:{port}/v1", model="m")
    with pytest.raises(BackendUnavailableError, match=f"is the server running at .*:{port}/v1"):
        model.complete(PROMPT)


@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize(("fault", "error", "words"), [
    (Fault.rate_limit(3), RateLimitError, "429"),
    (Fault.server_error(503), ServerError, "503"),
    (Fault.garbage(), ServerError, "unreadable"),
    (Fault.cut_stream(2), ServerError, "cut off|broke off"),
    (Fault.disconnect(), ServerError, "broke off"),
    (Fault.empty(), EmptyResponseError, "no text"),
    (Fault.delay(3), BackendTimeoutError, "did not answer within 0.5 s"),
])
def test_faults_map_to_retryable_errors(stream, fault, error, words) -> None:
    with FaultServer(faults=[fault]) as server:
        model = OpenAICompatibleModel(base_url=server.url, model=server.model, timeout=0.5,
                                      stream=stream)
        with pytest.raises(error, match=words) as caught:
            model.complete(PROMPT)
        assert caught.value.retryable
        if isinstance(caught.value, RateLimitError):
            assert caught.value.retry_after == 3
        assert model.complete(PROMPT).text.startswith("Echo:")  # the next call is fine


def test_stream_cut_mid_answer_is_an_error_after_the_first_pieces() -> None:
    with FaultServer(ScriptedModel(default="one two three four five"),
                     faults=[Fault.cut_stream(2)]) as server:
        pieces: list[str] = []
        with pytest.raises(ServerError, match="cut off"):
            for piece in client(server).stream(PROMPT):
                pieces.append(piece)
        assert pieces == ["one", " two"]


def test_every_fault_in_a_row_then_success_through_retry() -> None:
    faults = [Fault.rate_limit(0.01), Fault.server_error(), Fault.garbage(), Fault.empty(),
              Fault.disconnect(), Fault.cut_stream(1), Fault.delay(2)]
    with FaultServer(ScriptedModel(default="At last."), faults=faults) as server:
        waits: list[float] = []
        model = RetryingModel(client(server, stream=True, timeout=0.5), max_attempts=8,
                              base_delay=0.001, sleep=waits.append)
        assert model.complete(PROMPT).text == "At last."
        assert len(server.completion_requests) == 8
        assert waits[0] == 0.01  # the first wait is the server's Retry-After


def test_concurrency_is_limited() -> None:
    busy = {"now": 0, "most": 0}
    lock = threading.Lock()

    def slow(request: CompletionRequest) -> str:
        with lock:
            busy["now"] += 1
            busy["most"] = max(busy["most"], busy["now"])
        time.sleep(0.2)
        with lock:
            busy["now"] -= 1
        return "done"

    with FaultServer(slow) as server:
        model = client(server, max_concurrency=2)
        threads = [threading.Thread(target=model.complete, args=(PROMPT,)) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(server.completion_requests) == 6
    assert busy["most"] == 2


def test_base_url_is_normalised_and_checked() -> None:
    assert normalize_base_url("http://127.0.0.1:8080") == "http://127.0.0.1:8080/v1"
    assert normalize_base_url("http://host/v1/") == "http://host/v1"
    assert normalize_base_url("https://host/api/openai/v1") == "https://host/api/openai/v1"
    with pytest.raises(BackendError, match="invalid server URL"):
        normalize_base_url("localhost:8080")


def test_scoring_reads_the_echoed_logprobs_of_each_continuation(server) -> None:
    scores = client(server).score(ScoreRequest(prompt="We", continuations=[" agree now.", " disagree entirely."]))
    assert scores.scores == [-(5 + 4) / 2, -(8 + 9) / 2]  # the fake server's logprob of a word is minus its length
    assert scores.tokens == [2, 2] and scores.best == 0
    sent = server.completion_requests[-1].body
    assert sent["echo"] is True and sent["prompt"] == ["We agree now.", "We disagree entirely."]


def test_a_chat_only_server_cannot_score_and_says_what_to_use(server) -> None:
    model = client(server, style="chat")
    assert model.can_score is False
    with pytest.raises(BackendError, match="cannot score") as caught:
        model.score(ScoreRequest(prompt="We", continuations=[" agree."]))
    assert "logprobs" in caught.value.hint


def test_a_server_without_logprobs_is_a_clear_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"choices": [{"index": 0, "text": "We agree.", "logprobs": None}]})

    model = OpenAICompatibleModel(base_url="http://server/v1", model="m", transport=httpx.MockTransport(handler))
    with pytest.raises(BackendError, match="cannot score"):
        model.score(ScoreRequest(prompt="We", continuations=[" agree."]))
