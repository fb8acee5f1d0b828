"""Check a third-party metric function against the reference and the proven identities.

Summary
    :func:`check_metric` searches, with hypothesis, for an input on which a user's metric
    function breaks one of these properties, and shrinks the first one it finds to a
    minimal counterexample:

    - ``no-exception``: valid input (input scikit-learn accepts) gives a value, not an error;
    - the proven identities that apply to the claimed metric, by catalogue id
      (``micro-f1-equals-accuracy``, ``micro-fbeta-equals-accuracy``,
      ``micro-precision-equals-recall``, ``micro-superset-labels-equals-accuracy``,
      ``micro-jaccard-from-accuracy``, ``weighted-recall-equals-accuracy``); their
      right-hand sides are computed here from a plain count of correct samples, so they
      are an oracle independent of the reference;
    - ``agrees-with-reference``: the value equals :mod:`metricproofs.reference`
      (scikit-learn's meaning, independent code) within 1e-9;
    - ``micro-metrics-symmetric``: swapping ``y_true`` and ``y_pred`` leaves micro
      metrics (and accuracy) unchanged;
    - ``sample-order-invariance``: permuting the samples leaves the value unchanged.

    With ``multilabel=True`` the inputs are pairs of 0/1 indicator matrices (rows =
    samples, at least two columns = labels) and the properties are ``no-exception``,
    ``agrees-with-reference``, ``sample-order-invariance`` (rows and weights permuted
    together) and, for micro precision and recall, the proven
    ``multilabel-micro-equal-iff-equal-totals``. The single-label identities (micro =
    accuracy, symmetry, ...) are not applied there: they are false for multi-label input
    (``multilabel-micro-precision-equals-recall`` fails).

    "No counterexample found" is the result of a bounded random search, not a proof.

Main definitions
    - :func:`check_metric`, returning a :class:`CheckReport` (``ok``, ``str()`` with a
      paste-able call, ``as_dict()`` / ``to_json()`` in the schema of DESIGN section 4);
    - :data:`PROPERTIES`: every property id with its one-line statement.

Determinism: by default the search is derandomized (the same counterexample every run);
``seed=`` varies it. Hypothesis settings are local to the call and ``database=None``, so
nothing is written into the user's project.
"""

from __future__ import annotations

import contextlib
import json
import math
import numbers
import random
import tempfile
import warnings
from pathlib import Path
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable, Hashable, Iterator, Mapping, Sequence

import numpy as np
from hypothesis import HealthCheck, Phase, Verbosity, find, reject
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample, Unsatisfiable

from metricproofs.errors import UsageError
from metricproofs.testing.strategies import (
    binary_label_pairs,
    indicator_pairs,
    label_pairs,
    label_sets,
    sample_weights,
)

__all__ = ["METRICS", "AVERAGES", "MULTILABEL_AVERAGES", "TOLERANCE", "PROPERTIES", "CheckReport",
           "Counterexample", "check_metric", "check_call"]

METRICS: tuple[str, ...] = ("precision", "recall", "f1", "fbeta", "jaccard", "accuracy")
#: ``None`` is scikit-learn's ``average=None``: one value per label.
AVERAGES: tuple[str | None, ...] = (None, "binary", "micro", "macro", "weighted")
#: The averages of multi-label (indicator) input; ``"samples"`` averages per sample.
MULTILABEL_AVERAGES: tuple[str | None, ...] = (None, "micro", "macro", "weighted", "samples")
TOLERANCE = 1e-9

PROPERTIES: dict[str, str] = {
    "no-exception": "valid input (scikit-learn accepts it) gives a value, not an exception",
    "micro-f1-equals-accuracy": "micro-averaged P, R and F1 over every label equal accuracy (proved)",
    "micro-fbeta-equals-accuracy": "micro F-beta over every label equals accuracy for every beta > 0 (proved)",
    "micro-precision-equals-recall": "micro precision equals micro recall over every label (proved)",
    "micro-superset-labels-equals-accuracy":
        "micro P = R = F = accuracy when labels= contains every label that occurs (proved)",
    "micro-jaccard-from-accuracy": "micro Jaccard = acc / (2 - acc) over every label (proved)",
    "weighted-recall-equals-accuracy": "support-weighted mean recall equals accuracy (proved)",
    "agrees-with-reference": f"the value equals metricproofs.reference (scikit-learn's meaning) within {TOLERANCE:g}",
    "micro-metrics-symmetric": "swapping y_true and y_pred leaves micro metrics and accuracy unchanged (proved)",
    "multilabel-micro-equal-iff-equal-totals":
        "multi-label: micro precision equals micro recall when as many labels are predicted as are true "
        "and TP > 0 (proved)",
    "sample-order-invariance": "permuting the samples leaves the value unchanged",
    "deterministic": "the same call gives the same result twice",
}

