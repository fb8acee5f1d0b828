"""How ``provers.smt`` turns a formula into queries: the walk cache, the division
abstraction's text, sizes bound with k, square roots in real claims, and z3's reading of
square-root queries.

Protects the queries behind every z3-bounded answer. A walk served from the cache for
the wrong formula, k, lemmas or encoding would answer another question; an abstraction
whose ``_div`` is not declared (or whose guard is lost) is an error or an unsound proof;
a square root without its defining axiom lets z3 pick any value for it. Texts are worked
out by hand; z3 runs in-process (its Python API), so no solver process is started here.
"""

from __future__ import annotations

import gc

import pytest
import sympy
import z3

from metricproofs import catalogue
from metricproofs import definitions as d
from metricproofs.catalogue import Formula, Hypothesis
from metricproofs.domains import VarSpec
from metricproofs.evaluation import SmtBackend, Term, UnsupportedExpression
from metricproofs.provers import smt
from metricproofs.provers.smt import ABSTRACTIONS, DIVISION, SMT_CORE, VARIANTS, Query, encode

REAL = VarSpec("Real", lower=None)
x, y, z = sympy.symbols("x y z")
i = sympy.Symbol("i", integer=True)
n = sympy.Symbol("n", integer=True)
D = sympy.IndexedBase("D")
ABSTRACT, ABSTRACT_FLAT = ABSTRACTIONS


def lines(query: Query) -> list[str]:
    return query.text.split("\n")


def z3_answer(query: Query) -> str:
    solver = z3.Solver()
    solver.set("timeout", 20000)
    solver.from_string(query.variant.preamble + query.text)
    return str(solver.check())


@pytest.fixture
def empty_cache():
    smt._WALKS.clear()
    yield smt._WALKS
    smt._WALKS.clear()


class TestWalkCache:
    """One walk per (formula, k, lemmas, encoding's text), the last eight kept."""

    M, X = VARIANTS[0].text_key, VARIANTS[2].text_key  # macros, cross-multiplied

    def test_the_goals_of_one_formula_share_one_walk(self, empty_cache) -> None:
        f = Formula((), sympy.Eq(x / y, 2), {"x": REAL, "y": REAL})
        encode(f, 1, "negation")
        assert list(empty_cache) == [(id(f), 1, (), self.M)]
        pieces = empty_cache[(id(f), 1, (), self.M)][1]
        encode(f, 1, "definedness"), encode(f, 1, "hypotheses"), encode(f, 1, "negation", variant=SMT_CORE[0])
        assert len(empty_cache) == 1 and empty_cache[(id(f), 1, (), self.M)][1] is pieces

    def test_another_formula_k_lemma_or_encoding_is_walked_anew(self, empty_cache) -> None:
        f = Formula((), sympy.Eq(x / y, 2), {"x": REAL, "y": REAL})
        g = Formula((), sympy.Eq(x / y, 2), {"x": REAL, "y": REAL})  # equal, not the same object
        lemma = sympy.Gt(x, 0)
        encode(f, 1, "negation"), encode(g, 1, "negation"), encode(f, 2, "negation")
        encode(f, 1, "negation", lemmas=(lemma,)), encode(f, 1, "negation", variant=VARIANTS[2])
        assert list(empty_cache) == [(id(f), 1, (), self.M), (id(g), 1, (), self.M), (id(f), 2, (), self.M),
                                     (id(f), 1, (lemma,), self.M), (id(f), 1, (), self.X)]
        assert all(empty_cache[key][0] is (g if key[0] == id(g) else f) for key in empty_cache)

    def test_the_oldest_walk_is_dropped_after_eight_and_a_hit_is_refreshed(self, empty_cache) -> None:
        formulas = [Formula((), sympy.Eq(x, j), {"x": REAL}) for j in range(9)]
        for f in formulas[:8]:
            encode(f, 1, "negation")
        assert len(empty_cache) == 8
        encode(formulas[0], 1, "negation")  # a hit: now the most recent
        encode(formulas[8], 1, "negation")  # a ninth: the oldest (formulas[1]) goes
        assert [key[0] for key in empty_cache] == [id(f) for f in formulas[2:8]] + [id(formulas[0]), id(formulas[8])]
        assert lines(encode(formulas[1], 1, "negation"))[-1] == "(assert (not (= x (to_real 1))))"

    def test_the_garbage_collector_is_left_as_it_was(self, empty_cache) -> None:
        f = Formula((), sympy.Eq(x, 1), {"x": REAL})
        assert gc.isenabled()
        encode(f, 1, "negation")
        assert gc.isenabled(), "the walk left the garbage collector off"
        gc.disable()
        try:
            encode(f, 2, "negation")
            assert not gc.isenabled(), "the walk turned on a collector its caller had turned off"
        finally:
            gc.enable()

    def test_a_negation_query_is_not_trivial(self, empty_cache) -> None:
        f = Formula((), sympy.Eq(x, 1), {"x": REAL})
        assert encode(f, 1, "negation").trivial is False
        assert encode(f, 1, "definedness").trivial is True


