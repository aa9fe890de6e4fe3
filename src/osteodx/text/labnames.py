"""Lab-analyte and panel names in case-report text, found through the catalogue.

Two things make names in PDF-extracted reports hard to find: words are broken
across lines ("25-hydroxy-vi-\\ntamin D", "Thy-\\nroid stimulating hormone")
and the same analyte is punctuated many ways ("25-[OH]D", "25(OH)D",
"25-OH-D"). :class:`~osteodx.text.labtext.Normalised` makes a cleaned copy of the text (line-break
hyphens closed, whitespace runs made one space) that remembers where each of
its characters came from, so every span found in the copy maps back to the
original text exactly. Names are then matched on the catalogue's
:func:`~osteodx.labs.name_key` (letters, digits and ``+`` only), which ignores
punctuation the way the catalogue does, with word boundaries checked on the
text and the longest name winning ("bone specific ALP" over "ALP", "free T4"
over "T4", "1,25-(OH)D" over "25-(OH)D").

Short abbreviations ("Ca", "P", "RF", "ALP") are matched case-sensitively and
within one word, so "Ca" is not found in "CA", "calcium" or "ca 1". A name
may be followed by a plural "s" ("platelet counts"), and a name elided
before "and"/"or" is completed from the next one ("white cell and platelet
counts", "liver and renal function").

>>> [(m.key, m.text) for m in find_mentions(Normalised("1,25-(OH)D and Bone specific ALP"))]
[('vitamin_d_1_25oh2', '1,25-(OH)D'), ('bone_alp', 'Bone specific ALP')]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from osteodx.labs.catalogue import Analyte, Catalogue, Panel, load_catalogue, name_key
from osteodx.text.labtext import Normalised

__all__ = ["Mention", "find_mentions", "name_index"]

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_KEY = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+")
_D_SUFFIX = re.compile(r"[23\u2082\u2083](?!\w)")  # "25(OH)D3"


@dataclass(frozen=True, slots=True)
class _Name:
    key: str
    name: str
    target: Analyte | Panel
    exact: str | None  # alnum characters to compare case-sensitively, or None


@dataclass(frozen=True, slots=True)
class Mention:
    """An analyte or panel name in :class:`Normalised` text (normalised offsets)."""

    start: int
    end: int
    target: Analyte | Panel
    text: str

    @property
    def key(self) -> str:
        return self.target.key

    @property
    def is_panel(self) -> bool:
        return isinstance(self.target, Panel)


def _exact(name: str) -> str | None:
    """Short one-word abbreviations ("Ca", "iPTH", "25-OH-D") are matched by case."""
    letters = [c for c in name if c.isalpha()]
    if " " in name or len(letters) > 5 or not any(c.isupper() for c in letters):
        return None
    return "".join(c for c in name if c.isalnum() or c == "+")


@cache
def name_index() -> tuple[_Name, ...]:
    """Every catalogue name of every analyte and panel, longest key first."""
    cat = load_catalogue()
    out: dict[tuple[str, str], _Name] = {}
    for a in cat.analytes:
        for n in (a.label, a.display, *a.names):
            out.setdefault((name_key(n), n), _Name(name_key(n), n, a, _exact(n)))
    for p in cat.panels:
        for n in (p.label, *p.names):
            out.setdefault((name_key(n), n), _Name(name_key(n), n, p, _exact(n)))
    return tuple(sorted(out.values(), key=lambda x: (-len(x.key), x.key, x.name)))


def _key_stream(text: str) -> tuple[str, list[int]]:
    """The text as :func:`name_key` characters, and where each came from."""
    chars: list[str] = []
    where: list[int] = []

    def ascii_part(a: int, b: int) -> None:
        kept = [i for i in range(a, b) if text[i] in _ASCII_KEY]
        chars.append("".join([text[i] for i in kept]).lower())
        where.extend(kept)

    last = 0
    for m in _NON_ASCII.finditer(text):  # "β" -> "beta", "²" -> "2", "–" -> ""
        ascii_part(last, m.start())
        k = name_key(m.group())
        chars.append(k)
        where.extend([m.start()] * len(k))
        last = m.end()
    ascii_part(last, len(text))
    return "".join(chars), where


_SENTENCE_END = re.compile(r"[;!?]\s|\.\s+[A-Z][a-z]")


def _boundary_ok(t: str, start: int, end: int, name: _Name) -> int | None:
    """The end of a match that respects word boundaries, or None. A name that
    modifies a compound word ("PTH-related peptide", "vitamin D-binding
    protein", "calcium-sensing receptor") is not the analyte."""
    if start > 0 and t[start - 1].isalnum():
        return None
    if _SENTENCE_END.search(t, start, end):
        return None  # "... of blood. Ammonia 180": two sentences, not "blood ammonia"
    if t.startswith("-", end) and end + 1 < len(t) and t[end + 1].islower():
        return None
    if name.key[0].isdigit() and start >= 2 and t[start - 1] in ",." and t[start - 2].isdigit():
        return None  # "25(OH)D" inside "1,25(OH)D"
    if end < len(t) and t[end].isalnum():
        if name.target.key.startswith("vitamin_d") and _D_SUFFIX.match(t, end):
            return end + 1  # "25(OH)D3", "1,25(OH)2D3"
        if _plural(t, end, name):
            return end + 1  # "platelet counts", "liver function tests"
        return None
    if name.exact is not None:
        found = unicodedata.normalize("NFKC", t[start:end]) if not t[start:end].isascii() \
            else t[start:end]
        if " " in found or "".join(c for c in found if c.isalnum() or c == "+") != name.exact:
            return None
        if "/" in found and "/" not in name.name:
            return None  # "A/P" (assessment and plan, anteroposterior) is two words, not "AP"
    return end


def _plural(t: str, end: int, name: _Name) -> bool:
    """A plural "s" after a spelt-out name ("counts"), not after an abbreviation."""
    return (name.exact is None and len(name.key) > 3 and name.name[-1:].isalpha()
            and name.name[-1:].lower() != "s" and t[end] == "s"
            and (end + 1 == len(t) or not t[end + 1].isalnum()))


def find_mentions(norm: Normalised) -> list[Mention]:
    """Non-overlapping analyte/panel names in ``norm.text``, in text order.

    A name followed by a bracketed alias of the same analyte ("25-hydroxy-vitamin
    D (25-[OH]D)", "alkaline phosphatase (ALP)") is one mention; "liver and
    renal function" gives both panels.
    """
    t = norm.text
    stream, where = _key_stream(t)
    found: list[tuple[int, int, _Name]] = []
    for name in name_index():
        k = stream.find(name.key)
        while k >= 0:
            start, end = where[k], where[k + len(name.key) - 1] + 1
            end_ok = _boundary_ok(t, start, end, name)
            if end_ok is not None:
                found.append((start, end_ok, name))
            k = stream.find(name.key, k + 1)
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    taken: list[tuple[int, int, _Name]] = []
    for f in found:
        if all(f[1] <= s or f[0] >= e for s, e, _ in taken):
            taken.append(f)
    taken.sort(key=lambda f: f[0])
    mentions = [_closed(t, Mention(s, e, n.target, t[s:e])) for s, e, n in taken]
    mentions = [f for f in (_in_fluid(t, m) for m in mentions)
                if f is not None and not _another_assay(t, f)]
    mentions = [_total_count(t, m) for m in mentions]
    return _elided(t, _merge_aliases(t, mentions))


#: "TC 9,800/cumm": a total (leucocyte) count of a South Asian report, not total cholesterol
_COUNT_AFTER = re.compile(r"\s?[:=-]?\s?\d[\d,]*(?:\.\d+)?\s?(?:/\s?(?:cumm|cmm|mm3|mm\^3|[uµμ]l)\b"
                          r"|cells\b)", re.IGNORECASE)


def _total_count(t: str, m: Mention) -> Mention:
    """"TC" before a count per cubic millimetre is the total leucocyte count."""
    if m.key != "cholesterol_total" or m.text.replace(".", "").upper() != "TC" \
            or not _COUNT_AFTER.match(t, m.end):
        return m
    return Mention(m.start, m.end, load_catalogue().find_by_name("WBC") or m.target, m.text)


#: A body fluid named right before an analyte ("CSF glucose", "24h urinary copper").
#: (not "G-CSF", "GM-CSF": a growth factor, not cerebrospinal fluid)
_FLUID = re.compile(r"(?<![A-Za-z])(?<![A-Za-z]-)(?P<f>CSF|cerebrospinal fluid|urine|urinary"
                    r"|pleural(?: fluid)?"
                    r"|ascitic(?: fluid)?|peritoneal(?: fluid)?|synovial(?: fluid)?|sweat"
                    r"|amniotic(?: fluid)?|vitreous|salivary|saliva|stool|faecal|fecal)\s$"
                    # a Nordic specimen prefix: "U-beta2-microglobulin", "dU-Ca" (urine)
                    r"|(?<![A-Za-z])(?P<u>(?-i:[dcf]?U))-$",
                    re.IGNORECASE)


#: A fluid other than blood earlier in the sentence (a ";" does not end it: "CSF protein 0.21
#: g/L; white cells 1/uL"), with no blood named after it; "48 h after G-CSF" is a drug.
_FLUID_EARLIER = re.compile(r"(?<![A-Za-z])(?<![A-Za-z]-)(?P<f>CSF|cerebrospinal fluid"
                            r"|pleural fluid"
                            r"|ascitic fluid|peritoneal fluid|synovial fluid|joint fluid"
                            r"|joint aspirate|amniotic fluid|lumbar puncture)\b"
                            r"(?!(?:[^.\n]|\.\d)*\b(?:blood|serum|plasma)\b)(?:[^.\n]|\.\d)*$",
                            re.IGNORECASE)


#: The specimen a fluid word names, where the catalogue has analytes of that specimen.
_SPECIMEN_OF_FLUID = {"csf": "cerebrospinal fluid", "cerebrospinal fluid": "cerebrospinal fluid",
                      "lumbar puncture": "cerebrospinal fluid"}


def _in_fluid(t: str, m: Mention) -> Mention | None:
    """The mention as measured in its fluid: unchanged when its analyte's own, the
    fluid's counterpart when the catalogue has one ("CSF: glucose 1.5" is CSF
    glucose), else None. "Urinary copper" is not serum copper: such a mention is
    dropped, so that its value is reported as unread rather than misread."""
    if isinstance(m.target, Panel):
        return m
    found = _FLUID.search(t, max(0, m.start - 30), m.start)
    if found is None:  # "Synovial fluid ... was clear (white cells 310/uL", "CSF: white cells 3"
        if m.target.specimen in ("urine", "cerebrospinal fluid"):
            return m
        found = _FLUID_EARLIER.search(t, max(0, m.start - 160), m.end)
        if found is None:
            return m
    fluid = "urine" if found.groupdict().get("u") else found.group("f").lower()
    if fluid in ("urine", "urinary"):  # "urine Na 68" is urine sodium, "urinary copper" unread
        if m.target.specimen == "urine":
            return m
        other = load_catalogue().in_fluid(m.target, "urine")
        return Mention(m.start, m.end, other, m.text) if other is not None else None
    specimen = _SPECIMEN_OF_FLUID.get(fluid)
    if specimen is not None and m.target.specimen == specimen:
        return m
    other = load_catalogue().in_fluid(m.target, specimen) if specimen else None
    return Mention(m.start, m.end, other, m.text) if other is not None else None


#: The first of two analytes in a ratio ("cholesterol/HDL ratio", "7-DHC to cholesterol
#: ratio"), or the American College of Rheumatology ("ACR/EULAR", "2010 ACR criteria").
_NOT_THE_ANALYTE_AFTER = re.compile(
    r"\s?(?:[/:]\s?[\w.-]+(?:\s[\w.-]+)?|\sto\s[\w.-]+)\sratio\b"
    r"|(?:\s(?:19|20)\d\d)?\s?(?:/\s?EULAR|(?:classification\s)?criteria)\b", re.IGNORECASE)
#: The second of two analytes in a ratio: "7-DHC/cholesterol ratio" (but not "TmP/GFR
#: ratio", whose name is the ratio).
_RATIO_SECOND = (re.compile(r"(?:[/:]\s?|\sto\s)$", re.IGNORECASE),
                 re.compile(r"\s?ratio\b", re.IGNORECASE))
#: Words before a name that make it another assay: "HDL cholesterol", "LDL-cholesterol".
_QUALIFIED_BEFORE: dict[str, re.Pattern[str]] = {
    "cholesterol_total": re.compile(
        r"\b(?:HDL|LDL|VLDL|IDL|non-HDL|nonHDL|remnant|free|esterified|lipoprotein)(?:\s?-|\s)$",
        re.IGNORECASE),
}
#: a urine analyte per creatinine: "PBG:creatinine", "ALA/creatinine" (a heading's colon has a
#: space or a line break after it: "Bloods: creatinine 121")
_PER_CREATININE = re.compile(r"[A-Za-z0-9)](?:[/:]|\s/\s)$")  # not "Bloods: creatinine"
_IMMUNOGLOBULINS = frozenset({"igg", "iga", "igm"})
#: An antibody of a class is not the class's total: "CMV IgG", "anti-tTG IgA", "tTG-IgA",
#: "rubella IgG", "IgM antibodies", "IgG anti-dsDNA", "IgG4", "IgG kappa", "IgG positive".
_ANTIBODY_BEFORE = re.compile(
    r"(?:\banti-?\s?[\w-]+[\s-]|[A-Za-z0-9]-"
    r"|\b(?!(?-i:SERUM|PLASMA|TOTAL|QUANTITATIVE|LAB)\b)"
    r"(?-i:[A-Za-z0-9]*[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)\s"
    r"|\b(?:rubella|measles|mumps|varicella|zoster|toxoplasma|toxo|parvovirus|hepatitis|dengue"
    r"|borrelia|lyme|mycoplasma|chlamydia|brucella|leptospira|treponema|syphilis|tetanus"
    r"|pertussis|gliadin|endomysial|transglutaminase|cardiolipin|phospholipid|glycoprotein"
    r"|virus|viral|capsid|antigen|spike|nucleocapsid|specific|allergen)\s)$", re.IGNORECASE)
_ANTIBODY_AFTER = re.compile(
    r"[\s-]?(?:anti\b|anti-|antibod|autoantibod|sero|subclass|index\b|avidity|tit(?:er|re)"
    r"|class\b|deposit|kappa|lambda|paraprotein|monoclonal|heavy|light|-\d)"
    r"|\s(?:(?:was|were|is|are)\s)?(?:positive|negative|reactive|non-?reactive|detected"
    r"|not\sdetected|equivocal|indeterminate)\b", re.IGNORECASE)


#: A spinal level, an acylcarnitine or a renal lesion named like a complement component:
#: "at C4", "C3-C4", "C4-5", "C4 vertebra", "C3 acylcarnitine", "C3 glomerulopathy",
#: "C3 deposits" are no serum C3 or C4 (before, after).
_SPINAL_LEVEL: tuple[re.Pattern[str] | None, re.Pattern[str] | None] = (re.compile(
    r"(?:\b(?:at|from|through|thru|between|above|below|level)\s(?:the\s)?"
    r"|\b(?:fractures?|fractured|compression|stenosis|subluxation|spondylolisthesis|vertebrae?"
    r"|vertebral|cervical)\s(?:(?:of|at|on|in)\s)?(?:the\s)?"
    r"|\b[CTLS]\d{1,2}\s?(?:[-\u2013\u2014]|to|through)\s?)$", re.IGNORECASE), re.compile(
    r"[-\u2013\u2014/]\s?[CT]?\d|-?(?:OH|DC)\b|[\s-]?(?:vertebra\w*|body\b|bodies\b|roots?\b"
    r"|nerves?\b|dermatom\w*|myotom\w*|spinous|lamina\w*|pedicle\w*|facet\w*|dis[ck]s?\b"
    r"|segment\w*|spinal|cord\b|fracture\w*|corpectom\w*|laminectom\w*|laminoplast\w*"
    r"|fusion|radiculopath\w*|myelopath\w*|acylcarnitine\w*|carnitine\w*|butyryl\w*"
    r"|isobutyryl\w*|propionyl\w*|nephritic|binding|glomerul\w*|deposit\w*|staining)",
    re.IGNORECASE))


#: Words around a short name that make it something else than the analyte, by analyte:
#: (before, after). "ACE inhibitor", "ACE-I", "ACE/ARB", "ACE gene", "ACE-III" (Addenbrooke's),
#: "ACE score" (adverse childhood experiences), "ACE bandage" are no serum ACE; "at C4",
#: "C3-C4", "C4-5", "C4 vertebra", "C4 nerve root", "C4 acylcarnitine" are no complement C4
#: or C3 (:data:`_SPINAL_LEVEL`);
#: "C1 inhibitor concentrate", "C1-INH-HAE" and "tryptase+ mast cells" are no results.
_NOT_THIS_ANALYTE: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {
    "ace": (None, re.compile(
        r"\)?(?:\s?\([^()]{1,40}\))?(?:-[A-Za-z0-9]|\s?/\s?[A-Za-z]|[\s-]?(?:inhibit\w*|antagonist\w*"
        r"|blocker\w*|blockade|gene\b|genes\b|genotyp\w*|polymorphi\w*|insertion|deletion|I/D\b"
        r"|variant\w*|scores?\b|bandage\w*|wraps?\b|wrapped|questionnaire\w*|receptor\w*))",
        re.IGNORECASE)),
    "complement_c4": _SPINAL_LEVEL,
    "complement_c3": _SPINAL_LEVEL,
    "c1_inhibitor": (None, re.compile(
        r"[\s-]?(?:concentrate\w*|replacement|therapy|infusion\w*|prophyla\w*|HAE\b|AAE\b|genes?\b"
        r"|deficien\w*)", re.IGNORECASE)),
    # "tubular reabsorption of phosphate 78 per cent", "fractional excretion of phosphate"
    "phosphate": (re.compile(r"\b(?:reabsorption|excretion|clearance|TmP)\s(?:of\s)?$",
                             re.IGNORECASE), None),
    # "TLC 4.2 L (78%)", "TLC 85% predicted": total lung capacity, not a total leucocyte count
    "leukocytes": (None, re.compile(r"\s?[:=]?\s?\d+(?:\.\d+)?\s?(?:L|l|litres?|liters?|%)(?![\w/])"
                                    r"|\s?(?:\(|was\s|of\s)?\s?\d+(?:\.\d+)?\s?%\s?(?:of\s)?pred",
                                    re.IGNORECASE)),
    # "C5-OH carnitine", "C6DC carnitine": an acylcarnitine, not free or total carnitine
    "carnitine_total": (re.compile(r"\bC\d{1,2}(?::\d)?(?:-?OH|-?DC)?[\s-]?$|acyl-?$",
                                   re.IGNORECASE), None),
    "carnitine_free": (re.compile(r"\bC\d{1,2}(?::\d)?(?:-?OH|-?DC)?[\s-]?$|acyl-?$",
                                  re.IGNORECASE), None),
    # "prostaglandin E2" and "PGE2" are no oestradiol (E2)
    "estradiol": (re.compile(r"(?:prostaglandin|PG)\s?$", re.IGNORECASE), None),
    "tryptase": (None, re.compile(
        r"\s?\+|[\s-]?(?:positiv\w*|stain\w*|immuno\w*|express\w*|gene\b)", re.IGNORECASE)),
}
#: "EOS" in capitals is also the EOS imaging system or early-onset scoliosis, and "AEC"
#: the ankyloblepharon-ectodermal defects-cleft lip/palate syndrome: such an abbreviation
#: followed by these words, or bracketed after words that do not name eosinophils, is dropped.
_EOS_AFTER = re.compile(
    r"\s?(?:\)|-?(?:imag\w*|system\w*|radiograph\w*|x-?rays?\b|scan\w*|biplanar|stereo\w*"
    r"|low-dose|full-spine|whole-body|images?\b|stud(?:y|ies)\b|films?\b|patients?\b|children"
    r"|cohort\w*|curves?\b|surgery|growing|rods?\b|casting|deformit\w*|syndrome\w*|phenotype\w*))",
    re.IGNORECASE)
_EOS_BEFORE_OK = re.compile(r"eosinophil\w*\s?\(\s?$", re.IGNORECASE)


def _another_assay(t: str, m: Mention) -> bool:
    """Is the name part of another assay's name? "HDL cholesterol" is not total
    cholesterol, "cholesterol/HDL ratio" is neither, "CMV IgG" or "anti-tTG IgA" is
    an antibody, not the immunoglobulin class's total, and "ACR" before "criteria"
    is a college. "ACE inhibitor" is a drug and "C4-C5" a spinal level
    (:data:`_NOT_THIS_ANALYTE`). Such a mention is dropped, as a name in another
    fluid is."""
    if isinstance(m.target, Panel):
        return False
    before = t[max(0, m.start - 30):m.start]
    if _NOT_THE_ANALYTE_AFTER.match(t, m.end) or (
            _RATIO_SECOND[0].search(before) and _RATIO_SECOND[1].match(t, m.end)):
        return True
    qualified = _QUALIFIED_BEFORE.get(m.target.key)
    if qualified is not None and qualified.search(before):
        return True
    if m.target.key == "creatinine" and _PER_CREATININE.search(before):
        return True  # "Urine PBG:creatinine 38.6": a urine ratio, not serum creatinine
    guard = _NOT_THIS_ANALYTE.get(m.target.key)
    if guard is not None and ((guard[0] is not None and guard[0].search(before))
                              or (guard[1] is not None and guard[1].match(t, m.end))):
        return True
    if m.target.key == "eosinophils" and m.text in ("EOS", "AEC"):
        return bool(_EOS_AFTER.match(t, m.end)) and not _EOS_BEFORE_OK.search(before)
    if m.target.key in _IMMUNOGLOBULINS:
        return bool(_ANTIBODY_BEFORE.search(before) or _ANTIBODY_AFTER.match(t, m.end))
    return False


def _closed(t: str, m: Mention) -> Mention:
    """A name that ends inside a bracket it opened ("PTH (intact") with the
    bracket closed, so that the words after it are not read as ")"."""
    for left, right in ("()", "[]"):
        if m.text.count(left) > m.text.count(right) and t.startswith(right, m.end):
            return Mention(m.start, m.end + 1, m.target, t[m.start:m.end + 1])
    return m


_ALIAS_GAP = re.compile(r"\s*[(\[]\s*")
_ALIAS_END = re.compile(r"\s*[)\]]")


def _merge_aliases(t: str, mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if i + 1 < len(mentions):
            nxt = mentions[i + 1]
            gap = _ALIAS_GAP.fullmatch(t, m.end, nxt.start)
            close = _ALIAS_END.match(t, nxt.end)
            if gap and close and nxt.target.key == m.target.key:
                out.append(Mention(m.start, close.end(), m.target, t[m.start:close.end()]))
                i += 2
                continue
        out.append(m)
        i += 1
    return out


_ELIDED = re.compile(r"(?<![A-Za-z/])((?:[A-Za-z]+\s){0,2}[A-Za-z]+)\s+(?:and|or|&|/)\s+$")


def _elided(t: str, mentions: list[Mention]) -> list[Mention]:
    """'liver and renal function', 'white cell and platelet counts': the words
    before "and" name a panel or analyte too, with the next name's last words."""
    cat = load_catalogue()
    extra: list[Mention] = []
    for m in mentions:
        if " " not in m.text:
            continue
        tail = m.text[m.text.index(" "):]
        before = _ELIDED.search(t, max(0, m.start - 60), m.start)
        if before is None:
            continue
        found = _elided_target(cat, before.group(1), tail, m)
        if found is None:
            continue
        s, e = before.start(1) + found[0], before.end(1)
        if all(e <= x.start or s >= x.end for x in mentions):
            extra.append(Mention(s, e, found[1], t[s:e]))
    return sorted(mentions + extra, key=lambda m: m.start)


def _elided_target(cat: Catalogue, words: str, tail: str,
                   m: Mention) -> tuple[int, Analyte | Panel] | None:
    """The shortest trailing run of *words* that, with *tail*, names another
    target of the same kind as *m*: (offset of the run in *words*, target)."""
    singular = tail[:-1] if tail.endswith("s") else tail
    starts = [i for i in range(len(words)) if i == 0 or words[i - 1] == " "]
    for i in reversed(starts):
        for end in (tail, singular):
            name = words[i:] + end
            target: Analyte | Panel | None = (cat.find_panel_by_name(name) if m.is_panel
                                              else cat.find_by_name(name))
            if target is not None and target.key != m.key:
                return i, target
    return None
