"""The readers: walk paths, pick a format (text, HTML, JSONL) and turn bytes into ``RawDocument``s.

Everything is streamed: a folder is walked lazily and a JSONL feed (a file, a pipe or stdin) is
read line by line, so memory does not grow with the input. A bad input is an ``InputError`` that
carries the document's ``source`` and the bytes read, so the failure can be stored and retried.
What is not a regular file inside a folder (a FIFO, a socket, a device) is skipped with a message.
"""

from __future__ import annotations

import json
import os
import re
import select
import stat
import sys
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from warta.article import RawDocument, Source
from warta.errors import InputError
from warta.ingest.decode import DecodeError, decode, gunzip, is_gzip

DEFAULT_MAX_BYTES = 10_000_000
# The bytes of an over-size input are kept (for the failure record) up to this many times the limit.
KEEP_FACTOR = 4
STDIN_NAME = "<stdin>"
# Seconds a FIFO named on the command line may stay silent before it is skipped.
FIFO_WAIT = 10.0

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
# The start of a page, looked for in files whose name does not say what they are.
# a UTF-16 surrogate alone, which a JSON string may carry as an escape but no text can hold
_SURROGATE = re.compile("[\ud800-\udfff]")
# an argument that is a URL, not a file: Warta works offline and fetches nothing
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
NOT_FETCHED = ("no such file; a URL is not fetched (Warta works offline): save the page and give the file, "
               "or a JSONL line with its url and html")
_HTML_SNIFF = ("<!doctype html", "<html", "<head", "<body", "<?xml")

Skip = Callable[[str, str], None]


def _log_skip(where: str, reason: str) -> None:
    import logging

    logging.getLogger("warta.ingest").warning("skipped %s: %s", where, reason)


def read_inputs(
    paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, on_skip: Skip = _log_skip
) -> Iterator[RawDocument | InputError]:
    """Yield one raw document (or input error) per article in ``paths``, in order.

    ``on_skip(where, reason)`` is told about what a folder holds that is not a regular file.
    """
    for path in paths:
        if path == "-":
            yield from read_stream(sys.stdin.buffer, STDIN_NAME, max_bytes=max_bytes)
            continue
        p = Path(path)
        try:
            mode = p.stat().st_mode
        except FileNotFoundError:
            yield _error(path, NOT_FETCHED if _URL.match(path) else "no such file or directory")
            continue
        except OSError as error:
            yield _error(path, f"cannot read: {error.strerror or error}")
            continue
        if stat.S_ISDIR(mode):
            for item in _walk(p, set()):
                if isinstance(item, InputError):
                    yield item
                    continue
                file, mode = item
                if stat.S_ISREG(mode):
                    yield from _read_file(file, max_bytes)
                else:  # a FIFO would block forever, a device never ends
                    on_skip(str(file), f"not a regular file ({_describe(mode)})")
        elif stat.S_ISREG(mode):
            yield from _read_file(p, max_bytes)
        elif stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
            # named on the command line: a pipe (`<(zcat feed.gz)`) is read as a stream
            yield from _read_named_stream(p, mode, max_bytes, on_skip)
        else:
            yield _error(path, f"not a file or folder ({_describe(mode)})")


def _error(where: str, reason: str, *, line: int | None = None, raw: bytes = b"") -> InputError:
    """An input error for ``where`` (a path, or ``path:line`` when ``line`` is given)."""
    at = f"{where}:{line}" if line else where
    return InputError(at, reason, source=Source(path=where, line=line), raw=raw)


