"""Warta's errors: one small hierarchy, each message saying what went wrong and what to do."""

from __future__ import annotations


class WartaError(Exception):
    """Base of every error Warta raises on purpose."""


class InputError(WartaError):
    """An input document cannot be read: empty, binary, too large, undecodable, malformed."""

    def __init__(self, where: str, reason: str):
        self.where = where
        self.reason = reason
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
