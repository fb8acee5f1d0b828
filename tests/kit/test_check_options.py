"""The check options of DESIGN section 4: label space and absent labels, input type, argument
order, claimed zero_division, tolerance by dtype, distinct failures, non-numeric returns, and
replaying the JSON. Expected values are worked out by hand in the comments."""

from __future__ import annotations

import functools
import io
import json
from collections import Counter
from typing import Any

import numpy as np
import pytest
import sklearn.metrics as skm

from metricproofs.cli import run
from metricproofs.errors import UsageError
from metricproofs.testing import check_metric
from metricproofs.testing.cases import Case
from metricproofs.testing.claim import validated_claim
from metricproofs.testing.oracles import reference_value

FEW = 30

# --- hand-written conventions ---------------------------------------------------------


def _per_label_f1(y_true: list, y_pred: list, label: int, zero_division: float = 0.0) -> float:
    tp = sum(t == label and p == label for t, p in zip(y_true, y_pred))
    wrong = sum((t == label) != (p == label) for t, p in zip(y_true, y_pred))
    return 2 * tp / (2 * tp + wrong) if tp + wrong else zero_division


def f1_over_occurring_labels(y_true: list, y_pred: list) -> float:
    """torchmetrics' convention: macro over the labels that occur in y_true or y_pred."""
    labels = sorted(set(y_true) | set(y_pred))
    return sum(_per_label_f1(y_true, y_pred, label) for label in labels) / len(labels)


def f1_over_ten_labels(y_true: list, y_pred: list) -> float:
    """ignite's convention: macro over 0..9, a label in neither vector scores 0."""
    return sum(_per_label_f1(y_true, y_pred, label) for label in range(10)) / 10


def f1_over_ten_labels_absent_one(y_true: list, y_pred: list) -> float:
    """Macro over 0..9 where 0/0 scores 1 (no zero_division keyword: the kit must not pass one)."""
    return sum(_per_label_f1(y_true, y_pred, label, zero_division=1.0) for label in range(10)) / 10


def _claim(**options: Any) -> Any:
    return validated_claim("f1", "macro", {}, examples=1, seed=None, max_size=10, **options)


def test_macro_over_ten_labels_against_macro_over_the_two_that_occur() -> None:
    # y_true = [0, 2], y_pred = [0, 0]: label 0 has TP 1, FP 1 -> F1 = 2/3; label 2 has FN 1 -> F1 = 0.
    case = Case([0, 2], [0, 0], None, [1, 0])
    assert reference_value(_claim(num_classes=10, absent_labels="skip"), case) == pytest.approx(1 / 3)
    # include: the 8 labels in neither vector count with zero_division 0: (2/3) / 10 = 1/15
    assert reference_value(_claim(num_classes=10, absent_labels="include"), case) == pytest.approx(1 / 15)
    assert reference_value(_claim(num_classes=10), case) == pytest.approx(1 / 15)  # include is the default
    # zero_division 1: (2/3 + 0 + 8 * 1) / 10 = 13/15
    assert reference_value(_claim(num_classes=10, zero_division=1), case) == pytest.approx(13 / 15)
    assert f1_over_occurring_labels([0, 2], [0, 0]) == pytest.approx(1 / 3)
    assert f1_over_ten_labels([0, 2], [0, 0]) == pytest.approx(1 / 15)
    assert f1_over_ten_labels_absent_one([0, 2], [0, 0]) == pytest.approx(13 / 15)


def test_each_convention_agrees_with_its_own_declaration_and_not_the_other() -> None:
    assert check_metric(f1_over_occurring_labels, "f1", "macro", num_classes=10, absent_labels="skip",
                        examples=FEW).ok
    report = check_metric(f1_over_occurring_labels, "f1", "macro", num_classes=10, absent_labels="include", examples=FEW)
    assert not report.ok and report.counterexample.violated == "agrees-with-reference"
    assert check_metric(f1_over_ten_labels, "f1", "macro", num_classes=10, absent_labels="include",
                        examples=FEW).ok
    report = check_metric(f1_over_ten_labels, "f1", "macro", num_classes=10, absent_labels="skip", examples=FEW)
    cx = report.counterexample
    assert cx is not None and cx.got == pytest.approx(f1_over_ten_labels(cx.y_true, cx.y_pred))
    assert "absent labels skipped" in str(report)


