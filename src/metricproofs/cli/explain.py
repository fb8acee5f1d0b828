"""``metricproofs explain ID``: statement, hypotheses, proof, worked example, counterexamples."""

from __future__ import annotations

import argparse
import textwrap
from typing import TYPE_CHECKING, TextIO

from metricproofs.cli.prove import fmt_value

if TYPE_CHECKING:
    from metricproofs.catalogue import Hypothesis

__all__ = ["run"]


def _assumes(step: Hypothesis) -> str:
    """What a proof step's own query assumes, in words."""
    if step.uses is None:
        return "from the hypotheses"
    if not step.uses:
        return "from the counts' signs alone"
    return f"from {', '.join(step.uses)}"


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, width=92, initial_indent=indent, subsequent_indent=indent)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
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
    if claim.key_argument:
        print("\nKey argument:", file=out)
        print(_wrap(claim.key_argument), file=out)
    print(f"\n{'Proof' if claim.expected == 'holds' else 'Why it fails'}:", file=out)
    print(_wrap(claim.proof), file=out)
    if claim.worked_example:
        from metricproofs.examples import SOURCE, Y_PRED, Y_TRUE, worked_example

        example = worked_example()
        print(f"\nWorked example: {SOURCE}", file=out)
        print(f"  y_true = {list(Y_TRUE)}\n  y_pred = {list(Y_PRED)}", file=out)
        print("  label  TP  FP  FN", file=out)
        for row in example["per_label"]:
            print(f"  {row['label']:<5}  {row['tp']:>2}  {row['fp']:>2}  {row['fn']:>2}", file=out)
        totals, exact, ref = example["totals"], example["exact"], example["reference"]
        print(f"  sum    {totals['tp']:>2}  {totals['fp']:>2}  {totals['fn']:>2}"
              f"   <- sum FP = sum FN = {example['n'] - example['trace']} errors", file=out)
        print(_wrap("each error (true -> predicted) is one FP of the predicted label and one FN of the true "
                    "label: " + ", ".join(f"{e['true']} -> {e['pred']} (FP of {e['pred']}, FN of {e['true']})"
                                          for e in example["errors"])), file=out)
        print(f"  micro P = {totals['tp']}/({totals['tp']}+{totals['fp']}) = {ref['precision']:.4f}, "
              f"micro R = {totals['tp']}/({totals['tp']}+{totals['fn']}) = {ref['recall']:.4f}, "
              f"micro F1 = {ref['f1']:.4f}, accuracy = {exact['accuracy']} = {ref['accuracy']:.4f}", file=out)
    floating = formula.encoding == "float64"  # IEEE-754 claims: decided by provers/floating.py
    if floating:
        from metricproofs.provers.floating import ADVICE, HOW_CHECKED

        print("\nWhat this means for your tests:", file=out)
        print(_wrap(ADVICE), file=out)
    print("\nHow it is checked:", file=out)
    if floating:
        print(_wrap(f"methods: {', '.join(claim.methods)}. {HOW_CHECKED[claim.expected]}"), file=out)
    else:
        print(_wrap(f"methods: {', '.join(claim.methods)}. z3-bounded checks every class count k "
                    f"{'= ' + str(claim.only_classes) if claim.only_classes else 'from ' + str(claim.min_classes) + ' to ' + str(claim.max_classes)} "
                    "with unbounded counts (so every sample count n)"
                    + (f"; z3-induction (over {claim.induction.over}) covers every k." if claim.induction else ".")), file=out)
        if claim.steps is not None:
            print(_wrap("Proof steps: at each k, z3-bounded proves these (one query per fact, or per label, each "
                        "from what it says it assumes), then assumes them where the claim's divisions are shown "
                        "defined and in the negation; a step not proved is not assumed, nor one whose divisions "
                        "the hypotheses do not keep defined:"),
                  file=out)
            for step in claim.proof_steps():
                print(textwrap.fill(f"- [{step.name}] {step.statement} ({_assumes(step)})", width=92,
                                    initial_indent="  ", subsequent_indent="    "), file=out)
    if not floating and claim.induction is None:
        from metricproofs.provers.agreement import every_k_schema

        schema = every_k_schema(claim)
        if schema:
            print(_wrap(schema), file=out)
    if claim.induction:
        from metricproofs.provers.induction import schema_text

        print(_wrap(schema_text(claim)), file=out)
        if claim.induction.over == "classes":
            from metricproofs.provers.induction_classes import invariant_text

            print(_wrap("For this claim: " + invariant_text(claim)), file=out)
    related = claim.when_hypotheses_drop
    if claim.expected == "fails":
        related = (claim.id,)
    if related:
        print("\nCounterexamples (found by a search modelling scikit-learn's order, confirmed by running "
              "scikit-learn with ==):" if floating else
              "\nCounterexamples (found by z3, confirmed by metricproofs.reference):", file=out)
        for claim_id in related:
            result = prove_claim(claim_id, methods=["z3-bounded"], max_classes=4, timeout=20)
            print(f"  {claim_id}: {result.verdict}", file=out)
            if result.call:
                print(f"    {result.call}", file=out)
            values = (result.counterexample or {}).get("values") or {}
            if values:
                shown = repr if floating else fmt_value  # a last-bit difference needs every digit
                print("    gives " + ", ".join(f"{key} = {shown(value)}" for key, value in values.items()), file=out)
    print("\nReferences: " + ", ".join(claim.references), file=out)
    return 0
