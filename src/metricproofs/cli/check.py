"""``metricproofs check MODULE:FUNCTION``: check a user's metric function and print the report.

Every option is a keyword argument of :func:`metricproofs.testing.check_metric`; this module
only passes them on and prints the text report or the JSON (DESIGN section 4).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from metricproofs.errors import UsageError
from metricproofs.testing.command import claimed_average, parse_kwargs, resolve_target
from metricproofs.testing.names import ZERO_DIVISION_CHOICES

__all__ = ["run"]

EXIT_AGREES, EXIT_DISAGREES, EXIT_USAGE = 0, 1, 2


def _zero_division(text: str | None) -> float | None:
    """``--zero-division 0|1|nan`` as the value the reference is given."""
    return None if text is None else ZERO_DIVISION_CHOICES[text]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``metricproofs check``: 0 no disagreement found, 1 a disagreement, 2 usage error."""
    kwargs = parse_kwargs(list(args.kwarg))
    multilabel = bool(getattr(args, "multilabel", False))
    fn = resolve_target(args.target)
    try:
        from metricproofs.testing.conformance import check_call
    except ModuleNotFoundError as exc:
        raise UsageError(f"metricproofs check needs {exc.name}: pip install 'metricproofs[testing]'") from None
    report = check_call(
        fn,
        args.metric,
        claimed_average(args.metric, args.average, kwargs, multilabel),
        kwargs,
        multilabel=multilabel,
        examples=args.examples,
        seed=args.seed,
        target=args.target,
        num_classes=getattr(args, "num_classes", None),
        absent_labels=getattr(args, "absent_labels", None),
        inputs=getattr(args, "inputs", "list"),
        preds_first=bool(getattr(args, "preds_first", False)),
        zero_division=_zero_division(getattr(args, "zero_division", None)),
        rtol=getattr(args, "rtol", None),
        atol=getattr(args, "atol", None),
    )
    if args.json:
        print(report.to_json(), file=out)
    elif report.verdict != "error":
        print(str(report), file=out)
    if report.verdict == "error":
        print(f"metricproofs check: {report.error}", file=err)
        return EXIT_USAGE
    return EXIT_AGREES if report.ok else EXIT_DISAGREES
