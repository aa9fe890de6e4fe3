from __future__ import annotations

import json

import pytest
import yaml

from osteodx.case.age import iso8601_years, time_element_years
from osteodx.case.phenopacket import read_case
from osteodx.errors import InputError
from tests.conftest import phenopacket, write_case


def test_reads_observed_excluded_age_sex_onset(tmp_path, toy_kb):
    doc = phenopacket([("HP:0000013", False), ("HP:0000014", True)], sex="MALE", age="P16Y")
    doc["phenotypicFeatures"][0]["onset"] = {"age": {"iso8601duration": "P15Y"}}
    doc["interpretations"] = [{"id": "i", "progressStatus": "SOLVED",
                               "diagnosis": {"disease": {"id": "OMIM:100001", "label": "x"}}}]
    case = read_case(write_case(tmp_path / "c.json", doc), toy_kb.ontology)
    assert case.sex == "MALE" and case.age_years == 16
    assert [(f.hpo_id, f.status) for f in case.findings] == [("HP:0000013", "observed"),
                                                             ("HP:0000014", "excluded")]
    assert case.findings[0].onset_years == (15, 15) and case.onset_years == 15
    assert case.findings[0].source == "phenotypicFeatures[0]"
    assert not hasattr(case, "interpretations")


def test_yaml_reads_like_json(tmp_path, toy_kb):
    doc = phenopacket([("HP:0000013", False)])
    p = tmp_path / "c.yaml"
    p.write_text(yaml.safe_dump(doc))
    assert read_case(p, toy_kb.ontology).findings[0].hpo_id == "HP:0000013"


def test_obsolete_id_mapped_with_warning(tmp_path, toy_kb):
    case = read_case(write_case(tmp_path / "c.json", phenopacket([("HP:0000030", False)])),
                     toy_kb.ontology)
    assert case.findings[0].hpo_id == "HP:0000021"
    assert case.findings[0].original_id == "HP:0000030"
    assert any("obsolete" in w for w in case.warnings)


@pytest.mark.parametrize("content,message", [
    ('{"id": "x", "subject": ', "not valid JSON"),
    ("", "empty"),
    ("[1, 2]", r"holds no phenopacket \(a JSON array of 2 items, none of them an object\)"),
    ('{"id": "x", "phenotypicFeatures": []}', "no usable phenotypic features"),
    ('{"id": "x", "phenotypicFeatures": [{"type": {"id": "HP:12"}}]}', "not an HPO id"),
    ('{"id": "x", "phenotypicFeatures": [{"type": {"id": "HP:9999999"}}]}', "not a term"),
    ('{"id": "x", "phenotypicFeatures": [{"type": {"id": "HP:0000031"}}]}', "no replacement"),
    ('{"id": "x", "subject": {"sex": "BANANA"}}', "subject.sex: \"BANANA\" is not one of"),
])
def test_bad_input_names_file_and_problem(tmp_path, toy_kb, content, message):
    p = tmp_path / "bad.json"
    p.write_text(content)
    with pytest.raises(InputError, match=message) as info:
        read_case(p, toy_kb.ontology)
    assert "bad.json" in str(info.value)


def test_unknown_id_names_the_field(tmp_path, toy_kb):
    doc = phenopacket([("HP:0000013", False), ("HP:9999999", False)])
    with pytest.raises(InputError) as info:
        read_case(write_case(tmp_path / "c.json", doc), toy_kb.ontology)
    assert "phenotypicFeatures[1].type.id = 'HP:9999999'" in str(info.value)


def test_lenient_mode_reports_unknown_ids(tmp_path, toy_kb):
    doc = phenopacket([("HP:0000013", False), ("HP:9999999", False)])
    case = read_case(write_case(tmp_path / "c.json", doc), toy_kb.ontology, strict=False)
    assert len(case.findings) == 1 and any("HP:9999999" in w for w in case.warnings)


