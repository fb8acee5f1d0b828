"""Array-API results at the limits of their integer types.

What they protect: under scikit-learn's array-API dispatch, integer counts beyond 2**53 reach
``y_pred``'s namespace exactly (never through float64), and on a device without int64
(array-api-strict's ``no_x64`` device stands in for such a GPU) the counts come in the device's
default integer type, every count that fits kept (up to and including 2**31 - 1), and counts
beyond it refused, naming the type, rather than wrapped around.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

import array_api_strict as xps
import numpy as np
import pytest
import sklearn

from metricproofs import reference as ref

NO_X64 = xps.Device("no_x64")
CPU = xps.Device("CPU_DEVICE")
INT32_MAX = 2**31 - 1


@pytest.fixture
def dispatch(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """scikit-learn's array-API dispatch on (it needs SCIPY_ARRAY_API=1 in the environment)."""
    monkeypatch.setenv("SCIPY_ARRAY_API", "1")
    with sklearn.config_context(array_api_dispatch=True):
        yield


def _on(values: Any, device: Any = NO_X64) -> Any:
    return xps.asarray(np.asarray(values), dtype=xps.int32 if device == NO_X64 else xps.int64, device=device)


def _values(a: Any) -> list:
    return np.asarray(xps.asarray(a, device=CPU)).tolist()


def test_counts_beyond_two_to_the_53_reach_the_namespace_exactly(dispatch: None) -> None:
    # 2**53 + 1 is the first integer float64 cannot hold: a pass through float64 would give 2**53.
    big = 2**53 + 1
    cm = ref.confusion_matrix(_on([0, 1], CPU), _on([0, 1], CPU), sample_weight=_on([big, 1], CPU))
    assert cm.dtype == xps.int64 and cm.device == CPU
    assert _values(cm) == [[big, 0], [0, 1]]


def test_a_count_of_exactly_int32_max_is_returned(dispatch: None) -> None:
    # C = [[w0 + w1, 0], [w2, w3]] for y_true (0, 0, 1, 1), y_pred (0, 0, 0, 1).
    cm = ref.confusion_matrix(_on([0, 0, 1, 1]), _on([0, 0, 0, 1]), sample_weight=_on([INT32_MAX, 0, 1, 1]))
    assert cm.dtype == xps.int32 and cm.device == NO_X64
    assert _values(cm) == [[INT32_MAX, 0], [1, 1]]


@pytest.mark.parametrize("weights", [[INT32_MAX, 1, 1, 1], [2**30, 2**30, 1, 1]], ids=["max+1", "2**31"])
def test_counts_beyond_int32_are_refused(dispatch: None, weights: list[int]) -> None:
    # the (0, 0) cell holds w0 + w1 = 2**31, one more than int32 holds
    with pytest.raises(ValueError, match="^" + re.escape(
            "the counts exceed int32, the largest integer type of y_pred's device; pass the arrays on a "
            "device with int64 (or as numpy arrays)") + "$"):
        ref.confusion_matrix(_on([0, 0, 1, 1]), _on([0, 0, 0, 1]), sample_weight=_on(weights))
