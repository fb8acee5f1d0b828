"""The ``list``, ``prove`` and ``explain`` verbs: run the provers, print what they found.

Printing lives here and only here; the provers return result objects. "proved" is
printed with its scope (``k <= 20`` or ``every k``), because "proved for every class
count up to a bound" and "proved for every class count" are different sentences.
"""

from __future__ import annotations

import argparse
import json
import shutil
import textwrap
from typing import TextIO

from metricproofs.errors import UsageError

__all__ = ["run_list", "run_prove", "run_explain", "format_result", "seed_example"]

#: For each identity, the false beliefs that show what its hypotheses are for.
WHEN_HYPOTHESES_DROP: dict[str, tuple[str, ...]] = {
    "fp-fn-balance": ("multilabel-micro-precision-equals-recall", "abstaining-micro-precision-equals-recall"),
    "micro-precision-equals-recall": ("micro-subset-precision-equals-recall", "multilabel-micro-precision-equals-recall",
                                      "abstaining-micro-precision-equals-recall", "top-k-micro-precision-equals-recall",
                                      "macro-precision-equals-recall"),
    "micro-f1-equals-accuracy": ("micro-subset-precision-equals-recall", "multilabel-micro-precision-equals-recall",
                                 "micro-f1-at-least-macro-f1"),
    "micro-superset-labels-equals-accuracy": ("micro-subset-precision-equals-recall",),
    "weighted-recall-equals-accuracy": ("weighted-precision-equals-accuracy",),
    "prediction-weighted-precision-equals-accuracy": ("weighted-precision-equals-accuracy",),
    "f1-of-averages-at-least-averaged-f1": ("macro-f1-definitions-agree", "macro-f1-between-macro-precision-and-recall"),
    "balanced-accuracy-equals-macro-recall-over-true-labels": ("balanced-accuracy-equals-macro-recall",),
}

#: The seed note's example: (true, predicted) for nine samples over labels A, B, C.
SEED_TRUE = ["A", "A", "A", "A", "B", "B", "C", "C", "C"]
SEED_PRED = ["A", "A", "B", "C", "A", "B", "B", "C", "C"]


def _print_json(obj: object, out: TextIO) -> None:
    print(json.dumps(obj, indent=2, sort_keys=False), file=out)


# --- list --------------------------------------------------------------------------------------


def run_list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``metricproofs list [--json]``."""
    from metricproofs.catalogue import CATALOGUE, catalogue_json

    if args.json:
        _print_json(catalogue_json(), out)
        return 0
    width = max(len(claim.id) for claim in CATALOGUE)
    for claim in CATALOGUE:
        print(f"{claim.id:<{width}}  {claim.expected:<5}  {claim.title}", file=out)
    print(f"\n{len(CATALOGUE)} claims; 'metricproofs explain ID' for one, 'metricproofs prove' to check them.", file=out)
    return 0


# --- prove -------------------------------------------------------------------------------------


def _scope(method: "MethodResult") -> str:  # noqa: F821
    if method.verdict != "proved":
        return method.verdict
    if method.method in ("z3-induction", "coq", "sympy"):
        return "every k"
    if method.max_classes is None:
        return "proved"
    return f"k<={method.max_classes}"


def format_result(result: "ClaimResult", id_width: int = 0) -> str:  # noqa: F821
    """One line per claim, then (for a refuted claim) the counterexample as a paste-able call."""
    mark = "ok " if result.as_expected else ("?? " if result.verdict == "unknown" else "XX ")
    methods = ", ".join(f"{m.method}({_scope(m)})" for m in result.methods) or "no method ran"
    line = (f"{mark}{result.id:<{id_width}}  expected {result.expected:<5}  {result.verdict:<8}  "
            f"{result.seconds:6.2f}s  {methods}")
    lines = [line]
    if result.verdict == "refuted" and result.counterexample is not None:
        if result.call:
            lines.append(f"      counterexample: {result.call}")
        values = result.counterexample.get("values") or {}
        if values:
            shown = ", ".join(f"{key} = {_fmt(value)}" for key, value in values.items())
            lines.append(f"      gives: {shown}")
    for method in result.methods:
        if method.verdict in ("unknown", "error") or (method.verdict != "proved" and result.expected == "holds"):
            lines.append(f"      {method.method}: {method.detail}")
    return "\n".join(lines)


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def _resolve_ids(ids: list[str]) -> list[str]:
    from metricproofs.catalogue import get

    return [get(claim_id).id for claim_id in ids]


def run_prove(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``metricproofs prove [ID ...] [--max-classes K] [--timeout S] [--method NAME ...] [--json]``."""
    from metricproofs.provers import DEFAULT_TIMEOUT, prove

    ids = _resolve_ids(args.ids)
    methods = args.method
    default_methods = methods is None
    interactive = hasattr(err, "isatty") and err.isatty()

    def progress(message: str) -> None:
        if interactive:
            print(f"\r\033[K{message}", end="", file=err, flush=True)

    coq_available = shutil.which("coqc") is not None
    if default_methods:
        methods = None  # each claim's own methods, plus coq where it applies and coqc exists
    report = prove(ids or None, methods=methods, max_classes=args.max_classes,
                   timeout=args.timeout or DEFAULT_TIMEOUT, progress=progress,
                   with_coq=False)
    if interactive:
        print("\r\033[K", end="", file=err, flush=True)
    if "coq" in (methods or []) and not coq_available:
        print("note: coq not run (coqc not found on PATH; Debian package 'coq')", file=err)
    elif default_methods:
        print("note: coq and cvc5 re-checks run on request: --method coq, --method cvc5", file=err)
    if args.json:
        _print_json(report.to_json(), out)
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


