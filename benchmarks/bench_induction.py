"""Time of ``z3-induction`` on every claim that names an induction (issue 15: every k, and fast).

For each claim of the catalogue with a ``Claim.induction``, one fresh run of the method, with
its wall time, the CPU time of this process (sympy: abstraction, candidate relations, small
exact examples) and the CPU time of the z3 processes it started. On a shared machine the wall
time also counts other processes; the CPU figures do not. The lemma (fp-fn-balance, induction
over samples) is proved first and reused by the claims that cite it, as in a ``prove`` run.

Usage: ``python benchmarks/bench_induction.py``.
"""

from __future__ import annotations

import resource
import time


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    from metricproofs.catalogue import CATALOGUE
    from metricproofs.provers.induction import prove_by_induction

    claims = [claim for claim in CATALOGUE if claim.induction is not None]
    print(f"{'claim':58s} {'over':8s} {'verdict':8s} {'wall':>7s} {'python':>7s} {'z3':>7s}")
    totals = [0.0, 0.0, 0.0]
    for claim in claims:
        wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
        result = prove_by_induction(claim, timeout=20)
        figures = (time.perf_counter() - wall, time.process_time() - cpu, _children_cpu() - children)
        totals = [a + b for a, b in zip(totals, figures)]
        print(f"{claim.id:58s} {claim.induction.over:8s} {result.verdict:8s} "
              + " ".join(f"{x:6.2f}s" for x in figures))
    print(f"{'total':58s} {'':8s} {'':8s} " + " ".join(f"{x:6.2f}s" for x in totals))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
