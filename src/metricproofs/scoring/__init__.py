"""Score predictions: the per-label report of a CSV or Parquet file, or of a DataFrame.

Summary
-------
``metricproofs score FILE --true COL --pred COL [--weight COL | --counts COL] [--json] [--plot OUT]``
and, in Python, ``score(data, true=..., pred=...)`` print / return one :class:`Report`: the
per-label table (label, TP, FP, FN, support, precision, recall, F1), the micro / macro /
weighted averages and accuracy, and which catalogue identities hold for this data and why.

- Files are read with pyarrow in record batches (:mod:`metricproofs.scoring.reading`):
  Parquet by content (magic bytes), else CSV (UTF-8, optional BOM, quoted fields, CRLF).
- Labels are integers when the columns hold integers (floats must be integral), else text
  with surrounding whitespace removed; text labels that all spell distinct integers count
  as integers. Each batch is counted by the reference's counting pass into a k x k matrix
  (:mod:`metricproofs.scoring.counting`).
- ``--counts COL`` (``counts=``) reads a pre-aggregated table, one row per (true, pred)
  pair with its count (or summed weight), as ``SELECT true, pred, COUNT(*) ... GROUP BY
  true, pred`` produces: the report equals that of the unaggregated rows.
- With no weights or integer weights every value is an exact fraction and a decimal; other
  weights give decimals only. A 0/0 ratio (a label never predicted, or never true) is
  reported as undefined and counted as 0 in the averages (scikit-learn's ``zero_division``).

JSON schema (``--json``, :meth:`Report.json`)
---------------------------------------------
One object::

    {"file": str, "rows": int, "true_column": str, "pred_column": str,
     "weight_column": str | null, "counts_column": str | null,
     "exact": bool,              # true when every weight or count is an integer (or none given)
     "total_weight": number,     # N (with --counts: the sum of the counts)
     "labels": [{"label": str | int, "tp": number, "fp": number, "fn": number,
                 "support": number,
                 "precision": VALUE, "recall": VALUE, "f1": VALUE}, ...],
     "averages": {"micro": {"precision": VALUE, "recall": VALUE, "f1": VALUE},
                  "macro": {...}, "weighted": {...}},
     "accuracy": VALUE,
     "identities": [{"id": str, "holds": bool, "detail": str}, ...]}

    VALUE = {"value": float, "fraction": "p/q" | null, "undefined": bool}

``rows`` counts the rows read (the table's rows with ``--counts``); ``fraction`` is null
when the weights are not all integers, and for the macro and weighted means of more than 200
labels (``EXACT_MEAN_LABELS``: their exact denominators run to hundreds of digits); ``undefined`` marks a 0/0 ratio, whose ``value``
(and fraction) is then 0.

Main definitions
----------------
:func:`score`, :func:`score_file`, :class:`Report`.
"""

from __future__ import annotations

import os
from typing import Any, Iterator

from metricproofs.errors import InputError
from metricproofs.scoring.report import IDENTITIES, Report, Source, build_report
from metricproofs.scoring.values import Value

__all__ = ["score", "score_file", "Report", "Value", "IDENTITIES"]


def _columns(true: str, pred: str, weight: str | None, counts: str | None) -> Any:
    from metricproofs.scoring.reading import Columns

    if weight is not None and counts is not None:
        raise InputError("give a weight column or a counts column, not both (a count already is a weight)")
    return Columns(true, pred, counts if counts is not None else weight, counts=counts is not None)


def _tally(batches: Any, cols: Any, where: Any) -> Any:
    from metricproofs.scoring.counting import Tally

    tally = Tally(cols, where)
    for batch in batches:
        tally.add(batch)
    return tally


def score_file(path: str | os.PathLike[str], *, true: str, pred: str, weight: str | None = None,
               counts: str | None = None) -> Report:
    """The report of a CSV or Parquet file (read in bounded batches); bad input raises InputError."""
    from metricproofs.scoring.counting import Where
    from metricproofs.scoring.reading import file_batches, is_parquet, restart_column

    path = os.fspath(path)
    cols = _columns(true, pred, weight, counts)
    where = Where(path, empty="a null" if is_parquet(path) else "an empty")
    text: frozenset[str] = frozenset()
    while True:
        try:
            tally = _tally(file_batches(path, cols, text), cols, where)
            break
        except Exception as exc:
            column = restart_column(exc)
            if column is None:
                raise
            text = text | {column}  # arrow guessed a type from the first block; read it as text
    labels, matrix, exact = tally.finish()
    source = Source(path, tally.rows, true, pred, None if cols.counts else weight, counts)
    return build_report(source, labels, matrix, exact)


def score(data: Any, *, true: str, pred: str, weight: str | None = None, counts: str | None = None) -> Report:
    """The report of ``data``: a pandas or polars DataFrame, a pyarrow Table, or a file path.

    Column names are those the CLI takes (``--true``, ``--pred``, ``--weight``,
    ``--counts``); the returned :class:`Report` is the one the CLI prints (``str(report)``,
    ``report.json()``, ``report.as_dict()``, ``report.plot("cm.png")``).
    """
    if isinstance(data, (str, os.PathLike)):
        return score_file(data, true=true, pred=pred, weight=weight, counts=counts)
    from metricproofs.scoring.counting import Where
    from metricproofs.scoring.reading import table_batches

    cols = _columns(true, pred, weight, counts)
    name = f"the {type(data).__name__}"
    tally = _tally(_named(table_batches(data, cols), name), cols, Where(name, first=0, empty="a null"))
    labels, matrix, exact = tally.finish()
    source = Source(name, tally.rows, true, pred, None if cols.counts else weight, counts)
    return build_report(source, labels, matrix, exact)


def _named(batches: Iterator[Any], name: str) -> Iterator[Any]:
    """Batches, with 'the table' in reading errors replaced by ``name``."""
    try:
        yield from batches
    except InputError as exc:
        raise InputError(str(exc).replace("the table", name, 1)) from None
