"""Relatives a report names, by first name or pedigree number, and where it names them again.

A letter introduces a relative once ("Amira's mother, Leila (34)", "his maternal uncle
(II-4)", "I-1, the maternal grandfather, ...") and may then call them by that name alone:
"Leila has ptosis", "II-4 had a fracture at 9". Those later mentions are the relative's, not
the patient's: :func:`named_mentions` finds them, so that the reader treats each as a relation
cue, as it treats "her aunt".

>>> names = relative_names("The proband (III-2) is 12. His mother (II-2) is deaf. "
...                        "Leila, his aunt, is well. Leila has ptosis. II-2 has cataracts.")
>>> sorted(names.items())
[('ii-2', 'mother'), ('leila', 'aunt')]
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from osteodx.text.cues import Cue, CueHit, View
from osteodx.text.family_words import relation_of
from osteodx.text.grandparent import grandchild_relation, grandparent_narrator
from osteodx.text.narrator import child_relation, parent_addressed, parent_narrator
from osteodx.text.spouse import spouse_narrator

__all__ = ["PEDIGREE_ID", "blank_names", "name_key", "named_mentions", "relative_names",
           "with_named_relatives"]

#: relations a name can be given to ("half-sister" is read as a sister)
_KIN_WORDS = (r"(?:mother|father|sister|brother|aunt|uncle|grandmother|grandfather|cousin"
              r"|son|daughter|wife|husband|dad|da|mum|mom|grandad|granddad|grandpa|granda|grandma|gran"
              r"|nan|nana|nanna|auntie)")
#: the everyday words for a parent, grandparent or aunt: "Dad, Gareth (34), had ...", "my
#: Grandad Emlyn", "Auntie Glenys"
_PARENT_WORD = {"dad": "father", "da": "father", "mum": "mother", "mom": "mother",
                "grandad": "grandfather", "granda": "grandfather", "granddad": "grandfather",
                "grandpa": "grandfather", "grandma": "grandmother",
                "gran": "grandmother", "nan": "grandmother", "nana": "grandmother",
                "nanna": "grandmother", "auntie": "aunt"}
#: a relation with its side: "maternal uncle", "paternal half-brother"
_SIDED_KIN = rf"(?:(?P<side>maternal|paternal)\s+)?(?:half-?\s?)?(?P<rel>{_KIN_WORDS})"
#: a pedigree number: generation in Roman numerals, then the individual ("II-3", "III:1")
PEDIGREE_ID = r"(?:I{1,3}|IV|VI{0,3})[-:\u2010\u2013]\d{1,2}"

#: "Amira's mother, Leila (34)", "her brother Tom is", "his father Imran (32) and mother Sadia
#: (28)", "The father, Imran Khan, is" (a capitalised name of three letters or more, not a title,
#: and perhaps a surname)
_NAME = (r"(?!(?:Mrs|Mr|Ms|Miss|Dr|Prof|Master|Mme|Mlle|Herr|Frau|Sr|Sra|Mother|Father)\b)"
         r"[A-Z][a-z]{2,}")
_SURNAME = r"(?:\s+(?:[A-Z][a-z]+|[A-Z]{2,}))?"
_NAMED_AFTER = re.compile(rf"(?:\b(?:[Hh]er|[Hh]is|[Tt]heir|(?P<owner>[A-Z][a-z]+)'s"
                          rf"|(?P<my>[Mm]y|[Oo]ur)|(?P<your>[Yy]our)|[Tt]he|and|with)\s+(?:(?:elder|older|younger"
                          rf"|eldest|youngest|little|big|baby|twin|half-?)\s?)?|^[ \t*•·-]*"
                          rf"|(?<=[.;:] ))"
                          rf"(?P<rel>(?i:{_KIN_WORDS})),?"
                          rf"\s+(?P<name>{_NAME}){_SURNAME}\b(?=\s*[,(]|\s+(?:is|was|has|had"
                          r"|also|who|and|says|said|wants|wanted|thinks|thought|told|asked|asks"
                          r"|does|did|can|could|will|would)\b)", re.MULTILINE)
#: "On Alan's side, his sister Kirsty": the side's owner is whose sister she is
_SIDE_OWNED = re.compile(rf"\b[Oo]n\s+(?P<owner>[A-Z][a-z]+)'s\s+side,?\s+(?:his|her|their)\s+"
                         rf"(?P<rel>(?i:{_KIN_WORDS})),?\s+(?P<name>{_NAME})\b")
#: "Imran (father, 32)", "Sadia Bibi (28, mother)", "Ruby (his sister)"
_NAMED_ASIDE = re.compile(rf"(?<![\w'])(?P<name>{_NAME}){_SURNAME}\s*\((?:[^()]{{0,20}}?[,;\s])?"
                          rf"(?:the\s+|her\s+|his\s+|their\s+)?(?P<rel>(?i:{_KIN_WORDS}))\b"
                          r"(?:[,;\s][^()]{0,30})?\)")
#: "I saw Ruby with her parents, Lisa and Dan", "his parents, Imran (31, shopkeeper) and Sadia":
#: two parents, but which is which is not said
_PARENTS_NAMED = re.compile(rf"\b(?i:parents),?\s+(?P<a>{_NAME}){_SURNAME}(?:\s*\([^()]{{0,40}}\))?"
                            rf"\s+(?:and|&)\s+(?P<b>{_NAME})\b")
#: "mother (Sadia, 28)", "the father (Imran)"
#: (not "I'm Lily's mum (Lily Carter, 5)": the aside names the child whose mum writes)
_REL_ASIDE = re.compile(rf"(?<!'s )(?i:\b(?P<rel>{_KIN_WORDS}))\s*\(\s*(?P<name>{_NAME}){_SURNAME}"
                        r"\s*[,;)]")
#: a family-history list's entry: "- Mother: Carol, died aged 41", "Father: Ian, 62, is well"
_NAMED_ENTRY = re.compile(rf"^[\s*•·-]*(?P<rel>(?i:{_KIN_WORDS}))\s?:\s+(?P<name>[A-Z][a-z]{{2,}})"
                          r"\b(?=\s*[,(.;])", re.MULTILINE)
#: "Leila, her mother,"
_NAMED_BEFORE = re.compile(rf"(?<![\w'])(?P<name>[A-Z][a-z]{{2,}}),\s+(?:her|his|their"
                           rf"|[A-Z][a-z]+'s)\s+(?P<rel>{_KIN_WORDS})\b")
#: "his mother (II-2)", "her brother II-3", "the maternal uncle, II-4,"
_PEDIGREE_AFTER = re.compile(rf"(?i:\b{_SIDED_KIN})\s*(?:\(\s*|,\s*)?(?P<name>{PEDIGREE_ID})\b")
#: "I-1 (maternal grandfather)", "I-1, the maternal grandfather,"
_PEDIGREE_BEFORE = re.compile(rf"(?<![\w-])(?P<name>{PEDIGREE_ID})\s*(?:\(|,)\s*(?:the\s+|her\s+"
                              rf"|his\s+|their\s+)?(?i:{_SIDED_KIN})\b")


#: a sibling in a pedigree letter that counts the parents' children: "The first child IV-1,
#: a girl of 10, is healthy" (when the proband "is the third child of" the couple)
_NTH_CHILD = re.compile(rf"\b[Tt]he\s+(?:first|second|third|fourth|fifth|sixth|eldest|oldest"
                        rf"|youngest|next)\s+(?:child|born)\s*,?\s*\(?(?P<name>{PEDIGREE_ID})\)?"
                        r",?\s+an?\s+(?P<kid>girl|boy|daughter|son)\b")
_PROBAND_NTH = re.compile(r"\b(?:is|was)\s+the\s+(?:first|second|third|fourth|fifth|sixth"
                          r"|eldest|oldest|youngest|only)\s+(?:child|born)\s+of\b")


@lru_cache(maxsize=64)
def relative_names(text: str) -> dict[str, str]:
    """Lower-cased first names and pedigree numbers of relatives -> their relation, from the
    whole text; a name given to two relations is left out, and so is the patient's own
    number ("the proband (III-2)" names no relative). Parents named together ("her parents,
    Lisa and Dan") are each a "parent" until the text says which is which.

    >>> sorted(relative_names("Amira's mother, Leila (34), has a large head. Tom, her brother, "
    ...                       "is well.").items())
    [('leila', 'mother'), ('tom', 'brother')]
    >>> sorted(relative_names("I-1, the maternal grandfather, had kyphosis; her brother II-3 "
    ...                       "is well.").items())
    [('i-1', 'maternal grandfather'), ('ii-3', 'brother')]
    """
    found: dict[str, set[str]] = {}
    owned: list[tuple[str, str, str]] = []
    sides = [m.span() for m in _SIDE_OWNED.finditer(text)]
    for rx in (_NAMED_AFTER, _SIDE_OWNED, _NAMED_BEFORE, _NAMED_ENTRY, _NAMED_ASIDE, _REL_ASIDE,
               _PEDIGREE_AFTER, _PEDIGREE_BEFORE):
        for m in rx.finditer(text):
            if rx is not _SIDE_OWNED and any(a <= m.start() < b for a, b in sides):
                continue  # "On Alan's side, his sister Kirsty": Alan's sister, read below
            rel = m.group("rel").lower()
            rel = _PARENT_WORD.get(rel, rel)
            if m.groupdict().get("owner"):  # "Imran's sister Nazia": whose sister is known last
                owned.append((name_key(m.group("owner")), rel, name_key(m.group("name"))))
                continue
            side = m.groupdict().get("side")
            if (m.groupdict().get("my") and parent_narrator(text)
                    or m.groupdict().get("your") and parent_addressed(text)):
                rel = child_relation(rel) or ""  # a parent's "my brother Dean": an uncle
                if not rel:
                    continue  # "my son Alfie": the patient
            elif m.groupdict().get("my") and rel in ("husband", "wife", "partner") \
                    and spouse_narrator(text) == rel:
                continue  # "on behalf of my husband Tom": Tom is the patient
            elif m.groupdict().get("my") and grandparent_narrator(text):
                rel = grandchild_relation(text, rel, name_key(m.group("name"))) or ""
                if not rel:
                    continue  # a grandparent's "my brother Tom": no near relative
            name = name_key(m.group("name"))
            found.setdefault(name, set()).add(f"{side.lower()} {rel}" if side else rel)
    for m in _PARENTS_NAMED.finditer(text):  # "her parents, Lisa and Dan": which is which?
        for g in ("a", "b"):
            found.setdefault(name_key(m.group(g)), set()).add("parent")
    relatives = set(found) | {name for _, _, name in owned}
    for owner, rel, name in owned:
        if owner not in relatives:  # "Amira's mother, Leila": Amira is the patient
            found.setdefault(name, set()).add(rel)
    for rels in found.values():
        if len(rels) > 1:
            rels.discard("parent")  # "Dan (father, 34)" says which parent Dan is
    _place_owned(found, [o for o in owned if o[0] in relatives])
    if _PROBAND_NTH.search(text):
        for m in _NTH_CHILD.finditer(text):
            sib = "sister" if m.group("kid") in ("girl", "daughter") else "brother"
            found.setdefault(name_key(m.group("name")), set()).add(sib)
    return {name: next(iter(rels)) for name, rels in found.items() if len(rels) == 1}


def _place_owned(found: dict[str, set[str]], owned: list[tuple[str, str, str]]) -> None:
    """Place relatives named through another ("Imran's sister Nazia", then "Nazia's son
    Bilal") once the other is placed, until no more can be."""
    while owned:
        left = []
        for owner, rel, name in owned:
            rels = found.get(owner, set())
            if len(rels) != 1:
                left.append((owner, rel, name))
            elif kin := relation_of(next(iter(rels)), rel):
                found.setdefault(name, set()).add(kin)
        if len(left) == len(owned):
            return
        owned = left


def name_key(name: str) -> str:
    """The key a name has in :func:`relative_names` ("II:3" -> "ii-3", "Leila" -> "leila")."""
    return re.sub(r"[:\u2010\u2013]", "-", name.lower())


_MENTION = re.compile(rf"(?<![\w'-])(?:[A-Z][a-z]{{2,}}|{PEDIGREE_ID})(?![\w-])")
#: after a name: a possessive ("Leila's sister": the sister is the relative) or a date
_NOT_MENTION_AFTER = re.compile(r"'s\b|\s+\d")


#: the patient's own pedigree number: "the proband (III-2)", "III-2, the index case"
_PROBAND = re.compile(rf"(?i:\b(?:proband|propositus|proposita|index (?:case|patient)|patient"
                      rf"|consultand))\s*(?:\(\s*|,\s*|\s)(?P<a>{PEDIGREE_ID})\b"
                      rf"|(?<![\w-])(?P<b>{PEDIGREE_ID})\s*(?:\(|,)\s*(?:the\s+)?"
                      r"(?i:proband|propositus|proposita|index (?:case|patient)|patient)\b"
                      # a letter's subject line: "Re: Daniel ROBSON (III-2), DOB 03/10/1992",
                      # "Re: Orla McCartan (III-2 in the family pedigree)"
                      rf"|^[ \t]*(?i:re|patient|name|subject)\b[^\n]*?\((?P<c>{PEDIGREE_ID})\b"
                      # "Elif (IV-3) is the third child of III-4 and III-5"
                      rf"|(?<![\w-])(?P<d>{PEDIGREE_ID})\)?\s+(?:is|was)\s+the\s+\w+\s+child\s+of\b",
                      re.MULTILINE)


@lru_cache(maxsize=64)
def _proband_ids(text: str) -> frozenset[str]:
    return frozenset(name_key(m.group("a") or m.group("b") or m.group("c") or m.group("d"))
                     for m in _PROBAND.finditer(text))


def named_mentions(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, relation) of every relative named by name alone in ``text[start:end]``:
    "Leila has ptosis" after "Leila, his aunt": the aunt. Introductions ("Leila, his aunt")
    are found too; the caller leaves out those beside their relation word. A pedigree number
    the text gives no relation stands for some relative, unless it is the patient's.

    >>> t = "Leila, his aunt, is well. Leila has ptosis. May 2020: seen."
    >>> named_mentions(t, 26, len(t))
    [(26, 31, 'aunt')]
    >>> t = "The proband (III-2) is deaf. III-5 has fractures; III-2 has none."
    >>> named_mentions(t, 28, len(t))
    [(29, 34, 'family members')]
    """
    names = relative_names(text)
    out = []
    for m in _MENTION.finditer(text, start, end):
        if m.group()[1].islower() and (_CAPITAL_BEFORE.search(text, max(0, m.start() - 30),
                                                              m.start())
                                       or _CAPITAL_AFTER.match(text, m.end())):
            continue  # "Mr. Rui Manuel MEDEIROS": part of someone's full name
        key = name_key(m.group())
        rel = names.get(key)
        if rel is None and _PEDIGREE.fullmatch(m.group()) and key not in _proband_ids(text):
            rel = "family members"  # a pedigree number not the patient's: some relative
        if rel is not None and not _NOT_MENTION_AFTER.match(text, m.end()):
            out.append((m.start(), m.end(), rel))
    return out


_PEDIGREE = re.compile(PEDIGREE_ID)
_CAPITAL_BEFORE = re.compile(r"\b[A-Z][\w'-]*[ \t]+$")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]\w")


#: what stands between a name and the relation word it is introduced with (view text): "leila,
#: his aunt", "mother (ii-2)", "daughters (iii-5 and iii-6)", "iv-1, daniel's daughter"
_BESIDE = re.compile(r"[\s,(:]*(?:(?:the|her|his|their|maternal|paternal|and|[a-z]+'s|elder|older"
                     r"|younger|eldest|youngest|little|big|twin|half-?"
                     r"|(?:i{1,3}|iv|vi{0,3})[-:]\d{1,2})[\s,():]*)*")
_PEDIGREE_NUMBER = re.compile(r"(?:i{1,3}|iv|vi{0,3})[-:\u2010\u2013]\d{1,2}")


def blank_names(text: str, names: Collection[str]) -> str:
    """*text* (lower-cased view text) with the relatives' first names blanked, so that
    "mother, zanele, and his sister" reads as "mother,  , and his sister".

    >>> blank_names("mother, zanele, and his sister", {"zanele"})
    'mother,  , and his sister'
    """
    return re.sub(r"[a-z][a-z'-]+", lambda w: " " if w.group() in names else w.group(), text)


def with_named_relatives(text: str, view: View, hits: list[CueHit], start: int, end: int
                         ) -> list[CueHit]:
    """The cues *hits* of the sentence ``text[start:end]`` (read through *view*), with a
    relation cue for each relative named by first name or pedigree number alone ("Leila has
    ptosis", "II-4 had a fracture"), not where the name stands beside its relation word
    ("Leila, his aunt", "his mother (II-2)")."""
    added = []
    names = relative_names(text)

    def beside(a: int, b: int) -> bool:  # "parents, mikko and | sanna": other names too
        return _BESIDE.fullmatch(blank_names(view.text[a:b], names)) is not None

    for a, b, relation in named_mentions(text, start, end):
        vs, ve = view.at(a), view.at(b)
        if any(h.start < ve and vs < h.end for h in hits):
            continue
        kin = relation.split()[-1].removesuffix("s")  # "the parents, Mikko and Sanna"
        other = [k for k, h in enumerate(hits) if h.cue.kind == "relation"
                 and h.cue.value.split()[-1].removesuffix("s") != kin
                 and relation != "family members"
                 and h.end < vs and beside(h.end, vs)]
        if other and not re.search(r"(?:'s|\b(?:my|our|your))\s*$",
                                   view.text[: hits[other[-1]].start], re.IGNORECASE):
            # "On Alan's side, his sister Kirsty": the name says whose sister she is
            h = hits[other[-1]]
            hits = [*hits[: other[-1]], h._replace(cue=h.cue._replace(value=relation)),
                    *hits[other[-1] + 1:]]
            continue
        if any(h.cue.kind == "relation" and (h.cue.value.split()[-1].removesuffix("s") == kin
                                             or relation == "family members")
               and (beside(h.end, vs) or beside(ve, h.start))
               for h in hits):
            continue
        # a first name marks whose words these are; only a pedigree number, a clinical
        # record's word, also makes the clause a family statement (:mod:`family`)
        also = () if _PEDIGREE_NUMBER.fullmatch(view.text, vs, ve) else ("named",)
        added.append(CueHit(vs, ve, view.text[vs:ve],
                            Cue("relation", "clause", relation, also=also)))
    return sorted(hits + added) if added else hits
