"""Worked examples of metricproofs.reference, every expected value computed by hand.

What they protect: the seed note's example (micro P = R = F1 = accuracy = 5/9), label
order for non-contiguous ids, proper label subsets (where micro P and R differ), weights,
the zero_division rule, multi-label input and balanced accuracy.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from metricproofs import reference as ref

# The seed note's table, row by row (pred, true): A/A, A/A, B/A, C/A, A/B, B/B, B/C, C/C, C/C.
Y_TRUE = ["A", "A", "A", "A", "B", "B", "C", "C", "C"]
Y_PRED = ["A", "A", "B", "C", "A", "B", "B", "C", "C"]


def test_seed_per_label_counts() -> None:
    # A: TP rows 1-2, FP row 5, FN rows 3-4. B: TP row 6, FP rows 3 and 7, FN row 5.
    # C: TP rows 8-9, FP row 4, FN row 7.
    labels, tp, fp, fn, support = ref.per_label_counts(Y_TRUE, Y_PRED)
    assert labels.tolist() == ["A", "B", "C"]
    assert tp.tolist() == [2, 1, 2]
    assert fp.tolist() == [1, 2, 1]
    assert fn.tolist() == [2, 1, 1]
    assert support.tolist() == [4, 2, 3]


def test_seed_micro_precision_recall_f1_and_accuracy_are_five_ninths() -> None:
    # sum TP = 5, sum FP = sum FN = 4 = number of errors, N = 9.
    p, r, f, support = ref.precision_recall_fscore_support(Y_TRUE, Y_PRED, average="micro")
    assert (p, r, f, support) == (5 / 9, 5 / 9, 5 / 9, None)
    assert ref.accuracy_score(Y_TRUE, Y_PRED) == 5 / 9
    assert ref.f1_score(Y_TRUE, Y_PRED, average="micro") == 5 / 9
    assert ref.accuracy_score(Y_TRUE, Y_PRED, normalize=False) == 5.0
    # micro Jaccard = 5 / (5 + 4 + 4) = acc / (2 - acc).
    assert ref.jaccard_score(Y_TRUE, Y_PRED, average="micro") == 5 / 13


def test_seed_per_label_and_macro_weighted_values() -> None:
    p, r, f, support = ref.precision_recall_fscore_support(Y_TRUE, Y_PRED)
    assert p.tolist() == [2 / 3, 1 / 3, 2 / 3]
    assert r.tolist() == [1 / 2, 1 / 2, 2 / 3]
    assert f.tolist() == [4 / 7, 2 / 5, 2 / 3]  # 2TP / (2TP + FP + FN)
    assert support.tolist() == [4, 2, 3]
    macro = ref.precision_recall_fscore_support(Y_TRUE, Y_PRED, average="macro")
    assert macro[:3] == pytest.approx((5 / 9, 5 / 9, 172 / 315), abs=1e-15)
    weighted = ref.precision_recall_fscore_support(Y_TRUE, Y_PRED, average="weighted")
    # (4*2/3 + 2*1/3 + 3*2/3) / 9 = 16/27; recall weighted by support is accuracy, 5/9.
    assert weighted[:3] == pytest.approx((16 / 27, 5 / 9, 178 / 315), abs=1e-15)
    assert ref.jaccard_score(Y_TRUE, Y_PRED, average=None).tolist() == [2 / 5, 1 / 4, 1 / 2]


def test_seed_confusion_matrix_and_balanced_accuracy() -> None:
    cm = ref.confusion_matrix(Y_TRUE, Y_PRED)
    assert cm.tolist() == [[2, 1, 1], [1, 1, 0], [0, 1, 2]]
    assert cm.dtype == np.int64
    assert ref.confusion_matrix(Y_TRUE, Y_PRED, normalize="true").tolist() == [
        [2 / 4, 1 / 4, 1 / 4], [1 / 2, 1 / 2, 0.0], [0.0, 1 / 3, 2 / 3]]
    assert ref.confusion_matrix(Y_TRUE, Y_PRED, labels=["C", "A"]).tolist() == [[2, 0], [1, 2]]
    # mean recall (1/2 + 1/2 + 2/3) / 3 = 5/9; adjusted: (5/9 - 1/3) / (1 - 1/3) = 1/3.
    assert ref.balanced_accuracy_score(Y_TRUE, Y_PRED) == pytest.approx(5 / 9, abs=1e-15)
    assert ref.balanced_accuracy_score(Y_TRUE, Y_PRED, adjusted=True) == pytest.approx(1 / 3, abs=1e-15)
    mcm = ref.multilabel_confusion_matrix(Y_TRUE, Y_PRED, labels=["B"])
    assert mcm.tolist() == [[[5, 2], [1, 1]]]  # TN = 9 - 1 - 2 - 1


def test_seed_with_non_contiguous_integer_ids_sorts_by_id() -> None:
    ids = {"A": 1000, "B": 7, "C": 123456}
    labels, tp, fp, fn, _ = ref.per_label_counts([ids[v] for v in Y_TRUE], [ids[v] for v in Y_PRED])
    assert labels.tolist() == [7, 1000, 123456]  # B, A, C
    assert (tp.tolist(), fp.tolist(), fn.tolist()) == ([1, 2, 2], [2, 1, 1], [1, 2, 1])


def test_proper_label_subset_breaks_micro_precision_equals_recall() -> None:
    # labels = {B, C}: TP = 1 + 2, FP = 2 + 1, FN = 1 + 1 -> P = 3/6, R = 3/5.
    p, r, _, _ = ref.precision_recall_fscore_support(Y_TRUE, Y_PRED, labels=["B", "C"], average="micro")
    assert (p, r) == (1 / 2, 3 / 5)
    # A superset with an absent label changes nothing: back to 5/9.
    p, r, _, _ = ref.precision_recall_fscore_support(Y_TRUE, Y_PRED, labels=["C", "Z", "A", "B"], average="micro")
    assert (p, r) == (5 / 9, 5 / 9)


def test_integer_weight_counts_as_repetition() -> None:
    w = [2, 1, 1, 1, 1, 1, 1, 1, 1]  # first A/A row twice: 6 correct of 10
    assert ref.accuracy_score(Y_TRUE, Y_PRED, sample_weight=w) == 3 / 5
    assert ref.precision_score(Y_TRUE, Y_PRED, average="micro", sample_weight=w) == 3 / 5
    assert ref.confusion_matrix(Y_TRUE, Y_PRED, sample_weight=w).tolist() == [[3, 1, 1], [1, 1, 0], [0, 1, 2]]
    _, _, _, support = ref.precision_recall_fscore_support(Y_TRUE, Y_PRED, sample_weight=w)
    assert support.tolist() == [5, 2, 3] and support.dtype == np.int64  # integer weights: exact int64 sums


@pytest.mark.parametrize(
    ("zero_division", "precision", "recall", "f1"),
    [
        # label 0: TP 2, FP 1, FN 0; label 1: FN 1 only; label 2: absent.
        (1, [2 / 3, 1.0, 1.0], [1.0, 0.0, 1.0], [4 / 5, 0.0, 1.0]),
        (0, [2 / 3, 0.0, 0.0], [1.0, 0.0, 0.0], [4 / 5, 0.0, 0.0]),
    ],
)
def test_zero_division_values(zero_division: float, precision: list, recall: list, f1: list) -> None:
    p, r, f, s = ref.precision_recall_fscore_support([0, 0, 1], [0, 0, 0], labels=[0, 1, 2],
                                                     zero_division=zero_division)
    assert (p.tolist(), r.tolist(), f.tolist(), s.tolist()) == (precision, recall, f1, [2, 1, 0])


def test_zero_division_nan_is_left_out_of_macro_averages() -> None:
    # P = [2/3, nan, nan] -> 2/3; R = [1, 0, nan] -> 1/2; F = [4/5, 0, nan] -> 2/5.
    p, r, f, _ = ref.precision_recall_fscore_support([0, 0, 1], [0, 0, 0], labels=[0, 1, 2],
                                                     zero_division=np.nan, average="macro")
    assert (p, r, f) == pytest.approx((2 / 3, 1 / 2, 2 / 5), abs=1e-15)


def test_zero_division_warn_gives_zero_and_warns() -> None:
    with pytest.warns(ref.UndefinedMetricWarning, match="Precision is ill-defined"):
        p = ref.precision_score([0, 0, 1], [0, 0, 0], labels=[0, 1], average=None)
    assert p.tolist() == [2 / 3, 0.0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a defined value must not warn
        assert ref.precision_score([0, 1], [0, 1]) == 1.0


def test_multilabel_example() -> None:
    y_true = np.array([[1, 0, 1], [0, 1, 0]])
    y_pred = np.array([[1, 1, 0], [0, 1, 0]])
    labels, tp, fp, fn, support = ref.per_label_counts(y_true, y_pred)
    assert (labels.tolist(), tp.tolist(), fp.tolist(), fn.tolist()) == ([0, 1, 2], [1, 1, 0], [0, 1, 0], [0, 0, 1])
    # micro: TP 2, FP 1, FN 1.
    assert ref.precision_recall_fscore_support(y_true, y_pred, average="micro")[:2] == (2 / 3, 2 / 3)
    # samples: row 1 P = R = 1/2, row 2 P = R = 1.
    assert ref.precision_score(y_true, y_pred, average="samples") == 3 / 4
    assert ref.jaccard_score(y_true, y_pred, average="samples") == pytest.approx(2 / 3, abs=1e-15)
    assert ref.accuracy_score(y_true, y_pred) == 1 / 2  # exact row match
    mcm = ref.multilabel_confusion_matrix(y_true, y_pred)
    assert mcm[1].tolist() == [[0, 1], [0, 1]]


def test_multilabel_micro_precision_differs_from_recall_when_totals_differ() -> None:
    # 3 predicted labels, 2 true labels, 2 correct: P = 2/3, R = 1.
    p, r, _, _ = ref.precision_recall_fscore_support([[1, 1, 0]], [[1, 1, 1]], average="micro")
    assert (p, r) == (2 / 3, 1.0)


def test_balanced_accuracy_drops_classes_only_predicted() -> None:
    with pytest.warns(UserWarning, match="y_pred contains classes not in y_true"):
        score = ref.balanced_accuracy_score([0, 0, 1], [0, 2, 1])
    assert score == 3 / 4  # recalls 1/2 and 1


def test_binary_average_uses_pos_label() -> None:
    # pos_label "b": TP 1, FP 1, FN 0.
    assert ref.precision_score(["a", "b", "a"], ["b", "b", "a"], pos_label="b") == 1 / 2
    assert ref.recall_score(["a", "b", "a"], ["b", "b", "a"], pos_label="b") == 1.0
    assert ref.fbeta_score(["a", "b", "a"], ["b", "b", "a"], pos_label="b", beta=2.0) == pytest.approx(5 / 6, abs=1e-15)
