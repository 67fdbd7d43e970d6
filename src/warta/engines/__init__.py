"""Engines: where the pipeline's batches of documents run.

An engine is an *ordered batch map* with the signature of the local process pool::

    ordered_map(fn, batches, *, workers, crashed, initializer=None, initargs=(), window=None) -> Iterator[list]

It calls ``fn(batch) -> list of results`` for each batch (``fn`` is the pipeline's per-batch
function, which already turns a failing document into a failure of its own), yields the result
lists in input order with at most ``window`` batches in flight, runs ``initializer(*initargs)``
once per worker process before its first batch, and, when a worker process dies, runs the batch
again document by document so that only a document that kills a worker on its own is given up,
as ``crashed(item)``. ``workers`` may be None: the engine picks (one per core, or the cluster's CPUs).

- ``local``: in this process (one worker) or a pool of processes on this machine (the pipeline's default);
- ``ray``: Ray tasks, on a local Ray started for the run or on a cluster (``warta.engines.ray``).

Ray is imported only when the ``ray`` engine is asked for.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Callable, Iterable, Iterator, Protocol

from warta.errors import WartaError

ENGINES = ("local", "ray")


class BatchMap(Protocol):
    """An engine's ordered batch map (see the module docstring)."""

    def __call__(self, fn: Callable[[list], list], batches: Iterable[list], *, workers: int | None,
                 crashed: Callable[[Any], Any], initializer: Callable | None = None, initargs: tuple = (),
                 window: int | None = None) -> Iterator[list]: ...


def check(engine: str, address: str | None = None) -> None:
    """Refuse an unknown engine name, or an address for the local engine, with a one-line error."""
    if engine not in ENGINES:
        raise WartaError(f"unknown engine {engine!r}; use {' or '.join(ENGINES)}")
    if address and engine != "ray":
        raise WartaError("--address is for --engine ray (the address of a Ray cluster)")


def batch_map(engine: str, *, address: str | None = None) -> BatchMap:
    """The ordered batch map of a non-local ``engine`` (``ray``), bound to ``address``; the
    local engine is the pipeline's own (in process, or its process pool)."""
    check(engine, address)
    if engine == "ray":
        from warta.engines import ray

        return partial(ray.ordered_map, address=address)
    raise WartaError(f"engine {engine!r} runs in the pipeline itself")