def test_the_claimed_zero_division_reaches_the_reference_only() -> None:
    # the function takes no zero_division keyword: passing one would raise TypeError
    assert check_metric(f1_over_ten_labels_absent_one, "f1", "macro", num_classes=10, zero_division=1,
                        examples=FEW).ok
    assert not check_metric(f1_over_ten_labels_absent_one, "f1", "macro", num_classes=10, examples=FEW).ok


def test_generated_labels_never_leave_zero_to_c_minus_one() -> None:
    seen: set = set()

    def accuracy(y_true: list, y_pred: list) -> float:
        seen.update(y_true, y_pred)
        return sum(t == p for t, p in zip(y_true, y_pred)) / len(y_true)

    assert check_metric(accuracy, "accuracy", num_classes=3, examples=FEW).ok
    assert seen <= {0, 1, 2} and all(type(label) is int for label in seen)
    assert len(seen) == 3  # all three do occur somewhere


# --- input types and argument order ---------------------------------------------------


def test_numpy_inputs_are_int_arrays_and_lists_stay_lists() -> None:
    kinds: Counter = Counter()

    def precision(y_true: Any, y_pred: Any) -> float:
        kinds[(type(y_true).__name__, getattr(y_true, "dtype", None) == np.int64)] += 1
        return skm.precision_score(y_true, y_pred, average="micro")

    assert check_metric(precision, "precision", "micro", num_classes=4, inputs="numpy", examples=FEW).ok
    assert set(kinds) == {("ndarray", True)}
    kinds.clear()
    assert check_metric(precision, "precision", "micro", examples=FEW).ok
    assert set(kinds) == {("list", False)}


def test_preds_first_swaps_the_arguments() -> None:
    def macro_precision_preds_first(y_pred: list, y_true: list) -> float:
        return skm.precision_score(y_true, y_pred, average="macro", zero_division=0)

    assert check_metric(macro_precision_preds_first, "precision", "macro", preds_first=True, examples=FEW).ok
    report = check_metric(macro_precision_preds_first, "precision", "macro", examples=FEW)
    assert not report.ok  # called the other way round it computes macro recall
    cx = report.counterexample
    # the pasted call keeps the function's order: y_true first when preds_first is off
    assert cx.call("f").startswith(f"f({cx.y_true!r}, {cx.y_pred!r}")


def test_the_pasted_call_uses_the_functions_argument_order_and_input_type() -> None:
    def wrong(y_pred: Any, y_true: Any) -> float:
        return 0.25

    report = check_metric(wrong, "accuracy", num_classes=3, inputs="numpy", preds_first=True, examples=FEW,
                          target="m:wrong")
    failure = report.as_dict()["failures"][0]
    cx = report.counterexample
    assert failure["call"] == f"wrong(numpy.array({cx.y_pred!r}), numpy.array({cx.y_true!r}))"
    assert eval(failure["call"], {"wrong": wrong, "numpy": np}) == failure["got"] == 0.25


# --- tolerance ------------------------------------------------------------------------


def _accuracy(y_true: list, y_pred: list) -> float:
    return sum(t == p for t, p in zip(y_true, y_pred)) / len(y_true)


def accuracy_float32(y_true: list, y_pred: list) -> np.float32:
    return np.float32(_accuracy(y_true, y_pred))


def accuracy_float32_as_python_float(y_true: list, y_pred: list) -> float:
    return float(np.float32(_accuracy(y_true, y_pred)))


def accuracy_float16(y_true: list, y_pred: list) -> np.float16:
    return np.float16(_accuracy(y_true, y_pred))


def test_a_float32_return_is_judged_at_float32_precision_without_a_flag() -> None:
    report = check_metric(accuracy_float32, "accuracy", examples=FEW)
    assert report.ok, str(report)
    assert (report.rtol, report.atol) == (1e-6, 1e-12)
    assert json.loads(report.to_json())["tolerance"] == {"rtol": 1e-6, "atol": 1e-12}
    assert "rtol=1e-06" in str(report) and "float32" in str(report)


