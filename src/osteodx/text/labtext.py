"""The text a lab reader reads: a cleaned copy of a report that remembers where each of its
characters came from.

Line-break hyphens inside words are closed ("vi-\\ntamin D"), whitespace runs become one
space, a space that groups thousands in a count is dropped ("6 800 /µL"), and, in a text
that writes decimal commas consistently, the commas become points; every span found in the
copy maps back to the original text exactly (:meth:`Normalised.span`).

>>> n = Normalised("vi-\\ntamin  D")
>>> n.text, n.span(0, len(n.text))
('vitamin D', (0, 12))
"""

from __future__ import annotations

import re
from bisect import bisect_left

from osteodx.text.numbers import decimal_commas

__all__ = ["Normalised"]

#: "1.240" in a text that writes decimal commas: a thousands point
_THOUSANDS = re.compile(r"(?<![\d.,])[1-9]\d{0,2}\.\d{3}(?![\d.,])")

#: a space that groups thousands in a count ("leukocytes 6 800 /µL", "231 000/mm3"): only
#: before exactly three digits and a count's unit, and after at most three digits
#: (:func:`_groups_thousands`)
_THOUSANDS_SPACE = (r"(?P<th>(?<=\d)[ \u00a0\u2009\u202f](?=\d{3}(?![\d.,])\s?"
                    r"(?:/|[x×]\s?10|cells\b)))")
#: A hyphen at a line end inside a word ("vi-\ntamin"), a soft hyphen, or a
#: whitespace run (the join needs a lower-case letter after the break), or a thousands space
_FOLD = re.compile(_THOUSANDS_SPACE
                   + r"|(?<=[A-Za-z])-[ \t]*(?:\r?\n[ \t]*)+(?=[a-z])|\xad|\s{2,}|[^\S ]")


def _groups_thousands(text: str, space: int) -> bool:
    """Is the space at *space* after a number of one to three digits (not "2011 500/uL")?"""
    k = space
    while k > 0 and text[k - 1].isdigit():
        k -= 1
    return 1 <= space - k <= 3 and (k == 0 or text[k - 1] not in ".,")


class Normalised:
    """A cleaned copy of a text with a map back to the original offsets.

    ``text[i]`` came from ``original[pos[i]]``; :meth:`span` turns a span of
    ``text`` into the span of ``original`` that it was made from. With
    *decimal_commas*, a text that writes decimal commas consistently
    ("2,31 mmol/L") has them as points in ``text`` so that every reader
    downstream sees one number; :meth:`quote` gives them back as written.
    """

    __slots__ = ("original", "text", "pos", "commas", "points")

    def __init__(self, original: str, *, decimal_commas: bool = False) -> None:
        self.original = original
        parts: list[str] = []
        pos: list[int] = []
        last = 0
        for m in _FOLD.finditer(original):
            if m.lastgroup == "th" and not _groups_thousands(original, m.start()):
                if m.group() == " ":
                    continue  # an ordinary space between two numbers
            elif m.lastgroup == "th":
                parts.append(original[last:m.start()])
                pos.extend(range(last, m.start()))
                last = m.end()  # "6 800" -> "6800"
                continue
            parts.append(original[last:m.start()])
            pos.extend(range(last, m.start()))
            if m.group()[0].isspace():  # a whitespace run -> one space
                parts.append(" ")
                pos.append(m.start())
            last = m.end()
        parts.append(original[last:])
        pos.extend(range(last, len(original)))
        self.text = "".join(parts)
        self.pos = pos
        self.commas: tuple[int, ...] = ()
        self.points: tuple[int, ...] = ()  # thousands points written as commas in ``text``
        if decimal_commas:
            self._read_decimal_commas()

    def _read_decimal_commas(self) -> None:
        found = decimal_commas(self.text)
        if found:
            chars = list(self.text)
            for i in found:
                chars[i] = "."
            # the same convention's thousands point: "alkaline phosphatase 1.240 U/l" is 1,240
            points = [m.start() + m.group().index(".") for m in _THOUSANDS.finditer(self.text)]
            for i in points:
                chars[i] = ","
            self.text, self.commas = "".join(chars), tuple(found)
            self.points = tuple(points)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of ``text[start:end]``."""
        if end <= start:
            at = self.pos[start] if start < len(self.pos) else len(self.original)
            return at, at
        return self.pos[start], self.pos[end - 1] + 1

    def at(self, original_offset: int) -> int:
        """The offset in ``text`` of the first kept character at or after
        *original_offset* (the inverse of ``pos``)."""
        return bisect_left(self.pos, original_offset)

    def original_text(self, start: int, end: int) -> str:
        a, b = self.span(start, end)
        return self.original[a:b]

    def quote(self, start: int, end: int) -> str:
        """``text[start:end]`` with decimal commas as the text wrote them."""
        out = self.text[start:end]
        lo, hi = bisect_left(self.commas, start), bisect_left(self.commas, end)
        plo, phi = bisect_left(self.points, start), bisect_left(self.points, end)
        if lo == hi and plo == phi:
            return out
        chars = list(out)
        for i in self.commas[lo:hi]:
            chars[i - start] = ","
        for i in self.points[plo:phi]:
            chars[i - start] = "."
        return "".join(chars)
