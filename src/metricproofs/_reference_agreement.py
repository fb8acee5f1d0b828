"""Chance-corrected agreement metrics of the reference: Matthews correlation and Cohen's kappa.

Summary
-------
:func:`matthews_corrcoef` and :func:`cohen_kappa_score` have scikit-learn's names,
signatures and results (checked against scikit-learn 1.9.1 to 1e-12, zero denominators
included). Both start from the reference's :func:`~metricproofs.reference.confusion_matrix`
(so label handling, weights and validation are the reference's) and then do a few
dot products over its row and column sums.

Main definitions
----------------
With ``C`` the confusion matrix, ``s = C.sum(axis=1)`` (support, per true label),
``q = C.sum(axis=0)`` (predictions, per predicted label), ``c = trace(C)`` and
``N = sum(C)``:

- MCC (Gorodkin's R_K): ``(c N - s.q) / sqrt((N^2 - q.q) (N^2 - s.s))``, and 0.0 when
  the product under the root is 0 (scikit-learn's convention: one class only, on
  either side);
- kappa: ``1 - sum(W * C) / sum(W * E)`` with the chance matrix ``E = outer(q, s) / N``
  and disagreement weights ``W`` (``1 - I``, ``|i - j|`` or ``(i - j)^2``). Unweighted
  this is ``(p_o - p_e) / (1 - p_e)``. When ``N = 0`` (no sample has both labels in
  ``labels=``) or ``sum(W * E) = 0`` (chance agreement 1) the value is
  ``replace_undefined_by`` (nan by default) with an ``UndefinedMetricWarning``.

The symbolic definitions (single source of truth for the proofs) are
:func:`metricproofs.definitions.matthews_corrcoef` and
:func:`metricproofs.definitions.cohen_kappa`; the tests cross-check the two.

References
----------
Matthews (1975); Gorodkin (2004); Cohen (1960); scikit-learn's ``matthews_corrcoef``
and ``cohen_kappa_score`` documentation.
"""

from __future__ import annotations

import math
import numbers
import sys
import warnings
from typing import Any

import numpy as np

__all__ = ["matthews_corrcoef", "cohen_kappa_score"]

_KAPPA_WEIGHTS = (None, "linear", "quadratic")


def _reference() -> Any:
    # Imported on use: metricproofs.reference re-exports this module's functions at its end.
    from metricproofs import reference

    return reference


def _warn(message: str, category: type[Warning]) -> None:
    """Warn at the first frame outside the reference modules (the caller's line)."""
    inside = {__file__, _reference().__file__}
    frame, level = sys._getframe(1), 2
    while frame is not None and frame.f_code.co_filename in inside:
        frame, level = frame.f_back, level + 1
    warnings.warn(message, category, stacklevel=level)


def _confusion(y_true: Any, y_pred: Any, *, labels: Any = None, sample_weight: Any = None) -> np.ndarray:
    """The reference's confusion matrix as a numpy array (whatever the inputs' array namespace:
    both metrics return Python floats), its warnings (a single label) re-issued at the caller's line."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cm = _reference()._confusion_matrix(y_true, y_pred, labels, sample_weight, None)
    for warning in caught:
        _warn(str(warning.message), warning.category)
    return cm


def _refuse_multilabel(y: Any, name: str) -> None:
    """Both metrics are defined for single-label data only (as in scikit-learn)."""
    arr = np.asarray(y) if not hasattr(y, "shape") else y
    if getattr(arr, "ndim", 1) == 2 and arr.shape[1] > 1:
        raise ValueError(f"multilabel-indicator is not supported: {name} is a 2-D indicator matrix; "
                         "pass one label per sample")


def matthews_corrcoef(y_true: Any, y_pred: Any, *, sample_weight: Any = None) -> float:
    """Matthews correlation coefficient, multi-class (Gorodkin's R_K); 0.0 where undefined."""
    _refuse_multilabel(y_true, "y_true")
    _refuse_multilabel(y_pred, "y_pred")
    cm = _confusion(y_true, y_pred, sample_weight=sample_weight)
    support = cm.sum(axis=1, dtype=np.float64)
    predicted = cm.sum(axis=0, dtype=np.float64)
    correct = float(np.trace(cm, dtype=np.float64))
    total = float(predicted.sum())
    cov_true_pred = correct * total - float(np.dot(support, predicted))
    cov_pred_pred = total * total - float(np.dot(predicted, predicted))
    cov_true_true = total * total - float(np.dot(support, support))
    spread = cov_pred_pred * cov_true_true
    if spread == 0:  # a single class in y_true or in y_pred: scikit-learn returns 0.0
        return 0.0
    return float(cov_true_pred / np.sqrt(spread))


def _check_replace_undefined_by(value: Any) -> float:
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        value = float(value)
        if math.isnan(value) or -1.0 <= value <= 1.0:
            return value
    raise ValueError("The 'replace_undefined_by' parameter of cohen_kappa_score must be a float in the "
                     f"range [-1.0, 1.0] or numpy.nan. Got {value!r} instead.")


def _disagreement_weights(size: int, weights: str | None) -> np.ndarray:
    """``W[i, j]``: how much a (true i, predicted j) pair counts as disagreement."""
    index = np.arange(size, dtype=np.float64)
    distance = np.abs(index[:, None] - index[None, :])
    if weights is None:
        return (distance > 0).astype(np.float64)
    return distance if weights == "linear" else distance**2


def cohen_kappa_score(y1: Any, y2: Any, *, labels: Any = None, weights: str | None = None,
                      sample_weight: Any = None, replace_undefined_by: float = np.nan) -> float:
    """Cohen's kappa ``(p_o - p_e) / (1 - p_e)``, optionally linearly or quadratically weighted."""
    if not (weights is None or isinstance(weights, str)) or weights not in _KAPPA_WEIGHTS:
        raise ValueError(f"weights must be one of {list(_KAPPA_WEIGHTS)}; got {weights!r}")
    fallback = _check_replace_undefined_by(replace_undefined_by)
    _refuse_multilabel(y1, "y1")
    _refuse_multilabel(y2, "y2")
    try:
        cm = _confusion(y1, y2, labels=labels, sample_weight=sample_weight)
    except ValueError as exc:
        if "At least one label specified must be in y_true" in str(exc):
            raise ValueError("At least one label in `labels` must be present in `y1` (even though "
                             "`cohen_kappa_score` is otherwise agnostic to the order of `y1` and `y2`).") from exc
        raise
    cm = cm.astype(np.float64)
    predicted = cm.sum(axis=0)
    support = cm.sum(axis=1)
    total = float(predicted.sum())
    if total == 0:
        _warn("`y2` contains no labels that are present in both `y1` and `labels`. `cohen_kappa_score` is "
              "undefined and set to the value defined by the `replace_undefined_by` param, which is set to "
              f"{fallback}.", _reference().UndefinedMetricWarning)
        return fallback
    chance = np.outer(predicted, support) / total
    w = _disagreement_weights(cm.shape[0], weights)
    observed_disagreement = float(np.sum(w * cm))
    chance_disagreement = float(np.sum(w * chance))
    if chance_disagreement == 0:
        _warn("`y1`, `y2` and `labels` have only one label in common. `cohen_kappa_score` is undefined and "
              "set to the value defined by the `replace_undefined_by` param, which is set to "
              f"{fallback}.", _reference().UndefinedMetricWarning)
        return fallback
    return float(1 - observed_disagreement / chance_disagreement)
