"""Growth in text: z-scores and centiles as written, and raw readings placed on the CDC
2000 reference for the patient's age and sex."""

from __future__ import annotations

import pytest

from osteodx.text.anthropometry import find_growth_statements

SHORT, TALL, LIGHT, MICRO = "HP:0004322", "HP:0000098", "HP:0004325", "HP:0000252"


def _found(text: str, **kw) -> set[tuple[str, bool]]:
    return {(g.hpo_id, g.excluded) for g in find_growth_statements(text, **kw)}


def test_written_z_score_needs_no_age():
    assert _found("Height 86 cm (-2.4 SD).") == {(SHORT, False)}


def test_raw_height_and_weight_for_a_ten_year_old_girl():
    found = find_growth_statements("On examination her height was 118 cm and weight 20.5 kg.",
                                   age_years=10, sex="female")
    assert {(g.hpo_id, g.excluded) for g in found} == {(SHORT, False), (LIGHT, False)}
    height = next(g for g in found if g.key == "height")
    assert height.z < -2 and "CDC 2000" in height.note and height.note.startswith("height was")


def test_raw_reading_within_two_sd_excludes_both():
    assert _found("Height 138 cm.", age_years=10, sex="male") == {(SHORT, True), (TALL, True)}


def test_metres_and_adult_height():
    assert _found("Height 1.45 m.", age_years=40, sex="female") == {(SHORT, False)}


@pytest.mark.parametrize("text, kw", [
    ("Her height was 118 cm.", {"age_years": None, "sex": "female"}),   # age unknown
    ("Her height was 118 cm.", {"age_years": 10, "sex": None}),         # sex unknown
    ("At 2 years her length was 80 cm.", {"age_years": 10, "sex": "female"}),  # another age
    ("Birth weight 2.1 kg.", {"age_years": 10, "sex": "female"}),
    ("Her mother's height is 150 cm.", {"age_years": 10, "sex": "female"}),  # a relative
    ("Weight 70 kg.", {"age_years": 40, "sex": "male"}),  # no adult weight reference
    ("Height 11 cm.", {"age_years": 10, "sex": "male"}),  # implausible
])
def test_raw_readings_that_say_nothing_about_the_patient_now(text, kw):
    assert _found(text, **kw) == set()


def test_infant_head_circumference():
    assert _found("OFC 39 cm.", age_years=0.5, sex="female") == {(MICRO, False)}


@pytest.mark.parametrize("text", ["He was a big baby (4.6 kg, length 57 cm at term).",
                                  "He is born in term (39 weeks), weight 3150 g, length 49 cm.",
                                  "Height 60 cm."])  # beyond 5 SD: another age, or a slip
def test_birth_readings_and_far_outliers_are_not_todays(text):
    assert _found(text, age_years=4, sex="male") == set()


def test_a_readings_own_centile_in_parentheses_wins():
    text = "Weight 6.9 kg (50th), length 64.5 cm (50th-75th), OFC 39 cm (0.4th)."
    assert _found(text, age_years=0.44, sex="female") == {
        ("HP:0004325", True), ("HP:0004324", True), (SHORT, True), (TALL, True), (MICRO, False)}


@pytest.mark.parametrize("text, age, ftt", [
    ("Weight: he was on the 50th centile at 6 months and has dropped to just below the 9th "
     "centile this week.", 0.9, True),
    ("Weight has fallen from the 50th centile to the 25th centile.", 0.9, False),  # one space
    ("Weight fell from the 8th centile to the 2nd centile.", 2.0, True),  # below the 9th: one
    ("Weight has dropped from the 50th centile to the 9th centile.", 30.0, False),  # an adult
])
def test_weight_falling_across_centile_spaces_is_faltering_growth(text, age, ftt):
    got = find_growth_statements(text, age_years=age)
    assert any(g.hpo_id == "HP:0001508" and not g.excluded for g in got) == ftt
    # the reading judged is the latest one
    assert not any(g.hpo_id == "HP:0004325" and not g.excluded for g in got) or "2nd" in text


def test_a_raw_reading_absurd_for_the_age_is_warned_about():
    warnings: list[str] = []
    found = find_growth_statements("Weight 3 kg. Height 250 cm.", age_years=10, sex="female",
                                   warnings=warnings)
    assert found == []
    assert len(warnings) == 2 and all("beyond the plausible 6 SD" in w for w in warnings)
