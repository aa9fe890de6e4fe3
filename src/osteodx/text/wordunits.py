"""Units written out in words by a dictating clinician or a speech recogniser: "3.24 mmol per
litre" (mmol/L), "52.7 pico mol per litre" (pmol/L), "211 units per litre" (U/L), "9.8 mmol per
24 hours" (mmol/(24.h)). Printed units ("nmol/L/h") are left to the lab value reader.

>>> word_unit("3.24 mmol per litre (2.20-2.60)", 5)
('mmol per litre', 'mmol/L', 5, 19)
>>> word_unit("6.8 nmol/L/h", 4) is None
True
>>> word_unit("185 milligrams per millimole", 4)[1], word_unit("46 millimoles per mole", 3)[1]
('mg/mmol', 'mmol/mol')
>>> word_unit("78 per cent (normal above 85)", 3)
('per cent', '%', 3, 11)
"""

from __future__ import annotations

import re

from osteodx.labs.ucum import ucum_code

__all__ = ["word_unit"]

#: Units written in words by a dictating clinician or a speech recogniser: "3.24 mmol per
#: litre", "52.7 pico mol per litre", "211 units per litre", "9.8 mmol per 24 hours".
_WORD_UNIT = re.compile(
    r"(?P<num>(?P<prefix>pico|nano|micro|milli|[pnµuμm])?\s?(?P<base>mol(?:es)?|grams?|g)"
    r"|(?P<uprefix>milli\s?|micro\s?)?(?P<units>(?:international\s)?units?|IU|U))"
    r"\s?(?:per|/)\s?(?P<den>litre|liter|l\b|L\b|decilitre|deciliter|dL|24\s?(?:hours?|hrs?|h)\b"
    r"|day\b|(?:milli\s?|m)mol(?:es?)?\b|mole\b)", re.IGNORECASE)
_SPELLED = re.compile(r"pico|nano|micro|milli|moles?\b|grams?\b|units?\b|international|litre"
                      r"|liter|hours?\b", re.IGNORECASE)
_WORD_PREFIX = {"pico": "p", "nano": "n", "micro": "u", "milli": "m", "p": "p", "n": "n",
                "µ": "u", "μ": "u", "u": "u", "m": "m"}
_WORD_DEN = {"litre": "L", "liter": "L", "l": "L", "decilitre": "dL", "deciliter": "dL",
             "dl": "dL", "day": "d"}


#: "mg/100 mL", "g per 100 ml": the old writing of mg/dL ("mg%" is read by UCUM's label fixes)
_PER_100ML = re.compile(r"(?P<num>[mµu]?g)\s?(?:/|per)\s?100\s?m[lL]\b")
#: "78 per cent", "25 percent": a proportion said in words (TRP, CD4 %, a saturation)
_PERCENT = re.compile(r"per\s?cent\b", re.IGNORECASE)


def word_unit(t: str, start: int) -> tuple[str, str | None, int, int] | None:
    """A unit written in words ("pico mol per litre" -> pmol/L, "per cent" -> %), or per
    100 mL ("mg/100 mL" -> mg/dL), or None."""
    percent = _PERCENT.match(t, start)
    if percent:
        return percent.group(), "%", start, percent.end()
    hundred = _PER_100ML.match(t, start)
    if hundred:
        return hundred.group(), f"{hundred.group('num')}/dL".replace("µ", "u"), start, \
            hundred.end()
    m = _WORD_UNIT.match(t, start)
    if m is None or (m.group("base") is None and m.group("units") is None):
        return None
    if " per" not in f" {m.group().lower()}" and not _SPELLED.search(m.group()):
        return None  # "nmol/L/h" is a printed unit: read_unit's own business
    if m.group("units"):
        num = "[IU]" if m.group("units").lower().startswith(("international", "iu")) else "U"
        if m.group("uprefix"):  # "310 milli units per litre" (prolactin, TSH): mU/L
            num = _WORD_PREFIX[m.group("uprefix").strip().lower()] + num
    else:
        base = "mol" if m.group("base").lower().startswith("mol") else "g"
        prefix = m.group("prefix")
        if prefix is None and m.group("num").lower().startswith("mol"):
            prefix = ""
        num = _WORD_PREFIX.get((prefix or "").lower(), "") + base
    den_word = m.group("den").lower()
    if "mol" in den_word:  # "milligrams per millimole" (a urine ratio), "millimoles per mole"
        den_word = "mmol" if den_word.startswith("m") and den_word != "mole" else "mol"
    den = "(24.h)" if den_word.startswith("24") else _WORD_DEN.get(den_word, den_word)
    code = ucum_code(f"{num}/{den}")
    return (m.group(), code, start, m.end()) if code is not None else None
