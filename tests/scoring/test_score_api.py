"""``metricproofs.scoring.score`` on in-memory tables, and the counting layer against the reference.

What they protect: a pandas DataFrame, a pyarrow Table and any object speaking the Arrow
stream protocol give the report the CLI prints for the same rows; bad cells are named by
row; batch-by-batch counting (labels first seen in later batches, label ranges too wide
for the joint bincount) gives scikit-learn's confusion matrix; exact fractions (from the
definitions) agree with the decimals (from the reference).
"""

from __future__ import annotations

import io
import json
import warnings
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metricproofs import reference as ref
from metricproofs.cli import run
from metricproofs.errors import InputError
from metricproofs.scoring import Report, reading, score

SEED = {"true": list("AAAABBCCC"), "pred": list("AABCABBCC")}
SAME_REPORT = ("labels", "averages", "accuracy", "identities", "total_weight", "exact")


class StreamOnly:
    """A table that only speaks the Arrow PyCapsule stream protocol (as polars and DuckDB do)."""

    def __init__(self, table: pa.Table) -> None:
        self._table = table

    def __arrow_c_stream__(self, requested_schema: object = None) -> object:
        return self._table.__arrow_c_stream__(requested_schema)


def test_pandas_dataframe_gives_the_seed_report() -> None:
    report = score(pd.DataFrame(SEED), true="true", pred="pred")
    assert isinstance(report, Report)
    assert report.labels == ["A", "B", "C"] and report.accuracy.fraction == Fraction(5, 9)
    assert (report.tp, report.fp, report.fn, report.support) == ([2, 1, 2], [1, 2, 1], [2, 1, 1], [4, 2, 3])
    # rows true, columns predicted (hand-counted from the nine pairs)
    assert report.matrix.tolist() == [[2, 1, 1], [1, 1, 0], [0, 1, 2]]
    assert all(ident["holds"] for ident in report.identities)
    assert "accuracy: 5/9 = 0.555556" in str(report)


def test_api_report_is_the_one_the_cli_prints(tmp_path: Path) -> None:
    path = tmp_path / "seed.csv"
    pd.DataFrame(SEED).to_csv(path, index=False)
    out = io.StringIO()
    assert run(["score", str(path), "--true", "true", "--pred", "pred", "--json"], out, io.StringIO()) == 0
    cli = json.loads(out.getvalue())
    for data in (pd.DataFrame(SEED), pa.table(SEED), StreamOnly(pa.table(SEED)), str(path)):
        api = score(data, true="true", pred="pred").as_dict()
        assert {k: api[k] for k in SAME_REPORT} == {k: cli[k] for k in SAME_REPORT}
    out = io.StringIO()
    assert run(["score", str(path), "--true", "true", "--pred", "pred"], out, io.StringIO()) == 0
    assert out.getvalue() == score(str(path), true="true", pred="pred").text() + "\n"


def test_weights_and_counts_from_a_dataframe() -> None:
    frame = pd.DataFrame({"t": [1, 1, 2], "p": [1, 2, 2], "w": [3, 1, 0]})
    # weighted: correct weight 3 + 0 of 4
    assert score(frame, true="t", pred="p", weight="w").accuracy.fraction == Fraction(3, 4)
    counted = score(frame, true="t", pred="p", counts="w")
    # as counts, (2, 2) with count 0 stands for no rows: label 2 still occurs as a prediction of 1
    assert counted.labels == [1, 2] and counted.support == [4, 0] and counted.accuracy.fraction == Fraction(3, 4)


def test_pandas_nan_label_is_named_by_row() -> None:
    frame = pd.DataFrame({"t": [1.0, 2.0, 3.0], "p": [1.0, np.nan, 3.0]})
    with pytest.raises(InputError, match=r"^the DataFrame: row 1 has a null label in column 'p'$"):
        score(frame, true="t", pred="p")


def test_missing_column_and_unknown_object() -> None:
    with pytest.raises(InputError, match="no column 'label' in the DataFrame; available columns: 'true', 'pred'"):
        score(pd.DataFrame(SEED), true="label", pred="pred")
    with pytest.raises(InputError, match="got list"):
        score([1, 2, 3], true="t", pred="p")


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(-3, 3) | st.sampled_from([10**6, -(10**6), 2**40]),
                          st.integers(-3, 3), st.integers(0, 3)), min_size=1, max_size=60),
       st.integers(1, 7))
def test_batched_counting_matches_the_reference(rows: list[tuple[int, int, int]], batch: int) -> None:
    """Whatever the batch size (labels first seen late, ranges wider than the joint table),
    the report's matrix is the reference's confusion_matrix and its decimals its metrics."""
    t, p, w = (np.array([r[i] for r in rows]) for i in range(3))
    if not w.any():
        w[0] = 1
    old = reading.TABLE_BATCH_ROWS
    reading.TABLE_BATCH_ROWS = batch
    try:
        report = score(pa.table({"t": t, "p": p, "w": w}), true="t", pred="p", weight="w")
    finally:
        reading.TABLE_BATCH_ROWS = old
    assert report.labels == sorted(set(t.tolist()) | set(p.tolist()))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert report.matrix.tolist() == ref.confusion_matrix(t, p, sample_weight=w).tolist()
        for average in ("micro", "macro", "weighted"):
            expected = ref.precision_recall_fscore_support(t, p, sample_weight=w, average=average)
            got = [report.averages[average][m].value for m in ("precision", "recall", "f1")]
            assert got == pytest.approx(list(expected[:3]), abs=1e-12)
    # the fractions come from the definitions, the decimals from the reference: they agree
    for values in [*report.per_label.values(), *[list(v.values()) for v in report.averages.values()]]:
        for v in values:
            assert v.fraction is not None and float(v.fraction) == pytest.approx(v.value, abs=1e-12)


def test_means_of_many_labels_are_decimals_only() -> None:
    from metricproofs.scoring.values import EXACT_MEAN_LABELS

    k = EXACT_MEAN_LABELS + 1
    # every label once, predicted right except label 0 predicted as 1: accuracy (k - 1) / k
    t = list(range(k))
    p = [1] + list(range(1, k))
    report = score(pa.table({"t": t, "p": p}), true="t", pred="p")
    assert report.accuracy.fraction == Fraction(k - 1, k)
    assert report.averages["micro"]["f1"].fraction == Fraction(k - 1, k)
    assert report.averages["macro"]["recall"].fraction is None
    assert report.averages["macro"]["recall"].value == pytest.approx((k - 1) / k, abs=1e-12)
    assert report.per_label["precision"][1].fraction == Fraction(1, 2)


def test_the_reported_identities_are_catalogue_claims_that_hold() -> None:
    # the report names them by id without importing the catalogue (scoring stays light)
    from metricproofs import catalogue
    from metricproofs.scoring import IDENTITIES

    assert [catalogue.get(cid).expected for cid in IDENTITIES] == ["holds", "holds"]
