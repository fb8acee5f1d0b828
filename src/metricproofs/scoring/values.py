"""The report's numbers: decimals from the reference implementation, fractions from the definitions.

Summary
    Nothing here restates a metric. :func:`decimals` hands the confusion matrix to
    :mod:`metricproofs.reference` as weighted samples (one sample per cell, its count as
    the weight), so every decimal is scikit-learn's number for the original rows.
    :func:`fractions` evaluates the symbolic definitions of :mod:`metricproofs.definitions`
    exactly over the per-label TP, FP and FN the reference counted: O(k) exact operations per
    value (the same definitions over the k x k matrix cost O(k^2) each, seconds at k = 100).
    It runs them as :mod:`metricproofs.scoring.exact`, the definitions translated once into
    plain Python by :mod:`metricproofs.scoring.generate_exact` (drift- and property-tested
    against :class:`metricproofs.evaluation.ExactBackend`), so scoring never imports sympy
    (about half a second, more than reading a 10^7-row Parquet file).

Main definitions
    :class:`Value`, :func:`decimals`, :func:`fractions`, :data:`METRICS`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from metricproofs import reference as ref
from metricproofs.scoring.exact import DEFINITIONS, LABEL_DEFINITIONS

__all__ = ["Value", "METRICS", "AVERAGES", "EXACT_MEAN_LABELS", "Decimals", "decimals", "fractions"]

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


def fractions(dec: Decimals, total: int) -> tuple[dict[str, list[Fraction]], dict[str, dict[str, Fraction | None]],
                                                   Fraction]:
    """Exact per-label values, averages and accuracy: the definitions evaluated over the
    reference's integer TP, FP, FN (per-label 0/0 as 0, the value counted in the averages).
    Macro and weighted means over more than EXACT_MEAN_LABELS labels are None (decimal only)."""
    k = len(dec.tp)
    counts = ([int(x) for x in dec.tp], [int(x) for x in dec.fp], [int(x) for x in dec.fn], k, total)

    def exact(name: str, value: Any) -> Fraction:
        if isinstance(value, float) and math.isnan(value):
            raise ArithmeticError(f"the definition of {name} is undefined here")
        return Fraction(value)

    per_label: dict[str, list[Fraction]] = {}
    for name in METRICS:
        definition = LABEL_DEFINITIONS[f"label {name}"]
        per_label[name] = [exact(f"label {name}", definition(*counts, j)) for j in range(k)]

    def run(name: str) -> Fraction:
        return exact(name, DEFINITIONS[name](*counts))

    exact_means = k <= EXACT_MEAN_LABELS
    averages = {a: {m: run(f"{a} {m}") if a == "micro" or exact_means else None for m in METRICS}
                for a in AVERAGES}
    return per_label, averages, run("accuracy")
