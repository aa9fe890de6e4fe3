"""Blood pressure readings as findings, with the guideline thresholds of knowledge/vitals.yaml."""

from __future__ import annotations

import pytest

from osteodx.text.vitals import find_vital_signs


@pytest.mark.parametrize(("text", "age", "high"), [
    ("Blood pressure today 146/94, and 144/92 on repeat.", 22, True),
    ("BP 138/92 mmHg.", 40, True),  # the diastolic alone
    ("BP 132/82.", 40, False),
    ("BP 132/82.", 15, True),  # adolescent threshold 130/80
    ("BP: 128/84 (>95th centile for age).", 6, True),
    ("BP 128/84.", 6, False),  # a child's reading needs its centile
    ("BP 150/95.", None, False),  # unknown age: not judged
    ("Her mother's BP was 160/100.", 30, False),  # not the patient's
])
def test_readings(text: str, age: float | None, high: bool) -> None:
    found = find_vital_signs(text, age_years=age)
    assert bool(found) == high
    if found:
        assert found[0].hpo_id == "HP:0032263" and "mmHg" in found[0].note


def test_one_finding_per_reading_and_no_false_fractions() -> None:
    assert len(find_vital_signs("BP 150/95 then 152/96.", age_years=50)) == 1
    assert find_vital_signs("BP reached in 2/3 of cases.", age_years=50) == []


@pytest.mark.parametrize("text, sex, found", [
    ("ECG: SR 61, QT 500ms, QTc (Bazett) 506ms, broad T waves.", "female", True),
    ("QTc 455 ms.", "male", True),
    ("QTc 455 ms.", "female", False),  # women's threshold 460 ms
    ("QTc 455 ms.", None, False),  # sex unknown: the higher threshold
    ("QTc 440ms.", "male", False),
    ("Mum - QTc 478 on ECG today.", "female", False),  # a relative's
])
def test_prolonged_qtc_by_sex(text, sex, found):
    got = [v.hpo_id for v in find_vital_signs(text, 15, sex=sex)]
    assert got == (["HP:0005184"] if found else [])


@pytest.mark.parametrize("text, age, expected", [
    ("HR 112, BP 118/72.", 34, ["HP:0001649"]),
    ("BP 84/50, pulse 44 bpm.", 34, ["HP:0002615", "HP:0001662"]),
    ("SpO2 88% in air.", 4, ["HP:0012418"]),
    ("HR 148, RR 38, SpO2 92% in air.", 4, ["HP:0001649"]),  # 99th centile at 4 y: 131
    ("HR 110, RR 24.", 4, []),  # within the 1st-99th centiles for age
    ("Pulse 190/min.", 0.5, ["HP:0001649"]),  # 99th centile at 6-9 months: 168
    ("HR 60 bpm.", 1.2, ["HP:0001662"]),  # 1st centile at 12-18 months: 88
    ("HR 112.", 34, ["HP:0001649"]),  # a full stop is not a decimal point
    ("PR interval 220 ms. HR 72. Sats 97%.", 70, []),
    ("His mother's pulse was 130.", 50, []),
    ("HR 112.", None, []),
])
def test_heart_rate_hypotension_and_oxygen_saturation(text, age, expected):
    assert [v.hpo_id for v in find_vital_signs(text, age_years=age)] == expected


@pytest.mark.parametrize("text, found", [
    ("A 9-year-old boy. Blood pressure was 150/100 mmHg.", True),  # stage 2 at any height
    ("A 9-year-old boy. Blood pressure was 118/76 mmHg.", False),  # needs its centile
])
def test_a_childs_reading_of_140_90_or_more_needs_no_centile(text, found):
    from osteodx.text.demographics import extract_demographics

    age = extract_demographics(text).age_years
    got = find_vital_signs(text, age_years=age)
    assert bool(got) is found
    if found:
        assert got[0].hpo_id == "HP:0032263" and "stage 2 at any height" in got[0].note


def test_a_swapped_blood_pressure_is_warned_about_not_dropped():
    from osteodx.text.vitals import find_vital_signs

    warnings: list[str] = []
    assert find_vital_signs("BP 80/150.", age_years=45, warnings=warnings) == []
    assert len(warnings) == 1 and "likely swapped" in warnings[0]


@pytest.mark.parametrize("text,age,hpo,shown", [
    ("Blood pressure 18.7/12 kPa.", 40, "HP:0032263", "18.7/12 kPa (140/90 mmHg)"),
    ("BP 21.3/13.3 kPa at rest.", 40, "HP:0032263", "21.3/13.3 kPa (160/100 mmHg)"),
    ("BP 10.7/6.7 kPa.", 40, "HP:0002615", "10.7/6.7 kPa (80/50 mmHg)"),
    ("On examination her blood pressure was 17.3 / 11.3 kPa.", 15, "HP:0032263",
     "17.3/11.3 kPa (130/85 mmHg)"),
])
def test_a_reading_in_kpa_is_converted_and_named_as_written(text, age, hpo, shown):
    warnings: list[str] = []
    (v,) = find_vital_signs(text, age_years=age, warnings=warnings)
    assert v.hpo_id == hpo and shown in v.note and not warnings
    assert "kPa" in text[v.start:v.end]


@pytest.mark.parametrize("text", ["BP 16/10.7 kPa.", "Blood pressure 15.3/9.3 kPa."])
def test_a_normal_reading_in_kpa_is_no_finding(text):
    warnings: list[str] = []
    assert find_vital_signs(text, age_years=40, warnings=warnings) == [] and not warnings


@pytest.mark.parametrize("text,mmhg,hint", [
    ("BP 120/80 kPa.", "900/600 mmHg", "120/80 mmHg would be plausible"),
    ("Her blood pressure was 150/100 kPa.", "1125/750 mmHg", "150/100 mmHg would be plausible"),
    ("BP 2/1 kPa.", "15/8 mmHg", None),
])
def test_an_implausible_reading_in_kpa_is_a_warning_not_a_finding(text, mmhg, hint):
    warnings: list[str] = []
    assert find_vital_signs(text, age_years=40, warnings=warnings) == []
    (w,) = warnings
    assert mmhg in w and "check the unit" in w and w.endswith("not used")
    assert (hint in w) if hint else "would be" not in w


def test_a_kpa_reading_is_never_read_as_mmhg():
    # 150/100 read as mmHg would be hypertension; in kPa it is a slip
    assert find_vital_signs("BP 150/100 kPa.", age_years=40, warnings=[]) == []
    assert find_vital_signs("BP 150/100.5 kPa.", age_years=40, warnings=[]) == []


def test_a_swapped_kpa_reading_is_warned_about():
    warnings: list[str] = []
    assert find_vital_signs("BP 10/12 kPa.", age_years=40, warnings=warnings) == []
    (w,) = warnings
    assert "diastolic 90 exceeds systolic 75 (likely swapped)" in w
