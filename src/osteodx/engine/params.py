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
    #: discount on the LR credited through a common ancestor: the disease shows
    #: a *different* manifestation of the same kind.
    ancestor_discount: float = 0.3
    #: discount when the finding is more specific than the disease's annotation.
    specific_discount: float = 1.0
    #: minimum information content (natural log) for a common ancestor to count.
    min_ancestor_ic: float = 1.5
    #: LR of an observed finding the disease is curated as NOT having.
    negated_lr: float = 0.02
    #: how much an excluded finding is trusted (1: fully; lower softens the
    #: penalty for diseases that usually show it, as findings can be age-dependent
    #: or overlooked).
    excluded_weight: float = 0.9
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

    def to_dict(self) -> dict[str, float]:
        return asdict(self)
