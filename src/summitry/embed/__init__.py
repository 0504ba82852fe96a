"""Sentence embedders behind one protocol: sentences in, unit vectors out.

    base.py      Embedder (the protocol), Vectors, normalise_rows()
    lexical.py   LexicalEmbedder: hashed stemmed words and bigrams, numpy only
    minilm.py    MiniLMEmbedder: all-MiniLM-L6-v2 from its PyPI package, by ONNX Runtime
    export.py    the one-time ONNX export of that model, kept in the model folder
    cache.py     CachedEmbedder: each distinct sentence embedded once, saved as .npz
    registry.py  get_embedder(name), register_embedder(): 'auto', 'minilm', 'lexical', yours

The analysis, the realizer's checks and the session's common-ground phase all take an
:class:`Embedder`; none of them knows which one it is.
"""

from __future__ import annotations

from summitry.embed.base import Embedder, Vectors, normalise_rows
from summitry.embed.cache import CachedEmbedder
from summitry.embed.lexical import LexicalEmbedder
from summitry.embed.minilm import MiniLMEmbedder, minilm_available, minilm_model_dir
from summitry.embed.registry import (
    AUTO,
    embedder_names,
    get_embedder,
    register_embedder,
    unregister_embedder,
)

__all__ = [
    "AUTO",
    "CachedEmbedder",
    "Embedder",
    "LexicalEmbedder",
    "MiniLMEmbedder",
    "Vectors",
    "embedder_names",
    "get_embedder",
    "minilm_available",
    "minilm_model_dir",
    "normalise_rows",
    "register_embedder",
    "unregister_embedder",
]
