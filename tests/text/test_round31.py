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
    ("Her sister: radii absent.", [("sister", True)]),
    ("His father: short stature, positive.", [("father", True)]),
])
def test_absent_alone_says_nobody_is_affected(real_kb, text: str, expected) -> None:
    assert _family(real_kb, text) == expected
