"""Eosinophils, tryptase, PTHrP, ACE, complement C4 and C1 inhibitor read from free text,
and the look-alikes that are not these results: drugs ("ACE inhibitor"), spinal levels
("C4-C5"), imaging ("EOS"), treatments ("C1 inhibitor concentrate").

The texts are written for these tests (not copied from a report).
"""

from __future__ import annotations

import pytest

from osteodx.labs import interpret_measurements
from osteodx.text.labnames import find_mentions
from osteodx.text.labs import TextLab, to_measurement
from osteodx.text.labtext import Normalised
from tests.text.lab_helpers import labs, one

NEW = {"eosinophils", "tryptase", "pthrp", "ace", "complement_c4", "c1_inhibitor",
       "c1_inhibitor_functional"}




def workup(found: list[TextLab], age: float = 40, sex: str = "FEMALE"):
    return interpret_measurements([to_measurement(x) for x in found], age_years=age, sex=sex)


@pytest.mark.parametrize(("text", "analyte", "value", "unit", "outcome", "hpo_id"), [
    ("Eosinophils 1.8 x10^9/L.", "eosinophils", 1.8, "x10^9/L", "high", "HP:0001880"),
    ("The absolute eosinophil count was 2,300/uL.", "eosinophils", 2300.0, "/uL", "high",
     "HP:0001880"),
    ("AEC 0.9 x 10^9/L", "eosinophils", 0.9, "x 10^9/L", "high", "HP:0001880"),
    ("eos 0.02 x10^9/L (0.04-0.40)", "eosinophils", 0.02, "x10^9/L", "low", "HP:0031891"),
    ("Serum tryptase was 35 ng/mL.", "tryptase", 35.0, "ng/mL", "high", "HP:0031901"),
    ("Baseline mast cell tryptase 8.2 ug/L", "tryptase", 8.2, "ug/L", "normal", None),
    ("PTHrP was 12.5 pmol/L.", "pthrp", 12.5, "pmol/L", "high", None),
    ("PTH-related peptide 2.1 pmol/L", "pthrp", 2.1, "pmol/L", "normal", None),
    ("Serum ACE was 120 U/L.", "ace", 120.0, "U/L", "high", "HP:6000213"),
    ("Angiotensin-converting enzyme 45 U/L", "ace", 45.0, "U/L", "normal", None),
    ("Complement C4 was 5 mg/dL.", "complement_c4", 5.0, "mg/dL", "low", "HP:0045042"),
    ("C4 0.06 g/L", "complement_c4", 0.06, "g/L", "low", "HP:0045042"),
    ("C1-INH 8 mg/dL (19-37)", "c1_inhibitor", 8.0, "mg/dL", "low", "HP:0034204"),
    ("C1 esterase inhibitor was 0.09 g/L.", "c1_inhibitor", 0.09, "g/L", "low", "HP:0034204"),
    ("C1 inhibitor function 25%", "c1_inhibitor_functional", 25.0, "%", "low", None),
])
def test_new_analytes_in_text(text, analyte, value, unit, outcome, hpo_id):
    lab = one(text)
    assert (lab.analyte, lab.value, lab.unit) == (analyte, value, unit)
    w = workup([lab])
    assert [r.outcome for r in w.results] == [outcome]
    observed = {f.hpo_id for f in w.findings if f.status == "observed"}
    assert observed == ({hpo_id} if hpo_id else set())


def test_complement_and_c1_inhibitor_work_up():
    found = labs("Complement studies: C3 1.1 g/L (0.9-1.8), C4 0.05 g/L (0.1-0.4), C1 esterase "
                 "inhibitor 0.08 g/L (0.19-0.37) and functional C1-INH 22% (>67%).")
    assert [(x.analyte, x.value) for x in found] == [
        ("complement_c3", 1.1), ("complement_c4", 0.05), ("c1_inhibitor", 0.08),
        ("c1_inhibitor_functional", 22.0)]
    w = workup(found)
    assert [r.outcome for r in w.results] == ["normal", "low", "low", "low"]
    assert {f.hpo_id for f in w.findings if f.status == "observed"} == {"HP:0045042",
                                                                         "HP:0034204"}


