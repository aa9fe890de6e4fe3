"""Which relatives a sentence names, one cue per relative (:mod:`osteodx.text.family`).

"her mother's brother" is one (maternal) uncle, "a paternal uncle's son" a paternal cousin,
"grandmother from the father side" one grandmother with her side, "relatives on the maternal
side" that side's family members; a relative the text named earlier stands for that
relative in a possessive: after "Amira's mother, Leila (34), ...", "Leila's sister" is a
maternal aunt.
"""

from __future__ import annotations

import re

from osteodx.text.context import ContextAnalyser, ParsedSentence
from osteodx.text.cues import Cue, CueHit
from osteodx.text.family_words import (
    _AUTHOR_AFTER,
    _AUTHOR_BEFORE,
    _CONSANG,
    _FAMILY_WIDE,
    _IN_FAMILY,
    _RESTATED,
    _SIDE_AFTER,
    _SIDE_BEFORE,
    _SIDE_PREFIX,
    relation_of,
)
from osteodx.text.named_relatives import PEDIGREE_ID, relative_names
from osteodx.text.named_relatives import name_key as _name_key

__all__ = ["relation_hits", "relative_hit", "relative_names", "relatives_relative",
           "without_restated"]

#: "the son of a consanguineous couple", "a daughter of unrelated parents": the patient
_CHILD = frozenset({"son", "daughter", "child", "children"})
_CHILD_OF = re.compile(r"\s+of\s+(?:a|an|the|two|his|her|their|healthy|unrelated|related"
                       r"|consanguineous|non-? ?consanguineous|first[- ]cousins?)\b")

#: a named relative's status said right after the name (view text): "tayla is fine", "leila has
#: it too", "dermot was completely unaffected", "aoife is well, tested"
_NAMED_STATUS = re.compile(r"(?:\s\(\d{1,2}\))?,?\s(?:is|was|has|had|'s)\s(?:also\s|too\s|always\s"
                           r"|been\s)?(?:(?:completely|perfectly|totally|absolutely|entirely)\s)?"
                           r"(?:fine|healthy|well|unaffected|normal|clear|grand|affected|the\ssame"
                           r"|it\stoo|it\sas\swell|it\salso)\b")
#: "the father of a boy named Mateo", "mother of two": the writer introducing themself;
#: "(other) parents of kids with photosensitivity": other families
_PARENT_OF = re.compile(r"\s+of\s+(?:(?:kids|children|babies|boys|girls|teens|teenagers)\s"
                        r"(?:with|who)\b|(?:a|an|one|two|three|four|\d)\s+(?:(?:little|young"
                        r"|baby|beautiful|lovely|wonderful|\d+-year-old)\s+)?(?:boys?|girls?"
                        r"|sons?|daughters?|child(?:ren)?|bab(?:y|ies)|kids?|twins)\b)")
#: before "brother" / "sister": a kinship said of others ("... are brother and sister")
_ARE_SIBLINGS = re.compile(r"\b(?:are|were)\s+(?:(?:half-)?(?:brother|sister)\s+and\s+)?"
                           r"(?:half-)?$")
#: children named in a relative clause of the relative before them: "Leila's sister, who has
#: two healthy sons, ..." (the sons are the sister's, and the clause's finding is not theirs)
_WHO_HAS = re.compile(r",?\s*who\s(?:has|have|had)\s(?:one|two|three|four|five|\d+)\s"
                      r"(?:(?:healthy|affected|unaffected|young|grown-up|adult)\s)?$")
_NOBODY_CUE = re.compile(r"nobody|no ?one|none|anyone|someone|everyone")


