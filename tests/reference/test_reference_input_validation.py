"""How metricproofs.reference reads, encodes and validates its input.

What they protect:
- every refusal names the argument at fault (``y_true``, ``y_pred``, ``labels``,
  ``sample_weight``), says what is wrong and, where it helps, echoes the bad value: the
  messages are matched in full where they are short, so a garbled message is a failure;
- unusual but legal label containers (object arrays of numbers or strings, uint64 ids, floats
  with integral values up to 2**53, bool mixed with floats) give the right counts (ids near
  2**63 are a strict xfail: a known int64 overflow in the joint-table code shift);
- the labels reported by ``per_label_counts`` have numpy's common type of ``y_true`` and
  ``y_pred`` (as ``np.union1d`` would give), on every encoding path (streaming table, dense
  range, ``np.unique``);
- ``labels=`` for indicator input is a list of column indices (integral floats allowed);
- micro averages with a ``labels=`` that lists every occurring label take the accuracy fast
  path (``micro-superset-labels-equals-accuracy``), and only then.

Expected values are worked out by hand in the comments, or come from scikit-learn.
"""

from __future__ import annotations

import re
import warnings
from typing import Any, Callable

import numpy as np
import pytest
from sklearn import metrics as skm

from metricproofs import reference as ref
from _reference_strategies import sklearn_raises


def whole(message: str) -> str:
    """A regex matching exactly ``message`` (not merely containing it)."""
    return "^" + re.escape(message) + "$"


# --------------------------------------------------------------------------- y_true / y_pred


class TestTargetMessagesNameTheArgument:
    """A problem in ``y_pred`` is reported as ``y_pred``'s, a problem in ``y_true`` as ``y_true``'s."""

    def test_scalar_y_pred(self) -> None:
        assert sklearn_raises("accuracy_score", [0, 1], 5)
        with pytest.raises(ValueError, match=r"^y_pred is a scalar; expected a 1-D array of labels"):
            ref.accuracy_score([0, 1], 5)

    def test_none_in_y_pred(self) -> None:
        assert sklearn_raises("accuracy_score", [0, 1], [0, None])
        with pytest.raises(ValueError, match=whole("y_pred contains None; every sample needs a label")):
            ref.accuracy_score([0, 1], [0, None])

    def test_two_dimensional_object_y_pred(self) -> None:
        y_pred = np.array([[1, "a"], [2, "b"]], dtype=object)
        assert sklearn_raises("accuracy_score", [0, 1], y_pred)
        with pytest.raises(ValueError, match=whole("y_pred has dtype object and 2 dimensions; expected 1-D labels")):
            ref.accuracy_score([0, 1], y_pred)

    def test_strings_in_y_true_numbers_in_y_pred(self) -> None:
        # The other order (numbers, strings) is in test_reference_errors.py.
        assert sklearn_raises("accuracy_score", ["a", "b"], [0, 1])
        with pytest.raises(ValueError, match=whole(
                "Mix of label input types (string and number); y_true has strings, y_pred has numbers")):
            ref.accuracy_score(["a", "b"], [0, 1])


class TestUnsupportedShapes:
    def test_indicator_matrix_with_zero_columns(self) -> None:
        empty = np.zeros((3, 0))
        assert sklearn_raises("accuracy_score", empty, empty)
        with pytest.raises(ValueError, match=whole("y_true has 0 columns; an indicator matrix needs at least 2")):
            ref.accuracy_score(empty, empty)

    def test_complex_zero_one_matrix_is_not_an_indicator_matrix(self) -> None:
        # Values 0 and 1, but complex: not a 0/1 indicator matrix of numbers.
        m = np.array([[0, 1], [1, 0]], dtype=complex)
        assert sklearn_raises("accuracy_score", m, m)
        with pytest.raises(ValueError, match=whole("multiclass-multioutput is not supported: classification "
                                                   "metrics need discrete labels (1-D) or a 0/1 indicator matrix "
                                                   "(multi-label)")):
            ref.accuracy_score(m, m)


