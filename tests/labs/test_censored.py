"""Censored values ("CRP <10 mg/L", "ESR >20 mm/h"): judged only where the bound decides."""

from __future__ import annotations

import pytest

from osteodx.labs import interpret_measurements
from osteodx.labs.censored import Censored, judge_censored
from osteodx.text.labs import to_measurement
from tests.text.lab_helpers import one


@pytest.mark.parametrize(("cmp", "x", "low", "high", "expected"), [
    ("<", 10, 0, 8, Censored(None)),          # below 10: may be above 8
    ("<", 5, 0, 8, Censored("N")),            # below 5: not above 8, cannot be below 0
    ("<", 3, 2, 10, Censored(None, "high")),  # not high; may be low
    ("<", 2, 2, 10, Censored("L")),
    ("≤", 2, 2, 10, Censored(None, "high")),  # 2 itself is in range
    (">", 20, 0, 22.5, Censored(None)),       # above 20: may be above 22.5
    (">", 30, 0, 22.5, Censored("H")),
    ("≥", 22.5, 0, 22.5, Censored(None)),     # 22.5 itself is in range
    (">", 1.0, 0.8, 1.45, Censored(None, "low")),
    (">", 5, 0, None, Censored("N")),
    (">", 0.5, 0.8, 1.45, Censored(None)),
])
def test_the_bound_decides_or_nothing_is_said(cmp, x, low, high, expected):
    assert judge_censored(cmp, x, low, high) == expected


def _from_text(text: str, age: float = 40, sex: str = "MALE"):
    return interpret_measurements([to_measurement(one(text))], age_years=age, sex=sex)


def test_crp_below_a_bound_above_the_limit_is_not_high():
    w = _from_text("CRP <10 mg/L")
    assert w.findings == []
    assert any("does not decide whether it is high" in x for x in w.warnings), w.warnings


def test_esr_above_a_bound_below_the_limit_is_not_excluded():
    w = _from_text("ESR >20 mm/h")
    assert [f for f in w.findings if f.status == "excluded"] == []
    assert any("does not decide" in x for x in w.warnings), w.warnings


def test_decisive_bounds_give_findings():
    assert [(f.label, f.status) for f in _from_text("ESR >40 mm/h").findings] == \
        [("Elevated erythrocyte sedimentation rate", "observed")]
    crp = _from_text("CRP <5 mg/L").findings
    assert crp and all(f.status == "excluded" for f in crp)


def test_a_one_sided_verdict_excludes_only_its_side():
    w = _from_text("Phosphate >1.0 mmol/L")
    assert [(f.label, f.status) for f in w.findings] == [("Hypophosphatemia", "excluded")]


def test_the_comparator_is_written_and_read_back():
    m = to_measurement(one("CRP <10 mg/L"))
    assert "Value as printed: <10.0 (censored" in m["description"]
    assert m["value"]["quantity"]["value"] == 10.0