class TestSizes:
    def test_other_sizes_are_bound_with_k(self, empty_cache) -> None:
        f = Formula((), sympy.Eq(sympy.Sum(D[i], (i, 0, n - 1)), 0), {"D": VarSpec("Int", lower="0")},
                    sizes=lambda k: {n: 2 * k})
        assert lines(encode(f, 2, "negation"))[-1] == "(assert (not (= (+ D_0 D_1 D_2 D_3) 0)))"


class TestDivisionAbstraction:
    def test_a_division_by_an_unknown_is_an_uninterpreted_function_declared_first(self, empty_cache) -> None:
        f = Formula((), sympy.Eq(x / y, z), {"x": REAL, "y": REAL, "z": REAL})
        assert lines(encode(f, 1, "negation", variant=ABSTRACT)) == [
            f"(declare-fun {DIVISION} (Real Real) Real)",
            "(declare-const x Real)", "(declare-const y Real)", "(declare-const z Real)",
            "(assert (not (= y 0.0)))",  # the denominator must still be shown non-zero
            "(assert (not (= (_div x y) z)))"]
        assert lines(encode(f, 1, "definedness", variant=ABSTRACT))[-1] == "(assert (not (not (= y 0.0))))"

    def test_a_division_by_a_constant_stays_exact_and_declares_nothing(self, empty_cache) -> None:
        f = Formula((), sympy.Eq(x / d.k, z), {"x": REAL, "z": REAL})  # k is bound to 2: a constant
        assert lines(encode(f, 2, "negation", variant=ABSTRACT)) == [
            "(declare-const x Real)", "(declare-const z Real)", "(assert (not (= (to_real 2) 0.0)))",
            "(assert (not (= (/ x (to_real 2)) z)))"]

    def test_a_long_quotient_is_named_in_its_abstract_form_only(self) -> None:
        backend = smt._AbstractDivisionBackend({})
        numerator = "u" * 130
        assert backend.divide(Term(numerator, "Real"), Term("y", "Real")) == Term("_t0", "Real", (numerator, "y"))
        assert backend.definitions == [f"(define-fun _t0 () Real (_div {numerator} y))"]
        assert backend.share_above == 120 and backend.abstracted
        assert backend.guards == ["(not (= y 0.0))"]

    def test_int_parts_are_converted(self) -> None:
        backend = smt._AbstractDivisionBackend({})
        assert backend.divide(Term("m", "Int"), Term("n", "Int")).text == "(_div (to_real m) (to_real n))"
        constant = smt._AbstractDivisionBackend({})
        assert constant.divide(Term("m", "Int"), Term("2", "Int")).text == "(/ (to_real m) (to_real 2))"
        assert not constant.abstracted

    def test_cross_multiplied_abstraction_compares_parts_and_still_declares_the_function(self, empty_cache) -> None:
        f = Formula((), sympy.Eq(x / y, z), {"x": REAL, "y": REAL, "z": REAL})
        text = lines(encode(f, 1, "negation", variant=ABSTRACT_FLAT))
        assert text[0] == f"(declare-fun {DIVISION} (Real Real) Real)"
        assert text[-1] == "(assert (not (= x (* z y))))"


