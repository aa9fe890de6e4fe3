"""The view model shared by the HTML and Markdown reports.

Both templates show the same numbers, so sorting, rounding, wording and "is this section
present" are decided once here; the templates only lay them out. Input is the plain dict of
the JSON contract (``to_dict``) plus the optional bone work-up keys; any of those keys may be
missing, which the view turns into ``None`` ("not assessed").
"""

from __future__ import annotations

import math
import re
from typing import Any

from osteodx.report.json_report import DISCLAIMER
from osteodx.report.skeleton_svg import REGIONS, STATUS_LABELS

__all__ = ["build_view", "fmt_prob", "fmt_lr", "MATCH_WORDS", "TOP", "NEGLIGIBLE"]

TOP = 10  #: candidates shown with their evidence; also the pattern-table length
NEGLIGIBLE = 0.05  #: |log10 LR| below this is summarised, not drawn

MATCH_WORDS: dict[str, str] = {
    "exact": "exact match",
    "finding_more_general": "disease has a more specific form",
    "finding_more_specific": "finding more specific than annotation",
    "common_ancestor": "related annotation",
    "no_match": "not annotated",
    "disease_lacks_finding": "disease lacks it",
    "disease_has_opposite": "disease has the opposite",
    "excluded_but_expected": "absent, expected",
    "excluded_and_absent_in_disease": "absent, as in disease",
    "excluded_not_annotated": "absent, not annotated",
    "onset_later_than_patient": "onset later than patient",
    "annotation_breadth": "breadth adjustment",
    "sex_inheritance_mismatch": "sex vs inheritance",
}

_FREQ = {"HP:0040280": "obligate", "HP:0040281": "very frequent", "HP:0040282": "frequent",
         "HP:0040283": "occasional", "HP:0040284": "very rare", "HP:0040285": "excluded"}
_FREQ_RE = re.compile(r"HP:004028[0-5]")
_SOURCE_RE = re.compile(r"\s*\([A-Za-z]+:[^()]*\)$")
_FLAGS = {"L": "low", "H": "high", "N": "normal", "A": "abnormal"}
_REF_SOURCES = {"case": "as reported with the result", "catalogue": "osteodx lab catalogue"}
_LAB_SOURCES = ("measurements", "labs")


def fmt_prob(p: Any) -> str:
    """A probability as a percentage a reader can compare at a glance.

    >>> [fmt_prob(x) for x in (0.569287, 0.0830965, 0.000768859, 2e-7, None)]
    ['56.9 %', '8.3 %', '0.077 %', '<0.001 %', '–']
    """
    if not isinstance(p, int | float) or math.isnan(p):
        return "–"
    pct = 100 * p
    if pct >= 1:
        return f"{pct:.1f} %"
    if pct >= 0.001:
        return f"{pct:.2g} %"
    return "<0.001 %"


def fmt_lr(x: Any) -> str:
    """A signed log10 likelihood ratio, the unit every bar is drawn in.

    >>> fmt_lr(3.557), fmt_lr(-0.195), fmt_lr(-0.001), fmt_lr(None)
    ('+3.56', '−0.20', '0.00', '–')
    """
    if not isinstance(x, int | float):
        return "–"
    if abs(x) < 0.005:
        return "0.00"
    return f"{x:+.2f}".replace("-", "−")


def _num(x: Any) -> str:
    if isinstance(x, bool) or x is None:
        return "" if x is None else str(x)
    if isinstance(x, int | float):
        return f"{x:g}"
    return str(x)


def _annotation_freq(text: str) -> str:
    """The annotation's frequency in words, without the trailing source id.

    Readers do not know HP:0040282; the "(ORPHA:2777)" suffix only repeats the disease.

    >>> _annotation_freq("HP:0040282 (ORPHA:2777)"), _annotation_freq("6/6 (PMID:1)")
    ('frequent', '6/6')
    >>> _annotation_freq("NOT (curated absence)"), _annotation_freq("no frequency (OMIM:1)")
    ('curated as absent', '')
    """
    text = _SOURCE_RE.sub("", text or "").strip()
    if text.startswith("NOT"):
        return "curated as absent"
    if text == "no frequency":
        return ""
    return _FREQ_RE.sub(lambda m: _FREQ[m.group(0)], text)


def _subject(s: dict | None) -> str:
    s = s or {}
    sex = str(s.get("sex") or "sex unknown").lower().replace("_", " ")
    age = s.get("age_years")
    return f"{sex}, {age:g} y" if isinstance(age, int | float) else f"{sex}, age unknown"


def _bar(c: dict, scale: float) -> dict[str, Any]:
    lr = float(c.get("log10_lr") or 0.0)
    ann = c.get("disease_annotation") or {}
    ann_text = ""
    if ann:
        freq = _annotation_freq(str(ann.get("frequency", "")))
        if ann.get("hpo_id") == c.get("hpo_id"):
            ann_text = f"annotated{': ' + freq if freq else ''}"
        else:
            ann_text = f"via {ann.get('label', '')} ({ann.get('hpo_id', '')})" + (
                f", {freq}" if freq else "")
    match = str(c.get("match", ""))
    return {"label": str(c.get("label", "")), "hpo_id": str(c.get("hpo_id", "")),
            "excluded": c.get("status") == "excluded", "lr": lr, "lr_text": fmt_lr(lr),
            "side": "for" if lr > 0 else "against", "match": match,
            "match_words": MATCH_WORDS.get(match, match.replace("_", " ")),
            "width": round(min(abs(lr) / scale, 1.0) * 50, 2), "annotation": ann_text}


