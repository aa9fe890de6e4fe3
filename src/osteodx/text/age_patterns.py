"""The patterns of a patient's age as case reports write it ("16-year-old girl", "52 y/o M",
"Age: 19 yrs", "Ibrahim K, 3y4m M", "Re: Poppy HARRIS (6 years 3 months)").

Each pattern runs on the masked text of :mod:`osteodx.text.onsets` (numbers are runs of
``#``) and says where it may stand (``where``: "" anywhere; "header", "heading", "writer",
"child" and "named_child" are checked by :func:`osteodx.text.demographics._placed`).
"""

from __future__ import annotations

import re

from osteodx.text.onsets import _N, _UNIT

__all__ = ["AGE_PATTERNS", "ORDINALS", "not_the_patients", "years_until"]

_NOUNS = ("girl|boy|woman|man|female|male|lady|gentleman|schoolgirl|schoolboy|patient|child"
          "|infant|neonate|newborn|toddler|adolescent|teenager|baby|individual|person|proband"
          "|case|student|mother|father|sister|brother|sibling|son|daughter|husband|wife|parent"
          "|grandmother|grandfather|aunt|uncle|cousin|twin|niece|nephew|relative")
_FILLER = r"(?!(?:with|and|who|whose|had|has|was|is|of|in|at)\b)"  # words between age and noun
#: "at age 5", "by age 3", "since age 12" are ages at an event, not the patient's age.
_NOT_EVENT = "".join(rf"(?<!\b{w}\s)" for w in
                     "at by from since until before after the of".split())
#: months after years: "4 years and 2 months", "6 years 3 months", "5y 4m", "3y4m", "2 y, 11 mos"
_MONTHS = r"(?:,?\s?(?:and\s)?(?P<m>#+)(?:\s?(?:months?|mos?|mths?)\b|\s?m\b))"
#: a visit the age is stated for: "Age at visit: 25 months" (not "Age at diagnosis/onset")
_ENCOUNTER = (r"(?:(?:first|last|this|initial|current|latest|most\srecent|today's)\s)?"
              r"(?:visit|assessment|presentation|examination|exam|evaluation|review|consultation"
              r"|referral|admission|discharge|clinic|encounter|appointment|report|writing"
              r"|test|testing|scan|meeting|mdt|discussion"
              # a form's "Age on the day of travel", "Age at registration"
              r"|(?:day|date)\sof\s(?:the\s)?(?:travel|flight|trip|departure|camp|event"
              r"|application|registration|enrolment|enrollment)"
              r"|travel|departure|application|registration|enrolment|enrollment)")
#: when a birthday comes: "next month", "in 3 weeks", "in June", "at Christmas", "this summer"
_NEXT = (r"next\s(?:week|month)|in\s(?:a\s(?:few\s)?|(?P<k>#+)\s)?(?:weeks?|days?|months?)"
         r"|in\s(?-i:[A-Z])[a-z]+|at\s(?-i:Christmas|Easter|Diwali|Eid|Hanukkah|Thanksgiving"
         r"|New\sYear)|later\sthis\s(?:year|month)|this\s(?:summer|autumn|fall|winter|spring)")
#: a birthday's date: "on the 30th", "on 2 May", "on the 3rd of June", "on Monday 3rd"
_ON_DAY = (r"on\s(?:the\s)?#+(?:st|nd|rd|th)?(?:\s(?:of\s)?(?-i:[A-Z])[a-z]+)?"
           r"|on\s(?-i:[A-Z])[a-z]+\s#+(?:st|nd|rd|th)?")
