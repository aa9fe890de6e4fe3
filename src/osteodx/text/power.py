"""Muscle power written as grades ("Hip flexors 3/5, hip extensors 3+/5; distal strength
5/5") as findings.

A neurological examination grades each muscle group on the MRC scale, where 5 is normal.
The muscle groups and the weakness each names are data (``knowledge/muscle_power.yaml``):
a grade below 5 is that weakness, observed; 5/5 excludes it, unless another group of the
same weakness is graded weak. Only statements about this patient count.

>>> [(p.hpo_id, p.excluded, p.note) for p in find_power_grades(
...     "Neck flexion 4-/5. Hip flexors 3/5; distal strength 5/5.")]
[('HP:0003722', False, 'neck flexion 4-/5'), ('HP:0012515', False, 'hip flexors 3/5'), \
('HP:0002460', True, 'distal strength 5/5')]
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import NamedTuple

from osteodx.knowledge import load_yaml
from osteodx.text.context import ContextAnalyser, context_of

__all__ = ["PowerGrade", "find_power_grades"]


class PowerGrade(NamedTuple):
    hpo_id: str
    excluded: bool
    start: int
    end: int
    note: str  # "hip flexors 3/5"


@cache
def _groups() -> tuple[re.Pattern[str], dict[str, str], int, dict[str, tuple[str, ...]]]:
    """(pattern, muscle-group name -> HPO id, normal grade, HPO id -> the wider weaknesses
    a weak grade of it also means)."""
    text = (resources.files("osteodx.knowledge") / "muscle_power.yaml").read_text("utf-8")
    data = load_yaml(text)
    term_of: dict[str, str] = {}
    within: dict[str, tuple[str, ...]] = {}
    for g in data["groups"]:
        within[g["hpo_id"]] = tuple(g.get("within", ()))
        for name in g["names"]:
            term_of[name.lower()] = g["hpo_id"]
    names = "|".join(re.escape(n) for n in sorted(term_of, key=len, reverse=True))
    # "Hip flexors 3/5", "hip flexion: 4+/5", "quadriceps (MRC) 4/5", "bilateral deltoids 4/5",
    # "ankle dorsiflexion (3/5)", "neck flexors MRC 4-"; "proximal power normal" is a 5
    pattern = re.compile(
        rf"(?<![\w-])(?P<name>{names})(?![\w-])(?:\s(?:strength|power))?[^\S\n]?"
        rf"(?:\((?:mrc|bilateral(?:ly)?|r|l|right|left)\)\s?)?:?\s?(?:(?:bilaterally|both|r|l"
        rf"|right|left)\s)?(?:(?P<paren>\()?(?P<grade>[0-5])(?P<sign>[+-])?\s?/\s?5(?(paren)\))"
        rf"(?![\d/])|mrc\s?(?P<mrc>[0-5])(?P<msign>[+-])?(?![\d/])"
        rf"|(?:(?:is|was)\s)?(?P<full>normal|full)\b)",
        re.IGNORECASE)
    return pattern, term_of, int(data["normal_grade"]), within


def find_power_grades(text: str, ctx: ContextAnalyser | None = None) -> list[PowerGrade]:
    """The weakness (or its absence) each graded muscle group of the patient names, in text
    order; a term graded both weak and normal is kept weak only."""
    pattern, term_of, normal, within = _groups()
    ctx = ctx or context_of(text)
    found: list[PowerGrade] = []
    for m in pattern.finditer(text):
        if not ctx.assess(m.start(), m.end()).about_patient:
            continue
        if m.group("full") and not re.search(r"power|strength", m.group(), re.IGNORECASE):
            continue  # "biceps normal" in a list of reflexes is not a grade
        grade = normal if m.group("full") else int(m.group("grade") or m.group("mrc"))
        weak = grade < normal or "-" in (m.group("sign"), m.group("msign"))
        note = re.sub(r"\s+", " ", m.group()).lower()
        found.append(PowerGrade(term_of[m.group("name").lower()], not weak, m.start(), m.end(),
                                note))
    weak_terms = {t for p in found if not p.excluded for t in (p.hpo_id, *within[p.hpo_id])}
    out: list[PowerGrade] = []
    seen: set[tuple[str, bool]] = set()
    for p in found:
        if (p.excluded and p.hpo_id in weak_terms) or (p.hpo_id, p.excluded) in seen:
            continue
        seen.add((p.hpo_id, p.excluded))
        out.append(p)
    return out
