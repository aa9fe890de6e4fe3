"""A husband, wife or partner writing about their spouse, the patient.

"I'm writing on behalf of my husband, Tom", "Sarah Yilmaz (wife)": the patient is the
writer's spouse. Then "my husband" names the patient, not a relative, and the couple's
"our son" is the patient's son; the writer's own relatives ("my mother", "my brother") are
no blood relatives of the patient, while the spouse's ("his mother", "my husband's sister")
are the patient's. Such a letter may mention the couple's child ("Our daughter Leyla is 4
and healthy") without being a parent's account of that child.

>>> spouse_narrator("I am writing on behalf of my husband, Tom. He has had headaches.")
'husband'
>>> spouse_narrator("My husband is well. I have had headaches since I was 14.") is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["SPOUSE_SIGNS", "outranks_parent", "spouse_narrator", "spouse_relation", "spouse_sex",
           "spouse_sign"]

_SPOUSE = r"(?P<w{n}>husband|wife|partner)"
#: a first name or surname, accented letters too ("Gráinne")
_NAME = r"(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)"
#: the writer says the letter is about their spouse: "on behalf of my husband", "my wife,
#: Anna Kowalska, has an appointment with you", "Tom has asked me to write"; a signature
#: "Sarah Yilmaz (wife)", "Sarah (his wife)"; "I am his wife"
SPOUSE_SIGNS = re.compile(
    r"\b(?:writing|write|written|contacting\syou)\s(?:to\syou\s)?(?:about|on\sbehalf\sof|for)"
    rf"\smy\s{_SPOUSE.format(n=1)}\b"
    rf"|\bmy\s{_SPOUSE.format(n=2)}(?:,?\s{_NAME}(?:\s{_NAME})?,?)?\s(?:has\san\sappointment"
    r"|is\sdue\sto\ssee|is\sseeing\syou|was\sreferred|has\sbeen\sreferred|is\sbeing\sseen"
    r"|(?:has\s)?asked\sme\sto\s(?:write|email|e-mail|contact))\b"
    rf"|^[^\S\n]*(?:{_NAME}\s){{0,3}}\((?:his\s|her\s)?{_SPOUSE.format(n=3)}\)[^\S\n]*$"
    rf"|\bI(?:'m|\sam)\s(?:his|her|their)\s{_SPOUSE.format(n=4)}\b"
    rf"|\bas\s(?:his|her|their)\s{_SPOUSE.format(n=5)},?\sI\b"
    # "Hi, it's Declan, Gráinne Hegarty's husband"
    rf"|\b(?:it's|this\sis|I\sam|I'm)\s(?:{_NAME},?\s)?(?:{_NAME}\s)?{_NAME}'s\s"
    rf"{_SPOUSE.format(n=6)}\b",
    re.IGNORECASE | re.MULTILINE)
#: the writer's own age, or a note of their own illness: then the letter is theirs
_SELF = re.compile(r"\bI(?:'m|\sam)\s(?:now\s)?\d{1,3}\b|\bI(?:'ve|\shave)\s(?:had|suffered"
                   r"\sfrom|lived\swith)\s(?:this|it)\b|\bsince\sI\swas\b", re.IGNORECASE)
#: "my husband Tom is 45", "my wife's 38": the spouse's age, with nothing of the writer's own
_SPOUSE_AGE = re.compile(rf"\bmy\s{_SPOUSE.format(n=1)}(?:,?\s{_NAME},?)?\s(?:is|'s)\s(?:now\s)?"
                         r"\d{2}\b", re.IGNORECASE)
#: "my late wife, Siân": a widower writing of her (or a widow of herself: the pronouns decide)
_LATE_SPOUSE = re.compile(rf"\bmy\slate\s{_SPOUSE.format(n=1)}\b", re.IGNORECASE)
_HIS_HER = re.compile(r"\b(?:he|his|him|she|her)\b", re.IGNORECASE)
_MY_BODY = re.compile(r"\bmy\s(?:legs?|arms?|hands?|back|eyes?|skin|joints?|head|chest|heart"
                      r"|stomach|muscles?|feet|knees?|hips?)\b|\bI\s(?:have|had|get|got|feel)\b",
                      re.IGNORECASE)


@lru_cache(maxsize=16)
def spouse_sign(text: str) -> re.Match[str] | None:
    """Where the writer first says the patient is their spouse, or None: an explicit sign
    (:data:`SPOUSE_SIGNS`), or the spouse's age in a letter that tells of him or her far
    more than of the writer ("My husband Tom is 45 ... he ... his ...")."""
    if (m := SPOUSE_SIGNS.search(text)) is not None:
        return m
    late = _LATE_SPOUSE.search(text)  # a widower may give his own age: "I am 53"
    m = _SPOUSE_AGE.search(text) or late
    if m is None or (m is not late and _SELF.search(text) is not None):
        return None
    if len(_HIS_HER.findall(text)) >= max(3, 3 * len(_MY_BODY.findall(text))):
        return m
    return None


def outranks_parent(text: str, parent_at: int) -> bool:
    """Does an explicit sign that a spouse writes come before a parent's "our daughter" at
    *parent_at*, or sign the letter ("Sarah Yilmaz (wife)")? The couple's child is then
    named in passing ("Our daughter Leyla is 4 and healthy")."""
    m = SPOUSE_SIGNS.search(text)
    return m is not None and (m.start() < parent_at or m.group("w3") is not None)


def spouse_narrator(text: str) -> str | None:
    """"husband", "wife" or "partner" when *text* is written by the patient's spouse about
    the patient; else None (callers ask first whether a parent or a child writes)."""
    m = spouse_sign(text)
    if m is None:
        return None
    word = next(w for w in m.groups() if w).lower()
    if any(m.group(g) for g in ("w3", "w4", "w5", "w6") if g in m.re.groupindex):
        return _OTHER_SPOUSE[word]  # "Sarah Yilmaz (wife)", "I am his wife": a husband
    return word


#: the writer's own role -> the patient's
_OTHER_SPOUSE = {"wife": "husband", "husband": "wife", "partner": "partner"}


def spouse_sex(text: str) -> tuple[str, re.Match[str]] | None:
    """The patient's sex when a spouse writes and says "my husband" or "my wife" (a
    "partner" says nothing), with the words that say it."""
    spouse = spouse_narrator(text)
    if spouse not in ("husband", "wife"):
        return None
    m = re.search(rf"\bmy\s{spouse}\b", text, re.IGNORECASE) or spouse_sign(text)
    if m is None:
        return None
    return ("MALE" if spouse == "husband" else "FEMALE"), m


#: a relation word right after "my" or "our": the writer's own, or the couple's
_MY = re.compile(r"\b(?P<w>my|our)\s(?:(?:younger|older|little|big|elder|eldest|youngest|late"
                 r"|baby|only)\s)?$", re.IGNORECASE)
#: "my husband's", "my wife's": the patient's own relative follows
_SPOUSES = re.compile(r"\b(?:my|our)\s(?:husband|wife|partner)['\u2019]?s\s$", re.IGNORECASE)
_CHILDREN = {"son", "daughter", "sons", "daughters", "children", "child", "kids", "boy", "girl"}


def spouse_relation(text: str, start: int, relation: str, spouse: str) -> str | None:
    """In a spouse's letter, the patient's relation for *relation* named at ``text[start:]``:
    the spouse's relatives are the patient's, the couple's children too; the writer's own
    relatives, and the spouse word itself (the patient), give None.

    >>> spouse_relation("my husband's mother had it", 15, "mother", "husband")
    'mother'
    >>> spouse_relation("my mother is well", 3, "mother", "husband") is None
    True
    >>> spouse_relation("our son is well", 4, "son", "husband")
    'son'
    """
    if relation in ("husband", "wife", "partner", spouse):
        return None
    if _SPOUSES.search(text, max(0, start - 30), start):
        return relation
    mine = _MY.search(text, max(0, start - 30), start)
    if mine is None:
        return relation
    return relation if relation.split()[-1] in _CHILDREN else None
