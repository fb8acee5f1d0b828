"""The averaging, zero_division and warning rules of metricproofs.reference, and its public defaults.

What they protect:
- UndefinedMetricWarning is scikit-learn's, message for message: which metric warns
  (each wrapper warns only for the metric it returns, ``warn_for``), and the exact text
  (metric name, "no predicted / true / true nor predicted / true or predicted", "due to"
  for one ratio, "in labels with" per label, samples and labels swapped for
  ``average='samples'``). scikit-learn 1.9.1 is the oracle, called on the same input.
- zero_division replaces 0/0 quietly: no numpy RuntimeWarning leaks out of the division
  or out of confusion-matrix normalisation; each wrapper forwards the value it is given.
- The warnings of this module point at the caller's line (scikit-learn's point inside
  scikit-learn, so this is a property of ours, stated by the stacklevels in reference.py).
- Public defaults: ``pos_label=1`` and ``average='binary'`` (worked by hand).
- jaccard_score's averaging corners: weighted with no support falls back to the plain
  mean, an empty label list gives nan, a bad ``average`` is refused.
- Error messages read exactly as written, so a message can be quoted in documentation.
"""

from __future__ import annotations

import re
import sys
import warnings
from typing import Any, Callable

import numpy as np
import pytest
from sklearn import metrics as skm
from sklearn.exceptions import UndefinedMetricWarning as SkUndefined

from metricproofs import reference as ref

PRFS = "precision_recall_fscore_support"

# Indicator data: row 0 has no true and no predicted label; row 1 has one true label, missed.
NO_LABELS_TRUE = np.array([[0, 0], [1, 0]])
NO_LABELS_PRED = np.array([[0, 0], [0, 0]])


