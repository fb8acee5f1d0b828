"""Matthews correlation and Cohen's kappa of the reference at the edges of their inputs.

What they protect: which argument the multilabel refusal names (and that it sees lists,
scipy.sparse matrices and 2-D arrays alike, while an (n, 1) column is one label per sample),
duck-typed array-likes, integer weights large enough that an int64 dot product of the margins
would wrap around, the bounds of ``replace_undefined_by``, and that the re-issued warnings keep
their category and point outside the reference's own files.
"""

from __future__ import annotations

import math
import warnings
from typing import Any

import numpy as np
import pytest
import scipy.sparse as sp

from metricproofs import _reference_agreement as agreement
from metricproofs import reference as ref

INDICATOR = [[0, 1], [1, 1], [1, 0]]
SINGLE = [0, 1, 1]
REFUSAL = "multilabel-indicator is not supported: {} is a 2-D indicator matrix; pass one label per sample"


# --- the multilabel refusal names the argument, whatever its container ----------------------


@pytest.mark.parametrize("container", [list, np.asarray, sp.csr_matrix], ids=["list", "ndarray", "csr"])
@pytest.mark.parametrize("metric, first, second", [(ref.matthews_corrcoef, "y_true", "y_pred"),
                                                   (ref.cohen_kappa_score, "y1", "y2")])
def test_multilabel_refusal_names_the_2d_argument(container: Any, metric: Any, first: str, second: str) -> None:
    # Only one argument is 2-D each time, so a check of the wrong argument (or none) lets the
    # indicator through to confusion_matrix, whose refusal has other words.
    with pytest.raises(ValueError, match="^" + REFUSAL.format(first) + "$"):
        metric(container(INDICATOR), SINGLE)
    with pytest.raises(ValueError, match="^" + REFUSAL.format(second) + "$"):
        metric(SINGLE, container(INDICATOR))


def test_a_column_vector_is_one_label_per_sample() -> None:
    # An (n, 1) array is a column of single labels (scikit-learn reads it so): perfect agreement
    # gives MCC = kappa = 1; only a second column makes it an indicator matrix.
    col = np.array([[0], [1], [1]])
    assert ref.matthews_corrcoef(col, col) == 1.0
    assert ref.cohen_kappa_score(col, col) == 1.0


class _Shaped:
    """An array-like with ``shape`` and ``__array__`` but no ``ndim`` (neither protocol needs it)."""

    def __init__(self, values: Any) -> None:
        self._values = np.asarray(values)

    @property
    def shape(self) -> tuple[int, ...]:
        return self._values.shape

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        return self._values if dtype is None else self._values.astype(dtype)

    def __len__(self) -> int:
        return len(self._values)


def test_array_likes_without_ndim_are_read_as_arrays() -> None:
    # C = [[2, 0], [1, 1]]: N = 4, correct 3, supports (2, 2), predictions (3, 1).
    # MCC = (12 - 8) / sqrt((16 - 10)(16 - 8)) = 4 / sqrt(48) = 1/sqrt(3);
    # kappa: p_o = 3/4, p_e = (2*3 + 2*1)/16 = 1/2, so (1/4) / (1/2) = 1/2 (as scikit-learn).
    y_true, y_pred = _Shaped([0, 1, 1, 0]), _Shaped([0, 1, 0, 0])
    assert ref.matthews_corrcoef(y_true, y_pred) == pytest.approx(1 / math.sqrt(3), abs=1e-15)
    assert ref.cohen_kappa_score(y_true, y_pred) == pytest.approx(0.5, abs=1e-15)


# --- large integer weights ------------------------------------------------------------------


