"""``make bench``: run every benchmark and write the combined markdown to benchmarks/RESULTS.md.

Usage: ``python benchmarks/run_all.py [--quick] [--only startup,check,reference,prover] [--out FILE]``.
The goals (the performance targets in the README) are printed next to each ratio as "met" or "MISSED".
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_check  # noqa: E402
import bench_prover  # noqa: E402
import bench_reference  # noqa: E402
import bench_startup  # noqa: E402


def machine() -> str:
    """CPU model, core count, and the versions that matter for the figures."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or "unknown"
    import numpy

    try:
        import sklearn

        sk = sklearn.__version__
    except ImportError:
        sk = "absent"
    try:
        import z3

        z3v = z3.get_version_string()
    except ImportError:
        z3v = "absent"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; CPU: {model}; "
            f"nproc {os.cpu_count()}; load average at start {load:.1f}; Python {platform.python_version()}; "
            f"numpy {numpy.__version__}; scikit-learn {sk}; z3 {z3v}")


def _script(out: Callable[[str], None], name: str, *argv: str) -> None:
    """Run ``benchmarks/NAME`` with this interpreter and pass its lines on."""
    proc = subprocess.run([sys.executable, str(HERE / name), *argv], capture_output=True, text=True)
    for line in proc.stdout.splitlines():
        out(line)
    if proc.returncode:
        out(f"({name} exited {proc.returncode}: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ''})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes and fewer repeats")
    parser.add_argument("--only", default="startup,check,reference,prover,induction,score",
                        help="comma-separated subset of startup, check, reference, prover, induction, score")
    parser.add_argument("--out", default=str(HERE / "RESULTS.md"), help="markdown file to write")
    args = parser.parse_args(argv)
    lines: list[str] = []

    def out(line: str) -> None:
        print(line, flush=True)
        lines.append(line)

    out("# Benchmarks\n")
    out(f"Machine: {machine()}.\n")
    out("Produced by `make bench` (`benchmarks/run_all.py`"
        + (" --quick" if args.quick else "") + "). The goals are the project's performance targets (README, Performance).\n")
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    if "startup" in chosen:
        bench_startup.run(repeats=5 if args.quick else 10, out=out)
    if "check" in chosen:
        bench_check.run(repeats=1 if args.quick else 3, out=out)
    if "reference" in chosen:
        bench_reference.run(quick=args.quick, out=out)
    if "prover" in chosen:
        bench_prover.run(quick=args.quick, out=out)
    # These two print their own tables; each runs in its own process, as its figures need.
    if "induction" in chosen:
        out("\n## z3-induction on every claim that names an induction\n")
        _script(out, "bench_induction.py")
    if "score" in chosen:
        out("\n## score against the pyarrow + bincount floor\n")
        _script(out, "bench_score.py", *(["--rows", "1e6", "--repeats", "1"] if args.quick else ["--repeats", "3"]))
    Path(args.out).write_text("\n".join(lines) + "\n")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