def _describe(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a regular file"


def _walk(root: Path, seen: set[tuple[int, int]]) -> Iterator[tuple[Path, int] | InputError]:
    """Files under ``root`` with their mode, recursively: a folder's files sorted by name, then its
    sub-folders; hidden files and folders skipped; a folder that cannot be read is an error."""
    try:
        info = root.stat()
        if (info.st_dev, info.st_ino) in seen:
            return  # a symbolic link back to a folder we are in
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(root) as entries:
            names = sorted(e.name for e in entries if not e.name.startswith("."))
    except OSError as error:
        yield _error(str(root), f"cannot read the folder: {error.strerror or error}")
        return
    folders = []
    for name in names:
        path = root / name
        try:
            mode = path.stat().st_mode
        except OSError as error:  # a dangling link, a file removed meanwhile, no permission
            yield _error(str(path), f"cannot read: {error.strerror or error}")
            continue
        if stat.S_ISDIR(mode):
            folders.append(path)
        else:
            yield path, mode
    for folder in folders:
        yield from _walk(folder, seen)


def _read_file(path: Path, max_bytes: int) -> Iterator[RawDocument | InputError]:
    where = str(path)
    try:
        with path.open("rb") as handle:
            if _kind(path.name) == "jsonl" and not is_gzip(handle.peek(2)[:2]):
                # a JSONL file is a batch: stream it, and apply the size limit to each line
                yield from _read_jsonl_stream(handle, where, max_bytes)
                return
            data = handle.read(max_bytes + 1)
            if len(data) > max_bytes:
                size = os.fstat(handle.fileno()).st_size
                yield _error(where, f"over the size limit: {size:,} bytes, the limit is {max_bytes:,}",
                             raw=data + handle.read(KEEP_FACTOR * max_bytes - len(data)))
                return
    except OSError as error:
        yield _error(where, f"cannot read the file: {error.strerror or error}")
        return
    yield from read_bytes(data, where, max_bytes=max_bytes)


def _read_named_stream(path: Path, mode: int, max_bytes: int, on_skip: Skip) -> Iterator[RawDocument | InputError]:
    try:
        if stat.S_ISFIFO(mode):
            # a FIFO nobody writes to would block for ever: wait a while for its first bytes
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
            if not select.select([fd], [], [], FIFO_WAIT)[0]:
                os.close(fd)
                on_skip(str(path), f"a FIFO nothing was written to in {FIFO_WAIT:g} s")
                return
            os.set_blocking(fd, True)
            handle = os.fdopen(fd, "rb")
        else:
            handle = path.open("rb")
        with handle:
            yield from read_stream(handle, str(path), max_bytes=max_bytes)
    except OSError as error:
        yield _error(str(path), f"cannot read: {error.strerror or error}")


def read_stream(handle: BinaryIO, where: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | InputError]:
    """Read a stream (stdin, a pipe): a JSONL feed line by line, anything else as one document."""
    head, line = b"", b""
    while not line.strip():  # leading blank lines say nothing about the format
        line = handle.readline(max_bytes + 1)
        if not line:
            break
        head += line
    stream = _Prefixed(head, handle)
    kind = _kind(where)
    if not is_gzip(head) and (kind == "jsonl" or (kind == "unknown" and _is_json_object(line))):
        yield from _read_jsonl_stream(stream, where, max_bytes)
        return
    yield from read_bytes(stream.read(max_bytes + 1), where, max_bytes=max_bytes)


class _Prefixed:
    """A binary stream whose first bytes were read already (to sniff the format): ``prefix`` + the rest."""

    def __init__(self, prefix: bytes, handle: BinaryIO):
        self._prefix = prefix
        self._handle = handle

    def readline(self, size: int = -1) -> bytes:
        if not self._prefix:
            return self._handle.readline(size)
        cut = self._prefix.find(b"\n") + 1 or len(self._prefix)
        if size >= 0:
            cut = min(cut, size)
        out, self._prefix = self._prefix[:cut], self._prefix[cut:]
        if out.endswith(b"\n") or self._prefix or (size >= 0 and len(out) >= size):
            return out
        return out + self._handle.readline(size - len(out) if size >= 0 else -1)

    def read(self, size: int = -1) -> bytes:
        out = self._prefix[:size] if size >= 0 else self._prefix
        self._prefix = self._prefix[len(out):]
        if size < 0:
            return out + self._handle.read()
        return out + (self._handle.read(size - len(out)) if size > len(out) else b"")


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


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
        yield _error(where, f"over the size limit: more than {max_bytes:,} bytes", raw=data)
        return
    raw = data
    try:
        if is_gzip(data):
            data = gunzip(data, max_bytes=max_bytes)
        kind = _kind(where)
        if kind == "jsonl":
            yield from _read_jsonl_stream(_lines(data), where, max_bytes)
            return
        text = decode(data)
    except DecodeError as error:
        yield _error(where, str(error), raw=raw)
        return
    if kind == "unknown":
        kind = _sniff(text)
        if kind == "jsonl":
            yield from _read_jsonl_stream(_lines(data), where, max_bytes)
            return
    source = Source(path=where)
    if kind == "html":
        yield RawDocument(source=source, html=text, raw=raw)
    else:
        yield RawDocument(source=source, text=text, raw=raw)


def read_stored(source: Source, raw: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | InputError]:
    """Read again the bytes a store kept for a document (a whole input, or one JSONL line)."""
    where = source.path or source.url or STDIN_NAME
    if source.line:
        yield _jsonl_record(raw, where, source.line)
    else:
        yield from read_bytes(raw, where, max_bytes=max_bytes)


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


def _bounded_lines(lines: BinaryIO | list[bytes], max_bytes: int) -> Iterator[tuple[bytes, int]]:
    """(the line, or its start when it is over the limit; its length): an over-size line of a
    stream is never held in memory whole."""
    if isinstance(lines, list):
        for line in lines:
            yield line, len(line)
        return
    while line := lines.readline(max_bytes + 1):
        size = len(line)
        while size > max_bytes and not line.endswith(b"\n"):  # the rest of an over-size line
            more = lines.readline(1 << 20)
            if not more:
                break
            size += len(more)
            if len(line) < KEEP_FACTOR * max_bytes:
                line += more
            if more.endswith(b"\n"):
                break
        yield line, size


def _read_jsonl_stream(lines: BinaryIO | list[bytes], path: str, max_bytes: int) -> Iterator[RawDocument | InputError]:
    """One raw document per non-blank line of a JSONL batch; errors name ``file:line``."""
    for number, (line, size) in enumerate(_bounded_lines(lines, max_bytes), start=1):
        if not line.strip():
            continue
        if size > max_bytes:
            yield _error(path, f"over the size limit: line of {size:,} bytes, the limit is {max_bytes:,}",
                         line=number, raw=line.rstrip(b"\r\n"))
            continue
        yield _jsonl_record(line, path, number)


def _jsonl_record(line: bytes, path: str, number: int) -> RawDocument | InputError:
    raw = line.rstrip(b"\r\n")
    try:
        text = decode(line)
        record = json.loads(text)
    except DecodeError as error:
        return _error(path, str(error), line=number, raw=raw)
    except ValueError as error:
        reason = f"malformed JSON line ({error.msg} at column {error.colno})" if hasattr(error, "msg") else (
            f"malformed JSON line ({error})")
        return _error(path, reason, line=number, raw=raw)
    if not isinstance(record, dict):
        return _error(path, f"a JSONL line must be a JSON object, not {type(record).__name__}", line=number, raw=raw)
    warnings = []
    for key in ("url", "title", "published", "text", "html"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return _error(path, f"field {key!r} must be a string, not {type(record[key]).__name__}",
                          line=number, raw=raw)
        value = record.get(key) or ""
        lone = _SURROGATE.search(value)
        if not lone:
            continue
        # JSON may escape half of a character (\ud83d alone): an excerpt cut at a length counted in UTF-16 units
        # (a JavaScript or Java scraper) ends so when the cut falls inside an emoji. No text can hold it: it
        # becomes U+FFFD, as a byte no encoding reads would; a field of mostly such halves is no text
        halves = len(_SURROGATE.findall(value))
        if halves * 2 > sum(not c.isspace() for c in value):
            return _error(path, f"field {key!r} is not valid Unicode: mostly half characters ({halves}, the first "
                                f"\\u{ord(lone.group()):04x} at character {lone.start()})", line=number, raw=raw)
        record[key] = _SURROGATE.sub("\ufffd", value)
        warnings.append(f"input: field {key!r} held {halves} half character(s) (a lone UTF-16 surrogate, the "
                        f"first \\u{ord(lone.group()):04x} at character {lone.start()}), replaced by U+FFFD")
    body_text, html = record.get("text"), record.get("html")
    if not (body_text and body_text.strip()) and not (html and html.strip()):
        return _error(path, "missing article content: give a non-empty 'text' or 'html' field", line=number, raw=raw)
    source = Source(path=path, url=record.get("url") or None, line=number)
    doc = RawDocument(
        source=source,
        title=(record.get("title") or "").strip() or None,
        published=(record.get("published") or "").strip() or None,
        raw=raw,
        warnings=warnings,
    )
    if body_text and body_text.strip():
        doc.text = body_text.replace("\r\n", "\n").replace("\r", "\n")
    else:
        doc.html = html
    return doc
