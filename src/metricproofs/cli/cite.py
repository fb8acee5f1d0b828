"""``metricproofs cite [--format bibtex|apa|cff]``: print a version-pinned citation."""

from __future__ import annotations

import argparse
from typing import TextIO

from metricproofs._version import __version__
from metricproofs.citation import FORMATS
from metricproofs.errors import UsageError

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the citation in the chosen format; 0."""
    fmt = getattr(args, "format", "bibtex") or "bibtex"
    try:
        render = FORMATS[fmt]
    except KeyError:
        raise UsageError(f"unknown citation format {fmt!r}; expected one of {', '.join(FORMATS)}") from None
    out.write(render(__version__))
    return 0
