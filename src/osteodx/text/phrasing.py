"""Wordings a report uses for a dictionary phrase that plain matching misses.

Each method adds candidate matches for :class:`osteodx.text.concepts.ConceptRecognizer`
(a mixin: it uses the recogniser's dictionaries), always through a dictionary lookup, so a
variant only ever yields a real HPO term:

* a side inside a phrase ("bowing of the right femur");
* predicates ("the skull was enlarged", "muscle tone is a little low");
* one word on each side of "and" / "or" / "/" sharing the rest ("fourth and fifth
  metacarpals", "posterior subcapsular/capsular cataract");
* a list of single words sharing a head noun, whether or not the last one makes a term
  with it ("ophthalmic, orofacial, articular, and auditory manifestations");
* nouns listed before "of" sharing the of-phrase's head noun ("cupping, fraying and
  splaying of the distal radial and ulnar metaphyses");
* comma-separated and stacked modifiers sharing the noun ("short, broad femoral necks",
  "low-set posteriorly rotated ears");
* a part the patient was born without ("born without thumbs", "has no radius bones") as
  its absence (*Absent thumb*), where the ontology names that absence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from osteodx.text.candidates import (
    _BAG,
    _BREAK,
    _COMMA,
    _COORD,
    _MARKERS,
    _NEXT_WORD,
    _PHRASE_END,
    _SLASH,
    _Candidate,
    _conjuncts,
    _Entry,
)
from osteodx.text.normalise import Token, norm_token

__all__ = ["PhraseVariants"]

#: "of" (with an article or possessive) after a noun: the start of an of-phrase
_OF = re.compile(r"\s+of\s+(?:(?:the|his|her|their|both|all|a|an)\s+)?(?=\w)", re.IGNORECASE)
#: an article or possessive between "and" and a noun: that noun starts a phrase of its own
_DETERMINER = re.compile(r"\b(?:the|his|her|their|its|these|those|this|that|a|an)\b",
                         re.IGNORECASE)
#: nouns before "of" that deny the of-phrase rather than name a finding with it
_NONE_OF = frozenset(norm_token(w) for w in ("absence", "lack"))
_SIDES = frozenset({norm_token("right"), norm_token("left")})
_ABNORMALITY = norm_token("abnormality")  # "disorder, bifid ribs" is no "abnormal ribs"
_NEGATORS = frozenset({"no", "not", "without", "non", "nor", "never"})
_INTENSIFIERS = frozenset(norm_token(w) for w in "very quite rather slightly mildly markedly a"
                          " strongly weakly"
                          " little bit somewhat extremely moderately too really"
                          # time and change between a subject and its state: "her kneecap
                          # first dislocated", "his feet were becoming high-arched"
                          " first repeatedly recurrently gradually progressively increasingly"
                          " becoming getting"
                          # "the liver is also enlarged", "the spleen is still palpable"
                          " also still now clearly".split())
_AUXILIARIES = frozenset(norm_token(w) for w in "have has had".split())
#: subjects of their own before a copula ("there are broad-based exostoses": existential)
_PRONOUNS = frozenset("this it they these those which that he she there".split())
#: "X was enlarged": a copula between a finding's subject and its adjective
_ARTICLES = frozenset(norm_token(w) for w in ("a", "an", "the"))
#: words between a copula and its adjective: "were noted to be low", "was found to be large"
_COPULA_LINKS = frozenset(norm_token(w) for w in "noted found shown thought felt said seen"
                          " considered".split())
_TO_BE = [norm_token("to"), norm_token("be")]
_COPULAS = frozenset(norm_token(w) for w in "was were is are appeared appears appear seemed"
                     " seems seem looked looks became becomes become been".split())


#: words that say a part is not there: "born without thumbs", "has no radii"
_LACKING = frozenset(norm_token(w) for w in "without no lacks lacking lacked".split())
_ABSENT = norm_token("absent")
#: parts a newborn or a healthy person is "without": "born without teeth" is normal
_NOT_ABSENCES = frozenset(norm_token(w) for w in "tooth hair problem complication".split())
#: words that may follow the part and end its phrase ("without thumbs bilaterally")
_PART_END = frozenset(norm_token(w) for w in "on at since from but which that who was were is"
                      " are had has with bilaterally bilateral".split())
_BONE = norm_token("bones")


def _absences_only(entries: tuple[_Entry, ...] | None) -> tuple[_Entry, ...]:
    """The entries written "Absent ..." ("Absent thumb", "Absent kidney" for *Renal
    agenesis*): "no seizures" is no *Absence seizure*, though both fold to "absent"."""
    return tuple(e for e in entries or () if any(
        s.lower().startswith("absent ") for s in e.synonyms))


def _phrase_ends(words: list[str], j: int) -> list[tuple[int, int]] | None:
    """The further one-word parts of a list that ends the noun phrase before word *j*
    ("thumbs and radii.": [radii]; "thumbs, and his ...": []), or None when a head noun
    follows ("radius or ulna anomaly", "liver, spleen or kidneys palpable")."""
    more: list[tuple[int, int]] = []
    for _ in range(6):
        if j >= len(words) or words[j] == _BREAK or words[j] in _PART_END:
            return more
        if words[j] not in _MARKERS:
            return None
        if words[j] == _COMMA and j + 1 < len(words) and words[j + 1] in ("and", "but"):
            return more  # "without thumbs, and his hearing ...": a clause ends
        j += 1
        while j < len(words) and words[j] in _ARTICLES:
            j += 1
        if j >= len(words) or words[j] in _MARKERS:
            return None
        a, j = j, j + (2 if j + 1 < len(words) and words[j + 1] == _BONE else 1)
        more.append((a, j))
    return None


def _plural(text: str, token: Token) -> bool:
    """A word written in the plural ("knees"): a noun, not a modifier."""
    surface = text[token.start : token.end].lower()
    return surface != token.norm and surface.endswith("s") and not token.norm.endswith("s")


class PhraseVariants:
    """Candidate generators over the recogniser's ``_ordered`` / ``_bag`` dictionaries."""

    _max_bag: int
    _ordered: dict[tuple[str, ...], tuple[_Entry, ...]]
    _bag: dict[tuple[str, ...], tuple[_Entry, ...]]

    def _ordered_hits(self, words: list[str]) -> Iterable[tuple[int, tuple[str, ...]]]:
        raise NotImplementedError

    def _lookup(self, key: tuple[str, ...]) -> tuple[_Entry, ...] | None:
        raise NotImplementedError

    def _stacked_modifiers(self, text: str, items: list[Token],
                           spans: list[tuple[int, int, tuple[str, ...]]]) -> list[_Candidate]:
        """"low-set posteriorly rotated ears" -> also "low-set ears": the one or two words
        before a matched modifier-and-noun phrase, with its last word, when that is a term."""
        out: list[_Candidate] = []
        for first, stop, key in spans:
            if len(key) < 2:
                continue
            for n in (1, 2):
                if first - n < 0:
                    break
                before = tuple(items[i].norm for i in range(first - n, first))
                if (_MARKERS.intersection(before) or _ABNORMALITY in before
                        or _NEGATORS.intersection(before)):
                    break
                if "-" in text[items[first - 1].end : items[first].start]:
                    break  # "tonic-clonic seizures" is one word, not "tonic seizures"
                entries = self._lookup((*before, key[-1]))
                if entries:
                    out.append(_Candidate(items[first - n].start, items[stop - 1].end, _COORD,
                                          entries))
        return out

    def _comma_adjectives(self, items: list[Token],
                          spans: list[tuple[int, int, tuple[str, ...]]]) -> list[_Candidate]:
        """"short, tapering distal phalanges" -> also "short distal phalanges": a word and
        a comma before a matched phrase replace its first word, when that gives a term."""
        out: list[_Candidate] = []
        ends = {stop - 1 for _, stop, _ in spans}
        for first, stop, key in spans:
            if len(key) < 2 or first < 2 or items[first - 1].norm != _COMMA:
                continue
            word = items[first - 2].norm
            if word in _MARKERS or first - 2 in ends or word == _ABNORMALITY:
                continue  # "scoliosis, short stature": the word ends a finding of its own
            entries = self._lookup((word,) + key[1:])
            if entries:
                out.append(_Candidate(items[first - 2].start, items[stop - 1].end, _COORD, entries))
        return out

    def _inner_coordination(self, items: list[Token], words: list[str],
                            spans: list[tuple[int, int, tuple[str, ...]]] = ()
                            ) -> list[_Candidate]:
        """"shortening of the fourth and fifth metacarpals" -> "short 4th metacarpal" and
        "short 5th metacarpal": one word on each side of 'and' / 'or' shares both the words
        before and the words after it (the one-sided cases are :meth:`_coordinated`).

        A left conjunct that is a term with a modifier of its own ("a depressed nasal bridge
        and midface hypoplasia") is complete: it takes no words from after the right one."""
        out: list[_Candidate] = []
        starts_of_terms_ending: dict[int, int] = {}  # stop -> earliest first of a term
        for first, stop, _ in spans:
            starts_of_terms_ending[stop] = min(first, starts_of_terms_ending.get(stop, first))
        for k, w in enumerate(words):
            if w not in ("and", "or", _SLASH) or k < 2 or k + 2 >= len(words):
                continue
            if words[k - 1] in _MARKERS or words[k + 1] in _MARKERS \
                    or words[k + 1] in _ARTICLES:
                continue  # "nasal bridge and a high-pitched voice": a new phrase
            for left in (1, 2):
                pre = words[k - 1 - left : k - 1]
                if len(pre) < left or _MARKERS.intersection(pre):
                    break
                for right in (1, 2):
                    post = words[k + 2 : k + 2 + right]
                    if len(post) < right or _MARKERS.intersection(post):
                        break
                    a, b = k - 1 - left, k + 1 + right
                    for side, one in ((-1, words[k - 1]), (1, words[k + 1])):
                        if side == -1 and starts_of_terms_ending.get(k, a) < a:
                            continue  # "depressed nasal bridge" takes no "hypoplasia"
                        entries = self._lookup((*pre, one, *post))
                        if entries:
                            out.append(_Candidate(items[a].start, items[b].end, _COORD, entries))
        return out

    def _distributed_heads(self, text: str, items: list[Token],
                           words: list[str]) -> list[_Candidate]:
        """"ophthalmic, articular, and auditory manifestations" -> "ophthalmic manifestations",
        "articular manifestations" ...: every single-word conjunct of a list closed by 'and' /
        'or' takes the one or two words after the last conjunct. (:meth:`_coordinated` needs
        the last conjunct and the head to make a term themselves.)"""
        out: list[_Candidate] = []
        for k, w in enumerate(words):
            if (w not in ("and", "or") or k + 2 >= len(words) or words[k + 1] in _MARKERS
                    or words[k + 1] == "a"):
                continue
            conjuncts = [*_conjuncts(items, k, -1), k + 1]
            if len(conjuncts) < 2 or any(_plural(text, items[i]) for i in conjuncts):
                continue  # "her knees, hips and lower back": nouns, not shared modifiers
            for r in (1, 2):
                head = words[k + 2 : k + 2 + r]
                if len(head) < r or _MARKERS.intersection(head):
                    break
                nxt = _NEXT_WORD.match(text, items[k + 1 + r].end)
                if nxt and nxt.group(1).lower() not in _PHRASE_END:
                    continue  # "tumours or multiple odontogenic keratocysts"
                for i in conjuncts:
                    entries = self._lookup((words[i], *head))
                    if entries:
                        out.append(_Candidate(items[i].start, items[k + 1 + r].end, _COORD,
                                              entries))
        return out

    def _of_phrase_heads(self, text: str, items: list[Token],
                         words: list[str]) -> list[_Candidate]:
        """"cupping, fraying and splaying of the distal radial and ulnar metaphyses" ->
        "cupping of the metaphyses", "fraying of the metaphyses" ...: each noun of a list
        before "of" takes the head noun that ends the of-phrase, over the modifiers between
        (a list before "of", or modifiers themselves coordinated, as in "radial and ulnar";
        a plain "X of the Y" is matched as a bag of words already)."""
        out: list[_Candidate] = []
        for i in range(len(items) - 1):
            if words[i] in _MARKERS or words[i] in _NONE_OF or not _OF.match(text, items[i].end):
                continue  # "absence of focal and generalised seizures" is no absence seizure
            listed = [*_conjuncts(items, i - 1, -1), i] if i and words[i - 1] in ("and", "or") \
                and not _DETERMINER.search(text, items[i - 1].end, items[i].start) else [i]
            # ("radially deviated and the nails of these fingers": a new noun phrase)
            inner = False  # "radial and ulnar": the of-phrase's own modifiers coordinated
            for j in range(i + 1, min(i + 7, len(items))):
                if words[j] in (_COMMA, _SLASH, _BREAK):
                    break
                if words[j] in ("and", "or"):
                    inner = True
                    continue
                if j + 1 < len(items) and words[j + 1] in ("and", "or"):
                    continue
                nxt = _NEXT_WORD.match(text, items[j].end)
                if nxt and nxt.group(1).lower() not in _PHRASE_END:
                    continue  # the of-phrase goes on: "... ulnar metaphyses"
                if (len(listed) > 1 or inner) and j > i + 1:
                    mods = [w for w in words[i + 1 : j] if w not in _MARKERS]
                    for c in listed:
                        if any(self._lookup((words[c], m, words[j])) for m in mods):
                            continue  # "shortening of the 4th and 5th metacarpals": the
                            # specific terms (:meth:`_inner_coordination`) say it
                        entries = self._lookup((words[c], words[j]))
                        if entries:
                            out.append(_Candidate(items[c].start, items[j].end, _COORD,
                                                  entries))
                break
        return out

    def _head_before(self, text: str, items: list[Token], words: list[str]) -> list[_Candidate]:
        """"anomalies of the semicircular canals and the incus" -> "anomalies of the incus",
        "pain in her knees, hips and lower back" -> "pain in the hips", "... lower back": the
        conjuncts after the first take the one or two words before it. The list's last
        conjunct (one or two words) must end the phrase; the widest head that makes a term
        with some conjunct wins."""
        out: list[_Candidate] = []
        for k, w in enumerate(words):
            if w not in ("and", "or") or k + 1 >= len(words) or words[k + 1] in _MARKERS:
                continue
            for n in (1, 2):
                last = words[k + 1 : k + 1 + n]
                if len(last) < n or _MARKERS.intersection(last):
                    break
                nxt = _NEXT_WORD.match(text, items[k + n].end)
                if nxt and nxt.group(1).lower() not in _PHRASE_END:
                    continue  # "the kidney and liver failure"
                for m in (1, 2):
                    first = k - m
                    if first < 1 or _MARKERS.intersection(words[first:k]):
                        continue
                    # "knees, hips and ...": the single words listed before a one-word conjunct
                    middle = [i for i in _conjuncts(items, k, -1) if i != first] if m == 1 else []
                    opening = min([first, *middle])
                    listed = [(k + 1, tuple(last)), (first, tuple(words[first:k])),
                              *((i, (words[i],)) for i in middle)]
                    for r in (2, 1):
                        head = words[opening - r : opening]
                        if opening - r < 0 or _MARKERS.intersection(head):
                            continue
                        hits = [(i, c, self._lookup((*head, *c))) for i, c in listed]
                        if len(hits) > 2 and any(not e and self._lookup(c) for _, c, e in hits):
                            continue  # a listed finding of its own that the head does not fit:
                            # "sensory loss, nystagmus or ataxia" shares no "sensory" (unlike
                            # "defects of the outer, middle and inner ear")
                        for i, c, entries in hits:
                            if entries:
                                end = items[i + len(c) - 1].end
                                out.append(_Candidate(items[opening - r].start, end, _COORD,
                                                      entries))
                        if any(e for _, _, e in hits):
                            break
        return out

    def _of_type(self, items: list[Token], words: list[str]) -> list[_Candidate]:
        """"hearing loss of conductive, sensorineural, or mixed type" -> "sensorineural hearing
        loss" ...: each word listed before "type" qualifies the one to three words before
        the list."""
        out: list[_Candidate] = []
        for t, w in enumerate(words):
            if w != "type" or t < 2 or words[t - 1] in _MARKERS:
                continue
            listed = [t - 1]
            if words[t - 2] in _MARKERS:
                listed += _conjuncts(items, t - 2, -1)
                if len(listed) < 2:
                    continue
            first = min(listed)
            for r in (1, 2, 3):
                head = words[first - r : first]
                if first - r < 0 or _MARKERS.intersection(head):
                    break
                for i in listed:
                    entries = self._lookup((words[i], *head))
                    if entries:
                        out.append(_Candidate(items[first - r].start, items[t].end, _COORD,
                                              entries))
        return out

    def _across_laterality(self, items: list[Token], words: list[str]) -> list[_Candidate]:
        """"bowing of the right femur" is "bowing of the femur": a side named inside a
        phrase is skipped (a side at the phrase's edge, as in "left ventricular
        hypertrophy", belongs to the term and is matched as written)."""
        kept = [i for i, w in enumerate(words) if w not in _SIDES]
        if len(kept) == len(words):
            return []
        out: list[_Candidate] = []
        reduced = [words[i] for i in kept]
        for first, key in self._ordered_hits(reduced):
            a, b = kept[first], kept[first + len(key) - 1]
            if b - a + 1 > len(key):  # a side word lies inside the phrase; a term that names
                # the side itself ("dilated left ventricle") is matched as written and wins
                out.append(_Candidate(items[a].start, items[b].end, _BAG, self._ordered[key]))
        for i in range(len(reduced)):  # "fracture of the right femur": words in another order
            for n in range(2, self._max_bag + 1):
                window = reduced[i : i + n]
                if len(window) < n or _MARKERS.intersection(window):
                    break
                a, b = kept[i], kept[i + n - 1]
                entries = self._bag.get(tuple(sorted(window))) if b - a + 1 > n else None
                if entries:
                    out.append(_Candidate(items[a].start, items[b].end, _BAG, entries))
        return out

    def _absences(self, items: list[Token], words: list[str]) -> list[_Candidate]:
        """"born without thumbs" -> *Absent thumb*: the match spans "without", so that the
        word does not negate it (a cue inside a match says nothing of it). The part must
        end its phrase: "no thumb hypoplasia" and "no kidney stones" say nothing absent."""
        out: list[_Candidate] = []
        for i, w in enumerate(words):
            if w not in _LACKING:
                continue
            a = i + 1
            while a < len(words) and (words[a] in _ARTICLES or words[a] in _SIDES
                                      or words[a] == "any"):
                a += 1
            for n in (1, 2):
                part = words[a:a + n]
                if len(part) < n or _MARKERS.intersection(part) \
                        or not _NOT_ABSENCES.isdisjoint(part):
                    break
                end = a + n
                if end < len(words) and words[end] == _BONE:
                    end += 1  # "without the radius bones"
                more = _phrase_ends(words, end)
                if more is None:
                    continue  # "no kidney stones", "no radius or ulna anomaly": another noun
                key = (_ABSENT, *part)  # two words in their order: "no thumb hypoplasia" is
                entries = _absences_only(self._lookup(key) if n == 1  # no bag
                                         else self._ordered.get(key))
                if entries:
                    out.append(_Candidate(items[i].start, items[end - 1].end, _BAG, entries))
                    for b, c in more:  # "without thumbs and radii": each part is absent
                        other = _absences_only(self._lookup((_ABSENT, words[b])))
                        if other:  # spanning the cue, outside the overlap resolution
                            out.append(_Candidate(items[i].start, items[c - 1].end, _COORD,
                                                  other))
        return out

    def _predicates(self, items: list[Token], words: list[str]) -> list[_Candidate]:
        """"The skull was enlarged" -> "enlarged skull": the subject's last words and
        the adjective after a copula (or after an intensifier in a verbless note: "Skin very
        fair"), matched as a bag of words."""
        out: list[_Candidate] = []
        for i, w in enumerate(words):
            # a copula, or notes' verbless "Skin very fair", "Tone markedly reduced"
            verbless = (w in _INTENSIFIERS and w != "a" and i > 0
                        and words[i - 1] not in _COPULAS and words[i - 1] not in _INTENSIFIERS)
            if w not in _COPULAS and not verbless:
                continue
            skip = i + (0 if verbless else 1)  # "is a little low": intensifiers are skipped
            if not verbless and skip + 2 < len(words) and words[skip] in _COPULA_LINKS \
                    and words[skip + 1:skip + 3] == _TO_BE:
                skip += 3  # "were noted to be low", "was found to be enlarged"
            while skip < len(words) and words[skip] in _INTENSIFIERS:
                skip += 1
            # "the radial head is not dislocated": the match starts at the adjective, so that
            # the "not" before it negates it (a cue inside a match says nothing of it)
            negated = not verbless and skip + 1 < len(words) and words[skip] == "not" \
                and words[skip + 1] not in _INTENSIFIERS and words[skip + 1] != "only"
            if negated:
                skip += 1
            for k in (1, 2, 3):  # "were enlarged", "were low set", "is soft and stretchy"
                after = words[skip : skip + k]
                if k == 3:  # a second adjective after "and": "soft and stretchy" -> "stretchy"
                    if len(after) < 3 or after[1] not in ("and", "or") \
                            or after[2] in _MARKERS or after[0] in _MARKERS:
                        break
                    after = after[2:]
                elif len(after) < k or _MARKERS.intersection(after):
                    if k == 2:
                        continue
                    break
                # "his legs have become weak": the auxiliary is no part of the subject
                end = i - 1 if i > 1 and words[i - 1] in _AUXILIARIES else i
                for j in range(max(0, end - self._max_bag + len(after)), end):
                    window = words[j:end]
                    if _MARKERS.intersection(window):
                        continue
                    entries = self._bag.get(tuple(sorted([*window, *after])))
                    if entries:  # a second adjective shares the subject with the first
                        out.append(_Candidate(items[skip if negated else j].start,
                                              items[skip + k - 1].end,
                                              _COORD if k == 3 else _BAG, entries))
                        if k == 3:
                            break  # its longest subject only: "femoral necks", not "necks"
                # "Liver and spleen were enlarged", "Hands and feet are large": each subject
                # (not when negated: the match would span its "not"; "liver and spleen not
                # enlarged" is an examination's statement, knowledge/examinations.yaml)
                if i >= 3 and words[i - 2] in ("and", "or") and words[i - 1] not in _PRONOUNS \
                        and not negated:
                    for j in _conjuncts(items, i - 2, -1):
                        entries = self._bag.get(tuple(sorted([words[j], *after])))
                        if entries:
                            out.append(_Candidate(items[j].start, items[skip + k - 1].end,
                                                  _COORD, entries))
        return out
