"""Measured growth (height, weight, head circumference) as z-scores for age and sex.

A phenopacket gives a child's height as "128 cm" at "P9Y", not as a z-score; the HPO
defines *Short stature* by the z-score (more than 2 SD below the mean for age and sex). The
CDC 2000 growth charts give, for each sex and month of age, the LMS parameters of the
reference distribution (Cole's method: a Box-Cox power ``L``, median ``M`` and coefficient
of variation ``S``), from which

``z = ((x / M)^L - 1) / (L S)``  (``z = ln(x / M) / S`` when ``L = 0``).

The parameters are data (``knowledge/growth_cdc2000_lms.csv``, with their source in
``knowledge/anthropometry.yaml``), interpolated linearly between the tabulated ages; the
cut-offs and HPO terms are those the text reader uses for a written z-score (more than 2 SD
from the mean). An adult's height is compared with the 20-year reference (growth is over);
weight and head circumference are judged only at the ages the charts cover.

>>> round(lms_z(100.0, 1.0, 100.0, 0.05), 6), round(lms_z(105.0, 1.0, 100.0, 0.05), 6)
(0.0, 1.0)
>>> round(lms_z(90.0, 0.0, 100.0, 0.05), 3)
-2.107
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from osteodx.knowledge import load_yaml

__all__ = ["GrowthMeasure", "GrowthZ", "growth_measure_for_loinc", "growth_measures", "growth_z",
           "lms_z",
           "lms_value", "normal_centile"]


def lms_z(x: float, lam: float, mu: float, sigma: float) -> float:
    """The z-score of *x* under LMS parameters (Cole 1990)."""
    if abs(lam) < 1e-12:
        return math.log(x / mu) / sigma
    return ((x / mu) ** lam - 1.0) / (lam * sigma)


def lms_value(z: float, lam: float, mu: float, sigma: float) -> float:
    """The measurement at z-score *z* (the inverse of :func:`lms_z`).

    >>> round(lms_value(1.0, 1.0, 100.0, 0.05), 6)
    105.0
    """
    if abs(lam) < 1e-12:
        return mu * math.exp(sigma * z)
    return mu * (1.0 + lam * sigma * z) ** (1.0 / lam)


def normal_centile(z: float) -> float:
    """The centile (0-100) of a z-score.

    >>> round(normal_centile(-1.880794), 1)
    3.0
    """
    return 50.0 * (1.0 + math.erf(z / math.sqrt(2.0)))


@dataclass(frozen=True, slots=True)
class GrowthMeasure:
    """One measure (height, weight, head circumference) and how to judge it."""

    key: str
    label: str
    unit: str  # the unit the reference tables use
    loinc: tuple[str, ...]
    low: str  # HPO term below -2 SD (or the measure's own cut-off)
    low_label: str
    high: str
    high_label: str
    plausible: tuple[float, float]  # in ``unit``: outside, a value is a typing or unit error
    low_z: float
    high_z: float
    tables: tuple[tuple[str, float, float], ...]  # (table, from month, to month)
    adult_table: str | None  # used at its last age for adults, if growth is over then
    max_abs_z: float = 6.0  # further from the mean, a value is a slip, not a finding


@dataclass(frozen=True, slots=True)
class GrowthZ:
    """A measured value placed on its reference."""

    z: float
    centile: float
    table: str
    age_months: float  # the age the reference was read at
    adult: bool  # compared with the last age of the table (growth over)
    low_value: float  # the measurement at the low cut-off, for this age and sex
    high_value: float

    @property
    def text(self) -> str:
        """The z-score and centile as a clinician writes them: '-2.6 SD, 1st centile'."""
        return f"{self.z:+.1f} SD, {_centile_text(self.centile)}"


def _centile_text(c: float) -> str:
    if c < 1:
        return "below the 1st centile"
    if c > 99:
        return "above the 99th centile"
    n = int(round(c))
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} centile"


@cache
def _spec() -> dict[str, Any]:
    text = (resources.files("osteodx.knowledge") / "anthropometry.yaml").read_text("utf-8")
    return load_yaml(text)


@cache
def _tables() -> dict[tuple[str, int], np.ndarray]:
    """``(table, sex) -> rows of (age in months, L, M, S)``, sex 1 male, 2 female."""
    name = _spec()["growth_references"]["lms_file"]
    rows: dict[tuple[str, int], list[tuple[float, float, float, float]]] = {}
    with (resources.files("osteodx.knowledge") / name).open("r", encoding="utf-8") as fh:
        for r in csv.DictReader(line for line in fh if not line.startswith("#")):
            rows.setdefault((r["table"], int(r["sex"])), []).append(
                (float(r["agemos"]), float(r["L"]), float(r["M"]), float(r["S"])))
    return {k: np.array(sorted(v)) for k, v in rows.items()}


@cache
def growth_measures() -> dict[str, GrowthMeasure]:
    """The growth measures by key ("height", "weight", "head_circumference")."""
    spec = _spec()
    by_key = {m["key"]: m for m in spec["measures"]}
    out: dict[str, GrowthMeasure] = {}
    for key, m in spec["growth_references"]["measures"].items():
        base = by_key[key]
        out[key] = GrowthMeasure(
            key=key, label=m["label"], unit=m["unit"], loinc=tuple(m["loinc"]),
            low=base["low"], low_label=m["low_label"], high=base["high"],
            high_label=m["high_label"], plausible=(float(m["plausible"][0]),
                                                   float(m["plausible"][1])),
            low_z=float(base.get("low_z", spec["low_z"])),
            high_z=float(base.get("high_z", spec["high_z"])),
            tables=tuple((t["table"], float(t["months"][0]), float(t["months"][1]))
                         for t in m["tables"]),
            adult_table=m.get("adult_table"),
            max_abs_z=float(spec["growth_references"]["max_abs_z"]))
    return out


def growth_measure_for_loinc(code: str) -> GrowthMeasure | None:
    """The growth measure a LOINC code records (body height, weight, head circumference)."""
    for m in growth_measures().values():
        if code in m.loinc:
            return m
    return None


def growth_z(measure: GrowthMeasure, value: float, age_years: float, sex: str
             ) -> GrowthZ | str:
    """The z-score of *value* (in ``measure.unit``) for *age_years* and *sex*
    ("male"/"female"), or the reason there is none."""
    sex_code = {"male": 1, "female": 2}.get(sex)
    if sex_code is None:
        return "sex unknown"
    months = age_years * 12.0
    adult = False
    chosen = None
    for table, lo, hi in measure.tables:
        if lo <= months < hi or (months == hi and table == measure.tables[-1][0]):
            chosen = table
            break
    if chosen is None and measure.adult_table and months >= measure.tables[-1][2]:
        chosen, adult = measure.adult_table, True
    if chosen is None:
        lo, hi = measure.tables[0][1], measure.tables[-1][2]
        return f"the reference covers ages {lo / 12:g}-{hi / 12:g} years only"
    rows = _tables()[(chosen, sex_code)]
    at = float(rows[-1, 0]) if adult else min(max(months, rows[0, 0]), rows[-1, 0])
    lam, mu, sigma = (float(np.interp(at, rows[:, 0], rows[:, i])) for i in (1, 2, 3))
    z = lms_z(value, lam, mu, sigma)
    return GrowthZ(z=z, centile=normal_centile(z), table=chosen, age_months=at, adult=adult,
                   low_value=lms_value(measure.low_z, lam, mu, sigma),
                   high_value=lms_value(measure.high_z, lam, mu, sigma))
