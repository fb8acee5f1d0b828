"""The counting layer of metricproofs.reference: confusion_matrix, the chunked and streaming
joint (true, pred) tables, and per_label_counts.

What they protect:
- the streaming table of integer labels: when a chunk holds labels outside the range seen so
  far (above or below, in y_true or in y_pred, or only new labels) the range widens and no
  sample is lost or counted in the wrong cell; occurrence ignores weights, also across a
  widening;
- the dispatch documented in the module: integer labels spanning at most isqrt(_PAIR_CELLS)
  values are counted in one streaming pass without re-encoding; beyond that the joint table
  is not built (three bincounts, bounded memory); confusion_matrix over the occurring labels
  reuses the counting pass's table instead of a second pass;
- which labels "occur" on every counting path (dense float codes with gaps, large ranges,
  zero weights), and the dtypes of labels and counts;
- correct-sample totals summed over every chunk (accuracy, micro fast path);
- per_label_counts on indicator input honours sample_weight and labels=;
- confusion_matrix's error messages and its single-label UserWarning (text as scikit-learn's,
  pointing at the caller's line).

Chunked paths are reached on small data by setting ``reference.CHUNK`` to a few samples
(monkeypatch); expected values are worked out by hand or come from scikit-learn.
"""

from __future__ import annotations

import math
import sys
import warnings
from typing import Any, Callable

import numpy as np
import pytest
from sklearn import metrics as skm
from sklearn.utils.multiclass import unique_labels

from metricproofs import reference as ref

SINGLE_LABEL_WARNING = "A single label was found"


def sk_confusion(*args: Any, **kwargs: Any) -> np.ndarray:
    """scikit-learn's confusion matrix, its single-label warning silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return skm.confusion_matrix(*args, **kwargs)


def sk_counts(y_true: Any, y_pred: Any, sample_weight: Any = None) -> tuple[list, list, list, list, list]:
    """(labels, TP, FP, FN, support) from scikit-learn's multilabel_confusion_matrix."""
    labels = unique_labels(y_true, y_pred)
    mcm = skm.multilabel_confusion_matrix(y_true, y_pred, labels=labels, sample_weight=sample_weight)
    tp, fp, fn = mcm[:, 1, 1], mcm[:, 0, 1], mcm[:, 1, 0]
    return labels.tolist(), tp.tolist(), fp.tolist(), fn.tolist(), (tp + fn).tolist()