def relation_hits(p: ParsedSentence, names: dict[str, str] | None = None) -> list[CueHit]:
    """Relation cues, one per relative: "her mother's brother" is one (maternal) uncle, "paternal
    grandmother" and "grandmother from the father side" one grandmother with her side; plus
    "family history" inside "no family history of" and "(in) the family"; minus the cousins of
    "the parents are first cousins" (a consanguinity statement, not a relative). *names*
    (:func:`relative_names`) places "Leila's sister"."""
    text = p.view.text
    consang = [(m.start(), m.end()) for m in _CONSANG.finditer(text)]
    out: list[CueHit] = []
    for h in p.hits:
        if h.cue.kind == "relation":
            if "named" in h.cue.also and not _NAMED_STATUS.match(text, h.end):
                continue  # "Derek remarried": a first name alone says whose words, not kin
                # news; but "Tayla is fine", "Leila has it too" say how the relative is
            if text[h.start - 1:h.start] in ("\"", "\u201c") and text[h.end:h.end + 1] in (
                    "\"", "\u201d"):
                continue  # "He says only \"mama\" and \"nana\"": a word he says
            if _NOBODY_CUE.match(h.text):
                continue  # "nobody (else) in the family": read by _family_hits / _nobody
            if h.cue.value == "cousin" and any(a <= h.start < b for a, b in consang):
                continue
            if h.cue.value in ("brother", "sister", "sibling") and _ARE_SIBLINGS.search(
                    text, max(0, h.start - 30), h.start):
                continue  # "II-2 and II-4 are brother and sister": how they are related
            if _AUTHOR_BEFORE.search(text, max(0, h.start - 40), h.start) or \
                    _AUTHOR_AFTER.match(text, h.end):
                continue  # the relative who wrote or told the history
            if h.cue.value == "parents" and re.search(r"cousin\s+$", text[:h.start]):
                continue  # "first-cousin parents": their kinship, read by _consanguinity
            if (aside := _RESTATED.match(text, h.end)) and any(
                    o.cue.kind == "relation" and o.start > h.end and (
                        o.start - h.end < 20 or o.start < _aside_end(text, aside))
                    for o in p.hits):
                continue  # "Her brother (his uncle)": the aside says whose relative
            if h.cue.value in ("father", "mother", "parents") and _PARENT_OF.match(text, h.end):
                continue  # "I am ... the father of a boy named Mateo": the writer
            if h.cue.value in _CHILD and _CHILD_OF.match(text, h.end):
                continue  # "in the son of a consanguineous couple" is the patient
            if h.cue.value in _CHILD and out and _WHO_HAS.fullmatch(text, out[-1].end, h.start):
                continue  # "her sister, who has two healthy sons, is deaf": the sister's
                # children, an aside; what the clause says is the sister's
            owner = (_named_owner(text, h, names) or _named_teller(text, h, names)) \
                if names else None
            if owner is not None:  # "Leila's sister", Leila the mother: a maternal aunt
                out.append(_kin(text, owner, h))
                continue
            _add_relative(text, out, h)
        elif h.cue.kind == "negation" and (m := re.search(r"family history", h.text)):
            out.append(_hit(h.start + m.start(), h.start + m.end(), text, "family members"))
    out += _family_hits(p)
    return sorted(_their_children(text, out))


#: a relative's children named by a plain word: "her brother (Dean) had a boy, Kyle, who",
#: "my wife's sister has two boys" (view text)
_HAD_CHILD = re.compile(r"(?:\s+[a-z]+)?\s+(?:had|has|have)\s+(?:a|one|an only|two|three|four"
                        r"|[2-9])\s+(?:(?:little|baby|young|healthy|grown-up|younger|older"
                        r"|elder)\s+)?(?P<kid>boys?|girls?|kids|sons?|daughters?|brothers?"
                        r"|sisters?)\b")
_KID = {"boy": "son", "boys": "son", "girl": "daughter", "girls": "daughter", "kids": "children",
        "sons": "son", "daughters": "daughter", "brothers": "brother", "sisters": "sister"}


