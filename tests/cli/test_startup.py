"""Start-up cost: reading a phenopacket must not load the case-report text reader, whose
patterns take about 0.3 s to compile, nor Jinja2 unless a page is rendered (the CLI's first
result is due within 1 s)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import phenopacket


def test_reading_a_phenopacket_does_not_load_the_text_reader(tmp_path, toy_dir):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(phenopacket([("HP:0000016", False)])), encoding="utf-8")
    code = (
        "import sys\n"
        "from osteodx.api import read_any\n"
        "from osteodx.kb.load import load_knowledge_base\n"
        f"kb = load_knowledge_base({str(toy_dir)!r}, supplement=False, packs=False)\n"
        f"case = read_any({str(path)!r}, kb)\n"
        "assert case.findings, case\n"
        "import osteodx.report\n"
        "print('osteodx.text.extract' in sys.modules, 'jinja2' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"OSTEODX_CACHE_DIR": str(tmp_path / "cache"),
                                          "PATH": ""})
    assert out.stdout.strip() == "False False", out.stderr  # nor Jinja2 before an HTML page
