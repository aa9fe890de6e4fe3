"""One statement about a relative, as :mod:`osteodx.text.family` reads it."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["CONSANG_NOTES", "FamilyStatement"]

#: the notes of a statement about the parents' kinship, not their health
CONSANG_NOTES = ("consanguineous", "not consanguineous", "possibly consanguineous")


class FamilyStatement(NamedTuple):
    """``relation`` is (``affected=True``), is not (False) or cannot be (None) affected."""

    relation: str  # "mother", "father", "sister", "brother", "sibling", "parents", ...
    affected: bool | None
    finding_text: str  # the finding, line-break hyphens closed up ("" when none)
    start: int  # the sentence's span
    end: int
    text: str
    note: str = ""  # "maternal; possibly affected", "no such relative", "consanguineous", ...
    similar: bool = False  # the text says the finding is the patient's kind ("similar", "also")
