"""A process pool for batches of documents: ordered, bounded, crash-isolating, dying with its parent.

``ordered_map(fn, batches, ...)`` runs ``fn(batch) -> results`` in worker processes and yields the
results in input order. It never queues the whole input: at most ``window`` batches are in flight,
so memory does not grow with the input. When a worker process dies (killed for memory, a crash
in native code), the batch runs again alone, and if it kills its worker again, document by
document: only a document that kills a worker while running alone is given up, through
``crashed(item)``. Workers ignore Ctrl-C (the parent stops them) and die with the parent process,
even when it is killed with ``kill -9`` (``PR_SET_PDEATHSIG`` on Linux, and a watch thread).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterable, Iterator

PR_SET_PDEATHSIG = 1  # linux/prctl.h
WATCH_SECONDS = 1.0


def _watch_parent(parent: int) -> None:
    """End this process when ``parent`` is gone (the process is then re-parented)."""
    while True:
        time.sleep(WATCH_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # no libc symbol: the watch thread below still works
            pass
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="warta-parent-watch").start()


def _worker_start(initializer: Callable | None, initargs: tuple) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent(os.getppid())
    if initializer is not None:
        initializer(*initargs)


class _Pool:
    """A ``ProcessPoolExecutor`` that can be killed and started again."""

    def __init__(self, workers: int, initializer: Callable | None, initargs: tuple):
        self.workers, self.initializer, self.initargs = workers, initializer, initargs
        self.restarts = 0
        self.broken = False  # a worker died: the executor refuses work until restarted
        self._start()

    def _start(self) -> None:
        self.executor = ProcessPoolExecutor(
            max_workers=self.workers, initializer=_worker_start, initargs=(self.initializer, self.initargs)
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


def ordered_map(
    fn: Callable[[list], list],
    batches: Iterable[list],
    *,
    workers: int,
    crashed: Callable[[Any], Any],
    initializer: Callable | None = None,
    initargs: tuple = (),
    window: int | None = None,
) -> Iterator[list]:
    """``fn(batch)`` for each batch in worker processes, in order, at most ``window`` in flight."""
    window = window or 2 * workers
    pool = _Pool(workers, initializer, initargs)
    pending: deque[list] = deque()
    source = iter(batches)
    more = True
    try:
        while True:
            while more and len(pending) < window:
                batch = next(source, None)
                if batch is None:
                    more = False
                else:
                    pending.append([batch, pool.submit(fn, batch)])
            if not pending:
                break
            batch, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                pool.broken = True
                results = _isolate(pool, fn, batch, crashed)
                for entry in pending:  # they died with the pool: run them again
                    entry[1] = pool.submit(fn, entry[0])
            yield results
    except BaseException:
        pool.kill()
        raise
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
