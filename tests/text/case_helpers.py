"""Shared helper of the text-round tests: the findings a case report is read into."""

from __future__ import annotations

from osteodx.text.extract import read_text_case


def terms(kb, text: str) -> set[tuple[str, bool]]:
    """(HPO id, excluded) of every finding *text* gives."""
    return {(f.hpo_id, f.excluded) for f in read_text_case("t", kb, text=text).case.findings}


def term_ids(kb, text: str) -> set[str]:
    """The HPO ids of every finding *text* gives, observed or excluded."""
    return {hpo_id for hpo_id, _ in terms(kb, text)}
