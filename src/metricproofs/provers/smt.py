"""SMT-LIB2 queries built from the catalogue's formulas, and running them in z3.

A claim at a class count k becomes up to three queries, all over the same
declarations:

- ``hypotheses``: the hypotheses alone; must be sat, or a proof would be vacuous;
- ``definedness``: hypotheses and "some division has a zero denominator (or an
  undefined value is reached)"; must be unsat, since SMT division by zero is
  unspecified and could make a claim pass for the wrong reason;
- ``negation``: hypotheses, definedness, and the negated conclusion; unsat means the
  claim holds at this k for every value of the variables (every sample count).

The text is plain SMT-LIB2 (``set-logic ALL``), well sorted, so cvc5 can re-check it.

Besides the equisatisfiable encodings of :data:`VARIANTS`, :data:`ABSTRACTIONS` write every
division by a non-constant as an uninterpreted function of numerator and denominator. Real
division is one interpretation of that function, so every model of the exact query is a
model of the abstract one: an unsat answer proves the exact query unsat, while a sat answer
proves nothing (:func:`solve` never returns it). Where the claim follows from numerators and
denominators being equal (micro P = R: both have numerator trace(C) and, by fp-fn-balance,
denominator N), the abstract query is linear and z3 decides it at k = 20 in a fraction of a
second, where the exact one times out.
"""

from __future__ import annotations

import atexit
import dataclasses
import functools
import gc
import math
import os
import queue
import re
import signal
import subprocess
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal, Sequence

import sympy

from metricproofs import definitions as d
from metricproofs.catalogue import Formula
from metricproofs.evaluation import _NUMERAL, SmtBackend, Term, VarSpec, compile_expr

__all__ = ["Variant", "VARIANTS", "CVC5_ENCODINGS", "SMT_CORE", "ABSTRACTIONS", "PRODUCT_ABSTRACTION", "DIVISION", "PRODUCT", "Query", "SolverAnswer", "encode", "solve", "parse_model", "z3_binary", "close_solvers", "unseeded_name", "admits"]

Goal = Literal["hypotheses", "definedness", "negation"]


_SEED = "-seed-"


def unseeded_name(name: str) -> str:
    """The encoding a (possibly reseeded) variant's name names: ``macros-seed-2`` -> ``macros``."""
    return name.rsplit(_SEED, 1)[0]


