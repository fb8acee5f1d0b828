"""The provers: ``z3-bounded``, ``z3-induction``, ``sympy`` (and re-checks by cvc5, Coq).

:func:`prove` runs the requested methods on the requested claims and returns a
:class:`~metricproofs.provers.results.ProveReport`; nothing here prints.
"""

from __future__ import annotations

import os
from typing import Callable, Sequence

from metricproofs.provers.results import DEFAULT_TIMEOUT, ClaimResult, MethodResult, ProveReport, combine

__all__ = ["prove", "prove_claim", "default_jobs", "ProveReport", "ClaimResult", "MethodResult", "combine", "DEFAULT_TIMEOUT"]



def _runners() -> dict[str, Callable[..., MethodResult | None]]:
    from metricproofs.provers import agreement, bounded, coq, cvc5, floating, induction, symbolic

    # The second catalogue's claims first (each returns None for a claim it does not decide):
    # IEEE-754 float64 claims (provers/floating.py), kappa and MCC for every k (provers/agreement.py).
    return {
        "z3-bounded": lambda claim, **kw: (floating.search_float64(claim, timeout=kw["timeout"])
                                           if floating.applies(claim) else bounded.prove_bounded(claim, **kw)),
        "z3-induction": lambda claim, **kw: (floating.prove_by_float_induction(claim, timeout=kw["timeout"])
                                             if floating.applies(claim) else
                                             agreement.prove_by_aggregates(claim, timeout=kw["timeout"])
                                             or induction.prove_by_induction(claim, timeout=kw["timeout"])),
        "sympy": lambda claim, **kw: _first_proof(agreement.prove_transpose_invariance(claim),
                                                  lambda: symbolic.prove_symbolically(claim)),
        "cvc5": lambda claim, **kw: (floating.recheck_with_cvc5(claim, timeout=kw["timeout"])
                                     if floating.applies(claim) else
                                     cvc5.recheck_with_cvc5(claim, timeout=kw["timeout"], max_classes=kw.get("max_classes"))),
        "coq": lambda claim, **kw: coq.check_with_coq(claim),
    }


def _first_proof(first: MethodResult | None, second: Callable[[], MethodResult | None]) -> MethodResult | None:
    """Two ways of one method: the first if it proved the claim, else the second's answer if it has
    one (e.g. micro P = R is a transpose identity only through the balance lemma, which the
    transpose check cannot see but the symbolic reduction uses), else the first's."""
    if first is not None and first.verdict == "proved":
        return first
    return second() or first


def prove_claim(claim_id: str, *, methods: Sequence[str] | None = None, max_classes: int | None = None,
                timeout: float = DEFAULT_TIMEOUT, progress: Callable[[str], None] = lambda _: None,
                width: int | None = None) -> ClaimResult:
    """Run the methods (default: the claim's own) on one claim.

    A method that does not apply to the claim (or whose tool is missing) is not listed.
    ``width``: solver processes z3-bounded's first rounds may keep busy (default: one per core).
    """
    from metricproofs.catalogue import get

    claim = get(claim_id)
    runners = _runners()
    if methods is None:
        chosen = list(claim.methods)
    else:
        chosen = [m for m in methods if m in claim.methods or m in ("cvc5", "coq")]
    result = ClaimResult(claim.id, claim.expected)
    for method in chosen:
        if method == "z3-bounded":
            outcome = runners[method](claim, max_classes=max_classes, timeout=timeout, progress=progress, width=width)
        else:
            progress(f"{claim.id}: {method}")
            outcome = runners[method](claim, max_classes=max_classes, timeout=timeout)
        if outcome is not None:  # None: the method does not apply to this claim, or its tool is absent
            result.methods.append(outcome)
        else:
            result.not_run.append(method)
    return result


def _prove_one(job: tuple[str, Sequence[str] | None, int | None, float, int]) -> ClaimResult:
    """One claim in a worker process (module level, so the pool can pickle it)."""
    claim_id, methods, max_classes, timeout, width = job
    return prove_claim(claim_id, methods=methods, max_classes=max_classes, timeout=timeout, width=width)


def default_jobs() -> int:
    """Claims proved at once: one per core, at most four (each may race several solver processes)."""
    return max(1, min(4, os.cpu_count() or 1))


def prove(ids: Sequence[str] | None = None, *, methods: Sequence[str] | None = None,
          max_classes: int | None = None, timeout: float = DEFAULT_TIMEOUT,
          progress: Callable[[str], None] = lambda _: None, jobs: int = 1) -> ProveReport:
    """Prove or refute the claims (default: the whole catalogue), in catalogue order.

    With ``jobs > 1`` the claims are proved by that many worker processes at once; each claim's
    result is the same as in a single process (the claims are independent), only sooner. Each
    worker's first rounds then race only as many solver processes as its share of the cores
    (z3-bounded's ``width``): on two cores, two claims at once with two or three z3 processes each
    kept six processes on two cores, and a race's losers cost as much time as its winner.
    """
    from metricproofs.catalogue import get, ids as all_ids

    chosen = list(all_ids() if not ids else ids)
    for claim_id in chosen:
        get(claim_id)  # unknown ids fail before any work starts
    if jobs > 1 and len(chosen) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        workers = min(jobs, len(chosen))
        width = max(1, (os.cpu_count() or 1) // workers)
        work = [(cid, methods, max_classes, timeout, width) for cid in chosen]
        with ProcessPoolExecutor(max_workers=workers,
                                 mp_context=multiprocessing.get_context("spawn")) as pool:
            results = []
            for result in pool.map(_prove_one, work):
                progress(f"{result.id}: done")
                results.append(result)
        return ProveReport(results)
    return ProveReport([prove_claim(cid, methods=methods, max_classes=max_classes, timeout=timeout,
                                    progress=progress) for cid in chosen])
