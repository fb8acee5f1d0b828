"""Method ``z3-bounded``: the claim at every class count k up to a bound, for every n.

For each k from the claim's smallest class count to the bound, the runner asks the
obligations of :mod:`metricproofs.provers.obligations` in order (hypotheses satisfiable,
every division defined, lemmas, then the negation) and races, for each, the encodings
listed in :data:`RACED` (for the lemmas and the negation, the
:data:`~metricproofs.provers.smt.ABSTRACTIONS` too: division uninterpreted, unsat there is a
proof, sat proves nothing); the encoding that decided an obligation at one k is asked
first at the next (see :func:`_ask`). The hypotheses are shown satisfiable by an exact
witness where one is at hand (:func:`_witness`). The matrix entries are unbounded non-negative integers (reals
for a claim that holds), so a proof at k covers every sample count. For a claim that
fails, the search looks for the smallest k with a model, first with small sample counts
(so the counterexample is small), and shows it only after
:func:`~metricproofs.provers.counterexamples.confirm`.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Callable

from metricproofs.catalogue import Claim, CountsOf, Formula
from metricproofs.definitions import confusion_counts
from metricproofs.provers.counterexamples import confirm, decode, violated_hypothesis
from metricproofs.provers.obligations import (FACT_CHECKS, SMALL_BOUNDS, Obligation, class_range, holds_plan,
                                              lemma_parts, relax_counts, sample_bound, search_plan)
from metricproofs.provers.results import MethodResult
from metricproofs.provers.smt import ABSTRACTIONS, PRODUCT_ABSTRACTION, SMT_CORE, VARIANTS, SolverAnswer, Variant, admits, solve, unseeded_name

__all__ = ["prove_bounded", "RACED", "ABSTRACTION_SLICE", "SLICE_FLOOR", "SLICE_GROWTH", "RERACE_AFTER", "RESEED", "COMPANION_LOSSES", "WITNESS", "default_width", "class_range", "relax_counts", "sample_bound", "SMALL_BOUNDS"]

METHOD = "z3-bounded"

#: The encodings raced for each obligation (the plan says what to ask, this says how).
#: Nonlinear arithmetic makes run times erratic, so the negation gets the whole portfolio,
#: the abstractions (division uninterpreted: unsat there is a proof, sat proves nothing)
#: first. An obligation that must be sat (hypotheses, a failing claim's search) is never
#: asked in an abstraction.
RACED: dict[str, tuple[Variant, ...]] = {
    # a model of nonlinear hypotheses: nlsat finds one at small k, the SMT core over named sums at
    # large k (kappa's p_e < 1 at k = 11: macros timed out at 5 s, aggregates-smt-core sat in 0.02 s)
    "hypotheses": (VARIANTS[0], SMT_CORE[1]),
    # every denominator non-zero: the SMT core over macros decided it in 0.02-0.25 s for every
    # holds-claim at its top k, where macros took up to 3 s and the abstractions up to 0.5 s (and
    # on jaccard found a model, which proves nothing); aggregates for mcc-symmetric at k = 4
    "definedness": (SMT_CORE[0], VARIANTS[1], SMT_CORE[1], VARIANTS[0]),
    # a step that sums earlier ones is linear in its products: the product abstraction decides it
    "lemmas": (*ABSTRACTIONS, *VARIANTS[:2], *SMT_CORE, PRODUCT_ABSTRACTION),
    "negation": (*ABSTRACTIONS, *VARIANTS[:4], *SMT_CORE),
}
RACED["lemmas-definedness"] = RACED["definedness"]  # the same question about the facts' divisions


def _exact(name: str) -> Variant:
    """The first encoding :data:`RACED` lists for an obligation that is not an abstraction."""
    return next(v for v in RACED[name] if not v.abstract)


#: Seconds the encoding that decided an obligation at the last k gets alone, before the
#: whole portfolio is raced (one z3 process instead of up to eight while it keeps working):
#: SLICE_GROWTH times what it needed at the last k, at least SLICE_FLOOR, at most
#: ABSTRACTION_SLICE (a fixed 5 s cost mcc-symmetric and f1-of-averages 5 s each at k = 2,
#: where the last winner stalled and another encoding answered in 0.2 s).
ABSTRACTION_SLICE = 5.0
SLICE_FLOOR = 1.0
SLICE_GROWTH = 4.0
RERACE_AFTER = 0.5
#: Races in a row the exact encoding may lose beside the abstractions before it waits until
#: the abstraction needs more than RERACE_AFTER seconds (balanced accuracy over true labels: macros ran beside the abstraction at every k
#: from 5 to 20 and lost each time, to answers of 0.01-0.2 s; on multi-label totals it wins
#: each time, 0.05 s against 2 s).
COMPANION_LOSSES = 2
#: The random seed the encodings of a first round that ran out of its slice race on with,
#: beside the rest of the portfolio (run times are heavy-tailed over seeds: kappa's steps at
#: k = 17 in aggregates-smt-core took over 5 s with seed 0 and 0.06-0.51 s with seeds 1-3).
RESEED = 1

Progress = Callable[[str], None]


def default_width() -> int:
    """Solver processes one claim may keep busy in a first round: one per core."""
    return max(1, os.cpu_count() or 1)


@dataclass
class _Memory:
    """What the last k's answers say about which encoding to ask first (one per claim's run)."""

    #: obligation name -> the answer that decided it at the last k
    won: dict[str, SolverAnswer] = field(default_factory=dict)
    #: obligations whose first exact encoding was raced beside the abstractions and lost to one
    #: that needed more than RERACE_AFTER seconds: it is not asked beside them again
    exact_slow: set[str] = field(default_factory=set)
    #: obligation name -> races in a row the exact companion lost to an abstraction (after
    #: COMPANION_LOSSES it waits while the abstraction answers within RERACE_AFTER seconds)
    losses: dict[str, int] = field(default_factory=dict)


def _key(obligation: Obligation) -> str:
    """What the memory files an obligation's answers under: its name, and for a part of the
    lemmas (:func:`~metricproofs.provers.obligations.lemma_parts`) which fact it is an instance
    of (the instances of one fact at one k, and at the next, are alike; different facts are not)."""
    return obligation.name if obligation.part is None else f"{obligation.name}/{obligation.part[0]}"


def _portfolio(obligation: Obligation) -> tuple[Variant, ...]:
    """Every encoding raced for an obligation: those :data:`RACED` lists, without the
    abstractions for one that must be sat (a sat there proves nothing)."""
    encodings = RACED[obligation.name]
    return encodings if obligation.expected == "unsat" else tuple(v for v in encodings if not v.abstract)


def _first_round(obligation: Obligation, memory: _Memory, width: int) -> tuple[Variant, ...] | None:
    """The encodings asked first, for a slice, when the last k says which one decided; None
    when it says nothing (then the whole portfolio is raced at once).

    An abstraction that won is asked beside the first exact encoding (which may have lost the
    last race by a hair, and at k = 20 answer in 0.05 s where the abstractions need 2 s), until
    that one loses to an abstraction that needed more than :data:`RERACE_AFTER` seconds (and
    while it has lost :data:`COMPANION_LOSSES` times in a row to quicker answers); with
    two processes or more to spare (``width``; 1 when as many claims run at once as there are
    cores) also beside the other abstraction (their run times at one k differ by 100x from run
    to run).
    An exact encoding that needed more than :data:`RERACE_AFTER` seconds is not asked first at
    all (nonlinear run times grow fast with k; an abstraction's do not). The product
    abstraction, where the portfolio has it and its query is linear, is asked in every first round.
    """
    chosen = _first_round_of_last(obligation, memory, width)
    if chosen is None or PRODUCT_ABSTRACTION in chosen or PRODUCT_ABSTRACTION not in _portfolio(obligation):
        return chosen
    # where products are the only nonlinear part, their abstraction is linear: it answers within
    # milliseconds, a proof or inconclusive (MCC's spreads: unsat in 0.01 s at k = 20, where the
    # exact encoding that won up to k = 4 took 0.6 s at k = 5 and 15 s at k = 9)
    return (PRODUCT_ABSTRACTION, *chosen) if obligation.query(PRODUCT_ABSTRACTION).linear else chosen


def _first_round_of_last(obligation: Obligation, memory: _Memory, width: int) -> tuple[Variant, ...] | None:
    """:func:`_first_round` before the product abstraction is added."""
    previous = memory.won.get(_key(obligation))
    if previous is None:
        return None
    portfolio = _portfolio(obligation)
    last = next((v for v in portfolio if v.name == unseeded_name(previous.encoding)), None)
    if last is None or not (last.abstract or previous.seconds <= RERACE_AFTER):
        return None
    if not last.abstract:
        return (last,)
    # the abstractions of the same kind (an abstract product wins where real division is needed nowhere)
    abstractions = (tuple(v for v in portfolio if v.abstract and v.abstract_product == last.abstract_product)
                    if width >= 2 else (last,))
    first_exact = _exact(obligation.name)
    # one that kept losing to quick answers is asked again once the abstraction slows down
    # (multi-label totals: the abstraction wins by a little up to k = 7, then needs 1-4 s a k
    # where the exact encoding answers in 0.05 s)
    lost_often = memory.losses.get(_key(obligation), 0) >= COMPANION_LOSSES and previous.seconds <= RERACE_AFTER
    return abstractions if _key(obligation) in memory.exact_slow or lost_often else (*abstractions, first_exact)


def _probe(obligation: Obligation, memory: _Memory) -> Variant:
    """The exact encoding whose query tells whether the obligation is linear: the one that
    decided it at the last k if it was exact (its text is written anyway), else the first.
    Whether a query is linear only says how it is asked, never what is answered (and all the
    exact encodings agreed on it for every obligation of the catalogue at k <= 4)."""
    previous = memory.won.get(_key(obligation))
    if previous is not None:
        last = next((v for v in RACED[obligation.name] if v.name == unseeded_name(previous.encoding)), None)
        if last is not None and not last.abstract:
            return last
    return _exact(obligation.name)


def _plan(claim: Claim, formula: Formula, k: int, counts_of: CountsOf) -> list[Obligation]:
    """The obligations at k as z3-bounded asks them: :func:`holds_plan`, with the lemmas asked
    one fact instance at a time (:func:`lemma_parts`; the facts are used only if every one is
    proved)."""
    return [part for obligation in holds_plan(claim, formula, k, counts_of)
            for part in (lemma_parts(obligation, claim, counts_of) if obligation.name == "lemmas" else (obligation,))]


class _Ahead(threading.Thread):
    """Builds the plan of the next k (and walks its first encodings) while z3 answers this k:
    z3 runs in its own process, so on two cores the text of k + 1 is written meanwhile."""

    def __init__(self, claim: Claim, formula: Formula, k: int, counts_of: CountsOf, memory: _Memory,
                 width: int) -> None:
        super().__init__(daemon=True)
        self.args_ = (claim, formula, k, counts_of)
        self.memory = memory
        self.width = width
        self.plan: list[Obligation] | None = None
        self.failure: BaseException | None = None

    def run(self) -> None:
        try:
            plan = _plan(*self.args_)
            for obligation in plan:  # what the first race of each will ask, as the last k's answers say
                if not obligation.query(_probe(obligation, self.memory)).linear:
                    obligation.queries(_first_round(obligation, self.memory, self.width) or _portfolio(obligation))
            self.plan = plan
        except BaseException as exc:  # handed to the caller, which raises it
            self.failure = exc

    def result(self) -> list[Obligation]:
        self.join()
        if self.failure is not None:
            raise self.failure
        assert self.plan is not None
        return self.plan


def _ask(obligation: Obligation, timeout: float, memory: _Memory | None = None, width: int = 2) -> SolverAnswer:
    """Race the encodings of one obligation (:func:`_portfolio`); a query in linear arithmetic
    is asked in the first encoding only (the others differ only in how ratios and shared sums
    are written, and linear arithmetic is decided fast in any of them).

    ``memory`` remembers which encoding decided a nonlinear obligation: at the next k the first
    round of :func:`_first_round` is asked for a slice of time that grows with what the winner
    needed (at most :data:`ABSTRACTION_SLICE` seconds), and only if it does not decide is the
    rest of the portfolio raced, together with the first round's encodings under another
    random seed (:data:`RESEED`) when the slice ran out. This changes how fast, never what is
    answered.
    """
    memory = memory if memory is not None else _Memory()
    exact = _exact(obligation.name)
    first = obligation.query(_probe(obligation, memory))
    if first.linear:
        return solve([first], timeout)
    name = _key(obligation)
    rest = _portfolio(obligation)
    leading = _first_round(obligation, memory, width)
    if leading is not None:
        previous = memory.won[name]
        slice_ = min(ABSTRACTION_SLICE, max(SLICE_FLOOR, SLICE_GROWTH * previous.seconds))
        answer = solve(obligation.queries(leading), min(timeout, slice_))
        companion = leading[-1] is exact and len(leading) > 1  # the exact one beside the abstractions
        if answer.status != "unknown":
            if answer.status in ("sat", "unsat"):
                memory.won[name] = answer
                if companion:
                    lost = answer.encoding != exact.name
                    memory.losses[name] = memory.losses.get(name, 0) + 1 if lost else 0
                    if lost and answer.seconds > RERACE_AFTER:
                        memory.exact_slow.add(name)
            return answer
        if companion:
            memory.exact_slow.add(name)  # the exact encoding did not decide within the slice either
        rest = tuple(v for v in rest if v not in leading)
        if answer.reason == "timeout":  # not after a sat of an abstraction: another seed finds another model
            rest += tuple(v.reseeded(RESEED) for v in leading)
    answer = solve(obligation.queries(rest), timeout)
    if answer.status in ("sat", "unsat"):
        memory.won[name] = answer
    return answer


#: The encoding name of a hypotheses answer found without a solver (:func:`_witness`).
WITNESS = "exact-witness"


def _witness(obligation: Obligation) -> SolverAnswer | None:
    """The hypotheses satisfied without a solver: the point where every variable is 1, when
    it lies in every variable's domain and its data satisfy every hypothesis in exact
    arithmetic (a model checked exactly is as good a proof of satisfiability as a solver's
    sat); None when it does not (then the solver is asked)."""
    start = time.perf_counter()
    query = obligation.query(_exact("hypotheses"))
    if query.trivial or not all(admits(spec, 1) for spec in query.declared.values()):
        return None  # (a trivial query is answered at once anyway)
    declared = query.declared
    model = {name: Fraction(1) for name in declared}
    try:
        broken = violated_hypothesis(obligation.formula, obligation.k, model)
    except ZeroDivisionError:  # a hypothesis undefined at that point
        return None
    if broken is not None:
        return None
    return SolverAnswer("sat", time.perf_counter() - start, model,
                        "every variable 1 satisfies the hypotheses in exact arithmetic", WITNESS)


def prove_bounded(claim: Claim, *, max_classes: int | None = None, timeout: float = 60.0,
                  counts_of: CountsOf = confusion_counts, progress: Progress = lambda _: None,
                  width: int | None = None) -> MethodResult:
    """Run ``z3-bounded`` on one claim; ``width`` is how many solver processes its first rounds
    may keep busy (default :func:`default_width`; 1 when as many claims run at once as there are cores)."""
    width = default_width() if width is None else max(1, width)
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
        *checks, negation = ahead.result() if ahead is not None else _plan(claim, formula, k, counts_of)
        ahead = _Ahead(claim, formula, k + 1, counts_of, memory, width) if k + 1 in ks else None
        if ahead is not None:
            ahead.start()
        # the facts are assumed (by definedness and the negation) only once every check of them has
        # answered unsat at this k, whatever the plan's order: a step true only under its own
        # division guard would otherwise hide the claim's zero denominator
        fact_checks = sum(o.name in FACT_CHECKS for o in checks)
        facts_proved = 0
        for obligation in checks:
            if obligation.name in FACT_CHECKS and not negation.facts:
                continue  # some check of the facts failed already: they are not used
            if obligation.name == "definedness" and obligation.facts and (not negation.facts
                                                                          or facts_proved < fact_checks):
                obligation = obligation.without_facts()
            answer = (obligation.name == "hypotheses" and _witness(obligation)) or _ask(obligation, timeout, memory, width)
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
            elif answer.status != "unsat":  # a lemma not re-proved here (or one that may divide by 0) is not used
                negation = negation.without_facts()
            else:
                facts_proved += 1
        if negation.facts and facts_proved < fact_checks:
            negation = negation.without_facts()
        attempts = search_plan(formula, k, negation.facts) if claim.expected == "fails" else [negation]
        for attempt in attempts:
            answer = _ask(attempt, timeout, memory, width)
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
