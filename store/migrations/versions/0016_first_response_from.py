"""conversation.first_response_from: a conversation's first response runs from its first inbound mention
needing a response (engine.measures), not from its first mention, which may be the brand's own post (an
announcement customers reply to). Stored conversations are measured again by the same rule.

Revision ID: 0016
Revises: 0015
"""
import sqlalchemy as sa
from alembic import op

import store.db.types

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

_INBOUND = ("SELECT MIN(m.created_at) FROM mention m WHERE m.conversation_id = conversation.id "
            "AND m.direction = 'inbound'")


def upgrade() -> None:
    with op.batch_alter_table('conversation') as batch:
        batch.add_column(sa.Column('first_response_from', store.db.types.UtcDateTime(timezone=True), nullable=True))
    # The first inbound mention needing a response; while none does, the first inbound mention.
    op.execute(sa.text(f"UPDATE conversation SET first_response_from = COALESCE(({_INBOUND} AND m.needs_response "
                       f"= :yes), ({_INBOUND}))").bindparams(yes=True))
    # Our first reply at or after it, and the time between.
    op.execute("UPDATE conversation SET first_response_at = (SELECT MIN(m.created_at) FROM mention m "
               "WHERE m.conversation_id = conversation.id AND m.direction = 'outbound' "
               "AND m.created_at >= conversation.first_response_from)")
    if op.get_bind().dialect.name == "postgresql":
        seconds = "EXTRACT(EPOCH FROM (first_response_at - first_response_from))"
    else:
        # julianday's double holds about a tenth of a millisecond today: rounded to the millisecond
        seconds = "ROUND((julianday(first_response_at) - julianday(first_response_from)) * 86400.0, 3)"
    op.execute(f"UPDATE conversation SET first_response_seconds = CASE WHEN first_response_at IS NULL THEN NULL "
               f"ELSE {seconds} END")


def downgrade() -> None:
    with op.batch_alter_table('conversation') as batch:
        batch.drop_column('first_response_from')
