"""The CLI stays light with score's readers (DESIGN section 6: ``--help`` under 0.3 s).

Not a timing test: a fresh interpreter runs the command and reports whether pyarrow,
pandas or matplotlib were imported; only reading a file may import pyarrow.
"""

from __future__ import annotations

import json
import subprocess
import sys

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
