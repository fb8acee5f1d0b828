"""A numpy reference implementation of classification metrics, with scikit-learn's semantics.

Summary
-------
The functions here have scikit-learn's names, signatures and results (checked against
scikit-learn 1.9.1 to 1e-12): single-label input with any hashable labels (ints,
non-contiguous or large ids, floats with integral values, strings, bools) and multi-label
0/1 indicator matrices (dense or scipy.sparse). They run in O(n + k^2) time with bounded
extra memory. They are a drop-in: scikit-learn's own metric tests pass with them patched in,
except the refusals listed in tests/reference/SKLEARN_REFUSALS.md. Errors are ValueErrors
worded as scikit-learn's (its tests pin the words), with detail after them; the
ill-defined-metric warning is :data:`UndefinedMetricWarning`, a subclass of scikit-learn's
when scikit-learn is importable (imported on first use only: it takes seconds).

Main definitions
----------------
Every metric is computed from per-label sufficient statistics (DESIGN section 2):
``TP_l``, ``pred_l = TP_l + FP_l`` and ``true_l = TP_l + FN_l`` (the support). Counting is a
chunked ``np.bincount`` over ``t * k + p`` (chunks of 2^16 samples, so no temporary is as
large as the input); one division happens at the end, and the 0/0 policy
(``zero_division``) lives in one small function, :func:`_divide`. Integer weights are
summed exactly in int64 (:func:`_exact_bincount`; a total beyond 2**63 - 1 is refused) and
ratios of counts beyond 2**53 are divided exactly; float weights (float32 included) are
summed in float64.

Main statements (used as fast paths, cross-checked by the tests)
----------------------------------------------------------------
- ``fp-fn-balance`` / ``micro-f1-equals-accuracy``: for single-label data and a label set
  containing every label that occurs, ``sum TP = correct`` and ``sum pred = sum true = N``,
  so micro P, R and F_beta are computed from one equality count, without any bincount.
- ``micro-jaccard-from-accuracy``: micro Jaccard = correct / (2 N - correct) there.

Where this module deliberately differs from scikit-learn (always by raising, never by
returning another number): negative sample weights; integer weights totalling more than
2**63 - 1 (scikit-learn's int64 sums wrap around); a Python list mixing strings and numbers
(scikit-learn silently turns ``1`` into ``'1'``); ``labels=`` whose type (string vs number)
differs from the data (in :func:`confusion_matrix` with scikit-learn's message: no such
label can be in y_true); duplicate ``labels=`` in :func:`confusion_matrix`; float labels at or
beyond 2**53, and integer labels beyond 2**53 in one argument beside float labels in the
other (as floats they would merge: 2**53 + 1 rounds to 2**53); long-double weights outside
float64's range. Float32 weights are summed in float64 where scikit-learn sums in float32
(a difference of float32 rounding, below 1e-6 relative). Warnings name the caller's line
(scikit-learn's point inside it).

References
----------
scikit-learn's ``sklearn.metrics`` documentation (semantics of ``average``,
``zero_division``, ``labels`` and ``pos_label``).
"""

from __future__ import annotations

import math
import numbers
import sys
import warnings
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

import numpy as np

__all__ = [
    "UndefinedMetricWarning",
    "accuracy_score",
    "balanced_accuracy_score",
    "cohen_kappa_score",
    "confusion_matrix",
    "f1_score",
    "fbeta_score",
    "jaccard_score",
    "matthews_corrcoef",
    "multilabel_confusion_matrix",
    "per_label_counts",
    "precision_recall_fscore_support",
    "precision_score",
    "recall_score",
]

CHUNK = 1 << 16
"""Samples per counting chunk: temporaries are a few CHUNK-sized int64 arrays (about 1 MiB
at k = 100; measured peak 1.1 MiB at n = 10^7). Small chunks stay in cache, so the per-chunk
min/max and the bincount read each sample from memory once."""

_PAIR_CELLS = 1 << 18
"""Largest k*k for which the joint (true, pred) bincount is used; beyond, three bincounts."""

_DENSE_RANGE = 1 << 20
"""Integer labels spanning at most this many values are counted without re-encoding."""

_AVERAGES = (None, "micro", "macro", "weighted", "samples", "binary")
_ZERO_DIVISION_OPTIONS = "'warn', 0, 1 or numpy.nan"


def _undefined_metric_warning() -> type[Warning]:
    """The class ``UndefinedMetricWarning`` (a metric was 0/0 and replaced by its
    ``zero_division`` value), made on first use.

    When scikit-learn is importable it subclasses scikit-learn's UndefinedMetricWarning, so a
    filter on either class catches it; otherwise it subclasses UserWarning. It is made lazily
    because importing scikit-learn takes seconds and most uses of this module never warn.
    """
    made = globals().get("UndefinedMetricWarning")
    if made is None:
        try:
            from sklearn.exceptions import UndefinedMetricWarning as base
        except ImportError:
            base = UserWarning
        made = type("UndefinedMetricWarning", (base,), {
            "__module__": __name__,
            "__doc__": "A metric was 0/0 and replaced by its ``zero_division`` value (as in scikit-learn).",
        })
        globals()["UndefinedMetricWarning"] = made
    return made


def __getattr__(name: str) -> Any:
    """``UndefinedMetricWarning`` is made on first access (see :func:`_undefined_metric_warning`)."""
    if name == "UndefinedMetricWarning":
        return _undefined_metric_warning()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --------------------------------------------------------------------------- array-API inputs


def _host(x: Any, name: str) -> np.ndarray:
    """``x`` as a numpy array in host memory: ``np.asarray``, or, for an array on another
    device that numpy cannot read directly (array-api-strict's ``device1``, a GPU tensor),
    a DLPack copy to the CPU. Counting always happens here, in numpy."""
    if isinstance(x, np.ndarray):
        return x
    try:
        return np.asarray(x)
    except (RuntimeError, TypeError, ValueError, BufferError) as exc:
        if not hasattr(x, "__dlpack__"):
            raise
        first = exc
    try:
        return np.from_dlpack(x, device="cpu")
    except (RuntimeError, TypeError, ValueError, BufferError, AttributeError) as exc:
        raise ValueError(f"{name} is a {type(x).__module__}.{type(x).__name__} that numpy cannot read "
                         f"(numpy.asarray: {first}; numpy.from_dlpack: {exc}); move it to the CPU "
                         "first") from None


def _dispatching() -> bool:
    """True when scikit-learn's ``array_api_dispatch`` is on (``sklearn.set_config``); it can
    only be on once scikit-learn is imported, so this never imports it."""
    config = sys.modules.get("sklearn._config")
    return config is not None and bool(config.get_config().get("array_api_dispatch", False))


@dataclass(frozen=True)
class _Space:
    """An array namespace and device that array results are returned in."""

    xp: Any
    device: Any


def _namespace(y: Any) -> Any:
    """The array-API namespace of ``y``: its ``__array_namespace__``, else array-api-compat's
    wrapper (PyTorch tensors), standalone or as vendored by scikit-learn; None for anything
    else with ``__dlpack__`` (a pyarrow array), whose results are numpy as in scikit-learn."""
    own = getattr(y, "__array_namespace__", None)
    if own is not None:
        return own()
    import importlib

    for module_name in ("array_api_compat", "sklearn.externals.array_api_compat"):
        try:
            compat = importlib.import_module(module_name)
        except ImportError:
            continue
        try:
            return compat.array_namespace(y)
        except TypeError:  # "... is not a supported array type"
            return None
    return None


def _output_space(y_pred: Any) -> _Space | None:
    """Where scikit-learn 1.9.1 puts array results: with array-API dispatch on, in ``y_pred``'s
    namespace and on its device (``y_true`` and ``sample_weight`` follow ``y_pred``); None for
    numpy (numpy arrays, lists, sparse matrices, data frames, or dispatch off)."""
    if isinstance(y_pred, (np.ndarray, list, tuple)):
        return None
    if not (hasattr(y_pred, "__array_namespace__") or hasattr(y_pred, "__dlpack__")) or _is_sparse(y_pred):
        return None
    if not _dispatching():
        return None
    xp = _namespace(y_pred)
    if xp is None or xp is np or getattr(xp, "__name__", "").endswith("array_api_compat.numpy"):
        return None
    return _Space(xp, getattr(y_pred, "device", None))


