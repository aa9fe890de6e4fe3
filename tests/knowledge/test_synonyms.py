"""The curated synonym file: every entry sourced, current and named as HPO names it."""

from __future__ import annotations

from osteodx.knowledge import load_yaml
from osteodx.text import vocabulary


def _data() -> dict:
    return load_yaml(vocabulary._synonyms_text())


def test_every_term_and_block_is_sourced_and_current(real_kb) -> None:
    data = _data()
    onto = real_kb.ontology
    for term in data["terms"]:
        assert term["source"] in data["sources"], term
        res = onto.resolve(term["hpo_id"])
        assert res.hpo_id == term["hpo_id"], f"{term['hpo_id']} is not current"
        assert onto.label(term["hpo_id"]) == term["label"], term["hpo_id"]
        assert term["synonyms"] and all(s.strip() == s and s for s in term["synonyms"])
    for block in data["blocked_text"]:
        assert onto.resolve(block["hpo_id"]).hpo_id == block["hpo_id"] and block["reason"]
    for block in data["blocked"]:
        i = onto.index[block["hpo_id"]]
        assert block["synonym"].lower() in {s.lower() for s, _ in onto.synonyms[i]}, block
        assert block["reason"]


def test_blocked_synonym_is_left_out_and_extra_ones_merge(real_kb) -> None:
    vocab = {hid: (label, syns) for hid, label, syns in vocabulary.vocabulary(real_kb)}
    assert "Collecting" not in {s for s, _ in vocab["HP:0030212"][1]}
    extra = vocabulary.extra_synonyms()
    # two entries for one id would have overwritten each other before they were merged
    ids = [t["hpo_id"] for t in _data()["terms"]]
    for hid in ids:
        assert {s for s, _ in vocab[hid][1]} >= set(extra[hid])


def test_recogniser_reports_the_general_term_inside_a_specific_one(real_kb) -> None:
    rec = vocabulary.recognizer_for(real_kb)
    ids = {m.hpo_id for m in rec.find("She had ulcerative colitis and a collecting system.")}
    assert {"HP:0100279", "HP:0002583"} <= ids  # Ulcerative colitis, Colitis
    assert "HP:0030212" not in ids  # Collectionism


def test_a_named_syndrome_is_not_read_as_a_finding(real_kb) -> None:
    rec = vocabulary.recognizer_for(real_kb)
    ids = {m.hpo_id for m in rec.find("Crouzon syndrome and Treacher Collins syndrome differ.")}
    assert not ids & {"HP:0004439", "HP:0005321"}
    ids = {m.hpo_id for m in rec.find("craniofacial dysostosis and auditory manifestations")}
    assert {"HP:0004439", "HP:0000364"} <= ids  # the findings themselves still match
