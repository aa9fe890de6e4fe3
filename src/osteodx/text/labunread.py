"""Values that look like lab results but that no name took: returned as *unread* so that
the caller can say so instead of dropping them silently (:mod:`osteodx.text.labstatements`)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from osteodx.text.labbinding import Statement, _Binder
from osteodx.text.labunits import is_dose_unit, is_lab_unit, read_unit
from osteodx.text.labvalues import Quantity, read_flag, read_range

# --- values that no name took ----------------------------------------------

#: Words that end a name read backwards from a value ("with a simultaneous
#: blood glucose of 5.0 mmol/L" -> "simultaneous blood glucose").
_NAME_STOP = frozenset(
    "a an the and or but nor with without including included include her his their its this that"
    " these those than above below over under exceeding between from up while whereas was were"
    " is are be been being had has have showed shows revealed which who when where if as after"
    " before during then also only normal reference range ranges limit limits not no".split())
#: Words between a name and its value ("X was 5", "X of 5", "X: 5").
_NAME_LINK = frozenset(
    "was were is are of at to be been measured found noted remained reached measuring"
    " level levels concentration concentrations value values : =".split())
_NAME_MAX_WORDS = 6
#: "2,31 mmol/L" in a text that also writes decimal points (left unread by design).
_COMMA_VALUE = re.compile(r"(?<![\d.,])\d+,\d{1,2}(?![\d,])")
_COMMA_WHY = "decimal comma in a text that also writes decimal points"


class _Unread:
    """Lab-like values that no name took: a value in a concentration unit, or
    with a printed range, and the few words before it that name it."""

    def __init__(self, b: _Binder, statements: list[Statement], breaks: Sequence[int]) -> None:
        self.b, self.breaks = b, sorted(breaks)
        self.spans = sorted((st.start, st.end) for st in statements) + \
            sorted((s, e) for s, e, _ in b.unread)
        self.ends = sorted(e for _, e in self.spans)
        self.until = -1  # end of the last unread value found

    def find(self) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        for q in self.b.qs:
            span = self.quantity(q)
            if span is not None:
                out.append((*span, ""))
                self.until = span[1]
        for m in _COMMA_VALUE.finditer(self.b.t):
            span = self.comma_value(m)
            if span is not None:
                out.append((*span, _COMMA_WHY))
        return out

    def covered(self, pos: int) -> bool:
        return pos < self.until or any(s <= pos < e for s, e in self.spans)

    def quantity(self, q: Quantity) -> tuple[int, int] | None:
        t = self.b.t
        if self.covered(q.number.start) or not self.b._free(q) or is_dose_unit(q.unit):
            return None
        rng = read_range(t, q.end)
        if not (is_lab_unit(q.unit, q.ucum) or q.unit is None and rng is not None):
            return None
        start = self.name_start(q.start)
        if start is None:
            return None
        end = rng.end if rng is not None else q.end
        flag = read_flag(t, q.end) or read_flag(t, end)
        return start, max(end, flag[2]) if flag else end

    def comma_value(self, m: re.Match[str]) -> tuple[int, int] | None:
        unit = read_unit(self.b.t, m.end())
        if unit is None or self.covered(m.start()):
            return None
        start = self.name_start(m.start())
        return None if start is None else (start, unit[3])

    def floor(self, pos: int) -> int:
        """Where a name before *pos* may start at the earliest: after a line
        break, a bound statement or the last unread value."""
        i = bisect_left(self.breaks, pos) - 1
        j = bisect_left(self.ends, pos + 1) - 1
        return max(self.breaks[i] if i >= 0 else 0, self.ends[j] if j >= 0 else 0,
                   self.until, pos - 80, 0)

    def name_start(self, pos: int) -> int | None:
        """Start of the words naming the value at *pos*, or None if there are none."""
        lo = self.floor(pos)
        words = [(m.start() + lo, m.group()) for m in re.finditer(r"\S+", self.b.t[lo:pos])]
        while words and (words[-1][1].lower() in _NAME_LINK):
            words.pop()
        if words and words[-1][1].endswith((":", "=")):
            words[-1] = (words[-1][0], words[-1][1][:-1])
        start = None
        for k, (at, word) in enumerate(reversed(words)):
            if k == _NAME_MAX_WORDS or word.lower() in _NAME_STOP or \
                    word.endswith((",", ";", ".", ")", "]")) and k > 0:
                break
            start = at
            if word.startswith(("(", "[")) and not word.endswith((")", "]")):
                start = at + 1  # "(TSH at diagnosis 12.4 mIU/L)"
                break
        if start is None or not any(c.isalpha() for c in self.b.t[start:pos]):
            return None
        return start
