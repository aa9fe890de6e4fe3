"""The ``osteodx`` command: a thin shell over :mod:`osteodx.api`, one module a command."""

# registered in the order ``osteodx --help`` lists them: the order they were always shown in
# isort: off
from osteodx.cli import diagnose, extract, terms, benchmark  # noqa: F401 - register commands
# isort: on
from osteodx.cli.application import app, err, main, tolerant_streams

__all__ = ["app", "err", "main", "tolerant_streams"]
