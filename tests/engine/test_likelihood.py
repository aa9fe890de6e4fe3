"""The engine's arithmetic on the toy ontology: every match code, both ways of exclusion,
frequencies, onset, sex, ties and determinism."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from osteodx.case.phenopacket import case_from_phenopacket
from osteodx.engine import match as M
from osteodx.engine.differential import rank
from osteodx.engine.likelihood import score_case
from osteodx.engine.params import ModelParameters
from osteodx.report.json_report import to_json
from tests.conftest import phenopacket

# every term but the roots is informative; the refinements are tested one by one below
P = ModelParameters(min_ancestor_ic=0.01, unmatched_scale=0.0, breadth_penalty=0.0,
                    exact_weight=1.0, general_weight=1.0, specific_weight=1.0,
                    ancestor_weight=1.0, unmatched_weight=1.0,
                    excluded_exponent=1.0)


def _score(kb, features, params=P, **kw):
    case = case_from_phenopacket(phenopacket(features, **kw), kb.ontology, "t.json")
    return case, score_case(kb, case, params)


def _lr(kb, scores, i, disease):
    return 10 ** scores.log10_lr[i, kb.disease_index[disease]]


def _code(kb, scores, i, disease):
    return int(scores.code[i, kb.disease_index[disease]])


def _bg(kb, hpo_id):
    return kb.background[kb.ontology.index[hpo_id]]


def _implied(kb, disease, hpo_id):
    """The disease's frequency for a term, propagated from its annotations."""
    rows, vals = kb.implied.column(kb.ontology.index[hpo_id])
    hit = rows == kb.disease_index[disease]
    return float(vals[hit][0]) if hit.any() else 0.0


def test_frequencies_are_smoothed_towards_default(toy_kb):
    # "1/1" from one case is shrunk towards the default: (1 + c * d) / (1 + c)
    assert _implied(toy_kb, "OMIM:100001", "HP:0000013") == pytest.approx(
        (1 + 3.0 * toy_kb.default_frequency) / 4.0, rel=1e-5)
    assert _implied(toy_kb, "OMIM:100002", "HP:0000014") == pytest.approx(0.895, rel=1e-5)


def test_exact_match_uses_frequency_over_background(toy_kb):
    _, s = _score(toy_kb, [("HP:0000016", False)])  # Fracture
    assert _code(toy_kb, s, 0, "OMIM:100001") == M.EXACT
    assert _lr(toy_kb, s, 0, "OMIM:100001") == pytest.approx(0.17 / _bg(toy_kb, "HP:0000016"),
                                                              rel=1e-5)
    smoothed = (1 + 3.0 * toy_kb.default_frequency) / (2 + 3.0)  # "1/2"
    assert _lr(toy_kb, s, 0, "OMIM:100002") == pytest.approx(
        smoothed / _bg(toy_kb, "HP:0000016"), rel=1e-5)


def test_finding_more_general_than_annotation(toy_kb):
    _, s = _score(toy_kb, [("HP:0000012", False)])  # Increased bone density
    assert _code(toy_kb, s, 0, "OMIM:100001") == M.FINDING_MORE_GENERAL
    expected = _implied(toy_kb, "OMIM:100001", "HP:0000012") / _bg(toy_kb, "HP:0000012")
    assert _lr(toy_kb, s, 0, "OMIM:100001") == pytest.approx(expected, rel=1e-5)


def test_finding_more_specific_than_annotation(toy_kb):
    _, s = _score(toy_kb, [("HP:0000013", False)])  # spine sclerosis vs "Abnormal bone density"
    assert _code(toy_kb, s, 0, "ORPHA:100005") == M.FINDING_MORE_SPECIFIC
    expected = toy_kb.default_frequency / _bg(toy_kb, "HP:0000011")
    assert _lr(toy_kb, s, 0, "ORPHA:100005") == pytest.approx(expected, rel=1e-5)


