"""The names a check is described by: metrics, averages, input kinds, conventions.

One definition each, in a module with no imports, so the command-line parser (which must
start fast) and the kit itself read the same tuples.
"""

from __future__ import annotations

__all__ = ["METRICS", "UNAVERAGED_METRICS", "AVERAGES", "MULTILABEL_AVERAGES", "CLI_AVERAGES", "INPUT_KINDS", "ABSENT_LABELS",
           "ZERO_DIVISION_CHOICES"]

#: What a checked function may claim to compute (scikit-learn's meaning).
METRICS: tuple[str, ...] = ("precision", "recall", "f1", "fbeta", "jaccard", "accuracy", "kappa", "mcc")
#: The metrics that take no average (one number for the whole dataset).
UNAVERAGED_METRICS: tuple[str, ...] = ("accuracy", "kappa", "mcc")
#: ``None`` is scikit-learn's ``average=None``: one value per label.
AVERAGES: tuple[str | None, ...] = (None, "binary", "micro", "macro", "weighted")
#: The averages of multi-label (indicator) input; ``"samples"`` averages per sample.
MULTILABEL_AVERAGES: tuple[str | None, ...] = (None, "micro", "macro", "weighted", "samples")
#: ``--average`` choices (``samples`` with ``--multilabel`` only; binary and None through ``--kwarg``).
CLI_AVERAGES: tuple[str, ...] = ("micro", "macro", "weighted", "samples")
#: The type y_true and y_pred are passed as.
INPUT_KINDS: tuple[str, ...] = ("list", "numpy", "torch")
#: How a label of 0..C-1 that occurs in neither y_true nor y_pred counts in an average.
ABSENT_LABELS: tuple[str, ...] = ("include", "skip")
#: ``--zero-division`` spellings and the value each claims.
ZERO_DIVISION_CHOICES: dict[str, float] = {"0": 0.0, "1": 1.0, "nan": float("nan")}
