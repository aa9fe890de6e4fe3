"""read_any on stdin text and the warnings diagnose adds to a case."""

from __future__ import annotations

import json

import pytest

from osteodx.api import NO_OBSERVED_FINDING, diagnose, read_any
from osteodx.errors import InputError
from tests.conftest import phenopacket

BROKEN_YAML = ("id: x\nsubject: {sex: MALE}\nphenotypicFeatures:\n"
               "  - type: {id: HP:0000013, label: Sclerosis\n"
               "  - type: {id: \"HP:0000021\", label: Seizure}\n")


def test_a_broken_yaml_phenopacket_on_stdin_fails_with_its_parse_error(toy_kb):
    with pytest.raises(InputError, match=r"<stdin>: not valid JSON or YAML \(line 5\)"):
        read_any("<stdin>", toy_kb, text=BROKEN_YAML)


def test_a_yaml_phenopacket_on_stdin_keeps_its_sex(toy_kb):
    case = read_any("<stdin>", toy_kb, text=BROKEN_YAML.replace("Sclerosis\n", "Sclerosis}\n"))
    assert case.sex == "MALE" and [f.source for f in case.findings] == [
        "phenotypicFeatures[0]", "phenotypicFeatures[1]"]


def test_binary_stdin_is_not_a_text_file(toy_kb):
    data = bytes(range(256)).decode("utf-8", "surrogateescape")
    with pytest.raises(InputError, match=r"<stdin>: not a text file \(UTF-8 expected\)"):
        read_any("<stdin>", toy_kb, text=data)


def test_several_phenopackets_on_stdin_say_give_them_as_files(toy_kb):
    lines = "\n".join(json.dumps(phenopacket([("HP:0000013", False)], pid=p)) for p in "ab")
    with pytest.raises(InputError, match="holds 2 JSON documents where one phenopacket was "
                                         "expected; read a stream with .*read_stream"):
        read_any("<stdin>", toy_kb, text=lines)


def test_read_stream_gives_each_phenopacket_and_each_failure_in_its_place(toy_kb):
    from osteodx.api import read_stream

    docs = [json.dumps(phenopacket([("HP:0000013", False)], pid=p)) for p in "ac"]
    got = read_stream(f'{docs[0]}\n{{"id": "b", "subj\n{docs[1]}\n', toy_kb)
    assert [g.case_id if not isinstance(g, InputError) else None for g in got] == ["a", None, "c"]
    assert [g.source for g in got if not isinstance(g, InputError)] == ["<stdin>#1", "<stdin>#3"]
    assert str(got[1]).startswith("<stdin>#2 (id \"b\"): not valid JSON (line 2, ")
    (report,) = read_stream("A boy with seizures: no fever.", toy_kb)
    assert not isinstance(report, InputError) and report.source == "<stdin>"


def test_a_case_of_excluded_findings_only_is_warned(toy_kb):
    doc = phenopacket([("HP:0000013", True), ("HP:0000021", True)])
    case = read_any("<stdin>", toy_kb, text=json.dumps(doc))
    diff = diagnose(case, toy_kb, workup=False)
    assert NO_OBSERVED_FINDING in diff.warnings
    assert NO_OBSERVED_FINDING == ("no observed finding: the ranking rests on the excluded "
                                   "findings and the pre-test probabilities alone")
    again = diagnose(case, toy_kb, workup=False)
    assert again.warnings.count(NO_OBSERVED_FINDING) == 1
    assert NO_OBSERVED_FINDING not in case.warnings  # the caller's Case is left as given
    doc = phenopacket([("HP:0000013", False), ("HP:0000021", True)])
    case = read_any("<stdin>", toy_kb, text=json.dumps(doc))
    assert NO_OBSERVED_FINDING not in diagnose(case, toy_kb, workup=False).warnings


def test_a_case_of_organ_systems_only_is_warned(real_kb):
    """"Abnormality of the nervous system" and "... of the skeletal system" separate
    diseases hardly at all: the ranking is then the model's breadth and prior."""
    def warned(features):
        case = read_any("<stdin>", real_kb, text=json.dumps(phenopacket(features)))
        return [w for w in diagnose(case, real_kb, workup=False, top=3).warnings
                if "organ system" in w]

    assert warned([("HP:0000707", False), ("HP:0000924", False)])
    assert warned([("HP:0000707", False), ("HP:0001250", True)])  # excluded: not counted
    assert not warned([("HP:0000707", False), ("HP:0001250", False)])  # a seizure informs


