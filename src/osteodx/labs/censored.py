"""Censored values: a result printed as "<10" or ">20" gives a bound, not a value.

"CRP <10 mg/L" says the CRP is below 10; reading it as 10 would call it high against an
upper limit of 8, and "ESR >20 mm/h" read as 20 would call a high ESR normal. So a
censored value is judged only where its bound decides against the reference range:

* "<x" (or "≤x") is not high when x is at or below the upper limit, and low when x is at
  or below the lower limit (strictly below for "≤x");
* ">x" (or "≥x") is high when x is at or above the upper limit (strictly above for
  "≥x"), and not low when x is at or above the lower limit.

Where the bound decides one side only ("<3" against 2-10: not high, but it may be low)
only that side's term is excluded; where it decides nothing, there is no finding and
the warning says the limit does not decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["BELOW", "ABOVE", "Censored", "censor_direction", "judge_censored"]

BELOW = frozenset({"<", "<=", "≤"})
ABOVE = frozenset({">", ">=", "≥"})


@dataclass(frozen=True)
class Censored:
    """What a censored value says against a range: a full verdict ("L", "H", "N"), or
    None with the one side it rules out ("high" or "low"), or nothing."""

    outcome: Literal["L", "H", "N"] | None
    not_side: Literal["high", "low"] | None = None


def censor_direction(comparator: str | None) -> Literal["<", ">"] | None:
    """"<" for a value below its bound, ">" above, None for no (or an unknown) comparator."""
    if comparator in BELOW:
        return "<"
    if comparator in ABOVE:
        return ">"
    return None


def judge_censored(comparator: str, x: float, low: float | None,
                   high: float | None) -> Censored:
    """Judge a value written as *comparator* *x* against the range *low*-*high* (a low of
    None or 0 cannot be undercut by a concentration; a high of None is no upper limit)."""
    strict = comparator in ("<=", "≤", ">=", "≥")  # the bound itself is a possible value
    has_low = low is not None and low > 0
    if censor_direction(comparator) == "<":
        if has_low and (x < low if strict else x <= low):  # type: ignore[operator]
            return Censored("L")
        if high is None or x <= high:
            return Censored("N") if not has_low else Censored(None, "high")
        return Censored(None)
    if high is not None and (x > high if strict else x >= high):
        return Censored("H")
    if high is None and (not has_low or x >= low):  # type: ignore[operator]
        return Censored("N")
    if has_low and x >= low:  # type: ignore[operator]
        return Censored(None, "low")
    return Censored(None)  # a lower limit of 0 rules nothing out: ">20" vs "<=22.5" is open
