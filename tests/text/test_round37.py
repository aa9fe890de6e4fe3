"""Text round 37 (``benchmarks/text_rounds/round37``): what its held-out run misread, each
reading now a test."""

from __future__ import annotations

import pytest

from osteodx.text.demographics import extract_demographics
from osteodx.text.family import find_family_statements
from osteodx.text.labs import extract_labs
from tests.text.case_helpers import term_ids, terms

_CHAT = ("WhatsApp chat export - Gemma (Alfie's mum) and Dan (Alfie's dad)\n\n"
         "Gemma 11:42: just out of Alfie's appt w the new paed. she was really nice\n"
         "Gemma 11:42: she wants to do a blood test for fragile x\n"
         "Dan 11:50: fragile what?? is that bad\n"
         "Gemma 11:54: and she said his ears are big and his face is long\n"
         "Gemma 12:04: she asked about talking. told her he's 3 yrs 4 months and still only "
         "about 10 words. she said that's a speech delay\n"
         "Gemma 12:06: and that he flaps his hands when he's excited, and bites his hand\n"
         "Dan 12:10: he is a whirlwind tbf\n"
         "Gemma 12:12: she checked his fingers, they bend right back\n")


def test_a_parents_chat_gives_the_childs_age_and_sex_not_the_doctors() -> None:
    d = extract_demographics(_CHAT)
    assert (round(d.age_years, 2), d.sex) == (3.33, "MALE")


@pytest.mark.parametrize(("text", "age"), [
    ("Patient: Amira KHALIL    Age: 21/12    Sex: F    Weight: 9.6 kg", 1.75),
    # a visit date written month first makes the date of birth month first too
    ("Generated: 05/24/2027 09:14 by R. Castillo\n\nDOB: 11/02/1969    Sex: Male", 57.56),
])
def test_ages_of_round_37(text: str, age: float) -> None:
    assert round(extract_demographics(text).age_years, 2) == age


@pytest.mark.parametrize(("text", "want"), [
    ("Her father's sister had a son who was very short and died of heart failure at 4.",
     [("cousin", True)]),
    ("Mother's brother had a son who had the same silver hair and died aged 5.",
     [("cousin", True)]),
    ("Her brother had a son who is deaf.", [("nephew", True)]),
    ("Family: sister Inaya, 7, healthy, dark-haired, never infected.", [("sister", False)]),
    ("Younger brother (3) passed his newborn screen and has no pits.", [("brother", False)]),
    ("Outstanding: SLC22A5 result; parental and sibling carnitine levels; cardiology review.",
     []),
    ("Sister - PiMM, healthy", [("sister", False)]),
])
def test_relatives_of_round_37(text: str, want: list[tuple[str, bool | None]]) -> None:
    assert [(s.relation, s.affected) for s in find_family_statements(text)] == want


@pytest.mark.parametrize(("text", "want"), [
    ("Ammonia peak 118 umol/L (<40), i.e. hyperammonaemia.", [("ammonia", 118.0)]),
    ("Glucose (POC) 96 mg/dL.", [("glucose", 96.0)]),
])
def test_labs_of_round_37(text: str, want: list[tuple[str, float]]) -> None:
    assert [(x.analyte, x.value) for x in extract_labs(text)] == want


@pytest.mark.parametrize(("text", "term", "excluded"), [
    ("Background: silver-grey hair since birth and skin much paler than his parents and "
     "sister; photophobia; nystagmus noticed at 4 months.", "HP:0000613", False),
    ("Background: silver-grey hair since birth.", "HP:0002218", False),
    ("Neck: supple, no meningismus.", "HP:0031179", True),
    ("He was born with two lower teeth.", "HP:0000695", False),
    ("At baseline she is a little unsteady on her feet.", "HP:0002317", False),
])
def test_wordings_of_round_37(real_kb, text: str, term: str, excluded: bool) -> None:
    got = terms(real_kb, text)
    assert (term, excluded) in got


@pytest.mark.parametrize(("text", "not_term"), [
    ("Her sclerae have a faint blue-grey tint.", "HP:0001279"),
    ("Faint T2 hyperintensity of the upper cord.", "HP:0001279"),
    ("Code Stroke activated by EMS.", "HP:0001297"),
    ("Results:\nCreatinine 112 umol/L (59-104) H\nHaemoglobin 98 g/L (115-160) L\n",
     "HP:0011903"),
])
def test_words_that_are_not_the_finding(real_kb, text: str, not_term: str) -> None:
    got = term_ids(real_kb, text)
    assert not_term not in got
