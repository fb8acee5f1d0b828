"""Wall time of a default ``check_metric`` run (DESIGN section 6; issue goal: under 20 s).

A default check generates 200 inputs and, on each, calls the user's function a few times
(the value, the sample-order permutation, the swapped arguments for micro metrics) and the
reference once per property. The figure therefore depends on the target's own speed, so
several kinds of target are timed: the reference itself (a numpy-speed target), scikit-learn's
function (a slower, validating one), a pure-Python loop and, where torch is installed (the
conformance venv, ``make conformance``), torchmetrics' and torcheval's functions on int64 tensors
(``--inputs torch --preds-first --num-classes 10``). CPU time is printed beside wall time: on a
shared machine the wall time also counts other processes.

Usage: ``python benchmarks/bench_check.py [--repeats N]``.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import time
from typing import Any, Callable

GOAL_SECONDS = 20.0


def _python_micro_f1(y_true: list, y_pred: list) -> float:
    """Micro F1 over all labels of single-label data, written as a plain loop (= accuracy)."""
    return sum(t == p for t, p in zip(y_true, y_pred)) / len(y_true)


def _numpy_multilabel_micro_f1(y_true: Any, y_pred: Any) -> float:
    import numpy as np

    t, p = np.asarray(y_true, dtype=bool), np.asarray(y_pred, dtype=bool)
    total = t.sum() + p.sum()
    return float(2 * (t & p).sum() / total) if total else 0.0


Target = tuple[str, Callable[..., Any], str, "str | None", dict]


def _targets() -> list[Target]:
    """(label, function, metric, average, options of check_metric) for each timed check."""
    from metricproofs import reference

    rows: list[Target] = [
        ("reference f1, micro", functools.partial(reference.f1_score, average="micro"), "f1", "micro", {}),
        ("reference f1, macro", functools.partial(reference.f1_score, average="macro"), "f1", "macro", {}),
        ("pure-Python micro f1 loop", _python_micro_f1, "f1", "micro", {}),
        ("numpy multi-label micro f1", _numpy_multilabel_micro_f1, "f1", "micro", {"multilabel": True}),
    ]
    try:
        from sklearn import metrics as skm
    except ImportError:
        return rows
    rows.append(("scikit-learn f1, macro", functools.partial(skm.f1_score, average="macro"), "f1", "macro", {}))
    return rows + _torch_targets()


def _torch_targets() -> list[Target]:
    """torchmetrics' and torcheval's macro F1 on int64 tensors, (preds, target): the README command."""
    try:
        from torchmetrics.functional.classification import multiclass_f1_score
    except ImportError:
        return []
    options = {"num_classes": 10, "absent_labels": "skip", "inputs": "torch", "preds_first": True}
    rows: list[Target] = [("torchmetrics multiclass_f1_score, macro, C=10",
                           functools.partial(multiclass_f1_score, num_classes=10, average="macro"), "f1", "macro",
                           options)]
    try:
        from torcheval.metrics.functional import multiclass_f1_score as torcheval_f1
    except ImportError:
        return rows
    rows.append(("torcheval multiclass_f1_score, macro, C=10",
                 functools.partial(torcheval_f1, num_classes=10, average="macro"), "f1", "macro", options))
    return rows


def run(repeats: int = 3, out: Callable[[str], None] = print) -> dict:
    import logging

    logging.disable(logging.WARNING)  # torcheval logs a warning per call on absent classes
    from metricproofs.testing import check_metric

    out("## A default `check` run\n")
    out(f"Median wall time of {repeats} default `check_metric` runs (200 generated examples, derandomized, "
        "so every run checks the same inputs) per target, in this process.\n")
    out("| target | verdict | examples | median s | median CPU s | goal |")
    out("|---|---|---:|---:|---:|---|")
    key: dict = {}
    for label, fn, metric, average, options in _targets():
        times, cpu, report = [], [], None
        for _ in range(repeats):
            start, start_cpu = time.perf_counter(), time.process_time()
            report = check_metric(fn, metric, average, **options)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        seconds = statistics.median(times)
        goal = f"< {GOAL_SECONDS:.0f} s: {'met' if seconds < GOAL_SECONDS else 'MISSED'}"
        out(f"| {label} | {report.verdict} | {report.examples} | {seconds:.2f} | {statistics.median(cpu):.2f} | {goal} |")
        key[label] = {"seconds": seconds, "verdict": report.verdict, "examples": report.examples}
    out("")
    return key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    run(repeats=args.repeats, out=lambda line: print(line, flush=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
