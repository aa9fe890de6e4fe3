"""The mapped array file: what is written is read back, and a damaged file is refused."""

from __future__ import annotations

import numpy as np
import pytest

from osteodx.kb.arrayfile import MAGIC, read_arrays, write_arrays


def _write(path, arrays):
    with path.open("wb") as fh:
        write_arrays(fh, arrays)


def test_every_dtype_and_shape_comes_back(tmp_path):
    arrays = {
        "ints": np.arange(7, dtype=np.intp),
        "int32": np.array([3, -1], dtype=np.int32),
        "floats": np.linspace(0, 1, 5),
        "float32": np.array([0.25], dtype=np.float32),
        "bools": np.array([True, False, True]),
        "int8": np.array([1, 9], dtype=np.int8),
        "matrix": np.arange(6.0).reshape(2, 3),
        "empty": np.zeros(0, dtype=np.int64),
        "text": np.array("kb-0123"),
        "last_empty": np.zeros(0),
    }
    path = tmp_path / "x.arrays"
    _write(path, arrays)
    got = read_arrays(path)
    assert list(got) == list(arrays)
    for name, a in arrays.items():
        assert got[name].dtype == a.dtype and got[name].shape == a.shape, name
        assert np.array_equal(got[name], a), name
    assert not got["ints"].flags.writeable  # a view of the mapped file
    with pytest.raises(ValueError):
        got["ints"][0] = 1


def test_arrays_are_aligned(tmp_path):
    path = tmp_path / "x.arrays"
    _write(path, {"a": np.arange(3, dtype=np.int8), "b": np.arange(5, dtype=np.float64)})
    got = read_arrays(path)
    assert got["b"].ctypes.data % 64 == 0 and got["b"].flags.aligned


@pytest.mark.parametrize("cut", [0, 5, len(MAGIC) + 4, len(MAGIC) + 12, -1])
def test_a_file_cut_short_is_refused(tmp_path, cut):
    path = tmp_path / "x.arrays"
    _write(path, {"a": np.arange(100)})
    data = path.read_bytes()
    path.write_bytes(data[:cut] if cut >= 0 else data[:-8])
    with pytest.raises(ValueError):
        read_arrays(path)


def test_another_format_is_refused(tmp_path):
    path = tmp_path / "x.npz"
    np.savez(path, a=np.arange(3))
    with pytest.raises(ValueError, match="not an osteodx array file"):
        read_arrays(path)


def test_object_arrays_are_not_written(tmp_path):
    with (tmp_path / "x.arrays").open("wb") as fh, pytest.raises(ValueError, match="object"):
        write_arrays(fh, {"a": np.array([{}, 1], dtype=object)})


def test_a_table_pointing_outside_the_file_is_refused(tmp_path):
    path = tmp_path / "x.arrays"
    _write(path, {"a": np.arange(4)})
    data = bytearray(path.read_bytes())
    n = int.from_bytes(data[len(MAGIC):len(MAGIC) + 8], "little")
    header = data[len(MAGIC) + 8:len(MAGIC) + 8 + n].decode()
    bad = header.replace(", 0, 32]", ", 4096, 32]")
    assert bad != header and len(bad) == len(header) + 3
    data[len(MAGIC):len(MAGIC) + 8] = len(bad).to_bytes(8, "little")
    data[len(MAGIC) + 8:len(MAGIC) + 8 + n] = bad.encode()
    path.write_bytes(bytes(data))
    with pytest.raises(ValueError):
        read_arrays(path)
