"""The ``metricproofs`` command line: dispatch, exit codes, and one small module per verb.

:mod:`metricproofs.cli.parser` holds every option; each verb is a module of this package
with one function ``run(args, out, err) -> exit code`` that calls the library and prints
what it returns (the work stays in the library modules). This module parses, dispatches
through a dict, and turns user errors into one line on stderr with exit code 2. Heavy
libraries (z3, sympy, numpy) are imported only by
the verbs that need them, so ``metricproofs --help`` starts fast.

Exit codes (``prove`` and ``check``):
  0  every verdict as expected / no disagreement found
  1  a verdict contradicts expectation / a disagreement (with a counterexample)
  2  usage or input error (one line on stderr)
  3  no contradiction, but some result is unknown (timeout, solver gave up)
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Callable, Sequence, TextIO

from metricproofs.cli.parser import UsageExit, build_parser
from metricproofs.errors import MetricProofsError

__all__ = ["run", "main", "build_parser", "HANDLERS", "EXIT_OK", "EXIT_CONTRADICTION", "EXIT_USAGE", "EXIT_UNKNOWN"]

EXIT_OK = 0
EXIT_CONTRADICTION = 1
EXIT_USAGE = 2
EXIT_UNKNOWN = 3


#: verb -> the module of this package that prints it; each has ``run(args, out, err) -> int``.
#: (``list`` is printed by ``listing``: a submodule named ``list`` would shadow the builtin here.)
HANDLERS: dict[str, str] = {
    "list": "metricproofs.cli.listing",
    **{verb: f"metricproofs.cli.{verb}" for verb in ("prove", "explain", "check", "score", "export", "cite", "paper", "site")},
}


def _handler(command: str) -> Callable[[argparse.Namespace, TextIO, TextIO], int]:
    return importlib.import_module(HANDLERS[command]).run


def run(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the CLI with ``argv`` (without the program name) and return the exit code."""
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except UsageExit as exc:
        print(str(exc), file=err)
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version print and exit 0
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(out)
        return EXIT_USAGE
    try:
        return _handler(args.command)(args, out, err)
    except MetricProofsError as exc:
        print(f"metricproofs {args.command}: {exc}", file=err)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("metricproofs: interrupted", file=err)
        return 130


def main() -> None:
    """Console-script entry point."""
    try:
        code = run()
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. `metricproofs list | head`: the reader left, that is fine
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    sys.exit(code)
