"""Non-finite numbers in a measurement: bad input, reported and not used.

Protobuf's JSON reads ``"NaN"``, ``"Infinity"`` and ``"-Infinity"`` as doubles, so a
measurement can arrive with a value no laboratory reports. Interpreting it would
compare NaN with a range (every comparison false: a "normal" result from nothing)
and write ``NaN`` into the JSON output, which is then not JSON. So such a
measurement is named in a warning with the value as given and left out.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

__all__ = ["non_finite", "non_finite_quantity"]

#: where a number sits in a quantity
_NUMBERS = (("value",), ("referenceRange", "low"), ("referenceRange", "high"),
            ("reference_range", "low"), ("reference_range", "high"))


def non_finite(m: Mapping[str, Any]) -> tuple[str, Any] | None:
    """(field, value as given) of the first non-finite number in measurement *m*'s
    quantity, e.g. ``("value.quantity.value", "NaN")``; None when every number is finite."""
    value = m.get("value")
    bad = non_finite_quantity(value.get("quantity") if isinstance(value, Mapping) else None)
    return None if bad is None else ("value.quantity." + bad[0], bad[1])


def non_finite_quantity(quantity: Any) -> tuple[str, Any] | None:
    """(field within the quantity, value as given) of its first non-finite number, e.g.
    ``("value", "NaN")``; None when every number is finite (or it is no quantity)."""
    if not isinstance(quantity, Mapping):
        return None
    for path in _NUMBERS:
        x: Any = quantity
        for key in path:
            x = x.get(key) if isinstance(x, Mapping) else None
        if x is None or isinstance(x, bool):
            continue
        try:
            finite = math.isfinite(float(x))
        except (TypeError, ValueError):
            continue  # not a number at all: the interpreter's own checks report it
        if not finite:
            return ".".join(path), x
    return None
