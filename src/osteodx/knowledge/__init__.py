"""Curated data files (knowledge packs, lab catalogue, skeleton, synonyms, incidental rules)
and the one YAML reader they share."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from typing import Any

import yaml

__all__ = ["load_yaml"]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10x faster at start-up
#: documents at least this long are memoised on disk: parsing the 200 kB prevalence table
#: takes ~70 ms even with libyaml, reading back its parsed form ~3 ms
_MEMO_MIN_CHARS = 20_000


def load_yaml(text: str) -> Any:
    """Parse YAML safely, with libyaml when PyYAML was built with it.

    Long documents are memoised in the cache folder under the SHA-256 of their text, so
    an edited file is parsed again; an unwritable cache folder only costs the parse.
    Raises :class:`yaml.YAMLError` for text that is not valid YAML.

    >>> load_yaml("a: [1, 2]")
    {'a': [1, 2]}
    """
    if len(text) < _MEMO_MIN_CHARS:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    from osteodx.kb.cache import cache_dir  # the knowledge base's cache folder

    key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
    path = cache_dir() / "yaml" / f"{key}.pickle"
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)  # noqa: S301 - written by this function, keyed by content
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)
    except OSError:
        pass
    return data
