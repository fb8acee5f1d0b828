"""Evaluating one case: call the function as it expects, read its value, judge every property.

Summary
    :func:`call` passes ``y_true`` / ``y_pred`` as lists, numpy arrays or int64 torch
    tensors, in the order the function takes (``preds_first``), on fresh copies with
    warnings silenced. :func:`read` turns what came back into a number (or one number per
    label), reading 0-d arrays and tensors as numbers, and names its precision;
    a non-numeric return (None, a string, a list for a single value) is
    :class:`NonNumeric`. :func:`tolerance_for` is the tolerance in force: the claim's, or
    the default for the precision returned (float64 1e-9, float32 1e-6, float16 1e-3).
    :func:`violations` lists the properties one case breaks, in report order.
"""

from __future__ import annotations

import numbers
import warnings
from dataclasses import dataclass
from typing import Any, Callable, Mapping

import numpy as np

from metricproofs.testing.cases import Case
from metricproofs.testing.claim import CheckClaim
from metricproofs.testing.names import UNAVERAGED_METRICS
from metricproofs.testing.oracles import AT_MOST, identities, reference_value, symmetric

__all__ = ["Violation", "Reading", "NonNumeric", "call", "read", "tolerance_for", "close", "violations",
           "DEFAULT_RTOL", "DEFAULT_ATOL", "FLOAT32_HINT"]

#: Default relative tolerance by the precision of the returned value.
DEFAULT_RTOL: dict[str, float] = {"float64": 1e-9, "float32": 1e-6, "float16": 1e-3, "bfloat16": 1e-2}
DEFAULT_ATOL = 1e-12
#: A gap within this relative size looks like float32 rounding.
FLOAT32_HINT = 1e-6


@dataclass(frozen=True)
class Reading:
    """A returned value read as a float (or a list of floats) and the precision it came in."""

    value: Any
    precision: str


class NonNumeric(Exception):
    """The function returned something that is not a number (its repr is the message)."""


@dataclass(frozen=True)
class Violation:
    """A property broken on one call: what the call should give, and what it gave."""

    prop: str
    case: Case
    expected: Any
    got: Any
    detail: str = ""
    error: str | None = None
    precision: str = "float64"


def _fresh(values: list[Any]) -> list[Any]:
    """A copy the callee may modify, indicator rows included."""
    return [list(value) if isinstance(value, list) else value for value in values]


def _as_inputs(values: list[Any], kind: str) -> Any:
    if kind == "numpy":
        return np.asarray(_fresh(values))
    if kind == "torch":
        import torch

        return torch.tensor(_fresh(values), dtype=torch.int64)
    return _fresh(values)


def _as_weights(weights: list[float], kind: str) -> Any:
    if kind == "numpy":
        return np.asarray(weights, dtype=np.float64)
    if kind == "torch":
        import torch

        return torch.tensor(weights, dtype=torch.float64)
    return list(weights)


def call(function: Callable[..., Any], claim: CheckClaim, case: Case) -> Any:
    """Call the function on the case as the claim says it is called, warnings silenced."""
    extra = {} if case.sample_weight is None else {"sample_weight": _as_weights(case.sample_weight, claim.inputs)}
    first, second = _as_inputs(case.y_true, claim.inputs), _as_inputs(case.y_pred, claim.inputs)
    if claim.preds_first:
        first, second = second, first
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return function(first, second, **claim.kwargs, **extra)


def _torch_reading(value: Any, per_label: bool) -> Reading:
    precision = str(value.dtype).removeprefix("torch.")
    if precision == "bool" or value.dtype.is_complex:
        raise NonNumeric(repr(value))
    data = value.detach().cpu()
    if data.numel() == 1 and not (per_label and data.dim() > 0):
        return Reading(float(data.reshape(()).item()), _precision_name(precision))
    if data.dim() != 1 or not per_label:
        raise NonNumeric(repr(value))
    return Reading([float(v) for v in data.tolist()], _precision_name(precision))


def _precision_name(dtype_name: str) -> str:
    return dtype_name if dtype_name in DEFAULT_RTOL else "float64"


def read(value: Any, per_label: bool) -> Reading:
    """The returned value as a float (or, when ``per_label``, a list of floats).

    A 0-d (or one-element) numpy array or torch tensor is read as its number; a 1-d one as
    one value per label. Raises :class:`NonNumeric` for None, strings, booleans and lists
    where one number is claimed.
    """
    if type(value).__module__.split(".")[0] == "torch" and hasattr(value, "detach"):
        return _torch_reading(value, per_label)
    if isinstance(value, (np.ndarray, np.generic)):
        if value.dtype.kind not in "fiu":
            raise NonNumeric(repr(value))
        array = np.asarray(value)
        precision = _precision_name(array.dtype.name) if array.dtype.kind == "f" else "float64"
        if array.size == 1 and not (per_label and array.ndim > 0):
            return Reading(float(array.reshape(())), precision)
        if array.ndim != 1 or not per_label:
            raise NonNumeric(repr(value))
        return Reading([float(v) for v in array], precision)
    if isinstance(value, bool) or value is None:
        raise NonNumeric(repr(value))
    if isinstance(value, numbers.Real):
        return Reading(float(value), "float64")
    if per_label and isinstance(value, (list, tuple)) and all(
            isinstance(v, numbers.Real) and not isinstance(v, bool) for v in value):
        return Reading([float(v) for v in value], "float64")
    raise NonNumeric(repr(value))


