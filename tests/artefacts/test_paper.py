"""The paper: its generated fragments are up to date, complete, and it builds.

- the committed ``paper/generated/*.tex`` re-render byte for byte from the committed
  ``paper/generated/prove.json`` (and ``context.json``) with the current code;
- every catalogue claim appears in the generated catalogue table;
- the committed verdicts are those of a fresh ``prove`` run (slow);
- the paper builds from a temporary copy with no undefined reference or citation
  (skipped without latexmk, except on CI where it fails instead);
- the renderer escapes LaTeX and keeps the schema's information (on a *schema sample*,
  which is hand-made input of the right shape, not a result).
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from metricproofs import paper

ROOT = Path(__file__).resolve().parents[2]
PAPER = ROOT / "paper"
GENERATED = PAPER / "generated"
ON_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _committed_prove_json() -> dict:
    path = GENERATED / "prove.json"
    assert path.exists(), "paper/generated/prove.json is missing: run `metricproofs paper` and commit paper/generated/"
    return json.loads(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------
# The committed fragments
# ---------------------------------------------------------------------------------------


def test_generated_fragments_are_up_to_date():
    fragments = paper.render_from_directory(PAPER)
    stale = []
    for name, text in fragments.items():
        path = GENERATED / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    assert not stale, f"stale or missing fragments {stale}: run `metricproofs paper` and commit paper/generated/"


def test_every_fragment_is_input_by_the_paper():
    tex = (PAPER / "paper.tex").read_text(encoding="utf-8")
    inputs = set(re.findall(r"\\input\{generated/([^}]+)\}", tex))
    assert inputs == set(paper.FRAGMENT_NAMES)


def test_every_catalogue_id_is_in_the_catalogue_table():
    from metricproofs.catalogue import catalogue_json

    table = (GENERATED / "catalogue.tex").read_text(encoding="utf-8")
    for claim in catalogue_json()["claims"]:
        assert paper.tex_id(claim["id"]) in table, f"{claim['id']} is missing from catalogue.tex"


def test_every_catalogue_id_has_a_committed_result():
    from metricproofs.catalogue import catalogue_json

    results = {r["id"] for r in _committed_prove_json()["results"]}
    missing = [c["id"] for c in catalogue_json()["claims"] if c["id"] not in results]
    assert not missing, f"claims without a committed verdict: {missing}"


def test_committed_prove_json_follows_the_schema():
    data = _committed_prove_json()
    _check_schema(data)


def test_every_reference_key_is_in_the_bibliography():
    from metricproofs.catalogue import catalogue_json

    bib = (PAPER / "references.bib").read_text(encoding="utf-8")
    keys = set(re.findall(r"^@\w+\{([^,]+),", bib, re.M))
    used = {key for claim in catalogue_json()["claims"] for key in claim["references"]}
    tex = (PAPER / "paper.tex").read_text(encoding="utf-8")
    for group in re.findall(r"\\cite[pt]?\{([^}]+)\}", tex):
        used |= {key.strip() for key in group.split(",")}
    assert used <= keys, f"cited but not in references.bib: {sorted(used - keys)}"
    required = {"sokolova2009", "opitz2019", "grandini2020", "takahashi2022", "hand2021", "manning2008",
                "forman2010", "pedregosa2011", "sklearn-docs", "demoura2008", "barbosa2022", "coq-manual",
                "meurer2017"}
    assert required <= keys


@pytest.mark.slow
def test_committed_verdicts_match_a_fresh_prove_run():
    from metricproofs.provers import default_jobs, prove

    committed = {r["id"]: r["verdict"] for r in _committed_prove_json()["results"]}
    fresh = {r["id"]: r["verdict"] for r in prove(jobs=default_jobs()).to_json()["results"]}
    assert fresh == committed


def test_worked_example_is_the_seed_notes():
    worked = paper.compute_worked_example()
    rows = {row["label"]: (row["tp"], row["fp"], row["fn"]) for row in worked["per_label"]}
    # The seed note's table: A 2 1 2, B 1 2 1, C 2 1 1.
    assert rows == {"A": (2, 1, 2), "B": (1, 2, 1), "C": (2, 1, 1)}
    assert worked["exact"] == {"precision": "5/9", "recall": "5/9", "f1": "5/9", "accuracy": "5/9"}
    for value in worked["reference"].values():
        assert value == pytest.approx(5 / 9, abs=1e-15)


def test_command_lines_in_the_paper_parse():
    """Every ``metricproofs ...`` line in a Verbatim block is accepted by the real parser."""
    from metricproofs.cli import build_parser

    tex = (PAPER / "paper.tex").read_text(encoding="utf-8")
    blocks = re.findall(r"\\begin\{Verbatim\}(?:\[[^\]]*\])?\n(.*?)\\end\{Verbatim\}", tex, re.S)
    commands = [line for block in blocks for line in block.splitlines() if line.startswith("metricproofs ")]
    assert commands, "expected at least one metricproofs command line in the paper"
    parser = build_parser()
    for line in commands:
        parser.parse_args(shlex.split(line)[1:])


# ---------------------------------------------------------------------------------------
# Building the PDF
# ---------------------------------------------------------------------------------------


def test_paper_builds_without_undefined_references(tmp_path):
    if shutil.which("latexmk") is None:
        if ON_CI:
            pytest.fail(f"latexmk is required on CI (Debian: {paper.LATEXMK_PACKAGES})")
        pytest.skip("latexmk not installed")
    copy_dir = tmp_path / "paper"
    shutil.copytree(PAPER, copy_dir, ignore=shutil.ignore_patterns(
        "*.aux", "*.log", "*.pdf", "*.fls", "*.fdb_latexmk", "*.out", "*.bbl", "*.blg", "*.toc"))
    code, _ = paper.build_pdf(copy_dir, io.StringIO())
    log = (copy_dir / "paper.log").read_text(encoding="utf-8", errors="replace")
    assert code == 0, log[-3000:]
    undefined = [line for line in log.splitlines() if "undefined" in line.lower()]
    assert not undefined, "\n".join(undefined)
    blg = (copy_dir / "paper.blg").read_text(encoding="utf-8", errors="replace")
    assert "Warning--I didn't find a database entry" not in blg


# ---------------------------------------------------------------------------------------
# The renderer, on a schema sample (hand-made input of DESIGN section 4's shape; not a result)
# ---------------------------------------------------------------------------------------

SCHEMA_SAMPLE_PROVE = {
    "metricproofs": "0.0.0",
    "results": [
        {"id": "sample-holds", "expected": "holds", "verdict": "proved",
         "methods": [{"method": "z3-bounded", "verdict": "proved", "seconds": 0.5, "max_classes": 7,
                      "detail": "k = 1..7"},
                     {"method": "z3-induction", "verdict": "proved", "seconds": 0.25, "max_classes": None,
                      "detail": "base & step_{k+1}: 100% unsat"}],
         "counterexample": None},
        {"id": "sample-fails", "expected": "fails", "verdict": "refuted",
         "methods": [{"method": "z3-bounded", "verdict": "refuted", "seconds": 0.125, "max_classes": 3,
                      "detail": "sat at k = 2"}],
         "counterexample": {"y_true": [0, 1, 1], "y_pred": [0, 0, 1], "labels": [0], "sample_weight": [1.0, 0.5, 2.0],
                            "values": {"precision": 0.5, "recall": 1 / 3}}},
        {"id": "sample-multilabel", "expected": "fails", "verdict": "refuted",
         "methods": [{"method": "sympy", "verdict": "refuted", "seconds": 0.0, "max_classes": None, "detail": ""}],
         "counterexample": {"y_true": [[1, 0], [0, 1]], "y_pred": [[1, 1], [0, 1]], "labels": None,
                            "sample_weight": None, "values": {"micro_precision": 2 / 3, "micro_recall": 1.0}}},
        {"id": "sample-unknown", "expected": "holds", "verdict": "unknown",
         "methods": [{"method": "cvc5", "verdict": "unknown", "seconds": 60.0, "max_classes": None,
                      "detail": "timeout"}],
         "counterexample": None},
    ],
}

SCHEMA_SAMPLE_CATALOGUE = {
    "metricproofs": "0.0.0",
    "claims": [
        {"id": cid, "title": cid, "expected": exp,
         "statement": "sum_l FP_l = 50% of {N} & $x$ ≥ β #1 ~ ^",
         "formula_latex": None,
         "hypotheses": [{"name": "single-label", "statement": "each sample in 0..k-1"}],
         "proof": "by counting_twice", "references": ["sokolova2009"], "methods": ["z3-bounded"]}
        for cid, exp in [("sample-holds", "holds"), ("sample-fails", "fails"),
                         ("sample-multilabel", "fails"), ("sample-unknown", "holds")]
    ],
}


def _check_schema(data: dict) -> None:
    assert set(data) == {"metricproofs", "results"}
    for result in data["results"]:
        assert set(result) == {"id", "expected", "verdict", "methods", "counterexample"}
        assert result["expected"] in {"holds", "fails"}
        assert result["verdict"] in {"proved", "refuted", "unknown", "error"}
        for method in result["methods"]:
            assert set(method) == {"method", "verdict", "seconds", "max_classes", "detail"}
            assert method["method"] in {"z3-bounded", "z3-induction", "sympy", "cvc5", "coq"}
        cx = result["counterexample"]
        if cx is not None:
            assert set(cx) == {"y_true", "y_pred", "labels", "sample_weight", "values"}


def _render_sample(**changes):
    prove = copy.deepcopy(SCHEMA_SAMPLE_PROVE)
    prove.update(changes)
    worked = paper.compute_worked_example()
    return paper.render_fragments(prove, SCHEMA_SAMPLE_CATALOGUE, [("TP_l", "{C}_{l,l}")], worked, None)


def test_schema_sample_is_well_formed():
    _check_schema(SCHEMA_SAMPLE_PROVE)


def test_render_is_pure_and_complete():
    first, second = _render_sample(), _render_sample()
    assert first == second
    assert set(first) == set(paper.FRAGMENT_NAMES)
    for claim in SCHEMA_SAMPLE_CATALOGUE["claims"]:
        assert paper.tex_id(claim["id"]) in first["catalogue.tex"]


def test_render_escapes_latex_specials():
    text = _render_sample()["catalogue.tex"]
    assert r"50\% of \{N\} \& \$x\$ \ensuremath{\geq} \ensuremath{\beta} \#1" in text
    assert "\\textasciitilde{} \\textasciicircum{}" in text
    assert "sum\\_l FP\\_l" in text
    assert "counting\\_twice" in _render_sample()["claims.tex"]


def test_render_marks_unknown_and_unexpected_verdicts():
    text = _render_sample()["catalogue.tex"]
    row = next(line for line in text.splitlines() if "unknown" in line and "sample" in line)
    assert r"\textbf{unknown}" in row and r"$^{\dagger}$" in row
    macros = _render_sample()["macros.tex"]
    assert r"\newcommand{\mpNumUnknown}{1}" in macros
    assert r"\newcommand{\mpNumAsExpected}{3}" in macros
    assert r"\newcommand{\mpMaxBound}{7}" in macros


def test_render_counterexamples_keep_data_and_values():
    text = _render_sample()["counterexamples.tex"]
    assert r"\texttt{[0,\allowbreak{}1,\allowbreak{}1]}" in text
    assert r"\texttt{[10,\allowbreak{}01]}" in text  # multi-label indicator rows
    assert "1/3" in text and "2/3" in text
    assert r"\emph{weights} \texttt{[1,\allowbreak{}0.5,\allowbreak{}2]}" in text
    assert "sample-holds" not in text  # no counterexample, no row


def test_ids_break_only_at_hyphens():
    assert paper.tex_id("micro-f1_x") == r"\texttt{micro-\allowbreak{}f1\_x}"


# ---------------------------------------------------------------------------------------
# The CLI verb's error paths (fast: they stop before proving)
# ---------------------------------------------------------------------------------------


def test_paper_without_latexmk_names_the_packages(monkeypatch, tmp_path):
    (tmp_path / "paper.tex").write_text("\\documentclass{article}\n", encoding="utf-8")
    from metricproofs.cli import paper as paper_verb

    monkeypatch.setattr(paper_verb.shutil, "which", lambda name: None)
    out, err = io.StringIO(), io.StringIO()
    code = paper_verb.run(argparse.Namespace(dir=str(tmp_path), no_pdf=False), out, err)
    assert code == 2
    message = err.getvalue()
    assert message.count("\n") == 1
    for package in ("latexmk", "texlive-latex-base", "texlive-latex-recommended"):
        assert package in message


def test_paper_with_a_wrong_dir_is_a_usage_error(tmp_path):
    from metricproofs.cli import run

    err = io.StringIO()
    assert run(["paper", "--dir", str(tmp_path / "nowhere"), "--no-pdf"], out=io.StringIO(), err=err) == 2
    assert err.getvalue().count("\n") == 1 and "paper.tex" in err.getvalue()
