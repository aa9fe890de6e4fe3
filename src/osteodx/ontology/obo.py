"""Read an HPO release's ``hp.obo`` with :mod:`fastobo` into plain Python data.

fastobo (Rust) parses the 10 MB file in about one second; the result is
flattened to lists here and compiled into arrays by :mod:`osteodx.ontology.graph`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from osteodx.datafiles import first_undecodable_line
from osteodx.errors import KnowledgeBaseError

__all__ = ["OboTerm", "OboRelease", "read_obo"]


@dataclass(slots=True)
class OboTerm:
    """One ``[Term]`` frame: what osteodx needs of it."""

    id: str
    name: str = ""
    parents: list[str] = field(default_factory=list)
    synonyms: list[tuple[str, str]] = field(default_factory=list)  # (text, scope)
    alt_ids: list[str] = field(default_factory=list)
    obsolete: bool = False
    replaced_by: list[str] = field(default_factory=list)
    consider: list[str] = field(default_factory=list)


@dataclass(slots=True)
class OboRelease:
    """The terms of one release and its ``data-version`` header."""

    version: str
    terms: list[OboTerm]


def read_obo(path: Path) -> OboRelease:
    """Parse ``hp.obo`` at *path*.

    Raises :class:`KnowledgeBaseError` naming the file (and the line, when there is
    one to name) when it cannot be read.
    """
    import fastobo  # here: only a build parses OBO (its import, ~20 ms, is not every run's)

    try:
        doc = fastobo.load(str(path))
    except SyntaxError as exc:  # a file cut short, or not OBO: fastobo names the line
        msg = " ".join(str(exc.msg).split())
        raise KnowledgeBaseError(f"{path}: line {exc.lineno}: cannot read the HPO ontology: "
                                 f"{msg}") from None
    except (OSError, ValueError) as exc:
        # fastobo reports bytes that are not UTF-8 without their line: find it
        located = first_undecodable_line(path) if path.is_file() else None
        if located is not None:
            raise located from None
        msg = " ".join(str(exc).split())
        raise KnowledgeBaseError(f"{path}: cannot read the HPO ontology: {msg}") from None
    version = ""
    for clause in doc.header:
        if type(clause).__name__ == "DataVersionClause":
            version = str(clause.version).rsplit("/", 1)[-1]
    terms: list[OboTerm] = []
    for frame in doc:
        if type(frame).__name__ != "TermFrame":
            continue
        term = OboTerm(id=str(frame.id))
        for clause in frame:
            kind = type(clause).__name__
            if kind == "NameClause":
                term.name = str(clause.name)
            elif kind == "IsAClause":
                term.parents.append(str(clause.term))
            elif kind == "SynonymClause":
                syn = clause.synonym
                term.synonyms.append((str(syn.desc), str(syn.scope)))
            elif kind == "AltIdClause":
                term.alt_ids.append(str(clause.alt_id))
            elif kind == "IsObsoleteClause":
                term.obsolete = bool(clause.obsolete)
            elif kind == "ReplacedByClause":
                term.replaced_by.append(str(clause.term))
            elif kind == "ConsiderClause":
                term.consider.append(str(clause.term))
        terms.append(term)
    if not terms:
        raise KnowledgeBaseError(f"{path}: no [Term] frames found")
    return OboRelease(version=version, terms=terms)