def test_mcc_with_integer_weights_beyond_int64_squares() -> None:
    # Integer weights are counted exactly in int64; the margins (3e9, 3e9) have squares summing
    # to 1.8e19 > 2**63 - 1, so they must be multiplied as floats. Perfect agreement: MCC = 1.
    # With a miss: C = [[3e9, 0], [1e9, 3e9]] (units of 1e9: [[3, 0], [1, 3]]), N = 7, correct 6,
    # supports (3, 4), predictions (4, 3): (42 - 24) / sqrt((49 - 25)(49 - 25)) = 18 / 24 = 3/4.
    g = 10**9
    assert ref.matthews_corrcoef([0, 1], [0, 1], sample_weight=[3 * g, 3 * g]) == pytest.approx(1.0, abs=1e-15)
    weights = np.array([3 * g, 3 * g, g], dtype=np.int64)
    assert ref.matthews_corrcoef([0, 1, 1], [0, 1, 0], sample_weight=weights) == pytest.approx(0.75, abs=1e-15)
    # the same with the roles of the margins swapped (predictions (3, 4), supports (4, 3))
    assert ref.matthews_corrcoef([0, 1, 0], [0, 1, 1], sample_weight=weights) == pytest.approx(0.75, abs=1e-15)


# --- replace_undefined_by's range [-1, 1] ---------------------------------------------------


@pytest.mark.parametrize("value", [-1.0, 1.0, -1, 1])
def test_kappa_accepts_replace_undefined_by_at_both_ends(value: float) -> None:
    # With labels=[1, 2] only the two (1, 1) samples count: C = [[2, 0], [0, 0]], chance
    # agreement 1, so kappa is the replacement value itself.
    with pytest.warns(ref.UndefinedMetricWarning, match="have only one label in common"):
        assert ref.cohen_kappa_score([1, 1, 2, 2], [1, 1, 3, 3], labels=[1, 2], replace_undefined_by=value) == value


@pytest.mark.parametrize("value", [-1.5, -1.0000001, 1.0000001, 1.5, math.inf, -math.inf, True])
def test_kappa_refuses_replace_undefined_by_outside_the_range(value: Any) -> None:
    with pytest.raises(ValueError, match="must be a float in the range"):
        ref.cohen_kappa_score([0, 1, 1], [0, 1, 0], replace_undefined_by=value)


# --- warnings: their category kept, their line outside the reference ------------------------


def _reference_files() -> set[str]:
    return {ref.__file__, agreement.__file__}


@pytest.mark.parametrize("call", [
    lambda: ref.matthews_corrcoef([0, 0], [0, 0]),
    lambda: ref.cohen_kappa_score([3] * 4, [3] * 4),
    lambda: ref.cohen_kappa_score([1, 1, 2, 2], [3, 3, 3, 3], labels=[1, 2]),
], ids=["mcc-single-label", "kappa-one-label", "kappa-no-sample-in-labels"])
def test_warnings_never_point_inside_the_reference(call: Any) -> None:
    # The warning's line is the first frame outside reference.py and _reference_agreement.py
    # (the caller's line; test_warnings_name_the_callers_line pins it to this file when no
    # wrapper lies between). A line inside them would show users the library's internals.
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        call()
    assert record
    assert all(w.filename not in _reference_files() for w in record), [w.filename for w in record]


def test_reissued_warnings_keep_their_category() -> None:
    # Float weights whose total exceeds float64 (1e308 + 1e308, in two counting chunks of 2**16
    # samples) overflow in numpy's add: a RuntimeWarning, re-issued by the metric at the caller's
    # line, must stay a RuntimeWarning (filters on it must still catch it). The result is nan, as
    # scikit-learn's.
    n = ref.CHUNK + 1
    weights = np.zeros(n)
    weights[0] = weights[-1] = 1e308
    weights[1] = 1.0
    y = np.zeros(n, dtype=np.int64)
    y[1] = 1
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        assert math.isnan(ref.matthews_corrcoef(y, y, sample_weight=weights))
    overflow = [w for w in record if "overflow encountered" in str(w.message)]
    assert overflow
    assert all(w.category is RuntimeWarning for w in overflow), [w.category for w in overflow]
