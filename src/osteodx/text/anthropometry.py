"""Growth measurements with a z-score or centile as findings ("height 86 cm (-2.4 SD)" ->
Short stature; "head circumference 50th centile" -> neither micro- nor macrocephaly).

Reports give growth as numbers, and the HPO terms are defined by those numbers (more than
2 SD from the mean, below the 3rd / above the 97th centile: ``knowledge/anthropometry.yaml``
with the definitions it follows). A measurement name is paired with the first z-score or
centile that follows it in the same clause-free stretch (no full stop, no other measurement
name in between); measurements of relatives and generic statements are skipped.

>>> [(g.key, g.hpo_id, g.excluded) for g in find_growth_statements(
...     "Her height was 86 cm (-2.4 SD) and head circumference on the 50th centile.")]
[('height', 'HP:0004322', False), ('head_circumference', 'HP:0000252', True), \
('head_circumference', 'HP:0000256', True)]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from osteodx.knowledge import load_yaml
from osteodx.labs.growth import growth_measures, growth_z
from osteodx.labs.ucum import UnitError, parse_unit
from osteodx.labs.units import convert
from osteodx.text.context import ContextAnalyser, context_of

__all__ = ["GrowthStatement", "find_growth_statements"]

_MINUS = "[-\u2212\u2013]"
_NUM = r"\d+(?:\.\d+)?"
#: "-2.4 SD", "-2.4 SDS", "SD -2.4", "z-score -2.4", "-2.4 standard deviations"
_Z = re.compile(
    # (not a name's digit: "L1-L4 Z-score -2.6" is -2.6, not the 4 of "L4")
    rf"(?<![A-Za-z0-9.])(?P<z1>[+]?{_MINUS}?\s?{_NUM})\s*(?:SDS?|standard deviations?|z)\b"
    rf"|\b(?:SDS?|z[- ]?scores?)\s*(?:(?:was|is|of)\s*)?[:=]?\s*(?P<z2>[+]?{_MINUS}?\s?{_NUM})",
    re.IGNORECASE)
#: "<3rd centile", ">97th percentile", "below the 3rd percentile", "50th centile", "P97",
#: ">99.6th c" (notes' "c" for centile, only after an ordinal)
_CENTILE = re.compile(
    r"(?P<op><|>|≤|≥|below(?: the)?|under(?: the)?|above(?: the)?|over(?: the)?|less than(?: the)?"
    r"|greater than(?: the)?)?\s*(?P<c>\d{1,2}(?:\.\d)?)(?:(?:st|nd|rd|th)?\s*(?:centiles?"
    r"|percentiles?|pctl?|%ile)|(?:st|nd|rd|th)\s?c)\b|\bP(?P<p>\d{1,2})\b", re.IGNORECASE)


#: a reading right after its name: "height 118 cm", "weight: 20.5 kg", "OFC was 39cm"
_READING = re.compile(
    r"\s*(?:(?:was|is|of|measured|measuring)\s+)?[:=]?\s*(?P<v>\d{1,3}(?:\.\d{1,2})?)\s?"
    r"(?P<u>cm|mm|m|kg|g|in|inches|lbs?)\b", re.IGNORECASE)
#: a reading with its centile in parentheses, without the word: "OFC 41.5 cm (25th-50th)"
_STATED_CENTILE = re.compile(
    _READING.pattern + r"\s?\(\s?(?P<c1>\d{1,2}(?:\.\d)?)(?:st|nd|rd|th)"
    r"(?:\s?(?:-|–|to)\s?(?P<c2>\d{1,2}(?:\.\d)?)(?:st|nd|rd|th))?\s?\)", re.IGNORECASE)
#: the sentence dates a reading to an age other than the patient's present one
_OTHER_AGE = re.compile(
    r"\b(?:at|aged?|by)\s+(?:the\s+age\s+of\s+)?\d+(?:\.\d+)?\s*(?:years?|yrs?|y|months?|mo|"
    r"weeks?|wk|days?)\b|\bat\s+birth\b|\bbirth\s+(?:weight|length)|\bpreviously\b|\bago\b"
    r"|\b(?:born|at\s+term|at\s+delivery|(?:big|small)\s+baby|newborn|neonatal|BW)\b",
    re.IGNORECASE)


#: a measurement of something other than the whole body: "telomere length", "penile length"
_PART_BEFORE = re.compile(r"\b(?:telomeres?|penile|penis|phallus|phallic|limb|leg|arm|femur"
                          r"|femoral|tibial?|humeral?|foot|feet|hand|finger|ear|palpebral"
                          r"|fissure|crown-rump|cervical|bone|sitting|segment|canal|kidney"
                          r"|renal|liver|spleen|splenic|uterine|testicular|gestational|cycle"
                          r"|fibre|fiber|tract|body segment)\s+$", re.IGNORECASE)
#: a rate or change of a measurement, not the measurement: "height velocity", "weight gain"
_RATE_AFTER = re.compile(r"\s*(?:velocity|velocities|gain|loss|increment|change|SDS change"
                         r"|of stay)\b", re.IGNORECASE)




#: a height written before its word: "He was 196 cm tall", "5 ft 2 in tall" is left alone
_TALL = re.compile(r"(?<![\w.])\d{2,3}(?:\.\d{1,2})?\s?(?:cm|m)\s+tall\b", re.IGNORECASE)
#: an empty match named like the height measure, at a reading's value
_AT_HEIGHT = re.compile(r"(?P<height>)")


def _tall(text: str, start: int, end: int) -> list[re.Match[str]]:
    """"196 cm tall" as a height reading: an empty ``height`` match right before the
    value, so that the reading ("196 cm") and what follows it ("(above the 99th centile)")
    are read as after the word "height"."""
    return [_AT_HEIGHT.match(text, m.start()) for m in _TALL.finditer(text, start, end)]


class GrowthStatement(NamedTuple):
    key: str
    hpo_id: str
    excluded: bool
    start: int  # the measurement's words ... its z-score or centile
    end: int
    sentence: tuple[int, int]
    note: str
    z: float | None = None  # for a raw reading: its z-score on the CDC 2000 reference
    why: str = ""  # how a finding other than a centile or z-score cut-off was made


@cache
def _table() -> dict[str, Any]:
    text = (resources.files("osteodx.knowledge") / "anthropometry.yaml").read_text("utf-8")
    data = load_yaml(text)
    names = "|".join(f"(?P<{m['key']}>{m['pattern']})" for m in data["measures"])
    data["regex"] = re.compile(rf"(?<![\w-])(?:{names})(?![\w-])", re.IGNORECASE)
    return data


def _verdict(kind: str, value: float, op: str, t: dict[str, Any],
             spec: dict[str, Any] | None = None) -> str:
    """'low', 'high' or 'normal' for a z-score or a centile (with its comparison word);
    a measure may have its own z cut-offs (bone density: -2.0 and +2.5)."""
    if kind == "z":
        low, high = (spec or {}).get("low_z", t["low_z"]), (spec or {}).get("high_z", t["high_z"])
        return "low" if value <= low else "high" if value >= high else "normal"
    op = op.lower()
    below = op.startswith(("<", "≤", "below", "under", "less"))
    above = op.startswith((">", "≥", "above", "over", "greater"))
    if value <= t["low_centile"] and (below or value < t["low_centile"]):
        return "low"
    if value >= t["high_centile"] and (above or value > t["high_centile"]):
        return "high"
    return "normal"


def _measured(text: str, m: re.Match, stretch: str, key: str, age_years: float | None,
              sex: str | None, sentence: tuple[int, int],
              warn: Callable[[str], None] = lambda _: None) -> tuple[float, str, int] | None:
    """A raw reading right after its name ("height 118 cm") as a z-score for the patient's
    age and sex, with its note and end; None when the reading's age is not the patient's
    ("at 2 years her length was ...") or no reference covers it. A value implausible
    in itself or for the age (beyond the data file's ``max_abs_z``) is *warn*-ed about."""
    reading = _READING.match(stretch)
    measure = growth_measures().get(key)
    if reading is None or measure is None or age_years is None or sex not in ("male", "female"):
        return None
    if _OTHER_AGE.search(text, sentence[0], sentence[1]):
        return None  # the sentence dates the reading to another age
    try:
        v = convert(float(reading.group("v")), parse_unit(reading.group("u")), measure.unit)
    except (UnitError, ValueError):
        return None
    quoted = text[m.start():m.end() + reading.end()]
    if not measure.plausible[0] <= v <= measure.plausible[1]:
        warn(f"{measure.label}: {quoted!r} is implausible (plausible {measure.plausible[0]:g}-"
             f"{measure.plausible[1]:g} {measure.unit}); not used")
        return None
    gz = growth_z(measure, v, age_years, sex)
    if isinstance(gz, str):
        return None
    if abs(gz.z) > measure.max_abs_z:  # a reading from another age, or a slip
        warn(f"{measure.label}: {quoted!r} is {gz.z:+.1f} SD for age {age_years:g} y and sex, "
             f"beyond the plausible {measure.max_abs_z:g} SD (a unit, age or typing slip?); "
             f"not used")
        return None
    end = m.end() + reading.end()
    return gz.z, f"{text[m.start():end]} ({gz.text} for age and sex, CDC 2000)", end


def find_growth_statements(text: str, ctx: ContextAnalyser | None = None, *,
                           age_years: float | None = None, sex: str | None = None,
                           warnings: list[str] | None = None) -> list[GrowthStatement]:
    """Findings implied by growth measurements with a z-score or centile, in text order;
    given the patient's age and sex ("male"/"female"), a raw reading ("height 118 cm")
    too, placed on the CDC 2000 reference."""
    t = _table()
    measures = {m["key"]: m for m in t["measures"]}
    ctx = ctx or context_of(text)
    out: list[GrowthStatement] = []
    for sentence in ctx.sentences:
        names = list(t["regex"].finditer(text, sentence.start, sentence.end))
        if not any(n.lastgroup == "height" for n in names):  # "He was 196 cm tall"
            names = sorted([*names, *_tall(text, sentence.start, sentence.end)],
                           key=lambda n: n.start())
        for k, m in enumerate(names):
            if _PART_BEFORE.search(text, max(0, m.start() - 25), m.start()) \
                    or _RATE_AFTER.match(text, m.end()):
                continue  # "telomere length", "penile length", "height velocity"
            stop = names[k + 1].start() if k + 1 < len(names) else sentence.end
            stretch = text[m.end():stop]
            z, c = _Z.search(stretch), _CENTILE.search(stretch)
            spec = measures[m.lastgroup or ""]
            stated = _STATED_CENTILE.match(stretch) if z is None and c is None else None
            if stated is not None:  # "length 64.5 cm (50th-75th)": the report's own centiles
                if not ctx.assess(m.start(), m.end()).about_patient:
                    continue
                lo = float(stated.group("c1"))
                hi = float(stated.group("c2") or lo)
                verdict = ("low" if hi <= t["low_centile"] else
                           "high" if lo >= t["high_centile"] else "normal")
                end = m.end() + stated.end()
                terms = [spec[verdict]] if verdict != "normal" else [spec["low"], spec["high"]]
                out += [GrowthStatement(spec["key"], hid, verdict == "normal", m.start(), end,
                                        (sentence.start, sentence.end), text[m.start():end])
                        for hid in terms]
                continue
            if z is None and c is None:
                slips: list[str] = []
                got = _measured(text, m, stretch, spec["key"], age_years, sex,
                                (sentence.start, sentence.end), slips.append)
                if not ctx.assess(m.start(), m.end()).about_patient:
                    continue
                if warnings is not None:
                    warnings += slips
                if got is None:
                    continue
                value, note, end = got
                verdict = _verdict("z", value, "", t, spec)
                terms = [spec[verdict]] if verdict != "normal" else [spec["low"], spec["high"]]
                out += [GrowthStatement(spec["key"], hid, verdict == "normal", m.start(), end,
                                        (sentence.start, sentence.end), note, value)
                        for hid in terms]
                continue
            a = ctx.assess(m.start(), m.end())
            if not a.about_patient:
                continue
            if z is not None and (c is None or z.start() < c.start()):
                raw = (z.group("z1") or z.group("z2")).replace(" ", "")
                value = float(re.sub(_MINUS, "-", raw))
                verdict, end = _verdict("z", value, "", t, spec), m.end() + z.end()
            else:
                every = list(_CENTILE.finditer(stretch))
                if len(every) > 1 and _CHANGE.search(stretch, every[0].end(), every[-1].start()):
                    # "was on the 50th centile at 6 months and has dropped to the 9th": now
                    out += _faltering(spec["key"], every, m, text, sentence, age_years, t)
                    c = every[-1]
                value = float(c.group("c") or c.group("p"))
                verdict = _verdict("centile", value, c.group("op") or "", t)
                end = m.end() + c.end()
            note = text[m.start():end]
            terms = [spec[verdict]] if verdict != "normal" else [spec["low"], spec["high"]]
            out += [GrowthStatement(spec["key"], hid, verdict == "normal", m.start(), end,
                                    (sentence.start, sentence.end), note) for hid in terms]
    return out


#: words that say a measurement moved between two centiles
_CHANGE = re.compile(r"\b(?:dropped|drop|dropping|fallen|fell|falls|falling|crossed|crossing"
                     r"|declined|down|now|to)\b", re.IGNORECASE)


def _faltering(key: str, every: list[re.Match], m: re.Match, text: str, sentence: Any,
               age_years: float | None, t: dict[str, Any]) -> list[GrowthStatement]:
    """Failure to thrive when a child's weight falls across NICE NG75's centile spaces."""
    f = t.get("faltering_growth")
    if key != "weight" or f is None or (age_years is not None and age_years >= f["max_age_years"]):
        return []
    lines = f["centile_lines"]

    def line(c: re.Match) -> int:
        v = float(c.group("c") or c.group("p"))
        return min(range(len(lines)), key=lambda i: abs(lines[i] - v))

    first, last = line(every[0]), line(every[-1])
    start = float(every[0].group("c") or every[0].group("p"))
    need = (f["spaces_below_9th"] if start < 9 else
            f["spaces_9th_to_91st"] if start <= 91 else f["spaces_above_91st"])
    if first - last < need:
        return []
    end = m.end() + every[-1].end()
    why = f"weight fell across {first - last} centile spaces (NICE NG75 faltering growth)"
    return [GrowthStatement(key, f["term"], False, m.start(), end,
                            (sentence.start, sentence.end), text[m.start():end], why=why)]