AGE_PATTERNS = [  # (pattern, where) on the masked text; numbers are runs of '#'
    # "16-year old girl", "4 years and 2 months old boy", "thirty-two-year-old Korean woman"
    (re.compile(rf"{_N}[\s-]?{_UNIT}{_MONTHS}?[\s-]?old\b(?:[\s,]+(?:{_FILLER}[a-z]+\s){{0,3}}?"
                rf"(?P<noun>{_NOUNS})\b)?", re.IGNORECASE), ""),
    # "16 yo F", "52 y/o M", "4 years 2 months of age"
    (re.compile(rf"(?<![\w#])(?P<n>#+)\s?(?:yo|y/o|y\.o\.|years?{_MONTHS}?\sof\sage)(?![\w/])"
                r"(?:,?\s?(?P<noun>F|M|female|male|girl|boy|woman|man)\b)?", re.IGNORECASE), ""),
    # a header's "47 y, male", "63 yrs M", "8 years, female"
    # (not "over 5 years, male patients": no lower-case word follows the sex)
    (re.compile(r"(?<![\w#])(?P<n>#+)\s?(?:y|yr|yrs|years?)\b,?\s(?P<noun>(?-i:M|F)|male|female)"
                r"\b(?!\s+(?-i:[a-z]))", re.IGNORECASE), ""),
    # "aged 4 years 7 months"
    (re.compile(rf"\baged\s(?P<n>#+)(?:\s?{_UNIT}\b{_MONTHS}?)?", re.IGNORECASE), ""),
    # "14 mo M", "10 days old, female"
    (re.compile(r"(?<![\w#])(?P<n>#+)\s?(?P<u>mo|mos|months?|wks?|weeks?|d|days?)\b(?:\s?old)?,?"
                r"\s(?P<noun>(?-i:M|F)|male|female|boy|girl)\b", re.IGNORECASE), ""),
    # British notes' fractions: "14/12 boy" (14 months), "3/52 old girl" (3 weeks), "5/7 M"
    (re.compile(r"(?<![\w#/.])(?P<n>#+)/(?P<den>##?)(?![\w#/.])(?:\s?old)?,?\s(?P<noun>(?-i:M|F)"
                r"|male|female|boy|girl|infant|baby|child|toddler)\b", re.IGNORECASE), ""),
    # ... and after "Age:": "Age: 21/12" (21 months)
    (re.compile(r"\bage[*_]*\s?[:=]?[*_]*\s?(?P<n>#+)/(?P<den>##?)(?![\w#/.])", re.IGNORECASE), ""),
    # the age at this examination: "On examination at 6 years 4 months his height was ..."
    # (not a planned one: "review at 9 months", "next examination at 2 years")
    (re.compile(rf"(?<!first\s)(?<!initial\s)(?<!previous\s)(?<!next\s)(?<!repeat\s)"
                rf"(?<!further\s)(?<!follow-up\s)\b(?:examination|exam|assessment|evaluation"
                rf"|admission)\s(?:today\s)?at\s(?:age\s)?"
                rf"(?P<n>#+)\s?{_UNIT}\b{_MONTHS}?", re.IGNORECASE), ""),
    # "The child is now 6 years and 3 months.", "she is 7 years" (the clause ends there)
    (re.compile(rf"\b(?:she|he|the\s(?:child|patient|boy|girl|baby|infant))(?:\sis|'s|’s)\s"
                rf"(?:now\s)?(?P<n>#+)\s?{_UNIT}\b{_MONTHS}?(?:\sold)?(?=\s?[).,;]|\s?$"
                r"|\s(?:and|but)\s)",
                re.IGNORECASE), ""),
    # "(she is eight and a half)", "He is 12." - the bare number closing the clause
    # (not a guess: "everyone thinks he's 7")
    (re.compile(r"(?<!thinks\s)(?<!think\s)(?<!thought\s)(?<!guess\s)(?<!guessed\s)"
                r"\b(?:she|he)(?:\sis|'s|’s)\s(?:now\s|just\s)?(?P<n>#+)(?:\snow)?"
                # "She's 10 (she'll be 11 in August)", "She's 11 and three quarters (she'll
                # tell you the three quarters!)"
                r"(?=\s?[).,;]|\s?$|\s(?:and|but)\s(?!a\s|an\s|one\s|two\s|three\s)"
                r"|\s\((?:s?he|she)(?:'ll|\swill)\s(?:be|tell)\b)",
                re.IGNORECASE), ""),
    # "(Aisha Rahman, she turned 3 in March)", "he has just turned 14"
    (re.compile(r"\b(?:she|he)\s(?:has\s)?(?:just\s)?turned\s(?P<n>#+)(?:\s(?:years?|yrs?))?"
                r"(?![\w#])", re.IGNORECASE), ""),
    # the patient writing: "I'm 29 (female)", "I am 34 years old" (not a parent's account)
    (re.compile(r"\bI(?:'m|\sam)\s(?:now\s|just\s)?(?P<n>#+)(?:\s(?:years?|yrs?)(?:\sold)?)?"
                r"(?:\snow)?"
                r"(?:\s?\((?P<noun>female|male|(?-i:F|M))\))?(?=\s?[).,;]|\s(?:and|but|with)\b"
                r"|\sas\sI\s(?:write|type|speak)\b|\sat\sthe\s(?:moment|time\sof\swriting)\b"
                r"|\s?$|\s\()", re.IGNORECASE), "writer"),  # "I'm 23 (24 in February)"
    # the patient writing: "I'll be 35 next month", "I turn 17 in three weeks", "I'm 13 in two
    # weeks" (34, 16, 12 now)
    (re.compile(r"\bI(?:'ll\sbe|\swill\sbe|\sturn|'m\sturning|\sam\sturning|'m|\sam)\s(?P<n>#+)"
                rf"(?:\s(?:years?|yrs?)(?:\sold)?)?\s(?P<next>{_NEXT})\b", re.IGNORECASE),
     "writer"),
    # another writer's account: "she'll be 35 in June", "he turns 8 next month" (34 and 7 now;
    # read unless the patient writes: then she is someone else)
    (re.compile(r"\b(?:she|he)(?:'ll\sbe|\swill\sbe|\sturns|'s\sturning|\sis\sturning)\s(?P<n>#+)"
                rf"(?:\s(?:years?|yrs?)(?:\sold)?)?\s(?P<next>{_NEXT})\b", re.IGNORECASE),
     "child"),
    # a widow's or a parent's letter: "Rhodri was 36. He would have been 37 on 2 May." (36
    # when he died)
    (re.compile(r"\b(?:she|he)\swould\shave\sbeen\s(?P<n>#+)(?:\s(?:years?|yrs?)(?:\sold)?)?"
                rf"\s(?P<next>{_ON_DAY}|in\s(?-i:[A-Z])[a-z]+|this\syear"
                r"|next\s(?:week|month))(?P<k>(?!))?", re.IGNORECASE), "child"),
    # the patient writing: "I passed my theory test on my 23rd birthday last month"
    (re.compile(r"\bmy\s(?P<n>#+)(?:st|nd|rd|th)\sbirthday\s(?:was\s)?(?:last\s(?:week|month)"
                r"|(?:just\s)?(?:yesterday|today)|this\s(?:week|month)|(?:a\s)?(?:few\s)?"
                r"(?:days?|weeks?)\sago)\b", re.IGNORECASE), "writer"),
    # a birthday just had: "He had his sixth birthday with us in January"
    (re.compile(r"\b(?:he|she|I)\s(?:has\s|have\s)?(?:just\s)?(?:had|celebrated)\s(?:his|her|my)\s"
                r"(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh"
                r"|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
                r"|nineteenth|twentieth)\sbirthday\b", re.IGNORECASE), ""),
    # twins' shared birthday: "Isla and Theo are twins. They turned seven in the summer"
    (re.compile(r"\b(?:they|the\stwins)\s(?:both\s)?(?:have\s)?(?:just\s)?turned\s(?P<n>#+)"
                r"(?:\s(?:years?|yrs?))?(?![\w#])", re.IGNORECASE), "twins"),
    # the patient writing: "I was 71 in June" (a birthday this year)
    (re.compile(r"\bI\swas\s(?P<n>#+)\sin\s(?-i:January|February|March|April|May|June|July"
                r"|August|September|October|November|December)\b", re.IGNORECASE), "writer"),
    # the patient writing: "I turned 41 in September", "I've just turned 30"
    (re.compile(r"\bI(?:'ve|\shave)?\s(?:just\s)?turned\s(?P<n>#+)(?:\s(?:years?|yrs?))?(?![\w#])",
                re.IGNORECASE), "writer"),
    # a non-native writer's "now she has 6 years" (not "has 6 years of follow-up")
    (re.compile(r"\b(?:she|he)\s(?:now\s)?has\s(?:now\s)?(?P<n>#+)\s(?:years?|yrs?)\b"
                r"(?!\s(?:of|history|since|ago|follow|experience|later|after|before)\b)",
                re.IGNORECASE), ""),
    # a parent's account: "Our daughter Maja is three and a half", "my son is 4"
    (re.compile(r"\b(?:my|our)\s(?:(?:little|baby|youngest|eldest|older|younger|only)\s)?"
                r"(?:step-?)?(?:son|daughter|boy|girl|child)(?:\s(?-i:[A-Z][a-z]+))?"
                r"(?:\s(?:is|'s)|,\swho\sis)\s"
                r"(?:now\s|just\s)?(?P<n>#+)(?:\s(?:years?|yrs?)(?:\sold)?)?(?=\s?[).,;]|\s?$"
                r"|\s(?:and|but)\s(?!a\s|an\s|one\s|two\s|three\s|#))",
                re.IGNORECASE), "child"),
    # a parent's account naming the child: "Theo is two and a half now." (read only when the
    # text is a parent's own account and the name is the one in "written by Theo's mum")
    (re.compile(r"\b(?P<name>(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+))\s(?:is|(?:is\s[\w\s#]{1,30}?\sand\s)?(?:has\s)?"
                r"(?:just\s)?turned)\s(?:now\s)?"  # "Amy is in Year 9 and turned 14 in January"
                r"(?P<n>#+)(?:\s(?:years?|yrs?"
                r"|(?P<u>months?|mos?|weeks?|wks?))(?:\sold)?)?(?:\s(?:now|today))?"
                r"(?=\s?[.,;(]|(?<=#)\s(?:in|on|last)\s(?:the\s)?"  # "in the October half term"
                r"(?-i:[A-Z])|\slast\s|\s(?:and|but)\s(?!a\s|an\s|one\s|two\s|three\s|#))",
                re.IGNORECASE), "named_child"),
    # the weeks since the birth: "It has been 43 weeks since Ezra was born"
    (re.compile(r"\bit(?:\shas|'s|\sis)\s(?:now\s)?(?:been\s)?(?:just\s)?(?P<n>#+)\s"
                r"(?P<u>weeks?|months?|days?)\ssince\s(?:(?-i:[A-Z])[a-z]+|he|she)\s(?:was\s)?born\b",
                re.IGNORECASE), ""),
    # Indian English "completed N years" (turned N): "Arjun completed 6 years on Deepavali day"
    (re.compile(r"\b(?P<name>(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+))\s(?:has\s)?(?:just\s)?completed\s(?P<n>#+)\s"
                r"(?:years?|yrs?)(?:\sof\sage)?(?!\s(?:of|in|at|with|since|ago|course)\b)",
                re.IGNORECASE), "named_child"),
    # ... in a non-native parent's words: "Valentina have 6 years and 4 months.", "Sofiia has
    # now 7 months and 10 days."
    (re.compile(rf"\b(?P<name>(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+))\s(?:now\s)?ha(?:s|ve)\s(?:now\s)?(?P<n>#+)\s"
                rf"(?:(?:years?|yrs?)\b{_MONTHS}?|(?P<u>months?)(?:\s(?:and\s)?(?P<days>#+)\sdays?)?)"
                rf"(?=\s?[.,;]|\s?$)", re.IGNORECASE), "named_child"),
    # a son or daughter writing about the patient, a parent: "Mum is 74 and lives on her own"
    # "My dad is called Sergei and he is 44" (a young carer's form)
    (re.compile(r"\bmy\s(?:mother|father|mum|mom|dad)\sis\s(?:called|named)\s(?-i:[A-Z])[a-z]+"
                r"(?:\s(?-i:[A-Z])[a-z]+)?,?\s(?:and\s)?(?:he|she)(?:\sis|'s)\s(?:now\s)?(?P<n>#+)"
                r"(?=\s?[).,;]|\s(?:and|but)\s)", re.IGNORECASE), "parent_patient"),
    # "Dad turns 70 on the 30th" (69 now), "Mum will be 80 in June"
    (re.compile(r"\b(?:(?-i:Mum|Mom|Dad)|my\s(?:mother|father|mum|mom|dad))\s(?:turns|will\sbe"
                r"|'ll\sbe|is\sturning|'s\sturning)\s(?P<n>#+)\s"
                rf"(?P<next>{_NEXT}|{_ON_DAY})\b", re.IGNORECASE), "parent_patient"),
    (re.compile(r"\b(?:(?-i:Mum|Mom|Dad)|my\s(?:mother|father|mum|mom|dad))\sis\s(?:now\s)?"
                r"(?P<n>#+)(?:\s(?:years?|yrs?)(?:\sold)?)?(?=\s?[).,;]|\s(?:and|but)\s)",
                re.IGNORECASE), "parent_patient"),
    # a husband, wife or partner writing about the patient: "My husband Tom is 45 and ..."
    (re.compile(r"\bmy\s(?:husband|wife|partner)(?:,?\s(?-i:[A-Z][a-z]+),?)?\s(?:is|'s)\s"
                r"(?:now\s|just\s)?(?P<n>#+)(?:\s(?:years?|yrs?)(?:\sold)?)?(?=\s?[).,;]|\s?$"
                r"|\s(?:and|but)\s(?!a\s|an\s|one\s|two\s|three\s|#))", re.IGNORECASE),
     "spouse_patient"),
    # a letter naming the patient with an age: "about Tom Harlow, 44, a bus driver",
    # "Re: Hannah WARD, now 19, student at ..."
    # "Re: Mrs Lorraine Petersen, 58", "Patient: Callum REEVES, 19 M, hospital no. ..."
    (re.compile(r"(?-i:\b[A-Z][a-z]+(?:[ \t][A-Z](?:[a-z][A-Za-z'-]*|[A-Z]{2,}[A-Z'-]*))+),[ \t]"
                r"(?:now\s|aged\s)?(?P<n>#{1,2})(?:\s?(?P<noun>(?-i:M|F)))?"
                r"(?=,|\s|$)"), "name_age"),
    # "Age/Sex: 19/F"
    (re.compile(r"\bage\s?/\s?(?:sex|gender)[*_]*\s?[:=]?[*_]*\s?(?P<n>#+)\s?/\s?"
                r"(?P<noun>female|male|F|M)\b", re.IGNORECASE), ""),
    # the patient the letter is about, named in its heading: "I saw Sofia, who is eleven and a
    # half, in clinic" after "Re: Sofia RAMIREZ"
    (re.compile(r"\b(?P<name>(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)),?\s(?:who|that)\s(?:is|'s)\s(?:now\s)?(?P<n>#+)"
                r"(?:\s(?:years?|yrs?)(?:\sold)?)?(?=\s?[).,;]|\s(?:and|but|in|with)\s)",
                re.IGNORECASE), "heading_name"),
    # a translated Romance letter: "male sex, of years 27", "born the 03.05.2000, of years 27"
    # (Italian "di anni 27", Spanish "de 27 años")
    (re.compile(r"\bof\syears\s(?P<n>#{1,3})(?![#\w])", re.IGNORECASE), ""),
    # "Age: 16 years", "**Age at visit:** 25 months", "Age today: 7.4 years"
    (re.compile(rf"{_NOT_EVENT}\bage(?:\s(?:today|now)|\s(?:at|on)\s(?:the\s)?{_ENCOUNTER})?"
                rf"[*_]*\s?[:=]?[*_]*"
                rf"\s?(?P<n>#+)(?:[\s-]?{_UNIT}\b{_MONTHS}?)?", re.IGNORECASE), ""),
    # "Boy, 4 years and 2 months old", "Female, 52 years" (not "the boy, 4 years later")
    # (not a pet's: "Animal of interest: Mogli, cat, male, 3 years")
    (re.compile(r"(?<!cat,\s)(?<!dog,\s)(?<!kitten,\s)(?<!puppy,\s)(?<!rabbit,\s)"
                rf"\b(?P<noun>girl|boy|woman|man|female|male|lady|gentleman)[*_]*[,:]?[*_]*\s"
                rf"(?:aged\s)?(?P<n>#+)[\s-]?{_UNIT}\b{_MONTHS}?(?!\s(?:later|after|earlier|ago"
                r"|before|older|younger|post\w*|previously|prior)\b)", re.IGNORECASE), ""),
    # "a man of 22 years", "a girl of 7 years of age" (not "a woman of 40 years' experience")
    # (no noun group: "her mother, a woman of 45 years" is then skipped as a relative's)
    (re.compile(rf"\b(?:girl|boy|woman|man|lady|gentleman)\sof\s(?P<n>#+)\s?{_UNIT}\b"
                rf"{_MONTHS}?(?!')", re.IGNORECASE), ""),
    # a header's age and sex initial: "52M, retired", "Pt: 67F", "John SMITH (38M)"
    (re.compile(r"(?<![\w#])(?P<n>#+)\s?(?P<noun>(?-i:M|F))(?=[\s,.;:)/-]|$)"), "header"),
    # in prose: "A 38M presented with syncope"
    (re.compile(r"\b(?:a|an)\s(?P<n>#+)\s?(?P<noun>(?-i:M|F))\s(?=(?:presented|presents|with"
                r"|who|was|is|has|had|attended|came|admitted|referred)\b)", re.IGNORECASE), ""),
    # the same with a unit: "4 y F, cough", "Pt: 6yo M", "18 mo F" (months in the unit)
    (re.compile(rf"(?<![\w#])(?P<n>#+)\s?{_UNIT}{_MONTHS}?\s?(?P<noun>(?-i:M|F))"
                r"(?=[\s,.;:)/-]|$)", re.IGNORECASE), "header"),
    # a letter's heading: "Re: Poppy HARRIS (6 years 3 months)", "Patient: Tom JONES (3 years)"
    (re.compile(rf"\b(?:re|patient|pt|name|subject)[*_]*\s?:[*_]*\s?[^():;]{{1,60}}?\((?:aged?\s)?"
                rf"(?P<n>#+)\s?{_UNIT}\b{_MONTHS}?(?:,?\s?(?P<noun>(?-i:M|F)|male|female))?\)",
                re.IGNORECASE), "heading"),
    # the age after a date of birth: "DOB: 21/07/2007 (19 y)", "born 02/06/2011 (15 years)"
    # "(DOB 21/02/2009, 17 years)", "DOB 14/05/2003 (23)": the unit may be left out (years)
    (re.compile(rf"\b(?:DOB|D\.O\.B\.?|date of birth|born)[*_]*\s?:?[*_]*\s?#{{1,4}}[/.-]#{{1,2}}"
                rf"[/.-]#{{2,4}}(?:\s?\(|,\s?)(?:aged?\s)?(?P<n>#+)(?:\s?{_UNIT}\b{_MONTHS}?)?"
                rf"(?=\s?[),])", re.IGNORECASE),
     ""),
    # "Re: Mr Callum Reid, 38 years", "Patient: Ann Lee, 6 years 3 months"
    (re.compile(rf"\b(?:re|patient|pt|name|subject)[*_]*\s?:[*_]*\s?[^():;,\n]{{1,60}}?,\s"
                rf"(?:aged?\s)?(?P<n>#+)\s?{_UNIT}\b{_MONTHS}?", re.IGNORECASE), "heading"),
]

