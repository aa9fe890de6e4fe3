"""What a case report says about the patient's relatives ("Her mother did not have ...").

For a dominant sclerosing disorder an unaffected parent is evidence (de novo
variant, reduced penetrance, or another diagnosis), and "She has no father, sister
or brother" tells the reader that the family could not be examined - not that the
relatives are unaffected. :func:`find_family_statements` keeps the two apart:
``affected`` is True / False when the text says so and None when it only says a
relative is absent, that a relative is *possibly* affected, or that the parents are
(not) consanguineous. The engine weighs True / False for parents, so only a definite,
first-hand statement about the relative's own health may set them.

Per clause (:mod:`osteodx.text.cues`), relatives named together ("her father and
brother", "his mother and two sisters") form one subject. A possessive names one
relative, not two: "Mum's brother" is an uncle, "her father's sister" an aunt (pairs
we do not name, "her sister's son", are "family members" - never the patient's son);
the side ("maternal uncle", "grandmother from the father side") leads the note
("maternal", "maternal; possibly affected") and keeps the two sides' relatives apart.
"they" opening a clause continues plural relatives named before it in the sentence
("The parents were not tested; they and his two sisters have no similar symptoms"),
and "(no similar features / no one else) in the family" speaks of family members.

A negation right before the relatives with nothing after ("no father, sister or brother")
gives ``affected=None`` with note "no such relative". Otherwise the rest of the clause after
the verb ("did not have ...") is the finding, cut where a gapped relative starts ("her father
is 178 cm and her mother 157 cm"). A relative after the finding ("... was seen in her
sister") works the same way; a test's result in a clause of its own is the test's ("My
brother had an echo and it was normal"). The finding is read in pieces (split at
",", "and", "with", "but"): the relative is affected when one piece is affirmed,
unaffected when every piece is negated or says "healthy", "normal", "well",
"unremarkable", "negative", "developing normally"; a hedge ("possibly had",
"may have been", "is suspected in") turns either into ``affected=None`` with note
"possibly affected" / "possibly unaffected". "has not been assessed / examined /
tested", "to be screened" say no status is known: alone they give ``affected=None``
with note "not assessed"; beside a status word ("asymptomatic, to be screened") they
yield to it ("is asymptomatic and has not yet been tested" is unaffected). A genetic
result ("carries the same variant", "the variant was absent in both parents",
"heterozygous for c.512G>A", "negative for the mutation") says what a relative carries,
not how she is: alone it gives ``affected=None`` with note "genotype only"; beside a
status ("carries the variant but is asymptomatic") it yields to it. "w/" reads as
"with". Verbless history lines read the same ("Father - T2DM.", "Younger sister
15 y/o - asymptomatic"), as do relatives with an inserted age, name or job ("His
father, a carpenter, had ..."); coordinated gerunds share their "well" ("is walking
and running well").

``similar`` is True when the text ties the relative's finding to the patient's
("similar", "same", "also", "likewise", "affected", "the disease"). Any condition
of a relative is ``affected=True`` ("Father - T2DM"): whether it is the patient's
kind of disease is for the caller to judge, from ``similar`` and ``finding_text``.
Not affection statements, so no statement at all:

* measurements of a relative ("is 178 cm", "aged 4", "calcium was 2.40 mmol/L") -
  a number says nothing about disease unless a word ("low", "short") interprets it;
* a relative as informant ("Her mother recalls / reports / noticed / observed /
  describes / brought her because ...") - what follows is the patient's history,
  unless she says it of herself ("noted swelling in herself");
* generic sentences (Discussion), other patients' relatives, and relatives after
  "from", "to", "by", "with", "of" ("born to healthy parents", "investigation of
  her family").

Consanguinity ("non-consanguineous", "first cousins", "no consanguinity") is about the parents'
relationship, not their health: a separate statement ``("parents", None, ...,
note="consanguineous" | "not consanguineous")`` that never counts as affected.

Merging: one statement per relation (and one consanguinity statement). The
strongest status wins: affected > unaffected > possibly affected/unaffected >
unknown (no such relative). Affected beats unaffected even within one sentence
because a negated or normal finding usually covers that finding only ("her mother
had short stature but normal calcium"), while an affirmed one shows the relative
carries a feature; and "sister" pools all sisters, one affected sister is what
matters. The winner keeps its own span; findings of the same status are joined
with "; " (``similar`` when any of them is). "Not assessed" ranks with unknown.

:func:`relative_sentences` gives the spans of clauses whose subject is a relative
("Her mother's calcium was 2.40 mmol/L") so that callers can keep a relative's
values out of the patient's record.
"""

