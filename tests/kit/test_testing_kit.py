"""The regression-testing kit: strategies generate what they promise; check_metric agrees
with scikit-learn's own functions, catches a gallery of wrong implementations with small
counterexamples, and does not flag unusual but correct ones."""

from __future__ import annotations

import functools
import json
import math
import tempfile
import warnings
from collections import Counter
from pathlib import Path
from typing import Any, Callable

import pytest
import sklearn.metrics as skm
from hypothesis import find, given
from hypothesis import strategies as st

from metricproofs import reference
from metricproofs.errors import UsageError
from metricproofs.testing import (
    PROPERTIES,
    binary_label_pairs,
    check_metric,
    indicator_matrices,
    indicator_pairs,
    label_pairs,
    label_pools,
    label_sets,
    label_vectors,
    sample_weights,
    zero_division_values,
)

# --- strategies ------------------------------------------------------------------------


@given(label_pairs(min_size=1, max_size=40))
def test_label_pairs_have_equal_length_and_one_label_type(pair: tuple[list, list]) -> None:
    y_true, y_pred = pair
    assert 1 <= len(y_true) == len(y_pred) <= 40
    assert len({type(label) for label in y_true + y_pred}) == 1


@given(label_vectors(min_size=3, max_size=7, max_labels=2, label_kinds=["string"]))
def test_label_vectors_respect_bounds_and_kinds(y: list) -> None:
    assert 3 <= len(y) <= 7
    assert len(set(y)) <= 2
    assert all(isinstance(label, str) and label for label in y)


@given(label_pools(min_labels=2, max_labels=4))
def test_label_pools_are_distinct(pool: list) -> None:
    assert 2 <= len(pool) <= 4
    assert len(set(pool)) == len(pool)


@pytest.mark.parametrize(
    "description, condition",
    [
        ("a label only in the predictions", lambda p: bool(set(p[1]) - set(p[0]))),
        ("a label id >= 1000", lambda p: any(isinstance(x, int) and x >= 1000 for x in p[0])),
        ("non-contiguous integer ids", lambda p: isinstance(p[0][0], int) and len(set(p[0])) >= 2
         and max(p[0]) - min(p[0]) >= len(set(p[0])) + 1),
        ("string labels", lambda p: isinstance(p[0][0], str)),
        ("a single sample", lambda p: len(p[0]) == 1),
        ("more than 150 samples", lambda p: len(p[0]) > 150),
    ],
)
def test_label_pairs_reach_the_cases_that_break_implementations(description: str, condition: Callable) -> None:
    from hypothesis import settings

    from hypothesis import Phase

    quick = settings(max_examples=500, database=None, derandomize=True, phases=[Phase.generate])
    found = find(label_pairs(), condition, settings=quick)
    assert condition(found), description


@given(binary_label_pairs(max_size=20, pos_label="spam"))
def test_binary_label_pairs_use_pos_label_and_one_other(pair: tuple[list, list]) -> None:
    labels = set(pair[0]) | set(pair[1])
    assert labels <= {"spam", "not-spam"}


@given(st.data())
def test_sample_weights_are_non_negative_with_positive_total(data: st.DataObject) -> None:
    size = data.draw(st.integers(1, 30))
    weights = data.draw(sample_weights(size=size))
    assert len(weights) == size
    assert all(w >= 0 and math.isfinite(w) for w in weights)
    assert sum(weights) > 0


def test_sample_weights_include_zeros_and_fractions() -> None:
    from hypothesis import settings

    quick = settings(max_examples=300, database=None, derandomize=True)
    assert 0 in find(sample_weights(size=3), lambda ws: 0 in ws, settings=quick)
    fraction = find(sample_weights(size=3, kinds=["float"]), lambda ws: any(w % 1 for w in ws), settings=quick)
    assert any(w % 1 for w in fraction)


@given(st.lists(st.integers(0, 50), min_size=1, max_size=5, unique=True).flatmap(
    lambda present: st.tuples(st.just(present), label_sets(present), label_sets(present, relation="subset"))))
def test_label_sets_are_supersets_or_subsets(drawn: tuple[list, list, list]) -> None:
    present, superset, subset = drawn
    assert set(present) <= set(superset) and len(set(superset)) == len(superset)
    assert set(subset) <= set(present) and subset


