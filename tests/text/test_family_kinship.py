"""The parents' and grandparents' kinship, read apart from their health.

A pedigree letter names relatives with pedigree numbers and titled names ("father II-2,
Mr. K. Srinivas, 31, and mother II-3 ...") and says in one breath that they are first cousins
and healthy: the kinship is consanguinity, "healthy" their status, the names nothing.
"""

from __future__ import annotations

import pytest

from osteodx.text.family import find_family_statements


def _said(text: str) -> set[tuple[str, bool | None, str]]:
    return {(s.relation, s.affected, s.note) for s in find_family_statements(text)}


def test_named_and_numbered_parents_are_cousins_and_healthy() -> None:
    said = _said("Generation II: father II-2, Mr. K. Srinivas, 31, and mother II-3, Mrs. K. "
                 "Padmavathi, 27, are first cousins and healthy.")
    assert said == {("parents", None, "consanguineous"), ("father", False, ""),
                    ("mother", False, "")}


def test_parents_with_pedigree_numbers_in_brackets_are_cousins() -> None:
    assert _said("Father (II-2) and mother (II-3) are first cousins.") == {
        ("parents", None, "consanguineous")}


@pytest.mark.parametrize("text", ["Her father and mother are first cousins and healthy.",
                                  "Her father and mother are first cousins, and healthy."])
def test_cousins_and_healthy_gives_both(text: str) -> None:
    assert _said(text) == {("parents", None, "consanguineous"), ("father", False, ""),
                           ("mother", False, "")}


def test_first_cousins_in_apposition_is_kinship_not_a_cousin() -> None:
    said = _said("His father and mother, first cousins, are well.")
    assert ("parents", None, "consanguineous") in said
    assert not any(rel == "cousin" for rel, _, _ in said)


def test_unrelated_parents_with_an_aside_are_not_unaffected() -> None:
    assert _said("SH/FH: parents not related (Irish / Scottish).") == {
        ("parents", None, "not consanguineous")}


def test_grandparents_of_both_sides_who_are_siblings_make_the_parents_cousins() -> None:
    said = _said("Generation I: the paternal grandmother (I-2) and the maternal grandfather "
                 "(I-3) are brother and sister; all four grandparents are alive and well.")
    assert ("parents", None, "consanguineous") in said
    assert not any(affected for _, affected, _ in said)


def test_relatives_of_one_side_who_are_siblings_say_nothing() -> None:
    assert _said("Her uncle and aunt are brother and sister.") == set()


def test_a_cousin_in_a_list_of_relatives_stays_a_relative() -> None:
    said = _said("Her aunt, cousins and uncle are affected.")
    assert ("cousin", True, "") in said


@pytest.mark.parametrize(("text", "relation"), [
    ("Her mother's older sister is deaf.", "aunt"),
    ("The father's younger brother is deaf.", "uncle"),
    ("His father's brother (II-1) has a son who is deaf.", "cousin"),
    ("The father's younger brother (II-1) has a son with deafness.", "cousin"),
])
def test_a_possessive_places_the_relative_across_age_words(text: str, relation: str) -> None:
    said = find_family_statements(text)
    assert [s.relation for s in said] == [relation]
    assert not any(s.relation in ("father", "mother", "son", "brother", "sister") for s in said)