def test_float32_rounding_returned_as_a_python_float_is_named_and_rtol_fixes_it() -> None:
    report = check_metric(accuracy_float32_as_python_float, "accuracy", examples=FEW)
    assert not report.ok and report.rtol == 1e-9
    cx = report.counterexample
    # e.g. 1/3: float32 holds 0.3333333432674408, 3.0e-8 relative above it
    gap = abs(cx.got - cx.expected) / abs(cx.expected)
    assert 0 < gap <= 1e-6
    text = str(report)
    assert "looks like float32 rounding" in text and "--rtol" in text
    assert check_metric(accuracy_float32_as_python_float, "accuracy", rtol=1e-6, examples=FEW).ok


def test_float16_and_float64_defaults() -> None:
    report = check_metric(accuracy_float16, "accuracy", examples=FEW)
    assert report.ok and report.rtol == 1e-3, str(report)

    def accuracy_off_by_1e_7(y_true: list, y_pred: list) -> np.float64:
        return np.float64(_accuracy(y_true, y_pred) * (1 + 1e-7) + 0.0)

    report = check_metric(accuracy_off_by_1e_7, "accuracy", examples=FEW)
    assert not report.ok and report.rtol == 1e-9
    assert check_metric(accuracy_off_by_1e_7, "accuracy", rtol=1e-6, examples=FEW).ok


def test_atol_is_absolute() -> None:
    def accuracy_plus_1e_7(y_true: list, y_pred: list) -> float:
        return _accuracy(y_true, y_pred) + 1e-7

    assert not check_metric(accuracy_plus_1e_7, "accuracy", examples=FEW).ok
    assert check_metric(accuracy_plus_1e_7, "accuracy", atol=1e-6, examples=FEW).ok


# --- distinct failures, non-numeric returns, replay -------------------------------------


def accuracy_with_two_faults(y_true: list, y_pred: list) -> float:
    """Fault 1: one sample raises. Fault 2: from three samples on, it returns a count."""
    if len(y_true) == 1:
        raise ValueError("need at least two samples")
    correct = sum(t == p for t, p in zip(y_true, y_pred))
    return float(correct) if len(y_true) >= 3 else correct / len(y_true)


def test_a_function_with_two_faults_gets_both_reported_each_shrunk() -> None:
    report = check_metric(accuracy_with_two_faults, "accuracy", examples=100)
    assert [cx.violated for cx in report.failures] == ["no-exception", "agrees-with-reference"]
    first, second = report.failures
    assert len(first.y_true) == 1 and "need at least two samples" in first.error
    # shrunk on its own: the smallest input of the second fault has exactly three samples
    assert len(second.y_true) == 3 and second.error is None
    assert second.got == sum(t == p for t, p in zip(second.y_true, second.y_pred))
    text = str(report)
    assert "2 distinct failures" in text and "failure 2 of 2" in text


def test_json_failures_replay_to_what_they_report() -> None:
    report = check_metric(accuracy_with_two_faults, "accuracy", num_classes=3, inputs="numpy",
                          target="m:accuracy_with_two_faults")
    record = json.loads(report.to_json())
    assert record["counterexample"]["violated"] == record["failures"][0]["property"]
    namespace = {"accuracy_with_two_faults": accuracy_with_two_faults, "numpy": np}
    for failure in record["failures"]:
        assert set(failure) == {"property", "call", "y_true", "y_pred", "kwargs", "expected", "got", "error"}
        if failure["error"] is None:
            assert eval(failure["call"], namespace) == failure["got"]
        else:
            with pytest.raises(ValueError) as raised:
                eval(failure["call"], namespace)
            assert failure["error"] == f"ValueError: {raised.value}"


