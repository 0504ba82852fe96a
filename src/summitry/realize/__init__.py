"""Realizers: the protocol, the offline composer, and guided generation over a language model."""

from summitry.realize.base import Realization, Realizer, SessionContext
from summitry.realize.composer import Composer

__all__ = ["Composer", "Realization", "Realizer", "SessionContext"]
