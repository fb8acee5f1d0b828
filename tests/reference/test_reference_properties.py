"""Property tests of metricproofs.reference.

What they protect:
- agreement with an exact Fraction loop written from DESIGN section 2 (bit-exact where the
  float result is one correctly rounded division of exact integers);
- agreement with scikit-learn 1.9.1 to 1e-12, including which calls warn;
- invariances: sample order, integer weight = repetition, zero weight = removal, scaling;
- the micro fast path (the proven identity) against the general counting path, and the
  dense / np.unique encodings and joint / separate bincounts against each other.
"""

from __future__ import annotations

import math
import random
import warnings
from contextlib import contextmanager
from fractions import Fraction
from typing import Any, Callable, Iterator

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn import metrics as skm
from sklearn.exceptions import UndefinedMetricWarning as SkUndefined

from _reference_strategies import (
    Case,
    close,
    exactly,
    multilabel_cases,
    oracle_average,
    oracle_counts,
    oracle_micro,
    oracle_prf,
    single_label_cases,
    zero_divisions,
)
from metricproofs import reference as ref


def quiet(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call ``fn`` with warnings silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


def integer_weights(case: Case) -> bool:
    """True when every weight is an int (so every count is an exact float)."""
    return case.sample_weight is None or all(isinstance(w, int) for w in case.sample_weight)


# --------------------------------------------------------------------------- exact oracle


@given(single_label_cases(), zero_divisions)
def test_per_label_counts_match_the_fraction_loop(case: Case, zero_division: Any) -> None:
    labels, tp, fp, fn, support = ref.per_label_counts(
        case.y_true, case.y_pred, labels=case.labels, sample_weight=case.sample_weight)
    o = oracle_counts(case.y_true, case.y_pred, case.sample_weight, case.labels)
    assert labels.tolist() == o.labels
    # Counts are sums of weights; integer weights give exact integers, floats differ by ulps.
    tol = 0 if integer_weights(case) else 1e-9
    for got, want in ((tp, o.tp), (fp, o.fp), (fn, o.fn), (support, o.support)):
        assert close(got, [float(x) for x in want], tol)


@given(single_label_cases(), zero_divisions)
def test_per_label_and_averaged_prf_match_the_fraction_loop(case: Case, zero_division: Any) -> None:
    o = oracle_counts(case.y_true, case.y_pred, case.sample_weight, case.labels)
    want = oracle_prf(o, zero_division)
    got = quiet(ref.precision_recall_fscore_support, case.y_true, case.y_pred, labels=case.labels,
                sample_weight=case.sample_weight, zero_division=zero_division)
    for g, w in zip(got[:3], want):
        if integer_weights(case):
            # Per label P, R and F1 are one division of exact integers: bit-exact.
            assert all(exactly(a, b) for a, b in zip(g, w))
        else:
            assert close(g, [float(x) for x in w])
    for average, weights in (("macro", None), ("weighted", o.support)):
        averaged = quiet(ref.precision_recall_fscore_support, case.y_true, case.y_pred,
                         labels=case.labels, sample_weight=case.sample_weight,
                         zero_division=zero_division, average=average)
        # Averages go through np.mean / np.average: within 1e-12, not bit-exact.
        for g, w in zip(averaged[:3], want):
            assert close(g, float(oracle_average(w, weights)))


@given(single_label_cases(), zero_divisions)
def test_micro_prf_matches_the_fraction_loop(case: Case, zero_division: Any) -> None:
    o = oracle_counts(case.y_true, case.y_pred, case.sample_weight, case.labels)
    want = oracle_micro(o, zero_division)
    got = quiet(ref.precision_recall_fscore_support, case.y_true, case.y_pred, labels=case.labels,
                sample_weight=case.sample_weight, zero_division=zero_division, average="micro")
    for g, w in zip(got[:3], want):
        # One division of exact integer sums when weights are integers: bit-exact.
        assert exactly(g, w) if integer_weights(case) else close(g, float(w))


@given(single_label_cases())
def test_accuracy_matches_the_fraction_loop(case: Case) -> None:
    ws = [Fraction(1)] * len(case.y_true) if case.sample_weight is None else [Fraction(w) for w in case.sample_weight]
    correct = sum((w for t, p, w in zip(case.y_true, case.y_pred, ws) if t == p), Fraction(0))
    got = ref.accuracy_score(case.y_true, case.y_pred, sample_weight=case.sample_weight)
    assert exactly(got, correct / sum(ws)) if integer_weights(case) else close(got, float(correct / sum(ws)))


# --------------------------------------------------------------------------- scikit-learn


def both(name: str, *args: Any, **kwargs: Any) -> tuple[Any, Any, bool, bool]:
    """Call ``name`` in metricproofs.reference and sklearn.metrics; results and whether each
    emitted its UndefinedMetricWarning."""
    out = []
    for module, category in ((ref, ref.UndefinedMetricWarning), (skm, SkUndefined)):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = getattr(module, name)(*args, **kwargs)
        out.append((result, any(issubclass(w.category, category) for w in caught)))
    return out[0][0], out[1][0], out[0][1], out[1][1]


def agree(a: Any, b: Any) -> bool:
    """Same value (to 1e-12), same container kind: tuple, array or float."""
    if isinstance(b, tuple):
        return isinstance(a, tuple) and len(a) == len(b) and all(agree(x, y) for x, y in zip(a, b))
    if isinstance(b, np.ndarray):
        return isinstance(a, np.ndarray) and a.shape == b.shape and close(a, b)
    if b is None:
        return a is None
    return isinstance(a, float) and close(a, b)


SET_WISE = ["precision_recall_fscore_support", "precision_score", "recall_score", "f1_score", "jaccard_score"]


@settings(max_examples=25)  # each example makes many scikit-learn / reference calls
@given(single_label_cases(), zero_divisions, st.sampled_from(SET_WISE),
       st.sampled_from([None, "micro", "macro", "weighted"]))
def test_set_wise_metrics_agree_with_sklearn(case: Case, zero_division: Any, name: str, average: Any) -> None:
    if name == "jaccard_score" and zero_division != zero_division:
        zero_division = 1  # jaccard_score has no nan option (both libraries reject it)
    got, want, warned, sk_warned = both(name, case.y_true, case.y_pred, labels=case.labels,
                                        sample_weight=case.sample_weight, zero_division=zero_division,
                                        average=average)
    assert agree(got, want)
    assert warned == sk_warned


@settings(max_examples=25)  # each example makes many scikit-learn / reference calls
@given(single_label_cases(), st.sampled_from([0.0, 0.5, 2.0, math.inf]), st.sampled_from([None, "micro", "macro"]))
def test_fbeta_agrees_with_sklearn(case: Case, beta: float, average: Any) -> None:
    got, want, _, _ = both("fbeta_score", case.y_true, case.y_pred, beta=beta, labels=case.labels,
                           sample_weight=case.sample_weight, zero_division=0, average=average)
    assert agree(got, want)


@settings(max_examples=25)  # each example makes many scikit-learn / reference calls
@given(single_label_cases(), zero_divisions, st.sampled_from(SET_WISE))
def test_binary_average_agrees_with_sklearn(case: Case, zero_division: Any, name: str) -> None:
    if name == "jaccard_score" and zero_division != zero_division:
        zero_division = "warn"
    y_true = [case.pool[0] if v == case.y_true[0] else case.pool[1] for v in case.y_true]
    y_pred = [case.pool[0] if v == case.y_true[0] else case.pool[1] for v in case.y_pred]
    pos_label = case.pool[1]
    got, want, warned, sk_warned = both(name, y_true, y_pred, pos_label=pos_label, average="binary",
                                        sample_weight=case.sample_weight, zero_division=zero_division)
    assert agree(got, want)
    assert warned == sk_warned


@settings(max_examples=25)  # each example makes many scikit-learn / reference calls
@given(single_label_cases())
def test_confusion_matrices_agree_with_sklearn(case: Case) -> None:
    for normalize in (None, "true", "pred", "all"):
        got, want, _, _ = both("confusion_matrix", case.y_true, case.y_pred, labels=case.labels,
                               sample_weight=case.sample_weight, normalize=normalize)
        assert got.dtype.kind == want.dtype.kind and agree(got, want)
    got, want, _, _ = both("multilabel_confusion_matrix", case.y_true, case.y_pred, labels=case.labels,
                           sample_weight=case.sample_weight)
    assert got.dtype.kind == want.dtype.kind and agree(got, want)


@settings(max_examples=25)  # each example makes many scikit-learn / reference calls
@given(single_label_cases(), st.booleans(), st.booleans())
def test_accuracies_agree_with_sklearn(case: Case, normalize: bool, adjusted: bool) -> None:
    got, want, _, _ = both("accuracy_score", case.y_true, case.y_pred, normalize=normalize,
                           sample_weight=case.sample_weight)
    assert agree(got, want)
    if adjusted and len(set(case.y_true)) < 2:
        return  # scikit-learn returns -inf or nan there; ours raises (see test_reference_errors)
    got, want, _, _ = both("balanced_accuracy_score", case.y_true, case.y_pred, adjusted=adjusted,
                           sample_weight=case.sample_weight)
    assert agree(got, want)


@settings(max_examples=25)  # each example makes many scikit-learn / reference calls
@given(multilabel_cases(), zero_divisions, st.sampled_from(SET_WISE),
       st.sampled_from([None, "micro", "macro", "weighted", "samples"]), st.booleans())
def test_multilabel_agrees_with_sklearn(data: tuple, zero_division: Any, name: str, average: Any,
                                        subset: bool) -> None:
    y_true, y_pred, w = data
    labels = [1, 0] if subset else None
    if name == "jaccard_score" and zero_division != zero_division:
        zero_division = 0
    got, want, warned, sk_warned = both(name, y_true, y_pred, labels=labels, sample_weight=w,
                                        zero_division=zero_division, average=average)
    assert agree(got, want)
    assert warned == sk_warned
    got, want, _, _ = both("accuracy_score", y_true, y_pred, sample_weight=w)
    assert agree(got, want)
    for samplewise in (False, True):
        got, want, _, _ = both("multilabel_confusion_matrix", y_true, y_pred, labels=labels,
                               sample_weight=w, samplewise=samplewise)
        assert agree(got, want)


# --------------------------------------------------------------------------- invariances


def all_metrics(y_true: Any, y_pred: Any, labels: Any, w: Any) -> list[Any]:
    """Every reference metric at every average, as a flat list of floats/arrays."""
    out: list[Any] = []
    for average in (None, "micro", "macro", "weighted"):
        p, r, f, s = quiet(ref.precision_recall_fscore_support, y_true, y_pred, labels=labels,
                           sample_weight=w, average=average)
        out += [p, r, f, quiet(ref.jaccard_score, y_true, y_pred, labels=labels, sample_weight=w, average=average)]
        if average is None:
            out.append(s)
    out.append(ref.accuracy_score(y_true, y_pred, sample_weight=w))
    return out


def all_close(a: list[Any], b: list[Any], tol: float = 1e-12) -> bool:
    return len(a) == len(b) and all(close(x, y, tol) for x, y in zip(a, b))


def fixed_labels(case: Case) -> list[Any]:
    """The case's labels= or, if None, every label of the data (so removal keeps the set)."""
    return case.labels if case.labels is not None else sorted(set(case.y_true) | set(case.y_pred))


@settings(max_examples=25)  # each example makes many scikit-learn / reference calls
@given(single_label_cases(), st.randoms(use_true_random=False))
def test_sample_order_does_not_matter(case: Case, rnd: random.Random) -> None:
    order = list(range(len(case.y_true)))
    rnd.shuffle(order)
    w = None if case.sample_weight is None else [case.sample_weight[i] for i in order]
    shuffled = all_metrics([case.y_true[i] for i in order], [case.y_pred[i] for i in order], case.labels, w)
    assert all_close(all_metrics(case.y_true, case.y_pred, case.labels, case.sample_weight), shuffled)


@settings(max_examples=25)  # each example makes many scikit-learn / reference calls
@given(single_label_cases(weights=False), st.data())
def test_integer_weight_equals_repetition_and_zero_weight_equals_removal(case: Case, data: st.DataObject) -> None:
    n = len(case.y_true)
    w = data.draw(st.lists(st.integers(0, 3), min_size=n, max_size=n).filter(any))
    labels = fixed_labels(case)
    repeated_true = [t for t, k in zip(case.y_true, w) for _ in range(k)]
    repeated_pred = [p for p, k in zip(case.y_pred, w) for _ in range(k)]
    weighted = all_metrics(case.y_true, case.y_pred, labels, w)
    # Supports come back as float with weights and int without: compare values.
    assert all_close(weighted, all_metrics(repeated_true, repeated_pred, labels, None))


@settings(max_examples=25)  # each example makes many scikit-learn / reference calls
@given(single_label_cases(), st.sampled_from([2.0, 0.125, 3.0, 1e-3]))
def test_scaling_every_weight_changes_nothing_but_support(case: Case, c: float) -> None:
    w = [1.0] * len(case.y_true) if case.sample_weight is None else [float(x) for x in case.sample_weight]
    base = all_metrics(case.y_true, case.y_pred, case.labels, w)
    scaled = all_metrics(case.y_true, case.y_pred, case.labels, [c * x for x in w])
    support_index = 4  # all_metrics puts the support fifth
    base[support_index] = np.asarray(base[support_index]) * c
    assert all_close(base, scaled, 1e-9)


# --------------------------------------------------------------------------- fast path vs general path


@contextmanager
def general_path() -> Iterator[None]:
    """Disable the micro fast path, so micro averages are summed from per-label counts."""
    original = ref._is_cover
    ref._is_cover = lambda data, labels: False
    try:
        yield
    finally:
        ref._is_cover = original


def micro_values(case: Case, zero_division: Any) -> list[Any]:
    return [quiet(ref.precision_recall_fscore_support, case.y_true, case.y_pred, labels=case.labels,
                  sample_weight=case.sample_weight, average="micro", zero_division=zero_division),
            quiet(ref.jaccard_score, case.y_true, case.y_pred, labels=case.labels,
                  sample_weight=case.sample_weight, average="micro",
                  zero_division=0 if zero_division != zero_division else zero_division)]


@given(single_label_cases(), zero_divisions)
def test_micro_fast_path_agrees_with_general_path(case: Case, zero_division: Any) -> None:
    fast = micro_values(case, zero_division)
    with general_path():
        general = micro_values(case, zero_division)
    assert agree(tuple(fast), tuple(general))


@given(single_label_cases())
def test_micro_over_a_cover_of_the_labels_equals_accuracy(case: Case) -> None:
    """micro-superset-labels-equals-accuracy, on data: any labels= holding every occurring label."""
    labels = sorted(set(case.y_true) | set(case.y_pred)) + (case.labels or [])
    labels = list(dict.fromkeys(labels))  # unique, superset
    acc = ref.accuracy_score(case.y_true, case.y_pred, sample_weight=case.sample_weight)
    p, r, f, _ = quiet(ref.precision_recall_fscore_support, case.y_true, case.y_pred, labels=labels,
                       sample_weight=case.sample_weight, average="micro")
    assert close([p, r, f], [acc] * 3)


@settings(max_examples=30)
@given(single_label_cases(max_size=40), zero_divisions)
def test_encodings_and_counting_strategies_agree(case: Case, zero_division: Any) -> None:
    """Every encoding and counting strategy gives the same counts, metrics and matrices."""
    args = (case.y_true, case.y_pred)
    kwargs = dict(labels=case.labels, sample_weight=case.sample_weight)
    base = [ref.per_label_counts(*args, **kwargs),
            quiet(ref.precision_recall_fscore_support, *args, zero_division=zero_division, **kwargs),
            quiet(ref.confusion_matrix, *args, **kwargs) if case.labels is None or set(case.labels) & set(case.y_true) else None]
    saved = (ref._DENSE_RANGE, ref._PAIR_CELLS, ref.CHUNK)
    # (0, 0): np.unique codes and three bincounts; (dense, 0): raw codes and three bincounts;
    # (0, pair): np.unique codes and a joint table; (dense, pair) with chunks of 1 and 2: the
    # streaming joint table, widening its label range chunk by chunk.
    for dense, pair, chunk in ((0, 0, 3), (saved[0], 0, 7), (0, saved[1], 1), (saved[0], saved[1], 1),
                               (saved[0], saved[1], 2)):
        ref._DENSE_RANGE, ref._PAIR_CELLS, ref.CHUNK = dense, pair, chunk
        try:
            other = [ref.per_label_counts(*args, **kwargs),
                     quiet(ref.precision_recall_fscore_support, *args, zero_division=zero_division, **kwargs),
                     quiet(ref.confusion_matrix, *args, **kwargs) if base[2] is not None else None]
        finally:
            ref._DENSE_RANGE, ref._PAIR_CELLS, ref.CHUNK = saved
        assert other[0][0].tolist() == base[0][0].tolist()
        assert all(close(a, b) for a, b in zip(other[0][1:], base[0][1:]))
        assert agree(other[1], base[1])
        assert (other[2] is None) or agree(other[2], base[2])


# --------------------------------------------------------------------------- unusual inputs

PRFS = "precision_recall_fscore_support"
EYE = np.array([[0, 1], [1, 1]])
OFF = np.array([[0, 1], [1, 0]])
ZEROS = np.zeros((2, 2), dtype=int)
UNUSUAL: list[tuple[str, tuple, dict]] = [
    (PRFS, ([1.0, 2.0, 3.0], [1.0, 2.0, 2.0]), {}),
    (PRFS, (np.array([1, 2, 3], dtype=np.uint8), np.array([1, 2, 2], dtype=np.int32)), {"average": "macro"}),
    (PRFS, ([True, False, True], [True, True, False]), {"average": "binary", "pos_label": True}),
    (PRFS, (np.array([[0], [1], [1]]), np.array([[0], [1], [0]])), {}),
    (PRFS, ([0, 0], [0, 0]), {"average": "binary"}),
    (PRFS, ([0, 1], [0, 1]), {"labels": [], "average": None}),
    (PRFS, ([0, 1], [0, 1]), {"labels": [], "average": "macro"}),
    (PRFS, ([0, 1], [0, 1]), {"labels": [], "average": "micro"}),
    (PRFS, ([0, 1, 2], [0, 1, 1]), {"labels": [1, 1], "average": "micro"}),
    (PRFS, ([0, 1, 2], [0, 1, 1]), {"labels": [1.0, 2.0, 1.5], "average": None}),
    (PRFS, ([-10**12, 1, 2], [10**12, 1, 1]), {"average": "macro"}),
    ("confusion_matrix", ([10**12, 1, 2], [10**12, 1, 1]), {}),
    ("confusion_matrix", ([0, 1, 2], [0, 1, 1]), {"sample_weight": [True, True, False]}),
    ("multilabel_confusion_matrix", ([0, 1, 2], [1, 2, 0]), {}),
    ("balanced_accuracy_score", (["a", "b", "c"], ["a", "b", "b"]), {"sample_weight": [0, 1, 1]}),
    (PRFS, (ZEROS, ZEROS), {"average": "samples", "zero_division": np.nan}),
    (PRFS, (EYE.astype(float), OFF), {"average": "macro"}),
    (PRFS, (EYE, OFF), {"labels": [1, 1], "average": "micro"}),
    ("jaccard_score", (EYE, OFF), {"average": "samples", "sample_weight": [1, 3]}),
    ("f1_score", (["a", "a"], ["a", "a"]), {"pos_label": "c"}),
    ("precision_score", (np.array(["a", "b", "a"], dtype=object), np.array(["a", "a", "a"], dtype=object)),
     {"average": "micro"}),
]


@pytest.mark.parametrize(("name", "args", "kwargs"), UNUSUAL)
def test_unusual_inputs_agree_with_sklearn(name: str, args: tuple, kwargs: dict) -> None:
    got, want, _, _ = both(name, *args, **kwargs)
    assert agree(got, want)


def test_micro_over_all_labels_takes_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The identity is the fast path: no per-label counting for micro over every label."""
    def no_counting(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("per-label counting was used")

    monkeypatch.setattr(ref, "_count_single", no_counting)
    y_true, y_pred = [0, 1, 2, 2, 5], [0, 2, 2, 2, 1]
    assert ref.precision_recall_fscore_support(y_true, y_pred, average="micro")[:3] == (3 / 5, 3 / 5, 3 / 5)
    assert ref.jaccard_score(y_true, y_pred, average="micro") == 3 / 7
    with pytest.raises(AssertionError, match="per-label counting"):
        ref.precision_recall_fscore_support(y_true, y_pred, average="macro")