def run_recording(module: Any, undefined: type, name: str, *args: Any, **kwargs: Any) -> tuple[Any, list]:
    """Call ``module.name`` and return its result and every warning as (kind, message)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = getattr(module, name)(*args, **kwargs)
    kinds = [("UndefinedMetricWarning" if issubclass(w.category, undefined) else w.category.__name__,
              str(w.message)) for w in caught]
    return result, kinds


def same_value(a: Any, b: Any) -> bool:
    """Equal to 1e-12 (NaN equals NaN), elementwise through tuples; None only equals None."""
    if isinstance(b, tuple):
        return isinstance(a, tuple) and len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    if b is None:
        return a is None
    a_arr, b_arr = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return a_arr.shape == b_arr.shape and bool(np.allclose(a_arr, b_arr, rtol=0, atol=1e-12, equal_nan=True))


# --------------------------------------------------------------------------- warnings like scikit-learn

# (function, args, kwargs, what the case exercises). Counts are given so the expected
# warnings can be read off: P = TP/pred, R = TP/true, F = (1+b^2) TP/(b^2 true + pred).
WARNING_CASES: list[tuple[str, tuple, dict, str]] = [
    # label 0: TP 2, pred 3, true 2; label 1: true 1 only (P 0/0); label 2: absent (P, R, F 0/0).
    (PRFS, ([0, 0, 1], [0, 0, 0]), {"labels": [0, 1, 2]}, "per label: P, R and F warn 'in labels with'"),
    (PRFS, ([0, 0, 1], [0, 0, 0]), {"labels": [0, 1, 2], "warn_for": ("recall",)}, "warn_for selects recall"),
    (PRFS, ([0, 0, 1], [0, 0, 0]), {"labels": [0, 1, 2], "warn_for": ()}, "warn_for empty: silent"),
    (PRFS, ([0, 0, 1], [0, 0, 0]), {"labels": [0, 1, 2], "zero_division": 0}, "zero_division=0: silent"),
    (PRFS, ([0, 0, 1], [0, 0, 0]), {"labels": [0, 1, 2], "zero_division": 1.0}, "zero_division=1: silent"),
    # binary, pos_label 1: TP 0, pred 0, true 1 -> only P is 0/0, a single ratio: 'due to'.
    (PRFS, ([0, 0, 1], [0, 0, 0]), {"average": "binary"}, "binary: P warns 'due to'"),
    # micro over label 1: TP 0, pred 0, true 1 -> one summed ratio: 'due to'.
    (PRFS, ([0, 1], [0, 0]), {"average": "micro", "labels": [1]}, "micro: 'due to'"),
    # samples: row 0 predicts nothing (P 0/0), row 1 predicts its label -> 'in samples with ... labels'.
    (PRFS, (np.array([[0, 1], [1, 0]]), np.array([[0, 0], [1, 0]])), {"average": "samples"},
     "samples: P warns 'in samples with no predicted labels'"),
    # samples: row 0 is empty in both -> P, R and F 0/0 (row 1 has R = 0/1, P 0/0).
    (PRFS, (NO_LABELS_TRUE, NO_LABELS_PRED), {"average": "samples"}, "samples: P, R and F warn"),
    # samples with one sample, empty in both: one ratio per metric -> 'due to no ... labels'.
    (PRFS, (np.array([[0, 0]]), np.array([[0, 0]])), {"average": "samples"}, "one sample: 'due to'"),
    # the same matrices averaged per column: column 1 is empty -> 'in labels with ... samples'.
    (PRFS, (NO_LABELS_TRUE, NO_LABELS_PRED), {"average": "macro"}, "macro on indicators: per label"),
    ("f1_score", (NO_LABELS_TRUE, NO_LABELS_PRED), {"average": "samples"}, "f1 samples: F only"),
    ("f1_score", ([0, 0, 1], [0, 0, 0]), {"labels": [0, 1, 2], "average": None}, "f1 per label: F only"),
    # binary: TP 0, pred 0, true 1 -> P is 0/0 but F = 0 / (1 + 0) is defined: f1 stays silent.
    ("f1_score", ([0, 0, 1], [0, 0, 0]), {}, "f1 does not warn for precision"),
    ("f1_score", ([0, 0, 0], [0, 0, 0]), {}, "f1 binary, pos_label 1 absent: F 'due to'"),
    # strings, one label: pos_label=1 (default) cannot occur, all its counts are zero.
    ("f1_score", (["a", "a"], ["a", "a"]), {}, "default pos_label absent from string data"),
    ("f1_score", (["a", "a"], ["a", "a"]), {"pos_label": "c"}, "pos_label absent: one ratio"),
    ("fbeta_score", ([0, 0], [0, 0]), {"beta": 2.0}, "fbeta warns for F"),
    # pos_label 1: TP 0, pred 1, true 0 -> R is 0/0, P = 0/1 defined: precision_score silent.
    ("precision_score", ([0, 0], [0, 1]), {}, "precision does not warn for recall"),
    ("precision_score", ([0, 0, 1], [0, 0, 0]), {}, "precision warns for P"),
    # pos_label 1: TP 0, pred 0, true 1 -> P is 0/0, R = 0/1 defined: recall_score silent.
    ("recall_score", ([0, 1], [0, 0]), {}, "recall does not warn for precision"),
    ("recall_score", ([0, 0], [0, 1]), {}, "recall warns for R"),
    # label 2: TP 0, pred 1, true 0 -> 0/1; label 5: absent -> 0/0.
    ("jaccard_score", ([0, 1], [0, 2]), {"labels": [2, 5], "average": "weighted"}, "jaccard per label"),
    ("jaccard_score", (["a", "a"], ["a", "a"]), {"pos_label": "c"}, "jaccard, pos_label absent"),
    ("jaccard_score", (NO_LABELS_TRUE, NO_LABELS_PRED), {"average": "samples"}, "jaccard samples"),
    ("balanced_accuracy_score", ([0, 0, 1], [0, 2, 1]), {}, "class only predicted"),
    (PRFS, ([0, 1, 2], [0, 1, 2]), {"average": "macro", "pos_label": 2}, "pos_label ignored"),
    # label 2 never occurs: its row (normalize='true') or column ('pred') sums to 0 -> 0, quietly.
    ("confusion_matrix", ([0, 1, 1], [0, 1, 0]), {"labels": [0, 1, 2], "normalize": "true"}, "0/0 row"),
    ("confusion_matrix", ([0, 1, 1], [0, 1, 0]), {"labels": [0, 1, 2], "normalize": "pred"}, "0/0 column"),
]


@pytest.mark.parametrize(("name", "args", "kwargs", "what"), WARNING_CASES,
                         ids=[case[3] for case in WARNING_CASES])
def test_same_value_and_same_warnings_as_sklearn(name: str, args: tuple, kwargs: dict, what: str) -> None:
    got, got_warnings = run_recording(ref, ref.UndefinedMetricWarning, name, *args, **kwargs)
    want, want_warnings = run_recording(skm, SkUndefined, name, *args, **kwargs)
    assert same_value(got, want)
    assert got_warnings == want_warnings


class TestWarningText:
    """The ill-defined warning's full text, as scikit-learn words it (checked above on data)."""

    def test_precision_per_label_message(self) -> None:
        with pytest.warns(ref.UndefinedMetricWarning) as record:
            ref.precision_score([0, 0, 1], [0, 0, 0], labels=[0, 1, 2], average=None)
        assert [str(w.message) for w in record] == [
            "Precision is ill-defined and being set to 0.0 in labels with no predicted samples. "
            "Use `zero_division` parameter to control this behavior."]

    def test_f_score_samples_message_with_one_sample(self) -> None:
        with pytest.warns(ref.UndefinedMetricWarning) as record:
            ref.f1_score(np.array([[0, 0]]), np.array([[0, 0]]), average="samples")
        assert [str(w.message) for w in record] == [
            "F-score is ill-defined and being set to 0.0 due to no true nor predicted labels. "
            "Use `zero_division` parameter to control this behavior."]


