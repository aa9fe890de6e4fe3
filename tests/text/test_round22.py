"""Held-out text round 22 (``benchmarks/text_rounds/round22``): what its first run misread,
each reading now a test."""

from __future__ import annotations

import pytest

from osteodx.text.family import find_family_statements


@pytest.mark.parametrize(("text", "expected"), [
    ("Mum staying on ward, dad coming in AM.", []),
    ("Parents note a wide nose and a bony bump over the bridge of the nose.", []),
    ("Her mother and maternal relatives are of normal stature; a 6-year-old brother is healthy "
     "and attends mainstream school.",
     [("mother", False), ("maternal family members", False), ("brother", False)]),
    # what must stay a relative's condition
    ("Her mother stayed in hospital for a month with pneumonia.", [("mother", True)]),
    ("Her father came to clinic with back pain.", [("father", True)]),
])
def test_family_readings(text: str, expected: list) -> None:
    assert [(s.relation, s.affected) for s in find_family_statements(text)] == expected


def _read(text: str, kb):
    from osteodx.text.extract import extract_text

    return extract_text(text, kb, case_id="round22")


def test_a_result_with_an_adverb_and_no_verb() -> None:
    from osteodx.text.labs import extract_labs

    assert [(x.label, x.qualitative) for x in extract_labs(
        "Bloods: alkaline phosphatase mildly raised.")] == [("Alkaline phosphatase", "high")]


def test_big_and_also_in_a_predicate(real_kb) -> None:
    ex = _read("The spleen is very big and the liver is also enlarged.", real_kb)
    assert {(f.label, f.excluded) for f in ex.case.findings} == {
        ("Splenomegaly", False), ("Hepatomegaly", False)}


def test_a_negation_about_the_pedigree_is_the_familys(real_kb) -> None:
    ex = _read("There is no other history of heart disease, learning difficulty or leukaemia in "
               "the three-generation pedigree.", real_kb)
    assert not ex.case.findings
    assert [(f["relation"], f["affected"]) for f in ex.family] == [("family members", False)]