def tolerance_for(claim: CheckClaim, precision: str) -> tuple[float, float]:
    """(rtol, atol) in force: the claim's where given, else the default for ``precision``."""
    rtol = claim.rtol if claim.rtol is not None else DEFAULT_RTOL.get(precision, DEFAULT_RTOL["float64"])
    atol = claim.atol if claim.atol is not None else DEFAULT_ATOL
    return rtol, atol


def close(got: Any, expected: Any, rtol: float, atol: float) -> bool:
    """|got - expected| <= atol + rtol |expected| (nan equals nan; shapes must match)."""
    try:
        x, y = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    except (TypeError, ValueError):
        return False
    x, y = np.squeeze(x), np.squeeze(y)
    if x.shape != y.shape:
        return False
    return bool(np.allclose(x, y, rtol=rtol, atol=atol, equal_nan=True))


def at_most(got: Any, bound: Any, rtol: float, atol: float) -> bool:
    """got <= bound + atol + rtol |bound| (a number; nan is not at most anything)."""
    try:
        x, y = float(got), float(bound)
    except (TypeError, ValueError):
        return False
    return x <= y + atol + rtol * abs(y)


_LIST_HINT = (" (the inputs were Python lists, which scikit-learn accepts; "
              "convert them with numpy.asarray inside the function)")


def raised(exc: BaseException) -> str:
    """``raised ValueError: first line`` for an exception."""
    text = str(exc).strip().splitlines()
    return f"raised {type(exc).__name__}" + (f": {text[0]}" if text else "")


def _exception_text(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def _per_label(claim: CheckClaim) -> bool:
    return claim.average is None and claim.metric not in UNAVERAGED_METRICS


def _evaluate(function: Callable[..., Any], claim: CheckClaim, case: Case) -> Reading:
    """Call and read; exceptions propagate, a non-numeric value raises :class:`NonNumeric`."""
    return read(call(function, claim, case), _per_label(claim))


def violations(function: Callable[..., Any], claim: CheckClaim, case: Case, *,
               first_only: bool) -> list[Violation]:
    """Every property the function breaks on ``case``, in report order.

    Raises :class:`~metricproofs.testing.oracles.InvalidCase` when the reference itself
    rejects the case.
    """
    expected = reference_value(claim, case)
    try:
        raw = call(function, claim, case)
    except Exception as exc:  # any exception on valid input is a disagreement
        hint = _LIST_HINT if isinstance(exc, (AttributeError, TypeError)) and claim.inputs == "list" else ""
        return [Violation("no-exception", case, expected, None, raised(exc) + hint, _exception_text(exc))]
    try:
        reading = read(raw, _per_label(claim))
    except NonNumeric as exc:
        return [Violation("returns-a-number", case, expected, str(exc),
                          f"the function returned {exc} ({type(raw).__name__}), not a number")]
    got, precision = reading.value, reading.precision
    rtol, atol = tolerance_for(claim, precision)

    def compare(prop: str, want: Any) -> Violation | None:
        fine = at_most(got, want, rtol, atol) if prop in AT_MOST else close(got, want, rtol, atol)
        return None if fine else Violation(prop, case, want, got, precision=precision)

    checks: list[Callable[[], Violation | None]] = []
    for prop, value in identities(claim, case):
        checks.append(lambda prop=prop, value=value: compare(prop, value()))
    checks.append(lambda: compare("agrees-with-reference", expected))
    swap = symmetric(claim, case)
    if swap is not None:
        checks.append(lambda: _recompute(
            swap, function, claim, case.swapped(), got, precision,
            "with y_true and y_pred the other way round the function gave the expected value"))
    if len(case.order) > 1 and case.order != sorted(case.order):
        checks.append(lambda: _recompute(
            "sample-order-invariance", function, claim, case.permuted(), got, precision,
            f"the same samples in their original order gave the expected value ({case.y_true!r}, {case.y_pred!r})"))
    found: list[Violation] = []
    for check in checks:
        violation = check()
        if violation is not None:
            found.append(violation)
            if first_only:
                break
    return found


def _recompute(prop: str, function: Callable[..., Any], claim: CheckClaim, other: Case,
               expected: Any, precision: str, detail: str) -> Violation | None:
    """Call the function on a transformed case that must give ``expected``."""
    try:
        reading = _evaluate(function, claim, other)
    except NonNumeric as exc:
        return Violation(prop, other, expected, str(exc), f"returned a non-number; {detail}", precision=precision)
    except Exception as exc:
        return Violation(prop, other, expected, None, f"{raised(exc)}; {detail}", _exception_text(exc), precision)
    rtol, atol = tolerance_for(claim, reading.precision)
    if close(reading.value, expected, rtol, atol):
        return None
    return Violation(prop, other, expected, reading.value, detail, precision=reading.precision)


def first_reading(function: Callable[..., Any], claim: CheckClaim, case: Case) -> Reading | None:
    """The function's reading on one case, or None when it raises or returns a non-number."""
    try:
        return _evaluate(function, claim, case)
    except Exception:
        return None


def kwargs_rejected(function: Callable[..., Any], claim: CheckClaim, case: Case,
                    names: Mapping[str, Any]) -> str | None:
    """The TypeError text when the function does not take one of ``names`` as a keyword."""
    try:
        call(function, claim, case)
    except TypeError as exc:
        text = str(exc)
        if "unexpected keyword argument" in text and any(f"'{name}'" in text for name in names):
            return text.strip().splitlines()[0] if text.strip() else text
    except Exception:
        return None
    return None
