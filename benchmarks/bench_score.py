"""``metricproofs score`` against the floor process, CSV and Parquet, in one run (DESIGN section 6).

Usage: ``python benchmarks/bench_score.py [--rows N] [--repeats R] [--big-rows M] [--compare]``.

The floor is a process that reads the same file with pyarrow (``pyarrow.csv.read_csv`` or
``pyarrow.parquet.read_table``, the whole file at once) and counts the (true, pred) pairs with
one ``np.bincount(t * k + p)``. pyarrow's ``to_numpy`` and ``parquet.read_table`` import
pandas (about 0.3 s; read_table also the dataset module), which ``score`` avoids, so a *lean
floor* is timed too: the same work with ``ParquetFile(path).read()`` and the columns viewed
through ``np.frombuffer``, importing no pandas; the ratio to it is shown beside the goal's.
All are fresh processes timed by wall clock (and CPU time, which a shared machine's load
disturbs less), interleaved (floor, lean floor, score, floor, ...) so a change in the
machine's load hits each; the ratio is of the fastest runs, and medians are shown beside them. Peak RSS is each process's
``ru_maxrss``. ``--big-rows`` also runs ``score`` once per format on a larger file, for its
peak RSS (memory must stay bounded: the file is read in record batches). ``--compare`` adds
DuckDB's and polars' in-process group-by for the reader comparison (if they are installed).
Files are written to a temporary folder under /tmp and deleted at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

K = 100
GOAL = 1.5

FLOOR = """
import sys, numpy as np
import pyarrow.csv, pyarrow.parquet
path = sys.argv[1]
table = pyarrow.parquet.read_table(path) if path.endswith(".parquet") else pyarrow.csv.read_csv(path)
t = table.column("true").to_numpy(); p = table.column("pred").to_numpy()
k = int(max(t.max(), p.max())) + 1
print(np.bincount(t * k + p, minlength=k * k).sum())
"""

LEAN_FLOOR = """
import sys, numpy as np
import pyarrow.csv, pyarrow.parquet
path = sys.argv[1]
table = pyarrow.parquet.ParquetFile(path).read() if path.endswith(".parquet") else pyarrow.csv.read_csv(path)
def column(name):  # int64 chunks viewed as numpy (pyarrow's to_numpy would import pandas)
    return np.concatenate([np.frombuffer(c.buffers()[1], dtype=np.int64, count=len(c), offset=c.offset * 8)
                           for c in table.column(name).chunks])
t = column("true"); p = column("pred")
k = int(max(t.max(), p.max())) + 1
print(np.bincount(t * k + p, minlength=k * k).sum())
"""

DUCKDB = """
import sys, duckdb
path = sys.argv[1]
src = f"read_parquet('{path}')" if path.endswith(".parquet") else f"read_csv('{path}')"
print(len(duckdb.sql(f'SELECT "true", pred, COUNT(*) FROM {src} GROUP BY ALL').fetchall()))
"""

POLARS = """
import sys, polars as pl
path = sys.argv[1]
frame = pl.scan_parquet(path) if path.endswith(".parquet") else pl.scan_csv(path)
print(frame.group_by(["true", "pred"]).len().collect().height)
"""


def write_files(folder: Path, rows: int) -> tuple[Path, Path]:
    """A CSV and a Parquet file of ``rows`` integer labels in 0..K-1, about 70% correct."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    csv_path, pq_path = folder / f"rows{rows}.csv", folder / f"rows{rows}.parquet"
    rng = np.random.default_rng(0)
    schema = pa.schema([("true", pa.int64()), ("pred", pa.int64())])
    with pacsv.CSVWriter(str(csv_path), schema) as cw, pq.ParquetWriter(str(pq_path), schema) as pw:
        step = 5_000_000
        for start in range(0, rows, step):
            m = min(step, rows - start)
            t = rng.integers(0, K, m)
            p = np.where(rng.random(m) < 0.7, t, rng.integers(0, K, m))
            batch = pa.record_batch([pa.array(t), pa.array(p)], schema=schema)
            cw.write_batch(batch)
            pw.write_batch(batch)
    return csv_path, pq_path


