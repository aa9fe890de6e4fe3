"""A grandparent's account of a grandchild (:mod:`osteodx.text.grandparent`): the writer's
children are the patient's parent, aunts and uncles, the writer's spouse a grandparent."""

from __future__ import annotations

import pytest

from osteodx.text.family import find_family_statements
from osteodx.text.grandparent import (
    grandchild_relation,
    grandchild_side,
    grandparent_narrator,
)

_MATERNAL = ("I'm writing about our grandson, Alfie, who lives with us. His mum is our "
             "daughter Kelly (26), who isn't well enough to look after him. ")
_PATERNAL = ("We are writing about our granddaughter Ella. Her dad is our son Mark and he is "
             "well. ")


def _status(text: str) -> list[tuple[str, bool | None, str]]:
    return [(s.relation, s.affected, s.note) for s in find_family_statements(text)]


def test_a_grandparent_names_the_grandchild_first():
    assert grandparent_narrator(_MATERNAL)
    assert not grandparent_narrator("Our son Leo is 4. My mother says our grandson ... I think")
    assert not grandparent_narrator("The grandson of a farmer, he is 4.")


@pytest.mark.parametrize(("text", "side"), [
    (_MATERNAL, ("maternal", "kelly")),
    (_PATERNAL, ("paternal", "mark")),
    ("About my grandson. My daughter's little boy has been poorly, I think.", ("maternal", "")),
    ("About my grandson Sam. I think he is poorly and we are worried.", None),
    # both said: no side is guessed
    (_MATERNAL + "His dad is our son Tom.", None),
])
def test_the_side_is_the_parent_who_is_the_writers_child(text, side):
    assert grandchild_side(text) == side


@pytest.mark.parametrize(("relation", "name", "other", "want"), [
    ("daughter", "kelly", False, "mother"),
    ("daughter", "", False, "mother"),
    ("daughter", "jo", False, "maternal aunt"),
    ("daughter", "", True, "maternal aunt"),
    ("son", "rhys", False, "maternal uncle"),
    ("wife", "", False, "maternal grandmother"),
    ("husband", "", False, "maternal grandfather"),
    ("brother", "", False, "maternal great-uncle"),
    ("mother", "", False, "maternal great-grandmother"),
    ("cousin", "", False, None),
    ("grandson", "", False, None),
])
def test_the_writers_kin_seen_from_the_grandchild(relation, name, other, want):
    assert grandchild_relation(_MATERNAL, relation, name, other) == want


def test_without_a_side_a_son_or_daughter_is_not_placed():
    text = "About our grandson Sam. We are worried about him and I think he is poorly."
    assert grandchild_relation(text, "son") is None
    assert grandchild_relation(text, "wife") == "grandmother"


def test_a_grandparents_son_is_an_uncle_and_the_daughter_named_again_is_no_new_relative():
    text = _MATERNAL + "Our son Rhys (30) is fine."
    got = _status(text)
    assert ("uncle", False, "maternal") in got
    assert not any(rel in ("son", "daughter") for rel, _, _ in got)
    # "who isn't well enough to look after him" says why she is not his carer, no finding
    assert not any(rel == "mother" and affected for rel, affected, _ in got)


def test_a_grandparents_son_who_is_the_father():
    got = _status(_PATERNAL + "Our daughter Jo has the same thick skin.")
    assert ("father", False, "") in got
    assert ("aunt", True, "paternal") in got


def test_a_grandparents_own_brother_is_a_great_uncle():
    got = _status(_MATERNAL + "My brother Dennis had the same eye problem.")
    assert [(rel, affected) for rel, affected, _ in got] == [("great-uncle", True)]
