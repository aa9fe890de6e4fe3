"""The sex of a patient who writes about themself, from words only a woman or a man writes of
their own body or life ("my periods", "my circumcision", "as a girl who plays volleyball")."""

from __future__ import annotations

import re

__all__ = ["writer_sex"]

_WRITER_FEMALE = re.compile(r"\bI\s(?:was|am|'m|got|became)\s(?:\w+\s)?pregnant\b"
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
    >>> writer_sex("I bruise easily.") is None
    True
    """
    for rx, sex in ((_WRITER_FEMALE, "FEMALE"), (_WRITER_MALE, "MALE")):
        if (m := rx.search(text)) is not None:
            return sex, m
    return None
