"""HPO onset terms as age ranges in years.

The ranges follow the HPO definitions of the onset classes (HP:0003674
subtree). Antenatal onsets are negative ages.
"""

from __future__ import annotations

__all__ = ["ONSET_ROOT", "ONSET_RANGES", "onset_range"]

ONSET_ROOT = "HP:0003674"

#: onset class -> (earliest age, latest age) in years
ONSET_RANGES: dict[str, tuple[float, float]] = {
    "HP:0030674": (-0.75, 0.0),  # Antenatal onset
    "HP:0011460": (-0.75, -0.6),  # Embryonal onset
    "HP:0011461": (-0.6, 0.0),  # Fetal onset
    # trimesters by their HPO definitions, as weeks of gestation w -> -(40 - w) weeks
    "HP:0034199": (-29 / 52.18, -26 / 52.18),  # Late first trimester onset: weeks 11-14
    "HP:0034198": (-26 / 52.18, -12 / 52.18),  # Second trimester onset: weeks 14-28
    "HP:0034197": (-12 / 52.18, 0.0),  # Third trimester onset: week 28 to birth
    "HP:0003577": (0.0, 0.0),  # Congenital onset
    "HP:0003623": (0.0, 28 / 365.25),  # Neonatal onset
    "HP:0003593": (28 / 365.25, 1.0),  # Infantile onset
    "HP:0011463": (1.0, 5.0),  # Childhood onset
    "HP:0003621": (5.0, 16.0),  # Juvenile onset
    "HP:0410280": (0.0, 16.0),  # Pediatric onset
    "HP:0003581": (16.0, 120.0),  # Adult onset
    "HP:0011462": (16.0, 40.0),  # Young adult onset
    "HP:0025708": (16.0, 19.0),  # Early young adult onset
    "HP:0025709": (19.0, 25.0),  # Intermediate young adult onset
    "HP:0025710": (25.0, 40.0),  # Late young adult onset
    "HP:0003596": (40.0, 60.0),  # Middle age onset
    "HP:0003584": (60.0, 120.0),  # Late onset
    # onsets named after a life stage of women, at the ages those stages span
    "HP:4000040": (15.0, 50.0),  # Puerpural onset (the weeks after childbirth)
    "HP:6000314": (40.0, 58.0),  # Perimenopausal onset
    "HP:6000315": (45.0, 120.0),  # Postmenopausal onset
}


def onset_range(hpo_id: str, ancestors: list[str] | None = None) -> tuple[float, float] | None:
    """Age range of an onset term, falling back on its nearest listed ancestor.

    >>> onset_range("HP:0003581")
    (16.0, 120.0)
    >>> onset_range("HP:0000118") is None
    True
    """
    if hpo_id in ONSET_RANGES:
        return ONSET_RANGES[hpo_id]
    for anc in ancestors or []:
        if anc in ONSET_RANGES:
            return ONSET_RANGES[anc]
    return None
