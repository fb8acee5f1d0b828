"""Matthews correlation and Cohen's kappa of the reference, against hand-worked values,
scikit-learn itself, a plain loop from the textbook formulas, and the symbolic definitions.

What they protect: the two functions' values (weights, ``labels=``, kappa's weightings),
scikit-learn's zero-denominator behaviour (MCC 0.0; kappa ``replace_undefined_by`` with an
UndefinedMetricWarning, never a ZeroDivisionError), and the refusals.
"""

from __future__ import annotations

import math
import warnings
from fractions import Fraction
from typing import Any, Sequence

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from _reference_strategies import close, single_label_cases, sklearn_raises
from metricproofs import definitions as d
from metricproofs import reference as ref
from metricproofs.evaluation import evaluate


# --- hand-worked examples -------------------------------------------------------------------


def test_binary_example_by_hand() -> None:
    # C = [[1, 1], [0, 1]]: TP = TN = FP = 1, FN = 0; margins TP+FP = 2, TP+FN = 1, TN+FP = 2, TN+FN = 1.
    # MCC = (1*1 - 1*0) / sqrt(2*1*2*1) = 1/2. kappa: p_o = 2/3, p_e = (2*1 + 1*2)/9 = 4/9,
    # (2/3 - 4/9) / (1 - 4/9) = (2/9) / (5/9) = 2/5.
    assert ref.matthews_corrcoef([0, 0, 1], [0, 1, 1]) == pytest.approx(0.5, abs=1e-15)
    assert ref.cohen_kappa_score([0, 0, 1], [0, 1, 1]) == pytest.approx(0.4, abs=1e-15)


def test_multiclass_example_by_hand() -> None:
    # rows true 0,1,2: [1,1,0], [0,1,1], [1,0,2]; N = 7, trace 4, supports = predictions = (2, 2, 3).
    # cov = 7*4 - (4 + 4 + 9) = 11; each spread 49 - 17 = 32: MCC = 11/32; kappa = 11/32 as well
    # (equal marginals: (N T - X) / (N^2 - X) = 11 / 32).
    y_true, y_pred = [0, 0, 1, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2, 2]
    assert ref.matthews_corrcoef(y_true, y_pred) == pytest.approx(11 / 32, abs=1e-15)
    assert ref.cohen_kappa_score(y_true, y_pred) == pytest.approx(11 / 32, abs=1e-15)


def test_unequal_marginals_by_hand() -> None:
    # C = [[1, 2], [0, 1]]: N = 4, T = 2, supports (3, 1), predictions (1, 3), X = 3 + 3 = 6.
    # kappa = (4*2 - 6) / (16 - 6) = 1/5; MCC = (8 - 6) / sqrt((16 - 10)(16 - 10)) = 1/3.
    assert ref.cohen_kappa_score([0, 0, 0, 1], [0, 1, 1, 1]) == pytest.approx(0.2, abs=1e-15)
    assert ref.matthews_corrcoef([0, 0, 0, 1], [0, 1, 1, 1]) == pytest.approx(1 / 3, abs=1e-15)


def test_weights_by_hand() -> None:
    # w = (2, 1, 1): C = [[2, 1], [0, 1]], N = 4, T = 3, supports (3, 1), predictions (2, 2), X = 8.
    # kappa = (12 - 8) / (16 - 8) = 1/2; MCC = 4 / sqrt((16 - 8)(16 - 10)) = 4 / sqrt(48) = 1/sqrt(3).
    kw = {"sample_weight": [2, 1, 1]}
    assert ref.cohen_kappa_score([0, 0, 1], [0, 1, 1], **kw) == pytest.approx(0.5, abs=1e-15)
    assert ref.matthews_corrcoef([0, 0, 1], [0, 1, 1], **kw) == pytest.approx(1 / math.sqrt(3), abs=1e-15)


def test_weighted_kappa_by_hand() -> None:
    # C = [[1,0,0],[0,0,1],[0,0,1]], predictions (1, 0, 2), supports (1, 1, 1), E = outer(pred, supp) / 3.
    # unweighted: observed disagreement 1, chance 2 -> 1/2; linear |i-j|: 1 against 3 -> 2/3;
    # quadratic (i-j)^2: 1 against 5 -> 4/5.
    y1, y2 = [0, 1, 2], [0, 2, 2]
    assert ref.cohen_kappa_score(y1, y2) == pytest.approx(0.5, abs=1e-15)
    assert ref.cohen_kappa_score(y1, y2, weights="linear") == pytest.approx(2 / 3, abs=1e-15)
    assert ref.cohen_kappa_score(y1, y2, weights="quadratic") == pytest.approx(0.8, abs=1e-15)


