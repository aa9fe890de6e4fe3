"""Words that name a finding but are no finding of the patient's: a unit ("sixty four
millimoles per mole" is no naevus), a preparation or a test ("hypertonic saline", "myositis
panel"), a service ("Department of Diabetes & Endocrinology", "the epilepsy clinic", "Cancer
Genetics Clinic") or a
procedure ("the pneumothorax settled after aspiration"), or the reaction of a drug allergy
("Allergy: amoxicillin (rash)").

>>> not_a_finding("HbA1c 64 millimoles per mole", 24, 28, "HP:0003764")
True
>>> not_a_finding("She has diabetes.", 8, 16, "HP:0000819")
False
"""

from __future__ import annotations

import re

__all__ = ["hair_form", "not_a_finding"]

#: a unit's denominator written in words ("sixty four millimoles per mole")
_UNIT_BEFORE = re.compile(r"\bper\s+$", re.IGNORECASE)
#: a department or service named after a disease: "Department of Diabetes & Endocrinology",
#: "the diabetes clinic", "Epilepsy Service"
_SERVICE_BEFORE = re.compile(r"\b(?:(?:department|dept\.?|division|unit|centre|center|institute"
                             r"|society|association|foundation)\s+(?:of|for)"
                             # a signature's "Consultant in Paediatric Skeletal Dysplasia"
                             r"|(?:consultant|specialist|professor|lecturer|fellow|registrar)"
                             r"\s+in)\s+(?:[\w,&]+\s+){0,3}$", re.IGNORECASE)
_SERVICE_AFTER = re.compile(r"(?:\s*(?:&|and)\s*\w+)?(?:\s+(?:genetics?|oncology|surgery|surgical"
                            r"|medical|research|support|screening|care|risk|prevention|family"
                            r"|multidisciplinary|MDT))?\s+(?:clinic|service|unit|centre|center"
                            r"|department|team|nurse|specialist|ward|society|charity|outpatient"
                            r"|out-patient|OPD|consultation)s?\b", re.IGNORECASE)
#: a measure named after a finding, with its value: "central apnoea index 0.7/h",
#: "apnoea-hypopnoea index 14.2/h" (the value says whether there is a finding)
_INDEX_AFTER = re.compile(r"(?:[-\u2013/](?:hypopnoea|hypopnea|apnoea|apnea))?\s+index\b"
                          r"(?:\s*(?:\([A-Za-z]{2,6}\))?\s*(?:of|was|is|:|=)?\s*[<>]?\s*\d)",
                          re.IGNORECASE)
#: a procedure named like a finding: "settled after aspiration", "needle aspiration of"
_PROCEDURE = re.compile(r"(?:\b(?:after|by|following|with|needle|fine[- ]needle|bone marrow"
                        r"|joint|pleural|therapeutic|diagnostic)\s+$)", re.IGNORECASE)
_PROCEDURE_TERMS = frozenset({"HP:0002835"})  # Aspiration
#: words around a finding's name that make it something else: (before, after)
#: "falls in the platelet count": a value going down, not a person falling
_FALLS_OF_A_VALUE = re.compile(r"\s+(?:in|of)\s+(?:the\s+|his\s+|her\s+)?[\w-]+(?:\s[\w-]+)?\s"
                               r"(?:counts?|levels?|concentrations?|pressures?|values?)\b"
                               r"|\s+(?:in|of)\s+(?:the\s+)?(?:platelets?|haemoglobin|hemoglobin"
                               r"|sodium|potassium|calcium|glucose|oxygen|saturations?)\b",
                               re.IGNORECASE)
