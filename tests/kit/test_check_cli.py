"""``metricproofs check MODULE:FUNCTION``: exit codes 0/1/2, one line on stderr for usage
errors, a paste-able counterexample, and the JSON schema of DESIGN section 4."""

from __future__ import annotations

import io
import itertools
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from metricproofs.cli import run

_names = itertools.count()

USER_CODE = '''
from collections import Counter


def accuracy(y_true, y_pred):
    return sum(t == p for t, p in zip(y_true, y_pred)) / len(y_true)


def macro_f1(y_true, y_pred):
    labels = sorted(set(y_true) | set(y_pred))
    pairs = Counter(zip(y_true, y_pred))
    scores = []
    for label in labels:
        tp = pairs[(label, label)]
        wrong = sum(c for (t, p), c in pairs.items() if (t == label) != (p == label))
        scores.append(2 * tp / (2 * tp + wrong) if tp + wrong else 0.0)
    return sum(scores) / len(scores)


def fbeta(y_true, y_pred, beta=1.0):
    return accuracy(y_true, y_pred)


NOT_A_FUNCTION = 3
'''


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """A directory holding a fresh user module (unique name: imports are cached) as the cwd."""
    name = f"user_metrics_{next(_names)}"
    (tmp_path / f"{name}.py").write_text(USER_CODE)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", list(sys.path))
    return tmp_path, name


def _check(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["check", *argv], out, err)
    return code, out.getvalue(), err.getvalue()


def test_a_correct_function_exits_0(project: tuple[Path, str]) -> None:
    _, module = project
    code, out, err = _check(f"{module}:macro_f1", "--metric", "f1", "--average", "macro", "--examples", "40")
    assert code == 0, out + err
    assert "agrees" in out and "not a proof" in out and err == ""


def test_a_wrong_function_exits_1_with_a_pasteable_call(project: tuple[Path, str]) -> None:
    _, module = project
    code, out, err = _check(f"{module}:macro_f1", "--metric", "f1", "--average", "micro")
    assert code == 1, out + err
    call = next(line.strip() for line in out.splitlines() if line.strip().startswith("macro_f1("))
    namespace: dict = {}
    exec(USER_CODE, namespace)
    value = eval(call, namespace)
    assert f"got {value:.10g}" in out
    assert "violated: micro-f1-equals-accuracy" in out


def test_json_output_follows_the_schema(project: tuple[Path, str]) -> None:
    _, module = project
    code, out, _ = _check(f"{module}:macro_f1", "--metric", "f1", "--average", "micro", "--json")
    record = json.loads(out)
    assert code == 1
    assert record == {
        "target": f"{module}:macro_f1",
        "metric": "f1",
        "average": "micro",
        "verdict": "disagrees",
        "examples": record["examples"],
        "counterexample": record["counterexample"],
        "tolerance": {"rtol": 1e-9, "atol": 1e-12},
        "failures": record["failures"],
    }
    assert isinstance(record["examples"], int) and record["examples"] >= 1
    cx = record["counterexample"]
    assert set(cx) == {"y_true", "y_pred", "expected", "got", "violated"}
    assert len(cx["y_true"]) == len(cx["y_pred"]) <= 3
    assert isinstance(cx["expected"], float) and isinstance(cx["got"], float)

    code, out, _ = _check(f"{module}:accuracy", "--metric", "accuracy", "--json", "--examples", "30")
    record = json.loads(out)
    assert code == 0 and record["verdict"] == "agrees" and record["counterexample"] is None
    assert record["examples"] == 30


def test_kwargs_are_parsed_as_json_and_passed_on(project: tuple[Path, str]) -> None:
    _, module = project
    code, out, err = _check(f"{module}:fbeta", "--metric", "fbeta", "--average", "micro",
                            "--kwarg", "beta=0.5", "--examples", "30")
    assert code == 0, out + err


def test_average_passed_as_a_kwarg_is_the_claim(project: tuple[Path, str]) -> None:
    code, out, err = _check("sklearn.metrics:recall_score", "--metric", "recall",
                            "--kwarg", 'average="weighted"', "--examples", "20", "--json")
    assert code == 0, out + err
    assert json.loads(out)["average"] == "weighted"


def test_without_average_the_claim_is_scikit_learns_default_binary(project: tuple[Path, str]) -> None:
    code, out, err = _check("sklearn.metrics:f1_score", "--metric", "f1", "--examples", "20", "--json")
    assert code == 0, out + err
    assert json.loads(out)["average"] == "binary"


def test_seed_gives_a_disagreement_too(project: tuple[Path, str]) -> None:
    _, module = project
    code, _, _ = _check(f"{module}:macro_f1", "--metric", "f1", "--average", "weighted", "--seed", "3")
    assert code == 1


@pytest.mark.parametrize(
    "target, extra, fragment",
    [
        ("{m}", [], "MODULE:FUNCTION"),
        ("{m}:", [], "MODULE:FUNCTION"),
        (":macro_f1", [], "MODULE:FUNCTION"),
        ("{m}:a:b", [], "MODULE:FUNCTION"),
        ("no_such_module_xyz:f", [], "no module named 'no_such_module_xyz'"),
        ("{m}:missing", [], "has no function 'missing'"),
        ("{m}:NOT_A_FUNCTION", [], "not callable"),
        ("{m}:macro_f1", ["--kwarg", "zero_division=warn"], "not JSON"),
        ("{m}:macro_f1", ["--kwarg", "zero_division"], "KEY=JSON"),
        ("{m}:macro_f1", ["--kwarg", "eps=1"], "not understood"),
        ("{m}:macro_f1", ["--kwarg", "beta=1", "--kwarg", "beta=2"], "given twice"),
    ],
)
def test_usage_errors_exit_2_with_one_line(project: tuple[Path, str], target: str, extra: list[str],
                                           fragment: str) -> None:
    _, module = project
    code, out, err = _check(target.format(m=module), "--metric", "f1", "--average", "macro", *extra)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert fragment in err and "Traceback" not in err


def test_an_exception_while_importing_the_module_exits_2_naming_it(project: tuple[Path, str]) -> None:
    directory, _ = project
    (directory / "broken_at_import.py").write_text("raise RuntimeError('no GPU found')\n")
    (directory / "missing_dependency.py").write_text("import not_installed_anywhere_abc\n")
    code, _, err = _check("broken_at_import:f", "--metric", "accuracy")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "broken_at_import" in err and "RuntimeError: no GPU found" in err
    code, _, err = _check("missing_dependency:f", "--metric", "accuracy")
    assert code == 2 and "not_installed_anywhere_abc" in err and "missing_dependency" in err


def test_the_installed_command_imports_from_the_current_directory(tmp_path: Path) -> None:
    (tmp_path / "cwd_metrics.py").write_text(USER_CODE)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-m", "metricproofs", "check", "cwd_metrics:accuracy", "--metric", "accuracy",
         "--average", "micro"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2  # accuracy takes no average: a usage error, one line
    assert result.stderr.count("\n") == 1 and "accuracy takes no average" in result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "metricproofs", "check", "cwd_metrics:accuracy", "--metric", "accuracy",
         "--examples", "20"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (tmp_path / ".hypothesis").exists()
    assert textwrap.dedent(result.stdout).startswith("cwd_metrics:accuracy: agrees")
