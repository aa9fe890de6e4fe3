"""Sections and sentences of a case report, with exact spans into the original text.

Case reports reach us as PDF extracts: words hyphenated across line breaks,
page breaks inside a word ("Rugger-jer-\\n\\nsey"), figure captions dropped in the
middle of a paragraph, citation brackets after the full stop ("retardation.[3,4]
There"). Everything downstream (negation scope, who a finding belongs to) is
decided per sentence, and whether a sentence speaks about *this patient* depends
heavily on its section: an Introduction or Discussion lists the features of the
disease and of its differential, the Case section describes the patient.

So :func:`find_sections` first cuts the text at headings (a line that is only a
known heading word, "CASE REPORT", "2. Discussion", or a heading followed by a
colon, "Case presentation: ...") and at figure/table captions ("Fig. 1. ..."), and
:func:`split_sentences` splits each section separately: a sentence never crosses a
heading or a caption, and the body text resumes its section after a caption.

>>> text = "INTRODUCTION\\nOsteopetrosis is rare (Fig. 1). It was described by Simon et al.[1]"
>>> text += " in 1979.\\n\\nCASE\\nA girl had 7.2 ng/mL vitamin D. No frac-\\ntures."
>>> [(s.section, s.text) for s in split_sentences(text)]  # doctest: +NORMALIZE_WHITESPACE
[('introduction', 'Osteopetrosis is rare (Fig. 1).'),
 ('introduction', 'It was described by Simon et al.[1] in 1979.'),
 ('case', 'A girl had 7.2 ng/mL vitamin D.'), ('case', 'No frac-\\ntures.')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from osteodx.text.spoken import spoken_cuts

__all__ = [
    "LITERATURE_SECTIONS",
    "blank_emphasis",
    "blank_running_heads",
    "PATIENT_SECTIONS",
    "Section",
    "Sentence",
    "clean_text",
    "find_sections",
    "sentence_at",
    "split_sentences",
]

#: Sections about the disease and the literature rather than the patient.
LITERATURE_SECTIONS = frozenset({"introduction", "discussion", "conclusion", "references",
                                 "backmatter"})
#: Sections that describe the patient. "front" (untitled text before the first
#: heading, usually the abstract) and "abstract" summarise the patient but mix in
#: statements about the disease, so they are in neither set.
PATIENT_SECTIONS = frozenset({"case", "results", "caption"})

_HEADINGS: dict[str, str] = {
    "abstract": r"abstract|summary",
    "introduction": r"introduction|background",
    "case": r"case(?: (?:reports?|presentations?|descriptions?|histor(?:y|ies)|summary|details"
            r"|study|series))?(?: (?:no\.? )?\d+| [ivx]+)?"
            r"|clinical (?:reports?|presentation|description|case|history|findings)"
            r"|patients?(?: (?:and|&) methods| description| presentation| reports?)?(?: \d+)?"
            r"|presentation of (?:the )?case|report of (?:a|the) case|family report"
            r"|subjects?(?: and methods)?|proband",
    # what follows on the heading's own line is about the relatives ("FHx: nil")
    "family": r"family (?:history|hx)|fhx",
    "methods": r"(?:materials? and )?methods|methodology",
    "results": r"results|findings",
    "discussion": r"discussion|comments?|review of (?:the )?literature|literature review",
    "conclusion": r"conclusions?|concluding remarks|learning points",
    "references": r"references|bibliography|literature cited|works cited",
    "backmatter": r"acknowledge?ments?|funding|conflicts? of interests?|disclosures?"
                  r"|author contributions|abbreviations|key ?words|ethics(?: statement)?"
                  r"|consent|declarations?|competing interests|data availability",
}
_HEADING_ALT = "|".join(f"(?P<{k}>{v})" for k, v in _HEADINGS.items())
_NUMBERING = r"(?:(?:\d+|[IVX]+)\.?[ \t]+)?"
#: a whole line that is a heading (optionally numbered, optionally ending in ':' or '.')
_HEADING_LINE = re.compile(rf"^[ \t]*{_NUMBERING}(?:{_HEADING_ALT})[ \t]*[:.]?[ \t]*$",
                           re.I | re.M)
#: a heading that starts a line and is followed by text: "Case presentation: A girl ..."
#: (a colon) or "CASE REPORT A girl ..." (capitals, checked in code)
_HEADING_INLINE = re.compile(rf"^[ \t]*{_NUMBERING}(?:{_HEADING_ALT})(?:[ \t]*:[ \t]*|[ \t]+)"
                             rf"(?=[A-Z0-9(])", re.I | re.M)
_CAPTION = re.compile(r"^[ \t]*(?:supplementary |suppl\. )?(?:fig(?:ure)?s?|table)\.?[ \t]*"
                      r"[0-9]+[A-Za-z]?(?:[ \t]*[.:|\u2013\u2014-])?[ \t]+(?=[A-Z(])",
                      re.I | re.M)
_CAPTION_MAX = 2000

#: words that a full stop follows without ending the sentence ("Fig. 1", "e.g. x")
_ABBREVIATIONS = frozenset(
    "fig figs tab tabs eq eqs ref refs e.g i.e cf vs viz dr mr mrs ms prof approx ca st jr sr"
    " dept univ vol pp resp incl esp nos co".split()  # (an Irish county: "Co. Tyrone")
)
#: "et al." ends a sentence only before a word that commonly starts one
_SENTENCE_STARTERS = frozenset(
    "the this these that those a an in our we she he it they however there his her thus"
    " therefore".split()
)
_TERMINAL = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?:\[[0-9,\s\u2013-]+\])?(?=\s|$)")
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_BULLET = re.compile(r"\n[ \t]*(?=[-\u2022*\u25aa\u25e6\u2023][ \t])")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


class Section(NamedTuple):
    """A stretch of text under one heading: ``text[start:end]`` is its body.

    ``name`` is canonical (``front`` for the text before any heading, ``caption``
    for a figure or table legend); ``heading`` is the heading as written ("" for
    ``front`` and for the text resuming a section after a caption).
    """

    name: str
    start: int
    end: int
    heading: str


class Sentence(NamedTuple):
    """One sentence; ``text == original[start:end]`` (line breaks kept)."""

    start: int
    end: int
    text: str
    section: str


def _heading_name(m: re.Match[str]) -> str:
    return next(k for k in _HEADINGS if m.group(k) is not None)


def _caption_end(text: str, start: int) -> int:
    """A caption runs over its lines until one ends a sentence or a blank line."""
    pos, limit = start, min(len(text), start + _CAPTION_MAX)
    while pos < limit:
        nl = text.find("\n", pos)
        if nl < 0 or nl >= limit:
            return limit
        line = text[pos:nl].rstrip()
        if line.endswith((".", "!", "?")) or text[nl + 1 :].lstrip(" \t").startswith("\n"):
            return nl
        pos = nl + 1
    return limit


def find_sections(text: str) -> list[Section]:
    """Cut ``text`` into sections at headings and figure/table captions, in order.

    Headings are recognised from a closed list of case-report headings (see
    ``_HEADINGS``); a caption is a line starting "Fig. N." / "Figure N:" / "Table N"
    and ends at the first of its lines that ends a sentence. Text after a caption
    goes back to the section the caption interrupted.
    """
    marks: list[tuple[int, int, str, str]] = []  # heading start, body start, name, heading
    for m in _HEADING_LINE.finditer(text):
        marks.append((m.start(), m.end(), _heading_name(m), m.group().strip()))
    for m in _HEADING_INLINE.finditer(text):
        words = m.group().strip().rstrip(":").strip()
        if ":" in m.group() or words.isupper():
            marks.append((m.start(), m.end(), _heading_name(m), words))
    captions = []
    for m in _CAPTION.finditer(text):
        captions.append((m.start(), m.end(), _caption_end(text, m.end()), m.group().strip()))
    marks.sort()
    sections: list[Section] = []
    current, body, heading = "front", 0, ""

    def close(at: int) -> None:
        if at > body or not sections:
            sections.append(Section(current, body, at, heading))

    events = sorted([(s, b, None, n, h) for s, b, n, h in marks]
                    + [(s, b, e, "caption", h) for s, b, e, h in captions])
    for start, body_start, cap_end, name, head in events:
        if start < body:  # inside a caption or a heading already taken
            continue
        close(start)
        if cap_end is None:
            current, body, heading = name, body_start, head
        else:
            sections.append(Section("caption", body_start, cap_end, head))
            body, heading = cap_end, ""
    close(len(text))
    sections = _clinical_background(sections)
    return [s for s in sections if s.end > s.start or s is sections[0]]


#: sections only a journal article has: with none of them, "Background" is the patient's
#: history and "Conclusion" a test's conclusion ("Conclusion: axonal polyneuropathy")
_ARTICLE_SECTIONS = frozenset({"abstract", "discussion", "references", "methods",
                               "backmatter"})
#: an article's case heading ("Case presentation", "Clinical report"), not a form's "Patient:"
_ARTICLE_CASE = re.compile(r"case|presentation|report|description", re.IGNORECASE)


def _clinical_background(sections: list[Section]) -> list[Section]:
    """In a discharge summary or clinic letter "Background" is the patient's history, not an
    article's introduction, and "Conclusion" a study's or a letter's conclusion about the
    patient: they are read as such when no other heading of an article occurs."""
    if any(s.name in _ARTICLE_SECTIONS or (s.name == "case" and _ARTICLE_CASE.search(s.heading))
           for s in sections):
        # an article's background comes before its case: after "Patient: Bilal H., 12-year-
        # old boy", a "Background:" (a team meeting's summary) is still the patient's
        seen_case, out = False, []
        for s in sections:
            if seen_case and _background(s):
                s = s._replace(name="case")
            seen_case = seen_case or s.name == "case"
            out.append(s)
        return out
    return [s._replace(name="case") if _background(s) or s.name == "conclusion" else s
            for s in sections]


def _background(s: Section) -> bool:
    return s.name == "introduction" and s.heading.lower().rstrip(":. ").endswith("background")


def _boundaries(text: str, start: int, end: int) -> list[int]:
    """Positions in ``text[start:end]`` after which a sentence ends."""
    cuts: list[int] = []
    lower_writer = len(_PRONOUN_I.findall(text)) >= 3  # "dad's fine. my brother ..."
    for m in _TERMINAL.finditer(text, start, end):
        nxt = re.compile(r"\s*(\S+)").match(text, m.end(), end)
        following = nxt.group(1) if nxt else ""
        if following and following[0].islower() and not _LOWER_I.fullmatch(following) \
                and not (lower_writer and following[0].isalpha()):
            continue  # (a teenager's lower-case "i" still starts a sentence: "no pain. i have")
        word = _LAST_WORD.search(text, max(start, m.start() - 12), m.start() + 1)
        if word and m.group()[0] == "." and word.end() == m.start() + 1:
            w = word.group(1).lower()
            if w in _ABBREVIATIONS or (w == "no" and following[:1].isdigit()):
                continue
            if w == "d" and re.search(r"[-\u2013:,]\s*d\.$", text[max(start, m.start() - 4):
                                                                  m.end()]):
                continue  # a family list's "Father - d. MI aged 70": died
            if w == "al" and following.lower().strip("\"'(") not in _SENTENCE_STARTERS:
                continue
            if _TITLED_INITIAL.search(text, max(start, m.start() - 16), m.start() + 1):
                continue  # "Mr. K. Srinivas", "Dr A. B. Smith": an initial, not an end
        cuts.append(m.end())
    for rx in (_PARAGRAPH, _BULLET):
        for m in rx.finditer(text, start, end):
            # a blank line before a lowercase word is a page break inside a sentence
            if m.end() < end and not text[m.end()].islower():
                cuts.append(m.start())
    cuts += _list_lines(text, start, end)
    return sorted(set(cuts))


#: a writer who writes "i" for "I" (and so starts sentences in lower case too)
_PRONOUN_I = re.compile(r"(?<![\w.'’-])i(?:['’](?:m|ve|d|ll))?(?=\s)")
#: the pronoun "I" written in lower case ("i", "i'm", "ive", "im")
_LOWER_I = re.compile(r"i(?:['’](?:m|ve|d|ll)|ve|m)?[,.]?")
#: a name's initial after a title or another initial: "Mr. K.", "Mrs K.", "Dr. A. B."
_TITLED_INITIAL = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?|\b[A-Z]\.)\s[A-Z]\.$")


_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*(?=\S)")
_CONTINUES = re.compile(r"(?:[,\-(/&]|\b(?:and|or|of|with|without|the|a|an|to|in|for|by|at|on"
                        r"|from|as|no|not|was|were|is|are|had|has|showed|revealed|aged))$", re.I)
_SHORT_LINE = 60
#: a message of a chat export, opened by its time stamp and sender
_MESSAGE = re.compile(r"\[[^\]\n]{4,24}\]\s*[A-Z][\w .'-]{0,30}:")


def _list_lines(text: str, start: int, end: int) -> list[int]:
    """Line ends that end an item of a list written one item a line, without full stops
    ("Examination:\nNo hepatosplenomegaly\nWebbed neck"): the next line starts with a
    capital or a digit, and the line is short or ends with a colon and does not end
    mid-phrase. Wrapped prose (long lines, or a lowercase next word) is left alone."""
    cuts = []
    line_start = start
    for m in _LINE_BREAK.finditer(text, start, end):
        line = text[line_start : m.start()].strip()
        line_start = m.end()
        if line and _MESSAGE.match(text, m.end()):
            cuts.append(m.start())  # each message of a thread: "[12/10/2027, 06:48] Kerry: ..."
            continue
        if not line or not (text[m.end()].isupper() or text[m.end()].isdigit()):
            continue
        if re.match(r"\d+,\s", text[m.end():m.end() + 8]):
            continue  # a wrapped "aged\n61, had been told": an age goes on, no list item
        if (len(line) < _SHORT_LINE or line.endswith(":")) and not _CONTINUES.search(line):
            cuts.append(m.start())
    return cuts


def split_sentences(text: str, sections: Sequence[Section] | None = None) -> list[Sentence]:
    """Sentences of ``text`` in order, each tagged with its section's name.

    A full stop ends a sentence unless it follows an abbreviation ("Fig.", "e.g.",
    "et al." before a lowercase word), sits inside a number ("7.2"), or the next
    word is lowercase (line-wrapped text, "et al.[1] at"); a citation bracket after
    it stays with the sentence. A blank line ends a sentence unless a lowercase
    word follows it (a page break). Spans are trimmed of surrounding whitespace.
    """
    out: list[Sentence] = []
    for sec in sections if sections is not None else find_sections(text):
        pos = sec.start
        cuts = [*_boundaries(text, sec.start, sec.end), sec.end]
        spoken = [c for a, b in zip([sec.start, *cuts[:-1]], cuts, strict=True)
                  for c in spoken_cuts(text, a, b)]  # a transcript's run-on: its spoken breaks
        for cut in sorted({*cuts, *spoken}):
            s, e = pos, cut
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if any(c.isalnum() for c in text[s:e]):
                out.append(Sentence(s, e, text[s:e], sec.name))
            pos = cut
    return out


def sentence_at(sentences: Sequence[Sentence], pos: int) -> int | None:
    """Index of the sentence containing character ``pos``, or None (heading, gap)."""
    i = bisect_right([s.start for s in sentences], pos) - 1
    if i >= 0 and pos < sentences[i].end:
        return i
    return None


_LINE_HYPHEN = re.compile(r"(?<=[a-z])-[ \t]*\r?\n\s*(?=[a-z])")


def clean_text(text: str) -> str:
    """``text`` with line-break hyphens closed up and whitespace runs made one space.

    >>> clean_text("os-\\nteosclerotic  lesion in\\nspine")
    'osteosclerotic lesion in spine'
    """
    return re.sub(r"\s+", " ", _LINE_HYPHEN.sub("", text)).strip()


_PAGE_NUMBER = re.compile(r"^\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.I)
#: page furniture: "doi:10.1155/...", "DOI 10.", "ISSN", a URL ("doing" is no DOI)
_FURNITURE = re.compile(r"\b(?:doi\b|issn\b|copyright\b|downloaded from\b|https?://|www\.)|©",
                        re.I)
_EDGE_NUMBER = re.compile(r"^\s*\d{1,4}\s+|\s+\d{1,4}\s*$")


def blank_running_heads(text: str) -> str:
    """``text`` with page furniture of PDF extracts replaced by spaces (offsets unchanged).

    A running header or footer ("2      Case Reports in Medical Genetics") lands in the
    middle of a sentence ("there was no cleft [header] palate") and breaks both the phrase
    and its negation. Blanked: lines that are only a page number, lines with a DOI, URL or
    copyright notice, and short lines without a full stop that occur twice or more once
    page numbers are set aside. Newlines are kept, so sentences and spans still line up.

    >>> t = "Journal of Bones 12\\nno cleft\\n\\n13 Journal of Bones\\n\\npalate. Page 2\\n"
    >>> blank_running_heads(t).split()
    ['no', 'cleft', 'palate.', 'Page', '2']
    """
    lines = text.splitlines(keepends=True)
    keys = [_EDGE_NUMBER.sub("", ln).strip() for ln in lines]
    counts: dict[str, int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    out = []
    for ln, k in zip(lines, keys, strict=True):
        body = ln.rstrip("\r\n")
        furniture = bool(body.strip()) and (
            _PAGE_NUMBER.match(body) is not None
            or (_FURNITURE.search(body) is not None and len(body) < 160
                and not body.rstrip().endswith("."))
            or (counts[k] >= 2 and 8 <= len(k) <= 120 and any(c.isalpha() for c in k)
                and not k.endswith((".", ":", ";")))
        )
        out.append(" " * len(body) + ln[len(body):] if furniture else ln)
    return "".join(out)


#: markdown emphasis: "**0.92 mmol/L**", "__low__", "*ELN*" (not "2*3", not a "* " bullet)
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])[*_](?=[^\s*_])|(?<=[^\s*_])[*_](?![\w*])")


def blank_emphasis(text: str) -> str:
    """``text`` with markdown emphasis markers replaced by spaces (offsets unchanged), so that
    "Total cholesterol **0.92 mmol/L**" reads as a name, a value and a unit.

    >>> blank_emphasis("**Sex:** F; Ca *2.1* mmol/L; 2*3; snake_case")
    '  Sex:   F; Ca  2.1  mmol/L; 2*3; snake_case'
    """
    return _EMPHASIS.sub(lambda m: " " * len(m.group()), text)
