"""Reading predictions: CSV and Parquet files, and in-memory tables, as bounded record batches.

Summary
    :func:`file_batches` streams a file through pyarrow: Parquet is recognised by its
    content (the magic bytes ``PAR1``), anything else is read as CSV (UTF-8, an optional
    BOM, quoted fields, CRLF or LF line ends, blank lines skipped). Only the named columns
    are parsed. :func:`table_batches` does the same for a pandas or polars DataFrame or a
    pyarrow Table. Each :class:`Batch` holds a slice of rows (at most a few MB), so memory
    stays bounded whatever the file's size.

    Every problem with the input is an :class:`~metricproofs.errors.InputError` with one
    line that names the file and, where there is one, the data row (rows count from 1 after
    the header in files, blank lines not counted; from 0 in in-memory tables).

Main definitions
    :class:`Columns` (which columns to read), :class:`Batch`, :func:`file_batches`,
    :func:`table_batches`.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from typing import Any, Iterator

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from metricproofs.errors import InputError

__all__ = ["Columns", "Batch", "file_batches", "table_batches", "is_parquet", "CSV_BLOCK_BYTES",
           "PARQUET_BATCH_ROWS", "TABLE_BATCH_ROWS"]

CSV_BLOCK_BYTES = 16 << 20
"""Bytes of CSV parsed at a time (about 2.8 million rows of two short labels); arrow parses
each piece on every core, and the next piece is parsed while the current one is counted."""

PARQUET_BATCH_ROWS = 1 << 20
"""Rows per Parquet record batch."""

TABLE_BATCH_ROWS = 1 << 20
"""Rows per batch of an in-memory table."""

_HEADER_BYTES = 1 << 20
"""The header row must end within this many bytes."""

_PARQUET_MAGIC = b"PAR1"
_TEXT = pa.dictionary(pa.int32(), pa.string())
_CONVERSION = re.compile(r"In CSV column #(\d+): CSV conversion error")
_NOT_BLANK = re.compile(rb"[^ \t\n\r\x0b\x0c]")  #: a byte that bytes.strip() keeps


@dataclass(frozen=True)
class Columns:
    """The columns to read: true and predicted labels, and an optional weight or count column.

    ``weight`` is the name of the column of sample weights, or of counts when ``counts``
    is True (a pre-aggregated table: one row per (true, pred) pair with its count).
    """

    true: str
    pred: str
    weight: str | None = None
    counts: bool = False

    @property
    def names(self) -> list[str]:
        return [self.true, self.pred] + ([] if self.weight is None else [self.weight])

    @property
    def weight_word(self) -> str:
        """'count' or 'weight', for messages."""
        return "count" if self.counts else "weight"


@dataclass(frozen=True)
class Batch:
    """A slice of rows: label arrays, the optional weight array, and where the slice starts."""

    true: pa.Array
    pred: pa.Array
    weight: pa.Array | None
    first_row: int  #: 0-based position of the slice's first row in the input


def is_parquet(path: str) -> bool:
    """True when the file starts with Parquet's magic bytes (whatever its name)."""
    with _open_binary(path) as handle:
        return handle.read(4) == _PARQUET_MAGIC


def _open_binary(path: str) -> io.BufferedReader:
    """Open ``path`` for reading bytes; OS errors become one-line InputErrors."""
    if os.path.isdir(path):
        raise InputError(f"{path} is a directory; expected a CSV or Parquet file")
    try:
        handle = open(path, "rb")
        handle.peek(1)
    except OSError as exc:
        raise InputError(f"cannot read {path!r}: {exc.strerror or exc}") from None
    return handle


def _check_columns(names: list[str], cols: Columns, path: str) -> None:
    """Each requested column exists exactly once, else an InputError listing the columns."""
    for name in cols.names:
        hits = names.count(name)
        if hits == 0:
            available = ", ".join(repr(n) for n in names)
            raise InputError(f"no column {name!r} in {path}; available columns: {available}")
        if hits > 1:
            raise InputError(f"column {name!r} appears {hits} times in the header of {path}")


# --------------------------------------------------------------------------- CSV


