"""saved_report.email_to: the addresses a scheduled report is emailed to (issue 16).

Revision ID: 0022
Revises: 0021
"""
import sqlalchemy as sa
from alembic import op

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('saved_report') as batch:
        batch.add_column(sa.Column('email_to', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('saved_report') as batch:
        batch.drop_column('email_to')
