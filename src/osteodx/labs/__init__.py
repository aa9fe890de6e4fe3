"""Lab interpretation: phenopacket ``measurements`` -> lab results and HPO findings.

* :mod:`~osteodx.labs.catalogue` - the curated lab catalogue (``labs.yaml``):
  analytes by LOINC code or name, units, reference ranges, HPO terms.
* :mod:`~osteodx.labs.units` - UCUM units as written in phenopackets, and
  conversions (mass <-> moles through the molar mass).
* :mod:`~osteodx.labs.growth` - body height, weight and head circumference as
  z-scores for age and sex on the CDC 2000 growth references (LMS method).
* :mod:`~osteodx.labs.vitals` - heart rate, blood pressure, oxygen saturation and QTc
  against guideline thresholds (``vitals.yaml``), for measurements and text alike.
* :mod:`~osteodx.labs.plausibility` - a value implausible in its stated unit (a unit
  slip such as calcium 2.4 mg/dL), and the catalogue unit it would fit.
* :mod:`~osteodx.labs.complex_value` - a measurement's ``complexValue`` (a
  blood-pressure panel) as the systolic and diastolic readings it holds.
* :mod:`~osteodx.labs.codes` - the codes ``osteodx extract`` writes where a report
  does not give what the schema requires (a one-sided limit, a unit not written, a
  laboratory's word), and their reading back.
* :mod:`~osteodx.labs.interpret` - :func:`interpret_measurements`, which
  judges each result against the case's or the catalogue's range and turns
  it into observed or excluded HPO findings, with warnings for anything it
  cannot use (:mod:`~osteodx.labs.reading` fills in each result).
"""

from osteodx.labs.catalogue import (
    Analyte,
    Catalogue,
    HpoMap,
    HpoTerm,
    Panel,
    ReferenceRange,
    all_names,
    find_by_loinc,
    find_by_name,
    load_catalogue,
    name_key,
)
from osteodx.labs.growth import (
    GrowthMeasure,
    GrowthZ,
    growth_measure_for_loinc,
    growth_measures,
    growth_z,
)
from osteodx.labs.interpret import hpo_findings, interpret_measurements
from osteodx.labs.ranges import Range
from osteodx.labs.result import Interpretation, LabResult, LabWorkup
from osteodx.labs.ucum import Unit, UnitError, parse_ucum, parse_unit, ucum_from_label
from osteodx.labs.units import convert, convertible

__all__ = [
    "Analyte",
    "Catalogue",
    "GrowthMeasure",
    "GrowthZ",
    "HpoMap",
    "HpoTerm",
    "Interpretation",
    "LabResult",
    "LabWorkup",
    "Panel",
    "Range",
    "ReferenceRange",
    "Unit",
    "UnitError",
    "all_names",
    "convert",
    "convertible",
    "find_by_loinc",
    "find_by_name",
    "growth_measure_for_loinc",
    "growth_measures",
    "growth_z",
    "hpo_findings",
    "interpret_measurements",
    "load_catalogue",
    "name_key",
    "parse_ucum",
    "parse_unit",
    "ucum_from_label",
]
