"""The score report: per-label table, averages, accuracy, and the identities that hold for the data.

Summary
    :class:`Report` is what ``metricproofs score`` prints and what :func:`metricproofs.scoring.score`
    returns: built once from the sorted labels and the confusion matrix, rendered as text
    (:meth:`Report.text`) or JSON (:meth:`Report.json`, schema in :mod:`metricproofs.scoring`).
    Decimals come from :mod:`metricproofs.reference`, exact fractions from
    :mod:`metricproofs.definitions` (see :mod:`metricproofs.scoring.values`); the identities
    reported are catalogue claims (:data:`IDENTITIES`), checked on this data's counts.

Main definitions
    :class:`Report`, :class:`Source`, :func:`build_report`, :data:`IDENTITIES`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import numpy as np

from metricproofs.scoring.values import AVERAGES, METRICS, Value, decimals, fractions

__all__ = ["Report", "Source", "build_report", "IDENTITIES"]

IDENTITIES = ("fp-fn-balance", "micro-f1-equals-accuracy")
"""The catalogue claims every report checks on its data (their ids; a test holds that the
catalogue has them, so scoring need not import it: about 40 ms)."""


@dataclass(frozen=True)
class Source:
    """Where the data came from and how it was read (for the header line and the JSON)."""

    name: str  #: file path, or a description of the in-memory table
    rows: int  #: rows read (table rows of a pre-aggregated table)
    true_column: str
    pred_column: str
    weight_column: str | None = None
    counts_column: str | None = None


def _count(x: Any, exact: bool) -> int | float:
    return int(x) if exact else float(x)


def _count_text(x: Any) -> str:
    return str(x) if isinstance(x, int) else f"{x:g}"


@dataclass(frozen=True)
class Report:
    """Everything ``score`` reports, computed once for every output format."""

    source: Source
    labels: list[Any]
    matrix: np.ndarray  #: matrix[i, j]: weight of rows with true labels[i], predicted labels[j]
    exact: bool  #: every count is an integer, so fractions are exact
    tp: list[int | float]
    fp: list[int | float]
    fn: list[int | float]
    support: list[int | float]
    per_label: dict[str, list[Value]]
    averages: dict[str, dict[str, Value]]
    accuracy: Value
    total: int | float  #: N
    correct: int | float  #: trace of the matrix
    identities: list[dict[str, Any]]

    @property
    def errors(self) -> int | float:
        """N - trace: the weight of misclassified rows."""
        return self.total - self.correct

    # ----------------------------------------------------------------------- text

    def text(self) -> str:
        """The human-readable report."""
        s = self.source
        if s.counts_column:
            how = f"pre-aggregated, counts from column {s.counts_column!r}"
        elif s.weight_column:
            how = f"weights from column {s.weight_column!r}"
        else:
            how = "unweighted"
        out = [f"{s.name}: {s.rows} rows, true = {s.true_column!r}, pred = {s.pred_column!r}, {how}",
               "exact fractions shown (integer counts)" if self.exact else "decimals only (non-integer weights)", ""]
        rows = [["label", "TP", "FP", "FN", "support", "precision", "recall", "F1"]]
        for i, label in enumerate(self.labels):
            rows.append([str(label)] + [_count_text(x[i]) for x in (self.tp, self.fp, self.fn, self.support)]
                        + [self.per_label[m][i].text() for m in METRICS])
        out += _table(rows, 4) + [""]
        avg_rows = [["average", "precision", "recall", "F1"]]
        for name, values in self.averages.items():
            avg_rows.append([name] + [values[m].text() for m in METRICS])
        out += _table(avg_rows, 0) + [f"accuracy: {self.accuracy.text()}", ""]
        for ident in self.identities:
            out.append(f"{ident['id']}: {'holds' if ident['holds'] else 'DOES NOT HOLD'}: {ident['detail']}")
        if any(v.undefined for vs in self.per_label.values() for v in vs):
            out.append("note: 0/0 ratios are undefined and counted as 0 in the averages "
                       "(scikit-learn's default zero_division)")
        return "\n".join(out)

    __str__ = text

    # ----------------------------------------------------------------------- JSON

    def as_dict(self) -> dict[str, Any]:
        """The JSON document as Python objects (schema in :mod:`metricproofs.scoring`)."""
        s = self.source
        labels = [{"label": label, "tp": self.tp[i], "fp": self.fp[i], "fn": self.fn[i], "support": self.support[i],
                   **{m: self.per_label[m][i].as_json() for m in METRICS}} for i, label in enumerate(self.labels)]
        return {"file": s.name, "rows": s.rows, "true_column": s.true_column, "pred_column": s.pred_column,
                "weight_column": s.weight_column, "counts_column": s.counts_column, "exact": self.exact,
                "total_weight": self.total, "labels": labels,
                "averages": {a: {m: v.as_json() for m, v in vals.items()} for a, vals in self.averages.items()},
                "accuracy": self.accuracy.as_json(), "identities": self.identities}

    def json(self) -> str:
        """The JSON report."""
        return json.dumps(self.as_dict(), indent=2)

    def plot(self, path: str) -> None:
        """Write the confusion matrix picture (PNG or SVG, by the file's extension)."""
        from metricproofs.scoring.plot import write_plot

        write_plot(self, path)


def _table(rows: list[list[str]], n_counts: int) -> list[str]:
    """Left-aligned first column, ``n_counts`` right-aligned count columns, then values."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for r in rows:
        cells = [r[0].ljust(widths[0])]
        cells += [c.rjust(w) for c, w in zip(r[1:1 + n_counts], widths[1:1 + n_counts])]
        cells += [c.ljust(w) for c, w in zip(r[1 + n_counts:], widths[1 + n_counts:])]
        lines.append("  ".join(cells).rstrip())
    return lines


def _identities(fp_sum: Any, fn_sum: Any, total: Any, correct: Any, exact: bool,
                micro: dict[str, Value], accuracy: Value) -> list[dict[str, Any]]:
    """The catalogue identities, checked on the reference's numbers for this data."""
    errors = total - correct
    tol = 0 if exact else 1e-9 * max(1.0, float(total))
    balanced = abs(fp_sum - errors) <= tol and abs(fn_sum - errors) <= tol
    if exact:  # the definitions' micro averages, summed label by label, against trace / N
        same = all(micro[m].fraction == accuracy.fraction for m in METRICS)
    else:  # (the reference computes micro averages over all labels from accuracy: fp-fn-balance)
        same = all(abs(micro[m].value - accuracy.value) <= 1e-12 for m in METRICS)
    balance_id, micro_id = IDENTITIES
    return [
        {"id": balance_id, "holds": bool(balanced),
         "detail": f"sum FP = {_count_text(fp_sum)} and sum FN = {_count_text(fn_sum)} both equal the number of "
                   f"errors N - trace = {_count_text(total)} - {_count_text(correct)} = {_count_text(errors)}: "
                   "each error is a false positive of its predicted label and a false negative of its true label"},
        {"id": micro_id, "holds": bool(same and balanced),
         "detail": f"micro P = micro R = micro F1 = accuracy = {accuracy.text()}, because micro P = sum TP / "
                   "(sum TP + sum FP) and micro R = sum TP / (sum TP + sum FN) share the denominator N when "
                   "sum FP = sum FN"},
    ]


def build_report(source: Source, labels: list[Any], matrix: np.ndarray, exact: bool) -> Report:
    """The report of a confusion matrix (rows true, columns predicted, in ``labels`` order)."""
    dec = decimals(matrix)
    counts = [[_count(x, exact) for x in arr] for arr in (dec.tp, dec.fp, dec.fn, dec.support)]
    tp, fp, fn, support = counts
    total = _count(matrix.sum(), exact)
    correct = _count(np.trace(matrix), exact)
    if exact:
        per_frac, avg_frac, acc_frac = fractions(dec, int(total))
    per_label = {m: [Value(float(dec.per_label[m][i]), per_frac[m][i] if exact else None, bool(dec.undefined[m][i]))
                     for i in range(len(labels))] for m in METRICS}
    averages = {a: {m: Value(dec.averages[a][m], avg_frac[a][m] if exact else None) for m in METRICS}
                for a in AVERAGES}
    accuracy = Value(dec.accuracy, acc_frac if exact else None)
    identities = _identities(sum(fp), sum(fn), total, correct, exact, averages["micro"], accuracy)
    return Report(source, list(labels), matrix, exact, tp, fp, fn, support, per_label, averages, accuracy,
                  total, correct, identities)
