"""Onset phrases (:mod:`osteodx.text.onsets`) and which finding each one belongs to.

The texts are written here; each rule is tested with the wording that failed in a held-out
run (textcheck5) and variants with other numbers and words, so that the rule, not the
string, is what passes."""

from __future__ import annotations

import pytest

from osteodx.text.extract import extract_text
from osteodx.text.onsets import PRENATAL, find_onset_statements

DAY, WEEK, MONTH = 1 / 365.25, 7 / 365.25, 1 / 12


def onsets(text: str, age: float | None = None) -> list[tuple[float, str]]:
    """find_onset_statements as (age in years to 4 places, quoted text)."""
    found = find_onset_statements(text, age)
    for o in found:
        assert text[o.start:o.end] == o.text
    return [(round(o.age_years, 4), o.text) for o in found]


def feature_onsets(kb, text: str) -> dict[str, str | None]:
    """label -> ISO 8601 onset (None: no onset) of the observed features of *text*."""
    doc = extract_text(text, kb, case_id="t").phenopacket
    return {f["type"]["label"]: f.get("onset", {}).get("age", {}).get("iso8601duration")
            or f.get("onset", {}).get("ontologyClass", {}).get("label")
            for f in doc["phenotypicFeatures"] if not f.get("excluded")}


# --- 1. time phrases ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "age", "quote"), [
    ("Obesity from about age 2.", 2.0, "from about age 2"),
    ("Obesity from about age 2 years.", 2.0, "from about age 2 years"),
    ("Seizures since around age 4.", 4.0, "since around age 4"),
    ("Scoliosis from approximately the age of 3 years.", 3.0,
     "from approximately the age of 3 years"),
    ("Her growth slowed markedly after age 3.", 3.0, "after age 3"),
    ("Limping from the age of 18 months.", 1.5, "from the age of 18 months"),
    ("Seizures since early infancy.", round(28 / 365.25, 4), "since early infancy"),
])
def test_from_about_age_n(text: str, age: float, quote: str) -> None:
    assert onsets(text) == [(age, quote)]


@pytest.mark.parametrize(("text", "age", "quote"), [
    # the middle of the window: it stays inside the HPO onset class the window names
    ("He needed phototherapy for jaundice in his first week.", round(WEEK / 2, 4),
     "in his first week"),
    ("Vomiting during her first month of life.", round(MONTH / 2, 4),
     "during her first month"),
    ("Jaundice in the first 2 weeks of life.", round(WEEK, 4), "in the first 2 weeks"),
    ("Seizures within the first year of life.", 0.5, "within the first year"),
])
def test_in_the_first_week_of_life(text: str, age: float, quote: str) -> None:
    assert onsets(text) == [(age, quote)]


def test_first_year_of_something_else_is_no_onset() -> None:
    assert onsets("She struggled in her first year at school.") == []
    assert onsets("Pain in his first year of university.") == []


@pytest.mark.parametrize(("text", "age", "quote"), [
    ("Failure to thrive since his first birthday.", 1.0, "since his first birthday"),
    ("Weight gain stalled after his first birthday.", 1.0, "after his first birthday"),
    ("Seizures after her third birthday.", 3.0, "after her third birthday"),
    ("Limping since her 2nd birthday.", 2.0, "since her 2nd birthday"),
])
def test_since_a_birthday(text: str, age: float, quote: str) -> None:
    assert onsets(text) == [(age, quote)]


@pytest.mark.parametrize(("text", "patient", "age", "quote"), [
    ("The wrist ache came on over the last year.", 11, 10.0, "over the last year"),
    ("Back pain over the past month.", 40, round(40 - MONTH, 4), "over the past month"),
    ("Headaches during the last year.", 30, 29.0, "during the last year"),
    ("Fatigue for the past week.", 52, round(52 - WEEK, 4), "for the past week"),
])
def test_over_the_last_year(text: str, patient: float, age: float, quote: str) -> None:
    assert onsets(text, patient) == [(age, quote)]
    assert onsets(text) == []  # a duration needs the patient's age


