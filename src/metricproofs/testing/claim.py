"""What a checked function claims to compute, and the validation of that claim.

Summary
    :class:`CheckClaim` holds every fact a check needs about the function under test: the
    metric and average it claims (scikit-learn's meaning), the keyword arguments it is
    called with, the label-space convention (``num_classes``, ``absent_labels``), the input
    type, the argument order, the claimed ``zero_division`` and the tolerance.
    :func:`validated_claim` builds one, raising a single clear
    :class:`~metricproofs.errors.UsageError` for anything the check cannot honour.

The reference is told only what it understands: ``labels``, ``pos_label``,
``zero_division``, ``beta``, ``normalize`` and ``average``. Other keyword arguments (a
library's ``num_classes``, ``task``, ...) go to the function alone.
"""

from __future__ import annotations

import difflib
import math
import numbers
from dataclasses import dataclass, field
from typing import Any, Hashable, Mapping, Sequence

from metricproofs.errors import UsageError
from metricproofs.testing.names import (
    ABSENT_LABELS,
    AVERAGES,
    INPUT_KINDS,
    METRICS,
    MULTILABEL_AVERAGES,
    UNAVERAGED_METRICS,
)

__all__ = ["CheckClaim", "validated_claim", "REFERENCE_NAMES", "REFERENCE_KWARGS"]

#: The reference function of each metric (metricproofs.reference, scikit-learn's names).
REFERENCE_NAMES: dict[str, str] = {
    "precision": "precision_score",
    "recall": "recall_score",
    "f1": "f1_score",
    "fbeta": "fbeta_score",
    "jaccard": "jaccard_score",
    "accuracy": "accuracy_score",
    "kappa": "cohen_kappa_score",
    "mcc": "matthews_corrcoef",
}
_AVERAGED_KWARGS = frozenset({"labels", "pos_label", "zero_division"})
#: The keyword arguments the reference understands, per metric (besides ``average``).
REFERENCE_KWARGS: dict[str, frozenset[str]] = {
    "precision": _AVERAGED_KWARGS,
    "recall": _AVERAGED_KWARGS,
    "f1": _AVERAGED_KWARGS,
    "fbeta": _AVERAGED_KWARGS | {"beta"},
    "jaccard": _AVERAGED_KWARGS,
    "accuracy": frozenset({"normalize"}),
    "kappa": frozenset({"labels", "weights", "replace_undefined_by"}),
    "mcc": frozenset(),
}
_EVERY_REFERENCE_KWARG = frozenset().union(*REFERENCE_KWARGS.values()) | {"average", "sample_weight"}
_ZERO_DIVISIONS = ("warn", 0, 1)


@dataclass(frozen=True)
class CheckClaim:
    """What the user's function says it computes, how it is called, and how it is judged."""

    metric: str
    average: str | None
    kwargs: Mapping[str, Any]
    with_sample_weight: bool = False
    max_size: int = 200
    multilabel: bool = False
    num_classes: int | None = None
    absent_labels: str | None = None  #: "include" or "skip"; None without num_classes
    inputs: str = "list"
    preds_first: bool = False
    zero_division: Any = None  #: claimed convention, for the reference only (None: the kwargs' or the default)
    rtol: float | None = None  #: None: follow the precision of the returned value
    atol: float | None = None
    extra_kwargs: tuple[str, ...] = field(default=())  #: passed to the function only

    @property
    def reference_kwargs(self) -> dict[str, Any]:
        """The keyword arguments of the reference call (scikit-learn's meaning of the claim)."""
        known = REFERENCE_KWARGS[self.metric]
        kwargs = {k: v for k, v in self.kwargs.items() if k in known}
        if self.zero_division is not None:
            kwargs["zero_division"] = self.zero_division
        if self.num_classes is not None and self.absent_labels == "include" and not self.multilabel \
                and self.metric not in UNAVERAGED_METRICS and self.average != "binary":
            kwargs["labels"] = list(range(self.num_classes))
        if self.metric not in UNAVERAGED_METRICS:
            kwargs["average"] = self.average
        return kwargs

    @property
    def labels(self) -> list[Hashable] | None:
        """The label set the reference scores (``labels=``), or None for its default."""
        labels = self.reference_kwargs.get("labels")
        return None if labels is None else list(labels)

    @property
    def label_space(self) -> list[int] | None:
        """The labels generated cases are drawn from (0..C-1), or None for any labels."""
        return None if self.num_classes is None else list(range(self.num_classes))

    def convention(self) -> str:
        """The claimed label-space and zero_division convention, in words (for reports)."""
        parts = []
        if self.num_classes is not None:
            space = f"labels 0..{self.num_classes - 1}"
            if self.metric not in UNAVERAGED_METRICS and self.average in ("macro", "weighted", None) \
                    and not self.multilabel:
                space += (", absent labels counted with zero_division" if self.absent_labels == "include"
                          else ", absent labels skipped")
            parts.append(space)
        if self.zero_division is not None:
            parts.append(f"zero_division={self.zero_division!r}")
        if self.inputs != "list":
            parts.append(f"{self.inputs} inputs")
        if self.preds_first:
            parts.append("called (y_pred, y_true)")
        return "; ".join(parts)