def _csv_header(path: str) -> list[str]:
    """The header row's names as written, read with the csv module."""
    with _open_binary(path) as handle:
        try:
            head = handle.read(_HEADER_BYTES)
        except OSError as exc:
            raise InputError(f"cannot read {path!r}: {exc.strerror or exc}") from None
    if not head.strip():
        raise InputError(f"{path} is empty; expected a header row and data rows")
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not merely a character cut at the end of the sample
            raise InputError(f"{path} is not UTF-8 text (nor a Parquet file)") from None
        text = head[: exc.start].decode("utf-8-sig")
    try:
        header = next(csv.reader(io.StringIO(text)), [])
    except csv.Error as exc:
        raise InputError(f"{path}: malformed CSV header ({exc})") from None
    return header


def _ragged_row(path: str, width: int) -> str:
    """The message for the first data row whose field count differs from the header's
    (found by a second, Python-level scan: arrow's parser does not say which row)."""
    with open(path, newline="", encoding="utf-8-sig", errors="replace") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        row_number = 0
        for row in reader:
            if not row:
                continue
            row_number += 1
            if len(row) != width:
                return f"{path}: data row {row_number} has {len(row)} fields but the header has {width}"
    return f"{path}: malformed CSV (a row's field count differs from the header's)"


def _convert_options(raw_names: list[str], cols: Columns, types: dict[str, pa.DataType]) -> pacsv.ConvertOptions:
    """Parse only the requested columns (named as written in the header), with fixed ``types``."""
    wanted = [raw for raw in raw_names if raw.strip() in cols.names]
    return pacsv.ConvertOptions(
        include_columns=wanted, column_types=types, null_values=[""], strings_can_be_null=False,
        quoted_strings_can_be_null=False, auto_dict_encode=True, auto_dict_max_cardinality=1 << 30,
        check_utf8=True,
    )


def _chunks(handle: io.BufferedReader) -> Iterator[pa.Buffer]:
    """The data after the header in pieces of about CSV_BLOCK_BYTES, each ending at a line end
    (values hold no line breaks: arrow's own default, ``newlines_in_values=False``). Each piece
    is read into its own buffer and handed to arrow without a copy; only the partial line
    after its last line end is copied, to the front of the next piece. Blank pieces are skipped."""
    rest = b""
    while True:
        data = bytearray(len(rest) + CSV_BLOCK_BYTES)
        data[: len(rest)] = rest
        got = handle.readinto(memoryview(data)[len(rest):])
        if not got:
            if _NOT_BLANK.search(rest):
                yield pa.py_buffer(rest)
            return
        end = len(rest) + got
        cut = data.rfind(b"\n", 0, end) + 1
        if cut == 0:  # no line end yet: a line longer than the piece
            rest = bytes(data[:end])
            continue
        piece = memoryview(data)[:cut]
        if _NOT_BLANK.search(piece):
            yield pa.py_buffer(piece)
        rest = bytes(data[cut:end])


def _skip_header(handle: io.BufferedReader) -> None:
    """Move past the header line (the BOM, if any, is part of it)."""
    handle.readline(_HEADER_BYTES)


def _csv_tables(path: str, header: list[str], cols: Columns, text: set[str]) -> Iterator[pa.Table]:
    """Parse the CSV piece by piece with arrow's multi-threaded reader, the next piece parsed in
    a background thread while the current one is counted; the first piece fixes the types."""
    from concurrent.futures import ThreadPoolExecutor

    read = pacsv.ReadOptions(column_names=header, use_threads=True)
    types: dict[str, pa.DataType] = {raw: _TEXT for raw in header if raw.strip() in text}

    def parse(piece: pa.Buffer, fixed: dict[str, pa.DataType]) -> pa.Table:
        return pacsv.read_csv(piece, read_options=read,
                              convert_options=_convert_options(header, cols, fixed))

    with open(path, "rb") as handle, ThreadPoolExecutor(max_workers=1) as pool:
        _skip_header(handle)
        pieces = _chunks(handle)
        first = next(pieces, None)
        if first is None:
            return
        table = parse(first, types)
        types = {**{name: table.schema.field(name).type for name in table.column_names}, **types}
        ahead = None
        for piece in pieces:
            ahead = pool.submit(parse, piece, types)
            yield table
            table = ahead.result()
        yield table


