"""The ``metricproofs score`` verb: score a CSV of true and predicted labels.

Summary
-------
``metricproofs score FILE --true COL --pred COL [--weight COL] [--json]`` reads a CSV with
a header row (standard library ``csv``, UTF-8, an optional BOM), prints the per-label table
(label, TP, FP, FN, support, precision, recall, F1), the micro / macro / weighted averages
and accuracy, and which identities of the catalogue hold for this data and why.

Labels are the cell text with surrounding whitespace removed; they are strings unless every
label is an integer (then they are sorted as integers; if two texts denote the same integer,
such as ``7`` and ``007``, all labels stay strings). With no weight column, or integer
weights, every value is shown as an exact fraction and as a decimal; other weights give
decimals only. A 0/0 ratio (a label never predicted, or never true) is reported as
undefined and counted as 0 in the averages, as scikit-learn's default ``zero_division``.

Errors name the data row: rows count from 1 after the header, blank lines not counted.
The file is streamed in chunks of ``CHUNK_ROWS`` rows: labels are encoded incrementally
(a dict from label text to code) and per-label totals are accumulated with ``np.bincount``
per chunk, so memory is bounded by the chunk and the number of distinct labels.

JSON schema (``--json``)
------------------------
One object::

    {"file": str, "rows": int, "true_column": str, "pred_column": str,
     "weight_column": str | null,
     "exact": bool,              # true when every weight is an integer (or no weights)
     "total_weight": number,     # N
     "labels": [{"label": str | int, "tp": number, "fp": number, "fn": number,
                 "support": number,
                 "precision": VALUE, "recall": VALUE, "f1": VALUE}, ...],
     "averages": {"micro": {"precision": VALUE, "recall": VALUE, "f1": VALUE},
                  "macro": {...}, "weighted": {...}},
     "accuracy": VALUE,
     "identities": [{"id": str, "holds": bool, "detail": str}, ...]}

    VALUE = {"value": float, "fraction": "p/q" | null, "undefined": bool}

``fraction`` is null when the weights are not all integers; ``undefined`` marks a 0/0
ratio, whose ``value`` is then 0.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import islice
from operator import itemgetter
from typing import Any, Iterator, TextIO

import numpy as np

from metricproofs.errors import InputError

__all__ = ["CHUNK_ROWS", "LabelTotals", "read_totals", "summarise", "render_text", "render_json"]

CHUNK_ROWS = 1 << 16
"""Rows parsed and counted at a time."""

_EXACT_LIMIT = 2.0**53
"""Integer weights sum exactly in float64 below this total."""


# --------------------------------------------------------------------------- reading


@dataclass
class LabelTotals:
    """Per-label weighted totals accumulated over the file (codes index the arrays)."""

    codes: dict[str, int] = field(default_factory=dict)
    tp: np.ndarray = field(default_factory=lambda: np.zeros(0))
    pred: np.ndarray = field(default_factory=lambda: np.zeros(0))
    true: np.ndarray = field(default_factory=lambda: np.zeros(0))
    rows: int = 0
    integer_weights: bool = True

    def grow(self) -> None:
        """Extend the total arrays to the number of labels seen so far."""
        size = len(self.codes)
        for name in ("tp", "pred", "true"):
            old = getattr(self, name)
            if old.shape[0] < size:
                setattr(self, name, np.concatenate([old, np.zeros(size - old.shape[0])]))


def _open(path: str) -> TextIO:
    """Open the CSV for reading, turning OS errors into one-line InputErrors."""
    try:
        return open(path, newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read {path!r}: {exc.strerror or exc}") from None


def _column(header: list[str], name: str, path: str) -> int:
    """Index of column ``name`` in the header, or an InputError listing the columns."""
    hits = [i for i, h in enumerate(header) if h.strip() == name]
    if not hits:
        available = ", ".join(repr(h.strip()) for h in header)
        raise InputError(f"no column {name!r} in {path}; available columns: {available}")
    if len(hits) > 1:
        raise InputError(f"column {name!r} appears {len(hits)} times in the header of {path}")
    return hits[0]


def _chunks(reader: Iterator[list[str]]) -> Iterator[list[list[str]]]:
    """Lists of at most CHUNK_ROWS rows."""
    while chunk := list(islice(reader, CHUNK_ROWS)):
        yield chunk


def _drop_blank_and_check_width(
    rows: list[list[str]], width: int, first_row: int, path: str
) -> list[list[str]]:
    """Remove blank lines; raise on a row whose field count differs from the header's."""
    if set(map(len, rows)) <= {width}:
        return rows
    kept: list[list[str]] = []
    for row in rows:
        if len(row) == width:
            kept.append(row)
        elif row:
            raise InputError(
                f"{path}: data row {first_row + len(kept)} has {len(row)} fields but the header has {width}"
            )
    return kept


