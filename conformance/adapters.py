"""Adapters for libraries whose metric is not one plain function call.

pytorch-ignite's metrics are objects fed (scores, target) batches, PyCM's are attributes of a
confusion-matrix object, mlxtend takes a method name. Each adapter here is the smallest call
that a user of that library writes, so a disagreement is the library's, not the adapter's:
no label is re-encoded (the labels go in as they are generated), nothing is averaged here.
torchmetrics, torcheval and scikit-learn need no adapter: they are checked directly.
"""

from __future__ import annotations

from typing import Any, Callable

NUM_CLASSES = 5  #: the label space 0..C-1 of every index-based check


def _one_hot_scores(y_pred: Any, num_classes: int) -> Any:
    """Predicted labels as (N, C) scores, the form ignite's classification metrics take."""
    import torch

    return torch.nn.functional.one_hot(y_pred, num_classes).to(torch.float64)


def ignite(metric: str, **options: Any) -> Callable[[Any, Any], Any]:
    """``f(y_pred, y_true)`` on int64 tensors: one ignite metric object, one update, compute()."""

    def compute(y_pred: Any, y_true: Any) -> Any:
        import ignite.metrics as im

        if metric == "JaccardIndex":
            obj = im.JaccardIndex(im.ConfusionMatrix(NUM_CLASSES))
        elif metric == "Fbeta":
            obj = im.Fbeta(**options)
        else:
            obj = getattr(im, metric)(**options)
        obj.update((_one_hot_scores(y_pred, NUM_CLASSES), y_true))
        return obj.compute()

    compute.__name__ = f"ignite_{metric}"
    return compute


def pycm(attribute: str) -> Callable[[Any, Any], Any]:
    """``f(y_true, y_pred)`` on lists: ``pycm.ConfusionMatrix(actual, predict).<attribute>``."""

    def compute(y_true: Any, y_pred: Any) -> Any:
        from pycm import ConfusionMatrix

        return getattr(ConfusionMatrix(actual_vector=y_true, predict_vector=y_pred), attribute)

    compute.__name__ = f"pycm_{attribute}"
    return compute


def pycm_weighted(parameter: str) -> Callable[[Any, Any], Any]:
    """``f(y_true, y_pred)``: PyCM's ``weighted_average(parameter)`` (weights: class supports)."""

    def compute(y_true: Any, y_pred: Any) -> Any:
        from pycm import ConfusionMatrix

        return ConfusionMatrix(actual_vector=y_true, predict_vector=y_pred).weighted_average(parameter)

    compute.__name__ = f"pycm_weighted_{parameter}"
    return compute
