"""A parent writing about their child: "my brother" is then the child's uncle.

A mother's or father's own account ("Leo is my son ...", "our daughter") names relatives
from the writer's side. Each "my <relative>" is re-read from the child's side so that the
family history is the patient's: the writer's brother is an uncle, her mother a
grandmother, her husband the child's father. "my son" / "my daughter" is the patient.

>>> parent_narrator("I am writing about my son Leo. My brother died young.")
True
>>> parent_narrator("His mother says my advice helped.")
False
>>> child_relation("brother"), child_relation("husband"), child_relation("son")
('uncle', 'father', None)
"""

from __future__ import annotations

import re
from functools import lru_cache

from osteodx.text.grandparent import grandparent_narrator
from osteodx.text.spouse import outranks_parent, spouse_sign

__all__ = [
    "diary_of",
    "heading_names",
    "names_the_patient",
    "other_child",
    "parent_addressed",
    "parent_narrator",
    "patient_writes",
    "second_person",
    "stepparent_narrator",
    "child_relation",
    "relation_for_child",
    "the_child",
    "writers_own",
    "writes_about_parent",
    "parent_written_about",
    "writes_as_carer",
    "tells_own_body",
    "MY",
    "YOUR",
]

#: a stepparent writing: "my stepson Liam", "I'm Liam's stepmum", "stepfather of"
_STEP = (r"\b(?:my|our)\sstep-?(?:son|daughter|child|kids?)\b|\b(?:i\sam|i'm|as)\s"
         r"(?:(?-i:[A-Z][a-z]+)'s|his|her|their)\sstep-?(?:mum|mom|mother|dad|father|parent)\b|\bstep-?(?:mum|mom"
         r"|mother|dad|father|parent)\sof\b")
_STEP_RX = re.compile(_STEP, re.IGNORECASE)
#: the writer names the patient as their child
_PARENT = re.compile(r"\b(?:my|our)\s(?:(?:little|baby|youngest|eldest|older|younger|only)\s)?"
                     r"(?:son|daughter|baby|boy|girl|child)\b|\bwritten by (?:his|her|their"
                     r"|[A-Z][a-z]+'s) (?:mum|mom|mother|dad|father|parents?)\b"
                     # "This is Sophie's mum, Kelly.", "I am Leo's father", "it's Gulay Demir Elif
                     # Demir's mum" (her name, then the child's)
                     # "Writes to you the mother of Sofiia Kovalenko", "I am the father of Leo"
                     r"|\b(?:i am |i'm |writes? (?:to you )?)?the (?:mother|father|mum|mom|dad"
                     r"|parents) of (?-i:[A-Z][a-z]+)"
                     r"|\b(?:this is|it's|i am|i'm) (?-i:(?:[A-Z][a-z]+ ){0,3}[A-Z][a-z]+)'s (?:mum"
                     r"|mom|mother|dad|father)\b"
                     # a form's "Completed by: Mum (Rachel Dixon)"; "(Dad writing, Priya ...)"
                     r"|\b(?:completed|filled\sin|filled\sout|written)\sby:?\s(?:mum|mom|mother"
                     r"|dad|father)\b|\b(?:mum|mom|dad)\swriting\b"
                     # a form filled in and signed by a parent: "Completed by: Jacob Friesen
                     # (dad)", "Signed: Imran Arshad (father)", "father (Imran Arshad,
                     # completing this form)"
                     r"|\b(?:completed\sby|signed|signature):?\s(?-i:(?:[A-Z][a-z]+\s){1,3})"
                     r"\((?:mum|mom|mother|dad|father)\)"
                     r"|\b(?:mother|father|mum|mom|dad)\s\((?-i:(?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+),"
                     r"\s(?:completing|filling\sin|writing)\sthis\s(?:form|letter)\)"
                     # a sender's label: "From: Donna Wright (Maisie Wright's mum, 10RH)"
                     # (not a relative's own: "Granny Peg (Dad's mum)")
                     r"|\((?!(?-i:Dad|Mum|Mom|Nan|Nana|Gran|Granny|Grandad|Grandpa|Grandma)'s\s)"
                     r"(?-i:(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+)'s (?:mum|mom|mother|dad|father)\b"
                     # the parent who passed it on: "the gene test found a duplication of PLP1.
                     # It came through my side."
                     r"|\b(?:it|this|the\s(?:gene|change|variant|duplication|deletion))\s(?:came"
                     r"|comes|was\spassed\sdown)\s(?:through|from|down)\s(?:my|our)\sside\b"
                     # a parent's notes headed with the child's name: "ISLA'S DIARY - to show ..."
                     r"|\A\W*[A-Za-z]+'s (?:diary|notes|journal|log)\b"
                     # a stepparent: "my stepson Liam", "I am Liam's stepmum"
                     rf"|{_STEP}", re.IGNORECASE)
