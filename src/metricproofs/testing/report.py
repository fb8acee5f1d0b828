"""The outcome of a check: its failures as paste-able calls, the text report and the JSON.

Summary
    :class:`Counterexample` is one shrunk failure: the input, the keyword arguments, what
    was expected and what came back (or the exception), and a :meth:`Counterexample.call`
    that reproduces it when pasted (numpy inputs as ``numpy.array``, torch inputs as
    ``torch.tensor``, in the order the function takes them). :class:`CheckReport` holds every
    distinct failure (one per violated property, each shrunk on its own), the tolerance in
    force and the claimed convention; ``str()`` is the text report and :meth:`CheckReport.as_dict`
    the JSON of DESIGN section 4.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, Mapping

import numpy as np

from metricproofs.testing.evaluation import FLOAT32_HINT
from metricproofs.testing.oracles import AT_MOST, CATALOGUED, PROPERTIES

__all__ = ["Counterexample", "CheckReport", "plain", "literal"]


def plain(value: Any) -> Any:
    """A JSON- and repr-friendly form: floats, lists of floats, a string, or None."""
    if value is None or isinstance(value, str):
        return value
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return repr(value)
    if array.ndim == 0:
        return float(array)
    return [float(v) for v in array.ravel()]


def _json_number(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, list):
        return [_json_number(v) for v in value]
    return value


def _json_value(value: Any) -> Any:
    """A keyword-argument value as JSON (nan as the string "nan", so it survives)."""
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    return value


def literal(value: Any) -> str:
    """Python source for a value, pasteable (``float('nan')`` rather than ``nan``)."""
    if isinstance(value, float) and math.isnan(value):
        return "float('nan')"
    if isinstance(value, (list, tuple)):
        inner = ", ".join(literal(v) for v in value)
        return f"[{inner}]" if isinstance(value, list) else f"({inner}{',' if len(value) == 1 else ''})"
    if isinstance(value, np.generic):
        return repr(value.item())
    return repr(value)


def _input_literal(values: list[Any], inputs: str) -> str:
    if inputs == "numpy":
        return f"numpy.array({literal(values)})"
    if inputs == "torch":
        return f"torch.tensor({literal(values)})"
    return literal(values)


def _weights_literal(weights: list[float], inputs: str) -> str:
    if inputs == "numpy":
        return f"numpy.array({literal(weights)}, dtype=float)"
    if inputs == "torch":
        return f"torch.tensor({literal(weights)}, dtype=torch.float64)"
    return literal(weights)


def _number(value: Any) -> str:
    if value is None:
        return "no value"
    if isinstance(value, float):
        return format(value, ".10g")
    if isinstance(value, list):
        return "[" + ", ".join(_number(v) for v in value) + "]"
    return str(value)


def _relative_gap(expected: Any, got: Any) -> float | None:
    """max |got - expected| / |expected| over finite entries, or None when not comparable."""
    if isinstance(got, str) or got is None or expected is None:
        return None
    try:
        x, y = np.asarray(got, dtype=float).ravel(), np.asarray(expected, dtype=float).ravel()
    except (TypeError, ValueError):
        return None
    if x.shape != y.shape or not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
        return None
    scale = np.maximum(np.abs(y), 1e-300)
    return float(np.max(np.abs(x - y) / scale)) if x.size else None


@dataclass(frozen=True)
class Counterexample:
    """A minimal input on which a property broke, and the values involved."""

    y_true: list[Any]
    y_pred: list[Any]
    sample_weight: list[float] | None
    kwargs: Mapping[str, Any]
    expected: Any
    got: Any
    violated: str
    detail: str = ""
    also_violated: tuple[str, ...] = ()
    error: str | None = None
    inputs: str = "list"
    preds_first: bool = False
    rtol: float = 1e-9
    atol: float = 1e-12

    def call(self, name: str) -> str:
        """The call as Python source the user can paste, e.g. ``f1([0, 1], [1, 1])``.

        numpy inputs need ``import numpy``, torch inputs ``import torch``.
        """
        first, second = _input_literal(self.y_true, self.inputs), _input_literal(self.y_pred, self.inputs)
        parts = [second, first] if self.preds_first else [first, second]
        if self.sample_weight is not None:
            parts.append(f"sample_weight={_weights_literal(self.sample_weight, self.inputs)}")
        parts.extend(f"{key}={literal(value)}" for key, value in self.kwargs.items())
        return f"{name}({', '.join(parts)})"

    def float32_rounding(self) -> float | None:
        """The relative gap when it is within 1e-6 (float32 rounding), else None."""
        if self.violated in ("no-exception", "returns-a-number"):
            return None
        gap = _relative_gap(self.expected, self.got)
        return gap if gap is not None and 0 < gap <= FLOAT32_HINT else None

    def as_dict(self) -> dict[str, Any]:
        """The ``counterexample`` record of the check JSON."""
        record: dict[str, Any] = {
            "y_true": list(self.y_true),
            "y_pred": list(self.y_pred),
            "expected": _json_number(self.expected),
            "got": _json_number(self.got),
            "violated": self.violated,
        }
        if self.sample_weight is not None:
            record["sample_weight"] = list(self.sample_weight)
        return record

    def failure_dict(self, name: str) -> dict[str, Any]:
        """One entry of the JSON ``failures`` list: enough to replay the call."""
        record: dict[str, Any] = {
            "property": self.violated,
            "call": self.call(name),
            "y_true": list(self.y_true),
            "y_pred": list(self.y_pred),
            "kwargs": {key: _json_value(value) for key, value in self.kwargs.items()},
            "expected": _json_number(self.expected),
            "got": _json_number(self.got),
            "error": self.error,
        }
        if self.sample_weight is not None:
            record["sample_weight"] = list(self.sample_weight)
        return record


@dataclass(frozen=True)
class CheckReport:
    """The outcome of a check.

    ``verdict`` is ``"agrees"`` (no counterexample found in ``examples`` generated inputs:
    evidence, not a proof), ``"disagrees"`` (with every distinct ``failures``, each shrunk
    on its own; ``counterexample`` is the first) or ``"error"`` (the check itself could not
    run; ``error`` says why).
    """

    target: str
    metric: str
    average: str | None
    verdict: str
    examples: int
    properties: tuple[str, ...]
    failures: tuple[Counterexample, ...] = ()
    error: str | None = None
    seed: int | None = None
    multilabel: bool = False
    rtol: float = 1e-9
    atol: float = 1e-12
    tolerance_source: str = "the default for a float64 return"
    convention: str = ""

    @property
    def ok(self) -> bool:
        """True only when no disagreement was found and the check ran."""
        return self.verdict == "agrees"

    @property
    def counterexample(self) -> Counterexample | None:
        """The first failure (the one the search found first), or None."""
        return self.failures[0] if self.failures else None

    @property
    def name(self) -> str:
        """The function's name as a pasted call uses it."""
        return self.target.rpartition(":")[2] or self.target

    def _claim_text(self) -> str:
        if self.metric == "accuracy":
            text = "accuracy (subset accuracy: every label of a sample right)" if self.multilabel else "accuracy"
        elif self.average is None and self.metric in ("kappa", "mcc"):
            text = {"kappa": "Cohen's kappa", "mcc": "Matthews correlation coefficient"}[self.metric]
        else:
            text = f"{self.metric} (average={self.average!r})"
        return f"{text} [{self.convention}]" if self.convention else text

    def _tolerance_line(self) -> str:
        return (f"tolerance: |got - expected| <= atol + rtol * |expected| with rtol={self.rtol:g}, "
                f"atol={self.atol:g} ({self.tolerance_source})")

    def _failure_lines(self, cx: Counterexample) -> list[str]:
        lines = [
            f"    {cx.call(self.name)}",
            f"expected {'at most ' if cx.violated in AT_MOST else ''}{_number(cx.expected)}, got {_number(cx.got)}",
            f"violated: {cx.violated}: {PROPERTIES.get(cx.violated, '')}",
        ]
        if cx.detail:
            lines.append(f"note: {cx.detail}")
        gap = cx.float32_rounding()
        if gap is not None:
            lines.append(f"note: the gap ({gap:.2g} relative) is within 1e-6: it looks like float32 rounding. "
                         "Return the float32 value itself (the tolerance follows the dtype returned) or pass "
                         "--rtol 1e-6 (rtol=1e-6) if the function computes in float32 on purpose")
        if cx.also_violated:
            lines.append(f"also violated on this input: {', '.join(cx.also_violated)}")
        if cx.violated in CATALOGUED:
            lines.append(f"(see `metricproofs explain {cx.violated}` for the statement and proof)")
        return lines

    def __str__(self) -> str:
        head = f"{self.target}: "
        if self.verdict == "error":
            return head + f"the check could not run: {self.error}"
        inputs = "multi-label (0/1 indicator rows) " if self.multilabel else ""
        if not self.failures:
            return (head + f"agrees with scikit-learn's {self._claim_text()} on {self.examples} generated "
                    f"{inputs}examples.\nproperties checked: {', '.join(self.properties)}\n"
                    f"{self._tolerance_line()}\n"
                    "(no counterexample found in a bounded random search; this is evidence, not a proof)")
        on = " on multi-label (0/1 indicator rows) input" if self.multilabel else ""
        count = len(self.failures)
        lines = [
            head + f"disagrees with scikit-learn's {self._claim_text()}{on}"
            + ("." if count == 1 else f": {count} distinct failures, each shrunk on its own."),
            f"minimal counterexample (found after {self.examples} example{'' if self.examples == 1 else 's'}, "
            "then shrunk):",
            *self._failure_lines(self.failures[0]),
        ]
        for number, cx in enumerate(self.failures[1:], start=2):
            lines += [f"failure {number} of {count} (another property, shrunk on its own):", *self._failure_lines(cx)]
        lines.append(self._tolerance_line())
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        """The check JSON of DESIGN section 4 (``average`` None is written ``"none"``)."""
        return {
            "target": self.target,
            "metric": self.metric,
            "average": "none" if self.average is None else self.average,
            "verdict": self.verdict,
            "examples": self.examples,
            "counterexample": None if self.counterexample is None else self.counterexample.as_dict(),
            "tolerance": {"rtol": self.rtol, "atol": self.atol},
            "failures": [cx.failure_dict(self.name) for cx in self.failures],
        }

    def to_json(self) -> str:
        """:meth:`as_dict` as one line of JSON."""
        return json.dumps(self.as_dict())
