"""Exports from the API: `/api/export/{kind}?format=…` streams what `warta export` writes."""

from __future__ import annotations

import io
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from warta import exports
from warta.serve import models
from warta.serve.api import Db, event_filter
from warta.store.browse import EventFilter

router = APIRouter(prefix="/api", tags=["export"])
Kind = Literal["articles", "entities", "quotes", "events", "stories"]
Format = Literal["jsonl", "csv", "parquet", "gdelt"]


@router.get("/export/{kind}", responses={200: {"content": {t: {} for t in exports.MEDIA_TYPES.values()}},
                                        400: {"model": models.Error}, 422: {"model": models.Error}})
def export(db: Db, kind: Kind, filters: Annotated[EventFilter, Depends(event_filter)],
           format: Annotated[Format, Query(description="jsonl, csv, parquet, or gdelt (events only).")] = "jsonl"):
    """Every article, entity, quote, event or story as a file; the event filters apply to `events`."""
    rows = exports.rows(db, kind, format=format, events_filter=filters)  # checks kind and format before any byte
    columns = exports.columns(kind, format)
    headers = {"Content-Disposition": f'attachment; filename="warta-{kind}{exports.SUFFIXES[format]}"'}
    media = exports.MEDIA_TYPES[format]
    buffer = io.BytesIO()  # written whole first: an error mid-way is a clean JSON error, not a cut file
    exports.write(rows, format, buffer, columns)
    return Response(buffer.getvalue(), media_type=media, headers=headers)
