"""Examinations reported normal ("Interictal EEG was normal", "Hearing was within normal
limits") as excluded findings.

A normal examination is evidence against every disease that would have shown up on it,
yet it names no abnormality the concept recogniser could negate. The examinations and the
findings they exclude are data (``knowledge/examinations.yaml``); here each one is found in
the text and kept when a "normal" cue of :mod:`osteodx.text.cues` reaches it, in a sentence
about this patient (not a relative, not a Discussion statement about a disease).

>>> [(s.key, s.excludes) for s in find_normal_examinations(
...     "Interictal EEG was normal. Her father's hearing was normal.")]
[('eeg', ('HP:0002353',))]
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import NamedTuple

from osteodx.knowledge import load_yaml
from osteodx.text.context import ContextAnalyser, context_of

__all__ = ["NormalExamination", "examinations", "find_normal_examinations"]

_NORMAL_CUE = re.compile(r"normal|unremarkable|nad|nil of note|no abnormalit|\bfine\b"
                         r"|\ba pass\b|\bnothing\b",  # "was a pass", "was nothing"
                         re.IGNORECASE)


class NormalExamination(NamedTuple):
    key: str
    excludes: tuple[str, ...]
    start: int  # the examination's words in the text
    end: int
    sentence: tuple[int, int]


@cache
def examinations() -> tuple[tuple[str, str, re.Pattern[str], tuple[str, ...]], ...]:
    """(key, kind, compiled pattern, excluded HPO ids) from ``knowledge/examinations.yaml``."""
    raw = (resources.files("osteodx.knowledge") / "examinations.yaml").read_text("utf-8")
    data = load_yaml(raw)
    return tuple((e["key"], e.get("kind", "normal"),
                  re.compile(rf"(?<![\w-])(?:{e['pattern']})(?![\w-])"), tuple(e["excludes"]))
                 for e in data["examinations"])


#: a part of the skeleton whose height a report gives ("vertebral bodies normal in height")
_PART_HEIGHT = re.compile(r"\b(?:vertebra[el]?|vertebral|discs?|intervertebral|joint spaces?"
                          r"|end ?plates?)\b[^.;:]*$")


def find_normal_examinations(text: str, ctx: ContextAnalyser | None = None
                             ) -> list[NormalExamination]:
    """Each examination said to be normal, once per sentence, in text order."""
    ctx = ctx or context_of(text)
    out: list[NormalExamination] = []
    for i, sentence in enumerate(ctx.sentences):
        p = ctx.parse(i)
        seen: set[str] = set()
        normal_at: list[int] = []  # where examinations said normal begin (view offsets)
        waiting: list[tuple[str, tuple[str, ...], re.Match[str]]] = []
        for key, kind, rx, excludes in examinations():
            for m in rx.finditer(p.view.text):
                a = ctx.assess_view(p, m.start(), m.end())
                if key in seen or not a.about_patient:
                    continue
                if kind == "normal" and not a.negated:
                    waiting.append((key, excludes, m))  # "EEG | and ECG normal"
                    continue
                if kind != "absent" and not a.negated:
                    continue
                if kind == "normal" and not _NORMAL_CUE.search(a.negation_cue or ""):
                    continue
                if kind == "absent" and a.negated:
                    continue  # "not afebrile"
                if key == "height" and _PART_HEIGHT.search(p.view.text, max(0, m.start() - 60),
                                                           m.start()):
                    continue  # "vertebral bodies normal in height": not the body's
                seen.add(key)
                if kind == "normal":
                    normal_at.append(m.start())
                start, end = p.view.pos[m.start()], p.view.pos[m.end() - 1] + 1
                out.append(NormalExamination(key, excludes, start, end,
                                             (sentence.start, sentence.end)))
        for key, excludes, m in sorted(waiting, key=lambda w: -w[2].start()):
            # joined to a normal one after it: "Retina and optic discs normal", "EEG, ECG and
            # echo normal" (the last first, so that a chain passes its verdict back)
            joined = _JOINED.match(p.view.text, m.end())
            heading = _HEADING_NORMAL.match(p.view.text, m.end())  # "Genitalia: normal female"
            if key in seen or (heading is None and (joined is None
                                                    or joined.end() not in normal_at)):
                continue
            seen.add(key)
            normal_at.append(m.start())
            start, end = p.view.pos[m.start()], p.view.pos[m.end() - 1] + 1
            out.append(NormalExamination(key, excludes, start, end,
                                         (sentence.start, sentence.end)))
    return sorted(out, key=lambda e: (e.start, e.key))


#: a heading's status that names more than the status: "Genitalia: normal female", "Tone:
#: normal for age", "Hearing: normal bilaterally"
_HEADING_NORMAL = re.compile(r"\s*:\s*(?:normal|unremarkable|nad)\b(?!\s+(?:except|apart|but)\b)")
#: what joins two examinations reported together: "and", a comma, a slash
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|/\s*)(?:the\s+|his\s+|her\s+)?")
