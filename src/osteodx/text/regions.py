"""Imaging statements about skeletal regions ("Skull X-ray did not show any abnormality").

Sclerosing bone disorders are told apart by *where* the skeleton is dense, and case
reports say so in region sentences rather than in HPO terms: "Both rib series were
normal", "Long bone, such as tibia, fibula and humerus had normal bony
structure". A normal region is evidence (:func:`osteodx.case.skeleton.normal_region_findings`
turns it into excluded findings), so :func:`find_region_statements` reads these
sentences into ``RegionStatement(key, normal, ...)`` with ``key`` a region or group
id of ``knowledge/skeleton.yaml``.

How: a sentence about imaging or bone density (``_IMAGING``), or one of the two after it in
the same section ("Radiographs were taken. Skull and ribs were normal."), mentions regions
(a closed vocabulary below) and abnormality words (an examination sentence such as
"reflexes normal in both feet" is skipped)
("sclerotic", "density", "abnormality", "lesion", "changes", "uptake"). Each is
put in context by :class:`osteodx.text.context.ContextAnalyser`: regions said of a
relative or in a generic / hypothetical sentence are skipped, a negated abnormality
word ("did not show any abnormality", "Abnormal densities are not shown") or a
"normal" cue ("were normal", "normal bony structure") makes the clause normal, an
affirmed abnormality word makes it abnormal (hedged ones too). A region takes its
clause's verdict, or the sentence's when only the sentence has one - unless a
"normal" cue reaches the region word itself ("Skull X-ray normal, spine
sclerotic"). A following
sentence without a region that starts "There was ..." ("There was no sclerotic
change.") speaks of the previous sentence's regions.

Family statements ("Her mother did not have osteosclerotic lesion") are in
:mod:`osteodx.text.family` and re-exported here.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from osteodx.text.context import ContextAnalyser, ParsedSentence, context_of
from osteodx.text.family import FamilyStatement, find_family_statements

__all__ = ["FamilyStatement", "RegionStatement", "find_family_statements",
           "find_region_statements", "region_group"]

#: (key, pattern) in matching priority; keys are skeleton.yaml region or group ids
_REGIONS: tuple[tuple[str, str], ...] = (
    ("skull_base", r"skull base|base of the skull|cranial base|basal skull|clivus"),
    ("skull_vault", r"skull vault|cranial vault|calvari(?:a|um|al)|cranial wall"),
    ("skull", r"skulls?|cran(?:ium|ia)|cranial bones?"),
    ("spine", r"spines?|spinal column|vertebra[el]?|vertebral(?: bod(?:y|ies))?"
              r"|end ?plates?|endplates?|lumbar|thoracic spine|cervical spine|lumbosacral"
              r"|thoracolumbar|thoracic-lumbar"),
    ("pelvis", r"pelvis|pelvic(?: bones?)?|il(?:ium|ia)|iliac(?: bones?| wings?)?|ischi(?:um|a)"
               r"|pubis|sacroiliac|acetabul(?:um|a|ar)"),
    ("ribs", r"ribs?(?: series| cage)?|costal"),
    ("long_bone_diaphysis", r"diaphys(?:is|es|eal)"),
    ("long_bone_metaphysis", r"metaphys(?:is|es|eal)"),
    ("long_bone_epiphysis", r"epiphys(?:is|es|eal)"),
    ("long_bones", r"long bones?|tibia[el]?|fibula[re]?|femur|femora|femoral|humer(?:us|i|al)"
                   r"|radius|radii|ulna[er]?|limbs?|extremit(?:y|ies)"),
    ("hands", r"hands?|metacarpals?|carpals?|fingers?"),
    ("feet", r"feet|foot|metatarsals?|tarsals?|toes?"),
)
_REGION_RE = re.compile("|".join(f"(?P<{k}>(?<![\\w-])(?:{p})(?![\\w-]))" for k, p in _REGIONS))
_GROUP_OF = {"skull_base": "skull", "skull_vault": "skull", "long_bone_diaphysis": "long_bones",
             "long_bone_metaphysis": "long_bones", "long_bone_epiphysis": "long_bones"}
_ABNORMAL = re.compile(
    r"(?<![\w-])(?:(?:osteo)?scleros[ie]s|(?:osteo)?sclerotic|dens(?:e|er|ity|ities)"
    r"|thicken(?:ed|ing)|hyperostos[ie]s|abnormal(?:ity|ities)?|lesions?|changes?|involvement"
    r"|fractures?|deformit(?:y|ies)|uptake|bands?|rugger[- ]?jersey|sandwich|opacit(?:y|ies)"
    r"|patchy|striations?|pathology)(?![\w-])")
_NORMAL = re.compile(r"normal|unremarkable", re.I)
#: "the skull and the spine were spared", "the pelvis was uninvolved": the clause's regions
#: are normal; "sclerosis of the spine, sparing the skull": the region after it is
_SPARED = re.compile(r"\b(?:(?:was|were|is|are|been|remain(?:s|ed)?)\s+(?:(?:completely|entirely"
                     r"|largely|totally)\s+)?(?:spared|uninvolved|not involved|not affected)"
                     r"|unaffected)\b")
_SPARING = re.compile(r"\b(?:sparing|but not|except(?: for)?)\s+(?:(?:the|both|all)\s+)?$")
#: "normal in height and density", "of normal size and density": the density is normal
_NORMAL_IN = re.compile(r"\bnormal\s(?:(?:in|of|for)\s)?(?:(?:height|size|shape|alignment"
                        r"|contour|morphology|outline|configuration|and|or)[\s,]+)*"
                        r"dens(?:e|ity|ities)\b")
#: "density normal", "density is normal": the same, the other way round
_DENSITY_NORMAL = re.compile(r"\bdens(?:ity|ities)\s(?:(?:is|was|are|were|appears?|remains?"
                             r"|looks?)\s)?(?:(?:entirely|completely|quite|otherwise)\s)?normal\b")
#: what a region's density being normal is said with: "(spared)" beside it is spared sclerosis
_DENSITY_WORDS = re.compile(rf"{_NORMAL_IN.pattern}|{_DENSITY_NORMAL.pattern}"
                            r"|\(spared\)|\bnot (?:osteo)?sclerotic\b")


def _density_only(sentence: str) -> bool:
    """Does a sentence say only that the bone's density is normal ("Ribs: thin and irregular;
    normal density", "Skull vault: thin, normal density (spared)"), not that the region is?
    Its shape may be abnormal: only the region's sclerosis is excluded."""
    if not _DENSITY_WORDS.search(sentence):
        return False
    rest = _DENSITY_WORDS.sub(" ", sentence)
    return not _NORMAL.search(rest) and not _SPARED.search(rest)