_NOT_THIS_FINDING: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {
    # "this fits with", "which fits the picture": the verb, not seizures ("no fits")
    "HP:0001250": (re.compile(r"\b(?:it|this|that|which|what|picture|phenotype|presentation"
                              r"|findings?|pattern|diagnosis|also|well|best|better|all)\s+$",
                              re.IGNORECASE),
                   re.compile(r"\s+(?:with|into|in|within|the|a|an|well|his|her|their|our"
                              r"|criteria|better|best|neatly|nicely|perfectly|all"
                              r"|most)\b", re.IGNORECASE)),
    "HP:0002527": (None, _FALLS_OF_A_VALUE),  # Falls
    "HP:0002359": (None, _FALLS_OF_A_VALUE),  # Frequent falls
    # "Code Stroke activated by EMS": a hospital's alert for a suspected stroke
    "HP:0001297": (re.compile(r"\bcode\s+$", re.IGNORECASE), None),
    # "a faint blue-grey tint", "faint T2 hyperintensity": faint is a degree, not a syncope
    "HP:0001279": (None, re.compile(r"\s+(?:blue|grey|gray|pink|red|yellow|brown|white|black"
                                    r"|T[12]\b|signal|hyper\w*|hypo\w*|enhancement|lines?"
                                    r"|shadows?|opacit\w*|mottling|lucenc\w*|rim|bands?|trace"
                                    r"|murmur|pulses?|outline|tint|rash|erythema|patch\w*"
                                    r"|sclero\w*|calcifi\w*|density|densities|area|areas)\b",
                                    re.IGNORECASE)),
    # "pale, greasy, foul-smelling stools", "pale optic discs": the stool or the disc is pale
    "HP:0000980": (None, re.compile(r"(?:,?\s(?:and\s)?[\w-]+){0,3}\s(?:stools?|faeces|feces"
                                    r"|poo|urine|optic\sdiscs?|discs?|nail\sbeds?|fundus|fundi"
                                    # a histology report's "pale, eosinophilic material"
                                    r"|material|cytoplasm|deposits?)\b",
                                    re.IGNORECASE)),
    # "paranasal bony overgrowth", "gingival overgrowth": a local growth, not the body's
    "HP:0001548": (re.compile(r"\b(?:bony|bone|osseous|soft[- ]tissue|gingival|fibrous|cortical"
                              r"|tissue|synovial|mandibular|maxillary|jaw|facial|cranial|skull"
                              r"|calvarial)\s+$", re.IGNORECASE), None),
    # "weight gain 250 g during the stay" (a baby's measured gain) and "failure to gain weight"
    # are no excess weight: see the entry below
    # "a white patch on his tongue": a mucosal patch, not a white lock of hair
    "HP:0002290": (None, re.compile(r"[^.;]{0,20}\b(?:on|of|in|inside)\s+(?:the|his|her|their)?"
                                    r"\s*(?:tongue|lips?|mouth|mucosa|cheeks?|gums?|palate|skin"
                                    r"|nails?|tonsils?|throat)\b", re.IGNORECASE)),
    # "small pitted depressions on both palms": a dent in the skin or bone, not low mood
    "HP:0000716": (re.compile(r"\b(?:pitted|small|shallow|skin|bony|cortical|punctate)\s+$",
                              re.IGNORECASE),
                   re.compile(r"\s+(?:on|in|of)\s+(?:the\s+|both\s+|his\s+|her\s+)?(?:palms?"
                              r"|soles?|skin|skull|bone|nails?|cortex|surface)\b", re.IGNORECASE)),
    # "failure to gain weight": the opposite of excess weight
    "HP:0004324": (re.compile(r"\b(?:failure|failing|fails?|failed|inability|unable|poor|slow"
                              r"|not)\s+(?:to\s+)?$", re.IGNORECASE),
                   re.compile(r"\s*(?:of\s+)?\d+(?:[.,]\d+)?\s?(?:g|grams?)\b", re.IGNORECASE)),
    # "abundant eosinophilic cytoplasm": a stain of the tissue, not the blood's eosinophils
    "HP:0001880": (None, re.compile(r"\s+(?:cytoplasm|staining|stain|material|granul\w*"
                                    r"|inclusions?|change|cells?|bodies|deposits?)\b",
                                    re.IGNORECASE)),
    # "nephropathic cystinosis": the name of the disease's form, said even before the kidney
    # is examined (its nephropathy is read from the words that describe it)
    "HP:0000112": (None, re.compile(r"\s+cystinosis\b", re.IGNORECASE)),
    # "poor fixation of the prosthesis / with screws": an implant's hold, not the eyes'
    "HP:0025404": (None, re.compile(r"\s+(?:of|with|by|in|at)\s+(?:[\w-]+\s+){0,3}?(?:screws?"
                                    r"|implants?|prosthes[ie]s|prosthetic|plates?|nails?|rods?"
                                    r"|wires?|grafts?|fractures?|cement\w*|hardware|fixators?"
                                    r"|osteosynthesis|components?)\b", re.IGNORECASE)),
    # "trident configuration of the acetabular roofs": the pelvis's trident, not the hand's
    "HP:0004060": (None, re.compile(r"\s+(?:of|in)\s+(?:the\s+|both\s+)?(?:[\w-]+\s+)?"
                                    r"(?:acetabul\w*|pelvi\w*|iliac|ilia|ilium)\b",
                                    re.IGNORECASE)),
    # "once nearly fainting in the shower": a near-faint is no loss of consciousness
    "HP:0007185": (re.compile(r"\b(?:nearly|almost|near[- ]?)\s*$", re.IGNORECASE), None),
}
#: a word that names a solution or drug, not the patient's state ("hypertonic saline")
_PREPARATION_AFTER = re.compile(r"\s+(?:saline|solution|infusion|nebuli[sz]\w*|fluids?|panel"
                                r"|serology|vaccin\w*|immuni[sz]ation|immunity|antibod\w*)\b"
                                # "Hepatitis A and B vaccination"
                                r"|\s+[A-E](?:\s+(?:and|&)\s+[A-E])?\s+(?:vaccin\w*|immuni[sz]"
                                r"ation|serology|antibod\w*)\b"
                                # a gene panel named for what it looks for: "a skeletal
                                # dysplasia and hormone-resistance gene panel" (a "screen" is
                                # kept: "galactosaemia screen normal" excludes it)
                                r"|(?:\s+(?:and|or|/)\s+[\w-]+)?\s+(?:gene|genetic)\s+panel\b",
                                re.IGNORECASE)


