"""Instantiate the symbolic definitions: exact numbers, or SMT-LIB terms.

Summary
    The expressions of :mod:`metricproofs.definitions` have a symbolic number of labels
    ``k`` and symbolic sums. This module compiles such an expression once into Python
    closures and runs them against a *backend* with ``k`` (and other sizes) bound to
    numbers. Two backends share the one walker, so they cannot drift apart:

    - :class:`ExactBackend`: exact rational arithmetic with :class:`fractions.Fraction`
      (``nan`` for an undefined 0/0); the tests' reading of the definitions;
    - :class:`SmtBackend`: well-sorted SMT-LIB2 text for z3 and cvc5, recording every
      division with the path condition under which it is evaluated, so a prover can
      check that no denominator can vanish (SMT division by zero is unspecified).

Only the node types the definitions use are accepted; anything else raises
:class:`UnsupportedExpression` rather than being guessed at.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable, Mapping, Sequence

import sympy
from sympy.logic.boolalg import BooleanFalse, BooleanTrue

from metricproofs.definitions import ForAll, IsZero
from metricproofs.domains import VarSpec

__all__ = ["UnsupportedExpression", "compile_expr", "evaluate", "ExactBackend", "SmtBackend", "Term", "VarSpec"]

Env = dict


class UnsupportedExpression(TypeError):
    """The expression uses a construct the evaluators do not interpret."""


# --- the walker ------------------------------------------------------------------------

Compiled = Callable[[Any, Env], Any]  # (backend, env) -> backend value


def _compile_int(expr: sympy.Basic) -> Callable[[Env], int]:
    """Compile an index expression (limits, subscripts) to a function of the environment."""
    if isinstance(expr, sympy.Integer):
        value = int(expr)
        return lambda env: value
    if isinstance(expr, sympy.Symbol):
        def lookup(env: Env, s: sympy.Symbol = expr) -> int:
            try:
                value = env[s]
            except KeyError:
                raise UnsupportedExpression(f"index {s} is not bound to a number") from None
            if type(value) is int:  # the common case: a summation index set by a Sum
                return value
            if isinstance(value, Fraction):
                if value.denominator != 1:
                    raise UnsupportedExpression(f"index {s} is bound to a non-integer {value}")
                return int(value)
            return int(value)
        return lookup
    if isinstance(expr, sympy.Add):
        parts = [_compile_int(arg) for arg in expr.args]
        return lambda env: sum(part(env) for part in parts)
    if isinstance(expr, sympy.Mul):
        parts = [_compile_int(arg) for arg in expr.args]
        return lambda env: math.prod(part(env) for part in parts)
    raise UnsupportedExpression(f"cannot use {expr!r} as an index")


@functools.lru_cache(maxsize=8192)
def compile_expr(expr: sympy.Basic) -> Compiled:
    """Compile a definitions expression into a closure ``(backend, env) -> value``.

    Cached: a closure depends on the expression only (the backend and the values come with
    each call), and the prover walks the same formula once per k and encoding."""
    if isinstance(expr, (BooleanTrue, BooleanFalse)):
        truth = bool(expr)
        return lambda be, env: be.boolean(truth)
    if expr is sympy.nan:
        return lambda be, env: be.nan()
    if isinstance(expr, sympy.Rational):  # Integer is a Rational
        value = Fraction(int(expr.p), int(expr.q))
        return lambda be, env: be.number(value)
    if isinstance(expr, sympy.Symbol):
        def symbol(be: Any, env: Env, s: sympy.Symbol = expr) -> Any:
            if s in env:
                return be.bound(env[s])
            return be.scalar(s.name)
        return symbol
    if isinstance(expr, sympy.Indexed):
        base = str(expr.base.label)
        index_fns = [_compile_int(ix) for ix in expr.indices]
        if len(index_fns) == 1:
            (row,) = index_fns
            return lambda be, env: be.indexed(base, (row(env),), env)
        if len(index_fns) == 2:  # C[a, b]: the hot path when a k x k matrix is expanded
            row, col = index_fns
            return lambda be, env: be.indexed(base, (row(env), col(env)), env)
        return lambda be, env: be.indexed(base, tuple(f(env) for f in index_fns), env)
    if isinstance(expr, sympy.Add):
        parts = [compile_expr(arg) for arg in expr.args]
        return lambda be, env: be.add([part(be, env) for part in parts])
    if isinstance(expr, sympy.Mul):
        num, den = [], []
        for factor in expr.args:
            if isinstance(factor, sympy.Pow) and factor.exp.is_Integer and int(factor.exp) < 0:
                den.append(compile_expr(factor.base ** (-factor.exp)))
            elif isinstance(factor, sympy.Pow) and factor.exp == -sympy.S.Half:  # a / sqrt(x)
                den.append(compile_expr(sympy.sqrt(factor.base)))
            else:
                num.append(compile_expr(factor))
        if not den:
            return lambda be, env: be.mul([part(be, env) for part in num])
        return lambda be, env: be.divide(be.mul([p(be, env) for p in num]), be.mul([d(be, env) for d in den]))
    if isinstance(expr, sympy.Pow) and expr.exp in (sympy.S.Half, -sympy.S.Half):  # square roots (MCC)
        root_of = compile_expr(expr.base)
        if expr.exp > 0:
            return lambda be, env: be.sqrt(root_of(be, env))
        return lambda be, env: be.divide(be.number(Fraction(1)), be.sqrt(root_of(be, env)))
    if isinstance(expr, sympy.Pow):
        if not expr.exp.is_Integer:
            raise UnsupportedExpression(f"only integer powers are supported, got {expr}")
        exponent = int(expr.exp)
        base_fn = compile_expr(expr.base)
        if exponent >= 0:
            return lambda be, env: be.power(base_fn(be, env), exponent)
        return lambda be, env: be.divide(be.number(Fraction(1)), be.power(base_fn(be, env), -exponent))
    if isinstance(expr, sympy.Sum):
        return _compile_sum(expr)
    if isinstance(expr, ForAll):
        body = compile_expr(expr.condition)
        var, lo, hi = expr.limits
        lo_fn, hi_fn = _compile_int(lo), _compile_int(hi)

        def forall(be: Any, env: Env) -> Any:
            saved = env.get(var, _MISSING)
            values = []
            for j in range(lo_fn(env), hi_fn(env) + 1):
                env[var] = j
                values.append(body(be, env))
            _restore(env, var, saved)
            return be.logic("and", values)
        return forall
    if isinstance(expr, sympy.Piecewise):
        branches = [(compile_expr(cond), compile_expr(value)) for value, cond in expr.args]
        return lambda be, env: be.piecewise(branches, env)
    if isinstance(expr, sympy.KroneckerDelta):
        x, y = (compile_expr(arg) for arg in expr.args)
        return lambda be, env: be.piecewise(
            [(lambda b2, e2: b2.compare("=", x(b2, e2), y(b2, e2)), lambda b2, e2: b2.number(Fraction(1))),
             (lambda b2, e2: b2.boolean(True), lambda b2, e2: b2.number(Fraction(0)))], env)
    if isinstance(expr, sympy.core.relational.Relational):
        op = {sympy.Eq: "=", sympy.Ne: "!=", sympy.Lt: "<", sympy.Le: "<=", sympy.Gt: ">", sympy.Ge: ">="}.get(type(expr))
        if op is None:
            raise UnsupportedExpression(f"unsupported relation {expr}")
        lhs, rhs = compile_expr(expr.lhs), compile_expr(expr.rhs)
        return lambda be, env: be.compare(op, lhs(be, env), rhs(be, env))
    if isinstance(expr, (sympy.And, sympy.Or)):
        op = "and" if isinstance(expr, sympy.And) else "or"
        parts = [compile_expr(arg) for arg in expr.args]
        return lambda be, env: be.logic(op, [part(be, env) for part in parts])
    if isinstance(expr, sympy.Not):
        inner = compile_expr(expr.args[0])
        return lambda be, env: be.logic("not", [inner(be, env)])
    if isinstance(expr, sympy.Implies):
        lhs, rhs = (compile_expr(arg) for arg in expr.args)
        return lambda be, env: be.logic("=>", [lhs(be, env), rhs(be, env)])
    if isinstance(expr, IsZero):
        inner = compile_expr(expr.expr)
        return lambda be, env: be.compare("=", inner(be, env), be.number(Fraction(0)))
    if isinstance(expr, sympy.ITE):
        cond, then, other = (compile_expr(arg) for arg in expr.args)
        return lambda be, env: be.piecewise([(cond, then), (lambda b2, e2: b2.boolean(True), other)], env)
    if isinstance(expr, sympy.Equivalent):
        parts = [compile_expr(arg) for arg in expr.args]
        return lambda be, env: be.logic("iff", [part(be, env) for part in parts])
    raise UnsupportedExpression(f"the evaluators do not interpret {type(expr).__name__}: {expr}")


_MISSING = object()


def _restore(env: Env, var: sympy.Symbol, saved: Any) -> None:
    if saved is _MISSING:
        env.pop(var, None)
    else:
        env[var] = saved


def _compile_sum(expr: sympy.Sum) -> Compiled:
    if isinstance(expr.function, sympy.Indexed):
        fast = _compile_entry_sum(expr)
        if fast is not None:
            return fast
    body = compile_expr(expr.function)
    limits = [(var, _compile_int(lo), _compile_int(hi)) for var, lo, hi in expr.limits]

    def run(be: Any, env: Env, depth: int = 0) -> list:
        var, lo_fn, hi_fn = limits[depth]
        saved = env.get(var, _MISSING)
        terms: list = []
        for j in range(lo_fn(env), hi_fn(env) + 1):
            env[var] = j
            if depth + 1 == len(limits):
                terms.append(body(be, env))
            else:
                terms.extend(run(be, env, depth + 1))
        _restore(env, var, saved)
        return terms

    return lambda be, env: be.add(run(be, env))


def _entry_sum(be: Any, key: tuple, build: Callable[[], Any]) -> Any:
    """A sum of array entries, built once per backend that keeps ``entry_sums`` (the SMT
    backend: the same column sum, a label's support, recurs in several metrics, and a walk
    at k = 20 otherwise lists its entries again each time; the term is the same either way)."""
    cache = getattr(be, "entry_sums", None)
    if cache is None:
        return build()
    found = cache.get(key)
    if found is None:
        found = cache[key] = build()
    return found


def _compile_entry_sum(expr: sympy.Sum) -> Compiled | None:
    """A sum of array entries whose subscripts are summation indices or fixed during the sum
    (``sum_a C[a, l]``, ``sum_{a,b} C[a, b]``): the entries are listed directly, in the order
    the general loop would visit them, without binding each index in the environment.
    None when a subscript is anything else (an expression of a summation index)."""
    entry: sympy.Indexed = expr.function
    names = [var for var, _, _ in expr.limits]
    if len(set(names)) != len(names):
        return None
    positions: list[int | None] = []  # per subscript: which limit sets it, or None (fixed)
    fixed: list[Callable[[Env], int] | None] = []
    for index in entry.indices:
        if index in names:
            positions.append(names.index(index)), fixed.append(None)
        elif index.free_symbols & set(names):
            return None
        else:
            positions.append(None), fixed.append(_compile_int(index))
    base = str(entry.base.label)
    bounds = [(_compile_int(lo), _compile_int(hi)) for _, lo, hi in expr.limits]
    if any(lo.free_symbols & set(names) or hi.free_symbols & set(names) for _, lo, hi in expr.limits):
        return None  # a limit that depends on another summation index

    if len(bounds) == 1 and positions == [0, None]:  # sum_a C[a, l]: a column
        (lo, hi), col = bounds[0], fixed[1]
        return lambda be, env: _entry_sum(be, ("column", base, col(env), lo(env), hi(env)), lambda: be.add(
            [be.indexed(base, (j, c), env) for c in (col(env),) for j in range(lo(env), hi(env) + 1)]))
    if len(bounds) == 1 and positions == [None, 0]:  # sum_b C[l, b]: a row
        (lo, hi), row = bounds[0], fixed[0]
        return lambda be, env: _entry_sum(be, ("row", base, row(env), lo(env), hi(env)), lambda: be.add(
            [be.indexed(base, (r, j), env) for r in (row(env),) for j in range(lo(env), hi(env) + 1)]))

    if len(bounds) == 2 and positions == [0, 1]:  # sum_{a,b} C[a, b]: the whole matrix
        (lo0, hi0), (lo1, hi1) = bounds
        return lambda be, env: _entry_sum(be, ("block", base, lo0(env), hi0(env), lo1(env), hi1(env)), lambda: be.add(
            [be.indexed(base, (i, j), env) for i in range(lo0(env), hi0(env) + 1) for j in range(lo1(env), hi1(env) + 1)]))
    if len(bounds) == 2 and positions == [1, 0]:  # Sum(C[a, b], (b, ..), (a, ..)): the first limit outermost
        (lo0, hi0), (lo1, hi1) = bounds
        # the same entries as rows first over rows lo1..hi1 and columns lo0..hi0, so the same key: a sum
        # is one term whatever order it lists them in (N of C and of its transpose, in a swap claim)
        return lambda be, env: _entry_sum(be, ("block", base, lo1(env), hi1(env), lo0(env), hi0(env)), lambda: be.add(
            [be.indexed(base, (i, j), env) for j in range(lo0(env), hi0(env) + 1) for i in range(lo1(env), hi1(env) + 1)]))

    def run(be: Any, env: Env) -> Any:
        values = [None if f is None else f(env) for f in fixed]
        ranges = [range(lo(env), hi(env) + 1) for lo, hi in bounds]
        terms = []
        for point in itertools.product(*ranges):  # the first limit outermost, as in the general loop
            index = tuple(point[p] if p is not None else v for p, v in zip(positions, values))
            terms.append(be.indexed(base, index, env))
        return be.add(terms)

    return run


# --- exact backend ----------------------------------------------------------------------


class ExactBackend:
    """Exact rational arithmetic; ``nan`` stands for an undefined 0/0 value.

    Arrays are looked up in the environment by base name: ``env["C"][a][b]``.
    """

    def number(self, value: Fraction) -> Fraction:
        return value

    def bound(self, value: Any) -> Any:
        return _exact(value)

    def nan(self) -> float:
        return math.nan

    def boolean(self, value: bool) -> bool:
        return value

    def scalar(self, name: str) -> Any:
        raise UnsupportedExpression(f"no value given for {name!r}")

    def indexed(self, base: str, index: tuple[int, ...], env: Env) -> Any:
        try:
            value = env[base]
            for j in index:
                value = value[j]
        except (KeyError, IndexError):
            raise UnsupportedExpression(f"no value given for {base}{list(index)}") from None
        return _exact(value)

    def add(self, terms: list) -> Any:
        return sum(terms, Fraction(0))

    def mul(self, factors: list) -> Any:
        return math.prod(factors, start=Fraction(1))

    def power(self, base: Any, exponent: int) -> Any:
        return base ** exponent

    def divide(self, num: Any, den: Any) -> Any:
        if isinstance(den, float) and math.isnan(den):
            return math.nan
        if den == 0:
            raise ZeroDivisionError("a definition divided by zero outside its zero_division guard")
        return num / den

    def sqrt(self, value: Any) -> Any:
        """The exact square root: a Fraction when ``value`` is a rational square, else a sympy
        algebraic number (compared exactly); nan below 0, as numpy's sqrt."""
        if isinstance(value, float) and math.isnan(value):
            return math.nan
        if value < 0:
            return math.nan
        if isinstance(value, Fraction):
            top, bottom = math.isqrt(value.numerator), math.isqrt(value.denominator)
            if top * top == value.numerator and bottom * bottom == value.denominator:
                return Fraction(top, bottom)
        return sympy.sqrt(sympy.sympify(value))

    def compare(self, op: str, x: Any, y: Any) -> bool:
        if isinstance(x, sympy.Basic) or isinstance(y, sympy.Basic):  # an irrational square root
            x, y = _algebraic_sign(x, y), 0
        return {"=": x == y, "!=": x != y, "<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}[op]

    def logic(self, op: str, args: list) -> bool:
        if op == "and":
            return all(args)
        if op == "or":
            return any(args)
        if op == "not":
            return not args[0]
        if op == "=>":
            return (not args[0]) or args[1]
        if op == "iff":
            return all(arg == args[0] for arg in args)
        raise UnsupportedExpression(op)

    def piecewise(self, branches: Sequence[tuple[Compiled, Compiled]], env: Env) -> Any:
        for cond, value in branches:
            if cond(self, env):
                return value(self, env)
        return math.nan


def _algebraic_sign(x: Any, y: Any) -> int:
    """The sign of ``x - y`` for exact real algebraic numbers; refused when sympy cannot decide."""
    diff = sympy.simplify(sympy.sympify(x) - sympy.sympify(y))
    if diff.is_zero:
        return 0
    if diff.is_positive:
        return 1
    if diff.is_negative:
        return -1
    raise UnsupportedExpression(f"cannot decide the sign of {diff} exactly")


def _exact(value: Any) -> Any:
    if isinstance(value, (Fraction, bool)):
        return value
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        return math.nan if math.isnan(value) else Fraction(value)
    if hasattr(value, "item"):  # numpy scalar
        return _exact(value.item())
    return value


def evaluate(expr: sympy.Basic, **bindings: Any) -> Any:
    """Evaluate ``expr`` exactly; bindings are symbols by name (``k=3``) and arrays (``C=[[..]]``).

    Returns a Fraction, a bool, or ``nan`` for an undefined 0/0.
    """
    env: Env = {}
    for name, value in bindings.items():
        if isinstance(value, (list, tuple)) or getattr(value, "ndim", 0):  # a numpy scalar has ndim 0
            env[name] = value.tolist() if hasattr(value, "tolist") else value
        else:
            env[_symbol_for(expr, name)] = value
    return compile_expr(expr)(ExactBackend(), env)


def _symbol_for(expr: sympy.Basic, name: str) -> sympy.Symbol:
    """The symbol called ``name`` in ``expr`` (free or bound by a Sum), so assumptions match."""
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, sympy.Symbol) and node.name == name:
            return node
    return sympy.Symbol(name)


