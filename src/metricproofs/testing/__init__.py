"""metricproofs.testing: check your own metric code against scikit-learn's meaning.

Main definitions
----------------
- :func:`check_metric` and its :class:`CheckReport`: search (with hypothesis) for
  minimal inputs on which a metric function disagrees with :mod:`metricproofs.reference`
  or breaks a proven identity (micro F1 = accuracy, ...), one per distinct violated
  property; ``multilabel=True`` checks multi-label (0/1 indicator) input; the label space
  (``num_classes``, ``absent_labels``), input type (``inputs``), argument order
  (``preds_first``), claimed ``zero_division`` and tolerance (``rtol``, ``atol``) are
  keyword arguments (DESIGN section 4).
- :mod:`metricproofs.testing.tables`: the conformance tables (Markdown, LaTeX) of
  conformance/RESULTS.json, pure functions with no heavy import.
- Hypothesis strategies for metric inputs (:mod:`metricproofs.testing.strategies`):
  label vectors and pairs, indicator matrices, sample weights, label sets, zero_division.
- A pytest fixture, ``metric_conformance`` (:mod:`metricproofs.testing.plugin`), loaded
  automatically once metricproofs is installed.

Needs hypothesis (the ``testing`` extra: ``pip install metricproofs[testing]``). Names
are resolved lazily, so the pytest plugin (imported in every pytest session of anyone who
installed metricproofs) does not pull in numpy or hypothesis until a check runs.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    # conformance checks
    "check_metric",
    "CheckReport",
    "Counterexample",
    "METRICS",
    "AVERAGES",
    "MULTILABEL_AVERAGES",
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

_CONFORMANCE = frozenset({"check_metric", "CheckReport", "Counterexample", "METRICS", "AVERAGES",
                          "MULTILABEL_AVERAGES", "PROPERTIES", "TOLERANCE"})


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'metricproofs.testing' has no attribute {name!r}")
    module = "conformance" if name in _CONFORMANCE else "strategies"
    return getattr(importlib.import_module(f"metricproofs.testing.{module}"), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
