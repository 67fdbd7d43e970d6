"""The settings of `warta serve`, rows of Warta's one settings table (``warta.settings``)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from warta import settings
from warta.ingest import DEFAULT_MAX_BYTES


# the rows of Warta's settings table (warta.settings) that `warta serve` reads
SETTINGS = tuple(settings.setting(name) for name in ("token", "max_body"))
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
