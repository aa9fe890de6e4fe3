"""The hpo3 supplement: merged only into an older release, named whenever merged, and
chosen by argument or $OSTEODX_SUPPLEMENT (none, missing, merge)."""

from __future__ import annotations

import shutil

import pytest

from osteodx.diseases.model import AnnotationSpec, DiseaseSpec
from osteodx.errors import KnowledgeBaseError
from osteodx.kb import load as load_mod
from osteodx.kb import supplement as sup
from osteodx.kb.load import build_knowledge_base, load_knowledge_base
from osteodx.ontology.release import locate_release


@pytest.mark.parametrize("value,merge,mode", [
    (None, True, "merge"), (True, True, "merge"), (True, False, "missing"),
    (False, True, "none"), ("none", True, "none"), ("Missing", True, "missing"),
    ("merge", False, "missing")])
def test_modes(value, merge, mode, monkeypatch):
    monkeypatch.delenv(sup.ENV_SUPPLEMENT, raising=False)
    assert sup.supplement_mode(value, merge) == mode


def test_mode_from_the_environment(monkeypatch):
    monkeypatch.setenv(sup.ENV_SUPPLEMENT, "none")
    assert sup.supplement_mode() == "none"
    assert sup.supplement_mode("merge") == "merge"  # an argument wins
    monkeypatch.setenv(sup.ENV_SUPPLEMENT, "sometimes")
    with pytest.raises(KnowledgeBaseError, match=r"\$OSTEODX_SUPPLEMENT = 'sometimes': not "
                                                 r"one of none, missing, merge"):
        sup.supplement_mode()


def _fake_hpo3(version: str):
    """A stand-in for hpo3's release: one new disease, one new annotation of a known one,
    one new term."""
    def specs(known):
        new = DiseaseSpec("OMIM:999999", "Newer disease", origins=[f"hpo3 {version}"])
        new.annotations.append(AnnotationSpec("HP:0000013", None, origin=f"hpo3 {version}"))
        more = DiseaseSpec("OMIM:100001", "Spine sclerosis disease")
        more.annotations.append(AnnotationSpec("HP:0000022", None, origin=f"hpo3 {version}"))
        return version, {s.disease_id: s for s in (new, more)}, \
            {"HP:0999999": ("Newer term", ["HP:0000010"])}
    return specs


@pytest.fixture()
def dated(tmp_path, toy_dir, monkeypatch):
    """The toy release renamed HPO 2024-01-01, beside a fake hpo3 2025-11-24."""
    rel = tmp_path / "rel"
    shutil.copytree(toy_dir, rel)
    for name in ("hp.obo", "phenotype.hpoa"):
        path = rel / name
        path.write_text(path.read_text().replace("toy-1", "2024-01-01"))
    monkeypatch.setattr(sup, "specs_from_hpo3", _fake_hpo3("2025-11-24"))
    monkeypatch.setattr(sup, "hpo3_version", lambda: "9.9")
    return locate_release(rel)


def test_older_release_gets_the_supplement_and_says_so(dated):
    kb = build_knowledge_base(dated, supplement="merge", packs=False)
    assert "OMIM:999999" in kb.disease_index and "HP:0999999" in kb.ontology
    assert kb.provenance["supplement"] == (
        "hpo3 9.9 (HPO 2025-11-24): 1 diseases, 1 annotations of known diseases and 1 terms "
        "absent from HPO 2024-01-01")
    spine = kb.disease_index["OMIM:100001"]
    assert "HP:0000022" in {t for t, _, _ in kb.annotations_of(spine)}


def test_missing_mode_adds_no_annotations_to_known_diseases(dated):
    kb = build_knowledge_base(dated, supplement="missing", packs=False)
    assert "OMIM:999999" in kb.disease_index
    spine = kb.disease_index["OMIM:100001"]
    assert "HP:0000022" not in {t for t, _, _ in kb.annotations_of(spine)}
    assert "mode 'missing'" in kb.provenance["supplement"]


def test_none_mode_is_the_release_alone(dated):
    kb = build_knowledge_base(dated, supplement="none", packs=False)
    assert "OMIM:999999" not in kb.disease_index
    assert kb.provenance["supplement"].startswith("not used")


@pytest.mark.parametrize("hpoa_date", ["2026-01-01", "2024-01-01"])
def test_newer_release_stands_alone(dated, monkeypatch, hpoa_date):
    """A release as new as hpo3's or newer (either file) is not supplemented."""
    obo = dated.ontology
    obo.write_text(obo.read_text().replace("2024-01-01", "2026-01-01"))
    hpoa = dated.annotations
    hpoa.write_text(hpoa.read_text().replace("2024-01-01", hpoa_date))
    kb = build_knowledge_base(dated, supplement="merge", packs=False)
    assert "OMIM:999999" not in kb.disease_index and "HP:0999999" not in kb.ontology
    assert kb.provenance["supplement"] == ("not merged: hpo3 9.9 embeds HPO 2025-11-24, not "
                                           "newer than the loaded HPO 2026-01-01")


def test_hpoa_newer_than_hpo3_stops_the_merge(dated):
    hpoa = dated.annotations
    hpoa.write_text(hpoa.read_text().replace("2024-01-01", "2026-01-01"))
    kb = build_knowledge_base(dated, supplement="merge", packs=False)
    assert "OMIM:999999" not in kb.disease_index
    assert "not newer than the loaded HPO 2026-01-01" in kb.provenance["supplement"]


def test_cache_key_follows_the_mode(dated, tmp_path, monkeypatch):
    monkeypatch.setenv("OSTEODX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(load_mod, "_MEMO", {})
    rel = dated.folder
    keys = {m: load_knowledge_base(rel, supplement=m, packs=False).provenance["index_key"]
            for m in sup.MODES}
    assert len(set(keys.values())) == 3
    monkeypatch.setenv(sup.ENV_SUPPLEMENT, "missing")
    env = load_knowledge_base(rel, packs=False)
    assert env.provenance["index_key"] == keys["missing"]
    assert "OMIM:999999" in env.disease_index


def test_the_hpo3_version_is_read_from_its_metadata_folder(monkeypatch, tmp_path):
    import importlib.metadata
    import sys

    from osteodx.kb.supplement import hpo3_version

    try:
        installed = importlib.metadata.version("hpo3")
    except importlib.metadata.PackageNotFoundError:
        installed = None
    assert hpo3_version() == installed
    (tmp_path / "hpo3-9.8.7.dist-info").mkdir()  # the first folder on the path wins
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert hpo3_version() == "9.8.7"
