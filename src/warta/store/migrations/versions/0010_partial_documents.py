"""Documents whose article was stored with a failed stage get the status ``partial`` and the stages as their error.

Until this revision `Store.save` stored them as ``ok``: the failed stage was written in the article's record
(``stage_errors``) only, so `warta list --failed`, `warta ingest --retry` and `GET /api/failures` never saw
them. This revision finds them by their records and marks their documents as `Store.save` does now: status
``partial``, the error one line (``stage actors failed: why; skipped: quotes``; written out here, not imported,
so that the revision stays what it was when later code changes).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from warta.store.migrations import set_schema_version

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

documents = sa.table("documents", sa.column("status", sa.String), sa.column("error", sa.Text),
                     sa.column("article_id", sa.String))
articles = sa.table("articles", sa.column("id", sa.String), sa.column("record", sa.Text))


def _problem(marks: list[dict]) -> str | None:
    failed = [f"stage {m.get('stage')} failed: {' '.join(str(m.get('reason') or '').split())}" for m in marks
              if m.get("status") == "failed"]
    skipped = [str(m.get("stage")) for m in marks if m.get("status") != "failed"]
    if not failed and not skipped:
        return None
    return "; ".join(failed + ([f"skipped: {', '.join(skipped)}"] if skipped else []))


def upgrade() -> None:
    """Mark the ok documents of the articles whose record has stage marks as partial."""
    conn = op.get_bind()
    # a record with marks holds this text (json.dumps' separators); a quote inside the body is escaped (\")
    marked = conn.execute(sa.select(articles.c.id, articles.c.record)
                          .where(articles.c.record.like('%"stage_errors": [{%'))).all()
    for article_id, record in marked:
        try:
            problem = _problem(json.loads(record).get("stage_errors") or [])
        except (ValueError, AttributeError):  # not a record this revision can read: left as it is
            continue
        if problem:
            conn.execute(sa.update(documents).where(documents.c.article_id == article_id, documents.c.status == "ok")
                         .values(status="partial", error=problem))
    set_schema_version(10)


def downgrade() -> None:
    """The older code knows no partial documents: they are ok again (their records keep the marks)."""
    op.execute(sa.update(documents).where(documents.c.status == "partial").values(status="ok", error=None))
    set_schema_version(9)
