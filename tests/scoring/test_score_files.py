"""``metricproofs score`` on real CSV and Parquet files: formats, --counts, and bad input.

What they protect: Parquet is recognised by content and gives the CSV's report; BOM, CRLF
and quoted fields are read; a column whose type changes after the first block is re-read
as text; a pre-aggregated table (``--counts``) gives exactly the unaggregated rows' report;
every bad input of issue 17 exits 2 with one line and writes no plot. Expected numbers are
worked out by hand in the comments, or computed by the test's own aggregation (Counter).
"""

from __future__ import annotations

import io
import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metricproofs.cli import run
from metricproofs.scoring import reading

SEED_T = list("AAAABBCCC")
SEED_P = list("AABCABBCC")
#: the seed's (true, pred) pairs with their counts, as GROUP BY true, pred gives them
SEED_COUNTS = [("A", "A", 2), ("A", "B", 1), ("A", "C", 1), ("B", "A", 1), ("B", "B", 1), ("C", "B", 1), ("C", "C", 2)]
SAME_REPORT = ("labels", "averages", "accuracy", "identities", "total_weight", "exact")


def score(path: Path | str, *extra: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["score", str(path), *extra], out, err)
    return code, out.getvalue(), err.getvalue()


def doc(path: Path | str, *extra: str) -> dict[str, Any]:
    code, out, err = score(path, *extra)
    assert (code, err) == (0, ""), err
    return json.loads(out)


def write_parquet(path: Path, columns: dict[str, list[Any]]) -> Path:
    pq.write_table(pa.table(columns), path)
    return path


def test_parquet_is_detected_by_content_and_matches_the_csv(tmp_path: Path) -> None:
    csv_path = tmp_path / "seed.csv"
    csv_path.write_text("true,pred\n" + "".join(f"{t},{p}\n" for t, p in zip(SEED_T, SEED_P)), encoding="utf-8")
    pq_path = write_parquet(tmp_path / "looks-like.csv", {"true": SEED_T, "pred": SEED_P})
    from_csv = doc(csv_path, "--true", "true", "--pred", "pred", "--json")
    from_parquet = doc(pq_path, "--true", "true", "--pred", "pred", "--json")
    assert {k: from_parquet[k] for k in SAME_REPORT} == {k: from_csv[k] for k in SAME_REPORT}
    assert from_parquet["accuracy"]["fraction"] == "5/9" and from_parquet["rows"] == 9


def test_parquet_integer_and_dictionary_columns(tmp_path: Path) -> None:
    # true 0 0 1 1 2, pred 0 1 1 1 0: TP 1, 2, 0; accuracy 3/5.
    table = pa.table({"t": pa.array([0, 0, 1, 1, 2], pa.int32()), "p": pa.array([0, 1, 1, 1, 0], pa.int16()),
                      "name": pa.array(["x", "y", "y", "y", "x"]).dictionary_encode()})
    pq.write_table(table, tmp_path / "ints.parquet")
    d = doc(tmp_path / "ints.parquet", "--true", "t", "--pred", "p", "--json")
    assert [(x["label"], x["tp"], x["fp"], x["fn"]) for x in d["labels"]] == [(0, 1, 1, 1), (1, 2, 1, 0), (2, 0, 0, 1)]
    assert d["accuracy"]["fraction"] == "3/5"
    # a dictionary-encoded text column scores like text: 'x','y','y','y','x' against itself
    assert doc(tmp_path / "ints.parquet", "--true", "name", "--pred", "name", "--json")["accuracy"]["fraction"] == "1/1"


def test_bom_crlf_and_quoted_fields(tmp_path: Path) -> None:
    path = tmp_path / "windows.csv"
    # labels 'a,b' (quoted comma) and 'c'; rows: (a,b | a,b) (c | a,b) (c | c): accuracy 2/3
    path.write_bytes(b'\xef\xbb\xbftrue,pred\r\n"a,b","a,b"\r\nc,"a,b"\r\n"c",c\r\n')
    d = doc(path, "--true", "true", "--pred", "pred", "--json")
    assert [(x["label"], x["tp"], x["fp"], x["fn"]) for x in d["labels"]] == [("a,b", 1, 1, 0), ("c", 1, 0, 1)]
    assert d["accuracy"]["fraction"] == "2/3"


