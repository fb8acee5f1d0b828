"""Multi-label mode of the checking kit: ``check_metric(..., multilabel=True)`` and
``metricproofs check --multilabel`` agree with scikit-learn on indicator input, catch a
gallery of wrong multi-label implementations with small paste-able counterexamples, do
not flag an unusual but right one, and apply only the identities that hold there."""

from __future__ import annotations

import functools
import json
import math
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pytest
import sklearn.metrics as skm

from metricproofs.errors import UsageError
from metricproofs.testing import PROPERTIES, check_metric

SKLEARN: dict[str, Callable[..., Any]] = {
    "precision": skm.precision_score,
    "recall": skm.recall_score,
    "f1": skm.f1_score,
    "fbeta": skm.fbeta_score,
    "jaccard": skm.jaccard_score,
}
MULTILABEL_AVERAGES = [None, "micro", "macro", "weighted", "samples"]
FEW = 50  # examples per scikit-learn check: its multi-label path costs a few ms per call

# scikit-learn warns on 0/0 (zero_division); the tests replay such calls on purpose
pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.UndefinedMetricWarning")


def _sklearn(metric: str, average: str | None) -> Callable[..., Any]:
    """scikit-learn's function for a claim, as the checked call would be made."""
    if metric == "accuracy":
        return skm.accuracy_score
    return functools.partial(SKLEARN[metric], average=average)


# --- check agrees with scikit-learn on indicator input ---------------------------------


@pytest.mark.parametrize("average", MULTILABEL_AVERAGES)
@pytest.mark.parametrize("metric", ["precision", "recall", "f1", "fbeta", "jaccard"])
def test_check_agrees_with_scikit_learn_for_every_multilabel_average(metric: str, average: str | None) -> None:
    kwargs = {"beta": 2.0} if metric == "fbeta" else {}
    report = check_metric(_sklearn(metric, average), metric, average, multilabel=True, examples=FEW, **kwargs)
    assert report.ok, str(report)
    assert report.verdict == "agrees" and report.counterexample is None and report.examples == FEW


def test_check_agrees_with_scikit_learn_subset_accuracy() -> None:
    assert check_metric(skm.accuracy_score, "accuracy", multilabel=True, examples=FEW).ok
    report = check_metric(skm.accuracy_score, "accuracy", multilabel=True, examples=FEW, with_sample_weight=True)
    assert report.ok, str(report)


@pytest.mark.parametrize(
    "metric, average, kwargs",
    [
        ("precision", "micro", {}),
        ("recall", "samples", {"zero_division": 1.0}),
        ("f1", "weighted", {"labels": [3, 0]}),
        ("precision", "macro", {"zero_division": math.nan, "labels": [1]}),
        ("jaccard", "samples", {"zero_division": 1.0}),
    ],
)
def test_check_agrees_with_scikit_learn_with_weights_and_options(metric: str, average: str,
                                                                  kwargs: dict) -> None:
    # zero_division is the claimed convention (reference only): the function gets it bound
    claimed = {"zero_division": kwargs.pop("zero_division")} if "zero_division" in kwargs else {}
    fn = functools.partial(_sklearn(metric, average), **claimed)
    report = check_metric(fn, metric, average, multilabel=True, examples=FEW,
                          with_sample_weight=True, **kwargs, **claimed)
    assert report.ok, str(report)


# --- a gallery of wrong multi-label implementations -----------------------------------


def _cells(y_true: list, y_pred: list) -> list[tuple[int, int]]:
    """Every (true, predicted) cell of two indicator matrices."""
    return [(t, p) for t_row, p_row in zip(y_true, y_pred) for t, p in zip(t_row, p_row)]


def _micro_counts(y_true: list, y_pred: list) -> tuple[int, int, int]:
    """(TP, number of predicted labels, number of true labels) over all cells."""
    cells = _cells(y_true, y_pred)
    return sum(t & p for t, p in cells), sum(p for _, p in cells), sum(t for t, _ in cells)


def micro_precision_over_true_labels(y_true: list, y_pred: list) -> float:
    # wrong: divides by the true labels, so it is micro recall
    tp, _, true = _micro_counts(y_true, y_pred)
    return tp / true if true else 0.0


def samples_f1_computed_as_micro(y_true: list, y_pred: list) -> float:
    # wrong: one F1 over all cells instead of the mean of each sample's F1
    tp, predicted, true = _micro_counts(y_true, y_pred)
    return 2 * tp / (predicted + true) if predicted + true else 0.0