def _is_column_index(label: Any) -> bool:
    return isinstance(label, numbers.Integral) and not isinstance(label, bool) and int(label) >= 0


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_average(metric: str, average: str | None, multilabel: bool) -> None:
    if metric in UNAVERAGED_METRICS:
        if average is not None:
            raise UsageError(f"{metric} takes no average; got average={average!r}")
        if multilabel and metric != "accuracy":
            raise UsageError(f"{metric} is defined for single-label input only, as in scikit-learn (drop --multilabel)")
    elif multilabel and average == "binary":
        raise UsageError("average='binary' scores one positive label of single-label data and is not "
                         "defined for multi-label input; claim one of None, 'micro', 'macro', 'weighted', "
                         "'samples' instead (CLI: --average micro, macro, weighted or samples)")
    elif multilabel and average not in MULTILABEL_AVERAGES:
        raise UsageError(f"average must be one of {MULTILABEL_AVERAGES!r} for multi-label input; got {average!r}")
    elif not multilabel and average == "samples":
        raise UsageError(f"average must be one of {AVERAGES!r} for single-label input; got 'samples', which "
                         "averages over the labels of each sample of multi-label input: pass multilabel=True "
                         "(CLI: --multilabel) to check multi-label input")
    elif not multilabel and average not in AVERAGES:
        raise UsageError(f"average must be one of {AVERAGES!r}; got {average!r}")


def _function_only(metric: str, kwargs: Mapping[str, Any]) -> tuple[str, ...]:
    """The keyword arguments no reference function has: they go to the function alone.

    A name the reference has for another metric, or a near miss of one (``zero_divison``),
    is an error rather than silently not compared.
    """
    allowed = REFERENCE_KWARGS[metric]
    unknown = sorted(set(kwargs) - allowed - {"average"})
    if "sample_weight" in unknown:
        raise UsageError("sample_weight cannot be fixed (inputs are generated); "
                         "use with_sample_weight=True to have weights generated")
    for key in unknown:
        near = difflib.get_close_matches(key, sorted(_EVERY_REFERENCE_KWARG), n=1, cutoff=0.8)
        if key in _EVERY_REFERENCE_KWARG or near:
            hint = f" (did you mean {near[0]}?)" if near and near[0] != key else ""
            names = ", ".join(sorted(allowed)) or "none"
            raise UsageError(f"keyword argument {key} not understood for metric {metric!r}{hint}; "
                             f"the reference accepts: {names}")
    return tuple(unknown)


def _check_labels(kwargs: Mapping[str, Any], multilabel: bool) -> None:
    labels = kwargs["labels"]
    if isinstance(labels, (str, bytes)) or not isinstance(labels, Sequence) or len(labels) == 0:
        raise UsageError(f"labels must be a non-empty list of labels, got {labels!r}")
    if multilabel and not all(_is_column_index(label) for label in labels):
        raise UsageError(f"for multi-label input labels are column indices (whole numbers >= 0, "
                         f"e.g. labels=[0, 2]); got {labels!r}")


def _check_label_space(metric: str, average: str | None, kwargs: Mapping[str, Any], multilabel: bool,
                       num_classes: Any, absent_labels: Any) -> str | None:
    """Validate num_classes / absent_labels; return the absent-labels convention in force."""
    if absent_labels is not None and absent_labels not in ABSENT_LABELS:
        raise UsageError(f"absent_labels must be 'include' or 'skip', got {absent_labels!r}")
    if num_classes is None:
        if absent_labels is not None:
            raise UsageError(f"absent_labels={absent_labels!r} needs num_classes=C (CLI: --num-classes C): "
                             "it says how a label of 0..C-1 that occurs in neither y_true nor y_pred counts")
        return None
    if not _whole(num_classes) or num_classes < 1:
        raise UsageError(f"num_classes must be a whole number >= 1 (labels are 0..C-1), got {num_classes!r}")
    if "labels" in kwargs:
        raise UsageError("give either num_classes (labels 0..C-1) or labels=[...], not both")
    if multilabel and num_classes < 2:
        raise UsageError(f"multi-label input needs num_classes >= 2 columns, got {num_classes}")
    if multilabel and absent_labels == "skip":
        raise UsageError("absent_labels='skip' is for single-label input; multi-label averages score every "
                         "column, as scikit-learn does (drop --absent-labels)")
    if average == "binary":
        if num_classes != 2:
            raise UsageError(f"average='binary' needs num_classes=2 (labels 0 and 1), got {num_classes}")
        if kwargs.get("pos_label", 1) not in (0, 1):
            raise UsageError(f"pos_label must be 0 or 1 with num_classes=2, got {kwargs['pos_label']!r}")
    return absent_labels or "include"