def test_json_keeps_the_kwargs_of_the_call() -> None:
    def fbeta(y_true: list, y_pred: list, beta: float, scale: float = 1.0) -> float:
        return 0.5

    report = check_metric(fbeta, "fbeta", "micro", beta=2, scale=3.0, target="m:fbeta", examples=FEW)
    failure = json.loads(report.to_json())["failures"][0]
    assert failure["kwargs"] == {"beta": 2, "scale": 3.0}
    assert failure["call"].endswith(", beta=2, scale=3.0)")
    assert eval(failure["call"], {"fbeta": fbeta}) == 0.5


@pytest.mark.parametrize("returned, shown", [("None", "'None'"), (None, "None"), ([0.5], "[0.5]"),
                                             (True, "True")])
def test_a_non_numeric_return_is_its_own_property(returned: Any, shown: str) -> None:
    report = check_metric(lambda y_true, y_pred: returned, "accuracy", examples=FEW)
    cx = report.counterexample
    assert cx.violated == "returns-a-number" and cx.got == shown and len(report.failures) == 1
    assert json.loads(report.to_json())["failures"][0]["got"] == shown


def test_zero_d_arrays_and_per_label_lists_are_numbers() -> None:
    def accuracy_array(y_true: list, y_pred: list) -> np.ndarray:
        return np.array(_accuracy(y_true, y_pred))

    assert check_metric(accuracy_array, "accuracy", examples=FEW).ok
    def per_label_recall_list(y_true: list, y_pred: list, labels: list) -> list:
        return [float(v) for v in skm.recall_score(y_true, y_pred, average=None, labels=labels)]

    assert check_metric(per_label_recall_list, "recall", None, labels=[0, 1, 2], examples=FEW).ok


# --- keyword arguments for the function only ------------------------------------------


def test_keywords_the_reference_lacks_go_to_the_function_only() -> None:
    def macro_f1(y_true: list, y_pred: list, num_classes: int, average: str) -> float:
        assert num_classes == 10 and average == "macro"
        return f1_over_ten_labels(y_true, y_pred)

    bound = functools.partial(macro_f1, num_classes=10, average="macro")
    assert check_metric(bound, "f1", "macro", num_classes=10, examples=FEW).ok


def test_a_misspelt_reference_keyword_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="did you mean zero_division"):
        check_metric(f1_over_occurring_labels, "f1", "macro", zero_divison=1)


@pytest.mark.parametrize(
    "options, message",
    [
        ({"num_classes": 0}, "num_classes must be a whole number >= 1"),
        ({"absent_labels": "skip"}, "needs num_classes"),
        ({"num_classes": 3, "absent_labels": "sometimes"}, "absent_labels must be 'include' or 'skip'"),
        ({"num_classes": 3, "labels": [0, 1]}, "not both"),
        ({"inputs": "pandas"}, "inputs must be one of"),
        ({"rtol": -1}, "rtol must be a finite number >= 0"),
        ({"atol": float("nan")}, "atol must be a finite number >= 0"),
        ({"zero_division": 2}, "zero_division must be 0, 1 or nan"),
        ({"preds_first": "yes"}, "preds_first must be True or False"),
    ],
)
def test_bad_options_raise_one_usage_error(options: dict, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        check_metric(f1_over_occurring_labels, "f1", "macro", **options)


def test_binary_with_num_classes_needs_two() -> None:
    with pytest.raises(UsageError, match="needs num_classes=2"):
        check_metric(f1_over_occurring_labels, "f1", "binary", num_classes=3)
    binary = functools.partial(skm.f1_score, average="binary", zero_division=0)
    assert check_metric(binary, "f1", "binary", num_classes=2, examples=FEW).ok


# --- the command line -----------------------------------------------------------------


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["check", *argv], out, err)
    return code, out.getvalue(), err.getvalue()


def _torch_missing() -> bool:
    try:
        import torch  # noqa: F401
    except ImportError:
        return True
    return False


@pytest.mark.parametrize(
    "extra, fragment",
    [
        (["--num-classes", "0"], "--num-classes: expected a whole number >= 1"),
        (["--absent-labels", "skip"], "needs num_classes=C (CLI: --num-classes C)"),
        (["--rtol", "-1"], "--rtol: expected a finite number >= 0"),
        (["--atol", "inf"], "--atol: expected a finite number >= 0"),
        (["--zero-division", "2"], "--zero-division: invalid choice: '2'"),
        (["--inputs", "pandas"], "--inputs: invalid choice"),
    ],
)
def test_cli_bad_options_exit_2_with_one_line(extra: list[str], fragment: str) -> None:
    code, out, err = _cli("sklearn.metrics:f1_score", "--metric", "f1", "--average", "macro", *extra)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and fragment in err, err