_REFERENCE_NAMES = {
    "precision": "precision_score",
    "recall": "recall_score",
    "f1": "f1_score",
    "fbeta": "fbeta_score",
    "jaccard": "jaccard_score",
    "accuracy": "accuracy_score",
}
_AVERAGED_KWARGS = frozenset({"labels", "pos_label", "zero_division"})
_ALLOWED_KWARGS: dict[str, frozenset[str]] = {
    "precision": _AVERAGED_KWARGS,
    "recall": _AVERAGED_KWARGS,
    "f1": _AVERAGED_KWARGS,
    "fbeta": _AVERAGED_KWARGS | {"beta"},
    "jaccard": _AVERAGED_KWARGS,
    "accuracy": frozenset({"normalize"}),
}


def _reference() -> Any:
    """The module every expected value comes from (scikit-learn's names and meaning).

    The one place that names it, so the oracle can be swapped in one line.
    """
    from metricproofs import reference

    return reference


# --- the claim under test --------------------------------------------------------------


@dataclass(frozen=True)
class _Claim:
    """What the user's function says it computes, and the fixed keyword arguments."""

    metric: str
    average: str | None
    kwargs: Mapping[str, Any]
    with_sample_weight: bool
    max_size: int
    multilabel: bool = False

    @property
    def reference_kwargs(self) -> dict[str, Any]:
        extra = {} if self.metric == "accuracy" else {"average": self.average}
        return {**{k: v for k, v in self.kwargs.items() if k != "average"}, **extra}

    @property
    def labels(self) -> list[Hashable] | None:
        labels = self.kwargs.get("labels")
        return None if labels is None else list(labels)


def _validate(metric: str, average: str | None, kwargs: Mapping[str, Any], examples: int,
              seed: int | None, max_size: int, multilabel: bool = False) -> None:
    """Raise one clear :class:`UsageError` for any argument the check cannot honour."""
    if not isinstance(multilabel, bool):
        raise UsageError(f"multilabel must be True or False, got {multilabel!r}")
    if metric not in METRICS:
        raise UsageError(f"metric must be one of {', '.join(METRICS)}; got {metric!r}")
    if metric == "accuracy":
        if average is not None:
            raise UsageError(f"accuracy takes no average; got average={average!r}")
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
    unknown = sorted(set(kwargs) - _ALLOWED_KWARGS[metric] - {"average"})
    if unknown:
        if "sample_weight" in unknown:
            raise UsageError("sample_weight cannot be fixed (inputs are generated); "
                             "use with_sample_weight=True to have weights generated")
        allowed = ", ".join(sorted(_ALLOWED_KWARGS[metric])) or "none"
        raise UsageError(f"keyword argument(s) {', '.join(unknown)} not understood for metric "
                         f"{metric!r}; the reference accepts: {allowed}")
    if "average" in kwargs and kwargs["average"] != average:
        raise UsageError(f"the function is called with average={kwargs['average']!r} but claimed "
                         f"to compute average={average!r}; make them the same")
    if metric == "fbeta" and "beta" not in kwargs:
        raise UsageError("metric 'fbeta' needs beta, e.g. beta=2 (CLI: --kwarg beta=2)")
    if "labels" in kwargs:
        labels = kwargs["labels"]
        if isinstance(labels, (str, bytes)) or not isinstance(labels, Sequence) or len(labels) == 0:
            raise UsageError(f"labels must be a non-empty list of labels, got {labels!r}")
        if multilabel and not all(_is_column_index(label) for label in labels):
            raise UsageError(f"for multi-label input labels are column indices (whole numbers >= 0, "
                             f"e.g. labels=[0, 2]); got {labels!r}")
    if multilabel and "pos_label" in kwargs:
        raise UsageError(f"pos_label={kwargs['pos_label']!r} applies only to average='binary' on single-label "
                         "input; for multi-label input choose the columns to score with labels=[...] instead")
    if not isinstance(examples, int) or isinstance(examples, bool) or examples < 1:
        raise UsageError(f"examples must be a whole number >= 1, got {examples!r}")
    if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool) or seed < 0):
        raise UsageError(f"seed must be a whole number >= 0 or None, got {seed!r}")
    if not isinstance(max_size, int) or max_size < 1:
        raise UsageError(f"max_size must be a whole number >= 1, got {max_size!r}")


