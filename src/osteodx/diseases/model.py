"""Disease models before compilation: what a source says about one disease.

Every source (``phenotype.hpoa``, the hpo3 supplement, curated knowledge packs)
produces :class:`DiseaseSpec` objects; :mod:`osteodx.kb.build` merges them and
compiles the result into arrays.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["AnnotationSpec", "DiseaseSpec", "namespace_of"]


@dataclass(slots=True)
class AnnotationSpec:
    """One phenotype annotation of a disease."""

    hpo_id: str
    frequency: float | None  # None: the source gives no frequency
    frequency_text: str = ""
    negated: bool = False  # a curated absence (HPOA "NOT", pack "excluded: true")
    reference: str = ""
    origin: str = "hpoa"  # which source stated it
    sex: str = ""  # "MALE" or "FEMALE": the annotation holds for patients of that sex only


@dataclass(slots=True)
class DiseaseSpec:
    """Everything osteodx knows about one disease, from one or more sources."""

    disease_id: str
    label: str
    annotations: list[AnnotationSpec] = field(default_factory=list)
    inheritance: set[str] = field(default_factory=set)  # HPO mode-of-inheritance ids
    onsets: set[str] = field(default_factory=set)  # HPO onset ids
    #: clinical-course annotations with their frequencies (age of death, progression)
    course: list[AnnotationSpec] = field(default_factory=list)
    equivalent_ids: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)

    @property
    def namespace(self) -> str:
        return namespace_of(self.disease_id)


def namespace_of(disease_id: str) -> str:
    """Lower-case prefix of a disease id.

    >>> namespace_of("ORPHA:2777")
    'orpha'
    """
    return disease_id.split(":", 1)[0].lower()
