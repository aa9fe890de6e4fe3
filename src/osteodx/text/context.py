"""The context of concepts found in a case report: is a finding the patient's, and is it present?

A dictionary match says only that a phrase occurs. Before it becomes a phenotypic
feature we need to know whether the report *denies* it ("kyphoscoliosis was not
observed"), *hedges* it ("suspiciously increased uptake"), puts it in the *past*
("history of fractures"), says it of *someone else* ("her mother did not have ...")
or states it about a *disease in general* ("bone pain, recurrent fractures ... can
be presented in ADO"). :func:`analyse` answers these per match with a pure-Python
ConText (the cue lexicon and the clause splitter are in :mod:`osteodx.text.cues`).

Why our own: negspacy and medspacy implement NegEx/ConText on spaCy and need a
spaCy language model, which cannot be downloaded here; pyConTextNLP (last release
2019) is unmaintained. The algorithm is small; the lexicon is what matters, and
this one is written for case reports (captions, Discussion sections).

Decisions:

* Scope is the clause: a cue reaches concepts in its own clause only (forward,
  backward or both, see :mod:`osteodx.text.cues`), so "no tenderness, redness and
  heatness" negates all three and "Back mobility was normal and kyphoscoliosis was
  not observed" does not spill over. "normal" before a phrase reaches three words.
* Uncertain findings are hedged positives: "suspiciously increased uptake" stays
  observed with ``uncertain=True``; "could not be excluded" is uncertainty, not
  negation. The caller decides how much a hedged finding weighs.
* Historical findings are still the patient's (``historical`` only informs).
* ``hypothetical`` covers generic statements ("characterized by", "can be seen
  in", "is known to", "usually") and conditionals ("if", "to rule out"). A generic
  cue does not reach a concept before it in a clause that names this patient
  ("Rugger-jersey spine, the major finding in our case, can be seen in ADO": the
  spine finding is the patient's, ADO stays generic). In Introduction / Discussion /
  Conclusion every sentence that does not name the patient ("our case", "the
  patient", "she", "a 16-year-old") is hypothetical, cue ``"(discussion section)"``.
* ``experiencer`` is decided by the nearest subject before the concept in the
  clause: a relative ("Her mother did not have ..."), the patient ("she", "the
  patient") or other patients ("the authors reported one patient ..."); a relative
  after it counts when introduced by "in"/"of" ("... in her sister"). A clause
  without a subject ("... and had scoliosis") inherits the previous clause's.

>>> text = "CASE\\nShe had back pain. There was no tenderness, redness and heatness."
>>> m = lambda w: ConceptMatch("HP:x", text.index(w), text.index(w) + len(w), w, w)
>>> [(c.match.text, c.negated, c.negation_cue) for c in analyse(text, [m("back pain"),
...                                                                    m("redness")])]
[('back pain', False, None), ('redness', True, 'There was no')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from osteodx.text.concepts import ConceptMatch
from osteodx.text.conditionals import opening_condition
from osteodx.text.cues import Clause, Cue, CueHit, View, clauses, find_cues
from osteodx.text.experiencer_words import (
    _ALSO_IN,
    _HISTORY_OF,
    _INFORMANT_AFTER,
    _INTRODUCED,
    _KIN_SEX,
    _NOT_SUBJECT,
    _POSSESSIVE_OPENER,
    _POSSESSIVE_SEX,
    _PRONOUN_SEX,
    _REPORTS,
    _SUBJECT_ANCHOR,
)
from osteodx.text.named_relatives import with_named_relatives
from osteodx.text.narrator import MY, patient_writes, tells_own_body, the_child
from osteodx.text.sentences import (
    LITERATURE_SECTIONS,
    Sentence,
    clean_text,
    find_sections,
    split_sentences,
)

__all__ = ["Assertion", "ContextAnalyser", "ContextMatch", "ParsedSentence", "analyse",
           "context_of"]

_WORDS = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*|[,;]")
#: a semi-quantitative result between a finding and a later "negative"/"normal" (a lab table's
#: reference column): "Urine glucose 3+ Negative", "Ketones ++ (normal: negative)"
_RESULT_BETWEEN = re.compile(r"(?:^|\s)(?:[0-9]\+|\+{1,4}|positive|trace)(?=\s|$|[,;)])")
#: a search for a finding, which a later "there are none" / "found none" answers
_SEARCH = re.compile(r"(?:checks?|checked|looked|looking|screened|tested|to (?:look|check|search"
                     r"|test|screen)) for")


@dataclass(frozen=True, slots=True, kw_only=True)
class Assertion:
    """What the text says about one span. Cue fields hold the cue as written (line-break
    hyphens closed up); a cue in parentheses names a rule, "(discussion section)"."""

    sentence: tuple[int, int]
    section: str
    negated: bool = False
    negation_cue: str | None = None
    uncertain: bool = False
    uncertainty_cue: str | None = None
    historical: bool = False
    historical_cue: str | None = None
    hypothetical: bool = False
    hypothetical_cue: str | None = None
    experiencer: str = "patient"  # "patient", a relative ("mother", "sibling", ...) or "other"
    experiencer_cue: str | None = None

    @property
    def generic(self) -> bool:
        """Alias of ``hypothetical``: not a statement about this patient's state."""
        return self.hypothetical

    @property
    def about_patient(self) -> bool:
        """Said of this patient, as a fact (present or absent), not of a disease or relative."""
        return self.experiencer == "patient" and not self.hypothetical

    @property
    def status(self) -> str:
        """``"excluded"`` when negated, else ``"observed"`` (hedged ones included)."""
        return "excluded" if self.negated else "observed"