#: the reaction a drug allergy is recorded with: "Allergy: amoxicillin (rash)", "Allergies:
#: penicillin - hives" (the drug's effect, not a feature of the disease)
_ALLERGY_REACTION = re.compile(r"\ballerg(?:y|ies|ic)(?:\s+to)?\s*[:=-]?\s*[\w ,/&+-]{1,40}?"
                               r"(?:\(\s*|\s[-\u2013\u2014:]\s*)$", re.IGNORECASE)


#: a test named inside a request's brackets: "Screening bloods (hepatitis B/C, HIV) requested"
_TESTED_FOR = re.compile(r"\b(?:screen\w*|serolog\w*|bloods?|tests?|panel|swabs?|virology)\s*"
                         r"\((?:[^()]{0,40},\s*)?$", re.IGNORECASE)


#: a first name that is also a term ("Re: Amelia J., aged 6 years"): capitalised, then a
#: surname's initial, or after a letter's heading or a title
_NAME_INITIAL_AFTER = re.compile(r"\s+[A-Z]\.(?:\s|,|$)")
_NAME_HEADING_BEFORE = re.compile(r"(?:\b(?:Re|RE|Name|Patient|Pt|Dear|Mr|Mrs|Ms|Miss|Master|Dr)"
                                  r"\.?:?)\s*$")


def _a_name(text: str, start: int, end: int) -> bool:
    """A capitalised word that the text uses as a name somewhere (every mention of the
    child's name is a name, not only the one in the heading)."""
    word = text[start:end]
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
        return False
    for m in re.finditer(rf"\b{word}\b", text):
        if _NAME_INITIAL_AFTER.match(text, m.end()) \
                or _NAME_HEADING_BEFORE.search(text, max(0, m.start() - 10), m.start()):
            return True
    return False


