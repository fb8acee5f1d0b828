"""The SMT-LIB2 text of small expressions, written out by hand.

Protects the encoder every z3 and cvc5 answer rests on (``evaluation.SmtBackend`` through
``provers.smt.encode``): numerals and sorts, declarations with their bounds, the guard of
every division (under the path condition of its branch), undefined branches dropped with
a guard that they are never taken, shared terms, cross-multiplication, indicator
selection, logic, the three goals, and the flags a runner reads (trivial, linear).
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

from metricproofs.catalogue import Formula, Hypothesis
from metricproofs.domains import VarSpec
from metricproofs.evaluation import SmtBackend, Term, UnsupportedExpression, compile_expr, evaluate
from metricproofs.provers.smt import VARIANTS, encode

from metricproofs import definitions as d

x, y, z, n, r, p, q, s, i, j = sympy.symbols("x y z n r p q s i j")
a, b, l = sympy.symbols("a b l", integer=True)
k = d.k  # the class count the encoder binds
C = sympy.IndexedBase("C")
FREE = VarSpec("Real", lower=None)
MACROS, AGGREGATES, CROSS, BOTH, FLAT = VARIANTS


def formula(conclusion, *hypotheses, **domains) -> Formula:
    return Formula(tuple(Hypothesis(f"h{index}", "", h) for index, h in enumerate(hypotheses)),
                   conclusion, domains)


def lines(query) -> list[str]:
    return query.text.split("\n")


class TestTerms:
    def test_a_negative_fraction_compared_with_a_real(self) -> None:
        query = encode(formula(sympy.Eq(x, sympy.Rational(-3, 4)), x=FREE), 1, "negation")
        assert lines(query) == ["(declare-const x Real)", "(assert (not (= x (- (/ 3.0 4.0)))))"]

    def test_int_and_real_are_unified_and_bounds_declared(self) -> None:
        f = formula(sympy.Ge(n + r, 1), n=VarSpec("Int", lower="0", upper="5"),
                    r=VarSpec("Real", lower="0.0", strict_lower=True))
        assert lines(encode(f, 1, "negation")) == [
            "(declare-const n Int)", "(assert (>= n 0))", "(assert (<= n 5))",
            "(declare-const r Real)", "(assert (> r 0.0))",
            "(assert (not (>= (+ (to_real n) r) (to_real 1))))"]

    def test_integer_arithmetic_stays_integer(self) -> None:
        f = formula(sympy.Eq(2 * n - 3, 1), n=VarSpec("Int", lower=None))
        assert lines(encode(f, 1, "negation"))[-1] == "(assert (not (= (+ (- 3) (* 2 n)) 1)))"

    def test_a_division_is_guarded_and_definedness_asks_for_a_zero_denominator(self) -> None:
        f = formula(sympy.Eq(x / y, 2), x=FREE, y=FREE)
        negation = encode(f, 1, "negation")
        assert lines(negation) == ["(declare-const x Real)", "(declare-const y Real)",
                                   "(assert (not (= y 0.0)))", "(assert (not (= (/ x y) (to_real 2))))"]
        assert lines(encode(f, 1, "definedness")) == ["(declare-const x Real)", "(declare-const y Real)",
                                                      "(assert (not (not (= y 0.0))))"]
        assert lines(encode(f, 1, "hypotheses")) == ["(declare-const x Real)", "(declare-const y Real)"]
        assert not negation.linear and not negation.trivial

    def test_two_guards_are_joined(self) -> None:
        f = formula(sympy.Eq(x / y, z / r), x=FREE, y=FREE, z=FREE, r=FREE)
        assert lines(encode(f, 1, "definedness"))[-1] == "(assert (not (and (not (= y 0.0)) (not (= r 0.0)))))"

    def test_cross_multiplied_ratios(self) -> None:
        f = formula(sympy.Eq(x / y, 2), x=FREE, y=FREE)
        assert lines(encode(f, 1, "negation", variant=CROSS))[-1] == "(assert (not (= x (* (to_real 2) y))))"
        g = formula(sympy.Eq(x / y, z / r), x=FREE, y=FREE, z=FREE, r=FREE)
        assert lines(encode(g, 1, "negation", variant=CROSS))[-1] == "(assert (not (= (* x r) (* z y))))"
        h = formula(sympy.Ne(z, x / y), x=FREE, y=FREE, z=FREE)  # a ratio on the right, and !=
        assert lines(encode(h, 1, "negation", variant=CROSS))[-1] == "(assert (not (not (= (* z y) x))))"
        order = formula(sympy.Lt(x / y, 2), x=FREE, y=FREE)  # inequalities keep the division
        assert lines(encode(order, 1, "negation", variant=CROSS))[-1] == "(assert (not (< (/ x y) (to_real 2))))"

    def test_nested_ratios_are_flattened_before_cross_multiplying(self) -> None:
        f = formula(sympy.Eq(x, 1 / (1 + 1 / y)), x=FREE, y=FREE)
        assert lines(encode(f, 1, "negation", variant=CROSS))[-1] == \
            "(assert (not (= (* x (+ (to_real 1) (/ (to_real 1) y))) (to_real 1))))"
        # 1 / (1 + 1/y) = y / (y + 1): no division left in the comparison
        assert lines(encode(f, 1, "negation", variant=FLAT))[-1] == \
            "(assert (not (= (* x (+ (* (to_real 1) y) (to_real 1))) (* (to_real 1) y))))"
        assert FLAT.name == "flat-cross-multiplied" and FLAT.preamble == ""

    def test_ratios_over_one_denominator_are_summed_over_it_once(self) -> None:
        total = y / z + r / z
        f = formula(sympy.Eq(x, total), x=FREE, y=FREE, z=FREE, r=FREE)
        numerators = " ".join({y / z: "y", r / z: "r"}[term] for term in total.args)  # in sympy's order
        assert lines(encode(f, 1, "negation", variant=FLAT))[-1] == f"(assert (not (= (* x z) (+ {numerators}))))"
        product = formula(sympy.Eq(x, (y / z) * (r / n)), x=FREE, y=FREE, z=FREE, r=FREE, n=FREE)
        assert lines(encode(product, 1, "negation", variant=FLAT))[-1].startswith("(assert (not (= (* x (* ")
        mixed = formula(sympy.Eq(x, y / z + r / n), x=FREE, y=FREE, z=FREE, r=FREE, n=FREE)
        text = lines(encode(mixed, 1, "negation", variant=FLAT))[-1]
        assert "/" not in text  # two denominators: over their product, still no division

    def test_a_reciprocal_and_powers(self) -> None:
        f = formula(sympy.Eq(1 / x, x ** 2), x=FREE)
        query = encode(f, 1, "negation")
        assert lines(query)[1:] == ["(assert (not (= x 0.0)))", "(assert (not (= (/ (to_real 1) x) (* x x))))"]
        assert not query.linear
        g = formula(sympy.Eq(x ** -2, 1), x=FREE)
        assert lines(encode(g, 1, "negation"))[-1] == "(assert (not (= (/ (to_real 1) (* x x)) (to_real 1))))"

    def test_a_division_by_a_constant_is_linear(self) -> None:
        query = encode(formula(sympy.Eq(x / 2, y), x=FREE, y=FREE), 1, "negation")
        assert query.linear
        assert lines(query)[-1] == "(assert (not (= (* (/ 1.0 2.0) x) y)))"
        assert encode(formula(sympy.Eq(3 * x, y), x=FREE, y=FREE), 1, "negation").linear

    def test_a_guard_under_its_branch_condition(self) -> None:
        f = formula(sympy.Eq(z, sympy.Piecewise((x / y, y > 0), (0, True))), x=FREE, y=FREE, z=FREE)
        assert lines(encode(f, 1, "negation"))[3:] == [
            "(assert (=> (> y (to_real 0)) (not (= y 0.0))))",
            "(assert (not (= z (ite (> y (to_real 0)) (/ x y) (to_real 0)))))"]

    def test_an_undefined_branch_is_dropped_and_guarded_never_taken(self) -> None:
        f = formula(sympy.Eq(z, sympy.Piecewise((sympy.nan, sympy.Eq(y, 0)), (x / y, True))), x=FREE, y=FREE, z=FREE)
        assert lines(encode(f, 1, "negation"))[3:] == [
            "(assert (=> (= y (to_real 0)) false))",
            "(assert (=> (not (= y (to_real 0))) (not (= y 0.0))))",
            "(assert (not (= z (/ x y))))"]

    def test_an_indicator_selects_instead_of_multiplying(self) -> None:
        f = formula(sympy.Eq(s * x, x), s=VarSpec("Int", lower="0", upper="1"), x=FREE)
        query = encode(f, 1, "negation")
        assert lines(query) == ["(declare-const s Int)", "(assert (>= s 0))", "(assert (<= s 1))",
                                "(declare-const x Real)", "(assert (not (= (ite (= s 1) x 0.0) x)))"]
        assert query.linear
        g = formula(sympy.Eq(s * n, n), s=VarSpec("Int", lower="0", upper="1"), n=VarSpec("Int", lower=None))
        assert lines(encode(g, 1, "negation"))[-1] == "(assert (not (= (ite (= s 1) n 0) n)))"
        two = formula(sympy.Eq(x * y, 1), x=FREE, y=FREE)  # a product of two reals is not selected
        assert lines(encode(two, 1, "negation"))[-1] == "(assert (not (= (* x y) (to_real 1))))"

    def test_logic(self) -> None:
        boolean = VarSpec("Bool", lower=None)
        texts = {sympy.Implies(p, q): "(=> p q)", sympy.Equivalent(p, q): "(= p q)",
                 sympy.Or(p, sympy.Not(q)): "(or p (not q))"}
        conjunction = sympy.And(*texts)
        f = formula(conjunction, p=boolean, q=boolean)
        in_order = " ".join(texts[arg] for arg in conjunction.args)  # sympy orders the arguments
        assert lines(encode(f, 1, "negation"))[-1] == f"(assert (not (and {in_order})))"
        g = formula(sympy.Eq(sympy.ITE(p, x, y), x), p=boolean, x=FREE, y=FREE)
        assert lines(encode(g, 1, "negation"))[-1] == "(assert (not (= (ite p x y) x)))"
        delta = formula(sympy.Eq(sympy.KroneckerDelta(i, j), 0), i=VarSpec("Int", lower=None),
                        j=VarSpec("Int", lower=None))
        assert lines(encode(delta, 1, "negation"))[-1] == "(assert (not (= (ite (= i j) 1 0) 0)))"


class TestEntries:
    def test_sums_of_entries_in_the_order_of_their_limits(self) -> None:
        specs = {"C": VarSpec("Real", lower="0.0")}
        cases = {
            sympy.Sum(-C[l, l] + sympy.Sum(C[a, l], (a, 0, k - 1)), (l, 0, k - 1)):  # sum FP, as definitions writes it
                "(+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_1_0)) (+ (* (to_real (- 1)) C_1_1) (+ C_0_1 C_1_1)))",
            sympy.Sum(-C[l, l] + sympy.Sum(C[l, b], (b, 0, k - 1)), (l, 0, k - 1)):  # sum FN
                "(+ (+ (* (to_real (- 1)) C_0_0) (+ C_0_0 C_0_1)) (+ (* (to_real (- 1)) C_1_1) (+ C_1_0 C_1_1)))",
            sympy.Sum(C[a, b], (a, 0, k - 1), (b, 0, k - 1)): "(+ C_0_0 C_0_1 C_1_0 C_1_1)",
            sympy.Sum(C[a, b], (b, 0, k - 1), (a, 0, k - 1)): "(+ C_0_0 C_1_0 C_0_1 C_1_1)",
            sympy.Sum(C[a, a], (a, 0, k - 1)): "(+ C_0_0 C_1_1)",
            sympy.Sum(C[a, k - 1 - a], (a, 0, k - 1)): "(+ C_0_1 C_1_0)",
            sympy.Sum(C[1, a], (a, 0, k - 1)): "(+ C_1_0 C_1_1)",
            sympy.Sum(2 * C[a, 0], (a, 0, k - 1)): "(+ (* (to_real 2) C_0_0) (* (to_real 2) C_1_0))",
        }
        for expr, text in cases.items():
            backend = SmtBackend(specs)
            assert compile_expr(expr)(backend, {k: 2}).text == text, expr
        # every entry is declared once, with its bound, in the order of first use
        backend = SmtBackend(specs)
        compile_expr(sympy.Sum(C[a, b], (b, 0, k - 1), (a, 0, k - 1)))(backend, {k: 2})
        assert backend.declarations()[:4] == ["(declare-const C_0_0 Real)", "(assert (>= C_0_0 0.0))",
                                              "(declare-const C_1_0 Real)", "(assert (>= C_1_0 0.0))"]

    def test_sums_of_entries_evaluate_exactly(self) -> None:
        matrix = [[1, 2], [3, 5]]
        assert evaluate(sympy.Sum(C[a, b], (b, 0, k - 1), (a, 0, k - 1)), C=matrix, k=2) == 11
        assert evaluate(sympy.Sum(C[a, 1], (a, 0, k - 1)), C=matrix, k=2) == 7
        assert evaluate(sympy.Sum(C[1, b], (b, 0, k - 1)), C=matrix, k=2) == 8
        assert evaluate(sympy.Sum(C[a, k - 1 - a], (a, 0, k - 1)), C=matrix, k=2) == 5
        assert evaluate(sympy.Sum(C[a, a], (a, 0, k - 1)), C=matrix, k=2) == 6

    def test_long_terms_are_named_once(self) -> None:
        column = sympy.Sum(C[a, 0], (a, 0, k - 1))
        f = Formula((), sympy.Eq(column, 2 * column), {"C": VarSpec("Real", lower="0.0")})
        total = "(+ " + " ".join(f"C_{row}_0" for row in range(20)) + ")"
        assert len(total) > 120
        macros = lines(encode(f, 20, "negation"))
        assert macros[40:] == [f"(define-fun _t0 () Real {total})", "(assert (not (= _t0 (* (to_real 2) _t0))))"]
        named = lines(encode(f, 20, "negation", variant=AGGREGATES))
        # the aggregates encodings name every term over 16 characters: the product too
        assert named[40:] == ["(declare-const _t0 Real)", f"(assert (= _t0 {total}))",
                              "(declare-const _t1 Real)", "(assert (= _t1 (* (to_real 2) _t0)))",
                              "(assert (not (= _t0 _t1)))"]
        assert AGGREGATES.preamble == "(set-option :smt.solve_eqs false)\n" and MACROS.preamble == ""
        short = Formula((), sympy.Eq(column, 1), {"C": VarSpec("Real", lower="0.0")})
        assert not any("_t0" in line for line in lines(encode(short, 3, "negation")))
        # (+ C_0_0 C_1_0 C_2_0) is 21 characters: named in the aggregates encodings only
        assert "(assert (= _t0 (+ C_0_0 C_1_0 C_2_0)))" in lines(encode(short, 3, "negation", variant=AGGREGATES))


class TestGoals:
    def test_hypotheses_facts_and_extra_in_order(self) -> None:
        f = formula(sympy.Eq(x, y), sympy.Gt(x, 0), x=FREE, y=FREE)
        query = encode(f, 1, "negation", extra=("(assert (<= x 3.0))",), lemmas=(sympy.Ge(y, 0),))
        # the facts are walked first, so y (only in the fact) is declared first
        assert lines(query) == ["(declare-const y Real)", "(declare-const x Real)",
                                "(assert (> x (to_real 0)))", "(assert (>= y (to_real 0)))",
                                "(assert (<= x 3.0))", "(assert (not (= x y)))"]
        assert query.goal == "negation" and query.k == 1 and query.variant == MACROS
        assert list(query.declared) == ["y", "x"] and query.declared["x"] == FREE
        assert query.script("unsat", "; header\n") == (
            "; header\n(set-logic ALL)\n(set-info :status unsat)\n" + query.text + "\n(check-sat)\n(exit)\n")
        assert query.script() == "(set-logic ALL)\n" + query.text + "\n(check-sat)\n(exit)\n"

    def test_trivial_definedness_and_hypotheses(self) -> None:
        plain = formula(sympy.Eq(2 * x, x), x=VarSpec("Real", lower="0.0"))
        assert encode(plain, 1, "definedness").trivial and encode(plain, 1, "definedness").trivial_status == "unsat"
        hypotheses = encode(plain, 1, "hypotheses")
        assert hypotheses.trivial and hypotheses.trivial_status == "sat"
        assert not encode(plain, 1, "hypotheses", extra=("(assert (> x 1.0))",)).trivial
        assert not encode(plain, 1, "hypotheses", lemmas=(sympy.Gt(x, 1),)).trivial
        assert not encode(plain, 1, "negation").trivial
        for spec in (VarSpec("Real", lower="1"), VarSpec("Real", lower="0.0", strict_lower=True),
                     VarSpec("Int", lower=None, upper="-1"), VarSpec("Int", lower="(- 1)")):
            assert not encode(formula(sympy.Eq(2 * x, x), x=spec), 1, "hypotheses").trivial, spec
        for spec in (VarSpec("Int", lower=None), VarSpec("Int", lower="-1", upper="0"), VarSpec("Int", upper="1")):
            assert encode(formula(sympy.Eq(2 * x, x), x=spec), 1, "hypotheses").trivial, spec
        assert not encode(formula(sympy.Eq(2 * x, x), sympy.Gt(x, 0), x=FREE), 1, "hypotheses").trivial

    def test_k_is_bound_unless_it_is_a_variable(self) -> None:
        bound = Formula((), sympy.Eq(sympy.Sum(C[a, a], (a, 0, k - 1)), k), {"C": VarSpec("Real", lower="0.0")})
        assert lines(encode(bound, 2, "negation"))[-1] == "(assert (not (= (+ C_0_0 C_1_1) (to_real 2))))"
        free = Formula((), sympy.Ge(k, 2), {"k": VarSpec("Int", lower="1")})
        assert lines(encode(free, 7, "negation")) == ["(declare-const k Int)", "(assert (>= k 1))",
                                                      "(assert (not (>= k 2)))"]

    def test_one_walk_serves_every_goal(self) -> None:
        f = formula(sympy.Eq(x / y, 2), x=FREE, y=FREE)
        first, second = encode(f, 1, "negation"), encode(f, 1, "negation")
        assert first.text == second.text
        other = formula(sympy.Eq(x / y, 3), x=FREE, y=FREE)  # same shape, another formula: not confused
        assert lines(encode(other, 1, "negation"))[-1] == "(assert (not (= (/ x y) (to_real 3))))"
        assert lines(encode(f, 1, "negation", variant=CROSS))[-1] != lines(first)[-1]


class TestRefusals:
    @pytest.mark.parametrize("expr, message", [
        (sympy.Eq(p + x, 1), "arithmetic on a Boolean term"),
        (sympy.Eq(q, 1), "no domain given for 'q'"),
        (sympy.Eq(sympy.Indexed(sympy.IndexedBase("D"), 0), 1), "no domain given for 'D'"),
        (sympy.Eq(sympy.Piecewise((x, x > 0)), 1), "without a final 'otherwise' branch"),
        (sympy.Eq(sympy.sin(x), 0), "do not interpret sin"),
        (sympy.Eq(x ** sympy.Rational(1, 3), 1), "only integer powers"),
    ])
    def test_unsupported_expressions_are_refused(self, expr, message) -> None:
        with pytest.raises(UnsupportedExpression, match=message):
            encode(formula(expr, p=VarSpec("Bool", lower=None), x=FREE), 1, "negation")

    def test_arithmetic_on_an_undefined_value_is_refused(self) -> None:
        backend = SmtBackend({})
        with pytest.raises(UnsupportedExpression, match="undefined"):
            backend.add([Term("undefined", "Undefined"), Term("x", "Real")])
        with pytest.raises(UnsupportedExpression):
            backend.logic("xor", [])
        assert backend.add([]).text == "0" and backend.mul([]).text == "1"
        assert backend.add([Term("0.0", "Real"), Term("x", "Real")]).text == "x"
        assert backend.mul([Term("1", "Int"), Term("x", "Real")]).text == "x"
        assert backend.power(Term("x", "Real"), 0).text == "1"
        assert backend.logic("and", []).text == "true" and backend.logic("or", []).text == "false"
        assert backend.logic("and", [Term("p", "Bool")]).text == "p"
        assert backend.bound(Fraction(1, 2)).text == "(/ 1.0 2.0)" and backend.bound(3).text == "3"
        undefined = lambda be, env: be.nan()  # noqa: E731
        with pytest.raises(UnsupportedExpression, match="every branch"):
            backend.piecewise([(lambda be, env: be.boolean(True), undefined)], {})