def _labels(rows: list[list[str]], index: int, column: str, first_row: int, path: str) -> list[str]:
    """The stripped label cells of one column; an empty cell is an InputError."""
    cells = list(map(str.strip, map(itemgetter(index), rows)))
    if "" in cells:
        row = first_row + cells.index("")
        raise InputError(f"{path}: data row {row} has an empty label in column {column!r}")
    return cells


def _bad_weight(cell: str) -> str | None:
    """Why a weight cell is unacceptable, or None if it is a finite number >= 0."""
    try:
        value = float(cell)
    except ValueError:
        return f"weight {cell.strip()!r} is not a number"
    if not math.isfinite(value):
        return f"weight {cell.strip()!r} is not a finite number"
    if value < 0:
        return f"weight {cell.strip()!r} is negative; weights must be >= 0"
    return None


def _weights(rows: list[list[str]], index: int, first_row: int, path: str) -> np.ndarray:
    """Parse one chunk's weight cells: finite and non-negative, else an InputError."""
    cells = list(map(itemgetter(index), rows))
    try:
        w = np.array(cells, dtype=np.float64)
    except ValueError:
        w = None
    if w is None or not np.isfinite(w).all() or (w < 0).any():
        for i, cell in enumerate(cells):
            reason = _bad_weight(cell)
            if reason:
                raise InputError(f"{path}: data row {first_row + i}: {reason}")
    return w


def _encode(totals: LabelTotals, cells: list[str]) -> np.ndarray:
    """Codes of the labels, adding unseen labels to the encoder."""
    codes = totals.codes
    for label in set(cells).difference(codes):
        codes[label] = len(codes)
    return np.fromiter(map(codes.__getitem__, cells), dtype=np.int64, count=len(cells))


def _accumulate(totals: LabelTotals, t: np.ndarray, p: np.ndarray, w: np.ndarray | None) -> None:
    """Add one chunk's TP, predicted and true totals."""
    totals.grow()
    size = len(totals.codes)
    eq = t == p
    totals.true += np.bincount(t, weights=w, minlength=size)
    totals.pred += np.bincount(p, weights=w, minlength=size)
    totals.tp += np.bincount(t[eq], weights=None if w is None else w[eq], minlength=size)
    if w is not None and totals.integer_weights:
        totals.integer_weights = bool((w == np.floor(w)).all())


def read_totals(path: str, true_col: str, pred_col: str, weight_col: str | None) -> LabelTotals:
    """Stream the CSV once and return per-label totals; bad input raises InputError."""
    totals = LabelTotals()
    try:
        with _open(path) as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                raise InputError(f"{path} is empty; expected a header row and data rows")
            ti, pi = _column(header, true_col, path), _column(header, pred_col, path)
            wi = None if weight_col is None else _column(header, weight_col, path)
            for rows in _chunks(reader):
                first = totals.rows + 1  # data rows count from 1 after the header, blank lines skipped
                rows = _drop_blank_and_check_width(rows, len(header), first, path)
                if not rows:
                    continue
                t = _encode(totals, _labels(rows, ti, true_col, first, path))
                p = _encode(totals, _labels(rows, pi, pred_col, first, path))
                w = None if wi is None else _weights(rows, wi, first, path)
                _accumulate(totals, t, p, w)
                totals.rows += len(rows)
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text") from None
    except csv.Error as exc:
        raise InputError(f"{path}: malformed CSV ({exc})") from None
    if totals.rows == 0:
        raise InputError(f"{path} has a header but no data rows")
    if not totals.true.sum() > 0:
        raise InputError(f"{path}: every weight in column {weight_col!r} is zero; nothing to score")
    return totals


