"""The inbox: notification read markers; indexes for its views (SLA due), the live stream (cases by
updated_at) and notifications (case events by time).

Revision ID: 0013
Revises: 0012
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

import store.db.types

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'notification_read',
        sa.Column('user_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('read_at', store.db.types.UtcDateTime(timezone=True), nullable=False),
        sa.Column('event_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint('user_id'),
    )
    op.create_index(op.f('ix_case_sla_due_at'), 'case', ['sla_due_at'], unique=False)
    op.create_index(op.f('ix_case_updated_at'), 'case', ['updated_at'], unique=False)
    op.create_index(op.f('ix_case_event_at'), 'case_event', ['at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_case_event_at'), table_name='case_event')
    op.drop_index(op.f('ix_case_updated_at'), table_name='case')
    op.drop_index(op.f('ix_case_sla_due_at'), table_name='case')
    op.drop_table('notification_read')