from __future__ import annotations

import re

from osteodx.text.context import ContextAnalyser, ParsedSentence, context_of
from osteodx.text.cues import Clause, CueHit
from osteodx.text.family_agree import agreeing
from osteodx.text.family_findings import _finding, _Found, _strip_lead, test_then_result
from osteodx.text.family_parents import both_well, parents_well_in_own_words
from osteodx.text.family_relatives import relation_hits, relative_names, relatives_relative
from osteodx.text.family_relatives import relative_hit as _hit
from osteodx.text.family_relatives import without_restated as _without_restated
from osteodx.text.family_statement import CONSANG_NOTES as _CONSANG_NOTES
from osteodx.text.family_statement import FamilyStatement
from osteodx.text.family_status import test_result
from osteodx.text.family_subjects import clause_subject as _subject
from osteodx.text.family_words import (
    _ARE_KIN,
    _BORN_TO,
    _CO_INFORMANT,
    _CONSANG,
    _CONTACT_FIELD,
    _COUNSELLING,
    _GAPPED,
    _GENDER,
    _IDENTITY_ONLY,
    _IN,
    _INFORMANT,
    _LINK,
    _MODE_ONLY,
    _NAME_AGE,
    _NOBODY,
    _NOT_SUBJECT,
    _OF_KIN,
    _OWN,
    _PATIENT_VERB,
    _PLACE_OF,
    _PLACE_PREP,
    _PLURAL,
    _QUESTION,
    _SIDES,
    _THEY,
    _TOLD_OWN,
    _VERB_FIRST,
)
from osteodx.text.named_relatives import blank_names
from osteodx.text.narrator import parent_narrator
from osteodx.text.sentences import clean_text
from osteodx.text.writer_view import from_writer

__all__ = ["FamilyStatement", "find_family_statements"]


#: in a consanguinity sentence, a "finding" that only names the kinship is no finding
_KINSHIP_ONLY = re.compile(r"(?:are |were )?(?:(?:first|second|third|double|distant)[- ])?"
                           r"(?:cousins|brothers|sisters|siblings|related)\b")


_Span = tuple[int, int, str]


def _groups(p: ParsedSentence, rels: list[CueHit], lo: int, hi: int,
            names: frozenset[str] = frozenset()) -> list[list[CueHit]]:
    """Relatives in ``[lo, hi)`` named together ("father, sister or brother"; "his mother,
    Zanele, and his sister": *names* are the relatives' first names, lower-cased)."""
    groups: list[list[CueHit]] = []
    for h in rels:
        if not lo <= h.start < hi:
            continue
        gap = p.view.text[groups[-1][-1].end : h.start] if groups else ""
        if names and groups:
            gap = blank_names(gap, names)
        if groups and _LINK.fullmatch(gap):
            groups[-1].append(h)
        else:
            groups.append([h])
    return groups


def _gap_end(p: ParsedSentence, group: list[CueHit], nxt: list[CueHit] | None, end: int) -> int:
    """Where the group's finding ends: before a gapped next relative ("... and her mother")."""
    if nxt is None:
        return end
    gap = _GAPPED.search(p.view.text, group[-1].end, nxt[0].start)
    return gap.start() if gap else end


# -- statements per sentence --------------------------------------------------------------


def _statement(h: CueHit, found: _Found, span: _Span) -> FamilyStatement:
    """The side of a "maternal uncle" leads the note: "maternal; possibly affected"."""
    side, _, relation = h.cue.value.rpartition(" ")
    if side not in _SIDES:
        side, relation = "", h.cue.value
    note = "; ".join(x for x in (side, found.note) if x)
    return FamilyStatement(relation, found.affected, found.text, *span, note, found.similar)


def _statements(found: _Found | None, group: list[CueHit], span: _Span) -> list[FamilyStatement]:
    if found is None:
        return []
    return [_statement(h, found, span) for h in group]


def _continues(p: ParsedSentence, clause: Clause, rels: list[CueHit]) -> bool:
    """A clause with no subject of its own ("... and had scoliosis", "but normal calcium")."""
    if clause.subjectless:
        return True
    return _subject(p, rels, clause) is None and not any(
        clause.start <= h.start < clause.end for h in rels)