class TestLabelValuesThatAreRefused:
    def test_complex_labels(self) -> None:
        y = np.array([1 + 0j, 2 + 0j])
        assert sklearn_raises("accuracy_score", y, y)
        with pytest.raises(ValueError, match=whole(
                "y_true has unsupported dtype complex128; labels must be strings or numbers")):
            ref.accuracy_score(y, y)

    def test_object_array_holding_a_non_real_value_names_it(self) -> None:
        # The offending value (the second one) is echoed, not the valid first one.
        y_true = np.array([0, 1j], dtype=object)
        assert sklearn_raises("accuracy_score", y_true, [0, 1])
        with pytest.raises(ValueError, match=whole("y_true contains 1j; labels must be strings or numbers")):
            ref.accuracy_score(y_true, [0, 1])

    def test_non_integer_float_message_says_labels_must_be_discrete(self) -> None:
        assert sklearn_raises("accuracy_score", [0.5, 1.0], [1.0, 1.0])
        with pytest.raises(ValueError, match=whole(
                "Classification metrics can't handle a mix of continuous and binary targets")):
            ref.accuracy_score([0.5, 1.0], [1.0, 1.0])
        with pytest.raises(ValueError, match=whole(
                "continuous is not supported: classification metrics need discrete labels (1-D) or a 0/1 "
                "indicator matrix (multi-label)")):
            ref.accuracy_score([0.5, 1.0], [1.0, 1.5])

    @pytest.mark.parametrize("big", [2.0**53, -(2.0**53), 2.0**60])
    def test_floats_from_two_to_the_53_are_refused(self, big: float) -> None:
        # From 2**53 on, a float cannot hold every integer (2**53 + 1 == 2**53 as floats), so
        # neighbouring integer ids would merge: such labels are refused like continuous ones.
        # (scikit-learn 1.9.1 accepts them; see the report on this deliberate difference.)
        with pytest.raises(ValueError, match=whole(
                "y_pred has float labels at or beyond 2**53, where float64 cannot tell neighbouring "
                "integers apart; pass the labels as integers")):
            ref.accuracy_score([0.0, 1.0], [0.0, big])

    @pytest.mark.parametrize("big", [2**63, 2**64 - 1])
    def test_uint64_labels_from_two_to_the_63_are_refused(self, big: int) -> None:
        # int64 is the counting type; ids that do not fit are refused rather than wrapped.
        y = np.array([big, 0], dtype=np.uint64)
        with pytest.raises(ValueError, match=whole("y_true has labels >= 2**63, which are not supported")):
            ref.accuracy_score(y, y)