#: a sentence about the skeleton on imaging (or about bone density itself); a physical
#: examination ("spine straight", "reflexes normal in both feet") says nothing of sclerosis


def region_group(key: str) -> str:
    """The group a region belongs to ("long_bone_metaphysis" -> "long_bones"), or itself.

    >>> region_group("long_bone_diaphysis"), region_group("spine")
    ('long_bones', 'spine')
    """
    return _GROUP_OF.get(key, key)


_IMAGING = re.compile(
    r"x-?rays?|radiograph|radiolog|imaging|\bct\b|tomograph|\bmri\b|magnetic resonance|scan"
    r"|scintigra|skeletal survey|series|\bfilms?\b|\bviews?\b|scleros|sclerotic|dens(?:e|er|ity"
    r"|ities)|cortic|trabecul|hyperostos|opacit|uptake|bony structure|bone structure")
#: the words a clause naming only regions and studies may have ("Radiographs of the skull,
#: ribs and long bones, which were normal"); any other word says something of its own
_PLAIN_WORDS = frozenset("of the and both all left right r l bilateral views view study studies"
                         " plain lateral ap pa were was are is which that at on".split())


def _says_more(clause: str) -> bool:
    """Does a clause say more than which regions were imaged?"""
    rest = _REGION_RE.sub(" ", clause)
    return any(w not in _PLAIN_WORDS and not _IMAGING.match(w)
               for w in re.findall(r"[a-z][a-z-]*", rest))


def _row_verdict(text: str, pos: int) -> bool | None:
    """A region named in a table row ("| Skull X-ray | normal |") is normal when the row says
    only that; a row with a finding ("| Hand X-ray R | triphalangeal thumb |") says no verdict
    here (the finding itself is read as a phenotype)."""
    lo = text.rfind("| |", 0, pos)
    hi = text.find("| |", pos)
    row = text[lo + 1 if lo >= 0 else 0 : hi if hi >= 0 else len(text)]
    if not _NORMAL.search(row):
        return False if _ABNORMAL.search(row) and not re.search(r"\bno\b", row) else None
    return not _says_more(_NORMAL.sub(" ", row.replace("|", " ")))


#: after a region, a densitometry reading: the site of a DXA measurement, not an image of it
_DENSITOMETRY_SITE = re.compile(r"(?:\s+(?:spine|hip|neck|femur))?"
                                r"(?:\s*\(?l[1-5]\s?[-\u2013]\s?l[1-5]\)?)?"
                                r"\s*(?:[tz][- ]?scores?|bmd|bone (?:mineral )?density|dxa|dexa)\b")
_THERE = re.compile(r"(?:there (?:was|were|is|are)|no |it |they |these |both |all )")


class RegionStatement(NamedTuple):
    """``key`` (skeleton.yaml region or group) is said to be normal or not, in ``text``."""

    key: str
    normal: bool
    start: int  # the sentence's span
    end: int
    text: str
    density_only: bool = False  # normal density only ("thin ribs of normal density")


