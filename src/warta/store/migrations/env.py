"""Alembic environment of the store: runs the revisions on the connection `warta.store.migrate` hands over.

There is no alembic.ini: `warta.store.migrate.alembic_config` builds the configuration, with the open
connection (inside the transaction that holds the store's write lock) in ``config.attributes``.
"""

from __future__ import annotations

from alembic import context

from warta.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs the alembic CLI by hand
    raise RuntimeError("run the store's migrations through warta.store.migrate (Store.open), not the alembic CLI")

# render_as_batch: SQLite cannot ALTER most things, so column changes are done by copying the table
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():  # a no-op inside the caller's transaction: all revisions commit together
    context.run_migrations()
