"""A family statement as the extracted phenopacket records it: its status judged against
the patient's own findings.

A relative "affected" by a condition that has nothing to do with the patient's (a father's
type 2 diabetes in a report about a skeletal dysplasia) is recorded with status unknown and
the condition named. A relative whose condition is told in lay words the recogniser does not
read ("very hard bones", "a gland removed from her neck") stays affected: no grounds to judge.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from osteodx.engine.finding_vectors import opposites_of
from osteodx.kb.knowledge_base import KnowledgeBase
from osteodx.ontology.graph import PHENOTYPIC_ABNORMALITY
from osteodx.text.family import FamilyStatement
from osteodx.text.spans import span_note
from osteodx.text.vocabulary import recognizer_for

__all__ = ["family_entry"]

_CONSANGUINITY = {"consanguineous": True, "not consanguineous": False}


def family_entry(fs: FamilyStatement, text: str, kb: KnowledgeBase,
                 observed: list[str]) -> dict[str, Any] | None:
    """One family statement; a relative with a *different* condition is not "affected".

    "Her brother has the same bone disease" or "her mother also has scoliosis" (the
    patient has scoliosis) make the relative affected; "Father - T2DM" in a report about
    a skeletal dysplasia says nothing about the patient's disorder, so the relative's
    status is unknown and the note names the other condition. Related: a term of the
    relative's and an observed finding of the patient's share an informative ancestor
    (kidney failure and proteinuria; early loss of a milk tooth and premature loss of
    teeth), not only the root or a whole organ system such as the skeleton.

    A relative "affected" only by what the recogniser does not read and by no word of health
    ("drives up from Aviemore every Tuesday", "learning to drive") gives no entry at all
    (``None``), or an unaffected one when the statement also says she is well."""
    affected, note = fs.affected, fs.note
    if affected is False and _born_without(kb, fs.finding_text):
        affected = True  # "her uncle was born without thumbs": the word says what is absent
    if affected and _UNCONNECTED.search(text, fs.start, fs.end):
        affected = None  # "... had difficulty conceiving; we do not think this is connected"
        note = "; ".join(filter(None, [note, f"thought unconnected: {fs.finding_text}"]))
    if affected and not fs.similar and fs.finding_text:
        onto = kb.ontology
        theirs = {m.hpo_id for m in recognizer_for(kb).find(fs.finding_text)
                  if onto.is_a(m.hpo_id, PHENOTYPIC_ABNORMALITY)}
        related = any(_related(kb, t, o) for t in theirs for o in observed)
        if not theirs and _SAID_WELL.search(fs.finding_text):
            affected = False  # "Maya is 4 and healthy, she's in the Wombats room": well, and
            # nothing else said of her health
        elif not theirs and not _HEALTH.search(fs.finding_text) \
                and not _lab_name_in(fs.finding_text) \
                and not _names_a_disease(kb, fs.finding_text) \
                and not (len(fs.finding_text.split()) <= 3  # a cut-short finding ("aged"):
                         and _HEALTH.search(text, fs.start, fs.end)):  # the sentence judges
            if _SAID_WELL.search(text, fs.start, fs.end) or _NORMAL.search(text, fs.start, fs.end):
                affected = False  # "Mum and Dad are both fine and have been amazing"
            else:
                return None  # "Granny Morag drives up every Tuesday": nothing of health
        elif theirs and not related:  # nothing recognised: no grounds to judge
            affected = None
            note = "; ".join(filter(None, [note, f"other condition: {fs.finding_text}"]))
    return {"relation": fs.relation, "affected": affected, "finding": fs.finding_text,
            "consanguineous": _CONSANGUINITY.get(fs.note), "similar": fs.similar,
            "source": span_note(text, fs.start, fs.end), "note": note}


#: the writer saying a relative is well ("healthy", "fine", "well", "no symptoms")
_SAID_WELL = re.compile(r"\b(?:healthy|fine|(?<!as )well|unaffected|no (?:symptoms|problems))\b",
                        re.IGNORECASE)
#: words of health, illness or the body: a relative's statement with none of them, and with no
#: finding the recogniser reads, says nothing of her health ("is learning to drive")
_HEALTH = re.compile(
    r"\b(?:it|(?:this|that)(?!\s(?:year|month|week|time|morning|summer|winter|spring|autumn"
    r"|weekend|christmas|way))|same|similar|too|also|either|affected|condition|disease|disorder"
    r"|syndrome|problems?|trouble|issues?|ill(?:ness)?|sick|unwell|poorly|cancer|tumou?r|growth"
    r"|lumps?|bony|diagnos\w*|surger\w*|operat\w*|hospital\w*|died|dead|death|passed away"
    r"|killed|stillb\w*|miscarr\w*|deaf|blind|wheelchair|crutches|pains?|aches?|sore|cramps?"
    # the body
    r"|bones?|joints?|heart|kidneys?|liver|lungs?|brain|eyes?|ears?|skin|blood|teeth|tooth|hair"
    r"|nails?|gland|spine|back|legs?|arms?|hands?|feet|foot|fingers?|toes?|head|face|chest"
    r"|stomach|tummy|belly|bowels?|bladder|womb|breasts?|knees?|hips?|shoulders?|elbows?"
    r"|wrists?|ankles?|neck|throat|mouth|tongue|lips?|nose|jaw|aort\w*|valves?|arter\w*"
    r"|vessels?|veins?|nerves?|muscles?|tendons?|thighs?|calf|calves|pelvis|ribs?|skull|colon"
    r"|gut|spleen|thyroid|pituitary|adrenal|pancrea\w*|prostate|ovar\w*|testic\w*|urine|wee"
    r"|periods?|hormones?"
    # how it is, and what was done
    r"|weak\w*|tired|fits?|seizures?|fractur\w*|broke\w*|stroke|attack|pressure|sugar|diabet\w*"
    r"|glasses|hearing|sight|walk\w*|speech|talk\w*|learning|slow|small|short|tall|big|heavy"
    r"|thin|low|high|raised|elevated|abnormal|reduced|increased|decreased|enlarged|swollen"
    r"|grey|gray|bald\w*|elastic|stretchy|cysts?|ulcers?|fevers?|temperature|vomit\w*"
    r"|diarrh\w*|constipat\w*|thrush|fung\w*|removed|replaced|replacement|pacemaker"
    r"|implant\w*|stent|bypass|chemo\w*|transplant\w*|dialysis|medicines?|medication|tablets"
    r"|pills|drugs?|takes|taking|treat\w*|insulin|inhaler|injections?|jabs?|therapy|steroids?"
    r"|doctors?|paediatrician|pediatrician|consultant|specialist|gp"
    r"|asthma|allerg\w*|an(?:a)?emi\w*|migraines?|headaches?|depress\w*|anxi\w*|autis\w*"
    r"|adhd|dyslexi\w*|carrier|gene|genetic|variant|mutation|fmf|itp|ibs|copd|tb|hiv|ocd|ptsd"
    r"|t[12]dm|ckd|uti|tia|sle|mnd|pcos|af|svt|pots|eds"
    r"|symptoms?|signs?|features?|bleed\w*|bruis\w*|infections?|cough\w*|breath\w*"
    r"|smok\w*|drink\w*|alcohol|obes\w*|overweight|weight|height|pregnan\w*|born|birth"
    r"|infertil\w*|disabilit\w*|disabled|special needs|care home|nursing|dementia"
    r"|memory|mental|psychiatric|schizo\w*|bipolar|epilep\w*|palsy|paralys\w*|numb\w*"
    r"|swell\w*|rash|itch\w*|spots?|marks?|clots?|dvt|gout|arthritis|stiff\w*|curv\w*"
    r"|bent|bow\w*|crooked|flat|loose|double[- ]jointed|bendy|floppy|clumsy|falls?|fell|bled"
    r"|hyper\w+|hypo\w+|drown\w*|trait|sparing|drunk|poison\w*|reaction|appendix"
    r"|an(?:a)?esthe\w*|tripp\w*|stumbl\w*|shortest|smallest|tallest|mild\w*|severe\w*|marked"
    r"|lost\s(?:a|an|her|his|their|our|one|two|three)\s(?:\w+\s)?(?:son|daughter|child|children"
    r"|baby|babies|boy|girl|pregnancy)"
    # conditions named after a person: "what everyone called Parkinson's"
    r"|(?:parkinson|alzheimer|huntington|crohn|addison|cushing|graves|hashimoto|marfan|down"
    r"|turner|paget|raynaud|hodgkin|wilson|gaucher|fabry|pompe|duchenne|becker|charcot"
    r"|friedreich|tourette|asperger|kawasaki|bell|perthes|osgood|scheuermann)'?s?"
    # medical word endings: "hysterectomy", "colostomy", "arthritis", "lymphoma", "cardiology"
    r"|\w+(?:ectomy|otomy|ostomy|itis|osis|a?emia|pathy|algia|oma|plasty|ology|ologist))\b",
    re.IGNORECASE)
def _lab_name_in(finding: str) -> bool:
    """A lab's name in a relative's statement: "his paediatrician found a low TSH"."""
    from osteodx.text.family_findings import names_a_lab

    return names_a_lab(finding)


#: everyday words that also name diseases ("Cross syndrome", "Diamond-Blackfan anemia")
_EVERYDAY_IN_LABELS = frozenset({
    "first", "other", "from", "form", "self", "single", "cross", "core", "lower", "upper",
    "person", "rapid", "soft", "diamond", "american", "african", "european", "silver", "white",
    "black", "brown", "green", "gray", "grey", "blue", "red", "yellow", "golden", "late",
    "early", "acquired", "male", "female", "young", "adult", "kids", "baby", "child", "dogs",
    "house", "stone", "stones", "lines", "line", "face", "bird", "cats", "cat", "water",
    "sugar", "pure", "simple", "classic", "common", "multiple", "major", "minor", "mixed",
    "partial", "complete", "total", "plus", "like", "type", "types", "with", "without",
    "that", "this", "their", "there", "were", "been", "have", "after", "over", "under",
    "normal", "good", "long", "lost", "light", "dark", "gift", "twin", "twins", "three",
    "four", "five", "seven", "eight", "nine", "ten", "days", "week", "weeks", "year", "years",
})


def _names_a_disease(kb: KnowledgeBase, finding: str) -> bool:
    """Is the relative's finding, in three words or fewer, made of words that name diseases
    in the knowledge base ("her sister has lupus", "had psoriasis"), which the recogniser,
    reading phenotypes, does not read? ("does the night ones" is not: "does", "ones";
    a capitalised name, "Gordon", is no disease word.)"""
    words = _disease_words(kb)
    named = [w for w in re.findall(r"[A-Za-z]+", finding) if w.lower() not in _FILLERS]
    return 0 < len(named) <= 3 and all(
        w in words and w not in _EVERYDAY_IN_LABELS for w in named)


#: little words a disease's name may hold ("lupus", "the sugar diabetes")
_FILLERS = frozenset({"a", "an", "the", "of", "and", "bad", "mild", "some", "too", "also"})


#: the last knowledge base asked about, and its disease words
_DISEASE_WORDS: list[tuple[object, frozenset[str]]] = []


def _disease_words(kb: KnowledgeBase) -> frozenset[str]:
    """Lower-case words of four letters or more in two disease names or more."""
    if _DISEASE_WORDS and _DISEASE_WORDS[0][0] is kb.disease_labels:
        return _DISEASE_WORDS[0][1]
    seen: dict[str, int] = {}
    for label in kb.disease_labels:
        for w in set(re.findall(r"[a-z]{4,}", label.lower())):
            seen[w] = seen.get(w, 0) + 1
    words = frozenset(w for w, n in seen.items() if n >= 2)
    _DISEASE_WORDS[:] = [(kb.disease_labels, words)]
    return words


#: "has perfectly normal blood": said of a relative whose statement names no finding
_NORMAL = re.compile(r"\bnormal\b", re.IGNORECASE)
#: the words of a recognised absence: "without thumbs", "no radius", "lacks both patellae"
_LACKING = re.compile(r"(?:without|no|lacks|lacking|lacked)\b", re.IGNORECASE)


def _born_without(kb: KnowledgeBase, finding: str) -> bool:
    """Whether the relative's "without" or "no" names a missing part (*Absent thumb*),
    not the absence of a problem."""
    return bool(finding) and any(_LACKING.match(m.text)
                                 for m in recognizer_for(kb).find(finding))


#: the writer judging a relative's condition unrelated to the patient's
_UNCONNECTED = re.compile(r"\b(?:not|unlikely to be|doubt (?:that )?(?:this|it) is)\s"
                          r"(?:\w+\s){0,3}?(?:connected|related|linked|relevant)\b"
                          # "his is from his diabetes, nothing to do with mine"
                          r"|\bnothing to do with (?:mine|hers|his|ours|this|it|(?:my|her|his"
                          r"|our|(?-i:[A-Z][a-z]+)'s) (?:condition|illness|disease|problem))\b",
                          re.IGNORECASE)


#: information content (natural log) a shared ancestor needs for two findings to be related;
#: organ systems such as "Abnormality of the skeletal system" (0.6) are below it
_RELATED_IC = 1.5


#: information content a finding needs to be related to a finding below it: a relative's
#: "seizures" (1.39) and the patient's infantile spasms, not "a heart problem" in general
_SUBSUMES_IC = 1.0


def _related(kb: KnowledgeBase, a: str, b: str) -> bool:
    """Two findings of one kind; never opposites ("high cholesterol" in the mother of a
    patient with hypocholesterolaemia), which share an informative parent."""
    onto = kb.ontology
    ia, ib = onto.index[a], onto.index[b]
    for x, y in ((ia, ib), (ib, ia)):
        if any(o == x or onto.is_a(onto.ids[x], onto.ids[o]) for o in opposites_of(kb, y)):
            return False
    common = np.intersect1d(onto.ancestors(ia), onto.ancestors(ib))
    if not len(common):
        return False
    best = float(kb.ic[common].max())
    if best >= _RELATED_IC:
        return True
    # one is the other's ancestor: the shared term is the more general finding itself
    return best >= _SUBSUMES_IC and (ia in common or ib in common)