def _in_space(result: Any, space: _Space | None) -> Any:
    """A numpy result in ``space`` (None: unchanged). Counts stay int64 and ratios float64,
    the reference's dtypes; float32 only on a device without float64 (as scikit-learn's
    ``_max_precision_float_dtype``), and the default integer type only where a device has
    no int64 and the counts fit it."""
    if space is None or not isinstance(result, np.ndarray):
        return result
    xp, device = space.xp, space.device
    info = getattr(xp, "__array_namespace_info__", None)
    dtypes = info().dtypes(device=device) if info is not None else {}
    kind = result.dtype.kind
    if kind == "f":
        name = "float64" if not dtypes or "float64" in dtypes else "float32"
    elif kind in "iu":
        name = "int64" if not dtypes or "int64" in dtypes else _narrow_integer(result, info().default_dtypes(device=device))
    else:
        name = result.dtype.name
    return xp.asarray(result.astype(name, copy=False), dtype=getattr(xp, name), device=device)


def _narrow_integer(result: np.ndarray, defaults: dict[str, Any]) -> str:
    """The name of a device's default integer type, when ``result`` fits it."""
    name = str(defaults["integral"]).rsplit(".", 1)[-1]
    limits = np.iinfo(name)
    if result.size and (int(result.max()) > limits.max or int(result.min()) < limits.min):
        raise ValueError(f"the counts exceed {name}, the largest integer type of y_pred's device; "
                         "pass the arrays on a device with int64 (or as numpy arrays)")
    return name


# --------------------------------------------------------------------------- validation


def _check_zero_division(zero_division: Any, *, allow_nan: bool = True) -> float | str:
    """Return ``'warn'`` or the float that replaces 0/0; reject anything else.

    ``allow_nan=False`` for jaccard_score, which (as in scikit-learn) does not accept nan.
    """
    if isinstance(zero_division, str):
        if zero_division == "warn":
            return "warn"
    elif isinstance(zero_division, numbers.Real):
        value = float(zero_division)
        if (allow_nan and math.isnan(value)) or value in (0.0, 1.0):
            return value
    options = _ZERO_DIVISION_OPTIONS if allow_nan else "'warn', 0 or 1"
    raise ValueError(f"zero_division must be one of {options}; got {zero_division!r}")


def _check_average(average: Any, allowed: Sequence[str | None] = _AVERAGES) -> None:
    """Reject an ``average`` that is not one of ``allowed`` (listing the legal options)."""
    if not (average is None or isinstance(average, str)) or average not in allowed:
        raise ValueError(f"average must be one of {list(allowed)}; got {average!r}")


def _check_beta(beta: Any) -> float:
    """``beta`` must be a real number in [0, inf] (0 gives precision, inf gives recall)."""
    if isinstance(beta, bool) or not isinstance(beta, numbers.Real) or not float(beta) >= 0:
        raise ValueError(f"beta must be a number in [0, inf]; got {beta!r}")
    return float(beta)


_INT64_MAX = 2**63 - 1


def _weights_array(sample_weight: Any) -> np.ndarray:
    """``sample_weight`` as a 1-D numeric array: bool as int64, object arrays of numbers as
    float64 (as scikit-learn), sparse or complex refused."""
    w = _host(sample_weight, "sample_weight")
    if w.dtype.kind == "c":
        raise ValueError("Complex data not supported: sample_weight must be real")
    if w.dtype.kind == "O":
        try:
            w = w.astype(np.float64)
        except (TypeError, ValueError):
            raise ValueError("sample_weight must be numeric; got dtype object holding non-numbers") from None
    if w.ndim != 1:
        raise ValueError(f"Sample weights must be 1D array or scalar; got an array of shape {w.shape}")
    if w.dtype.kind == "b":
        w = w.astype(np.int64)
    elif w.dtype.kind not in "iuf":
        raise ValueError(f"sample_weight must be numeric; got dtype {w.dtype}")
    return w


def _check_weights(w: np.ndarray) -> np.ndarray:
    """Validate 1-D numeric weights: finite, non-negative, not all zero; integer weights
    become int64 and must total at most 2**63 - 1 (they are summed exactly, in int64); float16
    and float32 weights widen (exactly) to float64, so every sum of them is a float64 sum."""
    if w.dtype.kind == "f":
        if np.isnan(w).any():
            raise ValueError("Input sample_weight contains NaN.")
        if np.isinf(w).any():
            raise ValueError(f"Input sample_weight contains infinity or a value too large for {w.dtype!r}.")
        if w.dtype.itemsize > 8:  # long double: computed in float64, so it must fit
            w = _long_double_weights_as_float64(w)
        elif w.dtype.itemsize < 8:  # a float32 total (accuracy's N, TN) would round by ~1e-7
            w = w.astype(np.float64)
    if (w < 0).any():
        raise ValueError(f"sample_weight must be non-negative; got {w[w < 0][0]!r}")
    if not w.any():
        raise ValueError("Sample weights must contain at least one non-zero number.")
    if w.dtype.kind in "iu":
        w = _exact_integer_weights(w)
    return w


def _exact_integer_weights(w: np.ndarray) -> np.ndarray:
    """Non-negative integer weights as int64, refusing a total beyond int64 (every count is
    then at most the total, so the int64 sums below cannot overflow). The total is summed
    exactly per chunk (high and low 32 bits apart); int64 weights are used without a copy."""
    total = 0
    for s in _chunks(w.shape[0]):
        u = w[s].astype(np.uint64)
        total += (int((u >> np.uint64(32)).sum()) << 32) + int((u & np.uint64(0xFFFFFFFF)).sum())
    if total > _INT64_MAX:
        raise ValueError(f"sample_weight sums to {total}, beyond int64's limit 2**63 - 1 = {_INT64_MAX}; "
                         "integer weights are summed exactly in int64: rescale them or pass floats")
    return w.astype(np.int64, copy=False)  # every weight is at most the total: no value changes


def _long_double_weights_as_float64(w: np.ndarray) -> np.ndarray:
    """Long-double weights as float64 (every metric is computed in float64), refusing weights
    that float64 cannot hold: beyond its range they would turn into inf, below it into 0."""
    with np.errstate(over="ignore", under="ignore"):  # both are checked just below
        as_float = w.astype(np.float64)
    if np.isinf(as_float).any():
        raise ValueError("sample_weight has values beyond float64's range; rescale the weights")
    if ((as_float == 0) & (w != 0)).any():
        raise ValueError("sample_weight has non-zero values too small for float64; rescale the weights")
    return as_float


# --------------------------------------------------------------------------- reading labels


_MIXED_TYPES = "Mix of label input types (string and number)"


def _object_to_labels(arr: np.ndarray, name: str) -> np.ndarray:
    """Turn an object array of Python values into a string or numeric array, or raise."""
    values = arr.tolist()
    if any(v is None for v in values):
        raise ValueError(f"{name} contains None; every sample needs a label")
    n_str = sum(isinstance(v, str) for v in values)
    if n_str == len(values):
        return np.asarray(values, dtype=str)
    if n_str:
        raise ValueError(f"{_MIXED_TYPES}: {name} holds both; use one label type")
    if not all(isinstance(v, (numbers.Real, np.bool_)) for v in values):
        bad = next(v for v in values if not isinstance(v, (numbers.Real, np.bool_)))
        raise ValueError(f"{name} contains {bad!r}; labels must be strings or numbers")
    return np.asarray(values)


def _is_sparse(y: Any) -> bool:
    """True for a scipy.sparse matrix or array (without importing scipy)."""
    return type(y).__module__.startswith("scipy.sparse") and hasattr(y, "toarray")


