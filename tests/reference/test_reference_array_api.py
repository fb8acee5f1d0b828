"""Array-API inputs: the reference returns results where scikit-learn 1.9.1 does (issue 14).

What it protects: a user who swaps ``sklearn.metrics`` for ``metricproofs.reference`` under
``sklearn.set_config(array_api_dispatch=True)`` gets per-label arrays and matrices in
``y_pred``'s namespace and on its device, with scikit-learn's dtype (int64 counts, float64
ratios), and Python floats for every averaged score; with dispatch off, or for numpy input,
numpy arrays, as scikit-learn returns then. The reference still counts in numpy (exactly);
only the result moves. array-api-strict stands in for a GPU library: its ``device1`` is
a device numpy cannot read directly (the reference copies such arrays through DLPack).

Where scikit-learn 1.9.1 fails on array-api-strict input (matthews_corrcoef: TypeError;
integer weights: a type-promotion TypeError; a device without float64 or int64: ValueError)
the reference returns the value worked out by hand, in the device's widest types. Where it
returns float32 (indicator matrices of float32) the reference keeps float64, its exact
counts; the values agree to float32 rounding. Both are listed in SKLEARN_REFUSALS.md.
"""

from __future__ import annotations

import math
import warnings
from typing import Any, Iterator

import array_api_strict as xps
import numpy as np
import pyarrow as pa
import pytest
import sklearn
from sklearn import metrics as skm

from metricproofs import reference as ref

ARRAY = type(xps.asarray(0))
CPU = xps.Device("CPU_DEVICE")
DEVICES = [CPU, xps.Device("device1")]  # device1: numpy.asarray refuses it (a stand-in for a GPU)

Y_TRUE = [0, 1, 2, 1, 0, 2]
Y_PRED = [0, 2, 2, 1, 1, 0]
WEIGHTS = {"unweighted": None, "float64": np.array([1.0, 2.0, 1.0, 1.0, 3.0, 0.5]),
           "float32": np.array([1.0, 2.0, 1.0, 1.0, 3.0, 0.1], dtype=np.float32)}

ARRAY_RESULTS = [
    ("confusion_matrix", {}),
    ("confusion_matrix", {"normalize": "true"}),
    ("confusion_matrix", {"labels": [2, 0]}),
    ("multilabel_confusion_matrix", {}),
    ("multilabel_confusion_matrix", {"labels": [2, 0]}),
    ("precision_recall_fscore_support", {}),
    ("precision_recall_fscore_support", {"beta": 0.5, "labels": [2, 0]}),
    ("precision_score", {"average": None}),
    ("recall_score", {"average": None}),
    ("f1_score", {"average": None}),
    ("fbeta_score", {"beta": 2.0, "average": None}),
    ("jaccard_score", {"average": None}),
]

SCALAR_RESULTS = [
    ("accuracy_score", {}),
    ("accuracy_score", {"normalize": False}),
    ("balanced_accuracy_score", {}),
    ("balanced_accuracy_score", {"adjusted": True}),
    ("precision_score", {"average": "macro"}),
    ("recall_score", {"average": "weighted"}),
    ("f1_score", {"average": "micro"}),
    ("fbeta_score", {"beta": 0.5, "average": "macro"}),
    ("jaccard_score", {"average": "weighted"}),
    ("cohen_kappa_score", {}),
]


