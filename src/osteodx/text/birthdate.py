"""The patient's age from a date of birth and the date of the visit ("DOB 11/11/2022 ...
Seen: 20/02/2025"), for letters that state no age.

Numeric dates are read day first (British and European letters) unless a part over 12 says
otherwise ("02/20/2025" is month first); when both orders are possible the reading is noted,
so the age is never a silent guess.

>>> age_from_dates("DOB: 11/11/2022. Seen: 20/02/2025.")[0]
2.277892
>>> age_from_dates("Date of birth 2010-03-05; clinic date 2024-03-04")[0]
13.998631
>>> age_from_dates("Date: 14 March 2026. Hannah was born on Canada Day last year.")[0]
0.70089
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["age_after_birth_date", "age_from_dates", "visit_year"]

_MONTHS = {m: i + 1 for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split())}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
#: a date: numeric, ISO, "2 Nov 2027", "2nd of November 2027", "November 2, 2027"; an e-mail's
#: weekday may lead ("Fri 17 Sep 2027")
_DATE = (r"(?P<{g}>(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s)?"
         r"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
         r"|\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?" + _MONTH.replace("{", "{{")
         + r",?\s(?:of\s)?\d{{4}}"  # (a Spanish writer's "3 of November of 2025")
         r"|" + _MONTH + r"\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}))")
_BIRTH = re.compile(r"\b(?:d\.?o\.?b\.?|date of birth(?: is| was)?|born(?: on| the)?"
                    # a day's name first: "born on Canada Day, July 1, 2025"
                    r"(?:(?<=on) (?:a |the )?(?-i:[A-Z])[a-z']+(?: (?-i:[A-Z])?[a-z']+){0,2},)?)"
                    r"[*_]*\s?[:=-]?[*_]*\s?"
                    + _DATE.format(g="d")
                    # a message's check: "Just checking Leo's DOB for the care plan - 03/03/2023?"
                    + r"|\bdob\b[^\n:.?]{1,40}?\s[-:]\s?" + _DATE.format(g="d2"), re.IGNORECASE)
_VISIT = re.compile(r"\b(?:seen|clinic date|date(?: and time)? of (?:the )?(?:telephone |video )?"
                    r"(?:clinic|visit|review|consultation|assessment|admission|examination|exam"
                    r"|study|scan|procedure"
                    r"|letter|meeting|mdt|discussion|call|service|encounter|attendance)"
                    r"|(?:service|encounter|call|exam|examination|study|scan) date"
                    r"|visit date|review date|(?:mdt|meeting) date|date seen|dictated"
                    # a form's: "Date completed: 20/10/2025", "Date signed: ..."
                    r"|date (?:form )?(?:completed|signed|written|submitted|filled(?: in)?)"
                    # a writer's own words: "I write this the 3 of November 2025"
                    r"|(?:i|we) (?:write|am writing|'m writing) (?:this|to you)(?: on| the)?|date"
                    # a discharge letter: "Discharged: 24/08/2027", "Discharge date: ..."
                    r"|discharged(?: on)?|discharge date|date of discharge"
                    # a record's export: "Generated: 05/24/2027 09:14", "Printed on ..."
                    r"|generated|printed|exported|report date|date of report"
                    # "Seen in the young adult endocrine clinic on 12/11/2025"
                    r"|seen\s(?:in|at|by)\s[^.\n:]{0,50}?\s(?=on\s)"
                    # a letter's header: "Clinic: 16/11/2027", "Appointment: ..."
                    # a line opening with its date: "Written 2 March 2026 by Faizal Rahman"
                    r"|(?<![^\n])[ \t]*(?:written|dated)(?=\s)"
                    # ... with the place: "Written at Abuja, 14th January 2026"
                    r"|(?<![^\n])[ \t]*(?:written|signed|dated)\s(?:at|in)\s[A-Z][\w .'-]{1,40},"
                    # ... and an e-mail's: "Sent: Saturday 9 October 2027 21:47"
                    r"|(?<![\w ])(?:clinic|appointment|consultation|visit|review|attended|sent)"
                    r"(?=[*_]*\s?:))"
                    r"[*_]*\s?(?:on\s)?[:=-]?[*_]*\s?"
                    + _DATE.format(g="d"), re.IGNORECASE)


#: an age written after the date of birth: "DOB 11/06/2021 (5 yr 9 mo)"
_BIRTH_AGE = re.compile("(?:" + _BIRTH.pattern + r")"
                        r"\s*\(\s*(?:aged?\s)?(?P<y>\d{1,3})\s?(?:y|yr|yrs|years?)"
                        r"\.?(?:,?\s?(?P<m>\d{1,2})\s?(?:m|mo|mos|mths?|months?)\.?)?\s*\)",
                        re.IGNORECASE)


def age_after_birth_date(text: str) -> tuple[float, int, int] | None:
    """(age in years, start, end) of an age written in brackets after the date of birth.

    >>> age_after_birth_date("Oliver B., DOB 11/06/2021 (5 yr 9 mo), referred by his GP")
    (5.75, 11, 37)
    """
    m = _BIRTH_AGE.search(text)
    if m is None:
        return None
    return int(m.group("y")) + int(m.group("m") or 0) / 12, m.start(), m.end()


def _parse(raw: str, month_first: bool = False) -> tuple[dt.date, bool] | None:
    """The date and whether its day/month order was a choice (*month_first*: the
    document's other dates are written month first, "08/19/1992")."""
    raw = raw.strip().rstrip(".").lower()
    raw = re.sub(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s", "", raw)
    raw = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b|,|\bof\s", "", raw)
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            return dt.date.fromisoformat(raw), False
        m = re.fullmatch(r"(\d{1,2})\s([a-z]{3})[a-z]*\.?\s(\d{4})", raw)
        if m:
            return dt.date(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1))), False
        m = re.fullmatch(r"([a-z]{3})[a-z]*\.?\s(\d{1,2})\s(\d{4})", raw)
        if m:  # "november 2 2027"
            return dt.date(int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2))), False
        a, b, y = (int(x) for x in re.split(r"[/.-]", raw))
        if b > 12:  # "02/20/2025": month first
            return dt.date(y, a, b), False
        if month_first and a <= 12:
            return dt.date(y, a, b), False
        return dt.date(y, b, a), a <= 12 and a != b
    except (ValueError, KeyError):
        return None