@given(zero_division_values())
def test_zero_division_values_are_accepted_by_the_reference(value: Any) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "warn" warns, by design
        result = reference.precision_score([0, 1], [1, 1], average="macro", zero_division=value)
    assert 0.0 <= result <= 1.0 or math.isnan(result)


@given(indicator_pairs(max_rows=8, max_columns=4))
def test_indicator_pairs_are_0_1_matrices_of_one_shape(pair: tuple[list, list]) -> None:
    y_true, y_pred = pair
    assert len(y_true) == len(y_pred) >= 1
    width = len(y_true[0])
    assert all(len(row) == width and set(row) <= {0, 1} for row in y_true + y_pred)


@given(indicator_matrices(min_rows=2, max_rows=2, columns=3))
def test_indicator_matrices_honour_fixed_columns(matrix: list) -> None:
    assert len(matrix) == 2 and all(len(row) == 3 for row in matrix)


@pytest.mark.parametrize(
    "make",
    [
        lambda: label_pairs(min_size=5, max_size=2),
        lambda: label_pairs(min_size=-1),
        lambda: label_vectors(label_kinds=["float"]),
        lambda: label_pools(min_labels=0),
        lambda: sample_weights(size=-1),
        lambda: sample_weights(size=3, kinds=["complex"]),
        lambda: label_sets([], relation="superset"),
        lambda: label_sets([1], relation="sideways"),
        lambda: binary_label_pairs(pos_label=1.5),
    ],
)
def test_bad_strategy_arguments_raise_usage_error(make: Callable) -> None:
    with pytest.raises(UsageError):
        make()


# --- check_metric agrees with scikit-learn ---------------------------------------------

SKLEARN = {
    "precision": skm.precision_score,
    "recall": skm.recall_score,
    "f1": skm.f1_score,
    "fbeta": skm.fbeta_score,
    "jaccard": skm.jaccard_score,
}
FEW = 25  # examples per scikit-learn check: scikit-learn costs ~1 ms per call


@pytest.mark.parametrize("average", [None, "binary", "micro", "macro", "weighted"])
@pytest.mark.parametrize("metric", ["precision", "recall", "f1", "fbeta", "jaccard"])
def test_check_agrees_with_scikit_learn_for_every_average(metric: str, average: str | None) -> None:
    kwargs = {"beta": 2.0} if metric == "fbeta" else {}
    report = check_metric(functools.partial(SKLEARN[metric], average=average), metric, average,
                          examples=FEW, **kwargs)
    assert report.ok, str(report)
    assert report.verdict == "agrees" and report.counterexample is None
    assert report.examples >= 1


def test_check_agrees_with_scikit_learn_accuracy_with_weights() -> None:
    assert check_metric(skm.accuracy_score, "accuracy", examples=FEW).ok
    report = check_metric(skm.accuracy_score, "accuracy", examples=FEW, with_sample_weight=True)
    assert report.ok, str(report)


@pytest.mark.parametrize(
    "metric, average, kwargs",
    [
        ("precision", "macro", {"zero_division": 1.0, "labels": [0, 3, 1000]}),
        ("recall", "weighted", {"labels": [2, 0, 5]}),
        ("f1", "micro", {"labels": [1, 2]}),
        ("f1", "macro", {"zero_division": math.nan}),
        ("jaccard", "micro", {}),
        ("fbeta", "binary", {"beta": 0.5, "pos_label": "spam"}),
    ],
)
def test_check_agrees_with_scikit_learn_under_options(metric: str, average: str, kwargs: dict) -> None:
    # zero_division is the claimed convention (reference only): the function gets it bound
    claimed = {"zero_division": kwargs.pop("zero_division")} if "zero_division" in kwargs else {}
    fn = functools.partial(SKLEARN[metric], average=average, **claimed)
    report = check_metric(fn, metric, average, examples=FEW, with_sample_weight=True, **kwargs, **claimed)
    assert report.ok, str(report)


def test_a_default_check_tries_200_examples() -> None:
    # Its wall time is measured by benchmarks/bench_check.py, not here.
    fn = functools.partial(reference.f1_score, average="micro")
    report = check_metric(fn, "f1", "micro")
    assert report.ok and report.examples == 200


# --- a gallery of wrong implementations, written here from counts ---------------------