def _as_array(y: Any, name: str) -> np.ndarray:
    """Convert ``y`` to a numpy array (a scipy.sparse indicator matrix to a dense one),
    refusing lists that mix strings and numbers."""
    if _is_sparse(y):
        arr = np.asarray(y.toarray())
        if arr.ndim != 2 or arr.shape[1] < 2:
            raise ValueError(f"Sparse input is only supported when targets are of multilabel type; "
                             f"{name} has shape {arr.shape}")
        return arr
    arr = _host(y, name)
    if arr.ndim == 0:
        raise ValueError(f"{name} is a scalar; expected a 1-D array of labels or a 2-D 0/1 indicator matrix")
    if arr.dtype.kind == "U" and not isinstance(y, np.ndarray) and arr.ndim == 1:
        if not all(isinstance(v, str) for v in y):
            raise ValueError(f"{_MIXED_TYPES}: {name} holds both; use one label type")
    if arr.dtype.kind == "O":
        if arr.ndim != 1:
            raise ValueError(f"{name} has dtype object and {arr.ndim} dimensions; expected 1-D labels")
        arr = _object_to_labels(arr, name)
    return arr


def _check_lengths(t: np.ndarray, p: np.ndarray, w: np.ndarray | None) -> None:
    """y_true, y_pred (and sample_weight) must have one entry per sample."""
    lengths = [a.shape[0] for a in (t, p, w) if a is not None]
    if len(set(lengths)) > 1:
        names = "y_true, y_pred, sample_weight" if w is not None else "y_true, y_pred"
        raise ValueError(f"Found input variables with inconsistent numbers of samples: {lengths} ({names})")


def _check_finite(arr: np.ndarray, name: str) -> None:
    """Float labels must not be NaN or infinite (every sample needs a label)."""
    if arr.dtype.kind != "f":
        return
    if np.isnan(arr).any():
        raise ValueError(f"Input {name} contains NaN. Every sample needs a label.")
    if np.isinf(arr).any():
        raise ValueError(f"Input {name} contains infinity or a value too large for {arr.dtype!r}.")


def _is_indicator(arr: np.ndarray) -> bool:
    """True when ``arr`` is a 2-D 0/1 matrix with at least two columns (multi-label)."""
    if arr.ndim != 2 or arr.shape[1] < 2 or arr.dtype.kind not in "biuf":
        return False
    return bool(((arr == 0) | (arr == 1)).all())


def _is_continuous(arr: np.ndarray) -> bool:
    """Floats that are not all integers: regression targets, not labels."""
    return arr.dtype.kind == "f" and bool((arr != np.round(arr)).any())


def _target_type(arr: np.ndarray) -> str:
    """scikit-learn's name of the kind of a 1-D or 2-D target (only computed for an error message)."""
    if arr.ndim == 1:
        if _is_continuous(arr):
            return "continuous"
        return "binary" if np.unique(arr).shape[0] <= 2 else "multiclass"
    if _is_indicator(arr):
        return "multilabel-indicator"
    return "continuous-multioutput" if _is_continuous(arr) else "multiclass-multioutput"


def _is_supported(arr: np.ndarray) -> bool:
    """1-D discrete labels or a 0/1 indicator matrix."""
    return (arr.ndim == 1 and not _is_continuous(arr)) or _is_indicator(arr)


def _check_targets(t: np.ndarray, p: np.ndarray) -> None:
    """Both targets of one supported kind (single-label or indicator), as scikit-learn."""
    if _is_supported(t) and _is_supported(p) and t.ndim == p.ndim:
        return
    kinds = [_target_type(a) for a in (t, p)]
    if kinds[0] == kinds[1]:
        raise ValueError(f"{kinds[0]} is not supported: classification metrics need discrete labels "
                         "(1-D) or a 0/1 indicator matrix (multi-label)")
    raise ValueError(f"Classification metrics can't handle a mix of {kinds[0]} and {kinds[1]} targets")


def _check_label_vector(arr: np.ndarray, name: str) -> np.ndarray:
    """Validate a 1-D label vector and return it (bool viewed as uint8, uint64 as int64,
    every float as float64)."""
    kind = arr.dtype.kind
    if kind == "S":
        raise ValueError(f"{name} holds bytes; convert the labels to str or int")
    if kind not in "biufU":
        raise ValueError(f"{name} has unsupported dtype {arr.dtype}; labels must be strings or numbers")
    if kind == "f":
        # float16/float32 widen exactly; a range of float32 labels above 2**24 could not be
        # listed in float32 without rounding (distinct codes, equal labels).
        arr = arr.astype(np.float64, copy=False)
        if (np.abs(arr) >= 2.0**53).any():
            raise ValueError(f"{name} has float labels at or beyond 2**53, where float64 cannot tell "
                             "neighbouring integers apart; pass the labels as integers")
    if kind == "u" and arr.dtype.itemsize == 8:
        if arr.size and arr.max() >= 2**63:
            raise ValueError(f"{name} has labels >= 2**63, which are not supported")
        arr = arr.astype(np.int64)
    return arr


def _squeeze_column(arr: np.ndarray, name: str) -> np.ndarray:
    """A (n, 1) column becomes 1-D labels; more than 2 dimensions are refused."""
    if arr.ndim == 2 and arr.shape[1] == 1:
        return arr[:, 0]
    if arr.ndim == 2 and arr.shape[1] == 0:
        raise ValueError(f"{name} has 0 columns; an indicator matrix needs at least 2")
    if arr.ndim > 2:
        raise ValueError(f"unknown is not supported: {name} has {arr.ndim} dimensions; expected 1-D labels "
                         "or a 2-D indicator matrix")
    return arr


@dataclass(frozen=True)
class _Single:
    """Validated single-label data: two 1-D label vectors of one kind ('num' or 'str')."""

    t: np.ndarray
    p: np.ndarray
    kind: str


@dataclass(frozen=True)
class _Multi:
    """Validated multi-label data: two boolean indicator matrices of the same shape."""

    t: np.ndarray
    p: np.ndarray


def _read(y_true: Any, y_pred: Any, sample_weight: Any) -> tuple[_Single | _Multi, np.ndarray | None]:
    """Validate targets and weights together, in scikit-learn's order (lengths, non-finite
    labels, emptiness, weights, kinds of target, label types), so the first problem found
    is the one scikit-learn reports."""
    t, p = _as_array(y_true, "y_true"), _as_array(y_pred, "y_pred")
    w = None if sample_weight is None else _weights_array(sample_weight)
    _check_lengths(t, p, w)
    _check_finite(t, "y_true")
    _check_finite(p, "y_pred")
    if t.shape[0] == 0:
        raise ValueError("Found empty input array (e.g., `y_true` or `y_pred`) while a minimum of 1 "
                         "sample is required.")
    w = None if w is None else _check_weights(w)
    t, p = _squeeze_column(t, "y_true"), _squeeze_column(p, "y_pred")
    _check_targets(t, p)
    if t.ndim == 2:
        if t.shape[1] != p.shape[1]:
            raise ValueError(f"Multi-label binary indicator input with different numbers of labels: y_true "
                             f"has {t.shape[1]} columns, y_pred has {p.shape[1]}")
        return _Multi(t.astype(bool), p.astype(bool)), w
    t = _check_label_vector(t, "y_true")
    p = _check_label_vector(p, "y_pred")
    kinds = ["str" if a.dtype.kind == "U" else "num" for a in (t, p)]
    if kinds[0] != kinds[1]:
        raise ValueError(
            f"{_MIXED_TYPES}; y_true has {'strings' if kinds[0] == 'str' else 'numbers'}, "
            f"y_pred has {'strings' if kinds[1] == 'str' else 'numbers'}"
        )
    _check_int_float_mix(t, p)
    return _Single(t, p, kinds[0]), w


def _read_targets(y_true: Any, y_pred: Any) -> _Single | _Multi:
    """Validate ``y_true`` and ``y_pred`` alone (metricproofs.scoring counts its batches with it)."""
    return _read(y_true, y_pred, None)[0]