_DIARY = re.compile(r"\A\W*(?P<name>[A-Za-z]+)'s (?:diary|notes|journal|log)\b", re.IGNORECASE)


def diary_of(text: str) -> str | None:
    """The child a parent's notes are headed with ("ISLA'S DIARY - to show ..." -> "ISLA").

    >>> diary_of("ISLA'S DIARY - to show Dr Banerjee"), diary_of("Dear Dr Banerjee")
    ('ISLA', None)
    """
    m = _DIARY.match(text)
    return m.group("name") if m else None
#: "my" ("our") right before a relation word (the hit's text may start after it)
MY = re.compile(r"\b(?:my|our)\s(?:(?:younger|older|little|big|elder|eldest|youngest|late"
                r"|own)\s)?$", re.IGNORECASE)
#: the writer's relative -> the child's
_FROM_CHILD = {"brother": "uncle", "sister": "aunt", "mother": "grandmother",
               "father": "grandfather", "parents": "grandparents", "husband": "father",
               "wife": "mother", "partner": "parents", "son": None, "daughter": None,
               "child": None, "children": None, "grandmother": None, "grandfather": None,
               "uncle": None, "aunt": None, "cousin": "cousin", "sibling": "uncle",
               "nephew": "cousin", "niece": "cousin"}


_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
#: the writer gives their own age, or has had the illness: "I'm 29 (female)", "I am a
#: 34-year-old woman", "I'm thirty-one", "I've had this since I was about 14"
_SELF_AGE = re.compile(rf"\bI(?:'m|\sam)\s(?:now\s|just\s)?(?:a\s|an\s)?(?:\d{{1,3}}\b"
                       rf"|{_TENS}(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b"
                       r"|(?:eighteen|nineteen)\b)|\bI(?:'ve|\shave)\s(?:had|suffered from|lived"
                       r" with)\s(?:this|it)\b|\bsince I was\b"
                       r"|\bI(?:'ve|\shave)?\s(?:just\s)?turned\s\d{1,3}\b"
                       rf"|\bI(?:'ll\sbe|\swill\sbe|\sturn|'m\sturning|'m)\s(?:\d{{1,3}}|{_TENS}"
                       r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
                       r"\s(?:next|in|at|this|later|on)\b"
                       # "I passed my theory test on my 23rd birthday last month"
                       r"|\bmy\s\d{1,3}(?:st|nd|rd|th)\sbirthday\b"
                       # the writer's notes for a clinic: "my name is spelt Saima with an i, DOB
                       # 02/09/1991", "my date of birth is ..."
                       r"|\bmy\sname\sis\b[^\n.]{0,60}?\b(?:DOB|D\.O\.B|date\sof\sbirth)\b"
                       r"|\bmy\s(?:DOB|date\sof\sbirth)\b"
                       r"|\bI\swas\s\d{1,3}\sin\s(?-i:[A-Z][a-z]+)\b"  # "I was 71 in June"
                       # a form filled in by the patient: "(completed by the applicant in his
                       # own words)"
                       r"|\b(?:applicant|patient|claimant)\sin\s(?:his|her|their)\sown\swords\b",
                       re.IGNORECASE)
