"""What text round 44 (held out) exposed: a voicemail transcribed without punctuation, a
Lahore genetics letter naming the family by first names, and negation that ran past a new
verb."""

from __future__ import annotations

import pytest

from osteodx.text.extract import extract_text
from osteodx.text.sentences import split_sentences

VOICEMAIL = (
    "hi um hello it's Gulay Demir Elif Demir's mum we've got the appointment with Dr Patel on "
    "Thursday and I just wanted to tell you some things so um Elif's had another fever last "
    "night and she doesn't sweat she never sweats not even in the summer so we have to put her "
    "in a cool bath and it's not hurting her because nothing hurts her you know she doesn't "
    "feel pain at all um she's nine and a half now no fits or anything like that and her "
    "hearing's fine they checked it um and my husband Emre wanted me to ask about testing "
    "Kerem her little brother and me and Emre are second cousins I told Dr Patel that thank "
    "you bye")


def _read(text: str, kb):
    r = extract_text(text, kb, case_id="c")
    return ({f.label: f.status for f in r.case.findings},
            {(f["relation"], f["affected"]) for f in r.family})


def test_a_transcript_without_full_stops_is_cut_where_speech_starts_anew():
    pieces = [s.text for s in split_sentences(VOICEMAIL)]
    assert len(pieces) > 8
    assert any(p.startswith("and her hearing's fine") for p in pieces)


def test_a_parent_s_voicemail_is_about_the_child(real_kb):
    found, family = _read(VOICEMAIL, real_kb)
    assert found["Anhidrosis"] == "observed"
    assert found["Pain insensitivity"] == "observed"
    assert found["Hearing impairment"] == "excluded"
    assert "Pain" not in found
    # the caller introducing herself is no affected mother; her husband's kinship is the
    # parents'
    assert ("mother", True) not in family
    assert ("parents", None) in family


@pytest.mark.parametrize(("text", "names"), [
    ("Hamza was seen with his parents, Imran (31, shopkeeper) and Sadia (26, housewife). "
     "Imran's sister Nazia has a son. Hamza's elder sister Ayesha, 6, is healthy.",
     {"imran": "parent", "sadia": "parent", "nazia": "aunt", "ayesha": "sister"}),
    ("His father, Imran, is well. Imran's sister Nazia is deaf.",
     {"imran": "father", "nazia": "paternal aunt"}),
    # the owner is no known relative: the patient ("Amira's mother, Leila")
    ("Amira's mother, Leila (34), has a large head.", {"leila": "mother"}),
])
def test_a_relative_named_through_another(text, names):
    from osteodx.text.named_relatives import relative_names

    assert relative_names(text) == names


def test_a_named_family_history(real_kb):
    _, family = _read(
        "Hamza, 3, has microcephaly. He was seen with his parents, Imran (31, shopkeeper) and "
        "Sadia (26, housewife). Family history: Imran's sister Nazia has a son, Bilal, 9, who "
        "is \"very small with a small head\". Sadia's father had a younger brother who \"never "
        "grew, had a bird face\" and died aged 12. Both parents are of normal height and head "
        "size.", real_kb)
    assert family == {("cousin", True), ("great-uncle", True), ("parents", False)}


@pytest.mark.parametrize(("text", "status"), [
    ("He never sat unsupported, had seizures from 2 months.", "observed"),
    ("No fever, had seizures.", "observed"),
    ("He has no fever, cough or seizures.", "excluded"),
])
def test_a_verb_after_a_comma_ends_a_negation(real_kb, text, status):
    found, _ = _read(text, real_kb)
    assert found["Seizure"] == status
