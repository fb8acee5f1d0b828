"""The CLI's import graph stays light (DESIGN section 6: ``--help`` under 0.3 s).

Not a timing test: each case runs in a fresh interpreter and inspects ``sys.modules``,
so it is deterministic on any machine. z3, sympy and numpy are imported only by the
verbs that need them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

HEAVY = ("z3", "sympy", "numpy")


def _imported_after(code: str) -> list[str]:
    """Run ``code`` in a fresh interpreter; return the heavy top-level packages it imported."""
    probe = textwrap.dedent(code) + textwrap.dedent(f"""
        import json, sys
        heavy = {HEAVY!r}
        print("\\n" + json.dumps(sorted({{m.split(".")[0] for m in sys.modules}} & set(heavy))))
    """)
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_import_package_is_light() -> None:
    assert _imported_after("import metricproofs") == []


def test_import_cli_and_build_parser_is_light() -> None:
    assert _imported_after("import metricproofs.cli as c\nc.build_parser()") == []


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["prove", "--help"], []])
def test_help_is_light(argv: list[str]) -> None:
    code = f"""
        import io, metricproofs.cli as c
        rc = c.run({argv!r}, out=io.StringIO(), err=io.StringIO())
        assert rc in (0, 2), rc
    """
    assert _imported_after(code) == []


def test_usage_error_is_light() -> None:
    code = """
        import io, metricproofs.cli as c
        assert c.run(["no-such-verb"], out=io.StringIO(), err=io.StringIO()) == 2
    """
    assert _imported_after(code) == []