#: a son or daughter writing about a parent, the patient: "I'm her son Hamish", "My mother,
#: Margaret Ross, has an appointment with you"
_ABOUT_PARENT = re.compile(r"\bI(?:'m|\sam)\s(?:her|his)\s(?:son|daughter)\b|\b(?:writing|write)\s"
                           r"(?:to\syou\s)?(?:about|on\sbehalf\sof)\smy\s(?:mother|father|mum|mom"
                           r"|dad)\b|\bmy\s(?:mother|father|mum|mom|dad)(?:,?\s(?-i:[A-Z][a-z]+)"
                           r"(?:\s(?-i:[A-Z][a-z]+))?,?)?\s(?:has\san\sappointment|is\sdue\sto\ssee"
                           r"|is\sseeing\syou|was\sreferred|is\sbeing\sseen)"
                           # a young carer: "Who do you look after? My dad", "I care for my mum"
                           r"|\b(?:look(?:s|ing)?\safter|car(?:e|es|ing)\sfor)\??\s(?:my\s)?"
                           r"(?:mother|father|mum|mom|dad)\b(?!'s)"
                           # a sister's e-mail to her brother: "Subject: Dad - the update you
                           # asked for", "here is the news about Mum"
                           r"|\bsubject\s?:\s?(?-i:Mum|Mom|Dad)\b(?!['\u2019]s)"
                           r"|\b(?:update|news)\s(?:on|about)\s(?:(?-i:Mum|Mom|Dad)\b(?!['\u2019]s)"
                           r"|my\s(?:mother|father|mum|mom|dad)\b(?!['\u2019]s))", re.IGNORECASE)


def writes_about_parent(text: str) -> bool:
    """Is the text a son's or daughter's account of their parent, the patient?

    >>> writes_about_parent("My mother, Margaret Ross, has an appointment with you.")
    True
    >>> writes_about_parent("My mother has diabetes too. I'm 34.")
    False
    """
    return _ABOUT_PARENT.search(text) is not None


def parent_written_about(text: str) -> str | None:
    """In a son's or daughter's account of a parent, which parent is the patient ("mother"
    or "father"); None when the text is no such account or does not say.

    >>> parent_written_about("Who do you look after? My dad"), parent_written_about("I'm 9.")
    ('father', None)
    """
    m = _ABOUT_PARENT.search(text)
    if m is None:
        return None
    word = re.search(r"\b(?:(mother|mum|mom)|(father|dad))\b|\b(her)\s(?:son|daughter)\b"
                     r"|\b(his)\s(?:son|daughter)\b", m.group(), re.IGNORECASE)
    if word is None:
        return None
    return "mother" if word.group(1) or word.group(3) else "father"


#: a grandparent writing about a grandchild: "our grandson, Alfie Evans"
_GRANDPARENT = re.compile(r"\b(?:my|our)\s(?:grandson|granddaughter|grandchild|grandbaby)\b",
                          re.IGNORECASE)
#: the writer's own words
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|[Mm]e|[Mm]yself)\b")


@lru_cache(maxsize=16)
def parent_narrator(text: str) -> bool:
    """Is the text a parent's own account of their child? Not when the writer gives their
    own age, or says they have had it, before naming a child: "I'm 29 (female) ... My
    daughter is 4 - would she need testing?" is the patient writing, and the daughter is
    the patient's. Memoised: the readers of one report ask it about the same text a hundred
    times, and each answer searches the whole text."""
    parent = _PARENT.search(text)
    if parent is None:
        return False
    grand = _GRANDPARENT.search(text)
    if grand is not None and grand.start() < parent.start():
        return False  # "our grandson, Alfie ... His mum is our daughter Kelly": a grandparent
    own = _SELF_AGE.search(text)
    if own is not None and own.start() < parent.start():
        return False
    if outranks_parent(text, parent.start()):
        return False  # "on behalf of my husband ... Our daughter Leyla is 4 and healthy"
    if tells_own_body(text):
        return False  # "my legs go rigid ... Our daughter Isla is 3 and they tested her"
    return len(re.findall(r"\b(?:I|[Mm]y|[Ww]e|[Oo]ur|us)\b", text)) >= 3