def timed(argv: list[str]) -> tuple[float, float, float]:
    """(wall seconds, peak RSS MiB, CPU seconds user + system) of one process; raises if it fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{argv} failed ({proc.returncode}): {err.strip()[-500:]}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def score_argv(path: Path) -> list[str]:
    exe = Path(sys.executable).with_name("metricproofs")
    return [str(exe), "score", str(path), "--true", "true", "--pred", "pred"]


def measure(path: Path, repeats: int) -> dict[str, list[tuple[float, float, float]]]:
    """Interleaved floor / lean floor / score runs (one warm-up of each first, discarded)."""
    runs: dict[str, list[tuple[float, float, float]]] = {"floor": [], "lean": [], "score": []}
    argvs = {"floor": [sys.executable, "-c", FLOOR, str(path)], "lean": [sys.executable, "-c", LEAN_FLOOR, str(path)],
             "score": score_argv(path)}
    for name in runs:
        timed(argvs[name])
    for _ in range(repeats):
        for name in runs:
            runs[name].append(timed(argvs[name]))
    return runs


def compare(path: Path, repeats: int) -> dict[str, float]:
    """Best wall time of DuckDB's and polars' group-by processes (when installed)."""
    out = {}
    for name, code, module in (("duckdb", DUCKDB, "duckdb"), ("polars", POLARS, "polars")):
        try:
            __import__(module)
        except ImportError:
            continue
        out[name] = min(timed([sys.executable, "-c", code, str(path)])[0] for _ in range(repeats))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=float, default=1e7)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--big-rows", type=float, default=0, help="also measure score's peak RSS at this size")
    parser.add_argument("--compare", action="store_true", help="add DuckDB and polars group-by processes")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench_score_", dir="/tmp"))
    try:
        rows = int(args.rows)
        files = write_files(folder, rows)
        load = os.getloadavg()[0]
        print(f"score vs floor at {rows:.0e} rows, k = {K} (load average at start {load:.1f}); "
              f"best (median) wall of {args.repeats} interleaved runs; goal ratio <= {GOAL}")
        print()
        print("| format | file MB | floor s | score s | ratio (best) | ratio (median) | goal | floor CPU s | score CPU s "
              "| CPU ratio | floor RSS MiB | score RSS MiB | lean floor s | ratio to lean (best) | lean CPU s "
              "| CPU ratio to lean |" + (" duckdb s | polars s |" if args.compare else ""))
        print("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
              + ("---:|---:|" if args.compare else ""))
        for path in files:
            runs = measure(path, args.repeats)
            best = {n: min(w for w, _, _ in r) for n, r in runs.items()}
            med = {n: statistics.median(w for w, _, _ in r) for n, r in runs.items()}
            rss = {n: max(m for _, m, _ in r) for n, r in runs.items()}
            cpu = {n: min(c for _, _, c in r) for n, r in runs.items()}
            ratio = best["score"] / best["floor"]
            extra = ""
            if args.compare:
                other = compare(path, args.repeats)
                extra = f" {other.get('duckdb', float('nan')):.2f} | {other.get('polars', float('nan')):.2f} |"
            print(f"| {path.suffix[1:]} | {path.stat().st_size / 1e6:.0f} | {best['floor']:.2f} | {best['score']:.2f} "
                  f"| {ratio:.2f} | {med['score'] / med['floor']:.2f} | {'met' if ratio <= GOAL else 'MISSED'} "
                  f"| {cpu['floor']:.2f} | {cpu['score']:.2f} | {cpu['score'] / cpu['floor']:.2f} "
                  f"| {rss['floor']:.0f} | {rss['score']:.0f} | {best['lean']:.2f} | {best['score'] / best['lean']:.2f} "
                  f"| {cpu['lean']:.2f} | {cpu['score'] / cpu['lean']:.2f} |" + extra, flush=True)
        if args.big_rows:
            big = int(args.big_rows)
            for path in files:
                path.unlink()
            print()
            print(f"Peak RSS of one `metricproofs score` at {big:.0e} rows:")
            print()
            print("| format | file MB | score s | score RSS MiB |")
            print("|---|---:|---:|---:|")
            for path in write_files(folder, big):
                wall, rss, _ = timed(score_argv(path))
                print(f"| {path.suffix[1:]} | {path.stat().st_size / 1e6:.0f} | {wall:.1f} | {rss:.0f} |", flush=True)
                path.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
