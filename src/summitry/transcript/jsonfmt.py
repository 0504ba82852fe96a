"""Transcripts as JSON: summitry's own rendering, and the simple shapes other tools produce.

:func:`render_json` writes every field of the :class:`~summitry.turns.Transcript` under a
``"format": "summitry.transcript"`` marker; :func:`parse_json` reads that back exactly.
It also accepts, from elsewhere:

- a list of turn objects: ``[{"speaker": "China", "text": "..."}, ...]``;
- an object holding such a list under ``"turns"`` (or ``"messages"``), with optional
  ``title``, ``premise``, ``narration``, ``afterword`` and ``moderator`` strings.

In a foreign turn object the speaker may be called ``speaker``, ``name``, ``author`` or
``role``, the text ``text``, ``content`` or ``message``; ``tone``, ``phase``, ``addressees`` and
``is_moderator`` are read when present, other keys are ignored. Foreign turns are
renumbered 1..n and the moderator is detected as for Markdown.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from summitry.errors import TranscriptError
from summitry.transcript.assemble import RawTurn, build_transcript, where
from summitry.turns import Transcript

FORMAT_MARKER = "summitry.transcript"
FORMAT_VERSION = 1
_SPEAKER_KEYS = ("speaker", "name", "author", "role")
_TEXT_KEYS = ("text", "content", "message")
_META_KEYS = ("title", "premise", "narration", "afterword", "moderator")


def render_json(transcript: Transcript) -> str:
    """The whole transcript as indented JSON (UTF-8 characters kept), ending with a newline."""
    data = {"format": FORMAT_MARKER, "version": FORMAT_VERSION}
    data.update(transcript.model_dump(mode="json"))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def parse_json(text: str, source: str | None = None, *, moderator: str | None = None) -> Transcript:
    """Parse summitry's JSON rendering, a list of turn objects, or ``{"turns": [...]}``.

    Raises TranscriptError naming the line and column of a JSON syntax error, or the turn
    and key that is missing or of the wrong type.
    """
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        raise TranscriptError(
            f"{where(source, exc.lineno)}: not valid JSON (column {exc.colno}): {exc.msg}",
            hint="fix the JSON, or pass a Markdown or plain-text transcript instead",
        ) from exc
    except RecursionError as exc:
        raise TranscriptError(
            f"{where(source)}: JSON nested too deeply to be a transcript",
            hint='expected a list of {"speaker": ..., "text": ...} objects or {"turns": [...]}',
        ) from exc
    if isinstance(data, dict) and data.get("format") == FORMAT_MARKER:
        return _parse_own(data, source)
    items: list[Any]
    if isinstance(data, dict) and isinstance(data.get("turns", data.get("messages")), list):
        items = data.get("turns", data.get("messages")) or []
        meta = {key: _meta_string(data, key, source) for key in _META_KEYS}
    elif isinstance(data, list):
        items, meta = data, dict.fromkeys(_META_KEYS)
    else:
        raise TranscriptError(
            f"{where(source)}: JSON holds no transcript",
            hint='expected a list of {"speaker": ..., "text": ...} objects or {"turns": [...]}',
        )
    turns = [_read_turn(item, number, source) for number, item in enumerate(items, start=1)]
    return build_transcript(
        turns,
        title=meta["title"] or "",
        premise=meta["premise"] or "",
        narration=meta["narration"],
        afterword=meta["afterword"],
        moderator=moderator or meta["moderator"],
        source=source,
    )


def _parse_own(data: dict[str, Any], source: str | None) -> Transcript:
    version = data.get("version", FORMAT_VERSION)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise TranscriptError(
            f"{where(source)}: transcript format version {version!r} is newer than this "
            f"summitry understands ({FORMAT_VERSION})",
            hint="upgrade summitry: pip install -U summitry",
        )
    body = {key: value for key, value in data.items() if key not in ("format", "version")}
    try:
        return Transcript.model_validate(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise TranscriptError(
            f"{where(source)}: field '{field}': {first['msg']}",
            hint="fix that field, or re-render the transcript with summitry",
        ) from exc


def _meta_string(data: dict[str, Any], key: str, source: str | None) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    raise TranscriptError(
        f"{where(source)}: '{key}' must be a string, not {type(value).__name__}",
        hint=f"write '{key}' as a JSON string or leave it out",
    )


def _read_turn(item: object, number: int, source: str | None) -> RawTurn:
    if not isinstance(item, dict):
        raise TranscriptError(
            f"{where(source)}: turn {number} is a {type(item).__name__}, not an object",
            hint='write each turn as {"speaker": ..., "text": ...}',
        )
    speaker = _pick(item, _SPEAKER_KEYS, number, source)
    text = _pick(item, _TEXT_KEYS, number, source)
    if not speaker.strip():
        raise TranscriptError(
            f"{where(source)}: turn {number} has an empty speaker",
            hint="give every turn the name of who speaks",
        )
    addressees = item.get("addressees") or ()
    if not isinstance(addressees, list | tuple) or not all(
        isinstance(name, str) for name in addressees
    ):
        raise TranscriptError(
            f"{where(source)}: turn {number}: 'addressees' must be a list of names",
            hint='write it as ["China", "Mexico"] or leave it out',
        )
    return RawTurn(
        speaker=speaker.strip(),
        text=text,
        tone=_optional_string(item, "tone", number, source),
        phase=_optional_string(item, "phase", number, source),
        addressees=tuple(addressees),
        is_moderator=item.get("is_moderator") is True,
    )


def _pick(item: dict[str, Any], keys: tuple[str, ...], number: int, source: str | None) -> str:
    for key in keys:
        if key in item:
            value = item[key]
            if not isinstance(value, str):
                raise TranscriptError(
                    f"{where(source)}: turn {number}: '{key}' must be a string, "
                    f"not {type(value).__name__}",
                    hint=f"write '{key}' as a JSON string",
                )
            return value
    raise TranscriptError(
        f"{where(source)}: turn {number} has no '{keys[0]}'",
        hint=f"add one of the keys {', '.join(repr(k) for k in keys)}",
    )


def _optional_string(item: dict[str, Any], key: str, number: int, source: str | None) -> str | None:
    value = item.get(key)
    if value is None or isinstance(value, str):
        return value or None
    raise TranscriptError(
        f"{where(source)}: turn {number}: '{key}' must be a string, not {type(value).__name__}",
        hint=f"write '{key}' as a JSON string or leave it out",
    )