def test_common_ancestor_is_discounted(toy_kb):
    _, s = _score(toy_kb, [("HP:0000014", False)])  # skull sclerosis vs spine sclerosis
    assert _code(toy_kb, s, 0, "OMIM:100004") == M.COMMON_ANCESTOR
    expected = (P.ancestor_discount * _implied(toy_kb, "OMIM:100004", "HP:0000012")
                / _bg(toy_kb, "HP:0000012"))
    assert _lr(toy_kb, s, 0, "OMIM:100004") == pytest.approx(expected, rel=1e-5)


def test_ancestor_below_information_threshold_does_not_count(toy_kb):
    strict = dataclasses.replace(P, min_ancestor_ic=50.0)
    _, s = _score(toy_kb, [("HP:0000014", False)], params=strict)
    assert _code(toy_kb, s, 0, "OMIM:100004") == M.NO_MATCH
    floor = max(strict.unmatched_lr, min(1.0, strict.unmatched_scale * _bg(toy_kb, "HP:0000014")))
    assert _lr(toy_kb, s, 0, "OMIM:100004") == pytest.approx(floor)


def test_opposite_finding_argues_against_the_disease(toy_kb):
    """Decreased bone density in a patient; the disease has increased density (through its
    spine sclerosis): not a partial match through "Abnormal bone density" but evidence
    against, as strong as the disease's density is constant."""
    _, s = _score(toy_kb, [("HP:0000015", False)])
    assert _code(toy_kb, s, 0, "OMIM:100004") == M.OPPOSITE
    assert M.MATCH_CODES[M.OPPOSITE] == "disease_has_opposite"
    floor = max(P.unmatched_lr, min(1.0, P.unmatched_scale * _bg(toy_kb, "HP:0000015")))
    f = min(1.0, _implied(toy_kb, "OMIM:100004", "HP:0000012"))
    expected = max(P.negated_lr, floor ** P.unmatched_weight * (1 - f))
    assert _lr(toy_kb, s, 0, "OMIM:100004") == pytest.approx(expected)
    # worse than not annotated at all (the unmatched floor at its weight)
    assert s.log10_lr[0, toy_kb.disease_index["OMIM:100004"]] < \
        P.unmatched_weight * np.log10(floor)
    # a disease annotated with the general "Abnormal bone density" only is not contradicted
    assert _code(toy_kb, s, 0, "ORPHA:100005") != M.OPPOSITE


def test_annotated_ancestor_counts_whatever_its_information(toy_kb):
    # the information threshold guards the common-ancestor match; a disease annotated with the
    # finding's ancestor itself ("Intellectual disability" for a patient's "moderate") still
    # matches as "more specific", however common that ancestor is among diseases
    strict = dataclasses.replace(P, min_ancestor_ic=50.0)
    _, s = _score(toy_kb, [("HP:0000013", False)], params=strict)
    assert _code(toy_kb, s, 0, "ORPHA:100005") == M.FINDING_MORE_SPECIFIC
    expected = toy_kb.default_frequency / _bg(toy_kb, "HP:0000011")
    assert _lr(toy_kb, s, 0, "ORPHA:100005") == pytest.approx(expected, rel=1e-5)


def test_an_organ_system_annotation_explains_nothing(toy_kb):
    # "Abnormality of the nervous system" annotated to a disease does not make a seizure
    # "more specific than its annotation": an organ system is too broad to explain a finding
    _, s = _score(toy_kb, [("HP:0000021", False)])  # Seizure
    assert _code(toy_kb, s, 0, "OMIM:100006") != M.FINDING_MORE_SPECIFIC
    assert _code(toy_kb, s, 0, "OMIM:100003") == M.EXACT


def test_no_match(toy_kb):
    _, s = _score(toy_kb, [("HP:0000021", False)])  # Seizure
    assert _code(toy_kb, s, 0, "OMIM:100001") == M.NO_MATCH
    assert _lr(toy_kb, s, 0, "OMIM:100001") == pytest.approx(P.unmatched_lr)


