"""The engine's parameters, each with the reason for its default."""

from __future__ import annotations

from dataclasses import asdict, dataclass

__all__ = ["ModelParameters"]


@dataclass(frozen=True, slots=True)
class ModelParameters:
    """Tunable constants of the likelihood-ratio model (see ``docs/model.md``).

    Defaults were chosen on the development corpus with a coarse grid
    (``benchmarks/tune.py``); none is specific to a disease or a case.
    """

    #: LR of an observed finding that a disease does not explain at all: a
    #: phenotype can be present for reasons unrelated to the diagnosis.
    unmatched_lr: float = 0.05
    #: a common finding missing from a disease's annotations is more likely an
    #: annotation gap than a true absence: the unmatched LR rises to
    #: ``min(1, unmatched_scale * b(q))`` for findings of background frequency b(q)
    #: (0 switches this off).
    unmatched_scale: float = 30.0
    #: penalty for diseases annotated with very many phenotypes: each observed
    #: finding's log10 LR is lowered by ``breadth_penalty * log10(M_d / M)``,
    #: where M_d is the disease's summed annotation frequency and M the median
    #: over diseases (a disease that predicts everything explains nothing).
    breadth_penalty: float = 0.4
    #: exponent on the background frequency in matched LRs (``f / b^x``); 1 is the
    #: plain likelihood ratio, below 1 tempers the reward for very rare terms.
    background_exponent: float = 1.0
    #: discount on the LR credited through a common ancestor: the disease shows
    #: a *different* manifestation of the same kind.
    ancestor_discount: float = 0.1
    #: discount when the finding is more specific than the disease's annotation.
    specific_discount: float = 1.0
    #: minimum information content (natural log) for a common ancestor to count.
    min_ancestor_ic: float = 1.5
    #: weights on an observed finding's log10 LR by how it matched: exact matches are the
    #: strongest evidence, partial matches and unexplained findings weaker than their
    #: naive LR (findings are correlated; annotations incomplete). Chosen with cohort-level
    #: 5-fold cross-validation on the development corpus (docs/benchmarks.md).
    exact_weight: float = 1.35
    general_weight: float = 0.65
    specific_weight: float = 0.8
    ancestor_weight: float = 0.4
    unmatched_weight: float = 0.55
    #: LR of an observed finding the disease is curated as NOT having.
    negated_lr: float = 0.02
    #: how much an excluded finding is trusted (1: fully; lower softens the
    #: penalty for diseases that usually show it, as findings can be age-dependent
    #: or overlooked).
    excluded_weight: float = 0.3
    #: exponent on the frequency in the excluded-finding penalty: above 1, only
    #: findings that are (nearly) constant in a disease argue strongly against it
    #: when absent; occasional features, often unrecorded, barely do.
    excluded_exponent: float = 3.0
    #: weight of an excluded finding against a feature that a curated knowledge pack
    #: states for the disease (review-sourced characteristic features: absence of a
    #: "very frequent" one is strong evidence); applied with exponent 1.
    curated_excluded_weight: float = 0.9
    #: LR of an excluded finding that the disease is curated as NOT having.
    excluded_negated_lr: float = 3.0
    #: log10 penalty when the patient's findings began before the disease's
    #: earliest annotated onset.
    onset_penalty: float = 1.0
    #: LR for a female patient and an X-linked recessive disease (carriers can
    #: be affected, rarely).
    female_xlr_lr: float = 0.2
    #: LR for a female patient and a Y-linked disease.
    female_ylinked_lr: float = 0.001
    #: weight of the survival term: a patient alive past a disease's annotated age of
    #: death (engine/survival.py); 0 switches it off.
    survival_weight: float = 1.0
    #: smallest probability of surviving to the patient's age under any disease (the
    #: age-of-death annotations come from small series).
    survival_floor: float = 0.05

    #: family history: LR for a dominant-only disease when a parent is known to be
    #: unaffected (de novo variants and reduced penetrance keep it well above 0)
    unaffected_parent_dominant_lr: float = 0.6
    #: LR for a dominant disease when a parent is affected; recessive-only diseases get
    #: its inverse square root (pseudodominance is rare)
    affected_parent_dominant_lr: float = 3.0
    #: LR for a disease annotated with the mode of inheritance the report reads from the
    #: pedigree ("consistent with autosomal dominant inheritance"); a disease annotated only
    #: with other modes gets its inverse (de novo variants, reduced penetrance and
    #: pseudodominance make a pedigree's reading fallible; prior choice, as the parents' LR)
    stated_inheritance_lr: float = 3.0
    #: LR for a recessive disease when the parents are consanguineous: in a referral
    #: population a consanguineous union makes an autosomal recessive cause several times
    #: likelier; a conservative 2 (prior choice), nothing when consanguinity is denied
    consanguinity_recessive_lr: float = 2.0
    #: LR for an X-linked disease in a male patient whose mother or a maternal male
    #: relative (uncle, grandfather, cousin) is affected: the pattern of X-linked
    #: transmission through carrier women; a prior choice like the dominant LR above
    x_linked_maternal_lr: float = 3.0
    #: LR for an X-linked-only disease in a male patient whose father is affected: a
    #: father passes his Y, not his X, to a son (new variants keep it above 0)
    male_to_male_x_linked_lr: float = 0.2

    #: pre-test odds from prevalence: a disease listed in knowledge/prevalence.yaml as
    #: 1 in N gets ``w * log10(reference N / N)`` (never below 0, at most the value at
    #: 1 in ``prevalence_cap_one_in``). w < 1 because figures are rough and a referral
    #: population is enriched for the rarest diseases; 0 gives every disease the same
    #: pre-test probability.
    prevalence_weight: float = 0.5
    #: prevalence beyond which a figure gains nothing more (carrier-rich or adult-onset
    #: conditions such as familial hypercholesterolaemia are not what a referral is about)
    prevalence_cap_one_in: float = 1000.0

    #: related findings are not independent evidence: the observed findings below one HPO
    #: term at this depth under Phenotypic abnormality (3 is e.g. "Abnormal circulating
    #: adrenal hormone concentration"-like groups) count, for each disease, with weights
    #: 1, r, r^2, ... on their positive log10 LRs, largest first (r = redundancy_decay;
    #: 1 switches it off). Cohort-level check in docs/benchmarks.md (session 5).
    redundancy_depth: int = 3
    redundancy_decay: float = 0.8

    #: temperature of the post-test probability, P(d) ∝ prior · 10^(score/T): findings
    #: are not independent, so the plain product is over-confident. Calibrated on the
    #: development corpus (benchmarks/calibrate.py: T = 2 minimises the gold's NLL).
    probability_temperature: float = 2.0

    def to_dict(self) -> dict[str, float]:
        return asdict(self)
