"""Match codes: how a finding relates to a disease's annotations."""

from __future__ import annotations

__all__ = ["MATCH_CODES", "NO_MATCH", "EXACT", "FINDING_MORE_GENERAL", "FINDING_MORE_SPECIFIC",
           "COMMON_ANCESTOR", "NEGATED", "EXCLUDED_PRESENT", "EXCLUDED_NEGATED",
           "EXCLUDED_ABSENT", "OPPOSITE"]

NO_MATCH = 0
EXACT = 1
FINDING_MORE_GENERAL = 2  # the disease is annotated with a descendant of the finding
FINDING_MORE_SPECIFIC = 3  # the finding is a descendant of a disease annotation
COMMON_ANCESTOR = 4  # finding and annotation share an informative ancestor
NEGATED = 5  # observed, but the disease is curated as NOT having it
EXCLUDED_PRESENT = 6  # excluded in the patient, annotated to the disease
EXCLUDED_NEGATED = 7  # excluded in the patient, curated absent in the disease
EXCLUDED_ABSENT = 8  # excluded in the patient, not annotated to the disease
OPPOSITE = 9  # observed, and the disease has its opposite (increased vs decreased PTH)

#: code -> name used in JSON output
MATCH_CODES: dict[int, str] = {
    NO_MATCH: "no_match",
    EXACT: "exact",
    FINDING_MORE_GENERAL: "finding_more_general",
    FINDING_MORE_SPECIFIC: "finding_more_specific",
    COMMON_ANCESTOR: "common_ancestor",
    NEGATED: "disease_lacks_finding",
    EXCLUDED_PRESENT: "excluded_but_expected",
    EXCLUDED_NEGATED: "excluded_and_absent_in_disease",
    EXCLUDED_ABSENT: "excluded_not_annotated",
    OPPOSITE: "disease_has_opposite",
}