# --------------------------------------------------------------------------- arithmetic


@dataclass(frozen=True)
class Value:
    """A ratio: its float, its exact fraction (when counts are exact) and whether it was 0/0."""

    value: float
    fraction: Fraction | None
    undefined: bool = False

    def text(self) -> str:
        """``5/9 = 0.555556`` (or just the decimal), ``undefined (0/0), counted as 0``."""
        if self.undefined:
            return "undefined (0/0) -> 0"
        decimal = f"{self.value:.6f}"
        if self.fraction is None:
            return decimal
        return f"{self.fraction} = {decimal}"

    def as_json(self) -> dict[str, Any]:
        """The VALUE object of the JSON schema."""
        fraction = None if self.fraction is None else f"{self.fraction.numerator}/{self.fraction.denominator}"
        return {"value": self.value, "fraction": fraction, "undefined": self.undefined}


def _ratio(num: Any, den: Any, exact: bool) -> Value:
    """num / den exactly when the counts are integers; 0/0 is undefined and counts as 0."""
    if den == 0:
        return Value(0.0, Fraction(0) if exact else None, undefined=True)
    if exact:
        fraction = Fraction(int(num), int(den))
        return Value(float(fraction), fraction)
    return Value(float(num) / float(den), None)


def _mean(values: list[Value], weights: list[Any] | None, exact: bool) -> Value:
    """Mean (support-weighted if ``weights``) of per-label values; plain mean if weights are 0."""
    if not values:
        return Value(float("nan"), None, undefined=True)
    if weights is None or sum(weights) == 0:
        weights = [1] * len(values)
    if exact:
        total = sum((Fraction(int(w)) * v.fraction for v, w in zip(values, weights)), Fraction(0))
        fraction = total / sum(int(w) for w in weights)
        return Value(float(fraction), fraction)
    return Value(float(np.average([v.value for v in values], weights=weights)), None)


def _f1(tp: Any, pred: Any, true: Any, exact: bool) -> Value:
    """F1 = 2 TP / (pred + true) (scikit-learn's form; 0/0 when the label never occurs)."""
    return _ratio(2 * tp, pred + true, exact)


@dataclass(frozen=True)
class Summary:
    """Everything ``score`` reports, computed once for both output formats."""

    labels: list[Any]
    tp: list[Any]
    pred: list[Any]
    true: list[Any]
    exact: bool
    per_label: dict[str, list[Value]]
    averages: dict[str, dict[str, Value]]
    accuracy: Value
    total: Any
    correct: Any


def _sorted_labels(totals: LabelTotals) -> tuple[list[Any], list[int]]:
    """Labels in sklearn's order (ints numerically when every label is an int) and their codes."""
    names = list(totals.codes)
    as_ints: list[Any] = names
    try:
        ints = [int(n) for n in names]
        if len(set(ints)) == len(ints):
            as_ints = ints
    except ValueError:
        pass
    order = sorted(range(len(names)), key=lambda i: as_ints[i])
    return [as_ints[i] for i in order], [totals.codes[names[i]] for i in order]


def _number(x: float, exact: bool) -> Any:
    """A count as int when exact, else float."""
    return int(x) if exact else float(x)


def summarise(totals: LabelTotals) -> Summary:
    """Per-label values, averages and accuracy from the accumulated totals."""
    labels, codes = _sorted_labels(totals)
    exact = totals.integer_weights and float(totals.true.sum()) < _EXACT_LIMIT
    tp = [_number(totals.tp[c], exact) for c in codes]
    pred = [_number(totals.pred[c], exact) for c in codes]
    true = [_number(totals.true[c], exact) for c in codes]
    per_label = {
        "precision": [_ratio(a, b, exact) for a, b in zip(tp, pred)],
        "recall": [_ratio(a, b, exact) for a, b in zip(tp, true)],
        "f1": [_f1(a, b, c, exact) for a, b, c in zip(tp, pred, true)],
    }
    correct, total = sum(tp), sum(true)
    micro = {"precision": _ratio(correct, sum(pred), exact), "recall": _ratio(correct, total, exact),
             "f1": _ratio(2 * correct, sum(pred) + total, exact)}
    averages = {
        "micro": micro,
        "macro": {k: _mean(v, None, exact) for k, v in per_label.items()},
        "weighted": {k: _mean(v, true, exact) for k, v in per_label.items()},
    }
    accuracy = _ratio(correct, total, exact)
    return Summary(labels, tp, pred, true, exact, per_label, averages, accuracy, total, correct)


