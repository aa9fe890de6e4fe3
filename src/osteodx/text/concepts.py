"""Dictionary-based recognition of HPO concepts in free text.

The recogniser is built from ``(hpo_id, label, [(synonym, scope), ...])``
triples, so it does not depend on any particular ontology loader.  Labels and
synonyms are normalised word by word with :mod:`osteodx.text.normalise` (case,
accents, plurals, British spelling, adjective/noun endings, hyphenation, a few
curated word classes) and stopwords are dropped; the text goes through the same
normalisation and an Aho-Corasick automaton finds every dictionary key in it.
On top of that:

* multi-word terms (up to ``max_bag`` words) also match with their words in
  another order ("brachydactyly type C" for "Type C brachydactyly");
* coordinations are expanded ("cleft lip and palate" also gives "cleft palate",
  "palmar and plantar pits" also "palmar pits");
* acronym synonyms (``IUGR``) match case-sensitively, those of at most three
  letters only when the text defines them ("ventricular septal defect (VSD)"),
  and an acronym defined for a recognised phrase is recognised wherever it occurs;
* overlapping candidates are resolved longest-first, and a match inside a longer
  one is kept when the rest is only qualifiers ("severe", "bilateral", "type C")
  or, given the ontology's ancestors (``nested="subsumed"``), when the longer term
  is a kind of the shorter one ("ulcerative colitis" also gives Colitis).

Every match keeps its exact character span in the original text.  Matching is
deterministic: the same text gives the same list, in ``(start, end, hpo_id)`` order.

>>> rec = ConceptRecognizer([("HP:0001250", "Seizure", [("Epileptic seizure", "EXACT")])])
>>> rec.find("Recurrent seizures.")
[ConceptMatch(hpo_id='HP:0001250', start=10, end=18, text='seizures', matched_synonym='Seizure')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Literal, NamedTuple

from osteodx.text.candidates import (
    _ACRONYM,
    _BAG,
    _BREAK,
    _COMMA,
    _CONJUNCTIONS,
    _COORD,
    _NEXT_WORD,
    _ORDERED,
    _PHRASE_END,
    _SLASH,
    _Candidate,
    _conjuncts,
    _Entry,
)
from osteodx.text.normalise import (
    QUALIFIERS,
    STOPWORDS,
    Token,
    is_abbreviation,
    norm_token,
    phrase_keys,
    surface_token,
    tokenise,
)
from osteodx.text.phrasing import PhraseVariants

try:  # C Aho-Corasick automaton; an equivalent n-gram lookup is used without it
    import ahocorasick
except ImportError:  # pragma: no cover
    ahocorasick = None

__all__ = ["ConceptMatch", "ConceptRecognizer"]

Nested = Literal["none", "qualified", "subsumed", "all"]

_RANK = {"LABEL": 0, "EXACT": 1, "ABBREVIATION": 1, "RELATED": 2, "NARROW": 3, "BROAD": 4}
#: Roots of the ontology: "phenotypic abnormalities" names no particular finding.
_UNINFORMATIVE = frozenset({"HP:0000001", "HP:0000118"})
_BREAK_GAP = re.compile(r"[.;:!?()\[\]{}]|\n\s*\n")
_DEFINITION = re.compile(r"\(\s*([^\W_][\w\-]{1,9})\s*\)")  # "... (VSD)"
_ACRONYM_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


class ConceptMatch(NamedTuple):
    """One recognised concept occurrence; ``text == original[start:end]``."""

    hpo_id: str
    start: int
    end: int
    text: str
    matched_synonym: str


class ConceptRecognizer(PhraseVariants):
    """Find HPO concepts in text (the method is in the module docstring).

    ``terms`` yields ``(hpo_id, label, [(synonym_text, scope), ...])`` with
    ``scope`` one of ``EXACT``, ``RELATED``, ``NARROW``, ``BROAD`` (only those in
    ``scopes`` are used) or ``ABBREVIATION``: a curated clinical abbreviation matched
    case-sensitively even when the text does not define it ("HTN", "LVH").  ``max_bag``
    is the longest phrase, in content words, that may match in any word order (0: never).
    ``nested`` says which matches lying inside a longer match are returned too: ``"none"``,
    ``"qualified"`` (the rest of the longer match is only qualifiers, as in
    "severe <mental retardation>"), ``"subsumed"`` (that, or the longer match's term
    descends from the shorter one's in ``ancestors``: id -> its proper ancestors) or
    ``"all"``.  ``coordination`` expands
    "A and B C" phrases.  ``blocked_text`` holds ``(hpo_id, text)`` pairs never
    reported (any case), for words that fold onto a term but mean something else.
    """

    def __init__(
        self,
        terms: Iterable[tuple[str, str, Sequence[tuple[str, str]]]],
        *,
        scopes: Iterable[str] = ("EXACT", "RELATED", "NARROW"),
        max_bag: int = 4,
        nested: Nested = "qualified",
        coordination: bool = True,
        ancestors: Mapping[str, Iterable[str]] | None = None,
        blocked_text: Iterable[tuple[str, str]] = (),
    ) -> None:
        if nested not in ("none", "qualified", "subsumed", "all"):
            raise ValueError(
                f"nested must be 'none', 'qualified', 'subsumed' or 'all', not {nested!r}")
        allowed = {"LABEL", "ABBREVIATION", *(s.upper() for s in scopes)}
        self._max_bag, self._nested, self._coordination = max_bag, nested, coordination
        self._ancestors = {k: frozenset(v) for k, v in (ancestors or {}).items()}
        self._blocked = frozenset((i, t.lower()) for i, t in blocked_text)
        ordered: dict[tuple[str, ...], dict[str, _Entry]] = {}
        acronyms: dict[str, dict[str, _Entry]] = {}
        trusted: dict[str, dict[str, _Entry]] = {}
        for hpo_id, label, synonyms in terms:
            if hpo_id in _UNINFORMATIVE:
                continue
            for text, scope in [(label, "LABEL"), *synonyms]:
                if scope.upper() not in allowed or (hpo_id, text.lower()) in self._blocked:
                    continue  # a blocked text shadows no other term's words
                entry = _Entry(_RANK[scope.upper()], hpo_id, (text,), label)
                if scope.upper() == "ABBREVIATION":  # curated: matched without a definition
                    _add(trusted.setdefault(text.replace("-", ""), {}), entry)
                    continue
                if is_abbreviation(text) or len(text) <= 3:
                    _add(acronyms.setdefault(text.replace("-", ""), {}), entry)
                    continue
                for key in phrase_keys(text):
                    _add(ordered.setdefault(key, {}), entry)
        self._ordered = {k: _best(v) for k, v in sorted(ordered.items())}
        self._acronyms = {k: _best(v) for k, v in sorted(acronyms.items())}
        self._trusted = {k: _best(v) for k, v in sorted(trusted.items())}
        self._bag: dict[tuple[str, ...], tuple[_Entry, ...]] = {}
        for key, entries in self._ordered.items():
            if 2 <= len(key) <= max_bag and _COMMA not in key:
                merged: dict[str, _Entry] = {}
                for e in self._bag.get(tuple(sorted(key)), ()) + entries:
                    _add(merged, e)
                self._bag[tuple(sorted(key))] = _best(merged)
        self._vocabulary = frozenset(t for key in self._ordered for t in key)
        self._longest = max((len(k) for k in self._ordered), default=0)
        self._automaton = None
        if ahocorasick is not None and self._ordered:
            self._automaton = ahocorasick.Automaton()
            for key in self._ordered:
                self._automaton.add_word(" " + " ".join(key) + " ", key)
            self._automaton.make_automaton()

    def find(self, text: str) -> list[ConceptMatch]:
        """Return the concepts in ``text`` after longest-match resolution."""
        items = self._stream(text, tokenise(text, self._vocabulary))
        found = self._dictionary_candidates(text, items)
        found += self._acronym_candidates(text, found)
        found.sort(key=lambda c: (c.start - c.end, c.kind, c.entries[0].rank, c.start, c.entries))
        taken: list[tuple[int, int, tuple[str, ...]]] = []  # accepted, sorted, none shorter
        longest = max((c.end - c.start for c in found), default=0)
        matches: dict[tuple[int, int, str], ConceptMatch] = {}
        for cand in found:
            # a coordination ("cleft lip and palate") spans its conjuncts' own
            # matches, so it takes no part in the resolution
            if _names_a_molecule(text, cand.end) or _names_a_place(text, cand):
                continue
            if cand.kind != _COORD and not self._accept(text, cand, taken, longest):
                continue
            for m in _emit(text, cand):
                if (m.hpo_id, m.text.lower()) not in self._blocked:
                    matches.setdefault((m.start, m.end, m.hpo_id), m)
        return [matches[k] for k in sorted(matches)]

    # -- candidates -------------------------------------------------------------

    def _stream(self, text: str, tokens: list[Token]) -> list[Token]:
        """Content tokens, with marker tokens for sentence breaks, commas and slashes."""
        items: list[Token] = []
        for k, tok in enumerate(tokens):
            if items:
                gap = text[tokens[k - 1].end : tok.start]
                page_break = not gap.strip() and text[tok.start].islower()  # "cleft\n\npalate"
                marker = (_BREAK if _BREAK_GAP.search(gap) and not page_break
                          else _SLASH if "/" in gap else _COMMA)
                if marker != _COMMA or "," in gap:
                    items.append(Token(marker, tokens[k - 1].end, tok.start))
            if tok.norm not in STOPWORDS:
                items.append(tok)
        return items

    def _ordered_hits(self, words: list[str]) -> Iterable[tuple[int, tuple[str, ...]]]:
        """(first index, key) of every dictionary key found in ``words`` in order."""
        if self._automaton is None:
            for i in range(len(words)):
                for n in range(1, min(self._longest, len(words) - i) + 1):
                    if tuple(words[i : i + n]) in self._ordered:
                        yield i, tuple(words[i : i + n])
            return
        index_at, pos = {}, 1
        for i, w in enumerate(words):
            index_at[pos] = i
            pos += len(w) + 1
        for end, key in self._automaton.iter(" " + " ".join(words) + " "):
            yield index_at[end - sum(len(k) + 1 for k in key) + 1], key

    def _dictionary_candidates(self, text: str, items: list[Token]) -> list[_Candidate]:
        words = [t.norm for t in items]
        found: list[_Candidate] = []
        spans: list[tuple[int, int, tuple[str, ...]]] = []
        for first, key in self._ordered_hits(words):
            stop = first + len(key)
            entries = self._ordered[key]
            found.append(_Candidate(items[first].start, items[stop - 1].end, _ORDERED, entries))
            spans.append((first, stop, key))
        for i in range(len(items)):
            for n in range(2, self._max_bag + 1):
                window = words[i : i + n]
                if len(window) < n or not _CONJUNCTIONS.isdisjoint(window) or _BREAK in window:
                    break
                entries = self._bag.get(tuple(sorted(window)))
                if entries:
                    found.append(_Candidate(items[i].start, items[i + n - 1].end, _BAG, entries))
                    spans.append((i, i + n, tuple(window)))
        found += self._across_laterality(items, words)
        found += self._predicates(items, words)
        found += self._absences(items, words)
        if self._coordination:
            found += self._coordinated(text, items, spans)
            found += self._inner_coordination(items, words, spans)
            found += self._distributed_heads(text, items, words)
            found += self._of_phrase_heads(text, items, words)
            found += self._head_before(text, items, words)
            found += self._of_type(items, words)
            found += self._comma_adjectives(items, spans)
            found += self._stacked_modifiers(text, items, spans)
        return found

    def _lookup(self, key: tuple[str, ...]) -> tuple[_Entry, ...] | None:
        bag = self._bag.get(tuple(sorted(key))) if len(key) <= self._max_bag else None
        return self._ordered.get(key, bag)

    def _coordinated(
        self, text: str, items: list[Token], spans: list[tuple[int, int, tuple[str, ...]]]
    ) -> list[_Candidate]:
        """'A and B C' -> 'A C', 'A B and C' -> 'A C' for a matched 'B C' / 'A B'."""
        out: list[_Candidate] = []
        for first, stop, key in spans:
            if len(key) < 2:
                continue
            for step in (1, -1):
                conjuncts = _conjuncts(items, stop if step == 1 else first - 1, step)
                if step == 1 and conjuncts:
                    nxt = _NEXT_WORD.match(text, items[conjuncts[-1]].end)
                    if nxt and nxt.group(1).lower() not in _PHRASE_END:
                        continue
                for i in conjuncts:
                    word = items[i].norm
                    entries = self._lookup(key[:-1] + (word,) if step == 1 else (word,) + key[1:])
                    if entries:
                        a, b = (first, i) if step == 1 else (i, stop - 1)
                        out.append(_Candidate(items[a].start, items[b].end, _COORD, entries))
        return out

    def _acronym_candidates(self, text: str, found: list[_Candidate]) -> list[_Candidate]:
        ending_at: dict[int, list[_Candidate]] = {}
        for cand in found:
            ending_at.setdefault(cand.end, []).append(cand)
        defined: dict[str, tuple[_Entry, ...]] = {}
        for m in _DEFINITION.finditer(text):
            short = m.group(1)
            if not is_abbreviation(short):
                continue
            before = m.start()
            while before and text[before - 1].isspace():
                before -= 1
            for cand in sorted(ending_at.get(before, ()), key=lambda c: (c.start, c.kind)):
                if cand.kind != _COORD and _defines(short, text[cand.start : cand.end]):
                    defined.setdefault(short.replace("-", ""), cand.entries)
                    break
        out: list[_Candidate] = []
        for m in _ACRONYM_WORD.finditer(text):
            if not is_abbreviation(m.group()):
                continue
            word = m.group().replace("-", "")
            if (word not in defined and word not in self._acronyms and word not in self._trusted
                    and word.endswith("s")):
                word = word[:-1]  # plural: "VSDs"
            entries = defined.get(word)
            if entries is None:
                entries = self._trusted.get(word)
            if entries is None and sum(c.isalpha() for c in word) > 3:
                entries = self._acronyms.get(word)
            if entries:
                out.append(_Candidate(m.start(), m.end(), _ACRONYM, entries))
        return out

    def _accept(
        self, text: str, cand: _Candidate, taken: list[tuple[int, int, tuple[str, ...]]],
        longest: int,
    ) -> bool:
        """Add ``cand`` to the sorted accepted spans unless one of them excludes it."""
        i = bisect_left(taken, (cand.start - longest,))
        while i < len(taken) and taken[i][0] < cand.end:
            if self._clash(text, cand, *taken[i]):
                return False
            i += 1
        insort(taken, (cand.start, cand.end, tuple(e.hpo_id for e in cand.entries)))
        return True

    def _clash(self, text: str, cand: _Candidate, s: int, e: int, ids: tuple[str, ...]) -> bool:
        """Is ``cand`` excluded by the accepted, at least as long, span (s, e)?"""
        if cand.end <= s or e <= cand.start:
            return False
        inside = s <= cand.start and cand.end <= e and (cand.start, cand.end) != (s, e)
        if not inside or self._nested == "none":
            return True
        if self._nested == "all":
            return False
        if self._nested == "subsumed" and any(
            inner.hpo_id in self._ancestors.get(outer, ())
            for inner in cand.entries
            for outer in ids
        ):
            return False  # "ulcerative <colitis>": the longer term is a kind of the shorter
        rest = text[s : cand.start] + " " + text[cand.end : e]
        if self._nested == "subsumed" and _GRADE.search(rest) and not any(
            outer == inner.hpo_id or outer in self._ancestors.get(inner.hpo_id, ())
            for inner in cand.entries
            for outer in ids
        ):
            # "moderate <learning difficulties>" is a grade of intellectual disability, not a
            # specific learning disability: a severity that makes the phrase a term unrelated
            # to the inner one names another concept
            return True
        return not all(
            len(w) <= 2 or w.lower() in STOPWORDS or surface_token(w) in QUALIFIERS
            for w in re.findall(r"[^\W_]+", rest)
        )


#: severity grades: a phrase they make into an unrelated term is not the inner term graded
_GRADE = re.compile(r"\b(?:mild|moderate|severe|profound)\b", re.IGNORECASE)


#: words after a phenotype name that make it the name of a gene, locus or molecule
#: ("tumor suppressor gene", "Ewing sarcoma region", "leukaemia inhibitory factor"), or of
#: an examination ("Eyes | red reflex present": the red reflex, not a red eye; "cannot walk
#: heel-to-toe" is a failed tandem-gait test, not an inability to walk)
_MOLECULE_NEXT = re.compile(
    r"[\s-]+(?:suppressor|genes?|loci|locus|region|protein|receptor|factor|inhibitory|antigen"
    r"|kinase|pathway|breakpoint|electrophoresis|assay|reflex|reflexes|heel[- ]to[- ]toe|tandem"
    r"|on (?:his|her|the) (?:heels|toes)|in a straight line"
    # "the long finger flexors were weak": muscles of the fingers, not long fingers
    r"|flexors?|extensors?|tendons?"
    # "he falls asleep", "falls within the normal range": a verb, not Falls
    r"|asleep|within|below|above|outside)\b", re.IGNORECASE)


#: a capitalised word that makes the words before it a place's or a service's name: "Cedar
#: Falls Family Practice", "Down Syndrome Clinic", "Spina Bifida Association"
_INSTITUTION = re.compile(r"\s+(?:Family|Practice|Clinic|Hospital|Medical|Health|Centre|Center"
                          r"|University|Road|Street|Avenue|Surgery|Trust|Foundation|Institute"
                          r"|Association|Society|Service|Services|Unit|School|College)\b")


def _names_a_place(text: str, cand) -> bool:
    """Is a capitalised match part of a name ("Referred by Cedar Falls Family Practice")?"""
    return text[cand.start:cand.start + 1].isupper() and bool(
        _INSTITUTION.match(text, cand.end))


def _names_a_molecule(text: str, end: int) -> bool:
    return _MOLECULE_NEXT.match(text, end) is not None


def _defines(short: str, long: str) -> bool:
    """Schwartz-Hearst test: can ``short`` abbreviate ``long``?

    >>> _defines("VSD", "ventricular septal defect"), _defines("NF", "basal cell carcinoma")
    (True, False)
    """
    s, lf = short.lower(), long.lower()
    i, j = len(s) - 1, len(lf) - 1
    while i >= 0:
        if not s[i].isalnum():
            i -= 1
            continue
        while j >= 0 and (lf[j] != s[i] or (i == 0 and j > 0 and lf[j - 1].isalnum())):
            j -= 1
        if j < 0:
            return False
        i, j = i - 1, j - 1
    return True


def _emit(text: str, cand: _Candidate) -> list[ConceptMatch]:
    """Matches for a candidate: of several ids, those whose synonym (then label)
    is closest to the text."""
    span = text[cand.start : cand.end]
    words, folded = _bag_of(span, False), _bag_of(span, True)
    scored = []
    for e in cand.entries:
        syn = max(e.synonyms, key=lambda x: (_similarity(words, _bag_of(x, False)), x))
        closeness = _similarity(words, _bag_of(syn, False))
        scored.append(((closeness, _similarity(folded, _bag_of(e.label, True))), e.hpo_id, syn))
    top = max(score for score, _, _ in scored)
    return [ConceptMatch(i, cand.start, cand.end, span, syn) for sc, i, syn in scored if sc == top]


@lru_cache(maxsize=100_000)
def _bag_of(phrase: str, folded: bool) -> frozenset[str]:
    norm = norm_token if folded else surface_token
    return frozenset(w for w in map(norm, re.findall(r"[^\W_]+", phrase)) if w not in STOPWORDS)


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _add(bucket: dict[str, _Entry], entry: _Entry) -> None:
    """Keep, per id, the best rank and all synonyms of that rank."""
    old = bucket.get(entry.hpo_id)
    if old is None or entry.rank < old.rank:
        bucket[entry.hpo_id] = entry
    elif entry.rank == old.rank:
        synonyms = tuple(sorted({*old.synonyms, *entry.synonyms}))
        bucket[entry.hpo_id] = old._replace(synonyms=synonyms)


def _best(bucket: dict[str, _Entry]) -> tuple[_Entry, ...]:
    """Entries of the best rank present, in id order."""
    top = min(e.rank for e in bucket.values())
    return tuple(sorted(e for e in bucket.values() if e.rank == top))