class TestUnusualLabelContainersAreCounted:
    def test_object_array_of_numbers(self) -> None:
        # Pairs (true, pred): (1, 1), (2, 2), (2, 1).
        # Label 1: TP 1, FP 1 (third sample), FN 0. Label 2: TP 1, FP 0, FN 1.
        y_true = np.array([1, 2, 2], dtype=object)
        y_pred = np.array([1, 2, 1], dtype=object)
        labels, tp, fp, fn, support = ref.per_label_counts(y_true, y_pred)
        assert labels.tolist() == [1, 2]
        assert (tp.tolist(), fp.tolist(), fn.tolist(), support.tolist()) == ([1, 1], [1, 0], [0, 1], [1, 2])

    def test_uint64_ids_just_below_two_to_the_63(self) -> None:
        # Pairs: (M, M), (M - 1, M) with M = 2**63 - 1.
        # Label M - 1: TP 0, FP 0, FN 1. Label M: TP 1, FP 1, FN 0.
        m = 2**63 - 1
        y_true = np.array([m, m - 1], dtype=np.uint64)
        y_pred = np.array([m, m], dtype=np.uint64)
        labels, tp, fp, fn, support = ref.per_label_counts(y_true, y_pred)
        assert labels.tolist() == [m - 1, m]
        assert labels.dtype.kind in "iu"
        assert (tp.tolist(), fp.tolist(), fn.tolist(), support.tolist()) == ([0, 1], [0, 1], [1, 0], [1, 1])
        assert ref.confusion_matrix(y_true, y_pred).tolist() == skm.confusion_matrix(y_true, y_pred).tolist()

    def test_int64_ids_at_both_ends_of_the_range(self) -> None:
        # Pairs: (lo, lo), (hi, lo), (hi, hi) with lo = -2**63 and lo + 1 (a dense range at the
        # very bottom of int64), then lo and hi = 2**63 - 1 (a sparse range spanning it all).
        # Label lo: TP 1, FP 1, FN 0. Label hi (or lo + 1): TP 1, FP 0, FN 1.
        lo = -(2**63)
        for hi in (lo + 1, 2**63 - 1):
            y_true = np.array([lo, hi, hi], dtype=np.int64)
            y_pred = np.array([lo, lo, hi], dtype=np.int64)
            labels, tp, fp, fn, _ = ref.per_label_counts(y_true, y_pred)
            assert labels.tolist() == [lo, hi]
            assert (tp.tolist(), fp.tolist(), fn.tolist()) == ([1, 1], [1, 0], [0, 1])
            assert ref.confusion_matrix(y_true, y_pred).tolist() == [[1, 0], [1, 1]]

    def test_uint64_small_ids(self) -> None:
        # Pairs: (200, 200), (3, 200), (3, 3). Label 3: TP 1, FN 1. Label 200: TP 1, FP 1.
        y_true = np.array([200, 3, 3], dtype=np.uint64)
        y_pred = np.array([200, 200, 3], dtype=np.uint64)
        labels, tp, fp, fn, _ = ref.per_label_counts(y_true, y_pred)
        assert labels.tolist() == [3, 200]
        assert labels.dtype == np.int64  # uint64 labels are read as int64 (documented)
        assert (tp.tolist(), fp.tolist(), fn.tolist()) == ([1, 1], [0, 1], [1, 0])

    def test_float_ids_just_below_two_to_the_53(self) -> None:
        # 2**53 - 1 is still an exact float; pairs (big, big), (0, big): big TP 1, FP 1; 0 FN 1.
        big = 2.0**53 - 1
        labels, tp, fp, fn, _ = ref.per_label_counts([big, 0.0], [big, big])
        assert labels.tolist() == [0.0, big]
        assert (tp.tolist(), fp.tolist(), fn.tolist()) == ([0, 1], [0, 1], [1, 0])

    def test_bool_true_labels_with_float_predictions(self) -> None:
        # Pairs: (1, 1), (0, 0), (1, 0). Label 0: TP 1, FP 1. Label 1: TP 1, FN 1.
        y_true = np.array([True, False, True])
        y_pred = np.array([1.0, 0.0, 0.0])
        labels, tp, fp, fn, _ = ref.per_label_counts(y_true, y_pred)
        assert labels.tolist() == [0.0, 1.0]
        assert (tp.tolist(), fp.tolist(), fn.tolist()) == ([1, 1], [1, 0], [0, 1])
        assert ref.confusion_matrix(y_true, y_pred).tolist() == skm.confusion_matrix(y_true, y_pred).tolist()


# Pairs of (y_true, y_pred) covering every encoding path: a small range (streaming table or,
# for floats, the dense range), a range over 512 labels (dense range, three bincounts) and a
# range over 2**20 (np.unique), each with integer, float and mixed integer/float labels.
LABEL_TYPE_CASES: list[tuple[str, Any, Any]] = [
    ("small float", [0.0, 3.0, 1.0], [1.0, 3.0, 0.0]),
    ("small float/int", np.array([0.0, 3.0, 1.0]), np.array([1, 3, 0])),
    ("small int/float", np.array([0, 3, 1]), np.array([1.0, 3.0, 0.0])),
    ("dense int", np.array([0, 1000, 5]), np.array([5, 1000, 0])),
    ("dense int/float", np.array([0, 1000, 5]), np.array([5.0, 1000.0, 0.0])),
    ("unique int", np.array([0, 2**21, 7]), np.array([7, 2**21, 0])),
    ("unique float", np.array([0.0, 2.0**21, 7.0]), np.array([7.0, 2.0**21, 0.0])),
    ("unique float/int", np.array([0.0, 2.0**21, 7.0]), np.array([7, 2**21, 0])),
    ("unique int/float", np.array([0, 2**21, 7]), np.array([7.0, 2.0**21, 0.0])),
]


