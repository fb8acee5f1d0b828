"""The hypotheses of a claim that holds, shown satisfiable without a solver (z3-bounded's
exact witness): it says sat only at a point that really satisfies them, as z3 confirms, and
otherwise leaves the question to the solver.

Protects: soundness of "hypotheses satisfiable" (the guard against vacuous proofs).
"""

from __future__ import annotations

import dataclasses

import pytest
import sympy

from metricproofs import definitions as d
from metricproofs.catalogue import CATALOGUE, Formula, Hypothesis, get
from metricproofs.domains import VarSpec
from metricproofs.provers import bounded
from metricproofs.provers.bounded import WITNESS, _witness, prove_bounded
from metricproofs.provers.obligations import holds_plan, relax_counts
from metricproofs.provers.smt import VARIANTS, solve

BOUNDED_HOLDS = [c.id for c in CATALOGUE if c.expected == "holds" and "z3-bounded" in c.methods
                 and c.formula().encoding != "float64"]


def _hypotheses(claim_id: str, k: int, formula: Formula | None = None):
    claim = get(claim_id)
    formula = formula or relax_counts(claim.formula())
    return holds_plan(claim, formula, k)[0]


@pytest.mark.parametrize("claim_id", BOUNDED_HOLDS)
def test_a_witness_is_a_model_z3_accepts(claim_id: str) -> None:
    claim = get(claim_id)
    k = claim.only_classes or max(claim.min_classes, 3)
    obligation = _hypotheses(claim_id, k)
    answer = _witness(obligation)
    if answer is None:  # no witness (e.g. a trivial query, answered without a solver anyway)
        assert obligation.query(VARIANTS[0]).trivial
        return
    assert answer.status == "sat" and answer.encoding == WITNESS
    query = obligation.query(VARIANTS[0])
    pinned = "\n".join(f"(assert (= {name} {value}))" for name, value in answer.model.items())
    assert set(answer.model) == set(query.declared)
    checked = solve([dataclasses.replace(query, text=f"{query.text}\n{pinned}")], 20)
    assert checked.status == "sat", claim_id  # the hypotheses hold at the witness, as z3 reads them


def _with(claim_id: str, hypothesis: Hypothesis) -> Formula:
    formula = relax_counts(get(claim_id).formula())
    return dataclasses.replace(formula, hypotheses=formula.hypotheses + (hypothesis,))


def test_no_witness_when_the_point_violates_a_hypothesis() -> None:
    counts = d.confusion_counts()
    more = Hypothesis("more-samples", "N > k^2", sympy.Gt(d.total(counts), d.k ** 2))
    obligation = _hypotheses("micro-precision-equals-recall", 3, _with("micro-precision-equals-recall", more))
    assert _witness(obligation) is None  # every entry 1 gives N = k^2 exactly
    # the solver still finds the hypotheses satisfiable
    assert solve([obligation.query(VARIANTS[0])], 20).status == "sat"


def test_no_witness_when_1_is_outside_a_domain() -> None:
    formula = relax_counts(get("micro-precision-equals-recall").formula())
    small = dataclasses.replace(formula, domains={**formula.domains, "C": VarSpec("Real", "0.0", "1/2")})
    assert _witness(_hypotheses("micro-precision-equals-recall", 2, small)) is None


def test_the_prover_falls_back_to_the_solver_without_a_witness(monkeypatch) -> None:
    claim = get("micro-precision-equals-recall")
    counts = d.confusion_counts()
    more = Hypothesis("more-samples", "N > k^2", sympy.Gt(d.total(counts), d.k ** 2))

    def build(counts_of):
        formula = claim.formula(counts_of)
        return Formula(formula.hypotheses + (more,), formula.conclusion, formula.domains)

    asked: list[str] = []
    real = bounded.solve

    def spy(queries, timeout):
        asked.append(queries[0].goal)
        return real(queries, timeout)

    monkeypatch.setattr(bounded, "solve", spy)
    result = prove_bounded(dataclasses.replace(claim, build=build), max_classes=2, timeout=30)
    assert result.verdict == "proved"
    assert "hypotheses" in asked  # asked of z3, since the all-ones point is excluded
