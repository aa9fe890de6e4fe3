"""Text round 25 (``benchmarks/text_rounds/round25``): what its held-out run misread, each
reading now a test (the vocabulary fixes are in test_round25_vocabulary.py)."""

from __future__ import annotations

import pytest

from osteodx.text.demographics import extract_demographics
from osteodx.text.family import find_family_statements
from osteodx.text.narrator import parent_narrator
from osteodx.text.sentences import find_sections


def test_a_meeting_s_background_after_its_patient_line_is_the_patient_s() -> None:
    text = ("TEAM MEETING - SUMMARY\n\nPatient: Bilal H., 12-year-old boy\n\n"
            "Background: Postaxial polydactyly of both hands.\n\n"
            "Discussion: The combination meets clinical criteria.\n")
    assert [(s.name, s.heading) for s in find_sections(text)][1:] == [
        ("case", "Patient"), ("case", "Background"), ("discussion", "Discussion")]
    # an article's background, before its case, stays the literature
    article = ("Background: Osteopetrosis is rare.\n\nCase report: A 3-year-old boy.\n\n"
               "Discussion: We describe.\n")
    assert [s.name for s in find_sections(article)] == ["front", "introduction", "case",
                                                        "discussion"]


def test_a_parent_introducing_themselves_opens_a_parent_s_account() -> None:
    text = ("Hi Dr Patel, This is Sophie's mum, Kelly. Sophie is 3 and a half now (born Sept "
            "2021) and we are seeing you on the 14th. I wanted to write some things down "
            "because I always forget.")
    assert parent_narrator(text)
    assert extract_demographics(text).age_years == 3.5
    assert find_family_statements(text) == []  # the writer, not an affected mother


@pytest.mark.parametrize(("text", "expected"), [
    ("Family stuff you asked about: me and her dad aren't related.", [("parents", None)]),
    ("Parents are unrelated and both well.", [("parents", None), ("parents", False)]),
    ("Her big brother Jack is 7 and he is completely fine.", [("brother", False)]),
    ("Her mother is 34 and she has a large head.", [("mother", True)]),
    # an obstetric event is no disease of the mother's
    ("His mother, Rachel (32), is well; she had one early miscarriage.", [("mother", False)]),
    # the pronoun of another sex is not the relative's
    ("His mother is 40 and he has scoliosis.", []),
    # a relative's child named as a boy or a girl
    ("Her sister's little boy has autism.", [("nephew", True)]),
])
def test_family_readings(text: str, expected: list) -> None:
    got = [(s.relation, s.affected) for s in find_family_statements(text)]
    assert sorted(got, key=str) == sorted(expected, key=str)


def test_an_eponymous_disease_named_is_no_finding(real_kb) -> None:
    from osteodx.text.extract import extract_text

    def found(text: str) -> set[str]:
        return {f.label for f in extract_text(text, real_kb, case_id="r25").case.findings}

    assert not found("Fanconi anemia is the leading diagnosis.")
    assert "Anemia" in found("She has severe anemia.")  # what must stay


def test_less_likely_is_judged_absent(real_kb) -> None:
    from osteodx.text.extract import extract_text

    ex = extract_text("Leukemia is felt less likely with no blasts, but marrow is needed.",
                      real_kb, case_id="r25")
    assert ("Leukemia", True) in {(f.label, f.excluded) for f in ex.case.findings}


def test_there_is_no_subject_shared_with_an_earlier_noun(real_kb) -> None:
    from osteodx.text.extract import extract_text

    ex = extract_text("Smaller exostoses are seen on the left 6th and 7th ribs, and there are "
                      "broad-based exostoses of both proximal tibiae.", real_kb, case_id="r25")
    assert "Broad ribs" not in {f.label for f in ex.case.findings}


@pytest.mark.parametrize(("text", "label"), [
    ("The radial head is not dislocated.", "Dislocated radial head"),
    ("The kidneys were not enlarged.", "Enlarged kidney"),
])
def test_a_negated_predicate_is_excluded(real_kb, text: str, label: str) -> None:
    from osteodx.text.extract import extract_text

    got = {(f.label, f.excluded) for f in extract_text(text, real_kb, case_id="r25").case.findings}
    assert (label, True) in got and (label, False) not in got


def test_what_must_stay_beside_a_negated_predicate(real_kb) -> None:
    from osteodx.text.extract import extract_text

    got = {(f.label, f.excluded) for f in extract_text(
        "The kidneys were not enlarged and the liver was enlarged. The liver and the spleen "
        "are not enlarged in the sister.", real_kb, case_id="r25").case.findings}
    assert ("Hepatomegaly", False) in got
