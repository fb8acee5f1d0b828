"""What the paper needs besides a prove run, computed at paper time: the worked example and the context (tool versions, a float-weight example)."""

from __future__ import annotations

import itertools
import platform
import shutil
import subprocess
from typing import Any


# ---------------------------------------------------------------------------------------
# Inputs computed at paper time
# ---------------------------------------------------------------------------------------


def compute_worked_example() -> dict[str, Any]:
    """The worked example's counts and values (:func:`metricproofs.examples.worked_example`)."""
    from metricproofs.examples import worked_example

    return worked_example()


def _micro_by_label_sums(y_true, y_pred, weights, k):
    """Micro P and R the generic way: per-label weighted sums, then sums over labels."""
    import numpy as np

    C = np.zeros((k, k))
    for t, p, w in zip(y_true, y_pred, weights):
        C[t, p] += w
    tp = float(np.diag(C).sum())
    return tp / float(C.sum(axis=0).sum()), tp / float(C.sum(axis=1).sum())


def find_float_example() -> dict[str, Any] | None:
    """The first (in a fixed enumeration) weighted dataset with micro P != R in float64."""
    weights = (0.1, 0.2, 0.3, 0.7)
    for n in range(2, 5):
        for y_true in itertools.product(range(2), repeat=n):
            for y_pred in itertools.product(range(2), repeat=n):
                for w in itertools.product(weights, repeat=n):
                    p, r = _micro_by_label_sums(y_true, y_pred, w, 2)
                    if p != r:
                        return {
                            "y_true": list(y_true),
                            "y_pred": list(y_pred),
                            "sample_weight": list(w),
                            "numpy": {"precision": p, "recall": r},
                        }
    return None


def compute_context(prove_wall_seconds: float | None = None) -> dict[str, Any]:
    """Tool versions and the float-weight example; stored as ``generated/context.json``."""
    versions: dict[str, str | None] = {"python": platform.python_version()}
    try:
        import z3

        versions["z3"] = z3.get_version_string()
    except Exception:  # noqa: BLE001 - a missing tool is recorded, not fatal
        versions["z3"] = None
    for module in ("sympy", "numpy", "cvc5"):
        try:
            versions[module] = str(__import__(module).__version__)
        except Exception:  # noqa: BLE001
            versions[module] = None
    versions["coq"] = _coq_version()
    context: dict[str, Any] = {"versions": versions}
    if prove_wall_seconds is not None:
        context["prove_wall_seconds"] = round(prove_wall_seconds, 3)
    example = find_float_example()
    if example is not None:
        try:
            from sklearn import __version__ as skv
            from sklearn.metrics import precision_score, recall_score

            kw = dict(average="micro", sample_weight=example["sample_weight"])
            example["sklearn"] = {
                "version": skv,
                "precision": float(precision_score(example["y_true"], example["y_pred"], **kw)),
                "recall": float(recall_score(example["y_true"], example["y_pred"], **kw)),
            }
        except ImportError:
            pass
        try:
            from metricproofs import reference

            p, r, _, _ = reference.precision_recall_fscore_support(
                example["y_true"], example["y_pred"], average="micro", sample_weight=example["sample_weight"]
            )
            example["reference"] = {"precision": float(p), "recall": float(r)}
        except ImportError:
            pass
    context["float_example"] = example
    return context


def _coq_version() -> str | None:
    coqc = shutil.which("coqc")
    if not coqc:
        return None
    try:
        out = subprocess.run([coqc, "--version"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for word_index, word in enumerate(out.split()):
        if word == "version":
            return out.split()[word_index + 1]
    return None
