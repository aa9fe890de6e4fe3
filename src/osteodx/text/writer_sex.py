"""The sex of a patient who writes about themself, from words only a woman or a man writes of
their own body or life ("my periods", "my circumcision", "as a girl who plays volleyball")."""

from __future__ import annotations

import re

__all__ = ["writer_sex"]

#: the writer calling themself a guy or a girl: "I'm a 29-year-old woman", "im still the best
#: looking guy in this server" (a chat's "im")
_I_AM_THE = (r"\bI(?:['\u2019]?m|\sam)\s(?:still\s|just\s|only\s|also\s)?(?:a|an|the)\s"
             r"(?:[\w-]+\s){0,3}")
#: ... or in an apposition: "I was a keen hill-walker, the only woman in our group"
_I_WAS_THE_ONLY = r"\bI(?:\swas|\sam|['\u2019]m)\s[^.;\n]{0,60}?,\s(?:the\sonly|the\sfirst)\s"

_WRITER_FEMALE = re.compile(r"\bI(?:\s(?:was|am|got|became)|['\u2019]m)\s(?:\w+\s){0,2}pregnant\b"
                            # an antenatal booking form: "Estimated weeks pregnant: 9"
                            r"|\bweeks\spregnant\s?:\s?\d"
                            # "I'm still the only girl on the team"; the writer's husband
                            rf"|{_I_AM_THE}(?:girl|woman|lady|gal)\b|{_I_WAS_THE_ONLY}(?:woman|girl"
                            r"|lady)\b"
                            r"|\bmy\s(?:late\s|ex-?)?husband\b"
                            r"|\bmy\s(?:\w+\s)?(?:pregnanc(?:y|ies)|periods|menstrual\s\w+|womb"
                            r"|uterus|ovaries)\b"  # "my periods are heavy"
                            r"|\bas\sa\s(?:\w+\s)?(?:girl|woman)\b"
                            # "I am a mum of two", "as a mother to three boys"
                            r"|\b(?:I\sam|I'm|as)\sa\s(?:\w+\s)?(?:mum|mom|mother|wife|grandmother"
                            r"|nan|granny)\s(?:of|to)\b"
                            # a form: "(completed by the applicant in her own words)"; the
                            # writer's title: "From: Mrs Lorna McIntyre"
                            r"|\bin\sher\sown\swords\b"
                            r"|(?:^[ \t]*|,[ \t])from:?[ \t]+(?:mrs|ms|miss)\b"
                            # a signature with a maiden name: "Deirdre Kowalski, née Boyle"
                            r"|,?[ \t]n[ée]e[ \t]+(?-i:[A-Z])"
                            r"|\A\s*(?:mrs|ms|miss)\.?[ \t]+(?-i:[A-Z])"  # a letterhead
                            r"|\bcalls?\sme\s[\"'\u201c]?(?:young\s)?(?:lady|miss)\b"
                            r"|\bme\s\((?:mum|mom|mother|mama)\)",  # "from me (mom)"
                            re.IGNORECASE | re.MULTILINE)
_WRITER_MALE = re.compile(r"\bmy\s(?:circumcision|prostate|testicles?|testes|scrotum|penis)\b"
                          # "im still the best looking guy in this server"; the writer's wife
                          rf"|{_I_AM_THE}(?:guy|lad|bloke|dude|boy|man)\b|{_I_WAS_THE_ONLY}(?:man|boy"
                          r"|lad|guy)\b"
                          r"|\bmy\s(?:late\s|ex-?)?wife\b"
                          r"|\bas\sa\s(?:\w+\s)?(?:boy|man|guy|lad)\b"
                          r"|\b(?:I\sam|I'm|as)\sa\s(?:\w+\s)?(?:dad|father|husband|grandfather"
                          r"|grandad|granddad)\s(?:of|to)\b"
                          r"|\bin\shis\sown\swords\b|(?:^[ \t]*|,[ \t])from:?[ \t]+mr\b\.?"
                          r"|\A\s*mr\.?[ \t]+(?-i:[A-Z])"  # a letterhead: "Mr Wai-Keung Lam"
                          # "Mrs Pascoe ... calls me \"young man\""
                          r"|\bcalls?\sme\s[\"'\u201c]?(?:young\s)?(?:man|lad|sir)\b"
                          r"|\bme\s\((?:dad|father|papa)\)",
                          re.IGNORECASE | re.MULTILINE)


def writer_sex(text: str) -> tuple[str, re.Match[str]] | None:
    """("FEMALE" | "MALE", the words) when the writer's own words give their sex.

    >>> writer_sex("My periods have always been heavy.")[0]
    'FEMALE'
    >>> writer_sex("I bled after my circumcision.")[0]
    'MALE'
    >>> writer_sex("To the heart clinic, from Mrs Dorothy Wainwright")[0]
    'FEMALE'
    >>> writer_sex("From: Mrs Lorna McIntyre, Paisley")[0]
    'FEMALE'
    >>> writer_sex("Warmly,\\nDeirdre Kowalski, née Boyle")[0]
    'FEMALE'
    >>> writer_sex("Mr Kenny Lam\\nFlat 3, Leeds")[0]
    'MALE'
    >>> writer_sex("I am a mum of two, I live in Belmont.")[0]
    'FEMALE'
    >>> writer_sex("dont roast me bro, im still the best looking guy in this server")[0]
    'MALE'
    >>> writer_sex("Estimated weeks pregnant: 9")[0], writer_sex("I'm 9 weeks pregnant.")[0]
    ('FEMALE', 'FEMALE')
    >>> writer_sex("Spanish version coming from my wife Claudia")[0]
    'MALE'
    >>> writer_sex("I bruise easily.") is None
    True
    """
    for rx, sex in ((_WRITER_FEMALE, "FEMALE"), (_WRITER_MALE, "MALE")):
        if (m := rx.search(text)) is not None:
            return sex, m
    return None
