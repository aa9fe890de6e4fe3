"""Held-out text round 22 (``benchmarks/text_rounds/round22``): what its first run misread,
each reading now a test."""

from __future__ import annotations

import pytest

from osteodx.text.family import find_family_statements


@pytest.mark.parametrize(("text", "expected"), [
    ("Mum staying on ward, dad coming in AM.", []),
    ("Parents note a wide nose and a bony bump over the bridge of the nose.", []),
    ("Her mother and maternal relatives are of normal stature; a 6-year-old brother is healthy "
     "and attends mainstream school.",
     [("mother", False), ("maternal family members", False), ("brother", False)]),
    # what must stay a relative's condition
    ("Her mother stayed in hospital for a month with pneumonia.", [("mother", True)]),
    ("Her father came to clinic with back pain.", [("father", True)]),
])
def test_family_readings(text: str, expected: list) -> None:
    assert [(s.relation, s.affected) for s in find_family_statements(text)] == expected
