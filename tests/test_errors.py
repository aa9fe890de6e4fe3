"""The errors osteodx reports: one line, and the same line after crossing processes."""

from __future__ import annotations

import pickle

from osteodx.errors import InputError


def test_an_input_error_survives_pickling_whole():
    err = InputError("bad id", source="case.json", field="phenotypicFeatures[0].type.id",
                     value="HP:12")
    back = pickle.loads(pickle.dumps(err))
    assert isinstance(back, InputError) and str(back) == str(err)
    assert (back.message, back.source, back.field, back.value) == (
        "bad id", "case.json", "phenotypicFeatures[0].type.id", "HP:12")