def test_missing_file(toy_kb, tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_case(tmp_path / "nope.json", toy_kb.ontology)


def test_ages():
    assert iso8601_years("P2Y6M") == pytest.approx(2.5)
    assert time_element_years({"ontologyClass": {"id": "HP:0003581"}}) == (16.0, 120.0)
    assert time_element_years({"ageRange": {"start": {"iso8601duration": "P1Y"},
                                            "end": {"iso8601duration": "P5Y"}}}) == (1.0, 5.0)
    with pytest.raises(ValueError):
        iso8601_years("16 years")


def test_trimester_onsets_agree_with_gestational_age():
    # "Second trimester onset" is weeks 14-28 of gestation, as a gestational age would say
    lo, hi = time_element_years({"ontologyClass": {"id": "HP:0034198"}})
    week = lambda w: time_element_years({"gestationalAge": {"weeks": w}})[0]  # noqa: E731
    assert lo == pytest.approx(week(14), abs=1e-3) and hi == pytest.approx(week(28), abs=1e-3)
    assert time_element_years({"ontologyClass": {"id": "HP:0034197"}})[1] == 0.0  # to birth


def test_onset_class_falls_back_on_its_listed_ancestor():
    # a newer release's onset class the table does not know takes its parent's range
    element = {"ontologyClass": {"id": "HP:9999999"}}
    assert time_element_years(element) is None
    assert time_element_years(element, lambda _: ["HP:9999999", "HP:0003581"]) == (16.0, 120.0)


def test_onset_without_age_is_reported(tmp_path, toy_kb):
    doc = phenopacket([("HP:0000013", False)])
    doc["phenotypicFeatures"][0]["onset"] = {"ontologyClass": {"id": "HP:0000016",
                                                               "label": "Fracture"}}
    case = read_case(write_case(tmp_path / "c.json", doc), toy_kb.ontology)
    assert case.findings[0].onset_years is None
    assert case.warnings == ["phenotypicFeatures[0].onset: HP:0000016 Fracture is not an onset "
                             "class with an age; ignored"]


def test_json_dump_roundtrip(tmp_path, toy_kb):
    doc = phenopacket([("HP:0000013", False)])
    p = tmp_path / "c.json"
    p.write_text(json.dumps(doc, indent=2))
    assert read_case(p, toy_kb.ontology).case_id == "case-1"


@pytest.mark.parametrize("hpo_id,reason", [
    ("HP:0000006", "belongs to 'Mode of inheritance'"),
    ("HP:0003581", "belongs to 'Onset'"),
    ("HP:0000118", "too general"),
    ("HP:0000001", "too general"),
])
def test_term_outside_phenotypic_abnormality_is_reported_not_scored(tmp_path, toy_kb, hpo_id,
                                                                    reason):
    doc = phenopacket([(hpo_id, False), ("HP:0000013", False)])
    case = read_case(write_case(tmp_path / "c.json", doc), toy_kb.ontology)
    assert [f.hpo_id for f in case.findings] == ["HP:0000013"]
    assert any(reason in w and "phenotypicFeatures[0]" in w and "not used" in w
               for w in case.warnings)


def test_case_with_only_non_phenotype_terms_says_why(tmp_path, toy_kb):
    doc = phenopacket([("HP:0000006", False)])
    with pytest.raises(InputError, match="no usable phenotypic features.*Mode of inheritance"):
        read_case(write_case(tmp_path / "c.json", doc), toy_kb.ontology)


def test_a_stated_mode_that_is_not_one_is_reported_not_used(tmp_path, real_kb):
    doc = phenopacket([("HP:0001263", False)])
    doc["metaData"]["externalReferences"] = [
        {"id": "osteodx:family-history",
         "description": "inheritance: HP:0000006 Autosomal dominant inheritance (pedigree)"},
        {"id": "osteodx:family-history",
         "description": "inheritance: HP:0001263 Global developmental delay (pedigree)"}]
    case = read_case(write_case(tmp_path / "c.json", doc), real_kb.ontology)
    assert [f["mode"] for f in case.family if f.get("mode")] == ["HP:0000006"]
    assert any("HP:0001263 is not a mode of inheritance; not used" in w for w in case.warnings)


@pytest.mark.parametrize("where,age,shown", [
    ("subject", "P200Y", "an age of 200 y"),
    ("subject", "P1000000Y", "an age of 1000000 y"),
    ("onset", "P126Y", "an age of 126 y"),
])
def test_an_implausible_age_is_an_error_naming_the_field(tmp_path, toy_kb, where, age, shown):
    doc = phenopacket([("HP:0000013", False)], age=age if where == "subject" else "P10Y")
    if where == "onset":
        doc["phenotypicFeatures"][0]["onset"] = {"age": {"iso8601duration": age}}
    field = ("subject.timeAtLastEncounter" if where == "subject"
             else "phenotypicFeatures[0].onset")
    with pytest.raises(InputError, match="not plausible") as info:
        read_case(write_case(tmp_path / "c.json", doc), toy_kb.ontology)
    assert f"{field} = '{age}'" in str(info.value) and shown in str(info.value)


def test_an_age_of_125_is_accepted(tmp_path, toy_kb):
    doc = phenopacket([("HP:0000013", False)], age="P125Y")
    assert read_case(write_case(tmp_path / "c.json", doc), toy_kb.ontology).age_years == 125


def test_an_onset_after_the_age_at_last_encounter_is_warned(tmp_path, toy_kb):
    doc = phenopacket([("HP:0000013", False), ("HP:0000021", False)], age="P10Y")
    doc["phenotypicFeatures"][0]["onset"] = {"age": {"iso8601duration": "P30Y"}}
    doc["phenotypicFeatures"][1]["onset"] = {"age": {"iso8601duration": "P10Y"}}
    case = read_case(write_case(tmp_path / "c.json", doc), toy_kb.ontology)
    assert case.warnings == ["phenotypicFeatures[0]: onset of HP:0000013 Sclerosis of the spine "
                             "at 30 y is later than the age at last encounter, 10 y; both kept "
                             "as given (check them)"]
    assert case.findings[0].onset_years == (30, 30)


def test_a_term_both_observed_and_excluded_is_warned_and_both_kept(tmp_path, toy_kb):
    doc = phenopacket([("HP:0000013", False), ("HP:0000021", False), ("HP:0000013", True)])
    case = read_case(write_case(tmp_path / "c.json", doc), toy_kb.ontology)
    assert [(f.hpo_id, f.status) for f in case.findings] == [
        ("HP:0000013", "observed"), ("HP:0000021", "observed"), ("HP:0000013", "excluded")]
    assert case.warnings == ["phenotypicFeatures[0] and [2]: HP:0000013 Sclerosis of the spine "
                             "is both observed and excluded; both statuses are kept and scored "
                             "as given (check which is meant)"]


def test_a_duplicate_key_is_an_error_not_a_lost_list(tmp_path, toy_kb):
    p = tmp_path / "dup.json"
    p.write_text('{"id": "d", "phenotypicFeatures": [{"type": {"id": "HP:0000021"}}], '
                 '"phenotypicFeatures": [{"type": {"id": "HP:0000013"}}]}')
    with pytest.raises(InputError, match='duplicate key "phenotypicFeatures" at the top level'):
        read_case(p, toy_kb.ontology)


def test_an_age_range_at_last_encounter_is_read_at_its_safe_ends(real_kb):
    """"Adult onset" as the age at last encounter had made the patient 120 years old, and
    every disease of early death argued against."""
    from osteodx.case.phenopacket import case_from_phenopacket

    doc = {"id": "r", "subject": {"id": "s", "timeAtLastEncounter": {
        "ontologyClass": {"id": "HP:0003581", "label": "Adult onset"}}},
        "phenotypicFeatures": [{"type": {"id": "HP:0002650", "label": "Scoliosis"}}]}
    case = case_from_phenopacket(doc, real_kb.ontology, "r.json")
    assert (case.age_years, case.age_upper_years) == (16.0, 120.0)
    assert any("gives a range (16-120 y)" in w for w in case.warnings)
    doc["subject"]["timeAtLastEncounter"] = {"age": {"iso8601duration": "P14Y"}}
    case = case_from_phenopacket(doc, real_kb.ontology, "r.json")
    assert (case.age_years, case.age_upper_years) == (14.0, None)
