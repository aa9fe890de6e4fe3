"""Which stated onset belongs to which finding ("obesity from about age 2", "At 2 years of
age she developed seizures", "Undescended testes, orchidopexy at age 3").

A time phrase modifies the finding before it in its clause, or the one after it when it
opens the clause; it never reaches across another time phrase or an event that owns the age
(the operation's age is not the testes' onset). The statements themselves are read by
:mod:`osteodx.text.onsets`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from osteodx.text.context import context_of
from osteodx.text.onsets import OnsetStatement, find_onset_statements

__all__ = ["FindingOnsets", "bare_clause", "opens_clause", "reaches"]

_OPENS = re.compile(r"[\W_]*(?:(?:and|but|then|so|also|however|later|subsequently|thereafter"
                    r"|initially|first|even|a|an|the|was|were|noted|noticed|seen|found|observed"
                    r"|recogni[sz]ed|detected|diagnosed)\b[\W_]*)*", re.IGNORECASE)
#: words right after a time phrase that carry its time to what follows: "Echocardiogram in the
#: newborn period showed tetralogy of Fallot", "Noted at birth to have respiratory distress",
#: "floppy at birth with a weak cry", "glasses since the age of 3 for high myopia", "reviewed
#: at the age of 2 years, when she had myoclonic seizures", "since the age of 3, with short
#: stature"
_LINK_AHEAD = re.compile(r"\s*(?:(?:showed|shows|revealed|demonstrated|confirmed|disclosed"
                         r"|detected|identified|found|to\shave|to\sbe)\b|,?\s*(?:with|when"
                         r"|for|because\sof|due\sto)\b)", re.IGNORECASE)


def opens_clause(text: str, clause_start: int, pos: int) -> bool:
    """Does the time phrase at *pos* open its clause (``text[clause_start:]``)? Then it dates
    what the clause says after it ("At about 2 years of age she developed seizures")."""
    return _OPENS.fullmatch(text, clause_start, pos) is not None


#: an event that owns an age stated after it: "repaired at 8 months", "orchidopexy at age 3",
#: "spinal fusion at 12 years", "treated with bracing at 12", "diagnosed with scoliosis at 12"
_EVENT = re.compile(
    r"\b(?:repair\w*|operat\w*|surg\w*|\w+(?:ectomy|otomy|ostomy|pexy|plasty|desis|rrhaphy)"
    r"|fusion|cast(?:s|ing)?|treat\w*|\w*therap\w*|transplant\w*|implant\w*|excis\w*|resect\w*"
    r"|amputat\w*|inject\w*|vaccinat\w*|immuni[sz]\w*|hospitali[sz]\w*|admitted|admission"
    r"|referred|referral|intubat\w*|ventilat\w*|transfus\w*|diagnos\w*)\b", re.IGNORECASE)
#: the object an event names after itself: "diagnosed with scoliosis", "diagnosed as ...",
#: "surgery for club feet", "operated on his hip" ("treated with bracing" is a means, not one)
_DIAGNOSIS_OBJECT = re.compile(r"\s+(?:with|as|of|having)\s+[\w'-]", re.IGNORECASE)
_EVENT_OBJECT = re.compile(r"\s+(?:for|on|of)\s+[\w'-]", re.IGNORECASE)
#: "Scoliosis, diagnosed at 12", "scoliosis, first operated at 14": a participle after a
#: comma still says what the finding had
_PARTICIPLE_LEAD = re.compile(r"\s*,\s*(?:(?:\w+ly|first|later|initially)\s+)?",
                              re.IGNORECASE)


def _names_object(text: str, e: re.Match[str], end: int) -> bool:
    rx = _DIAGNOSIS_OBJECT if e.group().lower().startswith("diagnos") else _EVENT_OBJECT
    return rx.match(text, e.end(), end) is not None


def _owned_before(text: str, start: int, end: int) -> bool:
    """Does an event in ``text[start:end]``, between a finding and a time phrase after it, own
    the age? The finding is the event's own subject ("an inguinal hernia was repaired at 8
    months", "cataract surgery ... at the age of 37") unless a comma parts them ("Undescended
    testes, orchidopexy at age 3") or the event names another object ("short stature and was
    diagnosed with scoliosis at 12")."""
    for e in _EVENT.finditer(text, start, end):
        lead = text[start:e.start()]
        if re.search(r"[,;:()]", lead) and not (
                _PARTICIPLE_LEAD.fullmatch(lead) and e.group().lower().endswith("ed")):
            return True
        if _names_object(text, e, end):
            return True
    return False


def _owned_after(text: str, start: int, end: int) -> bool:
    """Does an event between a time phrase and a finding after it own the age? An event of
    the phrase's own stretch (no comma between them) does, unless the finding is its object:
    "At 3 years she had surgery for club feet" dates the club feet's surgery, "At 3 years she
    was casted and has club feet" not the club feet; "born with a cleft palate, repaired at 11
    months, and micrognathia" keeps micrognathia congenital."""
    for e in _EVENT.finditer(text, start, end):
        if re.search(r"[,;:]", text[start:e.start()]):
            break
        if e.group().lower().startswith("diagnos") and _DIAGNOSIS_OBJECT.match(
                text, e.end(), min(len(text), end + 1)):
            continue  # "At 29 she was diagnosed with | breast cancer": its object is the finding
        if not _names_object(text, e, end) or re.search(r"[,;:]", text[e.end():end]):
            return True
    return False