_BODY = (r"(?:muscles?|legs?|arms?|hands?|fingers?|thumbs?|feet|foot|toes?|knees?|hips?|back"
         r"|neck|shoulders?|eyes?|eyelids?|eyesight|vision|skin|hair|nails?|joints?|head|chest"
         r"|heart|stomach|tummy|belly|ears?|hearing|teeth|mouth|face|thighs?|calf|calves|ankles?"
         r"|wrists?|elbows?|bones?|kidneys?|liver|spine|periods|balance|speech|memory|bowels?"
         r"|bladder|breathing|weight"
         # a donor's "my platelets", "my gums bleed", "my shins", "my spleen"
         r"|shins?|gums|forearms?|blood|platelets|spleen|(?:bone\s)?marrow|nose|throat|lungs?"
         r"|voice|pulse|thyroid)")
_OWN_BODY = re.compile(rf"\bmy\s(?:(?:left|right|lower|upper|top|whole|own)\s)?{_BODY}\b",
                       re.IGNORECASE)
_THIRD_BODY = re.compile(rf"\b(?:his|her|their)\s(?:(?:left|right|lower|upper|top|whole|own)"
                         rf"\s)?{_BODY}\b", re.IGNORECASE)


def tells_own_body(text: str) -> bool:
    """Does the writer tell of their own body far more than of anyone else's ("my legs go
    rigid", "my hands", "my top eyelids")? Then a child named in passing ("Our daughter Isla
    is 3 and they tested her") is the patient's child, not the patient.

    >>> tells_own_body("My legs go stiff, my hands lock and my eyelids lag. Our son is 3.")
    True
    >>> tells_own_body("Our son's legs are stiff; his hands lock and his eyes lag. My back aches.")
    False
    """
    own = len(_OWN_BODY.findall(text))
    return own >= 3 and own >= 2 * len(_THIRD_BODY.findall(text))


#: the writer looks after the patient as their job or role: "I am the au pair of the Keane
#: family", "I'm his childminder"
_CARER_ROLE = re.compile(r"\bI(?:'m|\sam)\s(?:now\s)?(?:the|their|his|her|a|an)\s(?:\w+\s)?"
                         r"(?:au\s?pair|nanny|childminder|babysitter|key\sworker|social\sworker"
                         r"|teaching\sassistant|foster\s(?:carer|parent|mum|mom|dad|mother|father)"
                         r"|(?:special\s)?guardian|childcare\sworker|support\sworker)\b",
                         re.IGNORECASE)


def writes_as_carer(text: str) -> bool:
    """Does the writer say they look after the patient as their role ("I am the au pair of
    the Keane family")? Their own age ("I am 23") is then not the patient's.

    >>> writes_as_carer("My name is Thiago, I am 23 and I am the au pair of the Keane family.")
    True
    >>> writes_as_carer("I am 23 and I look after myself.")
    False
    """
    return _CARER_ROLE.search(text) is not None


def patient_writes(text: str) -> bool:
    """Is the text the patient's own account ("I'm thirty-one and I've had this since I was
    about 14")? Its he and she are then other people (her father, her son).

    >>> patient_writes("I'm thirty-one. I've had this since I was 14. My dad has it too, on "
    ...                "his chest. My brother is fine. I think my skin is worse in summer.")
    True
    >>> patient_writes("She is 31. I examined her; her father has it too.")
    False
    """
    return (not parent_narrator(text) and not writes_as_carer(text)
            and not grandparent_narrator(text) and spouse_sign(text) is None
            and ((_SELF_AGE.search(text) is not None and len(_FIRST_PERSON.findall(text)) >= 6)
                 or tells_own_body(text)))


