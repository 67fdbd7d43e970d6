"""The per-entity counts (``entity_counts``, revision 0009), kept in the transaction that writes entity rows.

`Store.save` writes and deletes an article's entity rows; an `EntityCounts` made for that transaction
gathers what changes per entity id (``add`` the rows of an article being stored, ``remove`` those of
an article being deleted, before they go) and ``apply`` writes it once, entity ids in sorted order:

- the entities that only gained rows: an UPSERT per entity (one statement run for all of them) adds the article and its mentions
  to the stored counts (``INSERT … ON CONFLICT DO UPDATE SET articles = articles + …``) and keeps the
  greater of the stored and the new name, type, country and actor (what ``max`` over its rows gives);
- an entity lost rows (its article was replaced or deleted), or its new rows disagree on a value: its
  row is computed again from the entity rows the transaction leaves, or deleted when none is left.
  That reads every row of the entity (an index range), so it is done only on updates and deletions
  (and on the rare article that gives one entity id two names), never on a plain new article.

The counts are exact under concurrent ingest: every change happens in the transaction that writes the
entity rows, and the store's write transactions hold its write lock (SQLite's database lock, a
PostgreSQL advisory lock: `warta.store.connect.writing`); the increments would not lose an update
without it either, and the sorted order would keep two writers from waiting on each other.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from sqlalchemy import Connection, Select, delete, distinct, func, select, update

from warta.store import schema

VALUES = ("name", "type", "country", "actor")  # the columns that hold the greatest value of the entity's rows


@dataclass(slots=True)
class _Change:
    articles: int = 0
    mentions: int = 0
    values: dict = field(default_factory=dict)  # each VALUES column of the rows added
    recount: bool = False  # rows were deleted, or the rows added disagree: computed again from the rows


class EntityCounts:
    """What one write transaction changes in ``entity_counts``; ``apply`` writes it."""

    def __init__(self) -> None:
        self._changes: dict[str, _Change] = {}

    def add(self, rows: list[dict]) -> None:
        """The entity rows of one article about to be inserted (``derived_rows``)."""
        seen: set[str] = set()
        for row in rows:
            entity_id = row["entity_id"]
            change = self._changes.setdefault(entity_id, _Change())
            change.mentions += row["mention_count"] or 0
            values = {column: row[column] for column in VALUES}
            if entity_id not in seen:
                seen.add(entity_id)
                change.articles += 1
                if change.values and change.values != values:
                    change.recount = True
                change.values = values
            elif values != change.values:
                # which is greater is the database's to say (its collation): the rows will tell
                change.recount = True

    def remove(self, conn: Connection, article_id: str) -> None:
        """The entity rows of ``article_id``, about to be deleted in this transaction."""
        e = schema.entities
        for entity_id in conn.execute(select(e.c.entity_id).where(e.c.article_id == article_id).distinct()).scalars():
            self._changes.setdefault(entity_id, _Change()).recount = True

    def apply(self, conn: Connection) -> None:
        """Write the changes (after the entity rows are written and deleted), entity ids in sorted order."""
        added = [dict(entity_id=entity_id, articles=change.articles, mentions=change.mentions, **change.values)
                 for entity_id, change in sorted(self._changes.items()) if change.articles and not change.recount]
        if added:
            conn.execute(_upsert(conn.dialect.name), added)
        for entity_id in sorted(e for e, change in self._changes.items() if change.recount):
            _recount(conn, entity_id)
        self._changes.clear()


@functools.cache
def _upsert(dialect: str):
    """The UPSERT adding one entity's articles and mentions to its counts (compiled once, run for many)."""
    c = schema.entity_counts
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
        greatest = func.greatest
    else:
        from sqlalchemy.dialects.sqlite import insert
        greatest = func.max  # SQLite's max() of two values; NULL when one is: hence the coalesces below
    statement = insert(c)
    new = statement.excluded
    merged = {column: greatest(func.coalesce(c.c[column], new[column]), func.coalesce(new[column], c.c[column]))
              for column in VALUES}
    return statement.on_conflict_do_update(
        index_elements=[c.c.entity_id],
        set_=dict(articles=c.c.articles + new.articles, mentions=c.c.mentions + new.mentions, **merged))


def _recount(conn: Connection, entity_id: str) -> None:
    """The row of ``entity_id`` computed again from its entity rows (deleted when it has none)."""
    c, e = schema.entity_counts, schema.entities
    row = conn.execute(
        select(func.max(e.c.name), func.max(e.c.type), func.max(e.c.country), func.max(e.c.actor),
               func.count(distinct(e.c.article_id)), func.coalesce(func.sum(e.c.mention_count), 0))
        .where(e.c.entity_id == entity_id)
    ).one()
    values = dict(zip(VALUES, row[:4]), articles=row[4], mentions=int(row[5]))
    if not values["articles"]:
        conn.execute(delete(c).where(c.c.entity_id == entity_id))
    elif conn.execute(update(c).where(c.c.entity_id == entity_id).values(**values)).rowcount == 0:
        conn.execute(c.insert().values(entity_id=entity_id, **values))  # removed and added back in one go


def filters(type: str | None = None, country: str | None = None) -> list:
    """Conditions on ``entity_counts``: the entities of ``type`` and of ``country`` (either in any case), when given."""
    c = schema.entity_counts
    where = []
    if type:
        where.append(c.c.type == type.upper())
    if country:
        where.append(c.c.country == country.upper())
    return where


def summaries(*where) -> Select:
    """The rows of ``entity_counts`` meeting ``where`` as id, name, type, country, actor, articles,
    mentions: most articles first, then mentions, then id."""
    c = schema.entity_counts
    return (select(c.c.entity_id.label("id"), c.c.name, c.c.type, c.c.country, c.c.actor, c.c.articles, c.c.mentions)
            .where(*where).order_by(c.c.articles.desc(), c.c.mentions.desc(), c.c.entity_id))
