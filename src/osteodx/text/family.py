"""What a case report says about the patient's relatives ("Her mother did not have ...").

For a dominant sclerosing disorder an unaffected parent is evidence (de novo
variant, reduced penetrance, or another diagnosis), and "She has no father, sister
or brother" tells the reader that the family could not be examined - not that the
relatives are unaffected. :func:`find_family_statements` keeps the two apart:
``affected`` is True / False when the text says so and None when it only says a
relative is absent.

Per clause (:mod:`osteodx.text.cues`), relatives named together ("her father and
brother") form one subject. A negation right before them with nothing after ("no
father, sister or brother") gives ``affected=None`` with note "no such relative".
Otherwise the rest of the clause after the verb ("did not have ...") is the
finding; it is unaffected when negated or when it says "healthy", "normal",
"unaffected". A relative after the finding ("... was seen in her sister") works
the same way. Generic sentences (Discussion) and relatives after "from", "to",
"by", "with", "of" ("born to healthy parents", "investigation of her family") are
skipped.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from osteodx.text.context import ContextAnalyser, ParsedSentence
from osteodx.text.cues import CueHit
from osteodx.text.sentences import clean_text

__all__ = ["FamilyStatement", "find_family_statements"]

_LINK = re.compile(r"(?:\s|,|and|or|nor|any|a|an|her|his|their|the|both|living|alive|also|"
                   r"either|neither)*")
_NOT_SUBJECT = re.compile(r"(?:from|to|by|with|of|for|than|like|without)(?: (?:her|his|their"
                          r"|the|a|an|its|both))? $")
_IN = re.compile(r"(?:in|among)(?: (?:her|his|their|the|both|all|the patient's|the proband's"
                 r"|a|an))? $")
_VERB_CHAIN = re.compile(r"(?:'s |(?:and|or|but|did|does|do|not|have|has|had|was|were|is|are"
                         r"|been|be|also|both|showed|shows|show|revealed|presented|with|any|an|a|the|similar"
                         r"|to|suffered|from|complained|of)\b\s*)*")
_SEEN_AT_END = re.compile(r"\s+(?:was|were|is|are)(?: also)? (?:seen|found|noted|present|observed"
                          r"|detected|shown|identified)$")
_UNAFFECTED = re.compile(r"\b(?:healthy|unaffected|normal|asymptomatic|not affected|well)\b")


class FamilyStatement(NamedTuple):
    """``relation`` is (``affected=True``), is not (False) or cannot be (None) affected."""

    relation: str  # "mother", "father", "sister", "brother", "sibling", "parents", ...
    affected: bool | None
    finding_text: str  # the finding, line-break hyphens closed up ("" when none)
    start: int  # the sentence's span
    end: int
    text: str
    note: str = ""


def _groups(p: ParsedSentence, lo: int, hi: int) -> list[list[CueHit]]:
    """Relatives in ``[lo, hi)`` named together ("father, sister or brother")."""
    groups: list[list[CueHit]] = []
    for h in p.hits:
        if h.cue.kind != "relation" or not lo <= h.start < hi:
            continue
        if groups and _LINK.fullmatch(p.view.text, groups[-1][-1].end, h.start):
            groups[-1].append(h)
        else:
            groups.append([h])
    return groups


def _finding(ctx: ContextAnalyser, p: ParsedSentence, start: int, end: int
             ) -> tuple[str, bool] | None:
    """(finding, affected) for the view span, or None when it holds no finding."""
    text = p.view.text
    while start < end and not text[start].isalnum() and text[start] != "'":
        start += 1
    start += len(_VERB_CHAIN.match(text, start, end).group())  # type: ignore[union-attr]
    while end > start and not text[end - 1].isalnum():
        end -= 1
    tail = _SEEN_AT_END.search(text, start, end)
    if tail and tail.start() > start:
        end = tail.start()  # "sclerotic changes were found" -> "sclerotic changes"
    if end <= start:
        return None
    # a negation that reaches the span's last word covers the finding ("did not have X in Y")
    last = max(start, text.rfind(" ", start, end) + 1)
    negated = ctx.assess_view(p, last, end).negated
    affected = not (negated or _UNAFFECTED.search(text, start, end))
    return clean_text(ctx.original(p, start, end)), affected


def find_family_statements(text: str, ctx: ContextAnalyser | None = None
                           ) -> list[FamilyStatement]:
    """Statements about relatives, in text order (one per relative named).

    >>> [(s.relation, s.affected, s.finding_text) for s in find_family_statements(
    ...     "Her mother did not have sclerosis. She has no sister.")]
    [('mother', False, 'sclerosis'), ('sister', None, '')]
    """
    ctx = ctx or ContextAnalyser(text)
    out: list[FamilyStatement] = []
    for i, sentence in enumerate(ctx.sentences):
        p = ctx.parse(i)
        if not any(h.cue.kind == "relation" for h in p.hits):
            continue
        span = (sentence.start, sentence.end, sentence.text)
        for ci, clause in enumerate(p.clauses):
            for group in _groups(p, clause.start, clause.end):
                first, last = group[0], group[-1]
                if ctx.assess_view(p, first.start, last.end).hypothetical or any(
                        h.cue.kind == "other" and clause.start <= h.start < clause.end
                        for h in p.hits):
                    continue  # the disease in general, or other patients' relatives
                negs = [h for h in p.hits if h.cue.kind == "negation" and h.end <= first.start
                        and clause.start <= h.start]
                if negs and _LINK.fullmatch(p.view.text, negs[-1].end, first.start) \
                        and not re.search(r"\w", p.view.text[last.end : clause.end]):
                    out += [FamilyStatement(h.cue.value, None, "", *span, "no such relative")
                            for h in group]
                    continue
                before = _IN.search(p.view.text, clause.start, first.start)
                if before:  # "similar changes were seen in her sister"
                    found = _finding(ctx, p, clause.start, before.start())
                    if found:
                        out += [FamilyStatement(h.cue.value, found[1], found[0], *span)
                                for h in group]
                    continue
                if _NOT_SUBJECT.search(p.view.text, 0, first.start):
                    continue  # "born to healthy parents", "investigation of her family"
                found = _finding(ctx, p, last.end, clause.end)
                if found is None:
                    continue
                out += [FamilyStatement(h.cue.value, found[1], found[0], *span) for h in group]
                for nxt in p.clauses[ci + 1 :]:  # "... and had scoliosis": same subject
                    if not nxt.subjectless:
                        break
                    more = _finding(ctx, p, nxt.start, nxt.end)
                    if more:
                        out += [FamilyStatement(h.cue.value, more[1], more[0], *span)
                                for h in group]
    out.sort(key=lambda s: s.start)
    return out
