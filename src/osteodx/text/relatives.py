"""Which parts of a report speak of a relative ("Her mother's calcium was 2.40 mmol/L").

Lab values and measurements found there are the relative's, not the patient's, so the
text reader drops them (:func:`relative_sentences`). The subject of each clause decides:
a relative named before the clause's verb, unless she only tells the history ("Her mother
recalls ..."); a clause without a subject of its own continues the previous one; "... in
her mother" names the relative of its own segment.
"""

from __future__ import annotations

import re

from osteodx.text.context import ContextAnalyser, ParsedSentence, context_of
from osteodx.text.cues import Clause, CueHit
from osteodx.text.family_findings import _skip_space
from osteodx.text.family_relatives import relation_hits as _relation_hits
from osteodx.text.family_subjects import clause_subject as _subject
from osteodx.text.family_words import _IN

__all__ = ["relative_sentences"]

#: a relative's own sample or result named as the object: "his mother's urine", "dad's bloods"
_SPECIMEN_OF = re.compile(r"(?:'s|s')?\s(?:urine|blood|bloods|serum|plasma|samples?|results?"
                          r"|levels?|tests?|labs?)\b", re.IGNORECASE)


def _introduced_spans(p: ParsedSentence, rels: list[CueHit], clause: Clause
                      ) -> list[tuple[int, int]]:
    """"Calcium was 2.4 mmol/L in her mother": the segment (between ",", "and") naming her."""
    text, out = p.view.text, []
    for h in rels:
        if clause.start <= h.start < clause.end and _IN.search(text, clause.start, h.start):
            seps = [m.end() for m in re.finditer(r",|;|\band\b", text[clause.start : h.start])]
            lo = clause.start + (seps[-1] if seps else 0)
            after = re.search(r",|;|\band\b", text[h.end : clause.end])
            out.append((lo, h.end + after.start() if after else clause.end))
    return out


def _clause_spans(p: ParsedSentence) -> list[tuple[int, int]]:
    """View spans of the clauses (or segments) of one sentence said of a relative."""
    rels = _relation_hits(p)
    if not rels:
        return []
    out: list[tuple[int, int]] = []
    for h in rels:  # "We tested his mother's urine today: calcium:creatinine 0.62"
        if _SPECIMEN_OF.match(p.view.text, h.end):
            out.append((h.start, len(p.view.text)))
    current: str | None = "patient"
    for clause in p.clauses:
        current = _subject(p, rels, clause) or current
        if current == "relative":
            out.append((clause.start, clause.end))
        else:
            out += _introduced_spans(p, rels, clause)
    return out


def relative_sentences(text: str, ctx: ContextAnalyser | None = None) -> list[tuple[int, int]]:
    """Character spans of ``text`` whose grammatical subject is a relative, in text order.

    A lab value or measurement inside one ("Her mother's calcium was 2.40 mmol/L", "Her
    mother has normal calcium levels", "... and 2.4 mmol/L in her mother") is the
    relative's, not the patient's. A clause without a subject of its own ("... but
    normal calcium levels") inherits the previous clause's; a relative who only tells
    the history ("Her mother recalls ...") is not the subject of what she tells.

    >>> t = "Calcium was 1.6 mmol/L. Her mother's calcium was 2.40 mmol/L."
    >>> [t[a:b] for a, b in relative_sentences(t)]
    ["Her mother's calcium was 2.40 mmol/L."]
    """
    ctx = ctx or context_of(text)
    spans: list[tuple[int, int]] = []
    for i in range(len(ctx.sentences)):
        p = ctx.parse(i)
        for a, b in _clause_spans(p):
            a = _skip_space(p.view.text, a, b)
            lead = re.match(r"(?:(?:and|but|or|yet) )+", p.view.text[a:b])
            a += lead.end() if lead else 0  # "... and her mother's calcium was ..."
            while b > a and p.view.text[b - 1] == " ":
                b -= 1
            if b > a:
                spans.append((p.view.pos[a], p.view.pos[b - 1] + 1))
    return _join(text, spans)


def _join(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Adjacent spans (only separators between them) become one."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and not re.search(r"\w", re.sub(r"\b(?:and|but|or)\b", "", text[out[-1][1] : a])):
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out