def macro_f1_skipping_empty_columns(y_true: list, y_pred: list) -> float:
    # wrong: a column with no true and no predicted label is left out of the mean;
    # scikit-learn scores it zero_division (0.0 by default) and counts it
    scores = []
    for column in range(len(y_true[0])):
        t = [row[column] for row in y_true]
        p = [row[column] for row in y_pred]
        tp = sum(a & b for a, b in zip(t, p))
        if sum(t) + sum(p):
            scores.append(2 * tp / (sum(t) + sum(p)))
    return sum(scores) / len(scores) if scores else 0.0


def hamming_score_as_accuracy(y_true: list, y_pred: list) -> float:
    # wrong: the share of matching cells, not of samples with every label right
    cells = _cells(y_true, y_pred)
    return sum(t == p for t, p in cells) / len(cells)


def flattened_single_label_accuracy(y_true: Any, y_pred: Any) -> float:
    # wrong: reads the flattened matrices as single-label vectors
    t, p = np.ravel(np.asarray(y_true)), np.ravel(np.asarray(y_pred))
    return float(np.mean(t == p))


GALLERY = [
    # (function, metric, average, largest acceptable number of rows, properties that may catch it)
    (micro_precision_over_true_labels, "precision", "micro", 3,
     {"multilabel-micro-equal-iff-equal-totals", "agrees-with-reference"}),
    (samples_f1_computed_as_micro, "f1", "samples", 3, {"agrees-with-reference"}),
    (macro_f1_skipping_empty_columns, "f1", "macro", 3, {"agrees-with-reference"}),
    (hamming_score_as_accuracy, "accuracy", None, 3, {"agrees-with-reference"}),
    (flattened_single_label_accuracy, "accuracy", None, 3, {"agrees-with-reference"}),
    # the single-label identity micro F1 = accuracy, carried over to multi-label by flattening
    (flattened_single_label_accuracy, "f1", "micro", 3, {"agrees-with-reference"}),
]


@pytest.mark.parametrize("fn, metric, average, largest, caught_by", GALLERY,
                         ids=[f"{g[0].__name__}-{g[1]}" for g in GALLERY])
def test_check_catches_wrong_multilabel_implementations(fn: Callable, metric: str, average: str | None,
                                                        largest: int, caught_by: set[str]) -> None:
    report = check_metric(fn, metric, average, multilabel=True)
    assert not report.ok and report.verdict == "disagrees", str(report)
    cx = report.counterexample
    assert cx is not None
    assert 1 <= len(cx.y_true) == len(cx.y_pred) <= largest, str(report)
    assert all(len(row) >= 2 and set(row) <= {0, 1} for row in cx.y_true + cx.y_pred)
    assert cx.violated in caught_by, str(report)
    # the printed call is real: run with the wrong function it gives `got`, with scikit-learn `expected`
    call = cx.call(fn.__name__)
    assert call in str(report)
    assert eval(call, {fn.__name__: fn}) == pytest.approx(cx.got)
    assert eval(call, {fn.__name__: _sklearn(metric, average)}) == pytest.approx(cx.expected)
    assert not math.isclose(cx.got, cx.expected, abs_tol=1e-9)


def test_one_row_counterexamples_show_the_values_worked_out_by_hand() -> None:
    # Hamming score vs subset accuracy on one row of two labels: they differ only when
    # exactly one of the two cells is wrong, e.g. [[0, 0]] vs [[1, 0]]: the sample is
    # not right (subset accuracy 0.0) but one cell of two is (Hamming score 0.5).
    cx = check_metric(hamming_score_as_accuracy, "accuracy", multilabel=True).counterexample
    assert cx is not None and len(cx.y_true) == 1 and len(cx.y_true[0]) == 2, cx
    assert (cx.expected, cx.got) == (0.0, 0.5)
    # Skipping empty columns on one row of two labels: they differ only when one column
    # is empty and the other has F1 = f > 0; scikit-learn averages f with the empty
    # column's 0.0 (zero_division), so it gives f / 2, the wrong function f. E.g.
    # [[1, 0]] vs [[1, 0]]: expected 0.5, got 1.0.
    cx = check_metric(macro_f1_skipping_empty_columns, "f1", "macro", multilabel=True).counterexample
    assert cx is not None and len(cx.y_true) == 1 and len(cx.y_true[0]) == 2, cx
    assert cx.got > 0 and cx.got == pytest.approx(2 * cx.expected)


