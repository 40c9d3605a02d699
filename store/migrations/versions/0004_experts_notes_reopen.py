"""experts outside the contact centre, notes, reopen count, handle time, SLA outcomes

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

import store.db.types

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


STATUSES = ('open', 'assigned', 'escalated', 'pending', 'with_expert', 'closed')


def upgrade() -> None:
    # Case statuses added since 0001: 'pending' (0003 forgot PostgreSQL's enum type) and 'with_expert'.
    if op.get_bind().dialect.name == 'postgresql':
        for value in ('pending', 'with_expert'):
            op.execute(f"ALTER TYPE casestatus ADD VALUE IF NOT EXISTS '{value}'")
    else:
        with op.batch_alter_table('case', schema=None) as batch_op:
            batch_op.alter_column('status', existing_type=sa.Enum('open', 'assigned', 'escalated', 'closed',
                                                                  name='casestatus'),
                                  type_=sa.Enum(*STATUSES, name='casestatus'), existing_nullable=False)
    op.create_table('expert',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('department', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('response_seconds', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('expert_request',
    sa.Column('case_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('expert_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('question', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('asked_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('asked_at', store.db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('due_at', store.db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('answered_at', store.db.types.UtcDateTime(timezone=True), nullable=True),
    sa.Column('overdue', sa.Boolean(), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('expert_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_expert_request_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_expert_request_expert_id'), ['expert_id'], unique=False)

    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.add_column(sa.Column('notes', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('expert_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column('expert_request_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column('reopen_count', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('handle_seconds', sa.Float(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('sla_outcomes', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.drop_column('sla_outcomes')
        batch_op.drop_column('handle_seconds')
        batch_op.drop_column('reopen_count')
        batch_op.drop_column('expert_request_id')
        batch_op.drop_column('expert_id')
        batch_op.drop_column('notes')

    with op.batch_alter_table('expert_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_expert_request_expert_id'))
        batch_op.drop_index(batch_op.f('ix_expert_request_case_id'))

    op.drop_table('expert_request')
    op.drop_table('expert')
