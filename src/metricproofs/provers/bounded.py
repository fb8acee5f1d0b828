"""Method ``z3-bounded``: the claim at every class count k up to a bound, for every n.

For each k from the claim's smallest class count to the bound, the runner asks the
obligations of :mod:`metricproofs.provers.obligations` in order (hypotheses satisfiable,
every division defined, lemmas, then the negation) and races, for each, the encodings
listed in :data:`RACED`. An obligation that must be unsat and is nonlinear is first asked in
the :data:`~metricproofs.provers.smt.ABSTRACTIONS` too (division uninterpreted: unsat there
is a proof, sat proves nothing); the encoding that decided an obligation at one k is asked
alone first at the next (see :func:`_ask`). The matrix entries are unbounded non-negative integers (reals
for a claim that holds), so a proof at k covers every sample count. For a claim that
fails, the search looks for the smallest k with a model, first with small sample counts
(so the counterexample is small), and shows it only after
:func:`~metricproofs.provers.counterexamples.confirm`.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Callable

from metricproofs.catalogue import Claim, CountsOf, Formula
from metricproofs.definitions import confusion_counts
from metricproofs.provers.counterexamples import confirm, decode
from metricproofs.provers.obligations import (SMALL_BOUNDS, Obligation, class_range, holds_plan, relax_counts,
                                              sample_bound, search_plan)
from metricproofs.provers.results import MethodResult
from metricproofs.provers.smt import ABSTRACTIONS, SMT_CORE, VARIANTS, SolverAnswer, Variant, solve, unseeded_name

__all__ = ["prove_bounded", "RACED", "ABSTRACTION_SLICE", "SLICE_FLOOR", "SLICE_GROWTH", "RERACE_AFTER", "RESEEDS", "class_range", "relax_counts", "sample_bound", "SMALL_BOUNDS"]

METHOD = "z3-bounded"

#: The encodings raced for each obligation (the plan says what to ask, this says how).
#: Nonlinear arithmetic makes run times erratic, so the negation gets the whole portfolio.
RACED: dict[str, tuple[Variant, ...]] = {
    # a model of nonlinear hypotheses: nlsat finds one at small k, the SMT core over named sums at
    # large k (kappa's p_e < 1 at k = 11: macros timed out at 5 s, aggregates-smt-core sat in 0.02 s)
    "hypotheses": (VARIANTS[0], SMT_CORE[1]),
    "definedness": (*VARIANTS[:2], *SMT_CORE),
    "lemmas": (*VARIANTS[:2], *SMT_CORE),
    "negation": (*VARIANTS[:4], *SMT_CORE),
}

#: Seconds the encoding that decided an obligation at the last k gets alone, before the
#: whole portfolio is raced (one z3 process instead of up to eight while it keeps working):
#: SLICE_GROWTH times what it needed at the last k, at least SLICE_FLOOR, at most
#: ABSTRACTION_SLICE (a fixed 5 s cost mcc-symmetric and f1-of-averages 5 s each at k = 2,
#: where the last winner stalled and another encoding answered in 0.2 s).
ABSTRACTION_SLICE = 5.0
SLICE_FLOOR = 1.0
SLICE_GROWTH = 4.0
RERACE_AFTER = 0.5
#: Rounds of the abstractions with other random seeds after the first runs out of its slice.
RESEEDS = 3

Progress = Callable[[str], None]


@dataclass
class _Memory:
    """What the last k's answers say about which encoding to ask first (one per claim's run)."""

    #: obligation name -> its unsat answer at the last k
    won: dict[str, SolverAnswer] = field(default_factory=dict)
    #: obligations whose first exact encoding was raced beside the abstractions and lost to one
    #: that needed more than RERACE_AFTER seconds: it is not asked beside them again
    exact_slow: set[str] = field(default_factory=set)


def _rounds(name: str, memory: _Memory) -> list[tuple[Variant, ...]]:
    """The races of a nonlinear obligation that must be unsat, in order, before the rest of the
    portfolio (see :func:`_ask`); one race of the whole portfolio when the last k says nothing."""
    encodings = RACED[name]
    portfolio = (*ABSTRACTIONS, *encodings)
    previous = memory.won.get(name)
    if previous is None:
        return [portfolio]
    last = next((v for v in portfolio if v.name == unseeded_name(previous.encoding)), None)
    if last is None or not (last.abstract_division or previous.seconds <= RERACE_AFTER):
        return [portfolio]
    if not last.abstract_division:
        return [(last,)]
    rounds = [tuple(v.reseeded(seed) for v in ABSTRACTIONS) for seed in range(RESEEDS + 1)]
    if name not in memory.exact_slow:
        rounds[0] += (encodings[0],)
    return rounds


class _Ahead(threading.Thread):
    """Builds the plan of the next k (and walks its first encodings) while z3 answers this k:
    z3 runs in its own process, so on two cores the text of k + 1 is written meanwhile."""

    def __init__(self, claim: Claim, formula: Formula, k: int, counts_of: CountsOf, memory: _Memory) -> None:
        super().__init__(daemon=True)
        self.args_ = (claim, formula, k, counts_of)
        self.memory = memory
        self.plan: list[Obligation] | None = None
        self.failure: BaseException | None = None

    def run(self) -> None:
        try:
            plan = holds_plan(*self.args_)
            for obligation in plan:  # what the first race of each will ask, as the last k's answers say
                if not obligation.query(RACED[obligation.name][0]).linear and obligation.expected == "unsat":
                    obligation.queries(_rounds(obligation.name, self.memory)[0])
            self.plan = plan
        except BaseException as exc:  # handed to the caller, which raises it
            self.failure = exc

    def result(self) -> list[Obligation]:
        self.join()
        if self.failure is not None:
            raise self.failure
        assert self.plan is not None
        return self.plan


def _ask(obligation: Obligation, timeout: float, memory: _Memory | None = None) -> SolverAnswer:
    """Race the encodings of one obligation that :data:`RACED` lists for it; a query in linear
    arithmetic is asked in the first encoding only (the others differ only in how ratios
    and shared sums are written, and linear arithmetic is decided fast in any of them).

    A nonlinear obligation that must be unsat also races the abstractions, and ``memory``
    remembers which encoding decided it: at the next k that one is asked first, for a slice of
    time that grows with what it needed (at most :data:`ABSTRACTION_SLICE` seconds), and only if
    it does not decide is the rest of the portfolio raced. An abstraction is asked together with
    the other abstractions (their run times at one k differ by 100x from run to run, and two
    processes fit two cores) and with the first exact encoding (which may have lost the last
    race by a hair, and at k = 20 answer in 0.05 s where the abstractions need 2 s) until that
    one loses to an abstraction that needed more than :data:`RERACE_AFTER` seconds. If the slice
    runs out, the abstractions are asked again with other random seeds (:data:`RESEEDS` rounds:
    their run times are heavy-tailed over seeds, so a restart is likely to be short where one
    run is long). An exact encoding that needed more than :data:`RERACE_AFTER` seconds is not
    asked first at all (nonlinear run times grow fast with k; an abstraction's do not). This
    changes how fast, never what is answered.
    """
    encodings = RACED[obligation.name]
    first = obligation.query(encodings[0])
    if first.linear:
        return solve([first], timeout)
    if obligation.expected != "unsat":
        return solve(obligation.queries(encodings), timeout)
    memory = memory if memory is not None else _Memory()
    name = obligation.name
    portfolio = (*ABSTRACTIONS, *encodings)
    rounds = _rounds(name, memory)
    if rounds != [portfolio]:
        previous = memory.won[name]
        slice_ = min(ABSTRACTION_SLICE, max(SLICE_FLOOR, SLICE_GROWTH * previous.seconds))
        for first_round in rounds:
            answer = solve(obligation.queries(first_round), min(timeout, slice_))
            if answer.status != "unknown":
                if answer.status == "unsat":
                    memory.won[name] = answer
                    if first_round is rounds[0] and len(first_round) > len(ABSTRACTIONS) \
                            and answer.encoding != encodings[0].name and answer.seconds > RERACE_AFTER:
                        memory.exact_slow.add(name)
                return answer
            if first_round is rounds[0] and len(first_round) > len(ABSTRACTIONS):
                memory.exact_slow.add(name)  # the exact encoding did not decide within the slice either
            if answer.reason != "timeout":  # sat in the abstractions: another seed finds another model
                break
        portfolio = tuple(v for v in portfolio if v not in rounds[0])
        if len(rounds) == 1 and not rounds[0][0].abstract_division:
            # the exact encoding that decided the last k ran out of its slice: its run time is
            # heavy-tailed over seeds too (kappa's steps at k = 17, aggregates-smt-core: over 5 s with
            # seed 0, 0.06-0.51 s with seeds 1-3), so it races on with another seed
            portfolio += (rounds[0][0].reseeded(1),)
    answer = solve(obligation.queries(portfolio), timeout)
    if answer.status == "unsat":
        memory.won[name] = answer
    return answer


def prove_bounded(claim: Claim, *, max_classes: int | None = None, timeout: float = 60.0,
                  counts_of: CountsOf = confusion_counts, progress: Progress = lambda _: None) -> MethodResult:
    """Run ``z3-bounded`` on one claim."""
    start = time.perf_counter()
    formula = claim.formula(counts_of)
    if claim.expected == "holds":
        formula = relax_counts(formula)
    use_reference = counts_of is confusion_counts
    ks = class_range(claim, max_classes)
    checked: list[int] = []

    def result(verdict: str, detail: str, **extra: object) -> MethodResult:
        return MethodResult(METHOD, verdict, time.perf_counter() - start,
                            max(checked) if checked else None, detail, **extra)  # type: ignore[arg-type]

    ahead: _Ahead | None = None
    memory = _Memory()  # which encodings decided at the last k
    for k in ks:
        progress(f"{claim.id}: z3-bounded k={k}")
        *checks, negation = ahead.result() if ahead is not None else holds_plan(claim, formula, k, counts_of)
        ahead = _Ahead(claim, formula, k + 1, counts_of, memory) if k + 1 in ks else None
        if ahead is not None:
            ahead.start()
        for obligation in checks:
            answer = _ask(obligation, timeout, memory)
            if answer.status == "error":
                return result("error", f"z3 failed on the {obligation.name} query at k={k}: {answer.reason}")
            if obligation.name == "hypotheses":
                if answer.status == "unsat":
                    return result("error", f"vacuous: the hypotheses contradict each other at k={k}; nothing is proved")
                if answer.status == "unknown":
                    return result("unknown", f"z3 could not decide the hypotheses at k={k}: {answer.reason}")
            elif obligation.name == "definedness":
                if answer.status == "sat":
                    return result("error", f"ill-defined at k={k}: the hypotheses allow a zero denominator "
                                           f"(SMT division by zero is unspecified); model {_short(answer.model)}")
                if answer.status == "unknown":
                    return result("unknown", f"z3 could not decide definedness at k={k}: {answer.reason}")
            elif answer.status != "unsat":  # a lemma not re-proved here is not used as a fact
                negation = negation.without_facts()
        attempts = search_plan(formula, k, negation.facts) if claim.expected == "fails" else [negation]
        for attempt in attempts:
            answer = _ask(attempt, timeout, memory)
            if answer.status in ("sat", "error"):
                break
        if answer.status == "error":
            return result("error", f"z3 failed on the negation at k={k}: {answer.reason}")
        if answer.status == "unknown":
            return result("unknown", f"z3 gave up at k={k} ({answer.reason}); "
                                     f"proved for k in {ks.start}..{k - 1}" if checked else
                                     f"z3 gave up at k={k} ({answer.reason})")
        if answer.status == "sat":
            data, exact = decode(formula, k, answer.model or {})
            confirmation = confirm(claim, formula, k, data, exact, use_reference)
            checked.append(k)
            if not confirmation.confirmed:
                return result("error", f"z3 found a model at k={k} but it was not confirmed: {confirmation.reason}")
            values = confirmation.values
            counterexample = {"y_true": data.y_true, "y_pred": data.y_pred, "labels": data.labels,
                              "sample_weight": data.sample_weight, "values": values}
            if data.params:
                counterexample["params"] = data.params
            call = claim.call(data) if claim.call is not None else None
            return result("refuted", f"counterexample at k={k}, {len(data.y_true)} samples; "
                                     f"{confirmation.reason}", counterexample=counterexample, call=call)
        checked.append(k)
    span = f"k = {ks.start}" if len(ks) == 1 else f"every k in {ks.start}..{ks.stop - 1}"
    if claim.only_classes is not None:  # the check covered the one class count the claim is about
        return result("proved", f"unsat for {span}, the only class count the claim is about (hypotheses "
                                f"satisfiable, every division defined); entries unbounded, so every sample "
                                f"count n is covered", scope="every k")
    return result("proved", f"unsat for {span} (hypotheses satisfiable, every division defined); "
                            f"entries unbounded, so every sample count n is covered")


def _short(model: dict | None) -> str:
    if not model:
        return "{}"
    items = [f"{key}={value}" for key, value in model.items() if value != 0][:8]
    return "{" + ", ".join(items) + ("" if len(items) < 8 else ", ...") + "}"
