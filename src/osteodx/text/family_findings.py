"""What a relative is said to have: the finding after the relative, cut into pieces and
read for status (affected, unaffected, hedged, not assessed, genotype only).

Used by :mod:`osteodx.text.family`; see its docstring for the rules.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from osteodx.text.context import ContextAnalyser, ParsedSentence
from osteodx.text.family_status import _NEUTRAL, _UNAFFECTED
from osteodx.text.family_words import (
    _APPOSITION,
    _CONSANG,
    _EVALUATIVE,
    _GENETIC,
    _GENOTYPE_WORDS,
    _GERUND,
    _HEDGE,
    _IDENTITY_ONLY,
    _LEAD_MEASURE,
    _MEASURE_PREFIX,
    _OF_PATIENT,
    _SEEN_AT_END,
    _SIMILAR,
    _UNASSESSED,
    _VALUE_RE,
    _VERB_CHAIN,
)
from osteodx.text.sentences import clean_text

#: a first name in apposition ("Brother, Noah, 5: ...")
_NAME = re.compile(r"[A-Z][^\W\d_A-Z]{1,14}(?:-[A-Za-z][a-z]+)?")
_WHOSE = re.compile(r"\s*\bof\s+(?:the|her|his|their)\s+(?:father|mother|dad|mum|mom|parents?"
                    r"|brother|sister|sibling)\b")


class _Found(NamedTuple):
    text: str
    affected: bool | None
    note: str
    similar: bool = False


# -- findings -----------------------------------------------------------------------------


def _strip_lead(text: str, start: int, end: int) -> int:
    """Skip punctuation, verbs and hedging adverbs, age/measurement appositions ("aged 4,"),
    other appositions before a verb ("his father, a carpenter, had ...") and "of the patient"
    ("the father of the patient is ..."). An opening quote stays: it belongs to the finding."""
    while True:
        before = start
        while start < end and not text[start].isalnum() and text[start] not in "'\"":
            start += 1
        after_comma = re.search(r"[,(]\s*$", text[before:start]) is not None
        for rx in (_OF_PATIENT, _VERB_CHAIN):
            start += len(rx.match(text, start, end).group())  # type: ignore[union-attr]
        for rx in (_LEAD_MEASURE, _APPOSITION) if after_comma else (_LEAD_MEASURE,):
            lead = rx.match(text, start, end)
            if lead and start < lead.end() < end:
                start = lead.end()  # "aged 4, is developing normally" -> "developing normally"
        if start == before:
            return start


#: a finding that was not worked up: "bandy shins that were never investigated"
_NOT_WORKED_UP = re.compile(r",?\s(?:that|which)\s(?:was|were|has been|have been)\s(?:never|not)"
                            r"\s(?:investigated|treated|assessed|examined|diagnosed|operated"
                            r"|looked into|explained)\W*$")


def _strip_tail(text: str, start: int, end: int) -> int:
    """Drop trailing punctuation, but keep a ")" that closes "(148 cm)" and a closing quote;
    and a clause saying the finding was never worked up (it does not deny the finding)."""
    worked = _NOT_WORKED_UP.search(text, start, end)
    if worked is not None:
        end = worked.start()
    while end > start and not text[end - 1].isalnum():
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        if text[end - 1] == '"' and text.count('"', start, end) % 2 == 0:
            break
        end -= 1
    return end


def _measurement_only(text: str) -> bool:
    """A value with no word that interprets it ("178 cm", "calcium was 2.40 mmol/L")."""
    if _EVALUATIVE.search(text) or not _VALUE_RE.search(text):
        return False
    rest = _VALUE_RE.sub(" , ", text)
    pieces = [x.strip() for x in re.split(r",|;|\band\b", rest)]
    return all(_MEASURE_PREFIX.fullmatch(x) for x in pieces)


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a finding at top-level ",", "and", "with" ("w/"), "but" (not inside parentheses)."""
    out, lo, depth = [], start, 0
    for m in re.finditer(r"[()]|,|\b(?:and|with|but)\b|(?<![\w/])w/(?!o\b)", text[:end]):
        if m.start() < start:
            continue
        # (a piece may start inside a parenthesis: "Mum (Karen, 56) has it too, ...")
        depth = max(0, depth + {"(": 1, ")": -1}.get(m.group(), 0))
        if depth == 0 and m.group() not in "()":
            out.append((lo, m.start()))
            lo = m.end()
    out.append((lo, end))
    return [(a, b) for a, b in ((_skip_space(text, a, b), b) for a, b in out)
            if re.search(r"\w", text[a:b])]