@pytest.mark.parametrize(("case", "y_true", "y_pred"), LABEL_TYPE_CASES, ids=[c[0] for c in LABEL_TYPE_CASES])
def test_reported_labels_have_the_common_type_of_y_true_and_y_pred(case: str, y_true: Any, y_pred: Any) -> None:
    """Labels come back sorted, in numpy's common type of the inputs (float if either is float)."""
    expected = np.union1d(np.asarray(y_true), np.asarray(y_pred))
    labels, tp, fp, fn, support = ref.per_label_counts(y_true, y_pred)
    assert labels.tolist() == expected.tolist()
    assert labels.dtype == expected.dtype
    # Each case has the middle sample correct and the outer two swapped: every label has
    # support 1, and only the middle label (the largest in every case) is a true positive.
    assert support.tolist() == [1, 1, 1]
    assert tp.tolist() == [0, 0, 1]
    assert fp.tolist() == fn.tolist() == [1, 1, 0]


# --------------------------------------------------------------------------- sample_weight


class TestSampleWeightMessages:
    def test_nan_weight(self) -> None:
        with pytest.raises(ValueError, match=whole("Input sample_weight contains NaN.")):
            ref.accuracy_score([0, 1], [0, 1], sample_weight=[1.0, np.nan])

    def test_infinite_weight(self) -> None:
        with pytest.raises(ValueError, match=whole(
                "Input sample_weight contains infinity or a value too large for dtype('float64').")):
            ref.accuracy_score([0, 1], [0, 1], sample_weight=[np.inf, 1.0])

    def test_all_zero_weights(self) -> None:
        with pytest.raises(ValueError, match=whole("Sample weights must contain at least one non-zero number.")):
            ref.precision_recall_fscore_support([0, 1], [0, 1], sample_weight=[0, 0])

    def test_negative_weight_message_echoes_the_first_negative_weight(self) -> None:
        # 1 and 0 are legal; -2 is the first negative weight and the one to report.
        with pytest.raises(ValueError, match=r"^sample_weight must be non-negative; got \S*-2\b"):
            ref.accuracy_score([0, 1, 1], [0, 1, 0], sample_weight=[1, 0, -2])


# --------------------------------------------------------------------------- labels=


class TestLabelsArgument:
    def test_labels_must_be_one_dimensional(self) -> None:
        with pytest.raises(ValueError, match=whole("labels must be a 1-D list of labels; got [[0, 1]]")):
            ref.per_label_counts([0, 1], [0, 1], labels=[[0, 1]])

    def test_none_in_labels(self) -> None:
        with pytest.raises(ValueError, match=r"^labels contains None"):
            ref.per_label_counts(["a", "b"], ["a", "b"], labels=["b", None])

    def test_object_array_of_strings_is_accepted_and_keeps_its_order(self) -> None:
        # Pairs (a, a), (b, a): label b: TP 0, FN 1; label a: TP 1, FP 1.
        labels = np.array(["b", "a"], dtype=object)
        out, tp, fp, fn, _ = ref.per_label_counts(["a", "b"], ["a", "a"], labels=labels)
        assert out.tolist() == ["b", "a"]
        assert (tp.tolist(), fp.tolist(), fn.tolist()) == ([0, 1], [0, 1], [1, 0])

    def test_list_mixing_strings_and_numbers(self) -> None:
        # numpy would silently turn 1 into '1'; the list is refused instead.
        with pytest.raises(ValueError, match=whole(
                "labels mixes strings and numbers; use the label type of y_true")):
            ref.per_label_counts(["a", "b"], ["a", "b"], labels=["a", 1])

    def test_number_labels_for_string_data(self) -> None:
        # The other direction (string labels, number data) is in test_reference_errors.py.
        with pytest.raises(ValueError, match=whole(
                "labels= holds numbers but y_true and y_pred hold strings")):
            ref.precision_recall_fscore_support(["a", "b"], ["a", "b"], labels=[1], average="macro")

    def test_complex_labels_for_number_data(self) -> None:
        # 1+0j == 1 in numpy; still, complex labels are refused, not matched to label 1.
        with pytest.raises(ValueError, match=whole("labels has unsupported dtype complex128")):
            ref.per_label_counts([0, 1], [0, 1], labels=[1 + 0j])


