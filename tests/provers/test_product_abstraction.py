"""The product abstraction: multiplication uninterpreted, so an unsat answer is a proof and a sat
answer is not.

Protects the soundness of ``abstract-product`` (raced for the lemmas of z3-bounded): real
multiplication is one interpretation of the uninterpreted product, so every real model of the
exact query is a model of the abstraction (unsat there is unsat), while a model of the
abstraction may use a product no real numbers have, so the runner must never report it as a
model. Answers come from the real z3; the statements are worked out by hand.
"""

from __future__ import annotations

import pytest
import sympy

from metricproofs import catalogue
from metricproofs import definitions as d
from metricproofs.catalogue import Formula, Hypothesis
from metricproofs.domains import VarSpec
from metricproofs.provers.bounded import RACED, _first_round, _Memory, _plan, _portfolio
from metricproofs.provers.obligations import relax_counts
from metricproofs.provers.smt import INCONCLUSIVE, PRODUCT, PRODUCT_ABSTRACTION, VARIANTS, SolverAnswer, encode, solve

REAL = {"C": VarSpec("Real", lower="0.0")}
a, b = d.C[0, 0], d.C[0, 1]


def _negation(conclusion: sympy.Basic, variant=PRODUCT_ABSTRACTION):
    return encode(Formula((), conclusion, REAL), 2, "negation", variant=variant)


def test_a_product_of_two_counts_is_one_uninterpreted_term() -> None:
    # a b + 1 > a b: linear in the product term, whatever the product is
    query = _negation(sympy.Gt(a * b + 1, a * b))
    assert f"({PRODUCT} C_0_0 C_0_1)" in query.text and "(* C_0_0 C_0_1)" not in query.text
    assert query.linear  # no real product left
    assert solve([query], 10).status == "unsat"


def test_a_statement_that_needs_real_products_is_inconclusive_there_never_refuted() -> None:
    # a = 0 forces a b = 0, so a = 0 and a b = 1 is impossible: unsat exactly; the abstraction lets
    # _mul(0, b) be 1, a model that no real numbers have
    claim = sympy.Or(sympy.Ne(a, 0), sympy.Ne(a * b, 1))
    assert solve([_negation(claim, VARIANTS[0])], 10).status == "unsat"
    answer = solve([_negation(claim)], 10)
    assert (answer.status, answer.reason) == ("unknown", INCONCLUSIVE)


@pytest.mark.parametrize("sort", ["Real", "Int"])
def test_constant_factors_stay_outside_the_product_so_a_scaled_product_is_linear_in_it(sort) -> None:
    # a b <= c implies 2 a b <= 2 c whatever a b is, if 2 a b is 2 times the term a b; were the
    # constant a factor of the uninterpreted product, _mul(2, _mul(a, b)) would be a new unknown
    c = d.C[1, 1]
    domains = {"C": VarSpec(sort, lower="0.0" if sort == "Real" else "0")}
    formula = Formula((Hypothesis("bound", "a b <= c", sympy.Le(a * b, c)),), sympy.Le(2 * a * b, 2 * c), domains)
    query = encode(formula, 2, "negation", variant=PRODUCT_ABSTRACTION)
    assert query.linear and solve([query], 10).status == "unsat"


def test_the_product_abstraction_is_raced_for_the_lemmas_only() -> None:
    assert PRODUCT_ABSTRACTION in RACED["lemmas"]
    assert all(PRODUCT_ABSTRACTION not in RACED[name] for name in RACED if name != "lemmas")


def test_mccs_spread_step_is_linear_in_its_products_and_proved_there() -> None:
    # N^2 - sum_l support_l^2 >= 0 from support_l^2 <= support_l N and N^2 = sum_l support_l N: a sum
    claim = catalogue.get("mcc-symmetric")
    plan = _plan(claim, relax_counts(claim.formula()), 12, d.confusion_counts)
    spread = next(o for o in plan if o.part == (4, 1))
    query = spread.query(PRODUCT_ABSTRACTION)
    assert query.linear and solve([query], 10).status == "unsat"


def test_a_first_round_asks_the_product_abstraction_where_it_is_linear() -> None:
    claim = catalogue.get("mcc-symmetric")
    plan = _plan(claim, relax_counts(claim.formula()), 3, d.confusion_counts)
    spread = next(o for o in plan if o.part == (4, 1))
    memory = _Memory()
    exact = next(v for v in _portfolio(spread) if not v.abstract)
    memory.won["lemmas/4"] = SolverAnswer("unsat", 0.01, None, "", exact.name)
    assert _first_round(spread, memory, 2) == (PRODUCT_ABSTRACTION, exact)
    # F1 of averages' steps divide: there the product abstraction is not linear, and not added
    f1 = catalogue.get("f1-of-averages-at-least-averaged-f1")
    part = next(o for o in _plan(f1, relax_counts(f1.formula()), 3, d.confusion_counts) if o.part == (2, 1))
    memory.won["lemmas/2"] = SolverAnswer("unsat", 0.01, None, "", exact.name)
    assert not part.query(PRODUCT_ABSTRACTION).linear
    assert _first_round(part, memory, 2) == (exact,)
