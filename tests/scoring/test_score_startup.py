"""The CLI stays light with score's readers (DESIGN section 6: ``--help`` under 0.3 s).

Not a timing test: a fresh interpreter runs the command and reports whether pyarrow,
pandas or matplotlib were imported; only reading a file may import pyarrow. Scoring a file
imports neither sympy nor a solver (nor pandas).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

READERS = ("pyarrow", "pandas", "polars", "matplotlib", "sympy")


def _imported(argv: list[str]) -> list[str]:
    probe = (
        "import io, json, sys, metricproofs.cli as c\n"
        f"rc = c.run({argv!r}, out=io.StringIO(), err=io.StringIO())\n"
        f"print(json.dumps([rc, sorted({{m.split('.')[0] for m in sys.modules}} & set({READERS!r}))]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    rc, modules = json.loads(proc.stdout.strip().splitlines()[-1])
    assert rc in (0, 2)
    return modules


@pytest.mark.parametrize("argv", [["--help"], ["score", "--help"], ["score", "f.csv"]])
def test_help_and_usage_errors_import_no_reader(argv: list[str]) -> None:
    assert _imported(argv) == []


HEAVY = ("sympy", "z3", "cvc5", "pandas")
"""Modules a score run does not need: the exact fractions come from the generated
metricproofs.scoring.exact, and pyarrow's to_numpy (which imports pandas, 0.3 s) is avoided."""


@pytest.mark.parametrize(("fmt", "labels"), [("csv", [0, 1, 2, 0, 1]), ("parquet", ["cat", "dog", "cat", "bird", "dog"])],
                         ids=["csv-integers", "parquet-text"])
def test_score_imports_no_solver_sympy_or_pandas(tmp_path: Path, fmt: str, labels: list) -> None:
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    table = pa.table({"y": labels, "yhat": labels[1:] + labels[:1], "w": [1, 2, 0, 1, 3]})
    path = tmp_path / f"preds.{fmt}"
    (pacsv.write_csv if fmt == "csv" else pq.write_table)(table, str(path))
    probe = (
        "import io, json, sys, metricproofs.cli as c\n"
        "out = io.StringIO()\n"
        f"rc = c.run(['score', {str(path)!r}, '--true', 'y', '--pred', 'yhat', '--weight', 'w'], out=out, err=sys.stderr)\n"
        f"print(json.dumps([rc, out.getvalue(), sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    rc, text, modules = json.loads(proc.stdout.strip().splitlines()[-1])
    assert rc == 0 and "exact fractions shown" in text  # the fractions were computed
    assert modules == []