def _their_children(text: str, out: list[CueHit]) -> list[CueHit]:
    """A sibling's or an aunt's or uncle's "boy" / "girls" are the patient's nephews, nieces
    or cousins, and what follows is theirs: "My brother Dean had a boy, Kyle, who was exactly
    like this" is an affected cousin (the writer's nephew), not an affected uncle; so is "Imran's
    sister Nazia has a son", and "Sadia's father had a younger brother" is a great-uncle."""
    k = 0
    while k < len(out):
        h = out[k]
        m = _HAD_CHILD.match(text, h.end)
        word = _KID.get(m.group("kid"), m.group("kid")) if m else ""
        said = [o for o in out if m and o.start == m.start("kid")]  # "son": a cue itself
        if m is None or any(o.start < m.end() and o.end > h.end for o in out if o not in said) \
                or relation_of(h.cue.value, word) is None:
            k += 1
            continue
        kid = _hit(m.start("kid"), m.end("kid"), text, word)
        out[k] = _kin(text, h, kid)
        out = [o for o in out if o not in said]
        k += 1
    return out


def _aside_end(text: str, aside: re.Match[str]) -> int:
    """Where a bracketed aside closes ("(Mrs Owen's maternal grandfather)"), else its start."""
    if "(" not in aside.group():
        return aside.start()
    close = text.find(")", aside.end())
    return close if 0 <= close - aside.end() <= 60 else aside.start()


def _hit(start: int, end: int, text: str, relation: str) -> CueHit:
    return CueHit(start, end, text[start:end], Cue("relation", "clause", relation))


def _add_relative(text: str, out: list[CueHit], h: CueHit) -> None:
    """Append relative ``h``, or fold it into the previous one: a possessive ("mum's
    brother") or a side ("from the father side")."""
    whole_side = re.match(r"(maternal|paternal) side", h.text)
    if whole_side:  # "no skeletal dysplasia on the maternal side": that side's relatives
        value = f"{whole_side.group(1)} family members"
        if out and out[-1].cue.value == "family members" and re.fullmatch(
                r" on (?:the|her|his|their) ", text[out[-1].end : h.start]):
            out[-1] = _hit(out[-1].start, h.end, text, value)  # "relatives on the ... side"
        else:
            out.append(_hit(h.start, h.end, text, value))
        return
    side = _SIDE_AFTER.match(text, h.end)
    if side:
        if out and _SIDE_BEFORE.fullmatch(text, out[-1].end, h.start) and " " not in \
                out[-1].cue.value:
            which = "maternal" if h.cue.value == "mother" else "paternal"
            out[-1] = _hit(out[-1].start, side.end(), text, f"{which} {out[-1].cue.value}")
        return  # "on the mother's side" names a side, not the mother
    if out and out[-1].text.endswith("'s") and _AGE_WORDS.fullmatch(text, out[-1].end, h.start):
        out[-1] = _kin(text, out[-1], h)
        return
    if h.cue.value in ("son", "daughter", "child") and out and out[-1].cue.value == "parents" \
            and text.endswith(" their ", 0, h.start):
        return  # "the parents brought their son": the patient
    if h.cue.value in ("son", "daughter", "child", "children", "sibling") and (
            parents_child := _PARENTS_CHILD.search(text, max(0, h.start - 60), h.start)) \
            and (h.cue.value == "sibling" or not parents_child.group().endswith(
                ("their ", "'s ", "' "))):
        # "their first son died", "the parents' eldest daughter", "her parents lost their
        # first child": the patient's sibling (the parents' cue is folded in); an order word
        # is needed, for "the parents brought their son" is the patient
        start = parents_child.start()
        if out and out[-1].cue.value == "parents" and out[-1].start >= start - 40 and (
                parents_child.group("their") is None or _LOST.fullmatch(
                    text, out[-1].end, start)):
            start = out.pop().start
        elif parents_child.group("their") is not None and out and (
                out[-1].cue.value != "parents"):
            out.append(h)  # "her aunt lost their first son": whose "their" is unknown
            return
        out.append(_hit(start, h.end, text, relation_of("parents", h.cue.value) or "sibling"))
        return
    if out and _OF_OWNER.fullmatch(text, out[-1].end, h.start) and h.cue.value in (
            "mother", "father"):
        out[-1] = _kin(text, h, out[-1])  # "the brother of the mother": a maternal uncle
        return
    told = _TOLD_THAT.fullmatch(text, out[-1].end, h.start) if out else None
    if told and _PRONOUN_OF.get(out[-1].cue.value.split()[-1]) == told.group("pron"):
        # "His mother tells me that her brother ...": the teller's brother, a maternal uncle
        out[-1] = _kin(text, out[-1], h)
        return
    if out and h.cue.value in ("son", "daughter", "child") and (had := _HAD_A.fullmatch(
            text, out[-1].end, h.start)) and (_WHO.match(text, h.end) or had.group("n")
                                             or had.group().lstrip().startswith("lost")) \
            and out[-1].cue.value.split()[-1] in ("uncle", "aunt", "brother", "sister"):
        # "Her father's sister had a son who was very short", "II-4 has two daughters": a
        # cousin, not the aunt, nor the patient's daughters
        out[-1] = _kin(text, out[-1], h)
        return
    if out and _owner_by_pronoun(text, out[-1], h):
        # "Her father died at 70 ...; his sister, 84, is well": the father's sister
        out.append(_hit(h.start, h.end, text, _kin(text, out[-1], h).cue.value))
        return
    prefix = _SIDE_PREFIX.search(text, 0, h.start)
    side = {"mat": "maternal", "pat": "paternal"}.get(prefix.group(1), prefix.group(1)) \
        if prefix else ""
    value = f"{side} {h.cue.value}" if prefix and not h.cue.value.startswith(
        ("maternal ", "paternal ")) else h.cue.value
    out.append(_hit(prefix.start() if prefix else h.start, h.end, text, value))


