"""Every symbolic definition, evaluated exactly on small inputs whose values were worked out by hand.

The seed note's matrix is symmetric enough that several averages coincide (macro P = macro R
= 5/9), so most cases here use ``M4``, chosen so that they differ:

    rows true A, B, C, D; columns predicted          per label   A    B    C    D
        A: [1, 1, 0, 0]                              TP          1    2    0    0
        B: [0, 2, 0, 0]                              FP          0    2    0    0
        C: [0, 1, 0, 0]                              FN          1    0    1    0
        D: [0, 0, 0, 0]                              TN          3    1    4    5
                                                     N = 5, trace = 3

C is never predicted (precision 0/0), D never occurs (everything 0/0). The hand
arithmetic for each expected value is written beside it.
"""

from __future__ import annotations

import math
from fractions import Fraction as F

import pytest
import sympy

from metricproofs import definitions as d
from metricproofs.evaluation import evaluate

M4 = [[1, 1, 0, 0], [0, 2, 0, 0], [0, 1, 0, 0], [0, 0, 0, 0]]
C4 = d.confusion_counts()


def on_m4(expr: sympy.Expr, **bindings: object) -> object:
    return evaluate(expr, k=4, C=M4, **bindings)


def per_label(metric, zero_division) -> list[object]:
    return [on_m4(metric(C4, d.l, zero_division), l=lab) for lab in range(4)]


def same(got: list[object], want: list[object]) -> bool:
    """Equal lists where nan (an undefined 0/0) only matches nan."""
    def one(x: object, y: object) -> bool:
        if isinstance(y, float) and math.isnan(y):
            return isinstance(x, float) and math.isnan(x)
        return x == y
    return len(got) == len(want) and all(one(x, y) for x, y in zip(got, want))


NAN = float("nan")


class TestCounts:
    def test_per_label_counts_and_totals(self) -> None:
        assert [on_m4(C4.tp(d.l), l=lab) for lab in range(4)] == [1, 2, 0, 0]
        assert [on_m4(C4.fp(d.l), l=lab) for lab in range(4)] == [0, 2, 0, 0]  # column minus diagonal
        assert [on_m4(C4.fn(d.l), l=lab) for lab in range(4)] == [1, 0, 1, 0]  # row minus diagonal
        assert [on_m4(d.tn(C4, d.l), l=lab) for lab in range(4)] == [3, 1, 4, 5]  # 5 - TP - FP - FN
        assert [on_m4(d.support(C4, d.l), l=lab) for lab in range(4)] == [2, 2, 1, 0]  # row sums
        assert [on_m4(d.predicted(C4, d.l), l=lab) for lab in range(4)] == [1, 4, 0, 0]  # column sums
        assert on_m4(d.total(C4)) == 5
        assert on_m4(d.trace(C4)) == 3
        assert [on_m4(d.micro_tp(C4)), on_m4(d.micro_fp(C4)), on_m4(d.micro_fn(C4))] == [3, 2, 2]

    def test_a_matrix_given_as_a_callable_is_read_as_rows_true(self) -> None:
        transposed = d.confusion_counts(lambda row, col: d.C[col, row])
        # Transposing swaps FP and FN: FP of the transpose is the row without its diagonal.
        assert [on_m4(transposed.fp(d.l), l=lab) for lab in range(4)] == [1, 0, 1, 0]
        assert [on_m4(transposed.fn(d.l), l=lab) for lab in range(4)] == [0, 2, 0, 0]

    def test_a_numeric_label_count_restricts_the_sums(self) -> None:
        # Only the top-left 2 x 2 block [[1, 1], [0, 2]]: FP_B = 1, N = 4.
        two = d.confusion_counts(d.C, 2)
        assert evaluate(two.fp(d.l), C=M4, l=1) == 1
        assert evaluate(two.n_samples, C=M4) == 4

    def test_multi_label_indicator_counts(self) -> None:
        # Y = [[1,0],[1,1],[0,1]], Yhat = [[1,1],[0,1],[0,0]]:
        # label 0: TP = 1 (sample 0), FP = 0, FN = 1 (sample 1);
        # label 1: TP = 1 (sample 1), FP = 1 (sample 0), FN = 1 (sample 2); N = 3 samples.
        counts = d.indicator_counts()
        data = dict(k=2, n=3, Y=[[1, 0], [1, 1], [0, 1]], Yhat=[[1, 1], [0, 1], [0, 0]])
        assert [evaluate(counts.tp(d.l), l=lab, **data) for lab in range(2)] == [1, 1]
        assert [evaluate(counts.fp(d.l), l=lab, **data) for lab in range(2)] == [0, 1]
        assert [evaluate(counts.fn(d.l), l=lab, **data) for lab in range(2)] == [1, 1]
        assert evaluate(d.total(counts), **data) == 3
        assert evaluate(d.micro_precision(counts), **data) == F(2, 3)  # 2 / (2 + 1)
        assert evaluate(d.micro_recall(counts), **data) == F(1, 2)  # 2 / (2 + 2)
        assert evaluate(d.tn(counts, d.l), l=0, **data) == 1  # 3 - 1 - 0 - 1 (sample 2)
        # one sample, one label, true but not predicted: a false negative in the first row
        assert evaluate(counts.fn(d.l), l=0, k=1, n=1, Y=[[1]], Yhat=[[0]]) == 1

    def test_free_counts(self) -> None:
        counts = d.free_counts()
        assert counts.n_samples.is_nonnegative  # a total weight, as the provers' domains assume
        data = dict(k=2, TP=[3, 0], FP=[1, 2], FN=[0, 4], N=10)
        assert evaluate(d.tn(counts, d.l), l=0, **data) == 6  # 10 - 3 - 1 - 0
        assert evaluate(d.micro_precision(counts), **data) == F(1, 2)  # 3 / (3 + 3)
        assert evaluate(d.micro_recall(counts), **data) == F(3, 7)  # 3 / (3 + 4)
        assert evaluate(d.precision(counts, d.l, 0), l=1, **data) == 0  # 0 / 2

    def test_the_sample_to_matrix_link_adds_each_weight_to_one_cell(self) -> None:
        # samples (t, p, w): (0, 1, 2), (0, 1, 3), (1, 1, 5), (1, 0, 7)
        data = dict(n=4, t=[0, 0, 1, 1], p=[1, 1, 1, 0], w=[2, 3, 5, 7])
        cells = [[evaluate(d.sample_confusion(d.a, d.b), a=r, b=c, **data) for c in range(2)] for r in range(2)]
        assert cells == [[0, 5], [7, 5]]


