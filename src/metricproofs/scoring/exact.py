"""The report's definitions as plain Python: GENERATED, do not edit.

Written by ``python -m metricproofs.scoring.generate_exact`` from :mod:`metricproofs.definitions`
(the definitions named in ``generate_exact.report_definitions``), so that ``metricproofs score``
computes its exact fractions without importing sympy. Each function is its definition's
expression, shown in the docstring, with ExactBackend's arithmetic: the counts ``TP``, ``FP``,
``FN`` (sequences indexed by label) and ``N`` are ints or Fractions, ``k`` and ``l`` ints; a
result is a Fraction (or an int), or nan for an undefined 0/0. tests/scoring/test_score_exact.py
regenerates this file and compares it byte for byte, and checks it against ExactBackend.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Callable, Sequence

__all__ = ["DEFINITIONS", "LABEL_DEFINITIONS"]

_NAN = math.nan

Counts = Sequence[Any]


def _div(num: Any, den: Any) -> Any:
    """``num / den`` exactly, as ExactBackend divides: nan stays nan; a zero denominator
    outside a zero_division guard is an error (the definitions guard every division)."""
    if isinstance(den, float) and math.isnan(den):
        return _NAN
    if den == 0:
        raise ZeroDivisionError("a definition divided by zero outside its zero_division guard")
    if isinstance(num, float):
        return num / den
    return Fraction(num) / den


def label_precision(TP: Counts, FP: Counts, FN: Counts, k: int, N: Any, l: int) -> Any:
    """label precision: ``Piecewise((0, Eq(FP[l] + TP[l], 0)), (TP[l]/(FP[l] + TP[l]), True))``"""
    return (0 if (FP[l] + TP[l]) == 0 else _div(TP[l], (FP[l] + TP[l])))


def macro_precision(TP: Counts, FP: Counts, FN: Counts, k: int, N: Any) -> Any:
    """macro precision: ``Piecewise((nan, Eq(k, 0)), (Sum(Piecewise((0, Eq(FP[l] + TP[l], 0)), (TP[l]/(FP[l] + TP[l]), True)), (l, 0, k - 1))/k, True))``"""
    return (_NAN if k == 0 else _div(sum(((0 if (FP[l] + TP[l]) == 0 else _div(TP[l], (FP[l] + TP[l]))) for l in range(0, k)), 0), k))


def weighted_precision(TP: Counts, FP: Counts, FN: Counts, k: int, N: Any) -> Any:
    """weighted precision: ``Piecewise((nan, Eq(Sum(FN[l] + TP[l], (l, 0, k - 1)), 0)), (Sum(Piecewise((0, Eq(FP[l] + TP[l], 0)), ((FN[l] + TP[l])*TP[l]/(FP[l] + TP[l]), True)), (l, 0, k - 1))/Sum(FN[l] + TP[l], (l, 0, k - 1)), True))``"""
    return (_NAN if sum(((FN[l] + TP[l]) for l in range(0, k)), 0) == 0 else _div(sum(((0 if (FP[l] + TP[l]) == 0 else _div(((FN[l] + TP[l]) * TP[l]), (FP[l] + TP[l]))) for l in range(0, k)), 0), sum(((FN[l] + TP[l]) for l in range(0, k)), 0)))


def label_recall(TP: Counts, FP: Counts, FN: Counts, k: int, N: Any, l: int) -> Any:
    """label recall: ``Piecewise((0, Eq(FN[l] + TP[l], 0)), (TP[l]/(FN[l] + TP[l]), True))``"""
    return (0 if (FN[l] + TP[l]) == 0 else _div(TP[l], (FN[l] + TP[l])))


def macro_recall(TP: Counts, FP: Counts, FN: Counts, k: int, N: Any) -> Any:
    """macro recall: ``Piecewise((nan, Eq(k, 0)), (Sum(Piecewise((0, Eq(FN[l] + TP[l], 0)), (TP[l]/(FN[l] + TP[l]), True)), (l, 0, k - 1))/k, True))``"""
    return (_NAN if k == 0 else _div(sum(((0 if (FN[l] + TP[l]) == 0 else _div(TP[l], (FN[l] + TP[l]))) for l in range(0, k)), 0), k))


def weighted_recall(TP: Counts, FP: Counts, FN: Counts, k: int, N: Any) -> Any:
    """weighted recall: ``Piecewise((nan, Eq(Sum(FN[l] + TP[l], (l, 0, k - 1)), 0)), (Sum(Piecewise((0, Eq(FN[l] + TP[l], 0)), (TP[l], True)), (l, 0, k - 1))/Sum(FN[l] + TP[l], (l, 0, k - 1)), True))``"""
    return (_NAN if sum(((FN[l] + TP[l]) for l in range(0, k)), 0) == 0 else _div(sum(((0 if (FN[l] + TP[l]) == 0 else TP[l]) for l in range(0, k)), 0), sum(((FN[l] + TP[l]) for l in range(0, k)), 0)))


def label_f1(TP: Counts, FP: Counts, FN: Counts, k: int, N: Any, l: int) -> Any:
    """label f1: ``Piecewise((0, Eq(FN[l] + FP[l] + 2*TP[l], 0)), (2*TP[l]/(FN[l] + FP[l] + 2*TP[l]), True))``"""
    return (0 if ((2 * TP[l]) + FN[l] + FP[l]) == 0 else _div((2 * TP[l]), ((2 * TP[l]) + FN[l] + FP[l])))


def macro_f1(TP: Counts, FP: Counts, FN: Counts, k: int, N: Any) -> Any:
    """macro f1: ``Piecewise((nan, Eq(k, 0)), (Sum(Piecewise((0, Eq(FN[l] + FP[l] + 2*TP[l], 0)), (2*TP[l]/(FN[l] + FP[l] + 2*TP[l]), True)), (l, 0, k - 1))/k, True))``"""
    return (_NAN if k == 0 else _div(sum(((0 if ((2 * TP[l]) + FN[l] + FP[l]) == 0 else _div((2 * TP[l]), ((2 * TP[l]) + FN[l] + FP[l]))) for l in range(0, k)), 0), k))


def weighted_f1(TP: Counts, FP: Counts, FN: Counts, k: int, N: Any) -> Any:
    """weighted f1: ``Piecewise((nan, Eq(Sum(FN[l] + TP[l], (l, 0, k - 1)), 0)), (Sum(Piecewise((0, Eq(FN[l] + FP[l] + 2*TP[l], 0)), (2*(FN[l] + TP[l])*TP[l]/(FN[l] + FP[l] + 2*TP[l]), True)), (l, 0, k - 1))/Sum(FN[l] + TP[l], (l, 0, k - 1)), True))``"""
    return (_NAN if sum(((FN[l] + TP[l]) for l in range(0, k)), 0) == 0 else _div(sum(((0 if ((2 * TP[l]) + FN[l] + FP[l]) == 0 else _div((2 * (FN[l] + TP[l]) * TP[l]), ((2 * TP[l]) + FN[l] + FP[l]))) for l in range(0, k)), 0), sum(((FN[l] + TP[l]) for l in range(0, k)), 0)))


def micro_precision(TP: Counts, FP: Counts, FN: Counts, k: int, N: Any) -> Any:
    """micro precision: ``Piecewise((nan, Eq(Sum(FP[l], (l, 0, k - 1)) + Sum(TP[l], (l, 0, k - 1)), 0)), (Sum(TP[l], (l, 0, k - 1))/(Sum(FP[l], (l, 0, k - 1)) + Sum(TP[l], (l, 0, k - 1))), True))``"""
    return (_NAN if (sum((FP[l] for l in range(0, k)), 0) + sum((TP[l] for l in range(0, k)), 0)) == 0 else _div(sum((TP[l] for l in range(0, k)), 0), (sum((FP[l] for l in range(0, k)), 0) + sum((TP[l] for l in range(0, k)), 0))))


def micro_recall(TP: Counts, FP: Counts, FN: Counts, k: int, N: Any) -> Any:
    """micro recall: ``Piecewise((nan, Eq(Sum(FN[l], (l, 0, k - 1)) + Sum(TP[l], (l, 0, k - 1)), 0)), (Sum(TP[l], (l, 0, k - 1))/(Sum(FN[l], (l, 0, k - 1)) + Sum(TP[l], (l, 0, k - 1))), True))``"""
    return (_NAN if (sum((FN[l] for l in range(0, k)), 0) + sum((TP[l] for l in range(0, k)), 0)) == 0 else _div(sum((TP[l] for l in range(0, k)), 0), (sum((FN[l] for l in range(0, k)), 0) + sum((TP[l] for l in range(0, k)), 0))))


def micro_f1(TP: Counts, FP: Counts, FN: Counts, k: int, N: Any) -> Any:
    """micro f1: ``Piecewise((nan, Eq(Sum(FN[l], (l, 0, k - 1)) + Sum(FP[l], (l, 0, k - 1)) + 2*Sum(TP[l], (l, 0, k - 1)), 0)), (2*Sum(TP[l], (l, 0, k - 1))/(Sum(FN[l], (l, 0, k - 1)) + Sum(FP[l], (l, 0, k - 1)) + 2*Sum(TP[l], (l, 0, k - 1))), True))``"""
    return (_NAN if ((2 * sum((TP[l] for l in range(0, k)), 0)) + sum((FN[l] for l in range(0, k)), 0) + sum((FP[l] for l in range(0, k)), 0)) == 0 else _div((2 * sum((TP[l] for l in range(0, k)), 0)), ((2 * sum((TP[l] for l in range(0, k)), 0)) + sum((FN[l] for l in range(0, k)), 0) + sum((FP[l] for l in range(0, k)), 0))))


def accuracy(TP: Counts, FP: Counts, FN: Counts, k: int, N: Any) -> Any:
    """accuracy: ``Piecewise((nan, Eq(N, 0)), (Sum(TP[l], (l, 0, k - 1))/N, True))``"""
    return (_NAN if N == 0 else _div(sum((TP[l] for l in range(0, k)), 0), N))


LABEL_DEFINITIONS: dict[str, Callable[..., Any]] = {
    'label precision': label_precision,
    'label recall': label_recall,
    'label f1': label_f1,
}
"""Per-label definitions: ``f(TP, FP, FN, k, N, l)``."""

DEFINITIONS: dict[str, Callable[..., Any]] = {
    'macro precision': macro_precision,
    'weighted precision': weighted_precision,
    'macro recall': macro_recall,
    'weighted recall': weighted_recall,
    'macro f1': macro_f1,
    'weighted f1': weighted_f1,
    'micro precision': micro_precision,
    'micro recall': micro_recall,
    'micro f1': micro_f1,
    'accuracy': accuracy,
}
"""Definitions over all labels: ``f(TP, FP, FN, k, N)``."""
