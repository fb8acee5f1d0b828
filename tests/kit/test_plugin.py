"""The pytest plugin: a user's test file using ``metric_conformance`` passes for a right
function, fails with the report for a wrong one, and the plugin is cheap to load."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest_plugins = ["pytester"]

USER_TESTS = '''
from collections import Counter


def my_accuracy(y_true, y_pred):
    return sum(t == p for t, p in zip(y_true, y_pred)) / len(y_true)


def my_macro_recall(y_true, y_pred):
    labels = sorted(set(y_true))  # wrong: labels only in predictions are left out
    pairs = Counter(zip(y_true, y_pred))
    recalls = [pairs[(l, l)] / sum(c for (t, _), c in pairs.items() if t == l) for l in labels]
    return sum(recalls) / len(recalls)


def test_accuracy(metric_conformance):
    report = metric_conformance(my_accuracy, metric="accuracy", examples=30)
    assert report.ok


def test_micro_f1_via_accuracy(metric_conformance):
    metric_conformance(my_accuracy, metric="f1", average="micro", examples=30)


def test_macro_recall(metric_conformance):
    metric_conformance(my_macro_recall, metric="recall", average="macro")
'''


def _plugin_args(pytester: pytest.Pytester) -> list[str]:
    """Load the plugin explicitly unless the installed entry point already does."""
    from importlib.metadata import entry_points

    installed = any(ep.value == "metricproofs.testing.plugin" for ep in entry_points(group="pytest11"))
    return [] if installed else ["-p", "metricproofs.testing.plugin"]


def test_fixture_passes_right_functions_and_fails_wrong_ones_with_the_report(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user_metrics=USER_TESTS)
    result = pytester.runpytest_subprocess(*_plugin_args(pytester), "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines([
        "*test_macro_recall*",
        "*disagrees with scikit-learn's recall (average='macro')*",
        "*my_macro_recall(*",
        "*expected *, got *",
        "*violated: agrees-with-reference*",
    ])
    assert "Traceback" not in result.stdout.str()  # the report, not a stack trace
    assert not (pytester.path / ".hypothesis").exists()


def test_fixture_options_are_checked(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_bad_use='''
def test_bad(metric_conformance):
    metric_conformance(len, metric="f2")
''')
    result = pytester.runpytest_subprocess(*_plugin_args(pytester), "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*UsageError: metric must be one of*"])


def test_loading_the_plugin_imports_neither_numpy_nor_hypothesis() -> None:
    code = (
        "import sys, metricproofs.testing.plugin\n"
        "print(sorted(m for m in ('numpy', 'hypothesis', 'sklearn', 'z3', 'sympy') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"