@pytest.mark.parametrize(("text", "quote"), [
    ("He was born with bilateral club feet.", "born with"),
    ("She had been born with a cleft palate.", "born with"),
    ("Born with an imperforate anus, she had surgery on day 2.", "Born with"),
])
def test_born_with_is_congenital(text: str, quote: str) -> None:
    assert onsets(text)[0] == (0.0, quote)


@pytest.mark.parametrize(("text", "quote"), [
    ("On ultrasound at 30 weeks the baby was small.", "On ultrasound at 30 weeks"),
    ("A prenatal scan at 22 weeks showed ventriculomegaly.", "prenatal scan at 22 weeks"),
    ("Fetal MRI at 28 weeks' gestation showed a cleft lip.", "Fetal MRI at 28 weeks"),
    ("Polyhydramnios was seen at 32 weeks of gestation.", "at 32 weeks of gestation"),
    ("Short femurs were noted prenatally.", "prenatally"),
])
def test_prenatal_scan_is_a_prenatal_onset(text: str, quote: str) -> None:
    assert onsets(text) == [(PRENATAL, quote)]


@pytest.mark.parametrize("text", [
    "He was born at 38 weeks of gestation.",
    "She was delivered at 36 weeks' gestation by caesarean section.",
])
def test_birth_at_a_gestational_age_is_no_onset(text: str) -> None:
    assert onsets(text) == []


@pytest.mark.parametrize(("text", "age", "quote"), [
    ("Short limbs developed during the pre-school years.", 1.0,
     "during the pre-school years"),
    ("Knee pain in her preschool years.", 1.0, "in her preschool years"),
])
def test_the_pre_school_years_are_childhood(text: str, age: float, quote: str) -> None:
    assert onsets(text) == [(age, quote)]


@pytest.mark.parametrize("text", [
    "We describe a girl whose length was normal at birth.",
    "Normal length at birth with disproportion emerging later.",
    "His weight was unremarkable at birth.",
    "She was healthy at birth.",
    "Her hearing was normal at the age of 2 years.",
])
def test_normal_at_an_age_is_no_onset(text: str) -> None:
    assert onsets(text) == []


# --- 2. which finding an onset phrase belongs to -----------------------------------------------


def test_new_time_phrases_reach_their_findings(real_kb) -> None:
    assert feature_onsets(real_kb, "A 13-year-old boy. Obesity from about age 2.") == {
        "Obesity": "P2Y"}
    assert feature_onsets(real_kb, "A 10-year-old girl. Seizures since around age 4.") == {
        "Seizure": "P4Y"}
    assert feature_onsets(real_kb, "A 2-year-old boy. He has had failure to thrive since his"
                                   " first birthday.") == {"Failure to thrive": "P1Y"}
    assert feature_onsets(real_kb, "An 11-year-old girl. The wrist ache came on over the last"
                                   " year.") == {"Wrist pain": "P10Y"}
    assert feature_onsets(real_kb, "A 40-year-old man. Back pain over the past month.") == {
        "Back pain": "P39Y11M"}
    first_week = feature_onsets(real_kb, "A 5-year-old boy. He needed phototherapy for jaundice"
                                         " in his first week.")
    assert first_week["Jaundice"] in ("P3D", "P4D")  # the middle of the first week


@pytest.mark.parametrize(("text", "label"), [
    ("A 15-year-old boy. He was born with bilateral club feet.", "Talipes equinovarus"),
    ("A 6-year-old girl. She was born with a cleft palate.", "Cleft palate"),
])
def test_born_with_a_finding(real_kb, text: str, label: str) -> None:
    assert feature_onsets(real_kb, text) == {label: "P0D"}


@pytest.mark.parametrize(("text", "label"), [
    ("A 3-year-old girl. On ultrasound at 30 weeks the baby was small (intrauterine growth"
     " restriction).", "Intrauterine growth retardation"),
    ("A 2-year-old boy. A prenatal scan at 22 weeks showed ventriculomegaly.",
     "Ventriculomegaly"),
])
def test_a_prenatal_scan_finding(real_kb, text: str, label: str) -> None:
    assert feature_onsets(real_kb, text) == {label: "Antenatal onset"}


