"""Score a held-out text round: osteodx extract + diagnose against frozen expectations.

usage: python benchmarks/text_rounds.py ROUND_DIR [--out DIR] [--top N]

ROUND_DIR holds ``cases/NN_slug.txt`` and ``expected/NN_slug.yaml``. Every case text is read by
``osteodx extract`` (JSON phenopacket) and ranked by ``osteodx diagnose --format json``; both
are run as subprocesses of the current interpreter (``python -m osteodx.cli``), so PYTHONPATH and
OSTEODX_CACHE_DIR are passed through. The phenopackets, the diagnoses and a failure report
(``failures.md``) are written to ``--out``; the score table is printed as Markdown.

What is scored, and how:

* observed / excluded terms: the phenopacket's ``phenotypicFeatures`` (what ``extract`` read from
  the words), and (session 22; ``--no-lab-words`` leaves them out) the observed HPO terms
  ``diagnose`` derives from a lab result *stated in words* ("a very low IgG", "his AFP is
  markedly elevated": a measurement whose value is a word, not a number), as the expectations
  code such a statement; terms derived from numeric values, and the exclusions a worded
  normal result gives, are not counted. A
  predicted term is *exact* when its id equals an expected id of the same status, *compatible*
  when it equals, is an ancestor of, or a descendant of one (``kb.ontology.is_a``). Precision
  counts predicted terms, recall counts expected terms.
* labs: an expected lab is *read* when a measurement matches its analyte and its value.
  Analyte matching is lenient: both the expected name and osteodx's assay label / analyte key
  are lower-cased, British spellings and qualifiers (serum, plasma, total, corrected, ...) are
  dropped, and the longest abbreviation found is expanded from ``ANALYTE_ALIASES``; the names
  then match when one contains the other. Values match within 1 %, directly or after
  converting between units that differ only by SI prefixes (mmol/L vs umol/L, g/L vs g/dL,
  /uL vs 10^9/L, ...); mass <-> molar conversions are not attempted.
  Interpretation (low / normal / high) is compared for read labs, using the ``interpretation``
  that ``diagnose`` gives each measurement (L / N / H).
  Lab precision counts measurements that match some expected analyte and value.
* family: ``metaData.externalReferences`` entries with id ``osteodx:family-history`` are read as
  ``relative: status``; consanguinity is a ``parents`` entry mentioning "consanguineous".
  Relatives match after dropping older / younger / elder / half; a prediction without the
  maternal / paternal side still matches an expected relative that has one, "parents"
  matches an expected mother and father (session 15) and "grandparents" each grandparent of
  its side (session 20). Statements that the
  parents are *not* related are not scored (the expectation format has no place for them).
* sex, age (within 0.5 y; an expected whole number of years N also takes any age in
  [N, N + 1), session 18), and the rank of the intended disease in the differential (its OMIM id
  or an entry listing it among ``equivalent_ids``; ``--top`` bounds the list).

Expectation files are YAML, read with PyYAML (a dependency of osteodx).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from text_round_labs import LabScore, predicted_labs, score_labs

import osteodx

AGE_TOLERANCE_YEARS = 0.5
RELATIVE_NOISE = ("older", "younger", "elder", "oldest", "youngest", "twin", "half")
# ---------------------------------------------------------------- reading expectations


def read_expectation(path: Path) -> dict[str, Any]:
    """One expectation file (YAML)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise SystemExit(f"{path}: expected a mapping")
    return data


# ---------------------------------------------------------------- running osteodx


def run_cli(args: list[str]) -> str:
    """Run ``python -m osteodx.cli ARGS`` and return its standard output. A batch in which
    some cases failed (exit code 1, the others printed) is kept: a failed case scores zero,
    and its error is printed (session 23)."""
    proc = subprocess.run([sys.executable, "-m", "osteodx.cli", *args], capture_output=True,
                          text=True, env=os.environ.copy(), check=False)
    if proc.returncode == 1 and proc.stdout.strip():
        for line in proc.stderr.splitlines():
            if line.startswith("osteodx: error:"):
                print(f"case failed, scored as nothing read: {line}", file=sys.stderr)
        return proc.stdout
    if proc.returncode != 0:
        raise RuntimeError(f"osteodx {' '.join(args[:1])} failed: {proc.stderr[-2000:]}")
    return proc.stdout


