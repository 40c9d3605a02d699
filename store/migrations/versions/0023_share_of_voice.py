"""share_of_voice_settings: the brand and competitor terms ops leads keep for share of voice (issue 16), one row;
none: the setting SWITCHBOARD_SHARE_OF_VOICE.

Revision ID: 0023
Revises: 0022
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

import store.db.types

revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'share_of_voice_settings',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('terms', sa.JSON(), nullable=True),
        sa.Column('updated_at', store.db.types.UtcDateTime(timezone=True), nullable=False),
        sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )


def downgrade() -> None:
    op.drop_table('share_of_voice_settings')
