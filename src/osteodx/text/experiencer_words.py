"""The words that say whose a finding is: a relative as subject or informant, a pronoun's sex,
a doctor's words reported in the patient's own account (read by :mod:`osteodx.text.context`)."""

from __future__ import annotations

import re

__all__ = [
    "_REPORTS",
    "_PRONOUN_SEX",
    "_POSSESSIVE_SEX",
    "_POSSESSIVE_OPENER",
    "_KIN_SEX",
    "_NOT_SUBJECT",
    "_INTRODUCED",
    "_HISTORY_OF",
    "_ALSO_IN",
    "_INFORMANT_AFTER",
    "_SUBJECT_ANCHOR",
]

_NOT_SUBJECT = re.compile(r"(?:from|to|by|with|of|for|than|like)(?: (?:her|his|their|the|a|an"
                          # "paler than his parents and sister": each relative of the list
                          r"|its|both))? (?:[a-z]+(?:,| and| or) )*$")
_INTRODUCED = re.compile(r"(?:in|of|among|for)(?: (?:her|his|their|the|both|all|the patient's"
                         r"|the proband's|a|an))? $")
#: "family history of (early) ...": what follows is the relatives' condition
_HISTORY_OF = re.compile(r"(?:family\s(?:history|hx)|fhx)\s+of\s+(?:[\w-]+\s+){0,3}",
                         re.IGNORECASE)
#: a relative said to share the patient's findings: "..., a similar picture in his sister"
_ALSO_IN = re.compile(r"\b(?:similar|same|also|too|likewise|as in|like)\b")
#: a relative who tells what they saw: "mum noticed ...", "her mother first noticed ..."
_INFORMANT_AFTER = re.compile(
    # "the parents never saw red urine": the patient's, as they saw it (not "saw a doctor")
    r"\s(?:(?:have |has )?never (?:saw|seen)\b|witnessed\b|"
    r"(?:(?:also|first|then|had|has|have|later|initially|never)\s)?(?:noticed|notices?"
    r"|reported|reports?|says|say|said|describes?|described|recalls?|recalled|observed|observes?"
    r"|remembers?|remembered|brought (?:her|him) (?:in|to))\b)")  # "parents report": plural
_SUBJECT_ANCHOR = re.compile(r"(?:she|he|she's|he's|herself|himself|(?:our|this|the present"
                             r"|the current|the index|the|that) (?!case)\w+|[0-9].*)$")
#: a doctor's words reported in the patient's own account: "she said", "he called it"
_REPORTS = re.compile(r"\s(?:also\s|then\s)?(?:said|says|told|tells|called|calls|thinks|thought"
                      r"|found|explained|mentioned|wrote|checked|examined|tested|measured|noticed"
                      r"|saw|asked|wants|wanted|sent|ordered|arranged|referred|reckons|believes"
                      r"|suspects|showed|reckoned|confirmed|diagnosed)\b")
#: a subject pronoun and the sex of the relative it may continue
_PRONOUN_SEX = {"he": "male", "she": "female", "he's": "male", "she's": "female"}
_POSSESSIVE_SEX = {"his": "male", "her": "female"}
#: a clause that opens with a possessive: "his skull is normal"
_POSSESSIVE_OPENER = re.compile(r"\W*(his|her)\s")
_KIN_SEX = {**dict.fromkeys(["father", "brother", "son", "uncle", "grandfather", "nephew"],
                            "male"),
            **dict.fromkeys(["mother", "sister", "daughter", "aunt", "grandmother", "niece"],
                            "female")}
