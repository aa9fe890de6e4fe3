"""The words family-history reading looks for: verbs, status words, hedges, informants,
genotype-only phrases, measurements, consanguinity, kinship, clause subjects.

Kept apart from :mod:`osteodx.text.family` (which reads the statements) so that each
pattern can be read, and tested, on its own.
"""

from __future__ import annotations

import re

_DET = r"(?:her|his|their|the|a|an|its|both)"
_LINK = re.compile(r"(?:\s|,|and|or|nor|any|a|an|her|his|their|the|both|living|alive|also|"
                   r"either|neither|older|younger|elder|big|little|baby|half|step"
                   r"|paternal|maternal|two|three|four|[0-9]+"
                   # a pedigree number or a titled name: "father II-2, Mr. K. Srinivas, 31, and"
                   r"|\(?(?:i{1,3}|iv|vi{0,3})[-:\u2010\u2013]\d{1,2}\)?"
                   r"|(?:mr|mrs|ms|miss|dr)\.?(?:\s[a-z]\.)*\s?[a-z]+"
                   # an age in brackets after the first: "His brother (38) and his mother"
                   r"|\(\s?(?:aged?\s)?[0-9]+(?:\s?(?:y|yrs?|years?))?\s?\))*")
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
                r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)")
#: what may stand between such a preposition and the relatives: "the second child of healthy,
#: non-consanguineous Japanese parents", "born to two unaffected parents"
_BEFORE_KIN = (r"(?:healthy|unaffected|unrelated|related|consanguineous|non-? ?consanguineous"
               r"|young|older|elderly|two|both|(?:first|second)[- ]cousin"
               r"|(?i:[a-z]{3,}(?:ese|ian|an|ish|i|ic)))")  # a nationality: "Japanese", "Pakistani"
_NOT_SUBJECT = re.compile(r"(?:from|to|by|with|of|for|than|like|without"
                          # "The coroner told Mum and Dad ...": told, not telling of themselves
                          rf"|told|informed|advised|reassured|rang|phoned|emailed)(?: {_DET})?:? "
                          # "the third child of III-4 (father, 34) and III-5 (mother, 29)"
                          r"(?:(?:i{1,3}|iv|vi{0,3})[-:]\d{1,2} \()?$")
#: relatives described after "of" ("the second child of healthy, non-consanguineous Japanese
#: parents"), followed by the patient's own verb (:data:`_PATIENT_VERB`): not their statement
_OF_KIN = re.compile(rf"(?:of|to|from)(?: {_DET})?(?:,? {_BEFORE_KIN})+ $")
#: the patient born to the relatives: "born at 36 weeks to non-consanguineous parents after an
#: uncomplicated pregnancy" says nothing of the parents' health
_BORN_TO = re.compile(rf"\bborn\b[^.;:]{{0,60}}\bto(?: {_DET})?(?:,? {_BEFORE_KIN})* $")
_PATIENT_VERB = re.compile(r"\s*,\s*(?:was|is|were|are|has|had|presented|came|attended"
                           r"|underwent|developed|showed)\b")