def age_from_dates(text: str) -> tuple[float, int, int, str] | None:
    """(age in years, start, end of the birth date, note) or None when the text gives no date
    of birth and visit date, or they make no sense (a visit before birth, over 120 years)."""
    birth = _BIRTH.search(text)
    if birth is None:
        return _holiday_age(text)
    g = "d" if birth.group("d") else "d2"
    visits = [m for m in _VISIT.finditer(text) if m.start("d") != birth.start(g)]
    if not visits:  # a message thread: the date stamp of the message that gives the birth date
        stamps = [m for m in _STAMP.finditer(text) if m.start() <= birth.start()]
        visits = stamps[-1:]
    if not visits:  # a letter's own date in its first lines: "Nijmegen, 21-10-2027"
        head = "\n".join(text.splitlines()[:8])
        visits = [m for m in _ANY_DATE.finditer(head) if m.start("d") != birth.start(g)
                  and _LETTER_DATE_LINE.fullmatch(_line_of(head, m.start("d")))]
    if not visits:
        return None
    # a date written month first ("08/19/1992", "05/24/2027") says how the other is written
    month_first = _month_first(birth.group(g)) or _month_first(visits[0].group("d"))
    born = _parse(birth.group(g), month_first)
    visit = _parse(visits[0].group("d"), month_first)
    if born is None or visit is None or not born[0] <= visit[0]:
        return None
    years = round((visit[0] - born[0]).days / 365.25, 6)
    if years > 120:
        return None
    note = (f"age {years:.2f} y from date of birth {birth.group(g)} and visit date "
            f"{visits[0].group('d')}")
    if month_first:
        note += " (numeric dates read month/day/year, as one of them is written)"
    elif born[1] or visit[1]:
        note += " (numeric dates read day/month/year)"
    return years, birth.start(), birth.end(), note


#: fixed-date days a parent may say a child was born on, lower case -> (month, day)
HOLIDAYS = {
    "new year's day": (1, 1), "burns night": (1, 25), "australia day": (1, 26),
    "groundhog day": (2, 2), "waitangi day": (2, 6), "valentine's day": (2, 14),
    "leap day": (2, 29), "st david's day": (3, 1), "st patrick's day": (3, 17),
    "st george's day": (4, 23), "anzac day": (4, 25), "may day": (5, 1),
    "juneteenth": (6, 19), "midsummer's day": (6, 24), "canada day": (7, 1),
    "independence day": (7, 4), "the fourth of july": (7, 4), "fourth of july": (7, 4),
    "bastille day": (7, 14), "halloween": (10, 31), "bonfire night": (11, 5),
    "guy fawkes night": (11, 5), "remembrance day": (11, 11), "armistice day": (11, 11),
    "veterans day": (11, 11), "st andrew's day": (11, 30), "christmas eve": (12, 24),
    "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
    "new year's eve": (12, 31), "hogmanay": (12, 31),
}
_HOLIDAY_BIRTH = re.compile(
    r"\bborn on (?P<h>" + "|".join(sorted((re.escape(h).replace("'", "['\u2019]?")
                                           for h in HOLIDAYS), key=len, reverse=True))
    + r")(?:,?\s(?:(?P<rel>last|this)\syear|(?:in\s)?(?P<y>(?:19|20)\d{2})))?", re.IGNORECASE)
#: a baby's words: a holiday birth with no year is then the last such day ("Eli was born on
#: Christmas Eve" in a grandmother's letter of April)
_BABY_WORDS = re.compile(r"\b(?:baby|babies|grandbaby|newborn|infant|\d+\s(?:weeks?|months?)"
                         r"\sold|feeds?|nappies|diapers|ounces?)\b", re.IGNORECASE)


