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