def _skip_space(text: str, a: int, b: int) -> int:
    while a < b and not text[a].isalnum():
        a += 1
    return a


def _genotype_only(piece: str) -> bool:
    """A genetic result and nothing else ("carries the same variant", "variant was absent",
    "heterozygous for c.512g>a"): what a relative carries, not how she is."""
    if not _GENETIC.search(piece):
        return False
    rest = _GENETIC.sub(" ", piece)
    return all(w in _GENOTYPE_WORDS or any(c.isdigit() for c in w)
               for w in re.findall(r"\S*\d\S*|[a-z][a-z'-]*", rest))


#: a result with no word that interprets it: "HbA1c 36", "QTc 412", "TSH 2.1 mIU/L"
#: (an abbreviation of at most five letters, or a name with a digit: not "diabetes 2")
_BARE_RESULT = re.compile(r"(?i:[a-z][a-z-]{0,4}|[a-z][a-z-]*[0-9][a-z0-9-]*)(?:\s|\s?[:=]\s?)[<>]?"
                          r"[0-9]+(?:[.,][0-9]+)?(?:\s?[a-zµμ%]+(?:/[a-z0-9.]+)?)?")


#: the parents' kinship as a piece of what is said of them: "(are) first cousins and healthy"
_KIN_PIECE = re.compile(r"(?:(?:are|were)\s)?(?:(?:first|second|third"
                        r"|double|distant|1st|2nd|3rd)[- ]"
                        r"(?:degree\s)?)?cousins(?: once removed)?|(?:(?:are|were)\s)?related"
                        # "Abdul Karim (I-1) and Rokeya Begum (I-3), siblings, both well"
                        r"|(?:(?:are|were)\s)?(?:(?:half-)?siblings|brothers|sisters"
                        r"|brother and sister|sister and brother)")

_CARRIER = re.compile(r"\b(?:obligate |possible |likely )?carriers?\b", re.IGNORECASE)


def _piece_affected(ctx: ContextAnalyser, p: ParsedSentence, a: int, b: int) -> bool | None:
    """True (affirmed), False (negated / normal) or None (a neutral or measurement piece)."""
    text = p.view.text
    while b > a and not text[b - 1].isalnum():
        b -= 1
    paren = re.search(r"\s*\(([^()]*)\)?$", text[a:b])
    if paren and paren.start() > 0 and _NEUTRAL.fullmatch(paren.group(1).strip()):
        b = a + paren.start()  # "first cousins (Pakistani origin)": the aside says nothing
    piece = re.sub(r"^[0-9]+\s*[:,–-]\s*", "", text[a:b])  # "5: I examined him": age first
    piece = re.sub(r"^[0-9]{1,3}\)\s*(?:both\s|all\s)?", "", piece)  # "(Rosa, 54, ... 58) both"
    piece = re.sub(r",?\s(?:in|on|from)\s(?:19|20)[0-9]{2}$", "", piece)  # "HbA1c 36 in 2023"
    # "height of the father 172 cm": whose value it is says nothing of health
    piece = _WHOSE.sub("", piece)
    piece = re.sub(r"^there (?:is|was|are|were|has been) ", "", piece)  # "there is no ..."
    if _CARRIER.search(text, a, b):
        return None  # an X-linked carrier's signs: "mottled RPE (carrier pattern)"
    if _NEUTRAL.fullmatch(piece) or _measurement_only(piece) or _BARE_RESULT.fullmatch(piece) \
            or _CONSANG.fullmatch(text, a, b) or _CONSANG.fullmatch(piece) \
            or _KIN_PIECE.fullmatch(piece) \
            or _UNASSESSED.search(piece) or _genotype_only(piece):
        return None  # "alive", "178 cm", "not consanguineous", "to be screened", "carries
        # the variant": no status
    if _UNAFFECTED.search(piece):
        return False
    if paren and paren.start() > 0 and b > a + paren.start():  # "died aged 41 (?MI, no PM)":
        b = a + paren.start()  # the aside's "no" does not negate the statement before it
        while b > a and not text[b - 1].isalnum():
            b -= 1
    last = max(a, text.rfind(" ", a, b) + 1)
    return not ctx.assess_view(p, last, b).negated  # "no symptoms", "did not have X in Y"