class TestBindings:
    def test_numpy_scalars_and_arrays_bind_like_python_values(self) -> None:
        """k and l as numpy integers (what a loop over np.arange gives), C as an array: the same
        numbers as with ints and lists (a numpy scalar was taken for an array and left k unbound)."""
        import numpy as np

        assert evaluate(d.accuracy(C4), k=np.int64(4), C=np.array(M4)) == F(3, 5)
        assert evaluate(C4.fp(d.l), k=4, C=np.array(M4), l=np.int64(1)) == 2
        assert evaluate(d.total(C4), k=np.array(4), C=M4) == 5  # a 0-d array is a scalar too


class TestPerLabelMetrics:
    def test_precision(self) -> None:
        # A 1/1, B 2/4, C 0/0, D 0/0
        assert same(per_label(d.precision, 0), [1, F(1, 2), 0, 0])
        assert same(per_label(d.precision, 1), [1, F(1, 2), 1, 1])
        assert same(per_label(d.precision, d.UNDEFINED), [1, F(1, 2), NAN, NAN])

    def test_recall(self) -> None:
        # A 1/2, B 2/2, C 0/1, D 0/0
        assert same(per_label(d.recall, 0), [F(1, 2), 1, 0, 0])
        assert same(per_label(d.recall, 1), [F(1, 2), 1, 0, 1])

    def test_f1_in_count_form(self) -> None:
        # 2TP / (2TP + FP + FN): A 2/3, B 4/6, C 0/1, D 0/0
        assert same(per_label(d.f1, 0), [F(2, 3), F(2, 3), 0, 0])
        assert same(per_label(d.f1, 1), [F(2, 3), F(2, 3), 0, 1])

    def test_f2_weights_recall(self) -> None:
        # 5TP / (4 (TP + FN) + (TP + FP)): A 5/9, B 10/12, C 0/4, D 0/0
        f2 = [on_m4(d.fbeta(C4, d.l, 2, 0), l=lab) for lab in range(4)]
        assert f2 == [F(5, 9), F(5, 6), 0, 0]
        # beta = 1/2: (5/4) TP / ((1/4)(TP + FN) + (TP + FP)); A: (5/4) / (1/2 + 1) = 5/6
        assert on_m4(d.fbeta(C4, d.l, sympy.Rational(1, 2), 0), l=0) == F(5, 6)

    def test_jaccard(self) -> None:
        # TP / (TP + FP + FN): A 1/2, B 2/4, C 0/1, D 0/0
        assert same(per_label(d.jaccard, 0), [F(1, 2), F(1, 2), 0, 0])
        assert same(per_label(d.jaccard, 1), [F(1, 2), F(1, 2), 0, 1])

    def test_one_vs_rest_accuracy(self) -> None:
        # (N - FP - FN) / N: A 4/5, B 3/5, C 4/5, D 5/5
        assert per_label(d.ovr_accuracy, 0) == [F(4, 5), F(3, 5), F(4, 5), 1]
        empty = d.ovr_accuracy(C4, 0, 1)
        assert evaluate(empty, k=2, C=[[0, 0], [0, 0]]) == 1


