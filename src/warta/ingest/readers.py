"""The readers: walk paths, pick a format (text, HTML, JSONL) and turn bytes into ``RawDocument``s."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import BinaryIO, Iterator

from warta.article import RawDocument, Source
from warta.errors import InputError
from warta.ingest.decode import DecodeError, decode, gunzip, is_gzip

DEFAULT_MAX_BYTES = 10_000_000
STDIN_NAME = "<stdin>"

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
# The start of a page, looked for in files whose name does not say what they are.
_HTML_SNIFF = ("<!doctype html", "<html", "<head", "<body", "<?xml")


def read_inputs(paths: list[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | InputError]:
    """Yield one raw document (or input error) per article in ``paths``, in order."""
    for path in paths:
        if path == "-":
            yield from read_bytes(sys.stdin.buffer.read(max_bytes + 1), STDIN_NAME, max_bytes=max_bytes)
            continue
        p = Path(path)
        if p.is_dir():
            for file in _walk(p):
                yield from _read_file(file, max_bytes)
        elif p.exists():
            yield from _read_file(p, max_bytes)
        else:
            yield InputError(path, "no such file or directory")


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root``, recursively, sorted by name, skipping hidden files and folders."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def _read_file(path: Path, max_bytes: int) -> Iterator[RawDocument | InputError]:
    where = str(path)
    try:
        size = path.stat().st_size
        if _kind(path.name) == "jsonl" and not _gzipped_file(path):
            # a JSONL file is a batch: stream it, and apply the size limit to each line
            with path.open("rb") as handle:
                yield from _read_jsonl_stream(handle, where, max_bytes)
            return
        if size > max_bytes:
            yield InputError(where, f"over the size limit: {size:,} bytes, the limit is {max_bytes:,}")
            return
        data = path.read_bytes()
    except OSError as error:
        yield InputError(where, f"cannot read the file: {error.strerror or error}")
        return
    yield from read_bytes(data, where, max_bytes=max_bytes)


def _gzipped_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return is_gzip(handle.read(2))


def _kind(name: str) -> str:
    """The format the file name says: ``html``, ``jsonl``, ``text`` or ``unknown``."""
    name = name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    suffix = os.path.splitext(name)[1]
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix == ".txt":
        return "text"
    return "unknown"


def read_bytes(data: bytes, where: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | InputError]:
    """Turn the bytes of one input (named ``where``) into raw documents or input errors."""
    if len(data) > max_bytes:
        yield InputError(where, f"over the size limit: more than {max_bytes:,} bytes")
        return
    raw = data
    try:
        if is_gzip(data):
            data = gunzip(data, max_bytes=max_bytes)
        kind = _kind(where)
        if kind == "jsonl":
            yield from _read_jsonl_stream(_lines(data), where, max_bytes, path=where)
            return
        text = decode(data)
    except DecodeError as error:
        yield InputError(where, str(error))
        return
    if kind == "unknown":
        kind = _sniff(text)
        if kind == "jsonl":
            yield from _read_jsonl_stream(_lines(data), where, max_bytes, path=where)
            return
    source = Source(path=where)
    if kind == "html":
        yield RawDocument(source=source, html=text, raw=raw)
    else:
        yield RawDocument(source=source, text=text, raw=raw)


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def _sniff(text: str) -> str:
    """Guess the format of an input whose name says nothing (stdin, ``article``, ``page.php``)."""
    head = text.lstrip()[:200].lower()
    if head.startswith(_HTML_SNIFF):
        return "html"
    if head.startswith("{"):
        first = text.lstrip().split("\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            pass
    return "text"


def _read_jsonl_stream(lines: BinaryIO | list[bytes], where: str, max_bytes: int, path: str | None = None):
    """One raw document per non-blank line of a JSONL batch; errors name ``file:line``."""
    path = path or where
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        at = f"{path}:{number}"
        if len(line) > max_bytes:
            yield InputError(at, f"over the size limit: line of {len(line):,} bytes, the limit is {max_bytes:,}")
            continue
        yield _jsonl_record(line, at, path, number)


def _jsonl_record(line: bytes, at: str, path: str, number: int) -> RawDocument | InputError:
    try:
        text = decode(line)
        record = json.loads(text)
    except DecodeError as error:
        return InputError(at, str(error))
    except ValueError as error:
        return InputError(at, f"malformed JSON line ({error.msg} at column {error.colno})")
    if not isinstance(record, dict):
        return InputError(at, f"a JSONL line must be a JSON object, not {type(record).__name__}")
    for key in ("url", "title", "published", "text", "html"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return InputError(at, f"field {key!r} must be a string, not {type(record[key]).__name__}")
    body_text, html = record.get("text"), record.get("html")
    if not (body_text and body_text.strip()) and not (html and html.strip()):
        return InputError(at, "missing article content: give a non-empty 'text' or 'html' field")
    source = Source(path=path, url=record.get("url") or None, line=number)
    doc = RawDocument(
        source=source,
        title=(record.get("title") or "").strip() or None,
        published=(record.get("published") or "").strip() or None,
        raw=line.rstrip(b"\r\n"),
    )
    if body_text and body_text.strip():
        doc.text = body_text.replace("\r\n", "\n").replace("\r", "\n")
    else:
        doc.html = html
    return doc
