"""Reference metrics vs scikit-learn vs the numpy floor vs one read of the inputs.

For n in {10^5, 10^6, 10^7} and k in {2, 100, 1000}: ``precision_recall_fscore_support``
(micro and macro), ``accuracy_score`` and ``confusion_matrix``. Every figure is the median
of several runs in this process; ratios compare figures of the same run. Peak extra
memory is measured with tracemalloc (numpy reports its allocations to it) on one extra
call that also serves as warm-up.

Baselines
    floor  one ``np.bincount(t*k + p, minlength=k*k)`` plus the per-label arithmetic
           (precision, recall, F1 per label and their means); for ``accuracy_score`` the
           floor is one ``np.count_nonzero(t == p)``.
    read   ``np.add.reduce(t); np.add.reduce(p)``: every input byte read once.

``--goal`` measures only n = 10^7, k = 100 (the goals' size), adding a macro row with integer
sample weights (the exact int64 path) and one with float weights.

Usage: ``python benchmarks/bench_reference.py [--quick | --goal]``.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
import warnings
from typing import Callable

import numpy as np

from metricproofs import reference as ref

MiB = 1 << 20
GOAL_N, GOAL_K = 10**7, 100


def labels(n: int, k: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """int64 labels in 0..k-1, about 70% correct predictions (every label occurs)."""
    rng = np.random.default_rng(seed)
    t = rng.integers(0, k, n)
    p = np.where(rng.random(n) < 0.7, t, rng.integers(0, k, n))
    return t, p


def floor_prf(t: np.ndarray, p: np.ndarray, k: int) -> tuple[float, float, float]:
    """The numpy floor: one joint bincount, then per-label P, R, F1 and their means."""
    cm = np.bincount(t * k + p, minlength=k * k).reshape(k, k)
    tp, pred, true = np.diagonal(cm), cm.sum(axis=0), cm.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        prec, rec = tp / pred, tp / true
        f1 = 2 * tp / (pred + true)
    return float(np.nanmean(prec)), float(np.nanmean(rec)), float(np.nanmean(f1))


def floor_cm(t: np.ndarray, p: np.ndarray, k: int) -> np.ndarray:
    return np.bincount(t * k + p, minlength=k * k).reshape(k, k)


def floor_accuracy(t: np.ndarray, p: np.ndarray, k: int) -> float:
    return np.count_nonzero(t == p) / t.shape[0]


def raw_read(t: np.ndarray, p: np.ndarray, k: int) -> int:
    return int(np.add.reduce(t)) + int(np.add.reduce(p))


def weighted_cases(sk: object | None, n: int) -> list[tuple[str, Callable, Callable | None, Callable]]:
    """prfs macro with integer weights (summed exactly in int64) and with float weights; the floor
    is the weighted joint bincount."""
    rng = np.random.default_rng(1)
    weights = {"int": rng.integers(1, 10, n), "float": rng.random(n)}
    out = []
    for kind, w in weights.items():
        def call(mod: object, w: np.ndarray = w) -> Callable:
            return lambda t, p, k: mod.precision_recall_fscore_support(t, p, average="macro", zero_division=0,
                                                                      sample_weight=w)

        def floor(t: np.ndarray, p: np.ndarray, k: int, w: np.ndarray = w) -> np.ndarray:
            return np.bincount(t * k + p, weights=w, minlength=k * k).reshape(k, k)

        out.append((f"prfs macro, {kind} weights", call(ref), None if sk is None else call(sk), floor))
    return out


def cases(sk: object | None) -> list[tuple[str, Callable, Callable | None, Callable]]:
    """(name, reference call, scikit-learn call, floor call); calls take (t, p, k)."""
    def prfs(mod: object, average: str) -> Callable:
        return lambda t, p, k: mod.precision_recall_fscore_support(t, p, average=average, zero_division=0)

    def sk_or_none(make: Callable) -> Callable | None:
        return None if sk is None else make(sk)

    return [
        ("prfs micro", prfs(ref, "micro"), sk_or_none(lambda m: prfs(m, "micro")), floor_prf),
        ("prfs macro", prfs(ref, "macro"), sk_or_none(lambda m: prfs(m, "macro")), floor_prf),
        ("accuracy_score", lambda t, p, k: ref.accuracy_score(t, p),
         sk_or_none(lambda m: lambda t, p, k: m.accuracy_score(t, p)), floor_accuracy),
        ("confusion_matrix", lambda t, p, k: ref.confusion_matrix(t, p),
         sk_or_none(lambda m: lambda t, p, k: m.confusion_matrix(t, p)), floor_cm),
    ]


def peak_extra(fn: Callable, *args: object) -> float:
    """Peak memory allocated during one call, beyond what was allocated before (MiB)."""
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    fn(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return (peak - base) / MiB


def median_seconds(fn: Callable, args: tuple, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def goal(cell: str, ok: bool) -> str:
    return f"{cell} ({'met' if ok else 'MISSED'})"


def run(quick: bool = False, out: Callable[[str], None] = print, goal_only: bool = False) -> dict:
    """Measure everything; print a markdown table through ``out``; return the key figures."""
    try:
        import sklearn
        import sklearn.metrics as skm
    except ImportError:  # the reference never needs it; the comparison does
        sklearn, skm = None, None
    sizes = (10**5, 10**6) if quick else (10**5, 10**6, 10**7)
    ks = (2, 100, 1000)
    if goal_only:
        sizes, ks = (GOAL_N,), (GOAL_K,)
    repeats = 3 if quick else 5
    sk_repeats_large = 3  # scikit-learn takes seconds per call at n = 10^7
    key: dict = {}
    out("## Reference metrics vs scikit-learn, the numpy floor and one read of the inputs\n")
    out(f"numpy {np.__version__}, scikit-learn {sklearn.__version__ if sklearn else 'absent'}; int64 labels, "
        f"about 70% correct. Times are medians of {repeats} runs (scikit-learn at n = 10^7: "
        f"{sk_repeats_large} runs) after one traced warm-up run that gives the peak extra memory "
        f"(tracemalloc). floor = one `np.bincount(t*k + p)` + per-label arithmetic "
        f"(accuracy_score: one `count_nonzero(t == p)`); read = `np.add.reduce` over both arrays.\n")
    out("| n | k | function | reference ms | sklearn ms | floor ms | read ms | x faster than sklearn "
        "| x floor | x read | ref peak MiB | sklearn peak MiB |")
    out("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        for k in ks:
            t, p = labels(n, k)
            args = (t, p, k)
            raw_read(*args)
            extra = weighted_cases(skm, n) if goal_only else []
            for name, ref_fn, sk_fn, floor_fn in cases(skm) + extra:
                read_s = median_seconds(raw_read, args, repeats)  # next to each row: the machine drifts
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    ref_mem = peak_extra(ref_fn, *args)
                    ref_s = median_seconds(ref_fn, args, repeats)
                    peak_extra(floor_fn, *args)
                    floor_s = median_seconds(floor_fn, args, repeats)
                    if sk_fn is not None:
                        sk_mem = peak_extra(sk_fn, *args)
                        sk_s = median_seconds(sk_fn, args, sk_repeats_large if n >= 10**7 else repeats)
                    else:
                        sk_mem = sk_s = float("nan")
                speedup, vs_floor, vs_read = sk_s / ref_s, ref_s / floor_s, ref_s / read_s
                cells = [f"{speedup:.0f}x", f"{vs_floor:.2f}", f"{vs_read:.2f}", f"{ref_mem:.1f}"]
                if (n, k) == (GOAL_N, GOAL_K) and name in ("prfs micro", "prfs macro"):
                    cells = [goal(cells[0], speedup >= 50) + " goal >= 50x",
                             goal(cells[1], vs_floor <= 1.5) + " goal <= 1.5",
                             goal(cells[2], vs_read <= 3) + " stretch <= 3",
                             goal(cells[3], ref_mem <= 16) + " goal <= 16"]
                    key[name] = {"ref_ms": ref_s * 1e3, "sklearn_ms": sk_s * 1e3, "floor_ms": floor_s * 1e3,
                                 "read_ms": read_s * 1e3, "speedup": speedup, "vs_floor": vs_floor,
                                 "vs_read": vs_read, "ref_peak_mib": ref_mem}
                out(f"| 10^{round(np.log10(n))} | {k} | {name} | {ref_s * 1e3:.1f} | {sk_s * 1e3:.0f} "
                    f"| {floor_s * 1e3:.1f} | {read_s * 1e3:.1f} | {cells[0]} | {cells[1]} | {cells[2]} "
                    f"| {cells[3]} | {sk_mem:.1f} |")
            del t, p
    if quick:
        out("\n(--quick: n up to 10^6; the goals are stated at n = 10^7, k = 100.)")
    out("")
    return key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="n up to 10^6, 3 repeats")
    parser.add_argument("--goal", action="store_true", help="only n = 10^7, k = 100, plus weighted rows")
    args = parser.parse_args(argv)
    run(quick=args.quick, out=lambda line: print(line, flush=True), goal_only=args.goal)
    return 0


if __name__ == "__main__":
    sys.exit(main())
