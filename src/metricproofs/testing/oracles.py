"""What a checked function's value must be: the reference, and the proven identities.

Summary
    The expected value of a case comes from :mod:`metricproofs.reference` (scikit-learn's
    meaning, independent code). The proven identities that apply to the claim give a second,
    independent oracle: their right-hand sides are computed here from a plain count of
    correct samples (micro F1 = accuracy, micro Jaccard = acc / (2 - acc), ...).

    The identities are catalogue claims: each is looked up by the ``kit`` field of
    :class:`metricproofs.catalogue.Claim` (what this module computes to check it), so the
    property ids and statements come from the catalogue, never retyped here.
    :data:`PROPERTIES` maps every property id a report can name to its one-line statement.
"""

from __future__ import annotations

import math
import warnings
from fractions import Fraction
from typing import Any, Callable

from metricproofs.testing.cases import Case
from metricproofs.testing.claim import REFERENCE_NAMES, CheckClaim

__all__ = ["PROPERTIES", "KIT_PROPERTIES", "CATALOGUED", "InvalidCase", "reference_value", "identities",
           "symmetric", "TOLERANCE"]

#: The float64 relative tolerance (DESIGN section 4); the defaults by dtype are in evaluation.
TOLERANCE = 1e-9


def _reference() -> Any:
    """The module every expected value comes from (scikit-learn's names and meaning).

    The one place that names it, so the oracle can be swapped in one line.
    """
    from metricproofs import reference

    return reference


def _claim_for(kit_key: str, *, required: bool = True) -> Any:
    """The catalogue claim this module checks by computing ``kit_key`` (None if optional and absent)."""
    from metricproofs.catalogue import CATALOGUE

    for claim in CATALOGUE:
        if getattr(claim, "kit", None) == kit_key:
            return claim
    if required:
        raise LookupError(f"no catalogue claim has kit={kit_key!r}")
    return None


def _optional_id(kit_key: str) -> str | None:
    claim = _claim_for(kit_key, required=False)
    return None if claim is None else claim.id


# What this module computes (the ``kit`` key of a catalogue claim) -> the claim's id.
MICRO_ACCURACY = _claim_for("micro P, R, F1 = accuracy").id
MICRO_FBETA = _claim_for("micro F-beta = accuracy").id
MICRO_P_EQ_R = _claim_for("micro P = micro R").id
SUPERSET = _claim_for("micro over a label superset = accuracy").id
MICRO_JACCARD = _claim_for("micro Jaccard = acc / (2 - acc)").id
WEIGHTED_RECALL = _claim_for("weighted recall = accuracy").id
SYMMETRIC = _claim_for("micro value unchanged by swapping y_true, y_pred").id
MULTILABEL_TOTALS = _claim_for("multi-label micro P = R at equal totals").id
MCC_SYMMETRIC = _optional_id("MCC unchanged by swapping y_true, y_pred")
KAPPA_AT_MOST_ACCURACY = _optional_id("kappa <= accuracy when p_e < 1")
#: Identities that are inequalities: the value must be at most the right-hand side.
AT_MOST: frozenset[str] = frozenset({KAPPA_AT_MOST_ACCURACY} - {None})

#: The kit's own properties (not catalogue claims: nothing is proved about them).
KIT_PROPERTIES: dict[str, str] = {
    "no-exception": "valid input (scikit-learn accepts it) gives a value, not an exception",
    "returns-a-number": "the value is a number (one per label for average=None): not None, a string or a list",
    "agrees-with-reference": "the value equals metricproofs.reference (scikit-learn's meaning) within the "
                             "tolerance",
    "sample-order-invariance": "permuting the samples leaves the value unchanged",
    "deterministic": "the same call gives the same result twice",
}

_ORDER = tuple(prop for prop in (
    "no-exception", "returns-a-number", MICRO_ACCURACY, MICRO_FBETA, MICRO_P_EQ_R, SUPERSET, MICRO_JACCARD,
    WEIGHTED_RECALL, KAPPA_AT_MOST_ACCURACY, "agrees-with-reference", SYMMETRIC, MCC_SYMMETRIC, MULTILABEL_TOTALS,
    "sample-order-invariance", "deterministic") if prop is not None)
#: The catalogue ids the kit checks.
CATALOGUED: frozenset[str] = frozenset(_ORDER) - frozenset(KIT_PROPERTIES)


def _statement(prop: str) -> str:
    if prop in KIT_PROPERTIES:
        return KIT_PROPERTIES[prop]
    from metricproofs.catalogue import get

    return f"{get(prop).statement.rstrip('.')} (proved)"


#: Every property id a report can name, with its one-line statement (in report order).
PROPERTIES: dict[str, str] = {prop: _statement(prop) for prop in _ORDER}


class InvalidCase(Exception):
    """The reference rejects a generated case: not valid input, so it says nothing."""


def _fresh(values: list[Any]) -> list[Any]:
    return [list(value) if isinstance(value, list) else value for value in values]


def reference_value(claim: CheckClaim, case: Case, *, metric: str | None = None) -> Any:
    """The reference's value for the case (optionally for another metric of the same claim)."""
    kwargs = claim.reference_kwargs
    if metric is not None and metric != claim.metric:
        kwargs.pop("beta", None)
    function = getattr(_reference(), REFERENCE_NAMES[metric or claim.metric])
    extra = {} if case.sample_weight is None else {"sample_weight": list(case.sample_weight)}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return function(_fresh(case.y_true), _fresh(case.y_pred), **kwargs, **extra)
    except (ValueError, TypeError) as exc:
        raise InvalidCase(f"{type(exc).__name__}: {exc}") from exc


