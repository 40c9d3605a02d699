"""The share of voice rollup (store.voice_rollup): inbound mentions naming each configured name per UTC hour, day
and month and channel, the hours waiting to be counted again, and which names the cells count. Empty: the rollup
job counts the configured names on its first round, and reports take the exact path until it has.

Revision ID: 0026
Revises: 0025
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('voice_rollup',
                    sa.Column('grain', sqlmodel.sql.sqltypes.AutoString(length=1), nullable=False),
                    sa.Column('at', sqlmodel.sql.sqltypes.AutoString(length=13), nullable=False),
                    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
                    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
                    sa.Column('n', sa.BigInteger(), nullable=False),
                    sa.PrimaryKeyConstraint('grain', 'at', 'source', 'name'))
    op.create_table('voice_rollup_pending',
                    sa.Column('hour', sqlmodel.sql.sqltypes.AutoString(length=13), nullable=False),
                    sa.PrimaryKeyConstraint('hour'))
    op.create_table('voice_rollup_state',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('signature', sa.Text(), nullable=False),
                    sa.PrimaryKeyConstraint('id'))


def downgrade() -> None:
    op.drop_table('voice_rollup_state')
    op.drop_table('voice_rollup_pending')
    op.drop_table('voice_rollup')
