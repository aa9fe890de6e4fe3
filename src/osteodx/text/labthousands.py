"""A thousands point in a text that otherwise writes decimal points.

Writers trained on European conventions group thousands with a point even when the
rest of their report uses decimal points: "platelets 118.000/mm3 (150.000-400.000)"
is 118,000 per mm3, not 118. :class:`~osteodx.text.labtext.Normalised` already reads
such points in a text that writes decimal *commas* throughout; in a mixed text ("Hb
11.2 g/dL, platelets 118.000/mm3") the only evidence is the analyte itself. So a value
written with one or more groups of exactly three digits after a point ("118.000",
"1.250.000") is read as the grouped integer only when it is implausible as a decimal
and plausible as the integer: "creatinine 1.020 mg/dL" and "calcium 2.375 mmol/L" are
genuine decimals and stay. The printed range, when written the same way, is read the
same way. The change is a warning on the result, so the reading stays traceable in
the measurement written from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from osteodx.labs.result import fmt

__all__ = ["THOUSANDS_POINT", "grouped_integer", "read_thousands_points"]

#: One to three digits, then one or more groups of exactly three after a point.
THOUSANDS_POINT = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")


def grouped_integer(written: str) -> float | None:
    """The integer that *written* denotes if its points group thousands
    ("118.000" -> 118000.0), or None when it cannot be read so ("1.02", "1.0200")."""
    if THOUSANDS_POINT.fullmatch(written) is None:
        return None
    return float(written.replace(".", ""))


def read_thousands_points(
        value: float, written: str, limits: list[tuple[float | None, str | None]],
        plausible: Callable[[float], bool | None], name: str,
) -> tuple[float, list[float | None], str] | None:
    """The value and range limits read with thousands points, and the warning that
    says so; None when the value is plausible as written, cannot be grouped, or is
    implausible grouped too.

    *limits* are the printed range limits with their written text (None where a limit
    is absent or its text unknown); a limit that is not written with thousands points
    is kept. *plausible* judges a value in the result's unit (None: no judgement).
    """
    grouped = grouped_integer(written)
    if grouped is None or plausible(value) is not False or plausible(grouped) is not True:
        return None
    read: list[float | None] = []
    for limit, text in limits:
        as_int = grouped_integer(text) if text is not None else None
        read.append(as_int if limit is not None and as_int is not None else limit)
    whole = str(int(grouped))
    why = (f"{name}: {written} read as {whole} (a thousands point: {fmt(value)} is "
           f"implausible, {whole} plausible)")
    return grouped, read, why
