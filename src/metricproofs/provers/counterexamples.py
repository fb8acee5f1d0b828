"""Decode a solver model into a dataset, and confirm it before anyone sees it.

A model is only a candidate. It becomes a counterexample when (1) the exact reading of
the definitions on the decoded *samples* (through the sample-to-matrix definition)
satisfies every hypothesis and violates the conclusion, and (2) the reference
implementation, computing in floating point with scikit-learn's semantics, shows the
violation too. (2) is skipped only when a test swaps in other definitions.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from metricproofs import definitions as d
from metricproofs.catalogue import Claim, Formula
from metricproofs.evaluation import compile_expr, ExactBackend
from metricproofs.witnesses import Dataset

__all__ = ["decode", "Confirmation", "confirm", "violated_hypothesis"]


def _num(value: Fraction) -> int | float:
    return int(value) if value.denominator == 1 else float(value)


def decode(formula: Formula, k: int, model: dict[str, Fraction]) -> tuple[Dataset, dict]:
    """The dataset a model describes, and the exact arrays for re-evaluation."""
    get = lambda name: model.get(name, Fraction(0))  # noqa: E731  (absent from the model = unconstrained, 0 works)
    params = {name: float(model[name]) for name in ("beta", "z") if name in model}
    exact: dict[str, Any] = {name: model[name] for name in ("beta", "z") if name in model}
    if formula.encoding == "matrix":
        y_true: list[int] = []
        y_pred: list[int] = []
        weights: list[Fraction] = []
        real = formula.domains["C"].sort == "Real"
        for row in range(k):
            for col in range(k):
                value = get(f"C_{row}_{col}")
                if value == 0:
                    continue
                if real:
                    y_true.append(row), y_pred.append(col), weights.append(value)
                else:
                    y_true += [row] * int(value)
                    y_pred += [col] * int(value)
        labels = [lab for lab in range(k) if get(f"s_{lab}") == 1] if "s" in formula.domains else None
        data = Dataset(y_true, y_pred, labels, [_num(w) for w in weights] if real else None, params)
        exact.update(t=y_true, p=y_pred, w=weights if real else [Fraction(1)] * len(y_true))
        if labels is not None:
            exact["s"] = [get(f"s_{lab}") for lab in range(k)]
        return data, exact
    if formula.encoding == "free-counts":
        rows_true: list[list[int]] = []
        rows_pred: list[list[int]] = []
        for lab in range(k):
            for kind in ("TP", "FP", "FN"):
                for _ in range(int(get(f"{kind}_{lab}"))):
                    row_t, row_p = [0] * k, [0] * k
                    row_t[lab] = int(kind in ("TP", "FN"))
                    row_p[lab] = int(kind in ("TP", "FP"))
                    rows_true.append(row_t), rows_pred.append(row_p)
        exact.update(Y=rows_true, Yhat=rows_pred)
        return Dataset(rows_true, rows_pred, None, None, params), exact
    if formula.encoding == "indicators":
        n = formula.sizes(k)[d.n]
        rows_true = [[int(get(f"Y_{i}_{lab}")) for lab in range(k)] for i in range(n)]
        rows_pred = [[int(get(f"Yhat_{i}_{lab}")) for lab in range(k)] for i in range(n)]
        exact.update(Y=rows_true, Yhat=rows_pred)
        return Dataset(rows_true, rows_pred, None, None, params), exact
    raise ValueError(f"unknown encoding {formula.encoding!r}")


def violated_hypothesis(formula: Formula, k: int, model: dict[str, Fraction]) -> str | None:
    """The name of the first hypothesis that ``model`` (a value for every variable of the
    formula at k) violates in exact arithmetic, or None if it satisfies them all.

    The model's arrays are read as they are, not rebuilt from decoded samples as
    :func:`confirm` does (at k = 20 that rebuild takes seconds)."""
    get = lambda name: model.get(name, Fraction(0))  # noqa: E731  (as decode reads a model)
    env: dict = {d.k: k}
    if "beta" in model:
        env[d.beta] = model["beta"]
    if "z" in model:
        env[sympy.Symbol("z", nonnegative=True)] = model["z"]
    if formula.encoding == "matrix":
        env["C"] = [[get(f"C_{row}_{col}") for col in range(k)] for row in range(k)]
        if "s" in formula.domains:
            env["s"] = [get(f"s_{lab}") for lab in range(k)]
    elif formula.encoding == "free-counts":
        for name in ("TP", "FP", "FN"):
            env[name] = [get(f"{name}_{lab}") for lab in range(k)]
    elif formula.encoding == "indicators":
        n = formula.sizes(k)[d.n]
        env.update(Y=[[get(f"Y_{i}_{lab}") for lab in range(k)] for i in range(n)],
                   Yhat=[[get(f"Yhat_{i}_{lab}") for lab in range(k)] for i in range(n)])
        env[d.n] = n
    else:
        raise ValueError(f"unknown encoding {formula.encoding!r}")
    return _violated(formula, env)


def _violated(formula: Formula, env: dict) -> str | None:
    backend = ExactBackend()
    for hypothesis in formula.hypotheses:
        if hypothesis.formula is not sympy.true and not compile_expr(hypothesis.formula)(backend, dict(env)):
            return hypothesis.name
    return None


@dataclass
class Confirmation:
    confirmed: bool
    values: dict[str, float]
    reason: str = ""


def _exact_env(formula: Formula, k: int, exact: dict) -> dict:
    env: dict = {d.k: k}
    if "beta" in exact:
        env[d.beta] = exact["beta"]
    if "z" in exact:
        env[sympy.Symbol("z", nonnegative=True)] = exact["z"]
    backend = ExactBackend()
    if formula.encoding == "matrix":
        # The matrix is rebuilt from the samples by the definition C[a,b] = sum_i w_i [t_i=a][p_i=b].
        n = len(exact["t"])
        cell = compile_expr(d.sample_confusion(d.a, d.b))
        samples = {"t": exact["t"], "p": exact["p"], "w": exact["w"]}
        matrix = []
        for row in range(k):
            matrix.append([cell(backend, {d.n: n, d.a: row, d.b: col, **samples}) for col in range(k)])
        env["C"] = matrix
        if "s" in exact:
            env["s"] = exact["s"]
    elif formula.encoding == "free-counts":
        counts = d.indicator_counts()
        n = len(exact["Y"])
        arrays = {"Y": exact["Y"], "Yhat": exact["Yhat"]}
        for name, fn in (("TP", counts.tp), ("FP", counts.fp), ("FN", counts.fn)):
            compiled = compile_expr(fn(d.l))
            env[name] = [compiled(backend, {d.n: n, d.k: k, d.l: lab, **arrays}) for lab in range(k)]
    else:
        env.update(Y=exact["Y"], Yhat=exact["Yhat"])
        env[d.n] = len(exact["Y"])
    return env


def confirm(claim: Claim, formula: Formula, k: int, data: Dataset, exact: dict, use_reference: bool) -> Confirmation:
    """Re-evaluate a candidate counterexample exactly and with the reference implementation."""
    env = _exact_env(formula, k, exact)
    broken = _violated(formula, env)
    if broken is not None:
        return Confirmation(False, {}, f"the decoded data violates hypothesis {broken!r}")
    if compile_expr(formula.conclusion)(ExactBackend(), dict(env)):
        return Confirmation(False, {}, "the decoded data satisfies the conclusion in exact arithmetic")
    if not use_reference or claim.values is None or claim.violated is None:
        return Confirmation(True, {}, "confirmed in exact arithmetic (reference check not applicable)")
    try:
        values = claim.values(data)
    except Exception as exc:  # the reference refusing the data is a finding, not a crash
        return Confirmation(False, {}, f"the reference implementation rejected the data: {exc}")
    if not claim.violated(values):
        return Confirmation(False, values, "the reference implementation does not show the violation")
    return Confirmation(True, values, "confirmed in exact arithmetic and by metricproofs.reference")
