"""The bone work-up report fixture and helpers to take a rendered page apart."""

from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "bone_workup.json"

#: the optional work-up keys and the HTML section that renders each
OPTIONAL = {"labs": "labs", "skeleton": "skeleton", "pattern_differentials": "pattern-differential",
            "incidental_findings": "incidental", "next_tests": "next-tests"}
SECTIONS = ["findings", "labs", "skeleton", "differential", "pattern-differential", "incidental",
            "next-tests"]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


@pytest.fixture()
def report() -> dict:
    """A fresh copy per test, so tests may mutate it."""
    return copy.deepcopy(_load())


def _load() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


class StrictHTML(HTMLParser):
    """Records every structural problem instead of silently repairing it like a browser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.counts: dict[str, int] = {}
        self.urls: list[str] = []
        self.doctype = False

    def handle_decl(self, decl: str) -> None:
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._seen(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._seen(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.errors.append(f"end tag for void element <{tag}>")
        elif not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()

    def _seen(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.counts[tag] = self.counts.get(tag, 0) + 1
        for name, value in attrs:
            if name in ("src", "href", "xlink:href", "action", "srcset", "poster", "data"):
                self.urls.append(value or "")


def parse(page: str) -> StrictHTML:
    parser = StrictHTML()
    parser.feed(page)
    parser.close()
    return parser


def section(page: str, ident: str) -> str:
    """The inner HTML of one top-level section (sections are never nested)."""
    m = re.search(rf'<section id="{ident}"[^>]*>(.*?)</section>', page, re.S)
    assert m, f"section {ident!r} missing"
    return m.group(1)


def svg_of(page: str) -> str:
    m = re.search(r"<svg\b.*?</svg>", page, re.S)
    assert m, "no inline SVG"
    return m.group(0)