def _is_column_index(label: Any) -> bool:
    return isinstance(label, numbers.Integral) and not isinstance(label, (bool, np.bool_)) and label >= 0


# --- generated cases -------------------------------------------------------------------


@dataclass(frozen=True)
class _Case:
    """One generated input: the two label vectors (or indicator rows), optional weights,
    a sample order."""

    y_true: list[Any]
    y_pred: list[Any]
    sample_weight: list[float] | None
    order: list[int]

    def permuted(self) -> _Case:
        def take(values: list) -> list:
            return [values[i] for i in self.order]

        weights = None if self.sample_weight is None else take(self.sample_weight)
        return _Case(take(self.y_true), take(self.y_pred), weights, list(range(len(self.order))))

    def swapped(self) -> _Case:
        return _Case(self.y_pred, self.y_true, self.sample_weight, self.order)


def _cases(claim: _Claim) -> st.SearchStrategy[_Case]:
    """Inputs that scikit-learn accepts for the claimed metric and keyword arguments."""

    @st.composite
    def build(draw: st.DrawFn) -> _Case:
        if claim.multilabel:
            y_true, y_pred = draw(indicator_pairs(max_rows=claim.max_size, **_column_bounds(claim)))
        elif claim.average == "binary":
            pos_label = claim.kwargs.get("pos_label", 1)
            y_true, y_pred = draw(binary_label_pairs(max_size=claim.max_size, pos_label=pos_label))
        elif claim.labels is not None:
            # labels= given: draw from those labels plus a few outside them (samples that
            # labels= leaves out), all of the same type.
            pool = draw(label_sets(claim.labels, relation="superset", max_extra=2))
            y_true, y_pred = draw(label_pairs(max_size=claim.max_size, pool=pool))
        else:
            y_true, y_pred = draw(label_pairs(max_size=claim.max_size))
        size = len(y_true)
        weights = draw(sample_weights(size=size)) if claim.with_sample_weight else None
        return _Case(y_true, y_pred, weights, _order(size, draw(st.integers(0, 2**32))))

    return build()


def _column_bounds(claim: _Claim) -> dict[str, int]:
    """Indicator widths for a multi-label claim: at least 2 columns (scikit-learn reads one
    column as binary), every column named in labels=, and a few columns outside it."""
    needed = 2 if claim.labels is None else max(2, max(claim.labels) + 1)
    return {"min_columns": needed, "max_columns": max(6, needed + 2)}


def _order(size: int, key: int) -> list[int]:
    """A sample order from one drawn integer: 0 (the shrink target) reverses the samples,
    any other key shuffles them (one draw, however many samples)."""
    order = list(range(size))[::-1]
    if key:
        random.Random(key).shuffle(order)
    return order


# --- evaluating one case ---------------------------------------------------------------


class _InvalidCase(Exception):
    """The reference rejects a generated case: not valid input, so it says nothing."""


@dataclass(frozen=True)
class _Violation:
    """A property broken on one call: what the call should give, and what it gave."""

    prop: str
    case: _Case
    expected: Any
    got: Any
    detail: str = ""


def _fresh(values: list[Any]) -> list[Any]:
    """A copy the callee may modify, indicator rows included."""
    return [list(value) if isinstance(value, list) else value for value in values]