def _owner_by_pronoun(text: str, owner: CueHit, h: CueHit) -> bool:
    """Is *h* the relative of *owner*, named before it with the patient's pronoun: "Her
    father ...; his sister" (his, not hers: the father's), "His mother ...; her brother"?"""
    own = owner.cue.value.split()[-1]
    if own in ("uncle", "aunt") and h.cue.value in ("son", "daughter", "children") and (
            said := _CHILD_PRONOUN.search(text, max(0, h.start - 24), h.start)) is not None:
        # "her paternal uncle Ali is healthy; his son Emre died at 16", "... aunt Fatma (40) and
        # her two daughters are well": the uncle's or aunt's children, cousins
        return said.group(1).lower() == _PRONOUN_OF[own]
    if own not in ("mother", "father"):
        return False
    said = text[max(0, h.start - 4):h.start].lower()
    patient = text[max(0, owner.start - 4):owner.start].lower()
    pron = _PRONOUN_OF[own]
    return said == f"{pron} " and patient in ("her ", "his ") and patient != said


#: the possessive before a relative's children: "his son", "her two daughters"
_CHILD_PRONOUN = re.compile(r"\b(his|her)\s(?:(?:two|three|four|five|\d|only|eldest|youngest|older"
                            r"|younger|little|baby)\s)?$", re.IGNORECASE)


#: "had a son who", "has two daughters": the relative's children (a count needs no "who")
#: between a possessive and its relative: "the father's younger brother"
_AGE_WORDS = re.compile(r" (?:(?:younger|older|elder|eldest|oldest|youngest|big|little|baby"
                        r"|twin|half-|step-?|first|second|third|double)\s?)*")
_HAD_A = re.compile(r"(?:\s*\(?(?:i{1,3}|iv|vi{0,3})[-:]\d{1,2}\)?)?"
                    r"\s+(?:had|has|have|lost)\s+(?:a|an only|one|(?P<n>two|three|four|five"
                    r"|[2-9]))\s+(?:(?:healthy|affected|unaffected|young|grown-up|adult)\s+)?")