class TestAverages:
    def test_micro_over_every_label_is_accuracy(self) -> None:
        # sum TP = 3, sum FP = sum FN = 2: P = R = F1 = 3/5 = accuracy; F2 = 15 / (4*5 + 5)
        for metric in (d.micro_precision, d.micro_recall, d.micro_f1, d.accuracy):
            assert on_m4(metric(C4)) == F(3, 5)
        assert on_m4(d.micro_fbeta(C4, None, 2)) == F(3, 5)
        assert on_m4(d.micro_jaccard(C4)) == F(3, 7)  # 3 / (3 + 2 + 2)

    def test_micro_over_a_label_subset(self) -> None:
        # S = {A, B}: sum TP 3, sum FP 2, sum FN 1
        s = [1, 1, 0, 0]
        assert on_m4(d.micro_precision(C4, d.S), s=s) == F(3, 5)
        assert on_m4(d.micro_recall(C4, d.S), s=s) == F(3, 4)
        assert on_m4(d.micro_f1(C4, d.S), s=s) == F(2, 3)  # 6 / (6 + 2 + 1)
        assert on_m4(d.micro_fbeta(C4, d.S, 2), s=s) == F(5, 7)  # 15 / (4*4 + 5)
        assert on_m4(d.micro_jaccard(C4, d.S), s=s) == F(1, 2)  # 3 / (3 + 2 + 1)
        # S = {C, D}: nothing predicted (precision 0/0), one sample of C missed
        s = [0, 0, 1, 1]
        assert math.isnan(on_m4(d.micro_precision(C4, d.S), s=s))
        assert on_m4(d.micro_precision(C4, d.S, 1), s=s) == 1
        assert on_m4(d.micro_recall(C4, d.S, 1), s=s) == 0
        assert on_m4(d.micro_f1(C4, d.S, 1), s=s) == 0  # 0 / (0 + 0 + 1)
        assert on_m4(d.micro_jaccard(C4, d.S, 1), s=s) == 0
        # S = {A, C}: sum TP 1, sum FP 0, sum FN 2 (FP of B must not count)
        s = [1, 0, 1, 0]
        assert on_m4(d.micro_fbeta(C4, d.S, 2), s=s) == F(5, 13)  # 5 / (4*3 + 1)
        assert on_m4(d.micro_jaccard(C4, d.S), s=s) == F(1, 3)  # 1 / (1 + 0 + 2)
        # S = {D}: no sample at all, every micro metric is its zero_division
        s = [0, 0, 0, 1]
        for metric in (d.micro_precision, d.micro_recall, d.micro_f1, d.micro_jaccard):
            assert on_m4(metric(C4, d.S, 1), s=s) == 1
            assert math.isnan(on_m4(metric(C4, d.S), s=s))

    def test_macro(self) -> None:
        p0 = lambda c, lab: d.precision(c, lab, 0)  # noqa: E731
        p1 = lambda c, lab: d.precision(c, lab, 1)  # noqa: E731
        r0 = lambda c, lab: d.recall(c, lab, 0)  # noqa: E731
        f0 = lambda c, lab: d.f1(c, lab, 0)  # noqa: E731
        assert on_m4(d.macro(C4, p0)) == F(3, 8)  # (1 + 1/2 + 0 + 0) / 4
        assert on_m4(d.macro(C4, p1)) == F(7, 8)  # (1 + 1/2 + 1 + 1) / 4
        assert on_m4(d.macro(C4, r0)) == F(3, 8)  # (1/2 + 1 + 0 + 0) / 4
        assert on_m4(d.macro(C4, f0)) == F(1, 3)  # (2/3 + 2/3 + 0 + 0) / 4
        assert on_m4(d.macro(C4, p0, d.S), s=[1, 1, 0, 0]) == F(3, 4)  # (1 + 1/2) / 2
        assert on_m4(d.macro(C4, r0, d.S), s=[0, 1, 1, 0]) == F(1, 2)  # (1 + 0) / 2
        assert on_m4(d.macro(C4, p0, d.S), s=[1, 0, 0, 1]) == F(1, 2)  # (1 + 0) / 2: D counts in the size
        assert math.isnan(on_m4(d.macro(C4, p0, d.S), s=[0, 0, 0, 0]))  # an empty label set
        assert on_m4(d.macro(C4, p0, d.S, 1), s=[0, 0, 0, 0]) == 1

    def test_support_weighted(self) -> None:
        # supports 2, 2, 1, 0; total 5
        p0 = lambda c, lab: d.precision(c, lab, 0)  # noqa: E731
        p1 = lambda c, lab: d.precision(c, lab, 1)  # noqa: E731
        r0 = lambda c, lab: d.recall(c, lab, 0)  # noqa: E731
        f0 = lambda c, lab: d.f1(c, lab, 0)  # noqa: E731
        assert on_m4(d.weighted(C4, p0)) == F(3, 5)  # (2*1 + 2*1/2 + 1*0) / 5
        assert on_m4(d.weighted(C4, p1)) == F(4, 5)  # (2*1 + 2*1/2 + 1*1 + 0*1) / 5
        assert on_m4(d.weighted(C4, r0)) == F(3, 5)  # (2*1/2 + 2*1) / 5 = accuracy
        assert on_m4(d.weighted(C4, f0)) == F(8, 15)  # (2*2/3 + 2*2/3) / 5
        assert on_m4(d.weighted(C4, r0, d.S), s=[0, 1, 1, 0]) == F(2, 3)  # (2*1 + 1*0) / 3
        assert math.isnan(on_m4(d.weighted(C4, p0, d.S), s=[0, 0, 0, 1]))  # support 0
        assert on_m4(d.weighted(C4, p0, d.S, 1), s=[0, 0, 0, 1]) == 1

    def test_prediction_weighted(self) -> None:
        # predictions 1, 4, 0, 0; total 5
        p0 = lambda c, lab: d.precision(c, lab, 0)  # noqa: E731
        r0 = lambda c, lab: d.recall(c, lab, 0)  # noqa: E731
        assert on_m4(d.prediction_weighted(C4, p0)) == F(3, 5)  # (1*1 + 4*1/2) / 5 = accuracy
        assert on_m4(d.prediction_weighted(C4, r0)) == F(9, 10)  # (1*1/2 + 4*1) / 5
        assert on_m4(d.prediction_weighted(C4, r0, d.S), s=[1, 0, 1, 0]) == F(1, 2)  # (1*1/2) / 1
        assert math.isnan(on_m4(d.prediction_weighted(C4, r0, d.S), s=[0, 0, 1, 1]))
        assert on_m4(d.prediction_weighted(C4, r0, d.S, 1), s=[0, 0, 1, 1]) == 1

    def test_harmonic_mean_of_macro_precision_and_macro_recall(self) -> None:
        # zero_division 0: macro P = macro R = 3/8, so their harmonic mean is 3/8 (macro F1 is 1/3)
        assert on_m4(d.f1_of_averages(C4, None, 0)) == F(3, 8)
        # zero_division 1: P = 7/8, R = (1/2 + 1 + 0 + 1)/4 = 5/8; 2 (7/8)(5/8) / (12/8) = 35/48
        assert on_m4(d.f1_of_averages(C4, None, 1)) == F(35, 48)
        # S = {A, C}: P = (1 + 0)/2 = 1/2, R = (1/2 + 0)/2 = 1/4; 2 (1/8) / (3/4) = 1/3
        assert on_m4(d.f1_of_averages(C4, d.S, 0), s=[1, 0, 1, 0]) == F(1, 3)
        # S = {C}: P = R = 0, so the harmonic mean is 0/0
        assert math.isnan(on_m4(d.f1_of_averages(C4, d.S, d.UNDEFINED), s=[0, 0, 1, 0]))
        assert on_m4(d.f1_of_averages(C4, d.S, 0), s=[0, 0, 1, 0]) == 0
        # the empty set: macro P and macro R are each zero_division, and so is their mean
        assert on_m4(d.f1_of_averages(C4, d.S, 0), s=[0, 0, 0, 0]) == 0
        assert on_m4(d.f1_of_averages(C4, d.S, 1), s=[0, 0, 0, 0]) == 1

    def test_balanced_accuracy_skips_labels_absent_from_y_true(self) -> None:
        # recalls of A, B, C (D has no samples): (1/2 + 1 + 0) / 3; macro recall over all 4 is 3/8
        assert on_m4(d.balanced_accuracy(C4)) == F(1, 2)
        assert evaluate(d.balanced_accuracy(C4), k=2, C=[[0, 3], [0, 0]]) == 0  # only A occurs, recall 0
        assert math.isnan(evaluate(d.balanced_accuracy(C4), k=2, C=[[0, 0], [0, 0]]))
        assert evaluate(d.balanced_accuracy(C4, 1), k=2, C=[[0, 0], [0, 0]]) == 1

    def test_accuracy_of_an_empty_matrix_is_its_zero_division(self) -> None:
        assert math.isnan(evaluate(d.accuracy(C4), k=2, C=[[0, 0], [0, 0]]))
        assert evaluate(d.accuracy(C4, 0), k=2, C=[[0, 0], [0, 0]]) == 0


