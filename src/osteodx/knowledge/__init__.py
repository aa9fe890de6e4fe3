"""Curated data files (knowledge packs, lab catalogue, skeleton, synonyms, incidental rules)
and the one YAML reader they share."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["load_yaml", "memo_validated", "yaml_errors"]

T = TypeVar("T")

#: documents at least this long are memoised on disk: parsing the 200 kB prevalence table
#: takes ~70 ms even with libyaml, reading back its parsed form ~3 ms; a run that reads
#: every data file back needs no PyYAML import at all (~25 ms)
_MEMO_MIN_CHARS = 1_000


def yaml_errors() -> type[Exception]:
    """PyYAML's error class, imported when asked: for an ``except`` clause, whose expression
    is evaluated only when an exception reaches it (``except (OSError, yaml_errors())``)."""
    import yaml

    return yaml.YAMLError


def _parse(text: str) -> Any:
    import yaml  # here, not at the top: most runs read every data file from the memo

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10x faster
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader


def load_yaml(text: str) -> Any:
    """Parse YAML safely, with libyaml when PyYAML was built with it.

    Long documents are memoised in the cache folder under the SHA-256 of their text, so
    an edited file is parsed again; an unwritable cache folder only costs the parse.
    Raises :class:`yaml.YAMLError` for text that is not valid YAML.

    >>> load_yaml("a: [1, 2]")
    {'a': [1, 2]}
    """
    if len(text) < _MEMO_MIN_CHARS:
        return _parse(text)
    from osteodx.kb.cache import cache_dir, gc_paused  # the knowledge base's cache folder

    key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
    path = cache_dir() / "yaml" / f"{key}.pickle"
    try:
        with open(path, "rb") as fh, gc_paused():
            return pickle.load(fh)  # noqa: S301 - written by this function, keyed by content
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    data = _parse(text)
    _memo_write(path, data)
    return data


def memo_validated(content: str, build: Callable[[], T], *code: str) -> T:
    """``build()``, validated once per content and code: its result is kept in the cache
    folder and read back by later processes.

    Validating a data file with pydantic and checking it across entries costs ~0.1 s at
    every start (the lab catalogue), reading the validated objects back ~7 ms; they are
    plain dataclasses, so reading them back does not import pydantic
    (:mod:`osteodx.knowledge.validation`), another ~0.2 s. The key is
    the SHA-256 of *content* (the files' text) and of the source of the modules named in
    *code* (those defining the models and their checks), so an edited file or model is
    validated again. An error raised by *build* is raised, never remembered.

    >>> memo_validated("x: 1", lambda: {"x": 1}, __name__)
    {'x': 1}
    """
    h = hashlib.sha256(content.encode("utf-8"))
    for name in code:
        source = getattr(sys.modules[name], "__file__", None)
        h.update(name.encode())
        if source is not None:
            h.update(Path(source).read_bytes())
    from osteodx.kb.cache import cache_dir, gc_paused

    path = cache_dir() / "validated" / f"{h.hexdigest()[:24]}.pickle"
    try:
        with open(path, "rb") as fh, gc_paused():
            return pickle.load(fh)  # noqa: S301 - written below, keyed by content and code
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        pass
    result = build()
    _memo_write(path, result)
    return result


def _memo_write(path: Path, data: object) -> None:
    """Pickle *data* to *path* whole or not at all; an unwritable folder is no error."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as fh:
            tmp = fh.name
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
