"""The reference as a drop-in for scikit-learn: exact integer weights, warning class, sparse input.

What they protect (issue 14):
- integer weights are summed exactly in int64, never through float64 (the old code gave
  9007199254740992 for a cell of weight 2**53 + 1, and wrapped near 2**63), on every counting
  path (joint table, streaming table, three bincounts, ``labels=``, indicator input), and a
  total beyond int64 is refused with a message naming the limit;
- float32 weights are summed in float64 (the documented choice), within float32 rounding of
  scikit-learn's float32 sums;
- UndefinedMetricWarning subclasses scikit-learn's when scikit-learn is importable (both filters
  catch it), is UserWarning's otherwise, and importing the reference does not import scikit-learn;
- scipy.sparse indicator matrices, object-dtype weights, and adjusted balanced accuracy of a
  single class behave as in scikit-learn.
Expected values are worked out by hand (integer arithmetic in the comments).
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
import textwrap
import warnings
from fractions import Fraction

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn import metrics as skm
from sklearn.exceptions import UndefinedMetricWarning as SkUndefined

from metricproofs import reference as ref

BIG = 2**53 + 1  # the first integer float64 cannot hold


# --------------------------------------------------------------------------- exact integer weights


def test_weight_two_to_the_53_plus_one_is_counted_exactly() -> None:
    cm = ref.confusion_matrix([0, 1, 1], [0, 1, 1], sample_weight=np.array([BIG, 1, 1]))
    assert cm.dtype == np.int64
    assert cm.tolist() == [[9007199254740993, 0], [0, 2]]
    assert cm.tolist() == skm.confusion_matrix([0, 1, 1], [0, 1, 1], sample_weight=np.array([BIG, 1, 1])).tolist()


def test_a_cell_holding_the_int64_limit_is_exact() -> None:
    # 2**62 + (2**62 - 1) = 2**63 - 1, the largest total allowed, in a single cell.
    with pytest.warns(UserWarning, match="A single label was found"):
        cm = ref.confusion_matrix([0, 0], [0, 0], sample_weight=np.array([2**62, 2**62 - 1]))
    assert cm.tolist() == [[2**63 - 1]] and cm.dtype == np.int64


def test_weights_totalling_more_than_int64_are_refused_with_the_limit() -> None:
    message = (r"^sample_weight sums to 9223372036854775809, beyond int64's limit 2\*\*63 - 1 = "
               r"9223372036854775807; integer weights are summed exactly in int64: rescale them or pass floats$")
    with pytest.raises(ValueError, match=message):
        ref.confusion_matrix([0, 1, 1], [0, 1, 1], sample_weight=np.array([2**62, 2**62, 1]))


@pytest.mark.parametrize("dtype", [np.uint64, np.int64])
def test_unsigned_and_signed_weights_near_two_to_the_63(dtype: type) -> None:
    w = np.array([2**63 - 2, 1, 0], dtype=dtype)  # total 2**63 - 1
    cm = ref.confusion_matrix([0, 1, 0], [0, 1, 1], sample_weight=w)
    assert cm.tolist() == [[2**63 - 2, 0], [0, 1]] and cm.dtype == np.int64


def test_uint64_weight_of_two_to_the_63_is_refused() -> None:
    with pytest.raises(ValueError, match=r"sums to 9223372036854775808, beyond int64's limit"):
        ref.confusion_matrix([0, 1], [0, 1], sample_weight=np.array([2**63, 0], dtype=np.uint64))


def test_weights_below_two_to_the_32_need_no_high_part() -> None:
    # 3 * (2**32 - 1) = 12884901885: low 32-bit parts only, summed exactly.
    w = np.full(3, 2**32 - 1, dtype=np.uint32)
    assert ref.confusion_matrix([1, 1, 1], [1, 1, 1], labels=[0, 1], sample_weight=w).tolist() == [
        [0, 0], [0, 12884901885]]


def test_high_and_low_bits_are_joined() -> None:
    # (2**40 + 5) + (2**33 + 2**32 + 7): high parts 256 + 3 = 259, low parts 5 + 7 = 12,
    # so 259 * 2**32 + 12 = 1112396529676.
    w = np.array([2**40 + 5, 2**33 + 2**32 + 7])
    assert ref.confusion_matrix([0, 0], [0, 0], labels=[0, 1], sample_weight=w).tolist() == [
        [1112396529676, 0], [0, 0]]


def test_every_counting_path_sums_integer_weights_exactly() -> None:
    # Labels 0, 1 (small range: streaming joint table) ...
    _, tp, fp, fn, support = ref.per_label_counts([0, 1, 1], [0, 1, 0], sample_weight=np.array([BIG, BIG, 1]))
    assert tp.tolist() == [BIG, BIG] and fp.tolist() == [1, 0] and fn.tolist() == [0, 1]
    assert support.tolist() == [BIG, BIG + 1] and support.dtype == np.int64
    # ... ids far apart (np.unique codes, one joint table) ...
    _, tp, _, _, support = ref.per_label_counts([0, 10**9], [0, 10**9], sample_weight=np.array([BIG, 2]))
    assert tp.tolist() == [BIG, 2] and support.dtype == np.int64
    # ... 600 labels (too many for a joint table: three bincounts) ...
    y = np.arange(600)
    w = np.ones(600, dtype=np.int64)
    w[0] = BIG
    _, tp, _, _, support = ref.per_label_counts(y, y, sample_weight=w)
    assert tp[0] == BIG and support[0] == BIG and support.dtype == np.int64 and int(support.sum()) == BIG + 599
    # ... labels= (the matrix pass) ...
    cm = ref.confusion_matrix([0, 1, 1], [0, 1, 1], labels=[1, 0], sample_weight=np.array([BIG, BIG, 1]))
    assert cm.tolist() == [[BIG + 1, 0], [0, BIG]] and cm.dtype == np.int64
    # ... and indicator input.
    _, tp, _, _, support = ref.per_label_counts(np.eye(2, dtype=int), np.eye(2, dtype=int),
                                                sample_weight=np.array([BIG, 3]))
    assert tp.tolist() == [BIG, 3] and support.dtype == np.int64


def test_accuracy_with_integer_weights_divides_exact_totals() -> None:
    # correct weight 2**53 + 2, total 2**53 + 3: float64 sums would give 2**53 / (2**53 + 4).
    w = np.array([BIG, 1, 1])
    got = ref.accuracy_score([0, 1, 1], [0, 1, 0], sample_weight=w)
    assert got == float(Fraction(2**53 + 2, 2**53 + 3))
    assert ref.accuracy_score([0, 1, 1], [0, 1, 0], sample_weight=w, normalize=False) == float(2**53 + 2)
    rows = ref.accuracy_score(np.eye(3, dtype=int), np.eye(3, dtype=int)[[0, 1, 0]], sample_weight=w)
    assert rows == float(Fraction(2**53 + 2, 2**53 + 3))


def test_ratios_of_integer_counts_beyond_two_to_the_53_are_divided_exactly() -> None:
    # micro (fast path): 2**53 + 2 correct of 2**53 + 3; per label: label 1 has TP 1 of
    # 2 true, label 0 has TP 2**53 + 1 of 2**53 + 2 predicted. float64 counts would give
    # 2**53 / (2**53 + 4) for both long ratios.
    w = np.array([BIG, 1, 1])
    assert ref.precision_score([0, 1, 1], [0, 1, 0], average="micro", sample_weight=w) == float(
        Fraction(2**53 + 2, 2**53 + 3))
    precision, recall, _, _ = ref.precision_recall_fscore_support([0, 1, 1], [0, 1, 0], sample_weight=w)
    assert precision.tolist() == [float(Fraction(2**53 + 1, 2**53 + 2)), 1.0]
    assert recall.tolist() == [1.0, 0.5]


def test_ratios_up_to_two_to_the_53_stay_in_float64() -> None:
    # A denominator of exactly 2**53 is held exactly by float64: the plain division is exact.
    w = np.array([2**53 - 1, 1])
    precision, _, _, _ = ref.precision_recall_fscore_support([0, 1], [0, 0], sample_weight=w, zero_division=0)
    assert precision.tolist() == [float(Fraction(2**53 - 1, 2**53)), 0.0]


def test_bool_weights_count_like_zero_and_one() -> None:
    cm = ref.confusion_matrix([0, 1, 1], [0, 1, 0], sample_weight=np.array([True, False, True]))
    assert cm.tolist() == [[1, 0], [1, 0]] and cm.dtype == np.int64


def test_multilabel_confusion_matrix_keeps_sklearns_float_dtype_with_weights() -> None:
    w = np.array([1, 2, 3])
    got = ref.multilabel_confusion_matrix([0, 1, 1], [0, 1, 0], sample_weight=w)
    want = skm.multilabel_confusion_matrix([0, 1, 1], [0, 1, 0], sample_weight=w)
    assert got.dtype == want.dtype == np.float64 and got.tolist() == want.tolist()
    samplewise = ref.multilabel_confusion_matrix(np.eye(3, dtype=int), np.eye(3, dtype=int), sample_weight=w,
                                                 samplewise=True)
    assert samplewise.dtype == np.int64 and samplewise[2].tolist() == [[6, 0], [0, 3]]


# --------------------------------------------------------------------------- float32 weights


def test_float32_weights_are_summed_in_float64() -> None:
    rng = np.random.default_rng(7)
    y = rng.integers(0, 2, size=3000)
    p = rng.integers(0, 2, size=3000)
    w = rng.random(3000).astype(np.float32)
    got = ref.confusion_matrix(y, p, sample_weight=w)
    for a in (0, 1):
        for b in (0, 1):
            exact = math.fsum(float(v) for v in w[(y == a) & (p == b)])
            assert got[a, b] == pytest.approx(exact, rel=1e-15)
    sk = skm.confusion_matrix(y, p, sample_weight=w)
    assert got.dtype == sk.dtype == np.float64
    assert np.max(np.abs(got - sk) / sk) < 1e-6  # scikit-learn sums in float32


def test_float32_weight_totals_are_float64_sums() -> None:
    # Totals too, not only the per-label counts: with w = [0, w1, 2, 1], w1 = float32(0.1), the
    # float32 total 3.1f made accuracy 1 / 3.0999999 and TN of label 1 -9.7e-8 (it is sample 0's 0).
    w1 = float(np.float32(0.1))
    w = np.array([0.0, 0.1, 2.0, 1.0], dtype=np.float32)
    y, p = np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1])
    assert ref.accuracy_score(y, p, sample_weight=w) == 1.0 / math.fsum([0.0, w1, 2.0, 1.0])
    mcm = ref.multilabel_confusion_matrix(y, p, sample_weight=w)
    # label 0: TN = sample 3 (1), FP = sample 2 (2), FN = sample 1 (w1), TP = sample 0 (0); label 1 mirrors it
    assert mcm.tolist() == [[[1.0, 2.0], [w1, 0.0]], [[0.0, w1], [2.0, 1.0]]]


# --------------------------------------------------------------------------- the warning class


def test_warning_class_is_a_subclass_of_sklearns() -> None:
    assert issubclass(ref.UndefinedMetricWarning, SkUndefined)
    assert ref.UndefinedMetricWarning is ref.UndefinedMetricWarning
    assert ref.UndefinedMetricWarning.__module__ == "metricproofs.reference"
    assert ref.UndefinedMetricWarning.__doc__ == (
        "A metric was 0/0 and replaced by its ``zero_division`` value (as in scikit-learn).")
    for category in (SkUndefined, ref.UndefinedMetricWarning):
        with warnings.catch_warnings():
            warnings.simplefilter("error", category)
            with pytest.raises(ref.UndefinedMetricWarning, match="Precision is ill-defined"):
                ref.precision_score([0, 1], [0, 0])


def test_other_attributes_are_still_missing() -> None:
    with pytest.raises(AttributeError, match=r"^module 'metricproofs\.reference' has no attribute 'NoSuchThing'$"):
        ref.NoSuchThing  # noqa: B018


def _run(code: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_without_sklearn_the_warning_is_a_user_warning() -> None:
    out = _run("""
        import json, sys, warnings
        sys.modules["sklearn"] = None  # scikit-learn cannot be imported
        from metricproofs import reference as ref
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            ref.recall_score([0, 0], [0, 1])
        cls = ref.UndefinedMetricWarning
        print(json.dumps({"bases": [b.__name__ for b in cls.__bases__], "caught": [w.category is cls for w in caught]}))
    """)
    assert out == {"bases": ["UserWarning"], "caught": [True]}


def test_importing_and_using_the_reference_does_not_import_sklearn() -> None:
    out = _run("""
        import json, sys
        from metricproofs import reference as ref
        ref.f1_score([0, 1, 1], [0, 1, 0])
        print(json.dumps("sklearn" in sys.modules))
    """)
    assert out is False


# --------------------------------------------------------------------------- inputs scikit-learn takes


@pytest.mark.parametrize("container", [sp.csr_matrix, sp.csc_array, sp.coo_matrix])
def test_sparse_indicator_matrices_are_read_as_dense(container: type) -> None:
    t = np.array([[1, 0, 1], [0, 1, 0], [1, 1, 0]])
    p = np.array([[1, 0, 0], [0, 1, 0], [1, 0, 0]])
    # column 0: TP 2; column 1: TP 1, FN 1; column 2: TP 0, FP 0, FN 1 -> F1 0. Row 1 alone is
    # exactly right: subset accuracy 1/3.
    got = ref.f1_score(container(t), container(p), average=None)
    assert got.tolist() == pytest.approx([1.0, 2 / 3, 0.0])
    assert ref.accuracy_score(container(t), container(p)) == pytest.approx(1 / 3)
    assert got.tolist() == pytest.approx(skm.f1_score(container(t), container(p), average=None).tolist())


def test_two_column_sparse_indicator_is_read() -> None:
    t = sp.csr_matrix(np.array([[1, 0], [0, 1], [1, 1]]))
    p = sp.csr_matrix(np.array([[1, 0], [1, 1], [0, 1]]))
    # column 0: TP 1, FP 1, FN 1; column 1: TP 2, FP 0, FN 0.
    assert ref.precision_score(t, p, average=None).tolist() == [0.5, 1.0]


class _HasToarray:
    """Not scipy.sparse, but with a ``toarray`` method: read as an ordinary array."""

    def __init__(self, values: list[int]) -> None:
        self.values = values

    def toarray(self) -> np.ndarray:
        raise AssertionError("only scipy.sparse inputs are densified")

    def __array__(self, dtype: object = None, copy: object = None) -> np.ndarray:
        return np.asarray(self.values)


def test_only_scipy_sparse_inputs_are_densified() -> None:
    assert ref.accuracy_score(_HasToarray([0, 1, 1]), [0, 1, 0]) == pytest.approx(2 / 3)


def test_sparse_single_column_is_refused_like_sklearn() -> None:
    with pytest.raises(ValueError, match="^Sparse input is only supported when targets are of multilabel type"):
        ref.accuracy_score(sp.csr_matrix(np.array([[1], [0]])), [1, 0])


def test_object_dtype_weights_are_read_as_float64() -> None:
    w = np.array([1, 2.5, 1], dtype=object)
    cm = ref.confusion_matrix([0, 1, 1], [0, 1, 1], sample_weight=w)
    assert cm.dtype == np.float64 and cm.tolist() == [[1.0, 0.0], [0.0, 3.5]]
    assert ref.accuracy_score([0, 1, 1], [0, 1, 0], sample_weight=w) == pytest.approx(3.5 / 4.5)
    assert ref.balanced_accuracy_score([0, 1, 1], [0, 1, 0], sample_weight=w) == pytest.approx((1 + 2.5 / 3.5) / 2)


def test_object_dtype_weights_holding_text_are_refused() -> None:
    with pytest.raises(ValueError, match="^sample_weight must be numeric; got dtype object holding non-numbers$"):
        ref.confusion_matrix([0, 1], [0, 1], sample_weight=np.array(["a", 1], dtype=object))


@pytest.mark.filterwarnings("ignore:y_pred contains classes not in y_true")
@pytest.mark.parametrize(("y_pred", "expected"), [([0, 0], math.nan), ([0, 1], -math.inf)])
def test_adjusted_balanced_accuracy_of_one_class_is_sklearns(y_pred: list[int], expected: float) -> None:
    # One class: chance level 1; (1 - 1) / 0 is nan (a perfect fold), (1/2 - 1) / 0 is -inf.
    with pytest.warns(SkUndefined, match=r"^Adjusted balanced accuracy is undefined when y_true has a single "
                                         rf"class \(chance level 1\); returning {expected}, as scikit-learn does\.$"):
        got = ref.balanced_accuracy_score([0, 0], y_pred, adjusted=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sk = skm.balanced_accuracy_score([0, 0], y_pred, adjusted=True)
    assert (math.isnan(got) and math.isnan(sk)) if math.isnan(expected) else got == sk == expected


def test_checks_run_in_sklearns_order() -> None:
    # Lengths before NaN, y_true's NaN before y_pred's, emptiness before weights.
    with pytest.raises(ValueError, match="^Found input variables with inconsistent numbers"):
        ref.accuracy_score([np.nan, 1.0], [1.0])
    with pytest.raises(ValueError, match="^Input y_true contains NaN"):
        ref.accuracy_score([np.nan, 1.0], [np.nan, 1.0])
    with pytest.raises(ValueError, match="^Found empty input array"):
        ref.accuracy_score([], [], sample_weight=[])
    with pytest.raises(ValueError, match="^Input sample_weight contains NaN"):
        ref.accuracy_score([0, 1], ["a", "b"], sample_weight=[np.nan, 1.0])


@pytest.mark.parametrize(("y_true", "y_pred", "message"), [
    ([0.5, 1.0, 2.0], [0, 1, 2], "Classification metrics can't handle a mix of continuous and multiclass targets"),
    ([0, 1, 2], [[0.5, 1.0], [1.0, 0.0], [0.0, 1.0]],
     "Classification metrics can't handle a mix of multiclass and continuous-multioutput targets"),
    ([[0, 2], [1, 0]], [[0, 3], [1, 0]], "multiclass-multioutput is not supported: classification metrics need "
                                        "discrete labels (1-D) or a 0/1 indicator matrix (multi-label)"),
    ([[0, 1], [1, 0]], [[0, 1, 0], [1, 0, 0]],
     "Multi-label binary indicator input with different numbers of labels: y_true has 2 columns, y_pred has 3"),
    ([0, 1], [0, 1, 1], "Found input variables with inconsistent numbers of samples: [2, 3] (y_true, y_pred)"),
    (np.zeros((2, 2, 2)), np.zeros((2, 2, 2)),
     "unknown is not supported: y_true has 3 dimensions; expected 1-D labels or a 2-D indicator matrix"),
])
def test_target_messages_read_exactly(y_true: list, y_pred: list, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        ref.accuracy_score(y_true, y_pred)


def test_weight_length_message_lists_the_three_lengths() -> None:
    message = "Found input variables with inconsistent numbers of samples: [2, 2, 3] (y_true, y_pred, sample_weight)"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        ref.accuracy_score([0, 1], [0, 1], sample_weight=[1, 1, 1])


def test_confusion_matrix_labels_of_another_type_message() -> None:
    message = ("At least one label specified must be in y_true; labels= holds numbers but y_true and y_pred "
               "hold strings")
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        ref.confusion_matrix(["a", "b"], ["a", "b"], labels=[1])
    message = ("At least one label specified must be in y_true; labels= holds strings but y_true and y_pred "
               "hold numbers")
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        ref.confusion_matrix([0, 1], [0, 1], labels=["a"])


def test_multilabel_column_messages_read_exactly() -> None:
    message = ("All labels must be in [0, n labels) for multilabel targets. Got 3 > 2 (labels are column "
               "indices in [0, 3))")
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        ref.f1_score(np.eye(3, dtype=int), np.eye(3, dtype=int), labels=[0, 3], average=None)
    message = ("All labels must be in [0, n labels) for multilabel targets. Got -2 < 0 (labels are column "
               "indices in [0, 3))")
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        ref.f1_score(np.eye(3, dtype=int), np.eye(3, dtype=int), labels=[-2, 1], average=None)


def test_ratio_of_an_empty_label_list_with_integer_weights() -> None:
    # labels=[] selects nothing: empty per-label arrays (no division, no maximum of nothing).
    got = ref.precision_recall_fscore_support([0, 1], [0, 1], labels=[], average=None, sample_weight=np.array([BIG, 1]))
    assert [a.tolist() for a in got] == [[], [], [], []]
