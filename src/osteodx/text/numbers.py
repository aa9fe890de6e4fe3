"""Numbers in case-report text, written in digits or in words, with their spans.

Case reports write lab values and ages both ways ("7.2 ng/mL", "Ten point one
mg/dL calcium", "a twenty-five-year-old man"), and PDF extraction breaks
number words across lines ("twenty-\\nfive"). Callers need the exact character
span of each number so that a quote can be shown and mapped back to the
original text, so every :class:`Number` carries ``start``/``end`` and
``text == source[start:end]``.

Digits: ``7``, ``7.2``, ``.5``, ``1,200`` (a comma only groups thousands:
``1,25`` is two numbers, as in "1,25-(OH)2D"). Words: zero to nineteen, the
tens, ``hundred``/``thousand`` with an optional ``and`` ("one hundred and
twelve"), ``point`` followed by digit words ("ten point one"), and
"... and a half". Case is ignored.

>>> [(n.value, n.text) for n in find_numbers("Ten point one mg/dL, 0.484 and 1,200 U")]
[(10.1, 'Ten point one'), (0.484, '0.484'), (1200.0, '1,200')]
>>> [n.value for n in find_numbers("twenty-five, one hundred and twelve, 7.2")]
[25.0, 112.0, 7.2]
>>> parse_number("two and a half"), parse_number("1,25"), parse_number("forty two")
(2.5, None, 42.0)

European reports write decimal commas ("Calcium 2,31 mmol/L (2,15-2,55)").
:func:`decimal_commas` finds them, for a caller that wants to read them as
points, only where the text uses them consistently (see its docstring).
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Number", "decimal_commas", "find_numbers", "parse_number", "words_value"]

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1000}
_NUMBER_WORDS = {**_UNITS, **_TENS, **_SCALES}

#: A digit number: thousands groups ("1,200") only when exactly three digits
#: follow each comma and no digit follows the last group.
#: (an Indian report groups lakhs: "2,46,000" is 246000, "1,50,000-4,50,000")
_DIGITS = re.compile(r"(?<![\w.,])(?:\d{1,2}(?:,\d{2})+,\d{3}(?![\d,]\d)"
                     r"|\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d+)(?:\.\d+)?"
                     r"|(?<![\w.])\.\d+")
#: A run of number words joined by spaces, hyphens or hyphenated line breaks.
_WORD = re.compile(r"[A-Za-z]+\b")
_FIRST_WORD = re.compile(r"(?<![A-Za-z])(?:" + "|".join(sorted(
    set(_UNITS) | set(_TENS), key=len, reverse=True)) + r")\b", re.IGNORECASE)
_JOIN = re.compile(r"[ \t]*(?:-[ \t]*(?:\r?\n[ \t]*)?|\r?\n[ \t]*|[ \t]+)")


class Number(NamedTuple):
    """A number found in text; ``text == source[start:end]``."""

    value: float
    start: int
    end: int
    text: str
    in_words: bool


def words_value(words: list[str]) -> tuple[float, int] | None:
    """Value of the longest number at the start of *words* (lower-case) and how
    many words it used, or None.

    >>> words_value(["one", "hundred", "and", "twelve", "cats"])
    (112.0, 4)
    >>> words_value(["ten", "point", "one", "mg"])
    (10.1, 3)
    >>> words_value(["and", "one"]) is None
    True
    """
    total, current, used, best = 0, 0, 0, None
    i, n = 0, len(words)
    last = ""  # kind of the last word taken: unit, teen, tens, scale
    while i < n:
        w = words[i]
        if w in _UNITS and last in ("", "tens", "scale", "and"):
            if last == "tens" and _UNITS[w] >= 10 or last == "tens" and _UNITS[w] == 0:
                break
            current += _UNITS[w]
            last = "unit"
        elif w in _TENS and last in ("", "scale", "and"):
            current += _TENS[w]
            last = "tens"
        elif w in _SCALES and last in ("unit", "tens"):
            if w == "hundred":
                current *= 100
            else:
                total, current = (total + current) * 1000, 0
            last = "scale"
        elif w == "and" and last == "scale" and i + 1 < n and words[i + 1] in _NUMBER_WORDS:
            last = "and"
            i += 1
            continue
        else:
            break
        i += 1
        used = i
        best = float(total + current)
    if best is None:
        return None
    # "point" + digit words: decimals ("ten point one", "three point two five")
    if used < n and words[used] == "point" and used + 1 < n and words[used + 1] in _UNITS \
            and _UNITS[words[used + 1]] < 10:
        digits, j = "", used + 1
        while j < n and words[j] in _UNITS and _UNITS[words[j]] < 10:
            digits += str(_UNITS[words[j]])
            j += 1
        return float(f"{int(best)}.{digits}"), j
    # "... and a half", "... and a quarter", "... and three quarters"
    part = _FRACTIONS.get(tuple(words[used:used + 3]))
    if part is not None:
        return best + part, used + 3
    return best, used


#: the parts of a year or unit said after a whole number in words
_FRACTIONS = {("and", "a", "half"): 0.5, ("and", "a", "quarter"): 0.25,
              ("and", "three", "quarters"): 0.75}


def _digit_value(text: str) -> float:
    return float(text.replace(",", ""))


def parse_number(text: str) -> float | None:
    """The number that *text* is, in digits or words, or None if it is not
    exactly one number."""
    t = text.strip()
    m = _DIGITS.fullmatch(t)
    if m:
        return _digit_value(t)
    found = find_numbers(t)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(t):
        return found[0].value
    return None


#: "4 and a half", "4 and three quarters" after a whole number in digits
_AND_A_HALF = re.compile(r"\s+and\s+(?:a\s+(?P<p>half|quarter)|three\s+quarters)\b",
                         re.IGNORECASE)


def find_numbers(text: str) -> list[Number]:
    """Every number in *text*, in order of position; word numbers may span
    spaces, hyphens and line breaks ("twenty-\\nfive")."""
    found = []
    taken: list[tuple[int, int]] = []  # the words of "4 and three quarters"
    for m in _DIGITS.finditer(text):
        half = _AND_A_HALF.match(text, m.end()) if m.group().isdigit() else None
        if half is not None:  # "4 and a half"
            taken.append((m.end(), half.end()))
            part = {"half": 0.5, "quarter": 0.25}.get((half.group("p") or "").lower(), 0.75)
            found.append(Number(int(m.group()) + part, m.start(), half.end(),
                                text[m.start():half.end()], False))
        else:
            found.append(Number(_digit_value(m.group()), m.start(), m.end(), m.group(), False))
    pos = 0
    for first in _FIRST_WORD.finditer(text):
        if first.start() < pos or any(a <= first.start() < b for a, b in taken):
            continue  # (the "three" of "4 and three quarters" is part of that number)
        words = [(first.group().lower(), first.start(), first.end())]
        while True:  # the run of words joined by spaces, hyphens or line breaks
            join = _JOIN.match(text, words[-1][2])
            nxt = _WORD.match(text, join.end()) if join else None
            if nxt is None or len(words) > 12:
                break
            words.append((nxt.group().lower(), nxt.start(), nxt.end()))
        parsed = words_value([w for w, _, _ in words])
        if parsed is None:
            continue
        value, used = parsed
        start, end = words[0][1], words[used - 1][2]
        found.append(Number(value, start, end, text[start:end], True))
        pos = end
    found.sort(key=lambda n: n.start)
    return found


#: Digits, a comma, digits, no space: "2,31", "0,484", "1,200", "1,25".
_COMMA_NUMBER = re.compile(r"(?<![\d,.])(\d+),(\d+)(?![\d,]|\.\d)")
#: A decimal point between digits, not in a date ("12.03.2021") or a longer dotted run.
_POINT_NUMBER = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")
#: "3.150": a thousands point in a decimal-comma text (or three decimals: ambiguous alone).
_THOUSANDS_POINT = re.compile(r"[1-9]\d{0,2}\.\d{3}")
#: "1,25(OH)2D", "1,25-dihydroxy", "24,25 vitamin D": locants, not a number.
_LOCANT = re.compile(r"\s?-?\s?(?:[(\[]\s?OH|OH|di|vit|D\b)", re.IGNORECASE)


def decimal_commas(text: str) -> list[int]:
    """Offsets of the commas in *text* that are decimal commas.

    A comma between digits with no space is a decimal comma only if the text
    writes no decimal point anywhere (a report uses one convention; in a
    mixed text neither reading is safe) and the comma cannot be something
    else: "1,200" (exactly three digits after the comma, the integer part
    not 0) stays a thousands separator, "1,25(OH)2D" a locant.

    >>> decimal_commas("Calcium 2,31 mmol/L (2,15-2,55), ALP 1,200 U/L, 1,25(OH)2D 40")
    [9, 22, 27]
    >>> decimal_commas("Calcium 2,31 mmol/L, phosphate 1.02 mmol/L")
    []
    >>> decimal_commas("CTX 0,484 ng/mL, ratio 1,2345")
    [5, 24]

    A point with exactly three digits after a non-zero whole ("birth weight 3.150 g") is
    the thousands separator of the same convention, not a decimal point, when the text
    also writes unambiguous decimal commas:

    >>> decimal_commas("Birth weight 3.150 g. Haemoglobin 12,6 g/dL, IgA < 0,07 g/L")
    [36, 52]
    """
    points = [m.group() for m in _POINT_NUMBER.finditer(text)]
    if points and not all(_THOUSANDS_POINT.fullmatch(p) for p in points):
        return []
    out: list[int] = []
    for m in _COMMA_NUMBER.finditer(text):
        whole, frac = m.group(1), m.group(2)
        if _LOCANT.match(text, m.end()):
            continue
        if len(frac) == 3 and whole != "0" or whole.startswith("0") and whole != "0":
            continue  # "1,200": thousands; "01,5": not a number
        out.append(m.end(1))
    if points and not out:
        return []  # "3.150" is then an ordinary decimal (or the text has no commas to read)
    return out