@dataclass(frozen=True)
class Variant:
    """One way of writing the same query; all variants are equisatisfiable.

    Nonlinear arithmetic makes solver run times erratic, so the prover tries a small
    portfolio of equivalent encodings, each with a share of the time limit.
    """

    name: str
    named_constants: bool = False
    cross_multiply: bool = False
    flatten_ratios: bool = False
    #: Orderings of ratios cross-multiplied too (see ``SmtBackend.cross_multiply_orders``).
    cross_multiply_orders: bool = False
    #: Terms longer than this many characters are named (``SmtBackend.share_above``). The
    #: aggregates encodings name nearly every sum (16: N and the trace from k = 3 on), so z3
    #: reasons over N, the trace and the margins as unknowns: kappa <= accuracy at k = 3 went
    #: from a timeout at 20 s in every encoding to 0.03 s once they were named.
    share_above: int = 120
    #: Divisions by a non-constant become applications of the uninterpreted :data:`DIVISION`:
    #: an over-approximation, so only an unsat answer counts (see :data:`ABSTRACTIONS`).
    abstract_division: bool = False
    #: Products of two or more non-constants become applications of the uninterpreted
    #: :data:`PRODUCT` (arguments in a fixed order): an over-approximation too, which leaves a
    #: statement that is linear in its products linear (MCC's spread N^2 - sum_l support_l^2 >= 0
    #: from support_l^2 <= support_l N and N^2 = sum_l support_l N: unknown at 10 s in every exact
    #: encoding at k = 12, where z3 multiplies the sums out; unsat in 0.01 s at k = 20 so).
    abstract_product: bool = False
    #: The z3 tactic that answers the query (``(check-sat-using TACTIC)``); None: z3's default
    #: strategy, which hands nonlinear real arithmetic to nlsat (complete, but at k = 3 it timed
    #: out at 20 s on kappa's definedness query, which the SMT core, tactic "smt", decides in
    #: 0.02 s). Which tactic answers changes how fast, never what: both are sound for unsat, and
    #: a sat model is re-evaluated before it is shown.
    tactic: str | None = None
    #: z3's random seed (``smt.random_seed``): the same text and procedure, another search
    #: order. On one query the SMT core's run time is heavy-tailed over seeds (micro balanced
    #: accuracy's k = 20 negation, abstracted: 0.14, 12.9, 1.2, 2.2 and 0.37 s for seeds 1 to 5).
    seed: int = 0
    #: z3's linear arithmetic solver (``smt.arith.solver``): 6 is z3's default; 2, the older
    #: one, has no heavy tail on the abstracted queries, which are linear with an uninterpreted
    #: division (balanced accuracy over true labels at k = 20: 0.21-0.26 s for seeds 0-2, where
    #: solver 6 needed 0.38-3.39 s; superset labels: 0.27-0.37 s, where solver 6 timed out at
    #: 10 s for seed 1).
    arith_solver: int = 6

    @property
    def abstract(self) -> bool:
        """An over-approximation (division or products uninterpreted): unsat is a proof, sat is not."""
        return self.abstract_division or self.abstract_product

    def reseeded(self, seed: int) -> Variant:
        """This encoding asked with another random seed (named ``NAME-seed-N``)."""
        base = self.unseeded
        return base if seed == 0 else dataclasses.replace(base, name=f"{base.name}{_SEED}{seed}", seed=seed)

    @property
    def unseeded(self) -> Variant:
        """This encoding with z3's default seed."""
        return self if self.seed == 0 else dataclasses.replace(self, name=unseeded_name(self.name), seed=0)

    @property
    def text_key(self) -> tuple:
        """What the query's text depends on: variants that differ only in how z3 is asked (tactic,
        seed, arithmetic solver) share one text, written once."""
        return (self.named_constants, self.cross_multiply, self.flatten_ratios, self.cross_multiply_orders,
                self.share_above, self.abstract_division, self.abstract_product)

    @property
    def preamble(self) -> str:
        """z3 options this variant needs (keeps z3 from substituting the aggregates away)."""
        return "(set-option :smt.solve_eqs false)\n" if self.named_constants else ""

    @property
    def check_command(self) -> str:
        """The command that asks z3 for the answer."""
        return "(check-sat)" if self.tactic is None else f"(check-sat-using {self.tactic})"


VARIANTS = (
    Variant("macros"),
    Variant("aggregates", named_constants=True, share_above=16),
    Variant("cross-multiplied", cross_multiply=True),
    Variant("aggregates-cross-multiplied", named_constants=True, cross_multiply=True, share_above=16),
    # nested ratios flattened before cross-multiplying: the encoding of the certificates of
    # claims that hold (cvc5 decides it where division inside a ratio stalls it)
    Variant("flat-cross-multiplied", cross_multiply=True, flatten_ratios=True),
)

#: Equisatisfiable encodings written only where cvc5 needs them (``CVC5_SETTINGS`` in
#: :mod:`metricproofs.provers.cvc5`); z3 reads them too, but does not race them.
CVC5_ENCODINGS = (
    # every comparison of ratios cross-multiplied, orderings too, and a piecewise value of ratios one
    # ratio: MCC^2 = informedness x markedness (its signs are orderings of ratios) at k = 2 in 4 s, where
    # every encoding above left cvc5 1.4 unknown at 20 s
    Variant("flat-cross-multiplied-orders", cross_multiply=True, flatten_ratios=True, cross_multiply_orders=True),
)

#: The encodings of :data:`VARIANTS` answered by z3's SMT core instead of its default strategy
#: (see :attr:`Variant.tactic`): the same text, another procedure, so a race of both gets the
#: faster of two run times that differ by up to 1000x on one query.
SMT_CORE = (
    Variant("macros-smt-core", tactic="smt"),
    Variant("aggregates-smt-core", named_constants=True, tactic="smt", share_above=16),
)

#: The uninterpreted function that stands for real division in :data:`ABSTRACTIONS`.
DIVISION = "_div"

#: The uninterpreted function that stands for real multiplication in ``abstract-product``.
PRODUCT = "_mul"

#: The reason given when an abstraction is sat (it proves nothing: the answer is "unknown").
INCONCLUSIVE = "sat in an abstraction (inconclusive)"

