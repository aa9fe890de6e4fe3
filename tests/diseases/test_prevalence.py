"""The prevalence table: validation, the figures' meaning, and what the engine makes of them."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from osteodx.case.phenopacket import case_from_phenopacket
from osteodx.diseases.prevalence import (
    Prevalence,
    PrevalenceTable,
    load_prevalence,
    validate_prevalence,
)
from osteodx.engine.differential import rank
from osteodx.engine.likelihood import prevalence_log10_odds, score_case
from osteodx.engine.params import ModelParameters
from osteodx.knowledge.validation import SchemaError, validate
from tests.conftest import phenopacket


def _fig(**kw) -> dict:
    return {"condition": "X", "ids": ["OMIM:1"], "one_in": 3000, "source": "Some review",
            **kw}


def test_shipped_table_is_valid_and_sourced() -> None:
    table = load_prevalence()
    assert table.reference_one_in > 1000
    for p in table.diseases:
        assert p.source and (p.url or "PMID" in p.source or "GeneReviews" in p.source)
        assert all(d.split(":")[0] in ("OMIM", "ORPHA") for d in p.ids)


def _table(*figures: dict, **kw) -> dict:
    return {"schema_version": 1, "version": "t", "reference_one_in": 1e6,
            "reference_source": "PMID:1", "diseases": list(figures), **kw}


def test_one_id_cannot_have_two_figures() -> None:
    with pytest.raises(SchemaError, match="two figures"):
        validate_prevalence(_table(_fig(), _fig(condition="Y", one_in=5000)))
    with pytest.raises(ValueError, match="two figures"):  # in code, too
        PrevalenceTable(schema_version=1, version="t", reference_one_in=1e6,
                        reference_source="PMID:1",
                        diseases=[Prevalence(**_fig()), Prevalence(**_fig(condition="Y"))])


@pytest.mark.parametrize(("change", "message"), [
    ({"one_in": 0.5}, r"diseases\.0\.one_in: Input should be greater than 1"),
    ({"source": ""}, r"diseases\.0\.source: String should have at least 3 characters"),
    ({"ids": []}, r"diseases\.0\.ids: List should have at least 1 item"),
    ({"measure": "adults"}, r"diseases\.0\.measure: Input should be 'point'"),
    ({"colour": "red"}, r"diseases\.0\.colour: Extra inputs are not permitted"),
])
def test_figures_must_be_real_proportions(change, message) -> None:
    with pytest.raises(SchemaError, match=message):
        validate_prevalence(_table(_fig(**change)))
    with pytest.raises(SchemaError, match=message.split(": ", 1)[1]):
        validate(Prevalence, _fig(**change))  # one figure on its own
    with pytest.raises(SchemaError, match="reference_one_in: Input should be greater than 1"):
        validate_prevalence(_table(_fig(), reference_one_in=1))


def test_a_validated_table_is_plain_picklable_data() -> None:
    import pickle

    table = validate_prevalence(_table(_fig(one_in=3000)))
    assert table.diseases[0].one_in == 3000.0 and isinstance(table.diseases[0].one_in, float)
    assert pickle.loads(pickle.dumps(table)) == table
    with pytest.raises(dataclasses.FrozenInstanceError):
        table.version = "u"  # type: ignore[misc]


def test_a_figure_for_one_sex_is_halved_for_the_population() -> None:
    p = Prevalence(**_fig(one_in=5000, measure="males", population="worldwide"))
    assert p.population_one_in == 10000
    assert p.describe() == "1 in 5,000 males, worldwide"
    assert p.cite == "Some review"


def _toy_with_figures(kb, figures: dict[str, float]):
    kb = dataclasses.replace(kb)  # a copy with its own caches: the session fixture stays as it is
    kb.prevalence_one_in = np.full(kb.n_diseases, np.nan)
    kb.prevalence_text = {}
    kb.prevalence_source = {}
    for d, n in figures.items():
        kb.prevalence_one_in[kb.disease_index[d]] = n
        kb.prevalence_text[kb.disease_index[d]] = f"1 in {n:,.0f}"
        kb.prevalence_source[kb.disease_index[d]] = "test figure"
    kb.reference_one_in = 1e6
    return kb


def test_prevalence_odds_are_tempered_capped_and_never_negative(toy_kb) -> None:
    kb = _toy_with_figures(toy_kb, {"OMIM:100001": 1e4, "OMIM:100002": 10.0,
                                    "OMIM:100003": 1e8})
    p = ModelParameters(prevalence_weight=0.5, prevalence_cap_one_in=1000)
    odds = prevalence_log10_odds(kb, p)
    i = kb.disease_index
    assert odds[i["OMIM:100001"]] == pytest.approx(0.5 * 2)  # 1e6 / 1e4
    assert odds[i["OMIM:100002"]] == pytest.approx(0.5 * 3)  # capped at 1 in 1,000
    assert odds[i["OMIM:100003"]] == 0  # rarer than the reference: no penalty
    assert odds[i["OMIM:100004"]] == 0  # not listed
    assert not prevalence_log10_odds(kb, dataclasses.replace(p, prevalence_weight=0)).any()


def test_prevalence_breaks_a_tie_and_is_explained_apart_from_the_evidence(toy_kb) -> None:
    # OMIM:100001 and OMIM:100004 tie on this finding (tests/engine/test_likelihood.py)
    kb = _toy_with_figures(toy_kb, {"OMIM:100004": 1e4})
    case = case_from_phenopacket(phenopacket([("HP:0000013", False)], age=None), kb.ontology,
                                 "t.json")
    diff = rank(kb, case, score_case(kb, case, ModelParameters()), top=None)
    by_id = {e.disease_id: e for e in diff.entries}
    common, rare = by_id["OMIM:100004"], by_id["OMIM:100001"]
    assert common.rank < rare.rank
    assert common.log10_lr == pytest.approx(rare.log10_lr)  # same evidence
    prior = [c for c in common.contributions if c.hpo_id == "prevalence"]
    assert len(prior) == 1 and prior[0].status == "prior" and "1 in 10,000" in prior[0].label
    assert prior[0].source == "knowledge/prevalence.yaml: test figure"
    assert common.score == pytest.approx(common.log10_lr + prior[0].log10_lr, abs=1e-6)


def test_every_figure_names_diseases_of_the_default_release(real_kb) -> None:
    table = load_prevalence()
    missing = [d for p in table.diseases for d in (*p.ids, *p.group_members)
               if d not in real_kb.disease_index]
    assert not missing
    listed = int(np.count_nonzero(~np.isnan(real_kb.prevalence_one_in)))
    assert listed >= len({d for p in table.diseases for d in p.ids})


def test_a_group_figure_is_shared_by_its_omim_entries() -> None:
    p = Prevalence(**_fig(ids=["ORPHA:9", "OMIM:1"], group_members=["OMIM:2", "OMIM:3"]))
    got = {d: n for d, n, _ in p.per_entry()}
    assert got == {"ORPHA:9": 3000, "OMIM:1": 9000, "OMIM:2": 9000, "OMIM:3": 9000}
    assert all("shared by the 3 OMIM entries" in t for d, _, t in p.per_entry()
               if d.startswith("OMIM"))


def test_an_entry_own_figure_beats_a_share_of_its_group(toy_kb, monkeypatch) -> None:
    import osteodx.kb.knowledge_base as K

    table = validate_prevalence(_table(
        _fig(condition="group", ids=["OMIM:100001"],
             group_members=["OMIM:100004", "OMIM:100002"]),
        _fig(condition="own", ids=["OMIM:100002"], one_in=50000)))
    monkeypatch.setattr(K, "load_prevalence", lambda: table)
    kb = dataclasses.replace(toy_kb)  # rebuilt: attaches the patched table
    one_in = {d: kb.prevalence_one_in[kb.disease_index[d]] for d in
              ("OMIM:100001", "OMIM:100002", "OMIM:100004", "OMIM:100003")}
    assert one_in["OMIM:100001"] == one_in["OMIM:100004"] == 9000  # 3 entries share 1 in 3,000
    assert one_in["OMIM:100002"] == 50000  # its own figure, whatever the order
    assert np.isnan(one_in["OMIM:100003"])
    assert "reaching 3 diseases" in kb.provenance["prevalence"]
    assert "reaching 3 diseases" not in toy_kb.provenance.get("prevalence", "")
