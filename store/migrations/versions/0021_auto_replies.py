"""auto-replies: the canned reply a case was auto-replied with, and when (issue 16's auto-response statistics).
Numbered 0021 beside other work in flight: renumber on merge.

Revision ID: 0021
Revises: 0020
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

import store.db.types

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.add_column(sa.Column('auto_reply_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column('auto_replied_at', store.db.types.UtcDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.drop_column('auto_replied_at')
        batch_op.drop_column('auto_reply_id')
