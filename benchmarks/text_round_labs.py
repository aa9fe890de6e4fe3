"""Lab scoring of a held-out text round (:mod:`text_rounds`): which expected labs osteodx
read, matched leniently by analyte name and by value (see ``text_rounds``'s docstring)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

VALUE_TOLERANCE = 0.01

ANALYTE_ALIASES: dict[str, str] = {
    "pth": "parathyroid hormone",
    "parathyrin": "parathyroid hormone",
    "alp": "alkaline phosphatase",
    "alk phos": "alkaline phosphatase",
    "ggt": "gamma glutamyl transferase",
    "gamma glutamyltransferase": "gamma glutamyl transferase",
    "alt": "alanine aminotransferase",
    "ck": "creatine kinase",
    "tsh": "thyrotropin",
    "thyroid stimulating hormone": "thyrotropin",
    "free t4": "thyroxine free",
    "free thyroxine": "thyroxine free",
    "ft4": "thyroxine free",
    "lh": "lutropin",
    "luteinizing hormone": "lutropin",
    "fsh": "follitropin",
    "follicle stimulating hormone": "follitropin",
    "igf 1": "insulin like growth factor",
    "igf1": "insulin like growth factor",
    "somatomedin c": "insulin like growth factor",
    "esr": "erythrocyte sedimentation rate",
    "psa": "prostate specific antigen",
    "hba1c": "hemoglobin a1c",
    "glycated hemoglobin": "hemoglobin a1c",
    "nt probnp": "natriuretic peptide",
    "leukocytes": "leukocyte",
    "wbc": "leukocyte",
    "white blood cells": "leukocyte",
    "platelets": "platelet",
    "lymphocytes": "lymphocyte",
    "phosphorus": "phosphate",
    "25 hydroxyvitamin d": "25 hydroxyvitamin d",
    "25 oh vitamin d": "25 hydroxyvitamin d",
    "25ohd": "25 hydroxyvitamin d",
    "calcidiol": "25 hydroxyvitamin d",
    "1 25 dihydroxyvitamin d": "1 25 dihydroxyvitamin d",
    "calcitriol": "1 25 dihydroxyvitamin d",
    "estradiol": "estradiol",
    "tmp gfr": "tubular maximum phosphate",
    "tartrate resistant acid phosphatase": "tartrate resistant acid phosphatase",
    "trap": "tartrate resistant acid phosphatase",
    "ca 15 3": "cancer antigen 15 3",
    "ionized calcium": "calcium ionized",
    "urine calcium": "calcium urine",
}
QUALIFIERS = ("serum", "plasma", "blood", "total", "corrected", "adjusted", "fasting", "morning",
              "24 hour", "intact", "level", "concentration", "mass", "in")
SPELLING = (("haemo", "hemo"), ("oestr", "estr"), ("ionised", "ionized"), ("aemia", "emia"),
            ("glutamyltransferase", "glutamyl transferase"))
SI_PREFIX = {"": 1.0, "d": 1e-1, "c": 1e-2, "m": 1e-3, "u": 1e-6, "n": 1e-9, "p": 1e-12,
             "k": 1e3}
INTERPRETATION = {"L": "low", "LL": "low", "N": "normal", "H": "high", "HH": "high",
                  "A": "abnormal"}


# ---------------------------------------------------------------- labs


def norm_analyte(name: str) -> str:
    """Lower-case, de-British, de-qualify and expand an analyte name."""
    text = name.lower().replace("µ", "u")
    for old, new in SPELLING:
        text = text.replace(old, new)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    for qual in QUALIFIERS:
        text = re.sub(rf"\b{qual}\b", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    for alias in sorted(ANALYTE_ALIASES, key=len, reverse=True):
        if re.search(rf"\b{re.escape(alias)}\b", text):
            text = re.sub(rf"\b{re.escape(alias)}\b", ANALYTE_ALIASES[alias], text)
            break
    return text


def catalogue_key(name: str) -> str | None:
    """The lab catalogue's analyte for a name ("WCC" -> "leukocytes"), or None."""
    from osteodx.labs.catalogue import find_by_name

    analyte = find_by_name(name)
    return analyte.key if analyte is not None else None


def analyte_matches(expected: str, names: list[str], key: str | None = None) -> bool:
    """True when the expected analyte name matches any of osteodx's names for a measurement,
    or (session 15) names the catalogue analyte *key* the measurement was read as: "WCC"
    and "Leukocyte count", "1,25-dihydroxyvitamin D" and "1,25-(OH)2 vitamin D" (a lab hit
    also needs the value, so the pairing cannot credit a wrong reading)."""
    if key and catalogue_key(expected) in (key, _count_of(key)):
        return True  # (session 23: "CD3+ T cells ... %" read as the percent sibling, cd3_percent)
    exp = norm_analyte(expected)
    for name in names:
        got = norm_analyte(name)
        if got and (exp == got or exp in got or got in exp):
            return True
    return False