@pytest.mark.parametrize(("text", "expected"), [
    ("A 15-year-old boy. He had been born with bilateral club feet, treated by serial casting,"
     " and an inguinal hernia was repaired at 8 months of age.",
     {"Talipes equinovarus": "P0D", "Inguinal hernia": "P8M"}),
    ("A 10-year-old girl. She was born with a cleft palate, and an umbilical hernia was"
     " operated on at 2 years of age.", {"Cleft palate": "P0D", "Umbilical hernia": "P2Y"}),
])
def test_an_age_in_another_clause_is_not_the_congenital_findings(real_kb, text: str,
                                                                expected: dict) -> None:
    assert feature_onsets(real_kb, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A 7-year-old girl. We describe a girl whose length was normal at birth and who developed"
     " short limbs, lax finger joints and early joint pain during the pre-school years.",
     {"Limb undergrowth": "P1Y", "Arthralgia": "P1Y"}),
    ("A 6-year-old boy whose weight was unremarkable at birth and who developed obesity and"
     " hyperphagia.", {"Obesity": None, "Polyphagia": None}),
])
def test_normal_at_birth_is_not_an_onset(real_kb, text: str, expected: dict) -> None:
    found = feature_onsets(real_kb, text)
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(("text", "label"), [
    ("A 13-year-old boy. Undescended testes, orchidopexy at age 3.", "Cryptorchidism"),
    ("A 15-year-old girl. Scoliosis, spinal fusion at 12 years of age.", "Scoliosis"),
])
def test_the_age_of_an_operation_in_a_list_is_not_the_onset(real_kb, text: str,
                                                             label: str) -> None:
    assert feature_onsets(real_kb, text) == {label: None}


@pytest.mark.parametrize(("text", "label", "iso"), [
    ("A 38-year-old woman. She had bilateral cataract surgery last year, at the age of 37.",
     "Cataract", "P37Y"),
    ("A 3-year-old boy. An inguinal hernia was repaired at 8 months of age.",
     "Inguinal hernia", "P8M"),
])
def test_the_operated_finding_takes_the_age_of_its_operation(real_kb, text: str, label: str,
                                                              iso: str) -> None:
    assert feature_onsets(real_kb, text) == {label: iso}


@pytest.mark.parametrize(("text", "label"), [
    ("9 yo F with MPS IVA on weekly elosulfase alfa since age 5, referred for worsening"
     " knock-knees.", "Genu valgum"),
    ("A 12-year-old boy on growth hormone since age 6, referred for scoliosis.", "Scoliosis"),
])
def test_a_treatments_since_does_not_reach_a_later_finding(real_kb, text: str,
                                                           label: str) -> None:
    assert feature_onsets(real_kb, text).get(label, "missing") is None


@pytest.mark.parametrize("text", [
    "A 14-year-old girl. She had short stature and was diagnosed with scoliosis at the age"
    " of 12.",
    "A 14-year-old girl. She had short stature and was diagnosed with scoliosis at 12 years"
    " of age.",
])
def test_diagnosed_with_x_at_an_age_is_xs_onset(real_kb, text: str) -> None:
    assert feature_onsets(real_kb, text) == {"Short stature": None, "Scoliosis": "P12Y"}


@pytest.mark.parametrize(("text", "expected"), [
    ("A 7-year-old girl. At about 2 years of age she developed seizures.", {"Seizure": "P2Y"}),
    ("A 9-year-old girl. She has had seizures, which began at 3 years of age.",
     {"Seizure": "P3Y"}),
    ("An 8-year-old boy had cafe-au-lait macules since infancy and scoliosis for 1 year."
     " Hypotonia was noted at birth.",
     {"Cafe-au-lait spot": "P4W", "Scoliosis": "P7Y", "Hypotonia": "P0D"}),
])
def test_onsets_that_already_reached_their_findings(real_kb, text: str, expected: dict) -> None:
    assert feature_onsets(real_kb, text) == expected


