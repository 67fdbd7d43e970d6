"""Queries that stay fast at 100,000 articles: a covering index for `warta entities`, events sorted in SQL.

Measured with benchmarks/bench_store.py at 100,000 articles on SQLite: `warta entities` took 4.4 s
(every entity row looked up in the table); `warta events --actor X` 0.6 s and more, because every
matching event was loaded and sorted in Python by the first day its TimeML date covers. The new
column ``events.first_day`` (ISO date, NULL when the value is no date) holds that day, so filters,
order and limit run in the database. Existing rows get it here, one UPDATE per distinct date value.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from warta.store.events import first_day
from warta.store.migrations import set_schema_version

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the covering index and events.first_day (filled), with its index."""
    op.create_index("entities_cover", "entities",
                    ["entity_id", "article_id", "mention_count", "type", "country", "name", "actor"])
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("first_day", sa.String(10)))
    events = sa.table("events", sa.column("date", sa.String), sa.column("first_day", sa.String))
    conn = op.get_bind()
    for (value,) in conn.execute(sa.select(events.c.date).where(events.c.date.is_not(None)).distinct()).all():
        day = first_day(value)
        if day:
            conn.execute(sa.update(events).where(events.c.date == value).values(first_day=day.isoformat()))
    op.create_index("events_first_day", "events", ["first_day", "article_id", "start"])
    set_schema_version(6)


def downgrade() -> None:
    """Drop them."""
    op.drop_index("events_first_day", table_name="events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("first_day")
    op.drop_index("entities_cover", table_name="entities")
    set_schema_version(5)