def _call(function: Callable[..., Any], case: _Case, kwargs: Mapping[str, Any]) -> Any:
    """Call ``function(y_true, y_pred, **kwargs)`` on fresh copies, warnings silenced."""
    extra = {} if case.sample_weight is None else {"sample_weight": list(case.sample_weight)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return function(_fresh(case.y_true), _fresh(case.y_pred), **kwargs, **extra)


def _as_float_array(value: Any) -> np.ndarray | None:
    if isinstance(value, (str, bytes)) or value is None:
        return None
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None


def _close(got: Any, expected: Any) -> bool:
    """Equal within :data:`TOLERANCE` (nan equals nan; a 1-element array equals its scalar)."""
    x, y = _as_float_array(got), _as_float_array(expected)
    if x is None or y is None:
        return False
    x, y = np.squeeze(x), np.squeeze(y)
    if x.shape != y.shape:
        return False
    return bool(np.allclose(x, y, rtol=TOLERANCE, atol=TOLERANCE, equal_nan=True))


def _accuracy(case: _Case) -> float | None:
    """Weighted share of correct samples, counted directly (None when the total weight is 0)."""
    weights = case.sample_weight or [1.0] * len(case.y_true)
    total = math.fsum(weights)
    if total <= 0:
        return None
    correct = math.fsum(w for w, t, p in zip(weights, case.y_true, case.y_pred) if t == p)
    return correct / total


def _identities(claim: _Claim, case: _Case) -> list[tuple[str, Callable[[], Any]]]:
    """The proven identities that apply to this claim and case, as (id, expected value)."""
    if claim.multilabel:
        return _multilabel_identities(claim, case)
    accuracy = _accuracy(case)
    labels = claim.labels
    occurring = set(case.y_true) | set(case.y_pred)
    covers = labels is None or occurring <= set(labels)
    if accuracy is None or not covers:
        return []
    metric, average = claim.metric, claim.average
    if metric == "accuracy":  # accuracy is the right-hand side itself: the reference covers it
        return []
    superset = "micro-superset-labels-equals-accuracy"
    found: list[tuple[str, Callable[[], Any]]] = []
    if average == "micro" and metric in ("precision", "recall", "f1", "fbeta"):
        name = {"fbeta": "micro-fbeta-equals-accuracy"}.get(metric, "micro-f1-equals-accuracy")
        found.append((superset if labels is not None else name, lambda: accuracy))
        if metric in ("precision", "recall"):
            other = "recall" if metric == "precision" else "precision"
            found.append(("micro-precision-equals-recall", lambda: _reference_value(claim, case, metric=other)))
    elif average == "micro" and metric == "jaccard":
        found.append(("micro-jaccard-from-accuracy", lambda: accuracy / (2.0 - accuracy)))
    elif average == "weighted" and metric == "recall":
        found.append(("weighted-recall-equals-accuracy", lambda: accuracy))
    return found


def _label_totals(claim: _Claim, case: _Case) -> tuple[Fraction, Fraction, Fraction]:
    """(TP, predicted labels, true labels) over the columns of labels=, weighted, exactly.

    Exact fractions of the float weights, so "as many predicted as true" is decided
    without rounding.
    """
    columns = claim.labels if claim.labels is not None else range(len(case.y_true[0]))
    weights = case.sample_weight or [1] * len(case.y_true)
    tp = predicted = true = Fraction(0)
    for weight, t_row, p_row in zip(weights, case.y_true, case.y_pred):
        share = Fraction(weight)
        tp += share * sum(t_row[c] & p_row[c] for c in columns)
        predicted += share * sum(p_row[c] for c in columns)
        true += share * sum(t_row[c] for c in columns)
    return tp, predicted, true


def _multilabel_identities(claim: _Claim, case: _Case) -> list[tuple[str, Callable[[], Any]]]:
    """``multilabel-micro-equal-iff-equal-totals`` for micro precision and recall, when its
    hypotheses hold on the case: TP > 0 and as many labels predicted as true."""
    if claim.average != "micro" or claim.metric not in ("precision", "recall"):
        return []
    tp, predicted, true = _label_totals(claim, case)
    if not (tp > 0 and predicted == true):
        return []
    other = "recall" if claim.metric == "precision" else "precision"
    return [("multilabel-micro-equal-iff-equal-totals", lambda: _reference_value(claim, case, metric=other))]


def _symmetric(claim: _Claim, case: _Case) -> bool:
    """Whether swapping y_true and y_pred must leave the value unchanged (proved).

    Only checked for single-label input, where it is what ``micro-metrics-symmetric`` states.
    """
    if claim.multilabel:
        return False
    if claim.metric == "accuracy":
        return True
    labels = claim.labels
    covers = labels is None or (set(case.y_true) | set(case.y_pred)) <= set(labels)
    return claim.average == "micro" and covers


def _reference_value(claim: _Claim, case: _Case, *, metric: str | None = None,
                     average: str | None = None) -> Any:
    """The reference's value for the case (optionally for another metric or average)."""
    kwargs = claim.reference_kwargs
    if metric is not None and metric != claim.metric:
        kwargs.pop("beta", None)
    if average is not None:
        kwargs = {k: v for k, v in kwargs.items() if k != "normalize"}
        kwargs["average"] = average
    function = getattr(_reference(), _REFERENCE_NAMES[metric or claim.metric])
    try:
        return _call(function, case, kwargs)
    except (ValueError, TypeError) as exc:
        raise _InvalidCase(f"{type(exc).__name__}: {exc}") from exc


_LIST_HINT = (" (the inputs were Python lists, which scikit-learn accepts; "
              "convert them with numpy.asarray inside the function)")


def _raised(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"raised {type(exc).__name__}" + (f": {text[0]}" if text else "")


def _violations(function: Callable[..., Any], claim: _Claim, case: _Case, *,
                first_only: bool) -> list[_Violation]:
    """Every property the function breaks on ``case``, in report order.

    Raises :class:`_InvalidCase` when the reference itself rejects the case.
    """
    expected = _reference_value(claim, case)
    found: list[_Violation] = []
    try:
        got = _call(function, case, claim.kwargs)
    except Exception as exc:  # any exception on valid input is a disagreement
        hint = _LIST_HINT if isinstance(exc, (AttributeError, TypeError)) else ""
        return [_Violation("no-exception", case, expected, None, _raised(exc) + hint)]

    checks: list[tuple[str, Callable[[], _Violation | None]]] = []
    for prop, value in _identities(claim, case):
        checks.append((prop, lambda prop=prop, value=value: _compare(prop, case, value(), got)))
    checks.append(("agrees-with-reference", lambda: _compare("agrees-with-reference", case, expected, got)))
    if _symmetric(claim, case):
        checks.append(("micro-metrics-symmetric", lambda: _recompute(
            "micro-metrics-symmetric", function, claim, case.swapped(), got,
            "with y_true and y_pred the other way round the function gave the expected value")))
    if len(case.order) > 1 and case.order != sorted(case.order):
        checks.append(("sample-order-invariance", lambda: _recompute(
            "sample-order-invariance", function, claim, case.permuted(), got,
            f"the same samples in their original order gave the expected value ({case.y_true!r}, {case.y_pred!r})")))
    for _, check in checks:
        violation = check()
        if violation is not None:
            found.append(violation)
            if first_only:
                break
    return found


def _compare(prop: str, case: _Case, expected: Any, got: Any) -> _Violation | None:
    if _close(got, expected):
        return None
    return _Violation(prop, case, expected, got)


def _recompute(prop: str, function: Callable[..., Any], claim: _Claim, other: _Case,
               expected: Any, detail: str) -> _Violation | None:
    """Call the function on a transformed case that must give ``expected``."""
    try:
        got = _call(function, other, claim.kwargs)
    except Exception as exc:
        return _Violation(prop, other, expected, None, f"{_raised(exc)}; {detail}")
    if _close(got, expected):
        return None
    return _Violation(prop, other, expected, got, detail)


# --- the report ------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A JSON- and repr-friendly form: floats, lists of floats, or a repr string."""
    if value is None:
        return None
    array = _as_float_array(value)
    if array is None:
        return repr(value)
    if array.ndim == 0:
        return float(array)
    return [float(v) for v in array.ravel()]


def _json_number(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, list):
        return [_json_number(v) for v in value]
    return value


def _literal(value: Any) -> str:
    """Python source for a value, pasteable (``float('nan')`` rather than ``nan``)."""
    if isinstance(value, float) and math.isnan(value):
        return "float('nan')"
    if isinstance(value, (list, tuple)):
        inner = ", ".join(_literal(v) for v in value)
        return f"[{inner}]" if isinstance(value, list) else f"({inner}{',' if len(value) == 1 else ''})"
    if isinstance(value, np.generic):
        return repr(value.item())
    return repr(value)


def _number(value: Any) -> str:
    if value is None:
        return "no value"
    if isinstance(value, float):
        return format(value, ".10g")
    if isinstance(value, list):
        return "[" + ", ".join(_number(v) for v in value) + "]"
    return str(value)


@dataclass(frozen=True)
class Counterexample:
    """A minimal input on which a property broke, and the values involved."""

    y_true: list[Any]
    y_pred: list[Any]
    sample_weight: list[float] | None
    kwargs: Mapping[str, Any]
    expected: Any
    got: Any
    violated: str
    detail: str = ""
    also_violated: tuple[str, ...] = ()

    def call(self, name: str) -> str:
        """The call as Python source the user can paste, e.g. ``f1([0, 1], [1, 1])``."""
        parts = [_literal(self.y_true), _literal(self.y_pred)]
        if self.sample_weight is not None:
            parts.append(f"sample_weight={_literal(self.sample_weight)}")
        parts.extend(f"{key}={_literal(value)}" for key, value in self.kwargs.items())
        return f"{name}({', '.join(parts)})"

    def as_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "y_true": list(self.y_true),
            "y_pred": list(self.y_pred),
            "expected": _json_number(self.expected),
            "got": _json_number(self.got),
            "violated": self.violated,
        }
        if self.sample_weight is not None:
            record["sample_weight"] = list(self.sample_weight)
        return record


@dataclass(frozen=True)
class CheckReport:
    """The outcome of :func:`check_metric`.

    ``verdict`` is ``"agrees"`` (no counterexample found in ``examples`` generated inputs:
    evidence, not a proof), ``"disagrees"`` (with a shrunk ``counterexample``) or
    ``"error"`` (the check itself could not run; ``error`` says why).
    """

    target: str
    metric: str
    average: str | None
    verdict: str
    examples: int
    properties: tuple[str, ...]
    counterexample: Counterexample | None = None
    error: str | None = None
    seed: int | None = None
    multilabel: bool = False

    @property
    def ok(self) -> bool:
        """True only when no disagreement was found and the check ran."""
        return self.verdict == "agrees"

    def _claim_text(self) -> str:
        if self.metric == "accuracy":
            return "accuracy (subset accuracy: every label of a sample right)" if self.multilabel else "accuracy"
        return f"{self.metric} (average={self.average!r})"

    def __str__(self) -> str:
        head = f"{self.target}: "
        if self.verdict == "error":
            return head + f"the check could not run: {self.error}"
        inputs = "multi-label (0/1 indicator rows) " if self.multilabel else ""
        if self.counterexample is None:
            return (head + f"agrees with scikit-learn's {self._claim_text()} on {self.examples} generated "
                    f"{inputs}examples.\nproperties checked: {', '.join(self.properties)}\n"
                    "(no counterexample found in a bounded random search; this is evidence, not a proof)")
        cx = self.counterexample
        name = self.target.rpartition(":")[2] or self.target
        on = " on multi-label (0/1 indicator rows) input" if self.multilabel else ""
        lines = [
            head + f"disagrees with scikit-learn's {self._claim_text()}{on}.",
            f"minimal counterexample (found after {self.examples} example{'' if self.examples == 1 else 's'}, "
            "then shrunk):",
            f"    {cx.call(name)}",
            f"expected {_number(cx.expected)}, got {_number(cx.got)}",
            f"violated: {cx.violated}: {PROPERTIES.get(cx.violated, '')}",
        ]
        if cx.detail:
            lines.append(f"note: {cx.detail}")
        if cx.also_violated:
            lines.append(f"also violated on this input: {', '.join(cx.also_violated)}")
        if cx.violated in _CATALOGUED:
            lines.append(f"(see `metricproofs explain {cx.violated}` for the statement and proof)")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        """The check JSON of DESIGN section 4 (``average`` None is written ``"none"``)."""
        return {
            "target": self.target,
            "metric": self.metric,
            "average": "none" if self.average is None else self.average,
            "verdict": self.verdict,
            "examples": self.examples,
            "counterexample": None if self.counterexample is None else self.counterexample.as_dict(),
        }

    def to_json(self) -> str:
        """:meth:`as_dict` as one line of JSON."""
        return json.dumps(self.as_dict())


_CATALOGUED = frozenset(PROPERTIES) - {"no-exception", "agrees-with-reference", "sample-order-invariance",
                                       "deterministic"}


# --- the search ------------------------------------------------------------------------


def _settings(examples: int, seed: int | None) -> hypothesis_settings:
    """Settings local to one check, independent of any profile the user has loaded."""
    # an alternative backend chosen in the user's profile (e.g. a solver) is not inherited
    extra = {"backend": "hypothesis"} if hasattr(hypothesis_settings.default, "backend") else {}
    return hypothesis_settings(
        **extra,
        max_examples=examples,
        derandomize=seed is None,
        database=None,
        deadline=None,
        phases=(Phase.generate, Phase.shrink),
        suppress_health_check=list(HealthCheck),
        verbosity=Verbosity.quiet,
        print_blob=False,
        report_multiple_bugs=False,
    )


@contextlib.contextmanager
def _storage_outside_the_project() -> Iterator[None]:
    """Point hypothesis's storage directory at a temporary one for the duration of a check.

    ``database=None`` stops the example database, but hypothesis also caches constants
    it reads from loaded source files under ``./.hypothesis``; a check run from a user's
    project must not litter it. The previous setting is restored afterwards, so the
    user's own hypothesis tests in the same session keep their directory.
    """
    import hypothesis.configuration as configuration

    attribute = "__hypothesis_home_directory"
    previous = getattr(configuration, attribute, None)
    configuration.set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "metricproofs-hypothesis")
    try:
        yield
    finally:
        setattr(configuration, attribute, previous)


