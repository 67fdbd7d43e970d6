"""Reading inputs: files, directories, pipes and stdin; plain text, HTML (also gzipped) and JSONL, as raw documents.

``read_inputs`` never raises for a bad document: it yields an ``InputError`` naming the file
(and line) with a one-line reason, the document's source and the bytes read, and goes on with
the next input. Inputs are streamed (a JSONL feed line by line). ``read_stored`` reads again the
bytes a store kept for a failed document (`warta ingest --retry`).
"""

from __future__ import annotations

from warta.ingest.readers import DEFAULT_MAX_BYTES, read_bytes, read_inputs, read_stored, read_stream

__all__ = ["DEFAULT_MAX_BYTES", "read_inputs", "read_bytes", "read_stored", "read_stream"]
