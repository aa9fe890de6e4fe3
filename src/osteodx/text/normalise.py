"""Word normalisation shared by the HPO dictionary and the text side.

Both sides of :class:`osteodx.text.concepts.ConceptRecognizer` go through the
same functions, so a rule here only has to be *consistent* (fold inflected and
spelling variants onto one key), not linguistically exact: ``norm_token`` may
return forms such as ``"ataxia"`` for both "ataxic" and "ataxia", or
``"abnormalitia"`` for "anomalies" (word classes are folded onto one member).

>>> [t.norm for t in tokenise("Tumours of the pre-auricular pits")]
['neoplasm', 'of', 'the', 'pre', 'auricula', 'pit']
>>> [(t.norm, t.start, t.end) for t in tokenise("Endocrinolo-\\ngy", {"endocrinologia"})]
[('endocrinologia', 0, 15)]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set
from functools import lru_cache
from itertools import product
from typing import NamedTuple

__all__ = [
    "COMMA",
    "PREFIXES",
    "QUALIFIERS",
    "STOPWORDS",
    "WORD_CLASSES",
    "Token",
    "is_abbreviation",
    "norm_token",
    "phrase_keys",
    "surface_token",
    "tokenise",
]

#: Function words dropped from both dictionary keys and text before matching.
STOPWORDS = frozenset({"an", "the", "of", "in", "some", "several", "both", "her", "his",
                       "their", "its", "my", "ting",  # "blue-tinged" (normalised "ting"): blue
                       # a lay intensifier inside a phrase: "bright light really hurts her eyes"
                       "really", "actually"})

#: Bound prefixes written both closed and hyphenated ("preauricular",
#: "pre-auricular"); dictionary words starting with one get a split variant.
PREFIXES = tuple(
    "pre post non sub supra hyper hypo intra inter extra peri para micro macro multi poly"
    " hemi semi anti retro neuro".split()
)

#: Curated word classes: words used interchangeably in clinical phenotype
#: descriptions ("renal anomalies" ~ "kidney malformation").  Each word is folded
#: onto the first of its group.  General medical language only - nothing here is
#: specific to a corpus; keep it small, every entry trades precision for recall.
WORD_CLASSES = tuple(
    tuple(group.split())
    for group in (
        "abnormality anomaly malformation defect abnormal manifestation involvement finding"
        " disorder disturbance deficit lesion feature problem",
        "neoplasm tumor tumour",
        "skin cutaneous dermal",
        "kidney renal",
        "heart cardiac",
        "lung pulmonary",
        "liver hepatic",
        "eye ocular ophthalmic ophthalmologic ophthalmological",
        "face facial facies",
        "palm palmar",
        "sole plantar",
        "skeleton skeletal",
        "spine spinal",
        "joint articular",
        "genitalia genital",
        "vertebra vertebral",
        "intestine intestinal bowel",
        "bone osseous",
        "mouth oral",
        "nose nasal",
        "tooth dental",
        "stomach gastric",
        "absent absence missing",
        "delay retardation retarded",
        "multiple numerous",
        "short shortening shortened",
        "large big",
        # anatomical adjectives and their nouns (SPECIALIST lexicon derivations)
        "anus anal",
        "cerebellum cerebellar",
        "clavicle clavicular",
        "mandible mandibular",
        "maxilla maxillary",
        "thorax thoracic",
        "pelvis pelvic",
        "ovary ovarian",
        "uterus uterine",
        "testis testicular",
        "spleen splenic",
        "pancreas pancreatic",
        "rectum rectal",
        "colon colonic",
        "urethra urethral",
        "lip labial",
        "tongue lingual",
        "gingiva gingival",
        "palate palatal",
        "nail ungual",
        "digit digital",
        "phalanx phalangeal",
        "femur femoral",
        "metaphysis metaphyseal",
        "diaphysis diaphyseal",
        "epiphysis epiphyseal",
        "widening widen wide",  # "widening of the forehead", "widened metaphyses": wide
        "narrow narrowing",  # "narrowing of the canals", "narrowed foramen": narrow
        "tibia tibial",
        "humerus humeral",
        "ulna ulnar",
        "radius radial",
        "fibula fibular",
        "rib costal",
        "ventricle ventricular",
        "muscle muscular",
        "lacrimal lachrymal",
        "ear otic",
        "hearing auditory",
        "penis phallus",
        "episodic episode",
        "recurrent frequent",
        "pit pitting",
        "1st first",
        "2nd second",
        "3rd third",
        "4th fourth",
        "5th fifth",
        "unusual peculiar",
        "decreased reduced diminished",
        "increased elevated",
        "pain ache aching",
        "valvular valvar",
        "supravalvular supravalvar",
        "subvalvular subvalvar",
    )
)

#: Marker token for a comma inside a dictionary phrase ("Intellectual disability, severe").
COMMA = ","

_WORD = re.compile(r"[^\W_]+")
_LINE_BREAK_HYPHEN = re.compile(r"-[ \t]*\r?\n[ \t]*")  # "Endocrinolo-\ngy" (PDF text)

_IRREGULAR = dict(  # irregular plurals: plural -> singular
    pair.split(":")
    for pair in (
        "lens:lens lenses:lens feet:foot teeth:tooth children:child phalanges:phalanx"
        " cortices:cortex apices:apex vertices:vertex appendices:appendix cervices:cervix"
        " foramina:foramen lumina:lumen ganglia:ganglion diverticula:diverticulum septa:septum"
        " labia:labium crura:crus testes:testis women:woman men:man chalazia:chalazion"
        " radii:radius femora:femur"
    ).split()
)

#: Adjective/noun endings folded onto one form (ataxic ~ ataxia, dysplastic ~
#: dysplasia, retarded ~ retardation); first matching suffix wins.
_DERIVATIONS = tuple(  # "suffix>replacement"
    tuple(rule.split(">"))
    for rule in (
        "astic>asia otic>osis ytic>ysis ptic>psia psy>psia ification>ify ified>ify ation> ated>"
        " ement> ment> ally>al ely>e dly>d ed> ence>ent ic>ia ous>ia us>ia y>ia ar>a"
    ).split()
)


class Token(NamedTuple):
    """A word of the original text: normalised form and character span."""

    norm: str
    start: int
    end: int


def _strip_accents(word: str) -> str:
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _singular(w: str) -> str:
    """Plural folding: Harman's S-stemmer plus Latin and Greek plurals."""
    if len(w) <= 3:
        return w
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("ae") and len(w) > 4:
        return w[:-1]  # fistulae, vertebrae
    if w.endswith("omata"):
        return w[:-2]  # carcinomata
    if w.endswith("i") and w[-2] not in "aeiou":
        return w[:-1] + "us"  # nevi, bronchi
    if len(w) >= 7 and w.endswith(("oses", "yses", "ases", "eses")) and w[-5] in "tlnrhp":
        return w[:-2] + "is"  # stenoses, diaphyses, metastases
    if w.endswith("ies") and not w.endswith(("eies", "aies")):
        return w[:-3] + "y"
    if w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    if w.endswith("es") and not w.endswith(("aes", "ees", "oes")):
        return w[:-1]
    if w.endswith("s") and not w.endswith(("us", "ss", "is")):
        return w[:-1]
    return w


