"""Read an HPO release's text files line by line, so that every problem names its line.

Python's text mode decodes in 8 kB chunks: a stray byte surfaces as a
``UnicodeDecodeError`` that names neither the file nor the line, and escaped as
an internal error. Decoding each line here costs ~0.07 s on the 33 MB
``phenotype.hpoa`` and turns a bad byte into one line naming the file and line.
:class:`FileReport` counts the rows a reader had to skip, so that none is
dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from osteodx.errors import KnowledgeBaseError

__all__ = ["FileReport", "read_lines", "first_undecodable_line"]


@dataclass(slots=True)
class FileReport:
    """What a reader met in one file that it could not use, for a warning."""

    path: Path
    #: rows skipped as malformed, and the line of the first one (0: none)
    skipped: int = 0
    first_skipped: int = 0
    #: the line number of a last line without a line end (0: the file ends cleanly)
    unterminated: int = 0
    #: what makes a row malformed, set by the reader (e.g. "fewer than 12 fields")
    why: str = "too few fields"

    def skip(self, lineno: int) -> None:
        """Count one malformed row at *lineno*."""
        self.skipped += 1
        if not self.first_skipped:
            self.first_skipped = lineno

    def warnings(self) -> list[str]:
        """One-line messages without the file's name: the caller names the file in the
        folder it was read from this time (a cached index may be read from elsewhere)."""
        out = []
        if self.skipped:
            rows = "row" if self.skipped == 1 else "rows"
            out.append(f"{self.skipped} {rows} with {self.why} skipped (first at line "
                       f"{self.first_skipped})")
        if self.unterminated:
            out.append(f"line {self.unterminated}: the last line has no line end; the file "
                       "may be truncated")
        return out


def read_lines(path: Path, report: FileReport | None = None) -> Iterator[tuple[int, str]]:
    """``(line number, text)`` of every line of *path*, decoded as UTF-8.

    Raises :class:`KnowledgeBaseError` naming the file, the line and the byte that
    is not UTF-8, or the file when it cannot be opened. A last line without a line
    end is recorded in *report* (a file cut short ends that way).
    """
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with fh:
        lineno, raw = 0, b"\n"
        for lineno, raw in enumerate(fh, start=1):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise KnowledgeBaseError(
                    f"{path}: line {lineno}: not UTF-8 text (byte {raw[exc.start]:#04x} at "
                    f"column {exc.start + 1})") from None
            yield lineno, text
        if report is not None and lineno and not raw.endswith(b"\n"):
            report.unterminated = lineno


def first_undecodable_line(path: Path) -> KnowledgeBaseError | None:
    """The error :func:`read_lines` raises on *path*, if any: for parsers (fastobo) that
    report a decoding failure without its line."""
    try:
        for _ in read_lines(path):
            pass
    except KnowledgeBaseError as exc:
        return exc
    return None
