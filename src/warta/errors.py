"""Warta's errors: one small hierarchy, each message saying what went wrong and what to do.

Every error survives pickling (documents travel between processes): ``WartaError.__reduce__``
rebuilds the error from its message arguments and attributes, whatever its ``__init__`` takes.
"""

from __future__ import annotations

from typing import Any


def _rebuild(cls: type, args: tuple, state: dict[str, Any]) -> "WartaError":
    """Recreate a pickled error without calling its ``__init__`` (whose signature may differ)."""
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class WartaError(Exception):
    """Base of every error Warta raises on purpose."""

    def __reduce__(self):
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


class InputError(WartaError):
    """An input document cannot be read: empty, binary, too large, undecodable, malformed.

    ``where`` names the file (``file:line`` for a JSONL line) and ``reason`` says what is wrong;
    a reader also gives the document's ``source`` and the ``raw`` bytes it read, so that the
    failure can be stored with them and retried.
    """

    def __init__(self, where: str, reason: str, *, source: Any = None, raw: bytes = b""):
        self.where = where
        self.reason = reason
        self.source = source
        self.raw = raw
        super().__init__(f"{where}: {reason}")


class ResourceError(WartaError):
    """A shipped or user-given data file (gazetteer, lexicon, outlets) is invalid."""


class StageError(WartaError):
    """A document stage failed on one document."""

    def __init__(self, stage: str, document: str, reason: str):
        self.stage = stage
        self.document = document
        self.reason = reason
        super().__init__(f"{document}: stage {stage} failed: {reason}")
