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

__all__ = ["Question", "answered_questions", "question_at"]

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


def question_at(questions: list[Question], pos: int) -> Question | None:
    """The question whose text holds position *pos*, if any."""
    return next((q for q in questions if q.start <= pos < q.end), None)


def _turn_end(text: str, start: int) -> int:
    """Where a turn ends: at the next line that starts a turn, or a blank line."""
    nxt = _TURN.search(text, start)
    blank = text.find("\n\n", start)
    ends = [e for e in (nxt.start() if nxt else -1, blank) if e >= 0]
    return min(ends) if ends else len(text)
