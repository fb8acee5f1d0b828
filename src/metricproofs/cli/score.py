"""``metricproofs score FILE --true COL --pred COL``: the per-label report of a predictions file."""

from __future__ import annotations

import argparse
from typing import TextIO

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """0 on success; bad input raises InputError (one line, exit 2). The plot is written
    after the whole report is computed, so an error leaves no file behind."""
    from metricproofs.scoring import score_file

    if args.plot:
        from metricproofs.scoring.plot import check_plot_path

        check_plot_path(args.plot)  # before reading: a bad target costs no time and writes nothing
    report = score_file(args.file, true=args.true_col, pred=args.pred_col, weight=args.weight_col,
                        counts=args.counts_col)
    if args.plot:
        report.plot(args.plot)
    print(report.json() if args.json else report.text(), file=out)
    return 0
