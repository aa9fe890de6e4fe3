"""Muscle power grades as findings ("Hip flexors 3/5" -> hip flexor weakness)."""

from __future__ import annotations

import pytest

from osteodx.text.power import find_power_grades


def grades(text: str) -> list[tuple[str, bool]]:
    found = find_power_grades(text)
    for g in found:
        assert text[g.start:g.end].lower().replace("  ", " ").startswith(g.note.split()[0])
    return [(g.hpo_id, g.excluded) for g in found]


@pytest.mark.parametrize(("text", "expected"), [
    ("Hip flexors 3/5.", [("HP:0012515", False)]),
    ("Quadriceps 4+/5 bilaterally.", [("HP:0008994", False)]),
    ("Deltoids: 4/5.", [("HP:0008997", False)]),
    ("Ankle dorsiflexion 2/5 on the right.", [("HP:0009027", False)]),
    ("Finger abduction 4-/5.", [("HP:0009005", False)]),
    ("Grip 5/5.", [("HP:0008959", True)]),
])
def test_a_grade_below_five_is_the_group_weakness(text, expected) -> None:
    assert grades(text) == expected


def test_a_weak_group_wins_over_a_normal_one_of_the_same_term() -> None:
    # hip extensors and quadriceps both name proximal lower-limb weakness
    assert grades("Hip extensors 4/5, quadriceps 5/5.") == [("HP:0008994", False)]


@pytest.mark.parametrize("text", [
    "Her father has hip flexors 3/5.",  # a relative
    "Hip flexors were tested.",  # no grade
    "Scored 3/5 on the quiz.",  # no muscle group
])
def test_only_the_patients_graded_groups_count(text) -> None:
    assert grades(text) == []
