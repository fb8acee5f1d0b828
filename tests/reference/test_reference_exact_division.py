"""Which ratios are divided exactly: integer counts with a denominator beyond 2**53 only.

What they protect: the exact division (Python ints, one correct rounding) is taken for
integer counts (integer weights) whose denominator float64 cannot hold, copes with the
zero denominators among them (0/0 is ``zero_division``, never a ZeroDivisionError), and is
never taken for float counts (float weights), whose values ``int()`` would truncate.
Expected values are worked out with ``fractions.Fraction``.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from metricproofs import reference as ref


@pytest.mark.parametrize("zero_division, undefined", [(0.0, 0.0), (1.0, 1.0)])
def test_exact_ratios_beside_a_zero_denominator(zero_division: float, undefined: float) -> None:
    # weights (2**60, 1): label 0 is predicted twice (tp 2**60, pred 2**60 + 1 > 2**53, so the
    # ratios are divided exactly), label 1 never (pred 0: precision 0/0 = zero_division).
    precision = ref.precision_score([0, 1], [0, 0], average=None, sample_weight=np.array([2**60, 1]),
                                    zero_division=zero_division)
    assert precision.tolist() == [float(Fraction(2**60, 2**60 + 1)), undefined]


def test_float_counts_beyond_two_to_the_53_are_not_truncated() -> None:
    # Float weights (1e16, 0.75, 0.75): label 0 has tp = pred = 1e16 (> 2**53), label 1 has
    # tp 0.75 of pred 1.5, so its precision is 1/2 (int() of the counts would give 0/1).
    precision = ref.precision_score([0, 1, 0], [0, 1, 1], average=None, sample_weight=[1e16, 0.75, 0.75])
    assert precision.tolist() == [1.0, 0.5]
