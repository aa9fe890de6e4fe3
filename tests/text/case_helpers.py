"""Shared helper of the text-round tests: the findings a case report is read into."""

from __future__ import annotations

from osteodx.text.extract import extract_text, read_text_case


def terms(kb, text: str) -> set[tuple[str, bool]]:
    """(HPO id, excluded) of every finding *text* gives."""
    return {(f.hpo_id, f.excluded) for f in read_text_case("t", kb, text=text).case.findings}


def term_ids(kb, text: str) -> set[str]:
    """The HPO ids of every finding *text* gives, observed or excluded."""
    return {hpo_id for hpo_id, _ in terms(kb, text)}


def statuses(text: str, kb) -> dict[str, str]:
    """Label -> "observed" / "excluded" of every finding *text* gives."""
    return {f.label: f.status for f in extract_text(text, kb, case_id="c").case.findings}


def relatives(text: str, kb) -> set[tuple[str, object]]:
    """(relation, affected) of every family statement *text* gives."""
    return {(f["relation"], f["affected"]) for f in extract_text(text, kb, case_id="c").family}
