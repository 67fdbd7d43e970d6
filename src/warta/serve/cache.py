"""A cache of the REST API's answers, kept per (path and query, store generation) in each server process.

The reads under `/api/` are pure functions of the request and of what the store holds: the same
`GET /api/events?dyad=RUS-UKR` gets the same bytes until something is written. The store counts its
write transactions (``meta.generation``, one more with each commit, in the same transaction as the
writes: ``warta.store.connect.writing``), so before answering a cacheable request the cache reads that
number (one row by its key: about 4 µs on SQLite) and answers from memory when it holds an answer for the same
path, query and generation; otherwise the application answers and a 200 is kept. Whatever wrote (this
server's ingest over HTTP, another worker, `warta ingest` in another process, on SQLite or PostgreSQL),
the next request sees a new generation and is answered from the store. An answer computed while a
write commits may come from the newer state; it is kept under the generation read before, which only
requests that started before the write can see.

On PostgreSQL the read is a round trip to the server (and, after a lost connection, a new connection that may
wait up to the connect timeout): it runs in the thread pool (``run_in_threadpool``), never on the event loop,
so a slow or unreachable server delays only the requests that wait for it. On SQLite it is a local read of one
row that waits for nobody (readers never wait in WAL mode) and runs inline: a thread hop would cost more
than the read.

The answers kept are bounded by their total size (``WARTA_CACHE_MB``, least recently used dropped
first); one larger than a tenth of it is not kept. Exports (`/api/export/…`, files that can be large)
and anything but GET are never cached. Each answer says ``Server-Timing: cache;desc=hit`` or ``miss``.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from warta.store.connect import GENERATION_SQL

log = logging.getLogger(__name__)

HIT = (b"server-timing", b"cache;desc=hit")
MISS = (b"server-timing", b"cache;desc=miss")
SKIPPED = ("/api/export/",)  # files, possibly large, written as they are read: not kept


class ResponseCache:
    """ASGI middleware answering repeated GET requests under `/api/` from an ``Answers`` while the store is unchanged."""

    def __init__(self, app: ASGIApp, answers: "Answers"):
        self.app = app
        self.answers = answers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        answers = self.answers
        if not answers.cacheable(scope):
            await self.app(scope, receive, send)
            return
        generation = await answers.current()
        key = (scope["path"], scope.get("query_string") or b"")
        kept = answers.get(key, generation)
        if kept is not None:
            status, headers, body = kept
            await send({"type": "http.response.start", "status": status, "headers": [*headers, HIT]})
            await send({"type": "http.response.body", "body": body})
            return
        started: list[tuple[int, list]] = []
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                started.append((message["status"], headers))  # as the application sent them (outer layers add theirs)
                message["headers"] = [*headers, MISS]
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and generation is not None:
                    answers.put(key, generation, *started[0], b"".join(chunks))
            await send(message)

        await self.app(scope, receive, keep)


class Answers:
    """The answers kept by one server process, least recently used dropped first beyond ``max_bytes``."""

    def __init__(self, engine: Engine, max_bytes: int):
        self.engine = engine
        self.max_bytes = max_bytes
        self.max_entry = max_bytes // 10
        self.entries: OrderedDict[tuple[str, bytes], tuple[int, int, list, bytes]] = OrderedDict()
        self.size = 0
        self.hits = self.misses = 0
        self._conn = None  # a connection of the store's pool kept for reading the generation, in autocommit
        # a database server is asked from the thread pool (a round trip, maybe a connect): never on the event loop
        self.blocking = engine is not None and engine.dialect.name != "sqlite"
        self._lock = threading.Lock()  # one thread at a time on the generation connection

    def cacheable(self, scope: Scope) -> bool:
        """A GET under /api/ (exports excepted), with the cache on."""
        return (self.max_bytes > 0 and scope["type"] == "http" and scope["method"] == "GET"
                and scope["path"].startswith("/api/") and not scope["path"].startswith(SKIPPED))

    def get(self, key: tuple[str, bytes], generation: int | None) -> tuple[int, list, bytes] | None:
        """The answer kept for ``key`` at this generation: (status, headers, body); None counts a miss."""
        kept = self.entries.get(key)
        if kept is None or generation is None or kept[0] != generation:
            self.misses += 1
            return None
        self.entries.move_to_end(key)
        self.hits += 1
        return kept[1:]

    def put(self, key: tuple[str, bytes], generation: int, status: int, headers: list, body: bytes) -> None:
        """Keep a complete 200 answer, dropping the least recently used ones beyond the size limit."""
        if status != 200 or len(body) > self.max_entry:
            return
        old = self.entries.get(key)
        if old is not None:
            if old[0] > generation:
                return  # a slower request computed it from an older generation: keep the newer answer
            self.size -= len(old[3])
        self.entries[key] = (generation, status, headers, body)
        self.entries.move_to_end(key)
        self.size += len(body)
        while self.size > self.max_bytes and self.entries:
            _key, (_g, _s, _h, dropped) = self.entries.popitem(last=False)
            self.size -= len(dropped)

    async def current(self) -> int | None:
        """``generation()`` from the event loop: in the thread pool when it waits for a database server."""
        if self.blocking:
            return await run_in_threadpool(self.generation)
        return self.generation()

    def generation(self) -> int | None:
        """The store's generation now (None when it cannot be read: the request is answered from the store)."""
        with self._lock:
            return self._read()

    def _read(self) -> int | None:
        try:
            if self._conn is None:
                self._conn = self._connect()
            cursor = self._conn.cursor()
            try:
                cursor.execute(GENERATION_SQL)
                row = cursor.fetchone()
            finally:
                cursor.close()
            return int(row[0]) if row and row[0] is not None else 0
        except Exception as error:  # a lost database connection: reconnect at the next request
            log.warning("response cache: cannot read the store's generation (%s)", error)
            self._close()
            return None

    def _connect(self):
        raw = self.engine.raw_connection()
        if self.engine.dialect.name == "postgresql":
            # each read its own transaction: a connection idle in a transaction would hold its lock on meta
            raw.driver_connection.autocommit = True
        return raw  # SQLite connections of the store's engine already run without an implicit transaction

    def close(self) -> None:
        """Give the generation connection back (at shutdown, or after an error)."""
        with self._lock:
            self._close()

    def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                if self.engine.dialect.name == "postgresql":
                    conn.driver_connection.autocommit = False
                conn.close()
            except Exception:  # already broken: the pool discards it
                pass