@pytest.mark.skipif(not _torch_missing(), reason="torch is installed here, so --inputs torch cannot fail")
def test_cli_inputs_torch_without_torch_exits_2() -> None:
    code, out, err = _cli("sklearn.metrics:f1_score", "--metric", "f1", "--average", "macro", "--inputs", "torch")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "needs PyTorch" in err and "pip install torch" in err


def test_cli_options_reach_the_check() -> None:
    code, out, err = _cli("sklearn.metrics:precision_score", "--metric", "precision", "--average", "macro",
                          "--num-classes", "4", "--absent-labels", "skip", "--inputs", "numpy", "--zero-division",
                          "1", "--kwarg", 'average="macro"', "--kwarg", "zero_division=1", "--examples", "30",
                          "--json")
    assert code == 0, out + err
    record = json.loads(out)
    assert record["verdict"] == "agrees" and record["tolerance"] == {"rtol": 1e-9, "atol": 1e-12}
    assert record["failures"] == []
    code, out, _ = _cli("sklearn.metrics:precision_score", "--metric", "precision", "--average", "macro",
                        "--num-classes", "4", "--kwarg", 'average="macro"', "--preds-first", "--rtol", "0.5",
                        "--atol", "0", "--json")
    assert json.loads(out)["tolerance"] == {"rtol": 0.5, "atol": 0.0}


# --- kappa and mcc --------------------------------------------------------------------


def kappa_above_accuracy(y_true: list, y_pred: list) -> float:
    """Accuracy + 0.1: above accuracy, which Cohen's kappa never is when p_e < 1."""
    return _accuracy(y_true, y_pred) + 0.1


def test_kappa_at_most_accuracy_is_checked_where_chance_agreement_is_below_one() -> None:
    # ([0, 1], [0, 0]): accuracy 1/2; p_e = (1/2)(2/2) + (1/2)(0/2) = 1/2 < 1, kappa = (1/2 - 1/2) / (1 - 1/2) = 0
    assert skm.cohen_kappa_score([0, 1], [0, 0]) == 0.0
    report = check_metric(kappa_above_accuracy, "kappa", examples=FEW)
    assert "kappa-at-most-accuracy" in report.properties
    # ([0], [0]) has p_e = 1: kappa is undefined (nan), so only the reference disagrees there;
    # the identity is then found on its own, on two labels
    cx = next(cx for cx in report.failures if cx.violated == "kappa-at-most-accuracy")
    assert cx.got == pytest.approx(cx.expected + 0.1) and len(set(cx.y_true) | set(cx.y_pred)) == 2
    assert "expected at most" in str(report)
    assert check_metric(skm.cohen_kappa_score, "kappa", examples=FEW).ok


def mcc_halved_when_more_labels_are_predicted(y_true: list, y_pred: list) -> float:
    """Right unless the predicted labels add up to more than the true ones: then half (not symmetric)."""
    value = skm.matthews_corrcoef(y_true, y_pred)
    return value / 2 if sum(y_pred) > sum(y_true) else value


def test_mcc_symmetry_is_checked() -> None:
    assert check_metric(skm.matthews_corrcoef, "mcc", examples=FEW).ok
    report = check_metric(mcc_halved_when_more_labels_are_predicted, "mcc", num_classes=3)
    assert "mcc-symmetric" in report.properties
    assert {"agrees-with-reference", "mcc-symmetric"} <= {cx.violated for cx in report.failures}, str(report)
    with pytest.raises(UsageError, match="mcc takes no average"):
        check_metric(skm.matthews_corrcoef, "mcc", "macro")
    with pytest.raises(UsageError, match="single-label input only"):
        check_metric(skm.matthews_corrcoef, "mcc", multilabel=True)
