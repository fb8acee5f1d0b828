"""scikit-learn's own metric tests pass on metricproofs.reference, except the documented refusals.

What it protects: the reference is a drop-in for scikit-learn's ten functions (DESIGN
section 5). scikit-learn's ``test_classification.py`` and ``test_common.py``, copied from the
installed wheel, run twice in subprocesses: as shipped (which tests pass, and which reach one
of the ten functions: the relevant ones), then the relevant ones again with the reference
patched in everywhere scikit-learn holds the ten functions (so its other metrics, such as
``cohen_kappa_score`` and ``classification_report``, and its scorers call the reference too).
A relevant test that passes on scikit-learn must pass on the reference, unless
SKLEARN_REFUSALS.md lists it with its reason (at most two per file); a listed refusal that
passes, or that the suite no longer has, fails the test too, so the list stays true.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _sklearn_suite import SUITE_FILES, SuiteRun, copy_suite, per_file, read_refusals, run_suite

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[SuiteRun, SuiteRun]:
    folder = copy_suite(tmp_path_factory.mktemp("sklearn-suite"))
    shipped = run_suite(folder, "sklearn")
    patched = run_suite(folder, "reference", select=sorted(shipped.relevant()))
    return shipped, patched


def _failure(run: SuiteRun, nodeid: str) -> str:
    entry = run.tests.get(nodeid, {"outcome": "not run"})
    tail = entry.get("message", "").strip().splitlines()[-3:]
    return f"{nodeid}: {entry['outcome']}\n    " + "\n    ".join(tail)


def test_the_suite_reaches_the_ten_functions_in_both_files(runs: tuple[SuiteRun, SuiteRun]) -> None:
    shipped, _ = runs
    counts = per_file(shipped.relevant())
    # scikit-learn 1.9.1: 184 and 1036 relevant tests; far fewer means the recorder broke.
    assert all(count >= 100 for count in counts.values()), counts


def test_every_relevant_test_calls_the_reference_when_patched(runs: tuple[SuiteRun, SuiteRun]) -> None:
    shipped, patched = runs
    missed = [nodeid for nodeid in shipped.relevant()
              if shipped.outcome(nodeid) == "passed" and not patched.tests.get(nodeid, {}).get("reached")]
    assert missed == []


def test_relevant_tests_passing_on_sklearn_pass_on_the_reference(runs: tuple[SuiteRun, SuiteRun]) -> None:
    shipped, patched = runs
    refusals = read_refusals()
    broken = sorted(nodeid for nodeid in shipped.relevant()
                    if shipped.outcome(nodeid) == "passed" and patched.tests.get(nodeid, {}).get("outcome") != "passed"
                    and nodeid not in refusals)
    assert broken == [], "\n".join(_failure(patched, nodeid) for nodeid in broken)


def test_each_documented_refusal_is_real_and_reasoned(runs: tuple[SuiteRun, SuiteRun]) -> None:
    shipped, patched = runs
    refusals = read_refusals()
    for nodeid, reason in refusals.items():
        assert shipped.outcome(nodeid) == "passed", f"{nodeid} does not pass on scikit-learn"
        assert patched.outcome(nodeid) == "failed", f"{nodeid} is refused but passes on the reference"
        assert len(reason) > 40, f"{nodeid}: say why"
    per_suite_file = per_file(set(refusals))
    assert sum(per_suite_file.values()) == len(refusals), "refusals must name tests of the two files"
    assert all(count <= 2 for count in per_suite_file.values()), per_suite_file


def test_the_refusals_document_is_the_one_the_readme_links() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "tests/reference/SKLEARN_REFUSALS.md" in readme
    assert set(SUITE_FILES) >= {nodeid.split("::")[0] for nodeid in read_refusals()}
