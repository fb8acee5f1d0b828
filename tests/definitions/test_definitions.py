"""The symbolic definitions, read exactly, agree with the seed note and with the reference.

This is the sympy leg of the cross-check triangle: the same expressions the provers
translate to SMT-LIB are evaluated in exact rational arithmetic and compared with
metricproofs.reference (which the reference tests compare with scikit-learn).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from metricproofs import definitions as d
from metricproofs import reference
from metricproofs.evaluation import evaluate

SEED_MATRIX = [[2, 1, 1], [1, 1, 0], [0, 1, 2]]  # rows true A, B, C; columns predicted (seed note)


def test_seed_example_by_hand() -> None:
    c = d.confusion_counts()
    per_label = [tuple(evaluate(f(d.l), k=3, C=SEED_MATRIX, l=lab) for f in (c.tp, c.fp, c.fn)) for lab in range(3)]
    assert per_label == [(2, 1, 2), (1, 2, 1), (2, 1, 1)]
    for metric in (d.micro_precision(c), d.micro_recall(c), d.micro_f1(c), d.accuracy(c)):
        assert evaluate(metric, k=3, C=SEED_MATRIX) == Fraction(5, 9)


def test_zero_division_is_stated_not_hidden() -> None:
    c = d.confusion_counts()
    empty = [[0, 0], [0, 0]]
    assert np.isnan(float(evaluate(d.micro_precision(c), k=2, C=empty)))
    assert evaluate(d.micro_precision(c, None, 1), k=2, C=empty) == 1
    assert evaluate(d.precision(c, d.l, 0), k=2, C=[[1, 0], [1, 0]], l=1) == 0


pairs = st.integers(1, 4).flatmap(lambda k: st.tuples(
    st.just(k),
    st.lists(st.tuples(st.integers(0, k - 1), st.integers(0, k - 1)), min_size=1, max_size=25)))


@given(pairs)
def test_definitions_agree_with_the_reference(case) -> None:
    k, samples = case
    y_true = [t for t, _ in samples]
    y_pred = [p for _, p in samples]
    labels = list(range(k))
    matrix = reference.confusion_matrix(y_true, y_pred, labels=labels).tolist()
    c = d.confusion_counts()
    exact = lambda expr: evaluate(expr, k=k, C=matrix)  # noqa: E731
    for average in ("micro", "macro", "weighted"):
        p, r, f, _ = reference.precision_recall_fscore_support(y_true, y_pred, labels=labels, average=average,
                                                               zero_division=0)
        if average == "micro":
            expected = (d.micro_precision(c, None, 0), d.micro_recall(c, None, 0), d.micro_f1(c, None, 0))
        else:
            combine = d.macro if average == "macro" else d.weighted
            expected = tuple(combine(c, lambda cc, lab, m=m: m(cc, lab, 0), None, 0)
                             for m in (d.precision, d.recall, d.f1))
        for got, want in zip((p, r, f), expected):
            assert abs(float(exact(want)) - got) <= 1e-12
    assert abs(float(exact(d.accuracy(c))) - reference.accuracy_score(y_true, y_pred)) <= 1e-12
    assert abs(float(exact(d.balanced_accuracy(c))) - reference.balanced_accuracy_score(y_true, y_pred)) <= 1e-12


@given(pairs)
def test_the_sample_to_matrix_definition_matches_the_confusion_matrix(case) -> None:
    k, samples = case
    t = [s for s, _ in samples]
    p = [q for _, q in samples]
    cell = d.sample_confusion(d.a, d.b)
    matrix = [[evaluate(cell, n=len(t), a=row, b=col, t=t, p=p, w=[1] * len(t)) for col in range(k)]
              for row in range(k)]
    assert matrix == reference.confusion_matrix(t, p, labels=list(range(k))).tolist()


def test_latex_of_every_definition_renders() -> None:
    rendered = dict(d.latex_definitions())
    assert r"\sum" in rendered["FP_l"] and "{C}_{a,l}" in rendered["FP_l"]
    assert len(rendered) >= 10