def _target_name(function: Callable[..., Any]) -> str:
    module = getattr(function, "__module__", None)
    name = getattr(function, "__qualname__", None) or getattr(function, "__name__", None)
    if name is None:
        return type(function).__name__
    return f"{module}:{name}" if module else name


def _probe(claim: _Claim) -> _Case:
    """One valid one-sample case for the claim, with every label (column) right."""
    if claim.multilabel:
        row = [1] + [0] * (_column_bounds(claim)["min_columns"] - 1)
        return _Case([row], [list(row)], None, [0])
    if claim.average == "binary":
        y = [claim.kwargs.get("pos_label", 1)]
    else:
        y = claim.labels[:1] if claim.labels is not None else [0]
    return _Case(list(y), list(y), None, [0])


def _properties_for(claim: _Claim) -> tuple[str, ...]:
    """The property ids this claim is checked against (identities where they apply)."""
    if claim.multilabel:
        identity = ["multilabel-micro-equal-iff-equal-totals"] if (
            claim.average == "micro" and claim.metric in ("precision", "recall")) else []
        return ("no-exception", *identity, "agrees-with-reference", "sample-order-invariance")
    probe = _Case([0], [0], None, [0]) if claim.labels is None else _Case(
        claim.labels[:1], claim.labels[:1], None, [0])
    names = ["no-exception"] + [prop for prop, _ in _identities(claim, probe)] + ["agrees-with-reference"]
    if _symmetric(claim, probe):
        names.append("micro-metrics-symmetric")
    return tuple(names + ["sample-order-invariance"])