#: Over-approximations of the exact encodings (not equisatisfiable with them): an unsat
#: answer is a proof, a sat answer is inconclusive. Never written to a certificate.
ABSTRACTIONS = (
    Variant("abstract-division", abstract_division=True, arith_solver=2),
    # ratios compared by cross-multiplying, and divisions left inside a numerator abstracted
    Variant("abstract-division-flat-cross-multiplied", cross_multiply=True, flatten_ratios=True,
            abstract_division=True),
)

#: Multiplication uninterpreted (:attr:`Variant.abstract_product`): raced for the lemmas only,
#: where a step may be a sum of earlier ones (``Hypothesis.uses``); the negations of the
#: catalogue need real products.
PRODUCT_ABSTRACTION = Variant("abstract-product", abstract_product=True)


@dataclass
class _AbstractDivisionBackend(SmtBackend):
    """The encoder with every division by a non-constant written ``(_div num den)``.

    The exact encoder still builds each division (so its guard is recorded as in the exact
    encodings: a denominator must still be shown non-zero, and a ratio keeps its numerator
    and denominator for cross-multiplying); only the term's text is replaced.
    """

    abstracted: bool = False  # some division was written with DIVISION (so it must be declared)

    def divide(self, num: Term, den: Term) -> Term:
        limit, self.share_above = self.share_above, 1 << 62  # the exact text is not kept as a shared term
        try:
            exact = super().divide(num, den)
        finally:
            self.share_above = limit
        num_text = f"(to_real {num.text})" if num.sort == "Int" else num.text
        den_text = f"(to_real {den.text})" if den.sort == "Int" else den.text
        text = exact.text
        if not _NUMERAL.match(den_text):  # a division by a constant is linear: it stays exact
            self.abstracted = True
            text = f"({DIVISION} {num_text} {den_text})"
        shared = self._share(Term(text, "Real"))
        return Term(shared.text, "Real", exact.ratio)


@dataclass
class _AbstractProductBackend(SmtBackend):
    """The encoder with every product of two or more non-constants written ``(_mul a b)``,
    factors sorted by their text (so one product is one term wherever it occurs) and nested
    from the left; constant factors stay outside. Divisions stay exact."""

    abstracted: bool = False  # some product was written with PRODUCT (so it must be declared)

    def mul(self, factors: list[Term]) -> Term:
        kept = [f for f in factors if f.text not in ("1", "1.0")]
        if len(kept) < 2 or any(self.is_indicator(f) for f in kept):
            return super().mul(factors)  # one factor, or a 0/1 selection (which stays exact)
        texts, sort = self._unify(kept)
        real = [text if sort == "Real" else f"(to_real {text})" for text in texts]
        variables = sorted(text for text in real if not _NUMERAL.match(text))
        if len(variables) < 2:
            return super().mul(factors)  # linear already
        self.abstracted = True
        constants = [text for text in real if _NUMERAL.match(text)]
        product = variables[0]
        for factor in variables[1:]:
            product = f"({PRODUCT} {product} {factor})"
        return self._share(Term(f"(* {' '.join(constants)} {product})" if constants else product, "Real"))


@dataclass(frozen=True)
class Query:
    """One SMT-LIB2 script (one encoding of one question)."""

    goal: Goal
    k: int
    text: str  # without (check-sat)
    declared: dict[str, VarSpec]
    #: Decided without a solver: a definedness query with no division at all (unsat), or a
    #: hypotheses query that the all-zero point satisfies (sat).
    trivial: bool = False
    variant: Variant = VARIANTS[0]
    linear: bool = True  # no product of two non-constants, no division by a non-constant

    def script(self, status: str | None = None, header: str = "") -> str:
        """The full script with ``check-sat``, optionally with a status and a comment header."""
        info = f"(set-info :status {status})\n" if status else ""
        return f"{header}(set-logic ALL)\n{info}{self.text}\n(check-sat)\n(exit)\n"

    @property
    def trivial_status(self) -> str:
        """The answer of a trivial query."""
        return "sat" if self.goal == "hypotheses" else "unsat"


@dataclass(frozen=True)
class SolverAnswer:
    """A solver's answer to one query; ``encoding`` names the variant that decided it."""

    status: Literal["sat", "unsat", "unknown", "error"]
    seconds: float
    model: dict[str, Fraction] | None = None
    reason: str = ""
    encoding: str = ""