def _votes(ctx: ContextAnalyser, p: ParsedSentence, lead: int, start: int, end: int
           ) -> list[bool | None]:
    """One vote per piece. The first piece is checked for "not been assessed" from ``lead``
    (before the verbs were stripped); a bare gerund takes the next piece's "well" ("walking
    and running well")."""
    text = p.view.text
    pieces = _pieces(text, start, end)
    votes = [_piece_affected(ctx, p, a, b) for a, b in pieces]
    first = re.sub(r"\s*\([^()]*\)$", "", ctx.original(p, *pieces[0]).strip(" ,")) \
        if pieces else ""
    if (len(pieces) > 1 and _NAME.fullmatch(first)) or (  # "Poppy (4)": the age aside too
            pieces and _NAME_WITH_AGE.fullmatch(ctx.original(p, *pieces[0]).strip(" ,"))):
        votes[0] = None  # "Daughter, Ella, 6: well", "a daughter, Isla (3)": a name
    elif pieces and (name := _NAME_LEAD.match(ctx.original(p, *pieces[0]))) is not None \
            and pieces[0][0] + name.end() < pieces[0][1]:
        # "Her brother Eetu (7) is on the 50th centile": the name and age say nothing
        votes[0] = _piece_affected(ctx, p, pieces[0][0] + name.end(), pieces[0][1])
    named = [bool(_NAME_AGED.fullmatch(who := ctx.original(p, a, b).strip(" ,"))
                  or _IDENTITY_ONLY.fullmatch(who)) for a, b in pieces]
    # "Imran (father) and Sadia (mother)": names only, nothing said (one capitalised word
    # alone may be a disease's name)
    k = named.index(False) if False in named else len(named) if len(named) > 1 else 0
    if k >= 1:  # "Mehmet (63) and Zeynep (60), both well": names first, then what is said
        votes[:k] = [None] * k
        if k < len(pieces) and (name := _NAME_LEAD.match(ctx.original(p, *pieces[k]))) \
                is not None \
                and pieces[k][0] + name.end() < pieces[k][1]:  # "Emre and Ayse are cousins"
            at = pieces[k][0] + name.end()
            verb = re.match(r"(?:is|was|are|were|has|had|have)\s", text[at:pieces[k][1]])
            votes[k] = _piece_affected(ctx, p, at + (verb.end() if verb else 0), pieces[k][1])
    if pieces and _UNASSESSED.search(text, lead, pieces[0][1]):
        votes[0] = None
    for k in range(1, len(pieces)):  # "the c.-14C>T variant ..., absent in both parents"
        if votes[k - 1] is None and _RESULT_AGAIN.fullmatch(text[slice(*pieces[k])].strip()) \
                and _GENETIC.search(text, pieces[k - 1][0], pieces[k - 1][1]):
            votes[k] = None
    for k in range(len(pieces) - 2, -1, -1):
        if votes[k + 1] is False and _GERUND.fullmatch(text[slice(*pieces[k])].strip()):
            votes[k] = False
    for k, (a, b) in enumerate(pieces):  # "Mum and Dad each carry it | and I got both":
        if k and re.match(r"(?:(?:so|and|but|then)\s)?i\b(?!-)", text[a:]):  # the writer's
            votes[k] = None  # own lot, not theirs
        elif _KIN_ONLY.fullmatch(text, a, b):  # "... help a lot with Dad | and with my brother"
            votes[k] = None
        elif k and votes[k - 1] is None and _CAME_FROM.match(text, pieces[k - 1][0]):
            votes[k] = None  # "came from Oulu, | Finland in 1996": the place goes on
    first = next((k for k, v in enumerate(votes) if v is not None), None)  # (after a name)
    if first is not None and votes[first] is False and _NORMAL_LEAD.search(
            text, pieces[first][0], pieces[first][1]):
        for k in range(first + 1, len(pieces)):  # "normal vision, hearing and weight"
            noun = _WHEN_AFTER.sub("", text[slice(*pieces[k])].strip(" ,."))
            if noun not in _NORMAL_NOUNS and noun not in _lab_names():
                break
            votes[k] = False
    return votes


