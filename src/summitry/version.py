"""The version of summitry, written into every session log it starts."""

__all__ = ["__version__"]

__version__ = "0.1.0"
