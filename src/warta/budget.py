"""A time budget per document: a stage that runs past it fails with a reason instead of hanging.

``Budget(seconds)`` is started when a document enters the language layer; ``budget.stage(name)``
runs one step under what is left of it. In the main thread of a process (the CLI, and every worker
of the process pool, which runs its tasks in its main thread) the limit is enforced by an interval
timer (``signal.setitimer``/``SIGALRM``): the step is interrupted and ``StageTimeout`` (a
``StageError``) is raised. Elsewhere (a thread of the web server) no signal can be used, and a step
that ran over is reported when it returns. The timer and the previous handler are always restored,
so the process goes on with the next document as if nothing had happened.

The budget of a document grows linearly with its length: ``WARTA_TIME_BUDGET`` seconds (default 60)
for the first 100,000 characters, and a quarter of that for every further started 100,000 (1 MB:
195 s, the 10 MB input limit: 1,545 s). Processing is linear in the body (long bodies go window by
window, ``warta.windows``): ordinary news text costs about 1 s of CPU per 100,000 characters, the
worst text measured (a run of quote marks or apostrophes, a token each) about 7 s, so a quarter of
the base (15 s) is twice that worst case, and about four times ordinary text's cost on a machine
loaded four times over. A short document keeps the whole base (its first stage may load the models). ``0`` turns it off.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator

from warta import settings
from warta.errors import StageError

DEFAULT_SECONDS = settings.setting("time_budget").default
PER_CHARACTERS = 100_000  # the base covers this many characters; every further started block gets FURTHER of it
FURTHER = 0.25  # share of the base per further block: twice the worst linear rate measured (module docstring)
ENV = settings.setting("time_budget").env
REPEAT = 0.5  # seconds between rings once the budget is spent


class StageTimeout(StageError):
    """A stage ran past the time budget of its document."""


class _Ring(BaseException):
    """The timer's interrupt: a BaseException, so that no ``except Exception`` inside a stage
    swallows it; ``Budget.stage`` turns it into ``StageTimeout``."""


def base_seconds() -> float:
    """``WARTA_TIME_BUDGET`` (seconds for the first 100,000 characters), else 60; 0 means no budget."""
    return settings.value("time_budget")


def seconds_for(length: int, base: float | None = None) -> float:
    """The budget of a document of ``length`` characters (0: unlimited)."""
    base = base_seconds() if base is None else base
    further = max(0, -(-length // PER_CHARACTERS) - 1)
    return base + base * FURTHER * further


def _can_signal() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class Budget:
    """What is left of one document's time; ``stage`` runs a step under it."""

    def __init__(self, seconds: float, document: str = "<document>"):
        self.seconds = seconds
        self.document = document
        self.deadline = time.monotonic() + seconds if seconds > 0 else None

    @classmethod
    def for_text(cls, text: str, document: str = "<document>") -> "Budget":
        """The budget of a document with body ``text``."""
        return cls(seconds_for(len(text)), document)

    def left(self) -> float | None:
        """Seconds left, or None when unlimited."""
        return None if self.deadline is None else self.deadline - time.monotonic()

    def _timeout(self, name: str) -> StageTimeout:
        return StageTimeout(name, self.document, f"exceeded its time budget ({self.seconds:g} s for this "
                                                 f"document; {ENV} sets it)")

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Run the body as stage ``name``; raise ``StageTimeout`` when the budget runs out."""
        left = self.left()
        if left is None:
            yield
            return
        if left <= 0:
            raise self._timeout(name)
        if not _can_signal():
            yield
            if self.left() <= 0:
                raise self._timeout(name)
            return
        armed = [True]

        def _ring(signum, frame):
            if armed[0]:
                raise _Ring()

        previous = signal.signal(signal.SIGALRM, _ring)
        started = time.monotonic()
        # the timer rings again every half second after the deadline: should a stage catch even
        # the BaseException of the ring, it is stopped at the next one
        old_delay, _ = signal.setitimer(signal.ITIMER_REAL, left, REPEAT)
        try:
            yield
        except _Ring:
            raise self._timeout(name) from None
        finally:
            armed[0] = False
            while True:  # a ring arriving during the clean-up is retried, never left behind
                try:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                    signal.signal(signal.SIGALRM, previous)
                    if old_delay:  # somebody else's timer was running: give it back what is left of it
                        signal.setitimer(signal.ITIMER_REAL, max(0.001, old_delay - (time.monotonic() - started)))
                    break
                except _Ring:
                    continue
        if self.left() <= 0:  # it ran over, but a handler inside the stage swallowed the rings
            raise self._timeout(name)
