"""Numbered OMIM series: sparse members gain the features most of their series share."""

from __future__ import annotations

from osteodx.diseases.model import AnnotationSpec, DiseaseSpec
from osteodx.diseases.series import numbered_series, series_stem, share_series_features


def _spec(did: str, label: str, terms: list[str]) -> DiseaseSpec:
    return DiseaseSpec(did, label, annotations=[AnnotationSpec(t, 0.8) for t in terms])


def test_series_names_drop_the_trailing_number_or_type() -> None:
    assert series_stem("Spastic paraplegia 4, autosomal dominant") is None  # number inside
    assert series_stem("Osteogenesis imperfecta, type IV") == "osteogenesis imperfecta"
    assert series_stem("Nephronophthisis 11") == "nephronophthisis"
    assert series_stem("KBG syndrome") is None


def test_only_omim_series_of_three_or_more_count() -> None:
    specs = [_spec("OMIM:1", "Disease X, 1", []), _spec("OMIM:2", "Disease X, 2", []),
             _spec("ORPHA:3", "Disease X, 3", []), _spec("OMIM:4", "Other 1", [])]
    assert numbered_series(specs) == {}
    specs.append(_spec("OMIM:5", "Disease X, 4", []))
    assert [s.disease_id for s in numbered_series(specs)["disease x"]] == ["OMIM:1", "OMIM:2",
                                                                          "OMIM:5"]


def test_sparse_member_gains_the_majority_features_only() -> None:
    rich = [f"HP:{i:07d}" for i in range(100, 120)]
    specs = [_spec("OMIM:1", "ARVD, familial, 1", ["HP:0000001"]),
             _spec("OMIM:2", "ARVD, familial, 2", ["HP:0000002", "HP:0000003", *rich]),
             _spec("OMIM:3", "ARVD, familial, 3", ["HP:0000002", "HP:0000004"]),
             _spec("OMIM:4", "ARVD, familial, 4", ["HP:0000002", "HP:0000003"])]
    n_series, added = share_series_features(specs)
    first = {a.hpo_id: a for a in specs[0].annotations}
    # in 3 of 4 and 2 of 4 members: the series'; in one member only: not
    assert {"HP:0000002", "HP:0000003"} <= set(first) and "HP:0000004" not in first
    assert first["HP:0000002"].frequency is None  # not known to be frequent in this member
    assert first["HP:0000002"].origin.startswith("series: most of the 4")
    # the richly annotated member keeps its own annotations
    assert len(specs[1].annotations) == 22
    assert n_series == 1 and added == 2 + 1 + 0  # OMIM:1 two, OMIM:3 one (HP:0000003)
