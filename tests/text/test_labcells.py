"""The lab-table readers (text/labcells.py), split from text/labvalues.py: they load in any
import order and read a cell as before."""

from __future__ import annotations

import subprocess
import sys

import pytest

from osteodx.text import labcells


@pytest.mark.parametrize("first", ["osteodx.text.labcells", "osteodx.text.labvalues",
                                   "osteodx.text.labunits"])
def test_any_import_order_works(first):
    code = (f"import {first}\n"
            "from osteodx.text.labcells import TableRow, find_table_rows, read_value_cell\n"
            "from osteodx.text.labunits import read_unit\n"
            "print(find_table_rows('Calcium | 1.62 mmol/L | 2.10-2.55')[0].kind)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "pipe"


def test_a_value_cell_in_ka_units_is_read():
    t = "ALP | 45 KA units | 3-13"
    (row,) = labcells.find_table_rows(t)
    a, b = row.cells[1]
    cell = labcells.read_value_cell(t, a, b)
    assert cell is not None and cell.quantity.ucum == "[ka'U]/dL" and cell.quantity.value == 45
