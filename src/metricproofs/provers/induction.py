"""Method ``z3-induction``: fp-fn-balance and its micro corollaries for every k and every n.

Summary
    The bounded method fixes k. Here k is a symbol. The proof has three parts, each
    derived from the definitions in :mod:`metricproofs.definitions`, each step
    discharged by z3 or by sympy, and the induction schema itself stated in ``SCHEMA``.

    1. Additivity (sympy). Each aggregate A in {sum TP, sum FP, sum FN, N} of
       :func:`~metricproofs.definitions.confusion_counts` is checked to be a linear form
       in the entries of C with no constant term, so A(C + D) = A(C) + A(D) and A(0) = 0.
       Its value on one sample (t, p) with weight w, i.e. on the matrix w e_{t,p}, is
       computed by sympy from the generic-k definition (a Piecewise in t, p, k, w).
    2. Induction over samples (z3). Base: the empty dataset has C = 0, every aggregate
       is 0 and the balance holds. Step: for symbolic k >= 1, any 0 <= t, p < k (the
       single-label hypothesis) and any weight w >= 0, if sum FP = sum FN = N - trace
       before the sample, then also after it. The query has symbolic k: it covers every
       class count at once.
    3. Corollaries (z3). Each micro metric of the claim is, syntactically, a function of
       the aggregates only (checked: after replacing them by fresh variables no entry of
       C is left). With the balance as a hypothesis on those variables, z3 proves the
       corollary; the query has no k at all.
"""

from __future__ import annotations

import time
from typing import Callable

import sympy

from metricproofs import definitions as d
from metricproofs.catalogue import CATALOGUE, Claim, CountsOf, Formula, Hypothesis, get
from metricproofs.evaluation import VarSpec
from metricproofs.provers.obligations import Obligation
from metricproofs.provers.induction_classes import SCHEMA as CLASSES_SCHEMA
from metricproofs.provers.induction_classes import (P_, SUPERADDITIVE_SCHEMA, T_, discharge, is_linear_form,
                                                    one_sample_value, prove_over_classes)
from metricproofs.provers.results import MethodResult

__all__ = ["SCHEMA", "prove_by_induction", "schema_text", "induction_obligations", "corollary_formula", "Obligation"]

METHOD = "z3-induction"
WRITTEN = "flat-cross-multiplied"  #: the encoding of the obligations (k-free, small: no portfolio needed)

SCHEMA = (
    "Induction schema (applied by hand, stated here): for a property Q of datasets, if Q holds for the "
    "empty dataset and Q(D) implies Q(D + one sample (t, p, w)) for every 0 <= t, p < k and w >= 0, "
    "then Q holds for every finite dataset; every confusion matrix with non-negative entries is the "
    "matrix of some dataset. Q is 'sum FP = sum FN = N - trace(C)'. The step is checked by z3 with k "
    "symbolic; the per-sample change of each aggregate is derived by sympy from the generic-k "
    "definitions (each aggregate is a linear form in C, so it changes by its value on w e_{t,p}). "
    "Corollaries use only the aggregates, so they follow for every k from the balance."
)

AGG = {name: sympy.Symbol(f"{name}_sum", nonnegative=True) for name in ("TP", "FP", "FN", "N")}
NEW = {name: sympy.Symbol(f"{name}_next", nonnegative=True) for name in ("TP", "FP", "FN", "N")}



def _aggregates(counts: d.Counts) -> dict[str, sympy.Expr]:
    return {"TP": d.micro_tp(counts), "FP": d.micro_fp(counts), "FN": d.micro_fn(counts), "N": d.total(counts)}


def _invariant(claim: Claim, counts_of: CountsOf) -> tuple[Claim, sympy.Basic | None]:
    """Q of the induction over samples: the conclusion of the claim's lemma (or of the claim
    itself, when it has none) over the aggregates; None when it is not a function of them."""
    base = get(claim.induction.lemmas[0]) if claim.induction.lemmas else claim
    q = _abstract(base.formula(counts_of).conclusion, counts_of(d.C))
    return base, (None if q.has(d.C) else q)