def _check_int_float_mix(t: np.ndarray, p: np.ndarray) -> None:
    """Integer labels beyond 2**53 beside float labels cannot be reported as floats without
    merging distinct labels (2**53 + 1 rounds to 2**53): refuse instead of miscounting."""
    kinds = (t.dtype.kind, p.dtype.kind)
    if "f" not in kinds or kinds == ("f", "f"):
        return
    name, ints = ("y_true", t) if kinds[0] != "f" else ("y_pred", p)
    if ints.size and (int(ints.max()) > 2**53 or int(ints.min()) < -(2**53)):
        other = "y_pred" if name == "y_true" else "y_true"
        raise ValueError(f"{name} has integer labels beyond 2**53 and {other} has float labels, which "
                         "cannot tell them apart; pass both as integers")


# --------------------------------------------------------------------------- encoding


@dataclass(frozen=True)
class _Encoded:
    """Single-label data as integer codes ``value - lo`` in ``[0, size)``.

    For integer labels spanning a small range the codes are the raw arrays shifted by
    ``lo`` (no copy is made); otherwise ``t``/``p`` hold codes from ``np.unique`` and
    ``values`` maps each code back to its label.
    """

    t: np.ndarray
    p: np.ndarray
    lo: int
    size: int
    values: np.ndarray


def _label_range(lo: int, size: int, dtype: Any) -> np.ndarray:
    """The labels ``lo, ..., lo + size - 1`` as ``dtype`` (the last one is a label, so it
    fits int64; ``np.arange(lo, lo + size)`` would leave int64 when it is ``2**63 - 1``)."""
    return (np.arange(size, dtype=np.int64) + np.int64(lo)).astype(dtype)


def _encode(data: _Single) -> _Encoded:
    """Encode labels; avoid sorting when they are integers in a small range."""
    t, p = data.t, data.p
    if data.kind == "num":
        dtype = np.result_type(t.dtype, p.dtype)
        ti, pi = (a.view(np.uint8) if a.dtype.kind == "b" else a for a in (t, p))
        if dtype.kind == "f":
            ti, pi = ti.astype(np.int64), pi.astype(np.int64)
        lo = int(min(ti.min(), pi.min()))
        hi = int(max(ti.max(), pi.max()))
        if hi - lo < _DENSE_RANGE:
            return _Encoded(ti, pi, lo, hi - lo + 1, _label_range(lo, hi - lo + 1, dtype))
        t, p = ti, pi
    values, inverse = np.unique(np.concatenate([t, p]), return_inverse=True)
    n = t.shape[0]
    if data.kind == "num":
        values = values.astype(np.result_type(data.t.dtype, data.p.dtype))
    return _Encoded(inverse[:n], inverse[n:], 0, values.shape[0], values)


def _chunks(n: int) -> Iterator[slice]:
    """Consecutive slices of at most CHUNK samples covering ``range(n)``."""
    for start in range(0, n, CHUNK):
        yield slice(start, min(start + CHUNK, n))


def _codes(a: np.ndarray, lo: int) -> np.ndarray:
    """``a - lo`` as a fresh int64 array (one chunk)."""
    out = a.astype(np.int64)
    if lo:
        out -= lo
    return out


def _wrapped_shift(lo: int, size: int) -> np.int64:
    """``lo * (size + 1)`` as an int64 taken modulo 2**64.

    The joint code ``t * size + p - lo * (size + 1)`` equals ``(t - lo) * size + (p - lo)``,
    which lies in ``[0, size**2)``; numpy's int64 array arithmetic wraps modulo 2**64, so the
    wrapped shift gives the exact code even when ``lo * (size + 1)`` exceeds int64 (labels
    near 2**63), where the plain Python int would raise OverflowError.
    """
    return np.array([lo * (size + 1) % (1 << 64)], dtype=np.uint64).view(np.int64)[0]


def _count_dtype(w: np.ndarray | None) -> type:
    """Counts are int64 without weights or with integer weights (summed exactly), float64
    with float weights."""
    return np.float64 if w is not None and w.dtype.kind == "f" else np.int64


def _bincount(x: np.ndarray, w: np.ndarray | None, size: int) -> np.ndarray:
    """``np.bincount`` with optional weights and (at least) a fixed length; integer weights
    are summed exactly in int64, never through float64 (:func:`_exact_bincount`)."""
    if w is None or w.dtype.kind == "f":
        return np.bincount(x, weights=w, minlength=size)
    return _exact_bincount(x, w, size)


_LOW_BITS = np.int64(0xFFFFFFFF)


def _exact_bincount(x: np.ndarray, w: np.ndarray, size: int) -> np.ndarray:
    """Integer-weighted bincount in int64: the weights' low and high 32 bits are summed apart.

    ``x`` is one chunk (at most 2**19 samples), so each float64 sum of values below 2**32
    stays below 2**51 and is exact; the weights total at most 2**63 - 1 (checked when they
    were read), so joining ``high << 32 + low`` in int64 cannot overflow.
    """
    out = np.bincount(x, weights=w & _LOW_BITS, minlength=size).astype(np.int64)
    high = w >> 32
    if high.any():
        out += np.bincount(x, weights=high, minlength=size).astype(np.int64) << 32
    return out


