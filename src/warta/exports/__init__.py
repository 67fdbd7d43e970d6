"""Exports: articles, entities, quotes, events and stories as JSONL, CSV, Parquet, and events as a GDELT-style table.

``export(engine, kind, format, out)`` writes one kind to a binary file object; `warta export` and the
API's `/api/export/{kind}` both call it.
"""

from __future__ import annotations

from warta.exports.tables import KINDS, columns, rows
from warta.exports.writers import FORMATS, MEDIA_TYPES, SUFFIXES, write

__all__ = ["FORMATS", "KINDS", "columns", "MEDIA_TYPES", "SUFFIXES", "export", "rows", "write"]


def export(engine, kind: str, format: str, out, *, events_filter=None) -> int:
    """Write every ``kind`` record of the store to ``out`` in ``format``; returns the number of rows."""
    return write(rows(engine, kind, format=format, events_filter=events_filter), format, out, columns(kind, format))