class TestChanceCorrected:
    """Chance agreement, kappa and adjusted balanced accuracy, by hand on M4 (supports 2, 2, 1, 0;
    predictions 1, 4, 0, 0; N = 5, trace 3) and on two-label matrices."""

    def test_chance_agreement_is_the_product_of_the_marginals_over_n_squared(self) -> None:
        assert on_m4(d.chance_agreement_sum(C4)) == 2 * 1 + 2 * 4  # sum_l support_l * predicted_l
        assert on_m4(d.chance_agreement(C4)) == F(10, 25)
        zero = [[0, 0], [0, 0]]
        assert math.isnan(evaluate(d.chance_agreement(C4), k=2, C=zero))  # N = 0: undefined
        assert evaluate(d.chance_agreement(C4, 3), k=2, C=zero) == 3  # ... unless a value is given

    def test_kappa_in_count_form(self) -> None:
        assert on_m4(d.cohen_kappa(C4)) == F(5 * 3 - 10, 25 - 10)  # (N trace - x) / (N^2 - x) = 1/3

    def test_adjusted_balanced_accuracy_rescales_chance_to_zero(self) -> None:
        # M4: recalls of the labels in y_true 1/2, 1, 0: B = 1/2, m = 3; (1/2 - 1/3) / (1 - 1/3) = 1/4
        assert on_m4(d.adjusted_balanced_accuracy(C4)) == F(1, 4)
        # recalls 3/4 and 1: B = 7/8, m = 2; (7/8 - 1/2) / (1/2) = 3/4 (scikit-learn: 0.75)
        assert evaluate(d.adjusted_balanced_accuracy(C4), k=2, C=[[3, 1], [0, 2]]) == F(3, 4)
        # one label in y_true (m = 1): 1 - 1/m = 0, undefined unless a value is given
        one = [[1, 1], [0, 0]]
        assert math.isnan(evaluate(d.adjusted_balanced_accuracy(C4), k=2, C=one))
        assert evaluate(d.adjusted_balanced_accuracy(C4, 5), k=2, C=one) == 5
        # no sample: B and 1/m both take the given value 7, so (7 - 7) / (1 - 7) = 0
        assert evaluate(d.adjusted_balanced_accuracy(C4, 7), k=2, C=[[0, 0], [0, 0]]) == 0


