"""Milestones reached at a stated age ("walked independently at 19 months") as findings.

Reports give the age a child walked, sat or spoke rather than naming the delay; the age
after which each is delayed is data (``knowledge/milestones.yaml``, with its sources). A
milestone reached later is an observed delay, one reached in time excludes it. Only
statements about this patient count (not a sibling's, not a Discussion's).

>>> [(m.key, m.hpo_id, m.excluded) for m in find_milestones(
...     "He walked independently at 19 months and sat at 7 months.")]
[('walking', 'HP:0031936', False), ('sitting', 'HP:0025336', True)]
>>> [(m.key, m.age_months) for m in find_milestones("She is not yet walking.", age_years=1.75)]
[('walking', 21.0)]
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import NamedTuple

from osteodx.knowledge import load_yaml
from osteodx.text.context import ContextAnalyser, context_of

__all__ = ["Milestone", "find_milestones"]

_AGE = (r"(?:,?\s+(?:late|only|not until)?,?\s*(?:at|by|from|around|about|only at|not until|after)"
        r"|(?<=not walk)\s+until"
        r"|(?<=n't walk)\s+until)\s+(?:the\s+)?(?:age\s+(?:of\s+)?)?"
        r"(?:about\s+|around\s+|approximately\s+)?(?P<n>\d+(?:\.\d+)?)"
        # "at 2 and a half" (years, as parents write it), "at 2 and a half years"
        r"(?:(?P<half>\s+and\s+a\s+half)(?:\s+(?P<hu>months?|mo|years?|yrs?))?\b"
        r"|\s*(?P<u>months?|mo|years?|yrs?|y)\b)")


#: a milestone "not yet" reached speaks of a young child (months); later it is a loss or a
#: disability, not a delay
_NOT_YET_MAX = 72


class Milestone(NamedTuple):
    key: str
    hpo_id: str
    excluded: bool
    age_months: float
    start: int
    end: int


@cache
def _table() -> list[tuple[str, re.Pattern[str], re.Pattern[str] | None, float, str]]:
    text = (resources.files("osteodx.knowledge") / "milestones.yaml").read_text("utf-8")
    return [(m["key"], re.compile(rf"\b(?:{m['pattern']}){_AGE}", re.IGNORECASE),
             re.compile(rf"\b(?:{m['not_yet']})\b", re.IGNORECASE) if m.get("not_yet") else None,
             float(m["delayed_after_months"]), m["term"])
            for m in load_yaml(text)["milestones"]]


def find_milestones(text: str, ctx: ContextAnalyser | None = None,
                    age_years: float | None = None) -> list[Milestone]:
    """Each milestone with its age, as an observed or excluded delay, in text order.

    A milestone not yet reached ("she is not yet walking") is a delay when the patient,
    at *age_years*, is past the age after which it is delayed; ``age_months`` is then the
    patient's age.
    """
    ctx = ctx or context_of(text)
    out: list[Milestone] = []
    for key, rx, not_yet, limit, term in _table():
        for m in rx.finditer(text):
            if m.group("half"):  # a bare "2 and a half" is years
                unit = (m.group("hu") or "y").lower()
                months = (float(m.group("n")) + 0.5) * (1.0 if unit.startswith("m") else 12.0)
            else:
                months = float(m.group("n")) * (1.0 if m.group("u").lower().startswith("m")
                                                else 12.0)
            if not ctx.assess(m.start(), m.end()).about_patient:
                continue
            out.append(Milestone(key, term, months <= limit, months, m.start(), m.end()))
        if not_yet is None or age_years is None or not limit < age_years * 12 < _NOT_YET_MAX:
            continue
        for m in not_yet.finditer(text):
            a = ctx.assess(m.start(), m.end())
            if a.about_patient and not a.hypothetical:
                out.append(Milestone(key, term, False, round(age_years * 12, 1), m.start(),
                                     m.end()))
    return sorted(out, key=lambda x: x.start)