def accuracy(case: Case) -> float | None:
    """Weighted share of correct samples, counted directly (None when the total weight is 0)."""
    weights = case.sample_weight or [1.0] * len(case.y_true)
    total = math.fsum(weights)
    if total <= 0:
        return None
    correct = math.fsum(w for w, t, p in zip(weights, case.y_true, case.y_pred) if t == p)
    return correct / total


def _covers(claim: CheckClaim, case: Case) -> bool:
    labels = claim.labels
    return labels is None or (set(case.y_true) | set(case.y_pred)) <= set(labels)


def identities(claim: CheckClaim, case: Case) -> list[tuple[str, Callable[[], Any]]]:
    """The proven identities that apply to this claim and case, as (id, expected value)."""
    if claim.multilabel:
        return _multilabel_identities(claim, case)
    acc = accuracy(case)
    if acc is None or not _covers(claim, case):
        return []
    metric, average = claim.metric, claim.average
    if metric == "accuracy":  # accuracy is the right-hand side itself: the reference covers it
        return []
    found: list[tuple[str, Callable[[], Any]]] = []
    if metric == "kappa":
        if KAPPA_AT_MOST_ACCURACY is not None and claim.kwargs.get("weights") is None and _chance(case) < 1:
            found.append((KAPPA_AT_MOST_ACCURACY, lambda: acc))
        return found
    if average == "micro" and metric in ("precision", "recall", "f1", "fbeta"):
        name = MICRO_FBETA if metric == "fbeta" else MICRO_ACCURACY
        found.append((SUPERSET if claim.labels is not None else name, lambda: acc))
        if metric in ("precision", "recall"):
            other = "recall" if metric == "precision" else "precision"
            found.append((MICRO_P_EQ_R, lambda: reference_value(claim, case, metric=other)))
    elif average == "micro" and metric == "jaccard":
        found.append((MICRO_JACCARD, lambda: acc / (2.0 - acc)))
    elif average == "weighted" and metric == "recall":
        found.append((WEIGHTED_RECALL, lambda: acc))
    return found


def _label_totals(claim: CheckClaim, case: Case) -> tuple[Fraction, Fraction, Fraction]:
    """(TP, predicted labels, true labels) over the columns of labels=, weighted, exactly.

    Exact fractions of the float weights, so "as many predicted as true" is decided
    without rounding.
    """
    columns = claim.labels if claim.labels is not None else range(len(case.y_true[0]))
    weights = case.sample_weight or [1] * len(case.y_true)
    tp = predicted = true = Fraction(0)
    for weight, t_row, p_row in zip(weights, case.y_true, case.y_pred):
        share = Fraction(weight)
        tp += share * sum(t_row[c] & p_row[c] for c in columns)
        predicted += share * sum(p_row[c] for c in columns)
        true += share * sum(t_row[c] for c in columns)
    return tp, predicted, true


def _multilabel_identities(claim: CheckClaim, case: Case) -> list[tuple[str, Callable[[], Any]]]:
    """Multi-label micro P = R for micro precision and recall, when its hypotheses hold on
    the case: TP > 0 and as many labels predicted as true."""
    if claim.average != "micro" or claim.metric not in ("precision", "recall"):
        return []
    tp, predicted, true = _label_totals(claim, case)
    if not (tp > 0 and predicted == true):
        return []
    other = "recall" if claim.metric == "precision" else "precision"
    return [(MULTILABEL_TOTALS, lambda: reference_value(claim, case, metric=other))]


def _chance(case: Case) -> float:
    """Cohen's chance agreement p_e = sum_l (support_l / N)(predicted_l / N), weighted."""
    weights = case.sample_weight or [1.0] * len(case.y_true)
    total = math.fsum(weights)
    truth: dict[Any, float] = {}
    predicted: dict[Any, float] = {}
    for w, t, p in zip(weights, case.y_true, case.y_pred):
        truth[t] = truth.get(t, 0.0) + w
        predicted[p] = predicted.get(p, 0.0) + w
    return math.fsum(truth[l] * predicted.get(l, 0.0) for l in truth) / (total * total) if total > 0 else 1.0


def symmetric(claim: CheckClaim, case: Case) -> str | None:
    """The proved symmetry claim that says swapping y_true and y_pred leaves the value
    unchanged, or None when none applies (single-label input only)."""
    if claim.multilabel:
        return None
    if claim.metric == "accuracy":
        return SYMMETRIC
    if claim.metric == "mcc":
        return MCC_SYMMETRIC
    return SYMMETRIC if claim.average == "micro" and _covers(claim, case) else None


def possible_identities(claim: CheckClaim) -> list[str]:
    """Every identity id a check of this claim may test, in report order (for the report)."""
    if claim.multilabel:
        return [MULTILABEL_TOTALS] if claim.average == "micro" and claim.metric in ("precision", "recall") else []
    metric, average, labels = claim.metric, claim.average, claim.labels
    found: list[str | None] = []
    if average == "micro" and metric in ("precision", "recall", "f1", "fbeta"):
        found.append(SUPERSET if labels is not None else (MICRO_FBETA if metric == "fbeta" else MICRO_ACCURACY))
        if metric in ("precision", "recall"):
            found.append(MICRO_P_EQ_R)
    elif average == "micro" and metric == "jaccard":
        found.append(MICRO_JACCARD)
    elif average == "weighted" and metric == "recall":
        found.append(WEIGHTED_RECALL)
    elif metric == "kappa" and claim.kwargs.get("weights") is None:
        found.append(KAPPA_AT_MOST_ACCURACY)
    return [prop for prop in found if prop is not None]
