"""The Human Phenotype Ontology: parsing, compiled graph, release location."""

from osteodx.ontology.graph import HPO_ID, PHENOTYPIC_ABNORMALITY, ROOT, Ontology, ResolvedTerm
from osteodx.ontology.obo import OboRelease, OboTerm, read_obo
from osteodx.ontology.release import ENV_HPO_DIR, HpoRelease, locate_release

__all__ = ["HPO_ID", "PHENOTYPIC_ABNORMALITY", "ROOT", "Ontology", "ResolvedTerm", "OboRelease",
           "OboTerm", "read_obo", "ENV_HPO_DIR", "HpoRelease", "locate_release"]
