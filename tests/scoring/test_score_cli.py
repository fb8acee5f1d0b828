"""The ``metricproofs score`` verb, driven through ``metricproofs.cli.run``.

What they protect: the seed example prints 5/9 for micro P, R, F1 and accuracy; ``--json``
parses and carries the same numbers as metricproofs.reference; labels, weights and chunk
boundaries are handled; every bad input exits 2 with exactly one line on stderr.
"""

from __future__ import annotations

import io
import json
import tempfile
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metricproofs import reference as ref
from metricproofs.cli import run
from metricproofs.scoring import reading

SEED_CSV = "id,pred,true\n1,A,A\n2,A,A\n3,B,A\n4,C,A\n5,A,B\n6,B,B\n7,B,C\n8,C,C\n9,C,C\n"


def score(path: Path | str, *extra: str) -> tuple[int, str, str]:
    """Run ``metricproofs score`` and return (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = run(["score", str(path), *extra], out, err)
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, text: str, name: str = "data.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_seed_example_prints_five_ninths_for_micro_and_accuracy(tmp_path: Path) -> None:
    code, out, err = score(write(tmp_path, SEED_CSV), "--true", "true", "--pred", "pred")
    assert (code, err) == (0, "")
    micro = next(line for line in out.splitlines() if line.startswith("micro "))
    assert micro.count("5/9 = 0.555556") == 3  # precision, recall, F1
    assert "accuracy: 5/9 = 0.555556" in out
    rows = {line.split()[0]: line.split()[1:5] for line in out.splitlines() if line[:2] in ("A ", "B ", "C ")}
    assert rows == {"A": ["2", "1", "2", "4"], "B": ["1", "2", "1", "2"], "C": ["2", "1", "1", "3"]}
    assert "fp-fn-balance: holds: sum FP = 4 and sum FN = 4" in out
    assert "micro-f1-equals-accuracy: holds" in out


def test_seed_example_json(tmp_path: Path) -> None:
    code, out, _ = score(write(tmp_path, SEED_CSV), "--true", "true", "--pred", "pred", "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["exact"] is True and doc["rows"] == 9 and doc["total_weight"] == 9
    assert [(x["label"], x["tp"], x["fp"], x["fn"], x["support"]) for x in doc["labels"]] == [
        ("A", 2, 1, 2, 4), ("B", 1, 2, 1, 2), ("C", 2, 1, 1, 3)]
    assert {k: v["fraction"] for k, v in doc["averages"]["micro"].items()} == {
        "precision": "5/9", "recall": "5/9", "f1": "5/9"}
    assert doc["accuracy"] == {"value": 5 / 9, "fraction": "5/9", "undefined": False}
    assert doc["averages"]["weighted"]["precision"]["fraction"] == "16/27"
    assert [(i["id"], i["holds"]) for i in doc["identities"]] == [
        ("fp-fn-balance", True), ("micro-f1-equals-accuracy", True)]


def test_integer_labels_sort_numerically_and_json_keeps_ints(tmp_path: Path) -> None:
    path = write(tmp_path, "t,p\n10,9\n9,9\n100,10\n")
    doc = json.loads(score(path, "--true", "t", "--pred", "p", "--json")[1])
    assert [x["label"] for x in doc["labels"]] == [9, 10, 100]
    # label 100: never predicted -> precision 0/0, undefined and counted as 0.
    assert doc["labels"][2]["precision"] == {"value": 0.0, "fraction": "0/1", "undefined": True}
    assert doc["accuracy"]["fraction"] == "1/3"


def test_weights_integer_exact_and_float_decimal(tmp_path: Path) -> None:
    path = write(tmp_path, "t,p,w,f\na,a,2,0.5\na,b,1,0.25\nb,b,0,1.5\n")
    doc = json.loads(score(path, "--true", "t", "--pred", "p", "--weight", "w", "--json")[1])
    # correct weight 2 + 0 of total 3.
    assert doc["exact"] is True and doc["accuracy"]["fraction"] == "2/3"
    doc = json.loads(score(path, "--true", "t", "--pred", "p", "--weight", "f", "--json")[1])
    assert doc["exact"] is False and doc["accuracy"]["fraction"] is None
    assert doc["accuracy"]["value"] == 2.0 / 2.25


def test_blank_trailing_lines_and_whitespace_around_labels_are_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, "t,p\n a ,a\nb, b\n\n")
    doc = json.loads(score(path, "--true", "t", "--pred", "p", "--json")[1])
    assert [x["label"] for x in doc["labels"]] == ["a", "b"] and doc["accuracy"]["fraction"] == "1/1"


def test_labels_first_seen_in_later_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "CSV_BLOCK_BYTES", 16)  # record batches of 1 to 3 rows
    code, out, _ = score(write(tmp_path, SEED_CSV), "--true", "true", "--pred", "pred", "--json")
    doc = json.loads(out)
    assert [(x["tp"], x["fp"], x["fn"]) for x in doc["labels"]] == [(2, 1, 2), (1, 2, 1), (2, 1, 1)]


@settings(max_examples=20)  # each example writes and reads a file
@given(st.lists(st.tuples(st.sampled_from(["3", "17", "1000"]), st.sampled_from(["3", "17", "1000", "5"]),
                          st.integers(0, 4)), min_size=1, max_size=30).filter(lambda rows: any(r[2] for r in rows)))
def test_json_numbers_agree_with_reference(rows: list[tuple[str, str, int]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "d.csv"
        path.write_text("t,p,w\n" + "".join(f"{a},{b},{c}\n" for a, b, c in rows), encoding="utf-8")
        doc = json.loads(score(path, "--true", "t", "--pred", "p", "--weight", "w", "--json")[1])
    t, p, w = ([int(r[0]) for r in rows], [int(r[1]) for r in rows], [r[2] for r in rows])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        per_label = ref.precision_recall_fscore_support(t, p, sample_weight=w)
        averages = {a: ref.precision_recall_fscore_support(t, p, sample_weight=w, average=a)
                    for a in ("micro", "macro", "weighted")}
    assert [x["label"] for x in doc["labels"]] == sorted(set(t) | set(p))
    for i, name in enumerate(("precision", "recall", "f1")):
        assert [x[name]["value"] for x in doc["labels"]] == pytest.approx(per_label[i].tolist(), abs=1e-12)
        for a, values in averages.items():
            assert doc["averages"][a][name]["value"] == pytest.approx(values[i], abs=1e-12)
    assert doc["accuracy"]["value"] == ref.accuracy_score(t, p, sample_weight=w)


BAD_INPUTS: list[tuple[str, Any, list[str], str]] = [
    # (case, file text or None for a missing file, extra args, text the one stderr line contains)
    ("missing file", None, [], "cannot read"),
    ("unknown column", "t,p\na,a\n", ["--true", "truth"], "no column 'truth' in"),
    ("unknown weight column", "t,p\na,a\n", ["--weight", "w"], "available columns: 't', 'p'"),
    ("ragged row", "t,p\na,a\nb,b,c\n", [], "data row 2 has 3 fields but the header has 2"),
    ("ragged row after a blank line", "t,p\na,a\n\nb\n", [], "data row 2 has 1 fields but the header has 2"),
    ("empty label after a blank line", "t,p\n\na,a\n,b\n", [], "data row 2 has an empty label in column 't'"),
    ("empty file", "", [], "is empty"),
    ("header only", "t,p\n", [], "has a header but no data rows"),
    ("negative weight", "t,p,w\na,a,1\nb,a,-2\n", ["--weight", "w"], "data row 2: weight '-2' is negative"),
    ("non-numeric weight", "t,p,w\na,a,heavy\n", ["--weight", "w"], "weight 'heavy' is not a number"),
    ("NaN weight", "t,p,w\na,a,nan\n", ["--weight", "w"], "weight 'nan' is not a finite number"),
    ("infinite weight", "t,p,w\na,a,inf\n", ["--weight", "w"], "weight 'inf' is not a finite number"),
    ("empty weight", "t,p,w\na,a,\n", ["--weight", "w"], "weight '' is not a number"),
    ("all weights zero", "t,p,w\na,a,0\n", ["--weight", "w"], "every weight in column 'w' is zero"),
    ("empty true label", "t,p\na,a\n,a\n", [], "data row 2 has an empty label in column 't'"),
    ("empty pred label", "t,p\na,  \n", [], "data row 1 has an empty label in column 'p'"),
    ("duplicate column", "t,t,p\na,a,a\n", [], "column 't' appears 2 times"),
]


@pytest.mark.parametrize(("case", "text", "extra", "message"), BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_exits_2_with_one_line(tmp_path: Path, case: str, text: Any, extra: list[str], message: str) -> None:
    path = tmp_path / "missing.csv" if text is None else write(tmp_path, text)
    args = ["--true", "t", "--pred", "p"]
    if "--true" in extra:
        args = ["--pred", "p"]
    code, out, err = score(path, *args, *extra)
    assert code == 2
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("metricproofs score: ") and message in err


def test_not_utf8_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("t,p\n\xe9,\xe9\n".encode("latin-1"))
    code, _, err = score(path, "--true", "t", "--pred", "p")
    assert code == 2 and err.count("\n") == 1 and "is not UTF-8 text" in err


def test_directory_instead_of_file_exits_2(tmp_path: Path) -> None:
    code, _, err = score(tmp_path, "--true", "true", "--pred", "pred")
    assert code == 2 and err.count("\n") == 1 and "is a directory; expected a CSV or Parquet file" in err
