"""summitry: diplomatic classrooms run by language models, offline by default."""

__version__ = "0.1.0"
