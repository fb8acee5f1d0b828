"""Method ``sympy``: the identity as algebra, given the balance of false positives and negatives.

The claim's conclusion is rewritten over the aggregates (sum TP, sum FP, sum FN, N), as
in the induction method's corollary step; then sum FP and sum FN are replaced by
N - sum TP (fp-fn-balance) and each side's difference must *simplify to 0*. Zero
denominators are not this method's business: each ratio is taken on its defined
branch, and the detail says so (definedness under the hypotheses is what the z3
methods check). For per-label identities over free counts (the two forms of F-beta)
no balance is needed.
"""

from __future__ import annotations

import time

import sympy

from metricproofs import definitions as d
from metricproofs.catalogue import Claim
from metricproofs.provers.induction import AGG, corollary_formula
from metricproofs.provers.induction_classes import defined_branch
from metricproofs.provers.results import MethodResult

__all__ = ["prove_symbolically", "defined_branch"]

METHOD = "sympy"


def _equations(conclusion: sympy.Basic) -> list[sympy.Eq] | None:
    parts = conclusion.args if isinstance(conclusion, sympy.And) else (conclusion,)
    if not all(isinstance(part, sympy.Eq) for part in parts):
        return None
    return list(parts)


def prove_symbolically(claim: Claim) -> MethodResult | None:
    """Run the ``sympy`` method on one claim; None when it does not apply."""
    if METHOD not in claim.methods:
        return None
    start = time.perf_counter()
    if claim.formula().encoding == "free-counts":
        conclusion, balance, note = claim.formula().conclusion, {}, "no balance needed (per-label identity)"
    else:
        corollary, why = corollary_formula(claim, d.confusion_counts)
        if corollary is None:
            return MethodResult(METHOD, "error", time.perf_counter() - start, None, why)
        conclusion = corollary.conclusion
        balance = {AGG["FP"]: AGG["N"] - AGG["TP"], AGG["FN"]: AGG["N"] - AGG["TP"]}
        note = "after sum FP = sum FN = N - sum TP (fp-fn-balance)"
    equations = _equations(conclusion)
    if equations is None:
        return None
    residues = []
    for equation in equations:
        difference = defined_branch(equation.lhs - equation.rhs).xreplace(balance)
        residues.append(sympy.simplify(sympy.together(difference)))
    seconds = time.perf_counter() - start
    if all(residue == 0 for residue in residues):
        return MethodResult(METHOD, "proved", seconds, None,
                            f"every side difference simplifies to 0 {note}, for symbolic counts"
                            f"{' and beta' if conclusion.has(d.beta) else ''}, wherever the ratios are defined",
                            scope="every k")
    shown = "; ".join(str(r) for r in residues if r != 0)
    return MethodResult(METHOD, "unknown", seconds, None, f"did not simplify to 0: {shown}")
