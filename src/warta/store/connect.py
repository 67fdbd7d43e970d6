"""Connections to the store's database: engines for SQLite and PostgreSQL, write transactions, one-line errors.

SQLite writes take the database lock when the transaction begins (``BEGIN IMMEDIATE``), PostgreSQL
writes take a transaction-level advisory lock on the store's schema: two processes writing the same
store are serialised, so a read-then-write (does this document exist? then insert) never races.
Every write transaction also adds one to the store's generation (``meta.generation``) before it
commits: a reader that sees the same generation twice knows nothing was written in between, in this
process or another (the response cache of `warta serve` relies on it).
"""

from __future__ import annotations

import contextlib
from typing import Iterator

from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from warta.errors import WartaError

# how long a writer waits for another process's write before giving up (seconds)
SQLITE_BUSY_TIMEOUT = 60.0
# how long a connection to a PostgreSQL server may take (seconds; libpq waits for ever by default, so a server
# or a firewall that accepts and never answers hung every command); a URL's own ?connect_timeout=N wins
PG_CONNECT_TIMEOUT = 10
_WRITE = "warta_write"
_NOTHING = "warta_wrote_nothing"  # in conn.info: writing() leaves the generation as it is
# the store's generation, a row of its meta table: one more with each committed write transaction
GENERATION_KEY = "generation"
_BUMP = text("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS VARCHAR(20)) WHERE key = :key")
_FIRST = text("INSERT INTO meta (key, value) VALUES (:key, '1')")
GENERATION_SQL = "SELECT value FROM meta WHERE key = 'generation'"


def database_url(target: str) -> str:
    """A SQLAlchemy URL for a path or URL; ``postgresql://`` uses psycopg (version 3)."""
    if "://" not in target:
        return f"sqlite:///{target}"
    for scheme in ("postgresql://", "postgres://"):
        if target.startswith(scheme):
            return "postgresql+psycopg://" + target[len(scheme):]
    return target


def display_name(target: str) -> str:
    """The database as the user should see it in a message: a path, or the URL without its password."""
    if "://" not in target:
        return target
    try:
        return make_url(target).render_as_string(hide_password=True)
    except ArgumentError:
        return target


def engine_for(target: str) -> Engine:
    """An engine for the store at a path or URL; opening it writes nothing to the database."""
    try:
        url = make_url(database_url(target))
        if url.get_backend_name() == "sqlite":
            engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})
            _sqlite_transactions(engine)
        else:
            connect = {} if "connect_timeout" in url.query else {"connect_timeout": PG_CONNECT_TIMEOUT}
            engine = create_engine(url, pool_pre_ping=False, connect_args=connect)
    except NoSuchModuleError:
        raise WartaError(f"{display_name(target)}: unsupported database URL; use a path, sqlite:/// or postgresql://") from None
    except ArgumentError as error:
        raise WartaError(f"{display_name(target)}: not a database URL ({error})") from None
    except ImportError as error:  # psycopg missing
        raise WartaError(f"{display_name(target)}: the database driver is not installed ({error.name}); "
                         "for PostgreSQL: pip install 'warta[postgres]'") from None
    return engine


def _sqlite_transactions(engine: Engine) -> None:
    """Let SQLAlchemy, not the sqlite3 module, begin transactions (DDL included), immediate for writers."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # no implicit BEGIN from the sqlite3 module
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")  # per connection, nothing written to the file
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # a writer locks at BEGIN, so its reads and writes see one state; readers never wait (WAL)
        if conn.get_execution_options().get(_WRITE):
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # may wait for another writer: its error is SQLAlchemy's
        else:
            # a deferred BEGIN takes no lock and waits for nobody: sent to the driver directly, it costs a few
            # microseconds instead of a pass through SQLAlchemy's execution (a tenth of a short API request)
            conn.connection.driver_connection.execute("BEGIN")


@contextlib.contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction holding the store's write lock until it commits (or rolls back on error).

    It adds one to the store's generation (which empties the servers' response caches) unless the caller
    said with ``wrote_nothing(conn)`` that it changed nothing.
    """
    with engine.connect().execution_options(**{_WRITE: True}) as conn:
        with conn.begin():
            conn.info.pop(_NOTHING, None)  # info outlives the checkout: a flag left by a rolled-back writer goes
            if engine.dialect.name == "postgresql":
                # one writer at a time per schema, the same guarantee SQLite's database lock gives
                conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('warta:' || current_schema()))"))
            yield conn
            # under the write lock, in the same transaction: the new generation commits with the writes
            if not conn.info.pop(_NOTHING, False):
                if conn.execute(_BUMP, {"key": GENERATION_KEY}).rowcount == 0:
                    conn.execute(_FIRST, {"key": GENERATION_KEY})


def wrote_nothing(conn: Connection) -> None:
    """Inside ``writing``: this transaction changed nothing, so the generation stays (the caches stay valid)."""
    conn.info[_NOTHING] = True


def generation(conn: Connection) -> int:
    """The store's generation: how many write transactions it has committed (0 before the first one counted)."""
    value = conn.exec_driver_sql(GENERATION_SQL).scalar()
    return int(value) if value is not None else 0


def describe_error(target: str, error: SQLAlchemyError) -> str:
    """One line for a database error: what went wrong with which database, never the SQL or its parameters."""
    name = display_name(target)
    orig = getattr(error, "orig", None) or error  # the driver's message: no SQL, no parameters
    lines = str(orig).strip().splitlines()
    detail = lines[0] if lines else type(orig).__name__
    lowered = detail.lower()
    if "file is not a database" in lowered or "file is encrypted" in lowered:
        return f"{name} is not a SQLite database (is it the right file?)"
    if "readonly database" in lowered or "read-only" in lowered:
        return f"{name} is read-only: Warta cannot write to it (check the file's and its folder's permissions)"
    if "unable to open database file" in lowered:
        return f"{name}: cannot open the database file (does its folder exist, can it be read?)"
    if "no schema has been selected" in lowered:
        return f"{name}: the schema named by the URL's search_path does not exist; create it (CREATE SCHEMA …) first"
    if "database is locked" in lowered:
        return f"{name} is locked by another process for more than {SQLITE_BUSY_TIMEOUT:.0f} s; try again later"
    if isinstance(error, DBAPIError) and ("connection" in lowered or "connect" in lowered):
        return f"{name}: cannot connect to the database server ({detail})"
    return f"{name}: database error: {detail}"


@contextlib.contextmanager
def database_errors(target: str) -> Iterator[None]:
    """Turn any database error inside the block into a one-line `WartaError`."""
    try:
        yield
    except SQLAlchemyError as error:
        raise WartaError(describe_error(target, error)) from None