def _count_of(key: str) -> str | None:
    """The count analyte whose percentage *key* is ("cd3_percent" -> "cd3_t_cells")."""
    from osteodx.labs.catalogue import load_catalogue

    if not key.endswith("_percent"):
        return None
    head = key.split("_")[0]
    return next((a.key for a in load_catalogue().analytes
                 if a.key != key and a.key.split("_")[0] == head
                 and not a.key.endswith(("_percent", "_ratio"))), None)


def unit_factor(unit: str) -> tuple[float, str] | None:
    """Scale and prefix-free form of a simple unit (``umol/L`` -> (1e-6, 'mol/L'))."""
    text = unit.replace("µ", "u").replace("μ", "u").replace(" ", "")
    text = text.replace("x10^9/L", "10^9/L").replace("10*9/L", "10^9/L")
    if text in ("10^9/L", "G/L"):
        return 1e9, "/L"
    if text.lower() in ("/ul", "cells/ul"):
        return 1e6, "/L"
    if text.lower() in ("/mm3", "cells/mm3"):
        return 1e6, "/L"
    num, _, den = text.partition("/")
    scale, base = 1.0, []
    for part, sign in ((num, 1), (den, -1)):
        match = re.fullmatch(r"([dcmunpk]?)(mol|g|L|U|IU|eq)(?:/24h|/d)?", part) if part else None
        if part and match is None:
            return None
        if match:
            scale *= SI_PREFIX[match.group(1)] ** sign
            base.append(("" if sign > 0 else "/") + match.group(2))
    return scale, "".join(base)


def values_match(exp_value: float, exp_unit: str, got_value: float, got_unit: str) -> bool:
    """Same value (within 1 %), directly or after a prefix-only unit conversion."""
    def close(a: float, b: float) -> bool:
        return abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b), 1e-12)

    if close(exp_value, got_value):
        return True
    fe, fg = unit_factor(exp_unit), unit_factor(got_unit or "")
    if fe and fg and fe[1] == fg[1]:
        return close(exp_value * fe[0], got_value * fg[0])
    return False


def predicted_labs(packet: dict[str, Any], dx: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Measurements with names, value, unit and diagnose's interpretation (when given)."""
    by_index = {lab.get("index"): lab for lab in (dx or {}).get("labs", [])}
    out = []
    for i, meas in enumerate(packet.get("measurements", [])):
        qty = meas.get("value", {}).get("quantity", {})
        lab = by_index.get(i, {})
        names = [meas.get("assay", {}).get("label", ""),
                 str(lab.get("analyte", "")).replace("_", " "), str(lab.get("label", ""))]
        out.append({"names": [n for n in names if n], "key": lab.get("analyte"),
                    "value": qty.get("value"),
                    "unit": qty.get("unit", {}).get("label", ""),
                    "interp": INTERPRETATION.get(str(lab.get("interpretation", "")), ""),
                    "quote": meas.get("description", "")})
    return out


@dataclass
class LabScore:
    """Lab counts for one case."""

    n_exp: int = 0
    n_pred: int = 0
    read: int = 0
    pred_ok: int = 0
    interp_n: int = 0
    interp_ok: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, other: LabScore) -> None:
        """Accumulate another score's counts."""
        for name in ("n_exp", "n_pred", "read", "pred_ok", "interp_n", "interp_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def lab_hit(exp: dict[str, Any], got: dict[str, Any]) -> bool:
    """True when a measurement reads the expected lab (analyte and value)."""
    return (got["value"] is not None
            and analyte_matches(exp["analyte"], got["names"], got.get("key"))
            and values_match(float(exp["value"]), exp["unit"], float(got["value"]), got["unit"]))


def score_labs(expected: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> LabScore:
    """Recall of expected labs, precision of measurements, interpretation agreement."""
    score = LabScore(n_exp=len(expected), n_pred=len(predicted))
    for exp in expected:
        hits = [g for g in predicted if lab_hit(exp, g)]
        if not hits:
            near = [g for g in predicted
                    if analyte_matches(exp["analyte"], g["names"], g.get("key"))]
            seen = "; ".join(f'{g["names"][0]} {g["value"]} {g["unit"]}' for g in near) or "none"
            score.failures.append(f'missed {exp["analyte"]} {exp["value"]} {exp["unit"]} '
                                  f'(same analyte read as: {seen})')
            continue
        score.read += 1
        if hits[0]["interp"]:
            score.interp_n += 1
            if hits[0]["interp"] == exp.get("interpretation"):
                score.interp_ok += 1
            else:
                score.failures.append(f'interpretation {exp["analyte"]} {exp["value"]}: expected '
                                      f'{exp.get("interpretation")}, got {hits[0]["interp"]}')
    for got in predicted:
        if any(lab_hit(exp, got) for exp in expected):
            score.pred_ok += 1
        else:
            score.failures.append(f'extra/wrong measurement {got["names"][0]} = {got["value"]} '
                                  f'{got["unit"]} <- {got["quote"][:120]}')
    return score
