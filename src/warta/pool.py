"""A process pool for batches of documents: ordered, bounded, crash-isolating, dying with its parent.

``Feed(items, size)`` reads the input in a thread and hands it out in batches of what is ready.
``ordered_map(fn, feed, ...)`` runs ``fn(batch) -> results`` in worker processes and yields the
results in input order. It never queues the whole input: at most ``window`` batches are in flight
and the feed reads only a little ahead, so memory does not grow with the input; and a result is
handed back as soon as it is ready, even while the feed waits for a slow input (a pipe). When a worker process dies (killed for memory, a crash
in native code), the batch runs again alone, and if it kills its worker again, document by
document: only a document that kills a worker while running alone is given up, through
``crashed(item)``. Workers ignore Ctrl-C (the parent stops them) and die with the parent process,
even when it is killed with ``kill -9`` (``PR_SET_PDEATHSIG`` on Linux, and a watch thread).

Workers are spawned (a fresh interpreter each), or, when ``preload`` names modules, forked from a
*fork server*: one process started without threads that imports those modules once (the
pipeline's loads the language model), so that each worker starts in milliseconds, ready, and
shares the model's memory with the others copy-on-write. The server lives as long as this process
and is used again by the next pool (a restarted one too) if nothing it was started with (the
modules, the environment, the working folder, ``sys.path``) has changed since; otherwise that pool
spawns its workers.
"""

from __future__ import annotations

import atexit
import ctypes
import multiprocessing
import multiprocessing.forkserver
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

PR_SET_PDEATHSIG = 1  # linux/prctl.h
WATCH_SECONDS = 1.0
STOP_SECONDS = 5.0
PROC = Path("/proc/self").parent


def _identity(pid: int) -> str | None:
    """What tells process ``pid`` apart from a later one with the same id (its start time on
    Linux); ``None`` when it is gone or a zombie (killed, not yet waited for)."""
    if not PROC.is_dir():  # no /proc: only whether the id exists
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass
        return "?"
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[-1].split()
    return None if fields[0] == "Z" else fields[19]


def _watch_parent(parent: int, owner: int, identity: str | None) -> None:
    """End this process when its ``parent`` or the pool's ``owner`` process is gone."""
    while True:
        time.sleep(WATCH_SECONDS)
        if os.getppid() != parent or _identity(owner) != identity:
            os._exit(1)


def _die_with_parent(owner: int, identity: str | None) -> None:
    """Die with the direct parent (the pool's owner, or the fork server) and with the owner."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # no libc symbol: the watch thread below still works
            pass
    parent = os.getppid()
    if identity is None or _identity(owner) != identity:  # the owner died before the signal was asked for
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent, owner, identity), daemon=True,
                     name="warta-parent-watch").start()


def _worker_start(owner: int, identity: str | None, initializer: Callable | None, initargs: tuple) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent(owner, identity)
    if initializer is not None:
        initializer(*initargs)


# Environment variables that libraries set when imported, in the fork server as in this process: a
# server started before this process imported them is still the one it needs.
SET_ON_IMPORT = frozenset({
    "KMP_DUPLICATE_LIB_OK",  # threadpoolctl (imported with spaCy's dependencies) sets it to True
})

# What the fork server of this process was started with (``_context``), None before it is
_server_key: tuple | None = None


def _context(preload: tuple[str, ...]) -> multiprocessing.context.BaseContext:
    """The fork server's context when ``preload`` is given and the server is (or can be started)
    as this pool needs it; else ``spawn``."""
    global _server_key
    spawn = multiprocessing.get_context("spawn")
    if not preload or "forkserver" not in multiprocessing.get_all_start_methods():
        return spawn
    environment = sorted((k, v) for k, v in os.environ.items() if k not in SET_ON_IMPORT)
    key = (preload, os.getcwd(), tuple(sys.path), tuple(environment))
    server = multiprocessing.forkserver._forkserver
    if _server_key is None:
        if server._forkserver_pid is not None:  # started by someone else, with other modules
            return spawn
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(preload))
        server.ensure_running()  # starts loading now, while the parent reads the input
        atexit.register(_stop_server, server)
        _server_key = key
        return context
    return multiprocessing.get_context("forkserver") if key == _server_key else spawn


def start_server(preload: Iterable[str]) -> None:
    """Start the fork server for ``preload`` now, if a pool with these modules would use one: it
    loads them while the caller goes on (a pool made later in this process forks its workers from
    it). Nothing happens where a pool would spawn its workers."""
    _context(tuple(preload))


def _stop_server(server: multiprocessing.forkserver.ForkServer) -> None:
    """At exit: stop the fork server and wait for it (so that its CPU time and its workers' count as
    this process's children's, as spawned workers' do); killed if it does not end within seconds."""
    pid = server._forkserver_pid
    if pid is None:
        return
    stopper = threading.Thread(target=server._stop, daemon=True)  # ends when no worker is left
    stopper.start()
    stopper.join(STOP_SECONDS)
    if stopper.is_alive():
        os.kill(pid, signal.SIGKILL)
        stopper.join(STOP_SECONDS)


class _Pool:
    """A ``ProcessPoolExecutor`` that can be killed and started again."""

    def __init__(self, workers: int, initializer: Callable | None, initargs: tuple, preload: tuple[str, ...] = ()):
        self.workers, self.initializer, self.initargs = workers, initializer, initargs
        self.preload = preload
        self.restarts = 0
        self.broken = False  # a worker died: the executor refuses work until restarted
        self._start()

    def _start(self) -> None:
        # spawned or forked from the fork server, never forked from this process: it has threads
        # (the feed, the pool's own) whose locks a forked child would inherit held, and hang on
        owner = os.getpid()
        self.executor = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=_context(self.preload), initializer=_worker_start,
            initargs=(owner, _identity(owner), self.initializer, self.initargs),
        )

    def submit(self, fn: Callable, batch: list) -> Future:
        try:
            return self.executor.submit(fn, batch)
        except BrokenProcessPool as error:
            future: Future = Future()
            future.set_exception(error)
            return future

    def run_alone(self, fn: Callable, batch: list) -> list:
        """``fn(batch)`` with nothing else in flight; ``BrokenProcessPool`` if a worker died."""
        if self.broken:
            self.restart()
        try:
            return self.submit(fn, batch).result()
        except BrokenProcessPool:
            self.broken = True
            raise

    def restart(self) -> None:
        self.kill()
        self.restarts += 1
        self.broken = False
        self._start()

    def kill(self) -> None:
        """Stop now: cancel what waits and kill the workers (used on errors and Ctrl-C)."""
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.kill()
        for process in processes:
            process.join(timeout=10)

    def close(self) -> None:
        self.executor.shutdown(wait=True)


