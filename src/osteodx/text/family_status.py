"""The words that say a relative is well, and the words that say nothing of a relative's
health ("is 68 and has nothing wrong", "was examined today", "comes from the same village").

Kept apart from :mod:`osteodx.text.family_words` so that each list can grow on its own;
:mod:`osteodx.text.family_findings` reads a relative's finding against both.
"""

from __future__ import annotations

import re

from osteodx.text.context import ParsedSentence
from osteodx.text.cues import Clause
from osteodx.text.family_words import _NUMBER_WORD

__all__ = ["_NEUTRAL", "_UNAFFECTED", "test_result"]

_UNAFFECTED = re.compile(r"\b(?:healthy|unaffected|normal|normally|asymptomatic|not affected"
                         # notes' "NAD": no abnormality detected
                         r"|nad|no abnormalit(?:y|ies)(?: (?:detected|found|seen))?"
                         r"|(?:is|are|was|were|seems?|looks?|doing|'s|'re|’s|’re) (?:perfectly "
                         r"|totally |completely |absolutely )?fine"
                         # "doing great at school", "doing really well"
                         r"|doing (?:really |very |so )?(?:great|brilliantly|fine)\b"
                         # "My brother's skin is completely clear"
                         r"|(?:is|are|was|were|looks?|stays?|stayed) (?:completely |totally |all"
                         r" |perfectly )?clear\b"
                         r"|(?:perfectly |absolutely )?fine(?:\s(?:too|as well|also))?(?=\s*$)"
                         # a test's result: "was tested and is clear"; "does not carry it"
                         r"|(?:all )?clear(?=\s*$)|(?:does|did) ?(?:not|n't) carry (?:it|the"
                         r" (?:gene|change|variant|mutation))"
                         # "has never had any problems at all"; Irish "both grand" (fine)
                         r"|(?:never|not) (?:had|has|have) any (?:problems?|issues|trouble"
                         r"|symptoms|of (?:it|this|that|them))"  # "never had any of it"
                         r"|(?:(?:is|are|'s|'re|’s|’re|and) (?:both |all )?|^)grand(?=\s*$)"
                         r"|(?:has|have|had) nothing(?=\s*$)"  # "My sister Elif (23) has nothing"
                         # "His sister Anja, 43, is fit and has a normal CK" (not "fits")
                         r"|(?:is|are|was|were|keeps?|kept) (?:very |perfectly )?fit(?: and well)?"
                         # a patient's e-mail: "Auntie Glenys is 68 and has nothing wrong"
                         r"|(?:(?:has|had|have) )?nothing (?:wrong|the matter)(?: with (?:him|her"
                         r"|them))?"
                         r"|(?<!as )well|unremarkable|negative|non-?contributory|symptom-free"
                         r"|in good health|thriving|nil(?: of note| relevant)?"
                         r"|(?:of )?average (?:height|build|stature|size)"
                         # "has straight shins", "a straight spine": the part is not deformed
                         r"|straight (?:legs|shins|limbs|arms|spine|back|bones)"
                         r"|straight (?:legs|back|spine|limbs)"
                         r"|typical(?:ly)? develop\w*|develop\w* typically"
                         r"|(?:(?:totally|completely|entirely|perfectly) )?typical"
                         r"|attends? (?:a )?(?:mainstream|regular|normal|ordinary) school"
                         # "passed his newborn hearing screen"
                         r"|passed (?:his|her|their|the) (?:newborn )?(?:hearing )?"
                         r"(?:screen|screening|test|check)s?)\b"
                         # notes' "sweat test -ve": negative
                         r"|(?<![\w-])-ve\b"
                         # a heading's one word: "Family history: absent." (not "radii absent")
                         r"|^\s*(?:absent|none)\s*$")