def test_observed_finding_curated_absent_is_penalised(toy_kb):
    _, s = _score(toy_kb, [("HP:0000014", False)])  # skull sclerosis; OMIM:100001 NOT
    assert _code(toy_kb, s, 0, "OMIM:100001") == M.NEGATED
    assert _lr(toy_kb, s, 0, "OMIM:100001") == pytest.approx(P.negated_lr)


def test_excluded_finding_counts_both_ways(toy_kb):
    _, s = _score(toy_kb, [("HP:0000014", True)])
    w, bg = P.excluded_weight, _bg(toy_kb, "HP:0000014")
    assert _code(toy_kb, s, 0, "OMIM:100002") == M.EXCLUDED_PRESENT
    assert _lr(toy_kb, s, 0, "OMIM:100002") == pytest.approx((1 - w * 0.895) / (1 - w * bg),
                                                              rel=1e-5)
    assert _code(toy_kb, s, 0, "OMIM:100001") == M.EXCLUDED_NEGATED
    assert _lr(toy_kb, s, 0, "OMIM:100001") > 1.0
    assert _code(toy_kb, s, 0, "OMIM:100003") == M.EXCLUDED_ABSENT
    assert _lr(toy_kb, s, 0, "OMIM:100002") < _lr(toy_kb, s, 0, "OMIM:100003") \
        < _lr(toy_kb, s, 0, "OMIM:100001")


def test_excluded_finding_below_a_curated_absence_gains_nothing_from_it(toy_kb):
    # OMIM:100001 is curated NOT skull sclerosis: that predicts the absence of skull
    # sclerosis itself, but a broad absence must not be credited again for each excluded
    # finding below it (skull base sclerosis here)
    _, s = _score(toy_kb, [("HP:0000018", True)])
    assert _code(toy_kb, s, 0, "OMIM:100001") == M.EXCLUDED_ABSENT
    assert _lr(toy_kb, s, 0, "OMIM:100001") == pytest.approx(_lr(toy_kb, s, 0, "OMIM:100003"))


def test_excluded_general_finding_penalises_diseases_with_descendants(toy_kb):
    _, s = _score(toy_kb, [("HP:0000012", True)])
    assert _code(toy_kb, s, 0, "OMIM:100001") == M.EXCLUDED_PRESENT
    assert _lr(toy_kb, s, 0, "OMIM:100001") < 1


def test_onset_after_patient_age_is_penalised(toy_kb):
    _, young = _score(toy_kb, [("HP:0000016", False)], age="P5Y")
    _, adult = _score(toy_kb, [("HP:0000016", False)], age="P30Y")
    d = toy_kb.disease_index["OMIM:100002"]
    assert young.age_log10_lr[d] == -P.onset_penalty
    assert adult.age_log10_lr[d] == 0
    assert young.total[d] < adult.total[d]


def test_x_linked_recessive_and_female(toy_kb):
    _, fem = _score(toy_kb, [("HP:0000021", False)], sex="FEMALE")
    _, male = _score(toy_kb, [("HP:0000021", False)], sex="MALE")
    d = toy_kb.disease_index["OMIM:100003"]
    assert fem.sex_log10_lr[d] == pytest.approx(math.log10(P.female_xlr_lr))
    assert male.sex_log10_lr[d] == 0


def test_ties_share_rank_and_score(toy_kb):
    case, s = _score(toy_kb, [("HP:0000013", False)], age=None)
    diff = rank(toy_kb, case, s, top=None)
    by_id = {e.disease_id: e for e in diff.entries}
    a, b = by_id["OMIM:100001"], by_id["OMIM:100004"]
    assert a.score == b.score and a.rank == b.rank
    ranks = [e.rank for e in diff.entries]
    assert ranks == sorted(ranks)
    assert sum(e.post_test_probability for e in diff.entries) == pytest.approx(1.0)


def test_deterministic_output(toy_kb):
    outs = []
    for _ in range(2):
        case, s = _score(toy_kb, [("HP:0000013", False), ("HP:0000014", True)])
        outs.append(to_json(rank(toy_kb, case, s, top=None)))
    assert outs[0] == outs[1]


