"""The Case model and its readers (Phenopacket v2 JSON/YAML)."""

from osteodx.case.age import iso8601_years, time_element_years
from osteodx.case.model import Case, Finding
from osteodx.case.phenopacket import case_from_phenopacket, parse_document, read_case

__all__ = ["Case", "Finding", "iso8601_years", "time_element_years", "case_from_phenopacket",
           "parse_document", "read_case"]