_WHO = re.compile(r"(?:,?\s*\(?(?:i{1,3}|iv|vi{0,3})[-:]\d{1,2}\)?,?)?\s+(?:who|that|with)\b"
                  r"|,?\s*\(?(?:i{1,3}|iv|vi{0,3})[-:]\d{1,2}\b")
#: a child of the parents, before its cue (view text): "their first ", "the parents' eldest ",
#: "the couple's "
_PARENTS_CHILD = re.compile(r"(?:(?P<their>\btheir)|\b(?:the )?(?:couple|parents|family)'s?)"
                            r" (?:(?:first|second|third|eldest|oldest|elder|older|youngest"
                            r"|younger|previous|other|late|firstborn|first-born|baby"
                            r"|newborn|twin)\s)*$")
#: "her parents lost their first child", "the parents had their first son in 2019"
_LOST = re.compile(r" (?:lost|had|have|buried|mourned)(?: (?:also|already|previously|sadly))? ")
#: "the brother of the mother", "the sister of his father"
_OF_OWNER = re.compile(r"\s+of\s+(?:the|his|her|their)\s+")
#: a relative telling of their own relative: "His mother tells me that her brother ..."
_TOLD_THAT = re.compile(r"\s+(?:tells?|told|says?|said|reports?|reported|mentions?|mentioned"
                        r"|recalls?|recalled)(?:\s+(?:me|us))?(?:\s+that)?\s+(?P<pron>her|his)\s+")
_PRONOUN_OF = {"mother": "her", "grandmother": "her", "aunt": "her", "sister": "her",
               "father": "his", "grandfather": "his", "uncle": "his", "brother": "his"}


def _kin(text: str, owner: CueHit, h: CueHit) -> CueHit:
    """"her mother's brother" -> maternal uncle; unknown pairs ("her sister's son") are
    "family members" - never the patient's own son or the owner."""
    # "her paternal grandmother's sister": the owner's side is the relative's
    value = relation_of(owner.cue.value, h.cue.value) or "family members"
    return _hit(owner.start, h.end, text, value)


def _family_hits(p: ParsedSentence) -> list[CueHit]:
    """"no similar features in the family": the family as a whole, when its clause denies or
    compares something before it (not "In the family, the father ...", "We discussed the
    results in the family")."""
    out = []
    for m in _IN_FAMILY.finditer(p.view.text):
        clause = next(c for c in p.clauses if c.start <= m.start() < max(c.end, c.start + 1))
        if _FAMILY_WIDE.search(p.view.text, clause.start, m.start()) and not any(
                h.cue.kind == "relation" and h.start <= m.start("fam") < h.end
                and not _NOBODY_CUE.match(h.text) for h in p.hits):
            out.append(_hit(m.start("fam"), m.end(), p.view.text, "family members"))
    return out


relative_hit = _hit

#: a named relative's possessive before a relation: "leila's ", "ii-2's older " (view text)
_OWNER_NAME = re.compile(rf"(?<![\w-])([a-z]{{3,}}|{PEDIGREE_ID.lower()})'s\s(?:(?:only|other|older"
                         r"|younger|elder|eldest|youngest|little|big|twin|half-?)\s?)?"
                         # "Darrell's brother and sister": the owner's, both
                         r"(?:(?:brothers?|sisters?|parents|mother|father|mum|dad|aunt|uncle)"
                         r"\s(?:and|&)\s)?$")


def _named_owner(text: str, h: CueHit, names: dict[str, str]) -> CueHit | None:
    """"Leila's sister" with Leila the mother: the owner as a relative's cue."""
    m = _OWNER_NAME.search(text[max(0, h.start - 40):h.start])
    if m is None or _name_key(m.group(1)) not in names:
        return None
    start = h.start - len(m.group(0))
    return _hit(start, start + len(m.group(1)) + 2, text, names[_name_key(m.group(1))])


