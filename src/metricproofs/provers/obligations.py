"""The obligation plan of a claim at a class count k: the queries and the answers they must get.

For a claim that holds: the hypotheses are satisfiable (nothing is vacuous), no
denominator can vanish, the lemmas hold under the claim's hypotheses, and the negation is
unsat. For a claim that fails: the first satisfiable negation, k upwards and small sample
bounds first, so a model is a minimal dataset. The certificates and the cvc5 re-check read
the plan from here.
"""

from __future__ import annotations

import dataclasses

import sympy

from metricproofs.catalogue import Claim, Formula, get
from metricproofs.provers.bounded import SMALL_BOUNDS, class_range, sample_bound
from metricproofs.provers.smt import VARIANTS, Query, Variant, encode, solve

__all__ = ["EXPORT_VARIANT", "EXPORT_CLASSES", "EXPORT_MAX_CLASSES", "SEARCH_TIMEOUT", "export_variant",
           "export_classes", "lemma_facts", "holds_queries", "smallest_model"]

#: The encoding written to the files: plain SMT-LIB2 without solver options, which both
#: z3 and cvc5 read; ratios compared by cross-multiplying under the recorded guards.
EXPORT_VARIANT = "cross-multiplied"
#: Class counts exported for each claim: these, the claim's smallest and the top of its
#: z3-bounded range, each within that range and at most EXPORT_MAX_CLASSES.
EXPORT_CLASSES = (2, 3)
EXPORT_MAX_CLASSES = 5
SEARCH_TIMEOUT = 30.0  # z3, per query, when looking for the smallest model of a failing claim


def export_variant() -> Variant:
    """The encoding of the certificates and the cvc5 re-check: plain SMT-LIB2 both solvers read."""
    return next(v for v in VARIANTS if v.name == EXPORT_VARIANT)


def export_classes(claim: Claim) -> list[int]:
    """The class counts exported for a claim that holds."""
    ks = class_range(claim, None)
    top = min(ks.stop - 1, EXPORT_MAX_CLASSES)
    return sorted({k for k in (ks.start, *EXPORT_CLASSES, top) if ks.start <= k <= top})


def lemma_facts(claim: Claim) -> tuple:
    """The conclusions of the claim's lemmas, to be asserted as facts."""
    return tuple(get(lemma).formula().conclusion for lemma in claim.lemmas)


def holds_queries(claim: Claim, formula: Formula, k: int) -> list[tuple[str, str, Query]]:
    """(goal, expected status, query) for a claim that holds, at k."""
    variant = export_variant()
    out: list[tuple[str, str, Query]] = [("hypotheses", "sat", encode(formula, k, "hypotheses", variant=variant))]
    defined = encode(formula, k, "definedness", variant=variant)
    if not defined.trivial:
        out.append(("definedness", "unsat", defined))
    facts = lemma_facts(claim)
    if facts:
        in_context = dataclasses.replace(formula, conclusion=sympy.And(*facts))
        out.append(("lemmas", "unsat", encode(in_context, k, "negation", variant=variant)))
    out.append(("negation", "unsat", encode(formula, k, "negation", lemmas=facts, variant=variant)))
    return out


def smallest_model(claim: Claim, timeout: float = SEARCH_TIMEOUT) -> tuple[int, int | None, Query] | None:
    """(k, sample bound, query) of the first sat negation of a failing claim, searched by z3
    as z3-bounded does (k upwards, small sample bounds first); None if z3 finds none."""
    formula = claim.formula()
    variant = export_variant()
    for k in class_range(claim, None):
        declared = encode(formula, k, "negation", variant=variant).declared
        for bound in (*SMALL_BOUNDS, None):
            extra = () if bound is None else sample_bound(declared, bound)
            if bound is not None and not extra:
                continue
            query = encode(formula, k, "negation", extra, variant=variant)
            answer = solve([query], timeout)
            if answer.status == "sat":
                return k, bound, query
            if answer.status == "unknown" and bound is None:
                return None
    return None
