"""saved_report: saved reports (a metric, grouping, filters and period, shared or private), with an optional
schedule and webhook its result is delivered to (issue 16).

Revision ID: 0019
Revises: 0018
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

import store.db.types

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    text = sqlmodel.sql.sqltypes.AutoString
    op.create_table(
        'saved_report',
        sa.Column('name', text(), nullable=False),
        sa.Column('kind', text(), nullable=False),
        sa.Column('metric', text(), nullable=False),
        sa.Column('group_by', text(), nullable=False),
        sa.Column('hours', text(), nullable=False, server_default='calendar'),
        sa.Column('filters', sa.JSON(), nullable=True),
        sa.Column('period', text(), nullable=False),
        sa.Column('since', store.db.types.UtcDateTime(timezone=True), nullable=True),
        sa.Column('until', store.db.types.UtcDateTime(timezone=True), nullable=True),
        sa.Column('tz', text(), nullable=False),
        sa.Column('shared', sa.Boolean(), nullable=False),
        sa.Column('schedule_cadence', text(), nullable=True),
        sa.Column('schedule_time', text(), nullable=True),
        sa.Column('schedule_weekday', sa.Integer(), nullable=True),
        sa.Column('webhook_url', text(), nullable=True),
        sa.Column('id', text(), nullable=False),
        sa.Column('owner_id', text(), nullable=False),
        sa.Column('webhook_secret_sealed', text(), nullable=True),
        sa.Column('created_at', store.db.types.UtcDateTime(timezone=True), nullable=False),
        sa.Column('updated_at', store.db.types.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_saved_report_owner_id'), 'saved_report', ['owner_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_saved_report_owner_id'), table_name='saved_report')
    op.drop_table('saved_report')