#: a birthday without its year: "Our son Hamed was born on 11 January this year"
_DAY_MONTH_BIRTH = re.compile(
    r"\bborn\son\s(?:the\s)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?(?P<month>" + _MONTH
    + r")\s(?P<rel>last|this)\syear\b|\bborn\son\s(?P<month2>" + _MONTH
    + r")\s(?P<day2>\d{1,2})(?:st|nd|rd|th)?,?\s(?P<rel2>last|this)\syear\b", re.IGNORECASE)


def _day_month_age(text: str) -> tuple[float, int, int, str] | None:
    """"born on 11 January this year" and a visit date: the age, noted."""
    m = _DAY_MONTH_BIRTH.search(text)
    if m is None or (found := _first_visit(text)) is None:
        return None
    visit, seen = found
    month = _MONTHS[(m.group("month") or m.group("month2"))[:3].lower()]
    day = int(m.group("day") or m.group("day2"))
    rel = (m.group("rel") or m.group("rel2")).lower()
    try:
        born = dt.date(seen.year - (rel == "last"), month, day)
    except ValueError:
        return None
    if born > seen:
        return None
    years = round((seen - born).days / 365.25, 6)
    return years, m.start(), m.end(), (f"age {years:.2f} y from birth on {born.isoformat()} "
                                       f"({m.group()}) and visit date {visit.group('d')}")


def _first_visit(text: str) -> tuple[re.Match[str], dt.date] | None:
    """The first labelled visit date of *text* and its date, or None."""
    visit = next(iter(_VISIT.finditer(text)), None)
    seen = _parse(visit.group("d")) if visit is not None else None
    return (visit, seen[0]) if visit is not None and seen is not None else None


def _holiday_age(text: str) -> tuple[float, int, int, str] | None:
    """"Hannah was born on Canada Day last year" and a visit date: the age, noted."""
    if (got := _day_month_age(text)) is not None:
        return got
    m = _HOLIDAY_BIRTH.search(text)
    if m is None or (found := _first_visit(text)) is None:
        return None
    visit, seen = found
    name = re.sub(r"[’]", "'", m.group("h").lower())
    month, day = HOLIDAYS.get(name, HOLIDAYS.get(name.replace("'", ""), (0, 0)))
    if not (m.group("y") or m.group("rel")) and not _BABY_WORDS.search(text):
        return None  # "I was born on Christmas Eve": which year?
    year = int(m.group("y")) if m.group("y") else seen.year - (
        (m.group("rel") or "").lower() == "last")
    try:
        born = dt.date(year, month, day)
        if not (m.group("y") or m.group("rel")) and born > seen:
            born = dt.date(year - 1, month, day)  # the last one before the letter
    except ValueError:
        return None
    if born > seen:
        return None
    years = round((seen - born).days / 365.25, 6)
    return years, m.start(), m.end(), (f"age {years:.2f} y from birth on {m.group('h')} "
                                       f"({born.isoformat()}) and visit date {visit.group('d')}")


#: a message thread's date stamp: "[14/10/2027, 09:10] Becky: ..."
_STAMP = re.compile(r"^\[" + _DATE.format(g="d") + r",?\s", re.MULTILINE | re.IGNORECASE)

#: a line that is only a date, or a place and a date ("Nijmegen, 21-10-2027", "14 June 2027"),
#: perhaps with the time and a label: a message's "24/03/2026, 6:40 am", a patient's own
#: "Notes - Thursday 14/05/2026, 10:52"
_LETTER_DATE_LINE = re.compile(r"\s*(?:[A-Z][A-Za-z .'-]{1,40}?(?:,|\s[-\u2013:])\s*)?"
                               + _DATE.format(g="x")
                               + r"(?:,?\s(?:at\s)?\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?)?\s*",
                               re.IGNORECASE)


def _line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


def _month_first(raw: str) -> bool:
    """"08/19/1992": a numeric date whose second number cannot be a month."""
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}", raw.strip().rstrip("."))
    return m is not None and int(m.group(2)) > 12


#: a full date in a document's first lines ("MDT date: 04/11/2025", "22/10/2025 08:00")
_ANY_DATE = re.compile(_DATE.format(g="d"), re.IGNORECASE)


def visit_year(text: str) -> int | None:
    """The year of the visit or letter: a labelled visit date, else the first full date of the
    first five lines that is not a date of birth; None when the text gives neither."""
    birth = _BIRTH.search(text)
    for m in _VISIT.finditer(text):
        if birth is None or m.start("d") != birth.start("d"):
            got = _parse(m.group("d"))
            if got is not None:
                return got[0].year
    head = "\n".join(text.splitlines()[:5])
    for m in _ANY_DATE.finditer(head):
        if birth is not None and m.start("d") == birth.start("d"):
            continue
        got = _parse(m.group("d"))
        if got is not None:
            return got[0].year
    return None