def _skipped(ctx: ContextAnalyser, p: ParsedSentence, clause: Clause, group: list[CueHit]) -> bool:
    """The disease in general, other patients' relatives, or a relative telling the history."""
    if ctx.assess_view(p, group[0].start, group[-1].end).hypothetical:
        return True
    if _QUESTION.match(p.view.text) and p.view.text.rstrip().endswith("?"):
        return True  # "Should her little brother (he's 2 months) be checked?": a question
    if any(h.cue.kind == "other" and clause.start <= h.start < clause.end for h in p.hits):
        return True
    if _CONTACT_FIELD.search(p.view.text, 0, group[0].start):
        return True  # "NOK: Mother (present)": who came, not who is ill
    if _COUNSELLING.search(p.view.text, clause.start, group[0].start):
        return True  # "a 50% recurrence risk for daughters and the outcome in sons": anyone's
    if _PLACE_OF.match(p.view.text, group[-1].start) and _PLACE_PREP.search(
            p.view.text[clause.start : group[0].start]):  # "he works in his uncle's bakery"
        return True
    return _informant(p, clause, group) is not None


def _informant(p: ParsedSentence, clause: Clause, group: list[CueHit]) -> re.Match[str] | None:
    """"Mother noted slurred speech": the patient's history - unless she noted it "in
    herself"."""
    co = _CO_INFORMANT.match(p.view.text, group[-1].end, clause.end)  # "and teachers"
    m = _INFORMANT.match(p.view.text, co.end() if co else group[-1].end, clause.end)
    if m and _OWN.search(p.view.text, m.end(), clause.end):
        return None
    if m and re.search(r"\b(?:told|informed)$", m.group()) and _TOLD_OWN.match(
            p.view.text, m.end(), clause.end):
        return None  # "his mother has been told she has blood in her urine": hers
    return m


def _no_such_relative(p: ParsedSentence, clause: Clause, group: list[CueHit]) -> bool:
    """"She has no father, sister or brother": the relatives are absent, nothing else said."""
    first, last = group[0], group[-1]
    negs = [h for h in p.hits if h.cue.kind == "negation" and h.end <= first.start
            and clause.start <= h.start]
    return bool(negs) and bool(_LINK.fullmatch(p.view.text, negs[-1].end, first.start)) \
        and not re.search(r"\w", p.view.text[last.end : clause.end])


