"""Write :mod:`metricproofs.scoring.exact`: the report's definitions as plain Python.

Summary
    ``metricproofs score`` shows exact fractions, which are the symbolic definitions of
    :mod:`metricproofs.definitions` evaluated exactly. Importing sympy costs about half a
    second, more than reading a 10^7-row Parquet file, so the definitions the report uses
    (:func:`report_definitions`) are translated once, by :func:`render`, into a module of
    plain functions over per-label counts, which is committed. The translation follows
    :func:`metricproofs.evaluation.compile_expr` node for node with
    :class:`~metricproofs.evaluation.ExactBackend`'s arithmetic (a guarded 0/0 takes its
    ``zero_division`` branch, an unguarded one raises, ``nan`` is an undefined value), and
    refuses any node it does not know. A drift test regenerates the module and compares it
    byte for byte; a property test checks it against ExactBackend on random counts.

    Regenerate after changing a definition: ``python -m metricproofs.scoring.generate_exact``
    (``--check`` only reports whether the committed module is stale: exit 1).

Main definitions
    :func:`report_definitions`, :func:`render`, :data:`TARGET`.
"""

from __future__ import annotations

import argparse
import keyword
import sys
from pathlib import Path
from typing import Any, Callable

import sympy
from sympy.logic.boolalg import BooleanTrue

from metricproofs import definitions as d
from metricproofs.evaluation import UnsupportedExpression

__all__ = ["report_definitions", "render", "translate", "parameters", "function_name", "TARGET", "ARRAYS", "main"]

TARGET = Path(__file__).with_name("exact.py")
"""The generated module."""

ARRAYS = ("TP", "FP", "FN")
"""The per-label count arrays every generated function takes, in this order."""

_SCALARS = ("k", "N")  #: number of labels, total weight: the scalars after the arrays
_LABEL = "l"  #: the label index, a last parameter of the per-label definitions


def report_definitions() -> dict[str, sympy.Basic]:
    """The definitions ``score`` reports, by name, over free per-label counts.

    Per label (index ``l``): precision, recall and F1 with a 0/0 counted as 0 (scikit-learn's
    ``zero_division='warn'`` value, which the averages include); their macro and weighted
    means; micro precision, recall and F1; accuracy (``sum TP / N``).
    """
    c = d.free_counts(d.k)
    per_label: dict[str, Callable[..., Any]] = {"precision": d.precision, "recall": d.recall, "f1": d.f1}
    exprs: dict[str, sympy.Basic] = {}
    for name, metric in per_label.items():
        exprs[f"label {name}"] = metric(c, d.l, 0)
        inner = (lambda m: lambda cc, lab: m(cc, lab, 0))(metric)
        exprs[f"macro {name}"] = d.macro(c, inner)
        exprs[f"weighted {name}"] = d.weighted(c, inner)
    exprs["micro precision"] = d.micro_precision(c)
    exprs["micro recall"] = d.micro_recall(c)
    exprs["micro f1"] = d.micro_f1(c)
    exprs["accuracy"] = d.accuracy(c)
    return exprs


def function_name(name: str) -> str:
    """The generated function of a definition: ``'macro f1'`` -> ``macro_f1``."""
    return name.replace(" ", "_")


# --------------------------------------------------------------------------- the translation


def _name(symbol: sympy.Symbol) -> str:
    text = symbol.name
    if not text.isidentifier() or keyword.iskeyword(text) or text.startswith("_"):
        raise UnsupportedExpression(f"the symbol {text!r} is not usable as a Python name")
    return text


def _index(expr: sympy.Basic) -> str:
    """An index expression (subscript or summation limit) as Python int arithmetic."""
    if isinstance(expr, sympy.Integer):
        return str(int(expr))
    if isinstance(expr, sympy.Symbol):
        return _name(expr)
    if isinstance(expr, sympy.Add):
        constant = sum((int(arg) for arg in expr.args if isinstance(arg, sympy.Integer)), 0)
        parts = [_index(arg) for arg in expr.args if not isinstance(arg, sympy.Integer)]
        text = " + ".join(parts) if parts else "0"
        if constant:
            text += f" - {-constant}" if constant < 0 else f" + {constant}"
        return f"({text})"
    if isinstance(expr, sympy.Mul):
        return "(" + " * ".join(_index(arg) for arg in expr.args) + ")"
    raise UnsupportedExpression(f"cannot use {expr!r} as an index")


def _product(texts: list[str]) -> str:
    if not texts:
        return "1"
    return texts[0] if len(texts) == 1 else "(" + " * ".join(texts) + ")"