def reaches(text: str, start: int, end: int, o: OnsetStatement, clause_start: int,
            others: Sequence[OnsetStatement] = ()) -> bool:
    """Can *o* be the onset of the finding ``text[start:end]`` of the same sentence?

    *clause_start* is where *o*'s clause begins (:func:`osteodx.text.cues.clauses`). A time
    phrase modifies the finding before it ("obesity from about age 2"), or the one after it
    when it opens its clause ("At 2 years of age she developed seizures") or a link word
    follows it ("floppy at birth with a weak cry", "an echocardiogram in the newborn period
    showed ..."), as its ``reach`` says; it never reaches across another time phrase
    (*others*) or an event that owns the age ("Undescended testes, orchidopexy at age 3")."""
    if o.start <= start and end <= o.end:
        return True  # "first noticed pectus carinatum at 18 months"
    if o.reach != "own" and start < o.start < end <= o.end:
        return True  # "her kneecap [first dislocated] at 12 years": the verb is in both
    if o.reach == "own" or (o.start < end and start < o.end):
        return False
    before = end <= o.start  # the finding comes first
    opens = opens_clause(text, clause_start, o.start)
    if (o.reach == "after" and before) or (o.reach == "back" and before and opens):
        return False
    if o.reach == "back" and not before and not (opens or _LINK_AHEAD.match(text, o.end)):
        return False
    lo, hi = (end, o.start) if before else (o.end, start)
    if any(lo <= x.start and x.end <= hi for x in others if x is not o):
        return False
    return not (_owned_before(text, lo, hi) if before else _owned_after(text, lo, hi))


#: words of a clause that says nothing but when: ", which began at 3 years of age"
_BARE = frozenset("which that who this these it they she he and but or has have had was were"
                  " is are been being began begun started appeared developed noticed noted"
                  " first present evident apparent obvious then when with of age old also"
                  " later initially gradually progressively worsened progressed symptoms"
                  " problems difficulties complaints onset since the a an her his their its"
                  .split())


def bare_clause(text: str, clause: tuple[int, int], o: OnsetStatement) -> bool:
    """Is *o* all that its clause says, apart from pronouns and verbs of beginning? Such a
    clause dates a finding of a neighbouring one ("Seizures, which began at 3 years of age")."""
    rest = text[clause[0]:o.start] + " " + text[o.end:clause[1]]
    return all(w.lower() in _BARE for w in re.findall(r"[A-Za-z]+", rest))


class FindingOnsets:
    """Which stated onset belongs to a finding: the nearest one of its clause that reaches it
    (:func:`reaches`: a time phrase dates the finding before it, or the
    one after it when it opens the clause, never across another time phrase or an event that
    owns the age), else one whose clause in the sentence says nothing else ("seizures, which
    began at 3 years of age") or that dates the clauses after it ("For the past 2 years he has
    found it hard to follow conversation, and an audiogram showed hearing loss"; "reviewed at
    the age of 2 years, when she had myoclonic seizures"), but not "born with" or "N years of"
    ("born with a cleft palate and has had ear infections").

    "Cafe-au-lait macules since infancy and a swelling for 1 year": the macules began in
    infancy, the swelling a year ago; "born with club feet, ... and a hernia was repaired at 8
    months": the 8 months are the hernia's only. A finding named in the title and again with
    a duration takes the duration's onset."""

    def __init__(self, text: str, age_years: float | None) -> None:
        self.text = text
        self.ctx = context_of(text)
        self.statements = find_onset_statements(text, age_years)
        #: spans of every finding the text names (set by the caller once they are known)
        self.finding_spans: list[tuple[int, int]] = []

    def _postmodifies(self, o: OnsetStatement) -> bool:
        """Does *o* directly follow a finding it then belongs to ("diabetes from childhood
        with optic atrophy": the childhood is the diabetes', not the optic atrophy's)?"""
        return any(b <= o.start and not self.text[b:o.start].strip()
                   for _, b in self.finding_spans)

    def _clause(self, pos: int) -> tuple[int, int] | None:
        i = self.ctx.sentence_index(pos)
        if i is None:
            return None
        p = self.ctx.parse(i)
        v = p.view.at(pos)
        c = next((c for c in p.clauses if c.start <= v < c.end), p.clauses[0])
        return p.view.pos[c.start], p.view.pos[max(c.start, c.end - 1)] + 1

    def of(self, cm) -> float | None:
        """The onset age (years) of the finding *cm*; None when no stated onset reaches it."""
        m = cm.match
        sentence = cm.sentence
        clause = self._clause(m.start) or sentence
        near: list[OnsetStatement] = []
        bare: list[OnsetStatement] = []
        for o in self.statements:
            if not sentence[0] <= o.start < sentence[1]:
                continue
            own = self._clause(o.start) or sentence
            if not reaches(self.text, m.start, m.end, o, own[0], self.statements):
                continue
            if o.end <= m.start and o.start > own[0] and self._postmodifies(o):
                continue
            if clause[0] <= o.start < clause[1]:
                near.append(o)
            elif bare_clause(self.text, own, o) or (o.end <= m.start and o.reach != "after"):
                bare.append(o)  # "..., which began at 3 years"; "For the past 2 years ..."
        near = near or bare
        if not near:
            return None
        best = min(near, key=lambda o: max(0, o.start - m.end, m.start - o.end))
        return best.age_years