def test_inline_text_is_always_a_case_report(toy_kb):
    """--text is documented as a case report: even one that starts like JSON."""
    case = read_any("text", toy_kb, text='{"id": "x"} is how the note began; no seizures.')
    assert case.source == "text"
    assert all(f.source.startswith("text[") for f in case.findings)


def test_diagnose_leaves_the_given_case_as_it_was(real_kb):
    from pathlib import Path

    from osteodx.api import load_case

    case = load_case(Path(__file__).parent.parent / "examples" / "osteomesopyknosis.json",
                     real_kb)
    n, warnings = len(case.findings), list(case.warnings)
    first = diagnose(case, real_kb, top=3)
    assert (len(case.findings), case.warnings, case.labs) == (n, warnings, None)
    again = diagnose(case, real_kb, top=3)
    assert first.to_json() == again.to_json()
    bare = diagnose(case, real_kb, top=3, workup=False)
    fresh = diagnose(load_case(Path(__file__).parent.parent / "examples" /
                               "osteomesopyknosis.json", real_kb), real_kb, top=3, workup=False)
    assert bare.to_json() == fresh.to_json()


@pytest.mark.parametrize("bad, match", [
    ({"hpo_id": "HP:9999999"}, "not a term of this HPO release"),
    ({"hpo_id": "HP:0000006"}, "not to Phenotypic abnormality"),
    ({"status": "present"}, "status must be"),
])
def test_a_hand_built_case_is_checked_like_a_phenopacket(toy_kb, bad, match):
    from osteodx.case.model import Case, Finding

    f = Finding(**{"hpo_id": "HP:0000013", "label": "x", "status": "observed",
                   "source": "code", **bad})
    with pytest.raises(InputError, match=match):
        diagnose(Case("c", "c", findings=[f]), toy_kb, workup=False)
    with pytest.raises(InputError, match="sex"):
        diagnose(Case("c", "c", findings=[], sex="female"), toy_kb, workup=False)


def test_diagnose_says_what_it_takes(toy_kb):
    with pytest.raises(TypeError, match="case must be"):
        diagnose(5, toy_kb)
    with pytest.raises(TypeError, match="kb must be"):
        diagnose("x.json", "not a kb")
    diff = diagnose(phenopacket([("HP:0000013", False)]), toy_kb, workup=False)
    assert diff.to_dict()["case_id"] == "case-1"


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_phenopacket_saved_as_a_report_file_is_read_as_one(toy_kb, tmp_path, suffix):
    """It was mined for words as prose: sex and age lost, findings from its labels."""
    path = tmp_path / f"case{suffix}"
    path.write_text(json.dumps(phenopacket([("HP:0000013", False)], pid="p7", sex="MALE")))
    case = read_any(path, toy_kb)
    assert (case.case_id, case.sex) == ("p7", "MALE")
    assert case.warnings[0] == (f"case{suffix} holds a phenopacket; read as one (give it a "
                                ".json or .yaml suffix)")


def test_a_broken_phenopacket_in_a_txt_file_fails_saying_why_it_was_read_so(toy_kb, tmp_path):
    path = tmp_path / "case.txt"
    path.write_text('{"id": "x", "subject": {"sex": "MALE"')
    with pytest.raises(InputError, match=r"case.txt: not valid JSON \(line 1, .*this \.txt "
                                         "file tries to be a phenopacket"):
        read_any(path, toy_kb)


def test_a_report_file_stays_a_report(toy_kb, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("A 12-year-old boy with seizures. Sex: male.\n")
    case = read_any(path, toy_kb)
    assert case.case_id == "r" and not any("phenopacket" in w for w in case.warnings)


def test_an_error_among_several_names_the_documents_id_cut_short(toy_kb):
    """A place alone ("<stdin>#3") is hard to find in a long stream; a 5,000-character
    id is cut, and a long bad value is shown once, cut too."""
    from osteodx.api import read_stream

    good = json.dumps(phenopacket([("HP:0000013", False)], pid="a"))
    bad = phenopacket([("HP:" + "1" * 5000, False)], pid="P" * 5000)
    got = read_stream(good + "\n" + json.dumps(bad) + "\n", toy_kb)
    message = str(got[1])
    assert message.startswith('<stdin>#2 (id "' + "P" * 59 + '\u2026"): phenotypicFeatures[0]')
    assert len(message) < 300 and message.count("1" * 50) == 1


def test_a_yaml_document_among_several_is_named_by_its_id(toy_kb):
    from osteodx.api import read_stream

    text = "id: a\nsubject: {sex: MALE}\n---\nid: P7\nsubject: {sex: M}\n"
    assert str(read_stream(text, toy_kb)[1]).startswith('<stdin>#2 (id "P7"): subject.sex')
