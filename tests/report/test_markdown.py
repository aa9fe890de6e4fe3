"""The Markdown report: the same sections as the HTML page, and the old entry point."""

from __future__ import annotations

import re

import pytest

from osteodx.api import diagnose
from osteodx.case.phenopacket import read_case
from osteodx.report import to_dict, to_html, to_markdown, to_markdown_report
from tests.conftest import phenopacket, write_case
from tests.report.conftest import OPTIONAL

HEADINGS = ["# osteodx differential: ", "## At a glance", "## 1. Case summary: findings",
            "## 2. Laboratory results", "## 3. Skeletal survey", "## 4. Ranked differential",
            "### Evidence per candidate", "## 5. Pattern differential",
            "## 6. Incidental findings", "## 7. Suggested next tests",
            "## Provenance and model"]
#: the Markdown heading of each optional key's section
MD_SECTION = {"labs": "## 2.", "skeleton": "## 3.", "pattern_differentials": "## 5.",
              "incidental_findings": "## 6.", "next_tests": "## 7."}


def _section(text: str, heading: str) -> str:
    """From a level-2 heading (at the start of a line) to the next one."""
    start = text.index("\n" + heading) + 1
    nxt = text.find("\n## ", start + len(heading))
    return text[start:nxt if nxt >= 0 else None]


def test_every_section_present(report):
    text = to_markdown_report(report)
    positions = [text.index(h) for h in HEADINGS]
    assert positions == sorted(positions)
    assert "not assessed" not in text.lower()
    assert "**Pattern**: sclerosis confined to the axial skeleton" in text
    assert "| Spine | involved |" in text and "| Hands | not examined | – |" in text
    assert "| 25-hydroxyvitamin D | `LOINC:1989-3` | 7.2 | ng/mL | 30.1–100 | L | 0.24 x LLN |" \
        in text
    assert "⚠ **Check 25-hydroxyvitamin D**: reference range unit mg/mL" in text
    assert "1. **Hand and foot radiographs** (imaging), expected information gain 0.42." in text
    assert "   - CK-BB detectable → ADO II up about 8-fold" in text
    assert "osteodx supports a clinician's judgement and does not replace it" in text


def test_tables_have_consistent_columns(report):
    text = to_markdown_report(report)
    table: list[str] = []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            widths = {len(re.split(r"(?<!\\)\|", row)) for row in table}
            assert len(widths) == 1, table[0]
            table = []


@pytest.mark.parametrize("key", sorted(OPTIONAL))
def test_absent_key_says_not_assessed(report, key):
    del report[key]
    text = to_markdown_report(report)
    assert "not assessed" in _section(text, MD_SECTION[key]).lower()


def test_bars_in_one_order(report):
    text = to_markdown_report(report)
    block = _section(text, "## 4. Ranked differential").split("#### 1. ")[1].split("####")[0]
    values = [float(v.replace("−", "-")) for v in
              re.findall(r"^\| (?:for|against) \| ([^ |]+) \|", block, re.M)]
    assert values and [abs(v) for v in values] == sorted(map(abs, values), reverse=True)


def test_hostile_text_is_inert(report):
    report["findings"][0]["label"] = "<script>alert(1)</script> a|b"
    report["pattern_differentials"][0]["candidates"][0]["summary"] = "line one\nline two"
    text = to_markdown_report(report)
    assert "\\<script>alert(1)\\</script> a\\|b" in text  # escaped the Markdown way
    assert not re.search(r"(?<!\\)<[A-Za-z/]", text.replace("`<stdin>`", ""))
    assert "line one line two" in text


def test_a_stdin_name_reads_as_itself_not_as_an_html_entity(report):
    """``&lt;stdin>#1`` showed in the Markdown text: an HTML escape, not a Markdown one."""
    import copy

    report = copy.deepcopy(report)
    report["case_id"] = report["source"] = "<stdin>#1"
    text = to_markdown_report(report)
    assert "&lt;" not in text and "# osteodx differential: \\<stdin>#1" in text
    assert "`<stdin>#1`" in text


def test_deterministic(report):
    assert to_markdown_report(report) == to_markdown_report(report)


def test_same_numbers_as_html(report):
    text, page = to_markdown_report(report), to_html(report)
    for token in ("56.9 %", "87.5 %", "0.24 x LLN", "+3.56", "0.077 %"):
        assert token in text and token in page


def test_to_markdown_of_a_differential_still_works(tmp_path, toy_kb):
    path = write_case(tmp_path / "c.json", phenopacket([("HP:0000013", False),
                                                        ("HP:0000014", True)], pid="md-1"))
    diff = diagnose(read_case(path, toy_kb.ontology), toy_kb)
    text = to_markdown(diff)
    assert text.startswith("# osteodx differential: md-1")
    assert "| rank | disease | label | score (log10) | post-test p |" in text
    assert text == to_markdown_report(to_dict(diff))
