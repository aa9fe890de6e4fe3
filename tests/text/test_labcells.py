"""The lab-table readers (text/labcells.py), split from text/labvalues.py: the same objects
are importable from both, whichever module is imported first."""

from __future__ import annotations

import subprocess
import sys

import pytest

from osteodx.text import labcells, labunits, labvalues

TABLE_NAMES = ["TableRow", "ValueCell", "column_roles", "find_table_rows", "read_flag_cell",
               "read_range_cell", "read_unit_cell", "read_value_cell"]


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_table_readers_are_importable_from_labvalues(name):
    assert getattr(labvalues, name) is getattr(labcells, name)
    assert name in labvalues.__all__ and name in labcells.__all__


@pytest.mark.parametrize("name", ["read_unit", "is_lab_unit", "is_dose_unit"])
def test_unit_readers_are_importable_from_labvalues(name):
    assert getattr(labvalues, name) is getattr(labunits, name)


def test_every_name_labvalues_exports_resolves():
    missing = [n for n in labvalues.__all__ if not hasattr(labvalues, n)]
    assert missing == []
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        labvalues.nothing_here  # noqa: B018


@pytest.mark.parametrize("first", ["osteodx.text.labcells", "osteodx.text.labvalues",
                                   "osteodx.text.labunits"])
def test_any_import_order_works(first):
    code = (f"import {first}\n"
            "from osteodx.text.labvalues import TableRow, find_table_rows, read_unit\n"
            "from osteodx.text.labcells import read_value_cell\n"
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
