"""The settings of `warta serve`: one table read by the command, its help and the docs."""

from __future__ import annotations

import os
from dataclasses import dataclass

from warta.ingest import DEFAULT_MAX_BYTES


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: its environment variable, default and help."""

    name: str
    env: str
    default: object
    help: str


SETTINGS = (
    Setting("token", "WARTA_TOKEN", None,
            "Token that ingest over HTTP requires (Authorization: Bearer TOKEN). Unset: ingest is disabled."),
    Setting("max_body", "WARTA_MAX_BODY", DEFAULT_MAX_BYTES,
            "Largest request body accepted, in bytes (larger: 413)."),
)
MAX_PAGE = 500  # largest `limit` of a list endpoint: a bigger page is one request too many for the store
DEFAULT_PAGE = 50


@dataclass(slots=True)
class ServeConfig:
    """What one server runs with."""

    db: str = "warta.db"
    token: str | None = None
    max_body: int = DEFAULT_MAX_BYTES

    @classmethod
    def from_env(cls, db: str, environ=None) -> "ServeConfig":
        """The configuration for ``db`` with the settings read from the environment."""
        environ = os.environ if environ is None else environ
        token = environ.get("WARTA_TOKEN") or None
        raw = environ.get("WARTA_MAX_BODY")
        try:
            max_body = int(raw) if raw else DEFAULT_MAX_BYTES
        except ValueError:
            raise ValueError(f"WARTA_MAX_BODY must be a number of bytes, not {raw!r}") from None
        return cls(db=db, token=token, max_body=max_body)