#: where the family came from: "came from oulu" (view text)
_CAME_FROM = re.compile(r"(?:came|come|moved|emigrated|immigrated)(?: here| over)? from\b")
#: a relative named and nothing more: "dad", "my little brother misha" (view text)
_KIN_ONLY = re.compile(r"\s*(?:(?:my|his|her|their|our|the)\s)?(?:(?:little|big|younger|older|baby"
                       r"|elder)\s)?(?:mum|mom|dad|mother|father|brother|sister|son|daughter|nan"
                       r"|gran|granny|grandma|grandpa|grandad|aunt|auntie|uncle|cousin)(?:\s[a-z]+)?"
                       r"\s*")

_RESULT_AGAIN = re.compile(r"(?:absent|present|not (?:found|detected|present)|negative"
                           r"|positive)")
#: a summary that the relative is well, whatever else is said of them
_NO_PROBLEMS = re.compile(r"\bno (?:(?:health|medical|similar) )?(?:problems?|issues|concerns"
                          r"|complaints|symptoms)\b")
#: a test done, its result said apart: "had a full cardiology check-up last year", "was tested
#: as a baby", "had her thyroid checked last week"
TEST_DONE = re.compile(r"\b(?:tested|checked|screened|examined|scanned|check-?ups?|tests?|scans?"
                       r"|echos?|ecgs?|x-rays?)\b")
#: what the writer says is another condition: "but nothing like this", "but that's not the same
#: thing at all", "but the cardiologist says that's just age"
_NOT_THE_SAME = re.compile(r"(?:\bbut\s)?\b(?:nothing|not(?:hing)?\sanything)\slike\s"
                           r"(?:this|hers|his|it|that)\b|\b(?:that's|that\sis|it's|it\sis|that\swas|it\swas)\s"
                           r"(?:not|n't)\s(?:the\s)?same(?:\sthing|\scondition)?\b"
                           r"|\b(?:that's|that\sis|it's|it\sis)\sjust\s(?:old\s)?age\b"
                           # "but the doctor said this is a different thing"
                           r"|\b(?:this|that|it)(?:\sis|'s|\swas)\s(?:a\s)?(?:different|separate"
                           r"|unrelated|another)\s(?:thing|condition|problem|disease|illness)\b")
def test_then_result(ctx: ContextAnalyser, p: ParsedSentence, found: _Found | None,
                     result_span: tuple[int, int]) -> tuple[_Found | None, _Found | None]:
    """A relative's test, then its result in a clause of its own ("had her thyroid checked
    last week | and it was normal"): the result, and the test only if it says more than
    that a test was done."""
    result = _finding(ctx, p, *result_span)
    if found is not None and found.affected and result is not None \
            and result.affected is False and TEST_DONE.search(found.text.lower()):
        found = None  # the test, not a finding
    return found, result


def _other_condition(text: str, start: int, end: int) -> bool:
    """Does the writer say, in this statement or a clause after it, that the relative's
    condition is another one ("had psoriasis | but that's not the same thing at all")? Not
    past another relative ("..., and her aunt had it but nothing like this")."""
    m = _NOT_THE_SAME.search(text, start)
    return m is not None and (m.start() < end or not re.search(
        r"(?:\band|,)\s+(?:her|his|my|their|the|our)\s", text[end:m.start()]))


#: the writer's doubt closing the sentence: "..., but she smoked, so who knows."
_WHO_KNOWS = re.compile(r"\bwho knows\W*$")
#: a query mark before a word hedges it: "died aged 45, ?brain haemorrhage", "(FHx ?SAH)"
_QUERY = re.compile(r"(?:^|[\s,(])\?\s?[a-z]")
#: "normal" opening a list: "normal vision, ...", "completely normal eyes and teeth"
#: (anywhere in the first piece: "Grace, 10, has normal teeth and height")
_NORMAL_LEAD = re.compile(r"\b(?:(?:completely|entirely|totally|perfectly|quite|all)\s)?normal\s")
#: what "normal" is said of in a list ("normal vision, hearing and weight")
_NORMAL_NOUNS = frozenset("vision hearing weight height growth development intellect intelligence"
                          " cognition speech gait bones teeth sight eyes ears stature puberty"
                          " development skin nails feet hands hair legs arms joints spine heart"
                          " kidneys blood pressure urinalysis creatinine bloods labs tests"
                          " results ecg echo scan scans x-rays mri build iq thumbs fingers"
                          " toes palate face".split()) | {
    "head size", "head circumference", "body proportions"}