def _step_formula(claim: Claim, counts_of: CountsOf, weights_real: bool) -> tuple[Formula | None, str]:
    counts = counts_of(d.C)
    aggregates = _aggregates(counts)
    base, invariant = _invariant(claim, counts_of)
    if invariant is None:
        return None, f"the conclusion of {base.id} is not a function of sum TP, sum FP, sum FN and N"
    for name, expr in aggregates.items():
        if not is_linear_form(expr, d.C):
            return None, f"sum {name} is not a linear form in C; additivity does not apply"
        if expr.replace(lambda x: isinstance(x, sympy.Indexed) and x.base == d.C, lambda x: sympy.Integer(0)).doit() != 0:
            return None, f"sum {name} is not 0 on the empty dataset"
    deltas = {name: one_sample_value(expr) for name, expr in aggregates.items()}
    hypotheses = (
        Hypothesis("single-label", "the new sample's labels are in 0..k-1",
                   sympy.And(sympy.Ge(d.k, 1), sympy.Ge(T_, 0), sympy.Lt(T_, d.k), sympy.Ge(P_, 0), sympy.Lt(P_, d.k))),
        Hypothesis("induction-hypothesis", "sum FP = sum FN = N - trace before the sample", invariant),
        Hypothesis("update", "each aggregate grows by its value on w e_{t,p} (additivity)",
                   sympy.And(*[sympy.Eq(NEW[name], AGG[name] + deltas[name]) for name in aggregates])),
    )
    number = VarSpec("Real" if weights_real else "Int", lower="0.0" if weights_real else "0")
    domains = {**{s.name: number for s in (*AGG.values(), *NEW.values())}, "w": number,
               "t": VarSpec("Int", lower=None), "p": VarSpec("Int", lower=None), "k": VarSpec("Int", lower="1")}
    return Formula(hypotheses, invariant.xreplace({AGG[name]: NEW[name] for name in AGG}), domains), ""


def _abstract(expr: sympy.Basic, counts: d.Counts) -> sympy.Basic:
    aggregates = _aggregates(counts)
    return expr.xreplace({aggregates[name]: AGG[name] for name in aggregates})


def corollary_formula(claim: Claim, counts_of: CountsOf) -> tuple[Formula | None, str]:
    formula = claim.formula(counts_of)
    counts = counts_of(d.C)
    swapped = counts_of(lambda row, col: d.C[col, row])
    conclusion = _abstract(formula.conclusion, counts)
    # the transpose's aggregates are the original ones with FP and FN exchanged
    swap = _aggregates(swapped)
    conclusion = conclusion.xreplace({swap["TP"]: AGG["TP"], swap["FP"]: AGG["FN"], swap["FN"]: AGG["FP"],
                                      swap["N"]: AGG["N"]})
    hypotheses = tuple(Hypothesis(h.name, h.statement, _abstract(h.formula, counts)) for h in formula.hypotheses)
    if any(obj.has(d.C) for obj in (conclusion, *[h.formula for h in hypotheses])):
        return None, "the statement is not a function of the aggregates alone"
    base, invariant = _invariant(claim, counts_of)
    if invariant is None:
        return None, f"the conclusion of {base.id} is not a function of the aggregates alone"
    lemma = Hypothesis(base.id, "proved above for every k", invariant)
    domains = {s.name: VarSpec("Real", lower="0.0") for s in AGG.values()}
    domains.update({name: spec for name, spec in formula.domains.items() if name != "C"})
    return Formula(hypotheses + (lemma,), conclusion, domains), ""