def _preflight(claim: _Claim) -> None:
    """Ask the reference once, so bad keyword arguments fail as a usage error."""
    try:
        _reference_value(claim, _probe(claim))
    except _InvalidCase as exc:
        raise UsageError(f"the reference {_REFERENCE_NAMES[claim.metric]} rejects these arguments: {exc}") from None


def check_metric(
    fn: Callable[..., Any],
    metric: str,
    average: str | None = None,
    *,
    multilabel: bool = False,
    examples: int = 200,
    seed: int | None = None,
    with_sample_weight: bool = False,
    max_size: int = 200,
    target: str | None = None,
    **kwargs: Any,
) -> CheckReport:
    """Search for an input on which ``fn`` is not scikit-learn's ``metric``/``average``.

    ``fn`` is called as ``fn(y_true, y_pred, **kwargs)`` with Python lists; ``kwargs``
    (``labels``, ``zero_division``, ``pos_label``, ``beta``; ``normalize`` for accuracy)
    go to ``fn`` and to the reference. ``average`` is what ``fn`` claims to compute, with
    scikit-learn's meaning: ``None`` is one value per label (and the only choice for
    ``"accuracy"``), ``"binary"`` scores ``pos_label`` on two-label data. To check a
    function that takes ``average=`` itself, bind it (``functools.partial``).
    ``with_sample_weight=True`` also generates weights and passes ``sample_weight=``.

    ``multilabel=True`` checks multi-label input instead: ``y_true`` and ``y_pred`` are
    0/1 indicator matrices given as lists of rows (samples) with at least two columns
    (labels); averages are ``None``, ``"micro"``, ``"macro"``, ``"weighted"`` and
    ``"samples"``; ``labels`` are column indices; ``"accuracy"`` is subset accuracy (a
    sample counts when all its labels are right), as in scikit-learn.

    Returns a :class:`CheckReport`; raises :class:`~metricproofs.errors.UsageError` for
    arguments the check cannot honour. Deterministic unless ``seed`` is given.
    """
    return check_call(fn, metric, average, kwargs, multilabel=multilabel, examples=examples, seed=seed,
                      with_sample_weight=with_sample_weight, max_size=max_size, target=target)


