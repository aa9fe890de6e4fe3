"""Units that differ only in prefixes are converted from their UCUM terms, without pint,
and give what pint gives."""

from __future__ import annotations

import subprocess
import sys

import pytest

from osteodx.labs import units
from osteodx.labs.units import convert, parse_ucum


def _by_pint(value: float, a: str, b: str) -> float:
    src, dst = parse_ucum(a), parse_ucum(b)
    q = value * units._quantity(src) / units._quantity(dst)
    return float(f"{q.to('dimensionless').magnitude:.12g}")


@pytest.mark.parametrize("a, b, value", [
    ("mg/mL", "ng/mL", 0.0072), ("u[IU]/mL", "m[IU]/L", 0.484), ("mg/dL", "g/L", 10.1),
    ("pg/mL", "ng/L", 31.7), ("umol/L", "mmol/L", 85.0), ("10*9/L", "10*3/uL", 250.0),
    ("mg/dl", "mg/dL", 9.5), ("meq/L", "mmol/L", 140.0), ("ukat/L", "nkat/L", 1.25),
    ("mm[Hg]", "cm[H2O]", 1.0), ("kg", "g", 63.0), ("/min", "/h", 72.0),
])
def test_the_prefix_path_gives_what_pint_gives(a, b, value):
    ratio = units._prefix_ratio(parse_ucum(a), parse_ucum(b))
    if a in ("mm[Hg]", "/min"):  # another unit, not another prefix: left to pint
        assert ratio is None
        return
    assert ratio is not None
    assert convert(value, a, b) == _by_pint(value, a, b)


def test_other_units_are_left_to_pint():
    for a, b in [("mg/dL", "mmol/L"), ("U/L", "ukat/L"), ("[in_i]", "cm"), ("kPa", "mm[Hg]")]:
        assert units._prefix_ratio(parse_ucum(a), parse_ucum(b)) is None


def pint_imported(tmp_path, *statements: str) -> bool:
    """Run *statements* in a fresh interpreter: did they import pint?"""
    code = "\n".join(["import sys", "from osteodx.labs.units import convert, convertible",
                      *statements, "print('pint' in sys.modules)"])
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"OSTEODX_CACHE_DIR": str(tmp_path), "PATH": ""})
    assert out.stdout.strip() in ("True", "False"), out.stderr
    return out.stdout.strip() == "True"


def test_a_case_of_prefix_changes_only_does_not_import_pint(tmp_path):
    assert not pint_imported(tmp_path, "assert convert(7.2e-6, 'mg/mL', 'ng/mL') == 7.2",
                             "assert convert(0.484, 'u[IU]/mL', 'm[IU]/L') == 0.484")
