"""Questions and their answers in a transcript ("DR VARGA: Any kidney stones?" /
"MRS PRICE: No, nothing like that.").

What a question names is not a finding: the answer says whether it is one. A plain "no"
or "never" excludes it, a "yes" (or "sometimes ..., yes") affirms it, and any other answer
leaves it out, the answer's own words being read as they stand ("Headaches?" / "I still get
my migraines").

A text is a transcript when at least two speakers, written in capitals ("DR VARGA:",
"MRS PRICE:") or as ``Q:`` / ``A:``, take turns at least twice each, so that a report's
headings in capitals ("PLAN: ...") are not taken for speakers.

>>> text = ("DR LEE: Any fits?\\nMR COX: No, never.\\nDR LEE: Headaches?\\n"
...         "MR COX: Yes, most mornings.\\nDR LEE: Any rashes?\\nMR COX: I had one in May.")
>>> [(text[q.start:q.end], q.verdict) for q in answered_questions(text)]
[('Any fits?', 'denied'), ('Headaches?', 'affirmed'), ('Any rashes?', 'open')]
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

__all__ = ["Question", "answered_questions", "form_answers", "question_at"]

#: a speaker's turn: "DR VARGA: ...", "MRS PRICE: ...", "Q: ...", "A: ..."
_TURN = re.compile(r"^[ \t]*(?P<who>(?:(?:DR|MR|MRS|MS|MISS|PROF|NURSE|SISTER)\.? )?"
                   r"[A-Z][A-Z'-]{1,20}(?: [A-Z][A-Z'-]{1,20})?|Q|A)[ \t]*:[ \t]+(?=\S)",
                   re.MULTILINE)
#: an answer that denies: "No, nothing like that.", "Never.", "Not really."
_DENIED = re.compile(r"(?:no|nope|never|none|nothing|not (?:really|at all|that i know(?: of)?"
                     r"|that i(?:'ve| have) noticed|as far as i know))\b", re.IGNORECASE)
#: an answer that affirms: "Yes.", "Sometimes during an attack, yes."
_AFFIRMED = re.compile(r"(?:yes|yeah|yep|yup|definitely|sometimes|occasionally|often"
                       r"|a (?:bit|little)|i do|i have|(?:she|he) does|(?:she|he) has)\b"
                       r"|.{0,80},\s*yes\b", re.IGNORECASE)


class Question(NamedTuple):
    """A question's last sentence, ``text[start:end]``, and what its answer says of it."""

    start: int
    end: int
    verdict: str  # "denied", "affirmed" or "open"
    answer: str


def answered_questions(text: str) -> list[Question]:
    """Every question of a transcript that another speaker answers next, in text order;
    nothing when *text* is no transcript."""
    turns = [(m.group("who"), m.end(), _turn_end(text, m.end())) for m in _TURN.finditer(text)]
    speakers = Counter(who for who, _, _ in turns)
    if sum(1 for n in speakers.values() if n >= 2) < 2:
        return []
    found = []
    for (who, start, end), (other, a_start, a_end) in zip(turns, turns[1:], strict=False):
        said = text[start:end].rstrip()
        if other == who or not said.endswith("?"):
            continue
        cut = max(said.rfind(". "), said.rfind("! "), said.rfind("? ", 0, len(said) - 1))
        q_start = start + (cut + 2 if cut >= 0 else 0)
        answer = " ".join(text[a_start:a_end].split())
        verdict = "denied" if _DENIED.match(answer) else \
            "affirmed" if _AFFIRMED.match(answer) else "open"
        found.append(Question(q_start, start + len(said), verdict, answer))
    return found


#: a tick box and its label: "[x] Yes", "[ ] No", "☒ No", "[ ] Don't know"
_BOX = re.compile(r"(?:\[\s?(?P<tick>[xX✓✔*])?\s?\]|(?P<glyph>[☐☑☒]))[ \t]*"
                  r"(?P<label>yes|no|don'?t know|not sure|unsure|n/?a)\b", re.IGNORECASE)
#: a form's item line: "Seizures:   [ ] Yes  [x] No", "Hearing problems?   No", "Weight loss:"
_ITEM = re.compile(r"^[ \t]*(?:\d{1,2}[.)][ \t]+)?(?P<item>[A-Za-z][^:?\n\[\]]{1,60}?)[ \t]*"
                   r"(?P<mark>[:?])[ \t]*(?P<rest>[^\n]*)$", re.MULTILINE)
_PLAIN = re.compile(r"(?P<label>yes|no|none|never)\b(?![ \t]*[-,:]?[ \t]*\w)", re.IGNORECASE)


def form_answers(text: str) -> list[Question]:
    """The items of a tick-box form ("Seizures:  [ ] Yes  [x] No"), each as a question
    answered by its ticked box: "Yes" affirms the item, "No" denies it, and an item
    left unticked, ticked "Don't know" or left blank says nothing. In a text with at
    least three tick-box lines, a bare "No" or "Yes" after an item ("Hearing
    problems?   No") answers it too. What follows the boxes ("Where? ...") is the
    patient's own words, read as they stand.

    >>> text = ("Fits:  [ ] Yes  [x] No\\nRash:  [x] Yes  [ ] No  Where? arms\\n"
    ...         "Vomiting:  [ ] Yes  [ ] No\\nDeafness?   No\\nWeight loss:\\n")
    >>> [(text[q.start:q.end], q.verdict)
    ...  for q in form_answers(text)]  # doctest: +NORMALIZE_WHITESPACE
    [('Fits', 'denied'), ('Rash', 'affirmed'), ('Vomiting', 'open'), ('Deafness', 'denied'),
     ('Weight loss', 'open')]
    """
    items = list(_ITEM.finditer(text))
    if sum(1 for m in items if _BOX.match(m.group("rest"))) < 3:
        return []
    found = []
    for m in items:
        rest = m.group("rest")
        boxes, at = [], 0
        while (b := _BOX.match(rest, at)) is not None:
            boxes.append(b)
            at = b.end() + len(rest[b.end():]) - len(rest[b.end():].lstrip(" \t"))
        if boxes:
            ticked = [b.group("label").lower() for b in boxes
                      if b.group("tick") or b.group("glyph") in ("☑", "☒")]
            verdict = "affirmed" if ticked == ["yes"] else \
                "denied" if ticked == ["no"] else "open"
            answer = " ".join(rest[:boxes[-1].end()].split())
        elif (plain := _PLAIN.match(rest)) is not None:
            word = plain.group("label").lower()
            verdict, answer = ("affirmed" if word == "yes" else "denied"), word
        elif not rest.strip():
            verdict, answer = "open", "(left blank)"
        else:
            continue
        found.append(Question(m.start("item"), m.end("item"), verdict, answer))
    return found


def question_at(questions: list[Question], pos: int) -> Question | None:
    """The question whose text holds position *pos*, if any."""
    return next((q for q in questions if q.start <= pos < q.end), None)


def _turn_end(text: str, start: int) -> int:
    """Where a turn ends: at the next line that starts a turn, or a blank line."""
    nxt = _TURN.search(text, start)
    blank = text.find("\n\n", start)
    ends = [e for e in (nxt.start() if nxt else -1, blank) if e >= 0]
    return min(ends) if ends else len(text)
