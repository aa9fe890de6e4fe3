"""What a phenopacket says and osteodx does not use is said, not dropped."""

from __future__ import annotations

import json

import pytest

from osteodx.case.phenopacket import case_from_phenopacket, read_case
from osteodx.errors import InputError


def _doc(**extra):
    doc = {"id": "u", "subject": {"id": "s", "sex": "FEMALE"},
           "phenotypicFeatures": [{"type": {"id": "HP:0003418", "label": "Back pain"}}]}
    doc.update(extra)
    return doc


def _warnings(doc, kb):
    return case_from_phenopacket(doc, kb.ontology, "u.json").warnings


def test_modifiers_severity_and_resolution_are_named(real_kb):
    doc = _doc()
    doc["phenotypicFeatures"][0].update(
        modifiers=[{"id": "HP:0012832", "label": "Bilateral"}],
        severity={"id": "HP:0012828", "label": "Severe"})
    assert any("phenotypicFeatures[0]: modifiers (Bilateral) and severity (Severe) not used"
               in w for w in _warnings(doc, real_kb))


def test_biosample_findings_vital_status_and_karyotype_are_named(real_kb):
    doc = _doc(biosamples=[{"id": "b", "phenotypicFeatures": [
        {"type": {"id": "HP:0004608", "label": "x"}}]}])
    doc["subject"].update(vitalStatus={"status": "DECEASED"}, karyotypicSex="XY")
    got = " | ".join(_warnings(doc, real_kb))
    assert "biosamples[0].phenotypicFeatures: 1 not read" in got
    assert "subject.vitalStatus: DECEASED is not used" in got
    assert "karyotypicSex XY and sex FEMALE differ" in got


def test_a_label_naming_something_else_is_warned_and_a_renamed_one_is_not(real_kb):
    doc = _doc()
    doc["phenotypicFeatures"][0]["type"]["label"] = "Wrong label given by user"
    assert any("shares no word with any name of HP:0003418" in w
               for w in _warnings(doc, real_kb))
    doc["phenotypicFeatures"][0]["type"] = {"id": "HP:0010864",
                                            "label": "Severe intellectual disability"}
    assert not any("shares no word" in w for w in _warnings(doc, real_kb))


@pytest.mark.parametrize("doc, words", [
    ({"id": "f", "proband": {"id": "p"}}, "a GA4GH Family"),
    ({"id": "c", "members": []}, "a GA4GH Cohort"),
    ({"id": "v", "phenotypicFeatures": [{"type": {"id": "HP:0003418"}, "negated": True}]},
     "Phenopacket v1"),
    ({"id": "v", "metaData": {"phenopacketSchemaVersion": "1.0.0"}}, "Phenopacket v1"),
])
def test_other_ga4gh_messages_are_named(tmp_path, real_kb, doc, words):
    path = tmp_path / "x.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(InputError, match=words):
        read_case(path, real_kb.ontology)


@pytest.mark.parametrize("doc, needle", [  # found by mutating corpus phenopackets
    ({"id": "m", "metaData": "2.0"}, "metaData"),
    ({"id": "m", "phenotypicFeatures": 3}, "phenotypicFeatures"),
    ({"id": "m", "phenotypicFeatures": "HP:0003418"}, "phenotypicFeatures"),
])
def test_wrongly_typed_top_fields_are_a_schema_error_not_a_crash(tmp_path, toy_kb, doc,
                                                                 needle):
    path = tmp_path / "x.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(InputError, match=needle):
        read_case(path, toy_kb.ontology)


def test_a_long_malformed_duration_is_cut_in_the_message(tmp_path, toy_kb):
    doc = {"id": "d", "phenotypicFeatures": [{"type": {"id": "HP:0000013"},
                                              "onset": {"age": {"iso8601duration": "é" * 300}}}]}
    path = tmp_path / "x.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(InputError, match="not an ISO 8601 duration") as got:
        read_case(path, toy_kb.ontology)
    assert len(str(got.value)) < 250 and "\n" not in str(got.value)
