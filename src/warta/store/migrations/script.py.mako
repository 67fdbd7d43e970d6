"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from warta.store.migrations import set_schema_version

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = None
depends_on = None


def upgrade() -> None:
    """${message}"""
    ${upgrades if upgrades else "pass"}
    set_schema_version(N)  # N = this revision's number = SCHEMA_VERSION in schema.py


def downgrade() -> None:
    """Undo upgrade()."""
    ${downgrades if downgrades else "pass"}
    set_schema_version(N - 1)
