"""The conformance tables are pure functions of RESULTS.json: counts per library, distinct findings,
LaTeX escaping. The document here is written by hand."""

from __future__ import annotations

from metricproofs.testing.tables import conformance_latex, conformance_markdown, distinct_findings

BUG = {"kind": "bug", "why": "divides by the unmasked count. More detail.", "documented": None,
       "upstream": "https://example.invalid/issues/1"}


def _check(check_id: str, library: str, status: str, failures: list) -> dict:
    return {"id": check_id, "library": library, "call": f"{check_id}(y_true, y_pred)", "metric": "recall",
            "average": "macro", "convention": "labels 0..C-1", "status": status, "seconds": 1.0,
            "report": {"failures": failures}}


def _failure(judgement: dict) -> dict:
    return {"property": "agrees-with-reference", "call": "f([0], [0])", "expected": 1.0, "got": None,
            "error": None, "judgement": judgement}


DOCUMENT = {
    "metricproofs": "0.1.0", "python": "3.11", "torch": "2.13.0", "examples": 200,
    "libraries": {"lib_a": "1.0", "lib&b": "2_0"},
    "checks": [
        _check("a-1", "lib_a", "agrees", []),
        _check("a-2", "lib_a", "bug", [_failure(BUG)]),
        _check("a-3", "lib_a", "bug", [_failure(BUG)]),
        _check("b-1", "lib&b", "by-design", [_failure({"kind": "by-design", "why": "another convention.",
                                                       "documented": "its docstring", "upstream": None})]),
    ],
}


def test_markdown_counts_checks_per_library_and_bugs_once() -> None:
    text = conformance_markdown(DOCUMENT)
    assert "| lib_a | 1.0 | 3 | 1 | 0 | 2 |" in text
    assert "| lib&b | 2_0 | 1 | 0 | 1 | 0 |" in text
    assert "1 distinct bug(s) and 1 distinct documented difference(s)" in text
    assert "- **bug** (a-2, a-3): divides by the unmasked count. Upstream: https://example.invalid/issues/1." in text
    assert "Documented: its docstring" in text
    assert [ids for ids, _ in distinct_findings(DOCUMENT, "bug")] == [["a-2", "a-3"]]


def test_latex_table_escapes_and_counts() -> None:
    lines = conformance_latex(DOCUMENT).splitlines()
    assert lines[0] == r"\begin{tabular}{llrrrr}" and lines[-1] == r"\end{tabular}"
    assert r"lib\_a & 1.0 & 3 & 1 & 0 & 2 \\" in lines
    assert r"lib\&b & 2\_0 & 1 & 0 & 1 & 0 \\" in lines