def test_a_column_that_turns_to_text_after_the_first_block_is_reread(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "CSV_BLOCK_BYTES", 64)
    path = tmp_path / "late-text.csv"
    # 30 rows (1, 1), then (cat, 1): labels '1' and 'cat' as text; TP('1') = 30, FN('cat') = 1
    path.write_text("id,t,p\n" + "7,1,1\n" * 30 + "8,cat,1\n", encoding="utf-8")
    d = doc(path, "--true", "t", "--pred", "p", "--json")
    assert [(x["label"], x["tp"], x["fp"], x["fn"]) for x in d["labels"]] == [("1", 30, 1, 0), ("cat", 0, 0, 1)]
    assert d["rows"] == 31 and d["accuracy"]["fraction"] == "30/31"


def test_integral_float_labels_are_integers(tmp_path: Path) -> None:
    path = tmp_path / "floats.csv"
    path.write_text("t,p\n1.0,1.0\n2.0,1.0\n", encoding="utf-8")
    d = doc(path, "--true", "t", "--pred", "p", "--json")
    assert [x["label"] for x in d["labels"]] == [1, 2] and d["accuracy"]["fraction"] == "1/2"


def test_counts_give_the_rows_report_for_the_seed(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("true,pred\n" + "".join(f"{t},{p}\n" for t, p in zip(SEED_T, SEED_P)), encoding="utf-8")
    counts = tmp_path / "counts.csv"
    # plus a zero-count row for a label D: a count of 0 stands for no rows, so D is no label
    counts.write_text("true,pred,n\n" + "".join(f"{t},{p},{c}\n" for t, p, c in SEED_COUNTS) + "D,D,0\n",
                      encoding="utf-8")
    by_rows = doc(rows, "--true", "true", "--pred", "pred", "--json")
    by_counts = doc(counts, "--true", "true", "--pred", "pred", "--counts", "n", "--json")
    assert {k: by_counts[k] for k in SAME_REPORT} == {k: by_rows[k] for k in SAME_REPORT}
    assert by_counts["counts_column"] == "n" and by_counts["rows"] == 8 and by_counts["total_weight"] == 9
    code, out, _ = score(counts, "--true", "true", "--pred", "pred", "--counts", "n")
    assert code == 0 and "pre-aggregated, counts from column 'n'" in out and "accuracy: 5/9 = 0.555556" in out


@settings(max_examples=15, deadline=None)  # each example writes and reads two files
@given(st.lists(st.tuples(st.sampled_from(["x", "y", "z", "w"]), st.sampled_from(["x", "y", "z"])), min_size=1,
                max_size=40))
def test_counts_equal_rows_for_any_data(pairs: list[tuple[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        rows, counts = Path(tmp) / "rows.parquet", Path(tmp) / "counts.parquet"
        write_parquet(rows, {"true": [t for t, _ in pairs], "pred": [p for _, p in pairs]})
        grouped = Counter(pairs)
        write_parquet(counts, {"true": [t for t, _ in grouped], "pred": [p for _, p in grouped],
                               "n": list(grouped.values())})
        by_rows = doc(rows, "--true", "true", "--pred", "pred", "--json")
        by_counts = doc(counts, "--true", "true", "--pred", "pred", "--counts", "n", "--json")
    assert {k: by_counts[k] for k in SAME_REPORT} == {k: by_rows[k] for k in SAME_REPORT}


def test_summed_weights_as_counts_give_the_weighted_rows_decimals(tmp_path: Path) -> None:
    # rows (a,a,0.5) (a,a,0.25) (a,b,1.5) (b,b,2): grouped (a,a,0.75) (a,b,1.5) (b,b,2)
    # accuracy (0.75 + 2) / 4.25 = 11/17
    rows = write_parquet(tmp_path / "rows.parquet", {"t": list("aaab"), "p": list("aabb"), "w": [0.5, 0.25, 1.5, 2.0]})
    counts = write_parquet(tmp_path / "sums.parquet", {"t": list("aab"), "p": list("abb"), "w": [0.75, 1.5, 2.0]})
    by_rows = doc(rows, "--true", "t", "--pred", "p", "--weight", "w", "--json")
    by_counts = doc(counts, "--true", "t", "--pred", "p", "--counts", "w", "--json")
    assert by_rows["exact"] is False and by_counts["accuracy"]["value"] == pytest.approx(11 / 17, abs=1e-15)
    for a in ("micro", "macro", "weighted"):
        for m in ("precision", "recall", "f1"):
            assert by_counts["averages"][a][m]["value"] == pytest.approx(by_rows["averages"][a][m]["value"], abs=1e-12)


def _bad_files(tmp: Path) -> dict[str, tuple[Path, list[str], str]]:
    """case -> (file, extra args, text the one stderr line contains)."""
    seed = write_parquet(tmp / "seed.parquet", {"true": SEED_T, "pred": SEED_P})
    truncated = tmp / "truncated.parquet"
    truncated.write_bytes(seed.read_bytes()[: seed.stat().st_size // 2])
    counts = tmp / "counts.csv"
    counts.write_text("t,p,n\na,a,3\na,b,-1\n", encoding="utf-8")
    words = tmp / "words.csv"
    words.write_text("t,p,n\na,a,3\na,b,many\n", encoding="utf-8")
    floats = tmp / "floats.csv"
    floats.write_text("t,p\n1,1\n2,2.5\n", encoding="utf-8")
    return {
        "parquet without the column": (seed, ["--true", "truth", "--pred", "pred"],
                                       "no column 'truth' in " + str(seed) + "; available columns: 'true', 'pred'"),
        "parquet null label": (write_parquet(tmp / "nulls.parquet", {"t": ["a", None, "b"], "p": ["a", "b", "b"]}),
                               ["--true", "t", "--pred", "p"], "data row 2 has a null label in column 't'"),
        "parquet NaN label": (write_parquet(tmp / "nan.parquet", {"t": [1.0, 2.0, float("nan")], "p": [1.0, 2.0, 2.0]}),
                              ["--true", "t", "--pred", "p"], "data row 3 has the label nan in column 't'"),
        "fractional float label": (floats, ["--true", "t", "--pred", "p"],
                                   "data row 2: label 2.5 in column 'p' is not an integer"),
        "timestamp labels": (write_parquet(tmp / "time.parquet", {"t": pa.array([0, 1], pa.timestamp("s")),
                                                                  "p": pa.array([0, 1], pa.timestamp("s"))}),
                             ["--true", "t", "--pred", "p"], "column 't' has type timestamp"),
        "negative count": (counts, ["--true", "t", "--pred", "p", "--counts", "n"],
                           "data row 2: count '-1' is negative; counts must be >= 0"),
        "non-numeric count": (words, ["--true", "t", "--pred", "p", "--counts", "n"], "data row 2: count 'many' is not a number"),
        "truncated parquet": (truncated, ["--true", "true", "--pred", "pred"], "truncated or corrupt Parquet file"),
        "directory": (tmp, ["--true", "t", "--pred", "p"], "is a directory; expected a CSV or Parquet file"),
        "unreadable file": (Path("/proc/self/mem"), ["--true", "t", "--pred", "p"], "cannot read '/proc/self/mem'"),
        "weight and counts": (seed, ["--true", "true", "--pred", "pred", "--weight", "w", "--counts", "n"],
                              "not allowed with argument"),
    }


CASES = ["parquet without the column", "parquet null label", "parquet NaN label", "fractional float label",
         "timestamp labels", "negative count", "non-numeric count", "truncated parquet", "directory",
         "unreadable file", "weight and counts"]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_exits_2_with_one_line_and_no_plot(tmp_path: Path, case: str) -> None:
    path, extra, message = _bad_files(tmp_path)[case]
    picture = tmp_path / "cm.png"
    code, out, err = score(path, *extra, "--plot", str(picture))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.endswith("\n") and "Traceback" not in err
    assert message in err
    assert not picture.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".plot-")]


def test_plot_into_a_missing_folder_exits_2_before_reading(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "cm.png"
    code, out, err = score(tmp_path / "missing.csv", "--true", "t", "--pred", "p", "--plot", str(target))
    # the plot target is checked first: the message is about the folder, not the missing input
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert f"the folder '{target.parent}' does not exist" in err and not target.parent.exists()


def test_plot_needs_a_png_or_svg_name(tmp_path: Path) -> None:
    code, _, err = score(tmp_path / "x.csv", "--true", "t", "--pred", "p", "--plot", str(tmp_path / "cm.jpg"))
    assert code == 2 and "must end in .png or .svg" in err and not (tmp_path / "cm.jpg").exists()
