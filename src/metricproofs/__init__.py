"""metricproofs: machine-checked identities of classification metrics.

Main modules
------------
- :mod:`metricproofs.definitions`: every metric defined once, in sympy, over a symbolic
  confusion matrix (the single source of truth).
- :mod:`metricproofs.reference`: a fast numpy implementation with scikit-learn's names
  and semantics, cross-checked against the definitions.
- :mod:`metricproofs.catalogue`: the named claims (identities and false beliefs).
- :mod:`metricproofs.provers`: z3 (bounded and by induction) and sympy provers.
- :mod:`metricproofs.testing`: hypothesis strategies and ``check_metric`` for your own tests.

Heavy dependencies are imported lazily: ``import metricproofs`` is cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

from metricproofs._version import __version__
from metricproofs.errors import InputError, MetricProofsError, UsageError

__all__ = [
    "__version__",
    "MetricProofsError",
    "UsageError",
    "InputError",
    "definitions",
    "reference",
    "catalogue",
    "provers",
    "testing",
    "prove",
    "check_metric",
]

_LAZY = {
    "definitions": ("metricproofs.definitions", None),
    "reference": ("metricproofs.reference", None),
    "catalogue": ("metricproofs.catalogue", None),
    "provers": ("metricproofs.provers", None),
    "testing": ("metricproofs.testing", None),
    "prove": ("metricproofs.provers", "prove"),
    "check_metric": ("metricproofs.testing", "check_metric"),
}


def __getattr__(name: str) -> Any:
    try:
        module_name, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'metricproofs' has no attribute {name!r}") from None
    module = importlib.import_module(module_name)
    return module if attribute is None else getattr(module, attribute)
