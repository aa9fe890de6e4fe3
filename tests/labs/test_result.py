"""How results and ranges are written for a reader."""

from __future__ import annotations

import pytest

from osteodx.labs.result import range_text


@pytest.mark.parametrize(("low", "high", "text"), [
    (2.1458213, 2.495132, "2.146-2.495"),  # a catalogue range converted from mg/dL
    (30.1, 100.0, "30.1-100"),  # as printed
    (150000.0, 450000.0, "150000-450000"),  # never in exponent form
    (None, 0.7, "<=0.7"),
    (0.000123456, None, ">=0.0001235"),
    (0.0, 14.0, "0-14"),
    (None, None, "none"),
])
def test_range_text(low, high, text):
    assert range_text(low, high) == text
