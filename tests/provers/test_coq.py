"""The Coq development in proofs/coq: it builds, it admits nothing, and every
main theorem rests on no axiom (``Print Assumptions`` says "Closed under the
global context").

The build runs on a temporary copy, so no build product lands in the tree.
Without ``coqc`` the tests are skipped, except under ``CI=true`` (CI installs
Coq), where a missing ``coqc`` is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

COQ_DIR = Path(__file__).resolve().parents[2] / "proofs" / "coq"
MAIN_FILE = "MicroAveraging.v"
LOGICAL_ROOT = "MetricProofs"
CLOSED = "Closed under the global context"

# Each main theorem with its catalogue id (DESIGN.md section 3).
MAIN_THEOREMS = {
    "fp_fn_balance": "fp-fn-balance",
    "dataset_fp_fn_balance": "fp-fn-balance",
    "wdataset_fp_fn_balance": "fp-fn-balance",
    "micro_precision_equals_recall": "micro-precision-equals-recall",
    "micro_precision_equals_recall_nat": "micro-precision-equals-recall",
    "micro_precision_equals_recall_Q": "micro-precision-equals-recall",
    "micro_precision_equals_accuracy": "micro-f1-equals-accuracy",
    "micro_f1_equals_accuracy": "micro-f1-equals-accuracy",
    "micro_fbeta_equals_accuracy": "micro-fbeta-equals-accuracy",
    "weighted_recall_equals_accuracy": "weighted-recall-equals-accuracy",
    "prediction_weighted_precision_equals_accuracy": "prediction-weighted-precision-equals-accuracy",
    "dataset_micro_equals_accuracy": "micro-f1-equals-accuracy",
    "wdataset_micro_equals_accuracy": "sample-weights-preserve-identity",
    "dataset_micro_superset_labels": "micro-superset-labels-equals-accuracy",
    "micro_metrics_symmetric": "micro-metrics-symmetric",
}

# Vernacular that would let a proof assume what it claims.
FORBIDDEN = re.compile(
    r"\b(Admitted|admit|Admit|Axioms?|Parameters?|Conjectures?|Hypothes[ie]s|Variables?)\b"
)
TIMEOUT = 300


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
    """The .v files in build order, as listed in _CoqProject."""
    lines = (COQ_DIR / "_CoqProject").read_text().splitlines()
    return [ln.strip() for ln in lines if ln.strip().endswith(".v")]


def strip_comments(text: str) -> str:
    """Remove (nested) Coq comments; string literals are left alone."""
    out, depth, i, in_string = [], 0, 0, False
    while i < len(text):
        two = text[i : i + 2]
        if depth == 0 and text[i] == '"':
            in_string = not in_string
        if not in_string and two == "(*":
            depth, i = depth + 1, i + 2
            continue
        if not in_string and depth and two == "*)":
            depth, i = depth - 1, i + 2
            continue
        if depth == 0:
            out.append(text[i])
        i += 1
    return "".join(out)


def printed_assumptions(source: str) -> list[str]:
    """Names given to ``Print Assumptions`` in a Coq source, in order."""
    return re.findall(r"Print\s+Assumptions\s+([\w.']+)\s*\.", strip_comments(source))


def assumption_blocks(output: str) -> list[str]:
    """Split coqc output into one block per ``Print Assumptions`` answer."""
    blocks: list[list[str]] = []
    for line in output.splitlines():
        if not line.strip():
            continue
        starts_block = line == CLOSED or (line.endswith(":") and not line.startswith(" "))
        if starts_block or not blocks:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return ["\n".join(b) for b in blocks]


def _compile(coqc: str, workdir: Path, name: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [coqc, "-q", "-R", ".", LOGICAL_ROOT, name],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """Compile a copy of proofs/coq; return (workdir, stdout of each file)."""
    coqc = _coqc()
    before = sorted(os.listdir(COQ_DIR))
    work = tmp_path_factory.mktemp("coq")
    shutil.copy(COQ_DIR / "_CoqProject", work)
    for src in _sources():
        shutil.copy(COQ_DIR / src, work)
    outputs = {}
    for src in _sources():
        proc = _compile(coqc, work, src)
        assert proc.returncode == 0, f"coqc {src} failed:\n{proc.stdout}\n{proc.stderr}"
        outputs[src] = proc.stdout
    assert sorted(os.listdir(COQ_DIR)) == before, "the build wrote into proofs/coq"
    return work, outputs


def test_sources_listed_and_present():
    sources = _sources()
    assert MAIN_FILE in sources and sources[-1] == MAIN_FILE
    on_disk = sorted(p.name for p in COQ_DIR.glob("*.v"))
    assert sorted(sources) == on_disk, "every .v file must be built (listed in _CoqProject)"
    assert "-R . MetricProofs" in (COQ_DIR / "_CoqProject").read_text()


@pytest.mark.parametrize("path", sorted(COQ_DIR.glob("*.v")), ids=lambda p: p.name)
def test_nothing_admitted_or_assumed(path):
    text = path.read_text()
    hits = [(n, m.group(0)) for n, line in enumerate(text.splitlines(), 1)
            for m in FORBIDDEN.finditer(line)]
    assert not hits, f"{path.name}: forbidden vernacular at (line, word) {hits}"


def test_every_main_theorem_is_printed_and_tagged():
    source = (COQ_DIR / MAIN_FILE).read_text()
    printed = printed_assumptions(source)
    assert set(MAIN_THEOREMS) <= set(printed), set(MAIN_THEOREMS) - set(printed)
    for name, catalogue_id in MAIN_THEOREMS.items():
        m = re.search(rf"(Theorem|Corollary)\s+{re.escape(name)}\b(.{{0,200}})", source, re.S)
        assert m, f"{name} is not a Theorem/Corollary of {MAIN_FILE}"
        if m.group(1) == "Theorem":
            tag = m.group(2).split("*)")[0]
            assert "catalogue:" in tag and catalogue_id in tag, f"{name} lacks its catalogue id"


def test_builds_and_main_theorems_are_closed(build):
    work, outputs = build
    for src, out in outputs.items():
        if src != MAIN_FILE:
            assert not printed_assumptions((work / src).read_text())
    printed = printed_assumptions((work / MAIN_FILE).read_text())
    blocks = assumption_blocks(outputs[MAIN_FILE])
    assert len(blocks) == len(printed), (printed, outputs[MAIN_FILE])
    for name, block in zip(printed, blocks):
        assert block == CLOSED, f"Print Assumptions {name}:\n{block}"


def test_build_happens_outside_the_tree(build):
    """The fixture compares proofs/coq before and after; here: the copy was built."""
    work, _ = build
    assert work.resolve() != COQ_DIR.resolve()
    assert sorted(p.stem for p in work.glob("*.vo")) == sorted(Path(s).stem for s in _sources())


def test_parser_catches_an_axiom(tmp_path):
    """The check is not vacuous: an axiom shows up as a non-closed block."""
    coqc = _coqc()
    (tmp_path / "Bad.v").write_text(
        "Axiom cheat : False.\n"
        "Theorem bad : 1 = 2.\nProof. destruct cheat. Qed.\n"
        "Theorem good : 1 = 1.\nProof. reflexivity. Qed.\n"
        "Print Assumptions good.\nPrint Assumptions bad.\n"
    )
    proc = _compile(coqc, tmp_path, "Bad.v")
    assert proc.returncode == 0, proc.stderr
    blocks = assumption_blocks(proc.stdout)
    assert printed_assumptions((tmp_path / "Bad.v").read_text()) == ["good", "bad"]
    assert blocks[0] == CLOSED and len(blocks) == 2
    assert blocks[1].startswith("Axioms:") and "cheat" in blocks[1]
    assert FORBIDDEN.search((tmp_path / "Bad.v").read_text())