def _group_statements(ctx: ContextAnalyser, p: ParsedSentence, ci: int, rels: list[CueHit],
                      group: list[CueHit], nxt: list[CueHit] | None, span: _Span
                      ) -> list[FamilyStatement]:
    """What one clause (and the subjectless clauses after it) says of one group."""
    clause, text = p.clauses[ci], p.view.text
    if _skipped(ctx, p, clause, group) or _MODE_ONLY.fullmatch(text, clause.start, clause.end):
        return []  # (nor "Family history: X-linked inheritance.": a mode, read elsewhere)
    if (all(h.cue.value == "family members" for h in group)
            and text.startswith(":", clause.end)):
        # a heading: "Family history (pedigree drawn): - Mother ...", "FHx: negative"
        after = p.clauses[ci + 1] if ci + 1 < len(p.clauses) else None
        if after is None or any(after.start <= h.start < after.end for h in rels) \
                or _MODE_ONLY.fullmatch(text, after.start, after.end):
            return []
        return _statements(_finding(ctx, p, after.start, after.end), group, span)
    if any(m.start() <= group[0].start and group[-1].end <= m.end() and (
            all(h.cue.value == "family members" for h in group)
            or not re.search(r"\w", text[m.end():clause.end]))
           for m in _CONSANG.finditer(text, clause.start, clause.end)):
        return []  # "the parents are not relatives", "me and her dad aren't related": kinship
        # only (not "Parents are unrelated and both well")
    if any((w := _WE_PARENTS.search(text, clause.start, m.start())) is not None
           and w.start() <= group[0].start and w.end() == m.start()
           for m in _CONSANG.finditer(text, clause.start, clause.end)):
        return []  # "Her dad and I are first cousins": the parents' kinship
    if len(group) > 1 and (kin := _ARE_KIN.match(text, group[-1].end)) is not None \
            and {h.cue.value for h in group} != {"father", "mother"}:
        if len({h.cue.value.split()[0] for h in group} & {"paternal", "maternal"}) < 2:
            return []  # "her uncle and aunt are brother and sister": kinship only
        # "the paternal grandmother and the maternal grandfather are brother and sister"
        return [FamilyStatement("parents", None, ctx.original(p, group[0].start, kin.end()),
                                *span, "consanguineous")]
    if [h.cue.value for h in group] == ["parents"] and re.search(
            r"consanguineous\s+$", text[max(0, group[0].start - 20):group[0].start]) \
            and re.match(r"\s+and\b", text[group[0].end:]):
        return []  # "with consanguineous parents and an affected cousin": kinship, then another
    if _no_such_relative(p, clause, group):
        return _statements(_Found("", None, "no such relative"), group, span)
    before = _IN.search(text, clause.start, group[0].start)
    if before and _NOBODY.fullmatch(text, clause.start, before.start()):
        return _statements(_nobody(ctx, p, group[-1].end, clause.end), group, span)
    if before and re.search(r"\w", text[clause.start : before.start()]):
        # "similar changes were seen in her sister" (not "In her mother, X is suspected")
        return _statements(_finding(ctx, p, clause.start, before.start()), group, span)
    if _NOT_SUBJECT.search(text, 0, group[0].start) or _BORN_TO.search(text, 0, group[0].start):
        return []  # "born to healthy parents", "investigation of her family"
    if _OF_KIN.search(text, 0, group[0].start) and _PATIENT_VERB.match(text, group[-1].end):
        return []  # "the second child of healthy, non-consanguineous parents, was seen for"
    end = _gap_end(p, group, nxt, clause.end)
    own = _INFORMANT.match(text, group[-1].end, end)  # not skipped: "noted X in herself"
    lo = own.end() if own else group[-1].end
    k = ci
    if end == clause.end:
        k = _joined(p, rels, ci, lo)
        end = p.clauses[k].end
    found = _finding(ctx, p, lo, end, raw_start=clause.start)
    last = k  # the clause the finding ends in
    named = ctx.original(p, lo, end).strip(" ,") if found is not None else ""
    if found is not None and (_IDENTITY_ONLY.fullmatch(named) or (  # "Lea (17): well"
            _IDENTITY_ONLY.fullmatch(re.sub(r"^[\s,;.)]+|[\s,;.]+$", "", named))
            and named.lstrip(" ,;.").startswith(")")) or (
            text.startswith(":", end) and _NAME_AGE.fullmatch(named))):
        found = None  # "Her big brother Oskar, who is seven, is healthy": a name
    if found is None and end == p.clauses[k].end and k + 1 < len(p.clauses):
        who = p.clauses[k + 1]  # "Her father, who has dense bones, ..."
        if text.startswith("who ", who.start):
            comma = text.find(",", who.start, who.end)
            while comma >= 0 and text.count('"', who.start, comma) % 2:  # a comma in a quote:
                comma = text.find(",", comma + 1, who.end)  # who "never grew, had a bird face"
            found = _finding(ctx, p, who.start + 4, who.end if comma < 0 else comma)
            after = p.clauses[k + 2] if k + 2 < len(p.clauses) else None
            if found is None and after is not None and _VERB_FIRST.match(text, after.start):
                k += 1  # "..., who is seven, | is completely healthy"
                found = _finding(ctx, p, after.start, after.end)
                last = k + 1
    if last + 1 < len(p.clauses) and (r := test_result(p, p.clauses[last + 1])) is not None:
        found, result = test_then_result(ctx, p, found, r)  # "| and it was normal"
        return _statements(found, group, span) + _statements(result, group, span)
    out = _statements(found, group, span)  # none for "is 48": the clauses after may say more
    if found is None and not (k + 1 < len(p.clauses) and p.clauses[k + 1].subjectless):
        return []
    k += 1
    while k < len(p.clauses) and _continues(p, p.clauses[k], rels):  # "... and had scoliosis"
        more, k = p.clauses[k], _joined(p, rels, k, p.clauses[k].start) + 1
        out += _statements(_finding(ctx, p, more.start, p.clauses[k - 1].end), group, span)
    return out


def _joined(p: ParsedSentence, rels: list[CueHit], ci: int, lo: int) -> int:
    """The last clause of a finding from ``lo`` in clause ``ci``: a clause left with only
    verbs ("has not | yet been tested") runs on into the subjectless clause after it."""
    text, k = p.view.text, ci
    while (k + 1 < len(p.clauses) and not re.search(r"\w", text[_strip_lead(
            text, lo, p.clauses[k].end) : p.clauses[k].end]) and not text.startswith(
            "who ", p.clauses[k + 1].start) and _continues(p, p.clauses[k + 1], rels)):
        k += 1
    return k


