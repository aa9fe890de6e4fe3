"""Sentence/section segmentation and the ConText-style context of concept matches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from osteodx.text.concepts import ConceptMatch, ConceptRecognizer
from osteodx.text.context import ContextMatch, analyse
from osteodx.text.regions import find_family_statements, find_region_statements
from osteodx.text.sentences import find_sections, sentence_at, split_sentences

REPORT = Path(__file__).resolve().parents[3] / "shared" / "seed" / (
    "osteomesopyknosis-case-report.txt")


def at(text: str, phrase: str, nth: int = 0) -> ConceptMatch:
    """A match for the ``nth`` occurrence of ``phrase`` (context needs only the span)."""
    starts = [m.start() for m in re.finditer(re.escape(phrase), text)]
    start = starts[nth]
    return ConceptMatch("HP:0000000", start, start + len(phrase), phrase, phrase)


def ctx(text: str, *phrases: str) -> dict[str, ContextMatch]:
    out = analyse(text, [at(text, p) for p in phrases])
    return {c.match.text: c for c in out}


# -- sentences and sections ------------------------------------------------------------


def test_sentences_survive_abbreviations_numbers_and_citations() -> None:
    text = ("Bands of sclerosis were seen (Fig. 1). Simon et al.[1] reported it in 1979. "
            "Markers, e.g. osteocalcin, were normal. 25-OH-D was 7.2 ng/mL and PTH 31.7 pg/mL. "
            "It causes no deformity.[3,4] There are no abnormal findings. "
            "Simon et al. The end? Yes.")
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "Bands of sclerosis were seen (Fig. 1).",
        "Simon et al.[1] reported it in 1979.",
        "Markers, e.g. osteocalcin, were normal.",
        "25-OH-D was 7.2 ng/mL and PTH 31.7 pg/mL.",
        "It causes no deformity.[3,4]",
        "There are no abnormal findings.",
        "Simon et al.",
        "The end?",
        "Yes.",
    ]
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


def test_line_wrapped_and_page_broken_text_stays_one_sentence() -> None:
    text = ("Back mobility was normal and ky-\nphoscoliosis was not observed. Rugger-jer-\n\n"
            "sey spine was seen.\n\nA new paragraph starts here\n\n- a bullet\n- another")
    got = [s.text for s in split_sentences(text)]
    assert got == ["Back mobility was normal and ky-\nphoscoliosis was not observed.",
                   "Rugger-jer-\n\nsey spine was seen.", "A new paragraph starts here",
                   "- a bullet", "- another"]


def test_sections_headings_and_captions() -> None:
    text = ("Osteopetrosis is rare.\n INTRODUCTION \nIt is a rare disease.\n\n"
            "Case presentation: A girl had back pain. On bone scan image (Fig. 3),\n\n"
            "Fig. 1. Radiograph of spine showing bands of \nsclerosis.\n"
            " there was increased uptake.\n\n2. DISCUSSION\nADO is rare.\n"
            "CONCLUSION\nIt is benign.\nReferences\n1. Simon D. Osteomesopyknosis.\n")
    names = [s.name for s in find_sections(text)]
    assert names == ["front", "introduction", "case", "caption", "case", "discussion",
                     "conclusion", "references"]
    by_text = {s.text: s.section for s in split_sentences(text)}
    assert by_text["A girl had back pain."] == "case"
    assert by_text["Radiograph of spine showing bands of \nsclerosis."] == "caption"
    assert by_text["there was increased uptake."] == "case"  # resumes after the caption
    assert by_text["On bone scan image (Fig. 3),"] == "case"
    assert by_text["ADO is rare."] == "discussion"
    assert by_text["It is benign."] == "conclusion"
    assert "INTRODUCTION" not in " ".join(by_text)  # headings are not sentences
    sentences = split_sentences(text)
    i = sentence_at(sentences, text.index("back pain"))
    assert i is not None and sentences[i].text == "A girl had back pain."
    assert sentence_at(sentences, text.index("INTRODUCTION")) is None


def test_a_sentence_starting_with_discussion_is_not_a_heading() -> None:
    text = "CASE\nA boy.\nDiscussion with the parents was held.\nResults of the scan were normal."
    assert [s.section for s in split_sentences(text)] == ["case", "case", "case"]


# -- negation --------------------------------------------------------------------------


def test_pre_negation_covers_a_coordination() -> None:
    c = ctx("There was no tenderness, redness and heatness on her back.",
            "tenderness", "redness", "heatness")
    assert all(m.negated for m in c.values())
    assert c["redness"].negation_cue == "There was no"


def test_negation_stops_at_terminators_and_new_clauses() -> None:
    c = ctx("She had no fever but had back pain.", "fever", "back pain")
    assert c["fever"].negated and not c["back pain"].negated
    c = ctx("In our case, there was no abnormality in skull X-ray and no symptom except back "
            "pain.", "abnormality in skull", "back pain")
    assert c["abnormality in skull"].negated and not c["back pain"].negated
    c = ctx("There was no evidence of increased bone turnover and only an axial skeleton "
            "involvement was shown.", "increased bone turnover", "axial skeleton involvement")
    assert c["increased bone turnover"].negated
    assert not c["axial skeleton involvement"].negated


def test_post_negation() -> None:
    c = ctx("Bone ALP, osteocalcin and C-terminal telo-\npeptides were normal.",
            "Bone ALP", "osteocalcin", "C-terminal telo-\npeptides")
    assert all(m.negated and m.negation_cue == "were normal" for m in c.values())
    c = ctx("Back mobility was normal and ky-\nphoscoliosis was not observed.",
            "Back mobility", "ky-\nphoscoliosis")
    assert c["ky-\nphoscoliosis"].negation_cue == "was not observed"
    assert c["Back mobility"].negation_cue == "was normal"
    c = ctx("No deformity, fracture or scoliosis were noted. Scoliosis was absent. "
            "She denied bone pain. Skull unremarkable.", "deformity", "fracture", "or scoliosis",
            "Scoliosis", "bone pain", "Skull")
    assert all(m.negated for m in c.values())


def test_no_history_of_is_negated_and_historical() -> None:
    c = ctx("She had a normal stature and no history of fractures.", "fractures")
    assert c["fractures"].negated and c["fractures"].historical
    assert c["fractures"].status == "excluded"


def test_normal_before_a_phrase_reaches_only_that_phrase() -> None:
    c = ctx("Our patient had normal bone specific ALP level and only axial skeletal sclerosis.",
            "bone specific ALP", "axial skeletal sclerosis")
    assert c["bone specific ALP"].negated and not c["axial skeletal sclerosis"].negated


def test_pseudo_negations_do_not_negate() -> None:
    c = ctx("Hypocalcemia, calcium 7.0 mg/dL (normal range 9 to 11 mg/dL), was found. "
            "Not only scoliosis but kyphosis was seen.", "Hypocalcemia", "scoliosis", "kyphosis")
    assert not any(m.negated for m in c.values())


def test_a_cue_inside_the_concept_is_ignored() -> None:
    assert not ctx("Absent radius was noted.", "Absent radius")["Absent radius"].negated


# -- uncertainty and history -----------------------------------------------------------


def test_uncertainty_is_a_hedged_positive() -> None:
    c = ctx("There was suspiciously increased uptake in vertebra. A fracture could not be \n"
            "excluded. Possible scoliosis.", "increased uptake", "fracture", "scoliosis")
    for m in c.values():
        assert m.uncertain and not m.negated and m.status == "observed"
    assert c["fracture"].uncertainty_cue == "could not be excluded"
    assert c["increased uptake"].uncertainty_cue == "suspiciously"


def test_history() -> None:
    c = ctx("A girl visited due to a history of back pain. She previously had fractures. "
            "She has scoliosis.", "back pain", "fractures", "scoliosis")
    assert c["back pain"].historical and c["back pain"].historical_cue == "history of"
    assert c["fractures"].historical and not c["scoliosis"].historical
    assert c["back pain"].about_patient  # history is still the patient's


# -- experiencer -----------------------------------------------------------------------


def test_experiencer_relatives() -> None:
    text = ("Her mother did not have osteosclerotic lesion in spine radiograph. Her sister had "
            "short stature. Similar sclerosis was found in her brother. Her siblings had "
            "fractures. Her father was 150 cm tall and had scoliosis. The patient's mother had "
            "kyphosis. There was a family history of deafness. Both parents had hearing loss.")
    c = ctx(text, "osteosclerotic lesion", "short stature", "sclerosis", "fractures",
            "scoliosis", "kyphosis", "deafness", "hearing loss")
    assert c["osteosclerotic lesion"].experiencer == "mother"
    assert c["osteosclerotic lesion"].negated
    assert c["short stature"].experiencer == "sister"
    assert c["sclerosis"].experiencer == "brother"
    assert c["fractures"].experiencer == "sibling"
    assert c["scoliosis"].experiencer == "father"  # "... and had scoliosis": same subject
    assert c["kyphosis"].experiencer == "mother"
    assert c["deafness"].experiencer == "family members"
    assert c["hearing loss"].experiencer == "parents"
    assert not any(m.about_patient for m in c.values())


def test_experiencer_stays_the_patient_when_she_is_the_subject() -> None:
    c = ctx("Unlike her mother, she had fractures. She was born to healthy parents with "
            "scoliosis. The girl had back pain.", "fractures", "scoliosis", "back pain")
    assert c["fractures"].experiencer == "patient"
    assert c["back pain"].experiencer == "patient"


def test_experiencer_other_patients() -> None:
    c = ctx("The authors reported one patient with scoliosis.", "scoliosis")
    assert c["scoliosis"].experiencer == "other"
    assert c["scoliosis"].experiencer_cue == "The authors reported"


# -- generic and hypothetical statements -----------------------------------------------


def test_disease_feature_lists_are_generic() -> None:
    text = ("DISCUSSION\nClinically, bone pain, re-\ncurrent fractures, back pain, and "
            "degenerative arthritis can be presented in ADO. Cranial nerve compression is "
            "common in type I ADO. Type I ADO shows an enlarged skull.")
    c = ctx(text, "bone pain", "re-\ncurrent fractures", "back pain", "arthritis",
            "Cranial nerve compression", "enlarged skull")
    assert all(m.hypothetical and m.generic and not m.about_patient for m in c.values())
    assert c["arthritis"].hypothetical_cue == "can be presented"
    assert c["enlarged skull"].hypothetical_cue == "(discussion section)"


def test_generic_cues_outside_the_discussion() -> None:
    c = ctx("CASE\nOsteomesopyknosis is characterized by axial osteosclerosis. A girl had "
            "axial sclerosis.", "axial osteosclerosis", "axial sclerosis")
    assert c["axial osteosclerosis"].hypothetical
    assert not c["axial sclerosis"].hypothetical


def test_naming_the_patient_keeps_a_discussion_sentence_hers() -> None:
    text = ("DISCUSSION\nRugger-jersey spine, the major finding in our case, can be seen in "
            "osteopetrosis. Our patient had axial sclerosis. This patient had vitamin D "
            "deficiency. Although the patient had hyperthyroidism, thyrotoxicosis is known to "
            "relate with osteoporosis.")
    c = ctx(text, "Rugger-jersey spine", "osteopetrosis", "axial sclerosis",
            "vitamin D deficiency", "hyperthyroidism", "osteoporosis")
    for mine in ("Rugger-jersey spine", "axial sclerosis", "vitamin D deficiency",
                 "hyperthyroidism"):
        assert c[mine].about_patient, mine
    assert c["osteopetrosis"].hypothetical and c["osteoporosis"].hypothetical


def test_conditionals_are_hypothetical_even_when_anchored() -> None:
    c = ctx("If she develops fractures, a bone scan will be done. If multiple patchy areas are "
            "shown, metastasis should be considered.", "fractures", "patchy areas", "metastasis")
    assert all(m.hypothetical for m in c.values())
    assert c["fractures"].hypothetical_cue == "If"


def test_analyse_keeps_order_and_handles_matches_outside_sentences() -> None:
    text = "CASE\nShe had scoliosis."
    matches = [at(text, "scoliosis"), at(text, "CASE")]
    out = analyse(text, matches)
    assert [c.match for c in out] == matches
    assert out[1].section == "front" and not out[1].negated
    assert out[0].sentence == (5, 23) and out[0].section == "case"


# -- speed -------------------------------------------------------------------------------

_PARAGRAPH = (
    "There was no tenderness, redness and heatness on her back. Back mobility was normal and "
    "kyphoscoliosis was not observed. Her mother did not have osteosclerotic lesion in spine "
    "radiograph. Skull X-ray did not show any abnormality (Fig. 2). Both rib series were "
    "normal. Clinically, bone pain, recurrent fractures, back pain, and degenerative arthritis "
    "can be presented in ADO. There was suspiciously increased uptake in vertebra.\n"
)


def test_a_long_report_is_read_whole() -> None:
    """Every match of a 10 kB text gets its context (speed: benchmarks/text_speed.py)."""
    text = "CASE\n" + _PARAGRAPH * (10_000 // len(_PARAGRAPH) + 1)
    words = ("tenderness", "redness", "kyphoscoliosis", "osteosclerotic lesion", "abnormality",
             "bone pain", "back pain", "increased uptake")
    matches = [ConceptMatch("HP:0000000", m.start(), m.end(), m.group(), m.group())
               for m in re.finditer("|".join(words), text)]
    out = analyse(text, matches)
    assert len(out) == len(matches) > 100
    assert sum(c.negated for c in out) > 50 and any(c.experiencer == "mother" for c in out)


# -- the reference case report -----------------------------------------------------------


@pytest.mark.skipif(not REPORT.exists(), reason="shared reference report not available")
def test_reference_report(real_kb) -> None:
    text = REPORT.read_text(encoding="utf-8")
    onto = real_kb.ontology
    rec = ConceptRecognizer((onto.ids[i], onto.labels[i], onto.synonyms[i])
                            for i in range(len(onto)))
    matches = rec.find(text)
    # phrases the dictionary does not (yet) recognise; context needs only their spans
    extra = [at(text, p, k) for p in ("tenderness", "redness", "Rugger-jersey vertebra",
                                      "pagetic changes", "impeded growth", "sclerotic \nchange")
             for k in range(text.count(p))]
    extra += [at(text, "fractures", 0), at(text, "sandwich \nvertebra")]
    out = analyse(text, matches + extra)
    case = [c for c in out if c.section == "case"]

    def in_case(phrase: str) -> list[ContextMatch]:
        found = [c for c in case if c.match.text.replace("-\n", "").replace("\n", "") == phrase]
        assert found, phrase
        return found

    for denied in ("kyphoscoliosis", "fractures", "tenderness", "redness"):
        assert all(c.negated and c.about_patient for c in in_case(denied)), denied
    for present in ("back pain", "Back pain", "Rugger-jersey vertebra", "sandwich vertebra",
                    "sclerotic change", "osteosclerosis"):
        assert all(not c.negated and c.about_patient for c in in_case(present)), present
    assert {c.match.hpo_id for c in in_case("kyphoscoliosis")} == {"HP:0002751"}

    sentence_of = {c.match.start: text[c.sentence[0] : c.sentence[1]] for c in out}
    ado = [c for c in out if "can \nbe presented in ADO" in sentence_of[c.match.start]]
    assert {c.match.hpo_id for c in ado} >= {"HP:0002653", "HP:0002757", "HP:0003418",
                                             "HP:0001369"}  # bone pain, fractures, back pain
    paget = [c for c in out if "Paget’s disease of bone" in sentence_of[c.match.start]]
    rickets = [c for c in out if c.match.hpo_id == "HP:0002748" or c.match.text in (
        "impeded growth",)]
    assert paget and rickets
    for c in ado + paget:
        assert c.section == "discussion" and c.hypothetical and not c.about_patient
    for c in rickets:  # generic, or denied for the patient: never her finding
        assert c.hypothetical or c.negated
    # in the Discussion, what is said of "our case" / "our patient" stays hers
    mine = [c for c in out if c.section == "discussion" and c.about_patient and not c.negated]
    assert {c.match.hpo_id for c in mine} >= {"HP:0003418", "HP:0100512", "HP:0000836"}

    regions = find_region_statements(text)
    normal = {s.key for s in regions if s.normal}
    assert {"skull", "ribs", "long_bones"} <= normal
    assert "spine" not in normal and "pelvis" not in normal
    assert {"spine", "pelvis"} <= {s.key for s in regions if not s.normal}

    family = find_family_statements(text)
    assert [(f.relation, f.affected) for f in family if f.relation == "mother"] == [
        ("mother", False)]
    assert {(f.relation, f.affected, f.note) for f in family} >= {
        ("father", None, "no such relative"), ("sister", None, "no such relative"),
        ("brother", None, "no such relative")}


def test_absent_before_a_noun_is_that_nouns_finding() -> None:
    c = ctx("Ears short and wide with absent lobules. Reflexes were absent.",
            "Ears short", "Reflexes")
    assert not c["Ears short"].negated
    assert c["Reflexes"].negated


def test_later_and_also_end_a_negation() -> None:
    c = ctx("Seizures first with fever, later without fever, falling suddenly and also "
            "short staring episodes.", "fever", "staring episodes")
    assert not c["fever"].negated and not c["staring episodes"].negated


def test_nobody_in_the_family_is_not_the_patient() -> None:
    c = ctx("Nobody else in the family has learning difficulties.", "learning difficulties")
    assert c["learning difficulties"].experiencer == "family members"


def test_a_family_history_heading_line_speaks_of_the_relatives() -> None:
    c = ctx("Family history: hypertension.\nExamination: short stature.", "hypertension",
            "short stature")
    assert c["hypertension"].experiencer == "family members"
    assert c["short stature"].experiencer == "patient"


def test_a_heading_naming_a_relative_carries_over_its_colon() -> None:
    c = ctx("- Paternal grandmother: died after surgery for a malignant tumour.", "tumour")
    assert c["tumour"].experiencer == "grandmother"


def test_page_furniture_is_blanked_but_not_words_that_contain_doi() -> None:
    from osteodx.text.sentences import blank_running_heads

    text = ("She falls asleep whatever she is doing, and she\nis troubled by cataracts\n"
            "Case Rep Genet. 2020; doi:10.1155/2020/1\n")
    out = blank_running_heads(text)
    assert "doing" in out and "cataracts" in out and "doi:" not in out
    assert len(out) == len(text)


def test_a_semiquantitative_result_stops_a_later_negative() -> None:
    c = ctx("Urine glucose   3+   Negative", "Urine glucose")
    assert not c["Urine glucose"].negated
    c = ctx("Urine glucose was negative.", "Urine glucose")
    assert c["Urine glucose"].negated


def test_a_verbless_clause_continues_the_relative() -> None:
    c = ctx("A boy with learning difficulties. Mother is a carrier; no learning difficulties.",
            "learning difficulties")
    assert c["learning difficulties"].experiencer == "patient"
    text = "Mother is a carrier; no learning difficulties."
    out = analyse(text, [at(text, "learning difficulties")])
    assert out[0].experiencer == "mother"


def test_surveillance_is_watching_for_a_finding_not_having_it() -> None:
    c = ctx("Abdominal ultrasound every 3 months for tumor surveillance.", "tumor")
    assert c["tumor"].hypothetical
    c = ctx("A renal tumour was found on surveillance.", "renal tumour")
    assert not c["renal tumour"].hypothetical


def test_a_query_mark_hedges_like_possible() -> None:
    c = ctx("Imp: ?sialadenitis. Known scoliosis.", "sialadenitis", "scoliosis")
    assert c["sialadenitis"].uncertain and not c["scoliosis"].uncertain


def test_past_led_to_is_narrative_present_leads_to_is_generic() -> None:
    past = ctx("Joint stiffness and hepatosplenomegaly led to a diagnosis.", "hepatosplenomegaly")
    assert past["hepatosplenomegaly"].about_patient
    generic = ctx("Hepatosplenomegaly leads to early satiety.", "Hepatosplenomegaly")
    assert not generic["Hepatosplenomegaly"].about_patient


def test_a_relative_who_noticed_is_the_informant() -> None:
    got = ctx("On day 3 her mother noticed blisters on both legs.", "blisters")
    assert got["blisters"].about_patient
    own = ctx("Her mother has blisters on both legs.", "blisters")
    assert own["blisters"].experiencer == "mother"
