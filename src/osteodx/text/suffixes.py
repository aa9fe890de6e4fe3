"""File suffixes read as case-report text, in a module of their own so that deciding how to
read a file does not load the text reader (its patterns take ~0.3 s to compile)."""

from __future__ import annotations

__all__ = ["TEXT_SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".md", ".text")
