"""How ``evaluation.compile_expr`` walks an expression, read through both backends.

Protects the one walker that the exact reading of the definitions (``ExactBackend``) and
every SMT query (``SmtBackend``) share: index arithmetic, subscripts of any arity, sums
(the direct listing of entries and the general loop), bounded quantifiers, square roots
and reciprocal square roots (MCC), and the environment left as it was found. A failure
here means an evaluated metric or an encoded claim reads a different expression than the
one written in ``definitions.py``. Expected values and texts are worked out by hand.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy

from metricproofs.definitions import ForAll
from metricproofs.domains import VarSpec
from metricproofs.evaluation import ExactBackend, SmtBackend, UnsupportedExpression, compile_expr, evaluate

a, b, c, l, j = sympy.symbols("a b c l j", integer=True)
x, y = sympy.symbols("x y")
k = sympy.Symbol("k")
C, D, T = sympy.IndexedBase("C"), sympy.IndexedBase("D"), sympy.IndexedBase("T")
COUNTS = VarSpec("Int", lower="0")
REAL = VarSpec("Real", lower=None)


def smt_text(expr: sympy.Basic, env: dict | None = None, **specs: VarSpec) -> str:
    return compile_expr(expr)(SmtBackend(specs), dict(env or {})).text


class TestIndices:
    """Subscripts and limits are integer expressions of bound symbols."""

    DIGITS = list(range(10, 20))  # D[i] = 10 + i: the value names the position read

    def test_a_literal_subscript(self) -> None:
        assert evaluate(D[3], D=self.DIGITS) == 13
        assert smt_text(D[3], D=COUNTS) == "D_3"

    def test_sums_and_products_of_bound_indices(self) -> None:
        # l = 3: l + 1 = 4 and 2 l = 6 (a sum of the factors would read 5, a product of the terms 3)
        assert evaluate(D[l + 1], D=self.DIGITS, l=3) == 14
        assert evaluate(D[2 * l], D=self.DIGITS, l=3) == 16
        assert evaluate(D[a * b + 1], D=self.DIGITS, a=2, b=3) == 17
        assert smt_text(D[2 * l], {l: 3}, D=COUNTS) == "D_6"

    def test_an_index_bound_to_an_integral_fraction_or_another_integer_type(self) -> None:
        assert evaluate(D[l], D=self.DIGITS, l=Fraction(4)) == 14
        assert evaluate(D[l], D=self.DIGITS, l=sympy.Integer(5)) == 15
        # (bound directly: evaluate() would take a numpy scalar, which has a shape, for an array)
        assert compile_expr(D[l])(ExactBackend(), {"D": self.DIGITS, l: np.int64(6)}) == 16

    def test_an_index_that_is_no_integer_is_refused(self) -> None:
        with pytest.raises(UnsupportedExpression, match=r"index l is bound to a non-integer 1/2"):
            evaluate(D[l], D=self.DIGITS, l=Fraction(1, 2))
        with pytest.raises(UnsupportedExpression, match=r"^index l is not bound to a number$"):
            evaluate(D[l], D=self.DIGITS)
        with pytest.raises(UnsupportedExpression, match=r"cannot use l\*\*2 as an index"):
            evaluate(D[l ** 2], D=self.DIGITS, l=2)

    def test_subscripts_of_every_arity(self) -> None:
        cube = [[[100 * p + 10 * q + r for r in range(3)] for q in range(3)] for p in range(3)]
        assert evaluate(T[a, b, c], T=cube, a=2, b=0, c=1) == 201
        assert evaluate(T[1, 2, l], T=cube, l=0) == 120
        assert smt_text(T[a, l, b], {a: 1, l: 2, b: 0}, T=COUNTS) == "T_1_2_0"
        assert evaluate(C[a, b], C=[[1, 2], [3, 4]], a=1, b=0) == 3
        assert smt_text(C[a, b], {a: 0, b: 1}, C=COUNTS) == "C_0_1"


class TestSums:
    def test_the_general_loop_over_a_body_that_is_no_entry(self) -> None:
        assert evaluate(sympy.Sum(l ** 2, (l, 1, 3)), l=0) == 14  # 1 + 4 + 9
        # two limits: (1 + 2) (1 + 2 + 3) = 18
        assert evaluate(sympy.Sum(a * b, (a, 1, 2), (b, 1, 3))) == 18
        # a limit that depends on the outer index: b runs 0..a, so 0 + (0 + 1) + (0 + 1 + 2) = 4
        assert evaluate(sympy.Sum(b, (a, 0, 2), (b, 0, a))) == 4
        assert evaluate(sympy.Sum(l, (l, 3, 2))) == 0  # an empty range adds nothing
        assert evaluate(sympy.Sum(l ** 2, (l, a, 3)), a=2) == 13  # from a bound lower limit: 4 + 9

    def test_the_general_loop_visits_the_first_limit_outermost(self) -> None:
        # b + 1 is an expression of a summation index: no direct listing, the general loop runs
        assert smt_text(sympy.Sum(C[a, b + 1], (a, 0, 1), (b, 0, 1)), C=COUNTS) == "(+ C_0_1 C_0_2 C_1_1 C_1_2)"
        assert smt_text(sympy.Sum(D[a + 1], (a, 0, k - 1)), {k: 3}, D=COUNTS) == "(+ D_1 D_2 D_3)"
        # a limit that depends on another index: the entries C[0,0], C[1,0], C[1,1]
        assert smt_text(sympy.Sum(C[a, b], (a, 0, 1), (b, 0, a)), C=COUNTS) == "(+ C_0_0 C_1_0 C_1_1)"

    def test_entries_with_one_or_three_subscripts_are_listed_in_limit_order(self) -> None:
        assert smt_text(sympy.Sum(D[a], (a, 0, k - 1)), {k: 3}, D=COUNTS) == "(+ D_0 D_1 D_2)"
        # a outermost, b innermost, the middle subscript fixed at l = 2
        assert smt_text(sympy.Sum(T[a, l, b], (a, 0, 1), (b, 0, 1)), {l: 2}, T=COUNTS) == \
            "(+ T_0_2_0 T_0_2_1 T_1_2_0 T_1_2_1)"
        assert smt_text(sympy.Sum(T[b, a, 0], (a, 0, 1), (b, 0, 1)), T=COUNTS) == \
            "(+ T_0_0_0 T_1_0_0 T_0_1_0 T_1_1_0)"
        assert smt_text(sympy.Sum(C[l, a], (a, 1, 2)), {l: 0}, C=COUNTS) == "(+ C_0_1 C_0_2)"
        cube = [[[100 * p + 10 * q + r for r in range(2)] for q in range(3)] for p in range(2)]
        # (020 + 021 + 120 + 121) = 282
        assert evaluate(sympy.Sum(T[a, l, b], (a, 0, 1), (b, 0, 1)), T=cube, l=2) == 282

    def test_a_column_or_row_from_a_bound_lower_limit(self) -> None:
        # l = 1: the entries from row (column) 1 to 2 only, not from 0
        assert smt_text(sympy.Sum(C[a, 0], (a, l, 2)), {l: 1}, C=COUNTS) == "(+ C_1_0 C_2_0)"
        assert smt_text(sympy.Sum(C[0, a], (a, l, 2)), {l: 1}, C=COUNTS) == "(+ C_0_1 C_0_2)"
        assert evaluate(sympy.Sum(C[a, 0], (a, l, 2)), C=[[1, 0], [10, 0], [100, 0]], l=1) == 110

    def test_a_whole_block_from_bound_lower_limits_in_either_order(self) -> None:
        # l = 1: rows and columns 1..2; the first limit outermost
        assert smt_text(sympy.Sum(C[a, b], (a, l, 2), (b, l, 2)), {l: 1}, C=COUNTS) == "(+ C_1_1 C_1_2 C_2_1 C_2_2)"
        assert smt_text(sympy.Sum(C[a, b], (b, l, 2), (a, l, 2)), {l: 1}, C=COUNTS) == "(+ C_1_1 C_2_1 C_1_2 C_2_2)"
        assert smt_text(sympy.Sum(D[a], (a, l, 2)), {l: 1}, D=COUNTS) == "(+ D_1 D_2)"
        assert smt_text(sympy.Sum(T[a, 0, b], (a, l, 2), (b, 0, 0)), {l: 1}, T=COUNTS) == "(+ T_1_0_0 T_2_0_0)"

    def test_an_entry_on_the_diagonal_of_the_second_index(self) -> None:
        # C[b, b] summed over a (outer) and b (inner): the diagonal once per value of a
        assert smt_text(sympy.Sum(C[b, b], (a, 0, 1), (b, 0, 1)), C=COUNTS) == "(+ C_0_0 C_1_1 C_0_0 C_1_1)"

    def test_a_third_limit_repeats_a_whole_block(self) -> None:
        # c appears in no subscript: every entry twice, in the order of the limits (c innermost)
        assert smt_text(sympy.Sum(C[a, b], (a, 0, 1), (b, 0, 1), (c, 0, 1)), C=COUNTS) == \
            "(+ C_0_0 C_0_0 C_0_1 C_0_1 C_1_0 C_1_0 C_1_1 C_1_1)"
        assert smt_text(sympy.Sum(C[a, b], (b, 0, 1), (a, 0, 1), (c, 0, 1)), C=COUNTS) == \
            "(+ C_0_0 C_0_0 C_1_0 C_1_0 C_0_1 C_0_1 C_1_1 C_1_1)"

    def test_a_limit_the_entry_does_not_use_repeats_it(self) -> None:
        # b runs 0..2 and appears in no subscript: each C[a, 0] three times, a outermost
        assert smt_text(sympy.Sum(C[a, 0], (a, 0, 1), (b, 0, 2)), C=COUNTS) == \
            "(+ C_0_0 C_0_0 C_0_0 C_1_0 C_1_0 C_1_0)"
        assert evaluate(sympy.Sum(C[0, a], (a, 0, 1), (b, 0, 2)), C=[[1, 10]]) == 33

    def test_an_index_summed_twice_rebinds_it(self) -> None:
        # the inner limit (the second) rebinds a: D[0] + D[1] + D[2], once per outer value
        assert smt_text(sympy.Sum(D[a], (a, 0, 1), (a, 0, 2)), D=COUNTS) == "(+ D_0 D_1 D_2 D_0 D_1 D_2)"
        assert evaluate(sympy.Sum(D[a], (a, 0, 1), (a, 0, 2)), D=[1, 10, 100]) == 222

    def test_a_sum_met_again_is_one_term_and_the_caches_change_no_text(self) -> None:
        # support_l = sum_a C[a, l], met twice per label; short terms are not shared, so the
        # text says what was built: the same sum written out each time it occurs
        support = sympy.Sum(C[a, l], (a, 0, 1))
        expr = sympy.Sum(support * D[l] + support, (l, 0, 1))
        # per label: D_l * support_l + support_l (sympy puts the symbol first in a product)
        written = "(+ (+ (* D_0 (+ C_0_0 C_1_0)) (+ C_0_0 C_1_0)) (+ (* D_1 (+ C_0_1 C_1_1)) (+ C_0_1 C_1_1)))"
        assert smt_text(expr, C=COUNTS, D=COUNTS) == written
        uncached = SmtBackend({"C": COUNTS, "D": COUNTS})
        uncached.entry_sums = None  # type: ignore[assignment]  # every sum built anew
        compile_expr.cache_clear()  # and every expression compiled anew
        assert compile_expr(expr)(uncached, {}).text == written

    def test_a_sum_leaves_its_index_as_it_found_it(self) -> None:
        env: dict = {l: 7}
        assert compile_expr(sympy.Sum(l, (l, 0, 2)))(ExactBackend(), env) == 3
        assert env == {l: 7}, "the outer binding of the summation index was lost"
        env = {"D": [5, 6]}
        assert compile_expr(sympy.Sum(l * D[l], (l, 0, 1)))(ExactBackend(), env) == 6  # 0 * 5 + 1 * 6
        assert env == {"D": [5, 6]}, "the summation index was left bound"


class TestForAll:
    """The bounded quantifier of the hypotheses (e.g. each sample has one true label)."""

    def test_it_is_the_conjunction_over_its_range(self) -> None:
        diagonal = ForAll(sympy.Ge(C[j, j], 1), (j, 0, k - 1))
        assert smt_text(diagonal, {k: 3}, C=COUNTS) == "(and (>= C_0_0 1) (>= C_1_1 1) (>= C_2_2 1))"
        assert smt_text(ForAll(sympy.Ge(C[j, j], 1), (j, 1, 1)), C=COUNTS) == "(>= C_1_1 1)"
        assert smt_text(ForAll(sympy.Ge(C[j, j], 1), (j, 1, 0)), C=COUNTS) == "true"  # empty: vacuous

    def test_its_exact_value_reads_every_index_of_the_range_and_no_other(self) -> None:
        diagonal = ForAll(sympy.Ge(C[j, j], 1), (j, 0, k - 1))
        assert evaluate(diagonal, C=[[1, 0], [0, 1]], k=2) is True
        assert evaluate(diagonal, C=[[1, 0], [0, 0]], k=2) is False  # the last index counts
        assert evaluate(diagonal, C=[[0, 0], [0, 1]], k=2) is False  # so does the first
        # the range ends at k - 1: an entry beyond it (here C[2][2] = 0) is not read
        assert evaluate(diagonal, C=[[1, 0, 0], [0, 1, 0], [0, 0, 0]], k=2) is True
        assert evaluate(ForAll(sympy.Ge(C[j, j], 1), (j, 1, 0)), C=[[0]]) is True
        # from a bound lower limit: only C[1][1] is read
        assert evaluate(ForAll(sympy.Ge(C[j, j], 1), (j, l, 1)), C=[[0, 0], [0, 1]], l=1) is True

    def test_it_leaves_its_index_as_it_found_it(self) -> None:
        condition = ForAll(sympy.Ge(D[j], 1), (j, 0, 1))
        env: dict = {"D": [1, 1], j: 5}
        assert compile_expr(condition)(ExactBackend(), env) is True
        assert env == {"D": [1, 1], j: 5}
        env = {"D": [1, 1]}
        compile_expr(condition)(ExactBackend(), env)
        assert env == {"D": [1, 1]}, "the quantified index was left bound"


class TestPowersAndRelations:
    def test_a_squared_denominator(self) -> None:
        assert evaluate(x / y ** 2, x=1, y=3) == Fraction(1, 9)
        assert smt_text(x / y ** 2, x=REAL, y=REAL) == "(/ x (* y y))"

    def test_every_relation(self) -> None:
        texts = {sympy.Eq: "(= x y)", sympy.Ne: "(not (= x y))", sympy.Lt: "(< x y)", sympy.Le: "(<= x y)",
                 sympy.Gt: "(> x y)", sympy.Ge: "(>= x y)"}
        for relation, text in texts.items():
            assert smt_text(relation(x, y), x=REAL, y=REAL) == text, relation

    def test_an_unknown_relation_is_refused(self) -> None:
        class Near(sympy.core.relational.Relational):
            rel_op = "~"

        with pytest.raises(UnsupportedExpression, match=r"^unsupported relation x ~ y$"):
            compile_expr(sympy.Basic.__new__(Near, x, y))


class TestSquareRoots:
    """MCC divides by a square root: ``x**(1/2)`` and ``x**(-1/2)``, alone or in a product."""

    def test_exact_roots(self) -> None:
        assert evaluate(sympy.sqrt(x), x=Fraction(9, 4)) == Fraction(3, 2)
        assert evaluate(y / sympy.sqrt(x), x=4, y=3) == Fraction(3, 2)
        assert evaluate(1 / sympy.sqrt(x), x=9) == Fraction(1, 3)
        assert evaluate(sympy.Gt(sympy.sqrt(x), sympy.Rational(7, 5)), x=2) is True  # 1.414.. > 1.4

    def test_a_root_in_smt_is_a_fresh_real_with_its_defining_axiom(self) -> None:
        backend = SmtBackend({"x": REAL, "y": REAL})
        assert compile_expr(y / sympy.sqrt(x))(backend, {}).text == "(/ y _sqrt0)"
        assert backend.guards == ["(>= x 0.0)", "(not (= _sqrt0 0.0))"]
        assert backend.definitions == ["(declare-const _sqrt0 Real)",
                                       "(assert (=> (>= x 0.0) (and (>= _sqrt0 0.0) (= (* _sqrt0 _sqrt0) x))))"]

    def test_a_reciprocal_root_alone(self) -> None:
        backend = SmtBackend({"x": REAL})
        assert compile_expr(1 / sympy.sqrt(x))(backend, {}).text == "(/ (to_real 1) _sqrt0)"
        assert backend.guards == ["(>= x 0.0)", "(not (= _sqrt0 0.0))"]
        backend = SmtBackend({"x": REAL})
        assert compile_expr(sympy.sqrt(x))(backend, {}).text == "_sqrt0"
        assert backend.guards == ["(>= x 0.0)"]
