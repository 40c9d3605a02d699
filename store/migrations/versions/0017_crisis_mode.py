"""Crisis mode: its settings, its state, its timeline (crisis_event) and the backup's guest places in queues
(queue_guest: routing dispatches a queue to its team's agents and its guests).

Revision ID: 0017
Revises: 0016
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

import store.db.types

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

_TEXT = sqlmodel.sql.sqltypes.AutoString
_AT = store.db.types.UtcDateTime


def upgrade() -> None:
    op.create_table(
        'crisis_settings',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('settings', sa.JSON(), nullable=True),
        sa.Column('updated_at', _AT(timezone=True), nullable=True),
        sa.Column('updated_by', _TEXT(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_table(
        'crisis_state',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('since', _AT(timezone=True), nullable=True),
        sa.Column('automatic', sa.Boolean(), nullable=False),
        sa.Column('started_by', _TEXT(), nullable=True),
        sa.Column('reason', _TEXT(), nullable=True),
        sa.Column('figures', sa.JSON(), nullable=True),
        sa.Column('normal_flow', _TEXT(), nullable=True),
        sa.Column('crisis_flow', _TEXT(), nullable=True),
        sa.Column('ended_at', _AT(timezone=True), nullable=True),
        sa.Column('ended_by', _TEXT(), nullable=True),
        sa.Column('end_reason', _TEXT(), nullable=True),
        sa.Column('last_check_at', _AT(timezone=True), nullable=True),
        sa.Column('last_check', sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_table(
        'crisis_event',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', _AT(timezone=True), nullable=False),
        sa.Column('kind', _TEXT(), nullable=False),
        sa.Column('actor', _TEXT(), nullable=False),
        sa.Column('reason', _TEXT(), nullable=False),
        sa.Column('detail', sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_crisis_event_at'), 'crisis_event', ['at'], unique=False)
    op.create_table(
        'queue_guest',
        sa.Column('team_id', _TEXT(), nullable=False),
        sa.Column('agent_id', _TEXT(), nullable=False),
        sa.Column('reason', _TEXT(), nullable=False),
        sa.Column('since', _AT(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('team_id', 'agent_id'),
    )
    op.create_index(op.f('ix_queue_guest_agent_id'), 'queue_guest', ['agent_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_queue_guest_agent_id'), table_name='queue_guest')
    op.drop_table('queue_guest')
    op.drop_index(op.f('ix_crisis_event_at'), table_name='crisis_event')
    op.drop_table('crisis_event')
    op.drop_table('crisis_state')
    op.drop_table('crisis_settings')