def test_the_totals_identity_is_checked() -> None:
    def micro_precision_wrong_when_totals_match(y_true: list, y_pred: list) -> float:
        tp, predicted, true = _micro_counts(y_true, y_pred)
        if tp and predicted == true:
            return tp / (predicted + 1)  # wrong only where the identity applies
        return tp / predicted if predicted else 0.0

    report = check_metric(micro_precision_wrong_when_totals_match, "precision", "micro", multilabel=True)
    cx = report.counterexample
    assert cx is not None and cx.violated == "multilabel-micro-equal-iff-equal-totals", str(report)
    # one row with one label, true and predicted: P = R = 1, the function gives 1/2
    assert len(cx.y_true) == 1 and cx.expected == 1.0 and cx.got == 0.5
    assert "metricproofs explain multilabel-micro-equal-iff-equal-totals" in str(report)


def test_order_dependence_of_rows_is_reported() -> None:
    def subset_accuracy_first_row_double(y_true: list, y_pred: list, sample_weight: list) -> float:
        weights = [2 * sample_weight[0], *sample_weight[1:]]  # wrong: the first row counts twice
        return sum(w for w, t, p in zip(weights, y_true, y_pred) if t == p) / sum(weights)

    cx = check_metric(subset_accuracy_first_row_double, "accuracy", multilabel=True,
                      with_sample_weight=True).counterexample
    assert cx is not None and cx.sample_weight is not None
    assert "sample-order-invariance" in {cx.violated, *cx.also_violated}, cx


def test_array_only_functions_get_the_list_hint_in_multilabel_mode() -> None:
    def array_subset_accuracy(y_true: Any, y_pred: Any) -> float:
        return (y_true == y_pred).all(axis=1).mean()

    cx = check_metric(array_subset_accuracy, "accuracy", multilabel=True).counterexample
    assert cx is not None and cx.violated == "no-exception" and "numpy.asarray" in cx.detail


# --- unusual but right, and the single-label identities left out ----------------------


def micro_f1_from_cell_totals(y_true: list, y_pred: list) -> float:
    # right: micro F1 = 2 TP / (true labels + predicted labels) over all cells,
    # and 0.0 when there are none (scikit-learn's default zero_division)
    tp, predicted, true = _micro_counts(y_true, y_pred)
    return 2 * tp / (true + predicted) if true + predicted else 0.0


def test_micro_f1_from_cell_totals_is_not_flagged() -> None:
    report = check_metric(micro_f1_from_cell_totals, "f1", "micro", multilabel=True)
    assert report.ok, str(report)
    assert report.examples == 200


def test_single_label_identities_are_not_applied_to_multilabel_input() -> None:
    report = check_metric(_sklearn("precision", "micro"), "precision", "micro", multilabel=True, examples=20)
    assert report.properties == ("no-exception", "returns-a-number", "multilabel-micro-equal-iff-equal-totals",
                                 "agrees-with-reference", "sample-order-invariance")
    for metric, average in [("f1", "micro"), ("recall", "weighted"), ("jaccard", "micro"), ("accuracy", None)]:
        report = check_metric(_sklearn(metric, average), metric, average, multilabel=True, examples=20)
        assert report.ok, str(report)
        assert report.properties == ("no-exception", "returns-a-number", "agrees-with-reference",
                                     "sample-order-invariance")
    assert set(report.properties) <= set(PROPERTIES)


def test_report_says_multilabel() -> None:
    report = check_metric(micro_f1_from_cell_totals, "f1", "micro", multilabel=True, examples=10)
    assert "multi-label" in str(report) and "not a proof" in str(report)
    wrong = check_metric(hamming_score_as_accuracy, "accuracy", multilabel=True)
    assert "multi-label" in str(wrong) and "subset accuracy" in str(wrong)
    single = check_metric(skm.accuracy_score, "accuracy", examples=10)
    assert "multi-label" not in str(single)


def test_a_default_multilabel_check_tries_200_examples() -> None:
    # Its wall time is measured by benchmarks/bench_check.py, not here.
    def numpy_micro_f1(y_true: Any, y_pred: Any) -> float:
        t, p = np.asarray(y_true, dtype=bool), np.asarray(y_pred, dtype=bool)
        total = t.sum() + p.sum()
        return float(2 * (t & p).sum() / total) if total else 0.0

    report = check_metric(numpy_micro_f1, "f1", "micro", multilabel=True)
    assert report.ok and report.examples == 200, str(report)


