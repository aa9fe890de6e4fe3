"""A lab name's matching key: the ASCII shortcut gives what the general path gives."""

from __future__ import annotations

import random
import string
import unicodedata

from osteodx.labs.catalogue import load_catalogue
from osteodx.labs.models import _GREEK, name_key


def _general(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(_GREEK.get(c, c) for c in text).casefold()
    return "".join(c for c in text if c.isalnum() or c == "+")


def test_ascii_names_key_as_the_general_path_does():
    cat = load_catalogue()
    names = [n for a in cat.analytes for n in (a.label, a.display, *a.names)]
    names += [n for p in cat.panels for n in (p.label, *p.names)]
    rng = random.Random(14)
    names += ["".join(rng.choice(string.printable) for _ in range(24)) for _ in range(5_000)]
    assert len(names) > 5_000
    assert [name_key.__wrapped__(n) for n in names] == [_general(n) for n in names]


def test_non_ascii_names_take_the_general_path():
    assert name_key("β-CrossLaps") == "betacrosslaps"
    assert name_key("25-OH Vitamin D₃") == "25ohvitamind3"
