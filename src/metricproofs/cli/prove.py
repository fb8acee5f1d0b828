"""``metricproofs prove``: run the provers and print one verdict line per claim.

"proved" is printed with its scope (``k<=20`` or ``every k``), because "proved for every
class count up to a bound" and "proved for every class count" are different sentences.
"""

from __future__ import annotations

import argparse
import json
import shutil
from typing import TextIO

__all__ = ["run", "format_result"]


def _scope(method: "MethodResult") -> str:  # noqa: F821
    if method.verdict != "proved":
        return method.verdict
    if method.scope == "every k":  # a bounded check of a claim about one class count covers it all
        return "every k" if method.max_classes is None else f"k={method.max_classes}, the claim's only k"
    if method.max_classes is None:
        return "proved"
    return f"k<={method.max_classes}"


def format_result(result: "ClaimResult", id_width: int = 0) -> str:  # noqa: F821
    """One line per claim, then (for a refuted claim) the counterexample as a paste-able call."""
    mark = "ok " if result.as_expected else ("?? " if result.verdict == "unknown" else "XX ")
    methods = ", ".join(f"{m.method}({_scope(m)})" for m in result.methods) or "no method ran"
    if not result.methods and result.not_run:
        methods += f" ({', '.join(result.not_run)}: does not apply to this claim, or is not installed)"
    line = (f"{mark}{result.id:<{id_width}}  expected {result.expected:<5}  {result.verdict:<8}  "
            f"{result.seconds:6.2f}s  {methods}")
    lines = [line]
    if result.verdict == "refuted" and result.counterexample is not None:
        if result.call:
            lines.append(f"      counterexample: {result.call}")
        values = result.counterexample.get("values") or {}
        if values:
            shown = ", ".join(f"{key} = {fmt_value(value)}" for key, value in values.items())
            lines.append(f"      gives: {shown}")
    for method in result.methods:
        if method.verdict in ("unknown", "error") or (method.verdict != "proved" and result.expected == "holds"):
            lines.append(f"      {method.method}: {method.detail}")
    return "\n".join(lines)


def fmt_value(value: object) -> str:
    """A value as the verdict lines show it (floats to six significant digits)."""
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def _resolve_ids(ids: list[str]) -> list[str]:
    from metricproofs.catalogue import get

    return [get(claim_id).id for claim_id in ids]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``metricproofs prove [ID ...] [--max-classes K] [--timeout S] [--method NAME ...] [--json]``."""
    from metricproofs.provers import DEFAULT_TIMEOUT, default_jobs, prove

    ids = _resolve_ids(args.ids)
    methods = args.method
    default_methods = methods is None
    interactive = hasattr(err, "isatty") and err.isatty()

    def progress(message: str) -> None:
        if interactive:
            print(f"\r\033[K{message}", end="", file=err, flush=True)

    coq_available = shutil.which("coqc") is not None
    report = prove(ids or None, methods=methods, max_classes=args.max_classes,
                   timeout=args.timeout or DEFAULT_TIMEOUT, progress=progress,
                   jobs=default_jobs() if getattr(args, "jobs", None) is None else args.jobs)
    if interactive:
        print("\r\033[K", end="", file=err, flush=True)
    if "coq" in (methods or []) and not coq_available:
        print("note: coq not run (coqc not found on PATH; Debian package 'coq')", file=err)
    elif default_methods:
        print("note: coq and cvc5 re-checks run on request: --method coq, --method cvc5", file=err)
    if args.json:
        print(json.dumps(report.to_json(), indent=2), file=out)
        return report.exit_code
    width = max((len(r.id) for r in report.results), default=0)
    for result in report.results:
        print(format_result(result, width), file=out)
    expected = sum(r.as_expected for r in report.results)
    unknown = sum(r.verdict == "unknown" for r in report.results)
    total_seconds = sum(r.seconds for r in report.results)
    print(f"\n{len(report.results)} claims: {expected} as expected, {unknown} unknown, "
          f"{len(report.results) - expected - unknown} contradicting expectation ({total_seconds:.1f}s of solver time). "
          f"exit {report.exit_code}", file=out)
    print("'proved' = the solver answered unsat for the negated claim (k<=K: every class count up to K, "
          "every sample count; every k: all class counts).", file=out)
    return report.exit_code