_IN = re.compile(r"(?:in|among|on)(?: (?:her|his|their|the|both|all|the patient's|the proband's"
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
_HEDGE = re.compile(r"\b(?:possibl[ey]|probabl[ey]|(?:un)?likely|suspected|suspicion|presumed"
                    r"|presumably|perhaps|may|might|could(?! not)|questionabl[ey]|uncertain|unclear"
                    r"|doubtful|query|thought to|believed to|allegedly|unconfirmed)\b")
_INFORMANT = re.compile(
    r"\W*(?:(?:have |has )?never (?:saw|seen)\b|witnessed\b"
    # "her mother has seen pauses in her breathing" (not "has seen a neurologist")
    r"|(?:has|have|had) (?:also )?(?:seen|heard)\b(?! (?:a|an|the|her|his|their|my|dr)\b))|"
    r"\W*(?:(?:also|first|then|later|initially|always|often|had|have|has|never) )?(?:recalls?"
    r"|recalled|remembers?"
    r"|remembered|reports?|reported|notices?|noticed|notes|noted|says|said|states?|stated"
    r"|describes?|described|mentions?|mentioned|explains?|explained|brought|brings|observes"
    r"|observed|thinks|thought|believes|believed|feels|felt|worried|(?:is|was|became) concerned"
    # "which his mother links to frustration": her explanation of the patient's behaviour
    r"|links?|linked|attributes?|attributed|puts? (?:it|this|that) down|blames?|blamed"
    r"|sought|complains? that|complained that|told|tells|tell|tells? that|informed|informs"
    r"|(?:is|are|was|were|has been|have been|had been) (?:told|informed|advised|taught|shown)"
    # a relative worried about the patient: "Mum is anxious about his appearance", "his mum
    # and I are both worried about his feeding"
    r"|(?:and (?:i|we|dad|mum|mom|he|she) )?(?:is|are|was|were|feels?|felt|seems?|seemed)"
    r" (?:(?:both|very|quite|a bit|rather|really|so|increasingly) )*(?:anxious|worried"
    r"|concerned|upset|distressed|keen|frustrated)(?= (?:about|that|for|whether|because|by)\b)"
    r"|(?:now |also )?(?:notice|observe|report|say|describe|think|believe|feel|worry|note)s?"
    r"|has no concerns|had no concerns|is not concerned|was not concerned"
    # a relative caring for the patient: what they do says nothing of their own health
    # ("parents lock the pantry", "Parents trained in NG tube care")
    r"|(?:(?:is|are|was|were|have been|has been) )?(?:trained|taught|counsell?ed)"
    r"|locks?|locked|hides?|hid|restricts?|restricted|supervises?|supervised|feeds|fed|gives?"
    r"|gave|administers?|administered|cares? for|cared for|looks? after|looked after"
    r"|accompanie[sd]|accompany|consent(?:s|ed)?|declined?|refused?|requested|asked|wants?"
    r"|wanted|wish(?:es|ed)?|agreed?|attends?|attended|helps?|helped|drives?|drove"
    # where a relative is or goes ("Mum staying on ward, dad coming in AM")
    r"|stay(?:s|ed|ing) (?:on (?:the )?ward|with (?:him|her|them)|overnight|at (?:the )?bedside)"
    r"|com(?:es|ing) (?:in|back|to (?:visit|see))|go(?:es|ing) home"
    r"|visit(?:s|ed|ing)|(?:is|are|was|were) (?:at (?:the )?bedside|present|here|away"
    r"|on (?:the )?ward))\b")
_UNASSESSED = re.compile(
    # (not "bandy shins that were never investigated": a finding that was not worked up)
    r"(?<!\bthat were )(?<!\bthat was )(?<!\bwhich were )(?<!\bwhich was )"
    r"\b(?:(?:not|never)(?: yet)?(?: been| being)?|(?:is|are|was|were|yet) to be|will be"
    r"|(?:should|must|could|may|might|would)(?: also)? be|ought to be|needs? to be"
    r"|awaiting|pending|due to be|to be)\s+(?:assessed|examined|tested|screened|evaluated"
    r"|investigated|seen|checked|genotyped|studied|reviewed|sequenced|contacted|invited"
    r"|offered|approached|referred|called|booked)\b"
    # a plan: "(brother to have urate checked)"
    r"|\bto have (?:[\w-]+\s){0,3}?(?:checked|tested|measured|screened|examined)\b|\b(?:untested"
    r"|unexamined|not available for (?:testing|examination|assessment))\b"
    # a test still to come: "ECG at GP next wk", "after result(s)"
    r"|\bnext (?:wk|week|month)\b|\bafter (?:the )?results?\b")
_SIMILAR = re.compile(r"\b(?:similar(?:ly)?|same|also|likewise|too|as well|identical"
                      r"|(?<!not )(?<!un)affected|the (?:disease|condition|disorder|syndrome))\b")
_GERUND = re.compile(r"[a-z]+ing")
#: a genetic result ("carries the same variant", "the mutation was absent", "heterozygous"); a
#: short word before "variant" / "mutation" / "gene" is read as a gene symbol ("sost gene")
_GENETIC = re.compile(
    r"\b(?:(?:[a-z0-9-]{1,7} )?(?:variants?|mutations?|alleles?|genes?|deletions?|duplications?)"
    r"|mutated|genotyp\w*|carriers?|carr(?:y|ies|ied|ying)|harbou?r(?:s|ed|ing)?|heterozyg\w*"
    # alpha-1 antitrypsin phenotypes: "PiMM", "PiMZ", "PiZZ"
    r"|pi\*?[mszf]{2}"
    r"|homozyg\w*|hemizyg\w*|de novo|inherited|transmitted|segregat\w*|(?:mutation|variant|gene)"
    r"|premutations?|(?:full|pre)-mutations?|repeats?|expansions?"
    r"-(?:positive|negative)|sequence (?:change|alteration)s?"
    # a patient's words: "has the same gene change", "has only one copy" (a carrier)
    r"|gene (?:change|fault|error|spelling mistake)s?"
    r"|(?:one|two|both) (?:faulty |bad |altered |changed |affected )?cop(?:y|ies))\b")
#: the words a genetic result may have besides its genetic terms ("was found to", "absent in")
_GENOTYPE_WORDS = frozenset(
    "the a an same this that these identical familial causative pathogenic likely novel known "
    "disease-causing causal germline mosaic somatic monoallelic biallelic also both either "
    "neither nor not no only too was were is are be been being has have had did does do later "
    # a patient's words: "the same gene change", "only one copy"
    "change changes fault faulty copy copies "
    "subsequently found shown proven confirmed identified detected present absent observed seen "
    "in for to of on by from at as well tested testing test genetic genetically genetics "
    "molecular negative positive sanger sequencing analysis revealed showed demonstrated "
    "which who she he they it her his their its them premutation full "
    # "both parents carry one variant each"
    "one each single two copy copies respectively "
    # where and what the variant is: "the recurrent c.-14C>T variant in the 5' untranslated
    # region of IFITM5, absent in both parents"
    "recurrent previously reported untranslated region exon intron splice splicing site "
    "missense nonsense frameshift truncating promoter coding non-coding canonical".split())
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
_VALUE = (rf"(?:[0-9]\s?(?:'|ft)\s?[0-9]{{1,2}}(?:\s?(?:\"|''|in))?(?!\w)|[<>~]?\s*[0-9]+"
          rf"(?:[.,][0-9]+)?\s*{_UNIT}(?![\w/]))(?:\s*\([^)]*\))?"
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
    r"(?P<neg>non-? ?consang(?:uineous|\.)?|not (?:be )?consanguineous"
    r"|no (?:known |parental |history of )?consanguinity|without consanguinity"
    r"|consanguinity (?:was|is|has been) (?:denied|excluded"
    r"|absent|negative|not (?:reported|known))|denie[sd] (?:any )?consanguinity"
    r"|(?:un|not )related (?:parents|couple)"
    r"|(?:my (?:husband|wife|partner) and i|we) (?:are|were) not related"
    # a parent writing: "me and her dad aren't related", "his dad and I are not related"
    r"|(?:(?:me|i) and (?:her|his|their) (?:dad|father|mum|mom|mother)|(?:her|his|their)"
    r" (?:dad|father|mum|mom|mother) and (?:me|i)) (?:aren't|are not|weren't|were not)"
    r" related"
    r"|not known to be (?:related|consanguineous)"
    r"|(?:parents|couple|they|(?:mum|mom|mother) and (?:dad|father)) (?:are|were)"
    r" (?:not |un)related(?: to each other)?"
    # "Parents healthy, not related", "parents (dec.) unrelated", "parents are well and unrelated"
    r"|(?<=parents )[^.;:]{0,30}?\b(?:(?:not |un)related\b|not (?:blood )?relatives\b"
    r"|not related by blood\b))"
    # "Parents healthy, second cousins."
    r"|(?P<pos2>(?<=parents )[^.;:]{0,30}?\b(?:first|second|third"
    r"|double|distant|1st|2nd|3rd)[- ]cousins)"
    r"|(?P<pos>consanguineous|consanguinity|(?:parents|couple) (?:are|were) related"
    r"|related parents|(?:first|second|third"
    r"|double|1st|2nd|3rd)[- ]cousin (?:parents|couple|marriage|union)"
    r"|(?<=, )(?:first|second|third|double|1st|2nd|3rd)[- ]cousins(?=[,.;]|$)"
    r"|(?:(?<=are )|(?<=ere )|(?<=not )|(?<=nts )|(?<=nts: )|(?<=nts - ))"
    r"(?:(?:first|second|third|double|distant|1st|2nd|3rd)[- ](?:degree )?)?"
    r"cousins(?: once removed)?)")

#: one piece of who a relative is: a pedigree number ("II-2"), a titled name ("Mr. K.
#: Srinivas"), a first name, an age ("31", "27 years")
_IDENTITY = (r"(?:I{1,3}|IV|VI{0,3})[-:\u2010\u2013]\d{1,2}"
             r"|(?:Mr|Mrs|Ms|Miss|Dr)\.?(?:\s[A-Z]\.)*\s?[A-Z][^\W\d_A-Z]+"
             # a first name and a surname in capitals: "Priya SHARMA-COLE"
             r"|[A-Z][^\W\d_A-Z]+\s[A-Z]{2,}(?:-[A-Z]{2,})?|[A-Z][^\W\d_A-Z]+"
             r"|\d{1,3}(?:\s?(?:y|yrs?|years?)(?: old)?)?"
             # a mother's line in a fetal or newborn record: "Mother: Priya S., 31, G2 P1
             # Hospital no. K4471820"
             r"|G\d{1,2}\s?P\d{1,2}(?:\+\d{1,2})?|(?i:(?:hospital|nhs|unit)\s(?:no|number)\.?"
             r"|mrn)(?:\s?[A-Z0-9]+)?"
             # the relation in an aside: "IV-1 Emre (brother, 12)", "(mother Ayşe, 31)"
             r"|(?:half-)?(?:brother|sister|son|daughter|mother|father)")
#: who a relative is, and nothing else: "II-2, Mr. K. Srinivas, 31", "IV-1 Emre (brother, 12)"
#: and who several are: "Imran (father, 32) and Sadia (mother, 28)"
_IDENTITY_ONLY = re.compile(rf"(?:(?:and|&)\s+)?\(?(?:{_IDENTITY})\)?"
                            rf"(?:\s*(?:,|and|&)?\s*\(?(?:{_IDENTITY})\)?)*")

#: relatives named together who "are brother and sister": how they are related, not their health
_ARE_KIN = re.compile(r"[\s,]*(?:\(?(?:i{1,3}|iv|vi{0,3})[-:]\d{1,2}\)?[\s,]*)?(?:are|were)\s+"
                      r"(?:brother and sister|sister and brother|brothers|sisters"
                      r"|(?:half-)?siblings|(?:(?:first|second|third"
                      r"|double)[- ])?cousins|related)\b")

# -- kinship --------------------------------------------------------------------------
#: (owner is a parent, relative) -> relation: "mother's brother" is an uncle
_KIN = {(True, "brother"): "uncle", (True, "sister"): "aunt", (True, "mother"): "grandmother",
        (True, "father"): "grandfather", (True, "parents"): "grandparents",
        (True, "uncle"): "great-uncle", (True, "aunt"): "great-aunt",
        # "Dad's first cousin": the patient's first cousin once removed
        (True, "cousin"): "cousin once removed",
        (True, "grandmother"): "great-grandmother", (True, "grandfather"): "great-grandfather"}
#: a relative's relative other than a parent's: "a paternal uncle's son" is a paternal cousin
_KIN_OF = {**{(owner, child): "cousin" for owner in ("uncle", "aunt")
              for child in ("son", "daughter", "child", "children")},
           **{(owner, "son"): "nephew" for owner in ("brother", "sister")},
           **{(owner, "daughter"): "niece" for owner in ("brother", "sister")},
           # a grandparent's sibling: "Sadia's father had a younger brother"
           **{(owner, "brother"): "great-uncle" for owner in ("grandfather", "grandmother")},
           **{(owner, "sister"): "great-aunt" for owner in ("grandfather", "grandmother")}}


#: a parent's child: the patient's sibling ("their first son died at 2 months")
_SIBLING_OF = {"son": "brother", "daughter": "sister", "child": "sibling", "children": "sibling"}


def relation_of(owner: str, relative: str) -> str | None:
    """The patient's relation to *owner*'s *relative*, or None when no word says it:
    ("father", "sister") -> "paternal aunt"; ("paternal aunt", "son") -> "paternal cousin";
    ("maternal grandfather", "brother") -> "maternal great-uncle"."""
    own = owner.split()[-1]
    side = {"mother": "maternal", "father": "paternal"}.get(own, "")
    if not side and owner.startswith(("maternal ", "paternal ")):
        side = owner.split()[0]
    if own in ("mother", "father", "parent", "parents") and relative in _SIBLING_OF:
        return _SIBLING_OF[relative]  # "the mother's first son": a brother, on no side
    kin = _KIN.get((own in ("mother", "father", "parent"), relative)) or _KIN_OF.get(
        (own, relative))
    if kin is None:
        return None
    return f"{side} {kin}" if side else kin


_SIDE_PREFIX = re.compile(r"(maternal|paternal|mat|pat)\.?[ -](?:great[ -])?$")
_SIDE_AFTER = re.compile(r"(?:'s)? side\b")
_SIDE_BEFORE = re.compile(r",? (?:from|on) (?:the|her|his|their) ")
_IN_FAMILY = re.compile(r"\b(?:in|within|among) (?P<fam>(?:the|this|her|his|their|our) "
                        r"famil(?:y|ies))\b(?!\s*,)")
_FAMILY_WIDE = re.compile(r"\b(?:no|none|nobody|not|never|without|similar|same|other"
                          r"|else|affected|further|additional)\b")
#: "no one else in the family is affected": the subject denies the predicate
_SIDES = ("maternal", "paternal")
_OWN = re.compile(r"\b(?:in|on) (?:herself|himself|themselves|her own|his own)\b")
_THEY = re.compile(r"\W*(?:(?:and|but|while) )?(they|he|she)\b")
_PLURAL = re.compile(r"(?:parents|grandparents|s|members|history|family|relatives)(?:'s)?$")
_NOBODY = re.compile(r"\W*(?:no ?one|nobody|none|no other (?:one|members?|relatives?))"
                     r"(?: else)?\W*")

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

# -- relatives who are no subject of a statement ------------------------------------------
#: a relative restated in an aside from the patient's side: "Her brother (his uncle)", "Their
#: mother, your paternal grandmother"
_RESTATED = re.compile(r"(?:\s+[a-z]{2,15})?\s*\((?:his|her|their|the patient's|the child's"
                       # "Their father (Mrs Owen's maternal grandfather)"
                       r"|(?:(?:mrs?|ms|miss|dr)\.?\s)?[a-z]+'s)\s"
                       # a letter to the patient: "His sister, your aunt Vesna, had ..."
                       r"|\s*,\s*your\s"
                       # "His parents, Lily's paternal grandparents, are ...": the patient's
                       r"|\s*,\s*[a-z]+'s\s+(?:(?:maternal|paternal)\s+)?(?:grand|great)",
                       re.IGNORECASE)
#: a relative as the author of the account: "Written by Oliver's mum", "(mum's account and
#: old notes)", "mother's letter"
_AUTHOR_BEFORE = re.compile(r"\b(?:written|told|given|provided|reported) by (?:[A-Z][a-z]+'s |his "
                            r"|her |their |the (?:child's |patient's )?)?$"
                            # the writer introducing themselves: "This is Sophie's mum, Kelly."
                            r"|\b(?:this is|it's|i am|i'm) (?:[A-Z][a-z]+'s |his |her |their )$"
                            # "it's Gulay Demir Elif Demir's mum": her name, then the child's
                            r"|\b(?:this is|it's|i am|i'm) (?:[a-z]+ ){1,3}[a-z]+'s $"
                            # who filled in the form: "From: Donna Wright (Maisie Wright's mum",
                            # "(completed by: Satu Laine, sister", "typed up by me (Kate, his
                            # daughter"
                            r"|\b(?:from|(?:completed|filled in|filled out|typed up|written|sent"
                            r"|signed) by):? (?:me )?\(?(?:[a-z]+ ){0,3}\(?(?:[a-z]+ ){0,3}?"
                            r"(?:[a-z]+'s |[a-z]+, (?:his |her |their |the )?)$",
                            re.IGNORECASE)
_AUTHOR_AFTER = re.compile(r"\s?(?:'s)?\s?(?:account|story|letter|notes|diary|report|words"
                           # the writer: "(Dad writing, Priya will check it)"
                           r"|writing|typing|here(?= (?:again|writing|with))"
                           # an occasion or a place of the relative's: "at his brothers wedding"
                           r"|wedding|funeral|birthday|party|house|home|graduation|christening"
                           # a thing of the relative's: "she holds her mother's arm at dusk"
                           r"|arm|hand|lap|car|phone|bed|room|farm|shop"
                           # consent: "(consent taken - mum signed)"
                           r"|signed|consented|gave (?:consent|permission)|agreed to"
                           # a signature: "Mark Turner (Dad of Alfie Turner, DOB 03/02/2023)"
                           r"|of [a-z]+(?: [a-z]+)?\s*(?:,\s*(?:dob|d\.o\.b|born)\b|\)|$))\b",
                           re.IGNORECASE)
#: what a relative was told about herself: "(that) she has", "they were carriers"
_TOLD_OWN = re.compile(r"\s+(?:(?:him|her|them|us|me)\s+)?(?:that\s+)?(?:she|he|they)\s+"
                       r"(?:has|have|had|is|was|were|carries|carried)\b")


#: a relative's place or thing: "his uncle's bakery", "her grandmother's farm", after
#: :data:`_PLACE_PREP`: a place, not the relative's health
_PLACE_PREP = re.compile(r"\b(?:in|at|on|into|from|to|for|near|outside)\s(?:\w+\s)?$")
_PLACE_OF = re.compile(r"[\w-]+'s\s(?!(?:mother|father|brother|sister|son|daughter|uncle|aunt"
                       r"|cousin|grand\w+|husband|wife|side|family|parents?|children|child)\b)"
                       r"[a-z]+")


#: someone telling the history with the relatives: "his parents and teachers noticed ..."
_CO_INFORMANT = re.compile(r"\s+(?:and|&)\s+(?:his\s|her\s|their\s|the\s)?(?:teachers?|nursery"
                           r"(?: staff)?|school(?: staff)?|carers?|childminders?|gp|doctors?"
                           r"|friends?|coach(?:es)?|colleagues?)\b")


#: genetic counselling about relatives in general: "recurrence risk for daughters", "the
#: severe outcome in sons", "offered to future children"
_COUNSELLING = re.compile(r"\b(?:recurrence|risks?|chances?|counsell?ing|counsell?ed"
                          r"|future)\b[^.;]*$")


#: a header field naming a contact, an escort or a historian: "NOK:", "Accompanied by"
_CONTACT_FIELD = re.compile(r"\b(?:nok|next of kin|accompanied by|informant|historian"
                            r"|(?:emergency )?contact|escort(?:ed by)?|consent(?:ed)? by)"
                            r"\s*[:-]?\s*$")


#: a question, opened by its verb: "Should her brother be checked?", "Does my sister need ..."
_QUESTION = re.compile(r"\W*(?:should|could|can|will|would|do|does|did|is|are|might|may"
                       r"|must|shall)\b", re.IGNORECASE)


#: a name and an age before a colon: "daughter Lea (17): well"
_NAME_AGE = re.compile(r"[A-Z][a-z]+\s?\(\d{1,3}\)")


#: a clause that opens with its verb: the subject came before ("..., who is 7, | is well")
_VERB_FIRST = re.compile(r"[\s,]*(?:is|are|was|were|has|have|had|remains|remained)\b")


#: a family history that is only a mode of inheritance: "Family history: X-linked inheritance."
_MODE_ONLY = re.compile(r"\W*(?:an?\s)?(?:autosomal[\s-](?:dominant|recessive)|x-linked(?:[\s-]"
                        r"(?:recessive|dominant))?|y-linked|mitochondrial|maternal|ad|ar|xlr|xld)"
                        r"(?:\s(?:inheritance|pattern(?: of inheritance)?|transmission))?\W*")


#: the pronoun a singular relative is continued with
_GENDER = {**dict.fromkeys(("brother", "father", "son", "uncle", "grandfather", "husband"), "he"),
           **dict.fromkeys(("sister", "mother", "daughter", "aunt", "grandmother", "wife"), "she")}
