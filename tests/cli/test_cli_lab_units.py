"""Lab values in old or unusual units through the CLI: `extract --text` keeps the unit as
written; `diagnose --text` and a phenopacket judge the converted value and say so."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from osteodx.cli import app
from tests.conftest import phenopacket, write_case

runner = CliRunner()
KA_TEXT = ("A 40-year-old woman with bone pain. Serum alkaline phosphatase was 45 KA units "
           "(normal 3-13). Serum calcium 9 KA units.")


def _run(args, toy_dir):
    return runner.invoke(app, [*args, "--hpo-dir", str(toy_dir)])


def _diagnose(args):
    """The packaged HPO release: the toy ontology lacks the lab terms."""
    return runner.invoke(app, ["diagnose", *args, "-f", "json", "--top", "1"])


def test_extract_keeps_king_armstrong_units_as_written(toy_dir):
    res = _run(["extract", "--text", KA_TEXT], toy_dir)
    assert res.exit_code == 0, res.output
    by_assay = {m["assay"]["label"]: m for m in json.loads(res.stdout)["measurements"]}
    alp = by_assay["Alkaline phosphatase"]["value"]["quantity"]
    assert alp["unit"] == {"id": "UCUM:[ka'U]/dL", "label": "KA units"} and alp["value"] == 45
    assert "is a unit of Alkaline phosphatase only" in by_assay["Calcium"]["description"]


def test_diagnose_text_judges_alp_in_ka_units_and_refuses_calcium(real_kb):
    res = _diagnose(["--text", KA_TEXT])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    sources = [f["source"] for f in out["findings"] if f["hpo_id"] == "HP:0003155"]
    assert len(sources) == 1 and "45 KA units (= 319.5 U/L)" in sources[0]
    assert "Calcium: KA units is a unit of Alkaline phosphatase only" in res.output


def test_diagnose_phenopacket_with_alp_in_ka_units(tmp_path, real_kb):
    m = {"assay": {"id": "LOINC:6768-6", "label": "Alkaline phosphatase"},
         "value": {"quantity": {"unit": {"id": "UCUM:[ka'U]/dL",
                                         "label": "King-Armstrong units/100 mL"},
                                "value": 2}}}
    case = phenopacket([("HP:0002659", False)], age="P40Y")
    case["measurements"] = [m]
    path = write_case(tmp_path / "ka.json", case)
    res = _diagnose([str(path)])
    assert res.exit_code == 0, res.output
    low = [f for f in json.loads(res.stdout)["findings"] if f["hpo_id"] == "HP:0003282"]
    assert len(low) == 1
    assert "2 King-Armstrong units/100 mL (= 14.2 U/L)" in low[0]["source"]


def test_diagnose_text_reads_blood_pressure_in_kpa(real_kb):
    res = _diagnose(["--text", "A 40-year-old man. Blood pressure 18.7/12 kPa. He has bone pain."])
    assert res.exit_code == 0, res.output
    (f,) = [f for f in json.loads(res.stdout)["findings"] if f["hpo_id"] == "HP:0032263"]
    assert "kPa" in f["source"] and "18.7/12 kPa (140/90 mmHg)" in f["note"]


def test_extract_text_warns_about_blood_pressure_in_kpa_that_is_a_slip(toy_dir):
    res = _run(["extract", "--text", "A 40-year-old man with bone pain. BP 120/80 kPa."], toy_dir)
    assert res.exit_code == 0, res.output
    assert "120/80 kPa is 900/600 mmHg, not a plausible blood pressure" in res.stderr
    assert "HP:0032263" not in res.stdout