def _pair_table(enc: _Encoded, w: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """The full ``size x size`` confusion table (weighted) and unweighted occurrence counts.

    One chunked bincount over ``t * size + p``: the counting core of the module.
    """
    size = enc.size
    cells = size * size
    table = np.zeros(cells, dtype=_count_dtype(w))
    seen = table if w is None else np.zeros(cells, dtype=np.int64)
    shift = _wrapped_shift(enc.lo, size)
    for s in _chunks(enc.t.shape[0]):
        code = enc.t[s].astype(np.int64)
        code *= size
        code += enc.p[s]
        if shift:
            code -= shift
        table += _bincount(code, None if w is None else w[s], cells)
        if w is not None:
            seen += _bincount(code, None, cells)
    table = table.reshape(size, size)
    seen = seen.reshape(size, size)
    occurs = (seen.sum(axis=0) + seen.sum(axis=1)) > 0
    return table, occurs


@dataclass(frozen=True)
class _Stats:
    """Per-code sufficient statistics: TP, predicted and true totals, and occurrence;
    ``table`` is the joint (true, pred) table when one was counted (small label ranges)."""

    tp: np.ndarray
    pred: np.ndarray
    true: np.ndarray
    occurs: np.ndarray
    table: np.ndarray | None = None


def _stats_by_bincounts(enc: _Encoded, w: np.ndarray | None) -> _Stats:
    """Per-code statistics by three bincounts (for label sets too large for a k*k table)."""
    size = enc.size
    dtype = _count_dtype(w)
    tp, pred, true = (np.zeros(size, dtype=dtype) for _ in range(3))
    seen = np.zeros(size, dtype=np.int64)
    for s in _chunks(enc.t.shape[0]):
        tc, pc = _codes(enc.t[s], enc.lo), _codes(enc.p[s], enc.lo)
        ws = None if w is None else w[s]
        eq = tc == pc
        true += _bincount(tc, ws, size)
        pred += _bincount(pc, ws, size)
        tp += _bincount(tc[eq], None if ws is None else ws[eq], size)
        if w is not None:  # unweighted, true + pred already are the occurrence counts
            seen += _bincount(tc, None, size) + _bincount(pc, None, size)
    return _Stats(tp, pred, true, (seen if w is not None else true + pred) > 0)


def _single_stats(enc: _Encoded, w: np.ndarray | None) -> _Stats:
    """Per-code TP, pred, true: one joint bincount when k*k is small, else three bincounts."""
    if enc.size * enc.size <= _PAIR_CELLS:
        table, occurs = _pair_table(enc, w)
        return _Stats(np.diagonal(table).copy(), table.sum(axis=0), table.sum(axis=1), occurs, table)
    return _stats_by_bincounts(enc, w)


def _regrid(old: np.ndarray | None, old_lo: int, new_lo: int, new_size: int, dtype: Any) -> np.ndarray:
    """A ``new_size x new_size`` table over labels ``new_lo...`` holding ``old`` at its place."""
    table = np.zeros((new_size, new_size), dtype=dtype)
    if old is not None:
        off, m = old_lo - new_lo, old.shape[0]
        table[off:off + m, off:off + m] = old
    return table


def _joint_codes(tc: np.ndarray, pc: np.ndarray, lo: int, size: int, out: np.ndarray) -> np.ndarray:
    """``(t - lo) * size + (p - lo)`` into the int64 buffer ``out`` (no allocation)."""
    code = out[: tc.shape[0]]
    np.copyto(code, tc, casting="safe")
    code *= size
    code += pc
    if lo:
        code -= _wrapped_shift(lo, size)
    return code


def _chunk_table(code: np.ndarray, wc: np.ndarray | None, size: int) -> np.ndarray | None:
    """The chunk's joint counts, or None if some true label fell outside the table's range.

    The caller has checked the predicted labels lie in ``[lo, lo + size)``; then a true label
    below ``lo`` makes its code negative and one above makes it ``>= size * size``, which
    ``np.bincount`` reports by raising or by a longer result.
    """
    try:
        counts = _bincount(code, wc, size * size)
    except ValueError:
        return None
    return counts if counts.shape[0] == size * size else None


@dataclass
class _RunningTable:
    """A joint (true, pred) table over the label range ``[lo, hi]``, widened as chunks
    reveal new labels; ``seen`` holds unweighted counts (occurrence ignores weights)."""

    weighted: bool
    dtype: type = np.int64
    lo: int = 0
    hi: int = -1
    table: np.ndarray | None = None
    seen: np.ndarray | None = None

    @property
    def size(self) -> int:
        return self.hi - self.lo + 1

    def widen(self, tc: np.ndarray, pc: np.ndarray, max_size: int) -> bool:
        """Grow the range to cover this chunk; False when it would exceed ``max_size``."""
        lo, hi = int(min(tc.min(), pc.min())), int(max(tc.max(), pc.max()))
        if self.table is not None:
            lo, hi = min(lo, self.lo), max(hi, self.hi)
        if hi - lo + 1 > max_size:
            return False
        self.table = _regrid(self.table, self.lo, lo, hi - lo + 1, self.dtype)
        self.seen = _regrid(self.seen, self.lo, lo, hi - lo + 1, np.int64) if self.weighted else self.table
        self.lo, self.hi = lo, hi
        return True

    def add(self, tc: np.ndarray, pc: np.ndarray, wc: np.ndarray | None, buf: np.ndarray) -> bool:
        """Count one chunk; False (nothing added) if a label lies outside the range."""
        if self.table is None or pc.min() < self.lo or pc.max() > self.hi:
            return False
        code = _joint_codes(tc, pc, self.lo, self.size, buf)
        counts = _chunk_table(code, wc, self.size)
        if counts is None:
            return False
        self.table += counts.reshape(self.size, self.size)
        if self.weighted:
            self.seen += np.bincount(code, minlength=self.size**2).reshape(self.size, self.size)
        return True


def _streaming_pair_table(
    t: np.ndarray, p: np.ndarray, w: np.ndarray | None
) -> tuple[int, int, _Stats] | None:
    """One pass over integer labels: a joint bincount per chunk, widening the label range
    when a chunk holds new labels (the range checks cost two reductions of the predicted
    labels per chunk; the true labels are checked by the bincount itself).

    Returns ``(lo, size, stats)``, or None when the range outgrows a ``k x k`` table.
    """
    max_size = min(math.isqrt(_PAIR_CELLS), _DENSE_RANGE)
    running = _RunningTable(weighted=w is not None, dtype=_count_dtype(w))
    buf = np.empty(0, dtype=np.int64)
    start, n = 0, t.shape[0]
    while start < n:
        # At least 2 samples per table cell, so adding each chunk's table stays cheap.
        s = slice(start, start + max(CHUNK, 2 * running.size**2))
        start = s.stop
        tc, pc, wc = t[s], p[s], None if w is None else w[s]
        if buf.shape[0] < tc.shape[0]:
            buf = np.empty(tc.shape[0], dtype=np.int64)
        if not running.add(tc, pc, wc, buf):
            if not running.widen(tc, pc, max_size):
                return None
            running.add(tc, pc, wc, buf)
    seen, table = running.seen, running.table
    occurs = (seen.sum(axis=0) + seen.sum(axis=1)) > 0
    stats = _Stats(np.diagonal(table).copy(), table.sum(axis=0), table.sum(axis=1), occurs, table)
    return running.lo, running.size, stats


def _count_single(data: _Single, w: np.ndarray | None) -> tuple[_Encoded, _Stats]:
    """Encode and count single-label data: per-code TP, pred, true totals and occurrence.

    Integer labels in a small range take one streaming pass (no separate min/max pass, no
    re-encoding); anything else is encoded first (dense range or ``np.unique``) and counted.
    """
    if data.kind == "num":
        ti, pi = (a.view(np.uint8) if a.dtype.kind == "b" else a for a in (data.t, data.p))
        dtype = np.result_type(data.t.dtype, data.p.dtype)
        if dtype.kind != "f":
            found = _streaming_pair_table(ti, pi, w)
            if found is not None:
                lo, size, stats = found
                return _Encoded(ti, pi, lo, size, _label_range(lo, size, dtype)), stats
    enc = _encode(data)
    return enc, _single_stats(enc, w)


def _correct_weight(t: np.ndarray, p: np.ndarray, w: np.ndarray | None) -> float | int:
    """Total weight of samples with ``t == p`` (chunked, one boolean temporary per chunk)."""
    total: float | int = 0
    for s in _chunks(t.shape[0]):
        eq = t[s] == p[s]
        if w is None:
            total += int(np.count_nonzero(eq))
        else:
            part = w[s][eq].sum()
            total += float(part) if w.dtype.kind == "f" else int(part)
    return total


def _total_weight(n: int, w: np.ndarray | None) -> float | int:
    """N: the number of samples, or the sum of their weights."""
    if w is None:
        return n
    return float(w.sum()) if w.dtype.kind == "f" else int(w.sum())


# --------------------------------------------------------------------------- label selection


def _labels_array(labels: Any) -> np.ndarray:
    """``labels=`` as a 1-D array (an empty list is allowed here)."""
    arr = _host(labels, "labels")
    if arr.ndim != 1:
        raise ValueError(f"labels must be a 1-D list of labels; got {labels!r}")
    if arr.dtype.kind == "O":
        arr = _object_to_labels(arr, "labels") if arr.size else arr.astype(np.int64)
    if arr.dtype.kind == "U" and not isinstance(labels, np.ndarray):
        if not all(isinstance(v, str) for v in labels):
            raise ValueError("labels mixes strings and numbers; use the label type of y_true")
    return arr


def _positions(enc: _Encoded, kind: str, labels: np.ndarray) -> np.ndarray:
    """Code of each requested label, or -1 when the label cannot occur in the data."""
    if labels.size == 0:
        return np.zeros(0, dtype=np.int64)
    lab_kind = "str" if labels.dtype.kind == "U" else "num"
    if lab_kind != kind:
        raise ValueError(
            f"labels= holds {'strings' if lab_kind == 'str' else 'numbers'} but y_true and "
            f"y_pred hold {'strings' if kind == 'str' else 'numbers'}"
        )
    if kind == "num" and labels.dtype.kind not in "biuf":
        raise ValueError(f"labels has unsupported dtype {labels.dtype}")
    pos = np.searchsorted(enc.values, labels)
    pos = np.minimum(pos, enc.size - 1)
    return np.where(enc.values[pos] == labels, pos, -1)


def _gather(x: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """``x[pos]`` with zero where ``pos`` is -1 (a requested label absent from the data)."""
    if pos.size == 0:
        return np.zeros(0, dtype=x.dtype)
    return np.where(pos >= 0, x[np.maximum(pos, 0)], 0).astype(x.dtype)


# --------------------------------------------------------------------------- per-label counts


@dataclass(frozen=True)
class _Counts:
    """Selected labels with their TP, predicted total and true total (the support)."""

    labels: np.ndarray
    tp: np.ndarray
    pred: np.ndarray
    true: np.ndarray


def _single_counts(data: _Single, w: np.ndarray | None, labels: Any) -> _Counts:
    """Per-label counts of single-label data for ``labels`` (default: every occurring label)."""
    enc, st = _count_single(data, w)
    if labels is None:
        pos = np.flatnonzero(st.occurs)
        lab = enc.values[pos]
    else:
        lab = _labels_array(labels)
        pos = _positions(enc, data.kind, lab)
    return _Counts(lab, _gather(st.tp, pos), _gather(st.pred, pos), _gather(st.true, pos))


def _column_indices(labels: Any, n_columns: int) -> np.ndarray:
    """``labels=`` for indicator input: column indices in ``[0, n_columns)``."""
    lab = _labels_array(labels)
    if lab.size == 0:
        return np.zeros(0, dtype=np.int64)
    if lab.dtype.kind not in "biuf" or (lab.dtype.kind == "f" and (lab != np.round(lab)).any()):
        raise ValueError(f"labels for multi-label input must be column indices; got {labels!r}")
    idx = lab.astype(np.int64)
    if idx.max() >= n_columns:
        raise ValueError(f"All labels must be in [0, n labels) for multilabel targets. Got {idx.max()} > "
                         f"{n_columns - 1} (labels are column indices in [0, {n_columns}))")
    if idx.min() < 0:
        raise ValueError(f"All labels must be in [0, n labels) for multilabel targets. Got {idx.min()} < 0 "
                         f"(labels are column indices in [0, {n_columns}))")
    return idx


def _multi_counts(data: _Multi, w: np.ndarray | None, labels: Any) -> _Counts:
    """Per-column counts of indicator data (columns ``labels``, default all)."""
    n_columns = data.t.shape[1]
    idx = np.arange(n_columns) if labels is None else _column_indices(labels, n_columns)
    t, p = data.t[:, idx], data.p[:, idx]
    if w is None:
        return _Counts(idx, (t & p).sum(axis=0), p.sum(axis=0), t.sum(axis=0))
    wf = w if w.dtype.kind == "i" else w.astype(np.float64)  # int64 @ bool sums exactly in int64
    return _Counts(idx, wf @ (t & p), wf @ p, wf @ t)


def per_label_counts(
    y_true: Any, y_pred: Any, *, labels: Any = None, sample_weight: Any = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per-label ``(labels, TP, FP, FN, support)``, the sufficient statistics of every metric.

    ``labels`` defaults to every label occurring in ``y_true`` or ``y_pred`` (sorted); given
    labels keep their order and absent ones get zero counts. For indicator input the labels
    are column indices. Counts are int64 without weights or with integer weights (summed
    exactly), float64 with float weights. Samples whose labels are outside ``labels`` still
    count as FP / FN of the selected labels, as in
    scikit-learn's ``multilabel_confusion_matrix``.
    """
    data, w = _read(y_true, y_pred, sample_weight)
    c = _multi_counts(data, w, labels) if isinstance(data, _Multi) else _single_counts(data, w, labels)
    return c.labels, c.tp, c.pred - c.tp, c.true - c.tp, c.true


# --------------------------------------------------------------------------- division and averaging


def _beyond_float64(num: Any, den: Any) -> bool:
    """Integer counts (integer weights) with a denominator above 2**53, where float64 would
    round the counts before dividing: such ratios are divided exactly (Python ints divide
    with one correct rounding)."""
    return (isinstance(num, np.ndarray) and isinstance(den, np.ndarray) and num.dtype.kind == "i"
            and den.dtype.kind == "i" and den.size > 0 and int(den.max()) > 2**53)


def _divide(num: np.ndarray, den: np.ndarray, zero_division: float | str) -> tuple[np.ndarray, bool]:
    """``num / den`` with 0/0 replaced by the ``zero_division`` value ('warn' acts as 0).

    Returns the ratios and whether any denominator was zero.
    """
    if _beyond_float64(num, den):
        out = np.array([int(a) / int(b) if b else 0.0 for a, b in zip(num.tolist(), den.tolist())])
        zero = den == 0
    else:
        num = np.asarray(num, dtype=np.float64)
        den = np.asarray(den, dtype=np.float64)
        zero = den == 0
        out = num / np.where(zero, 1.0, den)
    out[zero] = 0.0 if zero_division == "warn" else zero_division
    return out, bool(zero.any())


def _warn(message: str, category: type[Warning]) -> None:
    """``warnings.warn`` attributed to the first frame outside this module: the user's line,
    however many functions of reference.py lie between it and the warning."""
    frame, level = sys._getframe(1), 2
    while frame is not None and frame.f_code.co_filename == __file__:
        frame, level = frame.f_back, level + 1
    warnings.warn(message, category, stacklevel=level)


def _warn_undefined(metric: str, modifier: str, average: str | None, size: int) -> None:
    """Emit scikit-learn's ill-defined-metric warning for ``metric``."""
    axis0, axis1 = ("label", "sample") if average == "samples" else ("sample", "label")
    where = "due to" if size == 1 else f"in {axis1}s with"
    _warn(f"{metric} is ill-defined and being set to 0.0 {where} no {modifier} {axis0}s. "
          "Use `zero_division` parameter to control this behavior.", _undefined_metric_warning())


def _ratio(num: np.ndarray, den: np.ndarray, zero_division: float | str, name: str, modifier: str,
           average: str | None, warn: bool) -> np.ndarray:
    """Divide, and warn (only under 'warn' and when asked) if some ratio was 0/0."""
    out, undefined = _divide(num, den, zero_division)
    if undefined and warn and zero_division == "warn":
        _warn_undefined(name, modifier, average, out.shape[0])
    return out


def _nanaverage(values: np.ndarray, weights: np.ndarray | None) -> float:
    """Mean of the non-NaN values, weighted if given (unweighted when the weights sum to 0)."""
    keep = ~np.isnan(values)
    if not keep.any():
        return float("nan")
    if weights is None or not np.asarray(weights, dtype=np.float64)[keep].sum():
        return float(np.mean(values[keep]))
    return float(np.average(values[keep], weights=np.asarray(weights, dtype=np.float64)[keep]))


# --------------------------------------------------------------------------- set-wise statistics


@dataclass(frozen=True)
class _SetStats:
    """Numerators/denominators ready for division, plus the weights of the final average."""

    tp: np.ndarray
    pred: np.ndarray
    true: np.ndarray
    average_weights: np.ndarray | None


def _pos_label_labels(data: _Single | _Multi, pos_label: Any) -> list[Any] | None:
    """``average='binary'``: check the data is binary and return ``[pos_label]``.

    None means ``pos_label`` does not occur (allowed when fewer than two labels occur): all
    its counts are zero, whatever its type.
    """
    if isinstance(data, _Multi):
        raise ValueError(
            "Target is multilabel-indicator but average='binary'. Please choose another average "
            "setting, one of [None, 'micro', 'macro', 'weighted', 'samples']."
        )
    present = _single_counts(data, None, None).labels
    if present.shape[0] > 2:
        raise ValueError(
            "Target is multiclass but average='binary'. Please choose another average setting, "
            "one of [None, 'micro', 'macro', 'weighted']."
        )
    if pos_label not in present.tolist() and present.shape[0] >= 2:
        raise ValueError(f"pos_label={pos_label} is not a valid label. It should be one of {present}")
    return [pos_label] if pos_label in present.tolist() else None


def _is_cover(data: _Single, labels: Any) -> bool:
    """True when ``labels`` lists every occurring label exactly once (or is None).

    Then ``micro-superset-labels-equals-accuracy`` applies: absent extra labels add nothing.
    """
    if labels is None:
        return True
    lab = _labels_array(labels)
    if lab.size == 0 or ("str" if lab.dtype.kind == "U" else "num") != data.kind:
        return False
    if np.unique(lab).shape[0] != lab.shape[0]:
        return False
    present = _single_counts(data, None, None).labels
    return bool(np.isin(present, lab).all())


def _samples_stats(data: _Single | _Multi, w: np.ndarray | None, labels: Any) -> _SetStats:
    """``average='samples'``: per-sample weighted counts (multi-label only)."""
    if not isinstance(data, _Multi):
        raise ValueError("Samplewise metrics are not available outside of multilabel classification: "
                         "average='samples' needs multi-label (indicator) input")
    idx = np.arange(data.t.shape[1]) if labels is None else _column_indices(labels, data.t.shape[1])
    t, p = data.t[:, idx], data.p[:, idx]
    counts = [(t & p).sum(axis=1), p.sum(axis=1), t.sum(axis=1)]
    if w is not None:
        counts = [c * w for c in counts]
    return _SetStats(counts[0], counts[1], counts[2], w)


def _set_stats(y_true: Any, y_pred: Any, labels: Any, pos_label: Any, average: str | None,
               sample_weight: Any) -> _SetStats:
    """The sufficient statistics for one ``average`` mode, with the micro fast path."""
    data, w = _read(y_true, y_pred, sample_weight)
    if average == "binary":
        labels = _pos_label_labels(data, pos_label)
        if labels is None:
            zero = np.zeros(1, dtype=np.int64)
            return _SetStats(zero, zero, zero, None)
    elif pos_label not in (None, 1):
        _warn(f"Note that pos_label (set to {pos_label!r}) is ignored when average != 'binary' "
              f"(got {average!r}). You may use labels=[pos_label] to specify a single positive class.",
              UserWarning)
    if average == "samples":
        return _samples_stats(data, w, labels)
    if average == "micro" and isinstance(data, _Single) and _is_cover(data, labels):
        return _micro_from_accuracy(data, w)
    counts = _multi_counts(data, w, labels) if isinstance(data, _Multi) else _single_counts(data, w, labels)
    if average == "micro":
        return _SetStats(*(np.atleast_1d(x.sum()) for x in (counts.tp, counts.pred, counts.true)), None)
    return _SetStats(counts.tp, counts.pred, counts.true, counts.true if average == "weighted" else None)


def _micro_from_accuracy(data: _Single, w: np.ndarray | None) -> _SetStats:
    """Fast path (``fp-fn-balance``): sum TP = correct, sum pred = sum true = N."""
    correct = _correct_weight(data.t, data.p, w)
    total = _total_weight(data.t.shape[0], w)
    return _SetStats(np.array([correct]), np.array([total]), np.array([total]), None)


# --------------------------------------------------------------------------- public metrics


def _fscore(st: _SetStats, beta: float, zero_division: float | str, average: str | None,
            warn: bool, precision: np.ndarray, recall: np.ndarray) -> np.ndarray:
    """F_beta = (1 + b^2) TP / (b^2 true + pred), with scikit-learn's limits at b = 0 and inf."""
    if math.isinf(beta):
        return recall
    if beta == 0:
        return precision
    b2 = beta * beta
    den = b2 * np.asarray(st.true, dtype=np.float64) + np.asarray(st.pred, dtype=np.float64)
    return _ratio((1 + b2) * np.asarray(st.tp, dtype=np.float64), den, zero_division, "F-score",
                  "true nor predicted", average, warn)


def precision_recall_fscore_support(
    y_true: Any,
    y_pred: Any,
    *,
    beta: float = 1.0,
    labels: Any = None,
    pos_label: Any = 1,
    average: str | None = None,
    warn_for: Sequence[str] = ("precision", "recall", "f-score"),
    sample_weight: Any = None,
    zero_division: Any = "warn",
) -> tuple[Any, Any, Any, Any]:
    """Precision, recall, F_beta and support per label, or their ``average`` (support None).

    Per-label arrays are numpy arrays, or, under scikit-learn's array-API dispatch, arrays in
    ``y_pred``'s namespace and on its device; averages are Python floats."""
    space = _output_space(y_pred)
    zd = _check_zero_division(zero_division)
    _check_average(average)
    beta = _check_beta(beta)
    st = _set_stats(y_true, y_pred, labels, pos_label, average, sample_weight)
    precision = _ratio(st.tp, st.pred, zd, "Precision", "predicted", average, "precision" in warn_for)
    recall = _ratio(st.tp, st.true, zd, "Recall", "true", average, "recall" in warn_for)
    fscore = _fscore(st, beta, zd, average, "f-score" in warn_for, precision, recall)
    if average is None:
        return (_in_space(precision, space), _in_space(recall, space), _in_space(fscore, space),
                _in_space(np.asarray(st.true), space))
    w = st.average_weights
    return _nanaverage(precision, w), _nanaverage(recall, w), _nanaverage(fscore, w), None


def fbeta_score(y_true: Any, y_pred: Any, *, beta: float, labels: Any = None, pos_label: Any = 1,
                average: str | None = "binary", sample_weight: Any = None,
                zero_division: Any = "warn") -> Any:
    """F_beta score (weighted harmonic mean of precision and recall)."""
    return precision_recall_fscore_support(
        y_true, y_pred, beta=beta, labels=labels, pos_label=pos_label, average=average,
        warn_for=("f-score",), sample_weight=sample_weight, zero_division=zero_division,
    )[2]


def f1_score(y_true: Any, y_pred: Any, *, labels: Any = None, pos_label: Any = 1,
             average: str | None = "binary", sample_weight: Any = None, zero_division: Any = "warn") -> Any:
    """F1 score: F_beta with beta = 1."""
    return fbeta_score(y_true, y_pred, beta=1.0, labels=labels, pos_label=pos_label, average=average,
                       sample_weight=sample_weight, zero_division=zero_division)


def precision_score(y_true: Any, y_pred: Any, *, labels: Any = None, pos_label: Any = 1,
                    average: str | None = "binary", sample_weight: Any = None,
                    zero_division: Any = "warn") -> Any:
    """Precision TP / (TP + FP)."""
    return precision_recall_fscore_support(
        y_true, y_pred, labels=labels, pos_label=pos_label, average=average,
        warn_for=("precision",), sample_weight=sample_weight, zero_division=zero_division,
    )[0]


def recall_score(y_true: Any, y_pred: Any, *, labels: Any = None, pos_label: Any = 1,
                 average: str | None = "binary", sample_weight: Any = None,
                 zero_division: Any = "warn") -> Any:
    """Recall TP / (TP + FN)."""
    return precision_recall_fscore_support(
        y_true, y_pred, labels=labels, pos_label=pos_label, average=average,
        warn_for=("recall",), sample_weight=sample_weight, zero_division=zero_division,
    )[1]


def jaccard_score(y_true: Any, y_pred: Any, *, labels: Any = None, pos_label: Any = 1,
                  average: str | None = "binary", sample_weight: Any = None,
                  zero_division: Any = "warn") -> Any:
    """Jaccard index TP / (TP + FP + FN); micro over all labels is acc / (2 - acc)."""
    space = _output_space(y_pred)
    zd = _check_zero_division(zero_division, allow_nan=False)
    _check_average(average)
    st = _set_stats(y_true, y_pred, labels, pos_label, average, sample_weight)
    tp = np.asarray(st.tp, dtype=np.float64)
    den = np.asarray(st.pred, dtype=np.float64) + np.asarray(st.true, dtype=np.float64) - tp
    score = _ratio(tp, den, zd, "Jaccard", "true or predicted", average, True)
    if average is None:
        return _in_space(score, space)
    weights = st.average_weights
    if average == "weighted" and not np.any(weights):
        weights = None
    if score.size == 0:
        return float("nan")
    return float(np.average(score, weights=weights))


def accuracy_score(y_true: Any, y_pred: Any, *, normalize: bool = True, sample_weight: Any = None) -> float:
    """Fraction (or, with ``normalize=False``, total weight) of exactly correct samples."""
    if not isinstance(normalize, (bool, np.bool_)):
        raise ValueError(f"normalize must be True or False; got {normalize!r}")
    data, w = _read(y_true, y_pred, sample_weight)
    if isinstance(data, _Multi):
        correct_rows = (data.t == data.p).all(axis=1)
        correct = _total_weight(int(correct_rows.sum()), None if w is None else w[correct_rows])
    else:
        correct = _correct_weight(data.t, data.p, w)
    if not normalize:
        return float(correct)
    return float(correct / _total_weight(data.t.shape[0], w))


def balanced_accuracy_score(y_true: Any, y_pred: Any, *, sample_weight: Any = None,
                            adjusted: bool = False) -> float:
    """Mean recall over the labels of ``y_true``; ``adjusted`` rescales chance to 0."""
    if not isinstance(adjusted, (bool, np.bool_)):
        raise ValueError(f"adjusted must be True or False; got {adjusted!r}")
    data, w = _read(y_true, y_pred, sample_weight)
    if isinstance(data, _Multi):
        raise ValueError("balanced_accuracy_score does not support multi-label (indicator) input")
    counts = _single_counts(data, w, None)
    with_true = counts.true != 0
    if not with_true.all():
        _warn("y_pred contains classes not in y_true", UserWarning)
    score = float(np.mean(counts.tp[with_true] / counts.true[with_true]))
    if adjusted:
        n_classes = int(with_true.sum())
        if n_classes < 2:
            return _single_class_adjusted(score)
        chance = 1 / n_classes
        score = (score - chance) / (1 - chance)
    return score


def _single_class_adjusted(score: float) -> float:
    """Adjusted balanced accuracy when y_true has one class: chance is 1, so the rescaling
    divides by 0. scikit-learn returns nan (0/0, a perfect fold) or -inf; so does this module,
    with a warning, so that a cross-validation fold with one class does not stop the run."""
    value = float("nan") if score == 1 else float("-inf")
    _warn(f"Adjusted balanced accuracy is undefined when y_true has a single class (chance level 1); "
          f"returning {value}, as scikit-learn does.", _undefined_metric_warning())
    return value


def _selection(enc: _Encoded, data: _Single, labels: Any, occurs: np.ndarray) -> np.ndarray:
    """Codes of the confusion matrix's rows/columns: occurring labels, or ``labels=``."""
    if labels is None:
        return np.flatnonzero(occurs)
    lab = _labels_array(labels)
    if lab.size == 0:
        raise ValueError("'labels' should contain at least one label.")
    if np.unique(lab).shape[0] != lab.shape[0]:
        raise ValueError(f"labels contains duplicates: {labels!r}")
    if ("str" if lab.dtype.kind == "U" else "num") != data.kind:
        # No label of the other type can be in y_true: scikit-learn's error, with the reason.
        raise ValueError("At least one label specified must be in y_true; labels= holds "
                         f"{'strings' if data.kind == 'num' else 'numbers'} but y_true and y_pred hold "
                         f"{'strings' if data.kind == 'str' else 'numbers'}")
    return _positions(enc, data.kind, lab)


def _matrix_for(enc: _Encoded, w: np.ndarray | None, pos: np.ndarray) -> tuple[np.ndarray, bool]:
    """Confusion matrix restricted to codes ``pos`` (-1 rows are empty) and whether any
    selected label occurs in ``y_true``. Samples with a label outside ``pos`` are dropped."""
    m = pos.shape[0]
    lut = np.full(enc.size, -1, dtype=np.int64)
    lut[pos[pos >= 0]] = np.flatnonzero(pos >= 0)
    cm = np.zeros(m * m, dtype=_count_dtype(w))
    true_hit = False
    for s in _chunks(enc.t.shape[0]):
        rt, rp = lut[_codes(enc.t[s], enc.lo)], lut[_codes(enc.p[s], enc.lo)]
        true_hit = true_hit or bool((rt >= 0).any())
        keep = (rt >= 0) & (rp >= 0)
        ws = None if w is None else w[s][keep]
        cm += _bincount(rt[keep] * m + rp[keep], ws, m * m)
    return cm.reshape(m, m), true_hit


def confusion_matrix(y_true: Any, y_pred: Any, *, labels: Any = None, sample_weight: Any = None,
                     normalize: str | None = None) -> Any:
    """``C[i, j]`` = weight of samples with true label ``labels[i]`` and predicted ``labels[j]``:
    a numpy array, or, under scikit-learn's array-API dispatch, one in ``y_pred``'s namespace
    and on its device."""
    space = _output_space(y_pred)
    return _in_space(_confusion_matrix(y_true, y_pred, labels, sample_weight, normalize), space)


def _confusion_matrix(y_true: Any, y_pred: Any, labels: Any, sample_weight: Any,
                      normalize: str | None) -> np.ndarray:
    """The confusion matrix as a numpy array (what cohen_kappa_score and matthews_corrcoef use)."""
    if normalize not in (None, "true", "pred", "all"):
        raise ValueError(f"normalize must be one of ['true', 'pred', 'all', None]; got {normalize!r}")
    data, w = _read(y_true, y_pred, sample_weight)
    if isinstance(data, _Multi):
        raise ValueError(
            "confusion_matrix does not support multi-label input; use multilabel_confusion_matrix"
        )
    enc, stats = _count_single(data, w if labels is None else None)
    pos = _selection(enc, data, labels, stats.occurs)
    if labels is None and stats.table is not None:
        # Every occurring label: the counting pass's joint table already is the matrix.
        cm, true_hit = stats.table[np.ix_(pos, pos)], True
    else:
        cm, true_hit = _matrix_for(enc, w, pos)
    if labels is not None and not true_hit:
        raise ValueError("At least one label specified must be in y_true")
    if cm.shape == (1, 1):
        _warn("A single label was found in 'y_true' and 'y_pred'. For the confusion matrix "
              "to have the correct shape, use the 'labels' parameter to pass all known labels.", UserWarning)
    return _normalize(cm, normalize)


def _normalize(cm: np.ndarray, normalize: str | None) -> np.ndarray:
    """Divide by row sums ('true'), column sums ('pred') or the total ('all'); 0/0 -> 0."""
    if normalize is None:
        return cm
    axis = {"true": 1, "pred": 0, "all": None}[normalize]
    with np.errstate(all="ignore"):
        out = cm / cm.sum(axis=axis, keepdims=axis is not None)
    return np.nan_to_num(out)


def multilabel_confusion_matrix(y_true: Any, y_pred: Any, *, sample_weight: Any = None, labels: Any = None,
                                samplewise: bool = False) -> np.ndarray:
    """One 2x2 matrix ``[[TN, FP], [FN, TP]]`` per label (or per sample with ``samplewise``), in
    ``y_pred``'s namespace and on its device under scikit-learn's array-API dispatch."""
    space = _output_space(y_pred)
    data, w = _read(y_true, y_pred, sample_weight)
    if samplewise:
        if not isinstance(data, _Multi):
            raise ValueError("Samplewise metrics are not available outside of multilabel classification.")
        st = _samples_stats(data, w, labels)
        n_cols = data.t.shape[1] if labels is None else _column_indices(labels, data.t.shape[1]).shape[0]
        total = n_cols if w is None else w * n_cols
    else:
        c = _multi_counts(data, w, labels) if isinstance(data, _Multi) else _single_counts(data, w, labels)
        st = _SetStats(c.tp, c.pred, c.true, None)
        total = _total_weight(data.t.shape[0], w)
    fp, fn = st.pred - st.tp, st.true - st.tp
    tn = total - st.tp - fp - fn
    mcm = np.stack([tn, fp, fn, st.tp], axis=-1).reshape(-1, 2, 2)
    if isinstance(data, _Single) and w is None and _correct_weight(data.t, data.p, None) == 0:
        # scikit-learn 1.9.1 returns floats when no sample at all is correct; match its dtype.
        mcm = mcm.astype(np.float64)
    if w is not None and not samplewise:
        mcm = mcm.astype(np.float64)  # scikit-learn's dtype with weights (the sums above are exact)
    return _in_space(mcm, space)


from metricproofs._reference_agreement import cohen_kappa_score, matthews_corrcoef  # noqa: E402  (they use confusion_matrix above)