def extract_all(texts: list[Path], out: Path) -> dict[str, dict[str, Any]]:
    """Extract every case text (one call, JSON array) and save one phenopacket per case."""
    packets = json.loads(run_cli(["extract", "--format", "json", *map(str, texts)]))
    if isinstance(packets, dict):
        packets = [packets]
    (out / "phenopackets").mkdir(parents=True, exist_ok=True)
    by_id = {}
    for packet in packets:
        (out / "phenopackets" / f"{packet['id']}.json").write_text(json.dumps(packet, indent=2))
        by_id[packet["id"]] = packet
    return by_id


def diagnose_all(out: Path, top: int) -> dict[str, dict[str, Any]]:
    """Rank diseases for every saved phenopacket (one call, JSON: an array for several)."""
    text = run_cli(["diagnose", str(out / "phenopackets"), "--format", "json",
                    "--top", str(top)])
    (out / "diagnoses.json").write_text(text)
    parsed = json.loads(text)
    results = parsed if isinstance(parsed, list) else [parsed]
    return {r["case_id"]: r for r in results}


# ---------------------------------------------------------------- terms


@dataclass
class TermScore:
    """Counts for one status (observed or excluded) of one case."""

    n_pred: int = 0
    n_exp: int = 0
    pred_exact: int = 0
    pred_compat: int = 0
    exp_exact: int = 0
    exp_compat: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: TermScore) -> None:
        """Accumulate another score's counts (for the TOTAL row)."""
        for name in ("n_pred", "n_exp", "pred_exact", "pred_compat", "exp_exact", "exp_compat"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def related(kb: Any, a: str, b: str) -> bool:
    """True when HPO terms *a* and *b* are equal or one is an ancestor of the other."""
    try:
        return a == b or kb.ontology.is_a(a, b) or kb.ontology.is_a(b, a)
    except (KeyError, ValueError, IndexError):
        return False


def predicted_terms(packet: dict[str, Any], excluded: bool) -> list[dict[str, str]]:
    """Phenotypic features of one status, as id / label / description."""
    out = []
    for feat in packet.get("phenotypicFeatures", []):
        if bool(feat.get("excluded", False)) == excluded:
            out.append({"id": feat["type"]["id"], "label": feat["type"].get("label", ""),
                        "note": feat.get("description", "")})
    return out


_MEASUREMENT_SOURCE = re.compile(r"measurements\[(\d+)\]")


def worded_lab_terms(packet: dict[str, Any], dx: dict[str, Any] | None, excluded: bool
                     ) -> list[dict[str, str]]:
    """Terms ``diagnose`` derived from lab results stated in words (an ontology-class value),
    of one status."""
    measurements = packet.get("measurements", [])
    out = []
    for f in (dx or {}).get("findings", []):
        m = _MEASUREMENT_SOURCE.match(str(f.get("source", "")))
        if m is None or (f.get("status") == "excluded") != excluded:
            continue
        k = int(m.group(1))
        if k < len(measurements) and "ontologyClass" in measurements[k].get("value", {}):
            out.append({"id": f["hpo_id"], "label": f.get("label", ""),
                        "note": f"lab stated in words: {f['source']}"})
    return out


def short_note(note: str) -> str:
    """The quoted span of an osteodx feature description, shortened for the report."""
    match = re.search(r'"([^"]*)" in: "([^"]*)"', note)
    if match:
        return f'"{match.group(1)}" in "{match.group(2)[:140]}"'
    return note[:160]


def score_terms(kb: Any, expected: list[dict[str, str]], predicted: list[dict[str, str]],
                other_status: list[dict[str, str]]) -> TermScore:
    """Exact and compatible precision / recall counts for one status of one case."""
    score = TermScore(n_pred=len(predicted), n_exp=len(expected))
    exp_ids = [e["id"] for e in expected]
    for p in predicted:
        score.pred_exact += p["id"] in exp_ids
        if any(related(kb, p["id"], e) for e in exp_ids):
            score.pred_compat += 1
        else:
            score.wrong.append(f'{p["id"]} {p["label"]} <- {short_note(p["note"])}')
    for e in expected:
        score.exp_exact += any(p["id"] == e["id"] for p in predicted)
        if any(related(kb, p["id"], e["id"]) for p in predicted):
            score.exp_compat += 1
        else:
            flipped = [p for p in other_status if related(kb, p["id"], e["id"])]
            tag = " (read with the opposite status)" if flipped else ""
            score.missed.append(f'{e["id"]} {e["label"]} <- "{e["text"]}"{tag}')
    return score


# ---------------------------------------------------------------- family


def predicted_family(packet: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(relative, status, description) from osteodx's family-history references."""
    out = []
    for ref in packet.get("metaData", {}).get("externalReferences", []):
        if ref.get("id") != "osteodx:family-history":
            continue
        desc = ref.get("description", "")
        relative, _, rest = desc.partition(":")
        head = rest.split("(text[", 1)[0].lower()
        if relative.strip().lower() == "parents" and "consanguin" in head:
            negated = re.search(r"\b(non|not|no)[ -]?consanguin", head)
            status = "non-consanguineous" if negated else "consanguineous"
        else:
            status = head.strip().split()[0] if head.strip() else ""
        out.append((relative.strip().lower(), status, desc))
    return out


def norm_relative(relative: str) -> str:
    """Relative name without birth-order words."""
    words = [w for w in relative.lower().replace("-", " ").split() if w not in RELATIVE_NOISE]
    return " ".join(words)


def relative_matches(expected: str, got: str) -> bool:
    """Same relative; a prediction without the maternal/paternal side matches either side, and
    (session 15) "parents" matches the mother and the father, (session 20) "maternal
    grandparents" each maternal grandparent."""
    exp, pred = norm_relative(expected), norm_relative(got)
    if pred == "parents" and exp in ("mother", "father"):
        return True
    if pred.split()[-1:] == ["grandparents"] and exp.split()[-1] in ("grandmother", "grandfather"):
        # (session 20) "grandparents" matches each grandparent of its side
        side, exp_side = pred.split()[:-1], exp.split()[:-1]
        return not side or side == exp_side
    return exp == pred or exp.split()[-1] == pred and exp.split()[0] in ("maternal", "paternal")


def score_family(expected: list[dict[str, str]],
                 predicted: list[tuple[str, str, str]]) -> tuple[int, int, int, int, list[str]]:
    """(found, expected, correct predictions, scored predictions, failures) for one case."""
    scored = [p for p in predicted if p[1] != "non-consanguineous"]
    failures, found = [], 0
    for exp in expected:
        if any(relative_matches(exp["relative"], p[0]) and p[1] == exp["status"] for p in scored):
            found += 1
        else:
            failures.append(f'missed {exp["relative"]}: {exp["status"]} <- "{exp["text"]}"')
    correct = 0
    for p in scored:
        if any(relative_matches(e["relative"], p[0]) and p[1] == e["status"] for e in expected):
            correct += 1
        else:
            failures.append(f"wrong/extra {p[2][:200]}")
    return found, len(expected), correct, len(scored), failures


# ---------------------------------------------------------------- subject and rank


def age_years(packet: dict[str, Any]) -> float | None:
    """Age at last encounter from the ISO 8601 duration, in years."""
    dur = (packet.get("subject", {}).get("timeAtLastEncounter", {}).get("age", {})
           .get("iso8601duration"))
    if not dur:
        return None
    match = re.fullmatch(r"P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?"
                         r"(?:(\d+(?:\.\d+)?)D)?(?:T.*)?", dur)
    if not match:
        return None
    y, m, w, d = (float(g) if g else 0.0 for g in match.groups())
    return y + m / 12 + w * 7 / 365.25 + d / 365.25


def intended_rank(dx: dict[str, Any] | None, disease_id: str) -> tuple[int | None, str]:
    """1-based rank of the intended disease (or an entry listing it as equivalent) and its label."""
    for entry in (dx or {}).get("differential", []):
        if entry.get("disease_id") == disease_id or disease_id in entry.get("equivalent_ids", []):
            return int(entry["rank"]), str(entry.get("label", ""))
    return None, ""


def top_label(dx: dict[str, Any] | None) -> str:
    """The first-ranked disease, as id and label."""
    diff = (dx or {}).get("differential", [])
    return f'{diff[0]["disease_id"]} {diff[0]["label"]}' if diff else "-"


# ---------------------------------------------------------------- report


@dataclass
class CaseResult:
    """Everything scored for one case."""

    case: str
    obs: TermScore
    exc: TermScore
    labs: LabScore
    fam: tuple[int, int, int, int, list[str]]
    sex_ok: bool
    age_ok: bool
    sex_note: str
    age_note: str
    rank: int | None
    top: str


def pct(num: int, den: int) -> str:
    """A ratio as a percentage, or '-' when undefined."""
    return f"{100 * num / den:.0f}" if den else "-"


def pr(score: TermScore, exact: bool) -> str:
    """'P / R' for one status, exact or compatible."""
    if exact:
        return f"{pct(score.pred_exact, score.n_pred)} / {pct(score.exp_exact, score.n_exp)}"
    return f"{pct(score.pred_compat, score.n_pred)} / {pct(score.exp_compat, score.n_exp)}"


HEADER = ("| case | obs P/R exact | obs P/R compat | exc P/R exact | exc P/R compat | "
          "labs read | lab P | interp | family R | family P | sex | age | rank | top-ranked |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")


def table_row(r: CaseResult, top: int) -> str:
    """One Markdown table row."""
    rank = str(r.rank) if r.rank else f">{top}"
    return (f"| {r.case} | {pr(r.obs, True)} | {pr(r.obs, False)} | {pr(r.exc, True)} | "
            f"{pr(r.exc, False)} | {r.labs.read}/{r.labs.n_exp} | "
            f"{pct(r.labs.pred_ok, r.labs.n_pred)} | {r.labs.interp_ok}/{r.labs.interp_n} | "
            f"{r.fam[0]}/{r.fam[1]} | {r.fam[2]}/{r.fam[3]} | {'ok' if r.sex_ok else r.sex_note} | "
            f"{'ok' if r.age_ok else r.age_note} | {rank} | {r.top} |")


def total_row(results: list[CaseResult]) -> str:
    """The micro-averaged TOTAL row."""
    obs, exc, labs = TermScore(), TermScore(), LabScore()
    fam = [0, 0, 0, 0]
    for r in results:
        obs.add(r.obs)
        exc.add(r.exc)
        labs.add(r.labs)
        fam = [a + b for a, b in zip(fam, r.fam[:4], strict=True)]
    ranks = [r.rank for r in results]
    top1 = sum(1 for k in ranks if k == 1)
    top10 = sum(1 for k in ranks if k is not None and k <= 10)
    return (f"| TOTAL | {pr(obs, True)} | {pr(obs, False)} | {pr(exc, True)} | {pr(exc, False)} | "
            f"{labs.read}/{labs.n_exp} | {pct(labs.pred_ok, labs.n_pred)} | "
            f"{labs.interp_ok}/{labs.interp_n} | {fam[0]}/{fam[1]} | {fam[2]}/{fam[3]} | "
            f"{sum(r.sex_ok for r in results)}/{len(results)} | "
            f"{sum(r.age_ok for r in results)}/{len(results)} | "
            f"top1 {top1}, top10 {top10} of {len(results)} | |")


def failure_section(r: CaseResult) -> str:
    """Markdown listing of one case's misses and wrong predictions."""
    lines = [f"## {r.case}", ""]
    parts = (("observed missed", r.obs.missed), ("observed wrong (unrelated to any expected)",
             r.obs.wrong), ("excluded missed", r.exc.missed),
             ("excluded wrong (unrelated to any expected)", r.exc.wrong),
             ("labs", r.labs.failures), ("family", r.fam[4]))
    for title, items in parts:
        if items:
            lines.append(f"**{title}**")
            lines.extend(f"- {item}" for item in items)
            lines.append("")
    if not r.sex_ok:
        lines.append(f"- sex: {r.sex_note}")
    if not r.age_ok:
        lines.append(f"- age: {r.age_note}")
    lines.append(f"- intended disease rank: {r.rank}; top-ranked: {r.top}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- main


def score_case(kb: Any, case: str, exp: dict[str, Any], packet: dict[str, Any],
               dx: dict[str, Any] | None, lab_words: bool = True) -> CaseResult:
    """Score one case's phenopacket and diagnosis against its expectation."""
    obs_p, exc_p = predicted_terms(packet, False), predicted_terms(packet, True)
    if lab_words:  # "a very low IgG": the term diagnose derives from the worded result
        seen = {t["id"] for t in obs_p + exc_p}
        obs_p += [t for t in worded_lab_terms(packet, dx, False) if t["id"] not in seen]
        # (a worded normal result, "calcium was normal", excludes both of its terms; the
        # expectations code a lab as a term only when it is abnormal, so those are left out)
    sex = str(packet.get("subject", {}).get("sex", "UNKNOWN_SEX")).lower()
    sex_ok = sex == str(exp.get("sex", "unknown")).lower() or (
        exp.get("sex") == "unknown" and sex in ("unknown_sex", "other_sex"))
    age = age_years(packet)
    want = exp.get("age_years")
    age_ok = (age is None and want is None) or (
        age is not None and want is not None and (
            abs(age - float(want)) <= AGE_TOLERANCE_YEARS
            # a whole-year expectation ("a 24-year-old") holds an exact age in that year
            # (24.71 from the date of birth and the visit date)
            or float(want).is_integer() and float(want) <= age < float(want) + 1))
    rank, _ = intended_rank(dx, exp["intended_disease"]["id"])
    return CaseResult(
        case=case,
        obs=score_terms(kb, exp.get("observed", []), obs_p, exc_p),
        exc=score_terms(kb, exp.get("excluded", []), exc_p, obs_p),
        labs=score_labs(exp.get("labs", []), predicted_labs(packet, dx)),
        fam=score_family(exp.get("family", []), predicted_family(packet)),
        sex_ok=sex_ok, age_ok=age_ok, sex_note=f"{sex} (want {exp.get('sex')})",
        age_note=f"{age if age is None else round(age, 2)} (want {want})",
        rank=rank, top=top_label(dx))


def main(argv: list[str] | None = None) -> int:
    """Run osteodx on a round's texts, score them, print the table, write failures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("round_dir", type=Path)
    parser.add_argument("--out", type=Path, default=None, help="outputs (default: a temp dir)")
    parser.add_argument("--top", type=int, default=500, help="differential length to search")
    parser.add_argument("--no-lab-words", action="store_true",
                        help="score only phenotypicFeatures (the scorer of sessions 2-21)")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="text_round_"))
    out.mkdir(parents=True, exist_ok=True)
    texts = sorted((args.round_dir / "cases").glob("*.txt"))
    packets = extract_all(texts, out)
    diagnoses = diagnose_all(out, args.top)
    kb = osteodx.load_knowledge_base()
    results = []
    for text in texts:
        exp = read_expectation(args.round_dir / "expected" / f"{text.stem}.yaml")
        results.append(score_case(kb, text.stem, exp, packets.get(text.stem, {"id": text.stem}),
                                  diagnoses.get(text.stem), lab_words=not args.no_lab_words))
    table = "\n".join([HEADER, *(table_row(r, args.top) for r in results), total_row(results)])
    print(table)
    (out / "scores.md").write_text(table + "\n")
    (out / "failures.md").write_text(f"# Failures: {args.round_dir}\n\n"
                                     + "\n".join(failure_section(r) for r in results))
    if args.out is None:  # a temp dir keeps only the small reports: a round's rankings are ~60 MB
        shutil.rmtree(out / "phenopackets")
        (out / "diagnoses.json").unlink()
    print(f"\nfailures: {out / 'failures.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
