"""A mode of inheritance read from this family's pedigree, and not from a sentence about a
disease in general."""

import pytest

from osteodx.text.inheritance import find_stated_inheritance


@pytest.mark.parametrize(("text", "labels"), [
    ("The pedigree is consistent with autosomal dominant inheritance.",
     ["Autosomal dominant inheritance"]),
    ("X-linked inheritance was suspected because two maternal uncles were affected.",
     ["X-linked inheritance"]),
    ("The family history suggested an X-linked recessive pattern.",
     ["X-linked recessive inheritance"]),
    ("In this kindred the disorder segregated as an autosomal recessive trait.",
     ["Autosomal recessive inheritance"]),
    ("Family history: mother and grandmother affected, AD inheritance.",
     ["Autosomal dominant inheritance"]),
    ("The condition appears to be dominantly inherited in this family.",
     ["Autosomal dominant inheritance"]),
    ("Maternal inheritance was suggested by the pedigree.", ["Mitochondrial inheritance"]),
    # about a disease, not this family; negated; a literature discussion
    ("Osteopetrosis is inherited in an autosomal dominant manner.", []),
    ("There was no clear pattern of autosomal dominant inheritance in the family.", []),
    ("Discussion\nX-linked inheritance means that mothers transmit the disease to sons.", []),
    ("The family had an ad inheritance form to fill in.", []),  # "ad" is not "AD"
])
def test_stated_modes(text: str, labels: list[str]) -> None:
    assert [s.label for s in find_stated_inheritance(text)] == labels


def test_the_span_is_the_statement() -> None:
    text = "A boy. The pedigree shows autosomal recessive inheritance."
    (s,) = find_stated_inheritance(text)
    assert text[s.start:s.end] == "autosomal recessive inheritance"
