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

__all__ = ["non_finite"]

#: where a number sits in a measurement's ``value.quantity``
_NUMBERS = (("value",), ("referenceRange", "low"), ("referenceRange", "high"),
            ("reference_range", "low"), ("reference_range", "high"))


def non_finite(m: Mapping[str, Any]) -> tuple[str, Any] | None:
    """(field, value as given) of the first non-finite number in measurement *m*'s
    quantity, e.g. ``("value.quantity.value", "NaN")``; None when every number is finite."""
    value = m.get("value")
    quantity = value.get("quantity") if isinstance(value, Mapping) else None
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
            return "value.quantity." + ".".join(path), x
    return None
