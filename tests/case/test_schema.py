"""Schema errors in a user's words, on one line; YAML-typed scalars mended."""

from __future__ import annotations

import pytest

from osteodx.case.phenopacket import parse_document
from osteodx.case.schema import first_line
from osteodx.errors import InputError

_PF = '"phenotypicFeatures": [{"type": {"id": "HP:0000021"}}'


@pytest.mark.parametrize("text,expected", [
    ('{"id": "x", ' + _PF + ', {"foo": 1}]}', 'phenotypicFeatures[1]: unknown field "foo"'),
    ('{"id": "x", ' + _PF + '], "diseases": ["OMIM:1"]}',
     'diseases[0]: expected an object, got "OMIM:1"'),
    ('{"id": "x", ' + _PF + '], "created": 1}',
     'unknown field "created" at the top level'),
    ('{"id": "x", "phenotypicFeature": []}', 'did you mean "phenotypicFeatures"?'),
    ('{"id": "x", "subject": {"sex": "male"}}',
     'subject.sex: "male" is not one of UNKNOWN_SEX, FEMALE, MALE, OTHER_SEX'),
    ('{"id": "x", "phenotypicFeatures": [{"type": {"id": "HP:0000021"}, "excluded": "no"}]}',
     'phenotypicFeatures[0].excluded: expected true or false (without quotes), got "no"'),
    ('{"id": "x", "phenotypicFeatures": {"type": {"id": "HP:0000021"}}}',
     "phenotypicFeatures: expected a list, got an object"),
    ('{"id": "x", "subject": {"timeAtLastEncounter": {"age": {"iso8601duration": "P1Y"}, '
     '"ontologyClass": {"id": "HP:0003581"}}}}',
     'subject.timeAtLastEncounter: gives both "age" and "ontologyClass"'),
    ('{"id": "x", "measurements": [{"value": {"quantity": {"value": "lots"}}}]}',
     'measurements[0].value.quantity.value: expected a number, got "lots"'),
    ('{"id": "x", "metaData": {"created": "yesterday"}}',
     'metaData.created: expected a date-time such as 2024-01-31T00:00:00Z, got "yesterday"'),
    ('{"id": "x", "subject": {"timeAtLastEncounter": {"gestationalAge": {"weeks": 1.5}}}}',
     "subject.timeAtLastEncounter.gestationalAge.weeks: expected a whole number, got 1.5"),
])
def test_schema_errors_are_one_line_naming_the_field(text, expected):
    with pytest.raises(InputError) as info:
        parse_document(text, "c.json")
    message = str(info.value)
    assert message.startswith("c.json: ") and expected in message
    assert "\n" not in message and "Available Fields" not in message
    assert "org.phenopackets" not in message


def test_yaml_scalars_are_read_as_the_text_they_are():
    text = ("id: 12345\nmetaData:\n  created: 2020-01-01\nphenotypicFeatures:\n"
            "  - type: {id: 'HP:0000021', label: 1.5}\n")
    doc = parse_document(text, "c.yaml")
    assert doc["id"] == "12345" and doc["metaData"]["created"].startswith("2020-01-01T00:00:00")
    assert doc["phenotypicFeatures"][0]["type"]["label"] == "1.5"


def test_a_yaml_boolean_is_not_text():
    with pytest.raises(InputError, match=r"phenotypicFeatures\[0\].type.label: expected text, "
                                         "got true"):
        parse_document("phenotypicFeatures:\n  - type: {id: 'HP:0000021', label: yes}\n",
                       "c.yaml")


def test_a_yaml_nan_is_kept_for_the_measurement_check():
    text = "id: x\nmeasurements:\n  - value: {quantity: {value: .nan}}\n"
    assert parse_document(text, "c.yaml")["measurements"][0]["value"]["quantity"]["value"] == \
        "NaN"


def test_protobuf_fallback_message_is_cut_to_one_line():
    exc = ValueError('Failed to parse subject field: Failed to parse x field: Odd thing at '
                     'Phenopacket.subject.x.\n Available Fields(except extensions): "[...]"')
    assert first_line(exc) == "Odd thing at Phenopacket.subject.x"
