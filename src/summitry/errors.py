"""The one error hierarchy of summitry.

Every error a user can cause or meet derives from :class:`SummitryError`; the CLI
turns each into one clean line and an exit code, in one place (``summitry.cli``).
Messages say what was wrong, where (file, line, field) and what to do.

    SummitryError
    ├── ScenarioError            a scenario file is unreadable or invalid
    │   └── ThinScenarioError    valid, but too thin for its agenda (`scenarios lint --strict`)
    ├── TranscriptError          a transcript or log cannot be read
    ├── SessionError             a session cannot start, continue or resume
    │   └── LogCorruptError      an event log is damaged beyond its last line
    ├── MissingDependencyError   an optional package is not installed (the pip line fixes it)
    ├── BackendError             a language-model backend failed (a session stops resumably)
    │   ├── UnknownBackendError  no backend of that name ("did you mean …?")
    │   ├── ModelNotFoundError   a model file or model name does not exist
    │   ├── BackendUnavailableError  the server is down or unreachable
    │   ├── AuthenticationError  the server refused the key
    │   ├── RateLimitError       the server asked us to slow down
    │   ├── BackendTimeoutError  the server took longer than the timeout
    │   ├── ServerError          the server failed (5xx) or sent an unreadable answer
    │   ├── EmptyResponseError   the model returned nothing usable
    │   └── ReplayMissError      a replayed session asked for an unrecorded call
    └── AnalysisError            an analysis could not be computed
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Literal, get_args

Extra = Literal["local", "embed", "server", "test", "all"]  # pyproject.toml's extras, checked by a test
EXTRAS: tuple[str, ...] = get_args(Extra)


class SummitryError(Exception):
    """Root of every error summitry raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message} — {self.hint}"
        return self.message


class ScenarioError(SummitryError):
    """A scenario file is unreadable or does not validate."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        where = path or "<scenario>"
        if line is not None:
            where = f"{where}:{line}"
        if field:
            where = f"{where}: field '{field}'"
        super().__init__(f"{where}: {message}", hint=hint)


class ThinScenarioError(ScenarioError):
    """A scenario validates, but lint found material too thin for its agenda (``--strict``).

    Its own exit code (3), so a script can tell a thin scenario from an invalid one (2).
    """

    exit_code = 3


class TranscriptError(SummitryError):
    """A transcript, report input or log cannot be read."""

    exit_code = 2


class SessionError(SummitryError):
    """A session cannot start, continue or resume."""


class LogCorruptError(SessionError):
    """An event log is damaged somewhere other than a half-written last line."""

    exit_code = 2


class MissingDependencyError(SummitryError):
    """An optional package is not installed; the hint names the pip line that installs it."""

    exit_code = 2


class BackendError(SummitryError):
    """A language-model backend failed."""

    retryable = False


class UnknownBackendError(BackendError):
    exit_code = 2


class ModelNotFoundError(BackendError):
    exit_code = 2


class BackendUnavailableError(BackendError):
    retryable = True


class AuthenticationError(BackendError):
    exit_code = 2


class RateLimitError(BackendError):
    retryable = True

    def __init__(self, message: str, *, retry_after: float | None = None, hint: str | None = None):
        self.retry_after = retry_after
        super().__init__(message, hint=hint)


class BackendTimeoutError(BackendError):
    retryable = True


class ServerError(BackendError):
    """The server failed (5xx), or its answer was unreadable or cut off."""

    retryable = True

    def __init__(self, message: str, *, status: int | None = None, hint: str | None = None):
        self.status = status
        super().__init__(message, hint=hint)


class EmptyResponseError(BackendError):
    retryable = True


class ReplayMissError(BackendError):
    exit_code = 2


class AnalysisError(SummitryError):
    """An analysis could not be computed."""

    exit_code = 2


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """Return ' Did you mean 'x'?' for the closest choice, or '' when none is close."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.5)
    return f" Did you mean '{close[0]}'?" if close else ""


def missing_dependency(package: str, extra: Extra | None, purpose: str) -> MissingDependencyError:
    """The error for a package that is not installed, with the pip line that fixes it: the
    extra that brings it, or (``extra=None``, a core dependency) the package itself."""
    line = f"pip install 'summitry[{extra}]'" if extra else f"pip install '{package}' (summitry needs it)"
    return MissingDependencyError(
        f"{purpose} needs the package '{package}', which is not installed",
        hint=f"install it with: {line}",
    )
