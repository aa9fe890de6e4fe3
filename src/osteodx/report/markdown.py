"""Markdown rendering of a diagnosis: the same sections as the HTML report, as plain text.

Markdown is what ends up pasted into tickets, e-mails and notes, so it carries every section
of the printable report (with "not assessed" for missing ones) and renders from the same view
model, so the two never disagree on a number.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from osteodx.engine.differential import Differential
from osteodx.report.json_report import to_dict
from osteodx.report.view import build_view

if TYPE_CHECKING:  # Jinja2 is imported when a report is rendered
    from jinja2 import Environment

__all__ = ["to_markdown", "to_markdown_report"]

_TAG_OPEN = re.compile(r"<(?=[A-Za-z/!?])")
_EMPHASIS = re.compile(r"[*`]")


def md_text(value: Any) -> str:
    """Text safe inside a Markdown table cell and inert as HTML.

    A pipe would split the cell and a newline would end the row; a ``<`` that could open a
    tag would let a label smuggle HTML into whatever renders the Markdown, so it is
    escaped the Markdown way (``\\<``), which reads as ``<`` rendered or not, where an
    HTML ``&lt;`` showed as such in the text (``&lt;stdin>#1``). A ``<`` before a digit
    or space ("<0.001 %") cannot open a tag, and stays as it is.

    >>> md_text("a|b\\n<script> <0.1")
    'a\\\\|b \\\\<script> <0.1'
    >>> md_text("case *7*")
    'case \\\\*7\\\\*'
    """
    return _EMPHASIS.sub(r"\\\g<0>", _TAG_OPEN.sub(r"\\<", _cell(value)))


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return " ".join(text.splitlines()).replace("|", "\\|")


def md_code(value: Any) -> str:
    """Text for inside a code span, where nothing is emphasis or HTML (a ``<`` is shown
    as it is; an escape would be shown too): a backtick would close it early."""
    return _cell(value).replace("`", "'")


@cache
def _env() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("osteodx.report", "templates"), autoescape=False,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["md"] = md_text
    env.filters["code"] = md_code
    return env


def to_markdown_report(report: dict[str, Any]) -> str:
    """Render the JSON report dict (``to_dict`` output plus optional work-up keys).

    >>> text = to_markdown_report({"case_id": "c1", "differential": []})
    >>> text.startswith("# osteodx differential: c1") and "not assessed" in text
    True
    """
    text = _env().get_template("report.md.j2").render(v=build_view(report))
    while "\n\n\n" in text:  # optional blocks leave blank runs; Markdown needs only one
        text = text.replace("\n\n\n", "\n\n")
    return text


def to_markdown(diff: Differential) -> str:
    """Markdown of a Differential (the CLI's ``--format markdown``)."""
    return to_markdown_report(to_dict(diff))
