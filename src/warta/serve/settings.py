"""The settings of `warta serve`, rows of Warta's one settings table (``warta.settings``)."""

from __future__ import annotations

from dataclasses import dataclass

from warta import settings
from warta.ingest import DEFAULT_MAX_BYTES


# the rows of Warta's settings table (warta.settings) that `warta serve` reads
SETTINGS = tuple(settings.setting(name) for name in ("token", "max_body", "cache_mb"))
MAX_PAGE = 500  # largest `limit` of a list endpoint: a bigger page is one request too many for the store
DEFAULT_PAGE = 50


@dataclass(slots=True)
class ServeConfig:
    """What one server runs with."""

    db: str = "warta.db"
    token: str | None = None
    max_body: int = DEFAULT_MAX_BYTES
    cache_mb: int = settings.setting("cache_mb").default  # answers kept per process (warta.serve.cache); 0: none

    @classmethod
    def from_env(cls, db: str | None = None, environ=None) -> "ServeConfig":
        """The configuration for ``db`` (default: ``WARTA_DB``) with the settings of the environment.

        A bad value is a one-line ``WartaError`` naming the variable.
        """
        return cls(db=db or settings.value("db", environ), token=settings.value("token", environ) or None,
                   max_body=settings.value("max_body", environ), cache_mb=settings.value("cache_mb", environ))