class TestRatio:
    def test_the_zero_branch_comes_first_and_is_taken_only_at_zero(self) -> None:
        x, y = sympy.symbols("x y")
        expr = d.ratio(x, y, 7)
        assert evaluate(expr, x=3, y=4) == F(3, 4)
        assert evaluate(expr, x=3, y=0) == 7
        assert math.isnan(evaluate(d.ratio(x, y), x=0, y=0))

    def test_is_zero_prints_as_an_equation_and_survives_rewriting(self) -> None:
        x = sympy.Symbol("x")
        cond = d.IsZero(x + 1)
        assert str(cond) == "Eq(x + 1, 0)"
        assert sympy.latex(cond) == "x + 1 = 0"
        assert cond.rewrite(sympy.Piecewise) is cond
        assert cond.expr == x + 1


class TestForAll:
    def test_parts_and_latex(self) -> None:
        stmt = d.ForAll(sympy.Eq(d.S[d.l], 1), (d.l, 0, d.k - 1))
        assert stmt.condition == sympy.Eq(d.S[d.l], 1)
        assert tuple(stmt.limits) == (d.l, 0, d.k - 1)
        assert sympy.latex(stmt) == r"\forall l \in \{0, \dots, k - 1\}\colon {s}_{l} = 1"


@pytest.mark.parametrize("name", ["TP_l", "FP_l", "FN_l", "N", r"\mathrm{accuracy}"])
def test_latex_names_the_definitions_the_paper_prints(name: str) -> None:
    assert name in dict(d.latex_definitions())
