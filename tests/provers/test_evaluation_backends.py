"""The two backends of ``evaluation``, method by method.

Protects what each primitive of the exact reading (``ExactBackend``: the tests' and the
scorer's ground truth) and of the SMT encoder (``SmtBackend``: every z3 and cvc5 query)
returns: exact square roots and comparisons of algebraic numbers, the truth tables of the
connectives, conversions of bound values, and, on the SMT side, the sorts of Boolean
terms (a Boolean taken for a number would be wrapped in ``to_real``: an ill-sorted
query), the neutral elements, three-way branches, paths of two conditions, sharing at
exactly the threshold, and ratios carried through products and quotients so that a
cross-multiplied comparison has no division left. Expected texts are worked out by hand.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
import sympy

from metricproofs import definitions as d
from metricproofs import evaluation
from metricproofs.catalogue import Formula
from metricproofs.domains import VarSpec
from metricproofs.evaluation import ExactBackend, SmtBackend, Term, UnsupportedExpression, compile_expr, evaluate
from metricproofs.provers.smt import VARIANTS, encode

MACROS, AGGREGATES, CROSS, BOTH, FLAT = VARIANTS
REAL = VarSpec("Real", lower=None)
INT = VarSpec("Int", lower=None)
INDICATOR = VarSpec("Int", lower="0", upper="1")
a, b, c, dd, w, x, y, z = sympy.symbols("a b c d w x y z")
n, m, s = sympy.symbols("n m s")
X, Y, N, M = Term("x", "Real"), Term("y", "Real"), Term("n", "Int"), Term("m", "Int")


def last_line(conclusion: sympy.Basic, variant=MACROS, **domains: VarSpec) -> str:
    return encode(Formula((), conclusion, domains), 1, "negation", variant=variant).text.split("\n")[-1]


class TestExactLeaves:
    def test_bound_values_become_exact_numbers(self) -> None:
        be = ExactBackend()
        assert be.bound(True) is True and be.bound(False) is False  # a truth value stays one
        assert be.bound(3) == 3 and type(be.bound(3)) is Fraction
        assert be.bound(0.25) == Fraction(1, 4) and type(be.bound(0.25)) is Fraction
        assert math.isnan(be.bound(math.nan))
        assert be.bound(np.int64(7)) == 7 and type(be.bound(np.int64(7))) is Fraction
        assert be.bound(np.float64(0.5)) == Fraction(1, 2) and type(be.bound(np.float64(0.5))) is Fraction
        assert be.bound(Fraction(2, 3)) == Fraction(2, 3)
        root = sympy.sqrt(2)
        assert be.bound(root) is root  # anything else (an algebraic number) passes unchanged

    def test_an_unbound_name_or_entry_is_refused_by_name(self) -> None:
        be = ExactBackend()
        with pytest.raises(UnsupportedExpression, match=r"^no value given for 'q'$"):
            be.scalar("q")
        with pytest.raises(UnsupportedExpression, match=r"^no value given for C\[0, 5\]$"):
            be.indexed("C", (0, 5), {"C": [[1, 2]]})
        with pytest.raises(UnsupportedExpression, match=r"^no value given for D\[0\]$"):
            be.indexed("D", (0,), {"C": [[1, 2]]})
        assert be.indexed("C", (0, 1), {"C": [[1, 2]]}) == 2

    def test_arrays_are_bound_as_lists_tuples_or_numpy_arrays(self) -> None:
        C = sympy.IndexedBase("C")
        assert evaluate(C[1, 0], C=[[1, 2], [3, 4]]) == 3
        assert evaluate(C[1, 0], C=((1, 2), (3, 4))) == 3
        assert evaluate(C[1, 0], C=np.array([[1, 2], [3, 4]])) == 3
        assert type(evaluate(C[1, 0], C=np.array([[1, 2], [3, 4]]))) is Fraction
        # an array-like is read by position, not by its labels
        assert evaluate(sympy.IndexedBase("D")[0], D=pd.Series([5, 6], index=[1, 0])) == 5

    def test_a_bound_symbol_keeps_its_assumptions(self) -> None:
        # the binding k=2 must reach the symbol of the expression, an integer symbol here
        label = sympy.Symbol("label", integer=True)
        assert evaluate(label + 1, label=2) == 3
        assert evaluate(sympy.Sum(label, (label, 1, 3)) + x, x=Fraction(1, 2)) == Fraction(13, 2)


class TestExactArithmetic:
    def test_neutral_elements_are_exact(self) -> None:
        be = ExactBackend()
        assert be.add([]) == 0 and type(be.add([])) is Fraction
        assert be.mul([]) == 1 and type(be.mul([])) is Fraction
        assert be.add([Fraction(1, 2), Fraction(1, 3)]) == Fraction(5, 6)
        assert be.mul([Fraction(2, 3), Fraction(3, 4)]) == Fraction(1, 2)
        assert be.power(Fraction(2, 3), 3) == Fraction(8, 27)

    def test_division(self) -> None:
        be = ExactBackend()
        assert be.divide(Fraction(1, 2), Fraction(3)) == Fraction(1, 6)
        assert math.isnan(be.divide(Fraction(1), math.nan))
        assert be.divide(Fraction(1), Fraction(10 ** 400)) == Fraction(1, 10 ** 400)  # too large for a float
        with pytest.raises(ZeroDivisionError, match=r"^a definition divided by zero outside its zero_division guard$"):
            be.divide(Fraction(1), Fraction(0))

    def test_square_roots_are_exact(self) -> None:
        be = ExactBackend()
        for value, root in ((Fraction(9, 4), Fraction(3, 2)), (Fraction(0), Fraction(0)), (Fraction(49), Fraction(7)),
                            (Fraction(10 ** 400), Fraction(10 ** 200))):  # too large for a float: still exact
            assert be.sqrt(value) == root and type(be.sqrt(value)) is Fraction, value
        # a square numerator over a non-square denominator, and the other way round: irrational
        assert be.sqrt(Fraction(9, 2)) == 3 / sympy.sqrt(2)
        assert be.sqrt(Fraction(2, 9)) == sympy.sqrt(2) / 3
        assert be.sqrt(Fraction(2)) == sympy.sqrt(2)
        assert math.isnan(be.sqrt(math.nan)) and math.isnan(be.sqrt(Fraction(-1, 4)))

    def test_comparisons_of_rationals(self) -> None:
        be = ExactBackend()
        one, two = Fraction(1), Fraction(2)
        table = {"=": (False, True, False), "!=": (True, False, True), "<": (True, False, False),
                 "<=": (True, True, False), ">": (False, False, True), ">=": (False, True, True)}
        for op, expected in table.items():  # 1 op 2, 2 op 2, 2 op 1
            assert (be.compare(op, one, two), be.compare(op, two, two), be.compare(op, two, one)) == expected, op

    def test_comparisons_of_algebraic_numbers_are_exact(self) -> None:
        be = ExactBackend()
        root2 = sympy.sqrt(2)  # 1.41421...: above 7/5 = 1.4, below 3/2
        assert be.compare("<", root2, Fraction(3, 2)) and not be.compare(">", root2, Fraction(3, 2))
        assert be.compare(">", root2, Fraction(7, 5)) and not be.compare("<=", root2, Fraction(7, 5))
        assert be.compare(">=", Fraction(3, 2), root2) and not be.compare("<", Fraction(3, 2), root2)
        assert be.compare("=", sympy.sqrt(8), 2 * root2) and not be.compare("!=", sympy.sqrt(8), 2 * root2)
        assert not be.compare("=", root2, Fraction(7, 5))

    def test_a_sign_sympy_cannot_decide_is_refused(self) -> None:
        with pytest.raises(UnsupportedExpression, match=r"^cannot decide the sign of t exactly$"):
            ExactBackend().compare("<", sympy.Symbol("t"), Fraction(0))


class TestExactLogic:
    def test_truth_tables(self) -> None:
        be = ExactBackend()
        pairs = [(False, False), (False, True), (True, False), (True, True)]
        assert [be.logic("and", list(p)) for p in pairs] == [False, False, False, True]
        assert [be.logic("or", list(p)) for p in pairs] == [False, True, True, True]
        assert [be.logic("=>", list(p)) for p in pairs] == [True, True, False, True]
        assert [be.logic("iff", list(p)) for p in pairs] == [True, False, False, True]
        assert [be.logic("not", [v]) for v in (False, True)] == [True, False]
        assert be.logic("iff", [True, True, False]) is False and be.logic("iff", [False, False, False]) is True
        assert be.logic("and", []) is True and be.logic("or", []) is False

    def test_connectives_read_through_the_walker(self) -> None:
        p, q = sympy.symbols("p q")
        assert evaluate(sympy.Not(p), p=True) is False
        assert evaluate(sympy.Implies(p, q), p=True, q=False) is False
        assert evaluate(sympy.Implies(p, q), p=False, q=False) is True
        assert evaluate(sympy.Equivalent(p, q), p=False, q=True) is False

    def test_an_unknown_connective_is_refused_by_name(self) -> None:
        with pytest.raises(UnsupportedExpression, match=r"^xor$"):
            ExactBackend().logic("xor", [True])
        with pytest.raises(UnsupportedExpression, match=r"^xor$"):
            SmtBackend({}).logic("xor", [Term("p", "Bool")])

    def test_a_piecewise_with_no_branch_taken_is_nan(self) -> None:
        be = ExactBackend()
        never = (lambda b2, e2: False, lambda b2, e2: Fraction(1))
        assert math.isnan(be.piecewise([never], {}))
        assert be.piecewise([never, (lambda b2, e2: True, lambda b2, e2: Fraction(2))], {}) == 2


class TestSmtSorts:
    """Every Boolean term has sort Bool: never shared as a number, never converted."""

    def test_booleans_comparisons_and_connectives_are_bool(self) -> None:
        be = SmtBackend({})
        ratio = be.divide(X, Y)
        p, q = Term("p", "Bool"), Term("q", "Bool")
        terms = [be.boolean(True), be.boolean(False), be.compare("=", X, Y), be.compare("!=", X, Y),
                 be.compare("<", X, Y), be.logic("not", [p]), be.logic("and", [p, q]), be.logic("or", [p, q]),
                 be.logic("=>", [p, q]), be.logic("iff", [p, q])]
        crossed = SmtBackend({}, cross_multiply=True)
        cross_ratio = crossed.divide(X, Y)
        terms += [crossed.compare("=", cross_ratio, X), crossed.compare("!=", cross_ratio, X)]
        assert [t.sort for t in terms] == ["Bool"] * len(terms)
        assert ratio.sort == "Real"
        for term in terms:
            with pytest.raises(UnsupportedExpression, match=r"^arithmetic on a Boolean term$"):
                be.add([term, X])

    def test_texts_of_plain_comparisons(self) -> None:
        be = SmtBackend({})
        assert be.compare("!=", X, Y).text == "(not (= x y))"
        assert be.compare("<=", N, X).text == "(<= (to_real n) x)"
        assert be.compare("=", N, M).text == "(= n m)"  # two Ints: no conversion

    def test_a_piecewise_of_booleans_is_an_ite_of_booleans(self) -> None:
        p = sympy.Symbol("p")
        text = last_line(sympy.ITE(p, sympy.Gt(x, 0), sympy.Lt(y, 0)), p=VarSpec("Bool", lower=None), x=REAL, y=REAL)
        assert text == "(assert (not (ite p (> x (to_real 0)) (< y (to_real 0)))))"

    def test_a_long_boolean_is_never_named(self) -> None:
        be = SmtBackend({})
        long_name = "p" * 130
        branches = [(lambda b2, e2: Term("q", "Bool"), lambda b2, e2: Term(long_name, "Bool")),
                    (lambda b2, e2: b2.boolean(True), lambda b2, e2: Term("r", "Bool"))]
        result = be.piecewise(branches, {})
        assert result == Term(f"(ite q {long_name} r)", "Bool") and be.definitions == [] and be.shared == {}

    def test_arithmetic_on_undefined_is_refused_with_the_reason(self) -> None:
        with pytest.raises(UnsupportedExpression,
                           match=r"^arithmetic on an undefined \(nan\) value outside a zero-division branch$"):
            SmtBackend({}).mul([Term("undefined", "Undefined"), X])


class TestSmtNeutralElements:
    def test_empty_sums_products_and_powers_are_int(self) -> None:
        be = SmtBackend({})
        for neutral, text in ((be.add([]), "0"), (be.mul([]), "1"), (be.power(N, 0), "1")):
            assert neutral == Term(text, "Int")
            assert be.compare("=", neutral, N).text == f"(= {text} n)"  # an Int: compared without to_real

    def test_neutral_terms_are_dropped(self) -> None:
        be = SmtBackend({})
        assert be.add([Term("0", "Int"), N]).text == "n"
        assert be.add([Term("0", "Int"), Term("0.0", "Real")]) == Term("0", "Int")
        assert be.mul([Term("1.0", "Real"), X]).text == "x"
        assert be.power(X, 3).text == "(* x x x)"

    def test_a_product_of_two_unknowns_is_nonlinear_of_an_unknown_and_a_number_not(self) -> None:
        be = SmtBackend({})
        be.mul([Term("(to_real 2)", "Real"), X])
        assert not be.nonlinear
        be.mul([X, Y])
        assert be.nonlinear
        assert encode(Formula((), sympy.Eq(2 * x, y), {"x": REAL, "y": REAL}), 1, "negation").linear
        assert not encode(Formula((), sympy.Eq(x * y, 1), {"x": REAL, "y": REAL}), 1, "negation").linear

    def test_a_lone_indicator_is_itself(self) -> None:
        # k = 1 makes k s a product of one factor: no selection (ite (= s 1) 1 0) for it
        be = SmtBackend({"s": INDICATOR})
        assert compile_expr(d.k * s)(be, {d.k: 1}).text == "s"
        assert compile_expr(d.k * s)(be, {d.k: 2}).text == "(ite (= s 1) 2 0)"

    def test_only_an_int_zero_one_variable_selects(self) -> None:
        for spec in (VarSpec("Int", lower="0", upper="2"), VarSpec("Real", lower="0", upper="1"),
                     VarSpec("Int", lower=None, upper="1"), VarSpec("Int", lower="1", upper="1")):
            be = SmtBackend({"s": spec, "n": INT})
            product = compile_expr(s * n)(be, {})
            assert product.text.startswith("(* ") and "ite" not in product.text, spec  # a plain product
            assert be.nonlinear, spec


class TestSmtBranches:
    def test_three_branches_nest_in_order_with_their_paths(self) -> None:
        expr = sympy.Piecewise((x / y, y > 1), (x / z, z > 1), (0, True))
        be = SmtBackend({"x": REAL, "y": REAL, "z": REAL})
        assert compile_expr(expr)(be, {}).text == \
            "(ite (> y (to_real 1)) (/ x y) (ite (> z (to_real 1)) (/ x z) (to_real 0)))"
        assert be.guards == ["(=> (> y (to_real 1)) (not (= y 0.0)))",
                             "(=> (and (not (> y (to_real 1))) (> z (to_real 1))) (not (= z 0.0)))"]

    def test_a_guard_under_two_nested_conditions(self) -> None:
        expr = sympy.Piecewise((sympy.Piecewise((x / y, y > 1), (0, True)), x > 0), (1, True))
        be = SmtBackend({"x": REAL, "y": REAL})
        compile_expr(expr)(be, {})
        assert be.guards == ["(=> (and (> x (to_real 0)) (> y (to_real 1))) (not (= y 0.0)))"]

    def test_refusals_say_what_is_missing(self) -> None:
        be = SmtBackend({})
        undefined = lambda b2, e2: b2.nan()  # noqa: E731
        with pytest.raises(UnsupportedExpression, match=r"^every branch of a piecewise expression is undefined$"):
            be.piecewise([(lambda b2, e2: b2.boolean(True), undefined)], {})
        with pytest.raises(UnsupportedExpression,
                           match=r"^a piecewise expression without a final 'otherwise' branch$"):
            be.piecewise([(lambda b2, e2: Term("p", "Bool"), lambda b2, e2: X)], {})


class TestSmtSharing:
    def test_a_term_of_exactly_the_threshold_is_written_out(self) -> None:
        be = SmtBackend({})
        # "(+ " + 57 + " " + 58 + ")" is 5 + 115 = 120 characters: not named; one more is
        at = be.add([Term("u" * 57, "Real"), Term("v" * 58, "Real")])
        assert len(at.text) == 120 and be.definitions == []
        above = be.add([Term("u" * 57, "Real"), Term("v" * 59, "Real")])
        assert above == Term("_t0", "Real")
        assert be.definitions == [f"(define-fun _t0 () Real (+ {'u' * 57} {'v' * 59}))"]

    def test_a_long_quotient_is_named_as_a_real(self) -> None:
        be = SmtBackend({})
        numerator = "u" * 130
        assert be.divide(Term(numerator, "Int"), N).text == "_t0"
        assert be.definitions == [f"(define-fun _t0 () Real (/ (to_real {numerator}) (to_real n)))"]
        assert be.guards == ["(not (= (to_real n) 0.0))"]

    def test_an_int_denominator_is_converted_in_the_quotient_and_its_guard(self) -> None:
        f = Formula((), sympy.Eq(x / n, 1), {"x": REAL, "n": INT})
        assert encode(f, 1, "negation").text.split("\n")[-2:] == [
            "(assert (not (= (to_real n) 0.0)))", "(assert (not (= (/ x (to_real n)) (to_real 1))))"]


class TestRatiosCarried:
    """Ratios as scikit-learn's metrics build them: ``definitions.ratio`` with an undefined
    zero-division branch is its quotient alone, ratio attached."""

    P, R = d.ratio(a, b), d.ratio(c, dd)
    DOMAINS = {"a": REAL, "b": REAL, "c": REAL, "d": REAL, "w": REAL, "x": REAL, "y": REAL}

    def line(self, conclusion: sympy.Basic, variant) -> str:
        return last_line(conclusion, variant, **self.DOMAINS)

    def test_a_product_of_ratios_cross_multiplies_into_products_of_parts(self) -> None:
        # w = (a/b)(c/d) iff w b d = a c
        assert self.line(sympy.Eq(w, self.P * self.R), FLAT) == "(assert (not (= (* w (* b d)) (* a c))))"
        # w = x (a/b) iff w b = x a (the factors in sympy's order)
        product = x * self.P
        numerator = " ".join({x: "x", self.P: "a"}[f] for f in product.args)
        assert self.line(sympy.Eq(w, product), FLAT) == f"(assert (not (= (* w b) (* {numerator}))))"

    def test_a_sum_with_a_plain_real_term(self) -> None:
        total = x + self.P  # over b: x b + a
        parts = " ".join({x: "(* x b)", self.P: "a"}[t] for t in total.args)
        assert self.line(sympy.Eq(w, total), FLAT) == f"(assert (not (= (* w b) (+ {parts}))))"

    def test_a_ratio_over_a_plain_denominator(self) -> None:
        # (a/b) / y = a / (b y)
        assert self.line(sympy.Eq(w, self.P / y), FLAT) == "(assert (not (= (* w (* b y)) a)))"
        # (a/b) / (c/d): sympy moves the power into the branch, (a/b) (d/c), so (a d) / (b c)
        assert self.line(sympy.Eq(w, self.P / self.R), FLAT) == "(assert (not (= (* w (* b c)) (* a d))))"
        # an inequality keeps the quotient itself, a Real
        assert self.line(sympy.Lt(self.P / y, 1), FLAT) == "(assert (not (< (/ (/ a b) y) (to_real 1))))"

    def test_a_flattened_sum_or_product_is_still_a_real_in_an_inequality(self) -> None:
        # an inequality does not cross-multiply: the sum (product) itself, a Real, is compared
        total, product = x + self.P, x * self.P
        assert self.line(sympy.Lt(total, 1), FLAT) == f"(assert (not (< {self._plain_sum(total)} (to_real 1))))"
        factors = " ".join({x: "x", self.P: "(/ a b)"}[f] for f in product.args)
        assert self.line(sympy.Lt(product, 1), FLAT) == f"(assert (not (< (* {factors}) (to_real 1))))"

    def test_the_empty_product_of_parts_is_one(self) -> None:
        # _product leaves out factors "1"; with none left, the product is "1"
        assert evaluation._product([]) == "1" and evaluation._product(["1", "1"]) == "1"
        assert evaluation._product(["1", "x"]) == "x" and evaluation._product(["x", "1", "y"]) == "(* x y)"

    def test_without_flattening_only_a_quotient_carries_its_parts(self) -> None:
        # cross-multiplied, not flattened: a sum or product of ratios is compared as it is
        total = x + self.P
        assert self.line(sympy.Eq(w, total), CROSS) == f"(assert (not (= w {self._plain_sum(total)})))"
        product = x * self.P
        factors = " ".join({x: "x", self.P: "(/ a b)"}[f] for f in product.args)
        assert self.line(sympy.Eq(w, product), CROSS) == f"(assert (not (= w (* {factors}))))"
        # a ratio over y: its numerator is the quotient a/b itself, its denominator y
        assert self.line(sympy.Eq(self.P / y, 1), CROSS) == "(assert (not (= (/ a b) (* (to_real 1) y))))"

    def _plain_sum(self, total: sympy.Basic) -> str:
        return "(+ " + " ".join({x: "x", self.P: "(/ a b)"}[t] for t in total.args) + ")"
