"""Bad input to metricproofs.reference raises ValueError naming the problem.

What they protect: every case where scikit-learn 1.9.1 raises also raises here (checked
against scikit-learn in the same test), plus the documented cases where this module refuses
to return a number scikit-learn would return (negative weights, mixed-type lists, ...).
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pytest

from metricproofs import reference as ref
from _reference_strategies import sklearn_raises

PRFS = "precision_recall_fscore_support"

# (function name, args, kwargs, regex the message must match)
BOTH_RAISE: list[tuple[str, tuple, dict, str]] = [
    (PRFS, ([1, 2], [1]), {}, "y_true has 2 samples but y_pred has 1"),
    ("accuracy_score", ([], []), {}, "y_true is empty"),
    ("confusion_matrix", ([], []), {}, "y_true is empty"),
    (PRFS, ([1, 2], ["a", "b"]), {}, "mix of label types: y_true has numbers, y_pred has strings"),
    (PRFS, ([np.nan, 1.0], [1.0, 1.0]), {}, "y_true contains NaN"),
    (PRFS, ([1.0, 1.0], [np.inf, 1.0]), {}, "y_pred contains infinity"),
    ("f1_score", ([0.5, 1.0], [1.0, 1.0]), {}, "non-integer float values"),
    (PRFS, ([0, 1], [0, 1]), {"average": "bogus"}, r"average must be one of .*'micro'.*got 'bogus'"),
    (PRFS, ([0, 1, 2], [0, 1, 1]), {"average": "binary"}, "Target is multiclass but average='binary'"),
    ("f1_score", (np.eye(3, dtype=int), np.eye(3, dtype=int)), {}, "multilabel-indicator but average='binary'"),
    ("f1_score", (np.eye(2, dtype=int), np.eye(2, dtype=int)), {}, "multilabel-indicator but average='binary'"),
    (PRFS, ([0, 1, 1], [0, 1, 1]), {"average": "binary", "pos_label": 2}, r"pos_label=2 is not a valid label"),
    ("precision_score", (["a", "b"], ["a", "b"]), {}, r"pos_label=1 is not a valid label"),
    (PRFS, ([0, 1, 2], [0, 1, 1]), {"average": "samples"}, "average='samples' is only available for multi-label"),
    (PRFS, ([0, 1], [0, 1]), {"zero_division": 2}, "zero_division must be one of"),
    (PRFS, ([0, 1], [0, 1]), {"zero_division": "x"}, "zero_division must be one of"),
    ("jaccard_score", ([0, 1], [0, 1]), {"zero_division": np.nan}, "zero_division must be one of 'warn', 0 or 1"),
    ("fbeta_score", ([0, 1], [0, 1]), {"beta": -1}, r"beta must be a number in \[0, inf\]"),
    ("fbeta_score", ([0, 1], [0, 1]), {"beta": np.nan}, r"beta must be a number in \[0, inf\]"),
    ("confusion_matrix", ([0, 1], [0, 1]), {"labels": [5, 6]}, "At least one label specified must be in y_true"),
    ("confusion_matrix", ([0, 1], [0, 2]), {"labels": [2]}, "At least one label specified must be in y_true"),
    ("confusion_matrix", ([0, 1], [0, 1]), {"labels": []}, "'labels' should contain at least one label"),
    ("confusion_matrix", ([0, 1], [0, 1]), {"normalize": "rows"}, "normalize must be one of"),
    ("confusion_matrix", (np.eye(2, dtype=int), np.eye(2, dtype=int)), {}, "does not support multi-label"),
    ("balanced_accuracy_score", (np.eye(2, dtype=int), np.eye(2, dtype=int)), {}, "does not support multi-label"),
    (PRFS, (np.eye(2, dtype=int), np.eye(2, dtype=int)), {"labels": [2]}, r"column indices in \[0, 2\)"),
    (PRFS, (np.eye(2, dtype=int), np.eye(2, dtype=int)), {"labels": [-1]}, r"column indices in \[0, 2\)"),
    (PRFS, (np.eye(2, dtype=int), [0, 1]), {}, "cannot mix multi-label indicator y_true with single-label y_pred"),
    (PRFS, (np.array([[0, 1, 0]]), np.array([[0, 1]])), {}, "y_true has 3 indicator columns but y_pred has 2"),
    (PRFS, (np.array([[0, 2], [1, 0]]), np.array([[0, 1], [1, 0]])), {}, "not a 0/1 indicator matrix"),
    (PRFS, (np.zeros((2, 2, 2)), np.zeros((2, 2, 2))), {}, "3 dimensions"),
    (PRFS, ([0, 1], [0, 1]), {"sample_weight": [1.0, np.nan]}, "sample_weight contains NaN"),
    (PRFS, ([0, 1], [0, 1]), {"sample_weight": [1.0, np.inf]}, "sample_weight contains infinity"),
    (PRFS, ([0, 1], [0, 1]), {"sample_weight": [0, 0]}, "at least one non-zero number"),
    ("accuracy_score", ([0, 1], [0, 1]), {"sample_weight": [0.0, 0.0]}, "at least one non-zero number"),
    (PRFS, ([0, 1], [0, 1]), {"sample_weight": [1]}, "sample_weight has 1 entries but there are 2 samples"),
    (PRFS, ([0, 1], [0, 1]), {"sample_weight": [[1], [1]]}, "sample_weight must be a 1-D array"),
    (PRFS, ([0, 1], [0, 1]), {"sample_weight": ["a", "b"]}, "sample_weight must be numeric"),
    (PRFS, (np.array([b"a", b"b"]), np.array([b"a", b"a"])), {}, "holds bytes"),
    (PRFS, ([None, 1], [1, 1]), {}, "y_true contains None"),
    ("multilabel_confusion_matrix", ([0, 1], [0, 1]), {"samplewise": True}, "Samplewise metrics are not available"),
]


@pytest.mark.parametrize(("name", "args", "kwargs", "message"), BOTH_RAISE)
def test_bad_input_raises_value_error_like_sklearn(name: str, args: tuple, kwargs: dict, message: str) -> None:
    assert sklearn_raises(name, *args, **kwargs)
    function: Callable[..., Any] = getattr(ref, name)
    with pytest.raises(ValueError, match=message):
        function(*args, **kwargs)


# Cases where scikit-learn returns a number or a non-ValueError, and this module refuses.
OURS_ONLY: list[tuple[str, tuple, dict, str]] = [
    (PRFS, ([0, 1, 1], [0, 1, 0]), {"sample_weight": [1, -1, 2]}, "sample_weight must be non-negative"),
    (PRFS, (["a", 1], ["a", "a"]), {}, "y_true mixes strings and numbers"),
    (PRFS, (np.array([1, "a"], dtype=object), np.array([1, 1], dtype=object)), {}, "y_true mixes strings and numbers"),
    (PRFS, ([0, 1, 2], [0, 1, 1]), {"labels": ["a"]}, "labels= holds strings but y_true and y_pred hold numbers"),
    ("confusion_matrix", ([0, 1, 2], [0, 1, 1]), {"labels": [1, 1, 0]}, "labels contains duplicates"),
    ("balanced_accuracy_score", ([0, 0], [0, 0]), {"adjusted": True}, "undefined when y_true has a single class"),
]


@pytest.mark.parametrize(("name", "args", "kwargs", "message"), OURS_ONLY)
def test_input_sklearn_accepts_but_we_refuse(name: str, args: tuple, kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        getattr(ref, name)(*args, **kwargs)


def test_accuracy_with_zero_total_weight_is_value_error_not_zero_division() -> None:
    # scikit-learn raises here too, but its ValueError is for all-zero weights; ours matches it.
    with pytest.raises(ValueError, match="non-zero"):
        ref.accuracy_score([0, 1], [0, 1], sample_weight=[0, 0])


def test_pos_label_other_than_one_warns_when_ignored() -> None:
    with pytest.warns(UserWarning, match="pos_label .* is ignored"):
        ref.precision_score([0, 1, 2], [0, 1, 2], average="macro", pos_label=2)


def test_scalar_input_is_rejected() -> None:
    with pytest.raises(ValueError, match="y_true is a scalar"):
        ref.accuracy_score(1, 1)
