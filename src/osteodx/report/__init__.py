"""Renderers of a Differential: JSON, Markdown, terminal table."""

from osteodx.report.json_report import DISCLAIMER, to_dict, to_json
from osteodx.report.markdown import to_markdown
from osteodx.report.table import print_table

__all__ = ["DISCLAIMER", "to_dict", "to_json", "to_markdown", "print_table"]