def _evidence(entry: dict, scale: float) -> dict[str, Any]:
    """All contributions in one order, |log10 LR| descending, small ones summarised."""
    contribs = list(entry.get("supporting") or []) + list(entry.get("contradicting") or [])
    contribs.sort(key=lambda c: (-abs(float(c.get("log10_lr") or 0)), str(c.get("hpo_id"))))
    shown = [c for c in contribs if abs(float(c.get("log10_lr") or 0)) >= NEGLIGIBLE]
    small = [c for c in contribs if abs(float(c.get("log10_lr") or 0)) < NEGLIGIBLE]
    return {"bars": [_bar(c, scale) for c in shown], "n_small": len(small),
            "small_sum": fmt_lr(sum(float(c.get("log10_lr") or 0) for c in small))}


def _scale(entries: list[dict]) -> int:
    """One scale for every candidate, so bar lengths compare across the page."""
    top = max((abs(float(c.get("log10_lr") or 0)) for e in entries
               for c in (e.get("supporting") or []) + (e.get("contradicting") or [])),
              default=1.0)
    return max(1, math.ceil(top))


def _candidate(e: dict, scale: float) -> dict[str, Any]:
    p = e.get("post_test_probability")
    return {"rank": e.get("rank", ""), "disease_id": str(e.get("disease_id", "")),
            "label": str(e.get("label", "")), "score": fmt_lr(e.get("score")).lstrip("+"),
            "prob": fmt_prob(p), "prob_width": round(100 * min(max(float(p or 0), 0), 1), 1),
            "equivalent_ids": list(e.get("equivalent_ids") or []),
            "knowledge_source": str(e.get("knowledge_source") or ""),
            "summary": str(e.get("summary") or ""),
            "for": [_bar(c, scale) for c in (e.get("supporting") or [])[:3]],
            "against": [_bar(c, scale) for c in (e.get("contradicting") or [])[:3]],
            **_evidence(e, scale)}


def _lab(lab: dict) -> dict[str, Any]:
    lo, hi, unit = lab.get("reference_low"), lab.get("reference_high"), lab.get("unit") or ""
    if lo is None and hi is None:
        ref = "–"
    elif hi is None:
        ref = f"≥ {_num(lo)}"
    elif lo is None:
        ref = f"≤ {_num(hi)}"
    else:
        ref = f"{_num(lo)}–{_num(hi)}"
    flag = lab.get("interpretation")
    return {"assay": str(lab.get("assay") or ""), "label": str(lab.get("label") or ""),
            "value": _num(lab.get("value")), "unit": str(unit), "reference": ref,
            "reference_source": _REF_SOURCES.get(str(lab.get("reference_source") or ""),
                                                 str(lab.get("reference_source") or "")),
            "flag": flag if flag in _FLAGS else "", "flag_words": _FLAGS.get(flag, "not flagged"),
            "degree": str(lab.get("degree") or ""), "hpo_id": str(lab.get("hpo_id") or ""),
            "hpo_label": str(lab.get("hpo_label") or ""), "text": str(lab.get("text") or ""),
            "warnings": [str(w) for w in lab.get("warnings") or []]}


def _skeleton(sk: dict) -> dict[str, Any]:
    rows, seen = [], set()
    for r in sk.get("regions") or []:
        key = str(r.get("region", ""))
        seen.add(key)
        status = str(r.get("status", ""))
        rows.append({"region": key, "label": str(r.get("label") or REGIONS.get(key, key)),
                     "status": status, "status_words": STATUS_LABELS.get(status, status),
                     "evidence": [str(x) for x in r.get("evidence") or []]})
    rows.sort(key=lambda r: list(REGIONS).index(r["region"]) if r["region"] in REGIONS else 99)
    missing = [REGIONS[k] for k in REGIONS if k not in seen]
    return {"pattern": str(sk.get("pattern") or ""), "rows": rows, "missing": missing,
            "regions": list(sk.get("regions") or [])}


def _tests(tests: list[dict]) -> list[dict[str, Any]]:
    ranked = sorted(tests, key=lambda t: (-float(t.get("expected_information_gain") or 0),
                                          str(t.get("test", ""))))
    top = max((float(t.get("expected_information_gain") or 0) for t in ranked), default=0.0)
    return [{"rank": i, "test": str(t.get("test", "")), "kind": str(t.get("kind") or ""),
             "rationale": str(t.get("rationale") or ""),
             "gain": f"{float(t.get('expected_information_gain') or 0):.2f}",
             "gain_width": round(100 * float(t.get("expected_information_gain") or 0) / top, 1)
             if top > 0 else 0,
             "outcomes": [{"result": str(o.get("result", "")), "effect": str(o.get("effect", ""))}
                          for o in t.get("outcomes") or []]}
            for i, t in enumerate(ranked, 1)]