class TestColumnLabelsForIndicatorInput:
    Y_TRUE = np.array([[1, 0, 1], [0, 1, 1]])
    Y_PRED = np.array([[1, 1, 0], [0, 1, 1]])

    def test_empty_labels_select_no_column_like_sklearn(self) -> None:
        got = ref.precision_recall_fscore_support(self.Y_TRUE, self.Y_PRED, labels=[])
        want = skm.precision_recall_fscore_support(self.Y_TRUE, self.Y_PRED, labels=[])
        assert [a.shape for a in got] == [a.shape for a in want] == [(0,)] * 4
        labels, tp, fp, fn, support = ref.per_label_counts(self.Y_TRUE, self.Y_PRED, labels=[])
        assert all(a.shape == (0,) for a in (labels, tp, fp, fn, support))

    def test_integral_float_column_indices_are_accepted_like_sklearn(self) -> None:
        # Column 1: TP 1 (row 2), FP 1 (row 1). Column 2: TP 1 (row 2), FN 1 (row 1).
        got = ref.per_label_counts(self.Y_TRUE, self.Y_PRED, labels=[1.0, 2.0])
        assert [a.tolist() for a in got[1:]] == [[1, 1], [1, 0], [0, 1], [1, 2]]
        assert got[0].tolist() == [1, 2]
        p, r, f, s = ref.precision_recall_fscore_support(self.Y_TRUE, self.Y_PRED, labels=[1.0, 2.0])
        sk = skm.precision_recall_fscore_support(self.Y_TRUE, self.Y_PRED, labels=[1.0, 2.0])
        assert (p.tolist(), r.tolist(), f.tolist(), s.tolist()) == tuple(a.tolist() for a in sk)

    def test_non_integral_float_column_index_is_refused(self) -> None:
        # scikit-learn truncates 0.5 to column 0; here a fractional column index is an error.
        with pytest.raises(ValueError, match=whole(
                "labels for multi-label input must be column indices; got [0.5]")):
            ref.per_label_counts(self.Y_TRUE, self.Y_PRED, labels=[0.5])

    def test_string_column_label_is_refused(self) -> None:
        with pytest.raises(ValueError, match=whole(
                "labels for multi-label input must be column indices; got ['a']")):
            ref.precision_recall_fscore_support(self.Y_TRUE, self.Y_PRED, labels=["a"])


# --------------------------------------------------------------------------- micro fast path


Y_TRUE = [0, 1, 2, 2, 5]
Y_PRED = [0, 2, 2, 2, 1]  # pairs (0,0) (1,2) (2,2) (2,2) (5,1): 3 correct of 5


def micro_precision_and_path(monkeypatch: pytest.MonkeyPatch, y_true: Any, y_pred: Any,
                             labels: Any) -> tuple[float, bool]:
    """Micro precision, and whether it came from the accuracy identity (the fast path)."""
    calls: list[int] = []
    fast: Callable[..., Any] = ref._micro_from_accuracy

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return fast(*args, **kwargs)

    monkeypatch.setattr(ref, "_micro_from_accuracy", spy)
    p = ref.precision_score(y_true, y_pred, labels=labels, average="micro")
    return p, bool(calls)