# --- SMT-LIB backend ----------------------------------------------------------------------


def _num(term: Term) -> str:
    """The numerator of a term as a ratio, as Real text (the term itself when it is no ratio)."""
    if term.ratio:
        return term.ratio[0]
    return term.text if term.sort == "Real" else f"(to_real {term.text})"


def _parts(term: Term) -> tuple[str, str]:
    """A term as (numerator, denominator) Real texts: its ratio, or itself over ``1``."""
    return term.ratio or (_num(term), "1")


def _product(texts: Sequence[str]) -> str:
    """Real texts multiplied (``1`` factors left out), without naming: a ratio's parts are
    only written out where a comparison cross-multiplies them."""
    kept = [t for t in texts if t != "1"]
    if not kept:
        return "1"
    return kept[0] if len(kept) == 1 else f"(* {' '.join(kept)})"


def _sum_of_ratios(terms: Sequence[Term]) -> tuple[str, str]:
    """sum_i n_i / d_i over the product of the distinct denominators (once each, so terms
    over one shared denominator, as sum_l x_l / N, stay over N)."""
    dens = list(dict.fromkeys(t.ratio[1] for t in terms if t.ratio))
    parts = []
    for term in terms:
        own = term.ratio[1] if term.ratio else None
        parts.append(_product([_num(term)] + [den for den in dens if den != own]))
    return f"(+ {' '.join(parts)})", _product(dens)