def test_total_is_sum_of_contributions(toy_kb):
    case, s = _score(toy_kb, [("HP:0000013", False), ("HP:0000016", False),
                              ("HP:0000014", True)], age="P5Y")
    diff = rank(toy_kb, case, s, top=None)
    for e in diff.entries:
        assert e.score == pytest.approx(sum(c.log10_lr for c in e.contributions), abs=0.01)
    assert np.all(np.isfinite(s.total))


def test_excluded_exponent_spares_occasional_features(toy_kb):
    steep = dataclasses.replace(P, excluded_exponent=3.0)
    _, flat = _score(toy_kb, [("HP:0000016", True)])
    _, s3 = _score(toy_kb, [("HP:0000016", True)], params=steep)
    d = toy_kb.disease_index["OMIM:100001"]  # fracture is occasional there
    absent = toy_kb.disease_index["OMIM:100003"]
    # relative to a disease without the feature, the steep exponent penalises less
    assert (flat.log10_lr[0, d] - flat.log10_lr[0, absent]
            < s3.log10_lr[0, d] - s3.log10_lr[0, absent] < 0)


def test_unmatched_common_finding_is_penalised_less(toy_kb):
    scaled = dataclasses.replace(P, unmatched_scale=2.0)
    _, s = _score(toy_kb, [("HP:0000021", False)], params=scaled)
    expected = max(P.unmatched_lr, min(1.0, 2.0 * _bg(toy_kb, "HP:0000021")))
    assert _lr(toy_kb, s, 0, "OMIM:100001") == pytest.approx(expected)
    assert expected > P.unmatched_lr


def test_breadth_penalty_scales_with_annotation_mass(toy_kb):
    wide = dataclasses.replace(P, breadth_penalty=0.5)
    _, s = _score(toy_kb, [("HP:0000013", False), ("HP:0000016", False)], params=wide,
                  sex="UNKNOWN_SEX")
    mass = toy_kb.phenotype_mass
    expected = -0.5 * 2 * np.log10(mass / np.median(mass))
    assert s.breadth_log10_lr == pytest.approx(expected)


def test_match_type_weights_scale_observed_log_lr(toy_kb):
    weighted = dataclasses.replace(P, exact_weight=2.0, unmatched_weight=0.5)
    findings = [("HP:0000016", False), ("HP:0000021", False)]  # fracture; seizure
    _, plain = _score(toy_kb, findings)
    _, s = _score(toy_kb, findings, params=weighted)
    d = toy_kb.disease_index["OMIM:100001"]  # fracture exact, seizure unmatched
    expected = 2.0 * plain.log10_lr[0, d] + 0.5 * plain.log10_lr[1, d]
    assert s.total[d] - s.age_log10_lr[d] - s.sex_log10_lr[d] == pytest.approx(expected)
    fast = score_case(toy_kb, _score(toy_kb, findings)[0], weighted, detail=False)
    assert fast.total == pytest.approx(s.total)


def test_totals_without_detail_equal_the_detailed_ones(real_kb):
    """The benchmark path (sparse cached vectors) ranks exactly as ``diagnose`` does:
    observed, excluded, related (grouped) and curated-absence findings, first from an empty
    cache and then from a warm one."""
    import numpy as np

    findings = [("HP:0002650", False), ("HP:0001387", False), ("HP:0001382", False),
                ("HP:0000486", False), ("HP:0001250", True), ("HP:0000365", True),
                ("HP:0000256", False), ("HP:0004322", False)]
    case, detailed = _score(real_kb, findings)
    assert detailed.related_groups  # the discount is exercised
    real_kb.derived.pop("finding cache", None)
    for _ in range(2):
        fast = score_case(real_kb, case, P, detail=False)
        assert np.allclose(fast.total, detailed.total, rtol=0, atol=1e-9)
        assert np.allclose(fast.redundancy_log10_lr, detailed.redundancy_log10_lr, atol=1e-9)