@dataclass(frozen=True)
class _Pieces:
    """One walk of a formula at k in one encoding: what every goal's query is made of."""

    head: list[str]  # declarations, definitions, hypotheses, facts
    guards: list[str]
    conclusion: str
    declared: dict[str, VarSpec]
    linear: bool
    zero_satisfies: bool  # no hypothesis, no fact, every domain admits 0


#: The last few walks, so the hypotheses, definedness and negation queries of one k (and a
#: counterexample search's sample bounds) share one walk. Keyed by the formula's identity
#: (the formula is kept alive beside its entry, so the id cannot be reused meanwhile).
_WALKS: OrderedDict[tuple, tuple[Formula, _Pieces]] = OrderedDict()
_WALKS_KEPT = 8


def _admits_zero(spec: VarSpec) -> bool:
    """0 lies within the variable's declared bounds."""
    return admits(spec, 0)


def admits(spec: VarSpec, value: int) -> bool:
    """``value`` lies within the variable's declared bounds (False for a bound that is not a
    plain number: do not guess)."""
    return _within(spec.lower, spec.upper, spec.strict_lower, value)


@functools.lru_cache(maxsize=128)
def _within(lower_text: str | None, upper_text: str | None, strict: bool, value: int) -> bool:
    try:
        lower = None if lower_text is None else Fraction(lower_text)
        upper = None if upper_text is None else Fraction(upper_text)
    except ValueError:
        return False
    if lower is not None and (lower > value or (lower == value and strict)):
        return False
    return upper is None or upper >= value


def _walk(formula: Formula, k: int, lemmas: tuple[sympy.Basic, ...], variant: Variant) -> _Pieces:
    key = (id(formula), k, lemmas, variant.text_key)
    hit = _WALKS.get(key)
    if hit is not None and hit[0] is formula:
        _WALKS.move_to_end(key)
        return hit[1]
    kind = (_AbstractDivisionBackend if variant.abstract_division else
            _AbstractProductBackend if variant.abstract_product else SmtBackend)
    backend = kind(formula.domains, named_constants=variant.named_constants,
                   cross_multiply=variant.cross_multiply, flatten_ratios=variant.flatten_ratios,
                   cross_multiply_orders=variant.cross_multiply_orders, share_above=variant.share_above)
    # A formula that declares k as a variable (the induction step) keeps it symbolic.
    env: dict = {} if "k" in formula.domains else {d.k: k, **formula.sizes(k)}
    collecting = gc.isenabled()
    gc.disable()  # the walk makes many small acyclic objects: collecting them meanwhile costs a quarter of it
    try:
        facts = [compile_expr(lemma)(backend, env).text for lemma in lemmas]
        hypotheses = [compile_expr(h.formula)(backend, env).text for h in formula.hypotheses
                      if h.formula is not sympy.true]
        conclusion = compile_expr(formula.conclusion)(backend, env).text
    finally:
        if collecting:
            gc.enable()
    guards = list(dict.fromkeys(backend.guards))
    head = backend.declarations() + backend.definitions
    if getattr(backend, "abstracted", False):
        head.insert(0, f"(declare-fun {PRODUCT if variant.abstract_product else DIVISION} (Real Real) Real)")
    head += [f"(assert {h})" for h in hypotheses]
    head += [f"(assert {fact})" for fact in facts]
    zero = not hypotheses and not facts and all(_admits_zero(spec) for spec in backend.declared.values())
    pieces = _Pieces(head, guards, conclusion, dict(backend.declared), not backend.nonlinear, zero)
    _WALKS[key] = (formula, pieces)
    while len(_WALKS) > _WALKS_KEPT:
        _WALKS.popitem(last=False)
    return pieces


def encode(formula: Formula, k: int, goal: Goal, extra: tuple[str, ...] = (),
           lemmas: tuple[sympy.Basic, ...] = (), variant: Variant = VARIANTS[0]) -> Query:
    """The ``goal`` query of ``formula`` at ``k`` classes.

    ``extra`` are more assertions (entry bounds for small models); ``lemmas`` are
    conclusions of other claims already proved at this k over the same variables, asserted
    as facts (a proof that uses a proved lemma is still a proof).
    """
    pieces = _walk(formula, k, tuple(lemmas), variant)
    lines = pieces.head + list(extra)
    guards = pieces.guards
    trivial = False
    if goal == "hypotheses":
        trivial = pieces.zero_satisfies and not extra
    elif goal == "definedness":
        if guards:
            lines.append(f"(assert (not (and {' '.join(guards)})))" if len(guards) > 1 else f"(assert (not {guards[0]}))")
        else:
            trivial = True
    elif goal == "negation":
        lines += [f"(assert {g})" for g in guards]
        lines.append(f"(assert (not {pieces.conclusion}))")
    return Query(goal, k, "\n".join(lines), dict(pieces.declared), trivial, variant, pieces.linear)