def _count_text(x: Any) -> str:
    return str(x) if isinstance(x, int) else f"{x:g}"


def identities(s: Summary) -> list[dict[str, Any]]:
    """Which catalogue identities hold for this data, with the numbers that show why."""
    fp = sum(p - t for p, t in zip(s.pred, s.tp))
    fn = sum(t - a for t, a in zip(s.true, s.tp))
    errors = s.total - s.correct
    tol = 0 if s.exact else 1e-9 * max(1.0, float(s.total))
    balanced = abs(fp - errors) <= tol and abs(fn - errors) <= tol
    micro = s.averages["micro"]
    same = all(abs(micro[k].value - s.accuracy.value) <= 1e-12 for k in micro)
    acc = s.accuracy.text()
    return [
        {"id": "fp-fn-balance", "holds": balanced,
         "detail": f"sum FP = {_count_text(fp)} and sum FN = {_count_text(fn)} both equal the number of "
                   f"errors N - trace = {_count_text(s.total)} - {_count_text(s.correct)} = {_count_text(errors)}: "
                   "each error is a false positive of its predicted label and a false negative of its true label"},
        {"id": "micro-f1-equals-accuracy", "holds": same and balanced,
         "detail": f"micro P = micro R = micro F1 = accuracy = {acc}, because micro P = sum TP / (sum TP + sum FP) "
                   "and micro R = sum TP / (sum TP + sum FN) share the denominator N when sum FP = sum FN"},
    ]


# --------------------------------------------------------------------------- output


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


def render_text(s: Summary, args: argparse.Namespace, rows: int) -> str:
    """The human-readable report."""
    weights = f"weights from column {args.weight_col!r}" if args.weight_col else "unweighted"
    out = [f"{args.file}: {rows} rows, true = {args.true_col!r}, pred = {args.pred_col!r}, {weights}",
           "exact fractions shown (integer counts)" if s.exact else "decimals only (non-integer weights)", ""]
    rows_ = [["label", "TP", "FP", "FN", "support", "precision", "recall", "F1"]]
    for i, label in enumerate(s.labels):
        rows_.append([str(label), _count_text(s.tp[i]), _count_text(s.pred[i] - s.tp[i]),
                      _count_text(s.true[i] - s.tp[i]), _count_text(s.true[i])]
                     + [s.per_label[k][i].text() for k in ("precision", "recall", "f1")])
    out += _table(rows_, 4) + [""]
    avg_rows = [["average", "precision", "recall", "F1"]]
    for name, values in s.averages.items():
        avg_rows.append([name] + [values[k].text() for k in ("precision", "recall", "f1")])
    out += _table(avg_rows, 0) + [f"accuracy: {s.accuracy.text()}", ""]
    for ident in identities(s):
        out.append(f"{ident['id']}: {'holds' if ident['holds'] else 'DOES NOT HOLD'}: {ident['detail']}")
    if any(v.undefined for vs in s.per_label.values() for v in vs):
        out.append("note: 0/0 ratios are undefined and counted as 0 in the averages (scikit-learn's default zero_division)")
    return "\n".join(out)


def render_json(s: Summary, args: argparse.Namespace, rows: int) -> str:
    """The JSON report (schema in the module docstring)."""
    labels = [{"label": label, "tp": s.tp[i], "fp": s.pred[i] - s.tp[i], "fn": s.true[i] - s.tp[i],
               "support": s.true[i], **{k: s.per_label[k][i].as_json() for k in ("precision", "recall", "f1")}}
              for i, label in enumerate(s.labels)]
    doc = {"file": args.file, "rows": rows, "true_column": args.true_col, "pred_column": args.pred_col,
           "weight_column": args.weight_col, "exact": s.exact, "total_weight": s.total, "labels": labels,
           "averages": {a: {k: v.as_json() for k, v in vals.items()} for a, vals in s.averages.items()},
           "accuracy": s.accuracy.as_json(), "identities": identities(s)}
    return json.dumps(doc, indent=2)
