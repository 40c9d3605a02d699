"""Canned replies kept by ops leads (they were a list built into the designer), seeded with the four built-in
ones so an upgraded install keeps them.

Revision ID: 0015
Revises: 0014
"""
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op

import store.db.types

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

# The designer's former built-in list (designer/src/cases/cannedReplies.ts), as it was.
BUILT_IN = [
    ('greeting', 'Greeting',
     'Hi {{customer.name}}, thanks for reaching out. I am {{agent.name}} and I will look into this for you.'),
    ('dm', 'Move to DM',
     'Hi {{customer.name}}, could you send us a direct message with your order number? Reference: {{case.id}}.'),
    ('refund', 'Refund on its way',
     'Hi {{customer.name}}, your refund is on its way: it shows on your statement within 5 working days. '
     '{{agent.name}}'),
    ('follow-up', 'Follow-up',
     'Hi {{customer.name}}, just checking in on case {{case.id}}: is everything sorted now? {{agent.name}}'),
]


def upgrade() -> None:
    table = op.create_table(
        'canned_reply',
        sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('team_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('channels', sa.JSON(), nullable=True),
        sa.Column('id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('created_at', store.db.types.UtcDateTime(timezone=True), nullable=False),
        sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('updated_at', store.db.types.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['team_id'], ['team.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_canned_reply_team_id'), 'canned_reply', ['team_id'], unique=False)
    now = datetime.now(UTC)
    op.bulk_insert(table, [{'id': id_, 'title': title, 'text': text, 'team_id': None, 'channels': [],
                            'created_by': 'system', 'created_at': now, 'updated_by': 'system', 'updated_at': now}
                           for id_, title, text in BUILT_IN])


def downgrade() -> None:
    op.drop_index(op.f('ix_canned_reply_team_id'), table_name='canned_reply')
    op.drop_table('canned_reply')
