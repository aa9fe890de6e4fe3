"""The survival term: a patient seen alive past a disease's annotated age of death."""

from __future__ import annotations

import dataclasses
import math

import pytest

from osteodx.engine.differential import rank
from osteodx.engine.likelihood import score_case
from osteodx.engine.params import ModelParameters
from osteodx.engine.survival import classes_outlived, survival_log10_lr
from osteodx.kb.build import DEFAULT_FREQUENCY, PSEUDOCOUNT
from osteodx.kb.mortality import DEATH_CLASSES
from tests.engine.test_likelihood import P, _score

# OMIM:100003 is annotated "Death in infancy" 1/1 (aspect C); smoothed like any n/m count
DIED = (1 + PSEUDOCOUNT * DEFAULT_FREQUENCY) / (1 + PSEUDOCOUNT)


def test_age_of_death_is_read_with_its_frequency(toy_kb):
    d = toy_kb.disease_index["OMIM:100003"]
    k = DEATH_CLASSES.index("HP:0001522")
    assert toy_kb.death_freq[d, k] == pytest.approx(DIED)
    assert toy_kb.death_freq[toy_kb.disease_index["OMIM:100001"]].sum() == 0


def test_patient_older_than_the_age_of_death_weighs_against_the_disease(toy_kb):
    d = toy_kb.disease_index["OMIM:100003"]
    _, adult = _score(toy_kb, [("HP:0000021", False)], age="P30Y")
    _, infant = _score(toy_kb, [("HP:0000021", False)], age="P1Y")
    _, unknown = _score(toy_kb, [("HP:0000021", False)], age=None)
    assert adult.survival_log10_lr[d] == pytest.approx(math.log10(1 - DIED))
    assert infant.survival_log10_lr[d] == 0  # still inside the class: no evidence
    assert unknown.survival_log10_lr[d] == 0
    # only annotated diseases move
    assert adult.survival_log10_lr[toy_kb.disease_index["OMIM:100006"]] == 0
    assert adult.total[d] == pytest.approx(infant.total[d] + math.log10(1 - DIED))


def test_floor_and_switch(toy_kb):
    case, _ = _score(toy_kb, [("HP:0000021", False)], age="P30Y")
    d = toy_kb.disease_index["OMIM:100003"]
    floored = dataclasses.replace(P, survival_floor=0.9)
    assert survival_log10_lr(toy_kb, case, floored)[d] == pytest.approx(math.log10(0.9))
    off = dataclasses.replace(P, survival_weight=0.0)
    assert not survival_log10_lr(toy_kb, case, off).any()


def test_classes_outlived_follow_the_hpo_definitions():
    assert not classes_outlived(0.0).any()  # at birth no class has ended yet
    assert [c for c, o in zip(DEATH_CLASSES, classes_outlived(1.0), strict=True) if o] == [
        "HP:0003826", "HP:0003811"]
    assert classes_outlived(61.0).all()


def test_explanation_names_the_age_and_the_annotation(toy_kb):
    case, s = _score(toy_kb, [("HP:0000021", False)], age="P30Y")
    diff = rank(toy_kb, case, s, top=None)
    entry = next(e for e in diff.entries if e.disease_id == "OMIM:100003")
    row = next(c for c in entry.contributions if c.hpo_id == "survival")
    assert row.match == "alive_past_age_of_death"
    assert "30 y" in row.label and "Death in infancy" in row.label
    assert row.log10_lr == pytest.approx(round(math.log10(1 - DIED), 3))


def test_default_parameters_switch_it_on(toy_kb):
    case, _ = _score(toy_kb, [("HP:0000021", False)], age="P30Y")
    s = score_case(toy_kb, case, ModelParameters())
    assert s.survival_log10_lr[toy_kb.disease_index["OMIM:100003"]] < 0
