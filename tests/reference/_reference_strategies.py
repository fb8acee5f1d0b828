"""Hypothesis strategies and oracles for the reference-implementation tests.

The exact oracle is a plain Python loop over samples written from DESIGN section 2 with
``fractions.Fraction``, independent of numpy and of metricproofs.reference;
:func:`sklearn_raises` asks scikit-learn itself whether it refuses a call.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Sequence

import numpy as np
from hypothesis import strategies as st

# Label pools: contiguous small ints, non-contiguous and large ids, negative ids, strings.
LABEL_POOLS: list[list[Any]] = [
    [0, 1, 2, 3, 4],
    [3, 17, 1000, 123456],
    [1000, 1001, 1005, 99999],
    [-7, -1, 0, 5],
    ["a", "b", "cat", "dog"],
    ["x", "y"],
]


@dataclass(frozen=True)
class Case:
    """One single-label test case: labels, optional weights and optional ``labels=``."""

    y_true: list[Any]
    y_pred: list[Any]
    sample_weight: list[Any] | None
    labels: list[Any] | None
    pool: list[Any]


def weights_for(n: int) -> st.SearchStrategy[list[Any] | None]:
    """None, non-negative integer weights or non-negative float weights (never all zero)."""
    ints = st.lists(st.integers(0, 5), min_size=n, max_size=n).filter(any)
    floats = st.lists(st.floats(0, 10, allow_nan=False, allow_infinity=False), min_size=n, max_size=n).filter(any)
    return st.one_of(st.none(), ints, floats)


@st.composite
def single_label_cases(draw: st.DrawFn, *, weights: bool = True, max_size: int = 25) -> Case:
    """Single-label data: some pool labels absent, some only in y_pred, any ``labels=`` shape."""
    pool = draw(st.sampled_from(LABEL_POOLS))
    true_pool = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=len(pool), unique=True))
    n = draw(st.integers(1, max_size))
    y_true = draw(st.lists(st.sampled_from(true_pool), min_size=n, max_size=n))
    y_pred = draw(st.lists(st.sampled_from(pool), min_size=n, max_size=n))
    sample_weight = draw(weights_for(n)) if weights else None
    labels = draw(label_choices(pool, y_true))
    return Case(y_true, y_pred, sample_weight, labels, pool)


def label_choices(pool: list[Any], y_true: list[Any]) -> st.SearchStrategy[list[Any] | None]:
    """None, a subset of the pool (in any order), or a superset with absent extra labels."""
    extra = [f"{pool[0]}-absent"] if isinstance(pool[0], str) else [max(pool) + 1, min(pool) - 3]
    subset = st.lists(st.sampled_from(pool), min_size=1, max_size=len(pool), unique=True)
    superset = st.permutations(pool + extra)
    # confusion_matrix needs a label of y_true among labels=: keep one in most subsets.
    with_true = subset.map(lambda s: s if set(s) & set(y_true) else s + [y_true[0]])
    return st.one_of(st.none(), with_true, superset)


zero_divisions = st.sampled_from(["warn", 0, 1, 0.0, 1.0, np.nan])


@st.composite
def multilabel_cases(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, list[Any] | None]:
    """Two 0/1 indicator matrices of the same shape (>= 2 columns) and optional weights."""
    n = draw(st.integers(1, 12))
    k = draw(st.integers(2, 5))
    cells = st.lists(st.lists(st.integers(0, 1), min_size=k, max_size=k), min_size=n, max_size=n)
    return np.array(draw(cells)), np.array(draw(cells)), draw(weights_for(n))


# --------------------------------------------------------------------------- exact oracle


@dataclass(frozen=True)
class Oracle:
    """Exact per-label counts of DESIGN section 2 for the label list ``labels``."""

    labels: list[Any]
    tp: list[Fraction]
    fp: list[Fraction]
    fn: list[Fraction]

    @property
    def support(self) -> list[Fraction]:
        return [a + b for a, b in zip(self.tp, self.fn)]


def exact_weight(w: Any) -> Fraction:
    """A weight as an exact fraction (floats are exact binary fractions)."""
    return Fraction(w)


def oracle_counts(y_true: Sequence[Any], y_pred: Sequence[Any], weights: Sequence[Any] | None,
                  labels: Sequence[Any] | None) -> Oracle:
    """Per-label TP, FP, FN by one loop over samples (labels default: sorted occurring)."""
    if labels is None:
        labels = sorted(set(y_true) | set(y_pred))
    ws = [Fraction(1)] * len(y_true) if weights is None else [exact_weight(w) for w in weights]
    tp, fp, fn = ([Fraction(0)] * len(labels) for _ in range(3))
    for t, p, w in zip(y_true, y_pred, ws):
        for i, label in enumerate(labels):
            if t == label and p == label:
                tp[i] += w
            elif p == label:
                fp[i] += w
            elif t == label:
                fn[i] += w
    return Oracle(list(labels), tp, fp, fn)


def ratio(num: Fraction, den: Fraction, zero_division: Any) -> Fraction | float:
    """num / den, or the zero_division value ('warn' counts as 0) when den is 0."""
    if den == 0:
        return Fraction(0) if zero_division == "warn" else (float("nan") if math.isnan(zero_division) else Fraction(int(zero_division)))
    return num / den


def f_beta(tp: Fraction, fp: Fraction, fn: Fraction, beta2: Fraction, zero_division: Any) -> Any:
    """DESIGN's F_beta = (1 + b^2) P R / (b^2 P + R) where it is defined (TP > 0).

    scikit-learn's conventions elsewhere: 0/0 (no true and no predicted weight) gives the
    zero_division value; TP = 0 with some true or predicted weight gives 0.
    """
    if tp + fp + fn == 0:
        return ratio(Fraction(0), Fraction(0), zero_division)
    if tp == 0:
        return Fraction(0)
    p, r = tp / (tp + fp), tp / (tp + fn)
    return (1 + beta2) * p * r / (beta2 * p + r)


def oracle_prf(o: Oracle, zero_division: Any) -> tuple[list[Any], list[Any], list[Any]]:
    """Per-label precision, recall and F1."""
    p = [ratio(t, t + f, zero_division) for t, f in zip(o.tp, o.fp)]
    r = [ratio(t, t + f, zero_division) for t, f in zip(o.tp, o.fn)]
    f1 = [f_beta(t, a, b, Fraction(1), zero_division) for t, a, b in zip(o.tp, o.fp, o.fn)]
    return p, r, f1


def oracle_average(values: list[Any], weights: list[Fraction] | None) -> Fraction | float:
    """Mean of the non-NaN values, support-weighted if given (plain when weights sum to 0)."""
    keep = [i for i, v in enumerate(values) if not (isinstance(v, float) and math.isnan(v))]
    if not keep:
        return float("nan")
    if weights is None or sum(weights[i] for i in keep) == 0:
        return sum((values[i] for i in keep), Fraction(0)) / len(keep)
    return sum((values[i] * weights[i] for i in keep), Fraction(0)) / sum(weights[i] for i in keep)


def oracle_micro(o: Oracle, zero_division: Any) -> tuple[Any, Any, Any]:
    """Micro precision, recall, F1 from the summed counts."""
    tp, fp, fn = sum(o.tp, Fraction(0)), sum(o.fp, Fraction(0)), sum(o.fn, Fraction(0))
    return (ratio(tp, tp + fp, zero_division), ratio(tp, tp + fn, zero_division),
            f_beta(tp, fp, fn, Fraction(1), zero_division))


def close(a: Any, b: Any, tol: float = 1e-12) -> bool:
    """Equal within ``tol`` (absolute), elementwise, with NaN equal to NaN and None to None."""
    if a is None or b is None:
        return a is None and b is None
    a_arr, b_arr = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a_arr.shape != b_arr.shape:
        return False
    return bool(np.allclose(a_arr, b_arr, rtol=0, atol=tol, equal_nan=True))


def exactly(result: Any, expected: Any) -> bool:
    """``result`` equals ``float(expected)`` bit for bit (NaN matches NaN)."""
    e = float(expected)
    r = float(result)
    return (math.isnan(e) and math.isnan(r)) or r == e


def sklearn_raises(name: str, *args: Any, **kwargs: Any) -> bool:
    """Whether scikit-learn refuses the same call (ValueError or TypeError)."""
    import warnings

    from sklearn import metrics as skm

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            getattr(skm, name)(*args, **kwargs)
    except (ValueError, TypeError):
        return True
    return False