def test_family_history_by_inheritance(toy_kb) -> None:
    from types import SimpleNamespace

    import numpy as np

    from osteodx.engine.family_history import family_log10_lr as _family
    from osteodx.engine.params import ModelParameters
    from osteodx.kb.knowledge_base import INHERITANCE_FLAGS

    p = ModelParameters()
    inh = toy_kb.inheritance
    ar = (inh & INHERITANCE_FLAGS["HP:0000007"]) > 0
    ad_only = ((inh & INHERITANCE_FLAGS["HP:0000006"]) > 0) & ~ar
    assert ar.any() and ad_only.any()  # the toy annotations have both

    def lr(*family):
        return _family(toy_kb, SimpleNamespace(family=list(family), sex=None), p)

    consanguineous = lr({"relation": "parents", "affected": None, "consanguineous": True})
    assert np.allclose(consanguineous[ar], np.log10(p.consanguinity_recessive_lr))
    assert np.allclose(consanguineous[~ar], 0.0)
    assert np.allclose(lr({"relation": "parents", "affected": None, "consanguineous": False}), 0)
    unaffected = lr({"relation": "mother", "affected": False})
    assert np.allclose(unaffected[ad_only], np.log10(p.unaffected_parent_dominant_lr))
    both = lr({"relation": "mother", "affected": False},
              {"relation": "parents", "affected": None, "consanguineous": True})
    assert np.allclose(both, unaffected + consanguineous)


def test_an_unremarkable_family_history_counts_for_the_parents(toy_kb) -> None:
    from types import SimpleNamespace

    import numpy as np

    from osteodx.engine.family_history import family_log10_lr as _family
    from osteodx.engine.params import ModelParameters

    p = ModelParameters()
    fam = _family(toy_kb, SimpleNamespace(family=[{"relation": "family members",
                                                   "affected": False}], sex=None), p)
    parents = _family(toy_kb, SimpleNamespace(family=[{"relation": "parents",
                                                       "affected": False}], sex=None), p)
    assert np.array_equal(fam, parents) and fam.min() < 0
    affected = _family(toy_kb, SimpleNamespace(family=[{"relation": "family members",
                                                        "affected": True}], sex=None), p)
    assert not affected.any()  # an affected cousin says little about the parents


def test_x_linked_pattern_in_a_male_patient() -> None:
    from types import SimpleNamespace

    import numpy as np

    from osteodx.engine.family_history import family_log10_lr as _family
    from osteodx.engine.params import ModelParameters
    from osteodx.kb.knowledge_base import INHERITANCE_FLAGS as F

    p = ModelParameters()
    xlr, ad, ar = F["HP:0001419"], F["HP:0000006"], F["HP:0000007"]
    inheritance = np.array([xlr, ad, xlr | ad, ar], dtype=np.uint8)  # as the knowledge base
    kb = SimpleNamespace(n_diseases=4, inheritance=inheritance)

    def lr(sex, *family):
        return _family(kb, SimpleNamespace(family=list(family), sex=sex), p)

    uncle = {"relation": "uncle", "affected": True, "note": "maternal"}
    out = lr("MALE", uncle)
    assert out[0] == out[2] == np.log10(p.x_linked_maternal_lr) and out[1] == out[3] == 0
    assert not lr("FEMALE", uncle).any()  # the rule is about sons of carrier mothers
    assert not lr("MALE", {"relation": "uncle", "affected": True, "note": "paternal"}).any()
    father = lr("MALE", {"relation": "father", "affected": True})
    assert father[0] == np.log10(p.male_to_male_x_linked_lr)  # X-linked only: penalised
    assert father[2] == np.log10(p.affected_parent_dominant_lr)  # also dominant: not penalised


