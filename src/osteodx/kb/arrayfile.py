"""Named numpy arrays in one file, read back by memory mapping.

The compiled index is about 40 MB of arrays, and a warm start reads it on every call.
An ``.npz`` is a zip archive: reading it copies every member and checks its CRC (about
50 ms on a warm start, more on a cold one), although a one-case call touches a small
part of the columns. Here the arrays lie one after another, aligned, behind a short
header that names them; reading maps the file and gives each array as a read-only view,
so the operating system reads only the pages that a call touches.

The header is ``MAGIC``, the length of a JSON table (8 bytes, little-endian) and the
table itself: one ``[name, dtype, shape, offset, nbytes]`` per array, offsets counted
from the first aligned byte after the header. A file cut short, of another layout or
with a table that does not fit raises :class:`ValueError`.

>>> import io, tempfile, numpy as np
>>> with tempfile.TemporaryDirectory() as d:
...     path = f"{d}/x.arrays"
...     with open(path, "wb") as fh:
...         write_arrays(fh, {"a": np.arange(3), "b": np.array([0.5], dtype=np.float32)})
...     got = read_arrays(path)
...     (got["a"].tolist(), got["b"].tolist(), got["a"].flags.writeable)
([0, 1, 2], [0.5], False)
"""

from __future__ import annotations

import json
import mmap
import os
from pathlib import Path
from typing import BinaryIO

import numpy as np

__all__ = ["MAGIC", "write_arrays", "read_arrays"]

MAGIC = b"OSTEODX-ARRAYS1\n"

#: each array starts on a multiple of this many bytes (cache lines; any dtype's alignment)
_ALIGN = 64


def _up(n: int) -> int:
    return -(-n // _ALIGN) * _ALIGN


def write_arrays(fh: BinaryIO, arrays: dict[str, np.ndarray]) -> None:
    """Write *arrays* (no object arrays) to the open binary file *fh*."""
    table, offset, parts = [], 0, []
    for name, arr in arrays.items():
        a = np.asarray(arr)  # not ascontiguousarray: it makes a 0-d array 1-d
        if a.dtype.hasobject:
            raise ValueError(f"{name}: object arrays cannot be mapped")
        table.append([name, a.dtype.str, list(a.shape), offset, a.nbytes])
        parts.append(a)
        offset += _up(a.nbytes)
    header = json.dumps(table).encode("utf-8")
    head = MAGIC + len(header).to_bytes(8, "little") + header
    fh.write(head + b"\0" * (_up(len(head)) - len(head)))
    for a in parts:
        fh.write(a.tobytes())
        fh.write(b"\0" * (_up(a.nbytes) - a.nbytes))


def read_arrays(path: str | os.PathLike[str]) -> dict[str, np.ndarray]:
    """The arrays of *path*, as read-only views of the mapped file."""
    with Path(path).open("rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size < len(MAGIC) + 8:
            raise ValueError("shorter than its header")
        mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)  # lives as long as a view
    if mm[:len(MAGIC)] != MAGIC:
        raise ValueError("not an osteodx array file")
    n = int.from_bytes(mm[len(MAGIC):len(MAGIC) + 8], "little")
    start = len(MAGIC) + 8
    if start + n > size:
        raise ValueError("cut short in its header")
    table = json.loads(bytes(mm[start:start + n]).decode("utf-8"))
    base = _up(start + n)
    end = base + max((_up(row[4]) + row[3] for row in table), default=0)
    if end != size:  # cut short, or something appended: not what was written
        raise ValueError(f"{size} bytes where the table describes {end}")
    out: dict[str, np.ndarray] = {}
    for name, dtype, shape, offset, nbytes in table:
        dt = np.dtype(dtype)
        count = int(np.prod(shape, dtype=np.int64))
        if dt.hasobject or count * dt.itemsize != nbytes or offset < 0 \
                or base + offset + nbytes > size:
            raise ValueError(f"{name}: does not fit the file")
        if not nbytes:  # an empty view at the very end of the file is not allowed
            out[name] = np.zeros(tuple(shape), dtype=dt)
            continue
        out[name] = np.frombuffer(mm, dtype=dt, count=count,
                                  offset=base + offset).reshape(tuple(shape))
    return out
