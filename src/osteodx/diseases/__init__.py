"""Disease models from phenotype.hpoa, the hpo3 supplement and curated knowledge packs,
with their OMIM-Orphanet pairs, numbered series and sourced prevalence."""

from osteodx.diseases.frequency import FREQUENCY_TERMS, parse_frequency
from osteodx.diseases.hpoa import HpoaRow, hpoa_version, read_hpoa
from osteodx.diseases.model import AnnotationSpec, DiseaseSpec, namespace_of
from osteodx.diseases.prevalence import Prevalence, PrevalenceTable, load_prevalence
from osteodx.diseases.series import numbered_series, share_series_features
from osteodx.diseases.sources import specs_from_hpo3, specs_from_hpoa

__all__ = ["FREQUENCY_TERMS", "parse_frequency", "HpoaRow", "hpoa_version", "read_hpoa",
           "AnnotationSpec", "DiseaseSpec", "namespace_of", "specs_from_hpo3", "specs_from_hpoa",
           "Prevalence", "PrevalenceTable", "load_prevalence", "numbered_series",
           "share_series_features"]
