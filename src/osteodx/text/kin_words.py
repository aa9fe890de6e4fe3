"""The words for each relative that the family-history cues look for ("mum", "Grandad",
"Auntie", Welsh "Nain", Spanish "Tía", a notes' "PGM"), as regular expressions.

:mod:`osteodx.text.cues` turns each into a relation cue.
"""

from __future__ import annotations

__all__ = ["RELATIVE_WORDS"]

#: relation -> the words that name it (lower case, matched case-insensitively)
RELATIVE_WORDS: dict[str, str] = {
    "mother": r"mothers?|mom|mum|mummy|mommy|mam|mammy|mama|mamma",
    "father": r"fathers?|dad|daddy|papa|(?:(?<=my )|(?<=our )|(?<=his )|(?<=her )"
              r"|(?<=their ))da(?=\W)", "sister": r"sisters?",  # Irish, Scots "their da"
    # notes' "bro booked", not a chat's "dont roast me bro", "thanks bro"
    "brother": r"brothers?|(?<!me )(?<!thanks )(?<!thx )(?<!cheers )(?<!ty )bro",
    "sibling": r"siblings?|sibs?"
    # the parents' child: "her parents lost their first child" (not "the child" herself)
    r"|(?<=their )(?:first|second|third|eldest|oldest|elder|older|youngest|younger"
    r"|previous|other|late) (?:child|baby)", "parents": r"parents?",
    # "my sister's little boy": a relative's child named as a boy or a girl
    "son": r"sons?|(?<='s )(?:little |baby |eldest |youngest |oldest )?(?:boys?|lads?)",
    "daughter": r"daughters?|(?<='s )(?:little |baby |eldest |youngest |oldest )?(?:girls?|lass)",
    # the everyday words: "my grandma", "my Grandad Emlyn", "Auntie Glenys", Welsh "Nain"
    # ... and a Spanish-speaking family's: "Abuelo Chuy", "Tía Lupe (Dad's sister)"
    "grandmother": r"grandmothers?|grandmas?|grannies|granny|nans?|nanas?|nannas?|nain|abuelas?",
    "grandfather": r"grandfathers?|grandads?|granddads?|grandpas?|grandas?|taid|abuelos?",
    "grandparents": r"grandparents?", "great-uncle": r"great[- ]uncles?",
    "great-aunt": r"great[- ]aunt(?:ie|y)?s?",
    "great-grandmother": r"great[- ]grand(?:mothers?|ma)",
    "great-grandfather": r"great[- ]grand(?:fathers?|pa|dad)",
    "aunt": r"aunts?|aunties?|aunty|t[ií]as?", "uncle": r"uncles?|t[ií]os?",
    "cousin": r"cousins?", "twin": r"twins?",
    # a family-history line's grandparents: "PGM - very low uric acid", "MGF: gout"
    "paternal grandmother": r"pgm", "maternal grandmother": r"mgm",
    "paternal grandfather": r"pgf", "maternal grandfather": r"mgf",
    # (not the adjective: "a relative macrocephaly", "relative hypoglycaemia")
    "family members": r"family members?|relative(?! to\b)(?! afferent\b)(?!\s+(?:macro|micro"
                      r"|hyper|hypo|\w+(?:ia|ly|osis|emia|aemia|ency|ance)\b))|relatives"
                      r"|family history|family hx"
                      r"|fhx|kindred"
                      # "no other history of X in the three-generation pedigree"
                      r"|(?<=in )(?:the |this |her |his |their )?"
                      r"(?:(?:two|three|four|[2-5])-generation )?pedigree"
                      r"|(?:her|his|their|the patient's|the proband's) family"
                      # not "his family doctor", "their family home"
                      r"(?! (?:doctor|physician|practitioner|gp|practice|medicine|home|house|car"
                      r"|dog|pet|holiday|friend))"
                      # "no skeletal dysplasia on the maternal side (of the family)"
                      r"|(?:(?<=on the )|(?<=on her )|(?<=on his )|(?<=on their ))"
                      r"(?:maternal|paternal) side"
                      r"(?: of (?:the|her|his|their) family)?"
                      # "Nobody else in the family has ...": the subject is the family
                      r"|(?:nobody|no ?one|none|anyone|someone|everyone)(?: else)? (?:in|within"
                      r"|among) (?:the|this|her|his|their|our) (?:family|kindred)"
                      # "nobody on that side has any eye problems": that side of the family
                      r"|(?:nobody|no ?one|anyone|someone|everyone)(?: else)? on (?:that|this"
                      r"|the other|either|both|his|her|their|our|my) sides?",
}
