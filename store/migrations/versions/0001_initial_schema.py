"""initial schema

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

import store.db.types

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('case',
    sa.Column('workflow_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('conversation_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('status', sa.Enum('open', 'assigned', 'escalated', 'closed', name='casestatus'), nullable=False),
    sa.Column('priority', sa.Enum('low', 'normal', 'high', 'urgent', name='priority'), nullable=False),
    sa.Column('needs_response', sa.Boolean(), nullable=False),
    sa.Column('sentiment', sa.Float(), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=True),
    sa.Column('team_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('assignee_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('author', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('subject', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('opened_at', store.db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('assigned_at', store.db.types.UtcDateTime(timezone=True), nullable=True),
    sa.Column('first_response_at', store.db.types.UtcDateTime(timezone=True), nullable=True),
    sa.Column('closed_at', store.db.types.UtcDateTime(timezone=True), nullable=True),
    sa.Column('close_reason', sa.Enum('resolved', 'no_action', 'spam', name='closereason'), nullable=True),
    sa.Column('sla_due_at', store.db.types.UtcDateTime(timezone=True), nullable=True),
    sa.Column('sla_breached', sa.Boolean(), nullable=False),
    sa.Column('flow_version', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('first_response_seconds', sa.Float(), nullable=True),
    sa.Column('resolution_seconds', sa.Float(), nullable=True),
    sa.Column('mention_count', sa.Integer(), nullable=False),
    sa.Column('reply_count', sa.Integer(), nullable=False),
    sa.Column('updated_at', store.db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_assignee_id'), ['assignee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_opened_at'), ['opened_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_priority'), ['priority'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_team_id'), ['team_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_workflow_id'), ['workflow_id'], unique=False)

    op.create_table('case_event',
    sa.Column('case_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', store.db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=True),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('case_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_event_case_id'), ['case_id'], unique=False)

    op.create_table('flow',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('published_at', store.db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('document', sa.JSON(), nullable=True),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('mention',
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('external_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('conversation_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('author', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', store.db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('received_at', store.db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('reply_to_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('direction', sa.Enum('inbound', 'outbound', name='direction'), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('case_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('dispatched', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source', 'external_id', name='uq_mention_source_external_id')
    )
    with op.batch_alter_table('mention', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mention_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mention_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mention_source'), ['source'], unique=False)

    op.create_table('source',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('team',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('last_assigned_agent_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('agent',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('team_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('online', sa.Boolean(), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('agent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agent_team_id'), ['team_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('agent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agent_team_id'))

    op.drop_table('agent')
    op.drop_table('team')
    op.drop_table('source')
    with op.batch_alter_table('mention', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mention_source'))
        batch_op.drop_index(batch_op.f('ix_mention_conversation_id'))
        batch_op.drop_index(batch_op.f('ix_mention_case_id'))

    op.drop_table('mention')
    op.drop_table('flow')
    with op.batch_alter_table('case_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_event_case_id'))

    op.drop_table('case_event')
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_workflow_id'))
        batch_op.drop_index(batch_op.f('ix_case_team_id'))
        batch_op.drop_index(batch_op.f('ix_case_status'))
        batch_op.drop_index(batch_op.f('ix_case_priority'))
        batch_op.drop_index(batch_op.f('ix_case_opened_at'))
        batch_op.drop_index(batch_op.f('ix_case_conversation_id'))
        batch_op.drop_index(batch_op.f('ix_case_assignee_id'))

    op.drop_table('case')

