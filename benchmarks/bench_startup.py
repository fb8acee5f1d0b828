"""Start-up time of the command line: ``--help``, ``list`` and ``import metricproofs``.

Each figure is the median wall time of fresh subprocesses (the interpreter's own start-up
included, measured separately as ``python -c pass``). Which heavy libraries each command
imports is printed too: that, not the timing, is what ``tests/cli/test_startup.py`` checks.

Usage: ``python benchmarks/bench_startup.py [--repeats N]``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

GOAL_SECONDS = 0.3
HEAVY = ("z3", "sympy", "numpy")


def _cli() -> list[str]:
    """The installed console script beside this interpreter, else ``python -m metricproofs``."""
    script = Path(sys.executable).with_name("metricproofs")
    if script.exists():
        return [str(script)]
    found = shutil.which("metricproofs")
    return [found] if found else [sys.executable, "-m", "metricproofs"]


def _wall(argv: list[str], repeats: int) -> tuple[float, int]:
    """Median wall seconds of ``argv`` over ``repeats`` fresh processes, and the last exit code."""
    times, code = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        code = proc.returncode
    return statistics.median(times), code


def _heavy_imports(argv_for_run: list[str]) -> list[str] | str:
    """The heavy packages imported by ``metricproofs.cli.run(argv)`` in a fresh interpreter."""
    probe = (
        "import io, json, sys, metricproofs.cli as c\n"
        f"c.run({argv_for_run!r}, out=io.StringIO(), err=io.StringIO())\n"
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return f"(failed: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else proc.returncode})"


def run(repeats: int = 10, out: Callable[[str], None] = print) -> dict:
    cli = _cli()
    rows = [
        ("`python -c pass` (interpreter only)", [sys.executable, "-c", "pass"], None, None),
        ("`python -c \"import metricproofs\"`", [sys.executable, "-c", "import metricproofs"], None, None),
        ("`metricproofs --help`", cli + ["--help"], ["--help"], GOAL_SECONDS),
        ("`metricproofs list`", cli + ["list"], ["list"], GOAL_SECONDS),
    ]
    key: dict = {}
    out("## Command-line start-up\n")
    out(f"Median wall time of {repeats} fresh processes each (first run discarded as warm-up); the goal "
        f"applies to the whole wall time, the interpreter's own start-up included.\n")
    out("| command | median ms | ms beyond the interpreter | goal | heavy imports |")
    out("|---|---:|---:|---|---|")
    interpreter = None
    for label, argv, run_argv, goal in rows:
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm the page cache
        seconds, code = _wall(argv, repeats)
        interpreter = seconds if interpreter is None else interpreter
        heavy = _heavy_imports(run_argv) if run_argv is not None else ""
        heavy_cell = ", ".join(heavy) if isinstance(heavy, list) and heavy else ("none" if heavy == [] else heavy)
        goal_cell = "" if goal is None else f"< {goal * 1e3:.0f} ms: {'met' if seconds < goal else 'MISSED'}"
        if code != 0:
            goal_cell += f" (exit code {code})"
        out(f"| {label} | {seconds * 1e3:.0f} | {(seconds - interpreter) * 1e3:.0f} | {goal_cell} | {heavy_cell} |")
        key[label] = {"ms": seconds * 1e3, "heavy": heavy, "exit": code}
    out("")
    return key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args(argv)
    run(repeats=args.repeats, out=lambda line: print(line, flush=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
