"""Which encodings z3-bounded asks, in which order (how fast, never what: every answer comes
from a real solver; here the solver is replaced by a script to see the order)."""

from __future__ import annotations

from typing import Sequence

import pytest

from metricproofs.catalogue import get as get_claim
from metricproofs.definitions import confusion_counts
from metricproofs.provers import bounded
from metricproofs.provers.bounded import RACED, RESEEDS, _ask, _Memory
from metricproofs.provers.obligations import Obligation, holds_plan, relax_counts
from metricproofs.provers.smt import ABSTRACTIONS, Query, SolverAnswer


def _negation() -> Obligation:
    claim = get_claim("balanced-accuracy-equals-macro-recall-over-true-labels")
    *_, negation = holds_plan(claim, relax_counts(claim.formula(confusion_counts)), 3, confusion_counts)
    assert not negation.query(RACED["negation"][0]).linear  # the schedule below is for nonlinear queries
    return negation


def _scripted(monkeypatch: pytest.MonkeyPatch, answers: list[SolverAnswer]) -> list[list[str]]:
    """Replace the solver by ``answers`` in turn; returns the encodings asked in each race."""
    asked: list[list[str]] = []

    def solve(queries: Sequence[Query], timeout: float) -> SolverAnswer:
        asked.append([q.variant.name for q in queries])
        return answers[len(asked) - 1]

    monkeypatch.setattr(bounded, "solve", solve)
    return asked


def _won_by_abstraction() -> _Memory:
    memory = _Memory()
    memory.won["negation"] = SolverAnswer("unsat", 0.3, encoding=ABSTRACTIONS[0].name)
    return memory


def test_after_an_abstraction_won_it_races_with_the_first_exact_encoding(monkeypatch) -> None:
    asked = _scripted(monkeypatch, [SolverAnswer("unsat", 0.1, encoding=RACED["negation"][0].name)])
    memory = _won_by_abstraction()
    assert _ask(_negation(), 60, memory).status == "unsat"
    assert asked == [[*(v.name for v in ABSTRACTIONS), RACED["negation"][0].name]]
    assert memory.won["negation"].encoding == RACED["negation"][0].name


def test_a_slice_that_runs_out_is_retried_with_other_seeds_then_the_portfolio(monkeypatch) -> None:
    timeout = SolverAnswer("unknown", 1.0, reason="timeout")
    asked = _scripted(monkeypatch, [timeout] * (RESEEDS + 1) + [SolverAnswer("unsat", 2.0, encoding="macros")])
    memory = _won_by_abstraction()
    assert _ask(_negation(), 60, memory).status == "unsat"
    assert asked[1:RESEEDS + 1] == [[f"{v.name}-seed-{seed}" for v in ABSTRACTIONS] for seed in range(1, RESEEDS + 1)]
    # the last race is what was not asked in the first round: the exact encodings after the first
    assert asked[-1] == [v.name for v in RACED["negation"][1:]]
    assert "negation" in memory.exact_slow  # it ran out of the slice too: not raced beside them again


def test_a_seeded_win_is_remembered_as_its_encoding(monkeypatch) -> None:
    seeded = f"{ABSTRACTIONS[0].name}-seed-1"
    asked = _scripted(monkeypatch, [SolverAnswer("unknown", 1.0, reason="timeout"),
                                    SolverAnswer("unsat", 0.2, encoding=seeded),
                                    SolverAnswer("unsat", 0.2, encoding=ABSTRACTIONS[0].name)])
    memory = _won_by_abstraction()
    _ask(_negation(), 60, memory)
    assert memory.won["negation"].encoding == seeded
    _ask(_negation(), 60, memory)  # next k: the abstractions first again, with the default seed
    assert asked[-1] == [v.name for v in ABSTRACTIONS]  # without the exact one, which ran out of its slice


def test_an_inconclusive_abstraction_is_not_reseeded(monkeypatch) -> None:
    # sat in the abstraction: another seed would find another model, not a proof
    asked = _scripted(monkeypatch, [SolverAnswer("unknown", 0.1, reason="sat in the abstraction (inconclusive)"),
                                    SolverAnswer("unsat", 0.5, encoding="macros")])
    assert _ask(_negation(), 60, _won_by_abstraction()).status == "unsat"
    assert len(asked) == 2 and not any("-seed-" in name for name in asked[1])
