"""Check a third-party metric function against the reference and the proven identities.

Summary
    The public face of the kit's check, assembled from modules that each do one thing:

    - :mod:`~metricproofs.testing.claim`: what the function claims, validated;
    - :mod:`~metricproofs.testing.cases`: the inputs generated for a claim;
    - :mod:`~metricproofs.testing.oracles`: the reference value and the proven identities
      (their ids and statements come from the catalogue);
    - :mod:`~metricproofs.testing.evaluation`: calling the function (lists, numpy, torch;
      either argument order), reading its value, the tolerance, the broken properties;
    - :mod:`~metricproofs.testing.report`: the text report and the JSON;
    - :mod:`~metricproofs.testing.search`: the hypothesis search for every distinct failure.

    The properties: ``no-exception`` (valid input gives a value), ``returns-a-number``
    (not None, a string or a list), the proven identities that apply to the claimed metric
    (micro F1 = accuracy, micro P = R, micro Jaccard = acc / (2 - acc), weighted recall =
    accuracy, ...), ``agrees-with-reference`` (scikit-learn's meaning, within the
    tolerance), the proven symmetry of micro metrics in y_true and y_pred, and
    ``sample-order-invariance``. With ``multilabel=True`` the inputs are 0/1 indicator
    matrices and the single-label identities are not applied (they are false there).

    "No counterexample found" is the result of a bounded random search, not a proof.
"""

from __future__ import annotations

from metricproofs.testing.names import AVERAGES, METRICS, MULTILABEL_AVERAGES
from metricproofs.testing.oracles import PROPERTIES, TOLERANCE
from metricproofs.testing.report import CheckReport, Counterexample
from metricproofs.testing.search import check_call, check_metric

__all__ = ["METRICS", "AVERAGES", "MULTILABEL_AVERAGES", "TOLERANCE", "PROPERTIES", "CheckReport",
           "Counterexample", "check_metric", "check_call"]
