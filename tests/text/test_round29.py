"""Text round 29 (``benchmarks/text_rounds/round29``): what its held-out run misread, each
reading now a test."""

from __future__ import annotations

import pytest

from osteodx.text.demographics import extract_demographics

_TABLE = """Investigations:

Test                       Admission   Discharge   Reference        Flag
Sodium (mmol/L)            138         140         133-146
Potassium (mmol/L)         2.6         3.6         3.5-5.5          L / -
Alk phos (U/L)             690         -           150-420          H
"""


def test_a_table_over_time_with_test_reference_and_flag_headings(real_kb) -> None:
    """"Test | Admission | Discharge | Reference | Flag": two results per row, each with the
    row's unit and range (a row without a flag has one cell fewer)."""
    from osteodx.text.extract import extract_text

    got = [(m["assay"]["label"], m["value"]["quantity"]["value"])
           for m in extract_text(_TABLE, real_kb, case_id="r29").phenopacket["measurements"]]
    assert got == [("Sodium", 138.0), ("Sodium", 140.0), ("Potassium", 2.6),
                   ("Potassium", 3.6), ("Alkaline phosphatase", 690.0)]


@pytest.mark.parametrize(("text", "age"), [
    ("Patient: Samuel A., male, DOB 02/05/2013 (age at meeting 13 years 6 months)\n", 13.5),
    ("My name is Hannah, I'm Leo's mum. We have the appointment on the 4th but I always forget "
     "when I'm in the room.\n\nLeo turned 4 in August. He never sweats.", 4.0),
])
def test_ages(text: str, age: float) -> None:
    assert extract_demographics(text).age_years == pytest.approx(age)


@pytest.mark.parametrize(("text", "label", "excluded"), [
    ("He never sweats, not even in summer.", "Anhidrosis", False),
    ("He does not sweat.", "Anhidrosis", False),  # the "not" is the finding's own word
    ("He overheats easily.", "Heat intolerance", False),
    ("He had loads of high temperatures as a baby.", "Fever", False),
    ("No high temperature.", "Fever", True),
])
def test_lay_words_for_sweating_and_temperature(real_kb, text: str, label: str,
                                                excluded: bool) -> None:
    from osteodx.text.extract import extract_text

    got = {f.label: f.excluded for f in extract_text(text, real_kb, case_id="r29").case.findings}
    assert got.get(label) is excluded


def test_a_list_of_findings_shares_no_head(real_kb) -> None:
    """"no weakness, sensory loss, nystagmus or ataxia": "sensory" belongs to "sensory loss";
    a shared head must fit every listed finding of its own (round 27's failure list)."""
    from osteodx.text.extract import extract_text

    got = {f.label: f.excluded for f in extract_text(
        "There was no weakness, sensory loss, nystagmus or ataxia.", real_kb,
        case_id="r27").case.findings}
    assert got == {"Muscle weakness": True, "Nystagmus": True, "Ataxia": True}
    # modifiers listed before an elided noun still share it
    ear = {f.label for f in extract_text("Defects of the outer, middle and inner ear.",
                                         real_kb, case_id="r27").case.findings}
    assert "Abnormality of the inner ear" in ear