_NEUTRAL = re.compile(r"(?:alive|living|young|married|adopted|deceased|(?:not |un)?related"
                      # the history as a topic: "Family history is important.", "as follows"
                      r"|(?:(?:very|particularly|especially|quite) )?(?:important|relevant"
                      r"|complex|extensive|of interest|as follows|(?:detailed |shown )?below)"
                      # where the family goes: "his family is moving to your city for work"
                      r"|(?:(?:is|are|was|were|has|have) )?(?:moving|relocating|moved|relocated"
                      r"|emigrat\w+)\b[\w\s,'-]{0,80}"
                      # whose child: "a half-brother, Jack, 19, from Ian's second marriage"
                      r"|(?:from|of|by) (?:(?:[a-z]+'s|his|her|their|a|the) ){0,2}(?:first|second"
                      r"|third|previous|earlier|later|other|another|new) (?:marriage"
                      r"|relationship|partner|husband|wife)"
                      # "My sister has two boys (who are healthy)": her children, not her health
                      r"|(?:an )?only child"
                      # "was examined today and is normal": seen, not a finding
                      r"|(?:(?:was|were|has been|have been) )?(?:examined|seen|assessed|reviewed"
                      r"|tested"
                      r"|checked)(?: (?:today|here|in (?:the )?clinic|by me|as well|too|recently"
                      r"|yesterday|(?:last|this) (?:week|month|year)|(?:in|during) (?:her |the )?"
                      r"pregnancy|at birth|as an? (?:baby|newborn|infant|child|teenager)))?"
                      # "is healthy and attends school": where a child goes, not a finding
                      r"|(?:(?:attends|goes to|is at|is in|started|starts) )?(?:at |in )?(?:a )?"
                      r"(?:mainstream "
                      r"|normal |regular |primary |secondary |nursery )?(?:school|nursery"
                      r"|college)"
                      # where the family comes from: "from the same town in Puerto Rico"
                      # ("both families come from the Kainuu region")
                      r"|(?:(?:both )?famil(?:y|ies) )?"
                      r"(?:(?:are |were |came |come |comes |moved here )?(?:originally )?from )?"
                      r"(?:the same |a |an |the )?"
                      r"(?:small |rural |same |[a-z]+ )?(?:town|village|area|region|city|island"
                      r"|community"
                      r"|country)\b"
                      r"[\w\s,'-]{0,40}"
                      r"|(?:(?:has|have|had) )?(?:one|two|three|four|five|six|\d+) (?:boys?|girls?"
                      r"|sons?|daughters?|children|kids)"
                      # pedigree numbers only: "(III-5 and III-6)"
                      r"|(?:i{1,3}|iv|vi{0,3})[-:][0-9]{1,2}(?:(?:,|,? and) (?:i{1,3}|iv|vi{0,3})"
                      r"[-:][0-9]{1,2})*"
                      r"|(?:not )?(?:blood )?relatives|(?:not )?related by blood"
                      r"|(?:non-? ?)?consanguineous|(?:first|second|third"
                      r"|double|distant)[- ]cousins"
                      # an obstetric history: "to a 29-year-old mother (G2P1)"
                      r"|g[0-9]{1,2} ?p[0-9]{1,2}(?:\+[0-9])?"
                      # where they were spoken to: "Discussed w/ parents on WR."
                      r"|(?:on|at|during) (?:the )?(?:ward rounds?|wr|rounds?)"
                      # a test's logistics: "mum done, bro booked" (cascade screening)
                      r"|(?:done|booked|arranged|requested|sent|pending)(?: today)?"
                      # the writer's worry or a doctor's plan: "I'm worried about him", "Dr
                      # Hughes wants to see him" (a plan, not the relative's finding)
                      r"|(?:(?:and|but) )?(?:i'm |i am |we're |we are )?(?:a bit |very |quite "
                      r"|so |really )?(?:worried|concerned|anxious) (?:about|for) (?:him|her|them)"
                      r"|(?:(?:and|but) )?(?:dr\.? [a-z]+|the [a-z]+|she|he|they|we)"
                      r" (?:wants?|would like|plans?|has asked|asked) to (?:see|test|check"
                      r"|examine|meet|assess) (?:him|her|them)(?: too| as well)?"
                      # a test of theirs, planned or done: "check mum's and uncle's bloods"
                      r"|(?:blood|bloods|blood tests?|levels?|calcium levels?)"
                      # birth order and ages: "first child", "is 48", "5 years old"
                      r"|(?:first|second|third|fourth|only|eldest|oldest|youngest) (?:child|born"
                      r"|pregnancy|son|daughter|of \w+)|[0-9]+(?:\s*(?:y|yo|years?)(?: old)?)?"
                      # an examiner's visit: "I examined him today"
                      r"|(?:i|we) (?:examined|saw|reviewed|met|assessed) (?:him|her|them)"
                      r"(?: (?:today|too|also|in clinic))?"
                      r"|(?:examined|seen|reviewed|assessed|checked)(?: (?:today|too|also"
                      r"|in clinic|by (?:the |a |an |our )?[a-z]+(?: [a-z]+)?|(?:in|during) "
                      r"(?:her |the )?pregnancy|at birth|as an? (?:baby|newborn|infant|child)))?"
                      # a test done, its result still to be said: "we checked her urine
                      # succinylacetone", "has had her eyes checked", "both had ECGs and echos"
                      r"|(?:(?:i|we|they|she|he|(?:dr|mr|mrs|ms|miss)\.? [a-z]+|the [a-z]+) )?"
                      r"(?:checked|tested|screened|examined|scanned) (?:his|her|their|the)"
                      r" [a-z0-9 -]{1,40}"
                      # an age in words: "Her brother Zain, he's fourteen, ..."
                      rf"|(?:he|she)(?:'s| is) {_NUMBER_WORD}"
                      # "they tested her last week" (the result comes next: ", negative")
                      r"|(?:(?:i|we|they|she|he) )?(?:checked|tested|screened|examined|scanned)"
                      r" (?:him|her|them)(?: (?:last|this) (?:week|month|year)| today"
                      r"| yesterday| recently| too| as well)?"
                      # a test still to come: "is waiting for the gene test"
                      r"|(?:(?:is|are) )?(?:still )?waiting for (?:the |a |an |his |her |their )?"
                      r"[\w -]{1,30}"
                      # the writer's relief: "negative, thank God"
                      r"|thank (?:god|goodness|heavens)|thankfully|luckily|fortunately|phew"
                      r"|(?:(?:has|have) )?had (?:his|her|their) [a-z -]{1,30} (?:checked|tested"
                      r"|examined|screened|scanned|looked at)(?: too| also)?"
                      r"|(?:(?:both |all )?(?:has|have|had) )?(?:an? )?(?:ecgs?|echos?"
                      r"|echocardiograms?|ultrasounds?|scans?|x-rays?|mris?|eye (?:checks?|exams?"
                      r"|tests?)|hearing tests?)(?: (?:after|at|in|since|following) [\w\s']{1,40})?"
                      r"(?: (?:last|this) (?:year|month|week|spring|summer|autumn|winter))?"
                      # the care's logistics and the writer's plans say nothing of health:
                      # "BMT referral sent", "update parents pm", "clinic in six months",
                      # "given an open-access letter: ...", "I'd like the counsellor to ..."
                      r"|(?:[a-z]+ )?(?:referrals?|search|appointments?|requests?|samples?"
                      r"|letters?) (?:sent|started|made|done|requested|arranged|booked|pending)"
                      r"|am|pm|today|tomorrow|tonight|later(?: today)?"
                      r"|(?:clinic|review|follow-up|appointment|ward round) (?:in|at|on|next)"
                      r" [\w\s]{1,20}"
                      r"|for (?:future )?(?:planning|reference|information|completeness"
                      r"|counsell?ing)(?: only| purposes)?"
                      r"|(?:(?:were|was|have been|has been) )?(?:given|advised|counsell?ed"
                      r"|reassured|shown|taught|updated)\b.{0,160}"
                      # a feeling, not a finding: "they are frightened", "she's worried"
                      r"|(?:(?:(?:they|he|she|we) )?(?:are|is|was|were|'re|'s|feels?|felt) )?"
                      r"(?:very |so |really |quite )?(?:frightened|scared|worried|upset|anxious"
                      r"|nervous)|(?:they|he|she|we) (?:are|is|were|was)"
                      # what the relative did for the patient: "Mum took me to the GP",
                      # "called me her Jekyll and Hyde girl", "kept a calendar of them"
                      r"|(?:(?:has|had|always|often|then|first) )?(?:called|took|brought|drove"
                      r"|carried|rushed|sent|helped|made|let|held) (?:me|us)\b"
                      r"(?:(?!\b(?:because|as|since|who|when|after)\b).){0,100}"
                      # where they live, travel, work: "Jason (19) live with me", "Nan (89) is
                      # coming!", "works nights at the hospital" (no news of health)
                      r"|(?:(?:who|and) )?(?:lives?|living|lived|stays?|staying)(?: with (?:me|us"
                      r"|him|her|them)\b.{0,30})?|(?:me|us|him|her|them|yet|still|now)"
                      r"|(?:(?:is|are|'s|was|were) )?(?:coming|visiting|flying"
                      r"|travell?ing|driving)(?: (?:over|down|up|in|too|as well))?\W*"
                      r"|works? (?:nights|days|shifts|full[- ]time|part[- ]time|at|in|as|for)\b"
                      r"[^;]{0,120}"
                      # why someone else cares for the child: "who isn't well enough to look
                      # after him" (the relative's own troubles, not the patient's condition)
                      r"|(?:who )?(?:is|was|isn't|wasn't|is not|was not|'s not|are not|aren't)"
                      r" (?:not )?(?:well|able|fit|old) enough to (?:look after|care for|raise"
                      r"|cope with|manage) (?:him|her|them|the (?:baby|children|kids))\b.{0,40}"
                      r"|(?:(?:has|had|always) )?kept (?:a |an )?(?:calendar|diary|record|log"
                      r"|notebook|list|chart)s?\b.{0,60}"
                      r"|(?:i'd|i would|we'd|we would|i'll|we'll|i will|we will|i shall|we shall)"
                      r" (?:like|want|ask|arrange|refer|offer|see|talk|discuss)\b.{0,160}"
                      # who the relative is, restated: "His mum is our daughter Kelly (26)"
                      r"|(?:my|our) (?:(?:eldest|oldest|youngest|older|younger|only) )?(?:son"
                      r"|daughter)(?: [a-z]{2,15})?(?: \([0-9]{1,3}\))?"
                      # a name and an age: "Isla (3)", "Ellie's 12"; a normal build or hair
                      r"|[a-z]{2,15} \([0-9]{1,3}\)|[a-z]{2,15}'s [0-9]{1,3}"
                      r"|(?:(?:is|are|was|were) )?(?:slim|slender)|(?:(?:has|have) )?straight hair"
                      # "is active and well": active says nothing; "has asked about testing"
                      r"|(?:(?:is|are|was|were) )?(?:very |fully )?active"
                      # hair colour or build: "dark-haired", "fair-haired"
                      r"|(?:dark|fair|red|blond|brown|black)[- ]haired"
                      # a test planned: "parental and sibling carnitine levels"
                      r"|(?:[a-z0-9-]+ )?(?:levels?|typing|testing|screening)(?: now| today)?"
                      r"|(?:[a-z]+ )?(?:review|follow-up|clinic)(?: (?:of|in|at) [\w\s]{1,40})?"
                      # "urate on bloods last year": a test's name, not a finding
                      r"|[a-z0-9 -]{0,30} on (?:bloods|blood tests?)(?: (?:last|this) [a-z]+)?"
                      r"|(?:(?:has|have) )?(?:asked|enquired|inquired) (?:about|for) .{0,80}"

                      # a procedure done says no status: "was screened with MRI"
                      r"|(?:(?:was|were|been) )?(?:screened|tested|imaged|scanned|investigated"
                      r"|checked|examined)(?: with [a-z -]{1,20})?"
                      # the test itself: "screened with | MRI"
                      r"|(?:(?:had|has|have) )?(?:an? |the )?(?:gene |genetic |dna |blood )?tests?"
                      r"|(?:an? |the )?(?:(?:heart|brain|kidney|eye|bone|chest|head|liver) )?"
                      r"(?:mri|ct|ultrasound|x-?rays?|echo|ecg|eeg|scans?|biopsy"
                      r"|audiogram|genetic testing)(?: scans?)?"
                      # ordinary life events say no status: "has two children", "had her first
                      # period at 13", "has started puberty"
                      r"|(?:(?:has|had|have)\s)?(?:no|one|two|three|four|five|[0-9]+|several)\s"
                      r"(?:healthy\s)?(?:children|kids|sons|daughters|grandchildren)"
                      r"|(?:(?:had|has)\s)?(?:her\s)?first\s(?:period|menses)(?:\sat\s[0-9]+)?"
                      # an obstetric event is no disease of hers: "she had one early miscarriage"
                      r"|(?:(?:had|has|have)\s)?(?:a\s|an\s|one\s|two\s|three\s|[0-9]+\s)?"
                      r"(?:early\s|late\s|first[- ]trimester\s)?(?:miscarriages?"
                      r"|pregnancy\slosse?s?)"
                      r"|(?:has\s|had\s)?(?:started|entered|begun|began)\spuberty"
                      # where the family comes from: "Nigerian ancestry", "originally from Goa"
                      r"|[a-z -]{0,30}(?:ancestry|descent|origin|heritage|ethnicity|background)"
                      # "Our parents came from Oulu, Finland in 1996"; "is pregnant and has been
                      # referred" (a pregnancy and a referral are no finding of hers)
                      r"|(?:came|come|moved|emigrated|immigrated)(?: here| over)? from"
                      r" [\w\s,'-]{1,40}"
                      r"|(?:(?:is|was) )?(?:pregnant|expecting)(?: again| with \w+)?"
                      r"|(?:(?:has|have|had) been |was |were )?referred(?: \w+){0,3}"
                      # why someone else writes: "who is too tired to write"
                      r"|(?:(?:who (?:is|was) )?too )?(?:tired|busy|upset|exhausted) to"
                      r" (?:write|call|come|talk)\b.{0,30}"
                      # "both families trace back to Donegal"
                      r"|(?:both |the )?(?:famil(?:y|ies)|sides?) (?:trace|traces|go|goes|come"
                      r"|comes) back to [\w\s',-]{1,60}"
                      # "of Scottish and Nigerian background" split at "and": "of scottish"
                      r"|of [a-z]+(?:an|ese|ish|i)"
                      # a growth centile in the normal range: "is on the 50th centile"
                      r"|(?:(?:is|are|was|were|remains|stays) )?(?:on|at|around|near|between)"
                      r" the (?:[5-9]|[1-8][0-9]|9[0-5])(?:st|nd|rd|th)(?:(?:-| and | to )"
                      r"(?:[5-9]|[1-8][0-9]|9[0-5])(?:st|nd|rd|th))? (?:centiles?|percentiles?)"
                      # an age in words: "who is seven", "aged three and a half"
                      rf"|(?:(?:who|which) (?:is|was|are|were) (?:now |just )?)?(?:aged? )?"
                      rf"(?:{_NUMBER_WORD}|[0-9]+)(?: and a half)?"
                      r"(?: (?:years?|months?|weeks?)(?: old)?)?"
                      r"|(?:originally |both )?(?:from|born in) [a-z -]{1,30})")