def translate(expr: sympy.Basic) -> str:
    """A definitions expression as one Python expression, node for node as
    :func:`metricproofs.evaluation.compile_expr` reads it; unknown nodes raise UnsupportedExpression."""
    if expr is sympy.nan:
        return "_NAN"
    if isinstance(expr, sympy.Integer):
        value = int(expr)
        return str(value) if value >= 0 else f"({value})"
    if isinstance(expr, sympy.Rational):
        return f"Fraction({int(expr.p)}, {int(expr.q)})"
    if isinstance(expr, sympy.Symbol):
        return _name(expr)
    if isinstance(expr, sympy.Indexed):
        base = str(expr.base.label)
        if base not in ARRAYS:
            raise UnsupportedExpression(f"no array {base!r} among the per-label counts {ARRAYS}")
        return f"{base}[" + ", ".join(_index(ix) for ix in expr.indices) + "]"
    if isinstance(expr, sympy.Add):
        return "(" + " + ".join(translate(arg) for arg in expr.args) + ")"
    if isinstance(expr, sympy.Mul):
        num, den = [], []
        for factor in expr.args:
            if isinstance(factor, sympy.Pow) and factor.exp.is_Integer and int(factor.exp) < 0:
                den.append(translate(factor.base ** (-factor.exp)))
            else:
                num.append(translate(factor))
        if not den:
            return _product(num)
        return f"_div({_product(num)}, {_product(den)})"
    if isinstance(expr, sympy.Pow):
        if not expr.exp.is_Integer:
            raise UnsupportedExpression(f"only integer powers are supported here, got {expr}")
        exponent = int(expr.exp)
        if exponent >= 0:
            return f"({translate(expr.base)} ** {exponent})"
        return f"_div(1, ({translate(expr.base)} ** {-exponent}))"
    if isinstance(expr, sympy.Sum):
        body = translate(expr.function)
        loops = "".join(f" for {_name(var)} in range({_index(lo)}, {_index(sympy.expand(hi + 1))})"
                        for var, lo, hi in reversed(expr.limits))  # the first limit innermost, as sympy sums
        return f"sum(({body}{loops}), 0)"
    if isinstance(expr, sympy.Piecewise):
        text = "_NAN"  # no branch taken: ExactBackend.piecewise's value
        for value, cond in reversed(expr.args):
            text = translate(value) if isinstance(cond, BooleanTrue) else f"({translate(value)} if {_condition(cond)} else {text})"
        return text
    raise UnsupportedExpression(f"the generator does not translate {type(expr).__name__}: {expr}")


def _condition(expr: sympy.Basic) -> str:
    """A branch condition: only the zero test of :func:`metricproofs.definitions.ratio`."""
    if isinstance(expr, d.IsZero):
        return f"{translate(expr.expr)} == 0"
    raise UnsupportedExpression(f"the generator does not translate the condition {type(expr).__name__}: {expr}")


def parameters(expr: sympy.Basic) -> list[str]:
    """The generated function's parameters: the count arrays, ``k`` and ``N``, and ``l`` for a
    per-label definition; any other free symbol is refused (it would have no value)."""
    free = {s.name for s in expr.free_symbols if not isinstance(s, sympy.Indexed)} - set(ARRAYS)
    unknown = free - set(_SCALARS) - {_LABEL}
    if unknown:
        raise UnsupportedExpression(f"free symbols {sorted(unknown)} are not among {_SCALARS + (_LABEL,)}")
    return [*ARRAYS, *_SCALARS] + ([_LABEL] if _LABEL in free else [])


_PRELUDE = '''\
"""The report's definitions as plain Python: GENERATED, do not edit.

Written by ``python -m metricproofs.scoring.generate_exact`` from :mod:`metricproofs.definitions`
(the definitions named in ``generate_exact.report_definitions``), so that ``metricproofs score``
computes its exact fractions without importing sympy. Each function is its definition's
expression, shown in the docstring, with ExactBackend's arithmetic: the counts ``TP``, ``FP``,
``FN`` (sequences indexed by label) and ``N`` are ints or Fractions, ``k`` and ``l`` ints; a
result is a Fraction (or an int), or nan for an undefined 0/0. tests/scoring/test_score_exact.py
regenerates this file and compares it byte for byte, and checks it against ExactBackend.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Callable, Sequence

__all__ = ["DEFINITIONS", "LABEL_DEFINITIONS"]

_NAN = math.nan

Counts = Sequence[Any]


def _div(num: Any, den: Any) -> Any:
    """``num / den`` exactly, as ExactBackend divides: nan stays nan; a zero denominator
    outside a zero_division guard is an error (the definitions guard every division)."""
    if isinstance(den, float) and math.isnan(den):
        return _NAN
    if den == 0:
        raise ZeroDivisionError("a definition divided by zero outside its zero_division guard")
    if isinstance(num, float):
        return num / den
    return Fraction(num) / den
'''


def _function(name: str, expr: sympy.Basic) -> str:
    params = parameters(expr)
    types = {"k": "int", "l": "int", "N": "Any"}
    signature = ", ".join(f"{p}: {types.get(p, 'Counts')}" for p in params)
    statement = str(expr).replace("\\", "\\\\")
    return (f"\n\ndef {function_name(name)}({signature}) -> Any:\n"
            f'    """{name}: ``{statement}``"""\n'
            f"    return {translate(expr)}\n")


def render() -> str:
    """The text of :data:`TARGET`, from the current definitions."""
    exprs = report_definitions()
    parts = [_PRELUDE]
    for name, expr in exprs.items():
        parts.append(_function(name, expr))
    label = [n for n, e in exprs.items() if _LABEL in parameters(e)]
    rest = [n for n in exprs if n not in label]

    def table(names: list[str]) -> str:
        return "".join(f"    {name!r}: {function_name(name)},\n" for name in names)

    parts.append("\n\nLABEL_DEFINITIONS: dict[str, Callable[..., Any]] = {\n" + table(label) + "}\n"
                 '"""Per-label definitions: ``f(TP, FP, FN, k, N, l)``."""\n'
                 "\nDEFINITIONS: dict[str, Callable[..., Any]] = {\n" + table(rest) + "}\n"
                 '"""Definitions over all labels: ``f(TP, FP, FN, k, N)``."""\n')
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    """Write :data:`TARGET` (0), or with ``--check`` say whether it is stale (1) or current (0)."""
    parser = argparse.ArgumentParser(prog="python -m metricproofs.scoring.generate_exact",
                                     description="Write metricproofs/scoring/exact.py from the definitions.")
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 when the file is stale")
    args = parser.parse_args(argv)
    text = render()
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else None
    if args.check:
        print(f"{TARGET}: {'up to date' if current == text else 'STALE: regenerate it'}")
        return 0 if current == text else 1
    if current != text:
        TARGET.write_text(text, encoding="utf-8")
    print(f"{TARGET}: {'unchanged' if current == text else 'written'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
