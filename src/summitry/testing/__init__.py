"""Fakes that ship with summitry, so tests of sessions and scenarios need no model.

    scripted.py  ScriptedModel: queued answers and a history of requests (not a built-in
                 backend: register it with register_backend("scripted", ScriptedModel))
    faults.py    FaultServer: an OpenAI-compatible server on loopback that fails on demand
"""

from __future__ import annotations

from summitry.testing.faults import Fault, FaultServer, ReceivedRequest
from summitry.testing.scripted import ScriptedModel, echo

__all__ = ["Fault", "FaultServer", "ReceivedRequest", "ScriptedModel", "echo"]
