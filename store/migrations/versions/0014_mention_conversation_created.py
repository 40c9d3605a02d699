"""mention (conversation_id, created_at) indexed: each conversation's newest mention for a case list's page
(store.last_messages); it replaces the index on conversation_id alone, whose lookups it serves as well.

Revision ID: 0014
Revises: 0013
"""
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_mention_conversation_created', 'mention', ['conversation_id', 'created_at'], unique=False)
    op.drop_index(op.f('ix_mention_conversation_id'), table_name='mention')


def downgrade() -> None:
    op.create_index(op.f('ix_mention_conversation_id'), 'mention', ['conversation_id'], unique=False)
    op.drop_index('ix_mention_conversation_created', table_name='mention')
