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
