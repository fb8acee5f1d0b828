"""The prover's scaling: the default ``metricproofs prove`` run, each holds-claim against
the class count k, and ``fp-fn-balance`` at k = 1000.

Sections
    default run   ``metricproofs prove --json`` in a subprocess: wall time, and the time of
                  every claim and method as the report gives it.
    scaling       for each holds-claim checked by ``z3-bounded``: the time of the single
                  class count k (the claim with ``min_classes = max_classes = k``) for
                  k = 5, 10, 20, 30, 50, 100, 200, ... ; a claim stops at the first k that is
                  not proved or takes longer than the step limit (60 s). The largest k
                  reached is reported (every smaller k is covered by the default run or
                  is cheaper). A total budget keeps the whole section bounded.
    k = 1000      ``fp-fn-balance``: encoding time and one z3 query of the negation at
                  k = 1000 (a child process, killed at a hard limit).
    z3 floor      ``prove fp-fn-balance --method z3-bounded --max-classes K`` against the
                  solver's own floor (DESIGN section 6): the z3 binary run on the smallest
                  SMT-LIB2 file of the same statement (k*k non-negative reals, sum FP !=
                  sum FN) for every k in 1..K, one process per file, timed in the same run.
                  Goal: at most 3x the floor.

Usage: ``python benchmarks/bench_prover.py [--quick] [--budget SECONDS] [--floor-only K ...]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

GOAL_PROVE_S = 30.0
GOAL_K1000_S = 30.0
GOAL_MIN_K = 20
GOAL_FLOOR_RATIO = 3.0
STEP_LIMIT_S = 60.0
STEPS = (5, 10, 20, 30, 50, 100, 200, 300, 500, 1000)


def _cli() -> list[str]:
    script = Path(sys.executable).with_name("metricproofs")
    if script.exists():
        return [str(script)]
    found = shutil.which("metricproofs")
    return [found] if found else [sys.executable, "-m", "metricproofs"]


def default_run(out: Callable[[str], None], limit: float) -> dict:
    """Wall time of ``metricproofs prove --json`` and its per-claim, per-method times."""
    out("### `metricproofs prove` (all claims, default bounds)\n")
    start = time.perf_counter()
    try:
        proc = subprocess.run(_cli() + ["prove", "--json"], capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        wall = time.perf_counter() - start
        out(f"Killed after {wall:.0f} s (limit {limit:.0f} s): goal < {GOAL_PROVE_S:.0f} s MISSED.\n")
        return {"wall_s": wall, "exit": None}
    wall = time.perf_counter() - start
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        report = None
    if report is None:
        tail = proc.stderr.strip().splitlines()[-1:] if proc.stderr.strip() else ["(no output)"]
        out(f"The run failed after {wall:.1f} s (exit code {proc.returncode}, no JSON report: {tail[0]}); "
            f"goal < {GOAL_PROVE_S:.0f} s not assessed.\n")
        return {"wall_s": wall, "exit": proc.returncode, "failed": tail[0]}
    ok = wall < GOAL_PROVE_S
    meaning = {0: "every verdict as expected", 1: "some verdict contradicts expectation",
               3: "some result unknown"}.get(proc.returncode, "unexpected exit code")
    out(f"Wall time {wall:.1f} s, exit code {proc.returncode} ({meaning}): goal < {GOAL_PROVE_S:.0f} s "
        f"{'met' if ok else 'MISSED'} ({wall / GOAL_PROVE_S:.2f} of the goal).\n")
    out("| claim | expected | verdict | method | verdict | s | max k |")
    out("|---|---|---|---|---|---:|---:|")
    slowest = []
    for claim in report.get("results", []):
        for i, m in enumerate(claim.get("methods", [])):
            first = i == 0
            out(f"| {claim['id'] if first else ''} | {claim['expected'] if first else ''} "
                f"| {claim['verdict'] if first else ''} | {m['method']} | {m['verdict']} "
                f"| {m['seconds']:.2f} | {m.get('max_classes') if m.get('max_classes') is not None else ''} |")
            slowest.append((m["seconds"], claim["id"], m["method"]))
    out("")
    slowest.sort(reverse=True)
    return {"wall_s": wall, "exit": proc.returncode, "slowest": slowest[:5]}


def _single_k(claim_id: str, k: int, timeout: float) -> tuple[str, float, str]:
    """Verdict, seconds and detail of ``z3-bounded`` on one claim at exactly k classes."""
    from metricproofs.catalogue import get
    from metricproofs.provers.bounded import prove_bounded

    claim = dataclasses.replace(get(claim_id), min_classes=k, max_classes=k)
    start = time.perf_counter()
    result = prove_bounded(claim, max_classes=k, timeout=timeout)
    return result.verdict, time.perf_counter() - start, result.detail


def scaling(out: Callable[[str], None], budget: float, steps: tuple[int, ...]) -> dict:
    """Per-k times of each holds-claim; the largest k each reaches within the step limit."""
    from metricproofs.catalogue import CATALOGUE

    claims = [c for c in CATALOGUE if c.expected == "holds" and "z3-bounded" in c.methods]
    out(f"### z3-bounded against k (one class count per query; step limit {STEP_LIMIT_S:.0f} s, "
        f"total budget {budget:.0f} s)\n")
    out("A claim stops at the first k not proved within the step limit (the cell shows the verdict), or "
        "when it has used its share of the budget (the remaining budget over the claims left): then "
        "`>= k` means k was still proved. Goal: every holds-claim bounded to k >= 20.\n")
    header = " | ".join(f"k={k} s" for k in steps)
    out(f"| claim | default bound | {header} | largest k | goal k >= {GOAL_MIN_K} |")
    out("|---|---:|" + "---:|" * len(steps) + "---:|---|")
    deadline = time.perf_counter() + budget
    key: dict = {}
    for index, claim in enumerate(claims):
        cells: list[str] = []
        best, stopped = None, ""
        share_end = time.perf_counter() + (deadline - time.perf_counter()) / (len(claims) - index)
        if claim.only_classes is not None:
            cells = ["" for _ in steps]
            best, stopped = claim.only_classes, "only"
        else:
            for k in steps:
                if k < claim.min_classes:
                    cells.append("")
                    continue
                left = share_end - time.perf_counter()
                if left < 2:
                    stopped = "budget"
                    break
                verdict, seconds, detail = _single_k(claim.id, k, min(STEP_LIMIT_S, max(left, 5.0)))
                if verdict != "proved":
                    cells.append(f"{verdict} ({seconds:.0f})")
                    stopped = "budget" if seconds >= left - 1 and verdict == "unknown" else verdict
                    break
                cells.append(f"{seconds:.2f}")
                best = k
                if seconds > STEP_LIMIT_S:
                    stopped = "step limit"
                    break
            else:
                stopped = "all steps"
            cells += [""] * (len(steps) - len(cells))
        if stopped == "only":
            reached, goal = f"{best} (the claim is about k = {best} only)", "n/a"
        elif best is None:
            reached = "undecided (budget)" if stopped == "budget" else "none"
            goal = "undecided (budget)" if stopped == "budget" else "MISSED"
        else:
            reached = f">= {best}" if stopped == "budget" else str(best)
            goal = "met" if best >= GOAL_MIN_K else ("undecided (budget)" if stopped == "budget" else "MISSED")
        out(f"| {claim.id} | {claim.max_classes if claim.only_classes is None else claim.only_classes} | "
            + " | ".join(cells) + f" | {reached} | {goal} |")
        key[claim.id] = {"largest_k": best, "stopped": stopped, "default": claim.max_classes}
    out("")
    return key


def k1000_child(k: int, timeout: float) -> dict:
    """In the child process: encode and solve fp-fn-balance's negation at k classes."""
    from metricproofs.catalogue import get
    from metricproofs.provers.smt import encode, solve

    claim = get("fp-fn-balance")
    start = time.perf_counter()
    query = encode(claim.formula(), k, "negation")
    encode_s = time.perf_counter() - start
    print(json.dumps({"k": k, "encode_s": encode_s, "chars": len(query.text)}), flush=True)
    answer = solve([query], timeout)
    return {"k": k, "encode_s": encode_s, "solve_s": answer.seconds, "status": answer.status,
            "reason": answer.reason, "chars": len(query.text)}


