"""Shared fixtures: a toy HPO release (network-free) and the real default one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from osteodx.kb.load import build_knowledge_base
from osteodx.ontology.release import locate_release

TOY = Path(__file__).parent / "data" / "toy"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DEV_CORPUS = SHARED / "phenopacket-store" / "dev.tar.gz"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Every test writes its cache to a temporary folder, never the user's."""
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="session")
def toy_dir() -> Path:
    return TOY


@pytest.fixture(scope="session")
def toy_kb():
    return build_knowledge_base(locate_release(TOY), supplement=False, packs=False)


@pytest.fixture(scope="session")
def real_kb(tmp_path_factory):
    import os

    os.environ["OSTEODX_CACHE_DIR"] = str(tmp_path_factory.getbasetemp() / "cache")
    from osteodx.kb.load import load_knowledge_base

    return load_knowledge_base()


def phenopacket(features: list[tuple[str, bool]], *, pid: str = "case-1", sex: str = "FEMALE",
                age: str | None = "P30Y") -> dict:
    """A minimal phenopacket dict: (hpo_id, excluded) pairs."""
    doc: dict = {"id": pid, "subject": {"id": "s1", "sex": sex},
                 "phenotypicFeatures": [{"type": {"id": h, "label": ""}, **({"excluded": True}
                                                                              if ex else {})}
                                        for h, ex in features],
                 "metaData": {"created": "2024-01-01T00:00:00Z", "createdBy": "test",
                              "phenopacketSchemaVersion": "2.0"}}
    if age:
        doc["subject"]["timeAtLastEncounter"] = {"age": {"iso8601duration": age}}
    return doc


def write_case(path: Path, doc: dict) -> Path:
    path.write_text(json.dumps(doc))
    return path