def _per_label(y_true: list, y_pred: list, labels: list) -> list[tuple[int, int, int]]:
    """(TP, FP, FN) per label, counted directly."""
    pairs = Counter(zip(y_true, y_pred))
    rows: list[tuple[int, int, int]] = []
    for label in labels:
        tp = pairs[(label, label)]
        fp = sum(c for (t, p), c in pairs.items() if p == label and t != label)
        fn = sum(c for (t, p), c in pairs.items() if t == label and p != label)
        rows.append((tp, fp, fn))
    return rows


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _all_labels(y_true: list, y_pred: list) -> list:
    return sorted(set(y_true) | set(y_pred))


def macro_f1_named_micro(y_true: list, y_pred: list) -> float:
    rows = _per_label(y_true, y_pred, _all_labels(y_true, y_pred))
    return sum(_ratio(2 * tp, 2 * tp + fp + fn) for tp, fp, fn in rows) / len(rows)


def macro_precision_labels_from_truth(y_true: list, y_pred: list) -> float:
    rows = _per_label(y_true, y_pred, sorted(set(y_true)))
    return sum(_ratio(tp, tp + fp) for tp, fp, _ in rows) / len(rows)


def micro_f1_one_when_all_wrong(y_true: list, y_pred: list) -> float:
    correct = sum(t == p for t, p in zip(y_true, y_pred))
    return 1.0 if correct == 0 else correct / len(y_true)


def accuracy_dropping_large_ids(y_true: list, y_pred: list) -> float:
    kept = [(t, p) for t, p in zip(y_true, y_pred) if not (isinstance(t, int) and (t >= 10 or p >= 10))]
    return _ratio(sum(t == p for t, p in kept), len(kept))


def accuracy_subsampled(y_true: list, y_pred: list) -> float:
    y_true, y_pred = y_true[:100], y_pred[:100]
    return sum(t == p for t, p in zip(y_true, y_pred)) / len(y_true)


def macro_f1_as_harmonic_mean_of_averages(y_true: list, y_pred: list) -> float:
    rows = _per_label(y_true, y_pred, _all_labels(y_true, y_pred))
    precision = sum(_ratio(tp, tp + fp) for tp, fp, _ in rows) / len(rows)
    recall = sum(_ratio(tp, tp + fn) for tp, _, fn in rows) / len(rows)
    return _ratio(2 * precision * recall, precision + recall)


GALLERY = [
    # (function, metric, average, largest acceptable counterexample, property that must break)
    (macro_f1_named_micro, "f1", "micro", 3, "micro-f1-equals-accuracy"),
    (macro_precision_labels_from_truth, "precision", "macro", 3, "agrees-with-reference"),
    (micro_f1_one_when_all_wrong, "f1", "micro", 1, "micro-f1-equals-accuracy"),
    (accuracy_dropping_large_ids, "accuracy", None, 1, "agrees-with-reference"),
    (macro_f1_as_harmonic_mean_of_averages, "f1", "macro", 4, "agrees-with-reference"),
]


@pytest.mark.parametrize("fn, metric, average, largest, violated", GALLERY, ids=[g[0].__name__ for g in GALLERY])
def test_check_catches_wrong_implementations_with_small_counterexamples(
    fn: Callable, metric: str, average: str | None, largest: int, violated: str
) -> None:
    report = check_metric(fn, metric, average)
    assert not report.ok and report.verdict == "disagrees"
    cx = report.counterexample
    assert cx is not None
    assert 1 <= len(cx.y_true) <= largest, str(report)
    assert cx.violated == violated, str(report)
    # the reported values are the real ones: replaying gives `got`, the reference `expected`
    assert fn(cx.y_true, cx.y_pred) == pytest.approx(cx.got)
    assert not math.isclose(cx.got, cx.expected, abs_tol=1e-9)


def test_dropped_large_ids_are_shown_with_the_smallest_large_id() -> None:
    cx = check_metric(accuracy_dropping_large_ids, "accuracy").counterexample
    assert cx is not None
    assert max(cx.y_true + cx.y_pred) == 10


