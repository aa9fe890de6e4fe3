"""Read an HPO release's ``hp.json`` (OBO Graphs JSON) into the same plain data as ``hp.obo``.

Used when a release folder has ``hp.json`` but no ``hp.obo``. The standard
library's :mod:`json` reads it; no OBO Graphs library is needed for these fields.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from osteodx.datafiles import first_undecodable_line
from osteodx.errors import KnowledgeBaseError
from osteodx.ontology.obo import OboRelease, OboTerm

__all__ = ["read_obographs"]

_SCOPES = {"hasExactSynonym": "EXACT", "hasRelatedSynonym": "RELATED",
           "hasNarrowSynonym": "NARROW", "hasBroadSynonym": "BROAD"}
_ALT = ("hasAlternativeId",)
_REPLACED = ("IAO_0100001", "term_replaced_by")
_CONSIDER = ("consider",)
_VERSION = re.compile(r"releases/(\d{4}-\d{2}-\d{2})")


def _curie(uri: str) -> str:
    """``http://purl.obolibrary.org/obo/HP_0000118`` -> ``HP:0000118``."""
    tail = uri.rsplit("/", 1)[-1]
    return tail.replace("_", ":", 1) if "_" in tail and ":" not in tail else tail


def _pred_is(pred: str, names: tuple[str, ...]) -> bool:
    return any(pred.endswith(n) for n in names)


def read_obographs(path: Path) -> OboRelease:
    """Parse ``hp.json`` at *path*; raises :class:`KnowledgeBaseError` naming the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        graph: dict[str, Any] = data["graphs"][0]
    except UnicodeDecodeError as exc:  # its message names a byte offset, not a line
        raise (first_undecodable_line(path)
               or KnowledgeBaseError(f"{path}: not UTF-8 text: {exc}")) from None
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise KnowledgeBaseError(f"{path}: cannot read the HPO ontology (OBO Graphs JSON): "
                                 f"{exc}") from exc
    meta = graph.get("meta") or {}
    m = _VERSION.search(meta.get("version") or "")
    version = m.group(1) if m else ""
    if not version:
        for bpv in meta.get("basicPropertyValues") or []:
            if bpv.get("pred", "").endswith("versionInfo"):
                version = bpv.get("val", "")
    terms: dict[str, OboTerm] = {}
    for node in graph.get("nodes", []):
        tid = _curie(node.get("id", ""))
        if not tid.startswith("HP:") or node.get("type", "CLASS") != "CLASS":
            continue
        nm = node.get("meta") or {}
        term = OboTerm(id=tid, name=node.get("lbl") or "", obsolete=bool(nm.get("deprecated")))
        for syn in nm.get("synonyms") or []:
            term.synonyms.append((syn.get("val", ""), _SCOPES.get(syn.get("pred", ""), "RELATED")))
        for bpv in nm.get("basicPropertyValues") or []:
            pred, val = bpv.get("pred", ""), bpv.get("val", "")
            if _pred_is(pred, _ALT):
                term.alt_ids.append(val)
            elif _pred_is(pred, _REPLACED):
                term.replaced_by.append(_curie(val))
            elif _pred_is(pred, _CONSIDER):
                term.consider.append(_curie(val))
        terms[tid] = term
    for edge in graph.get("edges", []):
        if edge.get("pred") == "is_a":
            sub, obj = _curie(edge.get("sub", "")), _curie(edge.get("obj", ""))
            if sub in terms:
                terms[sub].parents.append(obj)
    if not terms:
        raise KnowledgeBaseError(f"{path}: no HPO classes found")
    return OboRelease(version=version, terms=list(terms.values()))