# --------------------------------------------------------------------------- stacklevel


def warning_files(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> list[tuple[type, str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fn(*args, **kwargs)
    return [(w.category, w.filename) for w in caught]


# mutmut's trampolines wrap each mutated function (functools.wraps sets ``__wrapped__``) and
# add a frame per call, so a stacklevel that reaches the caller through several calls of
# reference.py cannot reach it there; those tests only run on the plain module.
INSTRUMENTED = hasattr(ref.precision_recall_fscore_support, "__wrapped__")
plain_module_only = pytest.mark.skipif(INSTRUMENTED, reason="a trampoline frame per call under mutmut")


class TestWarningsPointAtTheCaller:
    """A warning names the user's line, not a line inside reference.py (or pytest).

    scikit-learn's warnings point inside scikit-learn; here every warning is attributed to the
    first frame outside reference.py, so the user sees the line that called the public function.
    """

    @plain_module_only
    def test_precision_and_recall_warnings_from_precision_recall_fscore_support(self) -> None:
        # label 1: P 0/0; label 2 absent: P and R 0/0. F is not asked for.
        found = warning_files(ref.precision_recall_fscore_support, [0, 0, 1], [0, 0, 0],
                              labels=[0, 1, 2], warn_for=("precision", "recall"))
        assert found == [(ref.UndefinedMetricWarning, __file__)] * 2

    @plain_module_only
    def test_jaccard_warning(self) -> None:
        found = warning_files(ref.jaccard_score, [0, 1], [0, 2], labels=[2, 5], average=None)
        assert found == [(ref.UndefinedMetricWarning, __file__)]

    @plain_module_only
    def test_ignored_pos_label_warning(self) -> None:
        found = warning_files(ref.precision_recall_fscore_support, [0, 1, 2], [0, 1, 2],
                              average="macro", pos_label=2)
        assert found == [(UserWarning, __file__)]

    def test_balanced_accuracy_warning(self) -> None:
        # Warned from balanced_accuracy_score itself: one level up is its caller, which is the
        # trampoline when mutmut wraps the function (as in test_reference_counting).
        wrapped = hasattr(ref.balanced_accuracy_score, "__wrapped__")
        caller = ref.balanced_accuracy_score.__code__.co_filename if wrapped else __file__
        found = warning_files(ref.balanced_accuracy_score, [0, 0, 1], [0, 2, 1])
        assert found == [(UserWarning, caller)]
        assert caller != ref.__file__


# --------------------------------------------------------------------------- defaults and forwarding

# pos_label 1: TP 1 (sample 2), FP 1 (sample 1), FN 2 (samples 3, 4).
# P = 1/2, R = 1/3, F1 = 2*1 / (2*1 + 1 + 2) = 2/5, F2 = 5*1 / (4*3 + 2) = 5/14,
# Jaccard = 1 / (1 + 1 + 2) = 1/4. With pos_label 0 every value would be 0 (no TP for 0).
DEFAULT_TRUE = [0, 1, 1, 1]
DEFAULT_PRED = [1, 1, 0, 0]


class TestDefaults:
    """Without keywords the set-wise scores are binary scores of the label 1."""

    def test_scores_default_to_binary_with_pos_label_one(self) -> None:
        assert ref.precision_score(DEFAULT_TRUE, DEFAULT_PRED) == 1 / 2
        assert ref.recall_score(DEFAULT_TRUE, DEFAULT_PRED) == 1 / 3
        assert ref.f1_score(DEFAULT_TRUE, DEFAULT_PRED) == pytest.approx(2 / 5, abs=1e-15)
        assert ref.fbeta_score(DEFAULT_TRUE, DEFAULT_PRED, beta=2.0) == pytest.approx(5 / 14, abs=1e-15)
        assert ref.jaccard_score(DEFAULT_TRUE, DEFAULT_PRED) == 1 / 4

    def test_precision_recall_fscore_support_defaults_to_per_label_without_pos_label_note(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # the default pos_label must not count as "set"
            p, r, f, s = ref.precision_recall_fscore_support(DEFAULT_TRUE, DEFAULT_PRED)
            ref.precision_recall_fscore_support(DEFAULT_TRUE, DEFAULT_PRED, average="macro")
        # label 0: TP 0, pred 2, true 1; label 1: as above.
        assert (p.tolist(), r.tolist(), s.tolist()) == ([0.0, 1 / 2], [0.0, 1 / 3], [1, 3])

    @pytest.mark.parametrize("name", ["f1_score", "jaccard_score", "precision_score", "recall_score"])
    def test_zero_division_is_forwarded(self, name: str) -> None:
        # pos_label 1 never occurs: every ratio is 0/0 and takes the zero_division value.
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a chosen zero_division never warns
            assert getattr(ref, name)([0, 0], [0, 0], zero_division=1) == 1.0

    def test_fbeta_forwards_zero_division(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert ref.fbeta_score([0, 0], [0, 0], beta=0.5, zero_division=1) == 1.0

    def test_per_label_counts_of_weighted_indicators_keep_the_column_labels(self) -> None:
        y_true = np.array([[1, 0, 1], [0, 1, 1]])
        y_pred = np.array([[1, 1, 0], [0, 1, 1]])
        # weights 2 and 0.5: column 0 TP row 0 (2); column 1 TP row 1 (0.5), FP row 0 (2);
        # column 2 TP row 1 (0.5), FN row 0 (2).
        labels, tp, fp, fn, support = ref.per_label_counts(y_true, y_pred, sample_weight=[2.0, 0.5])
        assert labels.tolist() == [0, 1, 2]
        assert (tp.tolist(), fp.tolist(), fn.tolist(), support.tolist()) == (
            [2.0, 0.5, 0.5], [0.0, 2.0, 0.0], [0.0, 0.0, 2.0], [2.0, 0.5, 2.5])


# --------------------------------------------------------------------------- jaccard averaging


class TestJaccardAveraging:
    def test_weighted_without_support_is_the_plain_mean(self) -> None:
        # label 1: TP 0, pred 1, true 0 -> 0; label 3: absent -> zero_division 1.
        # Both supports are 0, so the weights are dropped: (0 + 1) / 2.
        score = ref.jaccard_score([0, 0], [1, 2], labels=[1, 3], average="weighted", zero_division=1)
        assert score == 1 / 2
        assert skm.jaccard_score([0, 0], [1, 2], labels=[1, 3], average="weighted", zero_division=1) == 1 / 2

    def test_weighted_with_support_uses_it(self) -> None:
        # label 0: TP 1, FP 0, FN 1 -> 1/2 (support 2); label 1: TP 1, FP 1, FN 0 -> 1/2 (support 1);
        # label 2: absent -> zero_division 1 (support 0): (2*1/2 + 1*1/2 + 0*1) / 3 = 1/2.
        score = ref.jaccard_score([0, 0, 1], [0, 1, 1], labels=[0, 1, 2], average="weighted", zero_division=1)
        assert score == pytest.approx(1 / 2, abs=1e-15)

    @pytest.mark.parametrize("average", ["macro", "weighted"])
    def test_empty_label_list_averages_to_nan(self, average: str) -> None:
        # No label: a mean over nothing (scikit-learn returns nan too, with numpy's warnings).
        # (micro is one ratio of summed counts, 0/0 there, so it takes zero_division instead.)
        score = ref.jaccard_score([0, 1], [0, 1], labels=[], average=average)
        assert np.isnan(score)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            assert np.isnan(skm.jaccard_score([0, 1], [0, 1], labels=[], average=average))

    def test_unknown_average_is_refused(self) -> None:
        with pytest.raises(ValueError, match=r"average must be one of \[None, 'micro', .*\]; got 'bogus'"):
            ref.jaccard_score([0, 1], [0, 1], average="bogus")


def test_adjusted_balanced_accuracy_with_two_classes() -> None:
    # recalls: class 0 1/2, class 1 2/2 -> 3/4; chance 1/2: (3/4 - 1/2) / (1 - 1/2) = 1/2.
    assert ref.balanced_accuracy_score([0, 0, 1, 1], [0, 1, 1, 1], adjusted=True) == 1 / 2
    assert skm.balanced_accuracy_score([0, 0, 1, 1], [0, 1, 1, 1], adjusted=True) == 1 / 2


# --------------------------------------------------------------------------- error messages, in full

# (function, args, kwargs, the whole message, whether scikit-learn raises too)
EXACT_ERRORS: list[tuple[str, tuple, dict, str, bool]] = [
    ("f1_score", (np.eye(2, dtype=int), np.eye(2, dtype=int)), {},
     "Target is multilabel-indicator but average='binary'. Please choose another average setting, "
     "one of [None, 'micro', 'macro', 'weighted', 'samples'].", True),
    ("f1_score", ([0, 1, 2], [0, 1, 1]), {},
     "Target is multiclass but average='binary'. Please choose another average setting, "
     "one of [None, 'micro', 'macro', 'weighted'].", True),
    (PRFS, ([0, 1, 2], [0, 1, 1]), {"average": "samples"},
     "Samplewise metrics are not available outside of multilabel classification: average='samples' "
     "needs multi-label (indicator) input", True),
    ("confusion_matrix", ([0, 1], [0, 1]), {"labels": []}, "'labels' should contain at least one label.", True),
    ("multilabel_confusion_matrix", ([0, 1], [0, 1]), {"samplewise": True},
     "Samplewise metrics are not available outside of multilabel classification.", True),
    ("balanced_accuracy_score", (np.eye(2, dtype=int), np.eye(2, dtype=int)), {},
     "balanced_accuracy_score does not support multi-label (indicator) input", True),
    ("accuracy_score", ([0, 1], [0, 1]), {"normalize": "yes"}, "normalize must be True or False; got 'yes'", True),
    ("balanced_accuracy_score", ([0, 1], [0, 1]), {"adjusted": "yes"},
     "adjusted must be True or False; got 'yes'", True),
    (PRFS, ([0, 1], [0, 1]), {"zero_division": 2},
     "zero_division must be one of 'warn', 0, 1 or numpy.nan; got 2", True),
    ("jaccard_score", ([0, 1], [0, 1]), {"zero_division": 2}, "zero_division must be one of 'warn', 0 or 1; got 2", True),
    ("fbeta_score", ([0, 1], [0, 1]), {"beta": "2"}, "beta must be a number in [0, inf]; got '2'", True),
    ("fbeta_score", ([0, 1], [0, 1]), {"beta": None}, "beta must be a number in [0, inf]; got None", True),
]


@pytest.mark.parametrize(("name", "args", "kwargs", "message", "sklearn_raises"), EXACT_ERRORS,
                         ids=[case[3][:40] for case in EXACT_ERRORS])
def test_error_message_reads_exactly(name: str, args: tuple, kwargs: dict, message: str,
                                     sklearn_raises: bool) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        getattr(ref, name)(*args, **kwargs)
    if sklearn_raises:
        with pytest.raises(ValueError), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            getattr(skm, name)(*args, **kwargs)


# --------------------------------------------------------------------------- stacklevel under mutmut too

# The stacklevel tests above are skipped under mutmut, whose trampolines add two frames per
# call. Here the trampolines are taken out of the call chain instead: each trampolined function
# of reference.py is pointed at the variant its trampoline would run (the active mutant, or
# the original), so the frames are the plain module's and the same assertions hold.


def _plain_call_chain(monkeypatch: pytest.MonkeyPatch) -> bool:
    """Make reference.py call its functions directly; False when mutmut's trampolines must stay
    (it is collecting coverage or forcing a failure, and must see every call)."""
    if not INSTRUMENTED:
        return True
    from mutmut.mutation.trampoline import get_mutant_under_test  # present whenever instrumented

    active = get_mutant_under_test()
    module, _, variant = active.rpartition(".")
    if active and not module:  # "stats", "fail", ...: a mode, not a mutant
        return False
    if module != ref.__name__:
        variant = ""  # no mutant of this module is active: every trampoline runs the original
    namespace = vars(ref)
    for name in list(namespace):
        variants = namespace.get(f"mutants_x_{name}__mutmut")
        if isinstance(variants, dict) and "_mutmut_orig" in variants:
            monkeypatch.setattr(ref, name, variants.get(variant, variants["_mutmut_orig"]))
    return True


def warning_sites_of_plain_chain(monkeypatch: pytest.MonkeyPatch, name: str, *args: Any,
                                 **kwargs: Any) -> list[tuple[type, str, int]]:
    """Each warning of ``reference.name`` (called without trampoline frames) as (category, file,
    line), with the line of this helper's call replaced by ``CALLER`` so it reads as expected.

    The file alone cannot tell this helper from its caller (both are this file): the line can.
    """
    plain = _plain_call_chain(monkeypatch)
    fn = getattr(ref, name)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call_line = sys._getframe().f_lineno + 1
        fn(*args, **kwargs)
    if not plain:
        pytest.skip("mutmut is collecting coverage: the trampoline frames stay in the chain")
    return [(w.category, w.filename, CALLER if w.lineno == call_line else w.lineno) for w in caught]


CALLER = -1
"""Stands for the line of warning_sites_of_plain_chain that calls the public function."""


class TestWarningsPointAtTheCallerWithoutTrampolines:
    """A warning names the line that called the public function (checked in mutation runs too)."""

    def test_undefined_precision_and_recall_warnings_name_the_caller(self, monkeypatch: pytest.MonkeyPatch) -> None:
        # label 1: P 0/0; label 2 absent: P and R 0/0 -> one Precision and one Recall warning.
        found = warning_sites_of_plain_chain(monkeypatch, PRFS, [0, 0, 1], [0, 0, 0],
                                             labels=[0, 1, 2], warn_for=("precision", "recall"))
        assert found == [(ref.UndefinedMetricWarning, __file__, CALLER)] * 2

    def test_undefined_jaccard_warning_names_the_caller(self, monkeypatch: pytest.MonkeyPatch) -> None:
        # label 2: TP 0, pred 1, true 0 -> 0/1; label 5 absent -> 0/0: one Jaccard warning.
        found = warning_sites_of_plain_chain(monkeypatch, "jaccard_score", [0, 1], [0, 2],
                                             labels=[2, 5], average=None)
        assert found == [(ref.UndefinedMetricWarning, __file__, CALLER)]

    @pytest.mark.parametrize("name", [PRFS, "jaccard_score"])
    def test_ignored_pos_label_note_names_the_caller(self, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
        # average='macro' with pos_label=2 (not None or 1): the note is a UserWarning.
        found = warning_sites_of_plain_chain(monkeypatch, name, [0, 1, 2], [0, 1, 2],
                                             average="macro", pos_label=2)
        assert found == [(UserWarning, __file__, CALLER)]

    def test_class_only_predicted_warning_names_the_caller(self, monkeypatch: pytest.MonkeyPatch) -> None:
        # class 2 is predicted once and never true: "y_pred contains classes not in y_true".
        found = warning_sites_of_plain_chain(monkeypatch, "balanced_accuracy_score", [0, 0, 1], [0, 2, 1])
        assert found == [(UserWarning, __file__, CALLER)]

    @pytest.mark.parametrize(("name", "kwargs"), [
        ("f1_score", {}), ("fbeta_score", {"beta": 2.0}), ("precision_score", {}), ("recall_score", {})])
    def test_warnings_of_the_single_score_wrappers_name_the_caller(
            self, monkeypatch: pytest.MonkeyPatch, name: str, kwargs: dict) -> None:
        # Labels 0..2 macro-averaged on truth [0, 0, 1], prediction [0, 0, 0]: label 1 has no
        # prediction (P 0/0) and label 2 neither prediction nor truth (P, R, F 0/0), so each
        # wrapper warns once for its own metric; with pos_label=2 it first notes that pos_label
        # is ignored. Both warnings must name the line that called the wrapper.
        found = warning_sites_of_plain_chain(monkeypatch, name, [0, 0, 1], [0, 0, 0], labels=[0, 1, 2],
                                             average="macro", pos_label=2, **kwargs)
        assert found == [(UserWarning, __file__, CALLER), (ref.UndefinedMetricWarning, __file__, CALLER)]

    def test_single_label_confusion_matrix_warning_names_the_caller(self, monkeypatch: pytest.MonkeyPatch) -> None:
        # One sample, one label: the 1 x 1 matrix warning.
        found = warning_sites_of_plain_chain(monkeypatch, "confusion_matrix", [3], [3])
        assert found == [(UserWarning, __file__, CALLER)]
