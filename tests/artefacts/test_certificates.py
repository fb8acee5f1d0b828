"""The SMT-LIB2 certificates in proofs/smt2 and the re-checks by cvc5 and Coq.

- regenerating the certificates gives exactly the committed files (no drift from the
  catalogue and the definitions);
- every file declares its status, and z3 (the executable) answers it;
- cvc5 answers the declared status on a fixed, fast subset of the files, and on every file
  (one cvc5 process for all of them, each check-sat limited to 120 s);
- methods ``cvc5`` and ``coq`` through :func:`metricproofs.provers.prove_claim`.

Tests that need cvc5 or coqc skip without them, except under ``CI=true``, where a
missing tool is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from metricproofs import certificates
from metricproofs.provers import coq, cvc5
from metricproofs.provers import prove_claim

ROOT = Path(__file__).resolve().parents[2]
SMT2 = ROOT / "proofs" / "smt2"
FILES = sorted(SMT2.rglob("*.smt2"))
#: Files cvc5 re-checks in the test suite (each well under a second here): one claim of each kind.
CVC5_SUBSET = [
    "fp-fn-balance/k3-negation.smt2",
    "micro-precision-equals-recall/k3-negation.smt2",
    "micro-precision-equals-recall/k3-lemmas.smt2",
    "micro-f1-equals-accuracy/k2-negation.smt2",
    "micro-f1-equals-accuracy/k2-hypotheses.smt2",
    "micro-f1-equals-accuracy/k2-definedness.smt2",
    "sample-weights-preserve-identity/k2-negation.smt2",
    "binary-micro-equals-accuracy/k2-negation.smt2",
    "micro-subset-precision-equals-recall/k2-negation.smt2",
    "abstaining-micro-precision-equals-recall/k2-negation.smt2",
]


def _ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _need(available: bool, what: str) -> None:
    if not available:
        if _ci():
            pytest.fail(f"{what} not found, but CI=true and CI installs it")
        pytest.skip(f"{what} not found")


def _z3() -> str:
    binary = shutil.which("z3") or str(Path(sys.executable).with_name("z3"))
    _need(Path(binary).exists(), "z3 executable")
    return binary


def test_files_are_committed_and_small():
    assert len(FILES) >= 50, "run: .venv/bin/metricproofs export --smt2 proofs/smt2"
    assert sum(p.stat().st_size for p in FILES) < 2 * 1024 * 1024


def test_export_reproduces_the_committed_files(tmp_path):
    written = certificates.export_smt2(tmp_path)
    fresh = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in written}
    committed = {p.relative_to(SMT2).as_posix(): p.read_bytes() for p in FILES}
    assert sorted(fresh) == sorted(committed), "regenerate: metricproofs export --smt2 proofs/smt2"
    changed = [name for name in fresh if fresh[name] != committed[name]]
    assert not changed, f"out of date (regenerate with metricproofs export --smt2 proofs/smt2): {changed[:5]}"


def _one_certificate(monkeypatch):
    """Export a single small certificate instead of the catalogue (fast)."""
    from metricproofs.catalogue import get
    from metricproofs.provers.obligations import holds_plan, relax_counts

    formula = relax_counts(get("fp-fn-balance").formula())
    negation = holds_plan(get("fp-fn-balance"), formula, 1)[-1]
    cert = certificates.Certificate("fp-fn-balance/k1-negation.smt2", negation)
    monkeypatch.setattr(certificates, "certificates", lambda: [cert])
    monkeypatch.setattr(certificates, "_induction_certificates", lambda: [])


def test_export_removes_stale_files(tmp_path, monkeypatch):
    _one_certificate(monkeypatch)
    stale = tmp_path / "no-such-claim" / "k9-negation.smt2"
    stale.parent.mkdir()
    stale.write_text("(check-sat)\n")
    assert certificates.export_smt2(tmp_path) == [tmp_path / "fp-fn-balance" / "k1-negation.smt2"]
    assert not stale.exists() and not stale.parent.exists()


def test_every_claim_has_a_decisive_certificate():
    from metricproofs.catalogue import CATALOGUE

    for claim in CATALOGUE:
        negations = sorted((SMT2 / claim.id).glob("k*-negation.smt2"))
        assert negations, claim.id
        want = "unsat" if claim.expected == "holds" else "sat"
        for path in negations:
            assert certificates.declared_status(path.read_text()) == want, path
        if claim.expected == "holds":
            for path in negations:
                assert path.with_name(path.name.replace("negation", "hypotheses")).exists(), path


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(SMT2).as_posix())
def test_header_and_z3_answers_declared_status(path):
    text = path.read_text()
    status = certificates.declared_status(text)
    assert status in ("sat", "unsat"), f"{path}: no (set-info :status sat|unsat)"
    assert text.startswith("; metricproofs certificate: ")
    rel = path.relative_to(ROOT).as_posix()
    assert f"z3 {rel}" in text
    assert re.search(rf"^;   cvc5(?: --[a-z-]+)* {re.escape(rel)}$", text, re.MULTILINE), "no cvc5 re-check line"
    assert "set-option" not in text, "portable files carry no solver-specific options"
    proc = subprocess.run([_z3(), "-T:60", str(path)], capture_output=True, text=True, timeout=90)
    assert proc.stdout.split()[:1] == [status], f"{rel}: z3 says {proc.stdout.strip()!r}, declared {status}"


def test_the_cvc5_subset_exists():
    missing = [name for name in CVC5_SUBSET if not (SMT2 / name).exists()]
    assert not missing, missing


@pytest.mark.parametrize("name", CVC5_SUBSET)
def test_cvc5_answers_declared_status(name):
    _need(cvc5.cvc5_available(), "cvc5 (executable or Python package)")
    path = SMT2 / name
    answer = cvc5.run_cvc5(path, timeout=30)
    assert answer.status == certificates.declared_status(path.read_text()), (name, answer)


#: Files cvc5 does not decide within 120 s (z3 does), with the options their re-check line
#: names. F1 of the macro averages against the mean F1 at k = 2: until 2026-12-04 the negation,
#: an inequality between nested ratios under zero_division branches (cvc5 1.4: unknown at 120 s as
#: written, at 15-30 s in each encoding of :data:`~metricproofs.provers.smt.VARIANTS` with no
#: option, --nl-cov, --nl-ext-tplanes, --nl-cov --nl-cov-var-elim). With Opitz and Burst's steps
#: as facts the negation is linear in the harmonic-mean terms and cvc5 proves it (0.9 s); the
#: steps themselves (the lemmas file: F1_l = H(P_l, R_l), superadditivity of H, homogeneity)
#: are the nonlinear part now: unknown at 60 s as written, and each part alone unknown at 20 s in
#: flat-cross-multiplied, cross-multiplied and macros with and without --nl-cov, except
#: F1_l = H(P_l, R_l) (unsat with --nl-cov in 7-13 s). Strictly expected to fail, so a fix shows up.
CVC5_GAPS = [
    "f1-of-averages-at-least-averaged-f1/k2-lemmas.smt2",
]


def _wrong_cvc5_answers(paths: list[Path], timeout: float = 120) -> dict[str, object]:
    answers = cvc5.run_cvc5_each(paths, timeout=timeout)
    return {path.relative_to(SMT2).as_posix(): answers.get(str(path)) for path in paths
            if getattr(answers.get(str(path)), "status", None) != certificates.declared_status(path.read_text())}


@pytest.mark.slow
def test_cvc5_answers_every_committed_file():
    _need(cvc5.cvc5_available(), "cvc5 (executable or Python package)")
    paths = [p for p in FILES if p.relative_to(SMT2).as_posix() not in CVC5_GAPS]
    assert len(paths) == len(FILES) - len(CVC5_GAPS)
    wrong = _wrong_cvc5_answers(paths)
    assert not wrong, f"cvc5 does not answer the declared status: {wrong}"


@pytest.mark.slow
def test_cvc5_gaps_are_still_gaps():
    """Each known gap is still undecided (here within 5 s each, to keep the suite lean):
    when one gets answered, this fails and the list must shrink."""
    _need(cvc5.cvc5_available(), "cvc5 (executable or Python package)")
    assert all((SMT2 / name).exists() for name in CVC5_GAPS)
    wrong = _wrong_cvc5_answers([SMT2 / name for name in CVC5_GAPS], timeout=5)
    assert sorted(wrong) == sorted(CVC5_GAPS)
    assert {getattr(answer, "status", None) for answer in wrong.values()} == {"unknown"}  # undecided, never a disagreement


def test_cvc5_each_reports_every_file(tmp_path):
    _need(cvc5.cvc5_available(), "cvc5 (executable or Python package)")
    sat, unsat, broken = tmp_path / "sat.smt2", tmp_path / "unsat.smt2", tmp_path / "broken.smt2"
    sat.write_text("(set-logic ALL)\n(declare-const x Real)\n(assert (> (* x x) 2.0))\n(check-sat)\n")
    unsat.write_text("(set-logic ALL)\n(declare-const x Real)\n(assert (< (* x x) 0.0))\n(check-sat)\n")
    broken.write_text("(set-logic ALL)\n(assert (> y 0))\n(check-sat)\n")
    answers = cvc5.run_cvc5_each([sat, unsat, broken], timeout=30)
    assert [answers[str(p)].status for p in (sat, unsat, broken)] == ["sat", "unsat", "error"]
    assert "y" in answers[str(broken)].reason


def test_cvc5_runner_reports_both_answers(tmp_path):
    _need(cvc5.cvc5_available(), "cvc5 (executable or Python package)")
    sat = tmp_path / "sat.smt2"
    sat.write_text("(set-logic ALL)\n(declare-const x Real)\n(assert (> (* x x) 2.0))\n(check-sat)\n")
    unsat = tmp_path / "unsat.smt2"
    unsat.write_text("(set-logic ALL)\n(declare-const x Real)\n(assert (< (* x x) 0.0))\n(check-sat)\n")
    assert cvc5.run_cvc5(sat, timeout=30).status == "sat"
    assert cvc5.run_cvc5(unsat, timeout=30).status == "unsat"
    broken = tmp_path / "broken.smt2"
    broken.write_text("(set-logic ALL)\n(assert (> y 0))\n(check-sat)\n")
    assert cvc5.run_cvc5(broken, timeout=30).status == "error"


def test_cvc5_method_proves_a_holding_claim():
    _need(cvc5.cvc5_available(), "cvc5 (executable or Python package)")
    result = prove_claim("micro-precision-equals-recall", methods=["cvc5"], max_classes=3, timeout=30)
    (method,) = result.methods
    assert (method.method, method.verdict, method.max_classes) == ("cvc5", "proved", 3), method.detail
    assert "every k in 1..3" in method.detail


def test_cvc5_method_refutes_a_failing_claim():
    _need(cvc5.cvc5_available(), "cvc5 (executable or Python package)")
    result = prove_claim("micro-subset-precision-equals-recall", methods=["cvc5"], timeout=30)
    (method,) = result.methods
    assert method.verdict == "refuted", method.detail
    assert method.max_classes == 2 and "as in z3" in method.detail


def test_coq_tags_are_read():
    folder = coq.coq_dir()
    assert folder is not None
    tags = coq.coq_theorems((folder / "MicroAveraging.v").read_text())
    assert ("fp_fn_balance", "") in tags["fp-fn-balance"]
    assert ("micro_f1_equals_accuracy", "") in tags["micro-f1-equals-accuracy"]
    assert tags["sample-weights-preserve-identity"] == [("wdataset_micro_equals_accuracy", "natural weights")]
    assert "macro-precision-equals-recall" not in tags


def test_coq_method():
    _need(shutil.which("coqc") is not None, "coqc")
    proved = prove_claim("micro-f1-equals-accuracy", methods=["coq"])
    (method,) = proved.methods
    assert (method.method, method.verdict, method.max_classes) == ("coq", "proved", None), method.detail
    assert "micro_f1_equals_accuracy" in method.detail
    refuted = prove_claim("macro-precision-equals-recall", methods=["coq"]).methods
    assert [m.verdict for m in refuted] == ["refuted"] and "macro_precision_equals_recall_refuted" in refuted[0].detail
    float_refuted = prove_claim("float64-micro-precision-equals-recall", methods=["coq"]).methods
    assert [m.verdict for m in float_refuted] == ["refuted"], float_refuted
    # the float64 claim that holds is z3's floating-point theory's alone: Coq does not run
    assert prove_claim("float64-micro-precision-equals-recall-integer-weights", methods=["coq"]).methods == []


def test_coq_method_absent_without_coqc(monkeypatch):
    from metricproofs.catalogue import get

    monkeypatch.setattr(coq.shutil, "which", lambda name: None)
    assert coq.check_with_coq(get("fp-fn-balance")) is None


def test_cli_export_summary(tmp_path, monkeypatch):
    from io import StringIO

    _one_certificate(monkeypatch)
    from metricproofs.cli import run

    out, err = StringIO(), StringIO()
    assert run(["export", "--smt2", str(tmp_path / "certs")], out, err) == 0
    assert out.getvalue().startswith("wrote ") and len(out.getvalue().splitlines()) == 1
    (tmp_path / "file").write_text("")
    assert run(["export", "--smt2", str(tmp_path / "file")], out, err) == 2
    assert len(err.getvalue().splitlines()) == 1
