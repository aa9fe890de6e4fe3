"""Text round 31 (``benchmarks/text_rounds/round31``): what its held-out run misread, each
reading now a test."""

from __future__ import annotations

import pytest


def _measurements(kb, text: str) -> list[tuple[str, float]]:
    from osteodx.text.extract import extract_text

    doc = extract_text("A 12-year-old boy has short stature. " + text, kb, case_id="r31")
    return [(m["assay"]["label"], m["value"]["quantity"]["value"])
            for m in doc.phenopacket.get("measurements", [])]


def _family(kb, text: str) -> list[tuple[str, bool | None]]:
    from osteodx.text.extract import extract_text

    doc = extract_text("A 12-year-old boy has short stature. " + text, kb, case_id="r31")
    return [(f["relation"], f["affected"]) for f in doc.family]


@pytest.mark.parametrize("text", [
    # a clock time, how often, a dose per kilogram: none is a result
    "Serum cortisol 8 AM after 1 mg dexamethasone overnight: see below.",
    "Continue red cell transfusions; ferritin 3-monthly; start chelation when criteria met.",
    "Discharge medication: potassium chloride 2 mmol/kg/day in 4 divided doses; sodium "
    "chloride 3 mmol/kg/day.",
    "Repeat cortisol at 9 am tomorrow.",
])
def test_numbers_that_are_no_results(real_kb, text: str) -> None:
    assert _measurements(real_kb, text) == []


def test_results_beside_them_are_still_read(real_kb) -> None:
    got = _measurements(real_kb, "Calcium 2.1 mmol/L, potassium 3.1 mmol/L at 8 am; ferritin "
                                 "12 ng/mL, to be repeated 3-monthly.")
    assert got == [("Calcium", 2.1), ("Potassium", 3.1), ("Ferritin", 12.0)]


@pytest.mark.parametrize("text", [
    "Genetic testing identified the recurrent heterozygous c.-14C>T variant in the 5' "
    "untranslated region of IFITM5, absent in both parents.",
    "Born at 31+3 weeks after spontaneous preterm labour, to a 29-year-old mother (G2P1).",
    "Discussed w/ parents on WR.",
])
def test_relatives_named_without_a_health_status(real_kb, text: str) -> None:
    assert all(affected is None for _, affected in _family(real_kb, text))


@pytest.mark.parametrize(("text", "expected"), [
    ("His mother has the same fracture pattern.", [("mother", True)]),
    ("Her father has a missense variant and short stature.", [("father", True)]),
    ("Both parents are well.", [("parents", False)]),
])
def test_relatives_with_a_status_keep_it(real_kb, text: str, expected) -> None:
    assert _family(real_kb, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Family history: absent.", [("family members", False)]),
    ("Family history: none.", [("family members", False)]),
    # (absent radii: a finding, unrelated to his short stature, so her status is unknown -
    # never "unaffected")
    ("Her sister: radii absent.", [("sister", None)]),
    ("His father: short stature, positive.", [("father", True)]),
])
def test_absent_alone_says_nobody_is_affected(real_kb, text: str, expected) -> None:
    assert _family(real_kb, text) == expected


def _qualitative(kb, text: str) -> list[tuple[str, str]]:
    from osteodx.text.extract import extract_text

    doc = extract_text("A 30-year-old woman. " + text, kb, case_id="r31")
    return [(m["assay"]["label"], m["value"]["ontologyClass"]["label"])
            for m in doc.phenopacket.get("measurements", []) if "ontologyClass" in m["value"]]


@pytest.mark.parametrize(("text", "expected"), [
    # results in words in the present tense are this patient's
    ("The ACTH is suppressed.", [("ACTH", "Reduced")]),
    ("The 24-hour urine free cortisol is elevated.", [("Urinary free cortisol", "Elevated")]),
    ("Renin and aldosterone were both very high.", [("Renin", "Elevated"),
                                                    ("Aldosterone", "Elevated")]),
    ("In our patient, the phosphate is low.", [("Phosphate", "Reduced")]),
    # ... unless the sentence speaks in general or of a rule
    ("In XLH, the phosphate is low.", []),
    ("ALP is usually elevated in rickets.", []),
    ("If the calcium is low, give calcium gluconate.", []),
])
def test_results_in_words_in_the_present_tense(real_kb, text: str, expected) -> None:
    assert _qualitative(real_kb, text) == expected


@pytest.mark.parametrize(("text", "hpo_id"), [
    ("Echo: DCM.", "HP:0001644"),
    ("Echo: LV non-compaction.", "HP:0011664"),
    ("Gowers +ve.", "HP:0003391"),
    ("His reflexes are weak.", "HP:0001265"),
    ("Thread veins on both cheeks.", "HP:0001009"),
    ("He burns easily in the sun.", "HP:0000992"),
])
def test_shorthand_and_lay_words(real_kb, text: str, hpo_id: str) -> None:
    from osteodx.text.extract import extract_text

    doc = extract_text("A 10-year-old boy. " + text, real_kb, case_id="r31")
    assert [(f.hpo_id, f.status) for f in doc.case.findings] == [(hpo_id, "observed")]
