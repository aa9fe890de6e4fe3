"""The lab catalogue: loading, validation, look-ups, and its HPO terms against HPO."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from osteodx.errors import KnowledgeBaseError
from osteodx.knowledge.validation import SchemaError
from osteodx.labs import all_names, convertible, find_by_loinc, find_by_name, load_catalogue
from osteodx.labs.catalogue import Catalogue, validate_catalogue
from osteodx.labs.models import HpoMap, HpoTerm, ReferenceRange, loinc_check_digit, name_key

CAT = load_catalogue()


def test_loads_and_is_cached():
    assert load_catalogue() is CAT
    assert len(CAT.analytes) >= 30 and CAT.panels


@pytest.mark.parametrize("code", ["LOINC:1989-3", "1989-3", "loinc:1989-3", " LOINC:62292-8 "])
def test_find_by_loinc_with_or_without_prefix(code):
    assert find_by_loinc(code).key == "vitamin_d_25oh"


def test_unknown_loinc_is_none():
    assert find_by_loinc("8302-2") is None


@pytest.mark.parametrize(("text", "key"), [
    ("25-[OH]D", "vitamin_d_25oh"), ("25 OH D", "vitamin_d_25oh"), ("CALCIDIOL", "vitamin_d_25oh"),
    ("1,25-(OH)D", "vitamin_d_1_25oh2"), ("iPTH", "pth_intact"), ("β-CTX", "ctx"),
    ("beta CrossLaps", "ctx"), ("Ca", "calcium_total"), ("Ca++", "calcium_ionized"),
    ("Bone specific ALP", "bone_alp"), ("free t4", "free_t4"), ("TSH", "tsh"),
])
def test_find_by_name(text, key):
    assert find_by_name(text).key == key


def test_all_names_cover_labels_and_abbreviations():
    names = all_names()
    assert "25-OH vitamin D" in names and "PTH" in names and "Calcium, total" in names
    assert len(names) == len(set(names))


def test_names_are_unique_across_analytes():
    seen: dict[str, str] = {}
    for a in CAT.analytes:
        for n in {name_key(x) for x in (a.label, a.display, *a.names)}:
            assert seen.setdefault(n, a.key) == a.key, n


def test_every_loinc_code_has_a_valid_check_digit():
    for item in [*CAT.analytes, *CAT.panels]:
        for code in item.loinc:
            number, check = code.removeprefix("LOINC:").split("-")
            assert loinc_check_digit(number) == int(check), code


def test_every_unit_and_alt_unit_converts_to_the_canonical_unit():
    for a in CAT.analytes:
        for alt in a.alt_units:
            assert convertible(alt, a.unit, molar_mass=a.molar_mass_g_per_mol), (a.key, alt)


def test_reference_ranges_are_plausible_values():
    for a in CAT.analytes:
        lo, hi = a.plausible
        for rr in a.reference_ranges:
            for v in (rr.low, rr.high):
                assert v is None or 0 <= v <= hi, (a.key, rr)
            assert rr.high is None or rr.high >= lo, (a.key, rr)


def test_every_plausible_bound_states_why_it_is_there():
    """A value outside the plausible bounds is discarded as a unit slip, so each bound
    must say what it rests on (an extreme of disease, an assay's range, a slip it
    catches, or that it was set by hand)."""
    for a in CAT.analytes:
        basis = a.plausible_basis
        for text, bound in ((basis.low, a.plausible[0]), (basis.high, a.plausible[1])):
            number = text.split(":")[0].split(" ")[0]
            assert float(number) == bound, (a.key, text)  # the text names its own bound
            assert ": " in text and len(text.split(": ", 1)[1]) >= 6, (a.key, text)


def test_calcium_bounds_are_the_extremes_of_disease_in_both_units():
    calcium = CAT.analyte("calcium_total")
    assert calcium.plausible == (4, 20)  # 1.0-5.0 mmol/L
    assert calcium.plausible_basis.sources() == {"PMID:30311756", "IOM:DRI2011"}


def test_an_analyte_names_its_counterpart_in_another_fluid():
    assert CAT.in_fluid(CAT.analyte("glucose"), "cerebrospinal fluid").key == "csf_glucose"
    assert CAT.in_fluid(CAT.analyte("calcium_total"), "cerebrospinal fluid") is None


def test_panel_members_exist():
    for p in CAT.panels:
        for m in p.members:
            assert CAT.analyte(m).key == m


def _alp(data: dict) -> dict:
    return next(a for a in data["analytes"] if a["key"] == "alkaline_phosphatase")


def _broken(tmp_path: Path, mutate) -> Path:
    data = yaml.safe_load((Path(__file__).parents[2] / "src/osteodx/knowledge/labs.yaml")
                          .read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "labs.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d["analytes"][0]["reference_ranges"][0].update(low=200, high=100),
     r"analytes\[0\] \(vitamin_d_25oh\)\.reference_ranges\[0\].*low 200.* > high 100"),
    (lambda d: d["analytes"][0].update(loinc=["LOINC:1989-4"]), r"check digit should be 3"),
    (lambda d: d["analytes"][0].update(unit="ng/furlong"), r"unknown unit 'ng/furlong'"),
    (lambda d: d["analytes"][0]["hpo"]["low"].update(hpo_id="HP:12053"), r"hpo\.low\.hpo_id"),
    (lambda d: d["analytes"][1].update(loinc=["LOINC:1989-3"]),
     r"LOINC:1989-3 is claimed by vitamin_d_25oh and vitamin_d_1_25oh2"),
    (lambda d: d["analytes"][1]["names"].append("25(OH)D"), r"also a name of vitamin_d_25oh"),
    (lambda d: d["analytes"][0].update(source="nowhere"), r"source 'nowhere' is not in sources"),
    (lambda d: d["panels"][0]["members"].append("bilirubin"), r"member 'bilirubin'"),
    (lambda d: d["analytes"][0].update(colour="red"), r"colour.*Extra inputs"),
    (lambda d: d["analytes"][0].update(fluid_of=["blood_oxalate"]),
     r"fluid_of 'blood_oxalate' is not an analyte"),
    (lambda d: d["analytes"][2].pop("plausible_basis"),
     r"analytes\[2\] \(calcium_total\)\.plausible_basis: Field required"),
    (lambda d: d["analytes"][2]["plausible_basis"].pop("high"),
     r"\(calcium_total\)\.plausible_basis\.high: Field required"),
    (lambda d: d["analytes"][2]["plausible_basis"].update(source="PMID:1"),
     r"calcium_total: source 'PMID:1' is not in sources"),
    (lambda d: d.pop("plausible_tolerance"), r"labs\.yaml: plausible_tolerance: Field required"),
    (lambda d: d.update(plausible_tolerance=-0.01),
     r"labs\.yaml: plausible_tolerance: Input should be greater than or equal to 0"),
    (lambda d: d.update(plausible_tolerance=1), r"plausible_tolerance: Input should be less than"),
    (lambda d: d.pop("plausible_tolerance_basis"), r"plausible_tolerance_basis: Field required"),
    (lambda d: _alp(d)["assay_units"][0].update(source="nowhere"),
     r"alkaline_phosphatase: source 'nowhere' is not in sources"),
    (lambda d: _alp(d)["assay_units"][0].update(factor=0), r"factor: Input should be greater"),
    (lambda d: _alp(d)["assay_units"][0].update(codes=["U/L"]), r"'U/L' has no unit of one assay"),
    (lambda d: d["analytes"][2].update(assay_units=_alp(d)["assay_units"]),
     r"alkaline_phosphatase: assay unit \[ka'U\] is also a unit of calcium_total"),
])
def test_validation_errors_are_clear(tmp_path, mutate, message):
    with pytest.raises(KnowledgeBaseError, match=message):
        load_catalogue(_broken(tmp_path, mutate))


def test_the_plausible_tolerance_is_the_data_file_s():
    data = yaml.safe_load((Path(__file__).parents[2] / "src/osteodx/knowledge/labs.yaml")
                          .read_text(encoding="utf-8"))
    assert CAT.plausible_tolerance == data["plausible_tolerance"] == 0.01
    assert "rounded" in CAT.plausible_tolerance_basis


@pytest.mark.parametrize("tolerance", [0.0, 0.01, 0.05])
def test_plausible_bounds_stretch_by_the_file_s_tolerance(tmp_path, tolerance):
    cat = load_catalogue(_broken(tmp_path, lambda d: d.update(plausible_tolerance=tolerance)))
    alp = cat.analyte("alkaline_phosphatase")
    hi = alp.plausible[1]
    assert alp.within_plausible(hi * (1 + tolerance))
    assert not alp.within_plausible(hi * (1 + tolerance) * 1.001)


def test_a_broken_file_is_a_knowledge_base_error(tmp_path):
    path = tmp_path / "labs.yaml"
    path.write_text("analytes: [\n")
    with pytest.raises(KnowledgeBaseError, match="not valid YAML"):
        load_catalogue(path)


def test_catalogue_model_is_importable_for_tools():
    assert isinstance(CAT, Catalogue)


def test_every_hpo_term_is_current_with_its_current_label(real_kb):
    onto = real_kb.ontology
    problems = []
    terms = [(a.key, t) for a in CAT.analytes for t in a.hpo.terms()]
    for key, term in terms:
        res = onto.resolve(term.hpo_id)
        if res.status != "current":
            problems.append(f"{key}: {term.hpo_id} is {res.status}")
        elif onto.label(term.hpo_id) != term.label:
            problems.append(f"{key}: {term.hpo_id} is {onto.label(term.hpo_id)!r}, "
                            f"not {term.label!r}")
    assert not problems, problems
    assert len(terms) > 60


@pytest.mark.parametrize(("code", "key"), [
    ("2093-3", "cholesterol_total"), ("14647-2", "cholesterol_total"),
    ("33275-9", "dehydrocholesterol_7"), ("32289-1", "dehydrocholesterol_7"),
    ("2465-3", "igg"), ("2458-8", "iga"), ("2472-9", "igm"), ("20651-6", "methionine"),
    ("48065-7", "d_dimer"), ("9318-7", "urine_albumin_creatinine"),
    ("32294-1", "urine_albumin_creatinine"), ("6301-6", "inr"),
])
def test_lipid_immunoglobulin_and_urine_ratio_codes(code, key):
    assert find_by_loinc(code).key == key


@pytest.mark.parametrize(("text", "key"), [
    ("Chol", "cholesterol_total"), ("TC", "cholesterol_total"),
    ("total cholesterol", "cholesterol_total"),
    ("7-DHC", "dehydrocholesterol_7"), ("7-dehydrocholesterol", "dehydrocholesterol_7"),
    ("IgG", "igg"), ("immunoglobulin A", "iga"), ("IgM", "igm"), ("methionine", "methionine"),
    ("D-dimer", "d_dimer"), ("ACR", "urine_albumin_creatinine"),
    ("uACR", "urine_albumin_creatinine"),
    ("albumin-to-creatinine ratio", "urine_albumin_creatinine"),
    ("UCa/Cr", "urine_calcium_creatinine"), ("INR", "inr"),
])
def test_new_names(text, key):
    assert find_by_name(text).key == key


def test_ratio_analytes_convert_their_units_only_as_they_may():
    acr, ca_cr, ca_cr_mass = (CAT.analyte(k) for k in (
        "urine_albumin_creatinine", "urine_calcium_creatinine", "urine_calcium_creatinine_mass"))
    assert convertible("mg/g", acr.unit, molar_mass=acr.molar_mass_g_per_mol)
    assert not convertible("mg/mg", ca_cr.unit, molar_mass=ca_cr.molar_mass_g_per_mol)
    assert ca_cr_mass in CAT.siblings(ca_cr)  # a value in mg/mg is moved to the mass ratio
    for mmol, mg in zip(ca_cr.reference_ranges, ca_cr_mass.reference_ranges, strict=True):
        assert (mmol.age_min_years, mmol.age_max_years) == (mg.age_min_years, mg.age_max_years)
        assert mg.high == pytest.approx(mmol.high * 40.078 / 113.12, abs=5e-4)


def _labs_data() -> dict:
    return yaml.safe_load((Path(__file__).parents[2] / "src/osteodx/knowledge/labs.yaml")
                          .read_text(encoding="utf-8"))


def test_validate_catalogue_gives_the_loaded_catalogue():
    assert validate_catalogue(_labs_data()) == CAT


def test_every_problem_of_an_entry_is_reported_at_its_field():
    data = _labs_data()
    data["analytes"][0].update(loinc=["LOINC:1989-4"], unit="ng/furlong", colour="red",
                               plausible=[5, 1])
    with pytest.raises(SchemaError) as err:
        validate_catalogue(data)
    assert [(loc[2:], msg.split(",")[0]) for loc, msg in err.value.problems] == [
        (("loinc",), "Value error"), (("unit",), "Value error"), (("plausible",), "Value error"),
        (("colour",), "Extra inputs are not permitted")]


def test_entries_made_in_code_are_checked_too():
    with pytest.raises(ValueError, match=r"hpo_id: String should match pattern"):
        HpoTerm(hpo_id="HP:12", label="Short")
    with pytest.raises(ValueError, match="a range needs low or high"):
        ReferenceRange(sex="any", source="x")
    assert HpoMap(low=HpoTerm(hpo_id="HP:0000001", label="All")).terms()[0].label == "All"


def test_the_catalogue_is_frozen_and_picklable_with_its_tolerance():
    import dataclasses
    import pickle

    with pytest.raises(dataclasses.FrozenInstanceError):
        CAT.version = "x"  # type: ignore[misc]
    again = pickle.loads(pickle.dumps(CAT))
    assert again == CAT and again.find_by_loinc("1989-3").key == "vitamin_d_25oh"
    alp = again.analyte("alkaline_phosphatase")
    assert alp.within_plausible(alp.plausible[1] * (1 + CAT.plausible_tolerance))
