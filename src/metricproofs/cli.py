"""The ``metricproofs`` command line: argument parsing and dispatch only.

Each verb is a function ``(args, out, err) -> exit code`` living in the module that
owns the work (provers report, scoring, checking, certificates, citation, paper);
this module parses, dispatches through a dict, and turns user errors into one line
on stderr with exit code 2. Heavy libraries (z3, sympy, numpy) are imported only by
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

from metricproofs._version import __version__
from metricproofs.errors import MetricProofsError

EXIT_OK = 0
EXIT_CONTRADICTION = 1
EXIT_USAGE = 2
EXIT_UNKNOWN = 3

METRICS = ("precision", "recall", "f1", "fbeta", "jaccard", "accuracy")
AVERAGES = ("micro", "macro", "weighted", "samples")  # samples: with --multilabel only
METHODS = ("z3-bounded", "z3-induction", "sympy", "cvc5", "coq")

# verb -> "module:function"; each handler takes (args, out, err) and returns an exit code.
HANDLERS: dict[str, str] = {
    "list": "metricproofs.report:run_list",
    "prove": "metricproofs.report:run_prove",
    "explain": "metricproofs.report:run_explain",
    "check": "metricproofs.testing.command:run_check",
    "score": "metricproofs.scoring:run_score",
    "export": "metricproofs.certificates:run_export",
    "cite": "metricproofs.citation:run_cite",
    "paper": "metricproofs.paper:run_paper",
}

EPILOG = """\
exit codes (prove, check):
  0  every verdict as expected (check: no disagreement found)
  1  a verdict contradicts expectation (check: a disagreement, with a counterexample)
  2  usage or input error (one line on stderr)
  3  no contradiction, but some result is unknown (timeout, solver gave up)

'proved' means the solver answered unsat for the negated claim (or the symbolic
difference reduced to 0); a timeout is 'unknown', never 'proved'.
"""


class _UsageExit(Exception):
    """Raised by the parser instead of printing usage and exiting."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageExit(f"{self.prog}: {message} (see '{self.prog} --help')")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text!r}")
    return value


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {text!r}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds > 0, got {text!r}") from None
    if not value > 0 or value != value or value == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds > 0, got {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser; its help texts are the CLI's documentation."""
    parser = _Parser(
        prog="metricproofs",
        description="Machine-checked identities of classification metrics: prove, refute, explain, check your code.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"metricproofs {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("list", help="list the catalogue of claims")
    p.add_argument("--json", action="store_true", help="print one JSON object")

    p = sub.add_parser(
        "prove",
        help="prove or refute claims (all by default)",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="claim ids (default: every claim)")
    p.add_argument("--max-classes", type=_positive_int, default=None, metavar="K",
                   help="bound for z3-bounded: check every class count 1..K (default: per claim, at least 20 where feasible)")
    p.add_argument("--timeout", type=_positive_float, default=None, metavar="SECONDS",
                   help="solver time limit per query (default 60)")
    p.add_argument("--method", action="append", choices=METHODS, default=None, metavar="NAME",
                   help=f"run only these methods (repeatable): {', '.join(METHODS)}")
    p.add_argument("--json", action="store_true", help="print one JSON object (schema in DESIGN section 4)")

    p = sub.add_parser("explain", help="statement, hypotheses, human proof, counterexamples, references")
    p.add_argument("id", metavar="ID")

    p = sub.add_parser(
        "check",
        help="check a third-party metric function against the reference and the proven identities",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("target", metavar="MODULE:FUNCTION")
    p.add_argument("--metric", required=True, choices=METRICS)
    p.add_argument("--average", choices=AVERAGES, default=None,
                   help="the average FUNCTION claims to compute (default: its 'average' kwarg, else "
                        "scikit-learn's 'binary'); 'samples' needs --multilabel")
    p.add_argument("--multilabel", action="store_true",
                   help="generate multi-label input: 0/1 indicator matrices as lists of rows "
                        "(every metric but accuracy needs --average, or an average given by --kwarg)")
    p.add_argument("--kwarg", action="append", default=[], metavar="KEY=JSON",
                   help="keyword argument passed to FUNCTION, value parsed as JSON (repeatable)")
    p.add_argument("--examples", type=_positive_int, default=200, metavar="N")
    p.add_argument("--seed", type=_non_negative_int, default=None, metavar="S")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("score", help="score a CSV of true and predicted labels")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--true", dest="true_col", required=True, metavar="COLUMN")
    p.add_argument("--pred", dest="pred_col", required=True, metavar="COLUMN")
    p.add_argument("--weight", dest="weight_col", default=None, metavar="COLUMN")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("export", help="write certificates (SMT-LIB2 files) that other tools can re-check")
    p.add_argument("--smt2", required=True, metavar="DIR")

    p = sub.add_parser("cite", help="print a version-pinned citation")
    p.add_argument("--format", choices=("bibtex", "apa", "cff"), default="bibtex")

    p = sub.add_parser("paper", help="regenerate paper/generated/*.tex from a real prove run, then build the PDF")
    p.add_argument("--dir", default="paper", metavar="DIR", help="the paper directory (default: paper)")
    p.add_argument("--no-pdf", action="store_true", help="only regenerate the fragments")
    return parser


def _handler(command: str) -> Callable[[argparse.Namespace, TextIO, TextIO], int]:
    module_name, _, function_name = HANDLERS[command].partition(":")
    return getattr(importlib.import_module(module_name), function_name)


def run(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the CLI with ``argv`` (without the program name) and return the exit code."""
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except _UsageExit as exc:
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