def _verdicts(ctx: ContextAnalyser, p: ParsedSentence) -> dict[int, bool]:
    """Clause index -> normal? for the clauses that say something about the bone."""
    out: dict[int, bool] = {}
    for m in _ABNORMAL.finditer(p.view.text):
        a = ctx.assess_view(p, m.start(), m.end())
        if not a.about_patient:
            continue
        if a.negated and m.group().startswith("fracture"):
            continue  # "no rib or vertebral fractures" says nothing of the bone's density
        ci = _clause_of(p, m.start())
        normal = _NORMAL_IN.search(p.view.text, max(0, m.start() - 60), m.end())
        out[ci] = out.get(ci, True) and (a.negated or (normal is not None
                                                      and normal.end() == m.end())
                                         or _DENSITY_NORMAL.match(p.view.text, m.start())
                                         is not None)
    for m in _SPARED.finditer(p.view.text):
        if ctx.assess_view(p, m.start(), m.end()).about_patient:
            out.setdefault(_clause_of(p, m.start()), True)
    for h in p.hits:
        if h.cue.kind == "negation" and h.cue.value == "normal":
            a = ctx.assess_view(p, h.start, h.end)
            if a.about_patient:
                out.setdefault(_clause_of(p, h.start), True)
    return out


def _clause_of(p: ParsedSentence, pos: int) -> int:
    return next((k for k, c in enumerate(p.clauses) if c.start <= pos < c.end), 0)


def find_region_statements(text: str, ctx: ContextAnalyser | None = None
                           ) -> list[RegionStatement]:
    """Statements that a skeletal region is normal or abnormal, in text order.

    At most one statement per key and verdict per sentence; a sub-region ("femoral
    diaphyses") replaces its group ("long_bones") in the same clause.

    >>> [(s.key, s.normal) for s in find_region_statements(
    ...     "Both rib series were normal. Spine X-ray showed sclerotic change.")]
    [('ribs', True), ('spine', False)]
    """
    ctx = ctx or context_of(text)
    out: list[RegionStatement] = []
    previous: tuple[int, list[str]] | None = None  # sentence index, keys
    imaging_at = -10  # index of the last sentence about imaging
    for i, sentence in enumerate(ctx.sentences):
        p = ctx.parse(i)
        if _IMAGING.search(p.view.text):
            imaging_at = i
        elif i - imaging_at > 2 or ctx.sentences[imaging_at].section != sentence.section:
            previous = None  # an examination, not imaging: "reflexes normal in both feet"
            continue
        verdicts = _verdicts(ctx, p)
        overall = set(verdicts.values())
        found: dict[tuple[int, str], bool] = {}  # (clause, key) -> said normal itself
        where: dict[tuple[int, str], int] = {}  # (clause, key) -> where the region is named
        for m in _REGION_RE.finditer(p.view.text):
            key = m.lastgroup or ""
            if _DENSITOMETRY_SITE.match(p.view.text, m.end()):
                continue  # "lumbar spine T-score -0.6": where density was measured
            a = ctx.assess_view(p, m.start(), m.end())
            if a.about_patient:
                # "Skull X-ray normal, spine sclerotic": a "normal" reaching the region decides
                local = (a.negated and _NORMAL.search(a.negation_cue or "") is not None) \
                    or _SPARING.search(p.view.text, max(0, m.start() - 20), m.start()) is not None
                found.setdefault((_clause_of(p, m.start()), key), local)
                where.setdefault((_clause_of(p, m.start()), key), m.start())
        keys: dict[tuple[str, bool], None] = {}
        for (ci, key), local in found.items():
            if (ci, key) in {(c, _GROUP_OF.get(k)) for c, k in found}:
                continue  # the group of a sub-region named in the same clause
            verdict = True if local else verdicts.get(ci)
            if "|" in p.view.text:  # a table: only the region's own row speaks of it
                verdict = _row_verdict(p.view.text, where[(ci, key)])
            elif verdict is None and len(overall) == 1:
                verdict = next(iter(overall))
                clause = p.clauses[ci]
                if verdict and _says_more(p.view.text[clause.start:clause.end]):
                    verdict = None  # "views of the spine revealed odontoid hypoplasia; MRI
                    # showed no signal change": the other clause's "no change" is not the spine's
            if verdict is not None:
                keys.setdefault((key, verdict))
        if not found and previous and previous[0] == i - 1 and len(overall) == 1 \
                and _THERE.match(p.view.text) and ctx.sentences[i - 1].section == sentence.section:
            keys = {(k, next(iter(overall))): None for k in previous[1]}
        density = _density_only(p.view.text)
        for key, normal in keys:
            out.append(RegionStatement(key, normal, sentence.start, sentence.end, sentence.text,
                                       normal and density))
        previous = (i, list(dict.fromkeys(k for k, _ in keys))) if keys else None
    return out