#: when, after a noun: "creatinine last year", "ECG in 2024"
_WHEN_AFTER = re.compile(r"(?:\s+(?:when (?:tested|checked|seen)|(?:last|this|earlier this) (?:year"
                         r"|month|week)|in (?:19|20)\d\d|in (?:january|february|march|april|may"
                         r"|june|july|august|september|october|november|december)|recently))+$")


#: catalogue synonyms that are everyday words ("got" for SGOT)
_EVERYDAY = frozenset("got ace fix sun pea fib arg orn una lys cre tnt trom mono parc pra ica tca"
                      " glu sbt trp".split())


def names_a_lab(text: str) -> bool:
    """Does *text* name a lab of the catalogue (three characters or more, not an everyday
    word), as one to four words: "found a low TSH", "very low uric acid"? Set look-ups of
    the text's word runs, not one pattern of 3,000 names (which takes 0.2 s to compile)."""
    words = [w.strip(".,;:!?\"'") for w in text.lower().split()]
    names = _lab_names()
    return any(len(run) >= 3 and run not in _EVERYDAY and run in names
               for n in range(1, 5) for k in range(len(words) - n + 1)
               if (run := " ".join(words[k:k + n])))


@cache
def _lab_names() -> frozenset[str]:
    """Every lab catalogue name, lower-cased: what a relative's "normal calcium and PTH" is
    said of."""
    from osteodx.text.labnames import name_index

    return frozenset(n.name.lower() for n in name_index())
#: a first name with its age in brackets: "Isla (3)"
_NAME_WITH_AGE = re.compile(r"[A-Z][^\W\d_A-Z]{1,14}(?:-[A-Za-z][a-z]+)?\s?\(\d{1,3}\)")
#: a first name, with its age in brackets or not: "Zeynep (60)", "Mehmet"
_NAME_AGED = re.compile(r"[A-Z][^\W\d_A-Z]{1,14}(?:-[A-Za-z][a-z]+)?(?:\s?\(\d{1,3}\))?")
#: a first name and an age in brackets opening a relative's statement: "Eetu (7) "
_NAME_LEAD = re.compile(r"(?!(?:There|This|That|These|Those|It|He|She|They|Her|His|Their|The"
                        r"|Which|Who|What|One|Both|All|Each|Neither|None|Nobody)\b)"
                        # "Eetu (7) is", "Wei Ming (41) had"
                        r"[A-Z][^\W\d_A-Z]+(?:-[A-Za-z][a-z]+)?(?:\s[A-Z][^\W\d_A-Z]+){0,2}"
                        r"(?:\s\(\d+[^()]{0,10}\))?\s(?=(?:is|was|has|had|are|both|each"
                        r"|carr(?:y|ies|ied)|lives?|works?)\b)")  # "Callum (34) both carry"
#: a clause that interprets the case rather than saying how the relatives are
_INTERPRETS = re.compile(r"(?:(?:this|which|that|it)\s)?(?:points?|suggests?|indicates?|implies"
                         r"|means|argues?)\s(?:to|that|towards|for|an?)\b")


#: a relative's name after "is": "Her father is Rafiqul and her mother is Shirin"
_IS_NAMED = re.compile(r"\s*(?:is|was|named|called|,)\s+(?:[A-Z][a-z]+|[A-Z][a-z]+\s[A-Z][a-z]+)"
                       r"\s*(?:and\b)?[\s.,;]*")


#: who relatives are (asides, names, "and", the other parent): "(II-4, 26) and mother Shirin";
#: what is left may say only how they are related ("are first cousins", "are siblings")
_WHO_ONLY = re.compile(r"\([^()]*\)|\b[A-Z][a-z]+(?:'s)?\b|\b(?:and|mother|father|mum|dad)\b"
                       r"|\b(?:I{1,3}|IV|VI{0,3})[-:]\d{1,2}\b|\d+|[,&().;:]")


