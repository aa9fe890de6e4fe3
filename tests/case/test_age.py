"""Phenopacket time elements as ages in years."""

from __future__ import annotations

import pytest

from osteodx.case.age import time_element_years


def _range(start: str | None, end: str | None) -> dict:
    rng = {}
    if start:
        rng["start"] = {"iso8601duration": start}
    if end:
        rng["end"] = {"iso8601duration": end}
    return {"ageRange": rng}


def test_a_reversed_age_range_is_an_error():
    with pytest.raises(ValueError, match="ends .* before it starts"):
        time_element_years(_range("P9Y", "P2Y"))


def test_an_open_ended_range_runs_on_from_its_start():
    assert time_element_years(_range("P10Y", None)) == (10.0, 120.0)
    assert time_element_years(_range("P2Y", "P4Y")) == (2.0, 4.0)


def test_gestational_age_counts_its_days_and_term_is_birth():
    weeks_36 = time_element_years({"gestationalAge": {"weeks": 36}})
    assert weeks_36[0] == pytest.approx(-4 * 7 / 365.25)
    plus_days = time_element_years({"gestationalAge": {"weeks": 36, "days": 7}})
    assert plus_days[0] == pytest.approx(-3 * 7 / 365.25)
    at_term = time_element_years({"gestationalAge": {"weeks": 42}})
    assert at_term == (0.0, 0.0) and str(at_term[0]) == "0.0"
