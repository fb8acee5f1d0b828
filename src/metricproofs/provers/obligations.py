"""The obligation plan of a claim at a class count k: the queries and the answers they must get.

Summary
    One plan, read by every solver and by the exporter:

    - a claim that holds, at k (:func:`holds_plan`): the hypotheses are satisfiable
      (nothing is vacuous), the lemmas hold under the claim's hypotheses, no denominator can
      vanish, and the negation is unsat (the last two with the lemmas as facts);
    - a claim that fails (:func:`search_plan`, :func:`smallest_model`): the negation at k,
      small sample bounds first, so the first satisfiable one is a minimal dataset.

    An :class:`Obligation` says *what* must be asked and which answer discharges it; it
    is the one type for "a query and its expected status". *How* it is written is the
    caller's choice among the equisatisfiable encodings of :data:`~metricproofs.provers.smt.VARIANTS`:
    ``z3-bounded`` races several of them (:data:`~metricproofs.provers.bounded.RACED`), while the
    certificates and the cvc5 re-check use the one encoding each obligation names as
    ``written`` (plain SMT-LIB2 that both solvers read).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Literal, Sequence

import sympy

from metricproofs.catalogue import Claim, CountsOf, Formula, Hypothesis, get
from metricproofs import definitions as d
from metricproofs.definitions import confusion_counts
from metricproofs.provers.smt import CVC5_ENCODINGS, VARIANTS, Goal, Query, Variant, encode, solve

__all__ = ["Obligation", "FACT_CHECKS", "EXPORT_VARIANT", "SEARCH_VARIANT", "EXPORT_CLASSES", "EXPORT_MAX_CLASSES", "SEARCH_TIMEOUT",
           "SMALL_BOUNDS", "variant", "class_range", "relax_counts", "sample_bound", "export_classes",
           "lemma_facts", "fact_premises", "fact_instances", "lemma_parts", "formula_plan", "holds_plan", "search_plan", "smallest_model"]

#: The encodings written to the files and re-checked by cvc5: plain SMT-LIB2 without solver
#: options, which both solvers read, ratios compared by cross-multiplying under the recorded
#: guards. A claim that holds flattens nested ratios first (one polynomial, no division left
#: in the comparison: cvc5 stalled on acc / (2 - acc) and on means of ratios); the search
#: for a failing claim's model keeps them (z3 finds small integer models faster so).
EXPORT_VARIANT = "flat-cross-multiplied"
SEARCH_VARIANT = "cross-multiplied"
#: Class counts exported for each claim: these, the claim's smallest and the top of its
#: z3-bounded range, each within that range and at most the claim's export_max_classes and EXPORT_MAX_CLASSES.
EXPORT_CLASSES = (2, 3)
EXPORT_MAX_CLASSES = 5
SEARCH_TIMEOUT = 30.0  # z3, per query, when looking for the smallest model of a failing claim
SMALL_BOUNDS = (2, 3, 4, 6, 8, 12)  # sample-count bounds tried first, so counterexamples are small

Status = Literal["sat", "unsat"]

#: The obligations of :func:`holds_plan` that check the lemmas' facts (their divisions, then
#: the facts themselves); the definedness query and the negation may assume the facts only
#: once every one of these is unsat.
FACT_CHECKS = ("lemmas-definedness", "lemmas")


def variant(name: str) -> Variant:
    """The encoding called ``name`` in :data:`~metricproofs.provers.smt.VARIANTS` or
    :data:`~metricproofs.provers.smt.CVC5_ENCODINGS`."""
    return next(v for v in (*VARIANTS, *CVC5_ENCODINGS) if v.name == name)


@dataclass(frozen=True, eq=False)
class Obligation:
    """One question for a solver and the answer that discharges it.

    ``name`` is what the question establishes (``hypotheses``, ``definedness``, ``lemmas``,
    ``negation``, or an induction step's name); ``goal`` is the query of
    :func:`~metricproofs.provers.smt.encode` that asks it. ``written`` names the encoding
    of the files and of the cvc5 re-check; a runner may ask any other variant instead,
    since all are equisatisfiable.
    """

    name: str
    k: int
    expected: Status
    formula: Formula
    goal: Goal
    extra: tuple[str, ...] = ()  # more assertions (a sample bound)
    facts: tuple[sympy.Basic, ...] = ()  # lemmas' conclusions asserted as facts
    bound: int | None = None  # at most this many samples (a counterexample search step)
    written: str = EXPORT_VARIANT
    #: (fact, instance), both from 1, when this is one instance of the lemmas' facts (:func:`lemma_parts`)
    part: tuple[int, int] | None = None
    _queries: dict[str, Query] = field(default_factory=dict, repr=False)

    def query(self, encoding: Variant | None = None) -> Query:
        """The query in ``encoding`` (default: the written one), encoded once."""
        chosen = encoding or variant(self.written)
        found = self._queries.get(chosen.name)
        if found is None:  # the same text, asked another way (a seed, a tactic): not written again
            same = next((q for q in self._queries.values() if q.variant.text_key == chosen.text_key), None)
            if same is not None:
                found = self._queries[chosen.name] = dataclasses.replace(same, variant=chosen)
        if found is None:
            found = self._queries[chosen.name] = encode(self.formula, self.k, self.goal, self.extra,
                                                        self.facts, chosen)
        return found

    def queries(self, encodings: Sequence[Variant]) -> list[Query]:
        """The query in each of ``encodings`` (a runner's portfolio)."""
        return [self.query(v) for v in encodings]

    def script(self, header: str = "") -> str:
        """The written encoding as a full script declaring the expected status."""
        return self.query().script(self.expected, header)

    def without_facts(self) -> Obligation:
        """The same question without the lemmas' facts (when a lemma was not re-proved)."""
        return dataclasses.replace(self, facts=(), _queries={})


def class_range(claim: Claim, max_classes: int | None) -> range:
    """The class counts the bounded method checks."""
    if claim.only_classes is not None:
        return range(claim.only_classes, claim.only_classes + 1)
    top = claim.max_classes if max_classes is None else max_classes
    return range(claim.min_classes, max(top, claim.min_classes) + 1)


def relax_counts(formula: Formula) -> Formula:
    """Let unbounded integer counts range over the non-negative reals.

    A statement proved for every non-negative real matrix holds in particular for every
    integer one (and covers sample weights too); nonlinear real arithmetic is decidable
    and z3 is far faster on it than on mixed integer/real problems. 0/1 indicators stay
    integers. Counterexample searches keep integer counts, so datasets stay unweighted.
    """
    domains = {name: (dataclasses.replace(spec, sort="Real", lower="0.0") if spec.sort == "Int"
                      and spec.upper is None and spec.lower == "0" else spec)
               for name, spec in formula.domains.items()}
    return dataclasses.replace(formula, domains=domains)


def sample_bound(declared: dict, bound: int) -> tuple[str, ...]:
    """At most ``bound`` samples: the unbounded counts add up to at most ``bound``."""
    counts = [name for name, spec in declared.items() if spec.sort == "Int" and spec.upper is None]
    if not counts:
        return ()
    total = counts[0] if len(counts) == 1 else f"(+ {' '.join(counts)})"
    return (f"(assert (<= {total} {bound}))",)


def export_classes(claim: Claim) -> list[int]:
    """The class counts exported for a claim that holds."""
    ks = class_range(claim, None)
    top = min(ks.stop - 1, claim.export_max_classes, EXPORT_MAX_CLASSES)
    return sorted({k for k in (ks.start, *EXPORT_CLASSES, top) if ks.start <= k <= top})


def lemma_facts(claim: Claim, counts_of: CountsOf = confusion_counts) -> tuple[sympy.Basic, ...]:
    """The conclusions of the claim's lemmas and its proof steps, to be asserted as facts
    (each proved first under the claim's hypotheses, in the ``lemmas`` query)."""
    return (*(get(lemma).formula(counts_of).conclusion for lemma in claim.lemmas),
            *(step.formula for step in claim.proof_steps(counts_of)))


def fact_instances(fact: sympy.Basic, k: int) -> list[sympy.Basic]:
    """A fact at ``k`` as the statements it conjoins: a conjunction's parts, and a bounded
    "for every index" over its instances (each index a number), so each can be proved alone."""
    if isinstance(fact, sympy.And):
        return [part for arg in fact.args for part in fact_instances(arg, k)]
    if isinstance(fact, d.ForAll):
        var, lo, hi = fact.limits
        first, last = (sympy.sympify(bound).subs(d.k, k) for bound in (lo, hi))
        if not (first.is_Integer and last.is_Integer):
            return [fact]  # a range that k alone does not fix is asked whole
        first, last = int(first), int(last)
        # each instance a one-index range: the evaluator binds the index as it binds any (sympy's
        # subs into the sums below it is not needed, and rewrote them)
        return [d.ForAll(fact.condition, (var, j, j)) for j in range(first, last + 1)]
    return [fact]


def fact_premises(claim: Claim, hypotheses: tuple[Hypothesis, ...], counts_of: CountsOf = confusion_counts,
                  ) -> list[tuple[sympy.Basic, tuple[Hypothesis, ...], tuple[sympy.Basic, ...], bool]]:
    """Each fact of :func:`lemma_facts`, in that order, with what the query that proves it
    assumes: the claim's ``hypotheses`` (a lemma's conclusion and a step without ``uses``: all
    of them) and the earlier steps a step names in ``uses`` (asserted as facts there; they are
    proved before it, and the facts are used only if every one is); and whether it is asked
    one instance at a time (``Hypothesis.split``)."""
    known = {h.name: h for h in hypotheses}
    premises = [(get(lemma).formula(counts_of).conclusion, hypotheses, (), True) for lemma in claim.lemmas]
    earlier: dict[str, sympy.Basic] = {}
    for step in claim.proof_steps(counts_of):
        if step.uses is None:
            premises.append((step.formula, hypotheses, (), step.split))
        else:
            unknown = [name for name in step.uses if name not in known and name not in earlier]
            if unknown:
                raise ValueError(f"step {step.name!r} of {claim.id!r} uses {', '.join(unknown)}: neither a "
                                 f"hypothesis of the claim nor an earlier step")
            premises.append((step.formula, tuple(h for h in hypotheses if h.name in step.uses),
                             tuple(earlier[name] for name in step.uses if name in earlier), step.split))
        earlier[step.name] = step.formula
    return premises


def lemma_parts(lemmas: Obligation, claim: Claim, counts_of: CountsOf = confusion_counts) -> list[Obligation]:
    """The ``lemmas`` obligation as one obligation per fact instance (:func:`fact_instances`),
    each under what its fact's proof assumes (:func:`fact_premises`): the conjunction holds
    exactly when every part does, and a part is a small query where the whole was one solver
    could not decide (F1 of averages at k = 7: the 14 instances of its steps in 0.03-0.3 s
    each, unknown at 20 s together). Parts are numbered (fact, instance), both from 1, facts
    in the order of :func:`lemma_facts`."""
    hypotheses = lemmas.formula.hypotheses
    premises = fact_premises(claim, hypotheses, counts_of)
    if sympy.And(*(fact for fact, _, _, _ in premises)) != lemmas.formula.conclusion:
        raise ValueError(f"the lemmas obligation of {claim.id!r} is not the conjunction of its facts")
    parts = [((fact_no, instance_no), instance, assumed, earlier)
             for fact_no, (fact, assumed, earlier, split) in enumerate(premises, start=1)
             for instance_no, instance in enumerate(fact_instances(fact, lemmas.k) if split else [fact], start=1)]
    if len(parts) == 1 and parts[0][2] == hypotheses and not parts[0][3]:
        return [lemmas]
    return [dataclasses.replace(lemmas, formula=dataclasses.replace(lemmas.formula, hypotheses=assumed,
                                                                    conclusion=instance),
                                facts=earlier, part=part, _queries={})
            for part, instance, assumed, earlier in parts]


def formula_plan(formula: Formula, k: int, facts: tuple[sympy.Basic, ...] = (),
                 written: str = EXPORT_VARIANT) -> list[Obligation]:
    """Hypotheses sat, every division defined (omitted when there is none), negation unsat."""
    plan = [Obligation("hypotheses", k, "sat", formula, "hypotheses", written=written)]
    defined = Obligation("definedness", k, "unsat", formula, "definedness", written=written)
    if not defined.query(VARIANTS[0]).trivial:  # the same in every encoding; VARIANTS[0] is what z3-bounded walks first
        plan.append(defined)
    plan.append(Obligation("negation", k, "unsat", formula, "negation", facts=facts, written=written))
    return plan


def holds_plan(claim: Claim, formula: Formula, k: int, counts_of: CountsOf = confusion_counts) -> list[Obligation]:
    """The obligations of a claim that holds, at k, in the order they are asked.

    The lemmas' conclusions are first proved under this claim's own hypotheses and domains
    (so a lemma proved over integers is never used for real weights), then asserted as
    facts in the definedness query and the negation; where they divide, the hypotheses are
    first shown to keep every one of their denominators non-zero (``lemmas-definedness``).
    A runner that could not prove the facts asks both without them.
    """
    facts = lemma_facts(claim, counts_of)
    hypotheses, *defined, negation = formula_plan(formula, k, facts)
    if not facts:
        return [hypotheses, *defined, negation]
    in_context = dataclasses.replace(formula, conclusion=sympy.And(*facts))
    # the lemmas query and the negation assert the facts' own division guards (the encoding
    # asserts every guard it meets), so the hypotheses must imply them: checked, not assumed
    guarded = Obligation("lemmas-definedness", k, "unsat", in_context, "definedness")
    checks = [guarded] if not guarded.query(VARIANTS[0]).trivial else []
    checks.append(Obligation("lemmas", k, "unsat", in_context, "negation"))
    # once the hypotheses are shown to imply the facts (the two queries above), the claim's own
    # divisions may be shown defined with the facts assumed (MCC's root: the spreads are >= 0)
    defined = [dataclasses.replace(obligation, facts=facts, _queries={}) for obligation in defined]
    return [hypotheses, *checks, *defined, negation]


def search_plan(formula: Formula, k: int, facts: tuple[sympy.Basic, ...] = ()) -> list[Obligation]:
    """The negation of a failing claim at k, small sample bounds first, then unbounded.

    Each is sought sat; an unsat answer only means no model within that bound at this k.
    """
    unbounded = Obligation("negation", k, "sat", formula, "negation", facts=facts, written=SEARCH_VARIANT)
    declared = unbounded.query().declared
    plan = []
    for bound in SMALL_BOUNDS:
        extra = sample_bound(declared, bound)
        if extra:
            plan.append(Obligation("negation", k, "sat", formula, "negation", extra, facts, bound, SEARCH_VARIANT))
    return plan + [unbounded]


def smallest_model(claim: Claim, timeout: float = SEARCH_TIMEOUT) -> Obligation | None:
    """The first sat negation of a failing claim, in the written encoding (its ``k`` and
    ``bound`` say where), searched as z3-bounded does; None if z3 finds none."""
    formula = claim.formula()
    for k in class_range(claim, None):
        for step in search_plan(formula, k):
            answer = solve([step.query()], timeout)
            if answer.status == "sat":
                return step
            if answer.status in ("unknown", "error") and step.bound is None:
                return None
    return None
