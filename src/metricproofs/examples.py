"""The worked example: nine predictions over labels A, B, C where every micro average is 5/9.

Summary
    The example comes from the blog note this project grew from ("micro precision, recall
    and F1 are always the same", on multi-class classification with scikit-learn). It is
    stored here once; ``explain``, the paper, the site and ``score``'s tests read it from
    here, and every number shown for it is computed by :func:`worked_example` from
    :mod:`metricproofs.definitions` (exact fractions) and :mod:`metricproofs.reference`.

Main definitions
    :data:`LABEL_NAMES`, :data:`Y_TRUE`, :data:`Y_PRED`, :data:`SOURCE`, :func:`worked_example`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

__all__ = ["LABEL_NAMES", "Y_TRUE", "Y_PRED", "SOURCE", "worked_example"]

LABEL_NAMES: tuple[str, ...] = ("A", "B", "C")
#: the nine samples, in the note's order: (true, predicted) = (A, A), (A, A), (A, B), ...
Y_TRUE: tuple[str, ...] = ("A", "A", "A", "A", "B", "B", "C", "C", "C")
Y_PRED: tuple[str, ...] = ("A", "A", "B", "C", "A", "B", "B", "C", "C")
#: what the example is, in a reader's terms (it first appeared in an informal note on why
#: scikit-learn's micro averages coincide, which the project grew from; no reader has that note)
SOURCE = "nine predictions over labels A, B, C, five of them correct"


def worked_example() -> dict[str, Any]:
    """Counts and values of the example, from the definitions (exact) and the reference (floats).

    ``per_label`` rows hold TP, FP, FN and support of each label; ``errors`` lists each
    misclassified sample's true and predicted label; ``exact`` holds micro
    P, R, F1 and accuracy as reduced fractions (strings), evaluated from the sympy
    definitions over the confusion matrix; ``reference`` holds the same four from
    :mod:`metricproofs.reference`.
    """
    from metricproofs import definitions as d
    from metricproofs import reference
    from metricproofs.evaluation import evaluate

    index = {name: i for i, name in enumerate(LABEL_NAMES)}
    y_true = [index[x] for x in Y_TRUE]
    y_pred = [index[x] for x in Y_PRED]
    k = len(LABEL_NAMES)
    cm = [[int(x) for x in row] for row in reference.confusion_matrix(y_true, y_pred, labels=list(range(k)))]
    c = d.confusion_counts()
    per_label = []
    for lab, name in enumerate(LABEL_NAMES):
        tp, fp, fn = (int(evaluate(f(d.l), k=k, C=cm, l=lab)) for f in (c.tp, c.fp, c.fn))
        per_label.append({"label": name, "tp": tp, "fp": fp, "fn": fn, "support": tp + fn})
    totals = {key: sum(row[key] for row in per_label) for key in ("tp", "fp", "fn", "support")}
    # each misclassified sample, in order: an FP of its predicted label and an FN of its true label
    errors = [{"true": t, "pred": p} for t, p in zip(Y_TRUE, Y_PRED) if t != p]
    exact: dict[str, Fraction] = {
        "precision": evaluate(d.micro_precision(c), k=k, C=cm),
        "recall": evaluate(d.micro_recall(c), k=k, C=cm),
        "f1": evaluate(d.micro_f1(c), k=k, C=cm),
        "accuracy": evaluate(d.accuracy(c), k=k, C=cm),
    }
    precision, recall, fscore, _ = reference.precision_recall_fscore_support(
        y_true, y_pred, labels=list(range(k)), average="micro")
    return {
        "source": SOURCE,
        "label_names": list(LABEL_NAMES),
        "y_true": list(Y_TRUE),
        "y_pred": list(Y_PRED),
        "confusion_matrix": cm,
        "per_label": per_label,
        "totals": totals,
        "errors": errors,
        "n": len(Y_TRUE),
        "trace": sum(cm[i][i] for i in range(k)),
        "exact": {name: str(value) for name, value in exact.items()},
        "reference": {
            "precision": float(precision),
            "recall": float(recall),
            "f1": float(fscore),
            "accuracy": float(reference.accuracy_score(y_true, y_pred)),
        },
    }
