"""Bad input to metricproofs.reference raises ValueError naming the problem.

What they protect: every case where scikit-learn 1.9.1 raises also raises here (checked
against scikit-learn in the same test), plus the documented cases where this module refuses
to return a number scikit-learn would return (negative weights, mixed-type lists, ...).
"""

from __future__ import annotations

import re
import warnings
from typing import Any, Callable

import numpy as np
import pytest

from metricproofs import reference as ref
from _reference_strategies import sklearn_raises

PRFS = "precision_recall_fscore_support"

# (function name, args, kwargs, regex): scikit-learn's words, which its own tests pin; both
# messages must match (the reference may add detail after them).
SAME_WORDS: list[tuple[str, tuple, dict, str]] = [
    (PRFS, ([1, 2], [1]), {}, r"^Found input variables with inconsistent numbers of samples: \[2, 1\]"),
    (PRFS, ([0, 1], [0, 1]), {"sample_weight": [1]},
     r"^Found input variables with inconsistent numbers of samples: \[2, 2, 1\]"),
    ("accuracy_score", ([], []), {}, r"^Found empty input array \(e\.g\., `y_true` or `y_pred`\) while a minimum of 1"),
    ("confusion_matrix", ([], []), {}, r"^Found empty input array"),
    (PRFS, ([1, 2], ["a", "b"]), {}, r"^Mix of label input types \(string and number\)"),
    (PRFS, ([np.nan, 1.0], [1.0, 1.0]), {}, r"^Input y_true contains NaN\."),
    (PRFS, ([1.0, 1.0], [np.inf, 1.0]), {}, r"^Input y_pred contains infinity or a value too large for dtype\('float64'\)"),
    ("f1_score", ([0.5, 1.0], [1.0, 1.0]), {}, r"^Classification metrics can't handle a mix of continuous and binary targets"),
    ("f1_score", (["a", "b", "a"], [0.1, 0.2, 0.3]), {},
     r"^Classification metrics can't handle a mix of binary and continuous targets"),
    ("f1_score", ([0.5, 1.0], [1.5, 1.0]), {}, r"^continuous is not supported"),
    (PRFS, (np.eye(2, dtype=int), [0, 1]), {},
     r"^Classification metrics can't handle a mix of multilabel-indicator and binary targets"),
    (PRFS, (np.array([[0, 2], [1, 0]]), np.array([[0, 1], [1, 0]])), {},
     r"^Classification metrics can't handle a mix of multiclass-multioutput and multilabel-indicator targets"),
    (PRFS, (np.array([[0, 1, 0]]), np.array([[0, 1]])), {},
     r"^Multi-label binary indicator input with different numbers of labels"),
    (PRFS, (np.zeros((2, 2, 2)), np.zeros((2, 2, 2))), {}, r"^unknown is not supported"),
    (PRFS, ([0, 1, 2], [0, 1, 1]), {"average": "binary"},
     r"^Target is multiclass but average='binary'\. Please choose another average setting, one of "
     r"\[None, 'micro', 'macro', 'weighted'\]\."),
    ("f1_score", (np.eye(3, dtype=int), np.eye(3, dtype=int)), {},
     r"^Target is multilabel-indicator but average='binary'\. Please choose another average setting, one of "
     r"\[None, 'micro', 'macro', 'weighted', 'samples'\]\."),
    (PRFS, ([0, 1, 1], [0, 1, 1]), {"average": "binary", "pos_label": 2},
     r"^pos_label=2 is not a valid label\. It should be one of \[0 1\]$"),
    ("precision_score", (["a", "b"], ["a", "b"]), {}, r"^pos_label=1 is not a valid label\. It should be one of \['a' 'b'\]$"),
    (PRFS, ([0, 1, 2], [0, 1, 1]), {"average": "samples"},
     r"^Samplewise metrics are not available outside of multilabel classification"),
    ("multilabel_confusion_matrix", ([0, 1], [0, 1]), {"samplewise": True},
     r"^Samplewise metrics are not available outside of multilabel classification\.$"),
    ("confusion_matrix", ([0, 1], [0, 1]), {"labels": [5, 6]}, r"^At least one label specified must be in y_true$"),
    ("confusion_matrix", ([0, 1], [0, 2]), {"labels": [2]}, r"^At least one label specified must be in y_true$"),
    ("confusion_matrix", (["a", "b"], ["a", "b"]), {"labels": [1]}, r"^At least one label specified must be in y_true"),
    ("confusion_matrix", ([0, 1], [0, 1]), {"labels": []}, r"^'labels' should contain at least one label\.$"),
    (PRFS, (np.eye(3, dtype=int), np.eye(3, dtype=int)), {"labels": [4]},
     r"^All labels must be in \[0, n labels\) for multilabel targets\. Got 4 > 2"),
    (PRFS, (np.eye(2, dtype=int), np.eye(2, dtype=int)), {"labels": [-1]},
     r"^All labels must be in \[0, n labels\) for multilabel targets\. Got -1 < 0"),
    (PRFS, ([0, 1], [0, 1]), {"sample_weight": [1.0, np.nan]}, r"^Input sample_weight contains NaN\.$"),
    (PRFS, ([0, 1], [0, 1]), {"sample_weight": [1.0, np.inf]},
     r"^Input sample_weight contains infinity or a value too large for dtype\('float64'\)\.$"),
    (PRFS, ([0, 1], [0, 1]), {"sample_weight": [[1], [1]]}, r"^Sample weights must be 1D array or scalar"),
    (PRFS, ([0, 1], [0, 1]), {"sample_weight": [1 + 1j, 2]}, r"^Complex data not supported"),
    (PRFS, ([0, 1], [0, 1]), {"sample_weight": [0, 0]}, r"^Sample weights must contain at least one non-zero number\.$"),
    ("accuracy_score", ([0, 1], [0, 1]), {"sample_weight": [0.0, 0.0]},
     r"^Sample weights must contain at least one non-zero number\.$"),
]