def test_warnings_name_the_callers_line() -> None:
    with pytest.warns(UserWarning, match="A single label was found") as record:
        ref.matthews_corrcoef([0, 0], [0, 0])
    assert all(w.filename == __file__ for w in record)


def test_string_labels_and_perfect_and_inverse_agreement() -> None:
    assert ref.matthews_corrcoef(["a", "b", "b"], ["a", "b", "b"]) == 1.0
    assert ref.cohen_kappa_score(["a", "b"], ["b", "a"]) == -1.0
    assert ref.matthews_corrcoef(["a", "b"], ["b", "a"]) == -1.0


# --- zero denominators: scikit-learn's values, never a ZeroDivisionError --------------------


def test_mcc_is_zero_when_one_side_has_a_single_class() -> None:
    # y_pred all 1: N^2 - sum predicted^2 = 4 - 4 = 0, so the product under the root is 0.
    assert ref.matthews_corrcoef([0, 1], [1, 1]) == 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the single-label warning of confusion_matrix, as scikit-learn
        assert ref.matthews_corrcoef([0, 0], [0, 0]) == 0.0


def test_kappa_with_chance_agreement_one_is_replace_undefined_by() -> None:
    # one label: confusion_matrix's single-label warning too (as in scikit-learn)
    with pytest.warns(UserWarning, match="A single label was found"):
        with pytest.warns(ref.UndefinedMetricWarning, match="have only one label in common"):
            assert math.isnan(ref.cohen_kappa_score([3] * 4, [3] * 4))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert ref.cohen_kappa_score([3] * 4, [3] * 4, replace_undefined_by=0.0) == 0.0
        assert ref.cohen_kappa_score([1, 1, 2, 2], [1, 1, 3, 3], labels=[1, 2], replace_undefined_by=-1) == -1.0


def test_kappa_with_no_sample_inside_labels_is_replace_undefined_by() -> None:
    with pytest.warns(ref.UndefinedMetricWarning, match="`y2` contains no labels that are present"):
        assert math.isnan(ref.cohen_kappa_score([1, 1, 2, 2], [3, 3, 3, 3], labels=[1, 2]))


# --- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize("kwargs", [{"replace_undefined_by": 2}, {"replace_undefined_by": "nan"},
                                    {"weights": "cubic"}, {"labels": [5]}])
