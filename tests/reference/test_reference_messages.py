"""The exact words of the reference's errors and warnings, as its users (and scikit-learn's
tests, which match on them) read them.

What they protect: each message whole, from its first word to its last, so that a changed,
dropped or re-cased phrase fails here. Where the reference keeps scikit-learn 1.9.1's words
the test says so; where it words a message its own way (``weights must be one of ...``) or
mends scikit-learn's typos (the kappa warnings' "by the the" and missing space), the words
pinned are the reference's.
"""

from __future__ import annotations

import re
import warnings
from typing import Any, Callable

import numpy as np
import pytest

from metricproofs import reference as ref


def exactly(text: str) -> str:
    """A ``match=`` pattern accepting ``text`` and nothing else."""
    return "^" + re.escape(text) + "$"


def only_warning(call: Callable[[], Any], category: type[Warning]) -> str:
    """The text of the single warning of ``category`` that ``call`` emits."""
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        call()
    texts = [str(w.message) for w in record if issubclass(w.category, category)]
    assert len(texts) == 1, texts
    return texts[0]


SINGLE_LABEL = ("A single label was found in 'y_true' and 'y_pred'. For the confusion matrix to have the "
                "correct shape, use the 'labels' parameter to pass all known labels.")  # scikit-learn's words


# --- matthews_corrcoef and cohen_kappa_score ------------------------------------------------


def test_mcc_passes_on_confusion_matrix_s_single_label_warning() -> None:
    with pytest.warns(UserWarning, match=exactly(SINGLE_LABEL)):
        ref.matthews_corrcoef([0, 0], [0, 0])


def test_kappa_replace_undefined_by_refusal() -> None:
    # scikit-learn's words up to "numpy.nan" (it says "or nan. Got 2 instead."); the reference
    # echoes the value after float().
    with pytest.raises(ValueError, match=exactly(
            "The 'replace_undefined_by' parameter of cohen_kappa_score must be a float in the range "
            "[-1.0, 1.0] or numpy.nan. Got 2.0 instead.")):
        ref.cohen_kappa_score([0, 1, 1], [0, 1, 0], replace_undefined_by=2)
    with pytest.raises(ValueError, match=exactly(
            "The 'replace_undefined_by' parameter of cohen_kappa_score must be a float in the range "
            "[-1.0, 1.0] or numpy.nan. Got 'nan' instead.")):
        ref.cohen_kappa_score([0, 1, 1], [0, 1, 0], replace_undefined_by="nan")


def test_kappa_weights_refusal() -> None:
    with pytest.raises(ValueError, match=exactly("weights must be one of [None, 'linear', 'quadratic']; got 'cubic'")):
        ref.cohen_kappa_score([0, 1, 1], [0, 1, 0], weights="cubic")


def test_kappa_labels_absent_from_y1() -> None:
    # scikit-learn's words, whole.
    with pytest.raises(ValueError, match=exactly(
            "At least one label in `labels` must be present in `y1` (even though `cohen_kappa_score` is "
            "otherwise agnostic to the order of `y1` and `y2`).")):
        ref.cohen_kappa_score([0, 1], [0, 1], labels=[5, 6])


def test_kappa_no_sample_inside_labels_warning() -> None:
    text = only_warning(lambda: ref.cohen_kappa_score([1, 1, 2, 2], [3, 3, 3, 3], labels=[1, 2]),
                        ref.UndefinedMetricWarning)
    assert text == ("`y2` contains no labels that are present in both `y1` and `labels`. `cohen_kappa_score` is "
                    "undefined and set to the value defined by the `replace_undefined_by` param, which is set "
                    "to nan.")


def test_kappa_chance_agreement_one_warning() -> None:
    text = only_warning(lambda: ref.cohen_kappa_score([1, 1, 2, 2], [1, 1, 3, 3], labels=[1, 2],
                                                      replace_undefined_by=0.5), ref.UndefinedMetricWarning)
    assert text == ("`y1`, `y2` and `labels` have only one label in common. `cohen_kappa_score` is undefined "
                    "and set to the value defined by the `replace_undefined_by` param, which is set to 0.5.")


