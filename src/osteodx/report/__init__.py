"""Renderers of a Differential: JSON, Markdown, HTML, terminal table."""

from osteodx.report.html import to_html
from osteodx.report.json_report import DISCLAIMER, report_json, to_dict, to_json
from osteodx.report.markdown import to_markdown, to_markdown_report
from osteodx.report.skeleton_svg import skeleton_svg
from osteodx.report.table import print_table

__all__ = ["DISCLAIMER", "report_json", "to_dict", "to_json", "to_markdown",
           "to_markdown_report", "to_html", "skeleton_svg", "print_table"]