#: a named relative telling of their own relative: "Jan says his own father ...", "Elena says
#: her sister's son ..." (view text)
_TELLER = re.compile(r"(?<![\w-])([a-z]{3,})\s+(?:says|said|tells? (?:me|us)|told (?:me|us)"
                     r"|reports?|reported|recalls?|recalled|mentions?|mentioned|thinks|thought)"
                     r"(?:\s+that)?\s+(?:his|her)\s+(?:own\s+|late\s+)?$")


def _named_teller(text: str, h: CueHit, names: dict[str, str]) -> CueHit | None:
    """"Jan says his own father ...", Jan the father: the owner as a relative's cue."""
    m = _TELLER.search(text[max(0, h.start - 50):h.start])
    if m is None or names.get(_name_key(m.group(1)), "parent") == "parent":
        return None  # (a parent not said which: "his" tells the side, read elsewhere)
    start = h.start - len(m.group(0))
    return _hit(start, start + len(m.group(1)), text, names[_name_key(m.group(1))])


#: a sentence that opens with a possessive before its first relative: "Her father died ..."
_OPENING_POSSESSIVE = re.compile(r"\W*(her|his)\s$")
_SEX_OF = {"her": "FEMALE", "his": "MALE"}
_KIN_SEX = {**dict.fromkeys(("mother", "sister", "daughter", "aunt", "grandmother", "niece"),
                            "FEMALE"),
            **dict.fromkeys(("father", "brother", "son", "uncle", "grandfather", "nephew"),
                            "MALE")}


def relatives_relative(ctx: ContextAnalyser, i: int, p: ParsedSentence, rels: list[CueHit]
                        ) -> list[CueHit]:
    """"His mother has had hives all her life. Her father died of kidney failure": in a report
    about a boy, "her father" is the mother's father, a maternal grandfather (the relative the
    sentence before was about, when the possessive's sex is hers and not the patient's)."""
    if not rels or i == 0 or not _OPENING_POSSESSIVE.fullmatch(p.view.text, 0, rels[0].start):
        return rels
    word = _OPENING_POSSESSIVE.fullmatch(p.view.text, 0, rels[0].start).group(1)
    if ctx.patient_sex in (None, _SEX_OF[word]):
        return rels
    before = [h for h in relation_hits(ctx.parse(i - 1), relative_names(ctx.text))
              if h.cue.value.split()[-1] in _KIN_SEX]  # (not "Family history: ...")
    owner = before[0] if before else None
    if owner is None or _KIN_SEX[owner.cue.value.split()[-1]] != _SEX_OF[word]:
        return rels
    at = p.view.text.index(word)
    mark = CueHit(at, at + len(word), word, Cue("relation", "clause", owner.cue.value))
    kin = _kin(p.view.text, mark, rels[0])
    return rels if kin.cue.value == "family members" else [kin, *rels[1:]]


def without_restated(text: str, rels: list[CueHit]) -> list[CueHit]:
    """One hit for a relative named twice: "Dad's brother (Uncle Jim) had ..." (the bracket
    names the relative just named: the first stays), "Her dad, my Grandad Emlyn, had ..."
    (the writer renames the mother's father as their own: the second stays).

    >>> from osteodx.text.family_relatives import relative_hit
    >>> t = "her dad, my grandad emlyn, had bad feet"
    >>> [h.cue.value for h in without_restated(t, [relative_hit(4, 7, t, "father"),
    ...                                           relative_hit(12, 19, t, "grandfather")])]
    ['grandfather']
    """
    return [h for k, h in enumerate(rels)
            if not (k and re.fullmatch(r"\s*\(\s*", text[rels[k - 1].end:h.start]))
            and not (k + 1 < len(rels)
                     and re.fullmatch(r",\s*(?:my|our)\s+", text[h.end:rels[k + 1].start]))]
