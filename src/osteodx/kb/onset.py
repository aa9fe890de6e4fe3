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