def z3_binary() -> str | None:
    """The z3 executable shipped with the z3-solver wheel (or on PATH), if any."""
    import shutil
    import sys
    from pathlib import Path

    beside = Path(sys.executable).with_name("z3")
    if beside.exists():
        return str(beside)
    return shutil.which("z3")


def solve(variants: Sequence[Query], timeout: float, *, fresh: bool = False) -> SolverAnswer:
    """Run equisatisfiable variants of one query in parallel z3 processes; first answer wins.

    The first sat or unsat answer is returned and the processes still working are interrupted
    (and kept); a sat answer of an abstraction (:data:`ABSTRACTIONS`) proves nothing and counts
    as "unknown". z3 is asked with its own (cooperative) time limit, and a process that overruns
    it by a second (nonlinear arithmetic can) is killed. When no variant decided: "error" if
    some process reported an error or crashed (a malformed script, a solver bug: never hidden
    as a timeout), else "unknown" with the reason ("timeout", or z3's "incomplete").

    The processes are kept between calls (:class:`_Server`): starting z3 costs about as much
    as answering one of the prover's small queries, and a run asks about 1,600 of them.
    """
    if all(q.trivial for q in variants):
        why = "the all-zero point satisfies the hypotheses" if variants[0].goal == "hypotheses" else "no division to guard"
        return SolverAnswer(variants[0].trivial_status, 0.0, None, why)
    binary = z3_binary()
    if binary is None:
        return _solve_in_process(variants[0], timeout)
    start = time.perf_counter()
    unbalanced = [q.variant.name for q in variants if q.text.count("(") != q.text.count(")")]
    if unbalanced:  # a kept z3 would wait for the missing ")" (no answer, not even an error)
        return SolverAnswer("error", 0.0, None, f"malformed query (unbalanced parentheses) in {', '.join(unbalanced)}")
    finished: queue.Queue[tuple[_Server, str, bool]] = queue.Queue()
    asked: list[tuple[Query, _Server]] = []
    answered_before: dict[int, int] = {}  # id(server) -> answers it had given when asked
    for query in variants:
        server = _Server(binary) if fresh else _SERVERS.take(binary)
        answered_before[id(server)] = server.ask(_server_script(query, timeout), finished)
        asked.append((query, server))
    deadline = start + timeout + 1.0
    answer: SolverAnswer | None = None
    reasons: list[str] = []
    errors: dict[int, str] = {}  # by the encoding's place in ``variants``, so the report's order is fixed
    idle: set[int] = set()  # servers that answered and can be asked again
    waiting = len(asked)
    retried: set[int] = set()  # places asked again on a new process (see below)
    overran = False  # past z3's own limit by a second: what still works is ended, not interrupted
    while waiting:  # in the order the processes finish
        waiting -= 1
        try:
            server, output, ended = finished.get(timeout=max(0.0, deadline - time.perf_counter()))
        except queue.Empty:
            reasons.append("timeout")
            overran = True
            break
        place = next(i for i, (_, s) in enumerate(asked) if s is server)
        query = asked[place][0]
        died_idle = ended and not output and server.answered
        # "canceled" long before z3's own limit is not z3's time-out but a signal that was not
        # meant for this query (a spurious "timeout" on a 0.01 s query was seen once in about
        # twenty prove runs, cause not captured): ask again, once, on a new process
        stray = _CANCELED in output and time.perf_counter() - start < 0.9 * timeout and place not in retried
        if died_idle or stray:  # not this query's answer
            retried.add(place)
            server.close()
            replacement = _Server(binary)
            remaining = max(0.0, deadline - 1.0 - time.perf_counter())
            answered_before[id(replacement)] = replacement.ask(_server_script(query, remaining), finished)
            asked[place] = (query, replacement)
            waiting += 1
            continue
        if not ended:
            idle.add(place)
        status, model, reason = _read_answer(output, server.proc.returncode if ended else None)
        if status == "sat" and query.variant.abstract:
            status, reason = "unknown", INCONCLUSIVE
        if status in ("sat", "unsat"):
            answer = SolverAnswer(status, time.perf_counter() - start, model, "", query.variant.name)
            break
        if status == "error":
            errors[place] = reason
        else:
            reasons.append(reason)
    # z3 said nothing by the deadline on a process that an earlier race interrupted: an
    # interrupt can leave z3 in a state it does not recover from (Z3Prover/z3#595), so the
    # query is asked again, once, on new processes (z3's own time-out answers "unknown" in time)
    silent_after_interrupt = overran and not fresh and any(
        s.interrupted for place, (_, s) in enumerate(asked) if place not in idle and not s.ended.is_set())
    for place, (_, server) in enumerate(asked):
        if place in idle:
            _SERVERS.give_back(server)
        elif overran or server.ended.is_set():
            server.close()
        else:  # still working: its answer is not wanted
            server.interrupt(answered_before[id(server)])
    if silent_after_interrupt:
        return solve(variants, timeout, fresh=True)
    if answer is None:
        seconds = time.perf_counter() - start
        if errors:
            return SolverAnswer("error", seconds, None, "; ".join(dict.fromkeys(errors[i] for i in sorted(errors))))
        # every undecided server gave a reason (_read_answer never returns an empty one), or the deadline passed
        reason = "timeout" if "timeout" in reasons else "; ".join(sorted(set(reasons)))
        return SolverAnswer("unknown", seconds, None, reason)
    return answer