def test_subsampling_is_caught_just_past_the_cut() -> None:
    report = check_metric(accuracy_subsampled, "accuracy")
    cx = report.counterexample
    assert cx is not None and not report.ok
    assert 101 <= len(cx.y_true) <= 110, len(cx.y_true)
    assert cx.got == pytest.approx(accuracy_subsampled(cx.y_true, cx.y_pred))
    assert cx.expected == pytest.approx(reference.accuracy_score(cx.y_true, cx.y_pred))


def test_an_exception_on_valid_input_is_a_disagreement() -> None:
    def integer_only_accuracy(y_true: list, y_pred: list) -> float:
        return sum(int(t) == int(p) for t, p in zip(y_true, y_pred)) / len(y_true)

    report = check_metric(integer_only_accuracy, "accuracy")
    cx = report.counterexample
    assert cx is not None and cx.violated == "no-exception"
    assert cx.got is None and "ValueError" in cx.detail
    assert len(cx.y_true) == 1 and isinstance(cx.y_true[0], str)


def test_order_dependence_is_reported() -> None:
    def first_sample_counts_double(y_true: list, y_pred: list) -> float:
        hits = [t == p for t, p in zip(y_true, y_pred)]
        return (sum(hits[:1]) * 2 + sum(hits[1:])) / (len(hits) + 1)

    cx = check_metric(first_sample_counts_double, "accuracy").counterexample
    assert cx is not None
    assert "sample-order-invariance" in {cx.violated, *cx.also_violated}, cx


def test_asymmetry_of_a_micro_metric_is_reported() -> None:
    def micro_f1_zero_when_truth_more_varied(y_true: list, y_pred: list) -> float:
        if len(set(y_true)) > len(set(y_pred)):
            return 0.0
        return sum(t == p for t, p in zip(y_true, y_pred)) / len(y_true)

    cx = check_metric(micro_f1_zero_when_truth_more_varied, "f1", "micro").counterexample
    assert cx is not None and len(cx.y_true) <= 3
    assert "micro-metrics-symmetric" in {cx.violated, *cx.also_violated}, cx


def test_array_only_functions_get_a_hint_about_list_inputs() -> None:
    def array_accuracy(y_true: Any, y_pred: Any) -> float:
        return (y_true == y_pred).mean()

    cx = check_metric(array_accuracy, "accuracy").counterexample
    assert cx is not None and cx.violated == "no-exception" and "numpy.asarray" in cx.detail


# --- unusual but right: not flagged ----------------------------------------------------


def macro_precision_as_swapped_macro_recall(y_true: list, y_pred: list) -> float:
    rows = _per_label(y_pred, y_true, _all_labels(y_true, y_pred))
    return sum(_ratio(tp, tp + fn) for tp, _, fn in rows) / len(rows)


def accuracy_as_weighted_recall(y_true: list, y_pred: list) -> float:
    rows = _per_label(y_true, y_pred, _all_labels(y_true, y_pred))
    support = [tp + fn for tp, _, fn in rows]
    return sum(s * _ratio(tp, tp + fn) for s, (tp, _, fn) in zip(support, rows)) / sum(support)


def micro_jaccard_from_accuracy(y_true: list, y_pred: list) -> float:
    accuracy = sum(t == p for t, p in zip(y_true, y_pred)) / len(y_true)
    return accuracy / (2 - accuracy)


@pytest.mark.parametrize(
    "fn, metric, average",
    [
        (macro_precision_as_swapped_macro_recall, "precision", "macro"),
        (accuracy_as_weighted_recall, "accuracy", None),
        (micro_jaccard_from_accuracy, "jaccard", "micro"),
    ],
)
def test_unusual_but_right_implementations_are_not_flagged(fn: Callable, metric: str, average: str | None) -> None:
    report = check_metric(fn, metric, average)
    assert report.ok, str(report)


# --- the report ------------------------------------------------------------------------


def test_report_text_is_a_pasteable_call_with_values() -> None:
    report = check_metric(macro_f1_named_micro, "f1", "micro")
    text = str(report)
    cx = report.counterexample
    assert cx is not None
    call = cx.call("macro_f1_named_micro")
    assert call in text
    assert eval(call, {"macro_f1_named_micro": macro_f1_named_micro}) == pytest.approx(cx.got)
    assert "expected" in text and "got" in text and "micro-f1-equals-accuracy" in text