def test_related_findings_count_with_decreasing_weight(toy_kb):
    # increased bone density and spine sclerosis both sit at or below "Increased bone density"
    # (depth 3): for a disease that explains both, the second-best positive log10 LR counts at
    # the decay's weight
    off = dataclasses.replace(P, redundancy_decay=1.0)
    on = dataclasses.replace(P, redundancy_depth=3, redundancy_decay=0.5)
    feats = [("HP:0000012", False), ("HP:0000013", False), ("HP:0000021", False)]
    _, s_off = _score(toy_kb, feats, params=off)
    case, s_on = _score(toy_kb, feats, params=on)
    d = toy_kb.disease_index["OMIM:100004"]
    assert s_on.related_groups == [(toy_kb.ontology.index["HP:0000012"], [0, 1])]
    both = sorted(s_off.log10_lr[:2, d], reverse=True)
    assert both[1] > 0
    assert s_on.total[d] - s_off.total[d] == pytest.approx(-0.5 * both[1])
    assert s_on.redundancy_log10_lr[d] == pytest.approx(-0.5 * both[1])
    # a disease that explains neither loses nothing
    neuro = toy_kb.disease_index["OMIM:100003"]
    assert s_on.total[neuro] == pytest.approx(s_off.total[neuro])
    # the batch path (no per-finding matrices) gives the same
    assert score_case(toy_kb, case, on, detail=False).total[d] == pytest.approx(s_on.total[d])


def test_a_stated_mode_of_inheritance_replaces_the_relatives_status(toy_kb) -> None:
    from types import SimpleNamespace

    import numpy as np

    from osteodx.engine.family_history import family_log10_lr as _family
    from osteodx.engine.params import ModelParameters
    from osteodx.kb.knowledge_base import INHERITANCE_FLAGS

    p = ModelParameters()
    inh = toy_kb.inheritance
    ad = (inh & INHERITANCE_FLAGS["HP:0000006"]) > 0
    other = (inh > 0) & ~ad
    unknown = inh == 0
    assert ad.any() and other.any()

    def lr(*family):
        return _family(toy_kb, SimpleNamespace(family=list(family), sex="MALE"), p)

    stated = {"relation": "inheritance", "affected": None, "mode": "HP:0000006",
              "note": "Autosomal dominant inheritance"}
    got = lr(stated)
    step = np.log10(p.stated_inheritance_lr)
    assert np.allclose(got[ad], step) and np.allclose(got[other], -step)
    assert np.allclose(got[unknown], 0.0)
    # an affected mother read into the same pedigree is not counted a second time
    assert np.array_equal(lr(stated, {"relation": "mother", "affected": True}), got)


def test_the_age_term_names_where_its_age_came_from():
    from osteodx.case.model import Case, Finding
    from osteodx.engine.differential import _age_source

    early = Finding("HP:0000013", "x", "observed", "phenotypicFeatures[2]",
                    onset_years=(0.0, 15.0))
    assert _age_source(Case("c", "c", findings=[early], age_years=16.0)) == \
        "phenotypicFeatures[2].onset"
    assert _age_source(Case("c", "c", findings=[], age_years=16.0)) == \
        "subject.timeAtLastEncounter"


@pytest.mark.parametrize("fix", [None, "inside", "outside", "both"])
def test_a_cached_vectors_positive_part_is_the_full_vectors(fix):
    """Read from the sparse form (and a sex view's fix) without spreading it over every
    disease: the same diseases and values, to the last bit."""
    from osteodx.engine.likelihood import _positives, _spread
    from osteodx.engine.redundancy import positive_part

    rng = np.random.default_rng(7)
    n = 50
    rows = np.sort(rng.choice(n, 20, replace=False))
    excess = rng.normal(0.4, 0.8, 20)
    base = -0.35
    idx = {"inside": rows[[2, 5, 9]], "outside": np.setdiff1d(np.arange(n), rows)[[0, 7]],
           "both": np.sort(np.concatenate([rows[[1, 4]], np.setdiff1d(np.arange(n), rows)[:3]]))
           }.get(fix)
    got_fix = None if idx is None else (idx, rng.normal(0.6, 0.5, len(idx)))
    cached = excess.copy()
    cols, vals = _positives(n, base, rows, excess, got_fix)
    want_cols, want_vals = positive_part(_spread(n, base, rows, excess, got_fix))
    assert np.array_equal(cols, want_cols) and np.array_equal(vals, want_vals)
    assert np.array_equal(excess, cached)  # the memo's vector is left as it was