def _one_query(k: int, timeout: float, hard_limit: float) -> dict:
    """Encode and solve at k in a child process (own session: the child and its z3 processes
    are killed together at ``hard_limit``)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--k1000-child", str(k), "--timeout", str(timeout)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        stdout, stderr = proc.communicate(timeout=hard_limit)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        partial, _ = proc.communicate()
        encoded = json.loads(partial.strip().splitlines()[0]) if partial.strip() else {}
        return {"k": k, "status": "killed", "wall_s": time.perf_counter() - start, **encoded}
    try:
        return {**json.loads(stdout.strip().splitlines()[-1]), "wall_s": time.perf_counter() - start}
    except (IndexError, json.JSONDecodeError):
        return {"k": k, "status": "failed", "reason": (stderr.strip().splitlines() or ["no output"])[-1]}


def k1000(out: Callable[[str], None], ladder: tuple[int, ...], timeout: float, hard_limit: float) -> dict:
    """fp-fn-balance's negation at each k of the ladder (the last is the goal's k = 1000)."""
    top = ladder[-1]
    out(f"### fp-fn-balance at k = {top} (one negation query; z3 limit {timeout:.0f} s, child process "
        f"killed at {hard_limit:.0f} s)\n")
    out("Smaller k show the growth. encode = building the SMT-LIB text from the sympy formula.\n")
    out(f"| k | SMT-LIB chars | encode s | z3 s | z3 answer | encode + z3 s | goal < {GOAL_K1000_S:.0f} s at k = {top} |")
    out("|---:|---:|---:|---:|---|---:|---|")
    found: dict = {}
    for k in ladder:
        found = _one_query(k, timeout, hard_limit)
        chars = f"{found['chars']:,}" if "chars" in found else ""
        enc = f"{found['encode_s']:.1f}" if "encode_s" in found else f"> {found.get('wall_s', 0):.0f} (killed)"
        if found["status"] == "killed":
            z3s, answer, total = ("killed", "none", f"> {found['wall_s']:.0f}") if "encode_s" in found \
                else ("", "none", f"> {found['wall_s']:.0f}")
            ok = False
        elif found["status"] == "failed":
            z3s, answer, total, ok = "", f"failed: {found['reason']}", "", False
        else:
            tot = found["encode_s"] + found["solve_s"]
            z3s, total = f"{found['solve_s']:.1f}", f"{tot:.1f}"
            answer = found["status"] + (f" ({found['reason']})" if found.get("reason") else "")
            ok = found["status"] == "unsat" and tot < GOAL_K1000_S
        goal = "" if k != top else ("met" if ok else "MISSED")
        out(f"| {k} | {chars} | {enc} | {z3s} | {answer} | {total} | {goal} |")
        if found["status"] in ("killed", "failed") and k != top:
            out(f"| {top} | | | | not run (k = {k} already hit the limit) | | MISSED |")
            break
    out("")
    return found


def floor_script(k: int) -> str:
    """The smallest SMT-LIB2 file of fp-fn-balance at k classes: k*k non-negative reals and
    sum FP != sum FN (the off-diagonal entries summed by column, and by row)."""
    cells = [(row, col) for row in range(k) for col in range(k)]
    lines = ["(set-logic QF_LRA)"]
    for row, col in cells:
        lines += [f"(declare-const c_{row}_{col} Real)", f"(assert (>= c_{row}_{col} 0.0))"]
    by_column = " ".join(f"c_{row}_{col}" for col in range(k) for row in range(k) if row != col)
    by_row = " ".join(f"c_{row}_{col}" for row in range(k) for col in range(k) if row != col)
    lines += [f"(assert (not (= (+ 0.0 {by_column}) (+ 0.0 {by_row}))))", "(check-sat)"]
    return "\n".join(lines) + "\n"


def _z3_floor(top: int, folder: Path) -> tuple[float, list[str]]:
    """Seconds for the z3 binary on the floor file of every k in 1..top (files written first)."""
    from metricproofs.provers.smt import z3_binary

    binary = z3_binary()
    if binary is None:
        raise SystemExit("the z3 executable is needed for the floor (pip install z3-solver)")
    paths = []
    for k in range(1, top + 1):
        path = folder / f"k{k}.smt2"
        path.write_text(floor_script(k))
        paths.append(path)
    answers = []
    start = time.perf_counter()
    for path in paths:
        answers.append(subprocess.run([binary, str(path)], capture_output=True, text=True).stdout.strip())
    return time.perf_counter() - start, answers


def floor(out: Callable[[str], None], tops: tuple[int, ...], limit: float = 1800.0) -> dict:
    """z3-bounded on fp-fn-balance for k in 1..K against the z3 floor, in one run."""
    import tempfile

    out("### z3-bounded against the z3 floor (fp-fn-balance, every k in 1..K)\n")
    out("`prove` = wall time of `metricproofs prove fp-fn-balance --method z3-bounded --max-classes K` "
        "(a fresh process: start-up, encoding, every query of every k). floor = the z3 binary on the "
        "smallest SMT-LIB2 file of the statement (k*k non-negative reals, sum FP != sum FN) for every k "
        "in 1..K, one process per file. Load = the 1-minute load average before each measurement "
        f"(2 cores). Goal: prove at most {GOAL_FLOOR_RATIO:g}x the floor.\n")
    out("| K | prove s | verdict | floor s | floor answers | ratio | load before prove / floor | goal |")
    out("|---:|---:|---|---:|---|---:|---|---|")
    key: dict = {}
    for top in tops:
        load_prove = os.getloadavg()[0]
        start = time.perf_counter()
        try:
            proc = subprocess.run(_cli() + ["prove", "fp-fn-balance", "--method", "z3-bounded",
                                            "--max-classes", str(top), "--json"],
                                  capture_output=True, text=True, timeout=limit)
            verdict = json.loads(proc.stdout)["results"][0]["verdict"]
        except subprocess.TimeoutExpired:
            verdict = f"killed at {limit:.0f} s"
        except (json.JSONDecodeError, KeyError, IndexError):
            verdict = f"failed (exit {proc.returncode})"
        prove_s = time.perf_counter() - start
        load_floor = os.getloadavg()[0]
        with tempfile.TemporaryDirectory(prefix="metricproofs-floor-") as tmp:
            floor_s, answers = _z3_floor(top, Path(tmp))
        unsat = sum(a == "unsat" for a in answers)
        ratio = prove_s / floor_s
        ok = verdict == "proved" and ratio <= GOAL_FLOOR_RATIO
        out(f"| {top} | {prove_s:.1f} | {verdict} | {floor_s:.1f} | {unsat}/{len(answers)} unsat | {ratio:.2f} "
            f"| {load_prove:.1f} / {load_floor:.1f} | {'met' if ok else 'MISSED'} |")
        key[top] = {"prove_s": prove_s, "floor_s": floor_s, "ratio": ratio, "verdict": verdict}
    out("")
    return key


def run(quick: bool = False, budget: float | None = None, out: Callable[[str], None] = print) -> dict:
    budget = (240.0 if quick else 600.0) if budget is None else budget
    out("## Prover\n")
    key = {"prove": default_run(out, limit=600.0)}
    key["scaling"] = scaling(out, budget, STEPS[:5] if quick else STEPS)
    key["k1000"] = k1000(out, (100, 200, 1000) if quick else (100, 200, 400, 1000), 120.0,
                         hard_limit=150.0 if quick else 300.0)
    key["floor"] = floor(out, (100,) if quick else (100, 200))
    return key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="k up to 50 and a smaller budget")
    parser.add_argument("--budget", type=float, default=None, help="seconds for the scaling section")
    parser.add_argument("--k1000-child", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--timeout", type=float, default=120.0, help=argparse.SUPPRESS)
    parser.add_argument("--floor-only", type=int, nargs="+", default=None, metavar="K",
                        help="only the z3-floor section, for these K")
    args = parser.parse_args(argv)
    if args.floor_only:
        floor(lambda line: print(line, flush=True), tuple(args.floor_only))
        return 0
    if args.k1000_child is not None:
        print(json.dumps(k1000_child(args.k1000_child, args.timeout)))
        return 0
    run(quick=args.quick, budget=args.budget, out=lambda line: print(line, flush=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