#: Seconds an interrupted z3 has to finish its answer before it is ended. It needs 1-6 ms; in
#: about one race in ten (seen on the FERMAT query of the tests) z3 goes on checking after the
#: SIGINT, or a SIGINT that comes just before the check begins ends z3.
DRAIN_SECONDS = 0.05

#: The line each script ends by asking z3 to print: the end of one answer on a kept process.
ANSWER_END = "metricproofs:end-of-answer"
#: What z3 says of a check that a SIGINT stopped (and of some of its own time-outs).
_CANCELED = '(:reason-unknown "canceled")'
#: The line z3 is asked to print just before ``check-sat`` (see :meth:`_Server.interrupt`).
CHECKING = "metricproofs:checking"


def _server_script(query: Query, timeout: float) -> str:
    """What a kept z3 process is sent for one query: a fresh start (``(reset)`` keeps z3's global
    options, so those a variant changes are set either way), the time limit, the query, the
    line that says the check begins, the check, the reason for an "unknown", a model, and the
    end-of-answer line."""
    eqs = "false" if query.variant.named_constants else "true"
    return (f"(reset)\n(set-option :timeout {max(1, math.ceil(timeout * 1000))})\n"
            f"(set-option :smt.solve_eqs {eqs})\n(set-option :smt.random_seed {query.variant.seed})\n"
            f"(set-option :smt.arith.solver {query.variant.arith_solver})\n{query.text}\n"
            f"(echo \"{CHECKING}\")\n{query.variant.check_command}\n"
            f"(get-info :reason-unknown)\n(get-model)\n(echo \"{ANSWER_END}\")\n")


def _read_answer(output: str, returncode: int | None) -> tuple[str, dict[str, Fraction] | None, str]:
    """Status, model and reason from what z3 printed for one query (``returncode``: the process
    ended before its end-of-answer line, with this exit code)."""
    lines = output.strip().splitlines()
    first = lines[0].strip() if lines else ""
    if first == "unsat":
        return "unsat", None, ""
    if first == "sat":
        return "sat", parse_model("\n".join(lines[1:])), ""
    if first == "unknown":
        said = lines[1].strip() if len(lines) > 1 else ""
        return "unknown", None, "timeout" if said in ('(:reason-unknown "timeout")', '(:reason-unknown "canceled")') else "incomplete"
    if first == "timeout":
        return "unknown", None, "timeout"
    if "error" in output:
        return "error", None, output.strip()[:300]
    if returncode:  # it ended by itself (the race stops only what it no longer reads): a crash
        return "error", None, f"z3 exited with code {returncode}: {output.strip()[:200] or 'no output'}"
    return "unknown", None, first or "no answer"


