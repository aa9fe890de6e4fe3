from __future__ import annotations

import pytest

from osteodx.diseases.frequency import parse_frequency
from osteodx.diseases.sources import specs_from_hpoa
from osteodx.errors import KnowledgeBaseError


@pytest.mark.parametrize("text,value", [("HP:0040280", 1.0), ("HP:0040284", 0.025),
                                        ("1/4", 0.25), ("0/3", 0.0), ("50%", 0.5),
                                        ("12.5%", 0.125), ("", None)])
def test_frequencies(text, value):
    assert parse_frequency(text) == value


@pytest.mark.parametrize("bad", ["5/4", "1/0", "often", "150%"])
def test_bad_frequencies(bad):
    with pytest.raises(ValueError):
        parse_frequency(bad)


def test_toy_hpoa(toy_dir):
    specs = specs_from_hpoa(toy_dir / "phenotype.hpoa")
    spine = specs["OMIM:100001"]
    assert {a.hpo_id for a in spine.annotations if a.negated} == {"HP:0000014"}
    assert spine.inheritance == {"HP:0000006"}
    assert specs["OMIM:100002"].onsets == {"HP:0003581"}


def test_bad_hpoa_frequency_names_file_and_line(tmp_path, toy_dir):
    bad = tmp_path / "phenotype.hpoa"
    bad.write_text((toy_dir / "phenotype.hpoa").read_text() +
                   "OMIM:1\tX\t\tHP:0000021\tPMID:1\tPCS\t\tsometimes\t\t\tP\tHPO:t\n")
    with pytest.raises(KnowledgeBaseError, match=r"phenotype.hpoa: line \d+: not a frequency"):
        specs_from_hpoa(bad)