def _nobody(ctx: ContextAnalyser, p: ParsedSentence, start: int, end: int) -> _Found | None:
    """"No one else in the family is affected / has fractures": the family is unaffected."""
    found = _finding(ctx, p, start, end)
    if found is None or found.affected is None:
        return found
    return found._replace(affected=False)


#: a parent writing of both parents: "Me and her dad are", "Her dad and I are", "We are"
_WE_PARENTS = re.compile(r"(?:\b(?:me|i) and (?:her|his|their) (?:dad|father|mum|mom|mother)"
                         r"|\b(?:her|his|their) (?:dad|father|mum|mom|mother) and (?:me|i)"
                         r"|\bwe) (?:are|were) $")
#: the writer and a spouse: "My wife Anna and I are" (the parents, in a parent's account)
_SPOUSE_AND_I = re.compile(r"(?:\b(?:my|our) (?:wife|husband|partner)(?: [a-z]+)? and (?:me|i)"
                           r"|\b(?:me|i) and my (?:wife|husband|partner)(?: [a-z]+)?)"
                           r" (?:are|were) $")
#: a parent and one other named person: "Dermot and I are" (in a parent's account, the other
#: parent)
_NAME_AND_I = re.compile(r"(?:^|[.;:!?]\s*|\b(?:family|history)\W+)(?-i:[A-Z][a-z]{2,})"
                         r" and (?:I|me) (?:are|were) $")


#: the parents named before "are first cousins": "parents", "couple", "Mum and Dad"
_THE_PARENTS = re.compile(r"\b(?:parents?|couple|(?:mum|mom|mother|dad|father) and (?:mum|mom"
                          r"|mother|dad|father))\b")


def _both_parents(text: str) -> bool:
    """"father II-2, Mr. K. ..., and mother II-3, ... are first cousins": both parents named."""
    return all(re.search(rf"\b(?:{w})\b(?!'s)", text) for w in ("father|dad", "mother|mum|mom"))


def _named_parents(text: str, before: str) -> bool:
    """"Imran and Sadia are first cousins", the two named earlier as father and mother (or as
    "her parents, Lisa and Dan"), or a parent's "me and Emre are second cousins"."""
    names = relative_names(text)
    m = re.search(r"\b([a-z]{3,}) and ([a-z]{3,}) (?:are|were)\b", before)
    if m is not None and {names.get(m.group(1)), names.get(m.group(2))} in (
            {"father", "mother"}, {"parent"}):
        return True
    # a parent writing: "me and Emre are second cousins", Emre her husband
    m = re.search(r"\b(?:me|i) and ([a-z]{3,}) (?:are|were)\b|\b([a-z]{3,}) and (?:me|i) (?:are"
                  r"|were)\b", before)
    return m is not None and names.get(m.group(1) or m.group(2)) in (
        "father", "mother", "parent") and parent_narrator(text)


def _consanguinity(ctx: ContextAnalyser, p: ParsedSentence, span: _Span) -> list[FamilyStatement]:
    """"The parents are non-consanguineous" / "first cousins": the parents' relationship."""
    out = []
    for m in _CONSANG.finditer(p.view.text):
        a = ctx.assess_view(p, m.start(), m.end())
        if a.hypothetical or a.experiencer == "other":
            continue
        if m.group("pos") and "cousin" in m.group() and not _THE_PARENTS.search(
                p.view.text[: m.end()]) and not _both_parents(p.view.text[: m.start()]) \
                and not _WE_PARENTS.search(p.view.text[: m.start()]) \
                and not (_SPOUSE_AND_I.search(p.view.text[: m.start()])
                         and parent_narrator(ctx.text)) \
                and not (_NAME_AND_I.search(ctx.original(p, 0, m.start()))
                         and parent_narrator(ctx.text)) \
                and not _named_parents(ctx.text, p.view.text[: m.start()]):
            continue  # "her cousins were affected" is about cousins (not "me and her dad are
            # first cousins": a parent writing of the parents)
        negated = bool(m.group("neg")) or a.negated
        note = "not consanguineous" if negated else "consanguineous"
        if a.uncertain and not negated:
            note = "possibly consanguineous"
        finding = clean_text(ctx.original(p, m.start(), m.end()))
        out.append(FamilyStatement("parents", None, finding, *span, note))
    return out


