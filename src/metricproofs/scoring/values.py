"""The report's numbers: decimals from the reference implementation, fractions from the definitions.

Summary
    Nothing here restates a metric. :func:`decimals` hands the confusion matrix to
    :mod:`metricproofs.reference` as weighted samples (one sample per cell, its count as
    the weight), so every decimal is scikit-learn's number for the original rows.
    :func:`fractions` evaluates the symbolic definitions of :mod:`metricproofs.definitions`
    exactly (:class:`metricproofs.evaluation.ExactBackend`) over the per-label TP, FP and FN
    the reference counted: O(k) exact operations per value (the same definitions over the
    k x k matrix cost O(k^2) each, seconds at k = 100).

    The symbolic side imports sympy (about half a second); :func:`warm_up` builds the
    compiled definitions in a background thread while the file is being read.

Main definitions
    :class:`Value`, :func:`decimals`, :func:`fractions`, :func:`warm_up`, :data:`METRICS`.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any, Callable

import numpy as np

from metricproofs import reference as ref

__all__ = ["Value", "METRICS", "AVERAGES", "EXACT_MEAN_LABELS", "Decimals", "decimals", "fractions", "warm_up"]

METRICS = ("precision", "recall", "f1")

EXACT_MEAN_LABELS = 200
"""Up to this many labels macro and weighted means are exact fractions too; beyond, their
denominators (a common multiple of every label's) run to hundreds of digits and take seconds."""
AVERAGES = ("micro", "macro", "weighted")


@dataclass(frozen=True)
class Value:
    """A ratio: its float, its exact fraction (when counts are exact) and whether it was 0/0."""

    value: float
    fraction: Fraction | None
    undefined: bool = False

    def text(self) -> str:
        """``5/9 = 0.555556`` (or just the decimal); ``undefined (0/0) -> 0``."""
        if self.undefined:
            return "undefined (0/0) -> 0"
        decimal = f"{self.value:.6f}"
        return decimal if self.fraction is None else f"{self.fraction} = {decimal}"

    def as_json(self) -> dict[str, Any]:
        """The VALUE object of the JSON schema."""
        fraction = None if self.fraction is None else f"{self.fraction.numerator}/{self.fraction.denominator}"
        return {"value": self.value, "fraction": fraction, "undefined": self.undefined}


@dataclass(frozen=True)
class Decimals:
    """Everything the reference computes for the matrix (labels are the codes 0..k-1)."""

    tp: np.ndarray
    fp: np.ndarray
    fn: np.ndarray
    support: np.ndarray
    per_label: dict[str, np.ndarray]  #: metric -> per-label values, 0/0 counted as 0
    undefined: dict[str, np.ndarray]  #: metric -> per-label bool, True where 0/0
    averages: dict[str, dict[str, float]]
    accuracy: float


def _as_samples(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One sample per cell: (true code, predicted code, count as weight)."""
    k = matrix.shape[0]
    codes = np.arange(k, dtype=np.int64)
    return np.repeat(codes, k), np.tile(codes, k), matrix.ravel()


def decimals(matrix: np.ndarray) -> Decimals:
    """Per-label counts and values, averages and accuracy from :mod:`metricproofs.reference`.

    Every label occurs (it labels some row), so scikit-learn's label set is all k codes;
    every code is in the samples (each row of cells), whatever its counts.
    """
    t, p, w = _as_samples(matrix)
    _, tp, fp, fn, support = ref.per_label_counts(t, p, sample_weight=w)
    per_label: dict[str, np.ndarray] = {}
    undefined: dict[str, np.ndarray] = {}
    # A numeric zero_division never warns (and naming the warning class would import scikit-learn).
    for zd, out in ((0.0, per_label), (np.nan, undefined)):
        values = ref.precision_recall_fscore_support(t, p, sample_weight=w, zero_division=zd)
        for name, v in zip(METRICS, values):
            out[name] = np.asarray(v) if out is per_label else np.isnan(v)
    averages = {}
    for average in AVERAGES:
        values = ref.precision_recall_fscore_support(t, p, sample_weight=w, average=average, zero_division=0.0)
        averages[average] = {name: float(v) for name, v in zip(METRICS, values)}
    accuracy = ref.accuracy_score(t, p, sample_weight=w)
    return Decimals(tp, fp, fn, support, per_label, undefined, averages, accuracy)


# --------------------------------------------------------------------------- exact fractions

Compiled = Callable[[Any, dict], Any]


@lru_cache(maxsize=1)
def _compiled() -> dict[str, Compiled]:
    """The definitions used by the report, over free per-label counts, compiled once."""
    from metricproofs import definitions as d
    from metricproofs.evaluation import compile_expr

    c = d.free_counts(d.k)
    per_label = {"precision": d.precision, "recall": d.recall, "f1": d.f1}
    exprs: dict[str, Any] = {}
    for name, metric in per_label.items():
        exprs[f"label {name}"] = metric(c, d.l, 0)
        # scikit-learn's zero_division='warn' counts a 0/0 label as 0 in the averages
        inner = (lambda m: lambda cc, lab: m(cc, lab, 0))(metric)
        exprs[f"macro {name}"] = d.macro(c, inner)
        exprs[f"weighted {name}"] = d.weighted(c, inner)
    exprs["micro precision"] = d.micro_precision(c)
    exprs["micro recall"] = d.micro_recall(c)
    exprs["micro f1"] = d.micro_f1(c)
    exprs["accuracy"] = d.accuracy(c)
    compiled = {name: compile_expr(expr) for name, expr in exprs.items()}
    compiled["_symbols"] = (d.k, d.l, c.n_samples)  # type: ignore[assignment]
    return compiled


_WARM: list[threading.Thread] = []


def warm_up() -> None:
    """Import sympy and the catalogue and compile the definitions in a background thread (the
    caller reads a file meanwhile: pyarrow's reader releases the GIL)."""
    if not _WARM and _compiled.cache_info().currsize == 0:
        thread = threading.Thread(target=_quietly_compile, name="metricproofs-definitions", daemon=True)
        _WARM.append(thread)
        thread.start()


def _quietly_compile() -> None:
    try:
        _compiled()
        import metricproofs.catalogue  # noqa: F401  (the report names its claims from there)
    except Exception:  # noqa: BLE001 - the main thread compiles again and reports the error
        _compiled.cache_clear()


def _ready() -> dict[str, Compiled]:
    for thread in _WARM:
        thread.join()
    return _compiled()


def fractions(dec: Decimals, total: int) -> tuple[dict[str, list[Fraction]], dict[str, dict[str, Fraction | None]],
                                                   Fraction]:
    """Exact per-label values, averages and accuracy: the definitions evaluated over the
    reference's integer TP, FP, FN (per-label 0/0 as 0, the value counted in the averages).
    Macro and weighted means over more than EXACT_MEAN_LABELS labels are None (decimal only)."""
    from metricproofs.evaluation import ExactBackend

    compiled = _ready()
    k_sym, l_sym, n_sym = compiled["_symbols"]  # type: ignore[misc]
    be = ExactBackend()
    env: dict[Any, Any] = {"TP": [int(x) for x in dec.tp], "FP": [int(x) for x in dec.fp],
                           "FN": [int(x) for x in dec.fn], k_sym: len(dec.tp), n_sym: total}

    def run(name: str) -> Fraction:
        value = compiled[name](be, env)
        if isinstance(value, float) and math.isnan(value):
            raise ArithmeticError(f"the definition of {name} is undefined here")
        return Fraction(value)

    per_label: dict[str, list[Fraction]] = {name: [] for name in METRICS}
    for j in range(len(dec.tp)):
        env[l_sym] = j
        for name in METRICS:
            per_label[name].append(run(f"label {name}"))
    env.pop(l_sym)
    exact_means = len(dec.tp) <= EXACT_MEAN_LABELS
    averages = {a: {m: run(f"{a} {m}") if a == "micro" or exact_means else None for m in METRICS}
                for a in AVERAGES}
    return per_label, averages, run("accuracy")