def test_report_json_matches_the_design_schema() -> None:
    record = json.loads(check_metric(macro_f1_named_micro, "f1", "micro", target="m:f").to_json())
    assert set(record) == {"target", "metric", "average", "verdict", "examples", "counterexample", "tolerance",
                           "failures"}
    assert record["tolerance"] == {"rtol": 1e-9, "atol": 1e-12}  # a Python float return
    assert record["target"] == "m:f" and record["verdict"] == "disagrees"
    assert [f["property"] for f in record["failures"]][:1] == [record["counterexample"]["violated"]]
    assert set(record["counterexample"]) == {"y_true", "y_pred", "expected", "got", "violated"}
    assert isinstance(record["counterexample"]["expected"], float)
    agreeing = json.loads(check_metric(micro_jaccard_from_accuracy, "jaccard", "micro", examples=20).to_json())
    assert agreeing["verdict"] == "agrees" and agreeing["counterexample"] is None and agreeing["examples"] == 20


def test_agreeing_report_lists_the_identities_checked_and_says_it_is_not_a_proof() -> None:
    report = check_metric(functools.partial(reference.recall_score, average="weighted"), "recall", "weighted",
                          examples=20)
    assert "weighted-recall-equals-accuracy" in report.properties
    assert set(report.properties) <= set(PROPERTIES)
    assert "not a proof" in str(report)


def test_checks_are_deterministic_by_default_and_seed_varies_the_search() -> None:
    first = check_metric(macro_precision_labels_from_truth, "precision", "macro")
    second = check_metric(macro_precision_labels_from_truth, "precision", "macro")
    assert first.counterexample == second.counterexample
    seeded = check_metric(macro_precision_labels_from_truth, "precision", "macro", seed=7)
    assert not seeded.ok and seeded.seed == 7


def test_check_points_hypothesis_storage_outside_the_project_and_restores_it() -> None:
    from hypothesis.configuration import storage_directory

    before = storage_directory(intent_to_write=False).path
    seen: list = []

    def recording_accuracy(y_true: list, y_pred: list) -> float:
        seen.append(storage_directory(intent_to_write=False).path)
        return sum(t == p for t, p in zip(y_true, y_pred)) / len(y_true)

    assert check_metric(recording_accuracy, "accuracy", examples=10).ok
    assert seen and all(path.is_relative_to(tempfile.gettempdir()) for path in seen)
    assert not any(path.is_relative_to(before.parent) for path in seen if before.parent != Path("/"))
    assert storage_directory(intent_to_write=False).path == before


@pytest.mark.parametrize(
    "args, kwargs, message",
    [
        (("f2",), {}, "metric must be one of"),
        (("accuracy", "macro"), {}, "accuracy takes no average"),
        (("f1", "samples"), {}, "average must be one of"),
        (("fbeta", "micro"), {}, "needs beta"),
        (("f1", "micro"), {"eps": 1e-9}, "not understood"),
        (("f1", "micro"), {"sample_weight": [1]}, "with_sample_weight"),
        (("f1", "micro"), {"examples": 0}, "examples must be"),
        (("f1", "macro"), {"labels": []}, "labels must be"),
        (("f1", "macro"), {"zero_division": "sometimes"}, "zero_division must be 0, 1 or nan"),
        (("fbeta", "macro"), {"beta": -1}, "rejects these arguments"),
    ],
)
def test_bad_check_arguments_raise_one_clear_usage_error(args: tuple, kwargs: dict, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        check_metric(macro_f1_named_micro, *args, **kwargs)


# --- the properties a report names ------------------------------------------------------

# The kit's own properties; every other property it reports is a proven identity.
KIT_PROPERTIES = {"no-exception", "returns-a-number", "agrees-with-reference", "sample-order-invariance",
                  "deterministic"}


@pytest.mark.parametrize("prop", sorted(set(PROPERTIES) - KIT_PROPERTIES))
def test_every_identity_a_report_names_is_a_proved_catalogue_claim(prop: str) -> None:
    from metricproofs.catalogue import get

    claim = get(prop)  # raises for an id the catalogue does not have
    assert claim.expected == "holds"
    assert "(proved)" in PROPERTIES[prop]


@pytest.mark.parametrize("prop", sorted(KIT_PROPERTIES))
def test_the_kits_own_properties_do_not_claim_a_proof(prop: str) -> None:
    assert "proved" not in PROPERTIES[prop]
