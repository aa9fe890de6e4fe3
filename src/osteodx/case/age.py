"""Ages and onsets of phenopacket ``TimeElement`` objects, in years.

>>> iso8601_years("P16Y")
16.0
>>> round(iso8601_years("P1Y6M"), 2)
1.5
>>> iso8601_years("P3W") == 21 / 365.25
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from osteodx.kb.onset import onset_range

__all__ = ["MAX_AGE_YEARS", "iso8601_years", "span_text", "time_element_years",
           "years_text"]

#: no one has been documented older than 122.5 years; above this an age is a typo
MAX_AGE_YEARS = 125.0

_DURATION = re.compile(
    r"^P(?:(?P<y>\d+(?:\.\d+)?)Y)?(?:(?P<m>\d+(?:\.\d+)?)M)?(?:(?P<w>\d+(?:\.\d+)?)W)?"
    r"(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:\d+(?:\.\d+)?M)?"
    r"(?:\d+(?:\.\d+)?S)?)?$")


def iso8601_years(text: str) -> float:
    """Years in an ISO 8601 duration such as ``P16Y2M``.

    Raises :class:`ValueError` for anything else.
    """
    m = _DURATION.match(text.strip())
    if not m or text.strip() in ("P", "PT"):
        shown = text if len(text) <= 40 else text[:39] + "…"  # one readable line
        raise ValueError(f"not an ISO 8601 duration: {shown!r}")
    g = {k: float(v) if v else 0.0 for k, v in m.groupdict().items()}
    return g["y"] + g["m"] / 12.0 + (g["w"] * 7 + g["d"] + g["h"] / 24.0) / 365.25


def time_element_years(element: dict[str, Any],
                       ancestors: Callable[[str], list[str]] | None = None,
                       ) -> tuple[float, float] | None:
    """(earliest, latest) age in years that a phenopacket ``TimeElement`` states.

    ``age`` gives a point, ``ageRange`` an interval, ``gestationalAge`` a
    negative age, ``ontologyClass`` an HPO onset class (a class the table does not
    list takes the range of its nearest listed ancestor, if *ancestors* gives them,
    as a newer release adds onset classes); timestamps say nothing
    about age and give ``None``. Raises :class:`ValueError` on malformed ages.
    """
    if "age" in element:
        y = iso8601_years(element["age"].get("iso8601duration", ""))
        return (y, y)
    if "ageRange" in element:
        start = element["ageRange"].get("start", {}).get("iso8601duration")
        end = element["ageRange"].get("end", {}).get("iso8601duration")
        lo = iso8601_years(start) if start else 0.0
        hi = iso8601_years(end) if end else 120.0  # open-ended: from the start on
        if hi < lo:
            raise ValueError(f"the age range ends ({end}) before it starts ({start})")
        return (lo, hi)
    if "gestationalAge" in element:
        ga = element["gestationalAge"]
        weeks = float(ga.get("weeks", 0)) + float(ga.get("days", 0)) / 7
        y = -max(0.0, 40 - weeks) * 7 / 365.25 + 0.0  # + 0.0: never "-0.0" at term
        return (y, y)
    if "ontologyClass" in element:
        hpo_id = element["ontologyClass"].get("id", "")
        return onset_range(hpo_id, ancestors(hpo_id) if ancestors else None)
    return None


def years_text(years: float) -> str:
    """An age as a clinician writes it: ``10 y``, ``18 mo``, ``3 wk``, or ``-2 wk``
    (before birth, from a gestational age)."""
    if abs(years) >= 2:
        return f"{years:.1f}".rstrip("0").rstrip(".") + " y"
    if abs(years) >= 1 / 12:
        return f"{years * 12:.2g} mo"
    return f"{years * 365.25 / 7:.2g} wk"


def span_text(span: tuple[float, float]) -> str:
    """``30 y`` for a point, ``16 y-120 y`` for a range of ages."""
    lo, hi = span
    return years_text(lo) if lo == hi else f"{years_text(lo)}-{years_text(hi)}"