#: an ordinal birthday's age: "his sixth birthday" -> 6
ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth"
    " fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}


_UNTIL = {"day": 1 / 365.25, "week": 7 / 365.25, "month": 1 / 12}


_OTHER_AGE = re.compile(r"\b(?:bone|skeletal|dental|height|mental|gestational)[\s-]age\b",
                        re.IGNORECASE)
#: an age the patient is compared with: "the height of an eight- or nine-year-old", "the size
#: of a four-year-old", "like a 70-year-old"
_COMPARED = re.compile(r"\b(?:(?:height|size|bones?|weight|build|body|level|mind|skills|reading"
                       r"|speech|strength)\sof|like|than)\s(?:an?\s|the\saverage\s)?"
                       r"(?:[\w#]+-?\s(?:or|to)\s)?$", re.IGNORECASE)


def not_the_patients(masked: str, start: int, sentence_start: int) -> bool:
    """Is the age at *start* of *masked* text another measure ("Bone age: 7 years") or an
    age the patient is compared with ("the height of an eight- or nine-year-old child")?

    >>> t = "she was the height of an eight- or nine-year-old child"
    >>> not_the_patients(t, t.index("nine"), 0), not_the_patients(t[-22:], 2, 0)
    (True, False)
    """
    return (_OTHER_AGE.search(masked, max(0, start - 20), start + 4) is not None
            or _COMPARED.search(masked, max(sentence_start, start - 40), start) is not None)


def years_until(said: str, count: float | None) -> float:
    """How long until the birthday of "I'm 13 in two weeks" (*said* "in ## weeks", *count*
    2) or "I'll be 35 next month", in years; a whole year when the words give no span ("in
    June"), so that the age is the one before the birthday.

    >>> round(years_until("in ## weeks", 2), 4), years_until("next month", None)
    (0.0383, 0.08333333333333333)
    >>> years_until("in June", None)
    1.0
    """
    m = re.search(r"\b(day|week|month)s?\b", said)
    if m is None:
        return 1.0
    return (count if count is not None and "#" in said else 1.0) * _UNTIL[m.group(1)]
