"""Shared helpers of the lab-reading tests: every result must quote the text exactly."""

from __future__ import annotations

from osteodx.text.labs import TextLab, extract_labs


def labs(text: str, **kw: bool) -> list[TextLab]:
    """extract_labs, after checking that every span quotes the text exactly."""
    found = extract_labs(text, **kw)
    for lab in found:
        assert text[lab.start:lab.end] == lab.text
        assert (lab.value is None) != (lab.qualitative is None)
    return found


def one(text: str) -> TextLab:
    found = labs(text)
    assert len(found) == 1, found
    return found[0]


def measured(text: str, kb, case_id: str = "t") -> list[tuple[str, float, str]]:
    """(assay label, value, unit label) of each numeric measurement a text's phenopacket
    holds, in order."""
    from osteodx.text.extract import extract_text

    doc = extract_text(text, kb, case_id=case_id)
    return [(m["assay"]["label"], m["value"]["quantity"]["value"],
             m["value"]["quantity"]["unit"]["label"])
            for m in doc.phenopacket.get("measurements", []) if "quantity" in m["value"]]
