"""A systolic and a diastolic pressure of one time point, read together.

Each pressure is judged on its own (:mod:`osteodx.labs.vitals`), so "80/150" - the two
numbers swapped, or one mistyped - gave *Hypotension* from the 80 and *Increased blood
pressure* from the 150. A diastolic pressure above the systolic of the same reading is
impossible: the pair is a slip, neither value is a finding, and the warning says so. The
pair is one panel's two typed quantities, or a systolic and a diastolic measurement of the
same ``timeObserved`` (or both without one); where a time point holds more than one of
either, which goes with which is unknown and nothing is paired.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from osteodx.labs.units import UnitError
from osteodx.labs.vitals import in_canonical_unit

__all__ = ["swapped_pressures"]

_SYSTOLIC, _DIASTOLIC = "LOINC:8480-6", "LOINC:8462-4"


def _mmhg(m: Mapping[str, Any], kind: str) -> float | None:
    q = (m.get("value") or {}).get("quantity")
    if not isinstance(q, Mapping):
        return None
    try:
        return in_canonical_unit(kind, float(q.get("value", 0.0) or 0.0), q.get("unit"))
    except (UnitError, TypeError, ValueError):
        return None


def _when(index: int, where: str, m: Mapping[str, Any]) -> str:
    """The time point a pressure belongs to: its panel, else its ``timeObserved``."""
    if ".complexValue" in where:
        return f"panel {index}"
    when = m.get("timeObserved") or m.get("time_observed")
    return "time " + json.dumps(when, sort_keys=True, default=str)


def swapped_pressures(items: Sequence[tuple[int, str, Mapping[str, Any]]]
                      ) -> tuple[set[str], list[str]]:
    """The fields (``where``) of the pressures to leave out, and the warnings naming each
    pair whose diastolic exceeds its systolic. *items* are (index, where, measurement)."""
    groups: dict[str, dict[str, list[tuple[str, Mapping[str, Any]]]]] = {}
    for index, where, m in items:
        code = str((m.get("assay") or {}).get("id", ""))
        if code in (_SYSTOLIC, _DIASTOLIC):
            groups.setdefault(_when(index, where, m), {}).setdefault(code, []).append((where, m))
    skip: set[str] = set()
    warnings: list[str] = []
    for group in groups.values():
        sys_, dia = group.get(_SYSTOLIC, []), group.get(_DIASTOLIC, [])
        if len(sys_) != 1 or len(dia) != 1:
            continue
        (ws, ms), (wd, md) = sys_[0], dia[0]
        s, d = _mmhg(ms, "systolic"), _mmhg(md, "diastolic")
        if s is None or d is None or d <= s:
            continue
        skip |= {ws, wd}
        warnings.append(f"{ws} and {wd}: diastolic {d:g} mmHg exceeds systolic {s:g} mmHg "
                        f"(likely swapped, as in {d:g}/{s:g} written {s:g}/{d:g}); neither "
                        f"is interpreted")
    return skip, warnings
