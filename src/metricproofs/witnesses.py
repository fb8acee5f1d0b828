"""What a dataset gives in the reference implementation, claim by claim.

A counterexample found by a solver is shown only after it has been re-evaluated
numerically by :mod:`metricproofs.reference` (scikit-learn's semantics, independent of
the solver encoding). For each claim this module says which reference values to compute
(``values``), when they contradict the claim (``violated``) and how to print a call the
user can paste into a Python shell with scikit-learn (``call``).

Each entry is a dict of keyword arguments for :class:`metricproofs.catalogue.Claim`.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from typing import Any, Callable

__all__ = ["Dataset", "close"]

TOLERANCE = 1e-9


@dataclass
class Dataset:
    """A decoded counterexample: the arguments a user would pass to scikit-learn."""

    y_true: list
    y_pred: list
    labels: list | None = None
    sample_weight: list | None = None
    params: dict[str, float] = field(default_factory=dict)  # beta, zero_division z, ...

    def kwargs(self, **extra: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.labels is not None:
            out["labels"] = self.labels
        if self.sample_weight is not None:
            out["sample_weight"] = self.sample_weight
        out.update(extra)
        return out

    def call(self, function: str, **extra: Any) -> str:
        args = [repr(self.y_true), repr(self.y_pred)]
        args += [f"{key}={value!r}" for key, value in self.kwargs(**extra).items()]
        return f"{function}({', '.join(args)})"


def close(x: float, y: float) -> bool:
    """Equal up to float rounding (the reference computes in floating point)."""
    return math.isclose(x, y, rel_tol=TOLERANCE, abs_tol=TOLERANCE)


def _ref() -> Any:
    from metricproofs import reference

    return reference


def _prf(data: Dataset, average: str = "micro", beta: float = 1.0) -> tuple[float, float, float]:
    p, r, f, _ = _ref().precision_recall_fscore_support(
        data.y_true, data.y_pred, beta=beta, average=average, zero_division=0.0, **data.kwargs())
    return float(p), float(r), float(f)


def _acc(data: Dataset) -> float:
    kw = {"sample_weight": data.sample_weight} if data.sample_weight is not None else {}
    return float(_ref().accuracy_score(data.y_true, data.y_pred, **kw))


def _entry(values: Callable[[Dataset], dict[str, float]], violated: Callable[[dict[str, float]], bool],
           call: Callable[[Dataset], str]) -> dict[str, Any]:
    return {"values": values, "violated": violated, "call": call}


def _micro_all(data: Dataset) -> dict[str, float]:
    p, r, f = _prf(data)
    return {"micro_precision": p, "micro_recall": r, "micro_f1": f, "accuracy": _acc(data)}


def _all_equal(keys: tuple[str, ...]) -> Callable[[dict[str, float]], bool]:
    return lambda v: not all(close(v[keys[0]], v[key]) for key in keys[1:])


def _prf_call(data: Dataset, extra: str = "") -> str:
    return data.call("precision_recall_fscore_support", average="micro") + extra


fp_fn_balance = _entry(
    lambda data: _fp_fn(data),
    lambda v: not (close(v["sum_fp"], v["sum_fn"]) and close(v["sum_fn"], v["errors"])),
    lambda data: data.call("multilabel_confusion_matrix"),
)


def _fp_fn(data: Dataset) -> dict[str, float]:
    mcm = _ref().multilabel_confusion_matrix(data.y_true, data.y_pred, **data.kwargs())
    total = sum(data.sample_weight) if data.sample_weight is not None else len(data.y_true)
    acc = _acc(data)
    return {"sum_fp": float(mcm[:, 0, 1].sum()), "sum_fn": float(mcm[:, 1, 0].sum()),
            "errors": float(total) * (1.0 - acc)}


micro_precision_equals_recall = _entry(_micro_all, _all_equal(("micro_precision", "micro_recall")), _prf_call)
micro_f1_equals_accuracy = _entry(_micro_all, _all_equal(("micro_f1", "micro_precision", "micro_recall", "accuracy")), _prf_call)
binary_micro_equals_accuracy = micro_f1_equals_accuracy
sample_weights_preserve_identity = micro_f1_equals_accuracy
micro_superset_labels_equals_accuracy = _entry(_micro_all, _all_equal(("micro_precision", "micro_recall", "accuracy")), _prf_call)


def _fbeta_values(data: Dataset) -> dict[str, float]:
    beta = data.params.get("beta", 1.0)
    _, _, f = _prf(data, beta=beta)
    return {"beta": beta, "micro_fbeta": f, "accuracy": _acc(data)}


micro_fbeta_equals_accuracy = _entry(_fbeta_values, _all_equal(("micro_fbeta", "accuracy")),
                     lambda data: data.call("fbeta_score", beta=data.params.get("beta", 1.0), average="micro"))


def _weighted_recall_values(data: Dataset) -> dict[str, float]:
    _, r, _ = _prf(data, average="weighted")
    return {"weighted_recall": r, "accuracy": _acc(data)}


weighted_recall_equals_accuracy = _entry(_weighted_recall_values, _all_equal(("weighted_recall", "accuracy")),
                         lambda data: data.call("recall_score", average="weighted"))


def _prediction_weighted_values(data: Dataset) -> dict[str, float]:
    ref = _ref()
    labels = data.labels
    p, _, _, _ = ref.precision_recall_fscore_support(data.y_true, data.y_pred, average=None, zero_division=0.0,
                                                     **data.kwargs())
    counts = ref.confusion_matrix(data.y_true, data.y_pred, labels=labels,
                                  sample_weight=data.sample_weight).sum(axis=0)
    return {"prediction_weighted_precision": float((p * counts).sum() / counts.sum()), "accuracy": _acc(data)}


prediction_weighted_precision_equals_accuracy = _entry(_prediction_weighted_values, _all_equal(("prediction_weighted_precision", "accuracy")),
                             lambda data: data.call("precision_recall_fscore_support", average=None))


def _jaccard_values(data: Dataset) -> dict[str, float]:
    acc = _acc(data)
    j = float(_ref().jaccard_score(data.y_true, data.y_pred, average="micro", **data.kwargs()))
    return {"micro_jaccard": j, "acc/(2-acc)": acc / (2 - acc), "accuracy": acc}


micro_jaccard_from_accuracy = _entry(_jaccard_values, _all_equal(("micro_jaccard", "acc/(2-acc)")),
                       lambda data: data.call("jaccard_score", average="micro"))


def _symmetric_values(data: Dataset) -> dict[str, float]:
    p, r, f = _prf(data)
    swapped = Dataset(data.y_pred, data.y_true, data.labels, data.sample_weight, data.params)
    ps, rs, fs = _prf(swapped)
    return {"micro_precision": p, "micro_recall": r, "micro_f1": f,
            "swapped_precision": ps, "swapped_recall": rs, "swapped_f1": fs}


micro_metrics_symmetric = _entry(_symmetric_values,
                   lambda v: not (close(v["micro_precision"], v["swapped_precision"]) and
                                  close(v["micro_recall"], v["swapped_recall"]) and close(v["micro_f1"], v["swapped_f1"])),
                   _prf_call)


def _ovr_values(data: Dataset) -> dict[str, float]:
    mcm = _ref().multilabel_confusion_matrix(data.y_true, data.y_pred, sample_weight=data.sample_weight)
    totals = mcm.sum(axis=(1, 2))
    ovr = (mcm[:, 0, 0] + mcm[:, 1, 1]) / totals
    k = len(ovr)
    acc = _acc(data)
    return {"mean_ovr_accuracy": float(ovr.mean()), "1-2(1-acc)/k": 1 - 2 * (1 - acc) / k}


ovr_accuracy_from_accuracy = _entry(_ovr_values, _all_equal(("mean_ovr_accuracy", "1-2(1-acc)/k")),
             lambda data: data.call("multilabel_confusion_matrix"))


def _macro_values(data: Dataset) -> dict[str, float]:
    p, r, f = _prf(data, average="macro")
    mp, mr, mf = _prf(data, average="micro")
    f1_of_avg = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return {"macro_precision": p, "macro_recall": r, "macro_f1": f, "f1_of_macro_averages": f1_of_avg,
            "micro_f1": mf}


f1_of_averages_at_least_averaged_f1 = _entry(_macro_values, lambda v: v["f1_of_macro_averages"] < v["macro_f1"] - 1e-9,
                        lambda data: data.call("precision_recall_fscore_support", average="macro"))
macro_precision_equals_recall = _entry(_macro_values, _all_equal(("macro_precision", "macro_recall")),
                   lambda data: data.call("precision_recall_fscore_support", average="macro"))
macro_f1_definitions_agree = _entry(_macro_values, _all_equal(("macro_f1", "f1_of_macro_averages")),
                              lambda data: data.call("precision_recall_fscore_support", average="macro"))
macro_f1_between_macro_precision_and_recall = _entry(
    _macro_values,
    lambda v: not (min(v["macro_precision"], v["macro_recall"]) - 1e-9 <= v["macro_f1"]
                   <= max(v["macro_precision"], v["macro_recall"]) + 1e-9),
    lambda data: data.call("precision_recall_fscore_support", average="macro"))
micro_f1_at_least_macro_f1 = _entry(_macro_values, lambda v: v["micro_f1"] < v["macro_f1"] - 1e-9,
                        lambda data: data.call("f1_score", average="macro") + "  # vs average='micro'")


def _weighted_precision_values(data: Dataset) -> dict[str, float]:
    p, _, _ = _prf(data, average="weighted")
    return {"weighted_precision": p, "accuracy": _acc(data)}


weighted_precision_equals_accuracy = _entry(_weighted_precision_values, _all_equal(("weighted_precision", "accuracy")),
                            lambda data: data.call("precision_score", average="weighted"))

micro_subset_precision_equals_recall = _entry(_micro_all, _all_equal(("micro_precision", "micro_recall")), _prf_call)
abstaining_micro_precision_equals_recall = micro_subset_precision_equals_recall
multilabel_micro_precision_equals_recall = _entry(lambda data: dict(zip(("micro_precision", "micro_recall", "micro_f1"), _prf(data))),
                    _all_equal(("micro_precision", "micro_recall")), _prf_call)
top_k_micro_precision_equals_recall = multilabel_micro_precision_equals_recall


def _multilabel_iff_values(data: Dataset) -> dict[str, float]:
    p, r, _ = _prf(data)
    true_total = float(sum(map(sum, data.y_true)))
    pred_total = float(sum(map(sum, data.y_pred)))
    return {"micro_precision": p, "micro_recall": r, "true_labels": true_total, "predicted_labels": pred_total}


multilabel_micro_equal_iff_equal_totals = _entry(_multilabel_iff_values,
                        lambda v: close(v["micro_precision"], v["micro_recall"]) != (v["true_labels"] == v["predicted_labels"]),
                        _prf_call)


def _fbeta_forms_values(data: Dataset) -> dict[str, float]:
    beta = data.params.get("beta", 1.0)
    p, r, f, _ = _ref().precision_recall_fscore_support(data.y_true, data.y_pred, beta=beta, average=None,
                                                        labels=[0], zero_division=0.0)
    p, r, f = float(p[0]), float(r[0]), float(f[0])
    harmonic = (1 + beta**2) * p * r / (beta**2 * p + r) if beta**2 * p + r > 0 else 0.0
    return {"fbeta_count_form": f, "fbeta_harmonic_form": harmonic}


fbeta_count_form_equals_harmonic_form = _entry(_fbeta_forms_values, _all_equal(("fbeta_count_form", "fbeta_harmonic_form")),
                     lambda data: data.call("fbeta_score", beta=data.params.get("beta", 1.0), labels=[0], average=None))


def _balanced_values(data: Dataset, labels_of_truth: bool) -> dict[str, float]:
    ref = _ref()
    kw = {"sample_weight": data.sample_weight} if data.sample_weight is not None else {}
    with warnings.catch_warnings():  # "y_pred contains classes not in y_true" is the point here
        warnings.simplefilter("ignore")
        bal = float(ref.balanced_accuracy_score(data.y_true, data.y_pred, **kw))
    labels = sorted(set(data.y_true)) if labels_of_truth else None
    r = float(ref.recall_score(data.y_true, data.y_pred, labels=labels, average="macro", zero_division=0.0, **kw))
    return {"balanced_accuracy": bal, "macro_recall": r}


balanced_accuracy_equals_macro_recall_over_true_labels = _entry(lambda data: _balanced_values(data, True), _all_equal(("balanced_accuracy", "macro_recall")),
                              lambda data: data.call("balanced_accuracy_score"))
balanced_accuracy_equals_macro_recall = _entry(lambda data: _balanced_values(data, False), _all_equal(("balanced_accuracy", "macro_recall")),
                          lambda data: data.call("balanced_accuracy_score") + "  # vs " +
                          data.call("recall_score", average="macro"))


# --- the second catalogue: chance-corrected agreement ---------------------------------------------


def _binary_rates(data: Dataset) -> dict[str, float]:
    """TPR, TNR, PPV, NPV of label 1 (recall and precision of labels 1 and 0), from the reference."""
    p, r, _, _ = _ref().precision_recall_fscore_support(data.y_true, data.y_pred, labels=[0, 1], average=None,
                                                        zero_division=0.0, sample_weight=data.sample_weight)
    return {"TPR": float(r[1]), "TNR": float(r[0]), "PPV": float(p[1]), "NPV": float(p[0])}


def _agreement_values(data: Dataset) -> dict[str, float]:
    ref = _ref()
    kw = {"sample_weight": data.sample_weight} if data.sample_weight is not None else {}
    with warnings.catch_warnings():  # a single-label dataset warns; the values are what matter here
        warnings.simplefilter("ignore")
        kappa = float(ref.cohen_kappa_score(data.y_true, data.y_pred, **kw))
        mcc = float(ref.matthews_corrcoef(data.y_true, data.y_pred, **kw))
    return {"cohen_kappa": kappa, "mcc": mcc, "accuracy": _acc(data)}


def _binary_values(data: Dataset) -> dict[str, float]:
    rates = _binary_rates(data)
    informedness = rates["TPR"] + rates["TNR"] - 1
    markedness = rates["PPV"] + rates["NPV"] - 1
    values = _agreement_values(data)
    kw = {"sample_weight": data.sample_weight} if data.sample_weight is not None else {}
    values.update(rates, informedness=informedness, markedness=markedness,
                  mcc_squared=values["mcc"] ** 2, informedness_x_markedness=informedness * markedness,
                  adjusted_balanced_accuracy=float(_ref().balanced_accuracy_score(
                      data.y_true, data.y_pred, adjusted=True, **kw)))
    return values


def _sign(x: float) -> int:
    return 0 if close(x, 0.0) else (1 if x > 0 else -1)


kappa_at_most_accuracy = _entry(_agreement_values, lambda v: v["cohen_kappa"] > v["accuracy"] + TOLERANCE,
                                lambda data: data.call("cohen_kappa_score") + "  # vs " + data.call("accuracy_score"))
kappa_equals_accuracy = _entry(_agreement_values, _all_equal(("cohen_kappa", "accuracy")),
                               lambda data: data.call("cohen_kappa_score") + "  # vs " + data.call("accuracy_score"))
binary_mcc_squared_equals_informedness_times_markedness = _entry(
    _binary_values,
    lambda v: not close(v["mcc_squared"], v["informedness_x_markedness"])
    or not _sign(v["mcc"]) == _sign(v["informedness"]) == _sign(v["markedness"]),
    lambda data: data.call("matthews_corrcoef") + "  # vs " + data.call("precision_recall_fscore_support",
                                                                       average=None))
binary_mcc_equals_kappa = _entry(_binary_values, _all_equal(("mcc", "cohen_kappa")),
                                 lambda data: data.call("matthews_corrcoef") + "  # vs " + data.call("cohen_kappa_score"))
binary_adjusted_balanced_accuracy_equals_informedness = _entry(
    _binary_values, _all_equal(("adjusted_balanced_accuracy", "informedness")),
    lambda data: data.call("balanced_accuracy_score", adjusted=True) + "  # vs " + data.call("recall_score",
                                                                                           average=None))


def _mcc_symmetric_values(data: Dataset) -> dict[str, float]:
    swapped = Dataset(data.y_pred, data.y_true, data.labels, data.sample_weight, data.params)
    return {"mcc": _agreement_values(data)["mcc"], "swapped_mcc": _agreement_values(swapped)["mcc"]}


mcc_symmetric = _entry(_mcc_symmetric_values, _all_equal(("mcc", "swapped_mcc")),
                       lambda data: data.call("matthews_corrcoef"))


# --- the second catalogue: IEEE-754 float64, compared bit for bit in scikit-learn itself ----------
# These witnesses run scikit-learn, not the reference: the claims are about scikit-learn's own
# float64 arithmetic (the reference computes micro P and R from one equality count, so it never
# shows the difference). Without scikit-learn they raise, and the prover reports an error.


def _sklearn() -> Any:
    import sklearn.metrics

    return sklearn.metrics


def _float64_p_r_values(data: Dataset) -> dict[str, float]:
    sk = _sklearn()
    kw = data.kwargs(average="micro")
    return {"precision_score": float(sk.precision_score(data.y_true, data.y_pred, **kw)),
            "recall_score": float(sk.recall_score(data.y_true, data.y_pred, **kw))}


def _float64_f1_acc_values(data: Dataset) -> dict[str, float]:
    sk = _sklearn()
    return {"f1_score": float(sk.f1_score(data.y_true, data.y_pred, **data.kwargs(average="micro"))),
            "accuracy_score": float(sk.accuracy_score(data.y_true, data.y_pred, sample_weight=data.sample_weight))}


def _bits_differ(a: str, b: str) -> Callable[[dict[str, float]], bool]:
    return lambda v: v[a] != v[b]  # == on doubles, as the user's assert does: no tolerance on purpose


def _bitwise_call(left: str, right: str, values: Callable[[Dataset], dict[str, float]],
                  keys: tuple[str, str]) -> Callable[[Dataset], str]:
    """``left(...) == right(...)  # False: a vs b``, the comparison a user's test makes, pasteable."""
    def call(data: Dataset) -> str:
        got = values(data)
        verdict = "True" if got[keys[0]] == got[keys[1]] else "False"
        return f"{left} == {right}  # {verdict}: {got[keys[0]]!r} vs {got[keys[1]]!r}"
    return call


def _P_R_CALL(data: Dataset) -> str:
    return _bitwise_call(data.call("precision_score", average="micro"), data.call("recall_score", average="micro"),
                         _float64_p_r_values, ("precision_score", "recall_score"))(data)


def _F1_ACC_CALL(data: Dataset) -> str:
    return _bitwise_call(data.call("f1_score", average="micro"), data.call("accuracy_score"),
                         _float64_f1_acc_values, ("f1_score", "accuracy_score"))(data)


float64_micro_precision_equals_recall_integer_weights = _entry(
    _float64_p_r_values, _bits_differ("precision_score", "recall_score"), _P_R_CALL)
float64_micro_precision_equals_recall = _entry(
    _float64_p_r_values, _bits_differ("precision_score", "recall_score"), _P_R_CALL)
float64_micro_precision_equals_recall_large_integer_weights = _entry(
    _float64_p_r_values, _bits_differ("precision_score", "recall_score"), _P_R_CALL)
float64_micro_f1_equals_accuracy_score = _entry(
    _float64_f1_acc_values, _bits_differ("f1_score", "accuracy_score"), _F1_ACC_CALL)