def _us_spelling(w: str) -> str:
    """Fold British spellings onto American ones (tumour, oedema, haem-, -ise, fibre)."""
    if "ae" in w:
        w = w.replace("ae", "e")
    if "oe" in w and len(w) > 4:
        w = w.replace("oe", "e")
    if len(w) >= 6 and w.endswith("our"):
        w = w[:-3] + "or"
    if len(w) >= 6:
        w = re.sub(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$", r"iz\1", w)
    if len(w) >= 5 and w.endswith(("tre", "bre")):
        w = w[:-2] + "er"  # centre, fibre
    return w


def _derive(w: str) -> str:
    if len(w) < 6:
        return w
    for suffix, replacement in _DERIVATIONS:
        if w.endswith(suffix) and (len(suffix) < 4 or len(w) - len(suffix) >= 4):
            return w[: -len(suffix)] + replacement
    return w


@lru_cache(maxsize=200_000)
def surface_token(word: str) -> str:
    """Normalise one word for case, accents, plural, spelling and word ending.

    >>> [surface_token(w) for w in ("Naevi", "oedematous", "Dysplastic", "retarded")]
    ['nevus', 'edematia', 'dysplasia', 'retard']
    """
    return _derive(_us_spelling(_singular(_strip_accents(word.lower()))))


@lru_cache(maxsize=200_000)
def norm_token(word: str) -> str:
    """:func:`surface_token`, then folded onto its :data:`WORD_CLASSES` group."""
    w = surface_token(word)
    return _CLASS_OF.get(w, w)


_CLASS_OF = {surface_token(w): surface_token(g[0]) for g in WORD_CLASSES for w in g[1:]}

#: Qualifiers that narrow a phenotype without changing what it is: a match lying
#: inside "<qualifiers> X" (or "X type C") is reported along with the longer one.
QUALIFIERS = frozenset(
    surface_token(w)
    for w in (
        "mild moderate severe profound marked bilateral unilateral left right congenital"
        " progressive distal proximal generalized localized diffuse focal multiple recurrent"
        " chronic acute postnatal prenatal neonatal infantile juvenile partial complete total"
        " isolated type and or early late onset nonprogressive sensorineural conductive"
    ).split()
)


def is_abbreviation(word: str) -> bool:
    """True for acronym-like words (``VSD``, ``PACs``, ``ccTGA``, ``BDA-1``).

    >>> [is_abbreviation(w) for w in ("VSD", "PACs", "BDA-1", "Seizure", "S4")]
    [True, True, True, False, False]
    """
    word = word.replace("-", "")
    if not word.isalnum():
        return False
    upper = sum(c.isupper() for c in word)
    return upper >= 2 and upper * 2 >= sum(c.isalpha() for c in word)


def tokenise(text: str, vocabulary: Set[str] = frozenset()) -> list[Token]:
    """Split ``text`` into normalised word tokens with spans into ``text``.

    A word broken by a hyphen at a line end is re-joined when the joined form
    is in ``vocabulary`` (the normalised dictionary words); a hyphen next to a
    one- or two-character part is always closed up ("A-1" -> "a1").
    """
    tokens: list[Token] = []
    prev_raw = ""
    for m in _WORD.finditer(text):
        raw = m.group()
        if tokens:
            gap = text[tokens[-1].end : m.start()]
            broken = _LINE_BREAK_HYPHEN.fullmatch(gap) and norm_token(prev_raw + raw) in vocabulary
            if broken or (gap == "-" and min(len(prev_raw), len(raw)) <= 2):
                prev_raw += raw
                tokens[-1] = Token(norm_token(prev_raw), tokens[-1].start, m.end())
                continue
        tokens.append(Token(norm_token(raw), m.start(), m.end()))
        prev_raw = raw
    return tokens


def _word_alternatives(word: str) -> list[tuple[str, ...]]:
    """Spellings of one (possibly hyphenated) dictionary word, as raw tokens."""
    parts = tuple(p for p in re.split(r"[\W_]+", word) if p)
    as_text = tuple(word[t.start : t.end].replace("-", "") for t in tokenise(word))
    alternatives = {parts, ("".join(parts),), as_text}
    for alt in list(alternatives):
        low = alt[0].lower()
        for prefix in PREFIXES if len(alt) == 1 else ():
            if low.startswith(prefix) and len(low) - len(prefix) >= 4:
                alternatives.add((low[: len(prefix)], low[len(prefix) :]))
    if word.endswith(","):
        alternatives = {alt + (COMMA,) for alt in alternatives}
    return sorted(alternatives)


def phrase_keys(phrase: str, max_variants: int = 16) -> list[tuple[str, ...]]:
    """Normalised token tuples (stopwords removed) under which a dictionary phrase
    is indexed: hyphenated words both split and closed up, prefixed words also
    split ("preauricular" -> "pre auricular"), a comma kept as :data:`COMMA`.

    >>> phrase_keys("Pre-auricular pits")
    [('pre', 'auricula', 'pit'), ('preauricula', 'pit')]
    >>> phrase_keys("Intellectual disability, severe")
    [('intellectual', 'disabilitia', ',', 'severe'), ('severe', 'intellectual', 'disabilitia')]
    """
    head, comma, tail = phrase.partition(",")
    if comma and "," not in tail and 1 <= len(tail.split()) <= 2 and max_variants > 1:
        # "Intellectual disability, severe" is written "severe intellectual disability"
        inverted = phrase_keys(f"{tail.strip()} {head.strip()}", max_variants // 2)
    else:
        inverted = []
    slots = [_word_alternatives(w) for w in phrase.split() if any(c.isalnum() for c in w)]
    keys: set[tuple[str, ...]] = set(inverted)
    for combo in product(*slots):
        key = tuple(
            n
            for alt in combo
            for raw in alt
            if (n := raw if raw == COMMA else norm_token(raw)) not in STOPWORDS
        )
        key = key[:-1] if key and key[-1] == COMMA else key
        if key:
            keys.add(key)
        if len(keys) >= max_variants:
            break
    return sorted(keys)