def induction_obligations(counts_of: CountsOf = d.confusion_counts) -> list[Obligation]:
    """Every obligation of the induction proofs, as SMT-LIB2 scripts (for export)."""
    obligations = []
    over_samples = [claim for claim in CATALOGUE if claim.induction is not None and claim.induction.over == "samples"]
    for weights_real in (False, True):
        step, _ = _step_formula(over_samples[0], counts_of, weights_real)
        if step is not None:
            tag = "real-weights" if weights_real else "unit-weights"
            obligations.append(Obligation(f"fp-fn-balance-step-{tag}", 1, "unsat", step, "negation", written=WRITTEN))
            obligations.append(Obligation(f"fp-fn-balance-step-{tag}-hypotheses", 1, "sat", step, "hypotheses",
                                          written=WRITTEN))
    for claim in over_samples:
        corollary, _ = corollary_formula(claim, counts_of) if claim.induction.lemmas else (None, "")
        if corollary is not None:
            obligations.append(Obligation(f"{claim.id}-from-balance", 1, "unsat", corollary, "negation", written=WRITTEN))
    return obligations


def prove_by_induction(claim: Claim, *, timeout: float = 60.0,
                       counts_of: CountsOf = d.confusion_counts) -> MethodResult | None:
    """Run ``z3-induction`` on one claim with the scheme its catalogue entry names
    (:class:`~metricproofs.catalogue.Induction`); None when the claim names none."""
    if claim.induction is None:
        return None
    if claim.induction.over == "classes":
        return _over_classes(claim, timeout, counts_of)
    start = time.perf_counter()
    # real sample weights: the step adds a sample of any real weight w >= 0
    weights_real = claim.formula(counts_of).domains["C"].sort == "Real"
    steps: list[tuple[str, Callable[[], tuple[Formula | None, str]]]] = [
        ("induction step (one more sample)", lambda: _step_formula(claim, counts_of, weights_real))]
    if claim.induction.lemmas:
        steps.append(("corollary from the balance", lambda: corollary_formula(claim, counts_of)))
    details = ["base: every aggregate is a linear form in C with value 0 at C = 0 (sympy)"]
    for what, build in steps:
        formula, why = build()
        if formula is None:
            return MethodResult(METHOD, "error", time.perf_counter() - start, None, f"{what}: {why}")
        verdict, detail = discharge(formula, timeout, what)
        details.append(detail)
        if verdict != "proved":
            # A model of a step's negation is not a dataset: report it as the step failing.
            return MethodResult(METHOD, "error" if verdict == "refuted" else verdict,
                                time.perf_counter() - start, None, "; ".join(details))
    details.append(f"schema: {SCHEMA}")
    return MethodResult(METHOD, "proved", time.perf_counter() - start, None, "; ".join(details), scope="every k")


_PROVED_LEMMAS: dict[tuple[str, CountsOf], MethodResult] = {}  # a lemma is proved once per process


def _over_classes(claim: Claim, timeout: float, counts_of: CountsOf) -> MethodResult:
    """The induction over classes, after its lemmas are proved for every k by their own induction."""
    lemmas = [get(lemma_id) for lemma_id in claim.induction.lemmas]
    for lemma in lemmas:
        key = (lemma.id, counts_of)
        result = _PROVED_LEMMAS.get(key) or prove_by_induction(lemma, timeout=timeout, counts_of=counts_of)
        if result is None or result.verdict != "proved":
            detail = result.detail if result is not None else "it names no induction"
            return MethodResult(METHOD, "error" if result is None else result.verdict, 0.0, None,
                                f"lemma {lemma.id} is not proved for every k: {detail}")
        _PROVED_LEMMAS[key] = result
    return prove_over_classes(claim, timeout=timeout, counts_of=counts_of, lemma_claims=lemmas)


def schema_text(claim: Claim) -> str:
    """The induction schema that proves the claim for every k, in words ('' when none does)."""
    if claim.induction is None:
        return ""
    if claim.induction.over == "samples":
        return SCHEMA
    return CLASSES_SCHEMA + (SUPERADDITIVE_SCHEMA if claim.induction.step == "superadditive" else "")