@pytest.mark.parametrize(("text", "quote"), [
    ("After birth she had problem to swallow.", "After birth"),
    ("Respiratory distress shortly after birth.", "shortly after birth"),
    ("Soon after birth he developed jaundice.", "Soon after birth"),
])
def test_after_birth_is_neonatal(text: str, quote: str) -> None:
    assert onsets(text) == [(0.0, quote)]


@pytest.mark.parametrize(("text", "age", "quote"), [
    ("He was floppy as an infant.", round(28 / 365.25, 4), "as an infant"),
    ("Colic and irritability as a baby.", round(28 / 365.25, 4), "as a baby"),
    ("Episodes of red urine as a boy.", 1.0, "as a boy"),
])
def test_as_an_infant(text: str, age: float, quote: str) -> None:
    assert onsets(text) == [(age, quote)]


@pytest.mark.parametrize(("text", "expected"), [
    # a duration "of" dates what follows it
    ("A 68-year-old woman presented with a 6-month history of progressive thigh pain.",
     {"Pain": "P67Y6M"}),
    ("A 50-year-old man presented with two years of fatigue and joint pain.",
     {"Fatigue": "P48Y", "Arthralgia": "P48Y"}),
    # a link word carries the time to what follows: "with", "showed", "to have", "when"
    ("A 3-year-old boy. He was floppy at birth with a weak cry and a poor suck.",
     {"Neonatal hypotonia": "P0D", "Weak cry": "P0D", "Poor suck": "P0D"}),
    ("A 2-year-old boy. Echocardiogram in the newborn period showed tetralogy of Fallot,"
     " repaired at 5 months.", {"Tetralogy of Fallot": "P0D"}),
    ("A 4-year-old boy. Noted at birth to have respiratory distress; CT confirmed bilateral"
     " choanal atresia.", {"Respiratory distress": "P0D", "Bilateral choanal atresia": "P0D"}),
    ("A 5-month-old girl presented with a febrile seizure. She was reviewed at the age of 2"
     " years, when she had myoclonic seizures.",
     {"Febrile seizure (within the age range of 3 months to 6 years)": None,
      "Myoclonic seizure": "P2Y"}),
    ("A 9-year-old boy. He has worn glasses since the age of 3 for high myopia.",
     {"High myopia": "P3Y"}),
    # a phrase that opens its sentence dates the clauses after it
    ("A 22-year-old man. For the past 2 years he has found it hard to follow conversation, and"
     " an audiogram showed sensorineural hearing loss.",
     {"Sensorineural hearing impairment": "P20Y"}),
])
def test_time_phrases_that_date_what_follows(real_kb, text: str, expected: dict) -> None:
    assert feature_onsets(real_kb, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an operation in a parenthetical stretch does not stop "born with"
    ("A 10-year-old boy. He had been born with a cleft palate, repaired at 11 months, and"
     " micrognathia.", {"Cleft palate": "P0D", "Micrognathia": "P0D"}),
    # ... but "born with" does not reach a clause of its own
    ("A 10-year-old boy. He was born with a cleft palate and has had recurrent otitis media.",
     {"Cleft palate": "P0D", "Recurrent otitis media": None}),
    # "beginning at age 10" is the subluxations' onset, not the next finding's
    ("A 12-year-old girl. She had recurrent shoulder subluxations beginning at age 10 and"
     " dislocated her patella in high school.",
     {"Shoulder subluxation": "P10Y", "Patellar dislocation": None}),
])
def test_an_onset_stays_with_its_own_finding(real_kb, text: str, expected: dict) -> None:
    assert feature_onsets(real_kb, text) == expected


def reached(text: str, finding: str, age: float | None = None) -> list[str]:
    """The onset phrases that reach *finding* in a one-clause *text* (no KB needed)."""
    from osteodx.text.onset_links import reaches

    start = text.index(finding)
    found = find_onset_statements(text, age)
    return [o.text for o in found if reaches(text, start, start + len(finding), o, 0, found)]


