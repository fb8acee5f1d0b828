"""The Coq development in proofs/coq: it builds, it admits nothing, every tagged theorem
rests on no axiom (``Print Assumptions`` says "Closed under the global context"), every
claim of the catalogue but the float64 one that holds has a Coq proof (holds) or a
kernel-checked counterexample (fails), and ``prove --method coq`` reports them. (The float64
refutations, Float64.v, have their own tests in test_coq_float.py.)

The build runs once per process on a temporary copy (:func:`metricproofs.provers.coq.coq_build`,
shared with the ``coq`` method), so no build product lands in the tree. Without ``coqc`` the
tests are skipped, except under ``CI=true`` (CI installs Coq), where a missing ``coqc`` is a
failure.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from metricproofs.catalogue import CATALOGUE, get
from metricproofs.provers import coq, prove, prove_claim

COQ_DIR = Path(__file__).resolve().parents[2] / "proofs" / "coq"
LOGICAL_ROOT = "MetricProofs"
CLOSED = "Closed under the global context"

#: Vernacular that would let a proof assume what it claims, anywhere.
FORBIDDEN = re.compile(r"\b(Admitted|admit|Admit|Axioms?|Parameters?|Conjectures?)\b")
#: Section-local assumptions: allowed only between ``Section X.`` and ``End X.``, where
#: closing the section turns them into universally quantified arguments of each theorem.
SECTION_ONLY = re.compile(r"\b(Variables?|Hypothes[ie]s|Context)\b")

#: Claims Coq does not cover, and why: a proof over every input of IEEE-754 binary64 arithmetic
#: (exactness of integer sums below 2^53) needs a floating-point library beyond the standard one,
#: or the primitive floats' axioms; z3's floating-point theory proves it (issue 16).
NOT_IN_COQ = {c.id for c in CATALOGUE if c.id.startswith("float64-") and c.expected == "holds"}
#: Theorems written by metricproofs.provers.coq_float: their datasets are checked there.
FLOAT_FILE = "Float64.v"


def _ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _coqc() -> str:
    coqc = shutil.which("coqc")
    if coqc is None:
        if _ci():
            pytest.fail("coqc not found on PATH, but CI=true and CI installs Coq")
        pytest.skip("coqc not found on PATH (install Coq to check proofs/coq)")
    return coqc


def _sources() -> list[str]:
    return coq.coq_sources(COQ_DIR)


def _text(name: str) -> str:
    return (COQ_DIR / name).read_text()


def _all_tags() -> tuple[dict, dict]:
    proofs: dict = {}
    refutations: dict = {}
    for name in _sources():
        for cid, rows in coq.coq_theorems(_text(name)).items():
            proofs.setdefault(cid, []).extend(rows)
        for cid, rows in coq.coq_refutations(_text(name)).items():
            refutations.setdefault(cid, []).extend(rows)
    return proofs, refutations


def _statement(name: str) -> str:
    """The text of theorem ``name`` from its keyword to ``Proof.``."""
    for source in _sources():
        match = re.search(rf"(?:Theorem|Corollary|Lemma)\s+{re.escape(name)}\b(.*?)\bProof\.", _text(source), re.S)
        if match:
            return match.group(1)
    raise AssertionError(f"theorem {name} not found")


@pytest.fixture(scope="module")
def build():
    """The shared build of proofs/coq: (theorem -> Print Assumptions answer, file -> output)."""
    _coqc()
    before = sorted(os.listdir(COQ_DIR))
    answers, outputs, problem = coq.coq_build(str(COQ_DIR))
    assert problem == "", problem
    assert sorted(os.listdir(COQ_DIR)) == before, "the build wrote into proofs/coq"
    return answers, outputs


def test_sources_listed_and_present():
    sources = _sources()
    on_disk = sorted(p.name for p in COQ_DIR.glob("*.v"))
    assert sorted(sources) == on_disk, "every .v file must be built (listed in _CoqProject)"
    assert "-R . MetricProofs" in (COQ_DIR / "_CoqProject").read_text()
    assert sources[:2] == ["Sums.v", "Definitions.v"]


@pytest.mark.parametrize("path", sorted(COQ_DIR.glob("*.v")), ids=lambda p: p.name)
def test_nothing_admitted_or_assumed(path):
    text = path.read_text()
    hits = [(n, m.group(0)) for n, line in enumerate(text.splitlines(), 1) for m in FORBIDDEN.finditer(line)]
    assert not hits, f"{path.name}: forbidden vernacular at (line, word) {hits}"
    depth = 0
    for n, line in enumerate(coq.strip_comments(text).splitlines(), 1):
        if re.match(r"\s*Section\s+\w+\s*\.", line):
            depth += 1
        elif re.match(r"\s*End\s+\w+\s*\.", line):
            depth -= 1
        if SECTION_ONLY.search(line):
            assert depth > 0, f"{path.name}:{n}: {line.strip()!r} outside a Section"
        if "Print Assumptions" in line:
            assert depth == 0, f"{path.name}:{n}: Print Assumptions inside a Section would list its variables"
    assert depth == 0, f"{path.name}: a Section is not closed"


def test_every_tagged_theorem_is_printed():
    """Each tagged theorem is a Print Assumptions target or a member of a printed tuple."""
    for source in _sources():
        text = _text(source)
        printed = set(coq.printed_assumptions(text))
        covered = printed | {m for b, members in coq.bundles(text).items() if b in printed for m in members}
        tagged = [n for rows in coq.coq_theorems(text).values() for n, _ in rows]
        tagged += [n for rows in coq.coq_refutations(text).values() for n, _ in rows]
        assert set(tagged) <= covered, (source, set(tagged) - covered)


def test_every_claim_has_a_full_coq_proof_or_refutation():
    proofs, refutations = _all_tags()
    for claim in CATALOGUE:
        if claim.id in NOT_IN_COQ:
            assert claim.id not in proofs and claim.id not in refutations
        elif claim.expected == "holds":
            full = [n for n, q in proofs.get(claim.id, []) if q in coq.FULL_READINGS]
            assert full, f"{claim.id}: no Coq theorem states the claim in full"
            assert claim.id not in refutations
        else:
            assert refutations.get(claim.id), f"{claim.id}: no Coq refutation"
            assert claim.id not in proofs


def _coq_list(text: str) -> list:
    """A Coq list literal of naturals, pairs and lists as a Python value."""
    return ast.literal_eval(text.replace(";", ",").replace("%nat", ""))


def test_refutation_tags_name_the_theorems_data():
    """The dataset in each refutes tag is the one the theorem computes with."""
    _, refutations = _all_tags()
    generated = set(coq.coq_refutations(_text(FLOAT_FILE)))
    for claim_id, rows in refutations.items():
        if claim_id in generated:
            continue  # a function of the tag's dataset: test_coq_float.py
        for name, fields in rows:
            statement = _statement(name)
            pairs = re.search(r"let ds := (\[.*?\])(?:%nat)? in", statement, re.S)
            rows_ = re.search(r"let rows := (\[.*?\]) in", statement, re.S)
            expected = [list(pair) for pair in zip(fields["y_true"], fields["y_pred"])]
            if pairs:
                assert [list(p) for p in _coq_list(pairs.group(1))] == expected, name
            else:
                assert rows_, f"{name}: no 'let ds' or 'let rows' in its statement"
                assert [list(r) for r in _coq_list(rows_.group(1))] == expected, name
            subset = re.search(r"let s := fun l => (.*?) in", statement)
            if fields.get("labels") is not None:
                assert subset, name
                assert sorted(int(x) for x in re.findall(r"l =\? (\d+)", subset.group(1))) == fields["labels"]
            else:
                assert subset is None, name


def test_builds_and_every_tagged_theorem_is_closed(build):
    answers, outputs = build
    assert sorted(outputs) == sorted(_sources())
    proofs, refutations = _all_tags()
    names = {n for rows in proofs.values() for n, _ in rows} | {n for rows in refutations.values() for n, _ in rows}
    for name in sorted(names):
        assert answers.get(name) == CLOSED, f"Print Assumptions {name}:\n{answers.get(name)}"
    assert all(answer == CLOSED for answer in answers.values())


def test_prove_method_coq_proves_every_holds_claim_and_refutes_every_fails_claim(build):
    report = prove(None, methods=["coq"])
    for result in report.results:
        if result.id in NOT_IN_COQ:
            assert result.methods == []
            continue
        (method,) = result.methods
        want = "proved" if result.expected == "holds" else "refuted"
        assert method.verdict == want, (result.id, method.detail)
        if want == "refuted":
            assert result.counterexample is not None and result.counterexample["values"]
            by = "scikit-learn" if result.id.startswith("float64-") else "metricproofs.reference"
            assert f"confirmed by {by}" in method.detail


def test_special_case_only_is_unknown(build, monkeypatch):
    """A claim whose only Coq theorem proves a special case is not counted as proved."""
    real = coq._tags

    def only_natural_weights(folder):
        proofs, refutations = real(folder)
        rows = [row for row in proofs["sample-weights-preserve-identity"] if row[1] == "natural weights"]
        return {**proofs, "sample-weights-preserve-identity": rows}, refutations

    monkeypatch.setattr(coq, "_tags", only_natural_weights)
    result = coq.check_with_coq(get("sample-weights-preserve-identity"))
    assert result is not None and result.verdict == "unknown" and "special case" in result.detail


def test_refutation_needs_the_reference_to_confirm(build, monkeypatch):
    """A closed refutation whose tag's dataset does not show the violation is an error:
    over all labels (no labels=), micro P = R on the same samples."""
    real = coq._tags

    def without_labels(folder):
        proofs, refutations = real(folder)
        name, fields = refutations["micro-subset-precision-equals-recall"][0]
        return proofs, {**refutations, "micro-subset-precision-equals-recall": [(name, {**fields, "labels": None})]}

    monkeypatch.setattr(coq, "_tags", without_labels)
    result = coq.check_with_coq(get("micro-subset-precision-equals-recall"))
    assert result is not None and result.verdict == "error" and "does not show the violation" in result.detail


def test_proved_and_refuted_is_an_error(build, monkeypatch):
    real = coq._tags

    def both(folder):
        proofs, refutations = real(folder)
        return proofs, {**refutations, "fp-fn-balance": refutations["macro-precision-equals-recall"]}

    monkeypatch.setattr(coq, "_tags", both)
    result = coq.check_with_coq(get("fp-fn-balance"))
    assert result is not None and result.verdict == "error" and "both proves" in result.detail


@pytest.mark.slow
def test_coq_and_z3_refute_with_the_same_counterexample(build):
    """Each Coq refutation is as small as the counterexample the z3 search reports (the
    search races encodings, so among equally small ones its pick may vary from run to run:
    the same number of samples and of labels), and the two verdicts combine to refuted.
    Three claims, one per kind of data (a label subset, multi-label rows, kappa), to keep the
    suite lean; every refutation was compared with the z3 search when it was written."""
    for claim_id in ("micro-subset-precision-equals-recall", "multilabel-micro-precision-equals-recall",
                     "kappa-equals-accuracy"):
        result = prove_claim(claim_id, methods=["z3-bounded", "coq"])
        z3, coq_result = result.methods
        assert (z3.verdict, coq_result.verdict, result.verdict) == ("refuted", "refuted", "refuted"), claim_id

        def size(cex: dict) -> tuple:
            rows = cex["y_true"]
            width = len(rows[0]) if rows and isinstance(rows[0], list) else None
            return len(rows), width, None if cex["labels"] is None else len(cex["labels"])

        assert size(z3.counterexample) == size(coq_result.counterexample), claim_id


def _compile(coqc: str, workdir: Path, name: str) -> subprocess.CompletedProcess:
    return subprocess.run([coqc, "-q", "-R", ".", LOGICAL_ROOT, name], cwd=workdir,
                          capture_output=True, text=True, timeout=300)


def test_parser_catches_an_axiom(tmp_path):
    """The check is not vacuous: an axiom shows up as a non-closed answer, also through a tuple."""
    coqc = _coqc()
    source = (
        "Axiom cheat : False.\n"
        "Theorem bad : 1 = 2.\nProof. destruct cheat. Qed.\n"
        "Theorem good : 1 = 1.\nProof. reflexivity. Qed.\n"
        "Definition both := (good, bad).\n"
        "Print Assumptions good.\nPrint Assumptions both.\n"
    )
    (tmp_path / "Bad.v").write_text(source)
    proc = _compile(coqc, tmp_path, "Bad.v")
    assert proc.returncode == 0, proc.stderr
    answers = coq.assumption_answers(source, proc.stdout)
    assert answers["good"] == CLOSED
    assert answers["both"].startswith("Axioms:") and "cheat" in answers["both"]
    assert answers["bad"] == answers["both"]
    assert FORBIDDEN.search(source)
