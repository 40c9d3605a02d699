"""routing, queues, agent skills, case work fields

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

import store.db.types

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('case_presence',
    sa.Column('case_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('agent_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('seen_at', store.db.types.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('case_id', 'agent_id')
    )
    op.create_table('case_routing',
    sa.Column('case_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('workflow_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('team_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('agent_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('started', sa.Boolean(), nullable=False),
    sa.Column('priority', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('enqueued_at', store.db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('assigned_at', store.db.types.UtcDateTime(timezone=True), nullable=True),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('required_skills', sa.JSON(), nullable=True),
    sa.Column('optional_skills', sa.JSON(), nullable=True),
    sa.Column('excluded_agents', sa.JSON(), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('reason', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('case_id')
    )
    with op.batch_alter_table('case_routing', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_routing_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_routing_state'), ['state'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_routing_team_id'), ['team_id'], unique=False)

    with op.batch_alter_table('agent', schema=None) as batch_op:
        batch_op.add_column(sa.Column('capacity', sa.Integer(), nullable=False, server_default='5'))
        batch_op.add_column(sa.Column('channel_capacity', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('skills', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('languages', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('channels', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('roles', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('seniority', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default='senior'))
        batch_op.add_column(sa.Column('last_assigned_at', store.db.types.UtcDateTime(timezone=True), nullable=True))

    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimed_by', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column('claimed_at', store.db.types.UtcDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('transfers', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('escalation_level', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('drafts_pending', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('sla', sa.JSON(), nullable=True))

    with op.batch_alter_table('team', schema=None) as batch_op:
        batch_op.add_column(sa.Column('department', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('strategy', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default='round_robin'))
        batch_op.add_column(sa.Column('relax_optional_after_seconds', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('allow_pull', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('claim_idle_seconds', sa.Integer(), nullable=False, server_default='900'))



def downgrade() -> None:
    with op.batch_alter_table('team', schema=None) as batch_op:
        batch_op.drop_column('claim_idle_seconds')
        batch_op.drop_column('allow_pull')
        batch_op.drop_column('relax_optional_after_seconds')
        batch_op.drop_column('strategy')
        batch_op.drop_column('department')

    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.drop_column('sla')
        batch_op.drop_column('drafts_pending')
        batch_op.drop_column('escalation_level')
        batch_op.drop_column('transfers')
        batch_op.drop_column('claimed_at')
        batch_op.drop_column('claimed_by')

    with op.batch_alter_table('agent', schema=None) as batch_op:
        batch_op.drop_column('last_assigned_at')
        batch_op.drop_column('seniority')
        batch_op.drop_column('roles')
        batch_op.drop_column('channels')
        batch_op.drop_column('languages')
        batch_op.drop_column('skills')
        batch_op.drop_column('channel_capacity')
        batch_op.drop_column('capacity')

    with op.batch_alter_table('case_routing', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_routing_team_id'))
        batch_op.drop_index(batch_op.f('ix_case_routing_state'))
        batch_op.drop_index(batch_op.f('ix_case_routing_agent_id'))

    op.drop_table('case_routing')
    op.drop_table('case_presence')
