"""The cue lexicon of :mod:`osteodx.text.context` and the clause splitter it scopes cues with.

A pure-Python ConText (Harkema et al., J Biomed Inform 2009;42:839) tuned to case
reports. Every cue has a *kind* (what it says about the concepts it reaches) and a
*direction* (which concepts it reaches, always inside one clause):

* ``forward`` - from the cue to the end of the clause ("no tenderness, redness and
  heatness"), or for ``limit`` words only ("normal bony structure");
* ``backward`` - from the start of the clause to the cue ("kyphoscoliosis was not
  observed", "rib series were normal");
* ``near`` - ``forward`` when a word follows it in the clause, else (clause end,
  comma) ``backward`` ("unremarkable skull" / "skull unremarkable, spine ...");
* ``clause`` - the whole clause ("bone pain ... can be presented in ADO").

Kinds: ``negation``, ``uncertainty``, ``hypothetical`` (``value`` "generic" for
statements about a disease, "conditional" for "if" / "to rule out"),
``historical``, ``relation`` (``value`` the relative), ``other`` (other patients),
``anchor`` (words naming *this* patient), ``terminator`` (ends a clause) and
``pseudo`` (looks like a cue but is not: "normal range", "not only"). Cues are
matched on a normalised view of the sentence (lower case, line-break hyphens
closed up, single spaces); overlapping cues are resolved leftmost-longest, so
"could not be excluded" is uncertainty and "was not observed" one negation cue.

Clauses: a sentence is cut at terminators ("but", "however", "except", "which",
";") and at commas / "and" / "or" between two stretches that both contain a finite
verb ("Back mobility was normal | and kyphoscoliosis was not observed") - not
inside a coordinated noun list ("no tenderness, redness and heatness").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from osteodx.text.kin_words import RELATIVE_WORDS

__all__ = ["Clause", "Cue", "CueHit", "View", "clauses", "find_cues"]


class Cue(NamedTuple):
    kind: str
    direction: str = "forward"
    value: str = ""
    limit: int = 0  # scope in words (0: to the clause boundary)
    also: tuple[str, ...] = ()  # further kinds carried by the same words


class CueHit(NamedTuple):
    start: int  # in View coordinates
    end: int
    text: str
    cue: Cue


_AUX = r"(?:was|were|is|are|has been|have been|had been|be)"
_SEEN = (r"(?:observed|seen|found|noted|present|detected|shown|identified|evident|apparent"
         r"|visible|demonstrated|documented|recorded|appreciated|reported)")
_NUM = r"(?:one|two|three|four|five|six|several|many|some|a|an)"
_REL = RELATIVE_WORDS

_NEG, _UNC, _HYP, _HIST = "negation", "uncertainty", "hypothetical", "historical"
_TABLE: list[tuple[str, Cue]] = [
    # -- negation, forward
    # (a closing "none" after a colon is backward: "Scoliosis: none.")
    # "Nil seizures": British notes' "no" (not the closing ": nil" nor "nil of note" below)
    (r"nil(?! of note)(?! by mouth)(?!\s*(?:[.;]|$))", Cue(_NEG)),
    # "non-scarring alopecia": the prefix negates the next word only
    (r"non(?=-[a-z])", Cue(_NEG, limit=1)),
    (r"no|not|without|never|neither|nor|none(?!\s*(?:[.;]|$))(?! (?:known|reported|documented"
     r"|noted)\s*(?:[.;]|$))|cannot|can't|didn't|doesn't"
     r"|don't|wasn't|weren't|isn't|aren't|hasn't|haven't|hadn't"
     r"|dont|doesnt|didnt|isnt|arent|wasnt|hasnt|havent|cant", Cue(_NEG)),
    (r"(?:did|does|do) not (?:show|reveal|demonstrate|exhibit|have|develop|present with"
     r"|complain of|experience|display|suffer from)(?: any)?", Cue(_NEG)),
    (r"there (?:was|were|is|are|has been|have been) no", Cue(_NEG)),
    (r"no (?:evidence|signs?|symptoms?|findings?|features?|complaints?|characteristics) of",
     Cue(_NEG)),
    (r"no history of|no previous|no prior|no past history of", Cue(_NEG, also=(_HIST,))),
    # "no family history of X": X is denied for the relatives, not for the patient
    (r"no (?:known |significant |relevant )?family (?:history|hx) of",
     Cue("relation", "clause", "family members", also=(_NEG,))),
    (rf"(?:{_AUX} )?negative for|absence of|free (?:of|from)|lack of|lacks?|lacked|lacking"
     r"|denie[sd]|deny|denying|failed to (?:show|reveal|demonstrate)|excluding", Cue(_NEG)),
    # -- negation, backward ("normal" ones also tell regions.py the part is normal)
    # a bare "absent" before a noun is that noun's finding ("short ears with absent lobules")
    (rf"{_AUX}(?: also)? not {_SEEN}|not {_SEEN}|{_AUX} (?:absent|ruled out|excluded)"
     rf"|absent(?!\s+(?!(?:bilaterally|on|in|at|and|or|from|since|throughout)\b)[a-z])"
     rf"|{_AUX} negative(?! for)|negative(?! for)", Cue(_NEG, "backward")),
    # "we ruled out X" / "X, ruled out by ..." ("X was ruled out by ..." is backward above)
    (r"ruled out|excluded", Cue(_NEG, "near")),
    (rf"{_AUX}(?: also)? (?:normal|unremarkable|within (?:the )?normal (?:limits?|range))"
     r"|(?:appeared|appears|remained|remains|looked|looks) (?:normal|unremarkable)"
     r"|within (?:the )?normal (?:limits?|range)|in the normal range"
     # a lay "fine" only after a check or test ("hearing checks were fine"): "hair is fine"
     # is the finding Fine hair
     r"|(?:(?<=check )|(?<=checks )|(?<=test )|(?<=tests ))(?:was|were|came back|are|is) fine"
     # or of a sense, or after a test of it: "my hearing's fine", "his vision is fine",
     # "his hearing was tested at school and was fine"
     r"|(?:(?<=hearing )|(?<=vision )|(?<=eyesight )|(?<=sight ))(?:is|was|are|were)"
     r" (?:absolutely |perfectly |completely )?fine|(?:(?<=hearing's )|(?<=hearing’s )"
     r"|(?<=vision's )|(?<=vision’s )|(?<=eyesight's )|(?<=eyesight’s ))fine"
     r"|(?:was|were) (?:tested|checked|examined|assessed)\b(?! for\b)[a-z ]{0,30}? and (?:was|were)"
     r" (?:absolutely |perfectly |completely )?(?:fine|normal)"
     # a lay verdict: "his hearing test was a pass", "the murmur ... was nothing"
     r"|(?:was|were) a pass\b|(?:was|were|turned out to be) nothing(?: (?:to worry about"
     r"|serious|significant|of concern))?(?=\s*(?:[.;,]|$))",
     Cue(_NEG, "backward", "normal")),
    (r"normal|unremarkable", Cue(_NEG, "near", "normal", limit=3)),
    # "Allergies: NKDA" (no known drug allergies), "Scoliosis: none", "Seizures: nil"
    (r"nkda|nka|nkfa|no known (?:drug |food )?allergies"
     r"|(?<=: )(?:none|nil)(?: (?:known|reported|documented|noted))?(?=\s*(?:[.;]|$))",
     Cue(_NEG, "backward", limit=3)),
    # a search's empty result: "checked for cataracts ... and there are none", "looked for
    # café-au-lait spots but found none"
    (r"(?:and |but )?(?:there (?:are|were|was|is) none|(?:found|saw|see|could find) none"
     r"|none (?:were|was|are|is) (?:found|seen))(?=\s*(?:[.;,]|$))",
     Cue(_NEG, "backward", "none found")),
    # "Gait NAD", "LFTs NAD": no abnormality detected
    (rf"(?:{_AUX} )?(?:nad|nil of note|no abnormalit(?:y|ies) (?:detected|seen|found))",
     Cue(_NEG, "backward", "normal")),
    # -- pseudo-cues: block the shorter cues inside them
    (r"normal (?:ranges?|values?|limits?)|reference (?:ranges?|values?|intervals?)"
     r"|(?:upper|lower) limit of normal|not only|not necessarily|no (?:significant )?change"
     r"|no increase|no further|not known|not certain|no doubt|without difficulty"
     # "had almost no eyebrows": very few, not none - a sparse part, not an absent finding
     r"|(?:almost|nearly|virtually|practically) no|(?:hardly|barely|scarcely) any"
     r"|(?:gram|antibody)[- ]negative"
     # "Haemolytic anaemia, direct antiglobulin test negative": the test is negative
     r"|(?:direct\s)?(?:antiglobulin|coombs'?|dat)(?:\stest)?\s(?:was\s|is\s)?negative",
     Cue("pseudo")),
    # "Optic atrophy was suspected but not confirmed": looked for, and not found
    (r"(?:was|were|is|are) suspected,? but (?:(?:was|were|could|has|have) )?(?:not|never)"
     r" (?:be |been )?confirmed", Cue(_NEG, "backward")),
    # -- uncertainty
    (r"possible|possibly|probable|probably|likely|suspected|suspect|suspicious(?:ly)?"
     r"|suspicion of|questionable|equivocal|presumed|presumably|presumptive|may|might|could"
     r"|perhaps|maybe|suggestive of|suggesting|suggests?|borderline|uncertain|unclear|doubtful"
     r"|query|cannot be (?:excluded|ruled out)|could not be (?:excluded|ruled out)"
     r"|not (?:be )?(?:excluded|ruled out)", Cue(_UNC)),
    # notes' query mark: "?sialadenitis", "Imp: ? coeliac"
    (r"\?", Cue(_UNC, limit=3)),
    (r"(?:was|were|is|are) suspected|cannot be (?:excluded|ruled out)|is (?:possible|likely)"
     r"|could not be (?:excluded|ruled out)", Cue(_UNC, "backward")),
    # "GH deficiency is unlikely given the normal IGF-1": judged absent, so excluded
    (r"(?:was|were|is|are|seems?|seemed) (?:very |highly )?(?:unlikely|improbable|less likely)"
     # "Biliary atresia considered unlikely", "... was thought to be unlikely"
     r"|(?:(?:was|were|is|are) )?(?:considered|thought|felt|deemed|judged)(?: to be)?"
     r" (?:very |highly )?(?:unlikely|improbable|less likely)",
     Cue(_NEG, "backward")),
    # "Optic atrophy was suspected but not confirmed": looked for, and not found
    (r"(?:(?:was|were|is|are|could|has|have) )?(?:not|never) (?:be |been )?confirmed",
     Cue(_NEG, "backward")),
    # notes' "Myasthenia gravis unlikely: no fatigable weakness": the words just before
    (r"(?:unlikely|improbable|less likely)(?=\s*[:.;]|\s*$)", Cue(_NEG, "backward", limit=4)),
    (r"unlikely|improbable", Cue(_NEG)),
    # "Normal complements make post-infectious or lupus nephritis unlikely": the diseases
    # between the verb and "unlikely" are judged absent (the subject is the evidence)
    (r"(?:makes?|made|making|renders?|rendered)(?=(?:\s+[\w,'-]+){1,8}?\s+(?:very |highly )?"
     r"(?:unlikely|improbable|less likely)\b)", Cue(_NEG)),
    # "... could suggest IgA nephropathy": a diagnosis the author weighs, not a finding
    (r"(?:could|would|might|may)(?: also)? (?:suggest|indicate|point (?:to|towards)|favou?r)",
     Cue(_HYP, "forward", "trigger", limit=5)),
    # "recommended that his mother and sister have a retinal examination": a plan
    (r"(?:recommended|advised|suggested|requested|proposed|arranged) that",
     Cue(_HYP, "forward", "conditional")),
    # "Osteopetrosis is not favoured", "CAH is not supported by the normal 17-OHP": set aside
    (rf"{_AUX} not (?:favou?red|supported)",
     Cue(_NEG, "backward")),
    # "Normal amino acids argue against the main differentials (infection, NKH, ...)"
    (r"argue[sd]? against|arguing against|speaks? against|spoke against|militates? against",
     Cue(_NEG)),
    # "the normal teeth distinguish it from the hypohidrotic dysplasias": a differential
    (r"(?:distinguish|differentiate|separate)[sd]? (?:it|this|her|him|them|the \w+) from",
     Cue(_HYP, "forward", "trigger", limit=8)),
    # -- generic statements about a disease (void for the patient unless anchored)
    (r"characteri[sz]ed by|(?:can|may|could|might)(?: also)?(?: be)? (?:seen|observed|found"
     r"|presented|present|occurred|occur|detected|noted|encountered|associated|involved"
     r"|overlooked)|(?:can|may|could) (?:cause|lead|result in|develop|show|have|involve"
     r"|mimic|be greater)|(?:is|are) known to|(?:is|are) (?:usually|typically|commonly|often"
     r"|frequently|generally|rarely|mostly|mainly)|usually|typically|commonly|classically"
     r"|characteristically|generally|(?:is|are) (?:common|rare|frequent|typical|uncommon)"
     r"|(?:the )?(?:characteristic|key|typical|cardinal|classic|main|major) (?:findings?"
     r"|features?|signs?|manifestations?) of|hallmarks? of|distinctive finding"
     r"|(?:is|are) (?:a|an)(?: very)? (?:rare|common|benign|inherited|hereditary|genetic)"
     r"|(?:should|must|needs? to|has to|have to) be (?:considered|distinguished"
     r"|differentiated|excluded|ruled out|suspected)|differential diagnos[ie]s"
     # "Differential includes ...", "X and Y are in the differential", "DDx: ..." (not a
     # differential white cell count, nor differential cyanosis, a finding)
     # (not "argue against the main differentials (...)": set aside, so excluded)
     r"|(?:ddx|d/dx)\b|differentials? (?:includes?|included|including|comprises?|is|are|was"
     r"|were|list)\b|(?:in|on) the differential\b|^differentials?\b(?! (?:white|blood|cell"
     r"|count|leu[ck]o\w*|wbc|cyanosis))"
     r"|(?:in|with|when|of|among) (?!our |these |both |the |this )(?:[a-z-]+ ){0,2}patients"
     r"|patients with|affected (?:individuals|patients)|(?:has|have) been (?:reported"
     r"|described|observed|documented)|first described|in the literature"
     r"|(?:is|are) associated with|leads? to|tends? to|in general",
     Cue(_HYP, "clause", "generic")),
    # "pain, worse with fever": what brings a finding on is not a finding of its own
    (r"worse (?:with|on|after|during|in)|worsen(?:s|ed)? (?:with|by|on)|aggravated by"
     r"|exacerbated by|triggered by|precipitated by|provoked by|relieved by|induced by"
     r"|brought on by|improved (?:with|by)|better with", Cue(_HYP, "forward", "trigger", limit=4)),
    # "the surgeon was thinking appendicitis": a diagnosis considered, not a finding
    (r"(?:was|were) thinking(?: of| about)?|thought of|(?:was|were) considering",
     Cue(_HYP, "forward", "trigger", limit=3)),
    # a diagnosis later revised: "initially treated as sepsis", "working diagnosis (revised):
    # sepsis with gastroenteritis", "first thought to have ITP"
    (r"(?:initial|provisional|working|presumptive|original|admission|referral)"
     r"(?: working)? diagnos[ie]s(?: \(revised\))?(?: of| was| :|:)?"
     r"|(?:initially|originally|first) (?:treated|managed|diagnosed|labelled|labeled)"
     r" (?:as|for|with)|(?:initially|originally|first) thought to (?:have|be)"
     r"|(?:was|were) (?:initially |originally |first )?misdiagnosed (?:as|with)",
     Cue(_HYP, "forward", "trigger", limit=6)),
    # "Our GP thought it was mumps or a tooth abscess", "in case it was a bone infection",
    # "previously labelled juvenile idiopathic arthritis": diagnoses guessed, not findings
    (r"thought (?:it|this|that) (?:was|were|might be|could be|may be)"
     r"|in case (?:it|this|that) (?:was|were|is)|previously (?:labelled|labeled)(?: as)?"
     r"|(?:was|were|had been) (?:labelled|labeled) as",
     Cue(_HYP, "clause", "trigger")),
    # "JIA, now doubted": a diagnosis set aside ("is unlikely" is read below as absent)
    (r"(?:now )?doubted|(?:was|were) refuted", Cue(_NEG, "backward", limit=6)),
    # "scoliosis is unlikely to progress": the finding is there; its course is unlikely
    (r"(?:(?:was|were|is|are|seems?|seemed) (?:very |highly )?)?unlikely to (?!be\b)[a-z]+",
     Cue("pseudo")),
    # "I considered polyostotic fibrous dysplasia, but ...": the writer weighs a diagnosis
    # (not "we considered her scoliosis mild": a judgement of the patient's finding)
    (r"(?:i|we|they|he|she) (?:also |initially |first |briefly )?(?:considered|weighed"
     r"|entertained|wondered about)(?! (?:her|his|their|the patient's|this)\b)",
     Cue(_HYP, "forward", "trigger", limit=6)),
    # "melorheostosis would not explain the skin": a candidate the writer sets aside (not
    # "the stenosis explains his claudication": the patient's finding explaining another)
    # ("Marfan syndrome does not fit her short stature": the stature is hers)
    (r"(?:would|could|does|do|did|can|cannot|can't|doesn't|wouldn't|couldn't|don't|didn't)"
     r"(?: not)? (?:fully |alone |by itself )?(?:explain|fit|account for)(?!\w)",
     Cue(_HYP, "backward", "trigger", limit=4)),
    # "... 7.2 umol/L, which excludes homocystinuria": the result rules the disease out
    (r"(?:which|this|that|it|and) (?:excludes|excluded|rules out|ruled out)",
     Cue(_NEG, "forward", limit=5)),
    # "Osteopetrosis was considered, but ...": a diagnosis weighed, not a finding
    # (not "Scoliosis was considered mild": a judgement of the finding)
    (r"(?:was|were) (?:also |initially |first )?considered(?=\s*(?:[,.;:)]|$)"
     r"|\s+(?:but|and|in|as|too|first|initially)\b)",
     Cue(_HYP, "backward", "trigger", limit=4)),
    # "the fracture risk is not increased": a risk, not the finding
    (r"risks?(?! of| for| factors?)", Cue(_HYP, "backward", "conditional", limit=2)),
    # "no history of other fractures": says nothing of the fractures already described
    (r"no (?:history of |previous |prior |past )other", Cue("pseudo")),
    # an answer, not a negation of what follows it: "Hypoketotic? No - ketotic hypoglycaemia
    # with ..." (the question before it is the one denied)
    (r"(?:^|(?<=\?\s)|(?<=\?))no\s?[-\u2013\u2014](?=\s)", Cue("pseudo")),
    (r"if|whether|unless|in case of|(?:to|or) rule out|to exclude|risk of|at risk (?:of|for)"
     r"|to prevent|to avoid|(?:so as|in order) (?:to avoid|not to cause)|to minimi[sz]e"
     # a plan's imperative: "Start metoprolol; avoid dehydration" (not "avoids eye contact")
     r"|(?:(?<=^)|(?<=; )|(?<=: )|(?<=- )|(?<=\. ))avoid(?= )"
     r"|screen(?:ing|ed)? for|to (?:look|check|search|test|screen) for"
     # a plan: "Annual spine check for scoliosis", "monitoring for cataract"
     r"|(?:checks?|checked|monitor(?:ing|ed)?|watch(?:ing)?|surveillance) for"
     r"|look(?:ing|ed) for|tested for|to (?:assess|evaluate) for|in search of",
     Cue(_HYP, "clause", "conditional")),
    # a state that sets off a sign: "especially when he's tired", "worse when I'm cold"
    (r"(?:when|whenever|if|once) (?:he|she|i|they|you|we)(?:'s|'m|'re| is| am| are| gets?"
     r"| becomes?| feels?)(?= (?:very |really |a bit |too )?(?:tired|stressed|cold|hot|upset"
     r"|excited|anxious|unwell|ill|sick)\b)", Cue(_HYP, "forward", "trigger", limit=1)),
    # "for tumor surveillance": watched for, not found (not "found on surveillance")
    (r"(?<!on )(?<!at )(?<!by )(?<!in )(?<!during )(?<!via )(?<!routine )surveillance",
     Cue(_HYP, "backward", "conditional", limit=2)),
    # "he no longer has seizures": had them, a past finding, not an absent one
    (r"no longer|not any longer|not anymore", Cue(_HIST, "clause")),
    # -- history
    (r"history of|histories of|past history|previous|previously|prior|formerly|in the past"
     r"|at the age of|(?:years?|months?) ago|since (?:birth|childhood|infancy|the age)"
     r"|in (?:childhood|infancy)|as a child|had been|status post", Cue(_HIST, "clause")),
    # -- experiencer
    *((rf"(?:{p})(?:'s)?", Cue("relation", "clause", name)) for name, p in _REL.items()),
    (rf"(?:other|previously reported|reported|published|described|previous) (?:patients"
     rf"|cases|individuals|families)|the authors? reported|reported {_NUM} (?:patients?"
     r"|cases?|members?|famil(?:y|ies))|members of"
     # what is said of the disease at large: "some children with this have heart problems"
     r"|(?:some|many|most|other|all) (?:children|kids|people|patients|babies|adults"
     r"|individuals) (?:with|who have) (?:this|it|the (?:condition|syndrome|disease"
     r"|disorder))", Cue("other", "clause")),
    (r"(?:our|this|the present|the current|the index|the|that) (?:patient|girl|boy|child"
     r"|proband|woman|man|infant|neonate|lady|baby|adolescent)(?:'s)?|(?:our|this|the present"
     r"|the current) case|patient's|she|he|she's|he's|her|his|him|herself|himself"
     r"|[0-9]+[- ]?(?:year|month|week|day)s?[- ]?old", Cue("anchor", "clause")),
    # -- clause terminators
    (r"but|however|although|though|except|apart from|aside from|other than|whereas|while"
     r"|which|who|whom|yet|unlike|nevertheless|besides|because", Cue("terminator")),
    # a new event or an addition: "without fever, later falls and also staring spells"
    (r"and also|but also|and later|later|then|subsequently|afterwards", Cue("terminator")),
    # an addition of what is present: "no tetanus response, together with a severe neutropenia"
    (r"together with|along with|alongside|as well as|in addition to", Cue("terminator")),
    # ", with" adds what is present: "no ulcer or varices, with skin papules"
    (r"(?<=,\s)with|(?<=,)with", Cue("terminator")),
]
_GROUPS = [(f"c{i}", pat, cue) for i, (pat, cue) in enumerate(_TABLE)]
_CUE_RE = re.compile("(?<![\\w'])(?:" + "|".join(f"(?P<{g}>{p})" for g, p, _ in sorted(
    _GROUPS, key=lambda t: -len(t[1]))) + ")(?![\\w'])")
_CUE_OF = {g: cue for g, _, cue in _GROUPS}
# leftmost-longest across groups: try every group at each start, keep the longest
_SINGLE = {g: re.compile(f"(?:{p})(?![\\w'])") for g, p, _ in _GROUPS}

_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*|[,;:]|(?<=\s)[-\u2013\u2014](?=\s)")
_PLUS = re.compile(r"(?<=\s)\+(?=\s)")
_KIN_AFTER = re.compile(r"\s*(?:(?:her|his|their|the|both|older|younger|paternal|maternal"
                        r"|pat|mat)\s+)*(?:" + "|".join(_REL[k] for k in _REL
                                                   if k != "family members") + r")\b")
#: finite verbs and auxiliaries: a stretch with one of them is a clause of its own
_VERBS = frozenset(
    "is are was were am been has have had do does did can could may might must shall should"
    " will would showed shows show revealed reveals demonstrated demonstrates displayed"
    " exhibited presented presents complained complains developed develops underwent denied"
    " denies suffered suffers visited received involves needs leads remained remains"
    " appeared appears isn't aren't wasn't weren't didn't doesn't hasn't haven't cannot".split()
)
#: a spaced dash joins two statements as a comma does: "I've never had heart problems - I
#: had a heart scan for palpitations"
_DIFFERENTIAL_HEADING = re.compile(r"(?:^|[\s(])(?:ddx|d/dx|differentials?(?: diagnos[ie]s)?"
                                   r"|differential dx|(?:initial|provisional|working|presumptive"
                                   r"|original|admission|referral)(?: working)? diagnos[ie]s"
                                   r"(?: \(revised\))?)\s*$")
_SOFT = frozenset({",", "and", "or", "-", "\u2013", "\u2014"})
_DETERMINERS = frozenset("his her their its the a an both our my your".split())
#: adverbs that may open a clause before its verb ("...; now has learning difficulties")
_OPENING_ADVERBS = frozenset("now then later also still currently recently since subsequently"
                             " eventually meanwhile previously".split())
#: a heading's bare status after its colon ("Renal US: normal.", "Skull: NAD")
_STATUS_AFTER = re.compile(r"\s*(?:normal|unremarkable|nad|nil of note|negative|clear"
                           r"|(?:none|nil)(?: (?:known|reported|documented|noted))?"
                           r"|absent|nkda|nka|no known (?:drug |food )?allergies"
                           r"|no abnormalit(?:y|ies)(?: (?:detected|seen|found))?)\s*(?:[.;]|$)")


class View:
    """A lower-cased, de-hyphenated, single-spaced copy of ``text[start:end]``.

    ``pos[i]`` is the index in the original text of ``self.text[i]``, so cue and
    clause spans map back exactly. Line-break hyphens between lowercase letters
    are dropped ("ky-\\nphoscoliosis" -> "kyphoscoliosis").
    """

    __slots__ = ("pos", "text")
    #: line-break hyphens, runs of white space, and the gap a query mark leaves out ("?sepsis"
    #: reads "? sepsis", so that the mark is a word of its own)
    _SKIP = re.compile(r"(?<=[a-z])-[ \t]*\r?\n\s*(?=[a-z])|\s+|(?<=[\s(]\?)(?=[A-Za-z])"
                       r"|(?<=^\?)(?=[A-Za-z])")

    def __init__(self, text: str, start: int, end: int) -> None:
        chars: list[str] = []
        pos: list[int] = []
        i = start
        for m in self._SKIP.finditer(text, start, end):
            chars.append(text[i : m.start()])
            pos.extend(range(i, m.start()))
            if not m.group() or m.group()[0] != "-":
                chars.append(" ")
                pos.append(m.start())
            i = m.end()
        chars.append(text[i:end])
        pos.extend(range(i, end))
        self.text = "".join(chars).lower().replace("\u2019", "'")
        self.pos = pos

    def at(self, original: int) -> int:
        """View index of the first character at or after ``original``."""
        return bisect_right(self.pos, original - 1)


def find_cues(view: View) -> list[CueHit]:
    """All cues of the sentence, leftmost-longest, in order."""
    hits: list[CueHit] = []
    pos = 0
    while (m := _CUE_RE.search(view.text, pos)) is not None:
        best_end, best = m.end(), m.lastgroup or ""
        for g, rx in _SINGLE.items():  # a longer cue from another group at the same start
            other = rx.match(view.text, m.start())
            if other and other.end() > best_end:
                best_end, best = other.end(), g
        hits.append(CueHit(m.start(), best_end, view.text[m.start() : best_end], _CUE_OF[best]))
        pos = best_end
    return hits


class Clause(NamedTuple):
    start: int  # View coordinates
    end: int
    subjectless: bool  # starts with a verb: shares the previous clause's subject


def clauses(view: View, hits: list[CueHit]) -> list[Clause]:
    """Cut the sentence into clauses (see the module docstring)."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(view.text)]
    hard = {h.start for h in hits if h.cue.kind == "terminator"}
    hard |= {s for s, _, w in words if w == ";"}
    # a notes' " + " joins separate findings: "syncope + new coved pattern + FHx of SCD"
    for m in _PLUS.finditer(view.text):
        if _KIN_AFTER.match(view.text, m.end()):
            continue  # "Mum + sister (16) well": relatives named together
        hard |= {next((s for s, _, _ in words if s > m.start()), len(view.text))}
    # a colon ends a clause, unless a short heading naming a relative precedes it:
    # "- Paternal grandmother: died of a tumour" is what she had ("FHx: mother w/ T2DM" not)
    # nor when only a status follows: "Renal US: normal", "Skull: NAD"
    for k, (s, _, w) in enumerate(words):
        heading = k <= 6 and all(x not in ("and", "or") for _, _, x in words[:k]) and any(
            h.cue.kind == "relation" and h.cue.value != "family members" and h.start < s
            for h in hits)
        # nor after a negation that heads a list: "Denies: haemoptysis, chest pain"
        negates = any(h.cue.kind == _NEG and h.cue.direction == "forward" and h.end <= s
                      and not view.text[h.end:s].strip() for h in hits)
        # nor after a differential's heading: "DDx: osteomyelitis, leukaemia"
        listing = _DIFFERENTIAL_HEADING.search(view.text, 0, s) is not None
        if w == ":" and not heading and not negates and not listing \
                and not _STATUS_AFTER.match(view.text, s + 1):
            hard.add(s)
    # soft stretches: words between ',' / 'and' / 'or'
    cuts: list[tuple[int, int]] = []  # (start, end) of each stretch
    begin = 0
    for s, _e, w in words:
        if s in hard and s > begin:
            cuts.append((begin, s))
            begin = s
        if w in _SOFT:
            cuts.append((begin, s))
            begin = s
    cuts.append((begin, len(view.text)))

    def has_verb(a: int, b: int) -> bool:
        return any(w in _VERBS for s, _, w in words if a <= s < b)

    def subject_opened(a: int, b: int) -> bool:
        """The stretch ends in "that his mother": the subject of a subordinate clause whose
        verb comes after the coordinator ("recommended that his mother and sister have")."""
        stretch = [w for s, _, w in words if a <= s < b and w not in _SOFT]
        at = max((i for i, w in enumerate(stretch) if w == "that"), default=-1)
        noun = stretch[at + 1:] if at >= 0 else []
        return 2 <= len(noun) <= 3 and noun[0] in _DETERMINERS and not set(noun) & _VERBS

    out: list[Clause] = []
    start = 0
    for k, (a, b) in enumerate(cuts):
        if k == 0:
            continue
        if a not in hard and subject_opened(*cuts[k - 1]):
            continue
        if a in hard or (has_verb(start, a) and has_verb(a, b)):
            out.append(Clause(start, a, False))
            start = a
    out.append(Clause(start, len(view.text), False))
    result = []
    for c in out:
        first = next((w for s, _, w in words  # "; now has ...": the adverb is no subject
                      if c.start <= s < c.end and w not in _SOFT and w not in (";", ":")
                      and w not in _OPENING_ADVERBS), "")
        # no verb at all ("Mother is a carrier; no learning difficulties"): the previous
        # clause's subject goes on
        verbless = not any(w in _VERBS for s, _, w in words if c.start <= s < c.end) and not any(
            h.cue.kind in ("relation", "anchor") and c.start <= h.start < c.end for h in hits)
        result.append(c._replace(subjectless=(first in _VERBS or verbless) and bool(result)))
    return result
