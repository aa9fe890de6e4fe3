"""A printable, self-contained HTML report of a diagnosis (with the bone work-up).

The page is meant to be saved, mailed or printed and read months later, so everything it needs
(CSS and the skeleton drawing) is inline: no fonts, scripts, images or network. Every value
from the input is escaped by Jinja2's autoescaping; the only markup inserted unescaped is the
skeleton SVG, which ``skeleton_svg`` builds from escaped text.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from osteodx.report.skeleton_svg import skeleton_svg
from osteodx.report.view import build_view

if TYPE_CHECKING:  # Jinja2 is imported when a page is rendered: the other formats skip it
    from jinja2 import Environment

__all__ = ["to_html"]


@cache
def _env() -> Environment:
    """One environment per process: templates come from the installed package, not the CWD."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(loader=PackageLoader("osteodx.report", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)


def to_html(report: dict[str, Any]) -> str:
    """Render the JSON report dict (``to_dict`` output plus optional work-up keys) as HTML.

    Sections whose key is absent say "not assessed" rather than disappearing, so a reader
    can tell "normal" from "never looked at". Output is deterministic for the same input.

    >>> page = to_html({"case_id": "c<1>", "differential": []})
    >>> page.startswith("<!DOCTYPE html>") and "c&lt;1&gt;" in page and "not assessed" in page
    True
    """
    view = build_view(report)
    from markupsafe import Markup

    svg = Markup(skeleton_svg(view["skeleton"]["regions"])) if view["skeleton"] else Markup("")
    return _env().get_template("report.html.j2").render(v=view, svg=svg)
