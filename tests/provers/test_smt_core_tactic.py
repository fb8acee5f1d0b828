"""The SMT-core variants of z3-bounded's race (``smt.SMT_CORE``): same text, another z3 procedure.

What they protect: a variant with a tactic is asked with ``(check-sat-using TACTIC)`` (through
the z3 executable and in process), its answers mean what the default strategy's mean (unsat is
unsat, sat comes with a model the prover can re-evaluate), and z3-bounded races it. A failure
means the faster procedure is not asked at all, or is asked something else than the query.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from metricproofs.catalogue import VarSpec, get
from metricproofs.provers import bounded, smt
from metricproofs.provers.obligations import holds_plan, relax_counts
from metricproofs.provers.smt import SMT_CORE, VARIANTS, Query, solve


def _query(text: str, variant: smt.Variant, goal: str = "negation", names: tuple[str, ...] = ()) -> Query:
    declared = {name: VarSpec("Real") for name in names}
    return Query(goal, 1, text, declared, trivial=False, variant=variant, linear=False)  # type: ignore[arg-type]


def test_the_check_command_names_the_tactic() -> None:
    assert all(v.check_command == "(check-sat)" for v in VARIANTS)
    assert [v.check_command for v in SMT_CORE] == ["(check-sat-using smt)"] * 2


def test_smt_core_variants_write_the_text_of_their_encoding() -> None:
    """Only the procedure differs: the text and the z3 options are those of macros and aggregates."""
    claim = get("kappa-at-most-accuracy")
    obligation = holds_plan(claim, relax_counts(claim.formula()), 2)[1]
    macros, aggregates = VARIANTS[:2]
    core_macros, core_aggregates = SMT_CORE
    assert obligation.query(core_macros).text == obligation.query(macros).text
    assert obligation.query(core_aggregates).text == obligation.query(aggregates).text
    assert core_aggregates.preamble == aggregates.preamble != ""


@pytest.mark.parametrize("in_process", [False, True], ids=["z3 executable", "z3 in process"])
def test_smt_core_answers_mean_what_they_say(in_process: bool, monkeypatch) -> None:
    if in_process:
        monkeypatch.setattr(smt, "z3_binary", lambda: None)
    elif smt.z3_binary() is None:
        pytest.fail("the z3 executable of the z3-solver wheel is missing")
    core = SMT_CORE[0]
    # x * y = 6 with x = y + 1 and y > 0: only x = 3, y = 2 (a nonlinear sat query with one model)
    sat = solve([_query("(declare-const x Real)\n(declare-const y Real)\n(assert (= (* x y) 6.0))\n"
                        "(assert (= x (+ y 1.0)))\n(assert (> y 0.0))", core, "hypotheses", ("x", "y"))], 20)
    assert sat.status == "sat" and sat.encoding == "macros-smt-core"
    assert sat.model == {"x": Fraction(3), "y": Fraction(2)}
    # x * x < 0 has no real solution
    unsat = solve([_query("(declare-const x Real)\n(assert (< (* x x) 0.0))", core)], 20)
    assert unsat.status == "unsat"


@pytest.mark.parametrize("in_process", [False, True], ids=["z3 executable", "z3 in process"])
def test_kappa_definedness_at_three_classes_is_decided_by_the_smt_core(in_process: bool, monkeypatch) -> None:
    """N^2 - sum_l row_l col_l != 0 under the hypothesis sum_l row_l col_l < N^2: a linear step
    once the products are atoms. Unsat is the declared answer (every division defined). z3's
    default strategy ran out of 5 s and of 20 s on it (measured 2026-12-02), the SMT core answers
    in about 0.02 s, so within 5 s the answer shows which procedure was asked."""
    if in_process:
        monkeypatch.setattr(smt, "z3_binary", lambda: None)
    claim = get("kappa-at-most-accuracy")
    definedness = next(o for o in holds_plan(claim, relax_counts(claim.formula()), 3) if o.name == "definedness")
    assert definedness.expected == "unsat"
    answer = solve([definedness.query(SMT_CORE[0])], 5)
    assert (answer.status, answer.encoding) == ("unsat", "macros-smt-core")


def test_z3_bounded_races_the_smt_core_on_every_nonlinear_obligation_that_must_be_unsat() -> None:
    for goal in ("definedness", "lemmas", "negation"):
        assert set(SMT_CORE) <= set(bounded.RACED[goal]), goal


def test_a_tactic_or_a_seed_shares_the_text_of_its_encoding_written_once() -> None:
    # the text is walked once per encoding; the SMT core and a reseeded variant reuse it, and it
    # is what a fresh walk in that variant writes
    claim = get("micro-jaccard-from-accuracy")
    formula = relax_counts(claim.formula())
    *_, negation = holds_plan(claim, formula, 3)
    for core, plain in ((SMT_CORE[0], VARIANTS[0]), (SMT_CORE[1], VARIANTS[1]), (VARIANTS[2].reseeded(2), VARIANTS[2])):
        assert core.text_key == plain.text_key
        shared = negation.query(core)
        assert shared.variant is core and shared.text == negation.query(plain).text
        smt._WALKS.clear()
        assert shared.text == smt.encode(formula, 3, "negation", (), negation.facts, core).text
    assert VARIANTS[0].text_key != VARIANTS[1].text_key  # named sums: another text
