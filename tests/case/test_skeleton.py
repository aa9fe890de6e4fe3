from __future__ import annotations

import pytest

from osteodx.case.model import Case, Finding
from osteodx.case.skeleton import normal_region_findings, skeleton_regions, survey


def _case(onto, observed=(), excluded=()):
    c = Case("c", "c.json")
    for h in observed:
        c.findings.append(Finding(h, onto.label(h), "observed", "t"))
    for h in excluded:
        c.findings.append(Finding(h, onto.label(h), "excluded", "t"))
    return c


def test_region_terms_are_current(real_kb):
    onto = real_kb.ontology
    for r in skeleton_regions():
        for h in r.involved + r.normal_excludes:
            assert onto.resolve(h).status == "current", (r.id, h)


def test_axial_pattern(real_kb):
    onto = real_kb.ontology
    c = _case(onto, observed=["HP:0004576", "HP:6000869"],
              excluded=["HP:0000929", "HP:0000772", "HP:0011314"])
    s = survey(c, onto)
    status = {r.region.id: r.status for r in s.regions}
    assert status["spine"] == status["pelvis"] == "involved"
    assert status["skull_vault"] == status["skull_base"] == "spared"
    assert status["ribs"] == "spared" and status["long_bone_diaphysis"] == "spared"
    assert status["hands"] == "not_examined"
    assert s.pattern.startswith("sclerosis confined to the axial skeleton (spine and pelvis)")
    assert "skull, ribs and long bones spared" in s.pattern


def test_generalized(real_kb):
    s = survey(_case(real_kb.ontology, observed=["HP:0005789"]), real_kb.ontology)
    assert s.pattern == "generalized sclerosis"


def test_normal_region_statement_excludes_terms(real_kb):
    found = normal_region_findings("skull", real_kb.ontology, "text[0:10]")
    ids = {f.hpo_id for f in found}
    assert {"HP:0002694", "HP:0005450", "HP:0000929"} <= ids
    assert all(f.status == "excluded" for f in found)
    with pytest.raises(KeyError):
        normal_region_findings("tail", real_kb.ontology, "x")