def forbid(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make ``reference.<name>`` fail the test if it is called."""
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"{name} was called")

    monkeypatch.setattr(ref, name, refuse)


def spy(monkeypatch: pytest.MonkeyPatch, name: str) -> list[tuple]:
    """Record the calls of ``reference.<name>`` (still calling it); returns the call list."""
    original: Callable[..., Any] = getattr(ref, name)
    calls: list[tuple] = []

    def recording(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(ref, name, recording)
    return calls


@pytest.fixture
def two_sample_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """CHUNK = 2: the streaming table reads 2 samples first; once it covers s labels its
    next chunk has max(2, 2 s^2) samples (2 s^2 = 8 for s = 2, 2 for s = 1)."""
    monkeypatch.setattr(ref, "CHUNK", 2)


# --------------------------------------------------------------------------- streaming table


@pytest.mark.usefixtures("two_sample_chunks")
class TestStreamingTableWidens:
    """A chunk with labels outside the table's range widens it; every sample lands in its cell.

    In each example the first chunk (2 samples) fixes the range, the second chunk (the other
    8 samples) holds the label outside it; each expected matrix is counted by hand from the
    (true, pred) pairs, rows = true label, columns = predicted label.
    """

    def test_predicted_label_above_the_range(self) -> None:
        # Range {0, 1}, then pred 2 with true 0. Pairs: (0,0) x8, (0,2), (1,1).
        t = [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]
        p = [0, 1, 2, 0, 0, 0, 0, 0, 0, 0]
        want = [[8, 0, 1], [0, 1, 0], [0, 0, 0]]
        assert ref.confusion_matrix(t, p).tolist() == want == sk_confusion(t, p).tolist()

    def test_predicted_label_below_the_range(self) -> None:
        # Range {1, 2}, then pred 0 with true 2. Pairs: (1,1) x8, (2,2), (2,0).
        t = [1, 2, 2, 1, 1, 1, 1, 1, 1, 1]
        p = [1, 2, 0, 1, 1, 1, 1, 1, 1, 1]
        want = [[0, 0, 0], [0, 8, 0], [1, 0, 1]]
        assert ref.confusion_matrix(t, p).tolist() == want == sk_confusion(t, p).tolist()

    def test_true_label_above_the_range(self) -> None:
        # Range {0, 1}, then true 2 predicted as 1. Pairs: (0,0) x8, (1,1), (2,1).
        t = [0, 1, 2, 0, 0, 0, 0, 0, 0, 0]
        p = [0, 1, 1, 0, 0, 0, 0, 0, 0, 0]
        want = [[8, 0, 0], [0, 1, 0], [0, 1, 0]]
        assert ref.confusion_matrix(t, p).tolist() == want == sk_confusion(t, p).tolist()
        labels, tp, fp, fn, support = ref.per_label_counts(t, p)
        # label 1: TP 1, FP 1 (the true 2); label 2: FN 1.
        assert (labels.tolist(), tp.tolist(), fp.tolist(), fn.tolist(), support.tolist()) == (
            [0, 1, 2], [8, 1, 0], [0, 1, 0], [0, 0, 1], [8, 1, 1])

    def test_true_label_below_the_range(self) -> None:
        # Range {1, 2}, then true 0 predicted as 1. Pairs: (1,1) x8, (2,2), (0,1).
        t = [1, 2, 0, 1, 1, 1, 1, 1, 1, 1]
        p = [1, 2, 1, 1, 1, 1, 1, 1, 1, 1]
        want = [[0, 1, 0], [0, 8, 0], [0, 0, 1]]
        assert ref.confusion_matrix(t, p).tolist() == want == sk_confusion(t, p).tolist()

    def test_chunk_of_only_new_labels_keeps_the_earlier_counts(self) -> None:
        # Range {0, 1}, then a chunk of labels {2, 3} only: the table must grow to {0..3}
        # and keep the first chunk's (0,0) and (1,1). Pairs: (0,0), (1,1), (2,2) x4, (3,3) x4.
        t = [0, 1, 2, 3, 2, 3, 2, 3, 2, 3]
        want = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 4, 0], [0, 0, 0, 4]]
        assert ref.confusion_matrix(t, t).tolist() == want
        # Same with the new labels below: range {5, 6}, then {3, 4}.
        t = [5, 6, 3, 4, 3, 4, 3, 4, 3, 4]
        # Pairs (3,3) x4, (4,4) x4, (5,5), (6,6).
        assert ref.confusion_matrix(t, t).tolist() == [
            [4, 0, 0, 0], [0, 4, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]

    def test_weighted_label_seen_only_before_a_widening_still_occurs(self) -> None:
        # Chunk 1: (0,0) twice, range {0}; chunk 2 (2 samples): labels 1, 2 -> range {0, 1, 2};
        # chunk 3: the rest. Label 0 occurs only before the widening; with weights 3:
        # row 0 = 3 + 3 = 6; (1,1) x3 weight 3 = 9; (2,2) x2 = 6, (2,1) x1 = 3.
        t = [0, 0, 1, 2, 1, 2, 1, 2]
        p = [0, 0, 1, 2, 1, 2, 1, 1]
        w = [3.0] * 8
        want = [[6.0, 0.0, 0.0], [0.0, 9.0, 0.0], [0.0, 3.0, 6.0]]
        assert ref.confusion_matrix(t, p, sample_weight=w).tolist() == want
        assert sk_confusion(t, p, sample_weight=w).tolist() == want
        labels, tp, fp, fn, support = ref.per_label_counts(t, p, sample_weight=w)
        assert labels.tolist() == [0, 1, 2]
        assert (tp.tolist(), fp.tolist(), fn.tolist(), support.tolist()) == (
            [6.0, 9.0, 6.0], [0.0, 3.0, 0.0], [0.0, 0.0, 3.0], [6.0, 9.0, 9.0])

    @pytest.mark.parametrize("weighted", [False, True])
    @pytest.mark.parametrize("seed", [0, 1, 2])
    def test_labels_drifting_up_and_down_agree_with_sklearn(self, weighted: bool, seed: int) -> None:
        # Labels drift up for 60 samples then down below the start, so almost every chunk
        # holds labels outside the range seen so far (in y_true, y_pred or both).
        rng = np.random.default_rng(seed)
        drift = np.concatenate([np.arange(60) // 6, 10 - np.arange(60) // 4])
        t = rng.integers(0, 3, 120) + drift
        p = np.where(rng.random(120) < 0.5, t, rng.integers(0, 3, 120) + drift[::-1])
        w = rng.integers(0, 3, 120) if weighted else None
        if w is not None:
            w[0] = 1  # never all zero
        got = ref.confusion_matrix(t, p, sample_weight=w)
        want = sk_confusion(t, p, sample_weight=w)
        assert got.dtype.kind == want.dtype.kind and got.tolist() == want.tolist()
        labels, tp, fp, fn, support = ref.per_label_counts(t, p, sample_weight=w)
        assert (labels.tolist(), tp.tolist(), fp.tolist(), fn.tolist(), support.tolist()) == sk_counts(t, p, w)


# --------------------------------------------------------------------------- dispatch


class TestCountingDispatch:
    """The counting strategy the module documents for each kind of label set."""

    def test_small_integer_range_is_counted_in_one_pass_without_re_encoding(
            self, monkeypatch: pytest.MonkeyPatch) -> None:
        forbid(monkeypatch, "_encode")
        # (5,5), (7,5), (7,7), (-1,7): labels -1, 5, 7; TP 0, 1, 1; FP 0, 1, 1; FN 1, 0, 1.
        # Weighted 1, 2, 3, 4: row -1 = (0, 0, 4), row 5 = (0, 1, 0), row 7 = (0, 2, 3).
        labels, tp, fp, fn, support = ref.per_label_counts([5, 7, 7, -1], [5, 5, 7, 7])
        assert (labels.tolist(), tp.tolist(), fp.tolist(), fn.tolist(), support.tolist()) == (
            [-1, 5, 7], [0, 1, 1], [0, 1, 1], [1, 0, 1], [1, 1, 2])
        assert ref.confusion_matrix([5, 7, 7, -1], [5, 5, 7, 7], sample_weight=[1, 2, 3, 4]).tolist() == [
            [0, 0, 4], [0, 1, 0], [0, 2, 3]]

    def test_range_of_isqrt_pair_cells_labels_still_uses_the_joint_table(
            self, monkeypatch: pytest.MonkeyPatch) -> None:
        # _PAIR_CELLS is the largest k*k for which the joint table is used: k = 512 here.
        k = math.isqrt(ref._PAIR_CELLS)
        assert k * k == ref._PAIR_CELLS
        forbid(monkeypatch, "_encode")
        forbid(monkeypatch, "_stats_by_bincounts")
        t = np.arange(k)
        cm = ref.confusion_matrix(t, t)  # every sample correct: the k x k identity
        assert cm.shape == (k, k) and np.array_equal(cm, np.eye(k, dtype=np.int64))

    def test_range_beyond_isqrt_pair_cells_uses_three_bincounts(self, monkeypatch: pytest.MonkeyPatch) -> None:
        # k = 513 labels: k*k = 263169 > _PAIR_CELLS = 262144, so no joint table is built.
        k = math.isqrt(ref._PAIR_CELLS) + 1
        calls = spy(monkeypatch, "_stats_by_bincounts")
        t = np.arange(k)
        p = np.roll(t, 1)  # every sample wrong: TP 0, FP 1, FN 1 for each label
        labels, tp, fp, fn, support = ref.per_label_counts(t, p)
        assert len(calls) == 1
        assert labels.tolist() == list(range(k))
        assert (tp.sum(), fp.min(), fp.max(), fn.min(), fn.max(), support.max()) == (0, 1, 1, 1, 1, 1)

    @pytest.mark.parametrize(("y_true", "y_pred"), [
        ([3, 1, 3, 2], [3, 3, 1, 2]),
        (["c", "a", "c", "b"], ["c", "c", "a", "b"]),
        ([3.0, 1.0, 3.0, 2.0], [3.0, 3.0, 1.0, 2.0]),
    ])
    def test_confusion_matrix_reuses_the_counting_table(self, monkeypatch: pytest.MonkeyPatch,
                                                        y_true: list, y_pred: list) -> None:
        # Without labels= the joint table of the counting pass is the matrix: no second pass.
        # Sorted labels 1, 2, 3 (a, b, c): pairs (3,3), (1,3), (3,1), (2,2).
        forbid(monkeypatch, "_matrix_for")
        assert ref.confusion_matrix(y_true, y_pred).tolist() == [[0, 0, 1], [0, 1, 0], [1, 0, 1]]


# --------------------------------------------------------------------------- occurrence and dtypes


class TestWhichLabelsOccur:
    """Default labels are exactly those occurring in y_true or y_pred, on every counting path."""

    def test_float_labels_with_a_gap_list_only_the_occurring_values(self) -> None:
        # Floats are coded densely over 0.0, 1.0, 2.0; 1.0 never occurs.
        # Pairs (0,0), (2,2), (2,0): label 0.0 TP 1 FP 1; label 2.0 TP 1 FN 1.
        t, p = [0.0, 2.0, 2.0], [0.0, 2.0, 0.0]
        labels, tp, fp, fn, support = ref.per_label_counts(t, p)
        assert labels.tolist() == [0.0, 2.0] and labels.dtype == np.float64
        assert (tp.tolist(), fp.tolist(), fn.tolist(), support.tolist()) == ([1, 1], [1, 0], [0, 1], [1, 2])
        assert ref.confusion_matrix(t, p).tolist() == [[1, 0], [1, 1]] == sk_confusion(t, p).tolist()

    @pytest.mark.parametrize("ids", [
        [0, 1, 2],                 # small range: streaming table
        [0.0, 1.0, 2.0],           # floats: dense codes, joint table
        [0, 1000, 2000],           # range > 512: dense codes, three bincounts
        [0, 10**7, 2 * 10**7],     # range > 2^20: np.unique codes
    ])
    def test_a_label_with_only_zero_weight_samples_still_occurs(self, ids: list) -> None:
        # As in scikit-learn, occurrence ignores weights: ids[2] appears (true and predicted)
        # only with weight 0 and still gets an all-zero row and column.
        t, p, w = [ids[0], ids[1], ids[2]], [ids[0], ids[0], ids[2]], [1.0, 2.0, 0.0]
        want = [[1.0, 0.0, 0.0], [2.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
        assert ref.confusion_matrix(t, p, sample_weight=w).tolist() == want
        assert sk_confusion(t, p, sample_weight=w).tolist() == want
        labels, tp, fp, fn, support = ref.per_label_counts(t, p, sample_weight=w)
        assert labels.tolist() == ids
        assert (tp.tolist(), fp.tolist(), fn.tolist(), support.tolist()) == (
            [1.0, 0.0, 0.0], [2.0, 0.0, 0.0], [0.0, 2.0, 0.0], [1.0, 2.0, 0.0])


class TestDtypes:
    """Labels keep the data's type; counts are int64 unweighted and float64 weighted."""

    @pytest.mark.parametrize(("y_true", "y_pred"), [
        ([3, 1, 3], [1, 1, 2]),
        (np.array([3, 1, 3], dtype=np.int16), np.array([1, 1, 2], dtype=np.uint8)),
        ([True, False, True], [True, True, True]),
    ])
    def test_labels_have_the_dtype_scikit_learn_gives(self, y_true: Any, y_pred: Any) -> None:
        want = unique_labels(y_true, y_pred)
        labels = ref.per_label_counts(y_true, y_pred)[0]
        assert labels.dtype == want.dtype and labels.tolist() == want.tolist()

    @pytest.mark.parametrize(("y_true", "y_pred"), [
        ([1.0, 2.0, 2.0], [1, 2, 1]),
        ([1, 2, 2], [1.0, 2.0, 1.0]),
    ])
    def test_float_and_integer_labels_mix_as_floats(self, y_true: list, y_pred: list) -> None:
        # Pairs (1,1), (2,2), (2,1): label 1 TP 1 FP 1; label 2 TP 1 FN 1.
        labels, tp, fp, fn, support = ref.per_label_counts(y_true, y_pred)
        assert labels.dtype == np.float64 and labels.tolist() == [1.0, 2.0]
        assert (tp.tolist(), fp.tolist(), fn.tolist(), support.tolist()) == ([1, 1], [1, 0], [0, 1], [1, 2])
        assert ref.confusion_matrix(y_true, y_pred).tolist() == [[1, 0], [1, 1]]
        assert sk_confusion(y_true, y_pred).tolist() == [[1, 0], [1, 1]]

    def test_bool_labels_are_counted_like_zero_and_one(self) -> None:
        # Pairs (T,T), (F,T), (T,F), (T,T) -> rows False, True: [[0, 1], [1, 2]].
        t, p = [True, False, True, True], [True, True, False, True]
        assert ref.confusion_matrix(t, p).tolist() == [[0, 1], [1, 2]] == sk_confusion(t, p).tolist()
        assert ref.confusion_matrix(t, [1, 1, 0, 1]).tolist() == [[0, 1], [1, 2]]

    @pytest.mark.parametrize(("weights", "dtype"), [(None, np.int64), ([1.0, 2.0], np.float64)])
    def test_empty_labels_give_empty_counts_of_the_usual_dtype(self, weights: Any, dtype: type) -> None:
        _, tp, fp, fn, support = ref.per_label_counts([0, 1], [0, 1], labels=[], sample_weight=weights)
        for counts in (tp, fp, fn, support):
            assert counts.shape == (0,) and counts.dtype == dtype


# --------------------------------------------------------------------------- correct totals


class TestCorrectSamplesOverChunks:
    """The number (weight) of correct samples is summed over every chunk, not the last one."""

    def test_accuracy_counts_correct_samples_in_every_chunk(self) -> None:
        n = 2 * ref.CHUNK + 3  # two full chunks and 3 samples
        t = np.zeros(n, dtype=np.int64)
        p = t.copy()
        p[: ref.CHUNK] = 1  # the first chunk is all wrong, the rest all right
        # correct = CHUNK + 3 of 2 CHUNK + 3.
        assert ref.accuracy_score(t, p, normalize=False) == ref.CHUNK + 3
        assert ref.accuracy_score(t, p) == (ref.CHUNK + 3) / n

    @pytest.mark.usefixtures("two_sample_chunks")
    def test_weighted_accuracy_and_micro_scores_sum_every_chunk(self) -> None:
        # Correct samples 0, 2, 3 and 5 (weights 1, 3, 4, 6) across chunks {0,1}, {2,3}, {4,5}:
        # correct weight 14 of 21; micro P = R = F1 = accuracy; micro Jaccard = 14 / (42 - 14).
        t = [0, 1, 2, 0, 1, 2]
        p = [0, 2, 2, 0, 0, 2]
        w = [1, 2, 3, 4, 5, 6]
        assert ref.accuracy_score(t, p, sample_weight=w, normalize=False) == 14.0
        assert ref.accuracy_score(t, p, sample_weight=w) == 14 / 21
        assert ref.precision_recall_fscore_support(t, p, sample_weight=w, average="micro")[:3] == (
            14 / 21, 14 / 21, 14 / 21)
        assert ref.jaccard_score(t, p, sample_weight=w, average="micro") == 14 / 28
        # Unweighted: 4 correct of 6.
        assert ref.accuracy_score(t, p) == 4 / 6


# --------------------------------------------------------------------------- indicator input


class TestPerLabelCountsOfIndicators:
    """per_label_counts on multi-label indicator input: columns, weights and labels=."""

    Y_TRUE = np.array([[1, 0, 1], [0, 1, 1]])
    Y_PRED = np.array([[1, 1, 0], [0, 1, 1]])

    def test_sample_weights_weight_each_row(self) -> None:
        # Row weights 2 and 0.5. Column 0: TP row 0 -> 2. Column 1: TP row 1 -> 0.5,
        # FP row 0 -> 2. Column 2: TP row 1 -> 0.5, FN row 0 -> 2; support 2.5.
        labels, tp, fp, fn, support = ref.per_label_counts(self.Y_TRUE, self.Y_PRED, sample_weight=[2.0, 0.5])
        assert (labels.tolist(), tp.tolist(), fp.tolist(), fn.tolist(), support.tolist()) == (
            [0, 1, 2], [2.0, 0.5, 0.5], [0.0, 2.0, 0.0], [0.0, 0.0, 2.0], [2.0, 0.5, 2.5])
        mcm = skm.multilabel_confusion_matrix(self.Y_TRUE, self.Y_PRED, sample_weight=[2.0, 0.5])
        assert (tp.tolist(), fp.tolist(), fn.tolist()) == (
            mcm[:, 1, 1].tolist(), mcm[:, 0, 1].tolist(), mcm[:, 1, 0].tolist())

    def test_labels_select_columns_in_the_given_order(self) -> None:
        # Column 2: TP 1 (row 1), FN 1 (row 0); column 0: TP 1 (row 0).
        labels, tp, fp, fn, support = ref.per_label_counts(self.Y_TRUE, self.Y_PRED, labels=[2, 0])
        assert (labels.tolist(), tp.tolist(), fp.tolist(), fn.tolist(), support.tolist()) == (
            [2, 0], [1, 1], [0, 0], [1, 0], [2, 1])


# --------------------------------------------------------------------------- messages and warnings


class TestConfusionMatrixMessages:
    """Errors say exactly what is wrong and what to use; the single-label warning is scikit-learn's."""

    def test_multilabel_input_names_the_function_to_use(self) -> None:
        with pytest.raises(ValueError) as info:
            ref.confusion_matrix(np.eye(2, dtype=int), np.eye(2, dtype=int))
        assert str(info.value) == (
            "confusion_matrix does not support multi-label input; use multilabel_confusion_matrix")

    def test_labels_absent_from_y_true_has_sklearns_message(self) -> None:
        with pytest.raises(ValueError) as sk_info:
            skm.confusion_matrix([0, 1], [0, 1], labels=[5])
        with pytest.raises(ValueError) as info:
            ref.confusion_matrix([0, 1], [0, 1], labels=[5])
        assert str(info.value) == str(sk_info.value) == "At least one label specified must be in y_true"

    @pytest.mark.parametrize(("args", "kwargs"), [
        (([1, 1], [1, 1]), {}),
        ((["a", "b"], ["a", "a"]), {"labels": ["a"]}),
    ])
    def test_single_label_warning_matches_sklearn(self, args: tuple, kwargs: dict) -> None:
        with warnings.catch_warnings(record=True) as sk_caught:
            warnings.simplefilter("always")
            skm.confusion_matrix(*args, **kwargs)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            cm = ref.confusion_matrix(*args, **kwargs)
        assert cm.shape == (1, 1)
        assert [(w.category, str(w.message)) for w in caught] == [(w.category, str(w.message)) for w in sk_caught]
        assert len(caught) == 1 and caught[0].category is UserWarning
        assert str(caught[0].message).startswith(SINGLE_LABEL_WARNING)

    def test_single_label_warning_points_at_the_callers_line(self) -> None:
        # scikit-learn's warning points into sklearn/metrics/_classification.py; ours at the
        # line that called confusion_matrix, where the user can add labels=. When a tool
        # (mutmut's trampoline) wraps confusion_matrix, the wrapper is that caller.
        wrapped = hasattr(ref.confusion_matrix, "__wrapped__")
        caller = ref.confusion_matrix.__code__.co_filename if wrapped else __file__
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            ref.confusion_matrix([1, 1], [1, 1])
        assert len(caught) == 1
        assert caught[0].filename == caller != ref.__file__

    @pytest.mark.parametrize(("args", "kwargs"), [
        (([0, 1], [0, 1]), {}),
        (([0, 1, 2], [0, 1, 1]), {}),
        (([1, 1], [1, 1]), {"labels": [1, 2]}),
    ])
    def test_no_single_label_warning_for_larger_matrices(self, args: tuple, kwargs: dict) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            cm = ref.confusion_matrix(*args, **kwargs)
        assert cm.shape[0] == cm.shape[1] >= 2


# --------------------------------------------------------------------------- boundaries of the encoded path


class TestEncodedLabelsAtThePairCellsBoundary:
    """Encoded labels (floats, strings) with exactly isqrt(_PAIR_CELLS) values still get the joint table."""

    @pytest.mark.parametrize("make", [
        lambda k: np.arange(k, dtype=np.float64),          # floats: dense codes 0..k-1
        lambda k: np.array([f"l{i:03d}" for i in range(k)]),  # strings: np.unique codes
    ], ids=["floats", "strings"])
    def test_k_squared_equal_to_pair_cells_is_counted_by_one_joint_table(
            self, monkeypatch: pytest.MonkeyPatch, make: Callable[[int], np.ndarray]) -> None:
        # k = 512 labels, k*k = _PAIR_CELLS: "largest k*k for which the joint bincount is used",
        # so neither the three-bincount path nor a second pass for confusion_matrix may run.
        k = math.isqrt(ref._PAIR_CELLS)
        assert k * k == ref._PAIR_CELLS
        forbid(monkeypatch, "_stats_by_bincounts")
        forbid(monkeypatch, "_matrix_for")
        t = make(k)
        cm = ref.confusion_matrix(t, t)  # every sample correct: the k x k identity
        assert cm.shape == (k, k) and np.array_equal(cm, np.eye(k, dtype=np.int64))
        labels, tp, fp, fn, support = ref.per_label_counts(t, t)
        assert labels.tolist() == t.tolist()
        assert (tp.min(), tp.max(), fp.max(), fn.max(), support.max()) == (1, 1, 0, 0, 1)


# --------------------------------------------------------------------------- multilabel_confusion_matrix dtype


class TestMultilabelConfusionMatrixDtype:
    """multilabel_confusion_matrix of single-label data has scikit-learn's dtype (int, or float when nothing is correct)."""

    @pytest.mark.parametrize(("y_true", "y_pred", "weights"), [
        ([0, 1], [1, 0], None),          # no sample correct, unweighted: scikit-learn gives float64
        ([0, 1, 2], [1, 2, 0], None),
        (["a", "b"], ["b", "a"], None),
        ([0, 1], [0, 0], None),          # one sample correct: int64
        ([0, 1], [1, 0], [1, 2]),        # weighted: float64 whether or not a sample is correct
        ([0, 1], [0, 0], [1, 2]),
    ])
    def test_dtype_and_values_match_sklearn(self, y_true: list, y_pred: list, weights: Any) -> None:
        got = ref.multilabel_confusion_matrix(y_true, y_pred, sample_weight=weights)
        want = skm.multilabel_confusion_matrix(y_true, y_pred, sample_weight=weights)
        assert got.dtype == want.dtype and got.tolist() == want.tolist()

    def test_no_correct_sample_gives_float_counts(self) -> None:
        # Pairs (0,1), (1,0): label 0 TN 0 FP 1 FN 1 TP 0, label 1 the same; floats as in scikit-learn.
        got = ref.multilabel_confusion_matrix([0, 1], [1, 0])
        assert got.dtype == np.float64
        assert got.tolist() == [[[0.0, 1.0], [1.0, 0.0]], [[0.0, 1.0], [1.0, 0.0]]]


# --------------------------------------------------------------------------- warning location


def entry_into(module_file: str, call: Callable[[], Any]) -> tuple[tuple[str, int], Any]:
    """Run ``call()``; return the (file, line) of the frame that first called code of
    ``module_file`` (where control entered the module), and the call's result."""
    entry: list[tuple[str, int]] = []

    def profiler(frame: Any, event: str, arg: Any) -> None:
        if event == "call" and not entry and frame.f_code.co_filename == module_file:
            entry.append((frame.f_back.f_code.co_filename, frame.f_back.f_lineno))

    previous = sys.getprofile()
    sys.setprofile(profiler)
    try:
        result = call()
    finally:
        sys.setprofile(previous)
    return entry[0], result


class TestSingleLabelWarningLocation:
    """The single-label warning is attributed to the exact line that called into the module."""

    def test_warning_points_at_the_line_that_entered_the_module(self) -> None:
        # Without a wrapper that line is the lambda below; with mutmut's trampoline it is the
        # trampoline's line that called the implementation. Either way: file AND line number.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            entry, cm = entry_into(ref.__file__, lambda: ref.confusion_matrix([1, 1], [1, 1]))
        assert cm.tolist() == [[2]]
        assert len(caught) == 1 and caught[0].category is UserWarning
        assert entry[0] != ref.__file__
        assert (caught[0].filename, caught[0].lineno) == entry
        if not hasattr(ref.confusion_matrix, "__wrapped__"):
            assert entry[0] == __file__


# --------------------------------------------------------------------------- streaming chunk schedule


class TestStreamingChunkSchedule:
    """Once the streaming table covers s labels it reads max(CHUNK, 2 s^2) samples per chunk.

    The schedule is documented in the module ("at least 2 samples per table cell") and in the
    two_sample_chunks fixture above; it fixes where chunks split, hence the summation order of
    weighted float counts (e.g. weights 1e16 and 1.0 in one cell round differently when split).
    """

    @pytest.mark.usefixtures("two_sample_chunks")
    def test_each_chunk_holds_two_samples_per_cell_of_the_current_table(
            self, monkeypatch: pytest.MonkeyPatch) -> None:
        # 30 samples, CHUNK = 2. Chunk 1: [0, 0] -> s = 1, next max(2, 2) = 2 samples;
        # chunk 2: [1, 1] -> s = 2, next max(2, 8) = 8; chunk 3 holds label 2 -> s = 3,
        # next max(2, 18) = 18, the remaining 30 - 12 samples. Lengths 2, 2, 8, 18.
        t = np.array([0, 0, 1, 1] + [0, 1, 2, 0, 1, 2, 0, 1] + [2, 1, 0] * 6)
        p = np.roll(t, 1) % 3
        sizes: list[int] = []
        original = ref._RunningTable.add

        def recording(self: Any, tc: np.ndarray, pc: np.ndarray, wc: Any, buf: np.ndarray) -> bool:
            added = original(self, tc, pc, wc, buf)
            if added:  # every chunk is added exactly once (after any widening)
                sizes.append(tc.shape[0])
            return added

        monkeypatch.setattr(ref._RunningTable, "add", recording)
        cm = ref.confusion_matrix(t, p)
        assert sizes == [2, 2, 8, 18]
        assert cm.tolist() == sk_confusion(t, p).tolist()


# --------------------------------------------------------------------------- weights with labels=


class TestConfusionMatrixWithLabelsWeighsOnlySelectedPairs:
    """With labels=, the first pass only encodes (unweighted); weights are read for the selected pairs only."""

    def test_long_double_weights_outside_the_selected_pairs_are_never_summed(self) -> None:
        # labels=[0]: pairs (0,1) and (1,0) each have a label outside [0], so no weight enters
        # the matrix: [[0.0]], as scikit-learn gives. np.bincount refuses long double weights
        # (TypeError), so a weighted counting pass over all samples would raise here.
        w = np.array([1.0, 2.0], dtype=np.longdouble)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the single-label warning
            got = ref.confusion_matrix([0, 1], [1, 0], labels=[0], sample_weight=w)
        want = sk_confusion([0, 1], [1, 0], labels=[0], sample_weight=w)
        assert got.dtype == want.dtype == np.float64
        assert got.tolist() == want.tolist() == [[0.0]]