# --- explain -------------------------------------------------------------------------------------


def seed_example() -> dict:
    """The seed note's worked example, computed by the reference implementation."""
    from metricproofs import reference

    labels, tp, fp, fn, support = reference.per_label_counts(SEED_TRUE, SEED_PRED)
    p, r, f, _ = reference.precision_recall_fscore_support(SEED_TRUE, SEED_PRED, average="micro")
    return {
        "labels": [str(x) for x in labels],
        "tp": [int(x) for x in tp], "fp": [int(x) for x in fp], "fn": [int(x) for x in fn],
        "micro_precision": float(p), "micro_recall": float(r), "micro_f1": float(f),
        "accuracy": float(reference.accuracy_score(SEED_TRUE, SEED_PRED)),
    }


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, width=92, initial_indent=indent, subsequent_indent=indent)


def run_explain(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``metricproofs explain ID``: statement, hypotheses, proof, example, counterexamples, references."""
    from metricproofs.catalogue import get
    from metricproofs.provers import prove_claim

    claim = get(args.id)
    formula = claim.formula()
    print(f"{claim.id}: {claim.title}", file=out)
    print("=" * (len(claim.id) + len(claim.title) + 2), file=out)
    print(f"\nStatement ({'an identity that holds' if claim.expected == 'holds' else 'a belief that fails'}):", file=out)
    print(_wrap(claim.statement), file=out)
    print("\nHypotheses:", file=out)
    for hypothesis in formula.hypotheses:
        print(textwrap.fill(f"[{hypothesis.name}] {hypothesis.statement}", width=92, initial_indent="  - ",
                            subsequent_indent="    "), file=out)
    print(f"\n{'Proof' if claim.expected == 'holds' else 'Why it fails'}:", file=out)
    print(_wrap(claim.proof), file=out)
    if claim.id in ("fp-fn-balance", "micro-precision-equals-recall", "micro-f1-equals-accuracy"):
        example = seed_example()
        print("\nWorked example (the seed note): nine samples over labels A, B, C", file=out)
        print(f"  y_true = {SEED_TRUE}\n  y_pred = {SEED_PRED}", file=out)
        print("  label  TP  FP  FN", file=out)
        for lab, tp, fp, fn in zip(example["labels"], example["tp"], example["fp"], example["fn"]):
            print(f"  {lab:<5}  {tp:>2}  {fp:>2}  {fn:>2}", file=out)
        print(f"  sum    {sum(example['tp']):>2}  {sum(example['fp']):>2}  {sum(example['fn']):>2}"
              "   <- sum FP = sum FN = 4 errors", file=out)
        print(f"  micro P = 5/(5+4) = {example['micro_precision']:.4f}, micro R = 5/(5+4) = "
              f"{example['micro_recall']:.4f}, micro F1 = {example['micro_f1']:.4f}, "
              f"accuracy = 5/9 = {example['accuracy']:.4f}", file=out)
    print("\nHow it is checked:", file=out)
    print(_wrap(f"methods: {', '.join(claim.methods)}. z3-bounded checks every class count k "
                f"{'= ' + str(claim.only_classes) if claim.only_classes else 'from ' + str(claim.min_classes) + ' to ' + str(claim.max_classes)} "
                "with unbounded counts (so every sample count n)"
                + ("; z3-induction covers every k." if "z3-induction" in claim.methods else ".")), file=out)
    if "z3-induction" in claim.methods:
        from metricproofs.provers.induction import SCHEMA

        print(_wrap(SCHEMA), file=out)
    related = WHEN_HYPOTHESES_DROP.get(claim.id, ())
    if claim.expected == "fails":
        related = (claim.id,)
    if related:
        print("\nCounterexamples (found by z3, confirmed by metricproofs.reference):", file=out)
        for claim_id in related:
            result = prove_claim(claim_id, methods=["z3-bounded"], max_classes=4, timeout=20)
            print(f"  {claim_id}: {result.verdict}", file=out)
            if result.call:
                print(f"    {result.call}", file=out)
            values = (result.counterexample or {}).get("values") or {}
            if values:
                print("    gives " + ", ".join(f"{key} = {_fmt(value)}" for key, value in values.items()), file=out)
    print("\nReferences: " + ", ".join(claim.references), file=out)
    return 0
