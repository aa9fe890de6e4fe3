"""Expand command-line inputs (files, folders, ``-``) into case sources."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from osteodx.errors import InputError

__all__ = ["CASE_SUFFIXES", "expand_inputs", "read_text_file"]

CASE_SUFFIXES = (".json", ".yaml", ".yml", ".txt", ".md")


def expand_inputs(inputs: list[str]) -> Iterator[str]:
    """Yield file paths (or ``-``) in a stable order; folders are searched recursively.

    A missing path raises :class:`InputError`; a folder with no cases too.
    """
    for item in inputs:
        if item == "-":
            yield item
            continue
        p = Path(item)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.suffix.lower() in CASE_SUFFIXES
                           and f.is_file())
            if not found:
                raise InputError("folder holds no .json, .yaml, .yml, .txt or .md files",
                                 source=item)
            yield from (str(f) for f in found)
        elif p.exists():
            yield item
        else:
            raise InputError("no such file or folder", source=item)


def read_text_file(path: str | Path) -> str:
    """A UTF-8 file's text; every failure is an :class:`InputError` naming the file."""
    source = str(path)
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("no such file", source=source) from None
    except IsADirectoryError:
        raise InputError("is a directory", source=source) from None
    except UnicodeDecodeError:
        raise InputError("not a text file (UTF-8 expected)", source=source) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", source=source) from None
