"""Annotation frequencies as written in ``phenotype.hpoa`` and knowledge packs.

HPO frequency terms map to the midpoint of their defined range; ``n/m`` and
``NN%`` are taken literally.

>>> parse_frequency("HP:0040281")
0.895
>>> parse_frequency("3/4")
0.75
>>> parse_frequency("17%")
0.17
>>> parse_frequency("") is None
True
"""

from __future__ import annotations

import re

__all__ = ["FREQUENCY_TERMS", "parse_frequency", "EXCLUDED_FREQUENCY"]

EXCLUDED_FREQUENCY = "HP:0040285"

FREQUENCY_TERMS: dict[str, tuple[str, float]] = {
    "HP:0040280": ("Obligate (100%)", 1.0),
    "HP:0040281": ("Very frequent (80-99%)", 0.895),
    "HP:0040282": ("Frequent (30-79%)", 0.545),
    "HP:0040283": ("Occasional (5-29%)", 0.17),
    "HP:0040284": ("Very rare (1-4%)", 0.025),
    EXCLUDED_FREQUENCY: ("Excluded (0%)", 0.0),
}

_RATIO = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")
_PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")


def parse_frequency(text: str | float | int | None) -> float | None:
    """Return a frequency in [0, 1], or ``None`` when none is given.

    Raises :class:`ValueError` for text that is not a frequency.
    """
    if text is None:
        return None
    if isinstance(text, (int, float)):
        value = float(text)
    else:
        t = text.strip()
        if not t:
            return None
        if t in FREQUENCY_TERMS:
            return FREQUENCY_TERMS[t][1]
        m = _RATIO.match(t)
        if m:
            n, d = int(m.group(1)), int(m.group(2))
            if d == 0 or n > d:
                raise ValueError(f"impossible frequency {t!r}")
            return n / d
        m = _PERCENT.match(t)
        if not m:
            raise ValueError(f"not a frequency: {t!r}")
        value = float(m.group(1)) / 100.0
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"frequency out of range: {text!r}")
    return value
