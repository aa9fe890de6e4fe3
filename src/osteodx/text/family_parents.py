"""The parents' health said after their kinship, or by a parent writing of both parents.

"The parents are first cousins; both are well" and "Parents unrelated. Both are healthy." make
both parents unaffected, as does a parent's "Me and Jo are both healthy" in a letter or message
the parent writes (the other parent named by first name).
"""

from __future__ import annotations

import re

from osteodx.text.family_statement import CONSANG_NOTES, FamilyStatement
from osteodx.text.narrator import parent_narrator
from osteodx.text.sentences import Sentence

__all__ = ["both_well", "parents_well_in_own_words"]


#: "Both are well." after the sentence naming the parents; "... first cousins and both are well"
_BOTH_WELL = re.compile(r"(?:(?:^\s*|\band\s+|;\s*)(?:both|they)(?: of them)?\s+"
                        r"(?:are|were|remain|have been)(?:\s+both)?"
                        # "... are not related and are both well"
                        r"|\band\s+(?:are|were)\s+both)\s+"
                        r"(?:well|healthy|unaffected|fine)\b", re.IGNORECASE)


def both_well(sentence: Sentence, found: list[FamilyStatement],
               before: list[FamilyStatement]) -> list[FamilyStatement]:
    """The parents of a consanguinity statement are well when "both are well" follows it, in
    its sentence or as the next one; a plain statement of their health is read as usual."""
    m = _BOTH_WELL.search(sentence.text)
    if m is None:
        return []
    if any(s.relation == "parents" and s.note not in CONSANG_NOTES for s in found):
        return []  # "His parents are well": already read
    pool = found if m.group().lower().startswith(("and", ";")) else before
    if not any(s.relation == "parents" and s.note in CONSANG_NOTES for s in pool):
        return []
    return [FamilyStatement("parents", False, "well", sentence.start, sentence.end,
                            sentence.text)]


#: the writer and the other parent: "Jo and I", "me and her dad", "My husband Cathal (33) and
#: I (30)", "Me (34) and my wife Nadia (31)", "we"
_THE_TWO_OF_US = (r"\b(?:(?:me|i) and (?-i:[A-Z][a-z]+)|(?-i:[A-Z][a-z]+) and (?:me|i)"
                  r"|(?:me|i) and (?:her|his|their) (?:dad|father|mum|mom|mother)"
                  r"|(?:her|his|their) (?:dad|father|mum|mom|mother) and (?:me|i)"
                  r"|my (?:husband|wife|partner)(?: (?-i:[A-Z][a-z]+))?(?: \(\d{1,2}\))? and "
                  r"(?:me|i)(?: \(\d{1,2}\))?|we"
                  r"|(?:me|i)(?: \(\d{1,2}\))? and my (?:husband|wife|partner)"
                  r"(?: (?-i:[A-Z][a-z]+))?(?: \(\d{1,2}\))?)"
                  # "Lars and I (both 33)"
                  r"(?: \((?:both )?\d{1,2}(?: and \d{1,2})?\))?")
#: a parent writing of both parents: "Me and Jo are both healthy", "Jo and I are fine", "Lars
#: and I (both 33) are not related and are healthy"
_WE_WELL = re.compile(_THE_TWO_OF_US
                      + r" (?:(?:are|were) (?:not related,? and (?:are )?)?|(?:aren't|are not"
                      r"|weren't|were not) related,? (?:and (?:are )?)?)(?:both )?"
                      r"(?:healthy|well|fine|unaffected)\b"
                      r"|\bwe're both (?:healthy|well|fine)\b", re.IGNORECASE)
#: ... said well after what they carry: "Gary and I both carry it without any symptoms",
#: "my husband and I each carry one copy of the faulty gene and are perfectly healthy",
#: "My wife Ngozi and I are of normal height"; "Neither of us has any symptoms" (not "we":
#: too many of a letter's sentences open with it)
_CARRY_WELL = re.compile(
    r"(?!\bwe\b)" + _THE_TWO_OF_US
    + r"(?:(?!\b(?:not|never|no|isn't|aren't|wasn't|weren't|but)\b)[^.;!?]){0,80}?"
    r"(?:\b(?:are|were|both|each|and)\s(?:(?:both|perfectly|totally|completely|entirely"
    r"|quite)\s)?(?:healthy|well|fine|unaffected|of\snormal\s(?:height|size|build|stature))"
    r"|\bwithout\s(?:any\s)?(?:symptoms|problems|signs))\b"
    r"|\bneither\sof\sus\s(?:has|have|had)\s(?:any\s)?(?:symptoms|problems|signs)\b",
    re.IGNORECASE)


def parents_well_in_own_words(text: str, sentence: Sentence,
                              found: list[FamilyStatement]) -> list[FamilyStatement]:
    """Both parents unaffected when a parent writing about the child says "Me and Jo are both
    healthy" (and the sentence says nothing else of the parents)."""
    said = {s.relation for s in found if s.note not in CONSANG_NOTES}
    if "parents" in said or {"mother", "father"} <= said:
        return []  # (one parent read - "My husband Cathal and I are both well" - is not both)
    if not parent_narrator(text):
        return []
    if (m := _WE_WELL.search(sentence.text) or _CARRY_WELL.search(sentence.text)) is not None:
        return [FamilyStatement("parents", False, m.group(), sentence.start, sentence.end,
                                sentence.text)]
    if (m := _SPOUSE_WELL.search(sentence.text)) is not None and not said & {"mother", "father"}:
        parent = "father" if m.group(1).lower() == "husband" else "mother"
        return [FamilyStatement(parent, False, m.group(), sentence.start, sentence.end,
                                sentence.text)]
    return []


#: a parent writing of the other parent: "My wife Lucy (36) was examined and her eyes are
#: normal", "My husband is healthy"
_SPOUSE_WELL = re.compile(r"\bmy (husband|wife)(?:,? (?-i:[A-Z][a-z]+),?)?(?: \(\d{1,2}\))? "
                          r"(?:is|was|has been) (?:(?:examined|checked|tested|seen)"
                          r"(?: [a-z ]{0,20}?)? and (?:his|her) [a-z]+ (?:is|are|was|were) )?"
                          r"(?:completely |totally |perfectly )?(?:healthy|well|fine|normal"
                          r"|unaffected)\b", re.IGNORECASE)