#: the result of a relative's test told as a clause of its own: "had an echo | and it was normal"
_TEST_RESULT = re.compile(r"[\s,]*(?:(?:because of|due to|after|following) [a-z\s]{1,30}?\s)?"
                          r"(?P<result>(?:(?:and|but)?\s*(?:it|they|both(?: of them)?|all"
                          r"|everything"
                          # "her calcium is normal", "his heart rhythm was fine"
                          r"|(?:his|her|their)\s(?!(?:husband|wife|partner|sons?|daughters?|children"
                          r"|kids|mother|father|mum|dad|brothers?|sisters?|boys?|girls?|baby)\b)"
                          r"[a-z]+(?:\s[a-z]+)?)"
                          r"(?:\s(?:was|were|is|are|came back)|'s|'re)"
                          # ... or the tested relative's own: "was tested | and is normal"
                          r"|(?:and|but)\s(?:is|was|are|were|came back))"
                          r"\s(?:\w+\s)?(?:normal|clear|fine|negative|unremarkable|healthy|well)"
                          r"(?=[\s.,;]|$))")


def test_result(p: ParsedSentence, clause: Clause) -> tuple[int, int] | None:
    """The view span of "and it was normal" opening *clause*, or None: the result of the
    test the clause before it names ("My brother had an echo and it was normal")."""
    m = _TEST_RESULT.match(p.view.text, clause.start, clause.end)
    return None if m is None else (m.start("result"), m.end())