class TestMicroFastPathWithLabels:
    """``labels=`` listing every occurring label exactly once: micro = accuracy, no label sums."""

    @pytest.mark.parametrize(("y_true", "y_pred", "labels", "expected"), [
        (Y_TRUE, Y_PRED, [5, 2, 1, 0], 3 / 5),  # every label, another order
        (Y_TRUE, Y_PRED, [0, 1, 2, 5, 9], 3 / 5),  # plus an absent label
        (["a", "b", "b"], ["a", "a", "b"], ["b", "a"], 2 / 3),  # strings: 2 correct of 3
        ([3, 3], [3, 3], [3], 1.0),  # a single label
    ])
    def test_cover_takes_the_fast_path(self, monkeypatch: pytest.MonkeyPatch, y_true: Any, y_pred: Any,
                                       labels: Any, expected: float) -> None:
        assert micro_precision_and_path(monkeypatch, y_true, y_pred, labels) == (expected, True)

    @pytest.mark.parametrize(("labels", "expected"), [
        # Labels 0 and 2: TP 1 + 2, predicted 1 + 3 -> 3/4.
        ([0, 2], 3 / 4),
        # Label 1 twice: TP 1 + 0 + 0 + 2 + 0 = 3, predicted 1 + 1 + 1 + 3 + 0 = 6 -> 1/2.
        ([0, 1, 1, 2, 5], 1 / 2),
    ])
    def test_subset_or_duplicates_take_the_general_path(self, monkeypatch: pytest.MonkeyPatch, labels: Any,
                                                        expected: float) -> None:
        assert micro_precision_and_path(monkeypatch, Y_TRUE, Y_PRED, labels) == (expected, False)

    def test_duplicated_label_counts_twice_like_sklearn(self) -> None:
        # Pairs (0,0) (1,1) (2,1) (2,2); label 1 twice: TP 1+1+1+1 = 4, predicted 1+2+2+1 = 6,
        # true 1+1+1+2 = 5 -> P = 2/3, R = 4/5 (not accuracy 3/4).
        args = ([0, 1, 2, 2], [0, 1, 1, 2])
        p, r, _, _ = ref.precision_recall_fscore_support(*args, labels=[0, 1, 1, 2], average="micro")
        assert (p, r) == pytest.approx((2 / 3, 4 / 5), abs=1e-15)
        sk = skm.precision_recall_fscore_support(*args, labels=[0, 1, 1, 2], average="micro")
        assert (p, r) == pytest.approx(sk[:2], abs=1e-12)


# --------------------------------------------------------------------------- encoding edge cases


class TestZeroFloatLabelIsReportedAsPositiveZero:
    """Float labels are integers held as floats: -0.0 is the label 0, reported as +0.0 on every path."""

    @pytest.mark.parametrize("other", [1.0, 2.0**21], ids=["small range", "range over 2**20"])
    def test_negative_zero_label_comes_back_as_positive_zero(self, other: float) -> None:
        # Pairs (0, 0), (other, 0): label 0 TP 1, FP 1; label `other` FN 1. Every zero in the
        # input is -0.0, yet the reported label is the integer 0 as a float, i.e. +0.0.
        y_true = np.array([-0.0, other])
        y_pred = np.array([-0.0, -0.0])
        labels, tp, fp, fn, _ = ref.per_label_counts(y_true, y_pred)
        assert labels.tolist() == [0.0, other]
        assert not np.signbit(labels[0])
        assert (tp.tolist(), fp.tolist(), fn.tolist()) == ([1, 0], [1, 0], [0, 1])


