"""Turn each knowledge source into :class:`DiseaseSpec` objects."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from osteodx.datafiles import FileReport
from osteodx.diseases.hpoa import read_hpoa
from osteodx.diseases.model import AnnotationSpec, DiseaseSpec

__all__ = ["specs_from_hpoa", "specs_from_hpo3", "HPO3_AVAILABLE"]

HPO3_AVAILABLE: bool | None = None


def specs_from_hpoa(path: Path, report: FileReport | None = None) -> dict[str, DiseaseSpec]:
    """Disease models from a ``phenotype.hpoa`` file, keyed by disease id.

    Malformed rows are counted in *report* (see :func:`read_hpoa`).
    """
    specs: dict[str, DiseaseSpec] = {}
    for row in read_hpoa(path, report):
        spec = specs.get(row.disease_id)
        if spec is None:
            spec = specs[row.disease_id] = DiseaseSpec(row.disease_id, row.disease_name,
                                                       origins=["hpoa"])
        if row.aspect == "P":
            spec.annotations.append(AnnotationSpec(
                row.hpo_id, row.frequency, row.frequency_text,
                negated=row.negated or row.frequency == 0.0, reference=row.reference,
                sex=row.sex if row.sex in ("MALE", "FEMALE") else ""))
        elif row.aspect == "I" and not row.negated:
            spec.inheritance.add(row.hpo_id)
        elif row.aspect == "C" and not row.negated:
            spec.onsets.add(row.hpo_id)
            spec.course.append(AnnotationSpec(row.hpo_id, row.frequency, row.frequency_text,
                                              reference=row.reference))
        if row.onset and row.aspect == "P" and not row.negated:
            spec.onsets.add(row.onset)
    return specs


def _hpo3_module():  # pragma: no cover - trivial import shim
    """hpo3's compiled module. Both pyhpo and hpo3 install the ``pyhpo`` package,
    whichever was installed last owns ``pyhpo/__init__.py``; the Rust extension
    ``pyhpo.pyhpo`` is hpo3's in either case."""
    import importlib

    return importlib.import_module("pyhpo.pyhpo")


def specs_from_hpo3(known_terms: Iterable[str]) -> tuple[str, dict[str, DiseaseSpec],
                                                          dict[str, tuple[str, list[str]]]]:
    """Diseases and terms from the HPO release embedded in ``hpo3``.

    Returns ``(version, diseases, terms)`` where *terms* maps each term id of that
    release to ``(name, parent ids)``; the caller keeps what its own release lacks.
    hpo3 carries disease term sets without frequencies, NOT annotations or onset.
    """
    mod = _hpo3_module()
    onto = mod.Ontology
    try:  # build once per process; a second build only prints a notice
        len(onto)
    except NameError:
        onto()
    version = str(onto.version())
    terms: dict[str, tuple[str, list[str]]] = {}
    known = set(known_terms)
    for term in onto:
        if term.id in known:
            continue
        parents = [f"HP:{p:07d}" for p in term.parent_ids()]
        terms[term.id] = (term.name, parents)
    specs: dict[str, DiseaseSpec] = {}
    for prefix, diseases in (("OMIM", onto.omim_diseases), ("ORPHA", onto.orpha_diseases)):
        for disease in diseases:
            did = f"{prefix}:{disease.id}"
            spec = DiseaseSpec(did, disease.name, origins=[f"hpo3 {version}"])
            for t in sorted(disease.hpo):
                spec.annotations.append(AnnotationSpec(f"HP:{t:07d}", None,
                                                       origin=f"hpo3 {version}"))
            specs[did] = spec
    return version, specs, terms
