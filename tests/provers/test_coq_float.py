"""proofs/coq/Float64.v, the float64 refutations: written from the certificates' order of
operations, kernel-checked, and computing the very doubles scikit-learn returns."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from metricproofs.catalogue import CATALOGUE, get
from metricproofs.provers import coq
from metricproofs.provers.coq_float import (coq_float_source, float_of_spec, spec_float, theorem_name,
                                            theorem_text, value_name)
from metricproofs.provers.floating import _pair, applies

COQ_DIR = Path(__file__).resolve().parents[2] / "proofs" / "coq"
FAILING = [c for c in CATALOGUE if applies(c) and c.expected == "fails"]


def _coqc() -> str:
    coqc = shutil.which("coqc")
    if coqc is None:
        import os

        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail("coqc not found on PATH, but CI=true and CI installs Coq")
        pytest.skip("coqc not found on PATH")
    return coqc


def _compile(workdir: Path, name: str, text: str) -> subprocess.CompletedProcess:
    (workdir / name).write_text(text)
    return subprocess.run([_coqc(), "-q", "-R", ".", "MetricProofs", name], cwd=workdir,
                          capture_output=True, text=True, timeout=300)


def test_the_committed_file_is_what_the_generator_writes() -> None:
    assert (COQ_DIR / "Float64.v").read_text() == coq_float_source(), \
        "regenerate with: python -m metricproofs.provers.coq_float proofs/coq/Float64.v"


def test_a_double_is_written_exactly() -> None:
    # worked by hand: 1 = 2^52 * 2^-52; 0.4 is 7205759403792794 * 2^-54 (the double nearest 0.4)
    assert spec_float(1.0) == "(S754_finite false 4503599627370496 (-52))"
    assert spec_float(0.4) == "(S754_finite false 7205759403792794 (-54))"
    assert 7205759403792794 * 2.0 ** -54 == 0.4
    for x in (1.0, 0.4, 0.1, 2.0 ** 53, 0.0, -0.0, -3.5):
        assert float_of_spec(spec_float(x)) == x and str(float_of_spec(spec_float(x))) == str(x)
    with pytest.raises(ValueError):
        spec_float(float("nan"))


def test_every_failing_float64_claim_has_its_refutation() -> None:
    refutations = coq.coq_refutations((COQ_DIR / "Float64.v").read_text())
    assert sorted(refutations) == sorted(c.id for c in FAILING)
    for claim in FAILING:
        ((name, fields),) = refutations[claim.id]
        assert name == theorem_name(claim)
        assert set(fields) == {"y_true", "y_pred", "sample_weight"}


def test_coq_computes_the_doubles_scikit_learn_returns(tmp_path: Path) -> None:
    """The kernel's values of the two compared doubles, on each tag's dataset, are bit for bit
    scikit-learn's: the Coq file states scikit-learn's computation, not a similar one."""
    sklearn = pytest.importorskip("sklearn.metrics")
    shutil.copy(COQ_DIR / "Float64.v", tmp_path / "Float64.v")
    built = subprocess.run([_coqc(), "-q", "-R", ".", "MetricProofs", "Float64.v"], cwd=tmp_path,
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    refutations = coq.coq_refutations((COQ_DIR / "Float64.v").read_text())
    asked = [(claim, key) for claim in FAILING for key in _pair(claim)]
    evals = "".join(f"Eval vm_compute in {value_name(claim, key)}.\n" for claim, key in asked)
    imports = "From Coq Require Import ZArith SpecFloat.\nFrom MetricProofs Require Import Float64.\n"
    out = _compile(tmp_path, "Values.v", imports + evals)
    assert out.returncode == 0, out.stdout + out.stderr
    printed = re.findall(r"=\s*(S754_\w+[^:]*?)\s*:\s*spec_float", out.stdout, re.S)
    assert len(printed) == len(asked), out.stdout
    for (claim, key), text in zip(asked, printed):
        ((_, data),) = refutations[claim.id]
        kw = {"sample_weight": data["sample_weight"]}
        want = {"precision": lambda: sklearn.precision_score(data["y_true"], data["y_pred"], average="micro", **kw),
                "recall": lambda: sklearn.recall_score(data["y_true"], data["y_pred"], average="micro", **kw),
                "f1": lambda: sklearn.f1_score(data["y_true"], data["y_pred"], average="micro", **kw),
                "accuracy": lambda: sklearn.accuracy_score(data["y_true"], data["y_pred"], **kw)}[key]()
        assert float_of_spec(" ".join(text.split())) == float(want), (claim.id, key, text, want)


def test_the_refutation_does_not_compile_where_the_doubles_agree(tmp_path: Path) -> None:
    # negative control: with integer weights the two sums are exact (the claim that holds), so
    # precision and recall are the same double and "SFeqb ... = false" has no proof
    claim = get("float64-micro-precision-equals-recall")
    header = coq_float_source().split("(** [", 1)[0]
    agreeing = theorem_text(claim, [0, 0, 1], [0, 1, 1], [1.0, 1.0, 2.0])
    out = _compile(tmp_path, "Agree.v", header + agreeing + "\n")
    assert out.returncode != 0
    assert "reflexivity" in out.stdout + out.stderr or "Unable to unify" in out.stdout + out.stderr
    disagreeing = theorem_text(claim, [0, 0, 0], [1, 0, 0], [1.0, 0.4, 0.4])  # the certificate's dataset
    assert _compile(tmp_path, "Disagree.v", header + disagreeing + "\n").returncode == 0
