"""What a case report says about the patient's relatives ("Her mother did not have ...").

For a dominant sclerosing disorder an unaffected parent is evidence (de novo
variant, reduced penetrance, or another diagnosis), and "She has no father, sister
or brother" tells the reader that the family could not be examined - not that the
relatives are unaffected. :func:`find_family_statements` keeps the two apart:
``affected`` is True / False when the text says so and None when it only says a
relative is absent, that a relative is *possibly* affected, or that the parents are
(not) consanguineous. The engine weighs True / False for parents, so only a
definite, first-hand statement about the relative's own health may set them.

Per clause (:mod:`osteodx.text.cues`), relatives named together ("her father and
brother", "his mother and two sisters") form one subject. A possessive names one
relative, not two: "Mum's brother" is an uncle, "her father's sister" an aunt (pairs
we do not name, "her sister's son", are "family members" - never the patient's son);
the side ("maternal uncle", "grandmother from the father side") leads the note
("maternal", "maternal; possibly affected") and keeps the two sides' relatives apart.
"they" opening a clause continues plural relatives named before it in the sentence
("The parents were not tested; they and his two sisters have no similar symptoms"),
and "(no similar features / no one else) in the family" speaks of family members.

A negation right before the relatives with nothing after ("no father, sister or
brother") gives ``affected=None`` with note "no such relative". Otherwise the rest
of the clause after the verb ("did not have ...") is the finding, cut where a gapped
relative starts ("her father is 178 cm and her mother 157 cm"). A relative after the
finding ("... was seen in her sister") works the same way. The finding is read in pieces (split at
",", "and", "with", "but"): the relative is affected when one piece is affirmed,
unaffected when every piece is negated or says "healthy", "normal", "well",
"unremarkable", "negative", "developing normally"; a hedge ("possibly had",
"may have been", "is suspected in") turns either into ``affected=None`` with note
"possibly affected" / "possibly unaffected". "has not been assessed / examined /
tested", "to be screened" say no status is known: alone they give ``affected=None``
with note "not assessed"; beside a status word ("asymptomatic, to be screened") they
yield to it ("is asymptomatic and has not yet been tested" is unaffected). A genetic
result ("carries the same variant", "the variant was absent in both parents",
"heterozygous for c.512G>A", "negative for the mutation") says what a relative carries,
not how she is: alone it gives ``affected=None`` with note "genotype only"; beside a
status ("carries the variant but is asymptomatic") it yields to it. "w/" reads as
"with". Verbless history lines read the same ("Father - T2DM.", "Younger sister
15 y/o - asymptomatic"), as do relatives with an inserted age, name or job ("His
father, a carpenter, had ..."); coordinated gerunds share their "well" ("is walking
and running well").

``similar`` is True when the text ties the relative's finding to the patient's
("similar", "same", "also", "likewise", "affected", "the disease"). Any condition
of a relative is ``affected=True`` ("Father - T2DM"): whether it is the patient's
kind of disease is for the caller to judge, from ``similar`` and ``finding_text``.
Not affection statements, so no statement at all:

* measurements of a relative ("is 178 cm", "aged 4", "calcium was 2.40 mmol/L") -
  a number says nothing about disease unless a word ("low", "short") interprets it;
* a relative as informant ("Her mother recalls / reports / noticed / observed /
  describes / brought her because ...") - what follows is the patient's history,
  unless she says it of herself ("noted swelling in herself");
* generic sentences (Discussion), other patients' relatives, and relatives after
  "from", "to", "by", "with", "of" ("born to healthy parents", "investigation of
  her family").

Consanguinity ("non-consanguineous", "first cousins", "no consanguinity") is about
the parents' relationship, not their health: it is a separate statement
``("parents", None, ..., note="consanguineous" | "not consanguineous")`` that
never counts as affected.

Merging: one statement per relation (and one consanguinity statement). The
strongest status wins: affected > unaffected > possibly affected/unaffected >
unknown (no such relative). Affected beats unaffected even within one sentence
because a negated or normal finding usually covers that finding only ("her mother
had short stature but normal calcium"), while an affirmed one shows the relative
carries a feature; and "sister" pools all sisters, one affected sister is what
matters. The winner keeps its own span; findings of the same status are joined
with "; " (``similar`` when any of them is). "Not assessed" ranks with unknown.

:func:`relative_sentences` gives the spans of clauses whose subject is a relative
("Her mother's calcium was 2.40 mmol/L") so that callers can keep a relative's
values out of the patient's record.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from osteodx.text.context import ContextAnalyser, ParsedSentence
from osteodx.text.cues import Clause, Cue, CueHit
from osteodx.text.sentences import clean_text

__all__ = ["FamilyStatement", "find_family_statements"]

_DET = r"(?:her|his|their|the|a|an|its|both)"
_LINK = re.compile(r"(?:\s|,|and|or|nor|any|a|an|her|his|their|the|both|living|alive|also|"
                   r"either|neither|older|younger|elder|paternal|maternal|two|three|four|[0-9]+)*")
_NOT_SUBJECT = re.compile(rf"(?:from|to|by|with|of|for|than|like|without)(?: {_DET})? $")
_IN = re.compile(r"(?:in|among)(?: (?:her|his|their|the|both|all|the patient's|the proband's"
                 r"|a|an))? $")
_VERB_CHAIN = re.compile(
    r"(?:'s |(?:and|or|but|did|does|do|not|have|has|had|was|were|is|are|been|be|also|both"
    r"|showed|shows|show|revealed|presented|with|any|an|a|the|similar|to|suffered|from"
    r"|complained|of|possibly|probably|likely|reportedly|apparently|allegedly|presumably"
    r"|perhaps|otherwise|currently|now|still|clinically|may|might|could|said|thought"
    r"|believed|reported|known|suspected|later|subsequently|previously|recently|eventually"
    r"|having|herself|himself|themselves|too)"
    r"\b\s*|w/(?!o\b)\s*)*")
_SEEN_AT_END = re.compile(r"\s+(?:was|were|is|are)(?: also)? (?:seen|found|noted|present|observed"
                          r"|detected|shown|identified|suspected|possible|likely|probable"
                          r"|presumed|diagnosed|confirmed|reported|described)$")
_UNAFFECTED = re.compile(r"\b(?:healthy|unaffected|normal|normally|asymptomatic|not affected"
                         r"|(?<!as )well|unremarkable|negative|non-?contributory|symptom-free"
                         r"|in good health|thriving)\b")
_NEUTRAL = re.compile(r"(?:alive|living|young|married|adopted|deceased|(?:not |un)?related"
                      r"|(?:non-? ?)?consanguineous)")
_HEDGE = re.compile(r"\b(?:possibl[ey]|probabl[ey]|likely|suspected|suspicion|presumed|presumably"
                    r"|perhaps|may|might|could(?! not)|questionabl[ey]|uncertain|unclear"
                    r"|doubtful|query|thought to|believed to)\b")
_INFORMANT = re.compile(
    r"\W*(?:(?:also|first|then|later|initially|had) )?(?:recalls?|recalled|remembers?"
    r"|remembered|reports?|reported|notices?|noticed|notes|noted|says|said|states?|stated"
    r"|describes?|described|mentions?|mentioned|explains?|explained|brought|brings|observes"
    r"|observed|thinks|thought|believes|believed|feels|felt|worried|(?:is|was|became) concerned"
    r"|sought|complains? that|complained that)\b")
_UNASSESSED = re.compile(
    r"\b(?:(?:not|never)(?: yet)?(?: been| being)?|(?:is|are|was|were|yet) to be|will be"
    r"|awaiting|pending|due to be|to be)\s+(?:assessed|examined|tested|screened|evaluated"
    r"|investigated|seen|checked|genotyped|studied|reviewed|sequenced)\b|\b(?:untested"
    r"|unexamined|not available for (?:testing|examination|assessment))\b")
_SIMILAR = re.compile(r"\b(?:similar(?:ly)?|same|also|likewise|too|as well|identical"
                      r"|(?<!not )(?<!un)affected|the (?:disease|condition|disorder|syndrome))\b")
_GERUND = re.compile(r"[a-z]+ing")
#: a genetic result ("carries the same variant", "the mutation was absent", "heterozygous"); a
#: short word before "variant" / "mutation" / "gene" is read as a gene symbol ("sost gene")
_GENETIC = re.compile(
    r"\b(?:(?:[a-z0-9-]{1,7} )?(?:variants?|mutations?|alleles?|genes?|deletions?|duplications?)"
    r"|mutated|genotyp\w*|carriers?|carr(?:y|ies|ied|ying)|harbou?r(?:s|ed|ing)?|heterozyg\w*"
    r"|homozyg\w*|hemizyg\w*|de novo|inherited|transmitted|segregat\w*|(?:mutation|variant|gene)"
    r"-(?:positive|negative)|sequence (?:change|alteration)s?)\b")
#: the words a genetic result may have besides its genetic terms ("was found to", "absent in")
_GENOTYPE_WORDS = frozenset(
    "the a an same this that these identical familial causative pathogenic likely novel known "
    "disease-causing causal germline mosaic somatic monoallelic biallelic also both either "
    "neither nor not no only too was were is are be been being has have had did does do later "
    "subsequently found shown proven confirmed identified detected present absent observed seen "
    "in for to of on by from at as well tested testing test genetic genetically genetics "
    "molecular negative positive sanger sequencing analysis revealed showed demonstrated "
    "which who she he they it her his their its them".split())
_OF_PATIENT = re.compile(r"(?:of (?:the|our|this) (?:patient|proband|child|girl|boy|index case)"
                         r"\b\s*)?")
#: an apposition between a relative and her verb: ", a carpenter," / "(38 years)"
_APPOSITION = re.compile(r"[^,;()]{1,40}?\s*[,)]\s*(?=(?:is|are|was|were"
                         r"|has|have|had|did|does|also|developed|showed|presented|suffered"
                         r"|died|used|underwent|remains|remained|needed|needs|walked|lost)\b)")

#: a relative named after a gap in a coordination: "her father is 178 cm | and her mother ..."
_GAPPED = re.compile(r"(?:,|\band\b|\bbut\b|\bwhile\b|\bwhereas\b)\s*(?:(?:her|his|their|the|an?"
                     r"|both|older|younger|elder|paternal|maternal|two|three)\s+)*$")

# -- measurements ("is 178 cm", "aged 4", "calcium was 2.40 mmol/L") ------------------------
_UNIT = (r"(?:%|cm|mm|m|kg|g|lbs?|ft|inch(?:es)?|years?|yrs?|y|months?|mo|weeks?|wk|days?"
         r"|sd|centiles?|percentiles?|th centile|[a-zµμ]+/[a-z0-9.]+)")
_VALUE = (rf"[<>~]?\s*[0-9]+(?:[.,][0-9]+)?\s*{_UNIT}(?![\w/])(?:\s*\([^)]*\))?"
          r"(?:[\s-]+(?:old|tall|in height|of age|long)\b)?")
_LEAD_MEASURE = re.compile(
    rf"(?:(?:now|currently|aged?|at age)\s+)?(?:{_VALUE}|[0-9]+)(?:\s*old|\s+tall|\s+in height"
    rf"|\s+of age)?(?:\s*[,)]\s*|\s*[-–—:]\s+|\s+(?:and|with|but)\s+|\s*$)")
_VALUE_RE = re.compile(_VALUE)
_EVALUATIVE = re.compile(r"\b(?:low|high|elevated|raised|increased|decreased|reduced|abnormal"
                         r"|deficien\w*|short|below|above)\b")
_MEASURE_PREFIX = re.compile(r"(?:[\w'-]+\s+){0,4}?(?:was|were|is|are|of|measured|measuring"
                             r"|measures|level|levels|concentration|height|weight|bmi"
                             r"|circumference|at|:|=)?\s*")

# -- consanguinity -----------------------------------------------------------------------
_CONSANG = re.compile(
    r"(?P<neg>non-? ?consanguineous|not (?:be )?consanguineous|no (?:known |parental |history of )?"
    r"consanguinity|without consanguinity|consanguinity (?:was|is|has been) (?:denied|excluded"
    r"|absent|negative|not (?:reported|known))|denie[sd] (?:any )?consanguinity"
    r"|(?:un|not )related (?:parents|couple)|(?:parents|couple) (?:are|were) (?:not |un)related)"
    r"|(?P<pos>consanguineous|consanguinity|(?:parents|couple) (?:are|were) related"
    r"|related parents|(?:(?<=are )|(?<=ere )|(?<=not )|(?<=nts )|(?<=nts: )|(?<=nts - ))"
    r"(?:(?:first|second|double|distant)[- ](?:degree )?)?"
    r"cousins(?: once removed)?)")

# -- kinship --------------------------------------------------------------------------
#: (owner is a parent, relative) -> relation: "mother's brother" is an uncle
_KIN = {(True, "brother"): "uncle", (True, "sister"): "aunt", (True, "mother"): "grandmother",
        (True, "father"): "grandfather", (True, "parents"): "grandparents"}
_SIDE_PREFIX = re.compile(r"(maternal|paternal)[ -](?:great[ -])?$")
_SIDE_AFTER = re.compile(r"(?:'s)? side\b")
_SIDE_BEFORE = re.compile(r",? (?:from|on) (?:the|her|his|their) ")
_IN_FAMILY = re.compile(r"\b(?:in|within|among) (?P<fam>(?:the|this|her|his|their|our) "
                        r"famil(?:y|ies))\b(?!\s*,)")
_FAMILY_WIDE = re.compile(r"\b(?:no|none|nobody|not|never|without|similar|same|other"
                          r"|else|affected|further|additional)\b")
#: "no one else in the family is affected": the subject denies the predicate
_SIDES = ("maternal", "paternal")
_OWN = re.compile(r"\b(?:in|on) (?:herself|himself|themselves|her own|his own)\b")
_THEY = re.compile(r"\W*(?:(?:and|but|while) )?(they)\b")
_PLURAL = re.compile(r"(?:parents|grandparents|s|members|history|family|relatives)(?:'s)?$")
_NOBODY = re.compile(r"\W*(?:no ?one|nobody|none|no other (?:one|members?|relatives?))"
                     r"(?: else)?\W*")

class FamilyStatement(NamedTuple):
    """``relation`` is (``affected=True``), is not (False) or cannot be (None) affected."""

    relation: str  # "mother", "father", "sister", "brother", "sibling", "parents", ...
    affected: bool | None
    finding_text: str  # the finding, line-break hyphens closed up ("" when none)
    start: int  # the sentence's span
    end: int
    text: str
    note: str = ""  # "maternal; possibly affected", "no such relative", "consanguineous", ...
    similar: bool = False  # the text says the finding is the patient's kind ("similar", "also")


class _Found(NamedTuple):
    text: str
    affected: bool | None
    note: str
    similar: bool = False


_Span = tuple[int, int, str]


# -- relatives ----------------------------------------------------------------------------


def _relation_hits(p: ParsedSentence) -> list[CueHit]:
    """Relation cues, one per relative: "her mother's brother" is one (maternal) uncle, "paternal
    grandmother" and "grandmother from the father side" one grandmother with her side; plus
    "family history" inside "no family history of" and "(in) the family"; minus the cousins of
    "the parents are first cousins" (a consanguinity statement, not a relative)."""
    text = p.view.text
    consang = [(m.start(), m.end()) for m in _CONSANG.finditer(text)]
    out: list[CueHit] = []
    for h in p.hits:
        if h.cue.kind == "relation":
            if not (h.cue.value == "cousin" and any(a <= h.start < b for a, b in consang)):
                _add_relative(text, out, h)
        elif h.cue.kind == "negation" and (m := re.search(r"family history", h.text)):
            out.append(_hit(h.start + m.start(), h.start + m.end(), text, "family members"))
    out += _family_hits(p)
    return sorted(out)


def _hit(start: int, end: int, text: str, relation: str) -> CueHit:
    return CueHit(start, end, text[start:end], Cue("relation", "clause", relation))


def _add_relative(text: str, out: list[CueHit], h: CueHit) -> None:
    """Append relative ``h``, or fold it into the previous one: a possessive ("mum's
    brother") or a side ("from the father side")."""
    side = _SIDE_AFTER.match(text, h.end)
    if side:
        if out and _SIDE_BEFORE.fullmatch(text, out[-1].end, h.start) and " " not in \
                out[-1].cue.value:
            which = "maternal" if h.cue.value == "mother" else "paternal"
            out[-1] = _hit(out[-1].start, side.end(), text, f"{which} {out[-1].cue.value}")
        return  # "on the mother's side" names a side, not the mother
    if out and out[-1].text.endswith("'s") and text[out[-1].end : h.start] == " ":
        out[-1] = _kin(text, out[-1], h)
        return
    prefix = _SIDE_PREFIX.search(text, 0, h.start)
    value = f"{prefix.group(1)} {h.cue.value}" if prefix else h.cue.value
    out.append(_hit(prefix.start() if prefix else h.start, h.end, text, value))


def _kin(text: str, owner: CueHit, h: CueHit) -> CueHit:
    """"her mother's brother" -> maternal uncle; unknown pairs ("her sister's son") are
    "family members" - never the patient's own son or the owner."""
    own = owner.cue.value.split()[-1]
    side = {"mother": "maternal", "father": "paternal"}.get(own, "")
    relation = _KIN.get((own in ("mother", "father"), h.cue.value), "family members")
    if not side and owner.cue.value.startswith(("maternal ", "paternal ")):
        side = owner.cue.value.split()[0]  # "her paternal grandmother's sister"
    value = f"{side} {relation}" if side and relation != "family members" else relation
    return _hit(owner.start, h.end, text, value)


def _family_hits(p: ParsedSentence) -> list[CueHit]:
    """"no similar features in the family": the family as a whole, when its clause denies or
    compares something before it (not "In the family, the father ...", "We discussed the
    results in the family")."""
    out = []
    for m in _IN_FAMILY.finditer(p.view.text):
        clause = next(c for c in p.clauses if c.start <= m.start() < max(c.end, c.start + 1))
        if _FAMILY_WIDE.search(p.view.text, clause.start, m.start()) and not any(
                h.cue.kind == "relation" and h.start <= m.start("fam") < h.end for h in p.hits):
            out.append(_hit(m.start("fam"), m.end(), p.view.text, "family members"))
    return out


def _groups(p: ParsedSentence, rels: list[CueHit], lo: int, hi: int) -> list[list[CueHit]]:
    """Relatives in ``[lo, hi)`` named together ("father, sister or brother")."""
    groups: list[list[CueHit]] = []
    for h in rels:
        if not lo <= h.start < hi:
            continue
        if groups and _LINK.fullmatch(p.view.text, groups[-1][-1].end, h.start):
            groups[-1].append(h)
        else:
            groups.append([h])
    return groups


def _gap_end(p: ParsedSentence, group: list[CueHit], nxt: list[CueHit] | None, end: int) -> int:
    """Where the group's finding ends: before a gapped next relative ("... and her mother")."""
    if nxt is None:
        return end
    gap = _GAPPED.search(p.view.text, group[-1].end, nxt[0].start)
    return gap.start() if gap else end


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


def _strip_tail(text: str, start: int, end: int) -> int:
    """Drop trailing punctuation, but keep a ")" that closes "(148 cm)" and a closing quote."""
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
        depth += {"(": 1, ")": -1}.get(m.group(), 0)
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


def _piece_affected(ctx: ContextAnalyser, p: ParsedSentence, a: int, b: int) -> bool | None:
    """True (affirmed), False (negated / normal) or None (a neutral or measurement piece)."""
    text = p.view.text
    while b > a and not text[b - 1].isalnum():
        b -= 1
    piece = text[a:b]
    if _NEUTRAL.fullmatch(piece) or _measurement_only(piece) or _CONSANG.fullmatch(text, a, b) \
            or _UNASSESSED.search(piece) or _genotype_only(piece):
        return None  # "alive", "178 cm", "not consanguineous", "to be screened", "carries
        # the variant": no status
    if _UNAFFECTED.search(piece):
        return False
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
    if pieces and _UNASSESSED.search(text, lead, pieces[0][1]):
        votes[0] = None
    for k in range(len(pieces) - 2, -1, -1):
        if votes[k + 1] is False and _GERUND.fullmatch(text[slice(*pieces[k])].strip()):
            votes[k] = False
    return votes


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
    start = _strip_lead(text, start, end)
    end = _strip_tail(text, start, end)
    tail = _SEEN_AT_END.search(text, start, end)
    if tail and tail.start() > start:
        end = tail.start()  # "sclerotic changes were found" -> "sclerotic changes"
    if end <= start or _measurement_only(text[start:end]):
        return None
    similar = bool(_SIMILAR.search(raw))
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
    last = max(start, text.rfind(" ", start, end) + 1)
    finding = clean_text(ctx.original(p, start, end))
    if _HEDGE.search(raw) or ctx.assess_view(p, last, end).uncertain:
        note = "possibly affected" if affected else "possibly unaffected"
        return _Found(finding, None, note, similar)
    return _Found(finding, affected, "", similar)


# -- statements per sentence --------------------------------------------------------------


def _statement(h: CueHit, found: _Found, span: _Span) -> FamilyStatement:
    """The side of a "maternal uncle" leads the note: "maternal; possibly affected"."""
    side, _, relation = h.cue.value.rpartition(" ")
    if side not in _SIDES:
        side, relation = "", h.cue.value
    note = "; ".join(x for x in (side, found.note) if x)
    return FamilyStatement(relation, found.affected, found.text, *span, note, found.similar)


def _statements(found: _Found | None, group: list[CueHit], span: _Span) -> list[FamilyStatement]:
    if found is None:
        return []
    return [_statement(h, found, span) for h in group]


def _continues(p: ParsedSentence, clause: Clause, rels: list[CueHit]) -> bool:
    """A clause with no subject of its own ("... and had scoliosis", "but normal calcium")."""
    if clause.subjectless:
        return True
    return _subject(p, rels, clause) is None and not any(
        clause.start <= h.start < clause.end for h in rels)


def _skipped(ctx: ContextAnalyser, p: ParsedSentence, clause: Clause, group: list[CueHit]) -> bool:
    """The disease in general, other patients' relatives, or a relative telling the history."""
    if ctx.assess_view(p, group[0].start, group[-1].end).hypothetical:
        return True
    if any(h.cue.kind == "other" and clause.start <= h.start < clause.end for h in p.hits):
        return True
    return _informant(p, clause, group) is not None


def _informant(p: ParsedSentence, clause: Clause, group: list[CueHit]) -> re.Match[str] | None:
    """"Mother noted slurred speech": the patient's history - unless she noted it "in
    herself"."""
    m = _INFORMANT.match(p.view.text, group[-1].end, clause.end)
    if m and _OWN.search(p.view.text, m.end(), clause.end):
        return None
    return m


def _no_such_relative(p: ParsedSentence, clause: Clause, group: list[CueHit]) -> bool:
    """"She has no father, sister or brother": the relatives are absent, nothing else said."""
    first, last = group[0], group[-1]
    negs = [h for h in p.hits if h.cue.kind == "negation" and h.end <= first.start
            and clause.start <= h.start]
    return bool(negs) and bool(_LINK.fullmatch(p.view.text, negs[-1].end, first.start)) \
        and not re.search(r"\w", p.view.text[last.end : clause.end])


def _group_statements(ctx: ContextAnalyser, p: ParsedSentence, ci: int, rels: list[CueHit],
                      group: list[CueHit], nxt: list[CueHit] | None, span: _Span
                      ) -> list[FamilyStatement]:
    """What one clause (and the subjectless clauses after it) says of one group."""
    clause, text = p.clauses[ci], p.view.text
    if _skipped(ctx, p, clause, group):
        return []
    if _no_such_relative(p, clause, group):
        return _statements(_Found("", None, "no such relative"), group, span)
    before = _IN.search(text, clause.start, group[0].start)
    if before and _NOBODY.fullmatch(text, clause.start, before.start()):
        return _statements(_nobody(ctx, p, group[-1].end, clause.end), group, span)
    if before and re.search(r"\w", text[clause.start : before.start()]):
        # "similar changes were seen in her sister" (not "In her mother, X is suspected")
        return _statements(_finding(ctx, p, clause.start, before.start()), group, span)
    if _NOT_SUBJECT.search(text, 0, group[0].start):
        return []  # "born to healthy parents", "investigation of her family"
    end = _gap_end(p, group, nxt, clause.end)
    own = _INFORMANT.match(text, group[-1].end, end)  # not skipped: "noted X in herself"
    lo = own.end() if own else group[-1].end
    k = ci
    if end == clause.end:
        k = _joined(p, rels, ci, lo)
        end = p.clauses[k].end
    found = _finding(ctx, p, lo, end, raw_start=clause.start)
    if found is None and end == p.clauses[k].end and k + 1 < len(p.clauses):
        who = p.clauses[k + 1]  # "Her father, who has dense bones, ..."
        if text.startswith("who ", who.start):
            comma = text.find(",", who.start, who.end)
            found = _finding(ctx, p, who.start + 4, who.end if comma < 0 else comma)
    if found is None:
        return []
    out = _statements(found, group, span)
    k += 1
    while k < len(p.clauses) and _continues(p, p.clauses[k], rels):  # "... and had scoliosis"
        more, k = p.clauses[k], _joined(p, rels, k, p.clauses[k].start) + 1
        out += _statements(_finding(ctx, p, more.start, p.clauses[k - 1].end), group, span)
    return out


def _joined(p: ParsedSentence, rels: list[CueHit], ci: int, lo: int) -> int:
    """The last clause of a finding from ``lo`` in clause ``ci``: a clause left with only
    verbs ("has not | yet been tested") runs on into the subjectless clause after it."""
    text, k = p.view.text, ci
    while (k + 1 < len(p.clauses) and not re.search(r"\w", text[_strip_lead(
            text, lo, p.clauses[k].end) : p.clauses[k].end]) and not text.startswith(
            "who ", p.clauses[k + 1].start) and _continues(p, p.clauses[k + 1], rels)):
        k += 1
    return k


def _nobody(ctx: ContextAnalyser, p: ParsedSentence, start: int, end: int) -> _Found | None:
    """"No one else in the family is affected / has fractures": the family is unaffected."""
    found = _finding(ctx, p, start, end)
    if found is None or found.affected is None:
        return found
    return found._replace(affected=False)


def _consanguinity(ctx: ContextAnalyser, p: ParsedSentence, span: _Span) -> list[FamilyStatement]:
    """"The parents are non-consanguineous" / "first cousins": the parents' relationship."""
    out = []
    for m in _CONSANG.finditer(p.view.text):
        a = ctx.assess_view(p, m.start(), m.end())
        if a.hypothetical or a.experiencer == "other":
            continue
        if m.group("pos") and "cousin" in m.group() and not re.search(
                r"\b(?:parents?|couple)\b", p.view.text[: m.end()]):
            continue  # "her cousins were affected" is about cousins
        negated = bool(m.group("neg")) or a.negated
        note = "not consanguineous" if negated else "consanguineous"
        if a.uncertain and not negated:
            note = "possibly consanguineous"
        finding = clean_text(ctx.original(p, m.start(), m.end()))
        out.append(FamilyStatement("parents", None, finding, *span, note))
    return out


def _sentence_statements(ctx: ContextAnalyser, i: int) -> list[FamilyStatement]:
    p = ctx.parse(i)
    span = (p.sentence.start, p.sentence.end, p.sentence.text)
    out = _consanguinity(ctx, p, span)
    rels = _relation_hits(p)
    for ci, clause in enumerate(p.clauses):
        rels = _they(p, rels, clause)
        groups = _groups(p, rels, clause.start, clause.end)
        for k, group in enumerate(groups):
            nxt = groups[k + 1] if k + 1 < len(groups) else None
            out += _group_statements(ctx, p, ci, rels, group, nxt, span)
    return out


def _they(p: ParsedSentence, rels: list[CueHit], clause: Clause) -> list[CueHit]:
    """"The parents were not tested; they and his two sisters have no similar symptoms":
    a clause opening with "they" speaks of the plural relatives named last before it."""
    m = _THEY.match(p.view.text, clause.start, clause.end)
    earlier = [h for h in rels if h.end <= clause.start]
    if not m or not earlier or not _PLURAL.search(earlier[-1].text):
        return rels
    return sorted([*rels, _hit(m.start(1), m.end(1), p.view.text, earlier[-1].cue.value)])


# -- merging ------------------------------------------------------------------------------

_CONSANG_NOTES = ("consanguineous", "not consanguineous", "possibly consanguineous")


def _rank(s: FamilyStatement) -> int:
    """affected > unaffected > possibly (un)affected > unknown; consanguinity likewise."""
    if s.note in _CONSANG_NOTES:
        return {"consanguineous": 3, "not consanguineous": 2}.get(s.note, 1)
    if s.affected is not None:
        return 3 if s.affected else 2
    return 1 if "possibly" in s.note else 0


def _merge(statements: list[FamilyStatement]) -> list[FamilyStatement]:
    """One statement per relation (and one for consanguinity); see the module docstring."""
    by_key: dict[tuple[str, str, bool], list[FamilyStatement]] = {}
    for s in statements:
        side = s.note.split(";")[0] if s.note.startswith(_SIDES) else ""
        by_key.setdefault((s.relation, side, s.note in _CONSANG_NOTES), []).append(s)
    out = []
    for group in by_key.values():
        best = max(group, key=_rank)  # first of the highest rank (max keeps the first)
        same = [s for s in group if (s.affected, s.note) == (best.affected, best.note)]
        findings = list(dict.fromkeys(s.finding_text for s in same if s.finding_text))
        out.append(best._replace(finding_text="; ".join(findings),
                                 similar=any(s.similar for s in same)))
    return sorted(out, key=lambda s: s.start)


def find_family_statements(text: str, ctx: ContextAnalyser | None = None
                           ) -> list[FamilyStatement]:
    """Statements about relatives, one per relation, in text order.

    >>> [(s.relation, s.affected, s.finding_text) for s in find_family_statements(
    ...     "Her mother did not have sclerosis. She has no sister.")]
    [('mother', False, 'sclerosis'), ('sister', None, '')]
    """
    ctx = ctx or ContextAnalyser(text)
    out: list[FamilyStatement] = []
    for i in range(len(ctx.sentences)):
        out += _sentence_statements(ctx, i)
    return _merge(out)


# -- clause subjects (also used by osteodx.text.relatives) -----------------------------

_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|does|did|do|shows?|showed|revealed|reveals|developed"
    r"|develops|presented|presents|underwent|received|remained|remains|died|measured|measures"
    r"|suffered|suffers|needed|needs|carries|carried|appeared|appears|can|could|may|might"
    r"|will|would|isn't|aren't|wasn't|weren't|hasn't|hadn't|didn't|doesn't)\b")
