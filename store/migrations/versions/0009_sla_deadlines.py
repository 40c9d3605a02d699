"""sla_deadline: the SLA events each case's workflow has yet to act on, for the deadline sweeper
(store.deadlines). Open cases get theirs at their workflow's next save.

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

import store.db.types

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sla_deadline',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('case_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('occurrence', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('at', store.db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('target', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('actions', sa.JSON(), nullable=True),
    sa.Column('since', store.db.types.UtcDateTime(timezone=True), nullable=True),
    sa.Column('projected_at', store.db.types.UtcDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sla_deadline', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sla_deadline_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_sla_deadline_case_id'), ['case_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sla_deadline', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sla_deadline_case_id'))
        batch_op.drop_index(batch_op.f('ix_sla_deadline_at'))
    op.drop_table('sla_deadline')