def _sklearn_error(name: str, *args: Any, **kwargs: Any) -> str:
    """scikit-learn's ValueError message for the call (fails the test if it does not raise one)."""
    from sklearn import metrics as skm

    with pytest.raises(ValueError) as info, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        getattr(skm, name)(*args, **kwargs)
    return str(info.value)


@pytest.mark.parametrize(("name", "args", "kwargs", "message"), SAME_WORDS)
def test_bad_input_raises_in_sklearns_words(name: str, args: tuple, kwargs: dict, message: str) -> None:
    assert re.search(message, _sklearn_error(name, *args, **kwargs))
    with pytest.raises(ValueError, match=message):
        getattr(ref, name)(*args, **kwargs)


# (function name, args, kwargs, regex): scikit-learn raises too, in other words (mostly its
# parameter validation, which names the function).
BOTH_RAISE: list[tuple[str, tuple, dict, str]] = [
    (PRFS, ([0, 1], [0, 1]), {"average": "bogus"}, r"average must be one of .*'micro'.*got 'bogus'"),
    (PRFS, ([0, 1], [0, 1]), {"zero_division": 2}, "zero_division must be one of"),
    (PRFS, ([0, 1], [0, 1]), {"zero_division": "x"}, "zero_division must be one of"),
    ("jaccard_score", ([0, 1], [0, 1]), {"zero_division": np.nan}, "zero_division must be one of 'warn', 0 or 1"),
    ("fbeta_score", ([0, 1], [0, 1]), {"beta": -1}, r"beta must be a number in \[0, inf\]"),
    ("fbeta_score", ([0, 1], [0, 1]), {"beta": np.nan}, r"beta must be a number in \[0, inf\]"),
    ("confusion_matrix", ([0, 1], [0, 1]), {"normalize": "rows"}, "normalize must be one of"),
    ("confusion_matrix", (np.eye(2, dtype=int), np.eye(2, dtype=int)), {}, "does not support multi-label"),
    ("balanced_accuracy_score", (np.eye(2, dtype=int), np.eye(2, dtype=int)), {}, "does not support multi-label"),
    (PRFS, ([0, 1], [0, 1]), {"sample_weight": ["a", "b"]}, "sample_weight must be numeric"),
    (PRFS, (np.array([b"a", b"b"]), np.array([b"a", b"a"])), {}, "holds bytes"),
    (PRFS, ([None, 1], [1, 1]), {}, "y_true contains None"),
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
    (PRFS, (["a", 1], ["a", "a"]), {}, r"^Mix of label input types \(string and number\): y_true holds both"),
    (PRFS, (np.array([1, "a"], dtype=object), np.array([1, 1], dtype=object)), {},
     r"^Mix of label input types \(string and number\): y_true holds both"),
    (PRFS, ([0, 1, 2], [0, 1, 1]), {"labels": ["a"]}, "labels= holds strings but y_true and y_pred hold numbers"),
    ("confusion_matrix", ([0, 1, 2], [0, 1, 1]), {"labels": [1, 1, 0]}, "labels contains duplicates"),
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