_PATIENT = re.compile(r"(?:she|he|her|his|herself|himself|(?:our|this|the present|the current"
                      r"|the index|the|that) (?!case)\w+|[0-9].*)(?:'s)?$")
_NOT_POSSESSOR = re.compile(rf"(?:from|to|by|with|for|than|like|without|as|unlike)(?: {_DET})? $")
_OPENERS = re.compile(r"(?:\W|and|or|but|yet|then|also|later|subsequently|currently|now|still"
                      r"|otherwise|never|previously|recently|eventually)*")


def _subject(p: ParsedSentence, rels: list[CueHit], clause: Clause) -> str | None:
    """"relative", "patient" (or informant, or any other noun subject), or None (none of its
    own: the clause continues the previous clause's subject)."""
    text = p.view.text
    verb = _FINITE.search(text, clause.start, clause.end)
    if verb is None or _OPENERS.fullmatch(text, clause.start, verb.start()):
        return None  # "but normal calcium levels", "and had scoliosis"
    who = "patient"
    starts = {h.start for h in rels}
    for h in p.hits:
        if not clause.start <= h.start < verb.start() or _NOT_POSSESSOR.search(text, 0, h.start):
            continue
        if h.start in starts:
            who = "relative"
        elif h.cue.kind == "anchor" and _PATIENT.match(h.text):
            who = "patient"
    if who == "relative" and any(_INFORMANT.match(text, h.end, clause.end)
                                 for h in rels if clause.start <= h.start < verb.start()):
        return "patient"  # "Her mother recalls ...": the patient's history
    return who