class _Server:
    """One z3 process (``z3 -in``) that answers query after query; its own thread reads what
    it prints and hands each answer (up to the end-of-answer line) to whoever asked."""

    def __init__(self, binary: str) -> None:
        self.binary = binary
        self.proc = subprocess.Popen([binary, "-in"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, bufsize=1)
        self._to: queue.Queue[tuple[_Server, str, bool]] | None = None
        #: set by the reader when z3's output ends (before the process is reaped: ``poll()``
        #: says nothing while another thread waits for the process)
        self.ended = threading.Event()
        #: answers given so far: a process that ends before its first word on a later query
        #: may have died while it was idle, which is not that query's fault
        self.answered = 0
        #: interrupted as the loser of a race: its answer is not wanted, and once it is given
        #: (z3 answers "unknown" to SIGINT within milliseconds and goes on reading) the process
        #: is back in the pool
        self._draining = False
        #: stopped by :meth:`interrupt` at least once (see the retry in :func:`solve`)
        self.interrupted = False
        #: between the line printed just before ``check-sat`` and the answer: the only time a
        #: SIGINT stops a query (at any other time it ends z3)
        self._checking = False
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def ask(self, script: str, finished: queue.Queue[tuple[_Server, str, bool]]) -> int:
        """Send one script; its answer goes to ``finished`` as (self, output, process ended).
        Returns the number of answers given before it (see :meth:`interrupt`)."""
        with self._lock:
            self._to = finished
            before = self.answered
        try:
            assert self.proc.stdin is not None
            self.proc.stdin.write(script)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            pass  # the process is gone: the reader reports its end
        return before

    def interrupt(self, asked_after: int) -> None:
        """Stop the query asked after ``asked_after`` answers, keeping the process: SIGINT ends
        z3's ``check-sat`` with "unknown" and z3 reads on; the reader gives the process back to
        the pool once that answer's end has come (and ends it if it does not come within
        :data:`DRAIN_SECONDS`). SIGINT ends z3 outside ``check-sat``, so it is sent only
        between the :data:`CHECKING` line and the answer: by this call if z3 is checking, else by
        the reader when that line comes. A z3 that has already answered is given back at once."""
        with self._lock:
            if self.answered > asked_after or self.ended.is_set():
                done, now = True, False
            else:
                done, now, self._draining, self._to = False, self._checking, True, None
                self.interrupted = True
        if done:
            _SERVERS.give_back(self)
            return
        _SERVERS.draining(self)
        if now:
            self._stop_check()
        timer = threading.Timer(DRAIN_SECONDS, self._drain_overrun)
        timer.daemon = True
        timer.start()

    def _stop_check(self) -> None:
        try:
            self.proc.send_signal(signal.SIGINT)
        except OSError:
            pass

    def _drain_overrun(self) -> None:
        with self._lock:
            overrun = self._draining
        if overrun:
            self.proc.kill()  # the reader sees the end of output and reaps it

    def _read(self) -> None:
        assert self.proc.stdout is not None
        said: list[str] = []
        try:
            for line in self.proc.stdout:
                said_now = line.rstrip("\r\n")
                if said_now == CHECKING:
                    with self._lock:
                        self._checking, now = True, self._draining
                    if now:
                        self._stop_check()
                    continue
                if self._checking:  # the answer of check-sat
                    with self._lock:
                        self._checking = False
                if said_now == ANSWER_END:
                    with self._lock:
                        self.answered += 1
                        to, drained, self._draining = self._to, self._draining, False
                    if drained:
                        _SERVERS.give_back(self)
                    elif to is not None:
                        to.put((self, "".join(said), False))
                    said = []
                else:
                    said.append(line)
        except (OSError, ValueError):
            pass
        with self._lock:
            self.ended.set()
            drained, self._draining = self._draining, False
            to = None if drained else self._to
        if drained:
            _SERVERS.forget(self)
        self.proc.wait()
        if to is not None:
            to.put((self, "".join(said), True))
        else:
            self._close_pipes()

    @property
    def alive(self) -> bool:
        """Whether the process can still be asked (its output has not ended)."""
        return not self.ended.is_set() and self.proc.poll() is None

    def close(self) -> None:
        """End the process (whatever it is doing) and reap it."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        if threading.current_thread() is not self._reader:
            self._reader.join(timeout=5)
        self._close_pipes()

    def _close_pipes(self) -> None:
        for pipe in (self.proc.stdin, self.proc.stdout):
            try:
                if pipe is not None:
                    pipe.close()
            except OSError:
                pass


class _Servers:
    """The idle z3 processes of this process (at most :attr:`KEPT`), handed out one per query.

    A forked child does not use its parent's processes (their pipes are shared with the
    parent): the pool remembers the pid that started them.
    """

    KEPT = 8

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: list[_Server] = []
        self._draining: set[_Server] = set()  # interrupted, not yet back (see _Server.interrupt)
        self._pid = os.getpid()

    def take(self, binary: str) -> _Server:
        with self._lock:
            if self._pid != os.getpid():
                self._idle, self._pid = [], os.getpid()
            while self._idle:
                server = self._idle.pop()
                if server.binary == binary and server.alive:
                    return server
                server.close()
        return _Server(binary)

    def draining(self, server: _Server) -> None:
        with self._lock:
            self._draining.add(server)

    def forget(self, server: _Server) -> None:
        with self._lock:
            self._draining.discard(server)

    def give_back(self, server: _Server) -> None:
        with self._lock:
            self._draining.discard(server)
            if self._pid == os.getpid() and len(self._idle) < self.KEPT and server.alive:
                self._idle.append(server)
                return
        server.close()

    def close(self) -> None:
        """End every idle or interrupted process (at exit, and for tests that count processes)."""
        with self._lock:
            mine = self._pid == os.getpid()
            idle = [*self._idle, *self._draining] if mine else []
            self._idle, self._draining = [], set()
        for server in idle:
            server.close()


_SERVERS = _Servers()
atexit.register(_SERVERS.close)


def close_solvers() -> None:
    """End the z3 processes kept between queries (they are also ended at exit)."""
    _SERVERS.close()


def _sexprs(text: str) -> list:
    """Parse s-expressions into nested lists of atoms (enough for z3's models)."""
    tokens = re.findall(r"\(|\)|[^\s()]+", text)
    stack: list[list] = [[]]
    for token in tokens:
        if token == "(":
            stack.append([])
        elif token == ")":
            if len(stack) > 1:
                done = stack.pop()
                stack[-1].append(done)
        else:
            stack[-1].append(token)
    return stack[0]


def parse_model(text: str) -> dict[str, Fraction]:
    """Values of the constants in a z3 ``(get-model)`` answer (integers and rationals)."""
    values: dict[str, Fraction] = {}

    def walk(node: object) -> None:
        if isinstance(node, list):
            if len(node) == 5 and node[0] == "define-fun" and node[2] == [] and node[3] in ("Int", "Real"):
                value = _number(node[4])
                if value is not None:
                    values[node[1]] = value
                return
            for child in node:
                walk(child)

    walk(_sexprs(text))
    return values


def _number(node: object) -> Fraction | None:
    if isinstance(node, str):
        try:
            return Fraction(node)
        except ValueError:
            return None
    if isinstance(node, list) and node and node[0] == "-" and len(node) == 2:
        inner = _number(node[1])
        return None if inner is None else -inner
    if isinstance(node, list) and node and node[0] == "/" and len(node) == 3:
        num, den = _number(node[1]), _number(node[2])
        return None if num is None or not den else num / den
    return None  # algebraic numbers (root-obj) are not decoded


def _solve_in_process(query: Query, timeout: float) -> SolverAnswer:
    import z3

    start = time.perf_counter()
    solver = z3.Solver() if query.variant.tactic is None else z3.Tactic(query.variant.tactic).solver()
    solver.set("timeout", max(1, int(timeout * 1000)))
    if query.variant.seed:
        solver.set("random_seed", query.variant.seed)
    solver.set("arith.solver", query.variant.arith_solver)
    solver.from_string(query.variant.preamble + query.text)
    answer = solver.check()
    seconds = time.perf_counter() - start
    if answer == z3.unsat:
        return SolverAnswer("unsat", seconds, encoding=query.variant.name)
    if answer == z3.sat and query.variant.abstract:
        return SolverAnswer("unknown", seconds, None, INCONCLUSIVE)
    if answer == z3.sat:
        return SolverAnswer("sat", seconds, parse_model(solver.model().sexpr()), encoding=query.variant.name)
    return SolverAnswer("unknown", seconds, None, solver.reason_unknown())
