"""HPO age-of-death terms as the latest age at which each class of death happens.

A disease annotated with *Death in infancy* at frequency 0.5 predicts that half of its
patients do not live past two; a patient seen alive at 25 therefore weighs against it.
The ages follow the HPO definitions of the classes (HP:0011420 *Age of death* subtree).
*Miscarriage* is left out: it is annotated for pregnancies of affected mothers, not for
the death of the affected person.
"""

from __future__ import annotations

__all__ = ["AGE_OF_DEATH_ROOT", "DEATH_CLASSES", "DEATH_BY_AGE", "death_class"]

AGE_OF_DEATH_ROOT = "HP:0011420"

#: death class -> latest age (years) at which a death of that class happens
DEATH_BY_AGE: dict[str, float] = {
    "HP:0003826": 0.0,  # Stillbirth (in utero, from 22 weeks of gestation)
    "HP:0003811": 28 / 365.25,  # Neonatal death: within the first 28 days of life
    "HP:0001522": 2.0,  # Death in infancy: within the first 24 months of life
    "HP:0003819": 10.0,  # Death in childhood: between 2 and 10 years
    "HP:0011421": 19.0,  # Death in adolescence: roughly between 10 and 19 years
    "HP:0100613": 40.0,  # Death in early adulthood: between 16 and 40 years
    "HP:0033764": 60.0,  # Death in middle age: between 40 and 60 years
}

#: the classes in a fixed order: the columns of ``KnowledgeBase.death_freq``
DEATH_CLASSES: tuple[str, ...] = tuple(DEATH_BY_AGE)


def death_class(hpo_id: str) -> int | None:
    """Column of an age-of-death term, or ``None`` for any other term.

    >>> DEATH_CLASSES[death_class("HP:0001522")]
    'HP:0001522'
    >>> death_class("HP:0005268") is None  # Miscarriage
    True
    """
    try:
        return DEATH_CLASSES.index(hpo_id)
    except ValueError:
        return None
