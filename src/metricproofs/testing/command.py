"""What ``metricproofs check MODULE:FUNCTION`` needs before a check: the target and its kwargs.

Summary
    Resolves ``MODULE:FUNCTION`` (the current directory and ``PYTHONPATH`` are searched),
    parses ``--kwarg KEY=JSON`` values, runs :func:`metricproofs.testing.check_call`, and
    prints the report (or its JSON). Every problem the user can fix (a malformed target, a
    module that cannot be found or fails at import, a missing function, bad JSON) raises
    :class:`metricproofs.errors.UsageError` with one line; ``metricproofs.cli`` prints it
    and exits 2.

With ``--multilabel`` the inputs are 0/1 indicator rows (see
:func:`metricproofs.testing.check_metric`).

Exit codes: 0 no disagreement found, 1 a disagreement (with a paste-able counterexample),
2 usage or input error (including a check that could not run).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from typing import Any, Callable, TextIO

from metricproofs.errors import UsageError
from metricproofs.testing.names import UNAVERAGED_METRICS

__all__ = ["resolve_target", "parse_kwargs", "claimed_average"]


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


def _split_target(target: str) -> tuple[str, str]:
    module, sep, function = target.partition(":")
    parts_ok = all(part.isidentifier() for part in module.split(".")) and all(
        part.isidentifier() for part in function.split("."))
    if not sep or not module or not function or ":" in function or not parts_ok:
        raise UsageError(f"target must look like MODULE:FUNCTION (e.g. mymetrics:f1), got {target!r}")
    return module, function


def _import(module_name: str) -> Any:
    """Import the user's module with the current directory on ``sys.path``."""
    cwd = os.getcwd()
    if cwd not in sys.path and "" not in sys.path:
        sys.path.insert(0, cwd)
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        missing = exc.name or ""
        if missing == module_name or module_name.startswith(missing + "."):
            raise UsageError(f"cannot import {module_name!r}: no module named {missing!r} "
                             f"(searched the current directory and PYTHONPATH)") from None
        raise UsageError(f"importing {module_name!r} failed: {_one_line(exc)}") from None
    except (Exception, SystemExit) as exc:  # the user's module broke while being imported
        raise UsageError(f"importing {module_name!r} raised {_one_line(exc)}") from None


def resolve_target(target: str) -> Callable[..., Any]:
    """The function named by ``MODULE:FUNCTION`` (FUNCTION may be dotted: ``Class.method``)."""
    module_name, function_path = _split_target(target)
    value: Any = _import(module_name)
    for part in function_path.split("."):
        if not hasattr(value, part):
            raise UsageError(f"module {module_name!r} has no function {function_path!r}")
        value = getattr(value, part)
    if not callable(value):
        raise UsageError(f"{target!r} is not callable (it is a {type(value).__name__})")
    return value


def parse_kwargs(items: list[str]) -> dict[str, Any]:
    """``["beta=2", 'zero_division="warn"']`` -> ``{"beta": 2, "zero_division": "warn"}``."""
    kwargs: dict[str, Any] = {}
    for item in items:
        key, sep, text = item.partition("=")
        if not sep or not key.isidentifier():
            raise UsageError(f"--kwarg must look like KEY=JSON (e.g. beta=2), got {item!r}")
        if key in kwargs:
            raise UsageError(f"--kwarg {key} given twice")
        try:
            kwargs[key] = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UsageError(f"--kwarg {item!r}: the value is not JSON ({exc.msg}); "
                             f"strings need quotes, e.g. {key}='\"warn\"'") from None
    return kwargs


def claimed_average(metric: str, average: str | None, kwargs: dict[str, Any],
                     multilabel: bool = False) -> str | None:
    """``--average``, else the ``average`` passed to the function, else scikit-learn's default.

    scikit-learn's default for precision, recall, F-scores and Jaccard is ``'binary'``;
    accuracy has no average. ``'binary'`` is not defined for multi-label input, so there
    the default is a usage error asking for ``--average``.
    """
    if metric in UNAVERAGED_METRICS:
        return average
    if average is not None:
        return average
    if multilabel and "average" not in kwargs:
        raise UsageError(f"--multilabel needs --average: scikit-learn's default for {metric} is "
                         "average='binary', which is not defined for multi-label input; pass "
                         "--average micro, macro, weighted or samples (what FUNCTION computes)")
    return kwargs.get("average", "binary")
