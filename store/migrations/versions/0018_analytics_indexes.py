"""Indexes for analytics (store.analytics_fast, measured by bench/analytics.py on 300,000 cases and 1,000,000
mentions). A period's closed cases (by status and closed_at) and opened cases (by opened_at), each with the columns
their reports group by and measure, so that counts, rates and durations read the index alone on SQLite (no lookup
of each case's row, which made a year's report take seconds); mentions by created_at with source and direction.

Revision ID: 0018
Revises: 0017
"""
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

CLOSED = ['status', 'closed_at', 'source', 'team_id', 'priority', 'assignee_id', 'transfers', 'reopen_count',
          'resolution_seconds', 'handle_seconds', 'first_response_seconds']
OPENED = ['opened_at', 'status', 'source', 'team_id', 'priority', 'assignee_id', 'first_response_seconds',
          'first_response_at']


def upgrade() -> None:
    op.create_index('ix_case_analytics_closed', 'case', CLOSED, unique=False)
    op.create_index('ix_case_analytics_opened', 'case', OPENED, unique=False)
    op.create_index('ix_mention_created_source_direction', 'mention', ['created_at', 'source', 'direction'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_mention_created_source_direction', table_name='mention')
    op.drop_index('ix_case_analytics_opened', table_name='case')
    op.drop_index('ix_case_analytics_closed', table_name='case')