def _check_tolerance(name: str, value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value) or value < 0:
        raise UsageError(f"{name} must be a finite number >= 0, got {value!r}")
    return float(value)


def _check_zero_division(metric: str, value: Any) -> Any:
    if value is None:
        return None
    if metric in UNAVERAGED_METRICS:
        raise UsageError(f"{metric} has no zero_division (drop --zero-division)")
    if isinstance(value, float) and math.isnan(value):
        return value
    if isinstance(value, bool) or value not in _ZERO_DIVISIONS:
        raise UsageError(f"zero_division must be 0, 1 or nan (or 'warn', which scores 0), got {value!r}")
    return value if isinstance(value, str) else float(value)


def _check_inputs(inputs: Any, num_classes: int | None, kwargs: Mapping[str, Any]) -> None:
    if inputs not in INPUT_KINDS:
        raise UsageError(f"inputs must be one of {', '.join(INPUT_KINDS)}; got {inputs!r}")
    if inputs == "torch":
        try:
            import torch  # noqa: F401
        except ImportError:
            raise UsageError("inputs='torch' needs PyTorch, which is not installed here "
                             "(pip install torch), or choose --inputs list or numpy") from None
        labels = kwargs.get("labels", [])
        pos = kwargs.get("pos_label", 1)
        if any(isinstance(v, str) for v in [*labels, pos]):
            raise UsageError("torch inputs hold integer labels only; labels= and pos_label must be integers")


def validated_claim(
    metric: str,
    average: str | None,
    kwargs: Mapping[str, Any],
    *,
    examples: int,
    seed: int | None,
    max_size: int,
    multilabel: bool = False,
    with_sample_weight: bool = False,
    num_classes: int | None = None,
    absent_labels: str | None = None,
    inputs: str = "list",
    preds_first: bool = False,
    zero_division: Any = None,
    rtol: float | None = None,
    atol: float | None = None,
) -> CheckClaim:
    """The :class:`CheckClaim` for these arguments; one clear :class:`UsageError` otherwise."""
    if not isinstance(multilabel, bool):
        raise UsageError(f"multilabel must be True or False, got {multilabel!r}")
    if not isinstance(preds_first, bool):
        raise UsageError(f"preds_first must be True or False, got {preds_first!r}")
    if metric not in METRICS:
        raise UsageError(f"metric must be one of {', '.join(METRICS)}; got {metric!r}")
    _check_average(metric, average, multilabel)
    extra = _function_only(metric, kwargs)
    if "average" in kwargs and kwargs["average"] != average and metric not in UNAVERAGED_METRICS:
        raise UsageError(f"the function is called with average={kwargs['average']!r} but claimed "
                         f"to compute average={average!r}; make them the same")
    if metric == "fbeta" and "beta" not in kwargs:
        raise UsageError("metric 'fbeta' needs beta, e.g. beta=2 (CLI: --kwarg beta=2)")
    if "labels" in kwargs:
        _check_labels(kwargs, multilabel)
    if multilabel and "pos_label" in kwargs:
        raise UsageError(f"pos_label={kwargs['pos_label']!r} applies only to average='binary' on single-label "
                         "input; for multi-label input choose the columns to score with labels=[...] instead")
    convention = _check_label_space(metric, average, kwargs, multilabel, num_classes, absent_labels)
    if not _whole(examples) or examples < 1:
        raise UsageError(f"examples must be a whole number >= 1, got {examples!r}")
    if seed is not None and (not _whole(seed) or seed < 0):
        raise UsageError(f"seed must be a whole number >= 0 or None, got {seed!r}")
    if not _whole(max_size) or max_size < 1:
        raise UsageError(f"max_size must be a whole number >= 1, got {max_size!r}")
    _check_inputs(inputs, num_classes, kwargs)
    return CheckClaim(
        metric=metric, average=average, kwargs=dict(kwargs), with_sample_weight=bool(with_sample_weight),
        max_size=max_size, multilabel=multilabel, num_classes=num_classes, absent_labels=convention,
        inputs=inputs, preds_first=preds_first, zero_division=_check_zero_division(metric, zero_division),
        rtol=_check_tolerance("rtol", rtol), atol=_check_tolerance("atol", atol), extra_kwargs=extra,
    )
