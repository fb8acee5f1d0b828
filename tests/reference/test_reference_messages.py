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