def _csv_batches(path: str, cols: Columns, text: set[str]) -> Iterator[Batch]:
    """Stream the CSV; a column whose type arrow guessed wrong is re-read as text (restart)."""
    header = _csv_header(path)
    names = [h.strip() for h in header]
    _check_columns(names, cols, path)
    try:
        first = 0
        for table in _csv_tables(path, header, cols, text):
            wanted = [n.strip() for n in table.column_names]
            for record in table.to_batches():
                yield _batch(record, wanted, cols, first)
                first += record.num_rows
    except pa.ArrowInvalid as exc:
        message = str(exc)
        match = _CONVERSION.search(message)
        if match:  # e.g. integers for a million rows, then a word: read that column as text
            index = int(match.group(1))  # the column's position in the header
            name = names[index] if index < len(names) else ""
            if name in cols.names and name not in text:
                raise _Restart(name) from None
        if "Expected" in message and "columns" in message:
            raise InputError(_ragged_row(path, len(header))) from None
        if "UTF8" in message or "UTF-8" in message:
            raise InputError(f"{path} is not UTF-8 text (nor a Parquet file)") from None
        raise InputError(f"{path}: malformed CSV ({message})") from None
    except OSError as exc:
        raise InputError(f"cannot read {path!r}: {exc.strerror or exc}") from None


class _Restart(Exception):
    """A CSV column must be re-read as text: arrow's type guess failed on a later block."""

    def __init__(self, column: str) -> None:
        super().__init__(column)
        self.column = column


# --------------------------------------------------------------------------- Parquet


def _parquet_batches(path: str, cols: Columns) -> Iterator[Batch]:
    """Stream a Parquet file's record batches (string columns read dictionary-encoded)."""
    try:
        schema = pq.read_schema(path)
        _check_columns(schema.names, cols, path)
        strings = [n for n in (cols.true, cols.pred) if pa.types.is_string(schema.field(n).type)
                   or pa.types.is_large_string(schema.field(n).type)]
        handle = pq.ParquetFile(path, read_dictionary=strings)
        first = 0
        names = list(dict.fromkeys(cols.names))
        for record in handle.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=names):
            yield _batch(record, names, cols, first)
            first += record.num_rows
    except (pa.ArrowInvalid, pa.ArrowIOError, OSError) as exc:
        if isinstance(exc, OSError) and exc.errno is not None:
            raise InputError(f"cannot read {path!r}: {exc.strerror or exc}") from None
        raise InputError(f"{path}: truncated or corrupt Parquet file ({exc})") from None


# --------------------------------------------------------------------------- entry points


def _batch(record: pa.RecordBatch, names: list[str], cols: Columns, first: int) -> Batch:
    """The requested columns of one record batch."""
    index = {name: i for i, name in enumerate(names)}
    weight = None if cols.weight is None else record.column(index[cols.weight])
    return Batch(record.column(index[cols.true]), record.column(index[cols.pred]), weight, first)


def file_batches(path: str, cols: Columns, text: frozenset[str] = frozenset()) -> Iterator[Batch]:
    """Batches of a CSV or Parquet file (Parquet detected by content)."""
    if is_parquet(path):
        yield from _parquet_batches(path, cols)
    else:
        yield from _csv_batches(path, cols, set(text))


def restart_column(exc: BaseException) -> str | None:
    """The column to re-read as text when ``exc`` asks for a restart, else None."""
    return exc.column if isinstance(exc, _Restart) else None


def table_batches(data: Any, cols: Columns) -> Iterator[Batch]:
    """Batches of an in-memory table: a pyarrow Table or RecordBatch, a pandas or polars
    DataFrame, or anything else that speaks the Arrow PyCapsule stream protocol."""
    table = _as_table(data)
    _check_columns(table.column_names, cols, "the table")
    table = table.select(list(dict.fromkeys(cols.names)))
    names = table.column_names
    first = 0
    for record in table.to_batches(max_chunksize=TABLE_BATCH_ROWS):
        yield _batch(record, names, cols, first)
        first += record.num_rows


def _as_table(data: Any) -> pa.Table:
    """``data`` as a pyarrow Table, or an InputError naming what was given."""
    if isinstance(data, pa.Table):
        return data
    if isinstance(data, pa.RecordBatch):
        return pa.Table.from_batches([data])
    module = type(data).__module__.split(".")[0]
    try:
        if module == "pandas":
            return pa.Table.from_pandas(data, preserve_index=False)
        if module == "polars" and hasattr(data, "to_arrow"):
            return data.to_arrow()
        if hasattr(data, "__arrow_c_stream__"):
            return pa.table(data)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError) as exc:
        raise InputError(f"cannot read the {type(data).__name__} as a table: {exc}") from None
    raise InputError(
        f"score needs a pandas or polars DataFrame, a pyarrow Table or a file path; got {type(data).__name__}"
    )
