"""The case rollup (store.rollups): cases counted per UTC hour, day and month, team and one dimension (channel,
assignee, priority or tag), with duration sums and log-scale histograms (JSON text per cell), so that a year's
case report reads summary rows (bench/analytics.py); the cases marked since the last fold and each case as the
rollup counts it. Mentions likewise per hour, day, month, channel, direction and one of tag, language and
sentiment label, with their sentiment's sum (store.mention_rollup), and the deltas not folded yet. The mention
rollup is backfilled from the mentions there are; the case rollup by 0025 (which adds the column it reads last).

Revision ID: 0024
Revises: 0023
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None

KEY = [('dim', 10), ('grain', 1), ('at', 13), ('team', None), ('value', None)]
MEASURES = ['n', 'transferred', 'reopened', 'sla_fr_met', 'sla_fr_breached', 'sla_fr_cwr', 'sla_nr_met',
            'sla_nr_breached', 'sla_nr_cwr', 'sla_res_met', 'sla_res_breached', 'sla_res_cwr', 'first_response_n',
            'first_response_us', 'resolution_n', 'resolution_us', 'handle_n', 'handle_us', 'auto_replied',
            'resolved_by_auto_reply', 'next_response_n', 'next_response_us']
HISTS = ['first_response', 'resolution', 'handle', 'next_response']


def _key(first: tuple[str, int]) -> list[sa.Column]:
    return [sa.Column(name, sqlmodel.sql.sqltypes.AutoString(**({'length': n} if n else {})), nullable=False)
            for name, n in [first, *KEY]]


def _mention_key() -> list[sa.Column]:
    return [sa.Column(name, sqlmodel.sql.sqltypes.AutoString(**({'length': n} if n else {})), nullable=False)
            for name, n in [('grain', 1), ('at', 13), ('source', None), ('direction', 10), ('dim', 10),
                            ('value', None)]]


def _mention_measures() -> list[sa.Column]:
    return [sa.Column(m, sa.BigInteger(), nullable=False) for m in ('n', 'sentiment_n', 'sentiment_micro')]


def upgrade() -> None:
    op.create_table('case_rollup', *_key(('basis', 8)),
                    *(sa.Column(m, sa.BigInteger(), nullable=False) for m in MEASURES),
                    *(sa.Column(f'{m}_hist', sa.Text(), nullable=False) for m in HISTS),
                    sa.PrimaryKeyConstraint('basis', 'dim', 'grain', 'at', 'team', 'value'))
    op.create_table('mention_rollup', *_mention_key(), *_mention_measures(),
                    sa.PrimaryKeyConstraint('grain', 'at', 'source', 'direction', 'dim', 'value'))
    op.create_table('case_rollup_pending',
                    sa.Column('case_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
                    sa.Column('marks', sa.BigInteger(), nullable=False),
                    sa.PrimaryKeyConstraint('case_id'))
    op.create_table('case_rollup_seen',
                    sa.Column('case_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
                    sa.Column('state', sa.Text(), nullable=False),
                    sa.PrimaryKeyConstraint('case_id'))
    op.create_table('mention_rollup_delta', sa.Column('id', sa.Integer(), nullable=False), *_mention_key(),
                    *_mention_measures(), sa.PrimaryKeyConstraint('id'))
    # The case rollup is filled by 0025's rebuild: store.rollups reads case.sla_policy, which 0025 adds.
    from store import mention_rollup
    mention_rollup.rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_table('mention_rollup_delta')
    op.drop_table('case_rollup_seen')
    op.drop_table('case_rollup_pending')
    op.drop_table('mention_rollup')
    op.drop_table('case_rollup')