#: the child the account is about: "My son Josh is 4", "our daughter has ..."
_THE_CHILD = re.compile(r"\b(?:my|our)\s(?:(?:little|baby|youngest|eldest|older|younger|only)\s)?"
                        r"(?:step-?)?(son|daughter)\b", re.IGNORECASE)
#: the writer's other child, as the patient's sibling
_SIBLING_OF = {("son", "daughter"): "sister", ("daughter", "son"): "brother"}


def stepparent_narrator(text: str) -> bool:
    """Is the text a stepparent's account ("my stepson Liam")? The writer's own parents,
    brothers and sisters are then no blood relatives of the child.

    >>> stepparent_narrator("I'm writing about my stepson Liam. I am worried and my mum is.")
    True
    """
    return parent_narrator(text) and _STEP_RX.search(text) is not None


def the_child(text: str) -> str | None:
    """In a parent's account, the word the writer first names the patient with ("son" or
    "daughter"); None when the text is no parent's account or names neither.

    >>> the_child("Our son Josh is 4. We are worried. My daughter (7) is well. I think ...")
    'son'
    >>> the_child("Alfie is 5. He never stops, he bites, he is up at night; his words are going."
    ...           " Our daughter Mia is 8 and well. We are worried. I am tired.")
    'son'
    """
    if not parent_narrator(text):
        return None
    named = [m.group(1).lower() for m in _THE_CHILD.finditer(text)]
    if not named:
        return None
    # an account that names "our daughter Mia" in passing but tells of "he" throughout is
    # about a son: the pronouns decide when they speak clearly
    he, she = len(_HE.findall(text)), len(_SHE.findall(text))
    if he >= 3 * max(she, 1):
        return "son"
    if she >= 3 * max(he, 1):
        return "daughter"
    return named[0]


#: a letter written to the patient: "Dear Sofia, ... You are 31. When you were 13 ..." (not
#: "Dear Dr Whitaker", a letter to a doctor)
_YOU = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_DEAR = re.compile(r"^\s*Dear\b(?!\s+(?:Dr|Doctor|Prof|Professor|Sir|Madam|Colleagues?|Team"
                   r"|All|Consultant)\b)", re.MULTILINE)


def second_person(text: str) -> bool:
    """Is *text* a letter to the patient ("Dear Sofia, ... you ...")? Its he and she are
    then the patient's relatives, and "you" is the patient."""
    return (bool(_DEAR.search(text)) and len(_YOU.findall(text)) >= 8
            and not parent_addressed(text)  # "Dear Fiona, ... Callum ... your brother"
            and not patient_writes(text))  # "Dear Dr Ali, you looked after me ... I turned 33"


def heading_names(text: str, name: str) -> bool:
    """Does a heading line name *name* as the patient ("Re: Sofia ...", "Patient: Master
    Arjun Venkatesh")?"""
    return re.search(rf"^[ \t*_]*(?:re|patient|pt|name|subject)[*_]*\s?:[*_]*\s?(?:(?:mr|mrs"
                     rf"|ms|miss|master)\.?\s)?{re.escape(name)}\b",
                     text, re.IGNORECASE | re.MULTILINE) is not None


def other_child(text: str, said: str) -> bool:
    """Is *said* ("Our daughter Divya is 9 years") about a child other than the patient: a
    daughter in a parent's account of a son (or the other way round), or a child whose name
    is not the one a heading gives the patient? Then it is a sibling's age."""
    m = re.search(r"\b(son|boy|daughter|girl)\b(?:\s(?-i:([A-Z][a-z]+)))?", said, re.IGNORECASE)
    if m is None:
        return False
    head = _PATIENT_HEADING.search(text)
    if m.group(2) and head is not None and head.group(1) != m.group(2):
        return True  # "Patient: Master Arjun V." ... "Our daughter Divya is 9 years"
    child = the_child(text)
    return child is not None and (m.group(1).lower() in ("son", "boy")) != (child == "son")