#: a lab flag ending a line, read with the next line's first word ("H" / "Haemoglobin")
_FLAG_LINE_END = re.compile(r"(?:H|L|HH|LL|N)[ \t]*\n")
#: "acne-like scars", "Marfan-like habitus": a resemblance, not the finding itself
#: a compound the match only begins: "eczema-like", "short-sighted" (myopia, not short stature)
_LIKE_AFTER = re.compile(r"-(?:like|sighted)\b", re.IGNORECASE)
#: "colchicine-unresponsive", "steroid-resistant": a response to a drug, not a finding
_DRUG_BEFORE = re.compile(r"[a-z]{4,}-$", re.IGNORECASE)
_RESPONSE_WORDS = frozenset({"unresponsive", "responsive", "resistant", "refractory"})


def not_a_finding(text: str, start: int, end: int, hpo_id: str) -> bool:
    """Is the concept matched at ``text[start:end]`` a unit, preparation, test, service,
    procedure or a person's name rather than a finding?

    >>> not_a_finding("Re: Amelia J., aged 6 years", 4, 10, "HP:0009827")
    True
    >>> not_a_finding("Re: Amelia J.\\n\\nAmelia is 6.", 15, 21, "HP:0009827")
    True
    >>> not_a_finding("She was born with amelia of the left arm.", 18, 24, "HP:0009827")
    False
    """
    if _a_name(text, start, end) or _UNIT_BEFORE.search(text, max(0, start - 12), start) \
            or _PREPARATION_AFTER.match(text, end) or _LIKE_AFTER.match(text, end) \
            or (text[start:end].lower() in _RESPONSE_WORDS
                and _DRUG_BEFORE.search(text, max(0, start - 25), start) is not None) \
            or _SERVICE_BEFORE.search(text, max(0, start - 40), start) \
            or _SERVICE_AFTER.match(text, end) or _INDEX_AFTER.match(text, end) \
            or _TESTED_FOR.search(text, max(0, start - 60), start) \
            or _ALLERGY_REACTION.search(text, max(0, start - 70), start):
        return True
    if _FLAG_LINE_END.match(text, start, end):
        return True  # "(59-104) H" / "Haemoglobin 98": a flag, then the next line's name
    local = _NOT_THIS_FINDING.get(hpo_id)
    if hpo_id == "HP:0001250" and text[start:end].lower() == "fit":
        return True  # "fit and well", "a good fit": only the plural "fits" names seizures
    if hpo_id == "HP:0001250" and text[start:end].lower() != "fits":
        local = None  # only the bare "fits" may be the verb ("another fit in the night")
    if hpo_id == "HP:0000980" and not text[start:end].lower().startswith("pale"):
        local = None  # "pallor and very little urine": the noun is the patient's
    if local is not None and ((local[0] is not None and local[0].search(
            text, max(0, start - 30), start)) or (local[1] is not None and local[1].match(
            text, end))):
        return True
    return hpo_id in _PROCEDURE_TERMS and bool(_PROCEDURE.search(text, max(0, start - 20), start))


#: "his scalp hair was sparse, short, lustreless and hypopigmented": a colour word whose
#: subject is the hair, not the skin ("and his skin was hypopigmented" keeps the skin's)
_HAIR_SUBJECT = re.compile(r"\bhair\s+(?:is|was|were|are)\b(?:(?!\bskin\b)[^.;:])*"
                           r"(?<!\bhis )(?<!\bher )(?<!\bthe )(?<!\btheir )$", re.IGNORECASE)
#: skin terms whose hair counterpart a hair subject takes
_HAIR_FORM = {"HP:0001010": "HP:0005599"}  # Hypopigmentation of the skin -> of hair


def hair_form(text: str, start: int, hpo_id: str) -> str:
    """The hair's term for a skin colour term said of the hair, else *hpo_id*.

    >>> t = "His scalp hair was sparse, short, lustreless and hypopigmented."
    >>> hair_form(t, t.index("hypo"), "HP:0001010")
    'HP:0005599'
    >>> t = "His hair was sparse and his skin was hypopigmented."
    >>> hair_form(t, t.index("skin"), "HP:0001010")
    'HP:0001010'
    """
    other = _HAIR_FORM.get(hpo_id)
    if other is not None and _HAIR_SUBJECT.search(text, max(0, start - 60), start):
        return other
    return hpo_id
