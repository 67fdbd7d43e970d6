"""The Ray engine: the pipeline's batches of documents as Ray tasks, in input order.

``ordered_map`` has the contract of the local process pool (``warta.engines``): the same per-batch
function runs in Ray worker processes, so each document gives the same record as locally, and a
document that fails, fails alone. Without an ``address`` a private local Ray is started for the
run (``num_cpus`` = ``workers``, no dashboard, quiet logs, usage statistics off) and shut down at
the end; with one (``ray://host:10001``, ``host:6379`` or ``auto``) the run connects to that
cluster, whose nodes must have the same Warta installed, and only disconnects at the end. When
Ray is already initialised in this process (a test, a notebook), that Ray is used and left running.

A batch whose worker process dies (killed for memory, a crash in native code) runs again alone,
then document by document; a document that kills a worker on its own becomes ``crashed(item)``.
Ray's own retries are off (``max_retries=0``) so that this happens once, here.
"""

from __future__ import annotations

import logging
import os
import socket
from collections import deque
from typing import Any, Callable, Iterable, Iterator

from warta.errors import WartaError

# The object store holds batches in flight and their records: a few MB. Ray's default (30% of
# the machine's memory) would reserve gigabytes of /dev/shm for nothing.
OBJECT_STORE_BYTES = 256 * 1024 * 1024

_initialised = False  # in a Ray worker process: the initializer has run


def _call(fn: Callable[[list], list], batch: list, initializer: Callable | None, initargs: tuple) -> list:
    """Run in a Ray worker: the initializer once per process (the model load), then the batch."""
    global _initialised
    if initializer is not None and not _initialised:
        initializer(*initargs)
        _initialised = True
    return fn(batch)


def _import_ray():
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # offline: no usage report, no prompt
    try:
        import ray
    except ImportError:
        raise WartaError("the Ray engine needs the ray package: pip install 'warta[ray]'") from None
    return ray


def connect(ray, workers: int | None, address: str | None) -> bool:
    """Start a local Ray, or connect to the cluster at ``address``; True if this call did either
    (so the caller shuts it down), False if Ray was already initialised in this process."""
    if address:
        _reachable(address)
    if ray.is_initialized():
        return False
    quiet = {"logging_level": logging.WARNING, "log_to_driver": False}
    if address:
        try:
            ray.init(address=address, **quiet)
        except Exception as error:  # ConnectionError, ValueError, RuntimeError: one line for the user
            raise WartaError(f"cannot connect to Ray at {address}: {_first_line(error)}") from None
        return True
    # A private cluster for this run. Ray turns token authentication on for it and says so at
    # WARNING level on every start; that is the right default, so the note is not shown.
    logging.getLogger("ray._private.authentication.authentication_token_setup").setLevel(logging.ERROR)
    try:
        ray.init(num_cpus=workers or os.cpu_count() or 1, include_dashboard=False,
                 object_store_memory=OBJECT_STORE_BYTES, **quiet)
    except Exception as error:
        raise WartaError(f"cannot start a local Ray: {_first_line(error)}") from None
    return True


def _reachable(address: str, timeout: float = 5.0) -> None:
    """Fail in one line, at once, when nothing listens at ``host:port`` (Ray itself retries for
    minutes, printing its C++ warnings); ``auto`` and other forms are left to Ray."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as error:
        raise WartaError(f"cannot connect to Ray at {address}: {error.strerror or error}") from None


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _crash_types(ray) -> tuple[type[BaseException], ...]:
    """The errors that mean a worker process died under a task, not that the task raised."""
    names = ("WorkerCrashedError", "OutOfMemoryError", "NodeDiedError", "ObjectLostError")
    return tuple(getattr(ray.exceptions, name) for name in names if hasattr(ray.exceptions, name))


def ordered_map(
    fn: Callable[[list], list],
    batches: Iterable[list],
    *,
    workers: int | None,
    crashed: Callable[[Any], Any],
    initializer: Callable | None = None,
    initargs: tuple = (),
    window: int | None = None,
    address: str | None = None,
) -> Iterator[list]:
    """``fn(batch)`` for each batch as a Ray task, results in input order, at most ``window``
    batches in flight (default: two per worker)."""
    ray = _import_ray()
    started = connect(ray, workers, address)
    try:
        if workers is None:
            workers = max(1, int(ray.available_resources().get("CPU", 1)))
        window = window or 2 * workers
        task = ray.remote(num_cpus=1, max_retries=0)(_call)
        crash = _crash_types(ray)

        def submit(batch: list):
            return task.remote(fn, batch, initializer, initargs)

        pending: deque[tuple[list, Any]] = deque()
        source = iter(batches)
        more = True
        while True:
            while more and len(pending) < window:
                batch = next(source, None)
                if batch is None:
                    more = False
                else:
                    pending.append((batch, submit(batch)))
            if not pending:
                break
            batch, ref = pending.popleft()
            try:
                results = ray.get(ref)
            except crash:
                results = _isolate(ray, submit, batch, crashed, crash)
            except ray.exceptions.RayTaskError as error:  # fn itself raised: as the local pool, raise it here
                raise error.as_instanceof_cause() from None
            yield results
    finally:
        if started:
            ray.shutdown()


def _isolate(ray, submit, batch: list, crashed: Callable[[Any], Any], crash) -> list:
    """A batch whose worker died: again alone, then item by item; an item that kills its worker
    on its own is given up through ``crashed``."""
    try:
        return ray.get(submit(batch))
    except crash:
        pass
    results = []
    for item in batch:
        try:
            results.extend(ray.get(submit([item])))
        except crash:
            results.append(crashed(item))
    return results
