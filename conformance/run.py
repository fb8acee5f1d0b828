"""Run every conformance check and write conformance/RESULTS.json and RESULTS.md.

Usage (``make conformance`` runs it in its own venv, .venv-conformance)::

    python conformance/run.py [--only PREFIX] [--examples N] [--no-write]

Each check is ``metricproofs.testing.check_call`` on a library function with the convention
its documentation states (:mod:`checks`). A disagreement is reported as found (every distinct
failure, its pasteable call, expected and got); whether it is by design or a bug is the hand
judgement of :mod:`judgements`, joined by check id and failed property. A finding with no
judgement is written as "unjudged" and makes the run exit 1, so a new library version that
changes behaviour cannot slip into the table unread.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import logging
import platform
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import checks  # noqa: E402
import judgements  # noqa: E402

from metricproofs.testing.tables import conformance_markdown  # noqa: E402
from metricproofs.testing.conformance import check_call  # noqa: E402

DISTRIBUTIONS = {"torchmetrics": "torchmetrics", "torcheval": "torcheval", "pytorch-ignite": "pytorch-ignite",
                 "PyCM": "pycm", "mlxtend": "mlxtend", "scikit-learn": "scikit-learn"}


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def run_one(spec: checks.Spec, examples: int) -> dict[str, Any]:
    """The check's JSON record, with the spec, its timing and the judgement of each failure."""
    started = time.perf_counter()
    report = check_call(spec.target(), spec.metric, spec.average, spec.kwargs, examples=examples,
                        target=spec.call, **spec.options)
    seconds = time.perf_counter() - started
    record = report.as_dict()
    callee = spec.paste or spec.call.partition("(")[0]
    for failure in record["failures"]:
        failure["call"] = callee + failure["call"][len(report.name):]
        failure["judgement"] = judgements.judge(spec.id, failure["property"])
    status = "agrees" if report.ok else judgements.overall([f["judgement"] for f in record["failures"]])
    if report.verdict == "error":
        status = "error"
    return {"id": spec.id, "library": spec.library, "call": spec.call, "metric": spec.metric,
            "average": "none" if spec.average is None else spec.average, "convention": spec.convention,
            "options": spec.options, "status": status, "seconds": round(seconds, 2),
            "error": report.error, "report": record}


def _rejudge(result: dict[str, Any]) -> None:
    for failure in result["report"]["failures"]:
        failure["judgement"] = judgements.judge(result["id"], failure["property"])
    if result["status"] not in ("agrees", "error"):
        result["status"] = judgements.overall([f["judgement"] for f in result["report"]["failures"]])


def render_only() -> int:
    """Apply the current judgements to RESULTS.json and rewrite both files (no check is run)."""
    document = json.loads((HERE / "RESULTS.json").read_text())
    for result in document["checks"]:
        _rejudge(result)
    (HERE / "RESULTS.json").write_text(json.dumps(document, indent=1) + "\n")
    (HERE / "RESULTS.md").write_text(conformance_markdown(document))
    unjudged = [r["id"] for r in document["checks"] if r["status"] in ("unjudged", "error")]
    print(f"rewrote RESULTS.md; unjudged: {', '.join(unjudged) or 'none'}")
    return 1 if unjudged else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run only checks whose id starts with this")
    parser.add_argument("--examples", type=int, default=200)
    parser.add_argument("--no-write", action="store_true", help="print, do not write RESULTS.*")
    parser.add_argument("--render-only", action="store_true",
                        help="re-judge the findings of RESULTS.json and rewrite RESULTS.md, running nothing")
    args = parser.parse_args(argv)
    if args.render_only:
        return render_only()
    logging.disable(logging.WARNING)  # torcheval logs a warning per call on absent classes
    specs = [spec for spec in checks.all_specs() if spec.id.startswith(args.only)]
    results = []
    for spec in specs:
        result = run_one(spec, args.examples)
        results.append(result)
        print(f"{result['status']:>10}  {result['seconds']:6.1f} s  {spec.id}", flush=True)
        for failure in result["report"]["failures"]:
            print(f"            {failure['property']}: {failure['call']} -> expected {failure['expected']}, "
                  f"got {failure['got']}" + (f" ({failure['error']})" if failure["error"] else ""), flush=True)
    document = {
        "metricproofs": importlib.metadata.version("metricproofs"),
        "python": platform.python_version(),
        "torch": _version("torch"),
        "libraries": {library: _version(dist) for library, dist in DISTRIBUTIONS.items()},
        "examples": args.examples,
        "checks": results,
    }
    if not args.no_write:
        (HERE / "RESULTS.json").write_text(json.dumps(document, indent=1) + "\n")
        (HERE / "RESULTS.md").write_text(conformance_markdown(document))
        print(f"wrote {HERE / 'RESULTS.json'} and {HERE / 'RESULTS.md'}")
    unjudged = [r["id"] for r in results if r["status"] in ("unjudged", "error")]
    if unjudged:
        print(f"unjudged or failed to run: {', '.join(unjudged)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
