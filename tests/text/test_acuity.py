"""Visual acuity readings judged against WHO's threshold (worse than 6/12 is impaired)."""

from __future__ import annotations

import pytest

from osteodx.text.acuity import find_visual_acuity


@pytest.mark.parametrize("text, expected", [
    ("Visual acuity 6/36 right and 6/60 left.", [False]),
    ("VA 6/6 both eyes.", [True]),
    ("Vision 20/200 OU.", [False]),
    ("BCVA 6/9 R, 6/12 L.", [True]),           # 6/12 itself is not impaired
    ("BCVA 6/9 R, 6/18 L.", [False]),          # one eye is enough
    ("Seen on 6/12/2019. Vision normal.", []),  # a date, not an acuity
    ("His mother's visual acuity is 6/60.", []),
    ("Corrected acuity 6/7.5 in both eyes.", [True]),
    ("Visus (best corrected): OD 0,05; OS 0,1.", [False]),   # decimal acuity, decimal commas
    ("Visus OD 10/10, OS 9/10.", [True]),                     # tenths
    ("Visual acuity: OD: 1.0, OS: 0.8.", [True]),
    ("Vision 3/4 of normal.", []),
])
def test_reduced_visual_acuity_observed_or_excluded(text, expected):
    assert [a.excluded for a in find_visual_acuity(text)] == expected
    assert all(a.hpo_id == "HP:0007663" for a in find_visual_acuity(text))