class TestFloat32LabelsSpanningMoreThanTwoToTheTwenty:
    """float32 labels above 2**24 spanning 2**20 + 1 values are found by ``labels=`` (np.unique encoding)."""

    def test_counts_of_requested_float32_labels_match_sklearn(self) -> None:
        # a = 2**24 and b = 2**24 + 2**20 are exact float32 values, b - a = 2**20 (so the labels
        # span 2**20 + 1 integers, more than _DENSE_RANGE, so they are re-encoded with np.unique).
        # (Narrower ranges take the dense path: TestNarrowFloatLabelsAreCountedExactly.)
        # Pairs (a, a), (b, b), (b, a):
        # label b: TP 1, FP 0, FN 1; label a: TP 1, FP 1, FN 0.
        a, b = 2.0**24, 2.0**24 + 2.0**20
        y_true = np.array([a, b, b], dtype=np.float32)
        y_pred = np.array([a, b, a], dtype=np.float32)
        labels, tp, fp, fn, support = ref.per_label_counts(y_true, y_pred, labels=[b, a])
        assert labels.tolist() == [b, a]
        assert (tp.tolist(), fp.tolist(), fn.tolist(), support.tolist()) == ([1, 1], [0, 1], [1, 0], [2, 1])
        got = ref.precision_recall_fscore_support(y_true, y_pred, labels=[b, a])
        want = skm.precision_recall_fscore_support(y_true, y_pred, labels=[b, a])
        assert [x.tolist() for x in got] == [x.tolist() for x in want]


class TestEmptyObjectLabels:
    """An empty object array given as ``labels=`` is read as integer labels, like a non-empty one of ints."""

    def test_empty_object_labels_for_integer_data_are_int64(self) -> None:
        # An object array of Python ints is read as int64; an empty one holds no strings, so it
        # is read the same way (not as a string array, not as numpy's default float64).
        y = [0, 1, 1]
        of_ints = ref.per_label_counts(y, y, labels=np.array([1], dtype=object))[0]
        assert of_ints.dtype == np.int64
        out = ref.per_label_counts(y, y, labels=np.array([], dtype=object))
        assert out[0].dtype == of_ints.dtype
        assert all(a.shape == (0,) for a in out)


STRING_DTYPE = getattr(getattr(np, "dtypes", None), "StringDType", None)  # numpy >= 2.0


class TestLabelsOfAnotherDtypeAreRefusedForEveryAverage:
    """``labels=`` of a dtype the data cannot have is refused under micro averaging too (no accuracy shortcut)."""

    @pytest.mark.skipif(STRING_DTYPE is None, reason="numpy < 2.0 has no StringDType")
    @pytest.mark.parametrize("average", ["micro", "macro", None])
    def test_numpy_string_dtype_labels(self, average: str | None) -> None:
        # numpy's variable-width StringDType (kind 'T') is not a supported label dtype (y_true of
        # that dtype is refused); scikit-learn refuses such labels= too.
        labels = np.array(["b", "a"], dtype=np.dtypes.StringDType())
        args = (["a", "b", "b"], ["a", "a", "b"])
        assert sklearn_raises("precision_score", *args, labels=labels, average=average)
        with pytest.raises(ValueError, match=r"^labels= holds "):
            ref.precision_score(*args, labels=labels, average=average)


class TestNarrowFloatLabelsAreCountedExactly:
    """float16 / float32 labels are read as float64 (exactly), so a label range that the narrow
    type cannot list without rounding is still counted label by label, and no cast warns."""

    @pytest.mark.parametrize(("dtype", "a", "b"), [(np.float32, 2.0**24, 2.0**24 + 4), (np.float16, 0.0, 4100.0)])
    def test_labels_above_the_narrow_types_exact_integers(self, dtype: Any, a: float, b: float) -> None:
        # Pairs (a, a), (b, b): with labels=[b], label b has TP 1, support 1, precision 1.
        y = np.array([a, b], dtype=dtype)
        labels, tp, fp, fn, support = ref.per_label_counts(y, y, labels=[b])
        assert (labels.tolist(), tp.tolist(), fp.tolist(), fn.tolist(), support.tolist()) == ([b], [1], [0], [0], [1])
        want = skm.precision_recall_fscore_support(y, y, labels=[b], average=None)
        got = ref.precision_recall_fscore_support(y, y, labels=[b], average=None)
        assert [x.tolist() for x in got] == [x.tolist() for x in want] == [[1.0], [1.0], [1.0], [1]]

    def test_float16_labels_raise_no_overflow_warning(self) -> None:
        y = np.array([0, 1], dtype=np.float16)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert ref.accuracy_score(y, y) == 1.0


