"""Which encodings z3-bounded asks, in which order (how fast, never what: every answer comes
from a real solver; here the solver is replaced by a script to see the order)."""

from __future__ import annotations

from typing import Sequence

import pytest

from metricproofs.catalogue import get as get_claim
from metricproofs.definitions import confusion_counts
from metricproofs.provers import bounded
from metricproofs.provers.bounded import COMPANION_LOSSES, RACED, RESEED, _ask, _exact, _Memory
from metricproofs.provers.obligations import Obligation, holds_plan, relax_counts
from metricproofs.provers.smt import ABSTRACTIONS, Query, SolverAnswer


#: the exact encodings of the negation's portfolio, in order (RACED lists the abstractions first)
EXACT = [v for v in RACED["negation"] if not v.abstract]


def _negation() -> Obligation:
    claim = get_claim("balanced-accuracy-equals-macro-recall-over-true-labels")
    *_, negation = holds_plan(claim, relax_counts(claim.formula(confusion_counts)), 3, confusion_counts)
    assert not negation.query(_exact("negation")).linear  # the schedule below is for nonlinear queries
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
    asked = _scripted(monkeypatch, [SolverAnswer("unsat", 0.1, encoding=_exact("negation").name)])
    memory = _won_by_abstraction()
    assert _ask(_negation(), 60, memory).status == "unsat"
    assert asked == [[*(v.name for v in ABSTRACTIONS), _exact("negation").name]]
    assert memory.won["negation"].encoding == _exact("negation").name


def test_a_slice_that_runs_out_races_on_with_another_seed_beside_the_rest_of_the_portfolio(monkeypatch) -> None:
    timeout = SolverAnswer("unknown", 1.0, reason="timeout")
    asked = _scripted(monkeypatch, [timeout, SolverAnswer("unsat", 2.0, encoding="macros")])
    memory = _won_by_abstraction()
    assert _ask(_negation(), 60, memory).status == "unsat"
    first = [*(v.name for v in ABSTRACTIONS), _exact("negation").name]
    assert asked[0] == first
    # the second race: what the first round did not ask, then the first round's encodings reseeded
    assert asked[1] == [v.name for v in EXACT[1:]] + [f"{name}-seed-{RESEED}" for name in first]
    assert len(asked) == 2
    assert "negation" in memory.exact_slow  # it ran out of the slice too: not raced beside them again
    assert memory.won["negation"].encoding == "macros"


def test_with_one_process_to_spare_the_other_abstraction_waits(monkeypatch) -> None:
    asked = _scripted(monkeypatch, [SolverAnswer("unknown", 1.0, reason="timeout"),
                                    SolverAnswer("unsat", 0.4, encoding="macros"),
                                    SolverAnswer("unsat", 0.4, encoding=ABSTRACTIONS[0].name)])
    memory = _won_by_abstraction()
    _ask(_negation(), 60, memory, width=1)
    abstraction, exact = ABSTRACTIONS[0].name, _exact("negation").name
    assert asked[0] == [abstraction, exact]
    others = [v.name for v in (*ABSTRACTIONS[1:], *EXACT[1:])]
    assert asked[1] == others + [f"{abstraction}-seed-{RESEED}", f"{exact}-seed-{RESEED}"]
    memory.won["negation"] = SolverAnswer("unsat", 0.3, encoding=abstraction)
    _ask(_negation(), 60, memory, width=1)  # the exact one ran out of its slice: the abstraction alone
    assert asked[2] == [abstraction]


def test_an_exact_winner_that_runs_out_of_its_slice_races_on_reseeded(monkeypatch) -> None:
    exact = EXACT[2]
    memory = _Memory()
    memory.won["negation"] = SolverAnswer("unsat", 0.1, encoding=exact.name)
    asked = _scripted(monkeypatch, [SolverAnswer("unknown", 1.0, reason="timeout"),
                                    SolverAnswer("unsat", 0.3, encoding=f"{exact.name}-seed-{RESEED}")])
    assert _ask(_negation(), 60, memory).status == "unsat"
    assert asked[0] == [exact.name]  # an exact winner is asked alone whatever the width
    assert asked[1][-1] == f"{exact.name}-seed-{RESEED}" and exact.name not in asked[1]
    assert len(asked[1]) == len(RACED["negation"])
    assert memory.won["negation"].encoding == f"{exact.name}-seed-{RESEED}"


def test_an_exact_winner_that_needed_long_is_not_asked_alone(monkeypatch) -> None:
    memory = _Memory()
    memory.won["negation"] = SolverAnswer("unsat", 0.9, encoding=EXACT[2].name)
    asked = _scripted(monkeypatch, [SolverAnswer("unsat", 0.3, encoding="macros")])
    _ask(_negation(), 60, memory)
    assert asked == [[v.name for v in RACED["negation"]]]


def test_a_seeded_win_is_remembered_as_its_encoding(monkeypatch) -> None:
    seeded = f"{ABSTRACTIONS[0].name}-seed-1"
    asked = _scripted(monkeypatch, [SolverAnswer("unknown", 1.0, reason="timeout"),
                                    SolverAnswer("unsat", 0.2, encoding=seeded),
                                    SolverAnswer("unsat", 0.2, encoding=ABSTRACTIONS[0].name)])
    # (the second race holds the seeded abstractions beside the rest; the script says one won)
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


def test_an_exact_companion_that_keeps_losing_by_little_is_dropped(monkeypatch) -> None:
    quick = SolverAnswer("unsat", 0.05, encoding=ABSTRACTIONS[0].name)  # a quick win of the abstraction
    asked = _scripted(monkeypatch, [quick] * (COMPANION_LOSSES + 1))
    memory = _won_by_abstraction()
    for _ in range(COMPANION_LOSSES + 1):
        _ask(_negation(), 60, memory)
    exact = _exact("negation").name
    assert all(exact in race for race in asked[:COMPANION_LOSSES])
    assert exact not in asked[COMPANION_LOSSES]
    # once the abstraction slows down, the exact one is asked beside it again
    memory.won["negation"] = SolverAnswer("unsat", 0.8, encoding=ABSTRACTIONS[0].name)
    asked.clear()
    monkeypatch.setattr(bounded, "solve", lambda queries, timeout: (asked.append([q.variant.name for q in queries]),
                                                                    SolverAnswer("unsat", 0.05, encoding=exact))[1])
    _ask(_negation(), 60, memory)
    assert exact in asked[0] and memory.losses["negation"] == 0


def test_a_companion_that_wins_between_losses_stays(monkeypatch) -> None:
    lose = SolverAnswer("unsat", 0.05, encoding=ABSTRACTIONS[0].name)
    win = SolverAnswer("unsat", 0.05, encoding=_exact("negation").name)
    answers = [lose, win] * COMPANION_LOSSES
    asked = _scripted(monkeypatch, answers)
    memory = _won_by_abstraction()
    for answer in answers:
        memory.won["negation"] = SolverAnswer("unsat", 0.3, encoding=ABSTRACTIONS[0].name)  # the last k's winner
        _ask(_negation(), 60, memory)
    assert all(_exact("negation").name in race for race in asked)
    assert "negation" not in memory.exact_slow
