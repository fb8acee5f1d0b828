"""The generated module behind the report's exact fractions (metricproofs.scoring.exact).

What they protect: the committed module is what the generator writes from the current
definitions, byte for byte (regenerate it with ``python -m metricproofs.scoring.generate_exact``);
every generated function gives what ExactBackend gives on the sympy definition, for random
counts including the 0/0 cases and the undefined (nan) ones; hand-worked values on the seed's
counts; the generator refuses what it cannot translate instead of guessing.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from metricproofs import definitions as d
from metricproofs.evaluation import ExactBackend, UnsupportedExpression, compile_expr
from metricproofs.scoring import exact, generate_exact


def test_committed_module_is_what_the_generator_writes() -> None:
    committed = generate_exact.TARGET.read_text(encoding="utf-8")
    assert committed == generate_exact.render(), (
        "src/metricproofs/scoring/exact.py is stale: run `python -m metricproofs.scoring.generate_exact` and commit it")


def test_every_report_definition_is_generated_once() -> None:
    names = set(generate_exact.report_definitions())
    assert set(exact.DEFINITIONS) | set(exact.LABEL_DEFINITIONS) == names
    assert not set(exact.DEFINITIONS) & set(exact.LABEL_DEFINITIONS)
    assert set(exact.LABEL_DEFINITIONS) == {"label precision", "label recall", "label f1"}


# --------------------------------------------------------------------------- against ExactBackend

_COMPILED = {name: (expr, compile_expr(expr)) for name, expr in generate_exact.report_definitions().items()}


def _backend(name: str, tp: list[Any], fp: list[Any], fn: list[Any], total: Any, label: int | None) -> Any:
    expr, compiled = _COMPILED[name]
    symbols = {s.name: s for s in expr.free_symbols if isinstance(s, sympy.Symbol)}
    env: dict[Any, Any] = {"TP": tp, "FP": fp, "FN": fn}
    for key, value in (("k", len(tp)), ("N", total), ("l", label)):
        if key in symbols:
            env[symbols[key]] = value
    return compiled(ExactBackend(), env)


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, float) and math.isnan(want):
        return isinstance(got, float) and math.isnan(got)
    return not (isinstance(got, float)) and Fraction(got) == want


counts = st.one_of(st.integers(0, 3), st.fractions(0, 3, max_denominator=4))


@settings(max_examples=100, deadline=None)
@given(data=st.data(), k=st.integers(1, 5), total=st.one_of(st.just(0), st.integers(0, 30)))
def test_generated_functions_agree_with_exact_backend(data: st.DataObject, k: int, total: int) -> None:
    # small counts, so many labels have TP + FP = 0 or TP + FN = 0 (0/0), and N = 0 leaves accuracy undefined
    tp, fp, fn = (data.draw(st.lists(counts, min_size=k, max_size=k)) for _ in range(3))
    for name, fn_ in exact.DEFINITIONS.items():
        got, want = fn_(tp, fp, fn, k, total), _backend(name, tp, fp, fn, total, None)
        assert _same(got, want), (name, tp, fp, fn, total, got, want)
    for name, fn_ in exact.LABEL_DEFINITIONS.items():
        for j in range(k):
            got, want = fn_(tp, fp, fn, k, total, j), _backend(name, tp, fp, fn, total, j)
            assert _same(got, want), (name, j, tp, fp, fn, got, want)


def test_all_zero_counts_take_the_zero_division_branches() -> None:
    zeros = [0, 0]
    assert [f(zeros, zeros, zeros, 2, 0, 0) for f in exact.LABEL_DEFINITIONS.values()] == [0, 0, 0]
    assert exact.DEFINITIONS["macro f1"](zeros, zeros, zeros, 2, 0) == 0  # every label's 0/0 counted as 0
    for name in ("micro precision", "micro recall", "micro f1", "weighted recall", "accuracy"):
        assert math.isnan(exact.DEFINITIONS[name](zeros, zeros, zeros, 2, 0)), name


def test_seed_counts_give_the_hand_worked_values() -> None:
    # the nine-sample seed: TP, FP, FN per label A, B, C (counted by hand from its matrix)
    tp, fp, fn, k, n = [2, 1, 2], [1, 2, 1], [2, 1, 1], 3, 9
    assert [exact.LABEL_DEFINITIONS["label precision"](tp, fp, fn, k, n, j) for j in range(3)] == [
        Fraction(2, 3), Fraction(1, 3), Fraction(2, 3)]
    assert exact.DEFINITIONS["macro precision"](tp, fp, fn, k, n) == Fraction(5, 9)  # (2/3 + 1/3 + 2/3) / 3
    assert exact.DEFINITIONS["macro f1"](tp, fp, fn, k, n) == Fraction(172, 315)  # (4/7 + 2/5 + 2/3) / 3
    assert exact.DEFINITIONS["weighted recall"](tp, fp, fn, k, n) == Fraction(5, 9)  # (4*2/4 + 2*1/2 + 3*2/3) / 9
    for name in ("micro precision", "micro recall", "micro f1", "accuracy"):
        assert exact.DEFINITIONS[name](tp, fp, fn, k, n) == Fraction(5, 9), name


def test_an_unguarded_division_by_zero_raises() -> None:
    with pytest.raises(ZeroDivisionError):
        exact._div(1, 0)
    assert math.isnan(exact._div(1, math.nan)) and math.isnan(exact._div(math.nan, 2))


# --------------------------------------------------------------------------- the generator refuses


@pytest.mark.parametrize("expr", [
    sympy.sqrt(d.TP[d.l]),  # a root (MCC's): not among the report's nodes
    d.TP[d.l] ** sympy.Rational(1, 3),
    sympy.Piecewise((1, d.TP[d.l] > 0), (0, True)),  # a condition other than ratio's zero test
    d.C[d.a, d.b],  # an array that is not a per-label count
    sympy.Abs(d.TP[d.l]),
])
def test_the_generator_refuses_what_it_does_not_translate(expr: sympy.Basic) -> None:
    with pytest.raises(UnsupportedExpression):
        generate_exact.translate(expr)


def test_the_generator_refuses_an_unknown_free_symbol() -> None:
    with pytest.raises(UnsupportedExpression, match="beta"):
        generate_exact.parameters(d.TP[d.l] * d.beta)
