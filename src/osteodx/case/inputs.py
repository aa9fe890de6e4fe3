"""Expand command-line inputs (files, folders, ``-``) into case sources."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

from osteodx.case.sniff import strip_boms
from osteodx.errors import InputError

__all__ = ["CASE_SUFFIXES", "PHENOPACKET_SUFFIXES", "REPORT_SUFFIXES", "InputNotice", "walk_files",
           "expand_inputs", "read_stdin", "read_text_file"]

PHENOPACKET_SUFFIXES = (".json", ".yaml", ".yml")
REPORT_SUFFIXES = (".txt", ".md")
CASE_SUFFIXES = PHENOPACKET_SUFFIXES + REPORT_SUFFIXES
#: how many skipped file names a notice spells out before "and N more"
_NAMES_SHOWN = 3


class InputNotice(UserWarning):
    """Something about the inputs the user should hear of that does not stop the run
    (the default way :func:`expand_inputs` reports, when no callback is given)."""


def _warn(message: str) -> None:
    warnings.warn(message, InputNotice, stacklevel=4)  # at the caller of expand_inputs


def expand_inputs(inputs: list[str], *,
                  notice: Callable[[str], None] | None = None,
                  on_error: Callable[[InputError], None] | None = None) -> Iterator[str]:
    """Yield file paths (or ``-``) in a stable order; folders are searched recursively.

    A folder yields its phenopackets (.json/.yaml/.yml). Its case reports (.txt/.md)
    are read only when it holds no phenopacket at all: a README or notes beside a
    corpus are not cases, and ranking them would put invented cases among real ones.
    The rule goes by suffix only, so that a corpus is not read twice to be listed; a
    .txt/.md file that is read and holds a phenopacket is read as one, with a warning
    (:func:`osteodx.api.read_any`).
    Skipped reports are named once per folder through *notice* (default
    :func:`warnings.warn` with :class:`InputNotice`), so nothing is left out unsaid.

    A subfolder or file that cannot be read is yielded all the same: reading it then
    fails with an :class:`InputError` naming it, so that the batch goes on and the
    failure is counted instead of the folder's cases vanishing without a word. A
    named file is yielded whatever its suffix. A missing path raises
    :class:`InputError`; a readable folder with no cases too. With *on_error*, such an
    input is handed to it instead and the other inputs are still listed, as a batch
    goes on past a bad case (``osteodx diagnose a.json typo.json b.json``).
    """
    say = notice or _warn
    for item in inputs:
        if item == "-":
            yield item
            continue
        try:
            yield from _expand_one(item, say)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)


def _expand_one(item: str, say: Callable[[str], None]) -> list[str]:
    """The case files one named input stands for (see :func:`expand_inputs`)."""
    p = Path(item)
    try:
        is_dir, exists = p.is_dir(), p.exists()
    except OSError as exc:  # e.g. inside a folder that cannot be entered
        raise InputError(f"cannot read: {exc.strerror or exc}", source=item) from None
    if is_dir:
        return _folder_cases(p, item, say)
    if exists:
        return [item]
    raise InputError("no such file or folder", source=item)


def _folder_cases(root: Path, item: str, say: Callable[[str], None]) -> list[str]:
    """The case files under *root* (see :func:`expand_inputs`), unreadable entries kept."""
    packets: list[Path] = []
    reports: list[Path] = []
    unreadable: list[Path] = []
    for path, readable in walk_files(root):
        if not readable:
            unreadable.append(path)
        elif path.suffix.lower() in PHENOPACKET_SUFFIXES:
            packets.append(path)
        elif path.suffix.lower() in REPORT_SUFFIXES:
            reports.append(path)
    if packets and reports:
        names = [str(r.relative_to(root)) for r in sorted(reports)]
        shown = ", ".join(names[:_NAMES_SHOWN]) + (
            f" and {len(names) - _NAMES_SHOWN} more" if len(names) > _NAMES_SHOWN else "")
        say(f"{item}: {len(names)} .txt/.md file(s) not read as case reports because the "
            f"folder holds phenopackets: {shown} (name a report to read it)")
        reports = []
    found = sorted(packets + reports + unreadable)
    if not found:
        raise InputError("folder holds no .json, .yaml, .yml, .txt or .md files", source=item)
    return [str(f) for f in found]


def walk_files(root: Path) -> Iterator[tuple[Path, bool]]:
    """(path, readable) for every file below *root*, and (folder, False) for a folder
    that cannot be listed; symlinked folders are followed once (no loops)."""
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError:
            yield folder, False
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError:
                yield path, False
                continue
            if is_dir:
                stack.append(path)
            elif is_file:
                yield path, True
            elif path.suffix.lower() in CASE_SUFFIXES:  # a dangling link, a FIFO: said
                yield path, False


def read_text_file(path: str | Path) -> str:
    """A UTF-8 file's text, byte-order marks at line starts dropped
    (:func:`~osteodx.case.sniff.strip_boms`); every failure is an :class:`InputError`
    naming the file."""
    source = str(path)
    if Path(path).is_dir():
        try:  # a folder reaches here when expand_inputs could not list it
            with os.scandir(path):
                pass
        except PermissionError:
            raise InputError("cannot list folder: permission denied; its cases were not read",
                             source=source) from None
        except OSError as exc:
            raise InputError(f"cannot list folder: {exc.strerror}; its cases were not read",
                             source=source) from None
        raise InputError("is a directory", source=source)
    try:
        return strip_boms(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no such file", source=source) from None
    except IsADirectoryError:
        raise InputError("is a directory", source=source) from None
    except UnicodeDecodeError:
        raise InputError("not a text file (UTF-8 expected)", source=source) from None
    except PermissionError:
        raise InputError("cannot read file: permission denied", source=source) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", source=source) from None


def read_stdin() -> str:
    """All of stdin as text, whatever the locale: bytes that are not UTF-8 become lone
    surrogates (``surrogateescape``) instead of a UnicodeDecodeError, so that binary input
    is reported as "not a text file" (:func:`osteodx.case.sniff.looks_binary`) like a
    binary file is, not as an internal error. Byte-order marks at line starts are
    dropped (:func:`osteodx.case.sniff.strip_boms`)."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a text-only stream (a test's StringIO): already decoded
        return strip_boms(sys.stdin.read())
    return strip_boms(buffer.read().decode("utf-8", "surrogateescape"))