#: the patient's first name in a heading: "Patient: Master Arjun Venkatesh", "Re: Sofia M."
_PATIENT_HEADING = re.compile(r"^[ \t*_]*(?:patient|pt|(?:patient|child)'?s? name)[*_]*\s?:[*_]*"
                              r"\s?(?:(?:mr|mrs|ms|miss|master)\.?\s)?(?-i:([A-Z][a-z]+))\b",
                              re.IGNORECASE | re.MULTILINE)


_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)


def child_relation(relation: str, child: str | None = None) -> str | None:
    """The child's relation for the writer's *relation* ("brother" -> "uncle"); None when
    it is the child or cannot be placed (the writer's grandmother). With *child*, the word
    the patient is named with, the writer's other child is the patient's sibling ("my
    daughter" in an account of "my son" is his sister)."""
    sibling = _SIBLING_OF.get((child or "", relation))
    return sibling if sibling else _FROM_CHILD.get(relation, relation)


#: the writer as the subject of what follows: "I had diabetes in the pregnancy", "I have
#: hypothyroidism" (not "I noticed he had a rash": the child is named in between)
_WRITER_SUBJECT = re.compile(r"\bI(?:\s+(?:also|too|myself|then|later|still))?\s+(?:had|have|'ve"
                             r"(?:\s+had)?|was|am|'m|developed|got|suffered|suffer|needed)\b"
                             r"(?![^.;]*\b(?:he|she|his|her|him|they|their)\b)[^.;]*$")


def writers_own(text: str, sentence_start: int, start: int) -> bool:
    """In a parent's account, is the finding at *start* the writer's own ("For what it's
    worth I had diabetes in the pregnancy")? The caller checks :func:`parent_narrator`.

    >>> writers_own("I had diabetes in the pregnancy.", 0, 6)
    True
    >>> writers_own("I noticed he had a rash.", 0, 18)
    False
    """
    return _WRITER_SUBJECT.search(text, sentence_start, start) is not None


#: another writer's post in a thread: "--- Reply from SunnyDays_Mum:"
_REPLY = re.compile(r"\b(?:reply|replies|response|answer) from\b|\breplied\b", re.IGNORECASE)
#: the writer's spouse, the child's other parent: "my husband's dad"
_SPOUSES = re.compile(r"\b(?:my|our|your)\s(?:ex-?)?(husband|wife)['\u2019]?s\s$", re.IGNORECASE)
#: a relative of the child's other parent, from the child
_IN_LAW = {"father": "grandfather", "mother": "grandmother", "parents": "grandparents",
           "brother": "uncle", "sister": "aunt", "nephew": "cousin", "niece": "cousin"}


#: "your" right before a relation word, in a letter to a parent ("your brother Euan")
YOUR = re.compile(r"\byour\s(?:(?:younger|older|little|big|elder|eldest|youngest|late|own)\s)?$",
                  re.IGNORECASE)
#: the salutation's first name: "Dear Fiona," (not "Dear Dr Patel", "Dear Mrs Grant")
_DEAR_NAME = re.compile(r"^\s*Dear\s+(?P<name>(?!(?:Dr|Mr|Mrs|Ms|Miss|Prof|Sir|Madam|Colleague"
                        r"|Doctor|All|Parents?)\b)[A-Z][a-z]+)\s*,", re.MULTILINE)
#: the person a letter is about, on the line after the salutation: "Callum Grant (CHI ...)",
#: "Re: Callum GRANT, DOB ..."
_ABOUT = re.compile(r"\s*(?:Re:?\s*)?(?P<name>[A-Z][a-z]+)\s+[A-Z][A-Za-z'-]+(?:\s*[(,]|\s*$)",
                    re.MULTILINE)
_YOU = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)