class TestSquareRoots:
    def test_one_root_per_radicand_each_use_guarded(self) -> None:
        be = SmtBackend({})
        assert be.sqrt(Term("n", "Int")) == Term("_sqrt0", "Real")
        assert be.sqrt(Term("n", "Int")) == Term("_sqrt0", "Real")
        assert be.sqrt(Term("x", "Real")) == Term("_sqrt1", "Real")
        assert be.definitions == [
            "(declare-const _sqrt0 Real)",
            "(assert (=> (>= (to_real n) 0.0) (and (>= _sqrt0 0.0) (= (* _sqrt0 _sqrt0) (to_real n)))))",
            "(declare-const _sqrt1 Real)",
            "(assert (=> (>= x 0.0) (and (>= _sqrt1 0.0) (= (* _sqrt1 _sqrt1) x))))"]
        assert be.guards == ["(>= (to_real n) 0.0)", "(>= (to_real n) 0.0)", "(>= x 0.0)"]

    def test_a_root_is_nonlinear_and_guarded_under_its_branch(self) -> None:
        be = SmtBackend({})
        branches = [(lambda b2, e2: Term("p", "Bool"), lambda b2, e2: b2.sqrt(Term("x", "Real"))),
                    (lambda b2, e2: b2.boolean(True), lambda b2, e2: Term("y", "Real"))]
        assert be.piecewise(branches, {}).text == "(ite p _sqrt0 y)"
        assert be.guards == ["(=> p (>= x 0.0))"] and be.nonlinear

    def test_the_root_of_a_non_number_is_refused(self) -> None:
        for term in (Term("p", "Bool"), Term("undefined", "Undefined")):
            with pytest.raises(UnsupportedExpression, match=r"^the square root of a non-numeric term$"):
                SmtBackend({}).sqrt(term)

    def test_z3_reads_the_root_as_the_non_negative_one(self, empty_cache) -> None:
        four = (Hypothesis("four", "", sympy.Eq(x, 4)),)
        holds = Formula(four, sympy.Eq(sympy.sqrt(x), 2), {"x": REAL})
        assert z3_answer(encode(holds, 1, "negation")) == "unsat"  # sqrt 4 is 2, not -2
        assert z3_answer(encode(holds, 1, "definedness")) == "unsat"  # 4 >= 0: the root is defined
        fails = Formula(four, sympy.Eq(sympy.sqrt(x), -2), {"x": REAL})
        assert z3_answer(encode(fails, 1, "negation")) == "sat"
        anywhere = Formula((), sympy.Ge(sympy.sqrt(x), 0), {"x": REAL})
        assert z3_answer(encode(anywhere, 1, "definedness")) == "sat"  # x < 0: the root is undefined there

    def test_binary_mcc_claims_encode_their_square_root(self, empty_cache) -> None:
        claim = catalogue.get("binary-mcc-equals-kappa")
        text = encode(claim.formula(d.confusion_counts), 2, "negation").text
        assert "(declare-const _sqrt0 Real)" in text and "(_sqrt1" not in text


class TestOrderingsCrossMultiplied:
    """The encoding cvc5 is given for MCC^2 = informedness x markedness
    (``flat-cross-multiplied-orders``): an ordering of ratios is multiplied by the square of
    the denominators' product, so it stays right when a denominator is negative, and a
    piecewise value of ratios is one ratio of two piecewise terms."""

    ORDERS = smt.CVC5_ENCODINGS[0]
    a, b, c, e = sympy.symbols("a b c e")
    DOMAINS = {"a": REAL, "b": REAL, "c": REAL, "e": REAL}

    def formula(self, conclusion: sympy.Basic, *given: sympy.Basic) -> Formula:
        hypotheses = tuple(Hypothesis(f"h{i}", "", g) for i, g in enumerate(given))
        return Formula(hypotheses, conclusion, self.DOMAINS)

    def test_the_encoding_is_found_by_name_and_not_raced(self) -> None:
        from metricproofs.provers import bounded
        from metricproofs.provers.obligations import variant

        assert variant("flat-cross-multiplied-orders") is self.ORDERS
        raced = {v.name for plan in bounded.RACED.values() for v in plan}
        assert self.ORDERS.name not in raced

    def test_an_ordering_of_two_ratios_has_no_division_left(self, empty_cache) -> None:
        # a/b < c/e iff (a e - c b) b e < 0 iff a e b e < c b b e (multiplied by (b e)^2 > 0)
        f = self.formula(sympy.Lt(d.ratio(self.a, self.b), d.ratio(self.c, self.e)))
        assert lines(encode(f, 1, "negation", variant=self.ORDERS))[-1] == "(assert (not (< (* a e b e) (* c b b e))))"

    def test_a_ratio_against_a_number(self, empty_cache) -> None:
        # a/b > 0 iff a b > 0: the number's denominator 1 is left out
        f = self.formula(sympy.Gt(d.ratio(self.a, self.b), 0))
        assert lines(encode(f, 1, "negation", variant=self.ORDERS))[-1] == "(assert (not (> (* a b) (* (to_real 0) b b))))"

    @pytest.mark.parametrize(("values", "holds"), [
        ((1, 2, 2, 3), True),     # 1/2 < 2/3
        ((1, -2, 2, 3), True),    # -1/2 < 2/3: a plain a e < c b (3 < -4) would say no
        ((1, 2, 2, -3), False),   # 1/2 < -2/3 is false: a plain a e < c b (-3 < 4) would say yes
        ((-1, -2, 2, -3), False), # 1/2 < -2/3 again, both denominators negative
        ((2, 4, 1, 2), False),    # 1/2 < 1/2
    ])
    def test_z3_reads_an_ordering_exactly_for_either_sign_of_a_denominator(self, empty_cache, values, holds) -> None:
        pinned = [sympy.Eq(s, v) for s, v in zip((self.a, self.b, self.c, self.e), values)]
        f = self.formula(sympy.Lt(d.ratio(self.a, self.b), d.ratio(self.c, self.e)), *pinned)
        assert z3_answer(encode(f, 1, "negation", variant=self.ORDERS)) == ("unsat" if holds else "sat")

    def test_a_piecewise_of_ratios_is_compared_as_one_ratio(self, empty_cache) -> None:
        # x = (a/b if a > 0 else 1), and x < 1/2 is read exactly on both branches
        value = sympy.Piecewise((d.ratio(self.a, self.b), self.a > 0), (1, True))
        claim = sympy.Lt(value, sympy.Rational(1, 2))
        query = encode(self.formula(claim), 1, "negation", variant=self.ORDERS)
        # N/D with N = (ite (> a 0) a 1), D = (ite (> a 0) b 1): N/D < 1/2 iff N D < (1/2) D D
        num, den = "(ite (> a (to_real 0)) a (to_real 1))", "(ite (> a (to_real 0)) b 1.0)"
        assert lines(query)[-1] == f"(assert (not (< (* {num} {den}) (* (/ 1.0 2.0) {den} {den}))))"
        for values, holds in (((1, 4), True), ((3, 4), False), ((-1, 4), False), ((1, -4), True)):
            pinned = [sympy.Eq(s, v) for s, v in zip((self.a, self.b), values)]
            f = self.formula(claim, *pinned)
            assert z3_answer(encode(f, 1, "negation", variant=self.ORDERS)) == ("unsat" if holds else "sat"), values


