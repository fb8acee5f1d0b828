"""The conformance checks: which function of which library, claimed as what, under which convention.

Each :class:`Spec` names a library function (or the adapter of :mod:`adapters`), the metric and
average it documents (scikit-learn's meaning), and the convention its documentation states:
the label space (``num_classes``), whether labels absent from a batch count in macro averages
(``absent_labels``), the input type and the argument order. Everything the check is told comes
from the library's documentation; what it finds is judged by hand in :mod:`judgements`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable

import adapters

C = adapters.NUM_CLASSES


@dataclass(frozen=True)
class Spec:
    """One check: ``library``'s ``call`` claimed as scikit-learn's ``metric``/``average``."""

    id: str
    library: str
    call: str  #: what is called, as a user writes it
    target: Callable[[], Callable[..., Any]]
    metric: str
    average: str | None
    kwargs: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    convention: str = ""  #: the documented convention the check is told, in words
    paste: str = ""  #: the callee of a pasteable call (default: the function's name as imported)


def _function(module: str, name: str) -> Callable[[], Callable[..., Any]]:
    return lambda: getattr(importlib.import_module(module), name)


_TORCH = {"num_classes": C, "inputs": "torch", "preds_first": True}
_AVERAGES = ("micro", "macro", "weighted")


def _torchmetrics() -> list[Spec]:
    module = "torchmetrics.functional.classification"
    specs = []
    for name, metric in (("multiclass_precision", "precision"), ("multiclass_recall", "recall"),
                         ("multiclass_f1_score", "f1"), ("multiclass_jaccard_index", "jaccard")):
        for average in _AVERAGES:
            specs.append(Spec(
                f"torchmetrics-{name}-{average}", "torchmetrics", f"{module}.{name}(preds, target, num_classes={C}, "
                f"average={average!r})", _function(module, name), metric, average,
                {"num_classes": C, "average": average}, {**_TORCH, "absent_labels": "skip"},
                "labels 0..C-1, (preds, target), absent classes left out of macro"))
    specs.append(Spec(
        "torchmetrics-multiclass_precision-macro-zero_division=1", "torchmetrics",
        f"{module}.multiclass_precision(preds, target, num_classes={C}, average='macro', zero_division=1)",
        _function(module, "multiclass_precision"), "precision", "macro",
        {"num_classes": C, "average": "macro", "zero_division": 1},
        {**_TORCH, "absent_labels": "skip", "zero_division": 1}, "as above, zero_division=1"))
    specs.append(Spec(
        "torchmetrics-multiclass_accuracy-micro", "torchmetrics",
        f"{module}.multiclass_accuracy(preds, target, num_classes={C}, average='micro')",
        _function(module, "multiclass_accuracy"), "accuracy", None, {"num_classes": C, "average": "micro"},
        _TORCH, "micro accuracy = share of correct samples"))
    specs.append(Spec(
        "torchmetrics-multiclass_accuracy-macro", "torchmetrics",
        f"{module}.multiclass_accuracy(preds, target, num_classes={C}, average='macro')",
        _function(module, "multiclass_accuracy"), "recall", "macro", {"num_classes": C, "average": "macro"},
        {**_TORCH, "absent_labels": "skip"}, "macro accuracy = mean per-class recall, absent classes left out"))
    return specs


def _torcheval() -> list[Spec]:
    module = "torcheval.metrics.functional"
    specs = []
    for name, metric in (("multiclass_precision", "precision"), ("multiclass_recall", "recall"),
                         ("multiclass_f1_score", "f1")):
        for average in _AVERAGES:
            specs.append(Spec(
                f"torcheval-{name}-{average}", "torcheval", f"{module}.{name}(input, target, num_classes={C}, "
                f"average={average!r})", _function(module, name), metric, average,
                {"num_classes": C, "average": average}, {**_TORCH, "absent_labels": "skip"},
                "labels 0..C-1, (input, target), absent classes left out of macro"))
    specs.append(Spec(
        "torcheval-multiclass_accuracy-micro", "torcheval",
        f"{module}.multiclass_accuracy(input, target, num_classes={C}, average='micro')",
        _function(module, "multiclass_accuracy"), "accuracy", None, {"num_classes": C, "average": "micro"},
        _TORCH, "micro accuracy"))
    specs.append(Spec(
        "torcheval-multiclass_accuracy-macro", "torcheval",
        f"{module}.multiclass_accuracy(input, target, num_classes={C}, average='macro')",
        _function(module, "multiclass_accuracy"), "recall", "macro", {"num_classes": C, "average": "macro"},
        {**_TORCH, "absent_labels": "skip"}, "macro accuracy = mean per-class recall"))
    return specs


def _ignite() -> list[Spec]:
    specs = []
    for name, metric in (("Precision", "precision"), ("Recall", "recall")):
        for average in _AVERAGES:
            specs.append(Spec(
                f"ignite-{name}-{average}", "pytorch-ignite",
                f"ignite.metrics.{name}(average={average!r}) on one-hot scores",
                lambda name=name, average=average: adapters.ignite(name, average=average), metric, average,
                {}, {**_TORCH, "absent_labels": "include"},
                "labels 0..C-1 (C = score columns), absent classes count as 0",
                f"adapters.ignite({name!r}, average={average!r})"))
    specs.append(Spec(
        "ignite-Fbeta-macro", "pytorch-ignite", "ignite.metrics.Fbeta(beta=1.0, average=True) on one-hot scores",
        lambda: adapters.ignite("Fbeta", beta=1.0, average=True), "f1", "macro", {},
        {**_TORCH, "absent_labels": "include"}, "mean of per-class F1, absent classes count as 0",
        "adapters.ignite('Fbeta', beta=1.0, average=True)"))
    specs.append(Spec(
        "ignite-Accuracy", "pytorch-ignite", "ignite.metrics.Accuracy() on one-hot scores",
        lambda: adapters.ignite("Accuracy"), "accuracy", None, {}, _TORCH, "share of correct samples",
        "adapters.ignite('Accuracy')"))
    specs.append(Spec(
        "ignite-JaccardIndex", "pytorch-ignite", f"ignite.metrics.JaccardIndex(ConfusionMatrix({C}))",
        lambda: adapters.ignite("JaccardIndex"), "jaccard", None, {},
        {**_TORCH, "absent_labels": "include"}, "per-class IoU over 0..C-1", "adapters.ignite('JaccardIndex')"))
    return specs


def _pycm() -> list[Spec]:
    specs = []
    for attribute, metric, average in (("PPV_Micro", "precision", "micro"), ("PPV_Macro", "precision", "macro"),
                                       ("TPR_Micro", "recall", "micro"), ("TPR_Macro", "recall", "macro"),
                                       ("F1_Micro", "f1", "micro"), ("F1_Macro", "f1", "macro"),
                                       ("Overall_ACC", "accuracy", None)):
        specs.append(Spec(
            f"pycm-{attribute}", "PyCM", f"pycm.ConfusionMatrix(actual_vector=y_true, predict_vector=y_pred).{attribute}",
            lambda attribute=attribute: adapters.pycm(attribute), metric, average, {}, {},
            "classes = labels that occur in y_true or y_pred", f"adapters.pycm({attribute!r})"))
    specs.append(Spec(
        "pycm-weighted_average-F1", "PyCM", "pycm.ConfusionMatrix(...).weighted_average('F1')",
        lambda: adapters.pycm_weighted("F1"), "f1", "weighted", {}, {}, "support-weighted F1",
        "adapters.pycm_weighted('F1')"))
    return specs


def _mlxtend() -> list[Spec]:
    module = "mlxtend.evaluate"
    specs = [
        Spec("mlxtend-accuracy_score-standard", "mlxtend", f"{module}.accuracy_score(y_target, y_predicted)",
             _function(module, "accuracy_score"), "accuracy", None, {}, {}, "share of correct samples"),
        Spec("mlxtend-accuracy_score-average", "mlxtend",
             f"{module}.accuracy_score(y_target, y_predicted, method='average')",
             _function(module, "accuracy_score"), "accuracy", None, {"method": "average"}, {},
             "documented as the average per-class (one-vs-rest) accuracy"),
        Spec("mlxtend-accuracy_score-balanced", "mlxtend",
             f"{module}.accuracy_score(y_target, y_predicted, method='balanced')",
             _function(module, "accuracy_score"), "recall", "macro", {"method": "balanced"}, {},
             "balanced accuracy, checked as macro recall"),
    ]
    for metric in ("precision", "recall", "f1"):
        specs.append(Spec(
            f"mlxtend-scoring-{metric}", "mlxtend", f"{module}.scoring(y_target, y_predicted, metric={metric!r})",
            _function(module, "scoring"), metric, "binary", {"metric": metric},
            {"num_classes": 2, "zero_division": float("nan")},
            "binary, positive_label=1, labels 0 and 1; 0/0 is nan (numpy division)"))
    return specs


def _sklearn() -> list[Spec]:
    module = "sklearn.metrics"
    specs = []
    for name, metric in (("precision_score", "precision"), ("recall_score", "recall"), ("f1_score", "f1"),
                         ("jaccard_score", "jaccard")):
        for average in _AVERAGES:
            specs.append(Spec(
                f"sklearn-{name}-{average}", "scikit-learn", f"{module}.{name}(y_true, y_pred, average={average!r})",
                _function(module, name), metric, average, {"average": average}, {},
                "labels that occur (any hashable labels)"))
        specs.append(Spec(
            f"sklearn-{name}-macro-labels=range(C)", "scikit-learn",
            f"{module}.{name}(y_true, y_pred, labels=range({C}), average='macro')",
            lambda name=name: _with_labels(module, name), metric, "macro", {}, {"num_classes": C, "inputs": "numpy"},
            "labels= 0..C-1: absent labels count with zero_division",
            f"functools.partial({module}.{name}, labels=list(range({C})), average='macro')"))
    specs.append(Spec("sklearn-accuracy_score", "scikit-learn", f"{module}.accuracy_score(y_true, y_pred)",
                      _function(module, "accuracy_score"), "accuracy", None, {}, {}, "share of correct samples"))
    return specs


def _with_labels(module: str, name: str) -> Callable[..., Any]:
    function = getattr(importlib.import_module(module), name)

    def scored(y_true: Any, y_pred: Any) -> Any:
        return function(y_true, y_pred, labels=list(range(C)), average="macro")

    scored.__name__ = name
    return scored


def all_specs() -> list[Spec]:
    """Every conformance check, library by library."""
    return [*_torchmetrics(), *_torcheval(), *_ignite(), *_pycm(), *_mlxtend(), *_sklearn()]