@lru_cache(maxsize=16)
def parent_addressed(text: str) -> bool:
    """Is the text a letter to a parent about their child ("Dear Fiona, ... Callum Grant
    ... your brother Euan died at 19")? Its "you" is then the parent, "your brother" the
    child's uncle, and the child is he or she. A letter to the patient names the patient
    in the salutation; this one names someone else under it ("your son Luka" alone is no
    sign: a patient may be written to about her son).

    >>> parent_addressed("Dear Fiona,\\nCallum Grant (CHI 1)\\nYou told us ... you ... you "
    ...                  "... your ... your ... you ... you ... your brother ... he is 2.")
    True
    >>> parent_addressed("Dear Sofia,\\nSofia Ramirez (DOB 1.2.2000)\\nYou ... you ... you "
    ...                  "... your ... your ... you ... you ... your brother.")
    False
    """
    if len(_YOU.findall(text)) < 8:
        return False
    dear = _DEAR_NAME.search(text)
    if dear is None:
        return False
    line_end = text.find("\n", dear.end())
    nxt = text[line_end + 1 : text.find("\n", line_end + 1)] if line_end >= 0 else ""
    if not nxt.strip():  # a blank line between: the heading is the line after it
        after = text.find("\n", line_end + 1)
        nxt = text[after + 1 : text.find("\n", after + 1)] if after >= 0 else ""
    about = _ABOUT.match(nxt)
    return about is not None and about.group("name") != dear.group("name")


def relation_for_child(text: str, start: int, relation: str, child: str | None,
                       owner: re.Pattern[str] = MY) -> str | None:
    """In a parent's account, the child's relation for the *relation* named at
    ``text[start:]``: the writer's brother is the child's uncle, the writer's husband's dad
    the paternal grandfather, the writer's other child a sibling; *relation* itself when it
    is not the writer's relative; None when it is the child, cannot be placed, or belongs to
    another writer of a thread ("Reply from ...: My daughter has ..."). *owner* is the word
    that makes a relative the writer's (:data:`MY`), or the addressee's (:data:`YOUR`).

    >>> relation_for_child("family: my husband's dad had glaucoma", 21, "father", "son")
    'paternal grandfather'
    >>> relation_for_child("our daughter is well", 4, "daughter", "son")
    'sister'
    """
    mine = owner.search(text, max(0, start - 20), start) is not None
    if mine and _REPLY.search(text, 0, start):
        return None
    spouse = _SPOUSES.search(text, max(0, start - 30), start)
    if spouse and relation in _IN_LAW:
        side = "paternal" if spouse.group(1).lower() == "husband" else "maternal"
        return f"{side} {_IN_LAW[relation]}"
    return child_relation(relation, child) if mine else relation


def names_the_patient(text: str, name: str) -> bool:
    """Is *name*, given an age in *text* ("Theo is two and a half now"), the patient's? When
    the notes are headed with it, the writer calls them their grandchild or spouse, a heading
    names them, the text names them three times or more, or a parent's account names them as
    the writer's child.

    >>> names_the_patient("Written by Theo's mum. I think Theo is two and a half. My worry is "
    ...                   "his speech and I am tired.", "Theo")
    True
    >>> names_the_patient("Dr Smith saw me. Theo is two.", "Theo")
    False
    """
    if (diary_of(text) or "").lower() == name.lower():
        return True  # "ISLA'S DIARY - to show Dr Banerjee": a parent's notes on Isla
    if re.search(rf"\b(?:my|our)\s(?:grand(?:son|daughter|child)|husband|wife|partner),?"
                 rf"\s{re.escape(name)}\b", text):
        return True  # "our grandson, Alfie Evans ... Alfie is three and a half", "on behalf
        # of my husband, Tom ... Tom turned 52 in June"
    if heading_names(text, name) or len(re.findall(rf"\b{re.escape(name)}\b(?!:)", text)) >= 3:
        return True  # "Patient: Master Arjun V. ... Arjun completed 6 years"; a chat
        # that names Alfie again and again
    return parent_narrator(text) and re.search(
        rf"\b{re.escape(name)}'s\s(?:step-?)?(?:mum|mom|mother|dad|father|parents)\b|\b(?:my|our)\s"
        rf"(?:step-?)?(?:son|daughter|boy|girl|child)\s{re.escape(name)}\b|\b(?:the\s)?(?:mother|father|mum"
        rf"|dad)\sof\s{re.escape(name)}\b", text) is not None
