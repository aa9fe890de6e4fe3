"""Held-out text round 23 (``benchmarks/text_rounds/round23``): what its first run misread,
each reading now a test (the lab and vocabulary fixes are in their own files)."""

from __future__ import annotations

import pytest

from osteodx.text.family import find_family_statements


def _read(text: str, kb):
    from osteodx.text.extract import extract_text

    return extract_text(text, kb, case_id="round23")


def _findings(text: str, kb) -> set[tuple[str, bool]]:
    return {(f.label, f.excluded) for f in _read(text, kb).case.findings}


def test_what_a_text_judges_unlikely_is_excluded(real_kb) -> None:
    got = _findings("Normal complements make post-infectious or lupus nephritis unlikely.",
                    real_kb)
    assert got == {("Lupus nephritis", True)}
    # the evidence before the verb stays the patient's
    assert _findings("Hypercalcaemia makes a parathyroid adenoma unlikely.", real_kb) == {
        ("Hypercalcemia", False), ("Parathyroid adenoma", True)}


def test_a_diagnosis_a_text_weighs_is_not_a_finding(real_kb) -> None:
    got = _findings("Recurrent gross hematuria with infections alone could suggest IgA "
                    "nephropathy.", real_kb)
    assert ("Macroscopic hematuria", False) in got
    assert not any(label.startswith("IgA") for label, _ in got)


def test_every_trigger_of_a_list_is_a_trigger(real_kb) -> None:
    assert not _findings("Episodes are triggered by exercise, fever and hot weather.", real_kb)
    assert not _findings("Attacks are precipitated by cold, stress, and fever.", real_kb)
    # what follows a comma and "and" after one trigger, or a new clause, is a finding again
    assert ("Easy fatigability", False) in _findings(
        "Aching pain in both legs, worse after exercise, and easy fatigability.", real_kb)
    assert ("Fever", False) in _findings("Pain is triggered by exercise; she has fever.",
                                         real_kb)


def test_an_aside_naming_what_is_not_normal_is_present(real_kb) -> None:
    got = _findings("Her speech is not clear (dysarthria).", real_kb)
    assert ("Dysarthria", False) in got
    assert ("Fever", True) in _findings("There is no fever (pyrexia).", real_kb)


def test_a_normal_bone_density_excludes_both_directions(real_kb) -> None:
    got = _findings("A DXA scan shows normal bone density (lumbar spine T-score -0.6).",
                    real_kb)
    assert got == {("Reduced bone mineral density", True),
                   ("Increased bone mineral density", True)}  # not the spine's morphology


def test_a_normal_side_does_not_exclude_what_the_other_side_shows(real_kb) -> None:
    text = ("Left lower limb: dense, flowing cortical hyperostosis of the femoral diaphysis. "
            "Right lower limb and both upper limbs: normal. Skull: normal.")
    got = _findings(text, real_kb)
    assert ("Metaphyseal sclerosis", True) not in got
    assert ("Increased skull ossification", True) in got  # another region still counts


@pytest.mark.parametrize(("text", "expected"), [
    # a plan for relatives says nothing of them
    ("I have referred Thomas to Clinical Genetics and recommended that his mother and sister "
     "have a dilated retinal examination.", []),
    # a side of the family
    ("There is no skeletal dysplasia on the maternal side.",
     [("maternal family members", False)]),
    ("Several relatives on the paternal side are deaf.", [("paternal family members", True)]),
    # an uncle's or aunt's child is a cousin, of that side
    ("A paternal uncle's son died aged 2 years of a bone marrow problem.", [("cousin", True)]),
    # a relative restated as the patient's: "His parents, Lily's paternal grandparents"
    ("His parents, Lily's paternal grandparents, are both of average height.",
     [("grandparents", False)]),
    # what must stay
    ("Her brother, Anna's husband, is well.", [("brother", False)]),
    ("Her mother's brother is deaf.", [("uncle", True)]),
    ("Her sister has scoliosis.", [("sister", True)]),
])
def test_family_readings(text: str, expected: list) -> None:
    assert [(s.relation, s.affected) for s in find_family_statements(text)] == expected


def test_a_side_is_named_in_the_note() -> None:
    (s,) = find_family_statements("A paternal uncle's son died aged 2 years.")
    assert s.note.startswith("paternal")


def test_a_negation_about_one_side_is_not_the_patients(real_kb) -> None:
    ex = _read("Her mother is well; there is no skeletal dysplasia on the maternal side.",
               real_kb)
    assert not ex.case.findings


def test_the_name_of_a_form_of_cystinosis_is_not_a_finding(real_kb) -> None:
    assert not _findings("Nephropathic cystinosis was diagnosed at 14 months.", real_kb)
    assert ("Nephropathy", False) in _findings("She has a nephropathy.", real_kb)
