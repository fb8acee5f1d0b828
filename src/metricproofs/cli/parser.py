"""The argument parser of ``metricproofs``: every verb, option and help text in one place.

The parser raises :class:`UsageExit` instead of printing usage and exiting, so a usage
error becomes one line on stderr (exit 2) in :func:`metricproofs.cli.run`.
"""

from __future__ import annotations

import argparse
from typing import Callable

from metricproofs._version import __version__
from metricproofs.testing.names import ABSENT_LABELS, INPUT_KINDS, METRICS, ZERO_DIVISION_CHOICES
from metricproofs.testing.names import CLI_AVERAGES as AVERAGES  # samples: with --multilabel only
from metricproofs.provers.results import DEFAULT_TIMEOUT

__all__ = ["build_parser", "UsageExit", "EPILOG", "METRICS", "AVERAGES", "METHODS"]

METHODS = ("z3-bounded", "z3-induction", "sympy", "cvc5", "coq")

EPILOG = """\
exit codes (prove, check):
  0  every verdict as expected (check: no disagreement found)
  1  a verdict contradicts expectation (check: a disagreement, with a counterexample)
  2  usage or input error (one line on stderr)
  3  no contradiction, but some result is unknown (timeout, solver gave up)

'proved' means the solver answered unsat for the negated claim (or the symbolic
difference reduced to 0); a timeout is 'unknown', never 'proved'.
"""


class UsageExit(Exception):
    """Raised by the parser instead of printing usage and exiting."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageExit(f"{self.prog}: {message} (see '{self.prog} --help')")


def _whole_number(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number >= ``minimum``, refused in one line otherwise."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected a whole number >= {minimum}, got {text!r}")
        return value
    parse.__name__ = f"whole number >= {minimum}"
    return parse


_positive_int = _whole_number(1)
_non_negative_int = _whole_number(0)


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds > 0, got {text!r}") from None
    if not value > 0 or value != value or value == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds > 0, got {text!r}")
    return value


def _tolerance(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a finite number >= 0, got {text!r}") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a finite number >= 0, got {text!r}")
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
                   help="bound for z3-bounded: check every class count 1..K (default: per claim, 20 for most, "
                        "100 for fp-fn-balance, lower where z3 slows down; explain ID names it)")
    p.add_argument("--timeout", type=_positive_float, default=None, metavar="SECONDS",
                   help=f"solver time limit per query (default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--jobs", type=_positive_int, default=None, metavar="N",
                   help="claims proved at once, each in its own process (default: one per core, at most 4)")
    p.add_argument("--method", action="append", choices=METHODS, default=None, metavar="NAME",
                   help=f"run only these methods (repeatable): {', '.join(METHODS)}")
    p.add_argument("--json", action="store_true", help="print one JSON object: {\"metricproofs\": version, \"results\": [per claim: id, expected, "
                        "verdict, methods (method, verdict, seconds, max_classes, detail), counterexample]}")

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
    p.add_argument("--num-classes", type=_positive_int, default=None, metavar="C",
                   help="labels are the integers 0..C-1 (what index-based libraries take); generated labels "
                        "never leave it")
    p.add_argument("--absent-labels", choices=ABSENT_LABELS, default=None,
                   help="with --num-classes: a label of 0..C-1 in neither y_true nor y_pred counts in macro and "
                        "weighted averages with its zero_division value (include, the default; pytorch-ignite; "
                        "scikit-learn with labels=range(C)) or is left out (skip; torchmetrics, torcheval)")
    p.add_argument("--inputs", choices=INPUT_KINDS, default="list",
                   help="the type y_true and y_pred are passed as (torch: int64 tensors; default list)")
    p.add_argument("--preds-first", action="store_true",
                   help="call FUNCTION(y_pred, y_true, ...) (the torchmetrics and torcheval order)")
    p.add_argument("--zero-division", choices=tuple(ZERO_DIVISION_CHOICES), default=None, metavar="V",
                   help="the zero_division convention FUNCTION follows (0, 1 or nan); applied to the reference "
                        "only, never passed to FUNCTION (use --kwarg for that)")
    p.add_argument("--rtol", type=_tolerance, default=None, metavar="R",
                   help="agreement means |got - expected| <= atol + rtol*|expected| (default: follows the dtype "
                        "returned: float64 1e-9, float32 1e-6, float16 1e-3)")
    p.add_argument("--atol", type=_tolerance, default=None, metavar="A", help="absolute tolerance (default 1e-12)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("score", help="score a CSV or Parquet file of true and predicted labels",
                       description="Per-label TP/FP/FN, precision, recall, F1, their averages and accuracy, "
                                   "and which identities hold for your data. FILE is CSV (UTF-8) or Parquet "
                                   "(recognised by content), read in bounded batches.")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--true", dest="true_col", required=True, metavar="COLUMN", help="column of true labels")
    p.add_argument("--pred", dest="pred_col", required=True, metavar="COLUMN", help="column of predicted labels")
    weights = p.add_mutually_exclusive_group()
    weights.add_argument("--weight", dest="weight_col", default=None, metavar="COLUMN",
                         help="column of sample weights (numbers >= 0)")
    weights.add_argument("--counts", dest="counts_col", default=None, metavar="COLUMN",
                         help="FILE is pre-aggregated (true, pred, count), e.g. a SQL GROUP BY: same report as the rows")
    p.add_argument("--plot", default=None, metavar="FILE",
                   help="also write the confusion matrix picture to FILE (.png or .svg; needs matplotlib)")
    p.add_argument("--json", action="store_true", help="print one JSON object (schema: pydoc metricproofs.scoring)")

    p = sub.add_parser("export", help="write certificates (SMT-LIB2 files) that other tools can re-check")
    p.add_argument("--smt2", required=True, metavar="DIR")

    p = sub.add_parser("cite", help="print a version-pinned citation")
    p.add_argument("--format", choices=("bibtex", "apa", "cff"), default="bibtex")

    p = sub.add_parser("paper", help="regenerate paper/generated/*.tex from a real prove run, then build the PDF")
    p.add_argument("--dir", default="paper", metavar="DIR", help="the paper directory (default: paper)")
    p.add_argument("--no-pdf", action="store_true", help="only regenerate the fragments")

    p = sub.add_parser("site", help="write the static teaching site (claim pages and a confusion-matrix playground)")
    p.add_argument("dir", metavar="DIR", help="the folder to write (new, empty, or an earlier site)")
    p.add_argument("--results", default=None, metavar="FILE",
                   help="render from this 'prove --json' output instead of running a fresh prove")
    return parser
