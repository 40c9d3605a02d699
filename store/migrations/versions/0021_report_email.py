"""saved_report.email_to: the addresses a scheduled report is emailed to (issue 16). Numbered 0021 beside other
work in flight: renumber on merge.

Revision ID: 0021
Revises: 0020
"""
import sqlalchemy as sa
from alembic import op

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('saved_report') as batch:
        batch.add_column(sa.Column('email_to', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('saved_report') as batch:
        batch.drop_column('email_to')
