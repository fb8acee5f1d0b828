"""Hand judgements of every disagreement the conformance run finds.

Keyed by (check id, violated property). Each says whether the difference is by design (the
library documents another convention: where) or a bug (with the upstream issue when one
exists), and why, in a sentence written after reading the library's documentation and code
and replaying the counterexample by hand.
"""

from __future__ import annotations

from typing import Any

BY_DESIGN, BUG = "by-design", "bug"

#: (check id, property) -> judgement; property "*" matches any property of that check.
_TORCHEVAL_RECALL = {
    "kind": BUG,
    "why": "torcheval's `_recall_compute` (functional/classification/recall.py) drops the classes absent from "
           "both input and target from `num_tp` but divides by the unmasked `num_labels`. With one class "
           "present the 1-element numerator broadcasts over all C classes and 1/0 gives inf; with 2..C-1 "
           "classes present the shapes differ and the division raises RuntimeError. Both failures are "
           "this one bug; precision and F1 apply the mask to both tensors and agree.",
    "upstream": "https://github.com/meta-pytorch/torcheval/issues/150 (closed, still present in 0.0.7); "
                "fix proposed in https://github.com/meta-pytorch/torcheval/pull/166 (open); same report "
                "https://github.com/meta-pytorch/torcheval/issues/216 (open) and #189",
}

_PYCM_NONE = {
    "kind": BY_DESIGN,
    "why": "PyCM returns the string 'None' for a statistic it cannot compute, and a macro or weighted "
           "average containing one is 'None' too. For one-class input it adds a phantom class '~other~' "
           "(pycm/utils.py, classes_filter) whose statistics are all 'None', so even ([0], [0]) has no "
           "macro value. Every numeric value PyCM returned agreed with scikit-learn's (the search for a "
           "second kind of failure found none).",
    "documented": "the phantom class came with the answer to https://github.com/sepandhaghighi/pycm/issues/310",
    "upstream": "https://github.com/sepandhaghighi/pycm/issues/310",
}

#: (check id, property) -> judgement; property "*" matches any property of that check.
JUDGEMENTS: dict[tuple[str, str], dict[str, Any]] = {
    ("torcheval-multiclass_recall-macro", "*"): _TORCHEVAL_RECALL,
    ("torcheval-multiclass_recall-weighted", "*"): _TORCHEVAL_RECALL,
    ("torcheval-multiclass_accuracy-macro", "agrees-with-reference"): {
        "kind": BY_DESIGN,
        "why": "torcheval's macro accuracy averages per-class recall over the classes of the target only "
               "(a class that is only predicted is left out), which is scikit-learn's balanced_accuracy_score, "
               "not macro recall over the labels that occur: the two differ exactly when a label occurs only "
               "in the predictions (the catalogue refutes 'balanced accuracy = macro recall' with scikit-learn's default labels).",
        "documented": "multiclass_accuracy docstring: 'macro: ... Classes with 0 true instances are ignored.'",
    },
    **{(f"pycm-{attribute}", "returns-a-number"): _PYCM_NONE
       for attribute in ("PPV_Macro", "TPR_Macro", "F1_Macro", "weighted_average-F1")},
    ("mlxtend-accuracy_score-average", "agrees-with-reference"): {
        "kind": BY_DESIGN,
        "why": "method='average' is the mean of the one-vs-rest (binary) accuracies over the classes of "
               "y_target, a different metric from accuracy: here (1 + 1/2) / 2 = 0.75 against accuracy 0.5.",
        "documented": "accuracy_score docstring: \"If set to 'average', computes average per-class (balanced) "
                      "accuracy\"; the maintainer confirms the definition in "
                      "https://github.com/rasbt/mlxtend/issues/762",
    },
    ("mlxtend-accuracy_score-balanced", "agrees-with-reference"): {
        "kind": BY_DESIGN,
        "why": "balanced accuracy is mean recall over the classes of y_target (scikit-learn's "
               "balanced_accuracy_score); macro recall over the labels that occur also averages a 0 for a "
               "label that is only predicted (the catalogue refutes 'balanced accuracy = macro recall' with scikit-learn's default labels).",
        "documented": "accuracy_score docstring: \"If set to 'balanced', computes the scikit-learn-style "
                      "balanced accuracy\"",
    },
    ("mlxtend-scoring-f1", "agrees-with-reference"): {
        "kind": BY_DESIGN,
        "why": "mlxtend computes F1 as the harmonic mean 2 P R / (P + R), so a 0/0 recall (no true positive "
               "label) makes F1 nan; scikit-learn computes F1 from counts, 2 TP / (2 TP + FP + FN), which is "
               "defined (here 0 / 1 = 0) whenever a sample is wrong. The two forms agree wherever P and R are "
               "both defined (the catalogue proves the two forms of F-beta equal there). Precision and recall agree "
               "under the declared zero_division=nan.",
        "documented": "mlxtend's scoring docstring gives 'f1': 2 * (PRE * REC) / (PRE + REC)",
    },
    ("mlxtend-accuracy_score-balanced", "no-exception"): {
        "kind": BUG,
        "why": "method='balanced' compares the raw arguments (`y_target == c`, `y_predicted == c`) instead of "
               "the numpy arrays it made from them. For a Python list of string labels, list == numpy.str_ is "
               "one bool, and indexing it raises TypeError: 'bool' object is not subscriptable. numpy arrays, "
               "or integer labels (where numpy broadcasts the comparison), work; the other methods use the "
               "arrays and work on lists.",
        "upstream": "none found (searched the mlxtend tracker for balanced accuracy and this error)",
    },
}


def judge(check_id: str, prop: str) -> dict[str, Any]:
    """The judgement of one failure, or an "unjudged" record."""
    found = JUDGEMENTS.get((check_id, prop)) or JUDGEMENTS.get((check_id, "*"))
    if found is None:
        return {"kind": "unjudged", "why": "", "documented": None, "upstream": None}
    return {"documented": None, "upstream": None, **found}


def overall(kinds: list[dict[str, Any]]) -> str:
    """A check's status from its failures' judgements: bug > unjudged > by-design."""
    names = {k["kind"] for k in kinds}
    for kind in (BUG, "unjudged", BY_DESIGN):
        if kind in names:
            return kind
    return "agrees"