class TestIntegerLabelsBeyondFloatPrecisionBesideFloats:
    """Integer labels beyond 2**53 next to float labels would merge as floats: refused, not miscounted."""

    @pytest.mark.parametrize("big", [2**53 + 1, -(2**53) - 1])
    def test_refused_in_either_argument(self, big: int) -> None:
        ints, floats = np.array([big, 0], dtype=np.int64), np.array([0.0, 0.0])
        tail = " has float labels, which cannot tell them apart; pass both as integers"
        with pytest.raises(ValueError, match=whole("y_true has integer labels beyond 2**53 and y_pred" + tail)):
            ref.confusion_matrix(ints, floats)
        with pytest.raises(ValueError, match=whole("y_pred has integer labels beyond 2**53 and y_true" + tail)):
            ref.f1_score(floats, ints, average="macro")

    @pytest.mark.parametrize("edge", [2**53, -(2**53), -200])
    def test_integers_within_two_to_the_53_beside_floats_are_counted(self, edge: int) -> None:
        # +-2**53 are exact as floats. Pairs (edge, 0.0), (0, 0.0): label 0 TP 1, FP 1; edge FN 1.
        labels, tp, fp, fn, _ = ref.per_label_counts(np.array([edge, 0]), np.array([0.0, 0.0]))
        by_label = dict(zip(labels.tolist(), zip(tp.tolist(), fp.tolist(), fn.tolist())))
        assert by_label == {0.0: (1, 1, 0), float(edge): (0, 0, 1)}


class TestLongDoubleWeights:
    """Long-double sample weights are used as float64, and refused where float64 cannot hold them."""

    T = np.array([[1, 1, 0], [1, 0, 1]])
    P = np.array([[1, 1, 1], [0, 1, 1]])

    @pytest.mark.parametrize("average", ["samples", "micro", "macro"])
    def test_ordinary_weights_give_the_float64_result(self, average: str) -> None:
        weights = np.array([1, 2], dtype=np.longdouble)
        got = ref.precision_recall_fscore_support(self.T, self.P, average=average, sample_weight=weights)
        want = ref.precision_recall_fscore_support(self.T, self.P, average=average, sample_weight=[1.0, 2.0])
        assert got == want
        with_zero = np.array([0, 2], dtype=np.longdouble)  # a zero weight is not "too small"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ref.UndefinedMetricWarning)  # the weight-0 row or label
            got_zero = ref.precision_recall_fscore_support(self.T, self.P, average=average, sample_weight=with_zero)
            assert got_zero == ref.precision_recall_fscore_support(
                self.T, self.P, average=average, sample_weight=[0.0, 2.0])
        # samples, by hand: row 1 P 2/3 R 1 F 4/5, row 2 P 1/2 R 1/2 F 1/2; weights 1 and 2.
        if average == "samples":
            assert got[:3] == pytest.approx(((2 / 3 + 1) / 3, (1 + 1) / 3, (4 / 5 + 1) / 3), abs=1e-15)

    @pytest.mark.parametrize(("weight", "message"), [
        ("1e400", "beyond float64's range"), ("1e-400", "too small for float64")])
    def test_weights_float64_cannot_hold_are_refused(self, weight: str, message: str) -> None:
        weights = np.array([np.longdouble(weight), np.longdouble(1)])
        if not np.isfinite(weights).all() or weights[0] == 0:
            pytest.skip("long double is float64 on this platform")
        # The refusal is the ValueError, whatever numpy's floating-point error state: the cast's
        # overflow or underflow is checked, not reported as a RuntimeWarning or FloatingPointError.
        with np.errstate(all="raise"), warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(ValueError, match=f"^sample_weight has .*{re.escape(message)}"):
                ref.precision_recall_fscore_support(self.T, self.P, average="samples", sample_weight=weights)