#: A numeral as :func:`_numeral` writes it, possibly converted: ``2``, ``(- 1)``,
#: ``(/ 1.0 2.0)``, ``(to_real (- 1))``.
_NUMERAL = re.compile(r"^(\(to_real )?(\(- )?(\d+(\.\d+)?|\(/ \d+\.0 \d+\.0\))\)?\)?$")


@dataclass(frozen=True)
class Term:
    """An SMT-LIB term with its sort: ``Int``, ``Real`` or ``Bool``."""

    text: str
    sort: str
    ratio: tuple[str, str] | None = None  # (numerator, denominator) texts of a division


def _numeral(value: Fraction) -> str:
    """An integer as an Int numeral, any other rational as a quotient of Real numerals."""
    if value.denominator == 1:
        text = str(abs(value.numerator))
    else:
        text = f"(/ {abs(value.numerator)}.0 {value.denominator}.0)"
    return f"(- {text})" if value < 0 else text


@dataclass
class SmtBackend:
    """Builds well-sorted SMT-LIB2 terms and remembers declarations and division guards.

    ``specs`` maps an array base name or scalar name to its :class:`VarSpec`; a name that
    is not listed is an error (no variable is declared by accident).
    """

    specs: Mapping[str, VarSpec]
    declared: dict[str, VarSpec] = field(default_factory=dict)
    guards: list[str] = field(default_factory=list)
    shared: dict[str, str] = field(default_factory=dict)  # term text -> defined name
    definitions: list[str] = field(default_factory=list)  # define-fun lines, in order
    _path: list[str] = field(default_factory=list)
    _entries: dict[tuple[str, tuple[int, ...]], Term] = field(default_factory=dict)  # (base, index) -> term
    _roots: dict[str, str] = field(default_factory=dict)  # radicand text -> name of its square root
    #: sums of array entries already built, by what they sum (see ``_entry_sum``)
    entry_sums: dict[tuple, Term] = field(default_factory=dict)

    #: Terms longer than this are named once and referred to by name, so a sum that
    #: several metrics share is written (and parsed) only once.
    share_above: int = 120
    #: Name shared terms with declare-const and an equation (a conservative extension)
    #: instead of define-fun macros; with z3's solve_eqs off the solver then reasons over
    #: the aggregates (sum TP, sum FP, N, ...) instead of re-expanding them.
    named_constants: bool = False
    #: Compare ratios by cross-multiplying (sound under the recorded non-zero guards).
    cross_multiply: bool = False
    #: With ``cross_multiply``: carry every sum, product and quotient of ratios as one
    #: numerator over one denominator, so a comparison of nested ratios (acc / (2 - acc),
    #: a mean of per-label ratios) cross-multiplies into a polynomial with no division left.
    flatten_ratios: bool = False
    #: With ``flatten_ratios``: an ordering of ratios (``<``, ``<=``, ``>``, ``>=``) is
    #: cross-multiplied too, x/b op y/d iff x b d^2 op y d b^2 (the factor (b d)^2 > 0 under the
    #: guards), and a piecewise value of ratios is one ratio of two piecewise terms; so no
    #: division is left in any comparison (cvc5 stalls on a sign of a ratio, as mcc > 0).
    cross_multiply_orders: bool = False
    #: Set once a product of two non-constant terms or a division by one is built: the
    #: query leaves linear arithmetic (where every encoding is decided alike, and fast).
    nonlinear: bool = False

    def _share(self, term: Term) -> Term:
        if len(term.text) <= self.share_above or term.sort == "Bool":
            return term
        name = self.shared.get(term.text)
        if name is None:
            name = f"_t{len(self.shared)}"
            self.shared[term.text] = name
            if self.named_constants:
                self.definitions.append(f"(declare-const {name} {term.sort})")
                self.definitions.append(f"(assert (= {name} {term.text}))")
            else:
                self.definitions.append(f"(define-fun {name} () {term.sort} {term.text})")
        return Term(name, term.sort)

    # leaves
    def number(self, value: Fraction) -> Term:
        return Term(_numeral(value), "Int" if value.denominator == 1 else "Real")

    def bound(self, value: Any) -> Term:
        if isinstance(value, Term):
            return value
        return self.number(Fraction(value))

    def nan(self) -> Term:
        # An undefined value may only sit on a branch the hypotheses exclude: record the
        # guard "this path is never taken"; piecewise() then drops the branch.
        self.guards.append(self._under_path("false"))
        return Term("undefined", "Undefined")

    def boolean(self, value: bool) -> Term:
        return Term("true" if value else "false", "Bool")

    def _declare(self, name: str, spec_key: str) -> VarSpec:
        spec = self.specs.get(spec_key)
        if spec is None:
            raise UnsupportedExpression(f"no domain given for {spec_key!r}")
        self.declared.setdefault(name, spec)
        return spec

    def scalar(self, name: str) -> Term:
        spec = self._declare(name, name)
        return Term(name, spec.sort)

    def indexed(self, base: str, index: tuple[int, ...], env: Env) -> Term:
        term = self._entries.get((base, index))
        if term is None:  # first use of this entry: declare it (later uses reuse the term)
            name = "_".join((base, *map(str, index)))
            spec = self.specs.get(base)
            if spec is None:
                raise UnsupportedExpression(f"no domain given for {base!r}")
            self.declared.setdefault(name, spec)
            term = self._entries[(base, index)] = Term(name, spec.sort)
        return term

    # arithmetic
    @staticmethod
    def _unify(terms: Sequence[Term]) -> tuple[list[str], str]:
        sorts = {t.sort for t in terms}
        if "Bool" in sorts:
            raise UnsupportedExpression("arithmetic on a Boolean term")
        if "Undefined" in sorts:
            raise UnsupportedExpression("arithmetic on an undefined (nan) value outside a zero-division branch")
        if sorts == {"Int"}:
            return [t.text for t in terms], "Int"
        return [t.text if t.sort == "Real" else f"(to_real {t.text})" for t in terms], "Real"

    def add(self, terms: list[Term]) -> Term:
        terms = [t for t in terms if t.text not in ("0", "0.0")]
        if not terms:
            return Term("0", "Int")
        if len(terms) == 1:
            return terms[0]
        texts, sort = self._unify(terms)
        total = self._share(Term(f"(+ {' '.join(texts)})", sort))
        if self.flatten_ratios and any(t.ratio for t in terms):
            return Term(total.text, total.sort, _sum_of_ratios(terms))
        return total

    def mul(self, factors: list[Term]) -> Term:
        factors = [f for f in factors if f.text not in ("1", "1.0")]
        if not factors:
            return Term("1", "Int")
        # A 0/1 indicator factor selects instead of multiplying: s * x = (ite (= s 1) x 0),
        # which keeps label-set sums linear for the solver.
        for position, factor in enumerate(factors):
            if len(factors) > 1 and self.is_indicator(factor):
                rest = self.mul(factors[:position] + factors[position + 1:])
                zero = "0" if rest.sort == "Int" else "0.0"
                return self._share(Term(f"(ite (= {factor.text} 1) {rest.text} {zero})", rest.sort))
        if len(factors) == 1:
            return factors[0]
        texts, sort = self._unify(factors)
        if sum(not _NUMERAL.match(text) for text in texts) > 1:
            self.nonlinear = True
        product = self._share(Term(f"(* {' '.join(texts)})", sort))
        if self.flatten_ratios and any(f.ratio for f in factors):
            return Term(product.text, product.sort, (_product([_num(f) for f in factors]),
                                                     _product([f.ratio[1] for f in factors if f.ratio])))
        return product

    def is_indicator(self, term: Term) -> bool:
        """``term`` is a declared 0/1 integer variable (a factor that selects, see :meth:`mul`)."""
        spec = self.declared.get(term.text)
        return spec is not None and spec.sort == "Int" and spec.lower == "0" and spec.upper == "1"

    def power(self, base: Term, exponent: int) -> Term:
        return self.mul([base] * exponent)  # exponent 0: the empty product, 1

    def divide(self, num: Term, den: Term) -> Term:
        num_text = f"(to_real {num.text})" if num.sort == "Int" else num.text
        den_text = f"(to_real {den.text})" if den.sort == "Int" else den.text
        nonzero = f"(not (= {den_text} 0.0))"
        if not _NUMERAL.match(den_text):
            self.nonlinear = True
        self.guards.append(self._under_path(nonzero))
        shared = self._share(Term(f"(/ {num_text} {den_text})", "Real"))
        if self.flatten_ratios and (num.ratio or den.ratio):
            # (a/b) / (c/d) = (a d) / (b c): b, d are guarded non-zero, and c too (c/d is)
            (a, b), (c, d) = num.ratio or (num_text, "1"), den.ratio or (den_text, "1")
            return Term(shared.text, "Real", (_product([a, d]), _product([b, c])))
        return Term(shared.text, "Real", (num_text, den_text))

    def sqrt(self, value: Term) -> Term:
        """A fresh real r with ``x >= 0 => (r >= 0 and r * r = x)`` (a conservative extension),
        and the guard ``x >= 0``, so the definedness query must show the radicand non-negative."""
        if value.sort in ("Bool", "Undefined"):
            raise UnsupportedExpression("the square root of a non-numeric term")
        text = value.text if value.sort == "Real" else f"(to_real {value.text})"
        self.guards.append(self._under_path(f"(>= {text} 0.0)"))
        name = self._roots.get(text)
        if name is None:
            name = self._roots[text] = f"_sqrt{len(self._roots)}"
            self.nonlinear = True  # r * r = x
            self.definitions.append(f"(declare-const {name} Real)")
            self.definitions.append(f"(assert (=> (>= {text} 0.0) (and (>= {name} 0.0) (= (* {name} {name}) {text}))))")
        return Term(name, "Real")

    def _under_path(self, condition: str) -> str:
        if not self._path:
            return condition
        premise = self._path[0] if len(self._path) == 1 else f"(and {' '.join(self._path)})"
        return f"(=> {premise} {condition})"

    # logic
    def compare(self, op: str, x: Term, y: Term) -> Term:
        if self.cross_multiply and op in ("=", "!=") and (x.ratio or y.ratio):
            # Cross-multiply: with both denominators non-zero (guarded), a/b = c/d iff a d = c b.
            # Solvers decide the polynomial form far faster than real division.
            (xn, xd), (yn, yd) = _parts(x), _parts(y)
            # a denominator "1" (of a term that is no ratio) is dropped by mul(): the numerator alone
            lhs = self.mul([Term(xn, "Real"), Term(yd, "Real")])
            rhs = self.mul([Term(yn, "Real"), Term(xd, "Real")])
            (xt, yt), _ = self._unify([lhs, rhs])
            equal = f"(= {xt} {yt})"
            return Term(equal if op == "=" else f"(not {equal})", "Bool")
        if self.cross_multiply_orders and op in ("<", "<=", ">", ">=") and (x.ratio or y.ratio):
            # x/b - y/d = (x d - y b) / (b d) has the sign of (x d - y b) b d: multiply both sides by (b d)^2 > 0
            (xn, xd), (yn, yd) = _parts(x), _parts(y)
            lhs = self.mul([Term(t, "Real") for t in (xn, yd, xd, yd)])
            rhs = self.mul([Term(t, "Real") for t in (yn, xd, xd, yd)])
            (xt, yt), _ = self._unify([lhs, rhs])
            return Term(f"({op} {xt} {yt})", "Bool")
        (xt, yt), _ = self._unify([x, y])
        if op == "!=":
            return Term(f"(not (= {xt} {yt}))", "Bool")
        return Term(f"({op} {xt} {yt})", "Bool")

    def logic(self, op: str, args: list[Term]) -> Term:
        texts = [a.text for a in args]
        if op == "not":
            return Term(f"(not {texts[0]})", "Bool")
        if op in ("and", "or"):
            if not texts:
                return self.boolean(op == "and")
            if len(texts) == 1:
                return args[0]
            return Term(f"({op} {' '.join(texts)})", "Bool")
        if op == "=>":
            return Term(f"(=> {texts[0]} {texts[1]})", "Bool")
        if op == "iff":
            return Term(f"(= {' '.join(texts)})", "Bool")
        raise UnsupportedExpression(op)

    def piecewise(self, branches: Sequence[tuple[Compiled, Compiled]], env: Env) -> Term:
        conds: list[Term] = []
        values: list[Term] = []
        for cond_fn, value_fn in branches:
            cond = cond_fn(self, env)
            taken = [f"(not {c.text})" for c in conds] + ([] if cond.text == "true" else [cond.text])
            self._path.extend(taken)
            values.append(value_fn(self, env))
            del self._path[len(self._path) - len(taken):]
            conds.append(cond)
            if cond.text == "true":
                break
        else:
            raise UnsupportedExpression("a piecewise expression without a final 'otherwise' branch")
        # Branches whose value is undefined are never taken (their guard says so): drop them.
        kept = [(c, v) for c, v in zip(conds, values) if v.sort != "Undefined"]
        if not kept:
            raise UnsupportedExpression("every branch of a piecewise expression is undefined")
        conds, values = [c for c, _ in kept], [v for _, v in kept]
        if len(values) == 1:
            return values[0]
        sorts = {v.sort for v in values}
        if sorts == {"Bool"}:
            texts, sort = [v.text for v in values], "Bool"
        else:
            texts, sort = self._unify(values)
        result = texts[-1]
        for cond, text in zip(reversed(conds[:-1]), reversed(texts[:-1])):
            result = f"(ite {cond.text} {text} {result})"
        if self.cross_multiply_orders and sort == "Real" and any(v.ratio for v in values):
            # one ratio: the taken branch's numerator over its denominator (each guarded non-zero on its path)
            parts = [(n, "1.0" if d == "1" else d) for n, d in (v.ratio or (t, "1") for v, t in zip(values, texts))]
            num, den = parts[-1]
            for cond, (n, d) in zip(reversed(conds[:-1]), reversed(parts[:-1])):
                num, den = f"(ite {cond.text} {n} {num})", f"(ite {cond.text} {d} {den})"
            return Term(self._share(Term(result, sort)).text, sort, (num, den))
        return self._share(Term(result, sort))

    def declarations(self) -> list[str]:
        """``declare-const`` lines and the domain constraints of every variable used."""
        lines = []
        for name, spec in self.declared.items():
            lines.append(f"(declare-const {name} {spec.sort})")
            if spec.lower is not None:
                op = ">" if spec.strict_lower else ">="
                lines.append(f"(assert ({op} {name} {spec.lower}))")
            if spec.upper is not None:
                lines.append(f"(assert (<= {name} {spec.upper}))")
        return lines