@pytest.fixture
def dispatch(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """scikit-learn's array-API dispatch on (it needs SCIPY_ARRAY_API=1 in the environment)."""
    monkeypatch.setenv("SCIPY_ARRAY_API", "1")
    with sklearn.config_context(array_api_dispatch=True):
        yield


def _on(values: Any, device: Any, dtype: Any = None) -> Any:
    return None if values is None else xps.asarray(np.asarray(values), dtype=dtype, device=device)


def _values(a: Any) -> np.ndarray:
    """An array-api-strict array's values as numpy (moved to the CPU device first)."""
    return np.asarray(xps.asarray(a, device=CPU))


def _quiet(fn: Any, *args: Any, **kwargs: Any) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the absent label 5 / empty classes warn on both sides
        return fn(*args, **kwargs)


def _as_tuple(result: Any) -> tuple[Any, ...]:
    return result if isinstance(result, tuple) else (result,)


def _assert_like_sklearn(ours: Any, theirs: Any, device: Any, rtol: float) -> None:
    """Same namespace and device as y_pred, same dtype and shape as scikit-learn, same values."""
    assert type(ours) is type(theirs) is ARRAY
    assert ours.device == theirs.device == device
    assert ours.dtype == theirs.dtype and ours.shape == theirs.shape
    np.testing.assert_allclose(_values(ours), _values(theirs), rtol=rtol, atol=0)


@pytest.mark.parametrize("device", DEVICES, ids=str)
@pytest.mark.parametrize("weights", list(WEIGHTS), ids=str)
@pytest.mark.parametrize(("name", "kwargs"), ARRAY_RESULTS, ids=lambda v: v if isinstance(v, str) else repr(v))
def test_array_results_are_sklearns_namespace_device_dtype_and_values(
        dispatch: None, device: Any, weights: str, name: str, kwargs: dict[str, Any]) -> None:
    w = _on(WEIGHTS[weights], device)
    y_true, y_pred = _on(Y_TRUE, device), _on(Y_PRED, device)
    ours = _quiet(getattr(ref, name), y_true, y_pred, sample_weight=w, **kwargs)
    theirs = _quiet(getattr(skm, name), y_true, y_pred, sample_weight=w, **kwargs)
    # scikit-learn sums float32 weights in float32 in its array-API code, the reference in float64
    rtol = 1e-6 if weights == "float32" else 1e-12
    assert len(_as_tuple(ours)) == len(_as_tuple(theirs))
    for a, b in zip(_as_tuple(ours), _as_tuple(theirs)):
        _assert_like_sklearn(a, b, device, rtol)


@pytest.mark.parametrize("device", DEVICES, ids=str)
@pytest.mark.parametrize("weights", ["unweighted", "float64"])
@pytest.mark.parametrize("name", ["multilabel_confusion_matrix", "precision_recall_fscore_support", "f1_score",
                                  "jaccard_score"])
def test_indicator_matrices_like_sklearn(dispatch: None, device: Any, weights: str, name: str) -> None:
    y_true = _on([[1, 1, 0], [0, 1, 1], [0, 0, 1], [1, 0, 0]], device)
    y_pred = _on([[1, 1, 1], [1, 1, 0], [0, 0, 1], [1, 1, 0]], device)
    w = _on(None if weights == "unweighted" else [0.5, 1.0, 2.0, 3.0], device)
    kwargs = {} if name in ("multilabel_confusion_matrix", "precision_recall_fscore_support") else {"average": None}
    ours = _quiet(getattr(ref, name), y_true, y_pred, sample_weight=w, **kwargs)
    theirs = _quiet(getattr(skm, name), y_true, y_pred, sample_weight=w, **kwargs)
    for a, b in zip(_as_tuple(ours), _as_tuple(theirs)):
        _assert_like_sklearn(a, b, device, 1e-12)


@pytest.mark.parametrize("device", DEVICES, ids=str)
@pytest.mark.parametrize("weights", ["unweighted", "float64"])
@pytest.mark.parametrize(("name", "kwargs"), SCALAR_RESULTS, ids=lambda v: v if isinstance(v, str) else repr(v))
def test_scores_are_python_floats_as_in_sklearn(dispatch: None, device: Any, weights: str, name: str,
                                                 kwargs: dict[str, Any]) -> None:
    w = _on(WEIGHTS[weights], device)
    y_true, y_pred = _on(Y_TRUE, device), _on(Y_PRED, device)
    ours = _quiet(getattr(ref, name), y_true, y_pred, sample_weight=w, **kwargs)
    theirs = _quiet(getattr(skm, name), y_true, y_pred, sample_weight=w, **kwargs)
    assert type(ours) is type(theirs) is float
    assert ours == pytest.approx(theirs, rel=1e-12)


def test_averaged_precision_recall_fscore_support_is_floats_and_none(dispatch: None) -> None:
    y_true, y_pred = _on(Y_TRUE, CPU), _on(Y_PRED, CPU)
    ours = _quiet(ref.precision_recall_fscore_support, y_true, y_pred, average="macro")
    theirs = _quiet(skm.precision_recall_fscore_support, y_true, y_pred, average="macro")
    assert [type(v) for v in ours] == [type(v) for v in theirs] == [float, float, float, type(None)]
    assert ours[:3] == pytest.approx(theirs[:3], rel=1e-12)


@pytest.mark.parametrize("device", DEVICES, ids=str)
def test_matthews_corrcoef_is_a_float(dispatch: None, device: Any) -> None:
    # scikit-learn 1.9.1 fails here (it passes a numpy dtype to array-api-strict). By hand:
    # TP = 1, TN = 2, FP = 0, FN = 1, MCC = (1*2 - 0*1) / sqrt(1 * 2 * 2 * 3) = 2 / sqrt(12).
    got = ref.matthews_corrcoef(_on([0, 0, 1, 1], device), _on([0, 0, 1, 0], device))
    assert type(got) is float and got == pytest.approx(2 / math.sqrt(12), rel=1e-15)


@pytest.mark.parametrize("weights", ["linear", "quadratic"])
def test_weighted_kappa_is_sklearns_value_on_numpy(dispatch: None, weights: str) -> None:
    # scikit-learn 1.9.1 fails here (its weight matrix is made on the default device); its numpy
    # answer is the oracle.
    device = xps.Device("device1")
    got = ref.cohen_kappa_score(_on(Y_TRUE, device), _on(Y_PRED, device), weights=weights)
    want = skm.cohen_kappa_score(np.array(Y_TRUE), np.array(Y_PRED), weights=weights)
    assert type(got) is float and got == pytest.approx(want, rel=1e-12)


def test_y_pred_decides_the_namespace(dispatch: None) -> None:
    # scikit-learn moves y_true and sample_weight to y_pred's namespace; so does the reference.
    y_np, p_np = np.array(Y_TRUE), np.array(Y_PRED)
    y_x, p_x = _on(Y_TRUE, CPU), _on(Y_PRED, CPU)
    for fn in (ref.f1_score, skm.f1_score):
        assert isinstance(_quiet(fn, y_np, p_x, average=None), ARRAY)
        assert isinstance(_quiet(fn, y_x, p_np, average=None), np.ndarray)
    # [0, 2, 2, 1, 1, 0] against [0, 1, 2, 1, 0, 2]: label 1 has TP 1, FP 1, FN 1; its F1 is 1/2
    assert _values(ref.f1_score(y_np, p_x, average=None)).tolist() == [0.5, 0.5, 0.5]
    cm = ref.confusion_matrix(y_np, p_x, sample_weight=WEIGHTS["float64"])
    assert isinstance(cm, ARRAY) and cm.dtype == xps.float64


def test_numpy_list_and_arrow_input_stay_numpy_under_dispatch(dispatch: None) -> None:
    # a pyarrow array has __dlpack__ but no array namespace: numpy results, as in scikit-learn
    arrow = (pa.array(Y_TRUE), pa.array(Y_PRED))
    for y_true, y_pred in ((np.array(Y_TRUE), np.array(Y_PRED)), (Y_TRUE, Y_PRED), arrow):
        for fn in (ref.confusion_matrix, skm.confusion_matrix):
            cm = fn(y_true, y_pred)
            assert type(cm) is np.ndarray and cm.dtype == np.int64
            assert cm.tolist() == [[1, 1, 0], [0, 1, 1], [1, 0, 1]]


def test_dispatch_off_returns_numpy_as_sklearn() -> None:
    y_true, y_pred = _on(Y_TRUE, CPU), _on(Y_PRED, CPU)
    for name, kwargs in ARRAY_RESULTS:
        ours = _quiet(getattr(ref, name), y_true, y_pred, **kwargs)
        theirs = _quiet(getattr(skm, name), y_true, y_pred, **kwargs)
        for a, b in zip(_as_tuple(ours), _as_tuple(theirs)):
            assert type(a) is type(b) is np.ndarray and a.dtype == b.dtype
            np.testing.assert_allclose(a, b, rtol=1e-12, atol=0)


def test_dispatch_off_reads_a_device_numpy_cannot() -> None:
    # numpy.asarray raises RuntimeError for device1 (so does scikit-learn); the reference copies
    # the arrays through DLPack and returns numpy, as it does for every input with dispatch off.
    device = xps.Device("device1")
    with pytest.raises(RuntimeError):
        np.asarray(_on(Y_TRUE, device))
    cm = ref.confusion_matrix(_on(Y_TRUE, device), _on(Y_PRED, device), sample_weight=_on([1, 2, 1, 1, 3, 5], device))
    # rows are true labels: 0 -> (0: 1, 1: 3), 1 -> (1: 1, 2: 2), 2 -> (0: 5, 2: 1)
    assert type(cm) is np.ndarray and cm.dtype == np.int64
    assert cm.tolist() == [[1, 3, 0], [0, 1, 2], [5, 0, 1]]


@pytest.mark.parametrize("device", DEVICES, ids=str)
def test_integer_weights_give_exact_int64_counts(dispatch: None, device: Any) -> None:
    # scikit-learn 1.9.1 raises TypeError (int64 and float64 cannot be promoted) for these.
    w = _on([1, 2, 1, 1, 3, 5], device)
    mcm = ref.multilabel_confusion_matrix(_on(Y_TRUE, device), _on(Y_PRED, device), sample_weight=w)
    assert mcm.device == device and mcm.dtype == xps.float64  # scikit-learn's numpy dtype with weights
    # label 0: TP 1 (sample 0), FP 5 (sample 5), FN 3 (sample 4), TN 13 - 9 = 4
    assert _values(mcm)[0].tolist() == [[4, 5], [3, 1]]
    p, r, f, support = ref.precision_recall_fscore_support(_on(Y_TRUE, device), _on(Y_PRED, device), sample_weight=w)
    assert support.dtype == xps.int64 and _values(support).tolist() == [4, 3, 6]
    # precision: TP / predicted = 1 / (1 + 5), 1 / (1 + 3), 1 / (2 + 1)
    assert _values(p).tolist() == [1 / 6, 1 / 4, 1 / 3] and p.dtype == xps.float64


def test_a_device_without_float64_gets_float32_ratios(dispatch: None) -> None:
    # scikit-learn 1.9.1 raises ValueError here (it asks the device for float64).
    device = xps.Device("no_float64")
    y_true, y_pred = _on([0, 0, 1, 1], device), _on([0, 1, 0, 1], device)
    p, r, f, support = ref.precision_recall_fscore_support(y_true, y_pred)
    for ratio in (p, r, f):
        assert ratio.dtype == xps.float32 and ratio.device == device and _values(ratio).tolist() == [0.5, 0.5]
    assert support.dtype == xps.int64 and _values(support).tolist() == [2, 2]
    cm = ref.confusion_matrix(y_true, y_pred, sample_weight=_on([0.5, 0.25, 2.0, 1.0], device, xps.float32))
    assert cm.dtype == xps.float32 and _values(cm).tolist() == [[0.5, 0.25], [2.0, 1.0]]


def test_a_device_without_int64_gets_its_default_integers(dispatch: None) -> None:
    device = xps.Device("no_x64")
    cm = ref.confusion_matrix(_on([0, 0, 1, 1], device, xps.int32), _on([0, 1, 0, 1], device, xps.int32))
    assert cm.dtype == xps.int32 and cm.device == device and _values(cm).tolist() == [[1, 1], [1, 1]]


def test_float32_indicator_matrices_keep_float64_counts(dispatch: None) -> None:
    # scikit-learn 1.9.1 counts float32 indicator matrices in float32 (and returns float32
    # precision but float64 F1 from one call); the reference keeps its exact float64 counts.
    y_true = _on(np.array([[1, 1], [0, 1], [0, 0]], dtype=np.float32), CPU)
    y_pred = _on(np.array([[1, 1], [1, 1], [1, 1]], dtype=np.float32), CPU)
    w = _on(np.array([0.0, 0.1, 2.0], dtype=np.float32), CPU)
    ours = _quiet(ref.precision_recall_fscore_support, y_true, y_pred, sample_weight=w)
    theirs = _quiet(skm.precision_recall_fscore_support, y_true, y_pred, sample_weight=w)
    assert [v.dtype for v in ours] == [xps.float64] * 4
    assert theirs[0].dtype == xps.float32
    for a, b in zip(ours, theirs):
        np.testing.assert_allclose(_values(a), _values(b), rtol=1e-6)
    # column 0: TP = 0 (the only true 1 has weight 0), predicted = 0 + w1 + 2 with w1 = float32(0.1)
    w1 = float(np.float32(0.1))
    assert _values(ours[0]).tolist() == [0.0, w1 / math.fsum([0.0, w1, 2.0])]
