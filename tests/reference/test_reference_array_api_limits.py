"""Array-API results on a device without int64: counts that fit its int32, and a refusal for those that do not.

What they protect: under scikit-learn's array-API dispatch, the reference returns integer counts
in the device's default integer type when the device has no int64 (array-api-strict's
``no_x64`` device stands in for such a GPU), keeps every count that fits (up to and including
2**31 - 1), and refuses, naming the type, counts beyond it rather than wrapping them around.
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


def _on(values: Any) -> Any:
    return xps.asarray(np.asarray(values), dtype=xps.int32, device=NO_X64)


def _values(a: Any) -> list:
    return np.asarray(xps.asarray(a, device=CPU)).tolist()


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
