"""``metricproofs score FILE --true COL --pred COL``: the per-label report of a predictions file."""

from __future__ import annotations

import argparse
from typing import TextIO

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """0 on success; bad input raises InputError (one line, exit 2)."""
    from metricproofs.scoring import read_totals, render_json, render_text, summarise

    totals = read_totals(args.file, args.true_col, args.pred_col, args.weight_col)
    summary = summarise(totals)
    render = render_json if args.json else render_text
    print(render(summary, args, totals.rows), file=out)
    return 0