class TestProofSteps:
    """A claim's proof steps (kappa <= accuracy: T <= N, X >= 0) are proved in the lemmas query
    under the claim's hypotheses before the negation may assume them."""

    def test_kappa_steps_are_facts_of_the_negation_and_proved_in_the_lemmas_query(self) -> None:
        from metricproofs.provers.obligations import holds_plan, lemma_facts, relax_counts

        claim = catalogue.get("kappa-at-most-accuracy")
        steps = claim.proof_steps()
        assert [s.name for s in steps] == ["trace-at-most-N", "chance-sum-non-negative"]
        assert claim.used_facts == ("trace-at-most-N", "chance-sum-non-negative")
        assert lemma_facts(claim) == tuple(s.formula for s in steps)
        plan = {o.name: o for o in holds_plan(claim, relax_counts(claim.formula()), 2)}
        assert plan["negation"].facts == lemma_facts(claim)
        assert z3_answer(plan["lemmas"].query(VARIANTS[1])) == "unsat"

    def test_a_wrong_step_is_refuted_in_the_lemmas_query(self) -> None:
        # T < N is false for a perfect prediction, which the hypotheses allow: the query is sat
        import dataclasses

        from metricproofs.provers.obligations import holds_plan, relax_counts

        claim = catalogue.get("kappa-at-most-accuracy")
        c = d.confusion_counts(d.C)
        wrong = dataclasses.replace(claim, steps=lambda counts_of: (
            Hypothesis("trace-below-N", "", sympy.Lt(d.trace(c), d.total(c))),))
        lemmas = {o.name: o for o in holds_plan(wrong, relax_counts(wrong.formula()), 2)}["lemmas"]
        assert z3_answer(lemmas.query(VARIANTS[1])) == "sat"


class TestSumsOfABlockOfEntries:
    def test_the_total_of_c_and_of_its_transpose_is_one_term(self, empty_cache) -> None:
        # sum_{a,b} C[a,b] listed rows first and columns first: the same entries, so one shared term
        C = d.C
        a, b = sympy.symbols("a b", integer=True)
        rows = sympy.Sum(C[a, b], (b, 0, 2), (a, 0, 2))
        columns = sympy.Sum(C[b, a], (b, 0, 2), (a, 0, 2))
        from metricproofs.evaluation import compile_expr, evaluate

        be = SmtBackend({"C": REAL})
        assert compile_expr(rows)(be, {}).text == compile_expr(columns)(be, {}).text
        matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 10]]
        assert evaluate(rows, C=matrix) == evaluate(columns, C=matrix) == 46