def _sentence_statements(ctx: ContextAnalyser, i: int) -> list[FamilyStatement]:
    p = ctx.parse(i)
    if p.sentence.text.rstrip(" \"'\u201d").endswith("?"):
        return []  # a form's or a letter's question: "Any other relatives affected?"
    span = (p.sentence.start, p.sentence.end, p.sentence.text)
    consanguinity = _consanguinity(ctx, p, span)
    out: list[FamilyStatement] = []
    rels = relation_hits(p, named := relative_names(ctx.text))
    names = frozenset(named)
    rels = _without_restated(p.view.text, rels)  # "Dad's brother (Uncle Jim)"
    rels = from_writer(ctx.text, p.view.text, rels, names)  # a parent's "my brother": uncle
    rels = relatives_relative(ctx, i, p, rels)
    for ci, clause in enumerate(p.clauses):
        rels = _they(p, rels, clause)
        groups = _groups(p, rels, clause.start, clause.end, names)
        for k, group in enumerate(groups):
            nxt = groups[k + 1] if k + 1 < len(groups) else None
            out += _group_statements(ctx, p, ci, rels, group, nxt, span)
    out += agreeing(p.view.text, rels, out, span)  # "My dad is fine, and so is my brother"
    if consanguinity:  # "The parents are first cousins (the fathers of both are brothers)"
        out = [s for s in out if not (m := _KINSHIP_ONLY.match(s.finding_text)) or (
            s.affected is False and re.match(r"\s*(?:,|and\b|but\b)", s.finding_text[m.end():]))]
    return consanguinity + out


def _they(p: ParsedSentence, rels: list[CueHit], clause: Clause) -> list[CueHit]:
    """"The parents were not tested; they and his two sisters have no similar symptoms":
    a clause opening with "they" speaks of the plural relatives named last before it."""
    m = _THEY.match(p.view.text, clause.start, clause.end)
    earlier = [h for h in rels if h.end <= clause.start]
    if not m or not earlier:
        return rels
    word, last = m.group(1), earlier[-1]
    kin = last.cue.value.split()[-1]
    if word == "they" and not _PLURAL.search(last.text):
        return rels
    # "Her big brother Jack is 7 and he is completely fine": he, the brother just named
    if word != "they" and _GENDER.get(kin) != word:
        return rels
    return sorted([*rels, _hit(m.start(1), m.end(1), p.view.text, last.cue.value)])


# -- merging ------------------------------------------------------------------------------

def _rank(s: FamilyStatement) -> int:
    """affected > unaffected > possibly (un)affected > unknown; consanguinity likewise."""
    if s.note in _CONSANG_NOTES:
        return {"consanguineous": 3, "not consanguineous": 2}.get(s.note, 1)
    if s.affected is not None:
        return 3 if s.affected else 2
    return 1 if "possibly" in s.note else 0


def _merge(statements: list[FamilyStatement]) -> list[FamilyStatement]:
    """One statement per relation (and one for consanguinity); see the module docstring."""
    by_key: dict[tuple[str, str, bool], list[FamilyStatement]] = {}
    sided = {(s.relation, s.start, s.end, s.affected) for s in statements
             if s.note.startswith(_SIDES)}
    for s in statements:
        if not s.note and (s.relation, s.start, s.end, s.affected) in sided:
            continue  # "Mum's sister, Auntie Jean": one maternal aunt, named twice
        side = s.note.split(";")[0] if s.note.startswith(_SIDES) else ""
        by_key.setdefault((s.relation, side, s.note in _CONSANG_NOTES), []).append(s)
    out = []
    for group in by_key.values():
        best = max(group, key=_rank)  # first of the highest rank (max keeps the first)
        same = [s for s in group if (s.affected, s.note) == (best.affected, best.note)]
        findings = list(dict.fromkeys(s.finding_text for s in same if s.finding_text))
        out.append(best._replace(finding_text="; ".join(findings),
                                 similar=any(s.similar for s in same)))
    return sorted(out, key=lambda s: s.start)


def find_family_statements(text: str, ctx: ContextAnalyser | None = None
                           ) -> list[FamilyStatement]:
    """Statements about relatives, one per relation, in text order.

    >>> [(s.relation, s.affected, s.finding_text) for s in find_family_statements(
    ...     "Her mother did not have sclerosis. She has no sister.")]
    [('mother', False, 'sclerosis'), ('sister', None, '')]
    """
    ctx = ctx or context_of(text)
    out: list[FamilyStatement] = []
    before: list[FamilyStatement] = []
    for i in range(len(ctx.sentences)):
        found = _sentence_statements(ctx, i)
        found += both_well(ctx.sentences[i], found, before)
        found += parents_well_in_own_words(ctx.text, ctx.sentences[i], found)
        out += found
        before = found
    return _merge(out)