# --- reference.py ---------------------------------------------------------------------------


def test_integer_weights_beyond_int64_are_refused_even_across_chunks() -> None:
    # 2**62 in the first counting chunk (2**16 samples) and 2**62 in the second: the total,
    # 2**63 = 9223372036854775808, is one more than int64 holds, though each chunk's part fits.
    n = ref.CHUNK + 1
    weights = np.zeros(n, dtype=np.int64)
    weights[0] = weights[-1] = 2**62
    y = np.zeros(n, dtype=np.int64)
    with pytest.raises(ValueError, match=exactly(
            "sample_weight sums to 9223372036854775808, beyond int64's limit 2**63 - 1 = 9223372036854775807; "
            "integer weights are summed exactly in int64: rescale them or pass floats")):
        ref.accuracy_score(y, y, sample_weight=weights)


class _DeviceArray:
    """Stands in for an array on a device numpy cannot read (as a GPU tensor): no implicit
    conversion, and a DLPack export that cannot reach the CPU."""

    def __array__(self, dtype: Any = None, copy: Any = None) -> Any:
        raise TypeError("implicit conversion to a NumPy array is not allowed")

    def __dlpack__(self, *args: Any, **kwargs: Any) -> Any:
        raise BufferError("no copy to the CPU")

    def __dlpack_device__(self) -> tuple[int, int]:
        return (2, 0)  # kDLCUDA, device 0

    def __len__(self) -> int:
        return 2


@pytest.mark.parametrize("argument", ["y_true", "y_pred", "sample_weight", "labels"])
def test_arrays_numpy_cannot_read_are_refused_by_name(argument: str) -> None:
    args = {"y_true": [0, 1], "y_pred": [0, 1], "sample_weight": [1.0, 1.0], "labels": [0, 1]}
    args[argument] = _DeviceArray()
    with pytest.raises(ValueError) as caught:
        ref.confusion_matrix(**args)
    message = str(caught.value)
    prefix = f"{argument} is a {__name__}._DeviceArray that numpy cannot read (numpy.asarray: "
    assert message.startswith(prefix), message
    assert "implicit conversion to a NumPy array is not allowed" in message
    assert message.endswith("); move it to the CPU first"), message


def test_empty_input_in_scikit_learns_words() -> None:
    with pytest.raises(ValueError, match=exactly(
            "Found empty input array (e.g., `y_true` or `y_pred`) while a minimum of 1 sample is required.")):
        ref.accuracy_score([], [])


@pytest.mark.parametrize("y_true, y_pred, first, second", [
    (np.array(["a", "b"]), np.array([1, 2]), "strings", "numbers"),
    (np.array([1, 2]), np.array(["a", "b"]), "numbers", "strings"),
])
def test_mixed_label_types_say_which_side_holds_which(y_true: Any, y_pred: Any, first: str, second: str) -> None:
    # scikit-learn's words, then which argument holds which type
    with pytest.raises(ValueError, match=exactly(
            f"Mix of label input types (string and number); y_true has {first}, y_pred has {second}")):
        ref.accuracy_score(y_true, y_pred)


@pytest.mark.parametrize("bad", ["y_true", "y_pred"])
def test_shape_refusals_name_the_argument(bad: str) -> None:
    def call(shape_bad: np.ndarray) -> None:
        args = {"y_true": [0, 1], "y_pred": [0, 1]}
        args[bad] = shape_bad
        ref.accuracy_score(**args)

    with pytest.raises(ValueError, match=exactly(f"{bad} has 0 columns; an indicator matrix needs at least 2")):
        call(np.zeros((2, 0)))
    with pytest.raises(ValueError, match=exactly(
            f"unknown is not supported: {bad} has 3 dimensions; expected 1-D labels or a 2-D indicator matrix")):
        call(np.zeros((2, 2, 2)))