@dataclass(frozen=True, slots=True, kw_only=True)
class ContextMatch(Assertion):
    """A concept match with its context."""

    match: ConceptMatch


class ParsedSentence(NamedTuple):
    sentence: Sentence
    view: View
    hits: list[CueHit]
    clauses: list[Clause]
    anchored: bool  # names this patient somewhere


#: the words a "without" negates, then an aside opened after them: " discharge ("
_GLOSS_AFTER = re.compile(r"\s*[a-z][a-z-]*(?:\s[a-z][a-z-]*)?\s*\(\s*")
#: a list's item, then a word right before the cue: "..., red eyes <without>"
_LIST_ITEM_BEFORE = re.compile(r",\s[^,;()]*[a-z]\s$")

#: a relative clause about the subject before it: "who is now 5", ", which began at 3"
_WHO = re.compile(r"[\s,]*(?:who|whom|whose)\b")


class ContextAnalyser:
    """Context queries over one text; sentences are parsed once, on demand."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sections = find_sections(text)
        self.sentences = split_sentences(text, self.sections)
        self._starts = [s.start for s in self.sentences]
        self._parsed: dict[int, ParsedSentence] = {}
        #: in a parent's account, the word naming the patient ("my son ..."): not a relative
        self._child = the_child(text)
        #: the patient's own account: "he" and "she" are other people ("my dad Gary ... and
        #: he's hypothyroid too")
        self._own_account = patient_writes(text) and tells_own_body(text)  # (not a sister's)

    def sentence_index(self, pos: int) -> int | None:
        i = bisect_right(self._starts, pos) - 1
        return i if i >= 0 and pos < self.sentences[i].end else None

    def parse(self, i: int) -> ParsedSentence:
        if i not in self._parsed:
            s = self.sentences[i]
            view = View(self.text, s.start, s.end)
            hits = with_named_relatives(self.text, view, find_cues(view), s.start, s.end)
            if self._on_family_heading_line(s.start) and not any(
                    h.cue.kind == "relation" for h in hits):  # "Family history: hypertension."
                hits.insert(0, CueHit(0, 0, "", Cue("relation", "clause", "family members")))
            anchored = any(h.cue.kind == "anchor" for h in hits)
            self._parsed[i] = ParsedSentence(s, view, hits, clauses(view, hits), anchored)
        return self._parsed[i]

    def _on_family_heading_line(self, pos: int) -> bool:
        """Is ``pos`` on the line of a "Family history:" heading (its body's first line)?"""
        sec = next((x for x in reversed(self.sections) if x.start <= pos), None)
        return sec is not None and sec.name == "family" and "\n" not in self.text[sec.start:pos]

    def original(self, p: ParsedSentence, start: int, end: int) -> str:
        """The original text under a view span."""
        return self.text[p.view.pos[start] : p.view.pos[end - 1] + 1]

    def _cue(self, p: ParsedSentence, h: CueHit) -> str:
        return clean_text(self.original(p, h.start, h.end))

    def assess(self, start: int, end: int) -> Assertion:
        """The context of ``text[start:end]`` (a concept or any other phrase)."""
        i = self.sentence_index(start)
        if i is None:
            section = next((s.name for s in reversed(self.sections) if s.start <= start), "front")
            return Assertion(sentence=(start, end), section=section)
        p = self.parse(i)
        return self.assess_view(p, p.view.at(start), max(p.view.at(end), p.view.at(start) + 1))

    def assess_view(self, p: ParsedSentence, vs: int, ve: int) -> Assertion:
        """The context of view span ``[vs, ve)`` of a parsed sentence."""
        ci = next((k for k, c in enumerate(p.clauses) if c.start <= vs < c.end), 0)
        clause = p.clauses[ci]
        # a cue inside the concept ("Absent radius") says nothing about it
        hits = [h for h in p.hits
                if clause.start <= h.start < clause.end and (h.end <= vs or h.start >= ve)]
        search = [h for h in hits if h.cue.kind == "hypothetical" and h.end <= vs
                  and _SEARCH.fullmatch(h.text)]
        found_none = [h for h in p.hits if h.cue.value == "none found" and h.start >= ve]
        if search and found_none:  # "checked for cataracts ... and there are none": a search
            hits = [h for h in hits if h not in search and h not in found_none] + found_none[:1]
        fields: dict[str, object] = {}
        for kind, flag, cue_field in (("negation", "negated", "negation_cue"),
                                      ("uncertainty", "uncertain", "uncertainty_cue")):
            reach = [h for h in hits if _has(h, kind) and self._reaches(p, h, clause, vs, ve)]
            if reach:
                near = min(reach, key=lambda h: min(abs(h.end - vs), abs(h.start - ve)))
                fields[flag] = True
                fields[cue_field] = self._cue(p, near)
        hist = [h for h in hits if _has(h, "historical")]
        if hist:
            fields.update(historical=True, historical_cue=self._cue(p, hist[0]))
        # "X, the major finding in our case, can be seen in ADO": X is the patient's, ADO not
        anchored_clause = any(h.cue.kind == "anchor" for h in hits)
        hyp = [h for h in hits if h.cue.kind == "hypothetical" and (
            h.cue.value == "conditional" or not anchored_clause or h.start < vs)
            and (h.cue.value != "trigger" or self._reaches(p, h, clause, vs, ve))]
        if not hyp and (cond := opening_condition(p.view.text, p.hits, p.clauses, ci)):
            hyp = [cond]  # "If she has a temperature, | is vomiting or won't feed: ring us"
        if hyp:
            fields.update(hypothetical=True, hypothetical_cue=self._cue(p, hyp[0]))
        elif p.sentence.section in LITERATURE_SECTIONS and not p.anchored:
            fields.update(hypothetical=True, hypothetical_cue=f"({p.sentence.section} section)")
        who, cue = self._experiencer(p, ci, vs, ve)
        if cue is not None:
            fields.update(experiencer=who, experiencer_cue=self._cue(p, cue))
        return Assertion(sentence=(p.sentence.start, p.sentence.end),
                         section=p.sentence.section, **fields)  # type: ignore[arg-type]

    def _reaches(self, p: ParsedSentence, h: CueHit, clause: Clause, vs: int, ve: int) -> bool:
        direction = h.cue.direction
        if direction == "near":  # "normal bony structure" / "skull X-ray normal, spine ..."
            after = _WORDS.search(p.view.text, h.end, clause.end)
            direction = "forward" if after and after.group() not in (",", ";") else "backward"
        if direction == "clause":
            return True
        between = (p.view.text[h.end : vs] if direction == "forward" else p.view.text[ve : h.start])
        if (direction == "forward" and h.end > vs) or (direction == "backward" and ve > h.start):
            return False
        if direction == "backward" and _RESULT_BETWEEN.search(between):
            return False  # "Urine glucose 3+ Negative": the result is 3+, "Negative" its range
        if direction == "backward" and _OWN_ASIDE.search(between):
            return False  # "adrenal insufficiency (renin normal)": the aside's own subject
        if direction == "backward" and _h_negates(h) and _SINGULAR_VERDICT.match(h.text) \
                and "," in between:
            return False  # "Knee pain in the last year, X-ray of the knees was normal": one
            # subject ("X-ray") is normal, not what a comma set apart before it
        if direction == "backward" and _BARE_ASIDE.match(p.view.text, h.end) and \
                p.view.text[max(0, h.start - 4):h.start].rstrip().endswith("(") and \
                not re.fullmatch(r"\s*\(\s*", between):
            return False  # "diarrhoea, investigated for coeliac disease (negative)": the
            # verdict alone in brackets is about the words just before them
        if direction == "forward" and _closes_aside(between):
            return False  # "(not bile-stained, not projectile), sleepy ++": the aside ends
        if direction == "forward" and _h_negates(h) and (
                _NAMED_ASIDE.fullmatch(between) or _REPORTED_ASIDE.search(between)):
            return False  # "speech not clear (dysarthria)": the aside names what is wrong
        if direction == "forward" and _h_negates(h) and re.search(
                r"(?:,|\s[-\u2013\u2014])\s+(?:and\s+)?(?:he|she|they|we|i)(?:\s|'[a-z]{1,2}\s)"
                # "didn't agree with my stomach and I bled from it, black stools"
                r"|\sand\s+(?:then\s+)?(?:he|she|they|we|i)\s",
                between):
            return False  # "he does not walk, he says no words", "he doesn't sleep - he's up
            # at 3": a new subject, a new clause
        if direction == "forward" and _h_negates(h) and re.search(
                r",\s+(?:and\s+)?(?:had|has|have|developed|develops|showed|shows|presented"
                r"|presents|underwent|needed|needs|required|requires)\s"
                # "migraine without aura and has mild asthma": "and" with a verb of its own
                r"|\sand\s+(?:also\s+)?(?:has|had|gets|got|developed|develops|shows|showed"
                r"|suffers|suffered)\s", between):
            return False  # "never sat unsupported, had seizures from 2 months", "no fever,
            # developed a rash": a verb of its own after the comma, a new statement
        if direction == "forward" and _h_negates(h) and re.search(r",\s+and\s", between) \
                and between.count(",") < 2:
            return False  # "pancreatitis without necrosis, and diffuse hepatic steatosis": a
            # comma before "and" after one item closes it (a list has more: "no a, b, and c")
        if direction == "forward" and h.text == "without" and (
                ("," in between and _LIST_ITEM_BEFORE.search(p.view.text, clause.start, h.start))
                or _GLOSS_AFTER.fullmatch(between)):
            return False  # "fevers, red eyes without discharge, joint pains, headaches": it
            # qualifies one item of a list (not ", without fever, rash or arthralgia"); "red
            # eyes without discharge (conjunctivitis)": the aside names the eyes' finding
        if h.cue.limit:
            words = _WORDS.findall(between)
            if h.cue.value == "trigger":  # "triggered by exercise, fever and hot weather"
                # (not "worse after exercise, and easy fatigability": a comma before "and"
                # ends a two-item stretch; only a longer list has one, "a, b, and c")
                closed = re.search(r",\s+(?:and|or)\b", between) and between.count(",") < 2
                return (len([w for w in words if w not in _LIST_JOINS]) < h.cue.limit
                        and ";" not in words and not closed)
            return len(words) < h.cue.limit and not {",", ";", "and", "or"} & set(words)
        return True

    def _experiencer(self, p: ParsedSentence, ci: int, vs: int, ve: int
                     ) -> tuple[str, CueHit | None]:
        first, text = ci, p.view.text
        while first > 0 and (p.clauses[first].subjectless  # "Her son, who is 5, | had X":
                             or _WHO.match(text, p.clauses[first].start)):  # the son's X
            first -= 1
        lo, clause = p.clauses[first].start, p.clauses[ci]
        for h in p.hits:  # "with a family history of sudden death": the relatives'
            if (h.cue.kind == "relation" and lo <= h.start and h.end <= vs
                    and _HISTORY_OF.fullmatch(text, h.start, vs)):
                return h.cue.value, h
        for h in p.hits:  # "the kidney cancer in her mother": the finding names its bearer
            if (h.cue.kind == "relation" and clause.start <= h.start < clause.end
                    and h.start >= ve and _IN_RELATIVE.fullmatch(text, ve, h.start)):
                return h.cue.value, h
        before: list[tuple[CueHit, str]] = []
        for h in p.hits:
            if not lo <= h.start < clause.end or h.end > vs:
                continue
            if h.cue.kind == "relation" and not _NOT_SUBJECT.search(text, 0, h.start):
                if _INFORMANT_AFTER.match(text, h.end):
                    continue  # "her mother noticed blisters": the informant, not the bearer
                if h.cue.value == self._child and MY.search(text, max(0, h.start - 20),
                                                             h.start):
                    before.append((h, "patient"))  # a parent's "my son has ...": the patient
                    continue
                before.append((h, h.cue.value))
            elif (h.cue.kind == "anchor" and _SUBJECT_ANCHOR.match(h.text)
                  and not _NOT_SUBJECT.search(text, 0, h.start)):
                if h.text in ("she's", "he's") and not self._own_account:
                    continue  # (a subject only in the patient's own account, below)
                pronoun = h.text in ("she", "he", "she's", "he's", "herself", "himself")
                if pronoun and self._own_account and _REPORTS.match(text, h.end):
                    continue  # "she said that's diabetes": the doctor tells of the patient
                before.append((h, "other" if pronoun and self._own_account else "patient"))
            elif h.cue.kind == "other":
                before.append((h, "other"))
        if before:
            h, who = before[-1]
            if who == "patient" and (kin := self._pronoun_kin(p, first, h)) is not None:
                return kin.cue.value, kin  # "His father ...; he died at 52 of a heart attack"
            if who == "patient" and (kin := self._kin_before(p, first, h)) is not None:
                return kin.cue.value, kin  # "Orla's father, 38, carries it. He has a large head"
            return who, (h if who != "patient" else None)
        opener = _POSSESSIVE_OPENER.match(text, p.clauses[first].start)
        if first > 0 and opener and (kin := self._kin_before(p, first, None, opener)):
            return kin.cue.value, kin  # "Deirdre's son Oisin carries it; his skull is normal"
        for h in p.hits:
            if (h.cue.kind == "relation" and clause.start <= h.start < clause.end
                    and h.start >= ve and _INTRODUCED.search(text, 0, h.start)
                    and not _ALSO_IN.search(text, ve, h.start)):
                return h.cue.value, h  # "... was seen in her sister" (not "a similar
        return "patient", None  # picture in his sister": the patient's, and the sister's)


    @property
    def patient_sex(self) -> str | None:
        """The patient's sex as the report states or implies it ("MALE", "FEMALE"), or None."""
        if not hasattr(self, "_patient_sex"):
            from osteodx.text.demographics import extract_demographics  # (it reads contexts)
            sex = extract_demographics(self.text).sex
            self._patient_sex = sex if sex in ("MALE", "FEMALE") else None
        return self._patient_sex

    def _kin_before(self, p: ParsedSentence, first: int, h: CueHit | None,
                    opener: re.Match[str] | None = None) -> CueHit | None:
        """A clause opening with a pronoun of the sex the patient is not ("He", "his skull")
        continues the relative of that sex who was the subject just before: of the previous
        clause, or (for a sentence's first clause) of the previous sentence. The patient's
        own sex must be known: "His father has diabetes. He has asthma" stays the boy's."""
        word = (h.text if h is not None else opener.group(1) if opener else "").lower()
        sex = _PRONOUN_SEX.get(word) or _POSSESSIVE_SEX.get(word)
        if sex is None or (h is not None and h.start != p.clauses[first].start):
            return None
        patient = self.patient_sex
        if patient is None or patient.lower() == sex:
            return None
        if first > 0:
            clauses = p.clauses[first - 1::-1]  # the nearest earlier clause first
        else:
            i = self.sentence_index(p.sentence.start)
            if not i:
                return None
            p = self.parse(i - 1)
            clauses = p.clauses[::-1]
        kin = None
        for c in clauses:  # the nearest clause with a subject: a relative, or not
            subject = next((k for k in p.hits if c.start <= k.start < c.end and (
                k.cue.kind == "relation" or (k.cue.kind == "anchor"
                                             and _SUBJECT_ANCHOR.match(k.text)))
                and not _NOT_SUBJECT.search(p.view.text, 0, k.start)), None)
            if subject is not None:
                kin = subject if subject.cue.kind == "relation" else None
                break
        if kin is None or _KIN_SEX.get(kin.cue.value.split()[-1]) != sex:
            return None
        at = h if h is not None else CueHit(opener.start(1), opener.end(1), word, kin.cue)
        return CueHit(at.start, at.end, at.text, Cue("relation", "clause", kin.cue.value))

    @staticmethod
    def _pronoun_kin(p: ParsedSentence, first: int, h: CueHit) -> CueHit | None:
        """A clause whose subject is "he" / "she" continues the relative of that sex who was
        the subject of an earlier clause of the sentence, unless the patient was named in
        between ("The father (48) had the same spots; he was diagnosed with cancer")."""
        sex = _PRONOUN_SEX.get(h.text.lower())
        if sex is None:
            return None
        text, lo = p.view.text, p.clauses[0].start
        if first == 0:  # one clause: "His father's sister has been ... since she was a
            # teenager": "she" is the relative when the possessive says the patient is a he
            other = {"male": "her ", "female": "his "}[sex]
            kin = [k for k in p.hits if k.cue.kind == "relation" and lo <= k.start < h.start]
            if kin and text[max(0, kin[0].start - 4):kin[0].start] == other and \
                    _KIN_SEX.get(kin[-1].cue.value.split()[-1]) == sex:
                return kin[-1]
            return None
        last: CueHit | None = None
        for k in p.hits:
            if not lo <= k.start < p.clauses[first].start:
                continue
            if k.cue.kind == "relation" and not _NOT_SUBJECT.search(text, 0, k.start):
                last = k
            elif k.cue.kind == "anchor" and not _PRONOUN_SEX.get(k.text.lower()) \
                    and not k.text.lower().startswith(("his", "her")):
                last = None  # "the patient" named after the relative
        if last is None or _KIN_SEX.get(last.cue.value.split()[-1]) != sex:
            return None
        return last


#: between a finding and the relative who has it: "cancer in her mother", "that of his father"
_IN_RELATIVE = re.compile(r"\s+(?:in|of|affecting|on)\s+(?:her|his|their|the patient's|the)\s+")
#: an aside opened after the finding whose words come before the cue: "(renin normal",
#: "(antibodies negative" - the cue is about those words ("(not confirmed)" still reaches)
_OWN_ASIDE = re.compile(r"\((?=[^()]*\w)[^()]*$")

#: a verdict on one subject: "was normal", "is negative" (not "were normal", which a list
#: before it may share)
_SINGULAR_VERDICT = re.compile(r"(?:was|is)\s")
#: the rest of a bracket that holds only its cue: "(negative)", "(normal)."
_BARE_ASIDE = re.compile(r"\s*\)")

#: what joins the items of a list of triggers
_LIST_JOINS = frozenset({",", "and", "or"})
#: a negated word of normal function and an aside naming its abnormality: "not clear
#: (dysarthria)", "not normal (scoliosis)"; or a doctor's name for it, "doesn't straighten
#: (they said contracture": the aside is the finding, present
_NAMED_ASIDE = re.compile(r"\s*(?:very |quite |entirely |completely |so |always )?(?:clear|normal"
                          r"|well|good|straight|intact|symmetric(?:al)?|steady|fluent|smooth"
                          r"|coordinated|right|usual|typical)\s*\(\s*")
_REPORTED_ASIDE = re.compile(r"\(\s*(?:they|he|she|we|the\s[a-z]+|doctors?)\s(?:said|say|says"
                             r"|called\s(?:it|this)|call\s(?:it|this)|wrote|diagnosed)\s*$")


def _h_negates(h: CueHit) -> bool:
    return h.cue.kind == "negation" or "negation" in h.cue.also


def _has(h: CueHit, kind: str) -> bool:
    return h.cue.kind == kind or kind in h.cue.also


@lru_cache(maxsize=4)
def context_of(text: str) -> ContextAnalyser:
    """The one :class:`ContextAnalyser` of *text*: the readers of a report (findings, family,
    regions, onsets, ...) share its parsed sentences instead of each parsing them again."""
    return ContextAnalyser(text)


def analyse(text: str, matches: Iterable[ConceptMatch]) -> list[ContextMatch]:
    """The context of every match (in the order given); spans index ``text``."""
    ctx = context_of(text)
    out = []
    for m in matches:
        a = ctx.assess(m.start, m.end)
        out.append(ContextMatch(match=m, **{f: getattr(a, f) for f in _FIELDS}))
    return out


_FIELDS = tuple(f for f in Assertion.__dataclass_fields__)


def _closes_aside(between: str) -> bool:
    """The text from a cue to a finding closes a bracket the cue stood in."""
    depth = 0
    for c in between:
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
            if depth < 0:
                return True
    return False
