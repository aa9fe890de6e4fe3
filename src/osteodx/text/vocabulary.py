"""The recogniser's vocabulary: the loaded HPO release plus curated extra synonyms.

Building the Aho-Corasick recogniser over ~19,000 terms takes ~2.5 s; it is
pickled next to the knowledge-base cache (keyed by that cache's key and the
synonyms file) so later runs load it in ~0.5 s.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path

from osteodx.kb import cache as kb_cache
from osteodx.kb.knowledge_base import KnowledgeBase
from osteodx.knowledge import load_yaml
from osteodx.text import candidates, concepts, normalise, phrasing
from osteodx.text.concepts import ConceptRecognizer

__all__ = ["abbreviations", "blocked_synonyms", "extra_synonyms", "vocabulary",
           "recognizer_for"]

_FORMAT = 1
_MEMO: dict[str, ConceptRecognizer] = {}


def _synonyms_text() -> str:
    return (resources.files("osteodx.knowledge") / "synonyms.yaml").read_text(encoding="utf-8")


@cache
def extra_synonyms() -> dict[str, list[str]]:
    """hpo_id -> extra synonyms from ``knowledge/synonyms.yaml``."""
    data = load_yaml(_synonyms_text())
    out: dict[str, list[str]] = {}
    for t in data["terms"]:
        out.setdefault(t["hpo_id"], []).extend(t["synonyms"])
    return out


@cache
def abbreviations() -> dict[str, list[str]]:
    """hpo_id -> clinical abbreviations (``knowledge/synonyms.yaml``: ``abbreviations``)."""
    out: dict[str, list[str]] = {}
    for a in load_yaml(_synonyms_text()).get("abbreviations", []):
        out.setdefault(a["hpo_id"], []).extend(a["abbreviations"])
    return out


@cache
def blocked_synonyms() -> frozenset[tuple[str, str]]:
    """(hpo_id, lower-cased synonym) pairs never matched (ordinary words in reports)."""
    data = load_yaml(_synonyms_text())
    return frozenset((b["hpo_id"], b["synonym"].lower()) for b in data.get("blocked", []))


def _blocked_text() -> list[tuple[str, str]]:
    data = load_yaml(_synonyms_text())
    return [(b["hpo_id"], b["text"]) for b in data.get("blocked_text", [])]


def vocabulary(kb: KnowledgeBase) -> Iterator[tuple[str, str, list[tuple[str, str]]]]:
    """(id, label, [(synonym, scope)]) for every current term, curated synonyms added."""
    extra = extra_synonyms()
    onto = kb.ontology
    blocked = blocked_synonyms()
    for i, hid in enumerate(onto.ids):
        syns = [tuple(s) for s in onto.synonyms[i] if (hid, s[0].lower()) not in blocked]
        syns += [(s, "EXACT") for s in extra.get(hid, [])]
        syns += [(s, "ABBREVIATION") for s in abbreviations().get(hid, [])]
        yield hid, onto.labels[i], syns


def _ancestors(kb: KnowledgeBase) -> dict[str, list[str]]:
    """hpo_id -> its proper ancestors, so that "ulcerative <colitis>" also gives Colitis."""
    onto = kb.ontology
    return {hid: [onto.ids[j] for j in onto.ancestors(i) if j != i]
            for i, hid in enumerate(onto.ids)}


def _key(kb: KnowledgeBase) -> str:
    h = hashlib.sha256()
    h.update(kb.provenance.get("index_key", kb.hpo_version).encode())
    h.update(_synonyms_text().encode())
    h.update(str(_FORMAT).encode())
    for module in (candidates, concepts, normalise, phrasing):  # a changed matcher: rebuild
        h.update(Path(module.__file__).read_bytes())
    return "recogniser-" + h.hexdigest()[:20]


def recognizer_for(kb: KnowledgeBase) -> ConceptRecognizer:
    """The concept recogniser for *kb*'s ontology (memoised, cached on disk)."""
    key = _key(kb)
    if key in _MEMO:
        return _MEMO[key]
    path = kb_cache.cache_dir() / f"{key}.pickle"
    rec = None
    if path.is_file():
        try:
            with path.open("rb") as fh, kb_cache.gc_paused():
                rec = pickle.load(fh)  # our own cache file, written below
            if not isinstance(rec, ConceptRecognizer):
                raise TypeError(type(rec).__name__)
        except Exception:  # noqa: BLE001 - a damaged file can raise anything: rebuilt
            rec = None
    if rec is None:
        rec = ConceptRecognizer(vocabulary(kb), nested="subsumed", ancestors=_ancestors(kb),
                                blocked_text=_blocked_text())
        tmp: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as fh:
                tmp = fh.name
                pickle.dump(rec, fh, protocol=pickle.HIGHEST_PROTOCOL)
            umask = os.umask(0)  # readable as the umask allows, as the other cache files
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, path)
            tmp = None
        except OSError:
            pass
        finally:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
    _MEMO[key] = rec
    return rec