#: a clause that doubts the statement before it, not a finding: "; this cannot be confirmed"
_UNCONFIRMED = re.compile(r"(?:this|which|that|it)\s(?:cannot|can't|could not|couldn't|has not"
                          r"|hasn't|was not|wasn't|is not|isn't)(?:\sbe|\sbeen)?\s(?:confirmed"
                          r"|verified|substantiated|proven)\b")


#: a well carrier: "healthy heterozygous carriers", "an unaffected obligate carrier"
_WELL_CARRIER = re.compile(r"(?:an? |both )?(?:healthy|unaffected|asymptomatic|clinically well)"
                           r"\s(?:(?:heterozygous|obligate|obligatory)\s)*carriers?\b")


def _finding(ctx: ContextAnalyser, p: ParsedSentence, start: int, end: int,
             raw_start: int | None = None) -> _Found | None:
    """The finding in view span ``[start, end)``, or None when it is no affection statement.

    ``raw_start`` is where hedges and "similar" are looked for ("possibly had", "Possibly,
    her father ...", "Similar changes were seen in ..."). "has not been assessed" or "to be
    screened" alone gives ``affected=None`` with note "not assessed": no status is known.
    """
    text = p.view.text
    raw = text[start if raw_start is None else raw_start : end]
    lead = start
    said = ctx.original(p, start, end) if start < min(end, len(text)) else ""
    if _IS_NAMED.fullmatch(said):
        return None  # "her father is Rafiqul": who he is, not how he is
    if said and _KIN_PIECE.fullmatch(" ".join(_WHO_ONLY.sub(" ", said).split()).lower()):
        return None  # "(II-3, 32) and mother Shirin Akter (II-4, 26) are first cousins"
    start = _strip_lead(text, start, end)
    end = _strip_tail(text, start, end)
    tail = _SEEN_AT_END.search(text, start, end)
    if tail and tail.start() > start:
        end = tail.start()  # "sclerotic changes were found" -> "sclerotic changes"
    if end <= start or _measurement_only(text[start:end]) or _INTERPRETS.match(text, start) \
            or _UNCONFIRMED.match(text, start, end):
        return None  # "... consanguineous parents this points to a recessive defect"
    similar = bool(_SIMILAR.search(raw))
    if _WELL_CARRIER.match(text, start, end):  # "are healthy heterozygous carriers"
        return _Found(clean_text(ctx.original(p, start, end)), False, "", similar)
    votes = _votes(ctx, p, lead, start, end)
    if all(v is None for v in votes):
        pending = _UNASSESSED.search(text, lead, end)  # "not been assessed": before the strip
        if pending:
            return _Found(clean_text(ctx.original(p, *pending.span())), None, "not assessed",
                          similar)
        if any(_genotype_only(text[a:b]) for a, b in _pieces(text, start, end)):
            return _Found(clean_text(ctx.original(p, start, end)), None, "genotype only")
        return None  # "178 cm", "alive", "non-consanguineous"
    affected = any(votes)
    if affected and (_NO_PROBLEMS.search(text, start, end) or _other_condition(text, start, end)):
        affected = False  # "has straight legs and no problems": a summary that she is well;
        # "had psoriasis but that's not the same thing at all": another condition
    if affected and False in votes and all(
            not v or TEST_DONE.search(text, a, b)
            for v, (a, b) in zip(votes, _pieces(text, start, end), strict=True)):
        affected = False  # "had a full check-up last year and everything was normal"
    last = max(start, text.rfind(" ", start, end) + 1)
    finding = clean_text(ctx.original(p, start, end))
    doubted = _UNCONFIRMED.match(text, re.match(r"[\s;,]*(?:but\s|although\s)?", text[end:]).end()
                                 + end)  # "...; this cannot be confirmed"
    if _HEDGE.search(raw) or _QUERY.search(raw) or doubted or _WHO_KNOWS.search(text, start) or \
            ctx.assess_view(p, last, end).uncertain:
        note = "possibly affected" if affected else "possibly unaffected"
        return _Found(finding, None, note, similar)
    return _Found(finding, affected, "", similar)
