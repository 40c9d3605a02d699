"""mention.received_at indexed: a period's mentions in arrival order (store.backtest; retention by age).

Revision ID: 0012
Revises: 0011
"""
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f('ix_mention_received_at'), 'mention', ['received_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_mention_received_at'), table_name='mention')