def test_c3_and_c4_qualitative():
    found = labs("C3 and C4 were low.")
    assert [(x.analyte, x.qualitative) for x in found] == [("complement_c3", "low"),
                                                           ("complement_c4", "low")]


def test_pthrp_is_not_pth():
    found = labs("Intact PTH was 8 pg/mL and PTHrP 9.4 pmol/L (<=4.2).")
    assert [(x.analyte, x.value) for x in found] == [("pth_intact", 8.0), ("pthrp", 9.4)]


@pytest.mark.parametrize("text", [
    "ramipril (ACE inhibitor) 5 mg daily",
    "She was on an ACE inhibitor, lisinopril 10 mg once daily.",
    "ACE inhibitors were stopped 2 weeks before.",
    "ACE-I 10 mg daily was started.",
    "ACEi 5 mg od.",
    "He takes an ACE/ARB, 10 mg.",
    "angiotensin-converting enzyme inhibitor 10 mg daily",
    "ACE (angiotensin-converting enzyme) inhibitor 2.5 mg",
    "ACE inhibitor 42 U/L",
    "ACE gene I/D polymorphism: DD genotype in 12 patients.",
    "ACE-III 82/100 at 70 years.",
    "ACE score of 4.",
])
def test_ace_drug_and_other_aces_are_no_ace_result(text):
    assert not [x for x in labs(text) if x.analyte == "ace"]
    assert not [m for m in find_mentions(Normalised(text)) if m.key == "ace"]


def test_an_ace_result_after_an_ace_inhibitor_is_read():
    found = labs("ACE inhibitors were stopped; serum ACE was 98 U/L two weeks later.")
    assert [(x.analyte, x.value) for x in found] == [("ace", 98.0)]


@pytest.mark.parametrize("text", [
    "C4 vertebra fracture with 3 mm retropulsion.",
    "Spinal cord compression at C4, 5 mm.",
    "Cord compression at the C4 level, 5 mm.",
    "C4-C5 disc herniation of 4 mm.",
    "C4–5 disc bulge 3 mm.",
    "C3-C4 fusion at 6 years.",
    "C4/5 foraminal stenosis 2 mm.",
    "C4 nerve root compression, 2 mm.",
    "Fracture of C4, 20% height loss.",
    "C4 vertebral body height was 5 mm.",
    "C4 acylcarnitine 1.2 umol/L (<0.9)",
])
def test_spinal_levels_and_acylcarnitines_are_no_complement_c4(text):
    assert not [x for x in labs(text) if x.analyte == "complement_c4"]


@pytest.mark.parametrize("text", [
    "EOS imaging showed a Cobb angle of 45 degrees.",
    "She had early-onset scoliosis (EOS) with a 62 degree curve.",
    "EOS biplanar radiographs at 12 years showed 3 cm leg length discrepancy.",
    "AEC syndrome was diagnosed at 2 years.",
])
def test_eos_imaging_and_aec_syndrome_are_no_eosinophils(text):
    assert not [x for x in labs(text) if x.analyte == "eosinophils"]
    assert not [m for m in find_mentions(Normalised(text)) if m.key == "eosinophils"]


def test_eos_in_a_lab_list_is_read():
    found = labs("WBC 7.2, Neut 4.1, Lymph 2.0, EOS 1.1 x10^9/L")
    assert [(x.analyte, x.value) for x in found][-1] == ("eosinophils", 1.1)


@pytest.mark.parametrize("text", [
    "C1 inhibitor concentrate 20 U/kg was given.",
    "C1-INH-HAE type 1 was diagnosed.",
    "Mast cells were tryptase+ and CD117+; 20% of the infiltrate.",
    "Tryptase staining showed 15% mast cells.",
])
def test_treatments_and_stains_are_no_results(text):
    assert not [x for x in labs(text) if x.analyte in NEW]


def test_an_eosinophil_percentage_is_not_interpreted():
    lab = one("Eosinophils 12%")
    assert (lab.analyte, lab.unit) == ("eosinophils", "%")
    w = workup([lab])
    assert [r.outcome for r in w.results] == ["not interpreted"] and not w.findings
