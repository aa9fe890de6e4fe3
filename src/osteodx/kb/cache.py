"""On-disk cache of compiled knowledge bases.

One ``.arrays`` file (:mod:`osteodx.kb.arrayfile`: memory-mapped when read, so a call
reads only the pages it touches) and one ``.json`` (strings) per key. The key hashes the
HPO files' checksum, the supplement mode and version, the pack versions, the build
parameters and :data:`INDEX_FORMAT`, so any change to the data or the format rebuilds.

The cache holds only what depends on the data. Where the data were read from (the
wheel, ``--hpo-dir``, ``$OSTEODX_HPO_DIR``) is set by each load from its own call: a
stored origin would report the first run's folder on every later run. A cache file
that cannot be read (cut short, damaged) is treated as absent and rebuilt.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from osteodx.errors import KnowledgeBaseError, OsteodxError
from osteodx.kb.arrayfile import read_arrays, write_arrays
from osteodx.kb.knowledge_base import CscMatrix, KnowledgeBase
from osteodx.kb.sex_patch import SEXES, SexPatch
from osteodx.ontology.graph import Ontology

__all__ = ["INDEX_FORMAT", "LOCATION_KEYS", "CACHE_KEY", "cache_dir", "save", "load",
           "gc_paused"]

log = logging.getLogger(__name__)

#: bump whenever the layout or the meaning of cached arrays changes
#: (13: no hpo_origin/hpo_dir stored; data warnings stored; 14: Roman numerals with a
#: subtype letter pair OMIM and Orphanet names, "type IA" = "type 1A"; 15: arrays in a
#: mapped ``.arrays`` file instead of an ``.npz``, disease rows stored as intp)
INDEX_FORMAT = 15

#: provenance keys that say where and how this run read the data: never stored
LOCATION_KEYS = ("hpo_origin", "hpo_dir", "warnings", "index_key")

#: the key of a knowledge base's ``derived`` that holds its cache key when it was loaded
#: through the cache: tables worked out from it later may be cached beside it
CACHE_KEY = "cache key"

#: what reading a damaged cache can raise: a cut or foreign .arrays file a ValueError,
#: a .json of the wrong shape a KeyError, TypeError or AttributeError
_DAMAGED = (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError, EOFError)

_ARRAYS = ("background", "ic", "inheritance", "onset_min", "death_freq", "ann_ptr", "ann_term",
           "ann_freq", "ann_text", "sl_disease", "sl_term", "sl_male", "sl_male_text", "sl_female",
           "sl_female_text")
_MATRICES = ("direct", "implied", "negated", "curated")
_SEX_PREFIX = {"MALE": "sex_male_", "FEMALE": "sex_female_"}


def cache_dir() -> Path:
    """``$OSTEODX_CACHE_DIR`` or the platform's user cache folder."""
    env = os.environ.get("OSTEODX_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("osteodx", appauthor=False))


def save(kb: KnowledgeBase, key: str, directory: Path) -> None:
    """Write *kb* under *key*; silently skipped when the folder is read-only."""
    onto = kb.ontology
    arrays: dict[str, np.ndarray] = {name: getattr(kb, name) for name in _ARRAYS}
    for name in _MATRICES:
        m: CscMatrix = getattr(kb, name)
        arrays[f"{name}_ptr"], arrays[f"{name}_rows"], arrays[f"{name}_vals"] = \
            m.ptr, m.rows, m.vals  # rows as intp: mapped, they are used as they are
    for name in ("par_ptr", "par_idx", "anc_ptr", "anc_idx"):
        arrays[f"onto_{name}"] = getattr(onto, name)
    if len(kb.sl_disease):  # computed here once, so that no later process needs to
        for sex in SEXES:
            for name, arr in kb.sex_patch(sex).arrays().items():
                arrays[f"{_SEX_PREFIX[sex]}{name}"] = arr
    meta = {
        "format": INDEX_FORMAT,
        "version": onto.version, "ids": onto.ids, "labels": onto.labels,
        "alt_ids": onto.alt_ids, "obsolete": onto.obsolete,
        "disease_ids": kb.disease_ids, "disease_labels": kb.disease_labels,
        "disease_origins": kb.disease_origins, "equivalents": kb.equivalents,
        "texts": kb.texts,
        "provenance": {k: v for k, v in kb.provenance.items() if k not in LOCATION_KEYS},
        "default_frequency": kb.default_frequency, "disease_genes": kb.disease_genes,
        "data_warnings": kb.data_warnings,
        # checked when the synonyms are read: a file emptied or overwritten with lists of
        # the right number and shape would otherwise lose term search silently
        "synonym_count": sum(len(s) for s in onto.synonyms),
    }
    tmp: str | None = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, suffix=".arrays", delete=False) as fh:
            tmp = fh.name
            write_arrays(fh, arrays)
        umask = os.umask(0)  # read it: a temporary file is private (0600), the cache not
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, directory / f"{key}.arrays")
        tmp = None
        # the synonyms (a fifth of the strings) in a file of their own, read when needed
        for path, data in ((directory / f"{key}.synonyms.json", onto.synonyms),
                           (directory / f"{key}.json", meta)):
            _write_json(path, data)
    except OSError:
        return
    finally:
        if tmp is not None:  # a failed write (a full disk) leaves nothing behind
            Path(tmp).unlink(missing_ok=True)


