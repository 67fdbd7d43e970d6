"""Reading inputs: files, directories, stdin; plain text, HTML (also gzipped) and JSONL, as raw documents.

``read_inputs`` never raises for a bad document: it yields an ``InputError`` naming the file
(and line) with a one-line reason, and goes on with the next input.
"""

from __future__ import annotations

from warta.ingest.readers import DEFAULT_MAX_BYTES, read_inputs, read_bytes

__all__ = ["DEFAULT_MAX_BYTES", "read_inputs", "read_bytes"]