@pytest.mark.parametrize(
    "args, kwargs, message",
    [
        (("f1", "binary"), {"multilabel": True}, "claim one of None, 'micro', 'macro', 'weighted', 'samples'"),
        (("f1", "samples"), {}, "multilabel=True"),
        (("f1", "micro"), {"multilabel": True, "pos_label": 1}, "labels="),
        (("f1", "micro"), {"multilabel": True, "labels": ["a"]}, "column indices"),
        (("f1", "micro"), {"multilabel": True, "labels": [True]}, "column indices"),
        (("f1", "micro"), {"multilabel": True, "labels": [-1]}, "column indices"),
        (("accuracy", "samples"), {"multilabel": True}, "accuracy takes no average"),
        (("f1", "micro"), {"multilabel": "yes"}, "True or False"),
    ],
)
def test_bad_multilabel_arguments_raise_one_clear_usage_error(args: tuple, kwargs: dict, message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        check_metric(micro_f1_from_cell_totals, *args, **kwargs)


# --- the CLI ----------------------------------------------------------------------------

USER_CODE = '''
import numpy as np


def micro_f1(y_true, y_pred):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    total = t.sum() + p.sum()
    return float(2 * (t & p).sum() / total) if total else 0.0


def flattened_accuracy(y_true, y_pred):
    return float(np.mean(np.ravel(y_true) == np.ravel(y_pred)))
'''


@pytest.fixture
def user_module(tmp_path: Path) -> Path:
    (tmp_path / "ml_metrics.py").write_text(USER_CODE)
    return tmp_path


def _cli(cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "metricproofs", "check", *argv], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_cli_multilabel_right_function_exits_0(user_module: Path) -> None:
    result = _cli(user_module, "ml_metrics:micro_f1", "--metric", "f1", "--average", "micro", "--multilabel",
                  "--examples", "40")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "agrees" in result.stdout and "multi-label" in result.stdout and result.stderr == ""


def test_cli_multilabel_wrong_function_exits_1_with_a_pasteable_call(user_module: Path) -> None:
    result = _cli(user_module, "ml_metrics:flattened_accuracy", "--metric", "f1", "--average", "micro",
                  "--multilabel")
    assert result.returncode == 1, result.stdout + result.stderr
    call = next(line.strip() for line in result.stdout.splitlines()
                if line.strip().startswith("flattened_accuracy("))
    namespace: dict = {}
    exec(USER_CODE, namespace)
    got = eval(call, namespace)
    expected = eval(call, {"flattened_accuracy": _sklearn("f1", "micro")})
    assert f"expected {expected:.10g}, got {got:.10g}" in result.stdout
    rows = eval(call.partition("(")[2].rpartition(")")[0])  # (y_true, y_pred)
    assert 1 <= len(rows[0]) <= 3 and all(len(row) >= 2 for row in rows[0])


def test_cli_multilabel_json_follows_the_schema_with_indicator_rows(user_module: Path) -> None:
    result = _cli(user_module, "ml_metrics:flattened_accuracy", "--metric", "f1", "--average", "micro",
                  "--multilabel", "--json")
    assert result.returncode == 1, result.stdout + result.stderr
    record = json.loads(result.stdout)
    assert set(record) == {"target", "metric", "average", "verdict", "examples", "counterexample", "tolerance",
                           "failures"}
    assert record["failures"][0]["y_true"] == record["counterexample"]["y_true"]
    assert (record["target"], record["metric"], record["average"], record["verdict"]) == (
        "ml_metrics:flattened_accuracy", "f1", "micro", "disagrees")
    cx = record["counterexample"]
    assert set(cx) == {"y_true", "y_pred", "expected", "got", "violated"}
    assert len(cx["y_true"]) == len(cx["y_pred"]) >= 1
    for row in cx["y_true"] + cx["y_pred"]:
        assert isinstance(row, list) and len(row) >= 2 and set(row) <= {0, 1}
    assert cx["expected"] == pytest.approx(skm.f1_score(cx["y_true"], cx["y_pred"], average="micro"))

    result = _cli(user_module, "ml_metrics:micro_f1", "--metric", "f1", "--average", "micro", "--multilabel",
                  "--json", "--examples", "20")
    record = json.loads(result.stdout)
    assert result.returncode == 0 and record["verdict"] == "agrees" and record["counterexample"] is None
    assert record["examples"] == 20


@pytest.mark.parametrize(
    "extra, fragment",
    [
        (["--multilabel", "--average", "binary"], "invalid choice: 'binary'"),
        (["--average", "samples"], "--multilabel"),
        (["--multilabel"], "--multilabel needs --average"),
        (["--multilabel", "--average", "micro", "--kwarg", "pos_label=1"], "pos_label=1 applies only"),
        (["--multilabel", "--kwarg", 'average="binary"'], "not defined for multi-label input"),
    ],
)
def test_cli_multilabel_usage_errors_exit_2_with_one_line(user_module: Path, extra: list[str],
                                                          fragment: str) -> None:
    result = _cli(user_module, "ml_metrics:micro_f1", "--metric", "f1", *extra)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert fragment in result.stderr, result.stderr