@pytest.mark.parametrize(("text", "finding", "expected"), [
    ("Scoliosis, diagnosed at age 12.", "Scoliosis", ["at age 12"]),
    ("Scoliosis, first operated at the age of 14.", "Scoliosis", ["at the age of 14"]),
    ("Scoliosis, spinal fusion at age 14.", "Scoliosis", []),
    ("Club feet, casting at 2 years of age.", "Club feet", []),
    ("Hernia repair at 8 months of age.", "Hernia", ["at 8 months of age"]),
    ("Short stature and was diagnosed with scoliosis at age 12.", "Short stature", []),
    ("Short stature and was diagnosed with scoliosis at age 12.", "scoliosis", ["at age 12"]),
    ("Seizures since infancy and scoliosis for 2 years.", "Seizures", ["since infancy"]),
    ("Seizures since infancy and scoliosis for 2 years.", "scoliosis", ["for 2 years"]),
    ("Born with club feet and a cleft palate.", "cleft palate", ["Born with"]),
    ("Obesity, born with club feet.", "Obesity", []),
    ("At 3 years of age she developed seizures.", "seizures", ["At 3 years of age"]),
    ("She had seizures and developed scoliosis at 12 years.", "seizures", []),
    ("She had seizures and developed scoliosis at 12 years.", "scoliosis",
     ["developed scoliosis at 12 years"]),
])
def test_reaches(text: str, finding: str, expected: list[str]) -> None:
    assert reached(text, finding, 20) == expected


def test_days_of_life_non_native_is_and_dx(real_kb) -> None:
    from osteodx.text.extract import extract_text as ex

    text = ("A 3-week-old boy. Seizures on day 3 of life.\nA girl, aged 9, with fever attacks "
            "since she is 4 years old. Hypocalcaemia dx age 6 after a seizure.")
    feats = {f["type"]["id"]: f.get("onset", {}).get("age", {}).get("iso8601duration")
             for f in ex(text, real_kb, case_id="c").phenopacket["phenotypicFeatures"]}
    assert feats["HP:0001945"] == "P4Y" and feats["HP:0002901"] == "P6Y"
    statements = find_onset_statements("Seizures on day 3 of life; fever on day 2 of admission.")
    assert [round(o.age_years * 365.25) for o in statements] == [3]


@pytest.mark.parametrize(("text", "age", "quote"), [
    ("His feet became high-arched when he was about 10.", 10.0, "when he was about 10"),
    ("She became obese when she was 6 years old.", 6.0, "when she was 6 years old"),
    ("The murmur was heard when the baby was 3 days old.", 3 * DAY, "when the baby was 3 days old"),
])
def test_when_she_was_n(text: str, age: float, quote: str) -> None:
    assert onsets(text, 16) == [(round(age, 4), quote)]


def test_a_weight_when_she_was_n_is_no_onset_of_anything_else() -> None:
    assert onsets("She weighed 40 kg when she was 10 weeks pregnant.", 30) == []


def test_a_verb_shared_by_the_finding_and_its_age(real_kb) -> None:
    # "kneecap first dislocated" is the finding, "first dislocated at 12 years" the onset
    got = feature_onsets(real_kb, "A 30-year-old woman. Her right kneecap first dislocated at "
                                  "12 years of age. Her feet became high-arched when she was 9.")
    assert got == {"Patellar dislocation": "P12Y", "Pes cavus": "P9Y"}


@pytest.mark.parametrize("text, label, onset", [
    ("A 5-month-old girl. At 10 weeks mum noticed hyperpigmentation over the trunk.",
     "Hyperpigmentation of the skin", "P10W"),
    ("A 5-month-old girl. Day 10: two episodes of seizures.", "Seizure", "P10D"),
    ("A 6-year-old boy. From 9 months he had recurrent ear infections.",
     "Recurrent ear infections", "P9M"),
    ("A 6-year-old boy. At 6 weeks after surgery he had seizures.", "Seizure", None),
])
def test_onsets_of_notes_and_letters(real_kb, text, label, onset):
    from osteodx.text.extract import extract_text

    feats = {f["type"]["label"]: f.get("onset", {}).get("age", {}).get("iso8601duration")
             for f in extract_text(text, real_kb, case_id="c").phenopacket["phenotypicFeatures"]}
    assert feats[label] == onset