def _labs(labs: list[dict]) -> dict[str, Any]:
    """Lab rows; a reference source shared by most rows is said once, under the table."""
    rows = [_lab(x) for x in labs]
    sources = [x["reference_source"] for x in rows if x["reference_source"]]
    common = max(sorted(set(sources)), key=sources.count) if sources else ""
    common = common if sources.count(common) > 1 else ""
    for x in rows:
        x["show_source"] = x["reference_source"] != common
    return {"labs": rows, "lab_common_source": common,
            "abnormal_labs": [x for x in rows if x["flag"] in ("L", "H", "A")]}


def _findings(findings: list[dict]) -> dict[str, Any]:
    """Clinical findings in full; lab-derived ones apart, since section 2 details them.

    A normal lab result excludes a dozen terms (low and high of every analyte); listed
    row by row they would bury the clinical picture.
    """
    out: dict[str, Any] = {"observed": [], "excluded": [], "lab_observed": [],
                           "lab_excluded": [], "has_findings": bool(findings)}
    for f in findings:
        source = str(f.get("source") or "")
        row = {"hpo_id": str(f.get("hpo_id") or ""), "label": str(f.get("label") or ""),
               "source": source, "source_short": source.split(": ", 1)[0],
               "note": str(f.get("note") or "")}
        lab = source.startswith(_LAB_SOURCES)
        status = "excluded" if f.get("status") == "excluded" else "observed"
        out[("lab_" if lab else "") + status].append(row)
    return out


def _pattern(p: dict, scale: float) -> dict[str, Any]:
    ranked = sorted(p.get("candidates") or [], key=lambda c: (c.get("rank") or 0))
    pattern = p.get("pattern") or {}
    return {"hpo_id": str(pattern.get("hpo_id", "")), "label": str(pattern.get("label", "")),
            "trigger": str(p.get("trigger") or ""),
            "candidates": [_candidate(c, scale) for c in ranked[:TOP]],
            "rest": [f"{c.get('label', '')} ({fmt_prob(c.get('post_test_probability'))})"
                     for c in ranked[TOP:]]}


def _maybe(report: dict, key: str) -> Any:
    """A section's data, or None when the key is absent (never assessed)."""
    return report.get(key) if key in report and report[key] is not None else None


def _prior_sentence(report: dict) -> str:
    params = (report.get("model") or {}).get("parameters") or {}
    if params.get("prevalence_weight"):
        return ("the score adds pre-test odds from each disease's sourced prevalence "
                "(unlisted diseases count as a typical rare disease)")
    return "the post-test probability assumes the same pre-test probability for every candidate"


def build_view(report: dict) -> dict[str, Any]:
    """Everything the templates print, in print order and already formatted."""
    entries = list(report.get("differential") or [])[:TOP]
    scale = _scale(entries)
    findings = list(report.get("findings") or [])
    labs = _maybe(report, "labs")
    skeleton = _maybe(report, "skeleton")
    patterns = _maybe(report, "pattern_differentials")
    incidental = _maybe(report, "incidental_findings")
    tests = _maybe(report, "next_tests")
    view: dict[str, Any] = {
        "case_id": str(report.get("case_id") or "unnamed case"),
        "source": str(report.get("source") or ""),
        "subject": _subject(report.get("subject")),
        "hpo_version": str(report.get("hpo_version") or "unknown"),
        "osteodx_version": str(report.get("osteodx_version") or "unknown"),
        "namespace": str(report.get("namespace") or ""),
        "n_candidates": report.get("n_candidates", ""),
        "disclaimer": str(report.get("disclaimer") or DISCLAIMER),
        "warnings": [str(w) for w in report.get("warnings") or []],
        **_findings(findings),
        **(_labs(labs) if labs is not None else {"labs": None, "abnormal_labs": []}),
        "skeleton": _skeleton(skeleton) if skeleton is not None else None,
        "scale": scale, "scale_lr": f"{10 ** scale:,}", "negligible": f"{NEGLIGIBLE:.2f}",
        "ticks": [round(50 * i / scale, 2) for i in range(1, scale + 1)],
        "candidates": [_candidate(e, scale) for e in entries],
        "n_differential": len(report.get("differential") or []),
        "patterns": None if patterns is None else [_pattern(p, scale) for p in patterns],
        "incidental": None if incidental is None else [
            {k: str(x.get(k) or "") for k in ("hpo_id", "label", "source", "text", "next_step",
                                              "reference")}
            for x in incidental],
        "tests": _tests(tests) if tests is not None else None,
        "knowledge_base": sorted((str(k), str(v)) for k, v in
                                 (report.get("knowledge_base") or {}).items()),
        "model_score": str((report.get("model") or {}).get("score") or ""),
        "prior_sentence": _prior_sentence(report),
        "model_parameters": sorted((str(k), _num(v)) for k, v in
                                   ((report.get("model") or {}).get("parameters") or {}).items()),
    }
    return view
