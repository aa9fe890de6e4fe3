"""The held-out text rounds under ``benchmarks/text_rounds`` stay readable: every case has its
frozen expectation, and every id in it is one the knowledge base knows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROUNDS = Path(__file__).resolve().parents[2] / "benchmarks" / "text_rounds"


def _rounds() -> list[Path]:
    return sorted(p for p in ROUNDS.glob("round*") if p.is_dir())


@pytest.mark.parametrize("folder", _rounds(), ids=lambda p: p.name)
def test_each_case_has_a_frozen_expectation(folder: Path) -> None:
    cases = sorted(p.stem for p in (folder / "cases").glob("*.txt"))
    expected = sorted(p.stem for p in (folder / "expected").glob("*.yaml"))
    assert cases and cases == expected


@pytest.mark.parametrize("folder", _rounds(), ids=lambda p: p.name)
def test_expectations_name_known_terms_and_diseases(folder: Path, real_kb) -> None:
    onto = real_kb.ontology
    for path in sorted((folder / "expected").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["sex"] in ("female", "male", "unknown"), path.name
        disease = data["intended_disease"]["id"]
        assert disease in real_kb.disease_index, (path.name, disease)
        for status in ("observed", "excluded"):
            for term in data.get(status) or []:
                assert onto.resolve(term["id"]).hpo_id is not None, (path.name, term["id"])


def _scorer():
    """The round scorer's modules (benchmarks/ is no package: imported from its folder)."""
    import importlib
    import sys

    sys.path.insert(0, str(ROUNDS.parent))
    try:
        return (importlib.import_module("text_rounds"),
                importlib.import_module("text_round_labs"))
    finally:
        sys.path.pop(0)


def test_the_scorer_pairs_parents_with_mother_and_father() -> None:
    rounds, _ = _scorer()
    assert rounds.relative_matches("mother", "parents")
    assert rounds.relative_matches("brother", "half-brother")
    assert not rounds.relative_matches("sister", "parents")
    assert not rounds.relative_matches("mother", "father")


def test_the_scorer_pairs_labs_through_the_catalogue() -> None:
    _, labs = _scorer()
    assert labs.analyte_matches("WCC", ["Leukocyte count"], "leukocytes")
    assert not labs.analyte_matches("WCC", ["Haemoglobin"], "haemoglobin")