def test_kappa_refuses_what_scikit_learn_refuses(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        ref.cohen_kappa_score([0, 1, 1], [0, 1, 0], **kwargs)
    assert sklearn_raises("cohen_kappa_score", [0, 1, 1], [0, 1, 0], **kwargs)


def test_labels_absent_from_y1_use_scikit_learns_message() -> None:
    with pytest.raises(ValueError, match="At least one label in `labels` must be present in `y1`"):
        ref.cohen_kappa_score([0, 1], [0, 1], labels=[5, 6])


def test_mcc_refuses_multilabel_input() -> None:
    y = np.array([[0, 1], [1, 1]])
    with pytest.raises(ValueError, match="multilabel-indicator is not supported"):
        ref.matthews_corrcoef(y, y)
    assert sklearn_raises("matthews_corrcoef", y, y)


# --- cross-checks ----------------------------------------------------------------------------


def _loop_counts(y_true: Sequence[Any], y_pred: Sequence[Any], weights: Sequence[Any] | None
                 ) -> tuple[list[Any], dict[tuple[Any, Any], Fraction]]:
    labels = sorted(set(y_true) | set(y_pred), key=lambda v: (str(type(v)), v))
    cells: dict[tuple[Any, Any], Fraction] = {}
    for i, (t, p) in enumerate(zip(y_true, y_pred)):
        w = Fraction(1) if weights is None else Fraction(weights[i])
        cells[(t, p)] = cells.get((t, p), Fraction(0)) + w
    return labels, cells


def loop_mcc(y_true: Sequence[Any], y_pred: Sequence[Any], weights: Sequence[Any] | None = None) -> float:
    """Gorodkin's R_K from its definition: covariances of the one-hot codings, in Fractions."""
    labels, cells = _loop_counts(y_true, y_pred, weights)
    n = sum(cells.values(), Fraction(0))
    row = {a: sum((v for (t, _), v in cells.items() if t == a), Fraction(0)) for a in labels}
    col = {b: sum((v for (_, p), v in cells.items() if p == b), Fraction(0)) for b in labels}
    correct = sum((v for (t, p), v in cells.items() if t == p), Fraction(0))
    cov_tp = n * correct - sum(row[a] * col[a] for a in labels)
    cov_tt = n * n - sum(row[a] ** 2 for a in labels)
    cov_pp = n * n - sum(col[a] ** 2 for a in labels)
    if cov_tt * cov_pp == 0:
        return 0.0
    return float(cov_tp) / math.sqrt(float(cov_tt * cov_pp))


def loop_kappa(y_true: Sequence[Any], y_pred: Sequence[Any], weights: Sequence[Any] | None = None) -> float:
    """(p_o - p_e) / (1 - p_e) from its definition, in Fractions; nan where undefined."""
    labels, cells = _loop_counts(y_true, y_pred, weights)
    n = sum(cells.values(), Fraction(0))
    p_o = sum((v for (t, p), v in cells.items() if t == p), Fraction(0)) / n
    p_e = sum(sum((v for (t, _), v in cells.items() if t == a), Fraction(0))
              * sum((v for (_, p), v in cells.items() if p == a), Fraction(0)) for a in labels) / (n * n)
    return math.nan if p_e == 1 else float((p_o - p_e) / (1 - p_e))


@given(single_label_cases(max_size=15))
def test_agrees_with_scikit_learn_and_the_loop(case: Any) -> None:
    from sklearn import metrics as skm

    kw = {"sample_weight": case.sample_weight}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got_mcc = ref.matthews_corrcoef(case.y_true, case.y_pred, **kw)
        got_kappa = ref.cohen_kappa_score(case.y_true, case.y_pred, **kw)
        assert close(got_mcc, skm.matthews_corrcoef(case.y_true, case.y_pred, **kw))
        assert close(got_kappa, skm.cohen_kappa_score(case.y_true, case.y_pred, **kw))
        for weighting in ("linear", "quadratic"):
            assert close(ref.cohen_kappa_score(case.y_true, case.y_pred, weights=weighting, **kw),
                         skm.cohen_kappa_score(case.y_true, case.y_pred, weights=weighting, **kw))
        if case.labels is not None:
            if not sklearn_raises("cohen_kappa_score", case.y_true, case.y_pred, labels=case.labels, **kw):
                assert close(ref.cohen_kappa_score(case.y_true, case.y_pred, labels=case.labels, **kw),
                             skm.cohen_kappa_score(case.y_true, case.y_pred, labels=case.labels, **kw))
    # Agreement with the exact loop to 1e-9 holds where float64 does not cancel the answer away:
    # MCC's and kappa's numerators are differences of products of weight sums, so a weight below
    # 2**-53 of the others is absorbed (weights [1, 8e-41] on y_true == y_pred: exact MCC 1, and
    # the reference and scikit-learn both give 0, as float64 must). Positive weights within a
    # factor 10**4 of each other keep the rounding error far below the tolerance, and weights of at
    # least 1e-70 keep products of four sums from underflowing (a lone weight of 3e-248 squares to 0).
    positive = [w for w in case.sample_weight or () if w > 0]
    if not positive or min(positive) >= max(1e-70, 1e-4 * max(positive)):
        assert close(got_mcc, loop_mcc(case.y_true, case.y_pred, case.sample_weight), tol=1e-9)
        assert close(got_kappa, loop_kappa(case.y_true, case.y_pred, case.sample_weight), tol=1e-9)


@given(st.integers(1, 4).flatmap(lambda k: st.lists(st.lists(st.integers(0, 4), min_size=k, max_size=k),
                                                     min_size=k, max_size=k)).filter(lambda m: sum(map(sum, m)) > 0))
def test_agrees_with_the_symbolic_definitions(matrix: list[list[int]]) -> None:
    k = len(matrix)
    y_true = [a for a in range(k) for b in range(k) for _ in range(matrix[a][b])]
    y_pred = [b for a in range(k) for b in range(k) for _ in range(matrix[a][b])]
    counts = d.confusion_counts()
    # labels absent from both sides add nothing to any sum, so the k x k reading and the
    # reference's (labels that occur) agree
    exact_mcc = evaluate(d.matthews_corrcoef(counts), k=k, C=matrix)
    exact_kappa = evaluate(d.cohen_kappa(counts), k=k, C=matrix)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert close(ref.matthews_corrcoef(y_true, y_pred), float(exact_mcc))
        assert close(ref.cohen_kappa_score(y_true, y_pred), float(exact_kappa))
