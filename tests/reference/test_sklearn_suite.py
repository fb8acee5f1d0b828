"""scikit-learn's own metric tests pass on metricproofs.reference, except the documented refusals.

What it protects: the reference is a drop-in for scikit-learn's ten functions (DESIGN
section 5). scikit-learn's ``test_classification.py`` and ``test_common.py``, copied from the
installed wheel, run in a subprocess with the reference patched in everywhere scikit-learn
holds the ten functions (so its other metrics, such as ``cohen_kappa_score`` and
``classification_report``, and its scorers call the reference too); the tests that reached
the reference are the relevant ones. Every test that did not pass then runs again on
scikit-learn as shipped: one that passes there must pass on the reference, unless
SKLEARN_REFUSALS.md lists it with its reason (at most two per file). A listed refusal that
passes, or that the suite no longer has, fails too, so the list stays true. The runs set
SCIPY_ARRAY_API=1, so scikit-learn's array-API tests (array-api-strict arrays under
``array_api_dispatch``; PyTorch and CuPy ones skip where those are not installed) run too.
Measured with scikit-learn 1.9.1 and array-api-strict 2.6.1 (3883 tests collected): 187
relevant tests in test_classification.py (186 pass, 1 refusal) and 1089 in test_common.py
(1082 pass, 7 skipped by scikit-learn itself), 98 of them array-API tests; the patched run
took 23 s of CPU, the shipped re-run of the 1590 tests that did not pass 5 s.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _sklearn_suite import SUITE_FILES, SuiteRun, copy_suite, per_file, read_refusals, run_suite

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[SuiteRun, SuiteRun]:
    folder = copy_suite(tmp_path_factory.mktemp("sklearn-suite"))
    patched = run_suite(folder, "reference")
    not_passed = [nodeid for nodeid, entry in patched.tests.items() if entry["outcome"] != "passed"]
    shipped = run_suite(folder, "sklearn", select=not_passed)
    return patched, shipped


def _failure(run: SuiteRun, nodeid: str) -> str:
    tail = run.tests.get(nodeid, {}).get("message", "").strip().splitlines()[-3:]
    return f"{nodeid}: {run.outcome(nodeid)}\n    " + "\n    ".join(tail)


def test_the_suite_reaches_the_reference_in_both_files(runs: tuple[SuiteRun, SuiteRun]) -> None:
    patched, _ = runs
    counts = per_file(patched.relevant())
    # scikit-learn 1.9.1: 187 and 1089 relevant tests; far fewer means the patch or the recorder broke.
    assert all(count >= 100 for count in counts.values()), counts


def test_sklearns_array_api_tests_run_on_the_reference(runs: tuple[SuiteRun, SuiteRun]) -> None:
    # They skip silently without array-api-strict or SCIPY_ARRAY_API=1; 98 pass with 2.6.1.
    patched, _ = runs
    ran = [nodeid for nodeid in patched.relevant() if "array_api" in nodeid and patched.outcome(nodeid) == "passed"]
    assert len(ran) >= 50, ran
    assert all(any(f"array_api_strict-{device}" in nodeid for nodeid in ran) for device in ("CPU_DEVICE", "device1"))
    assert any(nodeid.startswith("test_classification.py::test_confusion_matrix_array_api") for nodeid in ran)


def test_nothing_still_holds_sklearns_ten_functions(runs: tuple[SuiteRun, SuiteRun]) -> None:
    # A module global, a scorer or a test parameter left with scikit-learn's function would
    # run scikit-learn's code in a test counted as the reference's.
    patched, _ = runs
    assert patched.leaks == []


def test_tests_passing_on_sklearn_pass_on_the_reference(runs: tuple[SuiteRun, SuiteRun]) -> None:
    patched, shipped = runs
    refusals = read_refusals()
    broken = sorted(nodeid for nodeid in patched.tests
                    if patched.outcome(nodeid) != "passed" and shipped.outcome(nodeid) == "passed"
                    and nodeid not in refusals)
    assert broken == [], "\n".join(_failure(patched, nodeid) for nodeid in broken)


def test_each_documented_refusal_is_real_and_reasoned(runs: tuple[SuiteRun, SuiteRun]) -> None:
    patched, shipped = runs
    refusals = read_refusals()
    for nodeid, reason in refusals.items():
        assert shipped.outcome(nodeid) == "passed", f"{nodeid} does not pass on scikit-learn"
        assert patched.outcome(nodeid) == "failed", f"{nodeid} is refused but passes on the reference"
        assert nodeid in patched.relevant(), f"{nodeid} does not reach the reference"
        assert len(reason) > 40, f"{nodeid}: say why"
    assert all(count <= 2 for count in per_file(set(refusals)).values())


def test_the_refusals_document_is_the_one_the_readme_links() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "tests/reference/SKLEARN_REFUSALS.md" in readme
    refused_files = {nodeid.split("::")[0] for nodeid in read_refusals()}
    assert refused_files and refused_files <= set(SUITE_FILES)
