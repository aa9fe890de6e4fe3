"""Wording of session 22: UK school grades of learning difficulty, proportions written
"per cent", and the CD4 percentage's own LOINC code."""

from __future__ import annotations

import pytest

from osteodx.text.extract import extract_text


def _found(text: str, kb) -> dict[str, str]:
    return {f.label: f.status for f in extract_text(text, kb, case_id="c").case.findings}


@pytest.mark.parametrize(("text", "label"), [
    ("He has moderate learning difficulties and attends a special school.",
     "Intellectual disability, moderate"),
    ("She has mild learning difficulties.", "Intellectual disability, mild"),
    ("He has severe learning difficulties.", "Intellectual disability, severe"),
    ("She has profound and multiple learning difficulties.", "Intellectual disability, profound"),
    ("He has specific learning difficulties in reading.", "Specific learning disability"),
])
def test_graded_learning_difficulties_are_intellectual_disability(real_kb, text, label):
    found = _found(text, real_kb)
    assert found.get(label) == "observed", found
    if label != "Specific learning disability":
        assert "Specific learning disability" not in found


@pytest.mark.parametrize(("text", "key", "unit", "low"), [
    ("Tubular reabsorption of phosphate 78 per cent (normal above 85)", "trp_phosphate", "%",
     85.0),
    ("CD4 25 per cent", "cd4_percent", "%", None),
])
def test_per_cent_in_words_is_the_percent_unit(text, key, unit, low):
    from osteodx.text.labs import extract_labs

    (lab,) = extract_labs(text)
    assert (lab.analyte, lab.ucum, lab.reference_low) == (key, unit, low)


@pytest.mark.parametrize(("text", "names"), [
    ("His father Imran (32) and mother Sadia (28) are first cousins.",
     {"imran": "father", "sadia": "mother"}),
    ("Parents: Imran (father, 32) and Sadia (mother, 28), first cousins.",
     {"imran": "father", "sadia": "mother"}),
    ("The father, Imran Khan, is healthy. Mother Sadia Bibi, 28, is well.",
     {"imran": "father", "sadia": "mother"}),
    ("The mother (Sadia, 28) and the father (Imran) are cousins.",
     {"imran": "father", "sadia": "mother"}),
    ("I saw Ruby with her parents, Lisa and Dan.", {"lisa": "parent", "dan": "parent"}),
    ("Her parents, Lisa and Dan, are well. Dan (father, 34) is tall.",
     {"lisa": "parent", "dan": "father"}),
    # a title or a pronoun is no name
    ("Her mother, Mrs Patel, is well; her brother, who is 8, is well.", {}),
])
def test_relatives_introduced_by_name(text, names):
    from osteodx.text.named_relatives import relative_names

    assert relative_names(text) == names


def _family(text: str, kb) -> set[tuple[str, object]]:
    return {(f["relation"], f["affected"]) for f in extract_text(text, kb, case_id="c").family}


def test_a_named_parent_s_relatives_are_placed(real_kb):
    got = _family("Ayaan is a 6-year-old boy with short stature. Parents: Imran (father, 32) and "
                  "Sadia (mother, 28), first cousins. Imran's sister is well. Sadia's father had "
                  "short stature.", real_kb)
    assert got == {("parents", None), ("aunt", False), ("grandfather", True)}
    notes = {f["relation"]: f["note"] for f in extract_text(
        "Ayaan, 6, has short stature. Parents: Imran (father) and Sadia (mother). Imran's "
        "sister is well. Sadia's father had short stature.", real_kb, case_id="c").family}
    assert notes["aunt"].startswith("paternal") and notes["grandfather"].startswith("maternal")


def test_named_parents_who_are_cousins(real_kb):
    got = _family("Ruby, 6, has seizures. I saw Ruby with her parents, Lisa and Dan. Lisa and Dan "
                  "are second cousins. Dan's sister lost a daughter at 6 to seizures.", real_kb)
    assert ("parents", None) in got and ("cousin", True) in got
    assert not {r for r, _ in got} & {"sister", "niece"}


def test_parents_listed_by_name_say_nothing_of_their_health(real_kb):
    got = _family("Ayaan, 6, has short stature. Parents: Imran (father) and Sadia (mother). "
                  "Imran's sister is well.", real_kb)
    assert got == {("aunt", False)}