def _write_json(path: Path, data: object) -> None:
    """Write *data* to *path* whole or not at all (a reader never sees half a file, and a
    failed write leaves no temporary file)."""
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
    try:
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def load(key: str, directory: Path,
         rebuild: Callable[[], KnowledgeBase] | None = None) -> KnowledgeBase | None:
    """Read the knowledge base cached under *key*, or ``None``.

    The synonyms are read on first use (only term search and text need them); should
    they be damaged by then, *rebuild* (the knowledge base built anew from its release)
    supplies them within the same call (:func:`_read_synonyms`).

    The cyclic garbage collector is paused while reading: the tens of thousands of
    strings and lists read here hold no cycles, and its passes over them took a fifth
    of the load time.
    """
    with gc_paused():
        return _load(key, directory, rebuild)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while large acyclic data are read back (the
    index, the text reader's vocabulary): its passes over the objects just created cost
    more than the reading itself."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(key: str, directory: Path,
          rebuild: Callable[[], KnowledgeBase] | None) -> KnowledgeBase | None:
    arrays_path, json_path = directory / f"{key}.arrays", directory / f"{key}.json"
    syn_path = directory / f"{key}.synonyms.json"
    if not (arrays_path.is_file() and json_path.is_file() and syn_path.is_file()):
        return None
    try:
        meta = json.loads(json_path.read_text(encoding="utf-8"))
        if meta.get("format") != INDEX_FORMAT:
            return None
        return _assemble(meta, read_arrays(arrays_path), syn_path, rebuild)
    except _DAMAGED as exc:
        log.info("%s: damaged cache entry (%s: %s); rebuilding", arrays_path.parent / key,
                 type(exc).__name__, exc)
        return None


def _assemble(meta: dict, arrays: dict[str, np.ndarray], syn_path: Path,
              rebuild: Callable[[], KnowledgeBase] | None) -> KnowledgeBase:
    ids = meta["ids"]
    onto = Ontology(
        meta["version"], ids, meta["labels"],
        lambda: _read_synonyms(syn_path, ids, rebuild, meta.get("synonym_count")),
        arrays["onto_par_ptr"], arrays["onto_par_idx"], arrays["onto_anc_ptr"],
        arrays["onto_anc_idx"], meta["alt_ids"], meta["obsolete"])
    patches = {}
    for sex, prefix in _SEX_PREFIX.items():
        mine = {k[len(prefix):]: v for k, v in arrays.items() if k.startswith(prefix)}
        if mine:
            patches[sex] = SexPatch.from_arrays(mine)
    mats = {name: CscMatrix(arrays[f"{name}_ptr"], arrays[f"{name}_rows"],
                            arrays[f"{name}_vals"]) for name in _MATRICES}
    kb = KnowledgeBase(
        ontology=onto, disease_ids=meta["disease_ids"], disease_labels=meta["disease_labels"],
        disease_origins=meta["disease_origins"], equivalents=meta["equivalents"],
        texts=meta["texts"], provenance=meta["provenance"],
        default_frequency=meta["default_frequency"], disease_genes=meta["disease_genes"],
        data_warnings=[(str(f), str(m)) for f, m in meta["data_warnings"]],
        **mats, **{name: arrays[name] for name in _ARRAYS})
    kb.sex_patches = patches
    return kb


def _read_synonyms(path: Path, ids: list[str],
                   rebuild: Callable[[], KnowledgeBase] | None = None,
                   count: int | None = None) -> list[list[tuple[str, str]]]:
    """The cached synonyms, one list per term of *ids*, read on first use.

    Damaged since the index was read (a cut or overwritten file), they are rebuilt within
    the same call, so that the command asked for still answers: *rebuild* builds the
    knowledge base anew from its release (about 10 s; the cache key guarantees the same
    terms), its synonyms are taken by term id and written back (skipped in a read-only
    cache), with a warning. *count*, the number of synonyms the index was built with,
    tells a file of the right shape but other content (emptied lists) from the real one.
    Without *rebuild*, or should rebuilding fail, a one-line
    error; the entry is then removed so that the next run rebuilds it.
    """
    try:
        data = json.loads(path.read_text("utf-8"))
        if not isinstance(data, list) or len(data) != len(ids):
            raise ValueError(f"{len(data) if isinstance(data, list) else 'no'} lists of "
                             f"synonyms for {len(ids)} terms")
        got = [[(str(text), str(scope)) for text, scope in syns] for syns in data]
        if count is not None and sum(len(x) for x in got) != count:
            raise ValueError(f"{sum(len(x) for x in got)} synonyms where the index was built "
                             f"with {count}")
        return got
    except (OSError, ValueError, TypeError) as err:
        problem = f"{path}: cannot read the cached HPO synonyms ({err})"
    if rebuild is not None:
        log.warning("warning: %s; rebuilding them", problem)
        try:
            fresh = rebuild().ontology
        except OsteodxError as exc:
            problem += f", nor rebuild them ({exc})"
        else:
            by_id = dict(zip(fresh.ids, fresh.synonyms, strict=True))
            synonyms = [list(by_id.get(t, [])) for t in ids]
            try:
                _write_json(path, synonyms)
            except OSError:  # a read-only cache: this call has them all the same
                pass
            return synonyms
    for stale in (path, path.with_name(path.name.replace(".synonyms.json", ".json"))):
        try:
            stale.unlink(missing_ok=True)
        except OSError:  # a read-only cache: the message still says what is wrong
            pass
    raise KnowledgeBaseError(f"{problem}; the cache entry was removed and the next run "
                             "rebuilds it")
