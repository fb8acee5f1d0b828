"""The prove/list/explain contract of DESIGN section 4: output, JSON schema, exit codes.

Protects what scripts rely on: the JSON keys and value sets, exit code 0/1/2/3, and one
line on stderr (never a traceback) for usage errors.
"""

from __future__ import annotations

import io
import json

import pytest

from metricproofs import cli
from metricproofs.provers import bounded
from metricproofs.provers.smt import SolverAnswer

VERDICTS = {"proved", "refuted", "unknown", "error"}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_prove_json_follows_the_contract() -> None:
    code, out, _ = run("prove", "fp-fn-balance", "micro-subset-precision-equals-recall", "--max-classes", "3", "--json")
    assert code == 0
    report = json.loads(out)
    assert set(report) == {"metricproofs", "results"}
    by_id = {r["id"]: r for r in report["results"]}
    assert set(by_id) == {"fp-fn-balance", "micro-subset-precision-equals-recall"}
    for result in report["results"]:
        assert set(result) == {"id", "expected", "verdict", "methods", "counterexample"}
        assert result["verdict"] in VERDICTS
        for method in result["methods"]:
            assert set(method) == {"method", "verdict", "seconds", "max_classes", "detail"}
            assert method["verdict"] in VERDICTS and isinstance(method["seconds"], float)
    assert by_id["fp-fn-balance"]["verdict"] == "proved" and by_id["fp-fn-balance"]["counterexample"] is None
    example = by_id["micro-subset-precision-equals-recall"]["counterexample"]
    assert by_id["micro-subset-precision-equals-recall"]["verdict"] == "refuted"
    assert set(example) >= {"y_true", "y_pred", "labels", "sample_weight", "values"}
    assert example["labels"] and len(example["y_true"]) == len(example["y_pred"])


def test_text_output_shows_a_paste_able_counterexample() -> None:
    code, out, _ = run("prove", "abstaining-micro-precision-equals-recall", "--max-classes", "3")
    assert code == 0
    assert "precision_recall_fscore_support([" in out and "labels=[" in out


def test_a_bounded_proof_prints_its_scope() -> None:
    """A bounded proof of a claim about one class count (k = 2) covers the whole claim and says so;
    a bounded proof of a claim about every k says only how far it went (never "every k")."""
    code, out, _ = run("prove", "binary-adjusted-balanced-accuracy-equals-informedness", "micro-f1-equals-accuracy",
                       "--method", "z3-bounded", "--max-classes", "3")
    assert code == 0
    binary, multi = [line for line in out.splitlines() if line.startswith("ok ")]
    assert binary.endswith("z3-bounded(k=2, the claim's only k)")
    assert multi.endswith("z3-bounded(k<=3)")


def test_a_method_that_does_not_apply_is_named_and_is_unknown_never_proved() -> None:
    """Coq has no theorem about IEEE-754 doubles: asked for coq only, the float claim is unknown
    (exit 3) and the line says which method gave nothing, instead of a bare "no method ran"."""
    code, out, _ = run("prove", "float64-micro-precision-equals-recall-integer-weights", "--method", "coq")
    assert code == 3
    line = out.splitlines()[0]
    assert line.startswith("?? ") and " unknown " in line
    assert line.endswith("no method ran (coq: does not apply to this claim, or is not installed)")


def test_forced_unknown_gives_exit_3(monkeypatch) -> None:
    monkeypatch.setattr(bounded, "solve", lambda queries, timeout: SolverAnswer("unknown", 0.0, None, "timeout"))
    code, out, _ = run("prove", "micro-f1-equals-accuracy", "--method", "z3-bounded", "--max-classes", "2", "--json")
    assert code == 3
    assert json.loads(out)["results"][0]["verdict"] == "unknown"


def test_claims_proved_in_parallel_report_what_one_process_reports() -> None:
    """--jobs runs claims in worker processes: same claims, same order, same verdicts and scopes."""
    ids = ("fp-fn-balance", "macro-precision-equals-recall", "micro-jaccard-from-accuracy")
    reports = []
    for jobs in ("1", "2"):
        code, out, _ = run("prove", *ids, "--max-classes", "2", "--jobs", jobs, "--json")
        assert code == 0
        reports.append([(r["id"], r["verdict"], [(m["method"], m["verdict"]) for m in r["methods"]])
                        for r in json.loads(out)["results"]])
    assert reports[0] == reports[1]
    assert [row[0] for row in reports[1]] == list(ids)


def test_a_contradicted_expectation_gives_exit_1(monkeypatch) -> None:
    # A solver that always says unsat would "prove" a false belief: the CLI must report it as a contradiction.
    monkeypatch.setattr(bounded, "solve", lambda queries, timeout: SolverAnswer(
        "sat" if queries[0].goal == "hypotheses" else "unsat", 0.0, {}, ""))
    code, out, _ = run("prove", "macro-precision-equals-recall", "--method", "z3-bounded", "--max-classes", "2")
    assert code == 1
    assert "XX" in out


@pytest.mark.parametrize("argv, fragment", [
    (("prove", "micro-f1-equals-acuracy"), "did you mean micro-f1-equals-accuracy"),
    (("prove", "--max-classes", "0"), "whole number >= 1"),
    (("prove", "--max-classes", "-1"), "whole number >= 1"),
    (("prove", "--max-classes", "many"), "whole number >= 1"),
    (("prove", "--timeout", "-5"), "seconds > 0"),
    (("prove", "--jobs", "0"), "whole number >= 1"),
    (("prove", "--method", "isabelle"), "invalid choice"),
    (("explain", "nonsense-claim"), "unknown claim id"),
    (("frobnicate",), "invalid choice"),
])
def test_usage_errors_exit_2_with_one_line(argv, fragment) -> None:
    code, out, err = run(*argv)
    assert code == 2
    assert fragment in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_list_json_has_every_claim() -> None:
    from metricproofs.catalogue import ids

    code, out, _ = run("list", "--json")
    assert code == 0
    claims = json.loads(out)["claims"]
    assert [c["id"] for c in claims] == ids()
    assert all(c["expected"] in ("holds", "fails") and c["hypotheses"] for c in claims)


def test_explain_reads_like_a_page() -> None:
    code, out, _ = run("explain", "micro-precision-equals-recall")
    assert code == 0
    for needed in ("Hypotheses:", "Proof:", "sum FP = sum FN", "5/9", "Counterexamples", "Induction schema"):
        assert needed in out
    # the seed's per-label table, worked out by hand in the seed note
    assert "A       2   1   2" in out and "B       1   2   1" in out and "C       2   1   1" in out


def test_version_and_help_exit_0() -> None:
    assert run("--version")[0] == 0
    assert run("--help")[0] == 0


def test_list_loads_neither_sympy_nor_z3_nor_numpy() -> None:
    import subprocess
    import sys

    code = ("import io, sys; from metricproofs import cli; cli.run(['list'], io.StringIO(), io.StringIO()); "
            "print(sorted(m for m in ('sympy', 'z3', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
