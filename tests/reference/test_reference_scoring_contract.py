"""The reference helper metricproofs.scoring counts its batches with: ``_read_targets``.

What they protect: scoring's counting pass (scoring/counting.py) validates each batch of
``(y_true, y_pred)`` with ``reference._read_targets`` and counts the result, so the helper must
return the validated labels themselves (single-label vectors of one kind, or boolean indicator
matrices) and refuse what the metrics refuse. A failure here means scoring would count other
labels than the ones read, or let through input the metrics reject.
"""

from __future__ import annotations

import numpy as np
import pytest

from metricproofs import reference as ref


def test_single_label_batches_come_back_as_the_labels_read() -> None:
    data = ref._read_targets([3, 1, 2], [1, 1, 5])
    assert data.kind == "num"
    assert data.t.tolist() == [3, 1, 2]
    assert data.p.tolist() == [1, 1, 5]


def test_string_batches_are_of_kind_str() -> None:
    data = ref._read_targets(["b", "a"], ["a", "a"])
    assert data.kind == "str"
    assert data.t.tolist() == ["b", "a"]
    assert data.p.tolist() == ["a", "a"]


def test_indicator_batches_come_back_as_boolean_matrices() -> None:
    t = np.array([[0, 1], [1, 1]])
    p = np.array([[1, 1], [0, 0]])
    data = ref._read_targets(t, p)
    assert data.t.dtype == bool and data.p.dtype == bool
    assert data.t.tolist() == [[False, True], [True, True]]
    assert data.p.tolist() == [[True, True], [False, False]]


def test_batches_are_validated_as_the_metrics_validate_them() -> None:
    with pytest.raises(ValueError, match=r"^Found input variables with inconsistent numbers of samples: \[2, 1\]"):
        ref._read_targets([0, 1], [0])
    with pytest.raises(ValueError, match=r"^Input y_pred contains NaN\."):
        ref._read_targets([0.0, 1.0], [np.nan, 1.0])
