"""Opening a store safely: check what the database is before writing anything, then create or migrate it.

The order matters. A read of the table names and of ``meta.schema_version`` comes first; nothing is
written to a database that turns out to be garbage, another application's, unversioned or newer
than this Warta. Creation and migration run inside one write transaction (SQLite ``BEGIN IMMEDIATE``,
a PostgreSQL advisory lock), and the check is repeated under that lock: two processes opening a new
database at once create it once. Migrations are the Alembic revisions in ``migrations/versions``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, select, text, update
from sqlalchemy.exc import SQLAlchemyError

from warta.errors import WartaError
from warta.store import schema
from warta.store.connect import writing
from warta.store.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPT_LOCATION = "warta.store:migrations"
# databases made before Alembic recorded schema version 1 and no revision: they are this revision
BASELINE_REVISION = "0001"


def alembic_config(conn: Connection | None = None) -> "Config":
    """Alembic's configuration for the store's migrations (no alembic.ini), running on ``conn``."""
    from alembic.config import Config  # imported when needed: opening a current store does without Alembic

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.attributes["connection"] = conn
    return config


def revisions() -> list[str]:
    """The revision ids from the first to the head, in order."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions("base", "heads")))]


def schema_state(conn: Connection, name: str) -> int | None:
    """The schema version of the database on ``conn``; None when it has no tables at all (a new database).

    Raises a one-line `WartaError` for a database that is not Warta's, is unversioned or is newer.
    """
    tables = set(inspect(conn).get_table_names())
    if not tables:
        return None
    if "meta" not in tables:
        shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
        raise WartaError(f"{name} is not a Warta database (it holds other tables: {shown}); give another --db")
    try:
        value = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).scalar()
    except SQLAlchemyError:  # a "meta" table of another shape: another application's
        raise WartaError(f"{name} is not a Warta database (its meta table is not Warta's); give another --db") from None
    if value is None:
        raise WartaError(f"{name} has no Warta schema version (meta.schema_version); it is not a Warta database "
                         "or it is damaged")
    try:
        version = int(value)
    except ValueError:
        raise WartaError(f"{name} has a schema version that is not a number ({value[:20]!r}); it is not a Warta "
                         "database or it is damaged") from None
    if version > SCHEMA_VERSION:
        raise WartaError(f"{name} has schema version {version}, newer than this Warta ({SCHEMA_VERSION}); "
                         "upgrade Warta")
    if version < 1:
        raise WartaError(f"{name} has an impossible schema version ({version}); it is damaged")
    if version < SCHEMA_VERSION and "alembic_version" in tables:
        current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if current is not None and current not in revisions():
            raise WartaError(f"{name} is at migration {current!r}, unknown to this Warta; upgrade Warta")
    if version < SCHEMA_VERSION and "alembic_version" not in tables and version != 1:
        raise WartaError(f"{name} has schema version {version} but no migration record; it is damaged")
    return version


def upgrade(conn: Connection, version: int | None) -> None:
    """Create (``version`` None) or migrate the database on ``conn`` to the newest schema."""
    from alembic import command

    config = alembic_config(conn)
    if version is not None and not inspect(conn).has_table("alembic_version"):
        command.stamp(config, BASELINE_REVISION)  # made before Alembic: schema version 1 is the baseline
    command.upgrade(config, "head")


def prepare(engine: Engine, name: str, *, create: bool) -> int | None:
    """Check the database, then create or migrate it; returns the version it had (None: it was new).

    ``create=False`` (the read commands) refuses a database without Warta's tables instead of creating them.
    """
    if not create:
        with engine.connect() as conn:
            version = schema_state(conn, name)
        if version is None:
            raise WartaError(f"{name} has no Warta tables yet; run `warta ingest PATH --db {name}` first")
        if version == SCHEMA_VERSION:
            return version
    with writing(engine) as conn:
        # checked again under the write lock: another process may have created or migrated it meanwhile
        version = schema_state(conn, name)
        if version != SCHEMA_VERSION:
            upgrade(conn, version)
        elif create:
            # a write that changes nothing: a read-only database is reported now, not at the first article
            conn.execute(update(schema.meta).where(schema.meta.c.key == "schema_version")
                         .values(value=schema.meta.c.value))
    if engine.dialect.name == "sqlite" and (create or version != SCHEMA_VERSION):
        _use_wal(engine)
    return version


def _use_wal(engine: Engine) -> None:
    """WAL journal (readers never wait for a writer); set once the database is known to be Warta's."""
    if engine.url.database in (None, "", ":memory:"):
        return
    raw = engine.raw_connection()  # outside any transaction: SQLite changes the journal mode only there
    try:
        cur = raw.cursor()
        if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
            cur.execute("PRAGMA journal_mode=WAL")
        cur.close()
    finally:
        raw.close()
