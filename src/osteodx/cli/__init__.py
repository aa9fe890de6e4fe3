"""The ``osteodx`` command: a thin shell over :mod:`osteodx.api`, one module a command."""

from osteodx.cli import benchmark, diagnose, extract, terms  # noqa: F401 - register commands
from osteodx.cli.application import app, err, main, tolerant_streams

__all__ = ["app", "err", "main", "tolerant_streams"]
