"""metricproofs.testing: check your own metric code against scikit-learn's meaning.

Main definitions
----------------
- :func:`check_metric` and its :class:`CheckReport`: search (with hypothesis) for a
  minimal input on which a metric function disagrees with :mod:`metricproofs.reference`
  or breaks a proven identity (micro F1 = accuracy, ...).
- Hypothesis strategies for metric inputs (:mod:`metricproofs.testing.strategies`):
  label vectors and pairs, indicator matrices, sample weights, label sets, zero_division.
- A pytest fixture, ``metric_conformance`` (:mod:`metricproofs.testing.plugin`), loaded
  automatically once metricproofs is installed.

Needs hypothesis (the ``testing`` extra: ``pip install metricproofs[testing]``).
"""

from __future__ import annotations

from metricproofs.testing.conformance import (
    AVERAGES,
    METRICS,
    PROPERTIES,
    TOLERANCE,
    CheckReport,
    Counterexample,
    check_metric,
)
from metricproofs.testing.strategies import (
    LABEL_KINDS,
    ZERO_DIVISION_VALUES,
    binary_label_pairs,
    indicator_matrices,
    indicator_pairs,
    label_pairs,
    label_pools,
    label_sets,
    label_vectors,
    sample_weights,
    zero_division_values,
)

__all__ = [
    # conformance checks
    "check_metric",
    "CheckReport",
    "Counterexample",
    "METRICS",
    "AVERAGES",
    "PROPERTIES",
    "TOLERANCE",
    # strategies
    "LABEL_KINDS",
    "ZERO_DIVISION_VALUES",
    "label_pools",
    "label_vectors",
    "label_pairs",
    "binary_label_pairs",
    "indicator_matrices",
    "indicator_pairs",
    "sample_weights",
    "label_sets",
    "zero_division_values",
]
