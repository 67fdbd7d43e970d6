"""Writers of the export formats: JSONL, CSV, Parquet (pyarrow) and the GDELT-style tab-separated event table."""

from __future__ import annotations

import csv
import io
import json
from typing import BinaryIO, Iterable

from warta.errors import WartaError

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
SUFFIXES = {"jsonl": ".jsonl", "csv": ".csv", "parquet": ".parquet", "gdelt": ".tsv"}
MEDIA_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
               "parquet": "application/vnd.apache.parquet", "gdelt": "text/tab-separated-values; charset=utf-8"}
LIST_SEPARATOR = "; "  # lists (authors, tags) in one CSV cell


def write(rows: Iterable[dict], format: str, out: BinaryIO, columns: list[str]) -> int:
    """Write ``rows`` to the binary file ``out`` in ``format``; returns how many rows were written.

    ``columns`` are the columns of the tabular formats (so an empty export still has its header).
    """
    if format not in FORMATS:
        raise WartaError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    if format == "jsonl":
        n = 0
        for row in rows:
            out.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
            n += 1
        return n
    if format == "parquet":
        return _parquet(list(rows), out, columns)
    return _delimited(rows, out, columns, delimiter="\t" if format == "gdelt" else ",")


def _cell(value):
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _delimited(rows: Iterable[dict], out: BinaryIO, columns: list[str], *, delimiter: str) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=columns, delimiter=delimiter, extrasaction="ignore")
    n = 0
    try:
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
            n += 1
        text.flush()
    finally:
        text.detach()  # leave ``out`` open for the caller
    return n


def _parquet(rows: list[dict], out: BinaryIO, columns: list[str]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = {}
    for column in columns:
        values = [r.get(column) for r in rows]
        # nested records (a story's articles) are kept as JSON text, so every column has one type
        if any(isinstance(v, dict) or (isinstance(v, list) and any(isinstance(x, dict) for x in v)) for v in values):
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
        data[column] = values
    pq.write_table(pa.table(data) if rows else pa.table({c: pa.array([], pa.string()) for c in columns}), out)
    return len(rows)
