"""The plausible bounds of vital-sign readings are data (``vitals.yaml``), checked at start,
and the same bounds judge a phenopacket's measurement and a report's text."""

from __future__ import annotations

import copy

import pytest

from osteodx.errors import KnowledgeBaseError
from osteodx.labs import vitals
from osteodx.labs.vitals import judge_vital, plausible_range, vitals_data
from osteodx.text.context import ContextAnalyser
from osteodx.text.vitals import find_vital_signs


def _terms(text: str, age: float = 40) -> list[str]:
    return [v.hpo_id for v in find_vital_signs(text, age, ContextAnalyser(text), sex="female")]


@pytest.mark.parametrize("kind", ["heart_rate", "systolic", "diastolic", "oxygen_saturation",
                                  "qtc", "temperature"])
def test_every_kind_has_bounds_and_a_reason_in_the_data_file(kind):
    entry = vitals_data()["plausible"][kind]
    assert plausible_range(kind) == (entry["low"], entry["high"])
    assert entry["low"] < entry["high"] and entry["basis"].strip()
    lo, hi = plausible_range(kind)
    assert judge_vital(kind, hi + 1, 40, None).outcome is None  # a slip, not a reading
    assert "implausible" in judge_vital(kind, lo - 1, 40, None).why


def test_the_text_reader_takes_its_bounds_from_the_data_file(monkeypatch):
    assert _terms("BP 160/100 mmHg today.") == ["HP:0032263"]
    data = copy.deepcopy(vitals_data())
    data["plausible"]["systolic"]["high"] = 150  # 160 now beyond what a reading can be
    monkeypatch.setattr(vitals, "_data", lambda: data)
    assert _terms("BP 160/100 mmHg today.") == []
    assert judge_vital("systolic", 160, 40, None).outcome is None


@pytest.mark.parametrize("change, field", [
    (lambda p: p.pop("qtc"), "plausible.qtc: missing"),
    (lambda p: p["systolic"].update(low="fifty"),
     "plausible.systolic.low: 'fifty' is not a number"),
    (lambda p: p["diastolic"].update(low=300), "plausible.diastolic: low 300 is not below high"),
    (lambda p: p["heart_rate"].update(basis=""), "plausible.heart_rate.basis: missing"),
])
def test_a_damaged_table_is_a_clear_error_naming_the_field(change, field):
    data = copy.deepcopy(vitals_data())
    change(data["plausible"])
    with pytest.raises(KnowledgeBaseError, match="knowledge/vitals.yaml: " + field):
        vitals._check_plausible(data["plausible"])