def check_call(
    fn: Callable[..., Any],
    metric: str,
    average: str | None,
    kwargs: Mapping[str, Any],
    *,
    multilabel: bool = False,
    examples: int = 200,
    seed: int | None = None,
    with_sample_weight: bool = False,
    max_size: int = 200,
    target: str | None = None,
) -> CheckReport:
    """:func:`check_metric` with the keyword arguments for ``fn`` given as one mapping.

    For callers (the CLI) whose keyword arguments may include ``average`` itself: it is
    passed to ``fn`` and must equal the claimed ``average``.
    """
    if not callable(fn):
        raise UsageError(f"fn must be callable, got {fn!r}")
    _validate(metric, average, kwargs, examples, seed, max_size, multilabel)
    return _run(fn, _Claim(metric, average, dict(kwargs), with_sample_weight, max_size, multilabel),
                examples=examples, seed=seed, target=target or _target_name(fn))


def _run(fn: Callable[..., Any], claim: _Claim, *, examples: int, seed: int | None, target: str) -> CheckReport:
    _preflight(claim)
    properties = _properties_for(claim)
    calls = {"before_found": 0, "total": 0, "found": False}
    rejected: list[str] = []

    def breaks_something(case: _Case) -> bool:
        calls["total"] += 1
        if not calls["found"]:
            calls["before_found"] += 1
        try:
            broken = bool(_violations(fn, claim, case, first_only=True))
        except _InvalidCase as exc:
            rejected[:] = [str(exc)]
            reject()
        calls["found"] = calls["found"] or broken
        return broken

    report = dict(target=target, metric=claim.metric, average=claim.average, properties=properties, seed=seed,
                  multilabel=claim.multilabel)
    rng = None if seed is None else random.Random(seed)
    try:
        with _storage_outside_the_project():
            minimal = find(_cases(claim), breaks_something, settings=_settings(examples, seed), random=rng)
    except NoSuchExample:
        return CheckReport(verdict="agrees", examples=calls["total"], **report)
    except Unsatisfiable:
        why = rejected[0] if rejected else "no valid input"
        return CheckReport(verdict="error", examples=calls["total"],
                           error=f"the reference rejected every generated input ({why})", **report)

    violations = _violations(fn, claim, minimal, first_only=False)
    if not violations:
        violations = [_Violation("deterministic", minimal, None, None,
                                 "a property broke during the search but not when the input was replayed")]
    first = violations[0]
    counterexample = Counterexample(
        y_true=_fresh(first.case.y_true),
        y_pred=_fresh(first.case.y_pred),
        sample_weight=None if first.case.sample_weight is None else list(first.case.sample_weight),
        kwargs=dict(claim.kwargs),
        expected=_plain(first.expected),
        got=_plain(first.got),
        violated=first.prop,
        detail=first.detail,
        also_violated=tuple(dict.fromkeys(v.prop for v in violations[1:] if v.prop != first.prop)),
    )
    return CheckReport(verdict="disagrees", examples=calls["before_found"], counterexample=counterexample, **report)