class Feed:
    """Items of an iterable read by a thread into a bounded queue and handed out in batches.

    A batch is what is ready: up to ``size`` items, cut short when the input pauses (a feed on
    a pipe), so that documents already read are processed and stored without waiting for more.
    ``tail``: once the input has been read to its end, what is left goes in batches of at most
    ``tail`` items, so that a pool's workers finish close together (the last batch of one worker
    is the time the others wait).
    The thread reads at most ``ahead`` items before they are taken. An error raised while
    reading is raised again by ``take``.
    """

    _END = object()

    def __init__(self, items: Iterable, size: int, *, ahead: int | None = None, linger: float = 0.05,
                 batched: bool = False, tail: int | None = None):
        self.size, self.linger, self.batched = size, linger, batched  # batched: the items are batches
        self.tail = tail  # once the whole input is read: batches of at most this many items
        self._queue: queue.Queue = queue.Queue(maxsize=ahead or 2 * size)
        self._stop = threading.Event()
        self._read = threading.Event()  # the thread has read the last item
        self.done = False
        self._thread = threading.Thread(target=self._pump, args=(iter(items),), daemon=True, name="warta-feed")
        self._thread.start()

    def _pump(self, items: Iterator) -> None:
        try:
            for item in items:
                if not self._put((item, None)):
                    return
            self._read.set()
            self._put((self._END, None))
        except BaseException as error:  # noqa: BLE001 - handed to the consumer, raised there
            self._put((self._END, error))

    def _put(self, entry: tuple) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _get(self, timeout: float | None) -> Any:
        item, error = self._queue.get(timeout=timeout)
        if item is self._END:
            self.done = True
            if error is not None:
                raise error
        return item

    def take(self, *, block: bool = True) -> list | None:
        """The next batch; ``None`` when nothing is ready (``block=False``) or the input is done."""
        if self.done:
            return None
        try:
            first = self._get(None if block else 0)
        except queue.Empty:
            return None
        if first is self._END:
            return None
        if self.batched:
            return first
        batch = [first]
        size = min(self.size, self.tail) if self.tail and self._read.is_set() else self.size
        while len(batch) < size:
            try:
                item = self._get(self.linger)
            except queue.Empty:
                break
            if item is self._END:
                break
            batch.append(item)
        return batch

    def close(self) -> None:
        """Stop reading (the thread ends at its next item)."""
        self._stop.set()

    def __iter__(self) -> Iterator[list]:
        try:
            while (batch := self.take()) is not None:
                yield batch
        finally:
            self.close()


def ordered_map(
    fn: Callable[[list], list],
    feed: Feed | Iterable[list],
    *,
    workers: int,
    crashed: Callable[[Any], Any],
    initializer: Callable | None = None,
    initargs: tuple = (),
    window: int | None = None,
    preload: tuple[str, ...] = (),
) -> Iterator[list]:
    """``fn(batch)`` for each batch of ``feed`` in worker processes, results in order, at most
    ``window`` batches in flight; a finished batch is handed back while the feed waits for input.
    ``preload``: modules the workers' fork server imports once (see the module docstring)."""
    window = window or 2 * workers
    if not isinstance(feed, Feed):  # batches made already (the engines' contract)
        feed = Feed(feed, 1, ahead=window, batched=True)
    pool = _Pool(workers, initializer, initargs, tuple(preload))
    pending: deque[list] = deque()
    try:
        while True:
            while not feed.done and len(pending) < window:
                batch = feed.take(block=not pending)  # wait for input only when nothing runs
                if batch is None:
                    break
                pending.append([batch, pool.submit(fn, batch)])
            if not pending:
                break
            batch, future = pending[0]
            try:
                results = future.result(timeout=None if feed.done or len(pending) >= window else 0.05)
            except FutureTimeout:
                continue  # not done yet: look for new input meanwhile
            except BrokenProcessPool:
                pool.broken = True
                results = _isolate(pool, fn, batch, crashed)
                for entry in list(pending)[1:]:  # they died with the pool: run them again
                    entry[1] = pool.submit(fn, entry[0])
            pending.popleft()
            yield results
    except BaseException:
        feed.close()
        pool.kill()
        raise
    feed.close()
    pool.close()


def _isolate(pool: _Pool, fn: Callable, batch: list, crashed: Callable[[Any], Any]) -> list:
    """A batch whose worker died: again alone (another batch may have been the cause), then
    item by item, so that only an item that kills a worker on its own is lost."""
    try:
        return pool.run_alone(fn, batch)
    except BrokenProcessPool:
        pass
    results = []
    for item in batch:
        try:
            results.extend(pool.run_alone(fn, [item]))
        except BrokenProcessPool:
            results.append(crashed(item))
    if pool.broken:
        pool.restart()
    return results
