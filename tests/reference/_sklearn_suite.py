"""Run scikit-learn's own metric tests, as shipped in its wheel, on scikit-learn or on the reference.

Summary
-------
:func:`run_suite` copies ``sklearn/metrics/tests/test_classification.py`` and
``test_common.py`` from the installed scikit-learn into a scratch folder (site-packages is
never touched) and runs them with pytest in a subprocess, with scikit-learn's own conftest
(``-p sklearn.conftest``, for its fixtures) and :mod:`_sklearn_suite_plugin`, which patches
the reference in (mode ``reference``) or not (mode ``sklearn``) and writes every test's
outcome and the functions it reached. :func:`read_refusals` reads the documented refusals
from SKLEARN_REFUSALS.md, the one place they are listed.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SUITE_FILES = ("test_classification.py", "test_common.py")
REFUSALS = HERE / "SKLEARN_REFUSALS.md"
TIMEOUT = 900


@dataclass(frozen=True)
class SuiteRun:
    """One run: outcome and reached functions per node id, exit status, wall and CPU time."""

    mode: str
    tests: dict[str, dict[str, Any]]
    exitstatus: int
    seconds: float
    cpu_seconds: float
    leaks: list[str]

    def relevant(self) -> set[str]:
        """Node ids of tests that reached at least one of the ten functions."""
        return {nodeid for nodeid, entry in self.tests.items() if entry.get("reached")}

    def outcome(self, nodeid: str) -> str:
        """'passed', 'failed', 'error', 'skipped', 'xfailed', 'xpassed', or 'not run'."""
        return self.tests.get(nodeid, {}).get("outcome", "not run")


def suite_source() -> Path:
    """The installed scikit-learn's ``metrics/tests`` folder."""
    import sklearn

    return Path(sklearn.__file__).resolve().parent / "metrics" / "tests"


def copy_suite(dest: Path) -> Path:
    """Copy the two test files into ``dest`` (a folder pytest treats as its root)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SUITE_FILES:
        shutil.copyfile(suite_source() / name, dest / name)
    (dest / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")  # not the project's options
    return dest


def run_suite(folder: Path, mode: str, select: list[str] | None = None) -> SuiteRun:
    """Run the copied suite in ``folder`` in ``mode`` ('sklearn' or 'reference'), optionally
    only the node ids in ``select``; return every test's outcome."""
    out = folder / f"outcomes-{mode}.json"
    # SCIPY_ARRAY_API=1: scikit-learn runs its array-API tests (array-api-strict arrays under
    # array_api_dispatch) only with scipy's array-API support on, which must be set before import.
    env = dict(os.environ, SCIPY_ARRAY_API="1", METRICPROOFS_SUITE_MODE=mode, METRICPROOFS_SUITE_OUT=str(out),
               PYTHONPATH=os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep))
    env.pop("METRICPROOFS_SUITE_SELECT", None)
    if select is not None:
        selection = folder / f"select-{mode}.json"
        selection.write_text(json.dumps(sorted(select)), encoding="utf-8")
        env["METRICPROOFS_SUITE_SELECT"] = str(selection)
    cmd = [sys.executable, "-m", "pytest", "-p", "sklearn.conftest", "-p", "_sklearn_suite_plugin",
           "-p", "no:cacheprovider", "-q", "--no-header", "-rN", "--tb=short", "-c", str(folder / "pytest.ini"),
           "--rootdir", str(folder), *SUITE_FILES]
    start, cpu_start = time.perf_counter(), _children_cpu()
    proc = subprocess.run(cmd, cwd=folder, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    seconds, cpu_seconds = time.perf_counter() - start, _children_cpu() - cpu_start
    if not out.exists():
        raise RuntimeError(f"the {mode} run wrote no outcomes (exit {proc.returncode}):\n"
                           f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    data = json.loads(out.read_text(encoding="utf-8"))
    if data["exitstatus"] not in (0, 1):  # 1: some test failed; anything else: the run broke
        raise RuntimeError(f"the {mode} run ended with pytest exit {data['exitstatus']}:\n{proc.stdout[-3000:]}")
    return SuiteRun(mode, data["tests"], data["exitstatus"], seconds, cpu_seconds, data["leaks"])


def _children_cpu() -> float:
    """CPU seconds used by finished child processes (the machine may be shared: wall time alone
    says little)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


_ROW = re.compile(r"^\|\s*`(?P<nodeid>test_[a-z_]+\.py::[^`]+)`\s*\|(?P<reason>.+)\|\s*$")


def read_refusals(path: Path = REFUSALS) -> dict[str, str]:
    """node id -> reason, from the table rows of the refusals document."""
    refusals: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match:
            refusals[match["nodeid"]] = match["reason"].strip()
    return refusals


def per_file(nodeids: set[str]) -> dict[str, int]:
    """How many of ``nodeids`` each suite file holds."""
    return {name: sum(1 for nodeid in nodeids if nodeid.startswith(name + "::")) for name in SUITE_FILES}
