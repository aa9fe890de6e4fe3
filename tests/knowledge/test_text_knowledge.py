"""Data files of the text reader: sourced, current HPO ids, patterns that compile."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from osteodx.knowledge import load_yaml


def _load(name: str) -> dict:
    return load_yaml((resources.files("osteodx.knowledge") / name).read_text("utf-8"))


@pytest.mark.parametrize("name, items, id_fields", [
    ("examinations.yaml", "examinations", ("excludes",)),
    ("anthropometry.yaml", "measures", ("low", "high")),
    ("milestones.yaml", "milestones", ("term",)),
])
def test_entries_are_sourced_with_current_ids(real_kb, name, items, id_fields) -> None:
    data = _load(name)
    onto = real_kb.ontology
    for item in data[items]:
        sources = item["source"] if isinstance(item["source"], list) else [item["source"]]
        assert all(s in data["sources"] for s in sources), item["key"]
        re.compile(item["pattern"])
        for f in id_fields:
            ids = item[f] if isinstance(item[f], list) else [item[f]]
            for hid in ids:
                assert onto.resolve(hid).hpo_id == hid, (item["key"], hid)


def test_muscle_groups_are_sourced_with_current_weakness_terms(real_kb) -> None:
    data = _load("muscle_power.yaml")
    onto = real_kb.ontology
    assert data["scale_source"] in data["sources"]
    names = [n.lower() for g in data["groups"] for n in g["names"]]
    assert len(names) == len(set(names))  # one term per muscle group name
    for g in data["groups"]:
        assert g["source"] in data["sources"]
        assert onto.resolve(g["hpo_id"]).hpo_id == g["hpo_id"]
        # (HPO files "Weakness of the intrinsic hand muscles" under hand musculature, not
        # under Muscle weakness: the label is what is checked)
        assert "weakness" in onto.label(g["hpo_id"]).lower(), g["hpo_id"]


def test_growth_references_are_sourced_with_current_terms(real_kb) -> None:
    data = _load("anthropometry.yaml")
    refs = data["growth_references"]
    onto = real_kb.ontology
    by_key = {m["key"]: m for m in data["measures"]}
    assert all(s in data["sources"] for s in refs["source"])
    for key, m in refs["measures"].items():
        assert all(s in data["sources"] for s in m["source"]), key
        assert onto.label(by_key[key]["low"]) == m["low_label"], key
        assert onto.label(by_key[key]["high"]) == m["high_label"], key
        assert all(code.startswith("LOINC:") for code in m["loinc"]), key
