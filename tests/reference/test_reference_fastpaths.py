"""Fast paths of the reference agree with its general paths (DESIGN section 6).

``confusion_matrix`` over every occurring label reuses the counting pass's joint table;
with ``labels=`` listing the same labels it takes the general path (a second, relabelling
pass). The two must agree exactly, with and without sample weights, across the streaming
table, the re-encoded table and the large-label-set paths.
"""

from __future__ import annotations

import numpy as np
import pytest

from metricproofs import reference as ref


@pytest.mark.filterwarnings("ignore:A single label was found:UserWarning")
@pytest.mark.parametrize("k", [1, 2, 7, 100, 600])
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("shift", [0, -3, 10**12])
def test_confusion_matrix_table_reuse_matches_general_path(k: int, weighted: bool, shift: int) -> None:
    rng = np.random.default_rng(k + 7 * weighted)
    n = 3 * ref.CHUNK + 11  # several chunks, the last one partial
    t = rng.integers(0, k, n) + shift
    p = np.where(rng.random(n) < 0.6, t, rng.integers(0, k, n) + shift)
    w = rng.integers(0, 4, n) if weighted else None
    present = np.union1d(t, p)
    fast = ref.confusion_matrix(t, p, sample_weight=w)
    general = ref.confusion_matrix(t, p, labels=present, sample_weight=w)
    assert fast.dtype == general.dtype
    np.testing.assert_array_equal(fast, general)
    assert fast.sum() == (n if w is None else w.sum())


def test_confusion_matrix_strings_and_floats_reuse_the_table() -> None:
    t = np.array(["b", "a", "c", "a", "b"])
    p = np.array(["b", "c", "c", "a", "a"])
    assert ref.confusion_matrix(t, p).tolist() == ref.confusion_matrix(t, p, labels=["a", "b", "c"]).tolist()
    tf, pf = np.array([0.0, 2.0, 2.0, 1.0]), np.array([0.0, 2.0, 1.0, 1.0])
    assert ref.confusion_matrix(tf, pf).tolist() == [[1, 0, 0], [0, 1, 0], [0, 1, 1]]
